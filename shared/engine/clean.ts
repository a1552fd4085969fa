// Boilerplate removal for plain text pasted from a web page. A paste carries
// the page around the article: crumbs, bylines, related links, widgets and
// footers. Each non-blank line is judged once, first on its own (chrome-rules.ts)
// and then in context: where it sits relative to the article's prose, what
// marker line precedes it, and whether it repeats. Removing real prose costs
// more than keeping some chrome, so context rules only ever remove lines that
// do not read as full sentences, or that sit in a footer the prose has left.
import { footerReason, isFooterMarker, isPitch, isListMarker, lineKey, lineReason, shapeOf } from './chrome-rules';
import type { Line, Shape } from './chrome-rules';
import { isSpaceCode } from './segment';
import type { RemovalReason, RemovedText, Span } from './types';

export interface CleanedText {
  title: string | null;
  titleSpan: Span | null;
  blocks: Span[];
  removed: RemovedText[];
}

interface Doc {
  lines: Line[];
  shapes: Shape[];
  reasons: (RemovalReason | null)[];
  /** Index of the title line, -1 when none. */
  title: number;
  /** A list the article introduces ("The measures include:"), intro and items: content, never link runs. */
  listItems: Set<number>;
}

function isBreak(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

/** Non-blank lines with trimmed spans; CR, LF, CRLF and Unicode separators all break lines. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let rawStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 10;
    if (!isBreak(code)) continue;
    let start = rawStart;
    let end = i;
    while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
    while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
    if (end > start) lines.push({ rawStart, start, end, text: text.slice(start, end) });
    // CRLF is one break: skip the LF so no phantom empty line starts between.
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    rawStart = i + 1;
  }
  return lines;
}

function undecided(doc: Doc, i: number): boolean {
  return doc.reasons[i] === null && i !== doc.title;
}

/** "Home Section Headline" where "Headline" is a later line: a breadcrumb trail. */
function markCrumbs(doc: Doc): void {
  const firstIndexOfKey = new Map<string, number>();
  doc.lines.forEach((line, i) => {
    if (line.text.length > 300) return;
    const key = lineKey(line.text);
    if (!firstIndexOfKey.has(key)) firstIndexOfKey.set(key, i);
  });
  doc.lines.forEach((line, i) => {
    const shape = doc.shapes[i]!;
    if (!undecided(doc, i) || line.text.length > 300 || shape.terminal) return;
    const words = lineKey(line.text).split(' ');
    for (let k = 1; k <= 4 && words.length - k >= 3; k++) {
      const target = firstIndexOfKey.get(words.slice(k).join(' '));
      if (target !== undefined && target > i) {
        doc.reasons[i] = 'navigation';
        return;
      }
    }
  });
}

/**
 * The first headline-like line before the article's prose starts. Lines of six
 * words or more win over shorter ones: a short line up there is more often a
 * site name or image alt text than the headline.
 */
function pickTitle(doc: Doc): number {
  let short = -1;
  for (let i = 0; i < doc.lines.length; i++) {
    if (doc.reasons[i] !== null) continue;
    const shape = doc.shapes[i]!;
    if (shape.headlineLike && shape.words >= 6 && shape.words <= 20) return i;
    if (shape.headlineLike && shape.words >= 4 && short < 0) short = i;
    if (shape.anchor) break;
  }
  return short;
}

/** Repeated headlines and repeated short fragments (a section name above every link). */
function markRepeats(doc: Doc): void {
  const counts = new Map<string, number>();
  const keys = doc.lines.map((line) => (line.text.length <= 300 ? lineKey(line.text) : ''));
  for (const key of keys) if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  const seenHeadlines = new Set<string>();
  if (doc.title >= 0) seenHeadlines.add(keys[doc.title]!);
  keys.forEach((key, i) => {
    const shape = doc.shapes[i]!;
    if (!key || !undecided(doc, i)) {
      if (key && shape.headlineLike) seenHeadlines.add(key);
      return;
    }
    if (shape.headlineLike && seenHeadlines.has(key)) doc.reasons[i] = 'duplicate-headline';
    else if (shape.words <= 3 && !shape.terminal && (counts.get(key) ?? 0) >= 2) {
      doc.reasons[i] = shape.nameLike ? 'byline' : 'short-fragment';
    }
    if (shape.headlineLike) seenHeadlines.add(key);
  });
}

function nextUndecided(doc: Doc, from: number): number {
  for (let j = from; j < doc.lines.length; j++) if (undecided(doc, j)) return j;
  return -1;
}

function firstAnchor(doc: Doc): number {
  for (let i = 0; i < doc.lines.length; i++) if (undecided(doc, i) && doc.shapes[i]!.anchor) return i;
  return -1;
}

/**
 * After a disclaimer, comment widget, tag list or author bio that follows the
 * prose, the rest is footer: taglines, and full sentences only when they pitch
 * to the reader. Two prose lines in a row mean the article resumed.
 */
function markFooter(doc: Doc): void {
  const first = firstAnchor(doc);
  if (first < 0) return;
  let inFooter = false;
  for (let j = first + 1; j < doc.lines.length; j++) {
    const text = doc.lines[j]!.text;
    if (isFooterMarker(text, doc.reasons[j] ?? null)) inFooter = true;
    if (!inFooter || !undecided(doc, j)) continue;
    const shape = doc.shapes[j]!;
    if (shape.anchor) {
      const next = nextUndecided(doc, j + 1);
      if (next >= 0 && doc.shapes[next]!.anchor) {
        inFooter = false;
        continue;
      }
      if (!isPitch(text)) continue;
    }
    doc.reasons[j] = footerReason(text, shape);
  }
}

/** Unpunctuated lines right after an article line ending in a colon are its list. */
function findListItems(doc: Doc): void {
  let inList = false;
  let intro = -1;
  doc.lines.forEach((line, i) => {
    const shape = doc.shapes[i]!;
    if (!undecided(doc, i)) {
      inList = false;
    } else if (inList && !shape.terminal && !shape.truncated && shape.words <= 25) {
      doc.listItems.add(intro);
      doc.listItems.add(i);
    } else {
      inList = line.text.endsWith(':') && shape.words >= 2 && !isListMarker(line.text);
      intro = i;
    }
  });
}

/** A title-case headline; with `questions`, also one ending in "?" or "!". */
function isLinkLike(shape: Shape, questions = false): boolean {
  return shape.headlineLike && shape.capRatio >= 0.6 && (questions || !shape.terminal);
}

/** Lines after "Related Articles", "Also read:" ... up to the next line of prose. */
function markListRuns(doc: Doc): void {
  let inRun = false;
  doc.lines.forEach((line, i) => {
    if (doc.reasons[i] !== null) {
      if (isListMarker(line.text)) inRun = true;
      return;
    }
    if (!inRun || i === doc.title) return;
    const shape = doc.shapes[i]!;
    // Prose ends the list; a title-case question is still a linked headline.
    if (shape.anchor && !isLinkLike(shape, true)) inRun = false;
    else doc.reasons[i] = 'related-links';
  });
}

/** Three or more title-case headlines in a row after the prose began: a link list. */
function markUnmarkedRuns(doc: Doc): void {
  const first = firstAnchor(doc);
  if (first < 0) return;
  let run: number[] = [];
  const flush = (): void => {
    if (run.length >= 3) for (const j of run) doc.reasons[j] = 'related-links';
    run = [];
  };
  for (let i = first + 1; i < doc.lines.length; i++) {
    if (!undecided(doc, i)) continue;
    if (isLinkLike(doc.shapes[i]!) && !doc.listItems.has(i)) run.push(i);
    else flush();
  }
  flush();
}

function edgeReason(shape: Shape, atTop: boolean): RemovalReason {
  if (shape.nameLike) return 'byline';
  if (!atTop && (shape.truncated || shape.headlineLike)) return 'related-links';
  return atTop && shape.words <= 3 ? 'navigation' : 'short-fragment';
}

/**
 * Before the first line of prose only the title and a long standfirst are
 * article text; after the last, only sentences are. Short unpunctuated lines
 * there are section names, bylines, link titles and teasers.
 */
function markEdges(doc: Doc): void {
  let first = -1;
  let last = -1;
  doc.shapes.forEach((shape, i) => {
    if (!undecided(doc, i) || !shape.anchor) return;
    if (first < 0) first = i;
    last = i;
  });
  if (first < 0) return;
  for (let i = 0; i < first; i++) {
    const shape = doc.shapes[i]!;
    const short = shape.words < 3 || (shape.words < 8 && !shape.terminal);
    if (undecided(doc, i) && short && !doc.listItems.has(i)) doc.reasons[i] = edgeReason(shape, true);
  }
  for (let i = last + 1; i < doc.lines.length; i++) {
    const shape = doc.shapes[i]!;
    if (undecided(doc, i) && !shape.terminal && !doc.listItems.has(i)) doc.reasons[i] = edgeReason(shape, false);
  }
}

/** Alt text above a caption, and a lone name that matches a byline or heads a bio. */
function markNeighbours(doc: Doc): void {
  const bylineKeys = new Set<string>();
  doc.lines.forEach((line, i) => {
    const reason = doc.reasons[i];
    if (reason === 'byline' && doc.shapes[i]!.nameLike) bylineKeys.add(lineKey(line.text));
    if (reason === 'author-bio') bylineKeys.add(lineKey(line.text.split(/\s+/, 3).slice(0, 2).join(' ')));
  });
  doc.lines.forEach((line, i) => {
    if (!undecided(doc, i)) return;
    const shape = doc.shapes[i]!;
    const next = doc.reasons[i + 1];
    if (next === 'image-credit' && !shape.terminal && shape.words <= 8) doc.reasons[i] = 'image-credit';
    else if (shape.nameLike && (bylineKeys.has(lineKey(line.text)) || next === 'author-bio')) doc.reasons[i] = 'byline';
  });
}

function overrideFor(line: Line, overrides: Record<number, boolean> | undefined): boolean | undefined {
  if (!overrides) return undefined;
  return overrides[line.start] ?? overrides[line.rawStart];
}

function assemble(doc: Doc, overrides: Record<number, boolean> | undefined): CleanedText {
  const result: CleanedText = { title: null, titleSpan: null, blocks: [], removed: [] };
  doc.lines.forEach((line, i) => {
    const choice = overrideFor(line, overrides);
    const reason = doc.reasons[i] ?? null;
    const span = { start: line.start, end: line.end };
    if (choice === false && reason === null) {
      result.removed.push({ ...span, text: line.text, reason: 'user-removed' });
    } else if (i === doc.title) {
      result.title = line.text;
      result.titleSpan = span;
    } else if (reason === null || choice === true) {
      result.blocks.push(span);
    } else {
      result.removed.push({ ...span, text: line.text, reason });
    }
  });
  return result;
}

/**
 * Split pasted page text into the title, the article's content lines and the
 * removed chrome, each with exact offsets into `text`. `overrides` maps a
 * line's start offset to the user's decision: true keeps a removed line,
 * false removes a kept one (the title included).
 */
export function cleanText(text: string, overrides?: Record<number, boolean>): CleanedText {
  const lines = splitLines(text);
  const shapes = lines.map((line) => shapeOf(line.text));
  const reasons = lines.map((line, i) => lineReason(line.text, shapes[i]!));
  const doc: Doc = { lines, shapes, reasons, title: -1, listItems: new Set() };
  markCrumbs(doc);
  doc.title = pickTitle(doc);
  markRepeats(doc);
  markFooter(doc);
  markNeighbours(doc);
  markListRuns(doc);
  findListItems(doc);
  markUnmarkedRuns(doc);
  markEdges(doc);
  return assemble(doc, overrides);
}
