// Dates relative to publication: "yesterday", "last week", "earlier this
// month" (the "earlier" is framing, see dates.ts), "two days ago".
import type { Context, Token } from './tokens';
import type { DateMatch } from './dates';
import { joinedToPrev } from './tokens';
import { wordValue } from './number-words';
import { singular } from './lexical';

const DAYS: ReadonlySet<string> = new Set(['yesterday', 'today', 'tonight', 'tomorrow']);

const PERIODS: ReadonlySet<string> = new Set([
  'week', 'month', 'year', 'weekend', 'night', 'morning', 'afternoon', 'evening', 'summer', 'winter', 'spring',
  'autumn', 'fall', 'quarter', 'decade', 'century', 'season',
]);

const DEIXIS: ReadonlySet<string> = new Set(['last', 'this', 'next', 'past']);

const AGO_UNITS: ReadonlySet<string> = new Set(['minute', 'hour', 'day', 'week', 'month', 'year', 'decade']);

/** "today", "yesterday's": not when part of a name ("USA Today"). */
function dayWord(tokens: readonly Token[], i: number, t: Token): DateMatch | null {
  const word = t.bare;
  if (!DAYS.has(word)) return null;
  const prev = tokens[i - 1];
  if (t.text[0] === 'T' && prev && joinedToPrev(tokens, i) && /^\p{Lu}/u.test(prev.text) && i > 1) return null;
  return { key: `relative:${word}`, first: i, last: i };
}

/** "last week", "this year's", "next month"; "past" only as "the past week" (not "past two years"). */
function deictic(tokens: readonly Token[], i: number, t: Token): DateMatch | null {
  const next = tokens[i + 1];
  if (!DEIXIS.has(t.lower) || !next || !joinedToPrev(tokens, i + 1)) return null;
  const period = next.bare;
  if (!PERIODS.has(period)) return null;
  const deixis = t.lower === 'past' ? 'last' : t.lower;
  return { key: `relative:${deixis}-${period}`, first: i, last: i + 1 };
}

/** "two days ago", "5 hours ago", "a year ago". */
function ago(tokens: readonly Token[], i: number, t: Token): DateMatch | null {
  const unitTok = tokens[i + 1];
  const agoTok = tokens[i + 2];
  if (!unitTok || agoTok?.lower !== 'ago' || !joinedToPrev(tokens, i + 1) || !joinedToPrev(tokens, i + 2)) return null;
  const unit = singular(unitTok.lower);
  if (!AGO_UNITS.has(unit)) return null;
  const amount = /^\d+$/.test(t.text) ? Number(t.text) : t.lower === 'a' || t.lower === 'an' ? 1 : wordValue(t.lower);
  if (amount === undefined) return null;
  return { key: `relative:${amount}-${unit}-ago`, first: i, last: i + 2 };
}

export function relativeAt(ctx: Context, i: number): DateMatch | null {
  const t = ctx.tokens[i] as Token;
  return dayWord(ctx.tokens, i, t) ?? deictic(ctx.tokens, i, t) ?? ago(ctx.tokens, i, t);
}
