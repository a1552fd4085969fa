// Finding candidate names: runs of capitalised tokens, joined by a few
// lower-case connectors when the shape of the name allows it ("Department of
// State", "Food and Drug Administration", "Ursula von der Leyen") and split
// where a name plainly ends ("China's TP-Link", "Russia, Ukraine and Belarus").
import type { Span } from '../types';
import type { Context, Token } from './tokens';
import { isAllCaps, isCapitalised, opensClause } from './tokens';
import { COMMON_CAPITALISED, MONTHS, WEEKDAYS } from './wordlists';
import { ORG_CUES } from './gazetteer';

export interface Run {
  /** Token indices, first and last inclusive. */
  first: number;
  last: number;
  /** The run began a sentence or clause, where any word is capitalised. */
  atClauseStart: boolean;
}

/** Heads that take an "of"/"for" complement inside a name ("Ministry of ...", "Republic of ..."). */
const OF_HEADS: ReadonlySet<string> = new Set([
  ...ORG_CUES, 'republic', 'kingdom', 'states', 'house', 'chamber', 'museum', 'city', 'port', 'bay', 'gulf',
  'sea', 'strait', 'isle', 'islands', 'bank', 'duke', 'people\'s', 'federation', 'emirates', 'secretariat',
  'secretary', 'minister', 'governor',
]);

/** Last words that let "and" continue a name ("Food and Drug Administration"). */
const AND_TAILS: ReadonlySet<string> = new Set([
  ...ORG_CUES, 'affairs', 'studies', 'development', 'reform', 'commerce', 'industry', 'trade', 'research',
  'planning', 'information', 'rescue', 'defense', 'defence', 'justice', 'welfare', 'health', 'education',
  'culture', 'tourism', 'sciences', 'science', 'environment', 'energy', 'prevention', 'control',
]);

/** Name particles: "von der Leyen", "da Silva", "bin Salman". */
const PARTICLES: ReadonlySet<string> = new Set(['de', 'da', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'du', 'dos', 'bin', 'al', 'la', 'le']);

function overlaps(t: Token, taken: readonly Span[]): boolean {
  return taken.some((s) => t.start < s.end && t.end > s.start);
}

/** Whether tokens[i] can be part of a name at all. */
function nameToken(ctx: Context, i: number, taken: readonly Span[]): boolean {
  const t = ctx.tokens[i] as Token;
  if (!isCapitalised(t) || !/^\p{L}/u.test(t.text) || overlaps(t, taken)) return false;
  const bare = t.bare;
  if (WEEKDAYS[bare] !== undefined || isModifierCompound(t)) return false;
  // "US$1.2 billion": a currency prefix, not a name.
  return !/^[$€£¥]/.test(ctx.folded.slice(t.end, t.end + 1));
}

/** Plural nouns whose possessive sits inside names ("People's Liberation Army"). */
const INNER_POSSESSIVES: ReadonlySet<string> = new Set(['people', 'children', 'women', 'men', 'workers', 'farmers', 'veterans', 'world']);

/** "China-backed", "AI-powered", "US-led": a name turned adjective; see entities.ts. */
export function isModifierCompound(t: Token): boolean {
  return t.text.includes('-') && /^[^-]+-\p{Ll}[\p{Ll}-]*$/u.test(t.text);
}

/** A possessive ends a name ("China's TP-Link") unless it is part of one. */
function possessiveEnds(t: Token): boolean {
  return /'s$/i.test(t.text) && !INNER_POSSESSIVES.has(t.lower.slice(0, -2));
}

/** The name tokens that follow index j without connectors, for the "and" look-ahead. */
function plainRunEnd(ctx: Context, j: number, taken: readonly Span[]): number {
  let k = j;
  while (k + 1 < ctx.tokens.length && (ctx.tokens[k + 1] as Token).spaced && nameToken(ctx, k + 1, taken)) k++;
  return k;
}

/**
 * How many connector tokens at index j (after the run's last token `prev`)
 * join it to the next name token, or 0 when the name ends here.
 */
function connectorLength(ctx: Context, prev: Token, j: number, taken: readonly Span[]): number {
  const { tokens } = ctx;
  const t = tokens[j];
  if (!t || !t.spaced) {
    // "Procter & Gamble": a lone ampersand sits in the gap.
    return t && /^\s+&\s+$/.test(t.gap) && nameToken(ctx, j, taken) ? -1 : 0;
  }
  let k = j;
  while (k < tokens.length && PARTICLES.has((tokens[k] as Token).lower) && (tokens[k] as Token).spaced) k++;
  if (k > j) return k < tokens.length && (tokens[k] as Token).spaced && nameToken(ctx, k, taken) ? k - j : 0;
  const next = tokens[j + 1];
  if (!next || !next.spaced || !nameToken(ctx, j + 1, taken)) return 0;
  const prevHead = prev.lower.split('/').pop() ?? '';
  if ((t.lower === 'of' || t.lower === 'for') && OF_HEADS.has(prevHead)) return 1;
  if (t.lower === 'and') {
    const tail = tokens[plainRunEnd(ctx, j + 1, taken)] as Token;
    return AND_TAILS.has(tail.bare) ? 1 : 0;
  }
  return 0;
}

/** Capitalised-token runs of a sentence, with connectors inside. */
export function findRuns(ctx: Context, taken: readonly Span[]): Run[] {
  const { tokens } = ctx;
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!nameToken(ctx, i, taken)) {
      i++;
      continue;
    }
    let last = i;
    while (!possessiveEnds(tokens[last] as Token)) {
      const next = last + 1;
      if (next < tokens.length && (tokens[next] as Token).spaced && nameToken(ctx, next, taken)) {
        last = next;
        continue;
      }
      const joined = connectorLength(ctx, tokens[last] as Token, next, taken);
      if (joined === 0) break;
      last = joined < 0 ? next : next + joined;
    }
    runs.push(...trimRun(ctx, i, last));
    i = last + 1;
  }
  return runs;
}

/**
 * Drops leading function words ("The", "In") and month names, and splits
 * at function words inside the run, which only headline case puts there.
 */
function trimRun(ctx: Context, first: number, last: number): Run[] {
  const { tokens } = ctx;
  const out: Run[] = [];
  const clause = opensClause(tokens, first);
  let start = first;
  for (let k = first; k <= last + 1; k++) {
    const t = tokens[k] as Token;
    if (k <= last && !(isCapitalised(t) && isBreakWord(t, k === start))) continue;
    // Pieces of a split run must begin and end on a name word, not a connector.
    let a = start;
    let b = k - 1;
    while (a <= b && !isCapitalised(tokens[a] as Token)) a++;
    while (b >= a && !isCapitalised(tokens[b] as Token)) b--;
    if (a <= b) out.push({ first: a, last: b, atClauseStart: clause && out.length === 0 });
    start = k + 1;
  }
  return out;
}

/** A capitalised function word, or a month name opening the run ("March 2022" is a date). */
function isBreakWord(t: Token, atStart: boolean): boolean {
  // "IT", "WHO": an acronym is never the pronoun it spells.
  if (isAllCaps(t)) return false;
  const bare = t.bare;
  return COMMON_CAPITALISED.has(bare) || (atStart && MONTHS[bare.replace(/\.$/, '')] !== undefined);
}
