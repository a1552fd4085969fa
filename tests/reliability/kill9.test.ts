// "Nothing is ever lost": kill -9 during a 1,000-file `parallax import`, 50
// times — 0 damaged databases, 0 half-imported versions, every acknowledged
// import present — and each time, running the import again finishes cleanly
// with exactly 1,000 versions.
//
// How:
// - 1,000 small invented articles (tests/reliability/helpers.ts, seeded) are
//   written once. Uninterrupted imports of them record what a whole import
//   stores for each file (text, content hash, fingerprint keys) and how long a
//   run takes, which sets the window the kills are spread over.
// - Each kill gets a FRESH library (a new path; the run creates it). Not the
//   same library across iterations: after the re-run that ends an iteration
//   the library holds all 1,000 texts, so the next import would be duplicates
//   only and a kill would interrupt no write at all. A fresh library puts every
//   kill inside a real 1,000-file import — including, for the earliest ones,
//   the creation of the file and its schema steps — and keeps the kills
//   independent, so a failure names one seed and one delay. Reopening a killed
//   library is exercised by each iteration's own re-run, which recovers the
//   WAL and then writes the remaining files into it.
// - The delays are seeded and stratified. An uninterrupted run spends its
//   first part starting up (Node, the bundle, the worker and its parsers) and
//   creating the library, up to its first acknowledgement at time A, then
//   imports until it ends at time T. A tenth of the kills go into equal slices
//   of [0, A] (start-up, creation of the file and its schema), the rest into
//   equal slices of [A, T] (the import, the final checkpoint and close), one
//   per slice, in shuffled order. A run that finishes before its kill (the
//   machine got faster than when T was measured) is not counted; another kill
//   is drawn for it, between 30% and 95% of that run's own duration.
// - Two kills run at a time (one per core of a 2-core CI machine: the import
//   keeps about one core busy), so T is measured with two uninterrupted runs
//   side by side, under the same load as the kills.
// - After the kill the file is judged read-only, independently of the library
//   code (helpers.inspectLibrary): integrity_check, every version whole, no
//   dangling rows, FTS5's own check against the content on a copy, and every
//   file the command acknowledged on stderr (`[n/1000] added PATH`, printed by
//   the host only once the worker reports the file's transaction committed)
//   present by content hash.
// - Then the same import runs again on the killed library: exit 0, no failed
//   file, no recovery or damage note, duplicates = exactly the files that
//   survived the kill, and 1,000 whole versions at the end.
//
// The libraries live on tmpfs (/dev/shm) when it has room. That only removes
// fsync's cost: a killed process loses nothing the kernel already has, so
// fsync plays no part in what kill -9 can break (it matters for power loss,
// which this test does not simulate). PARALLAX_KILL9_SEED,
// PARALLAX_KILL9_KILLS and PARALLAX_KILL9_LANES override the seed, the number
// of kills and how many run at a time.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestVersion } from '../../electron/library/index';
import { articleCode, inspectLibrary, inventedArticle, LATEST_SCHEMA, parallax, parseProgress, readExpected, requireBuiltCli, seeded, sha256, writeArticles } from './helpers';
import type { Expected } from './helpers';

const SEED = Number(process.env.PARALLAX_KILL9_SEED ?? 20_251_122);
const KILLS = Number(process.env.PARALLAX_KILL9_KILLS ?? 50);
const LANES = Math.max(1, Number(process.env.PARALLAX_KILL9_LANES ?? Math.min(2, availableParallelism())));
const FILES = 1000;
/** The share of the kills spread over start-up and library creation (see the header). */
const STARTUP_SHARE = 0.1;
/** Runs that finish before their kill get another draw, up to this many times in all. */
const MAX_REDRAWS = 40;

let base: string;
let filesDir: string;
let names: string[];
let expected: Map<string, Expected>;
let byName: Map<string, Expected>;
let referenceLibrary: string;
let referenceMs: number;
/** When the uninterrupted runs acknowledged their first file (mean, ms after start). */
let firstAckMs: number;
let fileStarted: number;
let keep = false;

