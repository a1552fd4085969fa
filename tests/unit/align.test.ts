import { describe, expect, it } from 'vitest';
import { alignPair, buildPostings } from '../../shared/engine/align';
import { createBudget } from '../../shared/engine/budget';
import { contentStems, identityKey } from '../../shared/engine/normalise';
import { buildIdf, termVector } from '../../shared/engine/similarity';

function vectors(...versions: string[][]) {
  const stems = versions.map((v) => v.map(contentStems));
  const idf = buildIdf(stems.flat());
  return versions.map((v, k) => {
    const vs = stems[k]!.map((s) => termVector(s, idf));
    return { vectors: vs, keys: v.map(identityKey), postings: buildPostings(vs) };
  });
}

const run = (a: string[], b: string[], threshold = 0.3) => {
  const [A, B] = vectors(a, b);
  return alignPair(A!, B!, { threshold }, createBudget(10_000));
};

describe('alignPair', () => {
  const base = [
    'The harbour authority closed the northern gate on Monday after a crane collapsed.',
    'Two workers were taken to hospital with minor injuries.',
    'Ship traffic was diverted to the southern terminal for at least 48 hours.',
    'The crane operator, Meridian Lifting, said it was investigating the cause.',
  ];

  it('links a paraphrase and leaves a new sentence unlinked', () => {
    const other = [
      'After a crane collapsed on Monday, the harbour authority shut the northern gate.',
      'Meridian Lifting, which operates the crane, said it had opened an investigation into the cause.',
      'Fishermen staged a protest outside the town hall.',
    ];
    const result = run(base, other);
    expect(result.links.map((l) => [l.a, l.b])).toEqual([
      [[0], [0]],
      [[3], [1]],
    ]);
    expect(result.onlyA).toEqual([1, 2]);
    expect(result.onlyB).toEqual([2]);
  });

  it('links one sentence to the two it was split into', () => {
    const split = [
      'The harbour authority closed the northern gate on Monday.',
      'It acted after a crane collapsed.',
      'Two workers were taken to hospital with minor injuries.',
    ];
    const result = run(base.slice(0, 2), split);
    expect(result.links[0]).toMatchObject({ a: [0], b: [0, 1] });
    expect(result.links[1]).toMatchObject({ a: [1], b: [2] });
  });

  it('flags a sentence moved out of reading order', () => {
    const reordered = [base[3]!, base[0]!, base[1]!, base[2]!];
    const result = run(base, reordered);
    expect(result.links).toHaveLength(4);
    const moved = result.links.filter((l) => l.moved).map((l) => l.a[0]);
    expect(moved).toEqual([3]);
  });

  it('is symmetric: swapping the versions swaps the unlinked sides', () => {
    const other = [base[1]!, 'Completely unrelated text about a cooking contest in the valley.', base[2]!];
    const ab = run(base, other);
    const ba = run(other, base);
    expect(ba.onlyA).toEqual(ab.onlyB);
    expect(ba.onlyB).toEqual(ab.onlyA);
  });

  it('gives up candidate search when the budget is spent, and says so', () => {
    const [A, B] = vectors(base, base);
    const budget = createBudget(0);
    const result = alignPair(A!, B!, { threshold: 0.3 }, budget);
    expect(budget.exceeded).toContain('align');
    expect(result.onlyA.length + result.links.length).toBe(base.length);
  });
});
