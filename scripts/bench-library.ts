// `npm run bench` (second part): the library at scale. Builds a library of
// 100,000 synthetic versions of ~8 KB (scripts/bench-corpus.ts) in a temporary
// folder through the real Library API, then measures import throughput (plus,
// on the first 10,000, a bulk path and the file importer's per-file work),
// size on disk, search latency, the story list and opening with quick_check.
//
//   node dist/bench-library.js [--versions 100000] [--queries 50] [--keep]
//
// Each phase runs in its own child process (its peak RSS is its own, and the
// open phase starts cold in-process, as the app does), from a private copy of
// this bundle; the OS page cache is warm, since the library was just written.
// Latencies are percentiles over many calls after a warm-up: this machine is
// shared and noisy. Results are printed as a markdown table; misses are
// flagged, never hidden. The temporary folder is deleted unless --keep.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Library, openConnection, openLibrary, RANK_LIMIT } from '../electron/library/index';
import { setVersionKeys, suggestionsFor } from '../electron/library/version-keys';
import { fingerprint } from '../shared/library/fingerprint';
import type { NewVersion, SearchQuery } from '../electron/library/index';
import { NewsCorpus, UNIVERSAL_WORDS } from './bench-corpus';
import type { CorpusVersion, QueryKind } from './bench-corpus';
import { fmt, int, resultTable, runMain, type Row } from './bench-report';

const DEFAULT_VERSIONS = 100_000;
const DEFAULT_QUERIES = 50;
/** The bulk path is compared with one-per-transaction over this many first versions. */
const BULK_SAMPLE = 10_000;
const BULK_BATCH = 500;
const ANNOTATE_EVERY = 50;
const LIST_PAGE = 50;
const OPEN_RUNS = 3;
const LIBRARY_FILE = 'library.sqlite';
const BULK_FILE = 'bulk.sqlite';
const IMPORTER_FILE = 'importer.sqlite';
/** bm25 as search.ts computes it, for the diagnostics. */
const BM25 = 'bm25(versions_fts, 10.0, 1.0, 3.0)';

interface Args {
  phase: string | null;
  dir: string | null;
  versions: number;
  queries: number;
  keep: boolean;
}

function readArgs(): Args {
  const { values } = parseArgs({
    options: {
      phase: { type: 'string' },
      dir: { type: 'string' },
      versions: { type: 'string' },
      queries: { type: 'string' },
      keep: { type: 'boolean' },
    },
  });
  const count = (value: string | undefined, fallback: number, name: string) => {
    const n = value === undefined ? fallback : Number(value.replace(/[_,]/g, ''));
    if (!Number.isInteger(n) || n < 10) throw new Error(`--${name} must be a whole number ≥ 10 (got ${value})`);
    return n;
  };
  return {
    phase: values.phase ?? null,
    dir: values.dir ?? null,
    versions: count(values.versions, DEFAULT_VERSIONS, 'versions'),
    queries: count(values.queries, DEFAULT_QUERIES, 'queries'),
    keep: values.keep ?? false,
  };
}

// ---------------------------------------------------------------------------
// Statistics.

function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Nearest-rank percentile, p in 0–100. */
function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = sorted(values);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

function sum(values: ArrayLike<number>, from = 0, to = values.length): number {
  let total = 0;
  for (let k = from; k < to; k++) total += values[k]!;
  return total;
}

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function log(message: string): void {
  process.stderr.write(`[bench-library] ${message}\n`);
}

// ---------------------------------------------------------------------------
// Phases: each runs in a child process and prints its result as JSON.

interface BuildResult {
  added: number;
  duplicates: number;
  stories: number;
  addMsTotal: number;
  wallMs: number;
  /** Per-add latency percentiles, ms. */
  addP50: number;
  addP95: number;
  addP99: number;
  addMax: number;
  /** versions/s within each tenth of the import, in order. */
  deciles: number[];
  /** versions/s over the first min(N, BULK_SAMPLE) versions. */
  firstSampleRate: number;
  sampleSize: number;
  textBytes: number;
  annotations: number;
  annotateMs: number;
  /** Resident memory at the end of each tenth, MB. */
  rssByTenth: number[];
  rssMb: number;
}

function toNewVersion(v: CorpusVersion, storyId: number): NewVersion {
  return {
    story: v.indexInStory === 0 ? { title: v.storyTitle } : { id: storyId },
    text: v.text,
    sourceName: v.sourceName,
    sourceKind: v.sourceKind,
    title: v.title,
    byline: v.byline,
    url: v.url,
    publishedAt: v.publishedAt,
    outlet: v.outlet,
  };
}

