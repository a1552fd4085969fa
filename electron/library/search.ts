// Full-text search over versions (title, text, outlet) with filters, paging
// and highlighted snippets.
//
// Strategy, measured on 100,000 versions of ~8 KB (1.4 GB library): walking
// FTS5 matches newest-first (rowid DESC) is nearly free, while bm25 costs a
// few microseconds per match plus, per query, a count of the versions holding
// each term — ranking every match of a word found in every version takes
// 130–220 ms. So:
//   1. one walk collects the newest RANK_LIMIT + 1 matches, filters applied
//      (scored on the way only when that is cheaper than a second walk);
//   2. at most RANK_LIMIT matches: the match set is complete, the total exact,
//      and it is ranked by bm25 (title hits weigh most) — "relevance";
//   3. more: too many to rank within budget; the newest come first and the
//      total is reported as "more than RANK_LIMIT" — "recency". Deep pages
//      re-walk with OFFSET.
// Only the shown page gets snippets. Filters join `versions` (small rows, by
// primary key) with FTS5 kept as the outer loop (CROSS JOIN); the tag filter
// is a materialised IN list (`+rowid`), because pushing it into FTS5 turns it
// into one slow lookup per tagged version.
// Measured p95 at 100k (synthetic Zipf text, warm cache, whole call with
// snippets): rare words, names and phrases 5–9 ms; a word in every version
// 8 ms; common word + tag 30 ms, + outlet or date range 75 ms; a name + outlet
// 26 ms. Known slow case: a phrase made only of very common words ("of the")
// with a filter that leaves few matches must check positions in every version
// holding those words: ~300 ms.
import { z } from 'zod';
import { ftsString, parseSearch } from '../../shared/library/search-query';
import type { SearchTerm } from '../../shared/library/search-query';
import type { SnippetPiece } from '../../shared/library/types';
import type { StoreContext } from './context';
import { LibraryError } from './errors';
import { normaliseDate, parseInput } from './validate';

/** Most matches ranked by relevance; beyond this, newest first. */
export const RANK_LIMIT = 2000;
/** Most versions a multi-word phrase may occur in for a query with it to be ranked. */
export const PHRASE_RANK_LIMIT = 10_000;
/** Two indexable characters with a separator between: the term is several tokens. */
const MULTI_TOKEN = /[\p{L}\p{N}][^\p{L}\p{N}]+[\p{L}\p{N}]/u;
export const DEFAULT_SEARCH_LIMIT = 20;
/** bm25 weights of title, text and outlet: a hit in the title says the most. */
const BM25 = 'bm25(versions_fts, 10.0, 1.0, 3.0)';
const MARK_START = '\uE000';
const MARK_END = '\uE001';
const SNIPPET_TOKENS = 20;

