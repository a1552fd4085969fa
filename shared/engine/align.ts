// Sentence alignment between two versions.
//
// 1. Candidates: an inverted index over B's rarer stems, so a sentence is only
//    scored against sentences it shares specific words with (brute force over
//    all pairs is quadratic: 6.9 s at 5,000 sentences per version, measured).
// 2. Greedy one-to-one matching by score, with a small nudge towards pairs at
//    similar relative positions so repeated sentences pair up in order.
// 3. Gap filling: an unlinked pair sitting between two linked neighbours is
//    accepted at a lower threshold — heavy paraphrase between anchors.
// 4. Splits and merges: a link grows by an adjacent unlinked sentence when that
//    sentence is mostly contained in the other side and the union scores higher.
// 5. Moves: links off the longest increasing run of B positions are "moved".
import type { Budget } from './budget';
import { containment, dice, linkScore, unionVector, type TermVector } from './similarity';

export interface AlignOptions {
  /** Minimum weighted-Dice score for a one-to-one link. */
  threshold: number;
}

export interface RawLink {
  a: number[];
  b: number[];
  score: number;
  moved: boolean;
}

export interface PairAlignment {
  links: RawLink[];
  onlyA: number[];
  onlyB: number[];
}

// Terms in more sentences than this are too common to propose candidates
// (they still count in the exact score).
const POSTING_CAP = 48;
// How many best-accumulated candidates per sentence get an exact score.
const CANDIDATES_PER_SENTENCE = 8;
const POSITION_NUDGE = 0.04;
const GAP_FILL_FACTOR = 0.55;
// How far past the previous anchor a gap partner may sit.
const GAP_SPAN = 4;
const MERGE_CONTAINMENT = 0.5;
const MERGE_GAIN = 0.02;
// A leftover joins a link when the link holds this share of its weight…
const ATTACH_CONTAINMENT = 0.6;
// …or when it matches one of the link's sentences this strongly (× threshold),
// and in either case its own candidate score reaches ATTACH_FACTOR × threshold.
const ATTACH_SCORE = 1.2;
const ATTACH_FACTOR = 0.5;

interface Candidate {
  a: number;
  b: number;
  score: number;
}

/** Term → indices of the sentences holding it; built once per version and reused by every pair. */
export function buildPostings(vectors: readonly TermVector[]): Map<string, number[]> {
  const postings = new Map<string, number[]>();
  vectors.forEach((v, index) => {
    for (const term of v.terms) {
      const list = postings.get(term);
      if (list) list.push(index);
      else postings.set(term, [index]);
    }
  });
  return postings;
}

function candidatesFor(a: TermVector, postings: Map<string, number[]>, B: readonly TermVector[]): { b: number; score: number }[] {
  const acc = new Map<number, number>();
  a.terms.forEach((term, k) => {
    const list = postings.get(term);
    if (!list || list.length > POSTING_CAP) return;
    const w = a.weights[k]!;
    for (const b of list) acc.set(b, (acc.get(b) ?? 0) + w);
  });
  const top = [...acc.entries()]
    .sort((x, y) => y[1] - x[1] || x[0] - y[0])
    .slice(0, CANDIDATES_PER_SENTENCE);
  return top.map(([b]) => ({ b, score: linkScore(a, B[b]!) }));
}

function relativePosition(index: number, count: number): number {
  return count <= 1 ? 0.5 : index / (count - 1);
}

function scoreCandidates(
  A: readonly TermVector[],
  B: readonly TermVector[],
  postings: Map<string, number[]>,
  skipA: ReadonlyMap<number, unknown>,
  budget: Budget,
): Candidate[] {
  const out: Candidate[] = [];
  for (let a = 0; a < A.length; a++) {
    // Checked every 64 sentences: the clock is cheap but not free.
    if ((a & 63) === 0 && budget.exhausted('align')) break;
    if (skipA.has(a)) continue;
    for (const c of candidatesFor(A[a]!, postings, B)) out.push({ a, b: c.b, score: c.score });
  }
  return out;
}

