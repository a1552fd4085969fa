// The one place that creates database connections: a thin layer over
// better-sqlite3 so the driver could change without touching the stores. Every
// connection gets the same pragmas, and every failure to open becomes a
// LibraryError naming the file.
/* eslint-disable security/detect-non-literal-fs-filename -- the library, backup and export paths are this module's job */
import Database from 'better-sqlite3';
import { accessSync, closeSync, constants, existsSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { guard, LibraryError } from './errors';

export type Db = Database.Database;

/** 'PRLX': marks a SQLite file as a Parallax library (PRAGMA application_id). */
export const APPLICATION_ID = 0x50524c58;

/** Long enough to ride out another connection's commit, short enough to report a real lock. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export interface ConnectionOptions {
  readonly?: boolean;
  /** Create the file when it is missing; otherwise a missing file is `not-found`. */
  create?: boolean;
  /**
   * 'wal' for the live library (readers never block the writer); 'delete' for
   * single-file copies — backups and exports — that must not need -wal/-shm
   * files beside them.
   */
  journal?: 'wal' | 'delete';
  busyTimeoutMs?: number;
  /**
   * The file came from outside (an import): functions named in its schema
   * (views, triggers) are not trusted to run.
   */
  untrusted?: boolean;
}

export function isMemoryPath(path: string): boolean {
  return path === ':memory:' || path === '';
}

/** Opens `path` with the library's pragmas; throws LibraryError. */
// Statements kept per connection. The stores call `db.prepare(sql)` inline
// for readability; without a cache every call compiles the SQL again, which
// measured 219 µs and ~35 KB of memory per version added that garbage
// collection never returned (3.3 GB after importing 100,000 versions).
const STATEMENT_CACHE_SIZE = 256;

function cacheStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = cache.get(sql);
    if (statement && statement.busy) statement = undefined; // in use by an open iterator: compile afresh
    if (statement) {
      cache.delete(sql); // re-insert below: the Map's order is least recently used first
      // A cached statement must come back in its default mode, whatever the
      // last caller set: pluck/raw/expand are sticky on a statement.
      if (statement.reader) statement.pluck(false).raw(false).expand(false);
    } else {
      statement = prepare(sql);
    }
    cache.set(sql, statement);
    if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return statement;
  }) as Db['prepare'];
}

export function openConnection(path: string, options: ConnectionOptions = {}): Db {
  const readonly = options.readonly ?? false;
  const timeout = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  if (!isMemoryPath(path)) checkOpenable(path, readonly || !options.create);
  const db = guard(path, () => {
    try {
      return new Database(path, { readonly, fileMustExist: readonly || !options.create, timeout });
    } catch (error) {
      throw explainCantOpen(error, path);
    }
  });
  try {
    guard(path, () => configure(db, readonly, options));
    cacheStatements(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function configure(db: Db, readonly: boolean, options: ConnectionOptions): void {
  if (options.untrusted) db.pragma('trusted_schema = OFF');
  // Changing the journal mode writes the header; a read-only connection keeps
  // whatever mode the file has (SQLite reads WAL files read-only just fine).
  if (!readonly) db.pragma(`journal_mode = ${options.journal === 'delete' ? 'DELETE' : 'WAL'}`);
  // FULL: a commit is on disk when it returns; losing the last import to a
  // power cut is exactly what this app must not do.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS)}`);
}

function checkOpenable(path: string, mustExist: boolean): void {
  if (!existsSync(dirname(path))) throw new LibraryError('not-found', path, 'the folder does not exist');
  if (mustExist && !existsSync(path)) throw new LibraryError('not-found', path, 'no such file');
  if (existsSync(path) && statSync(path).isDirectory()) throw new LibraryError('invalid', path, 'is a folder, not a library file');
}

/** SQLITE_CANTOPEN says nothing about why; the file system does. */
function explainCantOpen(error: unknown, path: string): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_CANTOPEN')) return error;
  const target = existsSync(path) ? path : dirname(path);
  try {
    accessSync(target, constants.R_OK | constants.W_OK);
  } catch {
    return new LibraryError('read-only', path, 'the file or its folder cannot be written', { cause: error });
  }
  return error;
}

/**
 * Why the file's 100-byte header is not a SQLite header, or null when it is
 * (or the file is empty or missing, which SQLite treats as a new database).
 * Checked before SQLite opens a library, because closing a connection to a
 * file SQLite cannot read deletes its -wal — which may hold the last commits.
 */
export function headerProblem(path: string): string | null {
  if (!existsSync(path)) return null;
  const stats = statSync(path);
  if (!stats.isFile() || stats.size === 0) return null;
  const size = stats.size;
  if (size < 100) return 'the file is too short to be a database';
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') return 'the file does not start with a SQLite header';
  const pageSize = header.readUInt16BE(16);
  const validPageSize = pageSize === 1 || (pageSize >= 512 && pageSize <= 32768 && (pageSize & (pageSize - 1)) === 0);
  if (!validPageSize || header[21] !== 64 || header[22] !== 32 || header[23] !== 32) return 'the SQLite header is damaged';
  return null;
}

/** Problems PRAGMA quick_check found (at most `max`); empty when the file is sound. */
export function quickCheck(db: Db, max = 10): string[] {
  const rows = db.pragma(`quick_check(${Math.trunc(max)})`) as { quick_check: string }[];
  const problems = rows.map((row) => row.quick_check);
  return problems.length === 1 && problems[0] === 'ok' ? [] : problems;
}

export function userVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function applicationId(db: Db): number {
  return db.pragma('application_id', { simple: true }) as number;
}

/** True for a database with no tables, views or triggers at all: a new file. */
export function isEmptyDatabase(db: Db): boolean {
  const row = db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number };
  return row.n === 0;
}

/** Closes `db` without letting a close failure hide the error being reported. */
export function closeQuietly(db: Db | null | undefined): void {
  try {
    if (db?.open) db.close();
  } catch {
    // The connection is being abandoned because of an earlier error, which is the one to report.
  }
}
