// Rolling verified backups, Zotero-style. A backup counts only once it has
// been re-opened and checked: it is written as `<name>.partial`, converted to a
// self-contained single file, verified read-only (quick_check, application id,
// schema version) and only then renamed to its final name. So a file named
// `library-<timestamp>.sqlite` was good when it was made, and it is checked
// again before it is ever restored.
/* eslint-disable security/detect-non-literal-fs-filename -- backup paths are derived from the library's own folder */
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db';
import { APPLICATION_ID, applicationId, closeQuietly, openConnection, quickCheck, userVersion } from './db';
import { guardAsync, LibraryError, translateError } from './errors';
import { latestVersion } from './migrate';
import { fileStamp, systemClock } from './time';
import type { Clock } from './time';

export const DEFAULT_KEEP_BACKUPS = 5;

const BACKUP_NAME = /^library-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.sqlite$/;
const SIDE_FILES = ['-wal', '-shm', '-journal'];

export interface BackupInfo {
  path: string;
  schemaVersion: number;
  bytes: number;
}

export interface BackupOptions {
  /** How many verified backups to keep, newest first; default 5. */
  keep?: number;
  clock?: Clock;
}

export type BackupCheck = { ok: true; schemaVersion: number } | { ok: false; problem: string };

export interface SkippedBackup {
  path: string;
  problem: string;
}

export interface RestoreResult {
  /** The backup now in place, or null when no backup passed verification. */
  restoredFrom: string | null;
  /** Where a file that was in the library's place was moved, if there was one. */
  replaced: string | null;
  /** Newer backups that failed verification and were passed over. */
  skipped: SkippedBackup[];
}

/** Copies the open library into `dir`, verifies the copy and prunes old backups. */
export async function createBackup(db: Db, dir: string, options: BackupOptions = {}): Promise<BackupInfo> {
  const clock = options.clock ?? systemClock;
  const expected = { schemaVersion: userVersion(db), applicationId: applicationId(db) };
  const final = await guardAsync(dir, async () => {
    mkdirSync(dir, { recursive: true });
    return freshName(dir, clock());
  });
  const partial = `${final}.partial`;
  try {
    await guardAsync(partial, () => db.backup(partial));
    // The copy inherits WAL mode; a backup must be one file that opens read-only
    // without creating -wal/-shm beside it.
    closeQuietly(openConnection(partial, { journal: 'delete' }));
    const check = verifyBackup(partial);
    if (!check.ok) throw new LibraryError('damaged', partial, `the backup failed verification: ${check.problem}`);
    if (check.schemaVersion !== expected.schemaVersion) {
      throw new LibraryError('damaged', partial, `the backup has schema ${check.schemaVersion}, the library ${expected.schemaVersion}`);
    }
    renameSync(partial, final);
  } catch (error) {
    rmSync(partial, { force: true });
    throw translateError(error, partial) ?? error;
  }
  pruneBackups(dir, options.keep ?? DEFAULT_KEEP_BACKUPS);
  return { path: final, schemaVersion: expected.schemaVersion, bytes: statSync(final).size };
}

/** A name no backup has yet; timestamps are bumped by a millisecond on a clash. */
function freshName(dir: string, date: Date): string {
  for (let time = date.getTime(); ; time++) {
    const path = join(dir, `library-${fileStamp(new Date(time))}.sqlite`);
    if (!existsSync(path) && !existsSync(`${path}.partial`)) return path;
  }
}

/** Completed backups in `dir`, newest first (not re-verified). */
export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => BACKUP_NAME.test(name))
    .sort()
    .reverse()
    .map((name) => join(dir, name));
}

/** Re-opens a backup read-only and checks it is a sound library this app can read. */
export function verifyBackup(path: string): BackupCheck {
  let db: Db | null = null;
  try {
    db = openConnection(path, { readonly: true });
    if (applicationId(db) !== APPLICATION_ID) return { ok: false, problem: 'not a Parallax library' };
    const schemaVersion = userVersion(db);
    if (schemaVersion <= 0) return { ok: false, problem: 'has no schema' };
    if (schemaVersion > latestVersion()) return { ok: false, problem: `schema ${schemaVersion} is newer than this app` };
    const problems = quickCheck(db);
    if (problems.length > 0) return { ok: false, problem: problems.join('; ') };
    return { ok: true, schemaVersion };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  } finally {
    closeQuietly(db);
  }
}

/** Deletes all but the newest `keep` backups, and copies that never completed. */
export function pruneBackups(dir: string, keep: number): void {
  for (const old of listBackups(dir).slice(Math.max(1, keep))) rmSync(old, { force: true });
  for (const name of readdirSync(dir)) {
    if (name.startsWith('library-') && name.endsWith('.sqlite.partial')) rmSync(join(dir, name), { force: true });
  }
}

/**
 * Puts the newest backup that still verifies in place of `libraryPath`. The
 * library must be closed. A file already there is moved aside, never deleted.
 */
export function restoreNewestBackup(libraryPath: string, dir: string, options: { clock?: Clock } = {}): RestoreResult {
  const clock = options.clock ?? systemClock;
  const skipped: SkippedBackup[] = [];
  const restoring = `${libraryPath}.restoring`;
  for (const candidate of listBackups(dir)) {
    try {
      // The copy is what gets verified: it is what the library will be.
      copyFileSync(candidate, restoring);
      syncFile(restoring);
      const check = verifyBackup(restoring);
      if (!check.ok) {
        skipped.push({ path: candidate, problem: check.problem });
        rmSync(restoring, { force: true });
        continue;
      }
      const replaced = hasLibraryFiles(libraryPath) ? moveAside(libraryPath, 'replaced', clock()) : null;
      renameSync(restoring, libraryPath);
      return { restoredFrom: candidate, replaced, skipped };
    } catch (error) {
      rmSync(restoring, { force: true });
      throw translateError(error, libraryPath) ?? error;
    }
  }
  return { restoredFrom: null, replaced: null, skipped };
}

function hasLibraryFiles(path: string): boolean {
  return existsSync(path) || SIDE_FILES.some((suffix) => existsSync(path + suffix));
}

/**
 * Renames a database and its -wal/-shm/-journal to `<path>.<label>-<stamp>`
 * (keeping the suffixes, so SQLite still pairs them) and returns the new path.
 */
export function moveAside(path: string, label: string, date: Date): string {
  const target = `${path}.${label}-${fileStamp(date)}`;
  for (const suffix of ['', ...SIDE_FILES]) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
  }
  return target;
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
