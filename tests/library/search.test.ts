// Full-text search: words and phrases, filters, snippets, paging, the switch
// from relevance to recency for large match sets, and hostile input.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isLibraryError, RANK_LIMIT } from '../../electron/library/index';
import type { Library } from '../../electron/library/index';
import { parseSearch } from '../../shared/library/search-query';
import { article, codeOf, newLibrary, version } from './helpers';

async function seeded(): Promise<{ library: Library; ids: { post: number; gazette: number; wire: number; undated: number } }> {
  const { library } = await newLibrary();
  const crane = library.stories.create('Crane collapse');
  const add = (text: string, more: Parameters<typeof version>[2]) => library.versions.add(version(text, { id: crane.id }, more)).versionId;
  const ids = {
    post: add(article(1, 'The Zürich harbour master declined to comment.'), { title: 'Crane falls on ships', outlet: { name: 'Harbour Post' }, publishedAt: '2025-03-01' }),
    gazette: add(article(2, 'Maria Lund later resigned.'), { title: 'Port chief speaks', outlet: { name: 'Dock Gazette' }, publishedAt: '2025-03-02T23:30:00Z' }),
    wire: add(article(3, 'Lund, Maria was quoted by the wire.'), { title: 'Wire copy', outlet: { name: 'Wire' }, publishedAt: '2025-03-05' }),
    undated: add('An unrelated note about tariffs and steel quotas.', { title: 'Tariffs' }),
  };
  return { library, ids };
}

const ids = (library: Library, query: Parameters<Library['search']>[0]) => library.search(query).hits.map((h) => h.versionId);

