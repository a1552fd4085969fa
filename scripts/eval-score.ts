// Scoring of one CompareResult against resolved gold labels. Pure functions so
// tests/unit/eval-score.test.ts can check them on hand-made results without
// running the engine.
//
// Version i of the result is gold version i: eval.ts passes the inputs to
// compare() in the gold file's order.
import type { CompareResult, FactRow, Sentence, Span } from '../shared/engine/types';
import { pairKey } from './eval-gold';
import type { Gold, GoldDoc, GoldFact } from './eval-gold';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function add(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

/** Precision, recall and F1; an empty side scores 1 (nothing asked, nothing wrong). */
export function prf(c: Counts): Prf {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export interface Ratio {
  hit: number;
  total: number;
}

export interface StoryScore {
  alignment: Counts;
  /** (fact, version) attributions of gold number/date facts. */
  facts: Counts;
  /** Gold facts with a changed value: flagged (tp), missed (fn); agreeing facts flagged anyway (fp). */
  conflicts: Counts;
  /** Chrome lines: removed (tp), kept (fn); content lines removed (fp). */
  chrome: Counts;
  contentKept: Ratio;
  /** Predicted pairs involving a title or neutral line: neither right nor wrong. */
  ignoredPairs: number;
  /** Human-readable misses, for --verbose. */
  notes: string[];
}

const overlap = (a: Span, b: Span): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Non-whitespace characters of `span` covered by any of `cover`. */
function coverage(text: string, span: Span, cover: Span[]): number {
  let total = 0;
  let covered = 0;
  for (let i = span.start; i < span.end; i++) {
    if (/\s/.test(text[i] ?? ' ')) continue;
    total++;
    if (cover.some((c) => c.start <= i && i < c.end)) covered++;
  }
  return total === 0 ? 1 : covered / total;
}

const snippet = (doc: GoldDoc, s: Span): string => {
  const t = doc.text.slice(s.start, s.end).replace(/\s+/g, ' ');
  return t.length > 70 ? `${t.slice(0, 67)}...` : t;
};

/**
 * The gold unit a predicted sentence stands for: the content sentence it
 * overlaps most, or 'chrome' / 'neutral' (title, subhead) when such a line wins.
 */
export function mapSentence(doc: GoldDoc, s: Span): number | 'neutral' | 'chrome' | null {
  let best: number | 'neutral' | 'chrome' | null = null;
  let bestOverlap = 0;
  doc.sentences.forEach((g, i) => {
    const o = overlap(g, s);
    if (o > bestOverlap) [best, bestOverlap] = [i, o];
  });
  for (const line of doc.lines) {
    if (line.kind === 'content') continue;
    const o = overlap(line, s);
    if (o > bestOverlap) [best, bestOverlap] = [line.kind === 'chrome' ? 'chrome' : 'neutral', o];
  }
  return best;
}

function sentenceIndex(result: CompareResult): { byId: Map<string, Sentence>; versionOf: Map<string, number> } {
  const byId = new Map<string, Sentence>();
  const versionOf = new Map<string, number>();
  result.versions.forEach((v, i) => {
    versionOf.set(v.id, i);
    for (const s of v.sentences) byId.set(s.id, s);
  });
  return { byId, versionOf };
}

/** Sentence-pair alignment: predicted link pairs against gold cluster pairs. */
export function scoreAlignment(result: CompareResult, gold: Gold): Pick<StoryScore, 'alignment' | 'ignoredPairs' | 'notes'> {
  const { byId, versionOf } = sentenceIndex(result);
  const predicted = new Set<string>();
  const notes: string[] = [];
  let ignoredPairs = 0;
  for (const pair of result.pairs) {
    const va = versionOf.get(pair.a);
    const vb = versionOf.get(pair.b);
    if (va === undefined || vb === undefined || va === vb) continue;
    for (const link of pair.links) {
      for (const x of link.a) {
        for (const y of link.b) {
          const sx = byId.get(x);
          const sy = byId.get(y);
          const gx = sx ? mapSentence(gold.docs[va] as GoldDoc, sx) : null;
          const gy = sy ? mapSentence(gold.docs[vb] as GoldDoc, sy) : null;
          if (gx === 'neutral' || gy === 'neutral') ignoredPairs++;
          else if (typeof gx === 'number' && typeof gy === 'number') predicted.add(pairKey(va, gx, vb, gy));
          else predicted.add(`chrome:${x}|${y}`);
        }
      }
    }
  }
  const counts = zero();
  const describe = (key: string): string =>
    key.split('|').map((side) => {
      const [v, s] = side.split(':').map(Number);
      const doc = gold.docs[v ?? -1];
      const span = doc?.sentences[s ?? -1];
      return doc && span ? `${doc.file}#${(s ?? 0) + 1} "${snippet(doc, span)}"` : side;
    }).join('  <->  ');
  for (const key of predicted) {
    if (gold.pairs.has(key)) counts.tp++;
    else {
      counts.fp++;
      notes.push(`align FP: ${describe(key)}`);
    }
  }
  for (const key of gold.pairs) {
    if (predicted.has(key)) continue;
    counts.fn++;
    notes.push(`align FN: ${describe(key)}`);
  }
  return { alignment: counts, ignoredPairs, notes };
}

const digits = (text: string): string[] => (text.match(/\d[\d,.]*\d|\d/g) ?? []).map((d) => d.replace(/,/g, ''));

/**
 * Does a fact cell of `row` in this version point at the gold mention? When
 * the cell's wording sits outside the gold content (the headline, a subhead),
 * it still counts if it states the same digits as the mention: the version
 * does report the value, the cell just quotes it from elsewhere.
 */
export function cellHits(row: FactRow, versionId: string, byId: Map<string, Sentence>, mention: Span, doc?: GoldDoc): boolean {
  const cell = row.cells[versionId];
  if (!cell || cell.status === 'absent') return false;
  const sentences = cell.sentences.map((id) => byId.get(id)).filter((s): s is Sentence => s !== undefined);
  const text = cell.text;
  if (!text) return sentences.some((s) => overlap(s, mention) > 0);
  // The cell's wording found at the mention's position in one of its sentences.
  const verbatim = sentences.filter((s) => s.text.includes(text));
  if (verbatim.length > 0) {
    const wanted = doc ? digits(doc.text.slice(mention.start, mention.end)) : [];
    const sameDigits = wanted.length > 0 && digits(text).some((d) => wanted.includes(d));
    return verbatim.some((s) => {
      for (let at = s.text.indexOf(text); at >= 0; at = s.text.indexOf(text, at + 1)) {
        const span = { start: s.start + at, end: s.start + at + text.length };
        if (overlap(span, mention) > 0) return true;
        if (sameDigits && doc && !doc.sentences.some((g) => overlap(g, span) > 0)) return true;
      }
      return false;
    });
  }
  // The engine reworded the cell text: fall back on an extracted fact of the row's kind at the mention.
  return sentences.some((s) => s.facts.some((f) => f.kind === row.kind && overlap(f, mention) > 0));
}

/** The row a gold fact landed in: the one whose cells hit most of its mentions. */
export function bestRow(result: CompareResult, fact: GoldFact, byId: Map<string, Sentence>, docs: GoldDoc[] = []): FactRow | null {
  let best: FactRow | null = null;
  let bestHits = 0;
  let bestExtra = Infinity;
  for (const row of result.facts) {
    if (row.kind !== fact.kind) continue;
    let hits = 0;
    let extra = 0;
    result.versions.forEach((v, i) => {
      const m = fact.mentions.get(i);
      if (m && cellHits(row, v.id, byId, m, docs[i])) hits++;
      else if (row.cells[v.id] && row.cells[v.id]?.status !== 'absent' && m?.status !== 'vague') extra++;
    });
    if (hits > bestHits || (hits === bestHits && hits > 0 && extra < bestExtra)) [best, bestHits, bestExtra] = [row, hits, extra];
  }
  return best;
}

/** Number/date facts: each (fact, version) attribution, and conflict flags for changed values. */
export function scoreFacts(result: CompareResult, gold: Gold): Pick<StoryScore, 'facts' | 'conflicts' | 'notes'> {
  const { byId } = sentenceIndex(result);
  const facts = zero();
  const conflicts = zero();
  const notes: string[] = [];
  for (const fact of gold.facts) {
    const row = bestRow(result, fact, byId, gold.docs);
    result.versions.forEach((v, i) => {
      const m = fact.mentions.get(i);
      if (m?.status === 'vague') return;
      const cell = row?.cells[v.id];
      const present = cell !== undefined && cell.status !== 'absent';
      const file = gold.docs[i]?.file ?? v.id;
      if (m && row && cellHits(row, v.id, byId, m, gold.docs[i])) facts.tp++;
      else {
        if (m) {
          facts.fn++;
          notes.push(`fact FN: "${fact.label}" in ${file}${row ? '' : ' (no row)'}`);
        }
        if (present) {
          facts.fp++;
          notes.push(`fact FP: "${fact.label}" row claims ${file} ("${cell?.text ?? ''}")`);
        }
      }
    });
    // A conflict says version x disagrees with y when x reports value a but
    // not b and y reports b but not a (engines may list a version under
    // several values). Right if one of them changed the value, wrong if the
    // gold has them agree.
    const idOf = (i: number): string => result.versions[i]?.id ?? '';
    const same = [...fact.mentions].filter(([, m]) => m.status === 'same').map(([i]) => idOf(i));
    const changed = [...fact.mentions].filter(([, m]) => m.status === 'changed').map(([i]) => idOf(i));
    const separates = (xs: string[], ys: string[]): boolean =>
      (row?.conflicts ?? []).some((c) =>
        c.values.some((a) => c.values.some((b) => {
          const only = (v: { versions: string[] }, w: { versions: string[] }) => (x: string) => v.versions.includes(x) && !w.versions.includes(x);
          return a !== b && xs.some((x) => only(a, b)(x) && ys.some((y) => y !== x && only(b, a)(y)));
        })));
    if (changed.length > 0) {
      if (separates(same, changed)) conflicts.tp++;
      else {
        conflicts.fn++;
        notes.push(`conflict FN: "${fact.label}" changed value not flagged`);
      }
    }
    if (separates(same, same)) {
      conflicts.fp++;
      notes.push(`conflict FP: "${fact.label}" agreeing versions flagged as conflicting`);
    }
  }
  return { facts, conflicts, notes };
}

/** Chrome removal (recall, precision over lines) and content sentences kept. */
export function scoreBoilerplate(result: CompareResult, gold: Gold): Pick<StoryScore, 'chrome' | 'contentKept' | 'notes'> {
  const chrome = zero();
  const contentKept: Ratio = { hit: 0, total: 0 };
  const notes: string[] = [];
  const fold = (t: string): string => t.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  gold.docs.forEach((doc, i) => {
    const version = result.versions[i];
    const removed: Span[] = version?.removed ?? [];
    const kept: Span[] = version?.sentences ?? [];
    const title = version?.title ? fold(version.title) : null;
    for (const line of doc.lines) {
      // Half the line's characters: a cleaner may leave a stray bullet or keep a dateline.
      const isRemoved = coverage(doc.text, line, removed) >= 0.5;
      const text = doc.text.slice(line.start, line.end);
      if (line.kind === 'chrome') {
        if (isRemoved || (title !== null && fold(text) === title)) chrome.tp++;
        else {
          chrome.fn++;
          notes.push(`chrome kept: ${doc.file}:${line.line} "${snippet(doc, line)}"`);
        }
      } else if (line.kind === 'content' && isRemoved) {
        chrome.fp++;
        notes.push(`content removed: ${doc.file}:${line.line} "${snippet(doc, line)}"`);
      }
    }
    for (const s of doc.sentences) {
      contentKept.total++;
      // 90% of the characters: tolerates a stripped dateline or section label.
      if (coverage(doc.text, s, kept) >= 0.9) contentKept.hit++;
      else notes.push(`content lost: ${doc.file} "${snippet(doc, s)}"`);
    }
  });
  return { chrome, contentKept, notes };
}

export function scoreStory(result: CompareResult, gold: Gold): StoryScore {
  if (result.versions.length !== gold.docs.length) {
    throw new Error(`${gold.name}: result has ${result.versions.length} versions, gold ${gold.docs.length}`);
  }
  const a = scoreAlignment(result, gold);
  const f = scoreFacts(result, gold);
  const b = scoreBoilerplate(result, gold);
  return {
    alignment: a.alignment,
    ignoredPairs: a.ignoredPairs,
    facts: f.facts,
    conflicts: f.conflicts,
    chrome: b.chrome,
    contentKept: b.contentKept,
    notes: [...b.notes, ...a.notes, ...f.notes],
  };
}

/** Micro-average: sums the counts of several stories. */
export function sumScores(scores: StoryScore[]): StoryScore {
  return scores.reduce<StoryScore>(
    (acc, s) => ({
      alignment: add(acc.alignment, s.alignment),
      facts: add(acc.facts, s.facts),
      conflicts: add(acc.conflicts, s.conflicts),
      chrome: add(acc.chrome, s.chrome),
      contentKept: { hit: acc.contentKept.hit + s.contentKept.hit, total: acc.contentKept.total + s.contentKept.total },
      ignoredPairs: acc.ignoredPairs + s.ignoredPairs,
      notes: [],
    }),
    { alignment: zero(), facts: zero(), conflicts: zero(), chrome: zero(), contentKept: { hit: 0, total: 0 }, ignoredPairs: 0, notes: [] },
  );
}
