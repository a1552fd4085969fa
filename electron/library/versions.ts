// Versions: one imported text each, identified by the sha256 of that text.
// Adding is one transaction per version: a crash mid-import loses at most the
// file being added, never one already reported as added.
import { z } from 'zod';
import type { SourceKind, StoredVersion, VersionMeta } from '../../shared/library/types';
import type { StoreContext } from './context';
import { LibraryError } from './errors';
import { contentHash } from './hash';
import type { OutletInput, OutletStore } from './outlets';
import { toVersionMeta, VERSION_COLUMNS } from './rows';
import type { VersionRow } from './rows';
import type { StoryStore } from './stories';
import { newVersionSchema, parseInput, requireId, versionPatchSchema } from './validate';

export interface NewVersion {
  /** An existing story, or a new one created only if the version is not a duplicate. */
  story: { id: number } | { title: string };
  /** The decoded text, stored exactly as given. */
  text: string;
  /** File name (or "pasted text"). */
  sourceName: string;
  sourceKind: SourceKind;
  title?: string | null;
  byline?: string | null;
  url?: string | null;
  /** "2025-11-22" or an ISO date and time. */
  publishedAt?: string | null;
  capturedAt?: string | null;
  outlet?: OutletInput | null;
}

export interface AddResult {
  /** 'duplicate': the library already had this exact text; nothing was written. */
  status: 'added' | 'duplicate';
  versionId: number;
  /** The story the version is in (for a duplicate, the story that already holds it). */
  storyId: number;
}

/** Fields to change; a field left out is kept, null clears it. */
export interface VersionPatch {
  title?: string | null;
  byline?: string | null;
  url?: string | null;
  publishedAt?: string | null;
  capturedAt?: string | null;
  outlet?: OutletInput | null;
}

/** A complete version row, as `insert` stores it. */
export interface VersionRecord {
  storyId: number;
  outletId: number | null;
  text: string;
  /** Must be `contentHash(text)`. */
  contentHash: string;
  title: string | null;
  byline: string | null;
  url: string | null;
  publishedAt: string | null;
  capturedAt: string | null;
  sourceName: string;
  sourceKind: SourceKind;
  importedAt: string;
}

const PATCH_COLUMNS = { title: 'title', byline: 'byline', url: 'url', publishedAt: 'published_at', capturedAt: 'captured_at' } as const;
const orderSchema = z.array(z.int().positive()).max(100_000);

export class VersionStore {
  constructor(
    private readonly ctx: StoreContext,
    private readonly stories: StoryStore,
    private readonly outlets: OutletStore,
  ) {}

  add(input: NewVersion): AddResult {
    const v = parseInput(newVersionSchema, input, this.ctx.file, 'version');
    const hash = contentHash(v.text);
    return this.ctx.write((): AddResult => {
      const db = this.ctx.db;
      const existing = db.prepare('SELECT id, story_id FROM versions WHERE content_hash = ?').get(hash) as
        | { id: number; story_id: number }
        | undefined;
      if (existing) return { status: 'duplicate', versionId: existing.id, storyId: existing.story_id };
      const storyId = 'id' in v.story ? this.stories.getStory(v.story.id).id : this.stories.create(v.story.title).id;
      const versionId = this.insert({
        storyId,
        outletId: v.outlet ? this.outlets.resolve(v.outlet) : null,
        text: v.text,
        contentHash: hash,
        title: v.title,
        byline: v.byline,
        url: v.url,
        publishedAt: v.publishedAt,
        capturedAt: v.capturedAt,
        sourceName: v.sourceName,
        sourceKind: v.sourceKind,
        importedAt: this.ctx.now(),
      });
      this.stories.touch(storyId);
      return { status: 'added', versionId, storyId };
    });
  }

