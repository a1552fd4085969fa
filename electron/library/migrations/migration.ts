// One step of the schema's history. Steps are numbered in tens (10, 20, ...)
// so a step can later be slotted in between without renumbering, and each
// lives in its own file named after its number.
import type { Db } from '../db';

export interface Migration {
  /** The schema version (PRAGMA user_version) once this step has run. */
  version: number;
  /** Short name for messages: "initial", "chat-folders". */
  name: string;
  /**
   * Runs inside the step's transaction with foreign keys off, so tables can be
   * rebuilt; the runner checks foreign keys before it commits.
   */
  up(db: Db): void;
}
