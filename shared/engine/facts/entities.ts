// Entity facts: names found as capitalised runs (entity-runs.ts), typed by
// cues and small lists, keyed for matching ("U.S." and "US" → "us").
import type { EntityType, EntityValue, Span } from '../types';
import type { Context, Token } from './tokens';
import type { Run } from './entity-runs';
import type { LocalFact } from './fact';
import { localFact } from './fact';
import { findRuns, isModifierCompound } from './entity-runs';
import { isAllCaps, isCapitalised, possessiveLength } from './tokens';
import { BRANDS, looksDemonym, ORG_CUES, ORGANISATIONS, PLACES, PRODUCTS, TITLES } from './gazetteer';
import { nameKey, looksPlural } from './lexical';
import { isSpeechVerb } from './reporting-verbs';
import { nameShaped, personCue } from './person-cues';

interface Named {
  span: Span;
  value: EntityValue;
}

const bareWord = (t: Token): string => t.bare.replace(/\.$/, '');

function isTitle(t: Token): boolean {
  return isCapitalised(t) && TITLES.has(bareWord(t));
}

/** "TP-Link", "CNCERT/CC", "FBI", "U.S.", "G7": upper-case letters, maybe digits, leading. */
function acronymShaped(t: Token): boolean {
  const head = t.text.replace(/'s$/, '').split(/[-/]/)[0] ?? '';
  return isAllCaps(t) || /^\p{Lu}{2,}$/u.test(head) || /^\p{Lu}[\p{Lu}\d]*\d$/u.test(head);
}

function spanOf(tokens: readonly Token[], run: Run): Span {
  const last = tokens[run.last] as Token;
  return { start: (tokens[run.first] as Token).start, end: last.end - possessiveLength(last.text) };
}

/** Type from lists and cue words; persons need context, see person-cues.ts. */
function typeOf(ctx: Context, run: Run, key: string): EntityType {
  const words = ctx.tokens.slice(run.first, run.last + 1);
  const bare = words.map(bareWord);
  if (PLACES.has(key)) return 'place';
  // A cue word alone ("Post", "Department") is a common noun capitalised, not a name.
  if (words.length > 1 && bare.some((w) => w.split('/').some((part) => ORG_CUES.has(part)))) return 'organisation';
  if (ORGANISATIONS.has(key)) return 'organisation';
  const brandFirst = BRANDS.has(bare[0] ?? '') || BRANDS.has(bare.slice(0, 2).join(' '));
  if (words.length > 1 && brandFirst) return 'product';
  if (PRODUCTS.has(key) || (words.length > 1 && PRODUCTS.has(bare[bare.length - 1] ?? ''))) return 'product';
  if (BRANDS.has(key)) return 'organisation';
  if (words.length === 1 && acronymShaped(words[0] as Token)) return 'acronym';
  return personCue(ctx, run) ? 'person' : 'other';
}

/** Titles that make even a lone surname a person ("Mr Okafor", "President Lind"). */
const PERSONAL_TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'president', 'senator', 'sen', 'rep', 'governor', 'mayor',
  'minister', 'pope', 'king', 'queen', 'prince', 'princess', 'lord', 'lady', 'premier', 'chancellor',
]);

/**
 * Splits "US President Joe Biden" at the title: the name after it is a
 * person; the words before are kept only when they name something by
 * themselves. "Justice Department" and "General Electric" are not split:
 * what follows the title must look like a personal name.
 */
function splitAtTitle(ctx: Context, run: Run): { before: Run | null; person: Run | null } {
  for (let k = run.first; k < run.last; k++) {
    const title = ctx.tokens[k] as Token;
    if (!isTitle(title)) continue;
    let first = k + 1;
    while (first <= run.last && isTitle(ctx.tokens[first] as Token)) first++;
    let min = PERSONAL_TITLES.has(bareWord(ctx.tokens[first - 1] as Token)) ? 1 : 2;
    // "Secretary of State Antony Blinken": the "of" phrase belongs to the title,
    // and a full name must follow ("Minister of Foreign Affairs" is an office).
    if (ctx.tokens[first]?.lower === 'of' && first + 2 <= run.last) {
      first += 2;
      min = 2;
    }
    const words = ctx.tokens.slice(first, run.last + 1);
    if (!nameShaped(words, min)) continue;
    const before = k > run.first ? { first: run.first, last: k - 1, atClauseStart: run.atClauseStart } : null;
    return { before, person: { first, last: run.last, atClauseStart: false } };
  }
  return { before: null, person: null };
}