/** The importer's way: `versions.add`, one transaction per version. */
async function phaseBuild(args: Args, dir: string): Promise<BuildResult> {
  const n = args.versions;
  const { library } = await Library.open(join(dir, LIBRARY_FILE));
  const corpus = new NewsCorpus();
  const addMs = new Float64Array(n);
  let added = 0;
  let duplicates = 0;
  let storyId = 0;
  let textBytes = 0;
  const versionIds: number[] = [];
  const rssByTenth: number[] = [];
  const started = performance.now();
  let k = 0;
  for (const v of corpus.versions(n)) {
    const input = toNewVersion(v, storyId);
    const t0 = performance.now();
    const result = library.versions.add(input);
    addMs[k] = performance.now() - t0;
    if (result.status === 'added') added++;
    else duplicates++;
    storyId = result.storyId;
    textBytes += Buffer.byteLength(v.text);
    if (k % ANNOTATE_EVERY === ANNOTATE_EVERY - 1) versionIds.push(result.versionId);
    k++;
    if (k % Math.max(1, Math.round(n / 10)) === 0) {
      const tenth = Math.round(n / 10);
      const rate = tenth / (sum(addMs, k - tenth, k) / 1000);
      rssByTenth.push(process.memoryUsage().rss / (1 << 20));
      log(`build: ${k.toLocaleString('en-US')} / ${n.toLocaleString('en-US')} versions, ${((performance.now() - started) / 1000).toFixed(0)} s, last tenth ${rate.toFixed(0)} versions/s`);
    }
  }
  const wallMs = performance.now() - started;
  // A few annotations, so the story list's counts have something to count.
  const t0 = performance.now();
  const tags = ['disputed figure', 'needs source', 'changed quote', 'retracted', 'follow up'];
  versionIds.forEach((versionId, i) => {
    library.annotations.create({ versionId, start: 200, end: 260, note: 'Checked against the first version.', verdict: 'disputed', tags: [tags[i % tags.length]!] });
  });
  const annotateMs = performance.now() - t0;
  const stories = (library.db.prepare('SELECT count(*) FROM stories').pluck().get() as number) ?? 0;
  library.close();
  const tenths = Array.from({ length: 10 }, (_, d) => {
    const from = Math.floor((d * n) / 10);
    const to = Math.floor(((d + 1) * n) / 10);
    return (to - from) / (sum(addMs, from, to) / 1000);
  });
  const sampleSize = Math.min(n, BULK_SAMPLE);
  const all = Array.from(addMs);
  return {
    added,
    duplicates,
    stories,
    addMsTotal: sum(addMs),
    wallMs,
    addP50: percentile(all, 50),
    addP95: percentile(all, 95),
    addP99: percentile(all, 99),
    addMax: percentile(all, 100),
    deciles: tenths,
    firstSampleRate: sampleSize / (sum(addMs, 0, sampleSize) / 1000),
    sampleSize,
    textBytes,
    annotations: versionIds.length,
    annotateMs,
    rssByTenth,
    rssMb: peakRssMb(),
  };
}

interface BulkResult {
  versions: number;
  batch: number;
  ms: number;
  rate: number;
  rssMb: number;
}

/** The bulk path the API offers: many `versions.add` inside one `library.transaction`. */
async function phaseBulk(args: Args, dir: string): Promise<BulkResult> {
  const n = Math.min(args.versions, BULK_SAMPLE);
  const path = join(dir, BULK_FILE);
  const { library } = await Library.open(path);
  const corpus = new NewsCorpus();
  const all = [...corpus.versions(n)];
  let storyId = 0;
  let ms = 0;
  for (let from = 0; from < n; from += BULK_BATCH) {
    const batch = all.slice(from, from + BULK_BATCH);
    const t0 = performance.now();
    library.transaction(() => {
      for (const v of batch) storyId = library.versions.add(toNewVersion(v, storyId)).storyId;
    });
    ms += performance.now() - t0;
  }
  library.close();
  for (const name of readdirSync(dir)) if (name.startsWith(BULK_FILE)) rmSync(join(dir, name), { force: true });
  return { versions: n, batch: BULK_BATCH, ms, rate: n / (ms / 1000), rssMb: peakRssMb() };
}

