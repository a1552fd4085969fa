// Provenance hint: how much of one version sits in long verbatim runs shared
// with another. Paraphrase rarely reproduces seven words in a row, copying
// does — so the share of words covered by shared 7-word shingles separates
// "derived from" from "reported the same event".

export const SHINGLE_WORDS = 7;

function shingles(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  return out;
}

/** Share of `words` covered by shingles that also occur in `other`. */
export function coveredShare(words: readonly string[], otherShingles: ReadonlySet<string>): number {
  if (words.length === 0) return 0;
  const covered = new Uint8Array(words.length);
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    if (otherShingles.has(words.slice(i, i + SHINGLE_WORDS).join(' '))) covered.fill(1, i, i + SHINGLE_WORDS);
  }
  let n = 0;
  for (const c of covered) n += c;
  return n / words.length;
}

/**
 * Share of the shorter version copied verbatim from the longer, in [0, 1],
 * rounded to three decimals so output stays stable across platforms.
 */
export function copiedShare(a: readonly string[], b: readonly string[]): number {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return Math.round(coveredShare(shorter, shingles(longer)) * 1000) / 1000;
}
