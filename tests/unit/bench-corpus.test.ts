// The library benchmark's synthetic corpus: deterministic, ~8 KB versions,
// stories of 3–6 versions sharing most sentences, outlets and dates in range.
import { describe, expect, it } from 'vitest';
import {
  FIRST_DAY,
  MAX_VERSIONS_PER_STORY,
  MIN_VERSIONS_PER_STORY,
  mixSeed,
  NewsCorpus,
  OUTLET_COUNT,
  SPAN_DAYS,
  UNIVERSAL_WORDS,
  VERSION_BYTES,
} from '../../scripts/bench-corpus';
import type { CorpusVersion } from '../../scripts/bench-corpus';

const corpus = new NewsCorpus();
const N = 120;
const versions = [...corpus.versions(N)];

function sentences(text: string): Set<string> {
  return new Set(
    text
      .split('\n\n')
      .slice(2)
      .join(' ')
      .split(/(?<=[.”])\s+/)
      .filter((s) => s.length > 0),
  );
}

function shared(a: string, b: string): number {
  const x = sentences(a);
  const y = sentences(b);
  let common = 0;
  for (const s of x) if (y.has(s)) common++;
  return common / Math.max(x.size, y.size);
}

function byStory(list: CorpusVersion[]): Map<number, CorpusVersion[]> {
  const stories = new Map<number, CorpusVersion[]>();
  for (const v of list) stories.set(v.storyIndex, [...(stories.get(v.storyIndex) ?? []), v]);
  return stories;
}

describe('bench corpus', () => {
  it('is deterministic: the same seed gives the same versions and queries', () => {
    const again = [...new NewsCorpus().versions(N)];
    expect(again).toEqual(versions);
    expect(new NewsCorpus().queries(N, 10)).toEqual(corpus.queries(N, 10));
    // A story regenerated on its own is the same as in the stream.
    expect(corpus.story(3).versions).toEqual(versions.filter((v) => v.storyIndex === 3));
    const other = [...new NewsCorpus(42).versions(5)];
    expect(other.map((v) => v.text)).not.toEqual(versions.slice(0, 5).map((v) => v.text));
  });

  it('yields exactly the versions asked for, about 8 KB each, all different', () => {
    expect(versions).toHaveLength(N);
    const sizes = versions.map((v) => Buffer.byteLength(v.text));
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(mean).toBeGreaterThan(VERSION_BYTES * 0.9);
    expect(mean).toBeLessThan(VERSION_BYTES * 1.1);
    for (const size of sizes) {
      expect(size).toBeGreaterThan(VERSION_BYTES * 0.6);
      expect(size).toBeLessThan(VERSION_BYTES * 1.4);
    }
    expect(new Set(versions.map((v) => v.text)).size).toBe(N);
  });

  it('groups versions into stories of 3–6 that share most sentences', () => {
    const stories = byStory(versions);
    const complete = [...stories.values()].slice(0, -1); // the last story may be cut short
    expect(complete.length).toBeGreaterThan(N / MAX_VERSIONS_PER_STORY - 2);
    for (const story of complete) {
      expect(story.length).toBeGreaterThanOrEqual(MIN_VERSIONS_PER_STORY);
      expect(story.length).toBeLessThanOrEqual(MAX_VERSIONS_PER_STORY);
      expect(story.map((v) => v.indexInStory)).toEqual(story.map((_, k) => k));
      expect(new Set(story.map((v) => v.storyTitle)).size).toBe(1);
      expect(corpus.versionCount(story[0]!.storyIndex)).toBe(story.length);
      for (const v of story.slice(1)) expect(shared(story[0]!.text, v.text)).toBeGreaterThan(0.6);
    }
    // Different stories share next to nothing.
    const [a, b] = complete;
    expect(shared(a![0]!.text, b![0]!.text)).toBeLessThan(0.05);
    expect(corpus.storyCount(N)).toBe(stories.size);
  });

  it('draws outlets from a pool of ~200 and dates from five years, newest version last', () => {
    expect(corpus.outlets).toHaveLength(OUTLET_COUNT);
    expect(new Set(corpus.outlets.map((o) => o.name.toLowerCase())).size).toBe(OUTLET_COUNT);
    const names = new Set(corpus.outlets.map((o) => o.name));
    for (const v of versions) {
      expect(names.has(v.outlet.name)).toBe(true);
      const t = Date.parse(v.publishedAt);
      expect(t).toBeGreaterThanOrEqual(FIRST_DAY);
      expect(t).toBeLessThan(FIRST_DAY + (SPAN_DAYS + 10) * 86_400_000);
      expect(v.text.startsWith(`${v.title}\n\nBy ${v.byline} | ${v.outlet.name} |`)).toBe(true);
    }
    for (const story of byStory(versions).values()) {
      const times = story.map((v) => Date.parse(v.publishedAt));
      expect(times).toEqual([...times].sort((x, y) => x - y));
    }
    const years = new Set(Array.from({ length: 300 }, (_, k) => corpus.story(k * 37).versions[0]!.publishedAt.slice(0, 4)));
    expect([...years].sort()).toEqual(['2020', '2021', '2022', '2023', '2024']);
  });

  it('writes news-like text: universal words everywhere, names and rare words where the queries expect them', () => {
    const words = (text: string) => new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u));
    const vocab = versions.map((v) => words(v.text));
    for (const word of ['the', 'said', 'of', 'to', 'in']) expect(vocab.every((w) => w.has(word))).toBe(true);
    expect(UNIVERSAL_WORDS).toContain('said');
    const queries = corpus.queries(N, 12);
    for (const kind of ['name', 'phrase', 'rare', 'frequent', 'universal'] as const) expect(queries[kind]).toHaveLength(12);
    const all = versions.map((v) => v.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' '));
    const occurs = (query: string) => {
      const needle = query.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      return all.some((text) => ` ${text} `.includes(` ${needle} `));
    };
    for (const query of [...queries.name, ...queries.phrase, ...queries.rare]) expect(occurs(query), query).toBe(true);
    for (const word of queries.rare) expect(corpus.isRareWord(word)).toBe(true);
    expect(queries.phrase.every((q) => q.startsWith('"') && q.endsWith('"'))).toBe(true);
  });

  it('mixes seeds into independent streams', () => {
    expect(mixSeed(1, 2)).toBe(mixSeed(1, 2));
    expect(new Set(Array.from({ length: 1000 }, (_, k) => mixSeed(7, k))).size).toBe(1000);
  });
});
