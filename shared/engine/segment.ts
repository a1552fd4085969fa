// Sentence segmentation with exact offsets. Intl.Segmenter finds candidate
// boundaries one block at a time (it is slow on whole documents); repair rules
// then undo the splits news text provokes: "U.S. Department", "Mr. Smith",
// "J. K. Rowling", "No. 10". Over-long "sentences" are cut so that nothing
// downstream ever handles a megabyte-sized unit.
import type { Span } from './types';

/** Longest sentence handed downstream; longer runs are cut at a nearby space. */
export const MAX_SENTENCE = 2000;

// How far back from the limit to look for a good cut before cutting hard.
const CUT_WINDOW = 400;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

// Titles never end a sentence: always join what follows.
const TITLES = new Set(
  'mr mrs ms dr prof gov sen rep gen lt col sgt capt cmdr adm maj brig rev hon supt det insp messrs mme mlle e.g i.e cf approx'.split(' '),
);

// Abbreviations that may also end a sentence: join unless a new sentence plainly starts.
const AMBIGUOUS = new Set('inc corp ltd co jr sr st bros plc llc vs v etc al a.m p.m dept est ave blvd rd mt ft'.split(' '));

// Abbreviations that only precede a number: "No. 10", "Jan. 5", "Vol. 3".
const BEFORE_NUMBER = new Set(
  'no nos vol pp para art fig ch sec jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);

// Capitalised words that usually open a sentence rather than continue a name.
const STARTERS = new Set(
  ('the a an this that these those it its he she they we i you his her their our my but and or so yet however ' +
    'in on at for from with by as after before while when where if although though since because meanwhile also ' +
    'still then there here what who why how some many most no not one two three earlier later now today yesterday')
    .split(' '),
);

/** Whitespace, control and zero-width characters: trimmed from every span. */
export function isSpaceCode(code: number): boolean {
  return (
    code <= 32 ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060 ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return end > start ? { start, end } : null;
}

/** The word before a sentence's final period, lower-cased: "U.S." → "u.s", or null. */
function wordBeforeFinalPeriod(sentence: string): string | null {
  const m = /([\p{L}][\p{L}.]{0,11})\.["'”’)\]]?$/u.exec(sentence.slice(-16));
  return m ? m[1]!.toLowerCase() : null;
}

/** The first word of a sentence, without opening quotes or brackets. */
function firstWord(sentence: string): string {
  const m = /^["'“‘([]*([\p{L}\p{N}][\p{L}\p{N}'’.-]*)/u.exec(sentence.slice(0, 40));
  return m ? m[1]! : '';
}

/** "U.S", "J", "a.m": single letters and dotted acronyms read as abbreviations. */
function isInitialOrAcronym(word: string): boolean {
  return /^\p{L}$/u.test(word) || /^\p{L}(?:\.\p{L}){1,4}$/u.test(word);
}

/** Should the boundary between `prev` and `next` (adjacent in one block) be undone? */
function shouldJoin(prev: string, next: string, gap: string): boolean {
  if (/[\n\r\u2028\u2029]/.test(gap)) return false;
  const first = firstWord(next);
  // A continuation: "... stop.” he said", "wait... then", or a closing mark left alone.
  if (/^["'“‘([]*\p{Ll}/u.test(next) || /^[”’)\]}»,;:]/u.test(next)) return true;
  const word = wordBeforeFinalPeriod(prev);
  if (word === null) return false;
  if (TITLES.has(word)) return true;
  if (BEFORE_NUMBER.has(word)) return /^\d/.test(first);
  if (AMBIGUOUS.has(word) || isInitialOrAcronym(word)) {
    return first !== '' && !STARTERS.has(first.toLowerCase()) && !/^\d/.test(first);
  }
  return false;
}

/** Intl.Segmenter boundaries for one block, as trimmed absolute spans. */
function rawSentences(text: string, block: Span): Span[] {
  const out: Span[] = [];
  const slice = text.slice(block.start, block.end);
  for (const piece of segmenter.segment(slice)) {
    const start = block.start + piece.index;
    const span = trimSpan(text, start, start + piece.segment.length);
    if (span) out.push(span);
  }
  return out;
}

function repair(text: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    const prev = out[out.length - 1];
    if (prev) {
      const prevText = text.slice(Math.max(prev.start, prev.end - 40), prev.end);
      const nextText = text.slice(span.start, Math.min(span.end, span.start + 40));
      if (shouldJoin(prevText, nextText, text.slice(prev.end, span.start))) {
        prev.end = span.end;
        continue;
      }
    }
    out.push({ ...span });
  }
  return out;
}

/** Where to cut a run that is too long: after punctuation+space, else a space, else hard. */
function cutPoint(text: string, start: number, limit: number): number {
  const floor = Math.max(start + 1, limit - CUT_WINDOW);
  let space = -1;
  for (let i = limit; i > floor; i--) {
    if (!isSpaceCode(text.charCodeAt(i))) continue;
    if (/[.!?;:,)]/.test(text.charAt(i - 1))) return i;
    if (space < 0) space = i;
  }
  if (space > 0) return space;
  // No space at all: never split a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

function capLength(text: string, span: Span, out: Span[]): void {
  let start = span.start;
  while (span.end - start > MAX_SENTENCE) {
    const cut = cutPoint(text, start, start + MAX_SENTENCE);
    const piece = trimSpan(text, start, cut);
    if (piece) out.push(piece);
    start = cut;
  }
  const rest = trimSpan(text, start, span.end);
  if (rest) out.push(rest);
}

/**
 * Sentence spans (trimmed, non-empty, absolute offsets into `text`) within
 * each block, in order. A block without final punctuation, such as a headline
 * line, is a sentence of its own.
 */
export function segmentSentences(text: string, blocks: Span[]): Span[] {
  const out: Span[] = [];
  for (const block of blocks) {
    const bounded = trimSpan(text, Math.max(0, block.start), Math.min(text.length, block.end));
    if (!bounded) continue;
    for (const span of repair(text, rawSentences(text, bounded))) capLength(text, span, out);
  }
  return out;
}
