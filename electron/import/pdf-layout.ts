// Rebuilds article text from positioned PDF text runs. A PDF has no
// paragraphs, only glyph runs at coordinates: runs on one baseline become a
// line, lines become paragraphs where the spacing, indentation, font size or a
// short sentence-final line says a new one starts, line-end hyphens are
// undone, and running headers, footers and page numbers are set aside.
// Pure: pdf.ts feeds it what pdf.js reports.
import type { CutBlock } from './document';

export interface PdfItem {
  str: string;
  /** Baseline origin in PDF user space (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size in user-space units. */
  size: number;
  hasEOL: boolean;
}

export interface PdfLine {
  text: string;
  x: number;
  endX: number;
  y: number;
  size: number;
}

export interface PdfLayout {
  text: string;
  cut: CutBlock[];
}

/** Runs in content-stream order joined into lines; order (not y-sorting) keeps columns apart. */
export function linesOf(items: readonly PdfItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfLine | null = null;
  for (const item of items) {
    if (item.str === '') {
      if (item.hasEOL) current = null;
      continue;
    }
    const size = Math.max(item.size, 1);
    const sameLine =
      current !== null &&
      Math.abs(item.y - current.y) <= 0.5 * Math.max(current.size, size) &&
      // Composed glyphs (TeX draws "©" as a circle over a "c") step back a
      // little; a new line or column steps back much further.
      item.x >= current.endX - 2 * Math.max(current.size, size);
    if (!sameLine || current === null) {
      current = { text: item.str, x: item.x, endX: item.x + item.width, y: item.y, size };
      lines.push(current);
    } else {
      // Many generators position words instead of emitting spaces.
      const gap = item.x - current.endX;
      if (gap > 0.2 * size && !/\s$/.test(current.text) && !/^\s/.test(item.str)) current.text += ' ';
      current.text += item.str;
      current.endX = Math.max(current.endX, item.x + item.width);
      current.size = Math.max(current.size, size);
    }
    if (item.hasEOL) current = null;
  }
  for (const line of lines) line.text = line.text.replace(/\s+/g, ' ').trim();
  return lines.filter((line) => line.text !== '');
}

// "12", "- 12 -", "Page 3 of 9", "iv": a well-formed roman numeral only, so a
// lone word made of the letters i, v, x, l, c ("civil") is not taken for one.
const ROMAN = '(?=[ivxlc])c{0,3}(?:x[cl]|l?x{0,3})(?:i[xv]|v?i{0,3})';
const PAGE_NUMBER = new RegExp(`^(?:(?:page|p\\.|seite|página|pagina)\\s*)?[-–—]?\\s*(?:\\d{1,4}|${ROMAN})\\s*[-–—]?(?:\\s*(?:of|/|von|de|sur)\\s*\\d{1,4})?$`, 'i');
// Lines nearest the top and bottom edges are where running heads live.
const EDGE_LINES = 2;

const runningKey = (text: string): string => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/**
 * Removes running headers/footers and page numbers. Each page is peeled from
 * the top and from the bottom, at most EDGE_LINES deep, while the edge line is
 * a page number or repeats (digits aside) at the page edges of enough pages;
 * the first line that is neither stops the peeling, so body text further in
 * is never touched.
 */
