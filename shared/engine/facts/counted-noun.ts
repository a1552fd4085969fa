// The noun a number counts: "146 network security incidents" counts
// incidents. The head is the last noun of the short phrase after the number;
// the phrase ends at punctuation, a closed-class word or a likely verb.
import type { Context, Token } from './tokens';
import { isCapitalised } from './tokens';
import { isAdverb, isFunctionWord, isWordy, MONTHS, WEEKDAYS } from './wordlists';
import { looksPlural, unitKey } from './lexical';
import { SCALES, VAGUE_PLURALS, wordValue } from './number-words';

const MAX_PHRASE = 4;

/** Copulas allowed between a number and its noun: "with 61 being state-sponsored attacks". */
const COPULAS: ReadonlySet<string> = new Set(['being', 'were', 'are', 'was', 'is']);

export interface CountedNoun {
  unit: string;
  /** Offset just past the head noun, or -1 when there is none. */
  end: number;
}

const NONE: CountedNoun = { unit: '', end: -1 };

/**
 * Words that follow a number without being what it counts: comparatives
 * ("€5m lower"), distributives ("$5 each") and pronoun-like "others".
 */
const NOT_COUNTED: ReadonlySet<string> = new Set([
  'others', 'each', 'apiece', 'respectively', 'overall', 'lower', 'higher', 'larger', 'smaller', 'bigger',
  'greater', 'longer', 'shorter', 'older', 'younger', 'fewer', 'less', 'ago', 'later', 'earlier', 'times',
]);

/** Whether a token may stand inside the noun phrase after a number. */
function phraseWord(t: Token): boolean {
  if (!isWordy(t.text) || NOT_COUNTED.has(t.lower)) return false;
  if (isFunctionWord(t.lower) || MONTHS[t.lower] !== undefined || WEEKDAYS[t.lower] !== undefined) return false;
  // Another number starts another fact: "£3bn two years ago".
  if (wordValue(t.lower) !== undefined || SCALES[t.lower] !== undefined || VAGUE_PLURALS[t.lower] !== undefined) return false;
  // Adverbs end the phrase: "270 devices quickly", "two incidents reportedly".
  return !isAdverb(t.lower);
}

/** A participle or gerund that more likely starts a verb phrase than ends a noun phrase. */
function verbish(lower: string): boolean {
  return /(?:ed|ing)$/.test(lower) && lower.length > 4;
}

/**
 * Collects the candidate phrase tokens from index i; the first must follow
 * the number phrase (ending at `after`) across spaces only.
 */
function phraseAt(ctx: Context, i: number, after: number): Token[] {
  const { tokens, folded } = ctx;
  const phrase: Token[] = [];
  for (let j = i; j < tokens.length && phrase.length < MAX_PHRASE; j++) {
    const t = tokens[j];
    if (!t || !phraseWord(t)) break;
    const gap = phrase.length === 0 ? folded.slice(after, t.start) : t.gap;
    if (!/^\s+$/.test(gap)) break;
    // A capitalised word after the first starts a name ("two Chinese firms" is
    // fine, "three companies Google bought" is not a phrase).
    if (phrase.length > 0 && isCapitalised(t) && !isCapitalised(phrase[phrase.length - 1] as Token)) break;
    phrase.push(t);
  }
  return phrase;
}

/**
 * Picks the head: with a count above one, the last plural word ("three
 * companies face" heads on "companies"); else the last word, after dropping
 * trailing participles ("two incidents involving" → "incidents").
 */
function headOf(phrase: Token[], amount: number): Token | undefined {
  while (phrase.length > 0 && verbish((phrase[phrase.length - 1] as Token).lower)) phrase.pop();
  if (phrase.length === 0) return undefined;
  if (amount !== 1) {
    let lastPlural = -1;
    phrase.forEach((t, k) => {
      if (looksPlural(t.lower)) lastPlural = k;
    });
    if (lastPlural >= 0) return phrase[lastPlural];
  }
  const head = phrase[phrase.length - 1];
  // A lone capitalised word after a number is a name or an adjective, not a counted noun.
  if (head && phrase.length === 1 && isCapitalised(head)) return undefined;
  return head;
}

const PARTITIVE_DETERMINERS: ReadonlySet<string> = new Set(['its', 'the', 'their', 'his', 'her', 'our', 'these', 'those']);

/**
 * The counted noun after a number phrase that ends at offset `after`, where
 * token index i is the first token past it.
 */
export function countedNoun(ctx: Context, i: number, after: number, amount: number): CountedNoun {
  let from = i;
  let start = after;
  const first = ctx.tokens[from];
  if (first && COPULAS.has(first.lower) && /^\s+$/.test(ctx.folded.slice(after, first.start))) {
    from++;
    start = first.end;
  }
  // Partitive "two of its terminals", "three of the victims": the count is of
  // the noun after the determiner. "One of the founders" is not a count of one.
  const determiner = ctx.tokens[from + 1];
  if (amount > 1 && first?.lower === 'of' && determiner && PARTITIVE_DETERMINERS.has(determiner.lower) && /^\s+$/.test(ctx.folded.slice(after, first.start))) {
    from += 2;
    start = determiner.end;
  }
  const head = headOf(phraseAt(ctx, from, start), amount);
  if (!head) return NONE;
  return { unit: unitKey(head.text), end: head.end };
}
