import { describe, expect, it } from 'vitest';
import { factsOf } from './facts-helpers';
import type { EntityType } from '../../shared/engine/types';

type E = [text: string, key: string, type: EntityType];

const entities = (sentence: string): E[] => factsOf(sentence, 'entity').map((f) => [f.text, f.value.key, f.value.type]);

const cases: [string, E[]][] = [
  [
    'The US Department of State declined to comment.',
    [['US Department of State', 'us department of state', 'organisation']],
  ],
  [
    'The Coastal Data Protection Review Board/Monitoring Centre of Freedonia (CDPRB/MC) issued a notice.',
    [
      [
        'Coastal Data Protection Review Board/Monitoring Centre of Freedonia',
        'coastal data protection review board/monitoring center of freedonia',
        'organisation',
      ],
      ['CDPRB/MC', 'cdprb/mc', 'acronym'],
    ],
  ],
  ['Tomas Okafor, NTSB\'s deputy, spoke first.', [['Tomas Okafor', 'tomas okafor', 'person'], ['NTSB', 'ntsb', 'acronym']]],
  ['Officials in Beijing and Washington traded barbs.', [['Beijing', 'beijing', 'place'], ['Washington', 'washington', 'place']]],
  ['Factories in Shenzhen and Germany shut.', [['Shenzhen', 'shenzhen', 'place'], ['Germany', 'germany', 'place']]],
  [
    'Flaws turned up in Microsoft Exchange, Adobe Photoshop, Android and IBM Tivoli Storage Manager.',
    [
      ['Microsoft Exchange', 'microsoft exchange', 'product'],
      ['Adobe Photoshop', 'adobe photoshop', 'product'],
      ['Android', 'android', 'product'],
      ['IBM Tivoli Storage Manager', 'ibm tivoli storage manager', 'product'],
    ],
  ],
  ['Regulators looked at TP-Link routers.', [['TP-Link', 'tp-link', 'acronym']]],
  ['The FBI and the CIA briefed lawmakers.', [['FBI', 'fbi', 'acronym'], ['CIA', 'cia', 'acronym']]],
  ['Exports to the U.S. fell.', [['U.S.', 'us', 'place']]],
  ['Exports to the US fell.', [['US', 'us', 'place']]],
  ['Exports to the United States fell.', [['United States', 'us', 'place']]],
  ["The report angered China's leaders.", [['China', 'china', 'place']]],
  ['The Food and Drug Administration approved it.', [['Food and Drug Administration', 'food and drug administration', 'organisation']]],
  ['Ties between Russia, Ukraine and Belarus frayed.', [['Russia', 'russia', 'place'], ['Ukraine', 'ukraine', 'place'], ['Belarus', 'belarus', 'place']]],
  ['President Ana Torres met US President Tom Hale.', [['Ana Torres', 'ana torres', 'person'], ['US', 'us', 'place'], ['Tom Hale', 'tom hale', 'person']]],
  ['The deal was signed, said Lena Novak.', [['Lena Novak', 'lena novak', 'person']]],
  ['Spokesperson Lin Wei took questions.', [['Lin Wei', 'lin wei', 'person']]],
  ['The statement came from the Freedonian Defence Ministry.', [['Freedonian Defence Ministry', 'freedonian defense ministry', 'organisation']]],
  ['Analysts at China-backed groups and US-led coalitions disagreed.', [['China', 'china', 'place'], ['US', 'us', 'place']]],
  ['The G7 and G20 met in Rome.', [['G7', 'g7', 'acronym'], ['G20', 'g20', 'acronym'], ['Rome', 'rome', 'place']]],
  [
    'Foreign Minister Lin Wei met Secretary of State Ann Cole and Mr Okafor.',
    [['Lin Wei', 'lin wei', 'person'], ['Ann Cole', 'ann cole', 'person'], ['Okafor', 'okafor', 'person']],
  ],
  [
    'The Justice Department, the Minister of Foreign Affairs and General Electric responded.',
    [
      ['Justice Department', 'justice department', 'organisation'],
      ['Minister of Foreign Affairs', 'minister of foreign affairs', 'other'],
      ['General Electric', 'general electric', 'other'],
    ],
  ],
  ["The People's Liberation Army and the Ministry of Public Security attended.", [
    ["People's Liberation Army", "people's liberation army", 'organisation'],
    ['Ministry of Public Security', 'ministry of public security', 'organisation'],
  ]],
  ['Protesters gathered in Hong Kong and New York.', [['Hong Kong', 'hong kong', 'place'], ['New York', 'new york', 'place']]],
];

describe('entity facts', () => {
  it.each(cases)('%s', (sentence, expected) => {
    expect(entities(sentence)).toEqual(expected);
  });

  const none: [string, string][] = [
    ['sentence-initial common words', 'Hackers used stolen passwords, and Meanwhile nothing.'],
    ['a capitalised opener that is not a name', 'Additionally, the firm paid a fine.'],
    ['nationality adjectives', 'Chinese and Western officials met Russian envoys.'],
    ['month names in dates', 'In March 2022 the office moved.'],
    ['weekdays', 'The firm reported on Wednesday.'],
  ];
  it.each(none)('finds no entity in %s', (_label, sentence) => {
    expect(entities(sentence)).toEqual([]);
  });

  it('keeps a sentence-initial single name that speaks', () => {
    expect(entities('Novacorp said profits fell.')).toEqual([['Novacorp', 'novacorp', 'other']]);
  });

  it('in a Title Case headline keeps only listed names and acronyms', () => {
    expect(entities('Freedonia Accuses US Of Hacking Its Biggest Banks')).toEqual([['US', 'us', 'place']]);
  });

  it('does not type a two-word name as a person without a cue', () => {
    expect(entities('The app adds a Premium Lite tier.')).toEqual([['Premium Lite', 'premium lite', 'other']]);
  });

  it('does not take a currency prefix for a name', () => {
    expect(entities('The deal is worth US$5 billion.')).toEqual([]);
  });
});