function greedyMatch(cands: Candidate[], nA: number, nB: number, threshold: number): Map<number, Candidate> {
  const key = (c: Candidate) =>
    c.score + POSITION_NUDGE * (1 - Math.abs(relativePosition(c.a, nA) - relativePosition(c.b, nB)));
  const sorted = cands.filter((c) => c.score >= threshold).sort((x, y) => key(y) - key(x) || x.a - y.a || x.b - y.b);
  const usedB = new Set<number>();
  const byA = new Map<number, Candidate>();
  for (const c of sorted) {
    if (byA.has(c.a) || usedB.has(c.b)) continue;
    byA.set(c.a, c);
    usedB.add(c.b);
  }
  return byA;
}

/** Accept weaker pairs that sit between two links (or a link and an edge). */
function fillGaps(byA: Map<number, Candidate>, A: readonly TermVector[], B: readonly TermVector[], threshold: number): void {
  const usedB = new Set([...byA.values()].map((c) => c.b));
  const floor = threshold * GAP_FILL_FACTOR;
  for (let a = 0; a < A.length; a++) {
    if (byA.has(a)) continue;
    const prev = a > 0 ? byA.get(a - 1) : { a: -1, b: -1, score: 1 };
    const next = a + 1 < A.length ? byA.get(a + 1) : { a: A.length, b: B.length, score: 1 };
    if (!prev || !next || next.b - prev.b < 2) continue;
    // The best free sentence strictly between the neighbours' partners: the
    // anchors on both sides vouch for it, so a weaker score is enough.
    let best: Candidate | null = null;
    for (let b = prev.b + 1; b < next.b && b - prev.b <= GAP_SPAN; b++) {
      if (usedB.has(b)) continue;
      const score = linkScore(A[a]!, B[b]!);
      if (score >= floor && (!best || score > best.score)) best = { a, b, score };
    }
    if (best) {
      byA.set(a, best);
      usedB.add(best.b);
    }
  }
}

/** Grow one side of a link by adjacent free sentences that the other side contains. */
function growSide(
  own: number[],
  other: readonly number[],
  ownVectors: readonly TermVector[],
  otherVectors: readonly TermVector[],
  free: Set<number>,
): number {
  const neighbours = [own[0]! - 1, own[own.length - 1]! + 1];
  // Most links have no free neighbour: skip building union vectors for them.
  if (!neighbours.some((n) => free.has(n))) return 0;
  const otherVector = unionVector(other.map((i) => otherVectors[i]!));
  let score = dice(unionVector(own.map((i) => ownVectors[i]!)), otherVector);
  for (let grew = true; grew; ) {
    grew = false;
    for (const next of [own[0]! - 1, own[own.length - 1]! + 1]) {
      if (!free.has(next)) continue;
      if (containment(ownVectors[next]!, otherVector) < MERGE_CONTAINMENT) continue;
      const joined = [...own, next].sort((x, y) => x - y);
      const joinedScore = dice(unionVector(joined.map((i) => ownVectors[i]!)), otherVector);
      if (joinedScore < score + MERGE_GAIN) continue;
      own.splice(0, own.length, ...joined);
      free.delete(next);
      score = joinedScore;
      grew = true;
    }
  }
  return score;
}

/** Flags links whose B position breaks the longest increasing run (patience LIS). */
function markMoves(links: RawLink[]): void {
  const order = links.map((l, i) => ({ i, b: l.b[0]! })); // links are sorted by a
  const tails: number[] = [];
  const prevOf = new Array<number>(order.length).fill(-1);
  for (let k = 0; k < order.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order[tails[mid]!]!.b < order[k]!.b) lo = mid + 1;
      else hi = mid;
    }
    prevOf[k] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = k;
  }
  const inOrder = new Set<number>();
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = prevOf[k]!) inOrder.add(k);
  links.forEach((l, k) => (l.moved = !inOrder.has(k)));
}

/**
 * Identical wording first, in reading order: exact and cheap, and it links
 * sentences with no content words at all ("It did.") that no score would.
 */
