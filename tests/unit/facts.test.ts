import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractFacts } from '../../shared/engine/facts/index';
import type { Fact } from '../../shared/engine/types';

const KINDS = ['number', 'date', 'entity', 'quote', 'attribution'];

/** Every invariant a consumer relies on, for one sentence placed in a document. */
function checkSpans(sentence: string, offset: number, facts: Fact[]): void {
  const document = `${'x'.repeat(offset)}${sentence}`;
  let previous: Fact | undefined;
  for (const f of facts) {
    expect(f.start).toBeGreaterThanOrEqual(offset);
    expect(f.end).toBeGreaterThan(f.start);
    expect(f.end).toBeLessThanOrEqual(offset + sentence.length);
    expect(document.slice(f.start, f.end)).toBe(f.text);
    expect(sentence.slice(f.start - offset, f.end - offset)).toBe(f.text);
    if (previous) {
      const order = previous.start - f.start || KINDS.indexOf(previous.kind) - KINDS.indexOf(f.kind);
      expect(order).toBeLessThanOrEqual(0);
    }
    previous = f;
  }
}

const STORY = [
  'BRUSSELS: The National Grid Security Centre of Freedonia (NGSC) said on Tuesday it had found over 270 devices infected since May 2023.',
  'According to NGSC, intruders exploited a bug in Microsoft Exchange in 146 network security incidents last year, with 61 being state-sponsored attacks.',
  '"We will respond," said Ana Ruiz, a spokeswoman, adding at least eight US shipping companies were hit this month.',
  'The agency, which says it acts independently, reported a US$1.2 billion loss and 3,410 data security breaches, up 12% from last year.',
];

describe('extractFacts', () => {
  it('finds facts of every kind in one sentence of news prose', () => {
    const facts = extractFacts(STORY[0] as string, 0);
    expect(facts.map((f) => [f.kind, f.text])).toEqual([
      ['entity', 'BRUSSELS'],
      ['entity', 'National Grid Security Centre of Freedonia'],
      ['entity', 'NGSC'],
      ['attribution', 'said'],
      ['date', 'on Tuesday'],
      ['number', 'over 270 devices'],
      ['date', 'since May 2023'],
    ]);
    const said = facts.find((f) => f.kind === 'attribution');
    expect(said?.value).toEqual({ verb: 'say', source: 'NGSC' });
  });

  it('gives document offsets that slice back to each fact', () => {
    let offset = 0;
    const document = STORY.join(' ');
    for (const sentence of STORY) {
      const facts = extractFacts(sentence, offset);
      expect(facts.length).toBeGreaterThan(3);
      for (const f of facts) expect(document.slice(f.start, f.end)).toBe(f.text);
      checkSpans(sentence, offset, facts);
      offset += sentence.length + 1;
    }
  });

  it('is deterministic', () => {
    for (const sentence of STORY) expect(extractFacts(sentence, 7)).toEqual(extractFacts(sentence, 7));
  });

  it('is not fooled by words that name Object.prototype members', () => {
    const sentence = 'The constructor said toString and __proto__ valueOf hasOwnProperty on isPrototypeOf.';
    const facts = extractFacts(sentence, 0);
    checkSpans(sentence, 0, facts);
    // Camel-cased words read as brand names ("iPhone"); nothing else may match.
    expect(facts.filter((f) => f.kind !== 'entity').map((f) => [f.kind, f.text])).toEqual([['attribution', 'said']]);
  });

  it('returns nothing for empty and blank input', () => {
    expect(extractFacts('', 0)).toEqual([]);
    expect(extractFacts('   \n\t ', 10)).toEqual([]);
  });

  it('never throws and always gives valid spans on arbitrary text', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ unit: 'grapheme-ascii', maxLength: 200 }),
      // Fragments of the shapes the extractors look for, shuffled together.
      fc.array(
        fc.constantFrom(
          'over', '270', '2,950', '$', 'US$1.2', 'billion', '%', 'per cent', 'May', 'March', '14,', '2022', 'since',
          'on', 'Wednesday', '"', '“', '”', '«', '»', '‘', '’', 'said', 'according', 'to', 'The', 'US', 'U.S.',
          'CNCERT/CC', "China's", 'of', 'and', ',', '.', '(', ')', 'two', 'hundreds', '😀', 'مرحبا', '\u200F', '\uD800',
        ),
        { maxLength: 40 },
      ).map((parts) => parts.join(' ')),
    );
    fc.assert(
      fc.property(text, fc.nat({ max: 10_000 }), (sentence, offset) => {
        const facts = extractFacts(sentence, offset);
        checkSpans(sentence, offset, facts);
        expect(extractFacts(sentence, offset)).toEqual(facts);
      }),
      { numRuns: 500 },
    );
  });

  it('copes with emoji, right-to-left text and lone surrogates', () => {
    for (const sentence of [
      '🚀 Launch: 3 rockets 🚀 left “orbit” 👩‍👩‍👧 on Monday.',
      'قال المسؤول إن 270 جهازاً تأثرت في مايو 2023.',
      'The \u202Eevil\u202C firm said \uD83D 12% fell.',
    ]) {
      checkSpans(sentence, 3, extractFacts(sentence, 3));
    }
  });

  it('stays fast on long input and pathological repetition', () => {
    const sentences = Array.from({ length: 10_000 }, (_, k) => STORY[k % STORY.length] as string);
    const started = Date.now();
    let count = 0;
    for (const s of sentences) count += extractFacts(s, 0).length;
    // Reported rather than asserted: machine speed varies.
    console.info(`facts: ${sentences.length} sentences, ${count} facts in ${Date.now() - started} ms`);
    for (const s of ['and '.repeat(5000), 'A and '.repeat(3000), '"'.repeat(5000), '1,'.repeat(5000), 'Of The '.repeat(3000)]) {
      checkSpans(s, 0, extractFacts(s, 0));
    }
  });
});
