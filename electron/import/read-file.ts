// Reads one user-named text file from disk with every failure turned into an
// ImportError: the size is checked before a single byte is read, so a 100 MB
// file (or a device, or a FIFO) costs nothing and never blocks.
/* eslint-disable security/detect-non-literal-fs-filename -- opening the paths the user names is this module's job */
import { open, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { extname } from 'node:path';
import { decodeBytes, ImportError } from './decode';
import type { Decoded } from './decode';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const TEXT_EXTENSIONS = ['.txt', '.md'];

export interface ReadOptions {
  /** Files larger than this are refused; default 20 MB. */
  maxBytes?: number;
}

export function isTextFileName(path: string): boolean {
  return TEXT_EXTENSIONS.includes(extname(path).toLowerCase());
}

/** Reads and decodes `path`; `path` is also the name used in error messages. */
export async function readTextFile(path: string, options: ReadOptions = {}): Promise<Decoded> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  // stat() by path first: open() on a FIFO would block until a writer shows up.
  checkStats(await statOrThrow(path), path, maxBytes);
  if (!isTextFileName(path)) {
    throw new ImportError('unsupported-type', path, `unsupported file type; expected ${TEXT_EXTENSIONS.join(' or ')}`);
  }
  const bytes = await readBounded(path, maxBytes);
  return decodeBytes(bytes, path);
}

/**
 * Reads `path` whole with the same stat()-first size check, without decoding
 * or looking at the extension: the document importers decide the type.
 */
export async function readFileBytes(path: string, options: ReadOptions = {}): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  checkStats(await statOrThrow(path), path, maxBytes);
  return readBounded(path, maxBytes);
}

async function statOrThrow(path: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch (error) {
    throw fsError(error, path);
  }
}

function checkStats(stats: Stats, path: string, maxBytes: number): void {
  if (stats.isDirectory()) throw new ImportError('not-a-file', path, 'is a directory, not a file');
  if (!stats.isFile()) throw new ImportError('not-a-file', path, 'is not a regular file');
  if (stats.size > maxBytes) throw tooLarge(path, stats.size, maxBytes);
  if (stats.size === 0) throw new ImportError('empty', path, 'file is empty');
}

function tooLarge(path: string, size: number, maxBytes: number): ImportError {
  return new ImportError('too-large', path, `file is too large (${megabytes(size)}; the limit is ${megabytes(maxBytes)})`);
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`;
}

// Reads at most one byte past the size stat() reported, so a file that grows
// while we read is refused instead of being slurped whole or cut short.
async function readBounded(path: string, maxBytes: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fsError(error, path);
  }
  try {
    const expected = (await handle.stat()).size;
    const buffer = Buffer.alloc(Math.min(maxBytes, expected) + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled === buffer.length) break;
    }
    if (filled > maxBytes) throw tooLarge(path, filled, maxBytes);
    if (filled > expected) throw new ImportError('unreadable', path, 'file changed while it was being read');
    return buffer.subarray(0, filled);
  } catch (error) {
    throw error instanceof ImportError ? error : fsError(error, path);
  } finally {
    await handle.close();
  }
}

function fsError(error: unknown, path: string): ImportError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return new ImportError('not-found', path, 'no such file');
    case 'EISDIR':
      return new ImportError('not-a-file', path, 'is a directory, not a file');
    case 'ENOTDIR':
      return new ImportError('not-found', path, 'no such file (a parent in the path is not a folder)');
    case 'EACCES':
    case 'EPERM':
      return new ImportError('unreadable', path, 'permission denied');
    default:
      return new ImportError('unreadable', path, `cannot read file (${code ?? String(error)})`);
  }
}