export interface SearchQuery {
  /** What the user typed: words (all must occur) and "quoted phrases". */
  text: string;
  /** Only versions from one of these outlets. */
  outletIds?: number[];
  /** Only versions with an annotation carrying this tag. */
  tagId?: number;
  /** Only versions of this story. */
  storyId?: number;
  /** published_at on or after this date / time. */
  publishedFrom?: string;
  /** published_at on or before this time; a date includes that whole day. */
  publishedTo?: string;
  /** 'auto' (default): relevance when the match set is small enough, else newest first. */
  order?: 'auto' | 'recency';
  /** 1–100, default 20. */
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  versionId: number;
  storyId: number;
  storyTitle: string;
  title: string | null;
  outlet: string | null;
  publishedAt: string | null;
  sourceName: string;
  /** bm25 (lower is better) when it was computed for the ranking, else null. */
  score: number | null;
  /** A passage around the best hit, with the matching words marked. */
  snippet: SnippetPiece[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** Matching versions; when `totalIsExact` is false there are more than this many. */
  total: number;
  totalIsExact: boolean;
  order: 'relevance' | 'recency';
  limit: number;
  offset: number;
  /** The FTS5 query that ran, for diagnostics. */
  ftsQuery: string;
}

const searchQuerySchema = z.strictObject({
  text: z.string(),
  outletIds: z.array(z.int().positive()).max(1000).optional(),
  tagId: z.int().positive().optional(),
  storyId: z.int().positive().optional(),
  publishedFrom: z.string().optional(),
  publishedTo: z.string().optional(),
  order: z.enum(['auto', 'recency']).optional(),
  limit: z.int().min(1).max(100).optional(),
  offset: z.int().nonnegative().optional(),
});

interface Scored {
  id: number;
  score: number | null;
}

interface Filter {
  joinVersions: boolean;
  where: string[];
  params: (string | number)[];
}

export function search(ctx: StoreContext, query: SearchQuery): SearchResult {
  const q = parseInput(searchQuerySchema, query, ctx.file, 'search');
  const parsed = parseSearch(q.text);
  if (!parsed.ok) throw new LibraryError('invalid', ctx.file, parsed.reason);
  const limit = q.limit ?? DEFAULT_SEARCH_LIMIT;
  const offset = q.offset ?? 0;
  const filter = buildFilter(q, ctx.file);
  const ranked = (q.order ?? 'auto') === 'auto';
  return ctx.read(() => {
    const from = `versions_fts f${filter.joinVersions ? ' CROSS JOIN versions v ON v.id = f.rowid' : ''}`;
    const where = ['versions_fts MATCH ?', ...filter.where].join(' AND ');
    const params = [parsed.fts, ...filter.params];
    // With filters, bm25 runs only on the matches that pass them, and a second
    // walk would repeat the expensive part (checking every match against the
    // filters), so single-word queries are scored while walking. Without
    // filters, a walk that finds at most RANK_LIMIT matches is cheap to
    // repeat, and one that finds more needs no scores. Multi-word phrases are
    // scored only if that is affordable (see cheapToRank).
    const phrases = parsed.terms.filter((term) => MULTI_TOKEN.test(term.text));
    const scoreWhileWalking = ranked && phrases.length === 0 && filter.where.length > 0;
    const window = ctx.db
      .prepare(`SELECT f.rowid AS id, ${scoreWhileWalking ? BM25 : 'NULL'} AS score FROM ${from} WHERE ${where} ORDER BY f.rowid DESC LIMIT ?`)
      .all(...params, RANK_LIMIT + 1) as Scored[];
    const exact = window.length <= RANK_LIMIT;
    let scored: Scored[] | null = null;
    if (ranked && exact) {
      // One match or none is trivially in relevance order.
      if (scoreWhileWalking || window.length <= 1) scored = window;
      else if (cheapToRank(ctx, phrases)) {
        scored = ctx.db.prepare(`SELECT f.rowid AS id, ${BM25} AS score FROM ${from} WHERE ${where}`).all(...params) as Scored[];
      }
    }
    let page: Scored[];
    if (scored) {
      page = scored.sort((a, b) => (a.score as number) - (b.score as number) || b.id - a.id).slice(offset, offset + limit);
    } else if (offset + limit <= window.length || exact) {
      page = window.slice(offset, offset + limit).map((row) => ({ id: row.id, score: null }));
    } else {
      page = ctx.db
        .prepare(`SELECT f.rowid AS id, NULL AS score FROM ${from} WHERE ${where} ORDER BY f.rowid DESC LIMIT ? OFFSET ?`)
        .all(...params, limit, offset) as Scored[];
    }
    return {
      hits: hydrate(ctx, parsed.fts, page),
      total: exact ? window.length : RANK_LIMIT,
      totalIsExact: exact,
      order: scored ? 'relevance' : 'recency',
      limit,
      offset,
      ftsQuery: parsed.fts,
    };
  });
}

/**
 * bm25 first counts, over the whole library, the versions holding each
 * phrase of the query. For a phrase of several very common words ("of the")
 * that means checking positions in every version: ~200 ms at 100k. So a
 * multi-word phrase found in more than PHRASE_RANK_LIMIT versions is not
 * ranked; the (small, filtered) result is shown newest first instead.
 */
function cheapToRank(ctx: StoreContext, phrases: readonly SearchTerm[]): boolean {
  const count = ctx.db.prepare('SELECT count(*) FROM (SELECT rowid FROM versions_fts WHERE versions_fts MATCH ? LIMIT ?)').pluck();
  return phrases.every((term) => (count.get(ftsString(term.text), PHRASE_RANK_LIMIT + 1) as number) <= PHRASE_RANK_LIMIT);
}

function buildFilter(q: z.output<typeof searchQuerySchema>, file: string): Filter {
  const filter: Filter = { joinVersions: false, where: [], params: [] };
  const onVersions = (sql: string, ...params: (string | number)[]) => {
    filter.joinVersions = true;
    filter.where.push(sql);
    filter.params.push(...params);
  };
  if (q.storyId !== undefined) onVersions('v.story_id = ?', q.storyId);
  if (q.outletIds && q.outletIds.length > 0) onVersions('v.outlet_id IN (SELECT value FROM json_each(?))', JSON.stringify(q.outletIds));
  if (q.publishedFrom !== undefined) onVersions('v.published_at >= ?', dateBound(q.publishedFrom, 'publishedFrom', file));
  if (q.publishedTo !== undefined) {
    const to = dateBound(q.publishedTo, 'publishedTo', file);
    // A bare date means the whole day, including timestamps later that day.
    if (to.length === 10) onVersions('v.published_at < ?', nextDay(to));
    else onVersions('v.published_at <= ?', to);
  }
  if (q.tagId !== undefined) {
    filter.where.push('+f.rowid IN (SELECT a.version_id FROM annotation_tags x JOIN annotations a ON a.id = x.annotation_id WHERE x.tag_id = ?)');
    filter.params.push(q.tagId);
  }
  return filter;
}

function dateBound(value: string, field: string, file: string): string {
  const normalised = normaliseDate(value);
  if (normalised === null) throw new LibraryError('invalid', file, `invalid search (${field}): expected a date (2025-11-22) or an ISO date and time`);
  return normalised;
}

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

interface HitRow {
  id: number;
  story_id: number;
  story_title: string;
  title: string | null;
  outlet: string | null;
  published_at: string | null;
  source_name: string;
}

/** Metadata and a snippet for each hit of the page, in page order. */
function hydrate(ctx: StoreContext, fts: string, page: { id: number; score: number | null }[]): SearchHit[] {
  if (page.length === 0) return [];
  const rows = ctx.db
    .prepare(
      `SELECT v.id, v.story_id, s.title AS story_title, v.title, o.name AS outlet, v.published_at, v.source_name
       FROM versions v JOIN stories s ON s.id = v.story_id LEFT JOIN outlets o ON o.id = v.outlet_id
       WHERE v.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(page.map((hit) => hit.id))) as HitRow[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  // `rowid IN (SELECT ?)`, not `rowid = ?`: with a reused statement and the
  // equality form, SQLite 3.54 returned the first hit's snippet for every hit
  // (see the "own version" test in tests/library/search.test.ts).
  const snippet = ctx.db
    .prepare(`SELECT snippet(versions_fts, -1, ?, ?, '…', ${SNIPPET_TOKENS}) AS s FROM versions_fts WHERE versions_fts MATCH ? AND rowid IN (SELECT ?)`)
    .pluck();
  return page.flatMap((hit) => {
    const row = byId.get(hit.id);
    if (!row) return [];
    const marked = snippet.get(MARK_START, MARK_END, fts, hit.id) as string | undefined;
    return [
      {
        versionId: row.id,
        storyId: row.story_id,
        storyTitle: row.story_title,
        title: row.title,
        outlet: row.outlet,
        publishedAt: row.published_at,
        sourceName: row.source_name,
        score: hit.score,
        snippet: splitSnippet(marked ?? ''),
      },
    ];
  });
}

/** Splits snippet() output at its markers into plain and matching pieces. */
export function splitSnippet(marked: string): SnippetPiece[] {
  const pieces: SnippetPiece[] = [];
  let match = false;
  for (const part of marked.split(/([\uE000\uE001])/)) {
    if (part === MARK_START) match = true;
    else if (part === MARK_END) match = false;
    else if (part) pieces.push({ text: part, match });
  }
  return pieces;
}
