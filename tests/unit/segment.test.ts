import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MAX_SENTENCE, segmentSentences } from '../../shared/engine/segment';
import type { Span } from '../../shared/engine/types';

function whole(text: string): Span[] {
  return [{ start: 0, end: text.length }];
}

function sentences(text: string, blocks: Span[] = whole(text)): string[] {
  return segmentSentences(text, blocks).map((s) => text.slice(s.start, s.end));
}

function expectValid(text: string, blocks: Span[], spans: Span[]): void {
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    expect(span.end).toBeGreaterThan(span.start);
    const slice = text.slice(span.start, span.end);
    expect(slice.trim()).toBe(slice);
    expect(blocks.some((b) => span.start >= b.start && span.end <= b.end)).toBe(true);
    if (i > 0) expect(span.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
  }
}

describe('segmentSentences: basics', () => {
  it('splits plain sentences with exact absolute offsets', () => {
    const text = 'Intro line\nThe ferry starts on Monday. Fares are unchanged! Is it enough? Nobody knows.';
    const block = { start: 11, end: text.length };
    const spans = segmentSentences(text, [block]);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'The ferry starts on Monday.',
      'Fares are unchanged!',
      'Is it enough?',
      'Nobody knows.',
    ]);
    expect(spans[0]!.start).toBe(11);
  });

  it('keeps a headline-like block without final punctuation as one sentence', () => {
    const text = 'Council Closes River Bridge\nThe bridge shut on Tuesday. Repairs follow.';
    const blocks = [{ start: 0, end: 27 }, { start: 28, end: text.length }];
    expect(sentences(text, blocks)).toEqual(['Council Closes River Bridge', 'The bridge shut on Tuesday.', 'Repairs follow.']);
  });

  it('segments blocks independently and in order, skipping empty ones', () => {
    const text = 'One. Two.   Three.';
    expect(sentences(text, [{ start: 0, end: 9 }, { start: 9, end: 11 }, { start: 11, end: text.length }])).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('returns nothing for no blocks or empty text', () => {
    expect(segmentSentences('', [])).toEqual([]);
    expect(segmentSentences('', [{ start: 0, end: 0 }])).toEqual([]);
    expect(segmentSentences('Some text.', [])).toEqual([]);
  });
});

describe('segmentSentences: repairs', () => {
  it.each([
    ['The U.S. Department of Energy declined to comment.'],
    ['Talks with the U.K. Foreign Office resumed.'],
    ['Mr. Lee and Mrs. Park met Ms. Diaz and Dr. Okafor.'],
    ['The shop on Elm St. Louis Road closed.'],
    ['He lives at No. 10 on the square.'],
    ['Acme Inc. Chief Executive Jo Smith resigned.'],
    ['Builder Corp. Chairman Li spoke, as did Ltd. Partners.'],
    ['Sam Jones Jr. Esq. attended.'],
    ['It was Lions vs. Tigers in the final.'],
    ['Some fruits, e.g. Apples, keep well, i.e. Longer.'],
    ['The vote is at 10 a.m. Monday and ends at 5 p.m. Tuesday.'],
    ['The law took effect on Jan. 5 and was amended Feb. 12.'],
    ['Gov. Smith, Sen. Brown, Rep. Green, Gen. White, Lt. Col. Black spoke.'],
    ['J. K. Rowling signed copies.'],
    ['Prices rose 3.5 percent to $7.99 a month.'],
    ['He paused... and then kept talking.'],
    ['"Is it safe?" she asked the engineers.'],
  ])('keeps one sentence: %s', (text) => {
    expect(sentences(text)).toEqual([text]);
  });

  it('keeps closing quotes and brackets with their sentence', () => {
    const text = 'He said: "We will reopen it." The council agreed. (Work starts soon.) Residents cheered.';
    expect(sentences(text)).toEqual(['He said: "We will reopen it."', 'The council agreed.', '(Work starts soon.)', 'Residents cheered.']);
    const curly = '“We will reopen it.” he said. Then he left.';
    expect(sentences(curly)).toEqual(['“We will reopen it.” he said.', 'Then he left.']);
  });

  it('still splits after an abbreviation that ends a sentence', () => {
    expect(sentences('The firm moved to the U.S. The move cost millions.')).toEqual(['The firm moved to the U.S.', 'The move cost millions.']);
    expect(sentences('She joined Acme Inc. It was 2019.')).toEqual(['She joined Acme Inc.', 'It was 2019.']);
  });

  it('splits at an ellipsis followed by a new sentence', () => {
    expect(sentences('We waited... The ferry never came.')).toEqual(['We waited...', 'The ferry never came.']);
  });
});

