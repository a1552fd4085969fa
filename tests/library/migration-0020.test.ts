// Schema 20 (version_keys) on a database at schema 10 with data in it, and
// the fingerprint store on top of it.
import { describe, expect, it } from 'vitest';
import { Library, latestVersion, migrate, MIGRATIONS, openConnection } from '../../electron/library/index';
import type { Db } from '../../electron/library/index';
import { overlaps, setVersionKeys, suggestionsFor, versionKeys } from '../../electron/library/version-keys';
import { article, codeOf, version } from './helpers';

function atSchema10(): { db: Db; library: Library } {
  const db = openConnection(':memory:');
  migrate(db, { to: 10 });
  const library = new Library(db);
  const story = library.stories.create('Crane');
  library.versions.add(version(article(1), { id: story.id }, { outlet: { name: 'Harbour Post' } }));
  library.versions.add(version(article(2), { id: story.id }));
  library.annotations.create({ versionId: 1, start: 0, end: 7, note: 'n', tags: ['t'] });
  return { db, library };
}

describe('migration 0020 (version-keys)', () => {
  it('is the newest step and follows schema 10', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual([10, 20]);
    expect(latestVersion()).toBe(20);
  });

  it('adds version_keys to a schema-10 library and keeps its data', () => {
    const { db, library } = atSchema10();
    const before = db.prepare('SELECT id, story_id, content_hash FROM versions ORDER BY id').all();
    expect(migrate(db)).toEqual({ from: 10, to: 20, applied: [20] });
    expect(db.pragma('user_version', { simple: true })).toBe(20);
    expect(db.prepare('SELECT id, story_id, content_hash FROM versions ORDER BY id').all()).toEqual(before);
    expect(library.annotations.listByVersion(1)).toHaveLength(1);
    const table = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'version_keys'").pluck().get() as string;
    expect(table).toMatch(/PRIMARY KEY \(key, version_id\)/);
    expect(table).toMatch(/WITHOUT ROWID/);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'version_keys' AND sql IS NOT NULL").pluck().all()).toEqual([
      'version_keys_by_version',
    ]);
    // Versions from before the step simply have no keys yet.
    expect(db.prepare('SELECT count(*) FROM version_keys').pluck().get()).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('ties keys to their version: unknown versions refused, deletion cascades, a key once per version', () => {
    const { db, library } = atSchema10();
    migrate(db);
    setVersionKeys(library, 1, ['e:lund', 'n:10', 'e:lund']);
    setVersionKeys(library, 2, ['e:lund']);
    expect(versionKeys(library, 1)).toEqual(['e:lund', 'n:10']);
    expect(codeOf(() => library.transaction(() => db.prepare("INSERT INTO version_keys (version_id, key) VALUES (99, 'x')").run()))).toBe('invalid');
    expect(codeOf(() => library.transaction(() => db.prepare("INSERT INTO version_keys (version_id, key) VALUES (1, '')").run()))).toBe('invalid');
    setVersionKeys(library, 1, ['d:2024-03']);
    expect(versionKeys(library, 1)).toEqual(['d:2024-03']);
    library.versions.delete(1);
    expect(db.prepare('SELECT version_id, key FROM version_keys').all()).toEqual([{ version_id: 2, key: 'e:lund' }]);
    library.stories.delete(library.stories.list().items[0]!.id);
    expect(db.prepare('SELECT count(*) FROM version_keys').pluck().get()).toBe(0);
  });
});

describe('overlaps and suggestionsFor', () => {
  function library3(): Library {
    const db = openConnection(':memory:');
    migrate(db);
    const library = new Library(db);
    const add = (n: number, story: { id: number } | { title: string }, keys: string[]) => {
      const added = library.versions.add(version(article(n), story));
      setVersionKeys(library, added.versionId, keys);
      return added.storyId;
    };
    const a = add(1, { title: 'A' }, ['e:a', 'e:b', 'n:270']);
    add(2, { id: a }, ['e:b', 'e:c', 'd:2024-03-14']);
    add(3, { title: 'B' }, ['e:a', 'e:x']);
    return library;
  }

  it('counts distinct shared keys per story, leaving out the excluded ones', () => {
    const library = library3();
    const sorted = (rows: { storyId: number; shared: number }[]) => [...rows].sort((x, y) => x.storyId - y.storyId);
    expect(sorted(overlaps(library, ['e:a', 'e:b', 'e:c', 'n:270', 'e:zz']))).toEqual([
      { storyId: 1, shared: 4 },
      { storyId: 2, shared: 1 },
    ]);
    expect(overlaps(library, ['e:a', 'e:b'], { excludeStoryIds: [1] })).toEqual([{ storyId: 2, shared: 1 }]);
    expect(overlaps(library, [])).toEqual([]);
    expect(suggestionsFor(library, ['e:a', 'e:b', 'e:c', 'd:2024-03-14'])).toEqual([{ storyId: 1, shared: 4, share: 1 }]);
    expect(suggestionsFor(library, ['e:a', 'e:x', 'e:q', 'e:r'])).toEqual([]);
  });

  it('leaves out keys held by too many versions to say anything about one story', () => {
    const db = openConnection(':memory:');
    migrate(db);
    const library = new Library(db);
    library.transaction(() => {
      for (let n = 1; n <= 600; n++) {
        const added = library.versions.add(version(`${article(n)}\nCopy ${n}.`, { title: `Story ${n}` }));
        setVersionKeys(library, added.versionId, ['d:2024', `e:only-${n}`, `n:${n}00`, `q:${n}`]);
      }
    });
    // 'd:2024' is in all 600 versions (over the 500 floor): not walked, not counted.
    const found = overlaps(library, ['d:2024', 'e:only-7', 'n:700', 'q:7']);
    expect(found).toEqual([{ storyId: 7, shared: 3 }]);
    expect(suggestionsFor(library, ['d:2024', 'e:only-7', 'n:700', 'q:7'])).toEqual([{ storyId: 7, shared: 3, share: 1 }]);
  });
});
