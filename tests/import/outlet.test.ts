import { describe, expect, it } from 'vitest';
import { fromFileName, fromHost, guessOutlet } from '../../electron/import/outlet';

describe('guessOutlet', () => {
  it('prefers the site name, then the URL, then the file name, then a dateline', () => {
    const all = { siteName: 'The Coastal Ledger', url: 'https://www.other-paper.com/a', sourceName: 'bbc-news_article.html', text: 'LONDON (Wirewire) — Text.' };
    expect(guessOutlet(all)).toBe('The Coastal Ledger');
    expect(guessOutlet({ ...all, siteName: null })).toBe('Other Paper');
    expect(guessOutlet({ ...all, siteName: null, url: null })).toBe('BBC News');
    expect(guessOutlet({ ...all, siteName: null, url: null, sourceName: 'story.txt' })).toBe('Wirewire');
    expect(guessOutlet({})).toBeNull();
  });

  it('turns a site name that is a bare domain into a name', () => {
    expect(guessOutlet({ siteName: 'www.the-harbour-times.com' })).toBe('The Harbour Times');
    expect(guessOutlet({ siteName: 'harbourtimes.com' })).toBe('Harbourtimes');
  });
});

describe('fromHost', () => {
  it.each([
    ['www.harbourtimes.com', 'Harbourtimes'],
    ['m.the-harbour-times.com', 'The Harbour Times'],
    ['amp.ledger.co.uk', 'Ledger'],
    ['edition.cnn.com', 'CNN'],
    ['www.abc.net.au', 'ABC'],
    ['nws.gov', 'NWS'],
    ['abc-news.com', 'ABC News'],
    ['news.example.org', 'Example'],
    ['127.0.0.1', null],
    ['localhost', null],
    ['xn--bcher-kva.de', 'Bücher'],
  ])('%s → %s', (host, expected) => {
    expect(fromHost(host)).toBe(expected);
  });
});

describe('fromFileName: only when the name clearly carries an outlet', () => {
  it.each([
    ['bbc-news_article.html', 'BBC News'],
    ['harbour-times_2024-03-05.txt', 'Harbour Times'],
    ['ledger_v2.docx', 'Ledger'],
    ['/home/me/Downloads/Storm floods the coastal town - The Coastal Ledger.html', 'The Coastal Ledger'],
    ['Storm floods the coastal town | Harbour Times (1).html', 'Harbour Times'],
    ['www.harbourtimes.co.uk_news_storm.html', 'Harbourtimes'],
    ['harbourtimes.com - Storm floods town.pdf', 'Harbourtimes'],
    ['story.txt', null],
    ['climate_change_report.txt', null],
    ['article_v2.txt', null],
    ['Storm floods the coastal town - updated version.html', null],
    ['Storm - v2.txt', null],
    ['notes.md', null],
  ])('%s → %s', (name, expected) => {
    expect(fromFileName(name)).toBe(expected);
  });
});

describe('dateline', () => {
  it('reads the wire-service dateline in the opening paragraphs only', () => {
    expect(guessOutlet({ text: 'Storm floods town\n\nWASHINGTON, March 5 (AP) — Officials said.' })).toBe('AP');
    expect(guessOutlet({ text: 'Officials said on Tuesday (Reuters) that...' })).toBeNull();
  });
});
