// Shared by the reliability tests: invented articles from a seeded generator,
// the BUILT command line run as a child process, and an independent check of
// a library file on disk. The check opens the file read-only with
// better-sqlite3 directly, not through electron/library: it must not repair,
// recover or move aside what it is judging.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { seeded } from '../../scripts/synth';
import type { Random } from '../../scripts/synth';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin/parallax.js');

/** Throws unless the command line has been built (the tests run the real bundle). */
export function requireBuiltCli(): void {
  if (!existsSync(join(ROOT, 'dist/cli.js')) || !existsSync(join(ROOT, 'dist/library-worker.js'))) {
    throw new Error('dist/cli.js or dist/library-worker.js is missing: run `node scripts/build-cli.mjs` first');
  }
}

/** The schema this checker knows (migrations 0010 and 0020). */
export const LATEST_SCHEMA = 20;

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

// ---------------------------------------------------------------------------
// Invented articles. Every word is generated or from the short lists below;
// each article carries a unique reference code, so texts are distinct and
// each can be found on its own in the search index.

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vo', 'dun', 'pel', 'sar', 'ti', 'gor', 'ne', 'bra', 'lis', 'ham', 'zen', 'ox', 'fir', 'ul', 'mar'];
const PLACE_ENDINGS = ['vik', 'mere', 'ford', 'holm', 'dal', 'by', 'ton', 'stad'];
const FIRST_NAMES = ['Maria', 'Anna', 'Tomas', 'Ilse', 'Rafael', 'Nadia', 'Piet', 'Jun', 'Olga', 'Samir', 'Greta', 'Henrik'];
const BODIES = ['harbour authority', 'regional council', 'transport ministry', 'fire service', 'ferry operator', 'water board', 'port police'];
const EVENTS = ['storm', 'flood', 'fire', 'power cut', 'landslide', 'strike', 'bridge closure', 'water failure'];
const PLURALS = ['homes', 'passengers', 'workers', 'households', 'vehicles', 'shops', 'pupils'];
const VERBS = ['evacuated', 'stranded', 'cut off', 'left without power', 'moved to shelters', 'delayed'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pick = <T>(rand: Random, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const between = (rand: Random, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

function word(rand: Random, syllables: number): string {
  let out = '';
  for (let k = 0; k < syllables; k++) out += pick(rand, SYLLABLES);
  return out;
}

/** The unique reference code of article `index`: one FTS token of its own. */
export function articleCode(index: number): string {
  return `KQ${String(index).padStart(5, '0')}Z`;
}

/** Article `index` of the generator seeded with `seed`: a headline, a blank line, 4–5 lines of body. */
export function inventedArticle(seed: number, index: number, paragraphs = 0): string {
  const rand = seeded((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const place = capitalise(word(rand, 2)) + pick(rand, PLACE_ENDINGS);
  const other = capitalise(word(rand, 2)) + pick(rand, PLACE_ENDINGS);
  const person = `${pick(rand, FIRST_NAMES)} ${capitalise(word(rand, 3))}`;
  const body = pick(rand, BODIES);
  const event = pick(rand, EVENTS);
  const count = between(rand, 12, 9000);
  const cost = between(rand, 2, 480);
  const date = `${between(rand, 1, 28)} ${pick(rand, MONTHS)} ${between(rand, 2019, 2025)}`;
  const plural = pick(rand, PLURALS);
  const lines = [
    `${capitalise(event)} in ${place} leaves ${count} ${plural} ${pick(rand, VERBS)}`,
    '',
    `On ${date} the ${body} of ${place} said ${count} ${plural} were ${pick(rand, VERBS)} after the ${event}.`,
    `“We expect the ${word(rand, 2)} line to reopen within ${between(rand, 2, 30)} days,” said ${person}, who speaks for the ${body}.`,
    `Repairs near ${other} are expected to cost ${cost} million euros, officials said.`,
  ];
  for (let p = 0; p < paragraphs; p++) {
    lines.push(`Crews from ${other} worked through the night on section ${between(rand, 1, 99)} while ${between(rand, 3, 400)} ${pick(rand, PLURALS)} waited for news of the ${word(rand, 2)} works.`);
  }
  lines.push(`Reference ${articleCode(index)}.`, '');
  return lines.join('\n');
}

/** Writes `count` invented articles as f00000.txt… into `dir` (created); returns the file names in import order. */
export function writeArticles(dir: string, seed: number, count: number, paragraphs = 0): string[] {
  mkdirSync(dir, { recursive: true });
  const names: string[] = [];
  for (let index = 0; index < count; index++) {
    const name = `f${String(index).padStart(5, '0')}.txt`;
    writeFileSync(join(dir, name), inventedArticle(seed, index, paragraphs));
    names.push(name);
  }
  return names;
}

// ---------------------------------------------------------------------------
// The command line as a child process.

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface CliOptions {
  /** SIGKILL the process this long after it was started. */
  killAfterMs?: number;
  /** A safety net: SIGKILL after this long and fail (default 120 s). */
  timeoutMs?: number;
  env?: Record<string, string>;
  uid?: number;
  gid?: number;
  /** Called with each chunk of stderr as it arrives. */
  onStderr?: (text: string) => void;
}

/** Runs `parallax ARGS…` with this Node; resolves when it has exited and its output is read. */
export function parallax(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      uid: options.uid,
      gid: options.gid,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      options.onStderr?.(chunk);
    });
    const timers: NodeJS.Timeout[] = [];
    let timedOut = false;
    if (options.killAfterMs !== undefined) timers.push(setTimeout(() => child.kill('SIGKILL'), options.killAfterMs));
    timers.push(
      setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, options.timeoutMs ?? 120_000),
    );
    child.once('error', reject);
    child.once('close', (status, signal) => {
      for (const timer of timers) clearTimeout(timer);
      if (timedOut) reject(new Error(`parallax ${args.join(' ')} did not finish in time; stderr: ${stderr.slice(-500)}`));
      else resolve({ status, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}

export const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');

const PROGRESS = /^\[(\d+)\/(\d+)\] (added|duplicate) (.+)$/;
const PROGRESS_FAILED = /^\[(\d+)\/(\d+)\] failed: (.+)$/;

export interface Progress {
  /** Paths the command reported as added or duplicate: in the library, by the command's own account. */
  acknowledged: string[];
  /** Progress lines of files that failed. */
  failed: string[];
  /** Every other complete line. */
  other: string[];
}

/** Splits the import's stderr into acknowledgements (`[3/10] added PATH`), failures and other lines. */
export function parseProgress(stderr: string): Progress {
  const progress: Progress = { acknowledged: [], failed: [], other: [] };
  // A line cut off by a kill has no newline: it acknowledges nothing.
  const complete = stderr.endsWith('\n') ? stderr : stderr.slice(0, stderr.lastIndexOf('\n') + 1);
  for (const line of lines(complete)) {
    const added = PROGRESS.exec(line);
    if (added) progress.acknowledged.push(added[4]!);
    else if (PROGRESS_FAILED.test(line)) progress.failed.push(line);
    else progress.other.push(line);
  }
  return progress;
}

// ---------------------------------------------------------------------------
// Judging a library file.

/** What an uninterrupted import stored for one file. */
export interface Expected {
  name: string;
  hash: string;
  text: string;
  /** Its fingerprint keys, sorted and joined with \n. */
  keys: string;
  /** Its unique reference code (one search token). */
  code: string;
}

export interface Inspection {
  /** A library file with a schema exists (false: killed before the library was created). */
  created: boolean;
  /** PRAGMA user_version: 0 before the first schema step, 10 between the two, 20 when complete. */
  schema: number;
  /** PRAGMA integrity_check rows (['ok'] when sound). */
  integrity: string[];
  versions: number;
  /** Content hashes of the stored versions. */
  hashes: Set<string>;
  /** Every way a version is not whole, or data dangles; empty when the library is consistent. */
  problems: string[];
  /** Versions with at least one part missing or wrong (text, search entry, fingerprint keys). */
  halfImported: number;
}

/**
 * Opens `path` read-only and checks that it is a sound database holding only
 * whole versions. One import writes, in one transaction: the versions row,
 * its version_texts row (whose trigger adds the versions_fts entry), its
 * version_keys rows and, for the first file, the stories row. So a version is
 * whole when it has its text (equal to what the file holds, matching its
 * content hash), exactly one search entry that finds it by its reference code,
 * and exactly the keys an uninterrupted import stores for that text; and
 * nothing may exist without its version (texts, keys, search entries, stories).
 * `expected` maps content hash → what the uninterrupted import stored.
 */
export function inspectLibrary(path: string, expected: ReadonlyMap<string, Expected>): Inspection {
  const empty: Inspection = { created: false, schema: 0, integrity: ['ok'], versions: 0, hashes: new Set(), problems: [], halfImported: 0 };
  if (!existsSync(path) || statSync(path).size === 0) return empty;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    const schema = db.pragma('user_version', { simple: true }) as number;
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    if (schema === 0) {
      // Killed before the first schema step committed: there must be nothing at all.
      const objects = count('SELECT count(*) FROM sqlite_schema');
      return { ...empty, integrity, problems: objects === 0 ? [] : [`schema version 0 but ${objects} schema objects`] };
    }
    if (schema < LATEST_SCHEMA) {
      // Killed between two schema steps (each commits on its own): created, but nothing imported yet.
      const versions = count('SELECT count(*) FROM versions');
      return { ...empty, created: true, schema, integrity, versions, problems: versions === 0 ? [] : [`schema ${schema} holds ${versions} versions`] };
    }
    const problems: string[] = [];
    const bad = new Set<number>();
    const note = (what: string, ids: number[]) => {
      if (ids.length === 0) return;
      problems.push(`${what}: ${ids.length} (ids ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''})`);
    };
    const ids = (sql: string) => db.prepare(sql).pluck().all() as number[];

    const noText = ids('SELECT v.id FROM versions v WHERE NOT EXISTS (SELECT 1 FROM version_texts t WHERE t.version_id = v.id)');
    const noSearch = ids('SELECT v.id FROM versions v WHERE NOT EXISTS (SELECT 1 FROM versions_fts_docsize d WHERE d.id = v.id)');
    const noKeys = ids('SELECT v.id FROM versions v WHERE NOT EXISTS (SELECT 1 FROM version_keys k WHERE k.version_id = v.id)');
    note('versions without their text', noText);
    note('versions without a search entry', noSearch);
    note('versions without fingerprint keys', noKeys);
    for (const id of [...noText, ...noSearch, ...noKeys]) bad.add(id);
    note('texts without a version', ids('SELECT t.version_id FROM version_texts t WHERE NOT EXISTS (SELECT 1 FROM versions v WHERE v.id = t.version_id)'));
    note('search entries without a version', ids('SELECT d.id FROM versions_fts_docsize d WHERE NOT EXISTS (SELECT 1 FROM versions v WHERE v.id = d.id)'));
    note('fingerprint keys without a version', ids('SELECT DISTINCT k.version_id FROM version_keys k WHERE NOT EXISTS (SELECT 1 FROM versions v WHERE v.id = k.version_id)'));
    note('stories without versions', ids('SELECT s.id FROM stories s WHERE NOT EXISTS (SELECT 1 FROM versions v WHERE v.story_id = s.id)'));

    const rows = db
      .prepare(
        `SELECT v.id AS id, v.content_hash AS hash, t.text AS text,
                (SELECT group_concat(key, char(10)) FROM (SELECT key FROM version_keys WHERE version_id = v.id ORDER BY key)) AS keys
         FROM versions v LEFT JOIN version_texts t ON t.version_id = v.id ORDER BY v.id`,
      )
      .all() as { id: number; hash: string; text: string | null; keys: string | null }[];
    const find = db.prepare('SELECT rowid FROM versions_fts WHERE versions_fts MATCH ?').pluck();
    const wrongText: number[] = [];
    const wrongKeys: number[] = [];
    const unsearchable: number[] = [];
    const unknown: number[] = [];
    const hashes = new Set<string>();
    for (const row of rows) {
      hashes.add(row.hash);
      const want = expected.get(row.hash);
      if (!want) {
        unknown.push(row.id);
        continue;
      }
      if (row.text !== want.text || sha256(row.text) !== row.hash) wrongText.push(row.id);
      if ((row.keys ?? '') !== want.keys) wrongKeys.push(row.id);
      const found = find.all(`"${want.code}"`) as number[];
      if (found.length !== 1 || found[0] !== row.id) unsearchable.push(row.id);
    }
    note('versions that are none of the generated files', unknown);
    note('versions whose text differs from the file or its hash', wrongText);
    note('versions whose fingerprint keys differ from an uninterrupted import', wrongKeys);
    note('versions the search index does not find (exactly once) by their code', unsearchable);
    for (const id of [...unknown, ...wrongText, ...wrongKeys, ...unsearchable]) bad.add(id);
    const versions = count('SELECT count(*) FROM versions');
    return { created: true, schema, integrity, versions, hashes, problems, halfImported: bad.size };
  } finally {
    db.close();
  }
}

/**
 * Reads what an uninterrupted import stored for each file (from a library
 * built by such an import), by file name and by content hash.
 */
export function readExpected(path: string, codeOf: (name: string) => string): Map<string, Expected> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT v.source_name AS name, v.content_hash AS hash, t.text AS text,
                (SELECT group_concat(key, char(10)) FROM (SELECT key FROM version_keys WHERE version_id = v.id ORDER BY key)) AS keys
         FROM versions v JOIN version_texts t ON t.version_id = v.id ORDER BY v.id`,
      )
      .all() as { name: string; hash: string; text: string; keys: string | null }[];
    return new Map(rows.map((row) => [row.hash, { name: row.name, hash: row.hash, text: row.text, keys: row.keys ?? '', code: codeOf(row.name) }]));
  } finally {
    db.close();
  }
}

/** Seeded [0, 1) numbers (the generator of scripts/synth.ts). */
export { seeded };
