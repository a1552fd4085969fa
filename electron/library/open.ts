// Opening the library file: connect, check, recover, upgrade. Nothing here
// ever deletes a user's file: a damaged one is moved aside next to the
// library, and an upgrade only starts once a verified backup exists.
/* eslint-disable security/detect-non-literal-fs-filename -- the library path is chosen by the app */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createBackup, DEFAULT_KEEP_BACKUPS, moveAside, restoreNewestBackup } from './backup';
import type { SkippedBackup } from './backup';
import type { Db } from './db';
import { APPLICATION_ID, applicationId, closeQuietly, headerProblem, isEmptyDatabase, openConnection, quickCheck, userVersion } from './db';
import { guard, isLibraryError, LibraryError, translateError } from './errors';
import { assertNotTooNew, latestVersion, migrate } from './migrate';
import { MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/index';
import { systemClock } from './time';
import type { Clock } from './time';

export interface OpenOptions {
  /** Open for reading only: nothing is written, migrated or recovered. */
  readonly?: boolean;
  /** Where verified backups live; default `backups/` beside the library file. */
  backupDir?: string;
  /** Backups to keep; default 5. */
  keepBackups?: number;
  /** How long to wait for another connection's lock before reporting `locked`. */
  busyTimeoutMs?: number;
  /**
   * Run PRAGMA quick_check on open (default true). It reads every page: about
   * 9 s for a 1.4 GB library of 100,000 versions, so the app should open the
   * library off the UI thread.
   */
  quickCheck?: boolean;
  clock?: Clock;
  /** The schema steps to apply; the app's own by default (tests pass their own). */
  migrations?: readonly Migration[];
}

export interface Recovery {
  /** Why the file was judged damaged. */
  problem: string;
  /** Where the damaged file (and its -wal/-shm) now is. */
  damagedPath: string;
  /** The backup restored in its place, or null when none verified and a new empty library was started. */
  restoredFrom: string | null;
  /** Backups that failed verification on the way. */
  skippedBackups: SkippedBackup[];
}

export interface OpenReport {
  path: string;
  readonly: boolean;
  /** A new, empty library was created. */
  created: boolean;
  schemaVersion: number;
  /** The schema version before an upgrade on this open, else null. */
  upgradedFrom: number | null;
  /** The verified backup taken before that upgrade. */
  upgradeBackup: string | null;
  /** Set when the file was damaged: the caller must tell the user. */
  recovery: Recovery | null;
  /** Time spent in quick_check, ms (0 when skipped). */
  checkMs: number;
}

export interface OpenedLibrary {
  db: Db;
  report: OpenReport;
}

export function defaultBackupDir(libraryPath: string): string {
  return join(dirname(libraryPath), 'backups');
}

/** Opens (creating, recovering or upgrading as needed) the library at `path`. */
export async function openLibrary(path: string, options: OpenOptions = {}): Promise<OpenedLibrary> {
  const readonly = options.readonly ?? false;
  const clock = options.clock ?? systemClock;
  const backupDir = options.backupDir ?? defaultBackupDir(path);
  const existed = existsSync(path);
  let recovery: Recovery | null = null;
  let opened: { db: Db; checkMs: number };
  try {
    opened = connectAndCheck(path, options);
  } catch (error) {
    if (!isLibraryError(error, 'damaged') || readonly) throw error;
    recovery = guard(path, () => recover(path, backupDir, error.reason, clock()));
    opened = connectAndCheck(path, options);
  }
  const { db, checkMs } = opened;
  try {
    const upgrade = await ensureSchema(db, path, { ...options, readonly, backupDir, clock });
    return {
      db,
      report: {
        path,
        readonly,
        created: !existed || (recovery !== null && recovery.restoredFrom === null),
        schemaVersion: userVersion(db),
        upgradedFrom: upgrade.from,
        upgradeBackup: upgrade.backup,
        recovery,
        checkMs,
      },
    };
  } catch (error) {
    closeQuietly(db);
    throw error;
  }
}

/** Moves the damaged file aside and puts the newest verified backup in its place. */
function recover(path: string, backupDir: string, problem: string, now: Date): Recovery {
  const damagedPath = moveAside(path, 'damaged', now);
  const restore = restoreNewestBackup(path, backupDir, { clock: () => now });
  return { problem, damagedPath, restoredFrom: restore.restoredFrom, skippedBackups: restore.skipped };
}

/** Connects and proves the file sound; a damaged file throws LibraryError 'damaged'. */
function connectAndCheck(path: string, options: OpenOptions): { db: Db; checkMs: number } {
  const header = guard(path, () => headerProblem(path));
  if (header) throw new LibraryError('damaged', path, `the library file is damaged (${header})`);
  const db = openConnection(path, { readonly: options.readonly, create: !options.readonly, busyTimeoutMs: options.busyTimeoutMs });
  if (options.quickCheck === false) return { db, checkMs: 0 };
  const started = performance.now();
  let problems: string[];
  try {
    problems = quickCheck(db);
  } catch (error) {
    closeQuietly(db);
    throw translateError(error, path) ?? error;
  }
  if (problems.length > 0) {
    closeQuietly(db);
    throw new LibraryError('damaged', path, `the library file is damaged (${problems.slice(0, 3).join('; ')})`);
  }
  return { db, checkMs: performance.now() - started };
}

interface SchemaOptions {
  readonly: boolean;
  backupDir: string;
  keepBackups?: number;
  clock: Clock;
  migrations?: readonly Migration[];
}

/** Refuses foreign or too-new files; upgrades older ones after a verified backup. */
async function ensureSchema(db: Db, path: string, options: SchemaOptions): Promise<{ from: number | null; backup: string | null }> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = latestVersion(migrations);
  const current = userVersion(db);
  assertNotTooNew(db, path, migrations);
  if (current === 0 && !isEmptyDatabase(db)) throw new LibraryError('invalid', path, 'is a database, but not a Parallax library');
  if (current > 0 && applicationId(db) !== APPLICATION_ID) throw new LibraryError('invalid', path, 'is not a Parallax library');
  if (current === latest) return { from: null, backup: null };
  if (options.readonly) {
    throw new LibraryError('read-only', path, `needs upgrading from schema ${current} to ${latest}, but was opened read-only`);
  }
  let backup: string | null = null;
  if (current > 0) {
    const info = await createBackup(db, options.backupDir, { keep: options.keepBackups ?? DEFAULT_KEEP_BACKUPS, clock: options.clock });
    backup = info.path;
  }
  migrate(db, { file: path, migrations });
  return { from: current > 0 ? current : null, backup };
}