describe('segmentSentences: limits', () => {
  it('caps very long sentences at whitespace', () => {
    const text = 'word '.repeat(2000).trim();
    const spans = segmentSentences(text, whole(text));
    expect(spans.length).toBeGreaterThan(1);
    for (const span of spans) {
      expect(span.end - span.start).toBeLessThanOrEqual(MAX_SENTENCE);
      expect(text.slice(span.start, span.end)).toMatch(/^word( word)*$/);
    }
    expect(spans.map((s) => text.slice(s.start, s.end)).join(' ')).toBe(text);
  });

  it('cuts a run with no whitespace without splitting surrogate pairs', () => {
    const text = '😀'.repeat(3000);
    const spans = segmentSentences(text, whole(text));
    for (const span of spans) {
      expect(span.end - span.start).toBeLessThanOrEqual(MAX_SENTENCE);
      expect(span.start % 2).toBe(0);
      expect(span.end % 2).toBe(0);
    }
    expect(spans.reduce((n, s) => n + s.end - s.start, 0)).toBe(text.length);
  });

  it('segments a 1 MB single line in well under a second', () => {
    const prose = 'The bridge closed on Tuesday after engineers found cracks in its piers. '.repeat(14_000);
    const noSpaces = 'x'.repeat(1_000_000);
    for (const text of [prose, noSpaces]) {
      const t0 = performance.now();
      const spans = segmentSentences(text, whole(text));
      expect(performance.now() - t0).toBeLessThan(1000);
      expect(spans.length).toBeGreaterThan(100);
      for (const span of spans) expect(span.end - span.start).toBeLessThanOrEqual(MAX_SENTENCE);
    }
  });

  it('clamps blocks that reach past the text', () => {
    expect(sentences('Short text.', [{ start: 0, end: 99 }])).toEqual(['Short text.']);
  });
});

describe('segmentSentences: properties', () => {
  const textArb = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.array(fc.constantFrom('Mr.', 'U.S.', 'J.', 'said', '3.5', '...', '“Yes.”', '(ok.)', ' ', '\n', 'The', 'end.', '?', '😀', 'שלום.'), { maxLength: 60 }).map((parts) => parts.join(' ')),
  );

  it('returns valid, sorted, non-overlapping spans inside the blocks for any text', () => {
    fc.assert(
      fc.property(textArb, fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        const points = [...new Set([0, text.length, ...cuts.map((c) => c % (text.length + 1))])].sort((a, b) => a - b);
        const blocks: Span[] = [];
        for (let i = 1; i < points.length; i++) blocks.push({ start: points[i - 1]!, end: points[i]! });
        const spans = segmentSentences(text, blocks);
        expectValid(text, blocks, spans);
      }),
      { numRuns: 400 },
    );
  });

  it('covers every non-space character of a block exactly once', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const spans = segmentSentences(text, whole(text));
        // The segmenter trims control and zero-width characters along with spaces.
        const blank = /[\s\x00-\x1f\u0085\u200b-\u200d\u2060\ufeff]/g;
        const covered = spans.map((s) => text.slice(s.start, s.end)).join('').replace(blank, '');
        const gaps = spans.length === 0 ? text : text.slice(0, spans[0]!.start) + spans.slice(1).map((s, i) => text.slice(spans[i]!.end, s.start)).join('') + text.slice(spans[spans.length - 1]!.end);
        expect(gaps.replace(blank, '')).toBe('');
        expect(covered.length).toBe(text.replace(blank, '').length);
      }),
      { numRuns: 300 },
    );
  });
});
