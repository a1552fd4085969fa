// Spelled-out numbers: "eight", "twenty-five", "two hundred and fifty",
// "a dozen", and the vague plurals "hundreds of", "tens of thousands of".
import type { Token } from './tokens';
import { joinedToPrev } from './tokens';
import { table } from './table';

const SMALL = table<number>({
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, dozen: 12,
});

const TENS = table<number>({
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});

/** Words that multiply what comes before them ("1.5 million", "two hundred"). */
export const SCALES = table<number>({
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
});

/** Scale abbreviations written after a figure ("$1.2bn", "€5m", "3 mn"). */
export const SCALE_SUFFIXES = table<number>({
  k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, b: 1e9, bn: 1e9, tn: 1e12, trn: 1e12,
});

/** Plurals that give an order of magnitude, not a count: "hundreds of devices". */
export const VAGUE_PLURALS = table<number>({
  dozens: 12, tens: 10, scores: 20, hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9,
});

/** Value of a single number word, hyphenated compounds included ("twenty-five"). */
export function wordValue(lower: string): number | undefined {
  const small = SMALL[lower] ?? TENS[lower];
  if (small !== undefined || !lower.includes('-')) return small;
  const m = /^([a-z]+)-([a-z]+)$/.exec(lower);
  if (!m) return undefined;
  const tens = TENS[m[1] ?? ''];
  const unit = SMALL[m[2] ?? ''];
  return tens !== undefined && unit !== undefined && unit < 10 ? tens + unit : undefined;
}

/** Product of two factors, rounded so 1.1 × 1e6 is 1100000 and not 1100000.0000000002. */
export function scaled(value: number, factor: number): number {
  return Number((value * factor).toPrecision(12));
}

export interface WordNumber {
  value: number;
  /** Index one past the last token used. */
  next: number;
}

/**
 * Reads spelled-out number words from tokens[i]: "two hundred and fifty
 * thousand" is 250000. Stops at the first word that does not continue the number.
 */
export function readNumberWords(tokens: readonly Token[], i: number): WordNumber | null {
  let total = 0;
  let current = 0;
  let j = i;
  let last: 'unit' | 'tens' | 'hundred' | 'scale' | null = null;
  while (j < tokens.length) {
    const t = tokens[j];
    if (!t || (j > i && !joinedToPrev(tokens, j))) break;
    const v = wordValue(t.lower);
    if (v !== undefined) {
      // "two three" or "twenty thirty" is two numbers, not one.
      if (last === 'unit' || (last === 'tens' && (v >= 10 || TENS[t.lower] !== undefined))) break;
      current += v;
      last = v >= 20 && v % 10 === 0 && TENS[t.lower] !== undefined ? 'tens' : 'unit';
    } else if (t.lower === 'hundred' && last !== null && last !== 'hundred') {
      current = (current || 1) * 100;
      last = 'hundred';
    } else if (SCALES[t.lower] !== undefined && t.lower !== 'hundred' && last !== null) {
      total += (current || 1) * (SCALES[t.lower] ?? 1);
      current = 0;
      last = 'scale';
    } else if (t.lower === 'and' && (last === 'hundred' || last === 'scale') && wordValue(tokens[j + 1]?.lower ?? '') !== undefined) {
      // "two hundred and fifty": the "and" belongs to the number.
    } else {
      break;
    }
    j++;
  }
  if (j === i) return null;
  return { value: total + current, next: j };
}
