// Fact extraction for one sentence: numbers, dates, named entities, quotes
// and attributions, with document offsets. Pure and deterministic: the same
// sentence always gives the same facts in the same order.
import type { Fact, FactKind } from '../types';
import { makeContext } from './tokens';
import { extractDates } from './dates';
import { extractNumbers } from './numbers';
import { extractEntities } from './entities';
import { extractAttributions } from './attribution';
import { extractQuotes } from './quotes';

const KIND_ORDER: Readonly<Record<FactKind, number>> = { number: 0, date: 1, entity: 2, quote: 3, attribution: 4 };

function byPosition(a: Fact, b: Fact): number {
  return a.start - b.start || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.end - b.end;
}

/**
 * Facts of `sentence`, which starts at `offset` in its document. Every fact's
 * start/end are document offsets, and `sentence.slice(start - offset, end -
 * offset)` is its text. Sorted by start, then kind.
 */
export function extractFacts(sentence: string, offset: number): Fact[] {
  const ctx = makeContext(sentence);
  // Dates first: a year or day number inside a date is not a count, and a
  // month name is not an entity.
  const dates = extractDates(ctx);
  const numbers = extractNumbers(ctx, dates);
  const entities = extractEntities(ctx, dates);
  const attributions = extractAttributions(ctx);
  const quotes = extractQuotes(ctx, attributions);
  return [...numbers, ...dates, ...entities, ...quotes, ...attributions]
    .filter((f) => f.end > f.start)
    .map((f) => ({ ...f, start: f.start + offset, end: f.end + offset }))
    .sort(byPosition);
}
