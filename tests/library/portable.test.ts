// Export to one portable file and import into another library: a faithful
// round trip, merging by content hash, and all-or-nothing imports.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { exportLibrary, importLibraryFile, inspectLibraryFile, latestVersion, openConnection } from '../../electron/library/index';
import type { Library } from '../../electron/library/index';
import { article, codeOf, newLibrary, version } from './helpers';

/** A library with two stories, outlets, decisions, annotations and tags. */
async function populated() {
  const made = await newLibrary();
  const { library } = made;
  const a1 = library.versions.add(version(article(1), { title: 'Crane' }, { outlet: { name: 'Harbour Post', domain: 'hp.example' }, publishedAt: '2025-03-01', byline: 'By A' }));
  const a2 = library.versions.add(version(article(2), { id: a1.storyId }, { outlet: { name: 'Wire' }, sourceKind: 'html', sourceName: 'wire.html' }));
  const b1 = library.versions.add(version(article(3), { title: 'Strike' }));
  library.stories.create('Empty story');
  library.decisions.set(a1.versionId, 0, false);
  library.annotations.create({ versionId: a1.versionId, start: 0, end: 7, note: 'Harbour?', verdict: 'supported', tags: ['place'] });
  library.annotations.create({ versionId: a2.versionId, start: 8, end: 13, note: 'crane', verdict: 'disputed', tags: ['place', 'object'] });
  library.analysis.put(a1.storyId, { engineVersion: '0.1.0', inputHash: 'a'.repeat(64) }, '{"cached":true}');
  return { ...made, a1, a2, b1 };
}

/** Everything a user would see of a library, without ids or import times. */
function snapshot(library: Library) {
  return library.stories
    .list({ limit: 500 })
    .items.map((story) => ({
      title: story.title,
      createdAt: story.createdAt,
      versions: library.versions.listByStory(story.id).map((v) => {
        const full = library.versions.get(v.id)!;
        return {
          text: full.text,
          hash: v.contentHash,
          title: v.title,
          byline: v.byline,
          outlet: v.outlet && { name: v.outlet.name, domain: v.outlet.domain },
          publishedAt: v.publishedAt,
          sourceName: v.sourceName,
          sourceKind: v.sourceKind,
          importedAt: v.importedAt,
          decisions: library.decisions.get(v.id),
          annotations: library.annotations.listByVersion(v.id).map(({ start, end, quote, prefix, suffix, note, verdict, tags, createdAt }) => ({
            start,
            end,
            quote,
            prefix,
            suffix,
            note,
            verdict,
            tags,
            createdAt,
          })),
        };
      }),
    }))
    .sort((x, y) => x.title.localeCompare(y.title));
}

