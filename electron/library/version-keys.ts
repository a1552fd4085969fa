// The fingerprint table (schema 20): the fact keys of each version, and the
// one question asked of them — which stories share facts with these keys?
//
// The cost of that question grows with how many versions hold the keys asked
// about. Measured on 100,000 versions in 20,000 stories (4.2 M key rows, a
// skewed mix of story-specific and common keys), grouping every hit by story
// took 75 ms for an ordinary text and 340 ms for one made of common keys.
// So a key held by more than 2% of the library (and more than 500 versions:
// "d:2024", a capital city) is first counted — a range count on the primary
// key, stopped at the cap — and then left out: it says nothing about which
// story a text belongs to. With that, the same texts take 8 ms and 5 ms.
import { fingerprint, suggestStories } from '../../shared/library/fingerprint';
import type { StoryOverlap, StorySuggestion } from '../../shared/library/fingerprint';
import { guard } from './errors';
import type { Library } from './library';

/**
 * Only the opening of a very long text is fingerprinted. A news article is
 * rarely over 50,000 characters, and this much of any text already names its
 * event many times over; analysing a 20 MB file whole would take half a minute.
 */
export const FINGERPRINT_CHARS = 400_000;

/** The fingerprint keys of a text to store (see FINGERPRINT_CHARS). */
export function fingerprintText(text: string): string[] {
  return fingerprint(text.length > FINGERPRINT_CHARS ? text.slice(0, FINGERPRINT_CHARS) : text);
}

/** Keys held by more versions than this (and than COMMON_SHARE of them) are too common to group by. */
const COMMON_MIN = 500;
const COMMON_SHARE = 0.02;
/** More keys than this in one query is a whole book, not an article: the rest add nothing. */
export const MAX_QUERY_KEYS = 5000;

/**
 * Replaces a version's keys. Call it inside the transaction that inserts the
 * version, so the two commit together (on its own it is a transaction of its own).
 */
export function setVersionKeys(library: Library, versionId: number, keys: readonly string[]): void {
  library.transaction(() => {
    const db = library.db;
    db.prepare('DELETE FROM version_keys WHERE version_id = ?').run(versionId);
    const insert = db.prepare('INSERT OR IGNORE INTO version_keys (version_id, key) VALUES (?, ?)');
    for (const key of keys) if (key.length > 0) insert.run(versionId, key);
  });
}

/** The stored keys of a version, sorted. */
export function versionKeys(library: Library, versionId: number): string[] {
  return guard(library.file, () => library.db.prepare('SELECT key FROM version_keys WHERE version_id = ? ORDER BY key').pluck().all(versionId) as string[]);
}

export interface OverlapOptions {
  /** Stories left out of the answer (the story the keys came from). */
  excludeStoryIds?: readonly number[];
}

/**
 * For every story holding at least one of `keys` (those not too common to
 * count, see above): how many distinct keys its versions share with them.
 * Unordered; `suggestStories` ranks and filters.
 */
export function overlaps(library: Library, keys: readonly string[], options: OverlapOptions = {}): StoryOverlap[] {
  return guard(library.file, () => storyOverlaps(library, rareKeys(library, keys), options));
}

/** Stories worth offering for a text with these keys, best first (see suggestStories). */
export function suggestionsFor(library: Library, keys: readonly string[], options: OverlapOptions = {}): StorySuggestion[] {
  return guard(library.file, () => {
    const rare = rareKeys(library, keys);
    // The share is of the keys that could be counted: a common key left out
    // of the walk must not count against a story either.
    return suggestStories(rare.length, storyOverlaps(library, rare, options));
  });
}

function storyOverlaps(library: Library, rare: readonly string[], options: OverlapOptions): StoryOverlap[] {
  if (rare.length === 0) return [];
  // Driven by the IN list over the (key, version_id) primary key; each hit
  // fetches its version's story by rowid. DISTINCT: a story with five
  // versions naming the same person shares that key once.
  return library.db
    .prepare(
      `SELECT v.story_id AS storyId, count(DISTINCT k.key) AS shared
       FROM version_keys k JOIN versions v ON v.id = k.version_id
       WHERE k.key IN (SELECT value FROM json_each(?))
         AND v.story_id NOT IN (SELECT value FROM json_each(?))
       GROUP BY v.story_id`,
    )
    .all(JSON.stringify(rare), JSON.stringify(options.excludeStoryIds ?? [])) as StoryOverlap[];
}

/** `keys` without those held by too many versions to say anything about one story. */
function rareKeys(library: Library, keys: readonly string[]): string[] {
  const wanted = [...new Set(keys)].filter((key) => key.length > 0).slice(0, MAX_QUERY_KEYS);
  if (wanted.length === 0) return [];
  const db = library.db;
  const versions = db.prepare('SELECT max(id) FROM versions').pluck().get() as number | null;
  const cap = Math.max(COMMON_MIN, Math.ceil((versions ?? 0) * COMMON_SHARE));
  // max(id) stands in for count(*), which would walk the whole table.
  // Counting stops at cap + 1: the count of a very common key costs no more than a rare one's.
  const count = db.prepare('SELECT count(*) FROM (SELECT 1 FROM version_keys WHERE key = ? LIMIT ?)').pluck();
  return wanted.filter((key) => (count.get(key, cap + 1) as number) <= cap);
}

/**
 * Fingerprints stored versions that have no keys yet (stored before schema 20,
 * or brought in by a library import), each in its own short transaction.
 * Returns how many were fingerprinted.
 */
export function fingerprintStored(library: Library, versionIds: readonly number[]): number {
  let done = 0;
  for (const id of versionIds) {
    const text = guard(library.file, () => library.db.prepare('SELECT text FROM version_texts WHERE version_id = ?').pluck().get(id) as string | undefined);
    if (text === undefined) continue;
    setVersionKeys(library, id, fingerprintText(text));
    done++;
  }
  return done;
}
