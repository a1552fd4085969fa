// Properties of the whole engine that must hold for any input.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compare } from '../../shared/engine/compare';
import type { CompareResult, VersionInput } from '../../shared/engine/types';

const version = (text: string, label = 'v'): VersionInput => ({ label, source: label, text });

// Prose-like text from a small pool of sentences, so versions overlap the way
// real versions do (shared, edited, dropped and added sentences).
const POOL = [
  'The harbour authority closed the northern gate on Monday.',
  'A crane collapsed onto two container ships, officials said.',
  'At least 14 workers were taken to hospital, according to the fire service.',
  'Operations resumed at the southern terminal on Tuesday.',
  '“We are investigating the cause,” said Maria Lund, the port director.',
  'The port handled 2.3 million containers in 2023.',
  'Unions called for an inquiry into safety since March 2022.',
  'Shipping firms said delays could last a week.',
];
const prose = fc
  .array(fc.oneof(fc.constantFrom(...POOL), fc.lorem({ mode: 'sentences', maxCount: 1 })), { minLength: 0, maxLength: 10 })
  .chain((sentences) => fc.constantFrom(' ', '\n', '\n\n').map((sep) => sentences.join(sep)));

function expectOffsets(result: CompareResult, texts: readonly string[]): void {
  result.versions.forEach((v, k) => {
    const text = texts[k]!;
    for (const s of v.sentences) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      for (const f of s.facts) expect(text.slice(f.start, f.end)).toBe(f.text);
    }
    for (const r of v.removed) expect(text.slice(r.start, r.end)).toBe(r.text);
  });
}

describe('compare: properties', () => {
  it('finds a version compared with itself all identical', () => {
    fc.assert(
      fc.property(prose, (text) => {
        const result = compare([version(text, 'a'), version(text, 'b')]);
        const pair = result.pairs[0]!;
        expect(pair.onlyA).toEqual([]);
        expect(pair.onlyB).toEqual([]);
        expect(pair.links.every((l) => l.kind === 'identical' && !l.moved)).toBe(true);
        expect(pair.links.flatMap((l) => l.a)).toEqual(result.versions[0]!.sentences.map((s) => s.id));
        for (const row of result.facts) expect(row.cells.v1!.status).toBe('verbatim');
      }),
      { numRuns: 60 },
    );
  });

  it('swapping A and B swaps added and dropped', () => {
    fc.assert(
      fc.property(prose, prose, (a, b) => {
        const ab = compare([version(a), version(b)]).pairs[0]!;
        const ba = compare([version(b), version(a)]).pairs[0]!;
        const rename = (ids: string[]) => ids.map((id) => id.replace(/^v1\./, 'X.').replace(/^v2\./, 'v1.').replace(/^X\./, 'v2.'));
        expect(rename(ba.onlyA)).toEqual(ab.onlyB);
        expect(rename(ba.onlyB)).toEqual(ab.onlyA);
        const links = (p: typeof ab, swap: boolean) =>
          p.links.map((l) => (swap ? `${rename(l.b).join()}|${rename(l.a).join()}|${l.kind}` : `${l.a.join()}|${l.b.join()}|${l.kind}`)).sort();
        expect(links(ba, true)).toEqual(links(ab, false));
      }),
      { numRuns: 60 },
    );
  });

  it('offsets always slice back to the reported text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(prose, fc.string({ unit: 'grapheme', maxLength: 300 })), { minLength: 1, maxLength: 4 }), (texts) => {
        expectOffsets(compare(texts.map((t) => version(t))), texts);
      }),
      { numRuns: 80 },
    );
  });

  it('survives arbitrary Unicode, emoji, right-to-left text and empty input', () => {
    const samples = [
      '',
      '   \n\n  ',
      '🚀🔥 Launch day! 🎉 The rocket lifted off at 9:30 a.m. 👩‍🚀',
      'قال المتحدث إن 270 جهازاً تعرضت للاختراق منذ مايو 2023. وأضاف أن التحقيق مستمر.',
      'שלום עולם. זהו טקסט בעברית עם 12 מילים.',
      '\u0000\u0001\uFFFD\uD800 lone surrogate and controls \u202E reversed',
      'ＦＵＬＬＷＩＤＴＨ　ｔｅｘｔ。日本語の文です。もう一つの文。',
    ];
    for (const a of samples) {
      for (const b of samples) {
        const result = compare([version(a), version(b)]);
        expectOffsets(result, [a, b]);
      }
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), fc.string({ unit: 'grapheme', maxLength: 500 }), (a, b) => {
        expectOffsets(compare([version(a), version(b)]), [a, b]);
      }),
      { numRuns: 100 },
    );
  });

  it('handles a 1 MB single line without hanging', () => {
    const line = 'The committee met again and the vote was delayed by 3 days, officials said. '.repeat(14_000).slice(0, 1_000_000);
    const result = compare([version(line), version(line.replace(/3 days/g, '4 days'))]);
    expectOffsets(result, [line, line.replace(/3 days/g, '4 days')]);
    expect(result.versions[0]!.sentences.length).toBeGreaterThan(1000);
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(prose, prose, prose, (a, b, c) => {
        const inputs = [version(a), version(b), version(c)];
        expect(JSON.stringify(compare(inputs))).toBe(JSON.stringify(compare(inputs)));
      }),
      { numRuns: 30 },
    );
  });
});
