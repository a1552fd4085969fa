// Stories and versions through the Library API: duplicates by content hash,
// metadata, moves, merges, ordering, paging and counts.
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../electron/library/index';
import { article, codeOf, newLibrary, steppingClock, version } from './helpers';

describe('versions', () => {
  it('adds a version once: the same text again is a duplicate, wherever it is added', async () => {
    const { library } = await newLibrary();
    const first = library.versions.add(version(article(1), { title: 'Crane' }, { outlet: { name: 'Harbour Post', domain: 'harbour.example' } }));
    expect(first).toEqual({ status: 'added', versionId: 1, storyId: 1 });
    const other = library.stories.create('Elsewhere');
    expect(library.versions.add(version(article(1), { id: other.id }))).toEqual({ status: 'duplicate', versionId: 1, storyId: 1 });
    // A duplicate never creates the story it would have gone into.
    expect(library.versions.add(version(article(1), { title: 'Never made' }))).toMatchObject({ status: 'duplicate' });
    expect(library.stories.list().items.map((s) => s.title).sort()).toEqual(['Crane', 'Elsewhere']);
    // One character different is a different version.
    expect(library.versions.add(version(`${article(1)} `, { id: other.id })).status).toBe('added');
    library.close();
  });

  it('stores the text exactly and the metadata as given, dates normalised', async () => {
    const { library } = await newLibrary({ clock: steppingClock() });
    const text = '\uFEFFno BOM expected here but kept as given\r\nline two\u2028end';
    const { versionId } = library.versions.add(
      version(text, { title: 'Exact' }, {
        title: '  Crane falls  ',
        byline: 'By A. Writer',
        url: 'https://harbour.example/crane',
        publishedAt: '2025-03-04T10:00:00+02:00',
        capturedAt: '2025-03-05',
        outlet: { name: 'Harbour Post' },
        sourceKind: 'html',
        sourceName: 'crane.html',
      }),
    );
    const stored = library.versions.get(versionId)!;
    expect(stored.text).toBe(text);
    expect(stored).toMatchObject({
      title: 'Crane falls',
      byline: 'By A. Writer',
      url: 'https://harbour.example/crane',
      publishedAt: '2025-03-04T08:00:00.000Z',
      capturedAt: '2025-03-05',
      sourceKind: 'html',
      sourceName: 'crane.html',
      outlet: { name: 'Harbour Post', domain: null },
      contentHash: contentHash(text),
      length: text.length,
      position: 0,
    });
    expect(stored.importedAt).toMatch(/^2025-01-01T00:00:\d\d\.000Z$/);
    expect(library.versions.findByHash(contentHash(text))?.id).toBe(versionId);
    library.close();
  });

  it('refuses bad input with invalid, naming the field', async () => {
    const { library } = await newLibrary();
    const story = library.stories.create('Crane');
    expect(codeOf(() => library.versions.add(version('   ', { id: story.id })))).toBe('invalid');
    expect(codeOf(() => library.versions.add(version(article(1), { id: story.id }, { sourceKind: 'exe' as never })))).toBe('invalid');
    expect(() => library.versions.add(version(article(1), { id: story.id }, { publishedAt: 'last Tuesday' }))).toThrow(/publishedAt/);
    expect(() => library.versions.add(version(article(1), { id: story.id }, { publishedAt: '2025-02-30' }))).toThrow(/publishedAt/);
    expect(codeOf(() => library.versions.add(version(article(1), { id: 999 })))).toBe('not-found');
    expect(codeOf(() => library.versions.add({ ...version(article(1), { id: story.id }), extra: 1 } as never))).toBe('invalid');
    expect(library.versions.listByStory(story.id)).toEqual([]);
    library.close();
  });

  it('updates only the fields given, and null clears one', async () => {
    const { library } = await newLibrary();
    const { versionId } = library.versions.add(version(article(1), { title: 'Crane' }, { title: 'Old', byline: 'By B', outlet: { name: 'Post' } }));
    const updated = library.versions.update(versionId, { title: 'New', outlet: { name: 'post', domain: 'post.example' } });
    expect(updated).toMatchObject({ title: 'New', byline: 'By B', outlet: { name: 'Post', domain: 'post.example' } });
    expect(library.outlets.list()).toHaveLength(1);
    const cleared = library.versions.update(versionId, { byline: null, outlet: null, publishedAt: '2025-01-02' });
    expect(cleared).toMatchObject({ title: 'New', byline: null, outlet: null, publishedAt: '2025-01-02' });
    expect(codeOf(() => library.versions.update(versionId, { text: 'changed' } as never))).toBe('invalid');
    expect(codeOf(() => library.versions.update(42, { title: 'x' }))).toBe('not-found');
    library.close();
  });

  it('moves, reorders and deletes versions', async () => {
    const { library } = await newLibrary();
    const a = library.versions.add(version(article(1), { title: 'A' }));
    const a2 = library.versions.add(version(article(2), { id: a.storyId }));
    const a3 = library.versions.add(version(article(3), { id: a.storyId }));
    const b = library.stories.create('B');
    expect(library.versions.move(a2.versionId, b.id)).toMatchObject({ storyId: b.id, position: 0 });
    expect(library.versions.listByStory(a.storyId).map((v) => v.id)).toEqual([a.versionId, a3.versionId]);
    library.versions.reorder(a.storyId, [a3.versionId, a.versionId]);
    expect(library.versions.listByStory(a.storyId).map((v) => v.id)).toEqual([a3.versionId, a.versionId]);
    expect(codeOf(() => library.versions.reorder(a.storyId, [a3.versionId]))).toBe('invalid');
    library.annotations.create({ versionId: a3.versionId, start: 0, end: 7, note: 'n' });
    library.decisions.set(a3.versionId, 0, false);
    library.versions.delete(a3.versionId);
    expect(library.versions.get(a3.versionId)).toBeNull();
    expect(library.db.prepare('SELECT count(*) FROM annotations').pluck().get()).toBe(0);
    expect(library.db.prepare('SELECT count(*) FROM boilerplate_decisions').pluck().get()).toBe(0);
    expect(library.search({ text: 'report 3' }).total).toBe(0);
    expect(codeOf(() => library.versions.delete(a3.versionId))).toBe('not-found');
    library.close();
  });
});

