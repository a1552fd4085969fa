// The engine's entry point: N versions in, the `parallax.compare/1` result out.
// Pure and deterministic: the same input gives the same output, byte for byte.
import { alignPair, buildPostings, type RawLink } from './align';
import { analyseVersion, type AnalysedVersion } from './analyse';
import { createBudget, type Budget } from './budget';
import { classifyLink } from './classify';
import { clusterFacts, type SentenceLinkRef } from './cluster';
import { copiedShare, shingleVersion, type Shingles } from './provenance';
import { buildIdf, termVector, type TermVector } from './similarity';
import type { CompareOptions, CompareResult, Sentence, SentenceLink, VersionInput, VersionPair } from './types';
import { diffWordsBounded } from './worddiff';

export const ENGINE_VERSION = '0.1.0';

export const DEFAULT_OPTIONS: Readonly<CompareOptions> = {
  base: 0,
  budgetMs: 20_000,
  linkThreshold: 0.28,
};

interface Prepared extends AnalysedVersion {
  vectors: TermVector[];
  postings: Map<string, number[]>;
  shingles: Shingles;
  /** Orders versions canonically, so aligning (a, b) and (b, a) is the same computation. */
  canonical: string;
}

function resolveOptions(count: number, options: Partial<CompareOptions>): CompareOptions {
  const merged = { ...DEFAULT_OPTIONS, ...options };
  if (!Number.isInteger(merged.base) || merged.base < 0 || merged.base >= Math.max(1, count)) {
    throw new RangeError(`base must be a version index from 0 to ${count - 1}, got ${merged.base}`);
  }
  if (!(merged.budgetMs > 0)) throw new RangeError('budgetMs must be positive');
  if (!(merged.linkThreshold > 0 && merged.linkThreshold < 1)) throw new RangeError('linkThreshold must be between 0 and 1');
  return merged;
}

/** Pairs in a stable order: the base against every other version first, then the rest. */
function pairOrder(count: number, base: number): [number, number][] {
  const order: [number, number][] = [];
  for (let j = 0; j < count; j++) if (j !== base) order.push([base, j]);
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++) if (i !== base && j !== base) order.push([i, j]);
  }
  return order;
}

function joined(sentences: readonly Sentence[]): string {
  return sentences.map((s) => s.text).join(' ');
}

interface LinkContent {
  kind: SentenceLink['kind'];
  changes: SentenceLink['changes'];
  words: SentenceLink['words'];
}

/**
 * Classification and word diff depend only on the two texts, and in an N-way
 * compare the same text pair recurs (outlets reuse wire sentences), so each
 * distinct pair is worked out once per compare.
 */
type LinkCache = Map<string, LinkContent>;

function linkContent(as: readonly Sentence[], bs: readonly Sentence[], aKey: string, bKey: string, budget: Budget): LinkContent {
  const aText = joined(as);
  const bText = joined(bs);
  const { kind, changes } = classifyLink(aKey, bKey, as.flatMap((s) => s.facts), bs.flatMap((s) => s.facts));
  if (kind === 'identical') return { kind, changes, words: [{ op: '=', text: aText }] };
  return { kind, changes, words: budget.exhausted('word-diff') ? null : diffWordsBounded(aText, bText) };
}

function buildLink(raw: RawLink, A: Prepared, B: Prepared, budget: Budget, cache: LinkCache): SentenceLink {
  const as = raw.a.map((i) => A.version.sentences[i]!);
  const bs = raw.b.map((i) => B.version.sentences[i]!);
  const aKey = raw.a.map((i) => A.keys[i]!).join(' ');
  const bKey = raw.b.map((i) => B.keys[i]!).join(' ');
  const cacheKey = `${joined(as)}\u0000${joined(bs)}`;
  let content = cache.get(cacheKey);
  if (!content) {
    content = linkContent(as, bs, aKey, bKey, budget);
    cache.set(cacheKey, content);
  }
  return {
    a: as.map((s) => s.id),
    b: bs.map((s) => s.id),
    kind: content.kind,
    moved: raw.moved,
    score: Math.round(raw.score * 1000) / 1000,
    changes: content.changes,
    words: content.words,
  };
}

function comparePair(A: Prepared, B: Prepared, options: CompareOptions, budget: Budget, cache: LinkCache): VersionPair {
  // Align in a canonical orientation and mirror back: the result for (b, a)
  // is then exactly the mirror of (a, b), ties and all.
  const swap = A.canonical > B.canonical;
  const [first, second] = swap ? [B, A] : [A, B];
  const raw = alignPair(first, second, { threshold: options.linkThreshold }, budget);
  const alignment = swap
    ? {
        links: raw.links.map((l) => ({ ...l, a: l.b, b: l.a })).sort((x, y) => x.a[0]! - y.a[0]!),
        onlyA: raw.onlyB,
        onlyB: raw.onlyA,
      }
    : raw;
  return {
    a: A.version.id,
    b: B.version.id,
    copied: copiedShare(A.shingles, B.shingles),
    links: alignment.links.map((raw) => buildLink(raw, A, B, budget, cache)),
    onlyA: alignment.onlyA.map((i) => A.version.sentences[i]!.id),
    onlyB: alignment.onlyB.map((i) => B.version.sentences[i]!.id),
  };
}

export function compare(inputs: readonly VersionInput[], options: Partial<CompareOptions> = {}): CompareResult {
  const resolved = resolveOptions(inputs.length, options);
  const budget = createBudget(resolved.budgetMs);
  const analysed = inputs.map((input, k) => analyseVersion(input, `v${k + 1}`));
  const idf = buildIdf(analysed.flatMap((a) => a.stems));
  const prepared: Prepared[] = analysed.map((a, k) => {
    const vectors = a.stems.map((s) => termVector(s, idf));
    return {
      ...a,
      vectors,
      postings: buildPostings(vectors),
      shingles: shingleVersion(a.words),
      canonical: inputs[k]!.text,
    };
  });

  const cache: LinkCache = new Map();
  const pairs = pairOrder(prepared.length, resolved.base).map(([i, j]) => comparePair(prepared[i]!, prepared[j]!, resolved, budget, cache));

  const sentenceById = new Map(prepared.flatMap((p) => p.version.sentences.map((s) => [s.id, s] as const)));
  const links: SentenceLinkRef[] = pairs.flatMap((pair) =>
    pair.links.map((l) => ({ a: l.a.map((id) => sentenceById.get(id)!), b: l.b.map((id) => sentenceById.get(id)!) })),
  );
  const versions = prepared.map((p) => p.version);
  return {
    schema: 'parallax.compare/1',
    engine: { version: ENGINE_VERSION, options: resolved, budgetExceeded: [...budget.exceeded] },
    versions,
    pairs,
    facts: clusterFacts(versions, links, resolved.base),
  };
}
