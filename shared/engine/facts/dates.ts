// Date facts with comparable keys: "March 14, 2022" → "2022-03-14", "May
// 2023" → "2023-05", "in 2021" → "2021", "since August" → "month:08",
// "on Wednesday" → "weekday:wed", "last week" → "relative:last-week".
import type { DateValue, Span } from '../types';
import type { Context, Token } from './tokens';
import type { LocalFact } from './fact';
import { localFact } from './fact';
import { isCapitalised, joinedToPrev } from './tokens';
import { COMMON_CAPITALISED, MONTHS, WEEKDAYS } from './wordlists';
import { SCALES } from './number-words';
import { looksPlural } from './lexical';
import { relativeAt } from './relative-dates';
import { table } from './table';

/** Prepositions kept as the date's relation; the map folds synonyms. */
const RELATIONS = table<string>({
  since: 'since', until: 'until', till: 'until', in: 'in', on: 'on', from: 'from', by: 'by', before: 'before',
  after: 'after',
});

/** Words before a bare month name that make it a date and not a verb or a name ("since August"). */
const MONTH_CONTEXT: ReadonlySet<string> = new Set([
  ...Object.keys(RELATIONS), 'during', 'through', 'last', 'this', 'next', 'early', 'late', 'mid', 'of', 'between',
  'throughout', 'until', 'earlier', 'later',
]);

const MODIFIERS: ReadonlySet<string> = new Set(['early', 'late', 'mid', 'mid-', 'earlier', 'later']);

/** A date found at a token index: its key and the tokens it spans. */
export interface DateMatch {
  key: string;
  first: number;
  last: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function monthOf(tokens: readonly Token[], i: number, folded: string): number | undefined {
  const t = tokens[i];
  if (!t || !isCapitalised(t)) return undefined;
  const word = t.bare;
  const month = MONTHS[word];
  // Abbreviations need their dot ("Aug."): "Mar" or "Jan" alone are too often other words.
  if (month === undefined || (word.length <= 4 && word !== 'may' && word !== 'june' && word !== 'july' && folded[t.end] !== '.')) {
    return undefined;
  }
  return month;
}

function dayOf(t: Token | undefined): number | undefined {
  const m = t ? /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(t.lower) : null;
  const day = m ? Number(m[1]) : 0;
  return day >= 1 && day <= 31 ? day : undefined;
}

function yearOf(t: Token | undefined): number | undefined {
  if (!t || !/^\d{4}$/.test(t.text)) return undefined;
  const year = Number(t.text);
  return year >= 1900 && year <= 2100 ? year : undefined;
}

/** Token j continues the date: spaces, an abbreviation's dot or a comma ("Aug. 14, 2022"). */
function continues(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j];
  return t !== undefined && /^\.?,?\s+$/.test(t.gap);
}

/** "March 14, 2022", "March 2022", "March 14", or a bare month with date context. */
function monthFirst(ctx: Context, i: number): DateMatch | null {
  const { tokens, folded } = ctx;
  const t = tokens[i] as Token;
  const hyphenated = t.text.includes('-') ? /^(?:early|mid|late)-(\p{L}+)$/u.exec(t.text) : null;
  const month = hyphenated ? MONTHS[(hyphenated[1] ?? '').toLowerCase()] : monthOf(tokens, i, folded);
  if (month === undefined) return null;
  const day = dayOf(tokens[i + 1]);
  if (day !== undefined && continues(tokens, i + 1) && !tokens[i + 1]?.gap.includes(',')) {
    const year = continues(tokens, i + 2) ? yearOf(tokens[i + 2]) : undefined;
    if (year !== undefined) return { key: `${year}-${pad(month)}-${pad(day)}`, first: i, last: i + 2 };
    return { key: `month-day:${pad(month)}-${pad(day)}`, first: i, last: i + 1 };
  }
  const year = continues(tokens, i + 1) ? yearOf(tokens[i + 1]) : undefined;
  if (year !== undefined) return { key: `${year}-${pad(month)}`, first: i, last: i + 1 };
  const prev = tokens[i - 1];
  const framed = hyphenated !== null || (prev !== undefined && joinedToPrev(tokens, i) && MONTH_CONTEXT.has(prev.lower));
  return framed ? { key: `month:${pad(month)}`, first: i, last: i } : null;
}

