// Runs schema steps (migrations/) on a database, Signal-style: the schema
// version is PRAGMA user_version, each step and its version bump commit
// together or not at all, and a database newer than this app is refused rather
// than guessed at. Taking a backup first is the caller's job (open.ts), because
// it is asynchronous and this must not be.
import type { Db } from './db';
import { userVersion } from './db';
import { LibraryError, translateError } from './errors';
import { MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/index';

export interface MigrateOptions {
  /** The registry to run; the app's own by default (tests pass their own). */
  migrations?: readonly Migration[];
  /** Stop at this version instead of the newest (tests migrate to N−1). */
  to?: number;
  /** Name of the file, for messages. */
  file?: string;
}

export interface MigrateResult {
  from: number;
  to: number;
  /** Versions of the steps that ran, in order. */
  applied: number[];
}

/** Throws when the registry is not numbered 10, 20, ... strictly increasing. */
export function checkRegistry(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const step of migrations) {
    if (!Number.isInteger(step.version) || step.version % 10 !== 0 || step.version <= previous) {
      throw new Error(`migration ${step.version} (${step.name}) must be a multiple of 10 greater than ${previous}`);
    }
    previous = step.version;
  }
}

/** The newest schema version a registry knows. */
export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}

/** Refuses a database written by a newer Parallax. */
export function assertNotTooNew(db: Db, file: string, migrations: readonly Migration[] = MIGRATIONS): void {
  const current = userVersion(db);
  const latest = latestVersion(migrations);
  if (current > latest) {
    throw new LibraryError(
      'too-new',
      file,
      `was written by a newer version of Parallax (schema ${current}; this version reads up to ${latest}); update Parallax to open it`,
    );
  }
}

/** Brings `db` up to the newest (or `to`) schema version, one transaction per step. */
export function migrate(db: Db, options: MigrateOptions = {}): MigrateResult {
  const migrations = options.migrations ?? MIGRATIONS;
  const file = options.file ?? db.name;
  checkRegistry(migrations);
  assertNotTooNew(db, file, migrations);
  const from = userVersion(db);
  const target = options.to ?? latestVersion(migrations);
  const pending = migrations.filter((step) => step.version > from && step.version <= target);
  const applied: number[] = [];
  if (pending.length === 0) return { from, to: from, applied };

  // Off for the whole run (it cannot change inside a transaction), so a step
  // may rebuild a table; every step proves its foreign keys before commit.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    for (const step of pending) {
      runStep(db, step, file, applied.at(-1) ?? from);
      applied.push(step.version);
    }
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
  return { from, to: applied.at(-1) ?? from, applied };
}

function runStep(db: Db, step: Migration, file: string, previous: number): void {
  try {
    db.transaction(() => {
      step.up(db);
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`${broken.length} rows break foreign keys`);
      db.pragma(`user_version = ${step.version}`);
    }).immediate();
  } catch (error) {
    const translated = translateError(error, file);
    // A full disk, a lock or damage says what to do about it; anything else is a failed step.
    if (translated && translated.code !== 'invalid') throw translated;
    const detail = error instanceof Error ? error.message : String(error);
    throw new LibraryError(
      'migration-failed',
      file,
      `upgrading the library to schema ${step.version} (${step.name}) failed: ${detail}; it is unchanged at schema ${previous}`,
      { cause: error },
    );
  }
}