interface ImporterResult {
  versions: number;
  /** Storage only: `versions.add` + `setVersionKeys` in one transaction, versions/s. */
  storeRate: number;
  storeP50: number;
  storeP95: number;
  /** Inside that transaction: `versions.add`, and `setVersionKeys`, ms p50. */
  addP50: number;
  keysP50: number;
  /** fingerprint(text), ms per version (CPU, outside the transaction). */
  fingerprintP50: number;
  fingerprintP95: number;
  keysPerVersion: number;
  /** suggestionsFor(...) for the first version of each story, ms. */
  suggestP50: number;
  suggestP95: number;
  /** Everything above, versions/s. */
  endToEndRate: number;
  rssMb: number;
}

/**
 * What the file importer (import-store.ts) does per file once it is parsed:
 * fingerprint the text, then one transaction with `versions.add` and the
 * fingerprint keys, and story suggestions for a version that starts a story.
 * On a fresh library, over the first min(N, BULK_SAMPLE) versions.
 */
async function phaseImporter(args: Args, dir: string): Promise<ImporterResult> {
  const n = Math.min(args.versions, BULK_SAMPLE);
  const path = join(dir, IMPORTER_FILE);
  const { library } = await Library.open(path);
  const corpus = new NewsCorpus();
  const store: number[] = [];
  const prints: number[] = [];
  const suggest: number[] = [];
  const adds: number[] = [];
  const keyWrites: number[] = [];
  let keyCount = 0;
  let storyId = 0;
  for (const v of corpus.versions(n)) {
    let keys: string[] = [];
    prints.push(timeIt(() => (keys = fingerprint(v.text))));
    keyCount += keys.length;
    store.push(
      timeIt(() => {
        storyId = library.transaction(() => {
          let result: ReturnType<Library['versions']['add']> | undefined;
          adds.push(timeIt(() => (result = library.versions.add(toNewVersion(v, storyId)))));
          if (result!.status === 'added') keyWrites.push(timeIt(() => setVersionKeys(library, result!.versionId, keys)));
          return result!.storyId;
        });
      }),
    );
    if (v.indexInStory === 0) suggest.push(timeIt(() => suggestionsFor(library, keys, { excludeStoryIds: [storyId] })));
  }
  library.close();
  for (const name of readdirSync(dir)) if (name.startsWith(IMPORTER_FILE)) rmSync(join(dir, name), { force: true });
  return {
    versions: n,
    storeRate: n / (sum(store) / 1000),
    storeP50: percentile(store, 50),
    storeP95: percentile(store, 95),
    addP50: percentile(adds, 50),
    keysP50: percentile(keyWrites, 50),
    fingerprintP50: percentile(prints, 50),
    fingerprintP95: percentile(prints, 95),
    keysPerVersion: keyCount / n,
    suggestP50: percentile(suggest, 50),
    suggestP95: percentile(suggest, 95),
    endToEndRate: n / ((sum(store) + sum(prints) + sum(suggest)) / 1000),
    rssMb: peakRssMb(),
  };
}

interface SizeResult {
  fileBytes: number;
  walBytes: number;
  /** Bytes by part, from dbstat. */
  parts: Record<'fts' | 'texts' | 'metadata' | 'other' | 'free', number>;
  byObject: Record<string, number>;
}

function phaseSize(_args: Args, dir: string): SizeResult {
  const path = join(dir, LIBRARY_FILE);
  const fileBytes = statSync(path).size;
  const wal = `${path}-wal`;
  const walBytes = existsSync(wal) ? statSync(wal).size : 0;
  // Read-only, through the library's own connection code: nothing is written.
  const db = openConnection(path, { readonly: true });
  const rows = db.prepare('SELECT name, pgsize FROM dbstat WHERE aggregate = TRUE').all() as { name: string; pgsize: number }[];
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const free = (db.pragma('freelist_count', { simple: true }) as number) * pageSize;
  db.close();
  const parts = { fts: 0, texts: 0, metadata: 0, other: 0, free };
  const byObject: Record<string, number> = {};
  for (const row of rows) {
    byObject[row.name] = row.pgsize;
    if (row.name.startsWith('versions_fts')) parts.fts += row.pgsize;
    else if (row.name === 'version_texts') parts.texts += row.pgsize;
    else if (/^(versions|stories|outlets|sqlite_autoindex_versions|annotation|tags)/.test(row.name)) parts.metadata += row.pgsize;
    else parts.other += row.pgsize;
  }
  return { fileBytes, walBytes, parts, byObject };
}

