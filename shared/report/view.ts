// The reading of a CompareResult that both report formats share: everything
// seen from the base version, with each pair turned so the base is side "a".
// Pure TypeScript (runs in the renderer too).
import type {
  CompareResult,
  FactChange,
  LinkKind,
  RemovalReason,
  Sentence,
  SentenceLink,
  Version,
  VersionPair,
  WordPiece,
} from '../engine/types';

/** A link seen from the base version: `base` ids are the base's side. */
export interface BaseLink {
  base: string[];
  other: string[];
  kind: LinkKind;
  moved: boolean;
  score: number;
  /** `a` is the base's wording, `b` the other version's. */
  changes: FactChange[];
  /** '-' = only in the base, '+' = only in the other version. */
  words: WordPiece[] | null;
}

/** How one other version treats one base sentence. */
export interface SentenceFate {
  version: Version;
  /** null: the sentence is absent from that version. */
  link: BaseLink | null;
  /** The link also covers earlier base sentences and was shown with the first of them. */
  continued: boolean;
}

export interface BaseRow {
  sentence: Sentence;
  fates: SentenceFate[];
}

export interface AddedSentences {
  version: Version;
  sentences: Sentence[];
}

export interface RemovedSummary {
  version: Version;
  total: number;
  byReason: Partial<Record<RemovalReason, number>>;
}

export interface ReportView {
  base: Version;
  others: Version[];
  rows: BaseRow[];
  added: AddedSentences[];
  removed: RemovedSummary[];
}

export function buildView(result: CompareResult): ReportView {
  const base = result.versions[result.engine.options.base] ?? result.versions[0];
  if (!base) throw new Error('compare result has no versions');
  const others = result.versions.filter((v) => v.id !== base.id);
  const oriented = new Map(others.map((v) => [v.id, orientPair(findPair(result.pairs, base.id, v.id), base.id)]));
  const rows = base.sentences.map((sentence) => ({
    sentence,
    fates: others.map((version) => fateOf(sentence.id, version, oriented.get(version.id) ?? null)),
  }));
  const added = others.map((version) => ({ version, sentences: onlyInOther(version, oriented.get(version.id) ?? null) }));
  return { base, others, rows, added, removed: result.versions.map(summariseRemoved) };
}

interface OrientedPair {
  links: BaseLink[];
  onlyOther: string[];
  copied: number;
}

function findPair(pairs: VersionPair[], x: string, y: string): VersionPair | null {
  return pairs.find((p) => (p.a === x && p.b === y) || (p.a === y && p.b === x)) ?? null;
}

function orientPair(pair: VersionPair | null, baseId: string): OrientedPair | null {
  if (!pair) return null;
  const flip = pair.a !== baseId;
  return {
    links: pair.links.map((link) => orientLink(link, flip)),
    onlyOther: flip ? pair.onlyA : pair.onlyB,
    copied: pair.copied,
  };
}

function orientLink(link: SentenceLink, flip: boolean): BaseLink {
  if (!flip) return { base: link.a, other: link.b, kind: link.kind, moved: link.moved, score: link.score, changes: link.changes, words: link.words };
  return {
    base: link.b,
    other: link.a,
    kind: link.kind,
    moved: link.moved,
    score: link.score,
    changes: link.changes.map((c) => ({ kind: c.kind, a: c.b, b: c.a })),
    words: link.words ? deletionsFirst(link.words.map((w) => ({ op: w.op === '+' ? '-' : w.op === '-' ? '+' : '=', text: w.text }))) : null,
  };
}

// After flipping, a replacement reads "+new -old"; put the dropped words first
// within each run of edits, as an unflipped diff has them.
function deletionsFirst(words: WordPiece[]): WordPiece[] {
  const out: WordPiece[] = [];
  let run: WordPiece[] = [];
  const flush = (): void => {
    out.push(...run.filter((w) => w.op === '-'), ...run.filter((w) => w.op === '+'));
    run = [];
  };
  for (const w of words) {
    if (w.op === '=') {
      flush();
      out.push(w);
    } else run.push(w);
  }
  flush();
  return out;
}

function fateOf(sentenceId: string, version: Version, pair: OrientedPair | null): SentenceFate {
  const link = pair?.links.find((l) => l.base.includes(sentenceId)) ?? null;
  return { version, link, continued: link !== null && link.base[0] !== sentenceId };
}

function onlyInOther(version: Version, pair: OrientedPair | null): Sentence[] {
  if (!pair) return [];
  const ids = new Set(pair.onlyOther);
  return version.sentences.filter((s) => ids.has(s.id));
}

function summariseRemoved(version: Version): RemovedSummary {
  const byReason: Partial<Record<RemovalReason, number>> = {};
  for (const r of version.removed) byReason[r.reason] = (byReason[r.reason] ?? 0) + 1;
  return { version, total: version.removed.length, byReason };
}

/** "v2 · Reuters" */
export function versionName(version: Version): string {
  return `${version.id} · ${version.label}`;
}

/** Looks a version up by id for column headers and conflict lists. */
export function versionIndex(result: CompareResult): Map<string, Version> {
  return new Map(result.versions.map((v) => [v.id, v]));
}

/** Article text on one line: sentences may span line breaks in the source. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Leading whitespace, the text, trailing whitespace. */
export function splitSpace(text: string): { lead: string; core: string; trail: string } {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  return { lead: m?.[1] ?? '', core: m?.[2] ?? text, trail: m?.[3] ?? '' };
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Short text markers, so a status never depends on colour alone. */
export const LINK_MARK: Record<LinkKind | 'absent', string> = {
  identical: '=',
  reworded: '≈',
  changed: '≠',
  absent: '∅',
};

export const CELL_MARK = {
  verbatim: '●',
  reworded: '◐',
  changed: '▲',
  absent: '○',
} as const;

/** "v1.s3–v1.s4" style list of the sentences on the other side of a link. */
export function idList(ids: string[]): string {
  return ids.join(', ');
}
