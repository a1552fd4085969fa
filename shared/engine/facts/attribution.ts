// Attribution facts: the reporting verb ("said", "according to", "claimed")
// as the fact's text, its lemma, and the source when it is easy to find.
import type { AttributionValue, Span } from '../types';
import type { Context, Token } from './tokens';
import type { LocalFact } from './fact';
import { localFact } from './fact';
import { isCapitalised } from './tokens';
import { DETERMINERS, PREPOSITIONS } from './wordlists';
import { ROLE_NOUNS } from './gazetteer';
import { NOUNISH_FORMS, PARTICIPLES, VERB_FORMS } from './reporting-verbs';
import { documentAuthor, passiveAgent, phraseEndingAt, phraseStartingAt, skipModifiersBack } from './attribution-source';

const joined = (t: Token | undefined): boolean => t !== undefined && t.spaced;

/** Verbs that invert after a quote or comma: '"...," said X', '..., added the ministry'. */
const INVERTING: ReadonlySet<string> = new Set([
  'say', 'tell', 'add', 'report', 'warn', 'claim', 'state', 'announce', 'confirm', 'write', 'note', 'explain',
]);

/** Words that may follow an inverted source ("said CNCERT/CC, which ..."; "said X on Monday"). */
const AFTER_INVERTED: ReadonlySet<string> = new Set(['which', 'who', 'in', 'on', 'at', 'last', 'this', 'earlier', 'late', 'adding', 'citing']);

/** Adjectives and nouns that make the next "claims"/"reports" a noun ("media reports"). */
const NOUN_MODIFIERS: ReadonlySet<string> = new Set(['media', 'news', 'weekly', 'daily', 'similar', 'new', 'false', 'free', 'such', 'unconfirmed', 'earlier', 'recent', 'previous']);

/** "the alleged attack", "confirmed cases": a participle used as an adjective. */
function adjectival(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (!PARTICIPLES.has(t.lower)) return false;
  const prev = tokens[i - 1];
  if (prev && joined(t) && (DETERMINERS.has(prev.lower) || PREPOSITIONS.has(prev.lower) && prev.lower !== 'by' || /^\d/.test(prev.text))) {
    return true;
  }
  const next = tokens[i + 1];
  // "Alleged hackers stole ...": sentence-initial participle before a noun.
  return i === 0 && next !== undefined && joined(next) && !isCapitalised(next) && next.lower !== 'that';
}