interface OpenResult {
  /** Wall time of openLibrary with quick_check, each run. */
  totalMs: number[];
  /** The quick_check share of each run, as OpenReport.checkMs reports it. */
  checkMs: number[];
  /** openLibrary with quickCheck: false. */
  noCheckMs: number;
  rssMb: number;
}

async function phaseOpen(_args: Args, dir: string): Promise<OpenResult> {
  const path = join(dir, LIBRARY_FILE);
  const totalMs: number[] = [];
  const checkMs: number[] = [];
  for (let run = 0; run < OPEN_RUNS; run++) {
    const t0 = performance.now();
    const { db, report } = await openLibrary(path);
    totalMs.push(performance.now() - t0);
    checkMs.push(report.checkMs);
    db.close();
  }
  const t0 = performance.now();
  const { db } = await openLibrary(path, { quickCheck: false });
  const noCheckMs = performance.now() - t0;
  db.close();
  return { totalMs, checkMs, noCheckMs, rssMb: peakRssMb() };
}

interface Latency {
  p50: number;
  p95: number;
  max: number;
  samples: number;
}

interface SearchStats extends Latency {
  /** Median number of matches (search().total; "more than RANK_LIMIT" counts as RANK_LIMIT + 1). */
  medianMatches: number;
  /** Queries answered by relevance (the match set was small enough to rank). */
  ranked: number;
  queries: number;
  examples: string[];
  /** The slowest queries (mean of their runs). */
  slowest: { text: string; ms: number; matches: number; order: string }[];
}

interface Diagnostics {
  words: { word: string; docs: number }[];
  versions: number;
  /** Medians over UNIVERSAL_WORDS, ms. */
  countAllMs: number;
  windowBm25Ms: number;
  windowPlainMs: number;
  fullRankMs: number;
  searchMs: number;
  plan: string[];
  ftsDataRows: number;
}

interface QueryResult {
  search: Record<string, SearchStats>;
  listFirst: Latency;
  listDeep: Latency;
  stories: number;
  diagnostics: Diagnostics;
  rssMb: number;
}

function latency(samples: number[]): Latency {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: percentile(samples, 100), samples: samples.length };
}

function timeIt(work: () => unknown): number {
  const t0 = performance.now();
  work();
  return performance.now() - t0;
}

/** Search kinds measured; `extra` adds filters to the query. */
const SEARCH_CASES: { key: string; kind: QueryKind; extra?: (library: Library) => Partial<SearchQuery> }[] = [
  { key: 'name', kind: 'name' },
  { key: 'phrase', kind: 'phrase' },
  { key: 'rare', kind: 'rare' },
  { key: 'universal', kind: 'universal' },
  { key: 'frequent', kind: 'frequent' },
  {
    key: 'frequent-filtered',
    kind: 'frequent',
    // The most common outlet and one year: the filters the interface offers.
    extra: (library) => ({ outletIds: [mostUsedOutlet(library)], publishedFrom: '2022-01-01', publishedTo: '2022-12-31' }),
  },
];