const codeOf = (name: string) => articleCode(Number(/^f(\d+)\.txt$/.exec(name)![1]));

/** tmpfs when it has room (see the header), else the system's temporary folder. */
function scratch(): string {
  try {
    const fs = statfsSync('/dev/shm');
    if (fs.bavail * fs.bsize > 512 * 2 ** 20) return mkdtempSync('/dev/shm/parallax-kill9-');
  } catch {
    // No /dev/shm (not Linux): the temporary folder will do, only slower.
  }
  return mkdtempSync(join(tmpdir(), 'parallax-kill9-'));
}

beforeAll(async () => {
  fileStarted = performance.now();
  requireBuiltCli();
  expect(latestVersion()).toBe(LATEST_SCHEMA);
  base = scratch();
  filesDir = join(base, 'files');
  names = writeArticles(filesDir, SEED, FILES);
  // One uninterrupted run per lane, side by side: the kills' window is their mean wall time.
  const references = [...Array(LANES).keys()].map((lane) => join(base, `reference-${lane}`, 'library.sqlite'));
  for (const path of references) mkdirSync(join(path, '..'));
  const firstAcks: number[] = [];
  const runs = await Promise.all(
    references.map((path) => {
      const started = performance.now();
      let acked = false;
      const onStderr = (text: string) => {
        if (!acked && text.includes('[1/')) {
          acked = true;
          firstAcks.push(performance.now() - started);
        }
      };
      return parallax(['import', filesDir, '--library', path, '--json'], { onStderr });
    }),
  );
  for (const run of runs) expect(run.status, run.stderr.slice(-500)).toBe(0);
  referenceMs = runs.reduce((total, run) => total + run.ms, 0) / runs.length;
  firstAckMs = firstAcks.reduce((total, ms) => total + ms, 0) / firstAcks.length;
  referenceLibrary = references[0]!;
  expected = readExpected(referenceLibrary, codeOf);
  for (const other of references.slice(1)) expect(readExpected(other, codeOf)).toEqual(expected);
  byName = new Map([...expected.values()].map((e) => [e.name, e]));
  expect(expected.size).toBe(FILES);
  for (const name of names) {
    const stored = byName.get(name)!;
    // A .txt file is stored exactly as written, and every text has keys: a missing key set would show.
    expect(stored.text).toBe(readFileSync(join(filesDir, name), 'utf8'));
    expect(stored.hash).toBe(sha256(stored.text));
    expect(stored.keys).not.toBe('');
  }
}, 180_000);

afterAll(() => {
  if (!base) return;
  if (keep) console.log(`kill9: kept ${base} for inspection`);
  else rmSync(base, { recursive: true, force: true });
});

/** FTS5's own integrity check (index against content), on a copy: it is an INSERT, the original stays untouched. */
function ftsCheckOnCopy(library: string, into: string): void {
  mkdirSync(into);
  const copy = join(into, 'library.sqlite');
  copyFileSync(library, copy);
  // The -wal holds the commits not yet checkpointed; the -shm is rebuilt from it.
  if (existsSync(`${library}-wal`)) copyFileSync(`${library}-wal`, `${copy}-wal`);
  const db = new Database(copy);
  try {
    db.prepare("INSERT INTO versions_fts (versions_fts, rank) VALUES ('integrity-check', 1)").run();
  } finally {
    db.close();
    rmSync(into, { recursive: true, force: true });
  }
}

