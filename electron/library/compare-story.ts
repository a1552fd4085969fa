// Comparing a story's versions, through the analysis cache. The inputs carry
// the user's boilerplate decisions as overrides, so a correction made in the
// app changes the cache key and is never answered with a stale result.
import { compare, ENGINE_VERSION } from '../../shared/engine/compare';
import type { CompareResult } from '../../shared/engine/types';
import { isLibraryError, LibraryError } from './errors';
import type { Library } from './library';

export interface StoryCompareOptions {
  /** 0-based index of the base version in story order; default 0. */
  base?: number;
}

export interface StoryComparison {
  storyId: number;
  /** Library ids of the compared versions, in the order of `result.versions`. */
  versionIds: number[];
  /** The result came from the cache. */
  cached: boolean;
  /** The `parallax.compare/1` result as JSON (what the cache holds). */
  resultJson: string;
}

/** Compares a story's versions in story order, using and filling the analysis cache. */
export function compareStory(library: Library, storyId: number, options: StoryCompareOptions = {}): StoryComparison {
  const base = options.base ?? 0;
  const engineOptions = { base };
  const key = library.analysis.key(storyId, ENGINE_VERSION, engineOptions);
  const count = key.inputs.length;
  if (count < 2) {
    throw new LibraryError('invalid', library.file, `story ${storyId} has ${count === 0 ? 'no versions' : 'only 1 version'}; a comparison needs at least 2`);
  }
  if (!Number.isInteger(base) || base < 0 || base >= count) {
    throw new LibraryError('invalid', library.file, `the base version must be from 1 to ${count} (story ${storyId} has ${count} versions)`);
  }
  const hit = library.analysis.get(storyId, key);
  if (hit) return { storyId, versionIds: key.versionIds, cached: true, resultJson: hit.resultJson };
  const result: CompareResult = compare(key.inputs, engineOptions);
  const resultJson = JSON.stringify(result);
  // A result cut short by the time budget depends on how busy the machine
  // was; caching it would serve the fallback forever.
  if (result.engine.budgetExceeded.length === 0) {
    try {
      library.analysis.put(storyId, key, resultJson);
    } catch (error) {
      // The cache only saves time: a read-only, locked or full library still gets its comparison.
      if (!isLibraryError(error)) throw error;
    }
  }
  return { storyId, versionIds: key.versionIds, cached: false, resultJson };
}
