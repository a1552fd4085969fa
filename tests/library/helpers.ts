// Shared set-up for the library tests: real better-sqlite3 on temporary
// files, removed after each test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { isLibraryError, Library } from '../../electron/library/index';
import type { LibraryErrorCode, NewVersion, OpenOptions } from '../../electron/library/index';

const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, deleted after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-library-'));
  dirs.push(dir);
  return dir;
}

/** A new library in a fresh folder, with a fixed clock unless one is given. */
export async function newLibrary(options: OpenOptions = {}): Promise<{ library: Library; dir: string; path: string }> {
  const dir = tempDir();
  const path = join(dir, 'library.sqlite');
  const { library } = await Library.open(path, { backupDir: join(dir, 'backups'), ...options });
  return { library, dir, path };
}

/** A clock that advances one second per call, from a fixed start. */
export function steppingClock(start = Date.UTC(2025, 0, 1)): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}

export function article(n: number, extra = ''): string {
  return (
    `Harbour crane collapse, report ${n}\n\n` +
    `A crane collapsed onto two container ships on Monday, officials said. ${extra}\n` +
    `At least ${10 + n} workers were taken to hospital, according to the fire service.\n` +
    `“We are investigating the cause,” said Maria Lund, the port director.\n`
  );
}

export function version(text: string, story: NewVersion['story'], more: Partial<NewVersion> = {}): NewVersion {
  return { story, text, sourceName: 'article.txt', sourceKind: 'txt', ...more };
}

/** Runs `work` and returns the LibraryError code it threw (failing if it did not). */
export function codeOf(work: () => unknown): LibraryErrorCode {
  try {
    work();
  } catch (error) {
    if (isLibraryError(error)) return error.code;
    throw error;
  }
  throw new Error('expected a LibraryError');
}

export async function codeOfAsync(work: () => Promise<unknown>): Promise<LibraryErrorCode> {
  try {
    await work();
  } catch (error) {
    if (isLibraryError(error)) return error.code;
    throw error;
  }
  throw new Error('expected a LibraryError');
}
