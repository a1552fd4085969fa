// When is a capitalised run a person? Name shape alone is not enough
// ("Premium Lite", "Trojan Horse"), so a person also needs a cue around it:
// a role noun before ("spokesperson Lin Wei"), a speech verb after ("Ana
// Ruiz said") or before ("said Ana Ruiz"), or an appositive ("Ana Ruiz, the
// bank's chief economist").
import type { Context, Token } from './tokens';
import type { Run } from './entity-runs';
import { BRANDS, ORG_CUES, ORGANISATIONS, PLACES, PRODUCTS, ROLE_NOUNS, looksDemonym } from './gazetteer';
import { DETERMINERS } from './wordlists';
import { isSpeechVerb } from './reporting-verbs';

// Upper then lower case, so acronyms are out; "McDonald" and "O'Brien" are in.
const NAME_WORD = /^\p{Lu}\p{Ll}[\p{L}'-]*$/u;

/** Up to three plain name-shaped words (at least `min`) on no other list; possessives allowed. */
export function nameShaped(words: readonly Token[], min = 2): boolean {
  if (words.length < min || words.length > 3) return false;
  return words.every((t) => {
    const w = t.bare;
    return NAME_WORD.test(t.text.replace(/'s$/, '')) && !PLACES.has(w) && !ORGANISATIONS.has(w) && !BRANDS.has(w) &&
      !PRODUCTS.has(w) && !ORG_CUES.has(w) && !looksDemonym(w);
  });
}

/** What follows a comma after the name reads as a description of a person. */
function appositive(ctx: Context, after: number): boolean {
  const t = ctx.tokens[after];
  if (!t || !/^,\s+$/.test(t.gap)) return false;
  return DETERMINERS.has(t.lower) || ROLE_NOUNS.has(t.lower) || /'s$/.test(t.text) || /^\d{1,3}$/.test(t.text);
}

export function personCue(ctx: Context, run: Run): boolean {
  const { tokens } = ctx;
  const words = tokens.slice(run.first, run.last + 1);
  if (!nameShaped(words)) return false;
  const prev = tokens[run.first - 1];
  const next = tokens[run.last + 1];
  const prevJoined = prev !== undefined && (tokens[run.first] as Token).spaced;
  const afterAccording = prev?.lower === 'to' && tokens[run.first - 2]?.lower === 'according';
  if (prevJoined && (ROLE_NOUNS.has(prev.lower) || isSpeechVerb(prev.lower) || afterAccording)) {
    return true;
  }
  if (next && next.spaced && isSpeechVerb(next.lower)) return true;
  return appositive(ctx, run.last + 1);
}