export function dropRunningLines(pages: readonly PdfLine[][]): { pages: PdfLine[][]; cut: CutBlock[] } {
  const sides = pages.map((lines) => {
    const byHeight = [...lines].sort((a, b) => b.y - a.y);
    return { top: byHeight.slice(0, EDGE_LINES), bottom: byHeight.slice(-EDGE_LINES).reverse() };
  });
  const pagesWithKey = new Map<string, number>();
  for (const { top, bottom } of sides) {
    for (const key of new Set([...top, ...bottom].map((line) => runningKey(line.text)))) pagesWithKey.set(key, (pagesWithKey.get(key) ?? 0) + 1);
  }
  // Half the pages for a short article; in a long report, chapter-specific
  // heads ("Chapter 4: Results   12") repeat on fewer, so three is enough.
  const threshold = Math.max(2, Math.min(3, Math.ceil(pages.length / 2)));
  const cutByKey = new Map<string, CutBlock>();
  const numbers: string[] = [];
  const dropped = new Set<PdfLine>();

  const peel = (edge: PdfLine[], reason: 'page-header' | 'page-footer'): void => {
    for (const line of edge) {
      if (dropped.has(line)) continue;
      const key = runningKey(line.text);
      if (PAGE_NUMBER.test(line.text)) numbers.push(line.text);
      else if ((pagesWithKey.get(key) ?? 0) >= threshold) {
        if (!cutByKey.has(key)) cutByKey.set(key, { text: line.text, reason });
      } else return;
      dropped.add(line);
    }
  };
  for (const { top, bottom } of sides) {
    peel(top, 'page-header');
    peel(bottom, 'page-footer');
  }
  const cut = [...cutByKey.values()];
  if (numbers.length > 0) cut.push({ text: numbers.join('\n'), reason: 'page-number' });
  return { pages: pages.map((lines) => lines.filter((line) => !dropped.has(line))), cut };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const SENTENCE_END = /[.!?:;"”’)\]]$/;
// "• item", "– item", "3. item", "(b) item": each starts a paragraph of its own,
// and its wrapped lines hang indented under the text, not the marker.
const LIST_MARKER = /^(?:[•◦▪‣·●○■□–—*-]|\(?(?:\d{1,3}|[a-z])[.)])\s/;
const CONTINUES = /[-\u00AD\u2010]$|[^.!?:;"”’)\]]$/;

/** Lines grouped into paragraphs; a paragraph may continue across a page break. */
export function paragraphsOf(pages: readonly PdfLine[][]): PdfLine[][] {
  // Normal line spacing as a multiple of font size, from the whole document.
  const ratios: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const d = lines[i - 1]!.y - lines[i]!.y;
      if (d > 0 && Math.abs(lines[i]!.size - lines[i - 1]!.size) < 0.5) ratios.push(d / lines[i - 1]!.size);
    }
  }
  const spacing = median(ratios) ?? 1.2;

  const paragraphs: PdfLine[][] = [];
  let current: PdfLine[] = [];
  for (const lines of pages) {
    const left = Math.min(...lines.map((line) => line.x));
    const right = Math.max(...lines.map((line) => line.endX));
    lines.forEach((line, i) => {
      const prev = i > 0 ? lines[i - 1]! : (current[current.length - 1] ?? null);
      const startsNew = prev === null || (i === 0 ? !continuesOverPage(prev, line) : breaksBetween(prev, line, spacing, left, right));
      if (startsNew && current.length > 0) {
        paragraphs.push(current);
        current = [];
      }
      current.push(line);
    });
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

function continuesOverPage(prev: PdfLine, line: PdfLine): boolean {
  return CONTINUES.test(prev.text) && /^\p{Ll}/u.test(line.text) && Math.abs(prev.size - line.size) < 0.5;
}

function breaksBetween(prev: PdfLine, line: PdfLine, spacing: number, left: number, right: number): boolean {
  const size = Math.max(prev.size, line.size);
  if (Math.abs(prev.size - line.size) > 0.15 * size) return true;
  const drop = prev.y - line.y;
  // Text jumping back up the page is the next column: the paragraph goes on.
  if (drop < 0) return false;
  if (drop > spacing * prev.size * 1.4) return true;
  if (LIST_MARKER.test(line.text)) return true;
  if (line.x - prev.x > 0.8 * line.size && !LIST_MARKER.test(prev.text)) return true;
  const shortfall = right - prev.endX;
  return SENTENCE_END.test(prev.text) && shortfall > Math.max(8 * size, 0.15 * (right - left));
}

/** Joins a paragraph's lines, undoing line-end hyphenation unless the document spells the word with a hyphen elsewhere. */
export function joinLines(lines: readonly PdfLine[], hyphenated: ReadonlySet<string>): string {
  let text = '';
  for (const line of lines) {
    if (text === '') {
      text = line.text;
      continue;
    }
    if (text.endsWith('\u00AD')) {
      text = text.slice(0, -1) + line.text;
      continue;
    }
    const left = /(\p{L}+)[-\u2010]$/u.exec(text);
    const right = /^\p{Ll}+/u.exec(line.text);
    if (left && right) {
      const keep = hyphenated.has(`${left[1]}-${right[0]}`.toLowerCase());
      text = (keep ? text : text.slice(0, -1)) + line.text;
      continue;
    }
    text += ` ${line.text}`;
  }
  return text;
}

export function layoutPdf(pageItems: readonly PdfItem[][]): PdfLayout {
  const { pages, cut } = dropRunningLines(pageItems.map((items) => linesOf(items)));
  const hyphenated = new Set<string>();
  for (const lines of pages) for (const line of lines) for (const word of line.text.matchAll(/\p{L}+-\p{L}+/gu)) hyphenated.add(word[0].toLowerCase());
  const text = paragraphsOf(pages.filter((lines) => lines.length > 0))
    .map((lines) => joinLines(lines, hyphenated))
    .join('\n\n');
  return { text, cut };
}
