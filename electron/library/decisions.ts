// Boilerplate decisions: the user's corrections to the cleaner, per line, by
// the line's start offset. Read back they are exactly the engine's
// `VersionInput.overrides`.
import { z } from 'zod';
import type { StoreContext } from './context';
import { LibraryError } from './errors';
import { parseInput, requireId } from './validate';

/** line start offset → true: keep a line the cleaner removed; false: remove a line it kept. */
export type Overrides = Record<number, boolean>;

const offsetSchema = z.int().nonnegative();
const overridesSchema = z.record(z.string().regex(/^\d+$/, 'keys must be line start offsets'), z.boolean());

export class DecisionStore {
  constructor(private readonly ctx: StoreContext) {}

  /** The decisions for a version, ready to pass as `overrides`. */
  get(versionId: number): Overrides {
    const id = requireId(versionId, this.ctx.file, 'version');
    return this.ctx.read(() => {
      const rows = this.ctx.db.prepare('SELECT line_start, keep FROM boilerplate_decisions WHERE version_id = ? ORDER BY line_start').all(id) as {
        line_start: number;
        keep: number;
      }[];
      const overrides: Overrides = {};
      for (const row of rows) overrides[row.line_start] = row.keep === 1;
      return overrides;
    });
  }

  set(versionId: number, lineStart: number, keep: boolean): void {
    const id = requireId(versionId, this.ctx.file, 'version');
    const start = parseInput(offsetSchema, lineStart, this.ctx.file, 'line start');
    const value = parseInput(z.boolean(), keep, this.ctx.file, 'decision');
    this.ctx.write(() => {
      this.checkOffset(id, start);
      this.ctx.db
        .prepare('INSERT INTO boilerplate_decisions (version_id, line_start, keep) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET keep = excluded.keep')
        .run(id, start, value ? 1 : 0);
    });
  }

  /** Forgets the decision on one line: the cleaner decides again. */
  clear(versionId: number, lineStart: number): void {
    const id = requireId(versionId, this.ctx.file, 'version');
    const start = parseInput(offsetSchema, lineStart, this.ctx.file, 'line start');
    this.ctx.write(() => {
      this.ctx.db.prepare('DELETE FROM boilerplate_decisions WHERE version_id = ? AND line_start = ?').run(id, start);
    });
  }

  /** Replaces all of a version's decisions at once ({} clears them). */
  replace(versionId: number, overrides: Overrides): void {
    const id = requireId(versionId, this.ctx.file, 'version');
    const entries = Object.entries(parseInput(overridesSchema, overrides, this.ctx.file, 'overrides')).map(([k, v]) => [Number(k), v] as const);
    this.ctx.write(() => {
      for (const [start] of entries) this.checkOffset(id, start);
      this.ctx.db.prepare('DELETE FROM boilerplate_decisions WHERE version_id = ?').run(id);
      const insert = this.ctx.db.prepare('INSERT INTO boilerplate_decisions (version_id, line_start, keep) VALUES (?, ?, ?)');
      for (const [start, keep] of entries) insert.run(id, start, keep ? 1 : 0);
    });
  }

  private checkOffset(versionId: number, start: number): void {
    const row = this.ctx.db.prepare('SELECT text_length FROM versions WHERE id = ?').get(versionId) as { text_length: number } | undefined;
    if (!row) throw new LibraryError('not-found', this.ctx.file, `version ${versionId} does not exist`);
    const length = row.text_length;
    if (start >= length) {
      throw new LibraryError('invalid', this.ctx.file, `line start ${start} is past the end of version ${versionId} (${length} characters)`);
    }
  }
}