function matchIdentical(keysA: readonly string[], keysB: readonly string[]): Map<number, Candidate> {
  const queues = new Map<string, number[]>();
  keysB.forEach((key, b) => {
    if (key === '') return;
    const queue = queues.get(key);
    if (queue) queue.push(b);
    else queues.set(key, [b]);
  });
  const byA = new Map<number, Candidate>();
  keysA.forEach((key, a) => {
    const b = queues.get(key)?.shift();
    if (b !== undefined) byA.set(a, { a, b, score: 1 });
  });
  return byA;
}

/**
 * A sentence left over after one-to-one matching may still restate part of a
 * linked sentence elsewhere in the text: a rewrite that spread one wire
 * sentence over two places. Attach it to the link whose other side contains
 * it best, when that containment is high.
 */
function attachLeftovers(
  links: RawLink[],
  side: 'a' | 'b',
  free: Set<number>,
  own: readonly TermVector[],
  other: readonly TermVector[],
  otherPostings: Map<string, number[]>,
  threshold: number,
): void {
  const otherSide = side === 'a' ? 'b' : 'a';
  const linkOf = new Map<number, RawLink>();
  for (const link of links) for (const i of link[otherSide]) linkOf.set(i, link);
  for (const i of [...free].sort((x, y) => x - y)) {
    let best: RawLink | null = null;
    let bestFit = 0;
    for (const c of candidatesFor(own[i]!, otherPostings, other)) {
      const link = linkOf.get(c.b);
      if (!link || c.score < threshold * ATTACH_FACTOR) continue;
      const held = containment(own[i]!, unionVector(link[otherSide].map((k) => other[k]!)));
      // Either mostly contained in the link, or a full-strength match on its own.
      const fit = held >= ATTACH_CONTAINMENT ? held : c.score >= threshold * ATTACH_SCORE ? c.score : 0;
      if (fit > bestFit) {
        best = link;
        bestFit = fit;
      }
    }
    if (!best) continue;
    best[side] = [...best[side], i].sort((x, y) => x - y);
    free.delete(i);
  }
}

export interface AlignSide {
  vectors: readonly TermVector[];
  /** Identity keys (normalised wording) per sentence; equal keys are identical sentences. */
  keys: readonly string[];
  /** From buildPostings(vectors). */
  postings: Map<string, number[]>;
}

export function alignPair(sideA: AlignSide, sideB: AlignSide, options: AlignOptions, budget: Budget): PairAlignment {
  const A = sideA.vectors;
  const B = sideB.vectors;
  const byA = matchIdentical(sideA.keys, sideB.keys);
  const linkedB = new Set([...byA.values()].map((c) => c.b));
  const open = scoreCandidates(A, B, sideB.postings, byA, budget).filter((c) => !linkedB.has(c.b));
  for (const [a, c] of greedyMatch(open, A.length, B.length, options.threshold)) byA.set(a, c);
  fillGaps(byA, A, B, options.threshold);

  const freeA = new Set<number>(A.keys());
  const freeB = new Set<number>(B.keys());
  for (const c of byA.values()) {
    freeA.delete(c.a);
    freeB.delete(c.b);
  }
  const links: RawLink[] = [...byA.values()]
    .sort((x, y) => x.a - y.a)
    .map((c) => ({ a: [c.a], b: [c.b], score: c.score, moved: false }));
  for (const link of links) {
    link.score = Math.max(link.score, growSide(link.b, link.a, B, A, freeB));
    link.score = Math.max(link.score, growSide(link.a, link.b, A, B, freeA));
  }
  attachLeftovers(links, 'b', freeB, B, A, sideA.postings, options.threshold);
  attachLeftovers(links, 'a', freeA, A, B, sideB.postings, options.threshold);
  links.sort((x, y) => x.a[0]! - y.a[0]!);
  markMoves(links);
  return {
    links,
    onlyA: [...freeA].sort((x, y) => x - y),
    onlyB: [...freeB].sort((x, y) => x - y),
  };
}
