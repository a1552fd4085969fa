// Number facts: a figure or spelled-out number with its qualifier, currency
// or percent mark and counted noun ("over 270 devices", "US$1.2 billion",
// "at least eight US shipping companies", "hundreds of servers").
import type { NumberValue, Span } from '../types';
import type { Context, Token } from './tokens';
import type { LocalFact } from './fact';
import { localFact } from './fact';
import { isCapitalised, joinedToPrev } from './tokens';
import { COMMON_CAPITALISED, MONTHS } from './wordlists';
import { readNumberWords, scaled, SCALES, SCALE_SUFFIXES, VAGUE_PLURALS } from './number-words';
import { currencyBefore, markAfter } from './money';
import { qualifierBefore } from './qualifiers';
import { countedNoun } from './counted-noun';

/** Suffixes that name a measure when glued to a figure ("5km", "40GB"). */
const MEASURES: ReadonlySet<string> = new Set([
  'km', 'kg', 'mm', 'cm', 'gb', 'tb', 'mb', 'kb', 'mw', 'gw', 'kw', 'kwh', 'mwh', 'gwh', 'mph', 'kph', 'ft', 'lb', 'lbs',
]);

/** Lower-case words after which a number is an identifier, not a count ("phase 3", "No. 10"). */
const IDENTIFIER_WORDS: ReadonlySet<string> = new Set([
  'no', 'number', 'page', 'article', 'section', 'chapter', 'version', 'phase', 'level', 'episode', 'season',
  'round', 'flight', 'route', 'room', 'gate', 'platform', 'line', 'item', 'clause', 'paragraph', 'grade',
]);

const TIME_WORDS: ReadonlySet<string> = new Set(['am', 'pm', 'a.m.', 'p.m.', 'gmt', 'utc', 'bst', 'est', 'edt', 'pst', 'cet', 'hrs']);

/** A number as read from the tokens, before its surroundings are attached. */
interface Figure {
  amount: number;
  start: number;
  end: number;
  /** Token index past the figure. */
  next: number;
  /** Spelled-out numbers must count something to be kept ("one of", "two-way" are not counts). */
  spelled: boolean;
  unit: string;
  qualifier: string;
  /** "1.2bn" already carries its scale. */
  hasScale: boolean;
}

const DECIMAL = /^\d+(?:\.\d)?\d*$/;

/** "2950", "2,950", "7.99", "1,234.5": digits with well-placed thousands commas. */
function isPlainFigure(text: string): boolean {
  const [whole = '', ...groups] = text.split(',');
  if (groups.length === 0) return DECIMAL.test(text);
  const lastGroup = groups.pop() ?? '';
  return /^\d{1,3}$/.test(whole) && groups.every((g) => /^\d{3}$/.test(g)) && /^\d{3}(?:\.\d)?\d*$/.test(lastGroup);
}

/** Parses a figure token: "2,950", "7.99", "1.2bn", "5km", "12-year-old". */
function readDigits(ctx: Context, i: number, t: Token): Figure | null {
  const base = { start: t.start, end: t.end, next: i + 1, spelled: false, unit: '', qualifier: '', hasScale: false };
  if (isPlainFigure(t.text)) {
    // ".99" keeps its leading dot; "No.1" does not.
    const dot = ctx.folded[t.start - 1] === '.' && !/\p{L}/u.test(ctx.folded[t.start - 2] ?? '');
    if (dot && !t.text.includes('.')) return { ...base, start: t.start - 1, amount: Number(`0.${t.text}`) };
    return { ...base, amount: Number(t.text.replace(/,/g, '')) };
  }
  const suffixed = /^([\d.]+)([a-z]{1,3})$/i.exec(t.text);
  if (suffixed && DECIMAL.test(suffixed[1] ?? '')) {
    const amount = Number(suffixed[1]);
    const suffix = (suffixed[2] ?? '').toLowerCase();
    // Upper-case letters after a digit are model names ("5G", "4K"), except measures like "40GB".
    if (MEASURES.has(suffix)) return { ...base, amount, unit: suffix };
    const scale = SCALE_SUFFIXES[suffix];
    if (scale && suffixed[2] === suffix) return { ...base, amount: scaled(amount, scale), hasScale: true };
    return null;
  }
  // "12-year-old", "30-day": the first word after the hyphen is the unit.
  const compound = /^(\d+)-(\p{L}[\p{L}-]*)$/u.exec(t.text);
  if (compound) return { ...base, amount: Number(compound[1]), unit: (compound[2] ?? '').split('-')[0]?.toLowerCase() ?? '' };
  return null;
}

