// Output for the CLI. `--out` files are written atomically: everything goes to
// a temp file in the same folder, which is fsynced and renamed over the target
// only when complete, so a crash or an error never leaves a half-written file.
/* eslint-disable security/detect-non-literal-fs-filename -- opening the paths the user names is this module's job */
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { displayName } from '../import/decode';

/** A failure that is not a usage mistake; `message` is one line. */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** Fails early (before any work) when `--out PATH` could never be written. */
export function checkOutPath(path: string): void {
  const shown = displayName(path);
  const folder = dirname(path);
  const folderStats = statSync(folder, { throwIfNoEntry: false });
  if (!folderStats) throw new CliError(`${shown}: output folder ${displayName(folder)} does not exist`);
  if (!folderStats.isDirectory()) throw new CliError(`${shown}: ${displayName(folder)} is not a folder`);
  const target = statSync(path, { throwIfNoEntry: false });
  if (target?.isDirectory()) throw new CliError(`${shown}: is a directory; --out needs a file path`);
  if (target && !target.isFile()) throw new CliError(`${shown}: is not a regular file`);
}

// Temp files of aborted runs are removed on SIGINT/SIGTERM too.
const pending = new Set<AtomicFile>();

export class AtomicFile {
  readonly target: string;
  private readonly temp: string;
  private fd: number | null;

  constructor(target: string) {
    this.target = target;
    // Same folder as the target: rename() is only atomic within one file system.
    this.temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      this.fd = openSync(this.temp, 'wx', 0o644);
    } catch (error) {
      throw writeError(target, error);
    }
    pending.add(this);
  }

  write(text: string): void {
    if (this.fd === null) throw new CliError(`${displayName(this.target)}: output already closed`);
    try {
      writeSync(this.fd, text);
    } catch (error) {
      this.abort();
      throw writeError(this.target, error);
    }
  }

  /** Makes the file appear under its real name, complete and on disk. */
  commit(): void {
    if (this.fd === null) throw new CliError(`${displayName(this.target)}: output already closed`);
    try {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = null;
      renameSync(this.temp, this.target);
      pending.delete(this);
    } catch (error) {
      this.abort();
      throw writeError(this.target, error);
    }
    syncFolder(dirname(this.target));
  }

  /** Drops the temp file; the target is left as it was. */
  abort(): void {
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch {
        // Already unusable; removing the temp file below is what matters.
      }
      this.fd = null;
    }
    try {
      unlinkSync(this.temp);
    } catch {
      // Gone already (renamed or never created): nothing left to clean.
    }
    pending.delete(this);
  }
}

export function abortPendingFiles(): void {
  for (const file of [...pending]) file.abort();
}

// Makes the rename itself durable. Folders cannot be opened for fsync on
// Windows; there the rename is as durable as the OS makes it.
function syncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Best effort only, see above.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function writeError(target: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? String(error);
  const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOSPC' ? 'disk full' : `cannot write (${code})`;
  return new CliError(`${displayName(target)}: ${reason}`);
}

export function writeFileAtomic(target: string, text: string): void {
  const file = new AtomicFile(target);
  file.write(text);
  file.commit();
}

/** Sends text to --out (atomically) or to standard output. */
export function emit(out: string | null, text: string): void {
  if (out === null) process.stdout.write(text);
  else writeFileAtomic(out, text);
}