  /**
   * Stores a checked version at the end of its story (used by `add` and by
   * library import); call inside a write. Returns the new id.
   */
  insert(record: VersionRecord): number {
    const db = this.ctx.db;
    const versionId = Number(
      db
        .prepare(
          `INSERT INTO versions (story_id, outlet_id, position, content_hash, text_length, title, byline, url,
             published_at, captured_at, source_name, source_kind, imported_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          record.storyId,
          record.outletId,
          this.stories.nextPosition(record.storyId),
          record.contentHash,
          record.text.length,
          record.title,
          record.byline,
          record.url,
          record.publishedAt,
          record.capturedAt,
          record.sourceName,
          record.sourceKind,
          record.importedAt,
        ).lastInsertRowid,
    );
    // Inserting the text is what indexes the version for search (trigger).
    db.prepare('INSERT INTO version_texts (version_id, text) VALUES (?, ?)').run(versionId, record.text);
    return versionId;
  }

  /** The version with its text, or null. */
  get(id: number): StoredVersion | null {
    const versionId = requireId(id, this.ctx.file, 'version');
    return this.ctx.read(() => {
      const row = this.ctx.db
        .prepare(
          `SELECT ${VERSION_COLUMNS}, t.text FROM versions v
           JOIN version_texts t ON t.version_id = v.id LEFT JOIN outlets o ON o.id = v.outlet_id WHERE v.id = ?`,
        )
        .get(versionId) as (VersionRow & { text: string }) | undefined;
      return row ? { ...toVersionMeta(row), text: row.text } : null;
    });
  }

  /** The version without its text, or null. */
  getMeta(id: number): VersionMeta | null {
    const versionId = requireId(id, this.ctx.file, 'version');
    return this.ctx.read(() => {
      const row = this.ctx.db.prepare(`SELECT ${VERSION_COLUMNS} FROM versions v LEFT JOIN outlets o ON o.id = v.outlet_id WHERE v.id = ?`).get(versionId) as
        | VersionRow
        | undefined;
      return row ? toVersionMeta(row) : null;
    });
  }

  /** The version with this content hash (see `contentHash`), or null. */
  findByHash(hash: string): VersionMeta | null {
    return this.ctx.read(() => {
      const row = this.ctx.db
        .prepare(`SELECT ${VERSION_COLUMNS} FROM versions v LEFT JOIN outlets o ON o.id = v.outlet_id WHERE v.content_hash = ?`)
        .get(String(hash).toLowerCase()) as VersionRow | undefined;
      return row ? toVersionMeta(row) : null;
    });
  }

  /** A story's versions in order, without texts. */
  listByStory(storyId: number): VersionMeta[] {
    const id = requireId(storyId, this.ctx.file, 'story');
    return this.ctx.read(() => {
      const rows = this.ctx.db
        .prepare(`SELECT ${VERSION_COLUMNS} FROM versions v LEFT JOIN outlets o ON o.id = v.outlet_id WHERE v.story_id = ? ORDER BY v.position, v.id`)
        .all(id) as VersionRow[];
      return rows.map(toVersionMeta);
    });
  }

  /** The text of a version, or LibraryError('not-found'). */
  text(id: number): string {
    const versionId = requireId(id, this.ctx.file, 'version');
    return this.ctx.read(() => {
      const row = this.ctx.db.prepare('SELECT text FROM version_texts WHERE version_id = ?').get(versionId) as { text: string } | undefined;
      if (!row) throw this.missing(versionId);
      return row.text;
    });
  }

  /** Changes metadata; the text itself can never change. */
  update(id: number, patch: VersionPatch): VersionMeta {
    const versionId = requireId(id, this.ctx.file, 'version');
    const fields = parseInput(versionPatchSchema, patch, this.ctx.file, 'version change');
    const present = (key: keyof VersionPatch) => Object.prototype.hasOwnProperty.call(patch, key);
    return this.ctx.write(() => {
      const storyId = this.storyOf(versionId);
      const sets: string[] = [];
      const values: (string | number | null)[] = [];
      for (const [key, column] of Object.entries(PATCH_COLUMNS) as [keyof typeof PATCH_COLUMNS, string][]) {
        if (!present(key)) continue;
        sets.push(`${column} = ?`);
        values.push(fields[key] ?? null);
      }
      if (present('outlet')) {
        sets.push('outlet_id = ?');
        values.push(fields.outlet ? this.outlets.resolve(fields.outlet) : null);
      }
      if (sets.length > 0) {
        // Column names come from PATCH_COLUMNS above, never from the caller.
        this.ctx.db.prepare(`UPDATE versions SET ${sets.join(', ')} WHERE id = ?`).run(...values, versionId);
        this.stories.touch(storyId);
      }
      return this.getMeta(versionId) as VersionMeta;
    });
  }

  /** Moves a version to the end of another story. */
  move(id: number, storyId: number): VersionMeta {
    const versionId = requireId(id, this.ctx.file, 'version');
    const targetId = requireId(storyId, this.ctx.file, 'story');
    return this.ctx.write(() => {
      const from = this.storyOf(versionId);
      this.stories.getStory(targetId);
      if (from !== targetId) {
        this.ctx.db.prepare('UPDATE versions SET story_id = ?, position = ? WHERE id = ?').run(targetId, this.stories.nextPosition(targetId), versionId);
        this.stories.touch(from);
        this.stories.touch(targetId);
      }
      return this.getMeta(versionId) as VersionMeta;
    });
  }

  /** Sets a story's order; `versionIds` must be exactly that story's versions. */
  reorder(storyId: number, versionIds: readonly number[]): void {
    const id = requireId(storyId, this.ctx.file, 'story');
    const order = parseInput(orderSchema, versionIds, this.ctx.file, 'version order');
    this.ctx.write(() => {
      this.stories.getStory(id);
      const current = this.ctx.db.prepare('SELECT id FROM versions WHERE story_id = ?').pluck().all(id) as number[];
      const known = new Set(current);
      const same = current.length === order.length && new Set(order).size === order.length && order.every((v) => known.has(v));
      if (!same) throw new LibraryError('invalid', this.ctx.file, `the new order must list each version of story ${id} exactly once`);
      const set = this.ctx.db.prepare('UPDATE versions SET position = ? WHERE id = ?');
      order.forEach((versionId, position) => set.run(position, versionId));
      this.stories.touch(id);
    });
  }

  /** Deletes a version with its decisions and annotations. */
  delete(id: number): void {
    const versionId = requireId(id, this.ctx.file, 'version');
    this.ctx.write(() => {
      const storyId = this.storyOf(versionId);
      this.ctx.db.prepare('DELETE FROM versions WHERE id = ?').run(versionId);
      this.stories.touch(storyId);
    });
  }

  private storyOf(versionId: number): number {
    const row = this.ctx.db.prepare('SELECT story_id FROM versions WHERE id = ?').get(versionId) as { story_id: number } | undefined;
    if (!row) throw this.missing(versionId);
    return row.story_id;
  }

  private missing(versionId: number): LibraryError {
    return new LibraryError('not-found', this.ctx.file, `version ${versionId} does not exist`);
  }
}