function mostUsedOutlet(library: Library): number {
  return library.db.prepare('SELECT outlet_id FROM versions WHERE outlet_id IS NOT NULL GROUP BY outlet_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as number;
}

async function phaseQuery(args: Args, dir: string): Promise<QueryResult> {
  const path = join(dir, LIBRARY_FILE);
  // quick_check is measured in its own phase.
  const { library } = await Library.open(path, { quickCheck: false });
  const corpus = new NewsCorpus();
  const queries = corpus.queries(args.versions, args.queries);
  const run = (text: string, extra: Partial<SearchQuery>) => library.search({ text, ...extra });
  const cases = SEARCH_CASES.map((c) => ({ ...c, filters: c.extra ? c.extra(library) : {} }));
  // Warm-up: every query once (JIT, prepared statements, page cache).
  for (const c of cases) for (const text of queries[c.kind]) run(text, c.filters);
  const search: Record<string, SearchStats> = {};
  for (const c of cases) {
    const samples: number[] = [];
    const matches: number[] = [];
    const perQuery = queries[c.kind].map((text) => ({ text, ms: 0, matches: 0, order: '' }));
    let ranked = 0;
    for (let round = 0; round < 2; round++) {
      queries[c.kind].forEach((text, q) => {
        let result: ReturnType<Library['search']> | undefined;
        const ms = timeIt(() => (result = run(text, c.filters)));
        samples.push(ms);
        perQuery[q]!.ms += ms / 2;
        if (round === 0 && result) {
          const found = result.totalIsExact ? result.total : RANK_LIMIT + 1;
          matches.push(found);
          perQuery[q]!.matches = found;
          perQuery[q]!.order = result.order;
          if (result.order === 'relevance') ranked++;
        }
      });
    }
    search[c.key] = {
      ...latency(samples),
      medianMatches: percentile(matches, 50),
      ranked,
      queries: queries[c.kind].length,
      examples: [...new Set(queries[c.kind])].slice(0, 3),
      slowest: [...new Map(perQuery.map((q) => [q.text, q])).values()].sort((a, b) => b.ms - a.ms).slice(0, 3),
    };
    log(`query: ${c.key} p50 ${search[c.key]!.p50.toFixed(1)} ms, p95 ${search[c.key]!.p95.toFixed(1)} ms`);
  }

  // The story list, as the interface shows it: 50 stories with their counts.
  const stories = library.stories.list({ limit: 1 }).total;
  for (let k = 0; k < 10; k++) library.stories.list({ limit: LIST_PAGE });
  const first: number[] = [];
  for (let k = 0; k < 50; k++) first.push(timeIt(() => library.stories.list({ limit: LIST_PAGE })));
  const deep: number[] = [];
  const pages = Math.max(1, Math.floor(stories / LIST_PAGE));
  for (let k = 0; k < 50; k++) {
    const offset = ((k * 7919) % pages) * LIST_PAGE;
    deep.push(timeIt(() => library.stories.list({ limit: LIST_PAGE, offset })));
  }

  const diagnostics = diagnose(library, args.versions);
  library.close();
  return { search, listFirst: latency(first), listDeep: latency(deep), stories, diagnostics, rssMb: peakRssMb() };
}

/** Where the time of a near-universal word goes: the FTS walk, bm25, a full ranking, the rest of search(). */
function diagnose(library: Library, versions: number): Diagnostics {
  const db = library.db;
  // fts5vocab in the temp schema: document frequencies, nothing written to the library.
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_vocab USING fts5vocab(main, 'versions_fts', 'row')");
  const docsOf = db.prepare('SELECT doc FROM temp.bench_vocab WHERE term = ?').pluck();
  const words = UNIVERSAL_WORDS.map((word) => ({ word, docs: (docsOf.get(word) as number | undefined) ?? 0 }));
  const count = db.prepare('SELECT count(*) FROM versions_fts WHERE versions_fts MATCH ?').pluck();
  const windowBm25 = db.prepare(`SELECT f.rowid AS id, ${BM25} AS score FROM versions_fts f WHERE versions_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?`);
  const windowPlain = db.prepare('SELECT f.rowid AS id, NULL AS score FROM versions_fts f WHERE versions_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?');
  const fullRank = db.prepare(`SELECT f.rowid AS id FROM versions_fts f WHERE versions_fts MATCH ? ORDER BY ${BM25} LIMIT 20`);
  const medianOver = (work: (fts: string) => unknown) => {
    for (const word of UNIVERSAL_WORDS) work(`"${word}"`);
    const samples: number[] = [];
    for (let round = 0; round < 3; round++) for (const word of UNIVERSAL_WORDS) samples.push(timeIt(() => work(`"${word}"`)));
    return percentile(samples, 50);
  };
  const plan = (
    db.prepare(`EXPLAIN QUERY PLAN SELECT f.rowid AS id, ${BM25} AS score FROM versions_fts f WHERE versions_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?`).all('"the"', RANK_LIMIT + 1) as {
      detail: string;
    }[]
  ).map((row) => row.detail);
  const result: Diagnostics = {
    words,
    versions,
    countAllMs: medianOver((fts) => count.get(fts)),
    windowBm25Ms: medianOver((fts) => windowBm25.all(fts, RANK_LIMIT + 1)),
    windowPlainMs: medianOver((fts) => windowPlain.all(fts, RANK_LIMIT + 1)),
    fullRankMs: medianOver((fts) => fullRank.all(fts)),
    searchMs: medianOver((fts) => library.search({ text: fts })),
    plan,
    ftsDataRows: db.prepare('SELECT count(*) FROM versions_fts_data').pluck().get() as number,
  };
  db.exec('DROP TABLE temp.bench_vocab');
  return result;
}

// The import worker's event-loop benchmark (how long the main thread's event
// loop stalls while a worker imports) can live here as one more phase — add
// it to PHASES, run it from main() after 'build' (it can reuse the built
// library in `dir`), and add its rows in table() under "Import worker" — or
// as its own script run after this one by `npm run bench`.
const PHASES: Record<string, (args: Args, dir: string) => unknown> = {
  build: phaseBuild,
  size: phaseSize,
  bulk: phaseBulk,
  importer: phaseImporter,
  open: phaseOpen,
  query: phaseQuery,
};

// ---------------------------------------------------------------------------
// The parent: a temporary folder, the phases in order, the table.

const SELF = fileURLToPath(import.meta.url);
const CODE_DIR = 'code';

/**
 * The phases run a private copy of this bundle, taken at start: others
 * rebuild dist/ while a long run is going (every `npm test` does), and a
 * phase must not measure different code from the one before. The copy finds
 * its packages through a node_modules link to the project's.
 */
function privateCopy(dir: string): string {
  const code = join(dir, CODE_DIR);
  const copy = join(code, 'bench-library.js');
  mkdirSync(code);
  copyFileSync(SELF, copy);
  symlinkSync(resolve(dirname(SELF), '..', 'node_modules'), join(code, 'node_modules'), 'dir');
  return copy;
}

function runPhase<T>(name: string, args: Args, dir: string, code: string): T {
  log(`phase ${name}…`);
  const argv = [code, '--phase', name, '--dir', dir, '--versions', String(args.versions), '--queries', String(args.queries)];
  const child = spawnSync(process.execPath, argv, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 << 20,
  });
  if (child.error) throw child.error;
  if (child.status !== 0) throw new Error(`phase ${name} failed (${child.signal ?? `exit ${child.status}`})`);
  return JSON.parse(child.stdout) as T;
}

