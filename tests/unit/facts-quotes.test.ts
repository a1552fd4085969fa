import { describe, expect, it } from 'vitest';
import { factsOf } from './facts-helpers';

const quotes = (sentence: string): [string, string, string | null][] =>
  factsOf(sentence, 'quote').map((f) => [f.text, f.value.key, f.value.speaker]);

const attributions = (sentence: string): [string, string, string | null][] =>
  factsOf(sentence, 'attribution').map((f) => [f.text, f.value.verb, f.value.source]);

describe('quote facts', () => {
  const cases: [string, [string, string, string | null][]][] = [
    [
      '"We will rebuild," said Mayor Ruth Okafor.',
      [['"We will rebuild,"', 'we will rebuild', 'Mayor Ruth Okafor']],
    ],
    [
      'The minister said: “The border stays open.”',
      [['“The border stays open.”', 'the border stays open', 'minister']],
    ],
    [
      'The break-ins were meant to “harvest design files”, according to the agency.',
      [['“harvest design files”', 'harvest design files', 'agency']],
    ],
    ['Critics called the plan a “disaster”.', [['“disaster”', 'disaster', null]]],
    ['Le ministre a parlé de «\u00A0sabotage\u00A0» hier.', [['«\u00A0sabotage\u00A0»', 'sabotage', null]]],
    ['The union called it ‘a betrayal’ of workers.', [['‘a betrayal’', 'a betrayal', null]]],
    ['The board’s view didn’t change.', []],
    ['The screen measures 27" across.', []],
  ];
  it.each(cases)('%s', (sentence, expected) => {
    expect(quotes(sentence)).toEqual(expected);
  });

  it('keys straight and curly quotes of the same words alike', () => {
    const [a] = factsOf('He said "Stop  the   attacks."', 'quote');
    const [b] = factsOf('He said “stop the attacks”.', 'quote');
    expect(a?.value.key).toBe('stop the attacks');
    expect(b?.value.key).toBe(a?.value.key);
  });

  it('keeps both halves of a quotation split across sentences', () => {
    expect(quotes('“We saw nothing like this before.')).toEqual([
      ['“We saw nothing like this before.', 'we saw nothing like this before', null],
    ]);
    expect(quotes('Nobody was ready for it,” she said.')).toEqual([['Nobody was ready for it,”', 'nobody was ready for it', 'she']]);
  });
});

describe('attribution facts', () => {
  const cases: [string, [string, string, string | null][]][] = [
    ['NCRT/CC said the servers were compromised.', [['said', 'say', 'NCRT/CC']]],
    ['According to NCRT, the probe is over.', [['According to', 'accord', 'NCRT']]],
    ['The breach is contained, it said.', [['said', 'say', 'it']]],
    ['The losses were large, said CDPRB/MC, which says it remains neutral.', [['said', 'say', 'CDPRB/MC'], ['says', 'say', 'CDPRB/MC']]],
    ['The firm told investors it would recover.', [['told', 'tell', 'firm']]],
    ['The agency stated that it had acted.', [['stated', 'state', 'agency']]],
    ['The group claimed responsibility.', [['claimed', 'claim', 'group']]],
    ['Prosecutors alleged fraud.', [['alleged', 'allege', 'Prosecutors']]],
    ['Local media reported the arrests.', [['reported', 'report', 'Local media']]],
    ['The ministry accused rivals of spying.', [['accused', 'accuse', 'ministry']]],
    ['The company has denied wrongdoing.', [['denied', 'deny', 'company']]],
    ['The port announced new fees.', [['announced', 'announce', 'port']]],
    ['Police confirmed two arrests.', [['confirmed', 'confirm', 'Police']]],
    ['The regulator warned of delays.', [['warned', 'warn', 'regulator']]],
    ['Exports fell, it added.', [['added', 'add', 'it']]],
    ['The firm was accused by regulators of collusion.', [['accused', 'accuse', 'regulators']]],
    [
      'According to a survey by the Northern Ledger, the talks failed.',
      [['According to', 'accord', 'Northern Ledger']],
    ],
    ['The regional agency (RCA) said it was investigating.', [['said', 'say', 'RCA']]],
    ['Ana Ruiz, a senior analyst at the bank, said rates would rise.', [['said', 'say', 'Ana Ruiz']]],
    ['Freedonia has also repeatedly accused its neighbour of meddling.', [['accused', 'accuse', 'Freedonia']]],
    ['The watchdog claims that fees rose.', [['claims', 'claim', 'watchdog']]],
    ['Ban on imports looms, the Daily Ledger reports', [['reports', 'report', 'Daily Ledger']]],
  ];
  it.each(cases)('%s', (sentence, expected) => {
    expect(attributions(sentence)).toEqual(expected);
  });

  const none: [string, string][] = [
    ['a noun "claims"', 'Its claims of innocence were ignored.'],
    ['a noun "reports"', 'Media reports of the deal were wrong, and free reports are rare.'],
    ['an adjective "alleged"', 'The alleged attack was foiled.'],
    ['an adjective "reported"', 'The reported figures were revised.'],
    ['"United States"', 'The United States imposed tariffs.'],
    ['"reportedly"', 'The hackers reportedly stole data.'],
  ];
  it.each(none)('finds no attribution in %s', (_label, sentence) => {
    expect(attributions(sentence)).toEqual([]);
  });

  it('gives no source to a participle clause', () => {
    expect(attributions('The office opened an inquiry, alleging that rules were broken.')).toEqual([['alleging', 'allege', null]]);
  });
});
