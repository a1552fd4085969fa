// N-way coverage: every fact mention of every version is clustered into rows
// (one row per fact), and each version gets a cell saying whether it carries
// the fact verbatim, in other words, with a different value, or not at all.
//
// Mentions join a row when they state the same value ("270" anywhere; a small
// number only with the same counted noun), or when they sit in sentences the
// pairwise alignment linked and fill the same slot — then a different value
// is a conflict ("since May 2023" vs "since August"), while "270 devices" vs
// "270 hosts" is the same value and never flagged.
import { conflictingFacts, sameFact, valueKey } from './fact-match';
import { foldForMatch } from './normalise';
import type { CellStatus, Fact, FactCell, FactConflict, FactRow, Sentence, Version } from './types';

/** Kinds that become rows. Attributions ("said") are not facts on their own. */
const ROW_KINDS: ReadonlySet<Fact['kind']> = new Set(['number', 'date', 'entity', 'quote']);
const SUMMARY_MAX = 140;

interface Mention {
  version: number;
  sentence: Sentence;
  /** Position in reading order across the whole story, for stable row order. */
  order: number;
  fact: Fact;
}

export interface SentenceLinkRef {
  a: readonly Sentence[];
  b: readonly Sentence[];
}

class DisjointSets {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[x] !== root) [x, this.parent[x]] = [this.parent[x]!, root];
    return root;
  }
  union(x: number, y: number): void {
    const [rx, ry] = [this.find(x), this.find(y)];
    // The smaller index wins so results do not depend on union order.
    if (rx !== ry) this.parent[Math.max(rx, ry)] = Math.min(rx, ry);
  }
}

/** Small round numbers ("two incidents", "10 days") only match with their noun. */
function groupingKey(f: Fact): string {
  if (f.kind === 'number' && Number.isInteger(f.value.amount) && Math.abs(f.value.amount) <= 12) {
    return `${valueKey(f)}:${f.value.unit}`;
  }
  return valueKey(f);
}

function collectMentions(versions: readonly Version[]): Mention[] {
  const mentions: Mention[] = [];
  versions.forEach((version, v) => {
    version.sentences.forEach((sentence, s) => {
      for (const fact of sentence.facts) {
        if (ROW_KINDS.has(fact.kind)) mentions.push({ version: v, sentence, order: v * 1e7 + s, fact });
      }
    });
  });
  return mentions;
}

function unionSameValues(mentions: readonly Mention[], sets: DisjointSets): void {
  const firstByKey = new Map<string, number>();
  mentions.forEach((m, i) => {
    const key = groupingKey(m.fact);
    const first = firstByKey.get(key);
    if (first === undefined) firstByKey.set(key, i);
    else sets.union(first, i);
  });
}

/** Joins mentions in linked sentences: same fact in other words, or a conflicting value in the same slot. */
function unionLinked(mentions: readonly Mention[], links: readonly SentenceLinkRef[], sets: DisjointSets): void {
  const bySentence = new Map<string, number[]>();
  mentions.forEach((m, i) => {
    const list = bySentence.get(m.sentence.id);
    if (list) list.push(i);
    else bySentence.set(m.sentence.id, [i]);
  });
  const of = (sentences: readonly Sentence[]) => sentences.flatMap((s) => bySentence.get(s.id) ?? []);
  for (const link of links) {
    // One-to-one, same facts first: a mention already paired with its equal
    // on the other side cannot also be "the conflicting value" of another.
    const as = new Set(of(link.a));
    const bs = new Set(of(link.b));
    for (const rule of [sameFact, conflictingFacts]) {
      for (const i of [...as]) {
        for (const j of bs) {
          if (!rule(mentions[i]!.fact, mentions[j]!.fact)) continue;
          sets.union(i, j);
          as.delete(i);
          bs.delete(j);
          break;
        }
      }
    }
  }
}

/** Groups a row's mentions into distinct values; more than one group is a conflict. */
function valueGroups(row: readonly Mention[]): Mention[][] {
  const groups: Mention[][] = [];
  for (const m of row) {
    const group = groups.find((g) => sameFact(g[0]!.fact, m.fact));
    if (group) group.push(m);
    else groups.push([m]);
  }
  return groups;
}

function cellFor(mentions: readonly Mention[], reference: Mention): FactCell {
  if (mentions.length === 0) return { status: 'absent', sentences: [] };
  const sentences = [...new Set(mentions.map((m) => m.sentence.id))];
  const same = mentions.filter((m) => sameFact(m.fact, reference.fact));
  let status: CellStatus;
  let shown: Mention;
  if (same.length === 0) {
    status = 'changed';
    shown = mentions[0]!;
  } else {
    const refText = foldForMatch(reference.fact.text);
    const verbatim = same.find((m) => foldForMatch(m.fact.text) === refText);
    status = verbatim ? 'verbatim' : 'reworded';
    shown = verbatim ?? same[0]!;
  }
  return { status, sentences, text: shown.fact.text };
}

function conflictsOf(row: readonly Mention[], versions: readonly Version[]): FactConflict[] {
  const groups = valueGroups(row);
  if (groups.length < 2) return [];
  return [
    {
      kind: row[0]!.fact.kind,
      values: groups.map((g) => ({
        text: g[0]!.fact.text,
        versions: [...new Set(g.map((m) => m.version))].sort((x, y) => x - y).map((v) => versions[v]!.id),
      })),
    },
  ];
}

function summarise(reference: Mention): string {
  const text = reference.fact.text.replace(/\s+/g, ' ').trim();
  return text.length > SUMMARY_MAX ? `${text.slice(0, SUMMARY_MAX - 1)}…` : text;
}

export function clusterFacts(versions: readonly Version[], links: readonly SentenceLinkRef[], base: number): FactRow[] {
  const mentions = collectMentions(versions);
  const sets = new DisjointSets(mentions.length);
  unionSameValues(mentions, sets);
  unionLinked(mentions, links, sets);

  const rows = new Map<number, Mention[]>();
  mentions.forEach((m, i) => {
    const root = sets.find(i);
    const row = rows.get(root);
    if (row) row.push(m);
    else rows.set(root, [m]);
  });

  // The base version reads first, then the others in their own order.
  const rank = (m: Mention) => (m.version === base ? -1e9 : 0) + m.order;
  const ordered = [...rows.values()]
    .map((row) => row.sort((x, y) => rank(x) - rank(y) || x.fact.start - y.fact.start))
    .sort((x, y) => rank(x[0]!) - rank(y[0]!) || x[0]!.fact.start - y[0]!.fact.start);

  return ordered.map((row, k) => {
    const reference = row[0]!;
    const cells: Record<string, FactCell> = {};
    versions.forEach((version, v) => {
      cells[version.id] = cellFor(
        row.filter((m) => m.version === v),
        reference,
      );
    });
    return { id: `f${k + 1}`, kind: reference.fact.kind, summary: summarise(reference), cells, conflicts: conflictsOf(row, versions) };
  });
}
