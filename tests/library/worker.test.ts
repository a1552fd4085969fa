// The library worker, run for real: the host client from source, the thread
// from the built dist/library-worker.js (run `node scripts/build-cli.mjs`
// first; `npm test` does). Imports with progress, calls, typed errors across
// the thread boundary, abort, close — and a host thread that stays free.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../electron/import/decode';
import { isLibraryError, Library, LibraryError } from '../../electron/library/index';
import { LibraryWorker, LibraryWorkerError } from '../../electron/library/worker-host';
import type { FileResult } from '../../electron/library/import-files';
import { fromErrorData, toErrorData } from '../../electron/library/worker-protocol';
import { tempDir } from './helpers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCRIPT = join(ROOT, 'dist/library-worker.js');
const PORT = join(ROOT, 'tests/fixtures/stories/port-strike');

beforeAll(() => {
  if (!existsSync(SCRIPT)) throw new Error('dist/library-worker.js is missing: run `node scripts/build-cli.mjs` first');
});

async function openWorker(path: string) {
  return LibraryWorker.open(path, { script: SCRIPT });
}

/** `count` small articles, each a distinct text, in a fresh folder. */
function manyArticles(count: number): string {
  const dir = join(tempDir(), 'many');
  mkdirSync(dir);
  for (let n = 0; n < count; n++) {
    writeFileSync(
      join(dir, `a${String(n).padStart(4, '0')}.txt`),
      `Ferry service ${n} suspended\n\nThe operator cancelled ${n + 20} crossings on Monday, officials in Lindgard said.\nRepairs to ramp ${n} will cost ${n + 3} million euros.\n`,
    );
  }
  return dir;
}

describe('LibraryWorker', () => {
  it('imports with progress, then answers calls on the same library', async () => {
    const path = join(tempDir(), 'library.sqlite');
    const { worker, report } = await openWorker(path);
    expect(report).toMatchObject({ path, created: true, schemaVersion: 20, recovery: null });
    const progress: [number, number, FileResult['status']][] = [];
    const run = await worker.import([PORT], { onProgress: (done, total, result) => progress.push([done, total, result.status]) });
    const files = readdirSync(PORT).filter((f) => f.endsWith('.txt'));
    expect(progress).toEqual(files.map((_, k) => [k + 1, files.length, 'added']));
    expect(run).toMatchObject({ storyCreated: true, stopped: null, suggestions: [] });

    const stories = await worker.call('listStories', [{}]);
    expect(stories.items.map((s) => [s.id, s.versionCount])).toEqual([[run.storyId, files.length]]);
    const hits = await worker.call('search', [{ text: 'dockworkers' }]);
    expect(hits.total).toBeGreaterThan(0);
    const comparison = await worker.call('compareStory', [run.storyId!, {}]);
    expect(comparison.cached).toBe(false);
    expect(JSON.parse(comparison.resultJson).versions).toHaveLength(files.length);
    expect((await worker.call('compareStory', [run.storyId!, {}])).cached).toBe(true);
    await worker.close();

    // Everything is committed and readable by a connection of the host's own.
    const { library } = await Library.open(path);
    expect(library.versions.listByStory(run.storyId!)).toHaveLength(files.length);
    library.close();
  });

  it('rebuilds LibraryError and ImportError on the host, code and all', async () => {
    const { worker } = await openWorker(join(tempDir(), 'library.sqlite'));
    const missing = await worker.call('compareStory', [42, {}]).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(LibraryError);
    expect(missing).toMatchObject({ code: 'not-found', reason: 'story 42 does not exist' });
    const refused = await worker.import([PORT], { story: 7 }).catch((e: unknown) => e);
    expect(isLibraryError(refused, 'not-found')).toBe(true);
    const blank = await worker.call('importText', ['  ', { label: 'paste' }]).catch((e: unknown) => e);
    expect(isLibraryError(blank, 'invalid')).toBe(true);
    // A file problem inside an import is a result, not an error.
    const run = await worker.import([join(PORT, 'nope.txt')]);
    expect(run.results[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/nope\.txt: no such file/) });
    const unknown = await worker.call('dropEverything' as 'listTags', [] as never).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(LibraryWorkerError);
    expect(unknown).toMatchObject({ code: 'internal' });
    await worker.close();
    await expect(worker.call('listTags', [])).rejects.toMatchObject({ code: 'closed' });
  });

  it('carries ImportError and other errors through the envelope data', () => {
    const rebuilt = fromErrorData(toErrorData(new ImportError('too-large', 'big.pdf', 'file is too large')));
    expect(rebuilt).toBeInstanceOf(ImportError);
    expect(rebuilt).toMatchObject({ code: 'too-large', file: 'big.pdf', message: 'big.pdf: file is too large' });
    expect(fromErrorData(toErrorData(new RangeError('bad\nthing')))).toMatchObject({ name: 'LibraryWorkerError', code: 'internal', message: 'RangeError: bad' });
  });

  it('refuses to open what is not a library, as the same LibraryError', async () => {
    const path = join(tempDir(), 'notes.sqlite');
    const db = new (await import('better-sqlite3')).default(path);
    db.exec('CREATE TABLE notes (text TEXT)');
    db.close();
    const error = await openWorker(path).catch((e: unknown) => e);
    expect(isLibraryError(error, 'invalid')).toBe(true);
    expect((error as Error).message).toMatch(/notes\.sqlite: is a database, but not a Parallax library/);
  });

  it('stops an import cleanly on abort: files done stay done', async () => {
    const dir = manyArticles(40);
    const path = join(tempDir(), 'library.sqlite');
    const { worker } = await openWorker(path);
    const controller = new AbortController();
    const run = await worker.import([dir], { signal: controller.signal, onProgress: (done) => done === 3 && controller.abort() });
    expect(run.stopped).toMatchObject({ code: 'aborted' });
    expect(run.results.length).toBeGreaterThanOrEqual(3);
    expect(run.results.length).toBeLessThan(40);
    const stories = await worker.call('listStories', [{}]);
    expect(stories.items[0]!.versionCount).toBe(run.results.length);
    await worker.close();
  });

  it('keeps the host thread free and lets it read while the worker writes', async () => {
    const dir = manyArticles(150);
    const path = join(tempDir(), 'library.sqlite');
    const { worker } = await openWorker(path);
    const { library: reader } = await Library.open(path, { readonly: true });
    let longestGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    const counts: number[] = [];
    const started = performance.now();
    const run = await worker.import([dir], {
      onProgress: (done) => {
        if (done % 50 === 0) counts.push(reader.db.prepare('SELECT count(*) FROM versions').pluck().get() as number);
      },
    });
    clearInterval(timer);
    const importMs = performance.now() - started;
    expect(run.results.every((r) => r.status === 'added')).toBe(true);
    // The host's own connection saw the versions arrive while the import ran.
    expect(counts.length).toBe(3);
    expect(counts[0]).toBeGreaterThanOrEqual(50);
    // Had the import run on this thread, the timer would have stalled for about all of it.
    expect(longestGap).toBeLessThan(importMs / 4);
    reader.close();
    await worker.close();
  });

  it('fails pending requests when the thread dies', async () => {
    const { worker } = await openWorker(join(tempDir(), 'library.sqlite'));
    const pending = worker.import([manyArticles(30)]);
    await worker.terminate();
    await expect(pending).rejects.toMatchObject({ code: 'worker-exited' });
  });
});
