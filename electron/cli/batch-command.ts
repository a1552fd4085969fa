// `parallax batch DIR [--base N] [--out results.jsonl]`: one story per
// subfolder, compared on a pool of worker threads (one per core), with the
// JSON lines written in story order however the workers finish.
/* eslint-disable security/detect-non-literal-fs-filename -- opening the paths the user names is this module's job */
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { displayName } from '../import/decode';
import { BATCH_WORKER_ROLE, byCodePoint, failedStory } from './batch-worker';
import type { StoryJob, StoryOutcome } from './batch-worker';
import { AtomicFile, CliError, checkOutPath } from './output';

export interface BatchArgs {
  dir: string;
  base: number | null;
  out: string | null;
}

/** Exit status when the batch completed but some stories failed. */
export const EXIT_SOME_STORIES_FAILED = 3;

export async function runBatch(args: BatchArgs): Promise<number> {
  if (args.out !== null) checkOutPath(args.out);
  const stories = await listStories(args.dir);
  const jobs = stories.map((story, index): StoryJob => ({ index, story, path: join(args.dir, story), base: args.base }));
  const file = args.out === null ? null : new AtomicFile(args.out);
  const writer = new OrderedWriter((text) => (file ? file.write(text) : process.stdout.write(text)));
  let failed = 0;
  try {
    await runPool(jobs, Math.min(availableParallelism(), jobs.length), (outcome, done) => {
      writer.add(outcome.index, `${outcome.line}\n`);
      if (!outcome.ok) failed++;
      reportProgress(outcome, done, jobs.length);
    });
    file?.commit();
  } catch (error) {
    file?.abort();
    throw error;
  }
  if (failed > 0) process.stderr.write(`parallax: ${failed} of ${jobs.length} stories failed\n`);
  return failed > 0 ? EXIT_SOME_STORIES_FAILED : 0;
}

async function listStories(dir: string): Promise<string[]> {
  const shown = displayName(dir);
  const stats = await stat(dir).catch(() => null);
  if (!stats) throw new CliError(`${shown}: no such folder`);
  if (!stats.isDirectory()) throw new CliError(`${shown}: is not a folder`);
  const stories: string[] = [];
  for (const name of await readdir(dir)) {
    if (name.startsWith('.')) continue;
    const entry = await stat(join(dir, name)).catch(() => null);
    if (entry?.isDirectory()) stories.push(name);
  }
  if (stories.length === 0) throw new CliError(`${shown}: no story folders found (each story is a subfolder of .txt/.md files)`);
  return stories.sort(byCodePoint);
}

function reportProgress(outcome: StoryOutcome, done: number, total: number): void {
  const failure = outcome.ok ? '' : ` (failed: ${outcome.error ?? 'unknown error'})`;
  process.stderr.write(`[${done}/${total}] ${displayName(outcome.story)}${displayName(failure)}\n`);
}

/** Buffers out-of-order results and releases them in index order. */
class OrderedWriter {
  private readonly waiting = new Map<number, string>();
  private next = 0;

  constructor(private readonly sink: (text: string) => void) {}

  add(index: number, text: string): void {
    this.waiting.set(index, text);
    for (let ready = this.waiting.get(this.next); ready !== undefined; ready = this.waiting.get(this.next)) {
      this.sink(ready);
      this.waiting.delete(this.next);
      this.next++;
    }
  }
}

type OnOutcome = (outcome: StoryOutcome, done: number) => void;

/**
 * Runs every job on at most `size` workers. A worker that dies (crash, out of
 * memory) fails only the story it was on and is replaced. If writing a result
 * fails, every worker is stopped so the process can exit at once.
 */
function runPool(jobs: StoryJob[], size: number, onOutcome: OnOutcome): Promise<void> {
  return new Promise((resolve, reject) => {
    const workers = new Set<Worker>();
    let next = 0;
    let done = 0;
    let stopped = false;
    const takeJob = (): StoryJob | null => (!stopped && next < jobs.length ? jobs[next++]! : null);
    const finish = (outcome: StoryOutcome): void => {
      if (stopped) return;
      done++;
      try {
        onOutcome(outcome, done);
      } catch (error) {
        stopped = true;
        for (const worker of workers) void worker.terminate();
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (done === jobs.length) resolve();
    };
    const spawn = (): void => {
      const worker = startWorker(takeJob, finish, () => {
        workers.delete(worker);
        if (!stopped && next < jobs.length) spawn();
      });
      workers.add(worker);
    };
    for (let i = 0; i < size; i++) spawn();
  });
}

function startWorker(takeJob: () => StoryJob | null, finish: (outcome: StoryOutcome) => void, onExit: () => void): Worker {
  // The CLI bundle is its own worker script: main.ts starts the worker loop
  // when it sees this role, so no second entry point needs building.
  const worker = new Worker(new URL(import.meta.url), { workerData: { role: BATCH_WORKER_ROLE } });
  let current: StoryJob | null = null;
  let crash = 'worker stopped unexpectedly';
  const feed = (): void => {
    current = takeJob();
    if (current) worker.postMessage(current);
    else void worker.terminate();
  };
  worker.on('message', (outcome: StoryOutcome) => {
    current = null;
    finish(outcome);
    feed();
  });
  worker.on('error', (error) => {
    crash = `worker crashed: ${error.message.split('\n', 1)[0] ?? ''}`;
  });
  worker.on('exit', () => {
    const lost = current;
    current = null;
    if (lost) finish(failedStory(lost, crash));
    onExit();
  });
  feed();
  return worker;
}
