// What every store shares: the connection, the file name for messages, the
// clock, and the two ways in — a guarded read, or a write that is one
// IMMEDIATE transaction (taking the write lock up front, so two writers never
// deadlock halfway through and a lock is reported as `locked` at once).
import type { Db } from './db';
import { guard } from './errors';
import { isoTimestamp } from './time';
import type { Clock } from './time';

export class StoreContext {
  readonly db: Db;
  readonly file: string;
  private readonly clock: Clock;

  constructor(db: Db, clock: Clock) {
    this.db = db;
    this.file = db.name;
    this.clock = clock;
  }

  /** The current time as the database stores it. */
  now(): string {
    return isoTimestamp(this.clock());
  }

  read<T>(work: () => T): T {
    return guard(this.file, work);
  }

  /** Runs `work` as one transaction (a savepoint when already inside one). */
  write<T>(work: () => T): T {
    return guard(this.file, () => this.db.transaction(work).immediate());
  }
}