describe('stories', () => {
  it('lists most recently changed first, a page at a time, with counts', async () => {
    const { library } = await newLibrary({ clock: steppingClock() });
    const ids = Array.from({ length: 7 }, (_, i) => library.stories.create(`Story ${i}`).id);
    library.versions.add(version(article(1), { id: ids[2]! }));
    const v = library.versions.add(version(article(2), { id: ids[2]! }));
    library.annotations.create({ versionId: v.versionId, start: 0, end: 7 });
    const first = library.stories.list({ limit: 3 });
    expect(first.total).toBe(7);
    expect(first.items.map((s) => s.id)).toEqual([ids[2], ids[6], ids[5]]);
    expect(first.items[0]).toMatchObject({ versionCount: 2, annotationCount: 1 });
    expect(library.stories.list({ limit: 3, offset: 6 }).items.map((s) => s.id)).toEqual([ids[0]]);
    expect(codeOf(() => library.stories.list({ limit: 0 }))).toBe('invalid');
    library.close();
  });

  it('renames, deletes with everything in them, and refuses empty titles', async () => {
    const { library } = await newLibrary();
    const { storyId, versionId } = library.versions.add(version(article(1), { title: 'Crane' }));
    expect(library.stories.rename(storyId, '  Crane collapse ').title).toBe('Crane collapse');
    expect(codeOf(() => library.stories.rename(storyId, '  '))).toBe('invalid');
    library.annotations.create({ versionId, start: 0, end: 7, tags: ['check'] });
    library.analysis.put(storyId, { engineVersion: '0.1.0', inputHash: 'a'.repeat(64) }, '{}');
    library.stories.delete(storyId);
    for (const table of ['stories', 'versions', 'version_texts', 'annotations', 'annotation_tags', 'analysis_cache']) {
      expect(library.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    }
    expect(library.tags.list()).toEqual([{ id: 1, name: 'check', annotationCount: 0 }]);
    expect(codeOf(() => library.stories.delete(storyId))).toBe('not-found');
    library.close();
  });

  it('merges stories in the order given, keeping each one’s order', async () => {
    const { library } = await newLibrary();
    const a = library.versions.add(version(article(1), { title: 'A' }));
    const b1 = library.versions.add(version(article(2), { title: 'B' }));
    const b2 = library.versions.add(version(article(3), { id: b1.storyId }));
    const c = library.versions.add(version(article(4), { title: 'C' }));
    const merged = library.stories.merge(a.storyId, [c.storyId, b1.storyId]);
    expect(merged).toMatchObject({ id: a.storyId, versionCount: 4 });
    expect(library.versions.listByStory(a.storyId).map((v) => [v.id, v.position])).toEqual([
      [a.versionId, 0],
      [c.versionId, 1],
      [b1.versionId, 2],
      [b2.versionId, 3],
    ]);
    expect(library.stories.get(b1.storyId)).toBeNull();
    expect(codeOf(() => library.stories.merge(a.storyId, [a.storyId]))).toBe('invalid');
    expect(codeOf(() => library.stories.merge(a.storyId, [999]))).toBe('not-found');
    library.close();
  });
});

describe('outlets', () => {
  it('are unique by name regardless of case, and cannot be deleted while in use', async () => {
    const { library } = await newLibrary();
    library.versions.add(version(article(1), { title: 'A' }, { outlet: { name: 'Harbour Post' } }));
    library.versions.add(version(article(2), { title: 'B' }, { outlet: { name: 'HARBOUR POST', domain: 'hp.example' } }));
    const other = library.outlets.resolve({ name: 'Dock Gazette' });
    expect(library.outlets.list()).toEqual([
      { id: other, name: 'Dock Gazette', domain: null, versionCount: 0 },
      { id: 1, name: 'Harbour Post', domain: 'hp.example', versionCount: 2 },
    ]);
    expect(codeOf(() => library.outlets.update(1, { name: 'dock gazette' }))).toBe('invalid');
    expect(codeOf(() => library.outlets.delete(1))).toBe('invalid');
    library.outlets.delete(other);
    expect(library.outlets.get(other)).toBeNull();
    library.close();
  });
});