/** "14 March 2022", "14th of March", "14 March". */
function dayFirst(ctx: Context, i: number): DateMatch | null {
  const { tokens, folded } = ctx;
  const day = dayOf(tokens[i]);
  if (day === undefined) return null;
  let m = i + 1;
  if (tokens[m]?.lower === 'of' && joinedToPrev(tokens, m)) m++;
  const month = joinedToPrev(tokens, m) ? monthOf(tokens, m, folded) : undefined;
  if (month === undefined) return null;
  const year = continues(tokens, m + 1) ? yearOf(tokens[m + 1]) : undefined;
  if (year !== undefined) return { key: `${year}-${pad(month)}-${pad(day)}`, first: i, last: m + 1 };
  return { key: `month-day:${pad(month)}-${pad(day)}`, first: i, last: m };
}

/** "2022-03-14" as written in datelines and data. */
function isoDate(ctx: Context, i: number): DateMatch | null {
  const m = /^((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.exec((ctx.tokens[i] as Token).text);
  return m ? { key: `${m[1]}-${m[2]}-${m[3]}`, first: i, last: i } : null;
}

function weekday(ctx: Context, i: number): DateMatch | null {
  const t = ctx.tokens[i] as Token;
  const day = isCapitalised(t) ? WEEKDAYS[t.bare] : undefined;
  return day ? { key: `weekday:${day}`, first: i, last: i } : null;
}

/** "the 1990s" → "decade:1990". */
function decade(ctx: Context, i: number): DateMatch | null {
  const m = /^((?:19|20)\d0)'?s$/.exec((ctx.tokens[i] as Token).text);
  return m ? { key: `decade:${m[1]}`, first: i, last: i } : null;
}

/**
 * A year standing alone, unless it reads as a count ("2000 people", "2024%")
 * or a name ("Vision 2030").
 */
function bareYear(ctx: Context, i: number): DateMatch | null {
  const { tokens, folded } = ctx;
  const t = tokens[i] as Token;
  if (yearOf(t) === undefined) return null;
  if (/[$€£¥]$/.test(folded.slice(0, t.start)) || /^ ?%/.test(folded.slice(t.end, t.end + 2))) return null;
  const next = tokens[i + 1];
  if (next && joinedToPrev(tokens, i + 1)) {
    if (SCALES[next.lower] !== undefined || /^(?:percent|pct)$/.test(next.lower)) return null;
    if (!isCapitalised(next) && looksPlural(next.lower) && !MONTH_CONTEXT.has(tokens[i - 1]?.lower ?? '')) return null;
  }
  const prev = tokens[i - 1];
  if (prev && joinedToPrev(tokens, i) && isCapitalised(prev) && !COMMON_CAPITALISED.has(prev.lower) && MONTHS[prev.lower] === undefined) {
    return null;
  }
  return { key: t.text, first: i, last: i };
}

// Matchers by the first character of the token, so most words try only a few.
const DIGIT_MATCHERS = [isoDate, dayFirst, relativeAt, decade, bareYear];
const WORD_MATCHERS = [monthFirst, weekday, relativeAt];

function matchAt(ctx: Context, i: number): DateMatch | null {
  const code = (ctx.tokens[i] as Token).text.charCodeAt(0);
  for (const matcher of code >= 48 && code <= 57 ? DIGIT_MATCHERS : WORD_MATCHERS) {
    const match = matcher(ctx, i);
    if (match) return match;
  }
  return null;
}

/** Widens a match over "early"/"late"/"mid" and the framing preposition. */
function frame(ctx: Context, match: DateMatch): { span: Span; value: DateValue } {
  const { tokens } = ctx;
  let first = match.first;
  const mod = tokens[first - 1];
  if (mod && MODIFIERS.has(mod.lower) && joinedToPrev(tokens, first)) first--;
  const prep = tokens[first - 1];
  const relation = prep && joinedToPrev(tokens, first) ? RELATIONS[prep.lower] : undefined;
  if (relation) first--;
  const span = { start: (tokens[first] as Token).start, end: (tokens[match.last] as Token).end };
  // Possessives ("Wednesday's statement", "last year's") end before the "'s".
  if (/'s$/i.test((tokens[match.last] as Token).text)) span.end -= 2;
  return { span, value: { key: match.key, relation: relation ?? '' } };
}

export function extractDates(ctx: Context): LocalFact[] {
  const facts: LocalFact[] = [];
  const { tokens } = ctx;
  let i = 0;
  while (i < tokens.length) {
    const match = matchAt(ctx, i);
    if (!match) {
      i++;
      continue;
    }
    const { span, value } = frame(ctx, match);
    const previous = facts[facts.length - 1];
    // A framing word already used by the previous date stays with it.
    if (!previous || span.start >= previous.end) facts.push(localFact(ctx, 'date', span, value));
    i = match.last + 1;
  }
  return facts;
}
