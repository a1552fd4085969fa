// Gold labels for the evaluation: the on-disk format (documented in
// tests/fixtures/README.md) and its resolution into character spans.
//
// Gold sentences come from a small reference splitter below, not from the
// engine: the gold must not move when the engine's segmenter changes. The
// splitter is deliberately simple and predictable so fixture authors can check
// it with `node dist/eval.js --dump`.
import { createHash } from 'node:crypto';

/** A line: its exact trimmed text (every line with that text), or its 1-based line number. */
export type LineRef = string | number;
/** A sentence: a substring unique in the version, or a character offset inside the sentence. */
export type SentenceRef = string | number;
/** A fact mention: a substring unique in the version, or [start, end] offsets. */
export type MentionRef = string | [number, number];

export interface GoldFactFile {
  kind: 'number' | 'date';
  note?: string;
  /** Versions that report the fact's (first) value. */
  versions: Record<string, MentionRef>;
  /** Versions that report the same fact with a different value. */
  changed?: Record<string, MentionRef>;
  /** Versions that refer to it too vaguely to require or forbid ("this week" for "Wednesday"). */
  vague?: Record<string, MentionRef>;
}

export interface GoldFile {
  about?: string;
  /** Directory of the version files relative to the repository root; default: the gold file's folder. */
  root?: string;
  versions: string[];
  /** Leading hex digits of each file's SHA-256, so offsets cannot silently point into an edited file. */
  sha256?: Record<string, string>;
  title?: Record<string, LineRef[]>;
  /** Lines that are neither chrome nor content: section subheads, standfirsts. */
  neutral?: Record<string, LineRef[]>;
  boilerplate?: Record<string, LineRef[]>;
  /** Each cluster maps versions to the sentences that say the same thing; "note" is a free comment. */
  clusters: Record<string, SentenceRef[] | string>[];
  facts?: GoldFactFile[];
}

export interface Span {
  start: number;
  end: number;
}

export type LineKind = 'content' | 'chrome' | 'title' | 'neutral';

export interface GoldLine extends Span {
  /** 1-based line number. */
  line: number;
  kind: LineKind;
}

export interface GoldDoc {
  file: string;
  text: string;
  /** Non-blank lines, trimmed spans. */
  lines: GoldLine[];
  /** Content sentences in text order; their index is the sentence's gold id. */
  sentences: Span[];
}

export type MentionStatus = 'same' | 'changed' | 'vague';

export interface GoldMention extends Span {
  status: MentionStatus;
}

export interface GoldFact {
  kind: 'number' | 'date';
  label: string;
  /** By version index. */
  mentions: Map<number, GoldMention>;
}

export interface Gold {
  name: string;
  docs: GoldDoc[];
  /** Keys from pairKey(): every gold-aligned sentence pair across versions. */
  pairs: Set<string>;
  facts: GoldFact[];
}

/** Canonical key of a sentence pair; the lower version index goes first. */
export function pairKey(docA: number, sentA: number, docB: number, sentB: number): string {
  return docA < docB ? `${docA}:${sentA}|${docB}:${sentB}` : `${docB}:${sentB}|${docA}:${sentA}`;
}

export function shortHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);
}

// Tokens whose final period does not end a sentence. Dotted initials ("U.S.",
// "p.m.", "J.") are handled by pattern; fixtures avoid ending a sentence on one.
const ABBREVIATIONS = new Set(
  ('mr mrs ms dr prof st jr sr gen gov sen rep lt col capt sgt inc ltd co corp vs etc approx ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec').split(' '),
);