/** "claims", "reports", "states" are verbs only in verb context ("X claims that", "WSJ reports"). */
function nounishIsVerb(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (t.lower === 'states' && t.text !== 'states') return false;
  const prev = tokens[i - 1];
  if (prev && joined(t) && (DETERMINERS.has(prev.lower) || NOUN_MODIFIERS.has(prev.lower) || /'s$/.test(prev.text))) return false;
  const next = tokens[i + 1];
  if (next && joined(next) && (next.lower === 'that' || (next.lower === 'to' && t.lower === 'claims'))) return true;
  // "..., WSJ reports": a name right before and nothing after.
  const endsClause = !next || !joined(next);
  return t.lower === 'reports' && endsClause && prev !== undefined && joined(t) && isCapitalised(prev);
}

/** The lemma of the reporting verb at token i, or null when it is not one here. */
function lemmaAt(tokens: readonly Token[], i: number): string | null {
  const t = tokens[i] as Token;
  const lemma = VERB_FORMS[t.lower];
  if (lemma) return adjectival(tokens, i) ? null : lemma;
  const nounish = NOUNISH_FORMS[t.lower];
  return nounish && nounishIsVerb(tokens, i) ? nounish : null;
}

/** The name after an inverted verb, if the clause ends right after it. */
function invertedSource(ctx: Context, i: number): Span | null {
  const phrase = phraseStartingAt(ctx.tokens, i + 1);
  if (!phrase) return null;
  const after = ctx.tokens[phrase.next];
  return !after || !joined(after) || AFTER_INVERTED.has(after.lower) ? phrase.span : null;
}

/** "CNCERT/CC, which says ...": the relative pronoun stands for the name before the comma. */
function antecedent(ctx: Context, rel: number): Span | null {
  const r = ctx.tokens[rel] as Token;
  if (!/^(?:which|who|that)$/.test(r.lower) || !/^,\s+$/.test(r.gap)) return null;
  return phraseEndingAt(ctx.tokens, rel - 1);
}

/** "The Grid Security Centre (NGSC) said": the short name in brackets right before the verb. */
function bracketedBefore(ctx: Context, i: number): Span | null {
  const { tokens } = ctx;
  if (!/^\)\s+$/.test((tokens[i] as Token).gap)) return null;
  for (let k = i - 1; k >= 0 && i - k <= 3; k--) {
    const t = tokens[k] as Token;
    if (t.gap.includes('(')) return { start: t.start, end: (tokens[i - 1] as Token).end };
    if (!t.spaced) return null;
  }
  return null;
}

/** How an inserted description opens: "a senior analyst", "the agency's director", "which ...", "based in ...". */
function opensAppositive(t: Token): boolean {
  return DETERMINERS.has(t.lower) || /'s$/.test(t.text) || /^(?:which|who|based|described|widely)$/.test(t.lower) ||
    ROLE_NOUNS.has(t.lower) || /^\d{1,3}$/.test(t.text);
}

/**
 * "Ana Ruiz, the agency's executive director, said": the subject sits before
 * the comma-enclosed description that separates it from the verb.
 */
function subjectBeforeAppositive(ctx: Context, i: number): Span | null {
  const { tokens } = ctx;
  if (!/^,\s+$/.test((tokens[i] as Token).gap)) return null;
  for (let k = i - 1; k > 0 && i - k <= 12; k--) {
    const t = tokens[k] as Token;
    if (t.spaced) continue;
    return /^,\s+$/.test(t.gap) && opensAppositive(t) ? phraseEndingAt(tokens, k - 1) : null;
  }
  return null;
}

function sourceOf(ctx: Context, i: number, lemma: string): Span | null {
  const { tokens } = ctx;
  const agent = passiveAgent(tokens, i);
  if (agent !== undefined) return agent;
  const t = tokens[i] as Token;
  // Participles in -ing hang off another clause's subject; only a direct subject is safe.
  if (t.lower.endsWith('ing')) return null;
  if (joined(t)) {
    const k = skipModifiersBack(tokens, i - 1);
    if (k >= 0 && (k === i - 1 || joined(tokens[k + 1]))) {
      const rel = antecedent(ctx, k);
      if (rel) return rel;
      const before = phraseEndingAt(tokens, k);
      if (before) return before;
    }
  }
  const bracketed = bracketedBefore(ctx, i) ?? subjectBeforeAppositive(ctx, i);
  if (bracketed) return bracketed;
  const invertible = i === 0 || /[,"]/.test(t.gap);
  return invertible && INVERTING.has(lemma) ? invertedSource(ctx, i) : null;
}

function attribution(ctx: Context, span: Span, verb: string, source: Span | null): LocalFact {
  const value: AttributionValue = { verb, source: source ? ctx.text.slice(source.start, source.end) : null };
  return localFact(ctx, 'attribution', span, value);
}

export function extractAttributions(ctx: Context): LocalFact[] {
  const { tokens } = ctx;
  const facts: LocalFact[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const to = tokens[i + 1];
    if (t.lower === 'according' && to?.lower === 'to' && joined(to)) {
      facts.push(attribution(ctx, { start: t.start, end: to.end }, 'accord', documentAuthor(ctx, i + 2)));
      i++;
      continue;
    }
    const lemma = lemmaAt(tokens, i);
    if (lemma) facts.push(attribution(ctx, { start: t.start, end: t.end }, lemma, sourceOf(ctx, i, lemma)));
  }
  return facts;
}