describe('search', () => {
  it('finds words (all must occur) in title, text and outlet, diacritics folded', async () => {
    const { library, ids: v } = await seeded();
    expect(ids(library, { text: 'zurich' })).toEqual([v.post]);
    expect(ids(library, { text: 'ZÜRICH harbour' })).toEqual([v.post]);
    expect(ids(library, { text: 'gazette' })).toEqual([v.gazette]);
    expect(ids(library, { text: 'tariffs' })).toEqual([v.undated]);
    expect(ids(library, { text: 'zurich tariffs' })).toEqual([]);
    library.close();
  });

  it('matches "phrases" as phrases', async () => {
    const { library, ids: v } = await seeded();
    expect(new Set(ids(library, { text: 'maria lund' }))).toEqual(new Set([v.post, v.gazette, v.wire]));
    expect(ids(library, { text: '"lund maria"' })).toEqual([v.wire]);
    expect(ids(library, { text: '“Maria Lund later”' })).toEqual([v.gazette]);
    library.close();
  });

  it('ranks by relevance when few match, a title hit first, with an exact total', async () => {
    const { library, ids: v } = await seeded();
    const result = library.search({ text: 'crane' });
    expect(result).toMatchObject({ total: 3, totalIsExact: true, order: 'relevance' });
    expect(result.hits[0]!.versionId).toBe(v.post);
    expect(result.hits.every((h) => typeof h.score === 'number')).toBe(true);
    const recent = library.search({ text: 'crane', order: 'recency' });
    expect(recent.order).toBe('recency');
    expect(recent.hits.map((h) => h.versionId)).toEqual([v.wire, v.gazette, v.post]);
    library.close();
  });

  it('returns hits with story, outlet and a snippet with the matches marked', async () => {
    const { library, ids: v } = await seeded();
    const [hit] = library.search({ text: 'declined' }).hits;
    expect(hit).toMatchObject({ versionId: v.post, storyTitle: 'Crane collapse', title: 'Crane falls on ships', outlet: 'Harbour Post', publishedAt: '2025-03-01', sourceName: 'article.txt' });
    expect(hit!.snippet.filter((p) => p.match)).toEqual([{ text: 'declined', match: true }]);
    expect(hit!.snippet.map((p) => p.text).join('')).toContain('harbour master declined to comment');
    library.close();
  });

  it('takes every hit\'s snippet from its own version', async () => {
    const { library, ids: v } = await seeded();
    // article(n, …) opens with "report n", right beside the matched word.
    const own = { [v.post]: 'report 1', [v.gazette]: 'report 2', [v.wire]: 'report 3' };
    const hits = library.search({ text: 'crane' }).hits;
    expect(hits).toHaveLength(3);
    for (const hit of hits) expect(hit.snippet.map((p) => p.text).join(''), `version ${hit.versionId}`).toContain(own[hit.versionId]);
    library.close();
  });

  it('filters by outlet, story, date range and annotation tag', async () => {
    const { library, ids: v } = await seeded();
    const outlets = Object.fromEntries(library.outlets.list().map((o) => [o.name, o.id]));
    expect(ids(library, { text: 'crane', outletIds: [outlets['Dock Gazette']!, outlets['Wire']!], order: 'recency' })).toEqual([v.wire, v.gazette]);
    expect(ids(library, { text: 'crane', publishedFrom: '2025-03-02', publishedTo: '2025-03-02' })).toEqual([v.gazette]);
    expect(ids(library, { text: 'crane', publishedTo: '2025-03-02T12:00:00Z', order: 'recency' })).toEqual([v.post]);
    expect(ids(library, { text: 'crane', publishedFrom: '2025-03-03' })).toEqual([v.wire]);
    const other = library.stories.create('Other');
    expect(ids(library, { text: 'crane', storyId: other.id })).toEqual([]);
    library.annotations.create({ versionId: v.wire, start: 0, end: 7, tags: ['to check'] });
    const tag = library.tags.list()[0]!.id;
    expect(ids(library, { text: 'crane', tagId: tag })).toEqual([v.wire]);
    expect(ids(library, { text: 'crane', tagId: tag, outletIds: [outlets['Harbour Post']!] })).toEqual([]);
    expect(codeOf(() => library.search({ text: 'crane', publishedFrom: 'March' }))).toBe('invalid');
    library.close();
  });

  it('pages through results', async () => {
    const { library } = await seeded();
    const all = ids(library, { text: 'crane' });
    expect(ids(library, { text: 'crane', limit: 2 })).toEqual(all.slice(0, 2));
    expect(ids(library, { text: 'crane', limit: 2, offset: 2 })).toEqual(all.slice(2));
    expect(codeOf(() => library.search({ text: 'crane', limit: 1000 }))).toBe('invalid');
    library.close();
  });

  it('switches to newest first when more than RANK_LIMIT versions match', async () => {
    const { library } = await newLibrary();
    const story = library.stories.create('Many');
    library.transaction(() => {
      for (let i = 0; i <= RANK_LIMIT + 5; i++) library.versions.add(version(`Common words in report ${i}.`, { id: story.id }));
    });
    const result = library.search({ text: 'common', limit: 10 });
    expect(result).toMatchObject({ order: 'recency', total: RANK_LIMIT, totalIsExact: false });
    const newest = RANK_LIMIT + 6;
    expect(result.hits.map((h) => h.versionId)).toEqual(Array.from({ length: 10 }, (_, i) => newest - i));
    // Beyond the first window, paging goes on in the same order.
    const deep = library.search({ text: 'common', limit: 3, offset: RANK_LIMIT });
    expect(deep.hits.map((h) => h.versionId)).toEqual([6, 5, 4]);
    expect(library.search({ text: '"report 17"' })).toMatchObject({ order: 'relevance', total: 1 });
    library.close();
  });

  it('reports an empty query as invalid', async () => {
    const { library } = await seeded();
    for (const text of ['', '   ', '""', '* - ( )', '“ ”']) expect(codeOf(() => library.search({ text }))).toBe('invalid');
    library.close();
  });

  it('treats FTS5 syntax in user input as plain words, never as an error', async () => {
    const { library, ids: v } = await seeded();
    for (const text of ['"foo AND (', 'NEAR(', '*', '-', '"', "'", 'crane*', '-crane', 'title:crane', 'crane OR', 'AND', '^crane', 'crane)', '(crane', 'NOT crane', '""crane""']) {
      const result = (() => {
        try {
          return library.search({ text });
        } catch (error) {
          if (isLibraryError(error, 'invalid')) return null;
          throw error;
        }
      })();
      if (result && /crane/.test(text) && !/NOT|OR|title/.test(text)) expect(result.hits.length).toBeGreaterThan(0);
    }
    expect(ids(library, { text: 'crane)' }).length).toBe(3);
    // A hyphenated word is a phrase of its parts: "crane falls" is in one title.
    expect(ids(library, { text: '"maria lund" crane-falls' })).toEqual([v.post]);
    expect(ids(library, { text: 'crane falls' })).toContain(v.post);
    library.close();
  });

  it('never throws anything but an invalid LibraryError, whatever is typed', async () => {
    const { library } = await seeded();
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: fc.constantFrom('"', '(', ')', '*', '-', '^', ':', '+', ' ', 'a', 'N', 'E', 'A', 'R', 'O', '“', '\u0000', 'é', '{', '}', ',') }), (text) => {
        try {
          library.search({ text });
        } catch (error) {
          expect(isLibraryError(error, 'invalid')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        try {
          library.search({ text });
        } catch (error) {
          expect(isLibraryError(error, 'invalid')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    library.close();
  });
});

describe('parseSearch', () => {
  it('quotes every term so nothing is FTS5 syntax', () => {
    expect(parseSearch('foo AND (bar')).toMatchObject({ ok: true, fts: '"foo" "AND" "(bar"' });
    expect(parseSearch('"maria lund"  said')).toMatchObject({ ok: true, fts: '"maria lund" "said"' });
    expect(parseSearch('"unclosed phrase')).toMatchObject({ ok: true, fts: '"unclosed phrase"' });
    expect(parseSearch('NEAR( * - "')).toMatchObject({ ok: true, fts: '"NEAR("' });
    expect(parseSearch('  ').ok).toBe(false);
    expect(parseSearch('x '.repeat(40)).ok).toBe(false);
  });
});