/** Words that describe rather than name: "Chinese", "Western", "North Korean". */
function descriptive(ctx: Context, run: Run): boolean {
  const last = ctx.tokens[run.last] as Token;
  if (isAllCaps(last)) return false;
  return looksDemonym(bareWord(last)) && !PLACES.has(nameKey(ctx.folded.slice((ctx.tokens[run.first] as Token).start, last.end)));
}

/**
 * A lone ordinary-looking word opening a sentence is capitalised for that
 * reason alone ("Hackers used ..."); keep it only when it speaks ("Huawei said").
 */
function clauseStartNoise(ctx: Context, run: Run, type: EntityType): boolean {
  if (!run.atClauseStart || run.first !== run.last || type !== 'other') return false;
  const t = ctx.tokens[run.first] as Token;
  const next = ctx.tokens[run.last + 1];
  const speaks = next !== undefined && next.spaced && isSpeechVerb(next.lower);
  return !speaks || looksPlural(t.lower);
}

function named(ctx: Context, run: Run, forced?: EntityType): Named | null {
  // A title on its own ("the Secretary said") names no one in particular.
  if (run.first === run.last && isTitle(ctx.tokens[run.first] as Token) && !forced) return null;
  const span = spanOf(ctx.tokens, run);
  const key = nameKey(ctx.folded.slice(span.start, span.end));
  if (key.replace(/[^\p{L}\p{N}]/gu, '').length < 2) return null;
  if (!forced && descriptive(ctx, run)) return null;
  const type = forced ?? typeOf(ctx, run, key);
  if (clauseStartNoise(ctx, run, type)) return null;
  return { span, value: { key, type } };
}

function fromRun(ctx: Context, run: Run): Named[] {
  const { before, person } = splitAtTitle(ctx, run);
  if (!person) {
    const whole = named(ctx, run);
    return whole ? [whole] : [];
  }
  const out: Named[] = [];
  const lead = before ? named(ctx, before) : null;
  if (lead && lead.value.type !== 'other' && lead.value.type !== 'person') out.push(lead);
  const who = named(ctx, person, 'person');
  if (who) out.push(who);
  return out;
}

/**
 * Title Case headlines capitalise every word, so capitalisation says nothing
 * there: no final stop and most long words capitalised.
 */
function isHeadline(ctx: Context): boolean {
  if (/[.!?…]["')\]]*\s*$/.test(ctx.folded)) return false;
  const long = ctx.tokens.filter((t) => /^\p{L}{4}/u.test(t.text));
  return long.length >= 4 && long.filter(isCapitalised).length >= long.length * 0.7;
}

/** In headlines only names that need no capitalisation cue: acronyms and listed names. */
function headlineEntities(ctx: Context, taken: readonly Span[]): Named[] {
  const out: Named[] = [];
  for (const run of findRuns(ctx, taken)) {
    for (let k = run.first; k <= run.last; k++) {
      const t = ctx.tokens[k] as Token;
      const pair = k < run.last ? { first: k, last: k + 1, atClauseStart: false } : null;
      const pairKey = pair ? nameKey(ctx.folded.slice(t.start, (ctx.tokens[k + 1] as Token).end)) : '';
      if (pair && (PLACES.has(pairKey) || ORGANISATIONS.has(pairKey))) {
        const found = named(ctx, pair);
        if (found) out.push(found);
        k++;
        continue;
      }
      const single = { first: k, last: k, atClauseStart: false };
      const key = bareWord(t);
      if (acronymShaped(t) || PLACES.has(key) || ORGANISATIONS.has(key) || PRODUCTS.has(key)) {
        const found = named(ctx, single);
        if (found) out.push(found);
      }
    }
  }
  return out;
}

/** "China-backed", "US-led": the name before the hyphen, when it is one by itself. */
function compoundHeads(ctx: Context): Named[] {
  const out: Named[] = [];
  for (const t of ctx.tokens) {
    if (!isCapitalised(t) || !isModifierCompound(t)) continue;
    const head = t.text.slice(0, t.text.indexOf('-'));
    const key = nameKey(head);
    const type: EntityType | null = PLACES.has(key) ? 'place' : ORGANISATIONS.has(key) ? 'organisation'
      : /^\p{Lu}{2,}$/u.test(head) ? 'acronym' : null;
    if (type) out.push({ span: { start: t.start, end: t.start + head.length }, value: { key, type } });
  }
  return out;
}

export function extractEntities(ctx: Context, taken: readonly Span[]): LocalFact[] {
  const found = isHeadline(ctx) ? headlineEntities(ctx, taken) : findRuns(ctx, taken).flatMap((run) => fromRun(ctx, run));
  return [...found, ...compoundHeads(ctx)].map((n) => localFact(ctx, 'entity', n.span, n.value));
}
