// Tags: a user's own vocabulary for annotations, unique by name (case-insensitive).
import type { Tag } from '../../shared/library/types';
import type { StoreContext } from './context';
import { LibraryError } from './errors';
import { parseInput, requireId, tagNamesSchema } from './validate';
import { z } from 'zod';

const tagNameSchema = z.string().trim().min(1).max(200);

export class TagStore {
  constructor(private readonly ctx: StoreContext) {}

  list(): Tag[] {
    return this.ctx.read(() => {
      const rows = this.ctx.db
        .prepare(
          `SELECT t.id, t.name, (SELECT count(*) FROM annotation_tags x WHERE x.tag_id = t.id) AS annotation_count
           FROM tags t ORDER BY t.name COLLATE NOCASE`,
        )
        .all() as { id: number; name: string; annotation_count: number }[];
      return rows.map((row) => ({ id: row.id, name: row.name, annotationCount: row.annotation_count }));
    });
  }

  /** Ids of the tags with these names, creating the missing ones. */
  resolve(names: readonly string[]): number[] {
    const clean = parseInput(tagNamesSchema, names, this.ctx.file, 'tags');
    return this.ctx.write(() => {
      const find = this.ctx.db.prepare('SELECT id FROM tags WHERE name = ?');
      const insert = this.ctx.db.prepare('INSERT INTO tags (name) VALUES (?)');
      const ids = clean.map((name) => {
        const found = find.get(name) as { id: number } | undefined;
        return found ? found.id : Number(insert.run(name).lastInsertRowid);
      });
      return [...new Set(ids)];
    });
  }

  rename(id: number, name: string): Tag {
    const tagId = requireId(id, this.ctx.file, 'tag');
    const newName = parseInput(tagNameSchema, name, this.ctx.file, 'tag name');
    return this.ctx.write(() => {
      const clash = this.ctx.db.prepare('SELECT id FROM tags WHERE name = ? AND id <> ?').get(newName, tagId);
      if (clash) throw new LibraryError('invalid', this.ctx.file, `a tag named "${newName}" already exists`);
      const result = this.ctx.db.prepare('UPDATE tags SET name = ? WHERE id = ?').run(newName, tagId);
      if (result.changes === 0) throw new LibraryError('not-found', this.ctx.file, `tag ${tagId} does not exist`);
      const count = this.ctx.db.prepare('SELECT count(*) AS n FROM annotation_tags WHERE tag_id = ?').get(tagId) as { n: number };
      return { id: tagId, name: newName, annotationCount: count.n };
    });
  }

  /** Deletes a tag and takes it off every annotation; the annotations stay. */
  delete(id: number): void {
    const tagId = requireId(id, this.ctx.file, 'tag');
    this.ctx.write(() => {
      const result = this.ctx.db.prepare('DELETE FROM tags WHERE id = ?').run(tagId);
      if (result.changes === 0) throw new LibraryError('not-found', this.ctx.file, `tag ${tagId} does not exist`);
    });
  }
}
