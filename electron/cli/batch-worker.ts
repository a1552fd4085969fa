// One story of `parallax batch`, run inside a worker thread: read its version
// files, compare them and serialise the JSON line here, so the main thread
// only has to write strings in order.
/* eslint-disable security/detect-non-literal-fs-filename -- opening the paths the user names is this module's job */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { compare } from '../../shared/engine/compare';
import type { VersionInput } from '../../shared/engine/types';
import { displayName } from '../import/decode';
import { isTextFileName } from '../import/read-file';
import { readVersion, toEngineBase } from './compare-command';

/** workerData.role that makes the CLI bundle start as a batch worker. */
export const BATCH_WORKER_ROLE = 'parallax-batch-worker';

export interface StoryJob {
  index: number;
  /** Folder name, as written in the output line. */
  story: string;
  /** Folder path: DIR as the user typed it, joined with the folder name. */
  path: string;
  /** 1-based --base, or null. */
  base: number | null;
}

export interface StoryOutcome {
  index: number;
  story: string;
  ok: boolean;
  /** The complete JSON line, without the newline. */
  line: string;
  error: string | null;
}

export function runBatchWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('batch worker started outside a worker thread');
  port.on('message', (job: StoryJob) => {
    void processStory(job).then((outcome) => port.postMessage(outcome));
  });
}

/** Never rejects: whatever goes wrong becomes the story's error line. */
export async function processStory(job: StoryJob): Promise<StoryOutcome> {
  try {
    const inputs = await readStory(job.path);
    const result = compare(inputs, { base: toEngineBase(job.base, inputs.length) });
    return { index: job.index, story: job.story, ok: true, line: JSON.stringify({ story: job.story, ok: true, result }), error: null };
  } catch (error) {
    return failedStory(job, errorLine(error));
  }
}

export function failedStory(job: StoryJob, error: string): StoryOutcome {
  return { index: job.index, story: job.story, ok: false, line: JSON.stringify({ story: job.story, ok: false, error }), error };
}

async function readStory(folder: string): Promise<VersionInput[]> {
  const files = await versionFiles(folder);
  if (files.length < 2) {
    throw new Error(`${displayName(folder)}: a story needs at least 2 .txt/.md files, found ${files.length}`);
  }
  const inputs: VersionInput[] = [];
  for (const file of files) inputs.push(await readVersion(join(folder, file)));
  return inputs;
}

/** The story's .txt/.md files (symlinks followed, hidden files skipped), in code-point order of name. */
async function versionFiles(folder: string): Promise<string[]> {
  const names = (await readdir(folder)).filter((name) => !name.startsWith('.') && isTextFileName(name));
  const files: string[] = [];
  for (const name of names) {
    const stats = await stat(join(folder, name)).catch(() => null);
    if (stats?.isFile()) files.push(name);
  }
  return files.sort(byCodePoint);
}

export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** First line only: error lines and progress stay one line each. */
export function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split(/\r?\n/, 1)[0] ?? '';
  return error instanceof Error && !['ImportError', 'UsageError', 'Error'].includes(error.name) ? `${error.name}: ${first}` : first;
}