const mb = (bytes: number) => bytes / (1 << 20);

function table(
  args: Args,
  r: { build: BuildResult; size: SizeResult; bulk: BulkResult; importer: ImporterResult; open: OpenResult; query: QueryResult },
): string {
  const { build, size, bulk, importer, open, query } = r;
  const rows: Row[] = [];
  const n = args.versions;
  const within = (value: number, limit: number) => value <= limit;
  const meanKb = build.textBytes / build.added / 1024;

  // Import.
  rows.push({
    name: `Import ${int(n)} versions (~${fmt(meanKb)} KB), \`versions.add\`, one transaction each`,
    measured: `**${int(build.added / (build.addMsTotal / 1000))} versions/s** (${fmt(build.addMsTotal / 1000, 0)} s in add; per add p50 ${fmt(build.addP50, 2)} / p95 ${fmt(build.addP95, 2)} / p99 ${fmt(build.addP99, 2)} / max ${fmt(build.addMax, 0)} ms)`,
    target: '—',
    ok: null,
    rss: build.rssMb,
  });
  rows.push({
    name: '… by tenth of the import (versions/s)',
    measured: build.deciles.map((d) => int(d)).join(' → '),
    target: '—',
    ok: null,
  });
  rows.push({
    name: `… first ${int(build.sampleSize)}, one transaction each`,
    measured: `${int(build.firstSampleRate)} versions/s`,
    target: '—',
    ok: null,
  });
  rows.push({
    name: `Bulk: first ${int(bulk.versions)} in \`library.transaction\` of ${bulk.batch} adds`,
    measured: `${int(bulk.rate)} versions/s (×${fmt(bulk.rate / build.firstSampleRate)} vs one per transaction)`,
    target: '—',
    ok: null,
    rss: bulk.rssMb,
  });
  rows.push({
    name: `Importer's work: first ${int(importer.versions)}, fingerprint + \`versions.add\` & \`setVersionKeys\` in one transaction + suggestions`,
    measured:
      `${int(importer.endToEndRate)} versions/s end to end; storing alone ${int(importer.storeRate)} versions/s (p50 ${fmt(importer.storeP50, 2)} / p95 ${fmt(importer.storeP95, 2)} ms, of which add ${fmt(importer.addP50, 2)} and keys ${fmt(importer.keysP50, 2)} at p50; the rest is the commit); ` +
      `fingerprint p50 ${fmt(importer.fingerprintP50)} / p95 ${fmt(importer.fingerprintP95)} ms (${fmt(importer.keysPerVersion, 0)} keys); ` +
      `suggestions p50 ${fmt(importer.suggestP50, 2)} / p95 ${fmt(importer.suggestP95, 2)} ms`,
    target: '—',
    ok: null,
    rss: importer.rssMb,
  });
  if (build.duplicates) rows.push({ name: '… duplicates skipped', measured: int(build.duplicates), target: '0', ok: false });

  // Size.
  const total = size.fileBytes + size.walBytes;
  rows.push({
    name: 'Database size on disk',
    measured: `**${fmt(mb(total), 0)} MB** (${fmt(total / build.added / 1024)} KB / version; texts ${fmt(mb(size.parts.texts), 0)} MB for ${fmt(mb(build.textBytes), 0)} MB of text)`,
    target: '—',
    ok: null,
  });
  rows.push({
    name: '… FTS index (versions_fts_*)',
    measured: `${fmt(mb(size.parts.fts), 0)} MB (${fmt((100 * size.parts.fts) / total)} %, ${fmt(size.parts.fts / build.added / 1024, 2)} KB / version)`,
    target: '—',
    ok: null,
  });
  rows.push({ name: '… without the FTS index', measured: `${fmt(mb(total - size.parts.fts), 0)} MB`, target: '—', ok: null });

  // Search.
  const searchRow = (key: string, label: string, limit: number | null) => {
    const s = query.search[key]!;
    rows.push({
      name: `Search: ${label} (${s.queries} queries × 2, e.g. ${s.examples.map((e) => `\`${e}\``).join(', ')})`,
      measured: `p50 ${fmt(s.p50)} / **p95 ${fmt(s.p95)}** / max ${fmt(s.max)} ms; median matches ${s.medianMatches > RANK_LIMIT ? `> ${int(RANK_LIMIT)}` : int(s.medianMatches)}, ${s.ranked}/${s.queries} ranked by bm25`,
      target: limit === null ? '—' : `p95 ≤ ${limit} ms`,
      ok: limit === null ? null : within(s.p95, limit),
      rss: key === 'name' ? query.rssMb : undefined,
    });
  };
  searchRow('name', 'person / organisation names', 20);
  searchRow('phrase', 'quoted phrases', 20);
  searchRow('rare', 'rare words', 20);
  searchRow('universal', 'word in (nearly) every version', 150);
  searchRow('frequent', 'frequent content words', null);
  searchRow('frequent-filtered', 'frequent words + outlet + one year', null);

  // Story list.
  rows.push({
    name: `Story list, first page (${LIST_PAGE} stories with counts, of ${int(query.stories)})`,
    measured: `p50 ${fmt(query.listFirst.p50, 2)} / **p95 ${fmt(query.listFirst.p95, 2)}** ms`,
    target: '≤ 50 ms',
    ok: within(query.listFirst.p95, 50),
  });
  rows.push({
    name: `Story list, pages spread over the whole list`,
    measured: `p50 ${fmt(query.listDeep.p50, 2)} / **p95 ${fmt(query.listDeep.p95, 2)}** / max ${fmt(query.listDeep.max, 2)} ms`,
    target: '≤ 50 ms',
    ok: within(query.listDeep.p95, 50),
  });

  // Open.
  const openMedian = percentile(open.totalMs, 50);
  rows.push({
    name: `Open (\`openLibrary\`) + quick_check, warm OS cache, median of ${OPEN_RUNS}`,
    measured: `**${fmt(openMedian / 1000, 2)} s** (quick_check ${fmt(percentile(open.checkMs, 50) / 1000, 2)} s; runs ${open.totalMs.map((t) => fmt(t / 1000, 2)).join(', ')} s)`,
    target: '—',
    ok: null,
    rss: open.rssMb,
  });
  rows.push({ name: 'Open without quick_check', measured: `${fmt(open.noCheckMs, 1)} ms`, target: '—', ok: null });

  // Import worker: the event-loop benchmark's rows go here (see PHASES).

  const lines = [
    `Library benchmark: ${int(n)} versions, ${int(build.stories)} stories (Node ${process.versions.node}, ${process.platform}; ${codeState()}).`,
    '',
    ...resultTable(rows),
  ];
  if (n !== DEFAULT_VERSIONS) lines.push(`Note: targets are set for ${int(DEFAULT_VERSIONS)} versions; this run has ${int(n)}.`);
  const d = query.diagnostics;
  lines.push(
    '',
    `Near-universal words, where the time goes (medians over ${d.words.length} words, ms): whole \`search()\` ${fmt(d.searchMs)}; ` +
      `newest ${int(RANK_LIMIT + 1)} matches with bm25 ${fmt(d.windowBm25Ms)}, without bm25 ${fmt(d.windowPlainMs)} ` +
      `(bm25 ≈ ${fmt((1000 * (d.windowBm25Ms - d.windowPlainMs)) / (RANK_LIMIT + 1), 2)} µs / match); ` +
      `counting every match ${fmt(d.countAllMs)}; ranking every match by bm25 (top 20) ${fmt(d.fullRankMs)}.`,
    `Document frequency: ${d.words.map((w) => `${w.word} ${fmt((100 * w.docs) / d.versions, 0)} %`).join(', ')}. ` +
      `FTS data rows (segments' leaves and structure): ${int(d.ftsDataRows)}.`,
    `Plan of the search window: ${d.plan.join(' / ')}.`,
    `Size by object (MB): ${Object.entries(size.byObject)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([name, bytes]) => `${name} ${fmt(mb(bytes), 1)}`)
      .join(', ')}; everything else ${fmt(mb(size.parts.metadata + size.parts.other + size.parts.texts + size.parts.fts - topObjects(size, 8)), 1)}; free pages ${fmt(mb(size.parts.free), 1)}.`,
    `Build: ${fmt(build.wallMs / 1000, 0)} s wall including text generation; ${int(build.annotations)} annotations added afterwards in ${fmt(build.annotateMs, 0)} ms. ` +
      `Resident memory by tenth (MB): ${build.rssByTenth.map((m) => int(m)).join(' → ')} ` +
      `(${fmt(((build.rssByTenth.at(-1)! - build.rssByTenth[0]!) * 1024) / (n - Math.round(n / 10)), 0)} KB per version added).`,
    '',
    'Slowest queries (mean of 2 runs, ms; matches; order):',
    ...Object.entries(query.search).map(
      ([key, s]) =>
        `- ${key}: ${s.slowest.map((q) => `\`${q.text}\` ${fmt(q.ms)} (${q.matches > RANK_LIMIT ? `> ${int(RANK_LIMIT)}` : int(q.matches)}, ${q.order})`).join('; ')}`,
    ),
  );
  return lines.join('\n');
}

/** Which code was measured: the commit, and whether the library's files differ from it. */
function codeState(): string {
  try {
    const git = (...argv: string[]) => execFileSync('git', argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    const dirty = git('status', '--porcelain', '--', 'electron/library', 'shared/library', 'scripts').length > 0;
    return `commit ${head}${dirty ? ', with uncommitted changes' : ''}`;
  } catch {
    return 'commit unknown';
  }
}

function topObjects(size: SizeResult, count: number): number {
  return sum(
    Object.values(size.byObject)
      .sort((a, b) => b - a)
      .slice(0, count),
  );
}

async function main(): Promise<void> {
  const args = readArgs();
  if (args.phase !== null) {
    const phase = PHASES[args.phase];
    if (!phase || args.dir === null) throw new Error(`unknown phase ${args.phase} or no --dir`);
    process.stdout.write(JSON.stringify(await phase(args, args.dir)));
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-library-'));
  log(`building ${args.versions.toLocaleString('en-US')} versions in ${dir} (${args.keep ? 'kept afterwards: --keep' : 'deleted afterwards'})`);
  // Ctrl-C reaches the phase's child too; the parent stays to delete the folder.
  const interrupted = () => log('interrupted: cleaning up');
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', interrupted);
  try {
    const bundle = privateCopy(dir);
    const build = runPhase<BuildResult>('build', args, dir, bundle);
    const size = runPhase<SizeResult>('size', args, dir, bundle);
    const bulk = runPhase<BulkResult>('bulk', args, dir, bundle);
    const importer = runPhase<ImporterResult>('importer', args, dir, bundle);
    const open = runPhase<OpenResult>('open', args, dir, bundle);
    const query = runPhase<QueryResult>('query', args, dir, bundle);
    process.stdout.write(`${table(args, { build, size, bulk, importer, open, query })}\n`);
  } finally {
    // The link first, so that nothing can ever follow it into the project's node_modules.
    try {
      unlinkSync(join(dir, CODE_DIR, 'node_modules'));
    } catch {
      // Not made (the copy failed early).
    }
    if (args.keep) log(`kept ${dir}`);
    else {
      rmSync(dir, { recursive: true, force: true });
      log(`deleted ${dir}`);
    }
  }
}

runMain(main);