/** "a dozen", "a hundred", "a million": the article stands for one. */
function readArticleNumber(tokens: readonly Token[], i: number, t: Token): Figure | null {
  const next = tokens[i + 1];
  if ((t.lower !== 'a' && t.lower !== 'an') || !next || !joinedToPrev(tokens, i + 1)) return null;
  const value = next.lower === 'dozen' ? 12 : SCALES[next.lower];
  if (value === undefined) return null;
  return { amount: value, start: t.start, end: next.end, next: i + 2, spelled: true, unit: '', qualifier: '', hasScale: true };
}

/** "hundreds of", "tens of thousands of": an order of magnitude, kept as a qualifier. */
function readVaguePlural(tokens: readonly Token[], i: number, t: Token): Figure | null {
  let amount = VAGUE_PLURALS[t.lower];
  if (amount === undefined) return null;
  let j = i + 1;
  const words = [t.lower];
  // "tens of thousands of": each further "of <plural>" multiplies.
  while (tokens[j]?.lower === 'of' && VAGUE_PLURALS[tokens[j + 1]?.lower ?? ''] !== undefined && joinedToPrev(tokens, j)) {
    const more = tokens[j + 1] as Token;
    amount *= VAGUE_PLURALS[more.lower] ?? 1;
    words.push('of', more.lower);
    j += 2;
  }
  if (tokens[j]?.lower !== 'of' || !joinedToPrev(tokens, j)) return null;
  const end = (tokens[j] as Token).end;
  return { amount, start: t.start, end, next: j + 1, spelled: true, unit: '', qualifier: words.join(' '), hasScale: true };
}

function readFigure(ctx: Context, i: number): Figure | null {
  const t = ctx.tokens[i] as Token;
  const first = t.text.charCodeAt(0);
  if (first >= 48 && first <= 57) return readDigits(ctx, i, t);
  const article = readArticleNumber(ctx.tokens, i, t);
  if (article) return article;
  const vague = readVaguePlural(ctx.tokens, i, t);
  if (vague) return vague;
  const words = readNumberWords(ctx.tokens, i);
  if (!words) return null;
  const last = ctx.tokens[words.next - 1] as Token;
  return { amount: words.value, start: t.start, end: last.end, next: words.next, spelled: true, unit: '', qualifier: '', hasScale: false };
}

