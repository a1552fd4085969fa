// `npm run bench` (third part): does a big import leave the interface's event
// loop free? The process hosting the interface (Electron's main process, the
// command line) runs a `perf_hooks.monitorEventLoopDelay({ resolution: 10 })`
// histogram and a 10 ms interval timer (a stand-in for the interface's own
// work) while 10,000 generated files are imported into a new library through
// the library worker (electron/library/worker-host.ts), as the app does. For
// contrast, the same measurement with the import run on the main thread
// (`importPaths` directly), which is what the worker is there to avoid.
//
//   node dist/bench-eventloop.js [--files 10000] [--main-files N] [--keep]
//
// The files are ~8 KB plain-text articles from the library benchmark's corpus
// (scripts/bench-corpus.ts), written once to a temporary folder. Each case
// runs in a child process of its own, started cold (its own heap, its own
// peak RSS), and measures from just before the library is opened until it is
// closed. The delays are what the event loop owed the timers beyond their
// due time: p50 / p99 / max of the histogram, plus the longest gap between two
// ticks of the 10 ms timer (due 10 ms apart). Results are printed as markdown
// table rows in the format of bench-library.ts; misses are flagged.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { FilesImport } from '../electron/library/import-files';
import { LibraryWorker } from '../electron/library/worker-host';
import { NewsCorpus } from './bench-corpus';
import { fmt, int, resultTable, runMain, type Row } from './bench-report';

const DEFAULT_FILES = 10_000;
/** The interface's own timer. */
const TICK_MS = 10;
/** monitorEventLoopDelay's sampling resolution, ms. */
const RESOLUTION_MS = 10;
const TARGET_P99_MS = 50;

interface Args {
  phase: 'worker' | 'main' | null;
  dir: string | null;
  files: number;
  mainFiles: number;
  keep: boolean;
}

