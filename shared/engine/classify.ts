// Classifies one link: identical wording, the same facts in other words
// (reworded), or facts that differ (changed, with the differences listed).
import { conflictingFacts, sameFact } from './fact-match';
import type { Fact, FactChange, FactKind, LinkKind } from './types';

export interface LinkClass {
  kind: LinkKind;
  changes: FactChange[];
}

// Kinds whose presence on one side only is itself a change: a dropped number
// or date is a fact the other version no longer reports. A name, quote or
// attribution on one side only is not — paraphrase drops names ("the centre"),
// turns quotes into reported speech and omits "it said" all the time; those
// differences show in the word diff, and only a different value in the same
// slot (another name, an altered quote, "said" → "claimed") is a change.
const ONE_SIDED_COUNTS: ReadonlySet<FactKind> = new Set(['number', 'date']);
function countsOneSided(f: Fact): boolean {
  return ONE_SIDED_COUNTS.has(f.kind) && !(f.kind === 'date' && f.value.relation === 'dateline');
}

const KIND_ORDER: readonly FactKind[] = ['number', 'date', 'quote', 'entity', 'attribution'];

/** Removes from both lists every pair of mentions that state the same fact. */
function dropShared(a: Fact[], b: Fact[]): { a: Fact[]; b: Fact[] } {
  const restB = [...b];
  const restA: Fact[] = [];
  for (const fa of a) {
    const k = restB.findIndex((fb) => sameFact(fa, fb));
    if (k >= 0) restB.splice(k, 1);
    else restA.push(fa);
  }
  return { a: restA, b: restB };
}

function dedupeByText(facts: Fact[]): Fact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = `${f.kind}\u0000${f.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function diffFacts(aFacts: readonly Fact[], bFacts: readonly Fact[]): FactChange[] {
  const changes: FactChange[] = [];
  for (const kind of KIND_ORDER) {
    const rest = dropShared(
      dedupeByText(aFacts.filter((f) => f.kind === kind)),
      dedupeByText(bFacts.filter((f) => f.kind === kind)),
    );
    const restB = [...rest.b];
    for (const fa of rest.a) {
      const k = restB.findIndex((fb) => conflictingFacts(fa, fb));
      if (k >= 0) {
        changes.push({ kind, a: fa.text, b: restB[k]!.text });
        restB.splice(k, 1);
      } else if (countsOneSided(fa)) {
        changes.push({ kind, a: fa.text, b: null });
      }
    }
    for (const fb of restB) if (countsOneSided(fb)) changes.push({ kind, a: null, b: fb.text });
  }
  return changes;
}

/** `aKey`/`bKey` are identity keys (see normalise.identityKey) of the two sides' text. */
export function classifyLink(aKey: string, bKey: string, aFacts: readonly Fact[], bFacts: readonly Fact[]): LinkClass {
  if (aKey === bKey) return { kind: 'identical', changes: [] };
  const changes = diffFacts(aFacts, bFacts);
  return { kind: changes.length > 0 ? 'changed' : 'reworded', changes };
}