/** Times ("10:30", "5 pm"), identifiers ("No. 10", "phase 3", "Windows 11"). */
function notACount(ctx: Context, i: number, fig: Figure, hasQualifier: boolean): boolean {
  const { folded, tokens } = ctx;
  if (/^:\d/.test(folded.slice(fig.end, fig.end + 2)) || /\d:$/.test(folded.slice(fig.start - 2, fig.start))) return true;
  const after = tokens[fig.next];
  if (after && TIME_WORDS.has(after.lower) && joinedToPrev(tokens, fig.next)) return true;
  const before = tokens[i - 1];
  if (!before || hasQualifier) return false;
  const gap = folded.slice(before.end, fig.start);
  if (IDENTIFIER_WORDS.has(before.lower) && /^[.\s#]*$/.test(gap) && !fig.spelled) return true;
  if (/#\s*$/.test(gap)) return true;
  const capitalisedName = isCapitalised(before) && !COMMON_CAPITALISED.has(before.lower) && MONTHS[before.lower] === undefined;
  return capitalisedName && /^\s+$/.test(gap);
}

/** A plain 1900–2100 integer is a year unless it counts something. */
function yearLike(fig: Figure, ctx: Context, currency: string): boolean {
  const text = ctx.folded.slice(fig.start, fig.end);
  return /^\d{4}$/.test(text) && fig.amount >= 1900 && fig.amount <= 2100 && currency === '' && !fig.hasScale;
}

interface Candidate {
  span: Span;
  value: NumberValue;
  spelled: boolean;
}

/** Attaches scale word, currency, percent, qualifier and counted noun to a figure. */
function complete(ctx: Context, i: number, fig: Figure, taken: readonly Span[]): Candidate | null {
  const { tokens } = ctx;
  let { amount, end, next } = fig;
  const scaleTok = tokens[next];
  if (!fig.hasScale && scaleTok && joinedToPrev(tokens, next) && SCALES[scaleTok.lower] && !fig.spelled) {
    amount = scaled(amount, SCALES[scaleTok.lower] ?? 1);
    end = scaleTok.end;
    next += 1;
  }
  const before = currencyBefore(ctx, fig.start, i);
  const after = markAfter(ctx, end, next);
  const currency = before?.currency ?? after?.currency ?? '';
  if (after) ({ at: end, next } = after);
  let start = before?.at ?? fig.start;
  const qualifier = qualifierBefore(ctx, i, start);
  if (notACount(ctx, i, fig, qualifier !== null)) return null;
  if (qualifier) start = qualifier.start;
  let unit = fig.unit;
  if (!unit) {
    const noun = countedNoun(ctx, next, end, amount);
    // The noun phrase may not run into a date ("5 May meetings" is not a count of Mays).
    if (!taken.some((s) => s.start < noun.end && s.end > end)) {
      unit = noun.unit;
      if (noun.end > end) end = noun.end;
    }
  }
  // dates.ts leaves a year-shaped figure alone only when a plural noun follows ("2000 engineers").
  if (yearLike(fig, ctx, currency) && unit === '') return null;
  const value: NumberValue = { amount, unit, currency, qualifier: qualifier?.canonical ?? fig.qualifier };
  return { span: { start, end }, value, spelled: fig.spelled };
}

// Counts so vague that a spelled-out number before them is an idiom ("one way", "two sides").
const IDIOM_UNITS: ReadonlySet<string> = new Set(['way', 'thing', 'side', 'hand', 'point', 'another', 'time']);

/** "between 10 and 20 devices", "two or three incidents": the first number shares the noun. */
function shareRangeUnits(ctx: Context, found: Candidate[]): void {
  for (let k = found.length - 2; k >= 0; k--) {
    const a = found[k] as Candidate;
    const b = found[k + 1] as Candidate;
    const between = ctx.folded.slice(a.span.end, b.span.start);
    if (a.value.unit === '' && b.value.unit !== '' && /^\s*(?:to|and|or|-)\s*$/i.test(between)) a.value.unit = b.value.unit;
  }
}

export function extractNumbers(ctx: Context, taken: readonly Span[]): LocalFact[] {
  const found: Candidate[] = [];
  const { tokens } = ctx;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    const fig = taken.some((s) => t.start < s.end && t.end > s.start) ? null : readFigure(ctx, i);
    if (!fig) {
      i++;
      continue;
    }
    const candidate = complete(ctx, i, fig, taken);
    if (candidate) found.push(candidate);
    i = Math.max(fig.next, i + 1);
  }
  shareRangeUnits(ctx, found);
  return found
    .filter((c) => !c.spelled || (c.value.unit !== '' && !IDIOM_UNITS.has(c.value.unit)) || c.value.qualifier !== '')
    .map((c) => localFact(ctx, 'number', c.span, c.value));
}
