import { describe, expect, it } from 'vitest';
import { factsOf } from './facts-helpers';

const cases: [string, { text: string; key: string; relation: string }[]][] = [
  ['The outage began in May 2023.', [{ text: 'in May 2023', key: '2023-05', relation: 'in' }]],
  ['The ruling came on March 14, 2022.', [{ text: 'on March 14, 2022', key: '2022-03-14', relation: 'on' }]],
  ['The ruling came on 14 March 2022.', [{ text: 'on 14 March 2022', key: '2022-03-14', relation: 'on' }]],
  ['The ruling came on the 14th of March.', [{ text: '14th of March', key: 'month-day:03-14', relation: '' }]],
  ['The deadline is Aug. 5, 2024.', [{ text: 'Aug. 5, 2024', key: '2024-08-05', relation: '' }]],
  ['The law passed in 2021.', [{ text: 'in 2021', key: '2021', relation: 'in' }]],
  ['Attacks have continued since August.', [{ text: 'since August', key: 'month:08', relation: 'since' }]],
  ['The talks will run until June.', [{ text: 'until June', key: 'month:06', relation: 'until' }]],
  ['The board met on Wednesday.', [{ text: 'on Wednesday', key: 'weekday:wed', relation: 'on' }]],
  ["Thursday's vote was delayed.", [{ text: 'Thursday', key: 'weekday:thu', relation: '' }]],
  ['The mayor resigned yesterday.', [{ text: 'yesterday', key: 'relative:yesterday', relation: '' }]],
  ['Voting opens today.', [{ text: 'today', key: 'relative:today', relation: '' }]],
  ['The fund closed last week.', [{ text: 'last week', key: 'relative:last-week', relation: '' }]],
  ['Prices rose this week.', [{ text: 'this week', key: 'relative:this-week', relation: '' }]],
  [
    'Earlier this month, the port reopened.',
    [{ text: 'Earlier this month', key: 'relative:this-month', relation: '' }],
  ],
  ['Profits doubled from last year.', [{ text: 'from last year', key: 'relative:last-year', relation: 'from' }]],
  ['The bridge closed two days ago.', [{ text: 'two days ago', key: 'relative:2-day-ago', relation: '' }]],
  ['Output slumped in early 2020.', [{ text: 'in early 2020', key: '2020', relation: 'in' }]],
  ['Rain is expected by mid-July.', [{ text: 'by mid-July', key: 'month:07', relation: 'by' }]],
  ['The 1990s were turbulent.', [{ text: '1990s', key: 'decade:1990', relation: '' }]],
  ['The filing is dated 2022-03-14.', [{ text: '2022-03-14', key: '2022-03-14', relation: '' }]],
];

describe('date facts', () => {
  it.each(cases)('%s', (sentence, expected) => {
    expect(factsOf(sentence, 'date').map((f) => ({ text: f.text, ...f.value }))).toEqual(expected);
  });

  const none: [string, string][] = [
    ['"may" as a modal', 'The plant may be closed, and it may reopen.'],
    ['"March" as a verb', 'Thousands will March on the capital, and others march home.'],
    ['a month name with no date context', 'The August committee rejected the plan.'],
    ['a surname', 'Theresa May chaired the meeting.'],
    ['"recently"', 'The firm recently moved offices.'],
    ['abbreviations without a dot', 'The Mar Jan group met.'],
    ['a newspaper name', 'He told USA Today the plan was dead.'],
    ['"the past two years" (a number, not a date)', 'Costs rose over the past two years.'],
  ];
  it.each(none)('finds no date for %s', (_label, sentence) => {
    expect(factsOf(sentence, 'date')).toEqual([]);
  });

  it('treats a year before a plural noun as a count, not a date', () => {
    expect(factsOf('The firm hired 2000 engineers.', 'date')).toEqual([]);
  });

  it('finds a month used by a surname and a month in one sentence', () => {
    const dates = factsOf('Theresa May said the vote would go ahead in May.', 'date');
    expect(dates.map((f) => f.text)).toEqual(['in May']);
  });
});
