import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffWordsBounded, MAX_DIFF_TOKENS } from '../../shared/engine/worddiff';

const side = (pieces: { op: string; text: string }[], keep: string) =>
  pieces.filter((p) => p.op === '=' || p.op === keep).map((p) => p.text).join('');

describe('diffWordsBounded', () => {
  it('marks a changed number as a removed and an added word', () => {
    const pieces = diffWordsBounded('The malware reached more than 270 servers.', 'The malware reached more than 300 servers.');
    expect(pieces).toEqual([
      { op: '=', text: 'The malware reached more than' },
      { op: '-', text: ' 270' },
      { op: '+', text: ' 300' },
      { op: '=', text: ' servers.' },
    ]);
  });

  it('gives up on units longer than the cap instead of running long', () => {
    const long = Array.from({ length: MAX_DIFF_TOKENS + 1 }, (_, k) => `w${k}`).join(' ');
    expect(diffWordsBounded(long, 'short')).toBeNull();
  });

  it('reports a pair with little in common as too different to diff word by word', () => {
    expect(diffWordsBounded('Shares fell sharply in early trading on Monday.', 'The minister resigned after a long dispute with unions.')).toBeNull();
  });

  it('rebuilds side a exactly and side b up to whitespace', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), (a0, b0) => {
        const a = a0.trim();
        const b = b0.trim();
        const pieces = diffWordsBounded(a, b);
        if (pieces === null) return;
        expect(side(pieces, '-')).toBe(a.trimStart());
        expect(side(pieces, '+').replace(/\s+/g, '')).toBe(b.replace(/\s+/g, ''));
      }),
    );
  });
});
