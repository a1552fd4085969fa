// Annotations: a note and a verdict on a passage of one version, with tags.
// The quote and its context are taken from the stored text here, never from
// the caller, so the anchor always agrees with the text.
import { anchorAt } from '../../shared/library/anchor';
import type { TextAnchor } from '../../shared/library/anchor';
import type { Annotation, Verdict } from '../../shared/library/types';
import type { StoreContext } from './context';
import { LibraryError } from './errors';
import { ANNOTATION_COLUMNS, toAnnotation } from './rows';
import type { AnnotationRow } from './rows';
import type { TagStore } from './tags';
import { annotationPatchSchema, newAnnotationSchema, parseInput, requireId } from './validate';
import type { VersionStore } from './versions';

export interface NewAnnotation {
  versionId: number;
  /** UTF-16 offsets into the version's text, end exclusive, end > start. */
  start: number;
  end: number;
  note?: string;
  /** Default 'unverified'. */
  verdict?: Verdict;
  /** Tag names; missing tags are created. */
  tags?: string[];
}

/** Fields to change; `tags` replaces the whole set. */
export interface AnnotationPatch {
  start?: number;
  end?: number;
  note?: string;
  verdict?: Verdict;
  tags?: string[];
}

/** An annotation as stored, for copying between libraries. */
export interface AnnotationRecord {
  versionId: number;
  anchor: TextAnchor;
  note: string;
  verdict: Verdict;
  createdAt: string;
  updatedAt: string;
  tagIds: number[];
}

export class AnnotationStore {
  constructor(
    private readonly ctx: StoreContext,
    private readonly versions: VersionStore,
    private readonly tags: TagStore,
  ) {}

  create(input: NewAnnotation): Annotation {
    const a = parseInput(newAnnotationSchema, input, this.ctx.file, 'annotation');
    return this.ctx.write(() => {
      const anchor = this.anchor(a.versionId, a.start, a.end);
      const now = this.ctx.now();
      const id = this.insert({
        versionId: a.versionId,
        anchor,
        note: a.note ?? '',
        verdict: a.verdict ?? 'unverified',
        createdAt: now,
        updatedAt: now,
        tagIds: this.tags.resolve(a.tags ?? []),
      });
      return this.get(id) as Annotation;
    });
  }

  get(id: number): Annotation | null {
    const annotationId = requireId(id, this.ctx.file, 'annotation');
    return this.ctx.read(() => {
      const row = this.ctx.db.prepare(`SELECT ${ANNOTATION_COLUMNS} FROM annotations a WHERE a.id = ?`).get(annotationId) as AnnotationRow | undefined;
      return row ? toAnnotation(row) : null;
    });
  }

  /** A version's annotations in text order. */
  listByVersion(versionId: number): Annotation[] {
    const id = requireId(versionId, this.ctx.file, 'version');
    return this.ctx.read(() => {
      const rows = this.ctx.db
        .prepare(`SELECT ${ANNOTATION_COLUMNS} FROM annotations a WHERE a.version_id = ? ORDER BY a.start_offset, a.id`)
        .all(id) as AnnotationRow[];
      return rows.map(toAnnotation);
    });
  }

  /** A story's annotations, by version order then text order. */
  listByStory(storyId: number): Annotation[] {
    const id = requireId(storyId, this.ctx.file, 'story');
    return this.ctx.read(() => {
      const rows = this.ctx.db
        .prepare(
          `SELECT ${ANNOTATION_COLUMNS} FROM annotations a JOIN versions v ON v.id = a.version_id
           WHERE v.story_id = ? ORDER BY v.position, v.id, a.start_offset, a.id`,
        )
        .all(id) as AnnotationRow[];
      return rows.map(toAnnotation);
    });
  }

  update(id: number, patch: AnnotationPatch): Annotation {
    const annotationId = requireId(id, this.ctx.file, 'annotation');
    const p = parseInput(annotationPatchSchema, patch, this.ctx.file, 'annotation change');
    return this.ctx.write(() => {
      const current = this.get(annotationId);
      if (!current) throw new LibraryError('not-found', this.ctx.file, `annotation ${annotationId} does not exist`);
      const anchor =
        p.start !== undefined || p.end !== undefined ? this.anchor(current.versionId, p.start ?? current.start, p.end ?? current.end) : current;
      this.ctx.db
        .prepare(
          `UPDATE annotations SET start_offset = ?, end_offset = ?, quote = ?, prefix = ?, suffix = ?, note = ?, verdict = ?, updated_at = ?
           WHERE id = ?`,
        )
        .run(anchor.start, anchor.end, anchor.quote, anchor.prefix, anchor.suffix, p.note ?? current.note, p.verdict ?? current.verdict, this.ctx.now(), annotationId);
      if (p.tags) this.setTags(annotationId, this.tags.resolve(p.tags));
      return this.get(annotationId) as Annotation;
    });
  }

  delete(id: number): void {
    const annotationId = requireId(id, this.ctx.file, 'annotation');
    this.ctx.write(() => {
      const result = this.ctx.db.prepare('DELETE FROM annotations WHERE id = ?').run(annotationId);
      if (result.changes === 0) throw new LibraryError('not-found', this.ctx.file, `annotation ${annotationId} does not exist`);
    });
  }

  /** Stores an already-anchored annotation (used by import); call inside a write. */
  insert(record: AnnotationRecord): number {
    const { anchor } = record;
    const id = Number(
      this.ctx.db
        .prepare(
          `INSERT INTO annotations (version_id, start_offset, end_offset, quote, prefix, suffix, note, verdict, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(record.versionId, anchor.start, anchor.end, anchor.quote, anchor.prefix, anchor.suffix, record.note, record.verdict, record.createdAt, record.updatedAt)
        .lastInsertRowid,
    );
    this.setTags(id, record.tagIds);
    return id;
  }

  private setTags(annotationId: number, tagIds: readonly number[]): void {
    this.ctx.db.prepare('DELETE FROM annotation_tags WHERE annotation_id = ?').run(annotationId);
    const insert = this.ctx.db.prepare('INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)');
    for (const tagId of tagIds) insert.run(annotationId, tagId);
  }

  private anchor(versionId: number, start: number, end: number): TextAnchor {
    const text = this.versions.text(versionId);
    if (end <= start || end > text.length) {
      throw new LibraryError('invalid', this.ctx.file, `range ${start}–${end} is not a passage of version ${versionId} (${text.length} characters)`);
    }
    return anchorAt(text, start, end);
  }
}
