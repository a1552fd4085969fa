// Shared helpers for the fact-extraction tests.
import { extractFacts } from '../../shared/engine/facts/index';
import type { Fact, FactKind } from '../../shared/engine/types';

export type FactOf<K extends FactKind> = Extract<Fact, { kind: K }>;

/** Facts of one kind in a sentence (offset 0, so spans index the sentence). */
export function factsOf<K extends FactKind>(sentence: string, kind: K): FactOf<K>[] {
  return extractFacts(sentence, 0).filter((f): f is FactOf<K> => f.kind === kind);
}

/** The single fact of a kind whose text is `text`, or undefined. */
export function findFact<K extends FactKind>(sentence: string, kind: K, text: string): FactOf<K> | undefined {
  return factsOf(sentence, kind).find((f) => f.text === text);
}