describe('export and import', () => {
  it('round-trips a whole library through one file', async () => {
    const { library, dir } = await populated();
    const file = join(dir, 'export.parallax');
    const exported = exportLibrary(library, file);
    expect(exported).toMatchObject({ storiesCreated: 3, versionsAdded: 3, annotationsAdded: 2, decisionsAdded: 1 });
    expect(existsSync(`${file}.partial`)).toBe(false);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(inspectLibraryFile(file)).toEqual({ path: file, schemaVersion: latestVersion(), stories: 3, versions: 3, annotations: 2 });
    const check = openConnection(file, { readonly: true });
    expect(check.prepare('SELECT count(*) FROM analysis_cache').pluck().get()).toBe(0);
    check.close();

    const { library: other } = await newLibrary();
    const imported = importLibraryFile(other, file);
    expect(imported).toMatchObject({ storiesCreated: 3, versionsAdded: 3, versionsDuplicate: 0, annotationsAdded: 2 });
    expect(snapshot(other)).toEqual(snapshot(library));
    expect(other.search({ text: 'crane' }).total).toBe(3);
    library.close();
    other.close();
  });

  it('exports only the chosen stories', async () => {
    const { library, dir, a1 } = await populated();
    const file = join(dir, 'crane.parallax');
    exportLibrary(library, file, { storyIds: [a1.storyId] });
    expect(inspectLibraryFile(file)).toMatchObject({ stories: 1, versions: 2, annotations: 2 });
    expect(codeOf(() => exportLibrary(library, join(dir, 'x.parallax'), { storyIds: [999] }))).toBe('not-found');
    expect(codeOf(() => exportLibrary(library, library.file))).toBe('invalid');
    library.close();
  });

  it('merges: known versions are not duplicated, and importing twice changes nothing', async () => {
    const { library, dir, a1 } = await populated();
    const file = join(dir, 'export.parallax');
    exportLibrary(library, file);
    const { library: other } = await newLibrary();
    // The other library already has one of the versions, with its own decision and note.
    const mine = other.versions.add(version(article(1), { title: 'My crane' }));
    other.decisions.set(mine.versionId, 0, true);
    const result = importLibraryFile(other, file);
    expect(result).toMatchObject({ versionsAdded: 2, versionsDuplicate: 1, annotationsAdded: 2 });
    // The existing version keeps its own decision and gains the imported annotation.
    expect(other.decisions.get(mine.versionId)).toEqual({ 0: true });
    expect(other.annotations.listByVersion(mine.versionId).map((a) => a.note)).toEqual(['Harbour?']);
    expect(other.versions.findByHash(library.versions.getMeta(a1.versionId)!.contentHash)!.id).toBe(mine.versionId);

    const before = snapshot(other);
    expect(importLibraryFile(other, file)).toMatchObject({ storiesCreated: 0, versionsAdded: 0, versionsDuplicate: 3, annotationsAdded: 0, annotationsSkipped: 2, decisionsAdded: 0 });
    expect(snapshot(other)).toEqual(before);
    library.close();
    other.close();
  });

  it('imports nothing when any part of the file is bad', async () => {
    const { library, dir, a2 } = await populated();
    const file = join(dir, 'export.parallax');
    exportLibrary(library, file);
    // Hand-edit the file: the last annotation's quote no longer occurs in its text.
    const edit = new Database(file);
    edit.prepare("UPDATE annotations SET quote = 'QQQQQ' WHERE note = 'crane'").run();
    edit.close();
    const { library: other } = await newLibrary();
    other.versions.add(version(article(9), { title: 'Mine' }));
    const error = (() => {
      try {
        importLibraryFile(other, file);
      } catch (e) {
        return e as Error & { code: string };
      }
    })();
    expect(error).toMatchObject({ code: 'invalid' });
    expect(error?.message).toMatch(/export\.parallax: annotation \d+: its quote is not in the text of version \d+/);
    expect(other.stories.list().total).toBe(1);
    expect(other.versions.findByHash(library.versions.getMeta(a2.versionId)!.contentHash)).toBeNull();
    expect(other.search({ text: 'crane' }).total).toBe(1);
    library.close();
    other.close();
  });

  it('refuses a text whose hash does not match', async () => {
    const { library, dir } = await populated();
    const file = join(dir, 'export.parallax');
    exportLibrary(library, file);
    const edit = new Database(file);
    edit.prepare("UPDATE versions SET content_hash = ? WHERE id = 1").run('b'.repeat(64));
    edit.close();
    const { library: other } = await newLibrary();
    expect(() => importLibraryFile(other, file)).toThrow(/its text does not match its content hash/);
    expect(other.stories.list().total).toBe(0);
    library.close();
    other.close();
  });

  it('refuses files that are not libraries, newer libraries and missing files', async () => {
    const { library, dir } = await newLibrary();
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'These are just some notes, not a database, but long enough to have a header of sorts. '.repeat(3));
    expect(codeOf(() => importLibraryFile(library, text))).toBe('invalid');
    const foreign = join(dir, 'other.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE stories (id INTEGER PRIMARY KEY)');
    db.close();
    expect(codeOf(() => importLibraryFile(library, foreign))).toBe('invalid');
    const newer = join(dir, 'newer.parallax');
    exportLibrary(library, newer);
    const bump = new Database(newer);
    bump.pragma(`user_version = ${latestVersion() + 10}`);
    bump.close();
    expect(codeOf(() => importLibraryFile(library, newer))).toBe('too-new');
    expect(codeOf(() => importLibraryFile(library, join(dir, 'missing.parallax')))).toBe('not-found');
    expect(codeOf(() => importLibraryFile(library, library.file))).toBe('invalid');
    library.close();
  });
});
