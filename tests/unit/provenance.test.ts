import { describe, expect, it } from 'vitest';
import { copiedShare as copiedShareOf, shingleVersion } from '../../shared/engine/provenance';

const copiedShare = (a: string[], b: string[]) => copiedShareOf(shingleVersion(a), shingleVersion(b));
import { createBudget } from '../../shared/engine/budget';

const w = (s: string) => s.split(' ');

describe('copiedShare', () => {
  it('is 1 for a verbatim copy and 0 for a paraphrase', () => {
    const text = 'the port authority closed the northern gate on monday after the crane fell';
    expect(copiedShare(w(text), w(`${text} and more words were added at the end`))).toBe(1);
    expect(copiedShare(w(text), w('on monday a crane fell so officials shut the gate in the north of the port'))).toBe(0);
  });

  it('measures the share of the shorter version inside long shared runs', () => {
    const shared = 'one two three four five six seven eight nine ten';
    const share = copiedShare(w(`${shared} alpha beta gamma delta epsilon zeta eta theta iota kappa`), w(`${shared} other words entirely in this longer text here now and then some`));
    expect(share).toBe(0.5);
  });
});

describe('createBudget', () => {
  it('records each step that ran out once', () => {
    let now = 0;
    const budget = createBudget(10, () => now);
    expect(budget.exhausted('align')).toBe(false);
    now = 11;
    expect(budget.exhausted('align')).toBe(true);
    expect(budget.exhausted('align')).toBe(true);
    expect(budget.exceeded).toEqual(['align']);
    expect(budget.remaining()).toBe(0);
  });
});
