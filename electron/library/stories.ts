// Stories: the groups of versions a user compares. The list is paged and
// carries counts; both counts use covering indexes (versions_by_story,
// annotations_by_version), so a page costs the same at 100 or 100,000 versions.
import { z } from 'zod';
import type { Page, Story, StorySummary } from '../../shared/library/types';
import type { StoreContext } from './context';
import { LibraryError } from './errors';
import { STORY_COLUMNS, toStory, toStorySummary } from './rows';
import type { StoryRow, StorySummaryRow } from './rows';
import { pagingSchema, parseInput, requireId } from './validate';

export const DEFAULT_PAGE_SIZE = 50;

export interface PageOptions {
  /** 1–500; default 50. */
  limit?: number;
  offset?: number;
}

const titleSchema = z.string().trim().min(1, 'a story needs a title').max(500);
const mergeSourcesSchema = z.array(z.int().positive()).min(1).max(10_000);

const SUMMARY_COLUMNS = `${STORY_COLUMNS},
  (SELECT count(*) FROM versions v WHERE v.story_id = s.id) AS version_count,
  (SELECT count(*) FROM versions v JOIN annotations a ON a.version_id = v.id WHERE v.story_id = s.id) AS annotation_count`;

export class StoryStore {
  constructor(private readonly ctx: StoreContext) {}

  create(title: string): Story {
    const clean = parseInput(titleSchema, title, this.ctx.file, 'story title');
    return this.ctx.write(() => {
      const now = this.ctx.now();
      const id = Number(this.ctx.db.prepare('INSERT INTO stories (title, created_at, updated_at) VALUES (?, ?, ?)').run(clean, now, now).lastInsertRowid);
      return { id, title: clean, createdAt: now, updatedAt: now };
    });
  }

  /** Stores a story with given timestamps (library import); call inside a write. */
  insert(story: Omit<Story, 'id'>): number {
    return Number(
      this.ctx.db.prepare('INSERT INTO stories (title, created_at, updated_at) VALUES (?, ?, ?)').run(story.title, story.createdAt, story.updatedAt)
        .lastInsertRowid,
    );
  }

  get(id: number): StorySummary | null {
    const storyId = requireId(id, this.ctx.file, 'story');
    return this.ctx.read(() => {
      const row = this.ctx.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM stories s WHERE s.id = ?`).get(storyId) as StorySummaryRow | undefined;
      return row ? toStorySummary(row) : null;
    });
  }

  /** Stories, most recently changed first. */
  list(options: PageOptions = {}): Page<StorySummary> {
    const { limit = DEFAULT_PAGE_SIZE, offset = 0 } = parseInput(pagingSchema, options, this.ctx.file, 'paging');
    return this.ctx.read(() => {
      const rows = this.ctx.db
        .prepare(`SELECT ${SUMMARY_COLUMNS} FROM stories s ORDER BY s.updated_at DESC, s.id DESC LIMIT ? OFFSET ?`)
        .all(limit, offset) as StorySummaryRow[];
      const total = (this.ctx.db.prepare('SELECT count(*) AS n FROM stories').get() as { n: number }).n;
      return { items: rows.map(toStorySummary), total, limit, offset };
    });
  }

  rename(id: number, title: string): Story {
    const storyId = requireId(id, this.ctx.file, 'story');
    const clean = parseInput(titleSchema, title, this.ctx.file, 'story title');
    return this.ctx.write(() => {
      const now = this.ctx.now();
      const result = this.ctx.db.prepare('UPDATE stories SET title = ?, updated_at = ? WHERE id = ?').run(clean, now, storyId);
      if (result.changes === 0) throw this.missing(storyId);
      return this.getStory(storyId);
    });
  }

  /** Deletes a story with its versions, their decisions and annotations, and its cached analyses. */
  delete(id: number): void {
    const storyId = requireId(id, this.ctx.file, 'story');
    this.ctx.write(() => {
      const result = this.ctx.db.prepare('DELETE FROM stories WHERE id = ?').run(storyId);
      if (result.changes === 0) throw this.missing(storyId);
    });
  }

  /**
   * Moves every version of `sourceIds` (in that order, each keeping its
   * internal order) to the end of `targetId`, then deletes the emptied sources.
   */
  merge(targetId: number, sourceIds: readonly number[]): StorySummary {
    const target = requireId(targetId, this.ctx.file, 'story');
    const sources = [...new Set(parseInput(mergeSourcesSchema, sourceIds, this.ctx.file, 'stories to merge'))];
    if (sources.includes(target)) throw new LibraryError('invalid', this.ctx.file, `story ${target} cannot be merged into itself`);
    return this.ctx.write(() => {
      const db = this.ctx.db;
      for (const id of [target, ...sources]) this.getStory(id);
      const ids = db.prepare('SELECT id FROM versions WHERE story_id = ? ORDER BY position, id').pluck();
      const move = db.prepare('UPDATE versions SET story_id = ?, position = ? WHERE id = ?');
      let position = this.nextPosition(target);
      for (const source of sources) {
        for (const versionId of ids.all(source) as number[]) move.run(target, position++, versionId);
        db.prepare('DELETE FROM stories WHERE id = ?').run(source);
      }
      this.touch(target);
      return this.get(target) as StorySummary;
    });
  }

  /** The position after the last version of a story. */
  nextPosition(storyId: number): number {
    const row = this.ctx.db.prepare('SELECT max(position) AS p FROM versions WHERE story_id = ?').get(storyId) as { p: number | null };
    return row.p === null ? 0 : row.p + 1;
  }

  /** Marks a story as changed now (it moves to the top of the list). */
  touch(storyId: number): void {
    this.ctx.db.prepare('UPDATE stories SET updated_at = ? WHERE id = ?').run(this.ctx.now(), storyId);
  }

  /** The story, or LibraryError('not-found'). */
  getStory(storyId: number): Story {
    const row = this.ctx.db.prepare(`SELECT ${STORY_COLUMNS} FROM stories s WHERE s.id = ?`).get(storyId) as StoryRow | undefined;
    if (!row) throw this.missing(storyId);
    return toStory(row);
  }

  private missing(storyId: number): LibraryError {
    return new LibraryError('not-found', this.ctx.file, `story ${storyId} does not exist`);
  }
}
