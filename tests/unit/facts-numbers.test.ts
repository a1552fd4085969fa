import { describe, expect, it } from 'vitest';
import { factsOf } from './facts-helpers';

type Expected = { text: string; amount: number; unit: string; currency?: string; qualifier?: string };

const cases: [string, Expected[]][] = [
  ['over 270 devices', [{ text: 'over 270 devices', amount: 270, unit: 'device', qualifier: 'over' }]],
  [
    'The watchdog handled 146 network security incidents last quarter.',
    [{ text: '146 network security incidents', amount: 146, unit: 'incident' }],
  ],
  [
    'Auditors logged 3,410 data security breaches in the survey.',
    [{ text: '3,410 data security breaches', amount: 3410, unit: 'breach' }],
  ],
  [
    'The agency dealt with 150 incidents, with 61 being state-sponsored attacks.',
    [
      { text: '150 incidents', amount: 150, unit: 'incident' },
      { text: '61 being state-sponsored attacks', amount: 61, unit: 'attack' },
    ],
  ],
  ['Staff handled 92 cross-border cases.', [{ text: '92 cross-border cases', amount: 92, unit: 'case' }]],
  ['Investigators found two incidents of tampering.', [{ text: 'two incidents', amount: 2, unit: 'incident' }]],
  [
    'At least eight US shipping companies were breached, an official said.',
    [{ text: 'At least eight US shipping companies', amount: 8, unit: 'company', qualifier: 'at least' }],
  ],
  ['The city plans to close two of its libraries.', [{ text: 'two of its libraries', amount: 2, unit: 'library' }]],
  ['Three of the victims were firefighters.', [{ text: 'Three of the victims', amount: 3, unit: 'victim' }]],
  ['Regulators fined a dozen lenders.', [{ text: 'a dozen lenders', amount: 12, unit: 'lender' }]],
  [
    'Hundreds of servers went offline overnight.',
    [{ text: 'Hundreds of servers', amount: 100, unit: 'server', qualifier: 'hundreds' }],
  ],
  ['The plan costs $7.99 per month.', [{ text: '$7.99', amount: 7.99, unit: '', currency: '$' }]],
  ['The merger is valued at US$1.2 billion.', [{ text: 'US$1.2 billion', amount: 1.2e9, unit: '', currency: '$' }]],
  ['Investors put in €5m last spring.', [{ text: '€5m', amount: 5e6, unit: '', currency: '€' }]],
  ['The bank wrote off £3bn.', [{ text: '£3bn', amount: 3e9, unit: '', currency: '£' }]],
  ['The fund sold 3.5 billion yuan of bonds.', [{ text: '3.5 billion yuan', amount: 3.5e9, unit: '', currency: '¥' }]],
  ['Roughly 1.5 million people signed up.', [{ text: 'Roughly 1.5 million people', amount: 1.5e6, unit: 'person', qualifier: 'about' }]],
  ['Sales fell 12% in the year.', [{ text: '12%', amount: 12, unit: '', currency: '%' }]],
  ['Sales fell 12 percent in the year.', [{ text: '12 percent', amount: 12, unit: '', currency: '%' }]],
  ['Sales fell 12 per cent in the year.', [{ text: '12 per cent', amount: 12, unit: '', currency: '%' }]],
  ['More than 40 villages were flooded.', [{ text: 'More than 40 villages', amount: 40, unit: 'village', qualifier: 'over' }]],
  ['Nearly 3,000 homes lost power.', [{ text: 'Nearly 3,000 homes', amount: 3000, unit: 'home', qualifier: 'nearly' }]],
  ['Up to 25 ships were delayed.', [{ text: 'Up to 25 ships', amount: 25, unit: 'ship', qualifier: 'up to' }]],
  ['The council hired twenty-five wardens.', [{ text: 'twenty-five wardens', amount: 25, unit: 'warden' }]],
  ['The tender drew two hundred and fifty bids.', [{ text: 'two hundred and fifty bids', amount: 250, unit: 'bid' }]],
  ['The hospital treated three children.', [{ text: 'three children', amount: 3, unit: 'child' }]],
  [
    'Between 10 and 20 devices failed.',
    [
      { text: '10', amount: 10, unit: 'device' },
      { text: '20 devices', amount: 20, unit: 'device' },
    ],
  ],
  ['The fleet grew by 40 programmes.', [{ text: '40 programmes', amount: 40, unit: 'program' }]],
  ['A 12-year-old boy was rescued.', [{ text: '12-year-old', amount: 12, unit: 'year' }]],
];

describe('number facts', () => {
  it.each(cases)('%s', (sentence, expected) => {
    const got = factsOf(sentence, 'number').map((f) => ({ text: f.text, ...f.value }));
    expect(got).toEqual(expected.map((e) => ({ currency: '', qualifier: '', ...e })));
  });

  const none: [string, string][] = [
    ['ordinals', 'It was the second time the firm had been hit, and the 3rd this year.'],
    ['years in dates', 'The breach began in 2021 and was found in May 2023.'],
    ['day numbers in dates', 'The court sat on 14 March 2022.'],
    ['identifiers', 'The No. 10 press office and phase 3 of the plan were unaffected.'],
    ['product versions', 'The flaw affects Windows 11 machines.'],
    ['model names', 'Operators rolled out 5G masts.'],
    ['times of day', 'The meeting began at 10:30 and ended at 5 pm.'],
    ['idioms with one', 'One of the reasons is that no one checked, on the one hand.'],
    ['ranges in compounds', 'The score was 3-1 after 24/7 coverage.'],
  ];
  it.each(none)('finds no number in %s', (_label, sentence) => {
    expect(factsOf(sentence, 'number')).toEqual([]);
  });

  it('keeps a year-shaped count of a plural noun', () => {
    expect(factsOf('The firm employs 2000 engineers.', 'number').map((f) => f.value.amount)).toEqual([2000]);
  });

  it('stops the counted noun at a verb, a preposition or punctuation', () => {
    const units = factsOf('Police said 30 protesters were held, 12 in custody and 4, officials said, released.', 'number')
      .map((f) => f.value.unit);
    expect(units).toEqual(['protester', '', '']);
  });

  it('leaves comparatives and "others" out of the unit', () => {
    expect(factsOf('The rival bid was €5m lower and two others withdrew.', 'number').map((f) => f.text)).toEqual(['€5m']);
  });
});
