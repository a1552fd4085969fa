import { describe, expect, it } from 'vitest';
import { classifyLink, diffFacts } from '../../shared/engine/classify';
import { identityKey } from '../../shared/engine/normalise';
import { datesCompatible, sameFact } from '../../shared/engine/fact-match';
import type { Fact } from '../../shared/engine/types';

const num = (text: string, amount: number, unit: string): Fact => ({
  kind: 'number', text, start: 0, end: text.length, value: { amount, unit, currency: '', qualifier: '' },
});
const date = (text: string, key: string): Fact => ({ kind: 'date', text, start: 0, end: text.length, value: { key, relation: '' } });
const said = (verb: string): Fact => ({ kind: 'attribution', text: verb, start: 0, end: verb.length, value: { verb, source: null } });

describe('fact matching', () => {
  it('treats a refined date as the same date and another month as different', () => {
    expect(datesCompatible('2023-05', 'month:05')).toBe(true);
    expect(datesCompatible('2023-05', 'month:08')).toBe(false);
    expect(datesCompatible('2023', '2023-05-14')).toBe(true);
    expect(datesCompatible('weekday:wed', 'weekday:thu')).toBe(false);
    expect(datesCompatible('month-day:03-14', '2022-03-14')).toBe(true);
    expect(datesCompatible('month-day:03-14', 'month-day:03-15')).toBe(false);
  });

  it('matches the same amount counted with another noun', () => {
    expect(sameFact(num('270 devices', 270, 'device'), num('270 hosts', 270, 'host'))).toBe(true);
  });
});

describe('classifyLink', () => {
  it('calls equal wording identical, ignoring case, quotes and spacing', () => {
    expect(classifyLink(identityKey('China’s “national” centre said.'), identityKey("china's \"national\"  centre said."), [], []).kind).toBe('identical');
  });

  it('calls the same facts in other words reworded', () => {
    const result = classifyLink(identityKey('It spread to 270 devices.'), identityKey('The virus reached 270 hosts.'), [num('270 devices', 270, 'device')], [num('270 hosts', 270, 'host')]);
    expect(result).toEqual({ kind: 'reworded', changes: [] });
  });

  it('lists a changed number and a changed date', () => {
    const result = classifyLink(
      identityKey('Since May 2023, 270 devices were hit.'),
      identityKey('Since August, 300 devices were hit.'),
      [date('May 2023', '2023-05'), num('270 devices', 270, 'device')],
      [date('August', 'month:08'), num('300 devices', 300, 'device')],
    );
    expect(result.kind).toBe('changed');
    expect(result.changes).toEqual([
      { kind: 'number', a: '270 devices', b: '300 devices' },
      { kind: 'date', a: 'May 2023', b: 'August' },
    ]);
  });

  it('flags a shift from "said" to "claimed" but not from "said" to "told"', () => {
    expect(diffFacts([said('say')], [said('claim')])).toEqual([{ kind: 'attribution', a: 'say', b: 'claim' }]);
    expect(diffFacts([said('say')], [said('tell')])).toEqual([]);
  });

  it('does not count a quote turned into reported speech as a change', () => {
    const quote: Fact = { kind: 'quote', text: '"we will appeal"', start: 0, end: 15, value: { key: 'we will appeal', speaker: null } };
    expect(diffFacts([quote, said('say')], [])).toEqual([]);
  });

  it('lists a number that only one side reports', () => {
    expect(diffFacts([num('30 devices', 30, 'device')], [])).toEqual([{ kind: 'number', a: '30 devices', b: null }]);
  });
});