// Sentence-final punctuation, closing quotes/brackets, then whitespace and an
// upper-case letter, digit or opening quote: the only places a sentence ends.
const BOUNDARY = /[.!?]+["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\p{N}])/gu;

/** Splits one line (given as text plus its offset) into trimmed sentence spans. */
export function splitSentences(line: string, offset: number): Span[] {
  const cuts: number[] = [];
  for (const m of line.matchAll(BOUNDARY)) {
    const end = m.index + m[0].length;
    const token = /\S*$/.exec(line.slice(0, m.index + 1))?.[0] ?? '';
    // Only a single period can belong to an abbreviation; "?", "!" and "..." always end.
    if (/^\.(?!\.)/.test(m[0])) {
      const bare = token.replace(/^["'“‘(]+/, '');
      if (/^(?:\p{L}\.)+$/u.test(bare)) continue;
      if (ABBREVIATIONS.has(bare.slice(0, -1).toLowerCase())) continue;
      // "No. 5" numbers something; "said no. Then" ends a sentence.
      if (/^nos?\.$/i.test(bare) && /^\s+\d/.test(line.slice(end))) continue;
      // A list marker ("1. Find the serial number") opens a sentence, it does not end one.
      if (/^\d{1,2}\.$/.test(token) && line.slice(0, m.index + 1).trim() === token) continue;
    }
    cuts.push(end);
  }
  const spans: Span[] = [];
  let from = 0;
  for (const cut of [...cuts, line.length]) {
    const piece = line.slice(from, cut);
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    if (trimmed) spans.push({ start: offset + from + lead, end: offset + from + lead + trimmed.length });
    from = cut;
  }
  return spans;
}

/** Non-blank lines of a text with trimmed spans and 1-based numbers. */
export function splitLines(text: string): { line: number; start: number; end: number; text: string }[] {
  const out: { line: number; start: number; end: number; text: string }[] = [];
  let start = 0;
  let number = 1;
  for (const m of text.matchAll(/\r?\n|$/g)) {
    const raw = text.slice(start, m.index);
    const trimmed = raw.trim();
    if (trimmed) {
      const lead = raw.length - raw.trimStart().length;
      out.push({ line: number, start: start + lead, end: start + lead + trimmed.length, text: trimmed });
    }
    if (m[0] === '') break;
    start = m.index + m[0].length;
    number++;
  }
  return out;
}

export interface LineLabels {
  title: LineRef[];
  neutral: LineRef[];
  chrome: LineRef[];
}

/** Builds one version's lines and sentences from its line labels; unlabelled lines are content. */
export function buildDoc(file: string, text: string, labels: LineLabels, problems: string[]): GoldDoc {
  const lines = splitLines(text);
  const matches = (ref: LineRef, l: { line: number; text: string }): boolean =>
    typeof ref === 'number' ? ref === l.line : ref.trim() === l.text;
  for (const ref of [...labels.title, ...labels.neutral, ...labels.chrome]) {
    if (!lines.some((l) => matches(ref, l))) problems.push(`${file}: line ${JSON.stringify(ref)} not found (or blank)`);
  }
  const doc: GoldDoc = { file, text, lines: [], sentences: [] };
  const order: [LineKind, LineRef[]][] = [['title', labels.title], ['neutral', labels.neutral], ['chrome', labels.chrome]];
  for (const l of lines) {
    const kind = order.find(([, refs]) => refs.some((r) => matches(r, l)))?.[0] ?? 'content';
    doc.lines.push({ line: l.line, start: l.start, end: l.end, kind });
    if (kind === 'content') doc.sentences.push(...splitSentences(l.text, l.start));
  }
  return doc;
}

/** Offset of a substring that must occur exactly once, or -1 with a problem noted. */
function uniqueIndex(doc: GoldDoc, needle: string, problems: string[]): number {
  const at = doc.text.indexOf(needle);
  if (at < 0) problems.push(`${doc.file}: ${JSON.stringify(needle)} not found`);
  else if (doc.text.indexOf(needle, at + 1) >= 0) problems.push(`${doc.file}: ${JSON.stringify(needle)} is not unique`);
  else return at;
  return -1;
}

/** Index of the content sentence a reference points into, or -1. */
export function resolveSentence(doc: GoldDoc, ref: SentenceRef, problems: string[]): number {
  const start = typeof ref === 'number' ? ref : uniqueIndex(doc, ref, problems);
  if (start < 0) return -1;
  const end = typeof ref === 'number' ? ref + 1 : start + ref.length;
  const index = doc.sentences.findIndex((s) => s.start <= start && end <= s.end);
  if (index < 0) problems.push(`${doc.file}: ${JSON.stringify(ref)} is not inside one content sentence`);
  return index;
}

function resolveMention(doc: GoldDoc, ref: MentionRef, status: MentionStatus, problems: string[]): GoldMention | null {
  const start = typeof ref === 'string' ? uniqueIndex(doc, ref, problems) : ref[0];
  if (start < 0) return null;
  const end = typeof ref === 'string' ? start + ref.length : ref[1];
  if (!doc.sentences.some((s) => s.start <= start && end <= s.end)) {
    problems.push(`${doc.file}: fact mention ${JSON.stringify(ref)} is not inside one content sentence`);
    return null;
  }
  return { start, end, status };
}

/**
 * Resolves a gold file against the version texts. Throws one error listing
 * every problem, so a fixture author fixes them all in one pass.
 */
export function resolveGold(name: string, gold: GoldFile, readText: (file: string) => string): Gold {
  const problems: string[] = [];
  const index = new Map(gold.versions.map((file, i) => [file, i]));
  const known = (file: string, where: string): boolean => {
    if (!index.has(file)) problems.push(`${where}: unknown version ${file}`);
    return index.has(file);
  };
  for (const section of [gold.title, gold.neutral, gold.boilerplate, gold.sha256]) {
    for (const file of Object.keys(section ?? {})) known(file, 'labels');
  }
  const docs = gold.versions.map((file) => {
    const text = readText(file).replace(/^\uFEFF/, '');
    const expected = gold.sha256?.[file];
    if (expected && shortHash(text).slice(0, expected.length) !== expected) {
      problems.push(`${file}: content hash differs from the labelled file; offsets would be wrong`);
    }
    const labels = { title: gold.title?.[file] ?? [], neutral: gold.neutral?.[file] ?? [], chrome: gold.boilerplate?.[file] ?? [] };
    return buildDoc(file, text, labels, problems);
  });

  const pairs = new Set<string>();
  gold.clusters.forEach((cluster, c) => {
    const members: [number, number][] = [];
    for (const [file, refs] of Object.entries(cluster)) {
      if (file === 'note' || typeof refs === 'string' || !known(file, `cluster ${c + 1}`)) continue;
      const v = index.get(file) ?? 0;
      for (const ref of refs) {
        const s = resolveSentence(docs[v] as GoldDoc, ref, problems);
        if (s >= 0) members.push([v, s]);
      }
    }
    if (new Set(members.map(([v]) => v)).size < 2) problems.push(`cluster ${c + 1}: needs sentences from two versions`);
    for (const [va, sa] of members) {
      for (const [vb, sb] of members) if (va < vb) pairs.add(pairKey(va, sa, vb, sb));
    }
  });

  const facts: GoldFact[] = (gold.facts ?? []).map((f, n) => {
    const mentions = new Map<number, GoldMention>();
    const groups: [MentionStatus, Record<string, MentionRef> | undefined][] = [
      ['same', f.versions], ['changed', f.changed], ['vague', f.vague],
    ];
    for (const [status, group] of groups) {
      for (const [file, ref] of Object.entries(group ?? {})) {
        if (!known(file, `fact ${n + 1}`)) continue;
        const v = index.get(file) ?? 0;
        if (mentions.has(v)) problems.push(`fact ${n + 1}: ${file} is listed twice`);
        const m = resolveMention(docs[v] as GoldDoc, ref, status, problems);
        if (m) mentions.set(v, m);
      }
    }
    const first = Object.values(f.versions)[0];
    const label = f.note ?? (typeof first === 'string' ? first : `fact ${n + 1}`);
    return { kind: f.kind, label, mentions };
  });

  if (problems.length > 0) throw new Error(`gold ${name}:\n  ${problems.join('\n  ')}`);
  return { name, docs, pairs, facts };
}
