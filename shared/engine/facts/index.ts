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
// "VALMORA, March 14 (Agency) -": a dateline records when and where the copy
// was filed, not a fact of the story, so its date is marked and never counted
// as added or dropped.
// eslint-disable-next-line security/detect-unsafe-regex -- one bounded prefix, no nested repetition
const DATELINE = /^[\p{Lu}][\p{Lu}\p{M} .'’-]{1,40},(?:[^,\n]{0,30},)?\s+[^-–—:(\n]{3,25}?(?:\s*\([^)\n]{1,30}\))?\s*[-–—:]/u;

function markDateline(sentence: string, facts: Fact[]): Fact[] {
  const m = DATELINE.exec(sentence);
  if (!m) return facts;
  const end = m[0].length;
  return facts.map((f) => (f.kind === 'date' && f.end <= end ? { ...f, value: { ...f.value, relation: 'dateline' } } : f));
}

export function extractFacts(sentence: string, offset: number): Fact[] {
  const ctx = makeContext(sentence);
  // Dates first: a year or day number inside a date is not a count, and a
  // month name is not an entity.
  const dates = extractDates(ctx);
  const numbers = extractNumbers(ctx, dates);
  const entities = extractEntities(ctx, dates);
  const attributions = extractAttributions(ctx);
  const quotes = extractQuotes(ctx, attributions);
  return markDateline(sentence, [...numbers, ...dates, ...entities, ...quotes, ...attributions])
    .filter((f) => f.end > f.start)
    .map((f) => ({ ...f, start: f.start + offset, end: f.end + offset }))
    .sort(byPosition);
}
