// When are two fact mentions "the same fact", and when do they conflict?
//
// Same fact, other words — "270 devices" / "over 270 hosts", "May 2023" /
// "since May" — must not be flagged; a different value in the same slot —
// "since May 2023" / "since August" — must be. Both the pairwise link
// classification and the N-way matrix use these rules, so they agree.
import type { Fact } from './types';
import { words } from './normalise';

export type FactOf<K extends Fact['kind']> = Extract<Fact, { kind: K }>;

/**
 * Date keys are "YYYY", "YYYY-MM", "YYYY-MM-DD", "month:MM", "month-day:MM-DD",
 * "weekday:ddd", "decade:YYYY" or "relative:*"; the last three only ever
 * match themselves.
 */
function dateParts(key: string): { year?: string; month?: string; day?: string; other?: string } {
  // Anchored, fixed-width groups: linear whatever the input.
  // eslint-disable-next-line security/detect-unsafe-regex
  let m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(key);
  if (m) return { year: m[1], month: m[2], day: m[3] };
  m = /^month:(\d{2})$/.exec(key);
  if (m) return { month: m[1] };
  m = /^month-day:(\d{2})-(\d{2})$/.exec(key);
  if (m) return { month: m[1], day: m[2] };
  return { other: key };
}

/** One date refines the other ("May 2023" and "May"), or they are equal. */
export function datesCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  const x = dateParts(a);
  const y = dateParts(b);
  if (x.other !== undefined || y.other !== undefined) return false;
  for (const part of ['year', 'month', 'day'] as const) {
    const p = x[part];
    const q = y[part];
    if (p !== undefined && q !== undefined && p !== q) return false;
  }
  return true;
}

function tokenJaccard(a: string, b: string): number {
  const x = new Set(words(a));
  const y = new Set(words(b));
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / (x.size + y.size - shared);
}

/** "CNCERT" and "CNCERT/CC", "Microsoft" and "Microsoft Exchange": one key extends the other. */
function entityKeysMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && (long.startsWith(`${short}/`) || long.startsWith(`${short} `) || long.startsWith(`${short}-`));
}

// Reporting verbs grouped by the stance they take towards the claim; moving
// between groups ("said" → "claimed") is an editorial change worth flagging.
const STANCE: Record<string, string> = {
  say: 'neutral', tell: 'neutral', state: 'neutral', report: 'neutral', accord: 'neutral', add: 'neutral',
  announce: 'neutral', note: 'neutral', write: 'neutral', explain: 'neutral',
  claim: 'doubt', allege: 'doubt', accuse: 'doubt', suggest: 'doubt',
  deny: 'denial', reject: 'denial', dismiss: 'denial',
  confirm: 'confirm', admit: 'confirm', acknowledge: 'confirm',
  warn: 'warning',
};

export function stanceOf(verb: string): string {
  return STANCE[verb] ?? 'neutral';
}

/** Two mentions state the same fact, perhaps in other words. */
export function sameFact(a: Fact, b: Fact): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'number': {
      const v = (b as FactOf<'number'>).value;
      return a.value.amount === v.amount && a.value.currency === v.currency;
    }
    case 'date':
      return datesCompatible(a.value.key, (b as FactOf<'date'>).value.key);
    case 'entity':
      return entityKeysMatch(a.value.key, (b as FactOf<'entity'>).value.key);
    case 'quote':
      return a.value.key === (b as FactOf<'quote'>).value.key || tokenJaccard(a.value.key, (b as FactOf<'quote'>).value.key) >= 0.8;
    case 'attribution':
      return stanceOf(a.value.verb) === stanceOf((b as FactOf<'attribution'>).value.verb);
  }
}

/**
 * Two mentions fill the same slot with different values: the same counted
 * noun with another amount, another date, an altered quote, another person.
 * Only meaningful for mentions already known to be about the same thing
 * (in linked sentences).
 */
export function conflictingFacts(a: Fact, b: Fact): boolean {
  if (a.kind !== b.kind || sameFact(a, b)) return false;
  switch (a.kind) {
    case 'number': {
      const v = (b as FactOf<'number'>).value;
      if (a.value.currency !== v.currency) return false;
      if (a.value.unit === v.unit) return true;
      // Counted by other nouns ("38,000 people" / "40,000 drivers"): the same
      // slot only when the amounts are of a size; "430 procedures" and
      // "11 hospitals" in one sentence are two facts, not a disagreement.
      const [lo, hi] = [Math.min(a.value.amount, v.amount), Math.max(a.value.amount, v.amount)];
      return lo > 0 && hi / lo <= 2;
    }
    case 'date': {
      // "since May 2023" vs "since August" is one slot; "on Monday" vs
      // "since Saturday" frames two different moments.
      const r = (b as FactOf<'date'>).value.relation;
      if (a.value.relation === 'dateline' || r === 'dateline') return false;
      return a.value.relation === r || a.value.relation === '' || r === '';
    }
    case 'quote':
      return tokenJaccard(a.value.key, (b as FactOf<'quote'>).value.key) >= 0.3;
    case 'entity': {
      const t = (b as FactOf<'entity'>).value.type;
      return a.value.type === 'person' && t === 'person';
    }
    case 'attribution':
      return true;
  }
}

/** A key that is equal for mentions of the same value (used to group mentions). */
export function valueKey(f: Fact): string {
  switch (f.kind) {
    case 'number':
      return `number:${f.value.currency}${f.value.amount}`;
    case 'date':
      return `date:${f.value.key}`;
    case 'entity':
      return `entity:${f.value.key}`;
    case 'quote':
      return `quote:${f.value.key}`;
    case 'attribution':
      return `attribution:${stanceOf(f.value.verb)}`;
  }
}
