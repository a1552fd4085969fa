// Provenance hint: how much of one version sits in long verbatim runs shared
// with another. Paraphrase rarely reproduces seven words in a row, copying
// does — so the share of words covered by shared 7-word shingles separates
// "derived from" from "reported the same event".
//
// Shingles are hashed once per version (not once per pair): an N-way compare
// looks at every version N−1 times.

export const SHINGLE_WORDS = 7;

export interface Shingles {
  /** Word count of the version. */
  words: number;
  /** Hash of the shingle starting at each word position. */
  hashes: Float64Array;
  set: ReadonlySet<number>;
}

/** 32-bit FNV-1a of one string. */
function fnv(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Two independent 32-bit hashes folded into one 53-bit-safe number, so a
 * collision between different shingles is vanishingly rare even in a
 * 200,000-word version.
 */
function shingleHash(wordHashes: Uint32Array, at: number): number {
  let hi = 0x811c9dc5;
  let lo = 0x9747b28c;
  for (let k = 0; k < SHINGLE_WORDS; k++) {
    const w = wordHashes[at + k]!;
    hi = Math.imul(hi ^ w, 0x01000193) >>> 0;
    lo = Math.imul(lo ^ ((w << 13) | (w >>> 19)), 0x5bd1e995) >>> 0;
  }
  return (hi & 0x1fffff) * 0x100000000 + lo;
}

export function shingleVersion(words: readonly string[]): Shingles {
  const wordHashes = new Uint32Array(words.length);
  words.forEach((w, k) => (wordHashes[k] = fnv(w, 0x811c9dc5)));
  const count = Math.max(0, words.length - SHINGLE_WORDS + 1);
  const hashes = new Float64Array(count);
  for (let i = 0; i < count; i++) hashes[i] = shingleHash(wordHashes, i);
  return { words: words.length, hashes, set: new Set(hashes) };
}

/** Share of `version`'s words covered by shingles that also occur in `other`. */
export function coveredShare(version: Shingles, other: Shingles): number {
  if (version.words === 0) return 0;
  const covered = new Uint8Array(version.words);
  version.hashes.forEach((hash, i) => {
    if (other.set.has(hash)) covered.fill(1, i, i + SHINGLE_WORDS);
  });
  let n = 0;
  for (const c of covered) n += c;
  return n / version.words;
}

/**
 * Share of the shorter version copied verbatim from the longer, in [0, 1],
 * rounded to three decimals so output stays stable across platforms.
 */
export function copiedShare(a: Shingles, b: Shingles): number {
  const [shorter, longer] = a.words <= b.words ? [a, b] : [b, a];
  return Math.round(coveredShare(shorter, longer) * 1000) / 1000;
}
