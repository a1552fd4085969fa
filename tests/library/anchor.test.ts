// Re-anchoring an annotation on a possibly edited text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anchorAt, reanchor } from '../../shared/library/anchor';

const TEXT = 'Officials said over 270 devices were hit. Later, officials said over 270 devices were hit again.';

describe('reanchor', () => {
  it('keeps the range when the quote is still there', () => {
    const anchor = anchorAt(TEXT, 15, 31);
    expect(anchor.quote).toBe('over 270 devices');
    expect(reanchor(anchor, TEXT)).toEqual({ start: 15, end: 31 });
  });

  it('follows the quote when text is inserted before it', () => {
    const anchor = anchorAt(TEXT, 15, 31);
    const edited = `UPDATE: ${TEXT}`;
    expect(reanchor(anchor, edited)).toEqual({ start: 23, end: 39 });
  });

  it('picks the occurrence whose context matches, not merely the nearest', () => {
    const text = 'A said X here. B said X there.';
    const anchor = { start: 0, end: 1, quote: 'X', prefix: 'B said ', suffix: ' there.' };
    expect(reanchor(anchor, text)).toEqual({ start: 22, end: 23 });
  });

  it('prefers the nearest occurrence when contexts tie', () => {
    const text = 'aa X bb aa X bb aa X bb';
    const anchor = { start: 10, end: 11, quote: 'X', prefix: '', suffix: '' };
    expect(reanchor(anchor, text)).toEqual({ start: 11, end: 12 });
  });

  it('orphans an annotation whose quote changed', () => {
    const anchor = anchorAt(TEXT, 15, 31);
    expect(reanchor(anchor, TEXT.replaceAll('270', '280'))).toBeNull();
    expect(reanchor({ ...anchor, quote: '' }, TEXT)).toBeNull();
  });
});

describe('reanchor properties', () => {
  const textAndRange = fc
    .string({ minLength: 1, maxLength: 200 })
    .chain((text) => fc.tuple(fc.constant(text), fc.nat(text.length - 1)).chain(([t, s]) => fc.tuple(fc.constant(t), fc.constant(s), fc.integer({ min: s + 1, max: t.length }))));

  it('on the unchanged text, returns the original range', () => {
    fc.assert(
      fc.property(textAndRange, ([text, start, end]) => {
        expect(reanchor(anchorAt(text, start, end), text)).toEqual({ start, end });
      }),
    );
  });

  it('never returns a range that does not hold the quote', () => {
    fc.assert(
      fc.property(textAndRange, fc.string({ maxLength: 50 }), fc.string({ maxLength: 50 }), fc.nat(), ([text, start, end], insert, cut, at) => {
        const anchor = anchorAt(text, start, end);
        const pos = at % (text.length + 1);
        const edited = text.slice(0, pos) + insert + text.slice(pos + cut.length);
        const found = reanchor(anchor, edited);
        if (found) expect(edited.slice(found.start, found.end)).toBe(anchor.quote);
        else expect(edited.includes(anchor.quote)).toBe(false);
      }),
    );
  });

  it('follows a unique quote through edits elsewhere', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), fc.string({ maxLength: 40 }), (before, after, inserted) => {
        const quote = '\u0001QUOTE\u0002';
        fc.pre(![before, after, inserted].some((s) => s.includes('\u0001') || s.includes('\u0002')));
        const text = before + quote + after;
        const anchor = anchorAt(text, before.length, before.length + quote.length);
        const edited = inserted + before + quote + after + inserted;
        expect(reanchor(anchor, edited)).toEqual({ start: inserted.length + before.length, end: inserted.length + before.length + quote.length });
      }),
    );
  });
});
