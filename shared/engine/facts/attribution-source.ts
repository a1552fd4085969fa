// Who a reporting verb attributes to: the subject before it ("CNCERT/CC
// said"), the name after it ("..., said CNCERT/CC"), the agent of a passive
// ("accused by Western governments") or the object of "according to".
import type { Span } from '../types';
import type { Context, Token } from './tokens';
import { isCapitalised } from './tokens';
import { CONJUNCTIONS, DETERMINERS, PREPOSITIONS, PRONOUNS, VERBS, VERB_MODIFIERS, isAdverb, isWordy } from './wordlists';

const MAX_WORDS = 10;

const POSSESSIVE_PRONOUNS: ReadonlySet<string> = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);
const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['it', 'he', 'she', 'they', 'we', 'i', 'you']);
const PASSIVE_AUX: ReadonlySet<string> = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be', 'got', 'get']);
/** Connectors allowed between two capitalised words of a name ("Department of State"). */
const NAME_CONNECTORS: ReadonlySet<string> = new Set(['of', 'for', 'and', '&']);

/** Nouns that stand for a document; "according to a survey by X" attributes to X. */
const DOCUMENT_NOUNS: ReadonlySet<string> = new Set([
  'statement', 'report', 'reports', 'data', 'figures', 'document', 'documents', 'survey', 'study', 'analysis',
  'post', 'notice', 'filing', 'release', 'estimate', 'estimates', 'research', 'tally', 'count', 'article',
  'assessment', 'review', 'letter', 'transcript', 'video', 'interview', 'investigation', 'findings', 'summary',
]);

const joined = (t: Token | undefined): boolean => t !== undefined && t.spaced;

/** A word that can sit inside a source noun phrase. */
function sourceWord(t: Token): boolean {
  if (/^\d/.test(t.text)) return /^\d[\d,.]*$/.test(t.text);
  if (!isWordy(t.text) && !isCapitalised(t)) return false;
  if (isCapitalised(t)) return !DETERMINERS.has(t.lower) && !PRONOUNS.has(t.lower);
  return !DETERMINERS.has(t.lower) && !PREPOSITIONS.has(t.lower) && !CONJUNCTIONS.has(t.lower) &&
    !PRONOUNS.has(t.lower) && !VERBS.has(t.lower) && !isAdverb(t.lower);
}

function connects(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  const before = tokens[k - 1];
  const after = tokens[k + 1];
  return t !== undefined && NAME_CONNECTORS.has(t.lower) && before !== undefined && after !== undefined &&
    isCapitalised(before) && isCapitalised(after) && joined(t) && joined(after);
}

/** Skips auxiliaries and adverbs backwards from index k ("has also previously"). */
export function skipModifiersBack(tokens: readonly Token[], k: number): number {
  let j = k;
  while (j >= 0 && joined(tokens[j + 1]) && (VERB_MODIFIERS.has((tokens[j] as Token).lower) || isAdverb((tokens[j] as Token).lower))) j--;
  return j;
}

/** The noun phrase ending at token index k, read backwards. */
export function phraseEndingAt(tokens: readonly Token[], k: number): Span | null {
  const last = tokens[k];
  if (!last) return null;
  if (SUBJECT_PRONOUNS.has(last.lower)) return { start: last.start, end: last.end };
  let first = k;
  if (!sourceWord(last)) return null;
  for (let j = k - 1; j >= 0 && k - j < MAX_WORDS && joined(tokens[j + 1]); j--) {
    const t = tokens[j] as Token;
    if (POSSESSIVE_PRONOUNS.has(t.lower)) {
      first = j;
      break;
    }
    if (!sourceWord(t) && !connects(tokens, j)) break;
    first = j;
  }
  // A connector cannot open the phrase.
  while (first < k && NAME_CONNECTORS.has((tokens[first] as Token).lower)) first++;
  return { start: (tokens[first] as Token).start, end: last.end };
}

/** The noun phrase starting at token index k (leading articles skipped), and the index past it. */
export function phraseStartingAt(tokens: readonly Token[], k: number): { span: Span; next: number } | null {
  let j = k;
  while (tokens[j] && DETERMINERS.has((tokens[j] as Token).lower) && !POSSESSIVE_PRONOUNS.has((tokens[j] as Token).lower)) j++;
  const first = tokens[j];
  if (!first || (j > k && !joined(first))) return null;
  if (SUBJECT_PRONOUNS.has(first.lower)) return null;
  let last = j;
  if (POSSESSIVE_PRONOUNS.has(first.lower)) last = j;
  else if (!sourceWord(first)) return null;
  for (let m = j + 1; m < tokens.length && m - j < MAX_WORDS && joined(tokens[m]); m++) {
    const t = tokens[m] as Token;
    if (connects(tokens, m)) continue;
    if (!sourceWord(t)) break;
    last = m;
  }
  while (last > j && NAME_CONNECTORS.has((tokens[last] as Token).lower)) last--;
  return { span: { start: first.start, end: (tokens[last] as Token).end }, next: last + 1 };
}

/** "according to a filing by X" (or "from X", "of X") → X; otherwise the phrase itself. */
export function documentAuthor(ctx: Context, k: number): Span | null {
  const { tokens } = ctx;
  const phrase = phraseStartingAt(tokens, k);
  if (!phrase) return null;
  const head = tokens[phrase.next - 1] as Token;
  const by = tokens[phrase.next];
  if (DOCUMENT_NOUNS.has(head.lower) && !isCapitalised(head) && by && joined(by) && /^(?:by|from|of)$/.test(by.lower)) {
    const author = phraseStartingAt(tokens, phrase.next + 1);
    if (author) return author.span;
  }
  return phrase.span;
}

/** An auxiliary of the passive sits just before the verb ("has been accused", "being accused"). */
function isPassive(tokens: readonly Token[], verb: number): boolean {
  for (let j = verb - 1; j >= 0 && verb - j <= 3 && joined(tokens[j + 1]); j--) {
    const w = (tokens[j] as Token).lower;
    if (PASSIVE_AUX.has(w)) return true;
    if (!VERB_MODIFIERS.has(w) && !isAdverb(w)) return false;
  }
  return false;
}

/**
 * The passive agent: "accused by Western governments" → its span; null for
 * a passive without "by"; undefined when the verb is not passive at all.
 */
export function passiveAgent(tokens: readonly Token[], verb: number): Span | null | undefined {
  if (!isPassive(tokens, verb)) return undefined;
  const by = tokens[verb + 1];
  if (!by || by.lower !== 'by' || !joined(by)) return null;
  return phraseStartingAt(tokens, verb + 2)?.span ?? null;
}
