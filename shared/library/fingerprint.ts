// Grouping by content: which existing story is a newly imported version about?
//
// A version's fingerprint is the set of its specific facts — names, counted
// numbers, absolute dates, quotes — as matching keys. Two versions of one
// event share many of them whatever the wording ("270 devices", "CNCERT/CC",
// "2023-05"); two stories on the same beat share few. Relative dates and
// weekdays ("on Wednesday") are left out: every story has them.
import { analyseVersion } from '../engine/analyse';
import type { Fact } from '../engine/types';

// "2023", "2023-05", "2023-05-14": the only date keys specific to one event.
function isAbsoluteDate(key: string): boolean {
  return (key.length === 4 || key.length === 7 || key.length === 10) && /^\d{4}[\d-]*$/.test(key);
}

function keyOf(f: Fact): string | null {
  switch (f.kind) {
    case 'number':
      // Small counts ("two firms") are everywhere; only their noun makes them specific.
      return f.value.amount <= 12 && Number.isInteger(f.value.amount)
        ? null
        : `n:${f.value.currency}${f.value.amount}`;
    case 'date':
      return isAbsoluteDate(f.value.key) ? `d:${f.value.key}` : null;
    case 'entity':
      return f.value.key.length >= 2 ? `e:${f.value.key}` : null;
    case 'quote':
      return f.value.key.split(' ').length >= 4 ? `q:${f.value.key}` : null;
    case 'attribution':
      return null;
  }
}

/** Distinct fact keys of a text, sorted. */
export function fingerprint(text: string): string[] {
  const { version } = analyseVersion({ label: '', source: '', text }, 'v');
  const keys = new Set<string>();
  for (const s of version.sentences) for (const f of s.facts) {
    const key = keyOf(f);
    if (key) keys.add(key);
  }
  return [...keys].sort();
}

export interface StoryOverlap {
  storyId: number;
  /** Keys the candidate shares with the story's versions. */
  shared: number;
}

export interface StorySuggestion extends StoryOverlap {
  /** Share of the candidate's keys found in the story, in [0, 1]. */
  share: number;
}

// At least this many shared facts, making up at least this share of the
// candidate's own: one shared country name is not the same event.
const MIN_SHARED = 3;
const MIN_SHARE = 0.25;

/** Stories worth offering for a candidate with `keyCount` keys, best first. */
export function suggestStories(keyCount: number, overlaps: readonly StoryOverlap[], limit = 3): StorySuggestion[] {
  if (keyCount === 0) return [];
  return overlaps
    .map((o) => ({ ...o, share: o.shared / keyCount }))
    .filter((o) => o.shared >= MIN_SHARED && o.share >= MIN_SHARE)
    .sort((a, b) => b.share - a.share || b.shared - a.shared || a.storyId - b.storyId)
    .slice(0, limit);
}
