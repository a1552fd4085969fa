// Quote facts: text in double quotes (straight, curly, « »), or in curly
// single quotes as British outlets write them, with the speaker when a
// reporting verb in the sentence names one. Short scare quotes count too:
// which outlet quoted which words is itself a fact.
import type { Fact, Span } from '../types';
import type { Context } from './tokens';
import type { LocalFact } from './fact';
import { localFact } from './fact';
import { foldForMatch } from '../normalise';

type Mark = 'open' | 'close' | 'either' | null;

/** Direction of a double-quote character at i, from the character itself or its neighbours. */
function doubleMark(text: string, i: number): Mark {
  const ch = text[i];
  if (ch === '\u201C' || ch === '\u201E' || ch === '\u201F' || ch === '\u00AB') return 'open';
  if (ch === '\u201D' || ch === '\u00BB') return 'close';
  if (ch !== '"') return null;
  const prev = text[i - 1] ?? ' ';
  const next = text[i + 1] ?? ' ';
  // 5'10" or 27" screens: an inch mark, not a quote.
  if (/\d/.test(prev)) return null;
  const spaceBefore = /[\s([{\u2014/:-]/.test(prev);
  const spaceAfter = /\s/.test(next);
  if (spaceBefore && !spaceAfter) return 'open';
  if (!spaceBefore) return 'close';
  return 'either';
}

/** Curly single quotes: "‘" opens after a non-letter; "’" closes before a non-letter (else it is an apostrophe). */
function singleMark(text: string, i: number): Mark {
  const ch = text[i];
  if (ch === '\u2018') return /[\p{L}\p{N}]/u.test(text[i - 1] ?? ' ') ? null : 'open';
  if (ch === '\u2019') return /[\p{L}\p{N}]/u.test(text[i + 1] ?? ' ') || /\s/.test(text[i - 1] ?? ' ') ? null : 'close';
  return null;
}

const hasWords = (s: string, n: number): boolean => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length >= n;

/**
 * Pairs quote marks into spans. A quote left open runs to the sentence end
 * and a close with no opener runs from the sentence start: quotations that
 * span sentences are split by the segmenter, and both halves are quotes.
 */
function pairMarks(text: string, candidates: RegExp, markAt: (text: string, i: number) => Mark, orphans: boolean): Span[] {
  const spans: Span[] = [];
  let pending = -1;
  let seen = false;
  for (const found of text.matchAll(candidates)) {
    const i = found.index;
    const mark = markAt(text, i);
    if (!mark) continue;
    const closes = mark === 'close' || (mark === 'either' && pending >= 0);
    if (!closes) {
      if (pending < 0) pending = i;
    } else if (pending >= 0) {
      spans.push({ start: pending, end: i + 1 });
      pending = -1;
    } else if (orphans && !seen) {
      const start = text.length - text.trimStart().length;
      if (hasWords(text.slice(start, i), 3)) spans.push({ start, end: i + 1 });
    }
    seen = true;
  }
  if (pending >= 0 && orphans) {
    const end = text.trimEnd().length;
    if (hasWords(text.slice(pending, end), 3)) spans.push({ start: pending, end });
  }
  return spans.filter((s) => hasWords(text.slice(s.start, s.end), 1));
}

/** The quoted words, normalised: folded, spaces collapsed, edge punctuation dropped. */
function quoteKey(inner: string): string {
  return foldForMatch(inner)
    .replace(/\s+/g, ' ')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/[^\p{L}\p{N}]+$/u, '');
}

/** Strips the marks themselves off a span, whichever ends have them. */
function innerText(text: string, span: Span): string {
  let { start, end } = span;
  if (doubleMark(text, start) || singleMark(text, start)) start++;
  if (end > start && (doubleMark(text, end - 1) || singleMark(text, end - 1))) end--;
  return text.slice(start, end);
}

/** The nearest reporting verb outside every quote that names its source. */
function speakerFor(span: Span, quotes: readonly Span[], attributions: readonly LocalFact[]): string | null {
  let best: { distance: number; source: string } | null = null;
  for (const a of attributions) {
    if (a.kind !== 'attribution' || a.value.source === null) continue;
    if (quotes.some((q) => a.start < q.end && a.end > q.start)) continue;
    // Ties go to the verb after the quote: '"...," said X' is the common order.
    const distance = a.start >= span.end ? a.start - span.end : span.start - a.end + 0.5;
    if (!best || distance < best.distance) best = { distance, source: a.value.source };
  }
  return best?.source ?? null;
}

export function extractQuotes(ctx: Context, attributions: readonly Fact[]): LocalFact[] {
  const doubles = pairMarks(ctx.text, /["\u201C\u201D\u201E\u201F\u00AB\u00BB]/g, doubleMark, true);
  const singles = pairMarks(ctx.text, /[\u2018\u2019]/g, singleMark, false).filter(
    (s) => !doubles.some((d) => s.start < d.end && s.end > d.start),
  );
  const spans = [...doubles, ...singles].sort((a, b) => a.start - b.start);
  return spans.map((span) =>
    localFact(ctx, 'quote', span, {
      key: quoteKey(innerText(ctx.text, span)),
      speaker: speakerFor(span, spans, attributions),
    }),
  );
}