function readArgs(): Args {
  const { values } = parseArgs({
    options: {
      phase: { type: 'string' },
      dir: { type: 'string' },
      files: { type: 'string' },
      'main-files': { type: 'string' },
      keep: { type: 'boolean' },
    },
  });
  const count = (value: string | undefined, fallback: number, name: string) => {
    const n = value === undefined ? fallback : Number(value.replace(/[_,]/g, ''));
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1 (got ${value})`);
    return n;
  };
  const phase = values.phase ?? null;
  if (phase !== null && phase !== 'worker' && phase !== 'main') throw new Error(`unknown phase ${phase}`);
  const files = count(values.files, DEFAULT_FILES, 'files');
  return { phase, dir: values.dir ?? null, files, mainFiles: Math.min(files, count(values['main-files'], files, 'main-files')), keep: values.keep ?? false };
}

function log(message: string): void {
  process.stderr.write(`[bench-eventloop] ${message}\n`);
}

const fileName = (k: number) => `a${String(k).padStart(6, '0')}.txt`;

/** Writes `n` corpus articles as .txt files; returns their mean size in bytes. */
function writeFiles(dir: string, n: number): number {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  let k = 0;
  for (const version of new NewsCorpus().versions(n)) {
    writeFileSync(join(dir, fileName(k++)), version.text);
    bytes += Buffer.byteLength(version.text);
  }
  return bytes / n;
}

// ---------------------------------------------------------------------------
// A phase: one import, measured from the interface's thread.

interface PhaseResult {
  mode: 'worker' | 'main';
  files: number;
  added: number;
  duplicates: number;
  failed: number;
  stopped: string | null;
  /** Wall time of the import call alone, ms. */
  importMs: number;
  /** Open + import + close, ms: the span measured. */
  totalMs: number;
  /** Event-loop delay, ms. */
  p50: number;
  p99: number;
  max: number;
  /** Longest gap between two ticks of the TICK_MS timer, ms. */
  longestTickGap: number;
  /** Files done when that gap ended, and when it ended (ms after the start): where the loop stalled longest. */
  longestGapAfter: { files: number; ms: number };
  ticks: number;
  rssMb: number;
}

async function phase(mode: 'worker' | 'main', dir: string, n: number): Promise<PhaseResult> {
  const paths = Array.from({ length: n }, (_, k) => join(dir, 'files', fileName(k)));
  const library = join(dir, `${mode}.sqlite`);
  // Loaded before the measurement starts: the app has its modules loaded too.
  const mainThread = mode === 'main' ? await mainThreadImporter() : null;

  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  let ticks = 0;
  let longestTickGap = 0;
  let longestGapAfter = { files: 0, ms: 0 };
  let done = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - last > longestTickGap) {
      longestTickGap = now - last;
      longestGapAfter = { files: done, ms: now - started };
    }
    last = now;
    ticks++;
  }, TICK_MS);
  histogram.enable();
  const started = performance.now();
  const onProgress = () => {
    done++;
    if (done % 1000 === 0) log(`${mode}: ${done.toLocaleString('en-US')} / ${n.toLocaleString('en-US')} files, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  let run: FilesImport;
  let importMs: number;
  if (mainThread) {
    ({ run, importMs } = await mainThread(library, paths, onProgress));
  } else {
    const { worker } = await LibraryWorker.open(library);
    const t0 = performance.now();
    run = await worker.import(paths, { onProgress });
    importMs = performance.now() - t0;
    await worker.close();
  }
  const totalMs = performance.now() - started;
  histogram.disable();
  clearInterval(timer);
  const ms = (ns: number) => ns / 1e6;
  const count = (status: string) => run.results.filter((r) => r.status === status).length;
  return {
    mode,
    files: n,
    added: count('added'),
    duplicates: count('duplicate'),
    failed: count('failed'),
    stopped: run.stopped ? `${run.stopped.code}: ${run.stopped.message}` : null,
    importMs,
    totalMs,
    p50: ms(histogram.percentile(50)),
    p99: ms(histogram.percentile(99)),
    max: ms(histogram.max),
    longestTickGap,
    longestGapAfter,
    ticks,
    rssMb: process.resourceUsage().maxRSS / 1024,
  };
}

type MainThreadImport = (library: string, paths: string[], onProgress: () => void) => Promise<{ run: FilesImport; importMs: number }>;

/**
 * The contrast case: the library opened and the files imported on this
 * thread. Loaded on demand, so the worker case's thread never loads the file
 * parsers (as in the app, where only the worker does).
 */
async function mainThreadImporter(): Promise<MainThreadImport> {
  const [{ Library }, { importPaths }] = await Promise.all([import('../electron/library/index'), import('../electron/library/import-files')]);
  return async (path, paths, onProgress) => {
    const { library } = await Library.open(path);
    try {
      const t0 = performance.now();
      const run = await importPaths(library, paths, { onProgress });
      return { run, importMs: performance.now() - t0 };
    } finally {
      library.close();
    }
  };
}

// ---------------------------------------------------------------------------
// The parent: the files, the two phases, the rows.

const SELF = fileURLToPath(import.meta.url);

function runPhase(mode: 'worker' | 'main', dir: string, n: number): PhaseResult {
  log(`phase ${mode}: importing ${n.toLocaleString('en-US')} files…`);
  const child = spawnSync(process.execPath, [SELF, '--phase', mode, '--dir', dir, '--files', String(n)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 << 20,
  });
  if (child.error) throw child.error;
  if (child.status !== 0) throw new Error(`phase ${mode} failed (${child.signal ?? `exit ${child.status}`})`);
  return JSON.parse(child.stdout) as PhaseResult;
}


function rows(worker: PhaseResult, main: PhaseResult, meanBytes: number, total: number): Row[] {
  const measured = (r: PhaseResult) =>
    `p50 ${fmt(r.p50)} / **p99 ${fmt(r.p99)}** / max ${fmt(r.max)} ms; longest gap between ${TICK_MS} ms ticks ${fmt(r.longestTickGap)} ms; ` +
    `**${int(r.added / (r.importMs / 1000))} files/s** (${fmt(r.importMs / 1000)} s)`;
  const out: Row[] = [
    {
      name: `Import worker: ${int(worker.files)} files (~${fmt(meanBytes / 1024)} KB .txt) through \`LibraryWorker\` — event-loop delay of the hosting thread (\`monitorEventLoopDelay\`, ${RESOLUTION_MS} ms resolution)`,
      measured: measured(worker),
      target: `p99 ≤ ${TARGET_P99_MS} ms`,
      ok: worker.p99 <= TARGET_P99_MS,
      rss: worker.rssMb,
    },
    {
      name: `… contrast: the same import on the main thread (\`importPaths\`)${main.files < total ? `, first ${int(main.files)} files only` : ''}`,
      measured: measured(main),
      target: '—',
      ok: null,
      rss: main.rssMb,
    },
  ];
  for (const r of [worker, main]) {
    if (r.added !== r.files || r.stopped) {
      out.push({ name: `… ${r.mode}: files not added`, measured: `${int(r.files - r.added)} (${r.duplicates} duplicate, ${r.failed} failed${r.stopped ? `; stopped: ${r.stopped}` : ''})`, target: '0', ok: false });
    }
  }
  return out;
}

async function main(): Promise<void> {
  const args = readArgs();
  if (args.phase !== null) {
    if (args.dir === null) throw new Error('--phase needs --dir');
    process.stdout.write(JSON.stringify(await phase(args.phase, args.dir, args.files)));
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-eventloop-'));
  log(`writing ${args.files.toLocaleString('en-US')} files in ${dir} (${args.keep ? 'kept afterwards: --keep' : 'deleted afterwards'})`);
  const interrupted = () => log('interrupted: cleaning up');
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', interrupted);
  try {
    const meanBytes = writeFiles(join(dir, 'files'), args.files);
    const worker = runPhase('worker', dir, args.files);
    const onMain = runPhase('main', dir, args.mainFiles);
    const table = rows(worker, onMain, meanBytes, args.files);
    const lines = [
      `Event-loop benchmark: ${int(args.files)} files (Node ${process.versions.node}, ${process.platform}).`,
      '',
      ...resultTable(table),
    ];
    const where = (r: PhaseResult) =>
      `${r.mode === 'worker' ? 'worker' : 'main thread'} ${fmt(r.longestTickGap)} ms, ending ${fmt(r.longestGapAfter.ms / 1000)} s in, after ${int(r.longestGapAfter.files)} of ${int(r.files)} files` +
      (r.longestGapAfter.files >= r.files ? ' (the end of the run: suggestions, closing the library)' : '');
    lines.push(
      `Histogram values are the time between two of its samples, due every ${RESOLUTION_MS} ms: an idle loop reads ~${RESOLUTION_MS}.1 ms, so a stall is the value minus ${RESOLUTION_MS} ms. ` +
        `Longest stall: ${where(worker)}; ${where(onMain)}. Open, import and close are all inside the measured span.`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    if (args.keep) log(`kept ${dir}`);
    else {
      rmSync(dir, { recursive: true, force: true });
      log(`deleted ${dir}`);
    }
  }
}

runMain(main);
