// Outlets: the publishers versions come from, unique by name (case-insensitive).
import type { Outlet } from '../../shared/library/types';
import type { StoreContext } from './context';
import { LibraryError } from './errors';
import { outletInputSchema, parseInput, requireId } from './validate';

export interface OutletSummary extends Outlet {
  versionCount: number;
}

export interface OutletInput {
  name: string;
  domain?: string | null;
}

const outletPatchSchema = outletInputSchema.partial();

interface OutletRow {
  id: number;
  name: string;
  domain: string | null;
  version_count: number;
}

export class OutletStore {
  constructor(private readonly ctx: StoreContext) {}

  list(): OutletSummary[] {
    return this.ctx.read(() => {
      const rows = this.ctx.db
        .prepare(
          `SELECT o.id, o.name, o.domain, (SELECT count(*) FROM versions v WHERE v.outlet_id = o.id) AS version_count
           FROM outlets o ORDER BY o.name COLLATE NOCASE`,
        )
        .all() as OutletRow[];
      return rows.map((row) => ({ id: row.id, name: row.name, domain: row.domain, versionCount: row.version_count }));
    });
  }

  get(id: number): Outlet | null {
    return this.ctx.read(() => {
      const row = this.ctx.db.prepare('SELECT id, name, domain FROM outlets WHERE id = ?').get(requireId(id, this.ctx.file, 'outlet')) as
        | Outlet
        | undefined;
      return row ?? null;
    });
  }

  /**
   * The id of the outlet with this name, created if new. A known outlet
   * without a domain learns it; a known domain is never overwritten here.
   */
  resolve(input: OutletInput): number {
    const { name, domain } = parseInput(outletInputSchema, input, this.ctx.file, 'outlet');
    return this.ctx.write(() => {
      const db = this.ctx.db;
      const found = db.prepare('SELECT id, domain FROM outlets WHERE name = ?').get(name) as { id: number; domain: string | null } | undefined;
      if (!found) return Number(db.prepare('INSERT INTO outlets (name, domain) VALUES (?, ?)').run(name, domain).lastInsertRowid);
      if (found.domain === null && domain !== null) db.prepare('UPDATE outlets SET domain = ? WHERE id = ?').run(domain, found.id);
      return found.id;
    });
  }

  /** Renames an outlet or sets its domain; the search index follows a rename. */
  update(id: number, patch: Partial<OutletInput>): Outlet {
    const outletId = requireId(id, this.ctx.file, 'outlet');
    const fields = parseInput(outletPatchSchema, patch, this.ctx.file, 'outlet change');
    return this.ctx.write(() => {
      const current = this.get(outletId);
      if (!current) throw new LibraryError('not-found', this.ctx.file, `outlet ${outletId} does not exist`);
      const name = fields.name ?? current.name;
      const clash = this.ctx.db.prepare('SELECT id FROM outlets WHERE name = ? AND id <> ?').get(name, outletId);
      if (clash) throw new LibraryError('invalid', this.ctx.file, `an outlet named "${name}" already exists`);
      const domain = 'domain' in patch ? (fields.domain ?? null) : current.domain;
      this.ctx.db.prepare('UPDATE outlets SET name = ?, domain = ? WHERE id = ?').run(name, domain, outletId);
      return { id: outletId, name, domain };
    });
  }

  /** Deletes an outlet no version names; versions keep their outlet otherwise. */
  delete(id: number): void {
    const outletId = requireId(id, this.ctx.file, 'outlet');
    this.ctx.write(() => {
      const used = this.ctx.db.prepare('SELECT count(*) AS n FROM versions WHERE outlet_id = ?').get(outletId) as { n: number };
      if (used.n > 0) throw new LibraryError('invalid', this.ctx.file, `outlet ${outletId} is still named by ${used.n} versions`);
      const result = this.ctx.db.prepare('DELETE FROM outlets WHERE id = ?').run(outletId);
      if (result.changes === 0) throw new LibraryError('not-found', this.ctx.file, `outlet ${outletId} does not exist`);
    });
  }
}