describe('the checker', () => {
  // A check that finds nothing proves little unless it can find something: each
  // kind of half-written version, made by hand on a copy, must be reported.
  const damages: [string, string, RegExp][] = [
    [
      'a version row without its text, search entry or keys',
      `INSERT INTO versions (story_id, position, content_hash, text_length, source_name, source_kind, imported_at)
       VALUES (1, 99999, '${sha256(inventedArticle(SEED, FILES))}', 10, 'extra.txt', 'txt', '2025-01-01T00:00:00.000Z')`,
      /versions without their text: 1.*versions without a search entry: 1.*versions without fingerprint keys: 1/s,
    ],
    ['a version without its keys', 'DELETE FROM version_keys WHERE version_id = 7', /versions without fingerprint keys: 1 \(ids 7\)/],
    ['a version missing one key', 'DELETE FROM version_keys WHERE version_id = 8 AND key = (SELECT min(key) FROM version_keys WHERE version_id = 8)', /fingerprint keys differ.*: 1 \(ids 8\)/],
    [
      'a version without its search entry',
      "INSERT INTO versions_fts (versions_fts, rowid, title, text, outlet) SELECT 'delete', id, title, text, outlet FROM versions_fts_content WHERE id = 9",
      /versions without a search entry: 1 \(ids 9\)/,
    ],
    ['keys of no version', "PRAGMA foreign_keys = OFF; INSERT INTO version_keys (version_id, key) VALUES (424242, 'e:nobody')", /fingerprint keys without a version: 1/],
    ['a story without versions', "INSERT INTO stories (title, created_at, updated_at) VALUES ('Empty', 'x', 'x')", /stories without versions: 1/],
  ];

  it.each(damages)('reports %s', (_what, sql, problem) => {
    const dir = join(base, `checker-${Math.random().toString(36).slice(2)}`);
    mkdirSync(dir);
    const copy = join(dir, 'library.sqlite');
    copyFileSync(referenceLibrary, copy);
    const db = new Database(copy);
    db.exec(sql);
    db.close();
    const found = inspectLibrary(copy, expected);
    expect(found.problems.join('; ')).toMatch(problem);
    expect(found.halfImported + found.problems.length).toBeGreaterThan(0);
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs FTS5's own check, which fails on an index that lost an entry", () => {
    const dir = join(base, 'checker-fts');
    mkdirSync(dir);
    const copy = join(dir, 'library.sqlite');
    copyFileSync(referenceLibrary, copy);
    expect(() => ftsCheckOnCopy(copy, join(dir, 'sound'))).not.toThrow();
    const db = new Database(copy);
    db.exec("INSERT INTO versions_fts (versions_fts, rowid, title, text, outlet) SELECT 'delete', id, title, text, outlet FROM versions_fts_content WHERE id = 9");
    db.close();
    expect(() => ftsCheckOnCopy(copy, join(dir, 'damaged'))).toThrow(/malformed|corrupt/i);
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds nothing wrong with an uninterrupted import', () => {
    const found = inspectLibrary(referenceLibrary, expected);
    expect(found).toMatchObject({ created: true, schema: LATEST_SCHEMA, integrity: ['ok'], versions: FILES, problems: [], halfImported: 0 });
  });
});

type Moment = 'before the library file existed' | 'while the library was being created' | 'before the first file was stored' | 'mid-import' | 'after the last file was stored';

interface Kill {
  delayMs: number;
  moment: Moment;
  acknowledged: number;
  present: number;
}

