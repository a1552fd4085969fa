// Sentence similarity for alignment: weighted overlap of content-word stems.
//
// Weights are inverse sentence frequency across *all* versions of the story,
// so words every outlet uses for this story ("China", "cyberattack") count for
// less than the specific ones ("Trojan", "270"). Dice over weighted sets
// survives paraphrase better than cosine over raw counts because a paraphrase
// keeps the rare content words and swaps the common glue.

export interface TermVector {
  /** Distinct stems, sorted, so overlaps are a linear merge. */
  terms: string[];
  /** Weight of each term, parallel to `terms`. */
  weights: number[];
  /** Sum of weights. */
  mass: number;
}

export type Idf = (stem: string) => number;

/** Weight of the overlap coefficient in linkScore (the rest is Dice). */
const OVERLAP_BLEND = 0.5;

/** Inverse sentence frequency over every sentence of every version. */
export function buildIdf(sentences: readonly (readonly string[])[]): Idf {
  const df = new Map<string, number>();
  for (const stems of sentences) {
    for (const stem of new Set(stems)) df.set(stem, (df.get(stem) ?? 0) + 1);
  }
  const total = Math.max(1, sentences.length);
  return (stem) => {
    const base = Math.log(1 + total / (df.get(stem) ?? 1));
    // Numbers are the facts readers compare first: a shared "270" says more
    // about two sentences than a shared verb.
    return /\d/.test(stem) ? base * 1.5 : base;
  };
}

export function termVector(stems: readonly string[], idf: Idf): TermVector {
  const terms = [...new Set(stems)].sort();
  const weights = terms.map(idf);
  let mass = 0;
  for (const w of weights) mass += w;
  return { terms, weights, mass };
}

/** Weight of the terms two vectors share (weights taken from `a`; both use one idf). */
export function sharedMass(a: TermVector, b: TermVector): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const ta = a.terms[i]!;
    const tb = b.terms[j]!;
    if (ta === tb) {
      shared += a.weights[i]!;
      i++;
      j++;
    } else if (ta < tb) i++;
    else j++;
  }
  return shared;
}

/** Weighted Dice coefficient in [0, 1]. */
export function dice(a: TermVector, b: TermVector): number {
  const total = a.mass + b.mass;
  return total === 0 ? 0 : (2 * sharedMass(a, b)) / total;
}

/** Share of `part`'s weight that also occurs in `whole`, in [0, 1]. */
export function containment(part: TermVector, whole: TermVector): number {
  return part.mass === 0 ? 0 : sharedMass(part, whole) / part.mass;
}

/** The union of several vectors, as for a sentence split in two. */
export function unionVector(vectors: readonly TermVector[]): TermVector {
  const byTerm = new Map<string, number>();
  for (const v of vectors) v.terms.forEach((t, k) => byTerm.set(t, v.weights[k]!));
  const terms = [...byTerm.keys()].sort();
  const weights = terms.map((t) => byTerm.get(t)!);
  return { terms, weights, mass: weights.reduce((s, w) => s + w, 0) };
}

/**
 * The alignment score: Dice blended with the overlap coefficient (shared
 * weight over the lighter side). Dice alone punishes a short sentence that a
 * long one fully contains — the usual shape of a rewrite that condensed or
 * split a wire sentence — while overlap alone would let any short sentence
 * match any long one; half of each keeps both honest.
 */
export function linkScore(a: TermVector, b: TermVector): number {
  const lighter = Math.min(a.mass, b.mass);
  if (lighter === 0) return 0;
  const shared = sharedMass(a, b);
  return OVERLAP_BLEND * (shared / lighter) + (1 - OVERLAP_BLEND) * ((2 * shared) / (a.mass + b.mass));
}
