// Words that hedge a number ("over 270", "at least eight"). Synonyms share
// one canonical qualifier so "more than 270" and "over 270" do not read as
// a changed fact; the fact's text keeps the wording.
import type { Context } from './tokens';

const PHRASES: readonly (readonly [string, string])[] = [
  ['more than', 'over'], ['over', 'over'], ['above', 'over'], ['upwards of', 'over'], ['in excess of', 'over'],
  ['just over', 'over'], ['well over', 'over'], ['exceeding', 'over'],
  ['less than', 'under'], ['fewer than', 'under'], ['under', 'under'], ['below', 'under'],
  ['about', 'about'], ['around', 'about'], ['approximately', 'about'], ['roughly', 'about'], ['some', 'about'],
  ['an estimated', 'about'], ['estimated', 'about'], ['circa', 'about'], ['approx', 'about'],
  ['nearly', 'nearly'], ['almost', 'nearly'], ['close to', 'nearly'], ['just under', 'nearly'],
  ['at least', 'at least'], ['no fewer than', 'at least'], ['no less than', 'at least'], ['a minimum of', 'at least'],
  ['up to', 'up to'], ['as many as', 'up to'], ['as much as', 'up to'], ['at most', 'up to'],
  ['no more than', 'up to'], ['a maximum of', 'up to'],
  ['only', 'only'], ['just', 'only'], ['exactly', 'exactly'], ['precisely', 'exactly'],
];

// Longest first, so "no more than" wins over "more than".
const BY_LENGTH = [...PHRASES]
  .map(([phrase, canonical]) => ({ words: phrase.split(' '), canonical }))
  .sort((a, b) => b.words.length - a.words.length);

// The word right before the number decides whether any phrase can match.
const LAST_WORDS: ReadonlySet<string> = new Set(BY_LENGTH.map(({ words }) => words[words.length - 1] ?? ''));

export interface Qualifier {
  canonical: string;
  start: number;
}

/**
 * The qualifier ending right before offset `start` (across spaces only),
 * where token index i is the first token of the number phrase.
 */
export function qualifierBefore(ctx: Context, i: number, start: number): Qualifier | null {
  const { tokens, folded } = ctx;
  if (!LAST_WORDS.has(tokens[i - 1]?.lower ?? '')) return null;
  for (const { words, canonical } of BY_LENGTH) {
    const first = i - words.length;
    if (first < 0) continue;
    let ok = true;
    for (let k = 0; k < words.length && ok; k++) {
      const t = tokens[first + k];
      ok = t !== undefined && t.lower === words[k] && (k === 0 || t.spaced);
    }
    const last = tokens[i - 1];
    if (ok && last && /^\s+$/.test(folded.slice(last.end, start))) {
      return { canonical, start: (tokens[first] as { start: number }).start };
    }
  }
  return null;
}