describe('kill -9 during an import', () => {
  it(`loses nothing over ${KILLS} kills of a ${FILES}-file import`, { timeout: 15 * 60_000 }, async () => {
    // The planned delays depend on the seed and the two measured times alone.
    const rand = seeded((SEED ^ 0x6b696c6c) >>> 0);
    const early = Math.max(1, Math.round(KILLS * STARTUP_SHARE));
    const late = KILLS - early;
    const importMs = referenceMs - firstAckMs;
    const plan = [
      ...[...Array(early).keys()].map((slice) => (firstAckMs * (slice + rand())) / early),
      ...[...Array(late).keys()].map((slice) => firstAckMs + (importMs * (slice + rand())) / late),
    ].map(Math.round);
    for (let k = plan.length - 1; k > 0; k--) {
      const j = Math.floor(rand() * (k + 1));
      [plan[k], plan[j]] = [plan[j]!, plan[k]!];
    }
    // A redraw lands within the run that just finished before its kill, at the machine's current speed.
    const redrawRand = seeded((SEED ^ 0x72656472) >>> 0);
    let lastEarlyFinishMs = referenceMs;
    const kills: Kill[] = [];
    let finishedFirst = 0;
    let attempt = 0;
    let halfImported = 0;
    let damaged = 0;
    let missingAcks = 0;
    let unacknowledged = 0;
    let failure: unknown = null;
    let running = 0;
    /** Time spent, summed over the kills, ms. */
    const spent = { killRuns: 0, checks: 0, reruns: 0 };

    const killOnce = async (delayMs: number, dir: string, context: string): Promise<void> => {
      const library = join(dir, 'library.sqlite');
      mkdirSync(dir);
      const run = await parallax(['import', filesDir, '--library', library, '--json'], { killAfterMs: delayMs });
      spent.killRuns += run.ms;
      let checkStarted = performance.now();
      const progress = parseProgress(run.stderr);
      expect(progress.failed, context).toEqual([]);
      if (run.signal !== 'SIGKILL') {
        expect(run.status, `${context}: ${run.stderr.slice(-300)}`).toBe(0);
        finishedFirst++;
        lastEarlyFinishMs = run.ms;
        rmSync(dir, { recursive: true, force: true });
        return;
      }

      // The killed library, as it is on disk.
      const existed = existsSync(library);
      const after = inspectLibrary(library, expected);
      if (after.integrity.join() !== 'ok') damaged++;
      halfImported += after.halfImported;
      expect(after.integrity, context).toEqual(['ok']);
      expect(after.problems, context).toEqual([]);
      const acked = progress.acknowledged.map((path) => byName.get(basename(path))!.hash);
      const missing = acked.filter((hash) => !after.hashes.has(hash));
      missingAcks += missing.length;
      expect(missing, `${context}: acknowledged files missing`).toEqual([]);
      unacknowledged = Math.max(unacknowledged, after.versions - acked.length);
      if (after.schema === LATEST_SCHEMA) ftsCheckOnCopy(library, join(dir, 'fts-check'));
      kills.push({
        delayMs,
        acknowledged: acked.length,
        present: after.versions,
        moment: !existed
          ? 'before the library file existed'
          : after.schema < LATEST_SCHEMA
            ? 'while the library was being created'
            : after.versions === 0
              ? 'before the first file was stored'
              : after.versions < FILES
                ? 'mid-import'
                : 'after the last file was stored',
      });

      spent.checks += performance.now() - checkStarted;
      // The same import again, on the killed library: it must finish the job cleanly.
      const rerun = await parallax(['import', filesDir, '--library', library, '--json']);
      spent.reruns += rerun.ms;
      checkStarted = performance.now();
      expect(rerun.status, `${context}: re-run: ${rerun.stderr.slice(-300)}`).toBe(0);
      const notes = parseProgress(rerun.stderr);
      expect(notes.failed, context).toEqual([]);
      // No recovery ("damaged … moved to …"), only the notes a killed creation explains.
      const allowed = [`parallax: created a new library at ${library}`, `parallax: upgraded the library from schema ${after.schema} to ${LATEST_SCHEMA}`];
      expect(
        notes.other.filter((line) => !allowed.some((note) => line.startsWith(note))),
        context,
      ).toEqual([]);
      expect(readdirSync(dir).filter((name) => name.includes('.damaged-')), context).toEqual([]);
      const json = JSON.parse(rerun.stdout) as { counts: Record<string, number>; stopped: unknown; results: { path: string; status: string }[] };
      expect(json.stopped, context).toBeNull();
      expect(json.counts, context).toEqual({ added: FILES - after.versions, duplicate: after.versions, failed: 0 });
      const duplicates = json.results.filter((r) => r.status === 'duplicate').map((r) => basename(r.path));
      expect(duplicates, `${context}: the re-run's duplicates are the files that survived`).toEqual(names.filter((name) => after.hashes.has(byName.get(name)!.hash)));
      const final = inspectLibrary(library, expected);
      expect(final.integrity, context).toEqual(['ok']);
      expect(final.problems, context).toEqual([]);
      expect(final.versions, context).toBe(FILES);
      expect(final.hashes.size, context).toBe(FILES);
      rmSync(dir, { recursive: true, force: true });
      spent.checks += performance.now() - checkStarted;
    };

    // LANES kills at a time; each lane takes the next delay until enough runs were killed.
    const lane = async (): Promise<void> => {
      while (failure === null && kills.length + running < KILLS) {
        if (attempt >= KILLS + MAX_REDRAWS) {
          failure ??= new Error(`only ${kills.length} of ${KILLS} runs were killed in ${attempt} attempts: the runs finish before their kill`);
          return;
        }
        const delayMs = attempt < KILLS ? plan[attempt]! : Math.round(lastEarlyFinishMs * (0.3 + 0.65 * redrawRand()));
        const dir = join(base, `kill-${String(attempt).padStart(3, '0')}`);
        attempt++;
        running++;
        try {
          await killOnce(delayMs, dir, `kill attempt ${attempt} (seed ${SEED}, after ${delayMs} ms, ${dir})`);
        } catch (error) {
          keep = true;
          failure ??= error;
        } finally {
          running--;
        }
      }
    };
    await Promise.all([...Array(LANES).keys()].map(() => lane()));
    if (failure !== null) throw failure;

    const byMoment = new Map<Moment, number>();
    for (const kill of kills) byMoment.set(kill.moment, (byMoment.get(kill.moment) ?? 0) + 1);
    const mid = kills
      .filter((kill) => kill.moment === 'mid-import')
      .map((kill) => kill.present)
      .sort((a, b) => a - b);
    const quantile = (q: number) => mid[Math.min(mid.length - 1, Math.floor(q * mid.length))] ?? 0;
    const seconds = (performance.now() - fileStarted) / 1000;
    console.log(
      `kill9: ${kills.length} kills of a ${FILES}-file import (seed ${SEED}, ${LANES} at a time; an uninterrupted run: first file acknowledged at ${(firstAckMs / 1000).toFixed(2)} s, ` +
        `done at ${(referenceMs / 1000).toFixed(2)} s; kills at ${(Math.min(...kills.map((k) => k.delayMs)) / 1000).toFixed(2)}–${(Math.max(...kills.map((k) => k.delayMs)) / 1000).toFixed(2)} s; ` +
        `${finishedFirst} run(s) finished before their kill and were redrawn): ` +
        `${[...byMoment].map(([moment, n]) => `${n} ${moment}`).join(', ')}; ` +
        `versions present at mid-import kills: min ${mid[0] ?? 0} / p25 ${quantile(0.25)} / median ${quantile(0.5)} / p75 ${quantile(0.75)} / max ${mid.at(-1) ?? 0}. ` +
        `Damaged databases ${damaged}, half-imported versions ${halfImported}, acknowledged imports missing ${missingAcks} ` +
        `(${kills.reduce((n, k) => n + k.acknowledged, 0)} acknowledged in all; committed but not yet acknowledged at the kill: at most ${unacknowledged}); ` +
        `${kills.length} re-runs clean, ${FILES} versions each. ${seconds.toFixed(0)} s for this file; per kill, mean: ` +
        `killed run ${(spent.killRuns / attempt / 1000).toFixed(2)} s, re-run ${(spent.reruns / kills.length / 1000).toFixed(2)} s, checks ${(spent.checks / kills.length / 1000).toFixed(2)} s.`,
    );
    expect(damaged).toBe(0);
    expect(halfImported).toBe(0);
    expect(missingAcks).toBe(0);
  });
});
