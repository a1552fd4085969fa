// Cached compare results. A result is reusable only for the same engine
// version and the same inputs (texts, labels, overrides, options), which the
// key captures; so nothing ever has to be invalidated by hand — a change just
// misses. Old entries are pruned on write so the cache cannot grow without end.
import { z } from 'zod';
import type { VersionInput } from '../../shared/engine/types';
import type { StoreContext } from './context';
import { analysisInputHash } from './hash';
import { parseInput, requireId } from './validate';
import type { StoryStore } from './stories';

/** Results kept per story (the current inputs plus a few recent alternatives). */
export const CACHED_PER_STORY = 3;

export interface AnalysisKey {
  engineVersion: string;
  /** From `analysisInputHash(inputs, options)`. */
  inputHash: string;
}

export interface CachedAnalysis extends AnalysisKey {
  storyId: number;
  /** Exactly the JSON that was put. */
  resultJson: string;
  createdAt: string;
}

export interface StoryInputs {
  storyId: number;
  /** Library ids of the versions, in the same order as `inputs`. */
  versionIds: number[];
  inputs: VersionInput[];
}

const keySchema = z.strictObject({ engineVersion: z.string().min(1).max(100), inputHash: z.string().regex(/^[0-9a-f]{64}$/) });

export class AnalysisStore {
  constructor(
    private readonly ctx: StoreContext,
    private readonly stories: StoryStore,
  ) {}

  /**
   * A story's versions as engine inputs, in story order: label = outlet, else
   * title, else file name; source = URL, else file name; overrides = the
   * boilerplate decisions.
   */
  inputs(storyId: number): StoryInputs {
    const id = requireId(storyId, this.ctx.file, 'story');
    return this.ctx.read(() => {
      this.stories.getStory(id);
      const rows = this.ctx.db
        .prepare(
          `SELECT v.id, coalesce(o.name, v.title, v.source_name) AS label, coalesce(v.url, v.source_name) AS source, t.text
           FROM versions v JOIN version_texts t ON t.version_id = v.id LEFT JOIN outlets o ON o.id = v.outlet_id
           WHERE v.story_id = ? ORDER BY v.position, v.id`,
        )
        .all(id) as { id: number; label: string; source: string; text: string }[];
      const decisions = this.ctx.db.prepare('SELECT line_start, keep FROM boilerplate_decisions WHERE version_id = ?');
      const inputs = rows.map((row): VersionInput => {
        const input: VersionInput = { label: row.label, source: row.source, text: row.text };
        const found = decisions.all(row.id) as { line_start: number; keep: number }[];
        if (found.length > 0) input.overrides = Object.fromEntries(found.map((d) => [d.line_start, d.keep === 1]));
        return input;
      });
      return { storyId: id, versionIds: rows.map((row) => row.id), inputs };
    });
  }

  /** The cache key for a story's current inputs under `engineVersion` and compare `options`. */
  key(storyId: number, engineVersion: string, options: unknown = {}): AnalysisKey & StoryInputs {
    const story = this.inputs(storyId);
    return { ...story, engineVersion, inputHash: analysisInputHash(story.inputs, options) };
  }

  get(storyId: number, key: AnalysisKey): CachedAnalysis | null {
    const id = requireId(storyId, this.ctx.file, 'story');
    const k = parseInput(keySchema, { engineVersion: key.engineVersion, inputHash: key.inputHash }, this.ctx.file, 'analysis key');
    return this.ctx.read(() => {
      const row = this.ctx.db
        .prepare('SELECT result_json, created_at FROM analysis_cache WHERE story_id = ? AND engine_version = ? AND input_hash = ?')
        .get(id, k.engineVersion, k.inputHash) as { result_json: string; created_at: string } | undefined;
      return row ? { storyId: id, ...k, resultJson: row.result_json, createdAt: row.created_at } : null;
    });
  }

  put(storyId: number, key: AnalysisKey, resultJson: string): void {
    const id = requireId(storyId, this.ctx.file, 'story');
    const k = parseInput(keySchema, { engineVersion: key.engineVersion, inputHash: key.inputHash }, this.ctx.file, 'analysis key');
    const json = parseInput(z.string().min(2), resultJson, this.ctx.file, 'analysis result');
    this.ctx.write(() => {
      this.stories.getStory(id);
      const db = this.ctx.db;
      db.prepare(
        `INSERT INTO analysis_cache (story_id, engine_version, input_hash, result_json, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (story_id, engine_version, input_hash) DO UPDATE SET result_json = excluded.result_json, created_at = excluded.created_at`,
      ).run(id, k.engineVersion, k.inputHash, json, this.ctx.now());
      // Results of another engine version can never be used again.
      db.prepare('DELETE FROM analysis_cache WHERE story_id = ? AND engine_version <> ?').run(id, k.engineVersion);
      db.prepare(
        `DELETE FROM analysis_cache WHERE story_id = ? AND id NOT IN
           (SELECT id FROM analysis_cache WHERE story_id = ? ORDER BY created_at DESC, id DESC LIMIT ?)`,
      ).run(id, id, CACHED_PER_STORY);
    });
  }

  /** Drops cached results for one story, or for all; returns how many. */
  clear(storyId?: number): number {
    const id = storyId === undefined ? null : requireId(storyId, this.ctx.file, 'story');
    return this.ctx.write(() => {
      const result =
        id === null ? this.ctx.db.prepare('DELETE FROM analysis_cache').run() : this.ctx.db.prepare('DELETE FROM analysis_cache WHERE story_id = ?').run(id);
      return result.changes;
    });
  }
}
