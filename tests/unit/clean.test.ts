import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { cleanText } from '../../shared/engine/clean';
import type { CleanedText } from '../../shared/engine/clean';

// All page text below is invented for these tests.

type Verdict = 'title' | 'kept' | string;

/** Verdict per trimmed line text: 'title', 'kept' or the removal reason. */
function verdicts(text: string, overrides?: Record<number, boolean>): Map<string, Verdict[]> {
  const result = cleanText(text, overrides);
  const out = new Map<string, Verdict[]>();
  const add = (line: string, verdict: Verdict): void => {
    out.set(line, [...(out.get(line) ?? []), verdict]);
  };
  if (result.titleSpan) add(text.slice(result.titleSpan.start, result.titleSpan.end), 'title');
  for (const block of result.blocks) add(text.slice(block.start, block.end), 'kept');
  for (const removed of result.removed) add(removed.text, removed.reason);
  return out;
}

function verdictOf(text: string, line: string): Verdict | undefined {
  return verdicts(text).get(line)?.[0];
}

const P1 = 'The city council voted on Tuesday to close the old river bridge after engineers found cracks in two of its piers.';
const P2 = 'Repairs are expected to take at least 18 months and cost about $40 million, the council said in a statement.';
const P3 = 'Commuters will be diverted to a temporary ferry service that starts running next week, officials added.';
const P4 = 'Local business owners said the closure would hurt trade, but most agreed that safety had to come first.';
const TITLE = 'Council Closes River Bridge After Engineers Find Cracks';

function page(...lines: string[]): string {
  return lines.join('\n');
}

/** Every non-blank line in exactly one of title/blocks/removed, each span slicing back exactly. */
function expectPartition(text: string, result: CleanedText): void {
  const spans: { start: number; end: number }[] = [...result.blocks, ...result.removed];
  if (result.titleSpan) spans.push(result.titleSpan);
  spans.sort((a, b) => a.start - b.start);
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    expect(span.start).toBeGreaterThanOrEqual(0);
    expect(span.end).toBeGreaterThan(span.start);
    expect(span.end).toBeLessThanOrEqual(text.length);
    const slice = text.slice(span.start, span.end);
    expect(slice.trim()).toBe(slice);
    if (i > 0) expect(span.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
  }
  for (const removed of result.removed) expect(text.slice(removed.start, removed.end)).toBe(removed.text);
  if (result.titleSpan) expect(text.slice(result.titleSpan.start, result.titleSpan.end)).toBe(result.title);
  const nonBlank = text.split(/\r\n|\r|\n|\u2028|\u2029/).filter((line) => /[^\s\x00-\x1f\u0085\u200b-\u200d\u2060\ufeff]/u.test(line));
  expect(spans.length).toBe(nonBlank.length);
  for (let i = 1; i < result.blocks.length; i++) expect(result.blocks[i]!.start).toBeGreaterThan(result.blocks[i - 1]!.start);
}

describe('cleanText: title', () => {
  it('takes the first headline-like line as title, outside blocks', () => {
    const text = page(TITLE, '', P1, P2);
    const result = cleanText(text);
    expect(result.title).toBe(TITLE);
    expect(result.titleSpan).toEqual({ start: 0, end: TITLE.length });
    expect(result.blocks.map((b) => text.slice(b.start, b.end))).toEqual([P1, P2]);
    expect(result.removed).toEqual([]);
  });

  it('has no title when the text starts with prose', () => {
    const result = cleanText(page(P1, P2));
    expect(result.title).toBeNull();
    expect(result.titleSpan).toBeNull();
    expect(result.blocks).toHaveLength(2);
  });

  it('removes later copies of the headline as duplicate-headline', () => {
    const text = page(TITLE, '', TITLE, '', P1, P2);
    expect(verdicts(text).get(TITLE)).toEqual(['title', 'duplicate-headline']);
  });

  it('treats a crumb trail ending in the headline as navigation', () => {
    const text = page(`Home Local ${TITLE}`, 'Local', '', TITLE, P1, P2, P3);
    expect(verdictOf(text, `Home Local ${TITLE}`)).toBe('navigation');
    expect(verdictOf(text, TITLE)).toBe('title');
    expect(verdictOf(text, 'Local')).not.toBe('kept');
  });
});

describe('cleanText: chrome kinds', () => {
  it('removes search boxes, section names, bylines and timestamps around the headline', () => {
    const text = page('Type to search', '- Newswire', '- Yesterday', TITLE, 'By Jane Doe', '- 3 Hours ago', 'Metro', P1, P2, P3);
    const v = verdicts(text);
    expect(v.get('Type to search')).toEqual(['navigation']);
    expect(v.get('- Newswire')).toEqual(['byline']);
    expect(v.get('- Yesterday')).toEqual(['timestamp']);
    expect(v.get('By Jane Doe')).toEqual(['byline']);
    expect(v.get('- 3 Hours ago')).toEqual(['timestamp']);
    expect(v.get('Metro')?.[0]).not.toBe('kept');
    expect(v.get(TITLE)).toEqual(['title']);
  });

  it('removes "Name in City |" bylines and lone names next to a bio', () => {
    const text = page(TITLE, 'Ana Ortiz in Porto |', P1, P2, 'Ana Ortiz', 'Ana Ortiz is a senior reporter at the Daily Example. She has covered transport since 2015.');
    const v = verdicts(text);
    expect(v.get('Ana Ortiz in Porto |')).toEqual(['byline']);
    expect(v.get('Ana Ortiz')).toEqual(['byline']);
    expect(v.get('Ana Ortiz is a senior reporter at the Daily Example. She has covered transport since 2015.')).toEqual(['author-bio']);
  });

  it('removes related-article lists after a marker, with teasers and repeated section labels', () => {
    const text = page(
      TITLE, P1, P2, P3,
      'Related Articles',
      'Harbour Tunnel Reopens After Year of Works', 'Metro', 'Harbour Tunnel Reopens After Year of Works',
      'The long-awaited tunnel finally opened to traffic on Monday, bringing relief to...',
      'Tram fares to rise by ten cents in January', 'Metro',
      'City transport officials announced a modest fare increase...',
    );
    const v = verdicts(text);
    expect(v.get('Related Articles')).toEqual(['related-links']);
    expect(v.get('Harbour Tunnel Reopens After Year of Works')?.every((x) => x !== 'kept')).toBe(true);
    expect(v.get('Metro')?.every((x) => x !== 'kept')).toBe(true);
    expect(v.get('The long-awaited tunnel finally opened to traffic on Monday, bringing relief to...')).toEqual(['related-links']);
    expect(v.get('Tram fares to rise by ten cents in January')).toEqual(['related-links']);
    expect(v.get(P3)).toEqual(['kept']);
  });

  it('removes "Also read:" lists but keeps prose that follows them', () => {
    const text = page(TITLE, P1, 'Also read:', 'Ferry Operator Wins Contract', 'Bridge Inspections Were Delayed, Audit Finds', P2, P3);
    const v = verdicts(text);
    expect(v.get('Also read:')).toEqual(['related-links']);
    expect(v.get('Ferry Operator Wins Contract')).toEqual(['related-links']);
    expect(v.get('Bridge Inspections Were Delayed, Audit Finds')).toEqual(['related-links']);
    expect(v.get(P2)).toEqual(['kept']);
  });

  it('removes inline "More to Read:" and "See Also:" links', () => {
    const text = page(TITLE, P1, 'More to Read:Ferry Operator Wins Contract, Paper Says', P2, 'See Also: Engineers Warn Of Ageing Bridges Nationwide', P3);
    const v = verdicts(text);
    expect(v.get('More to Read:Ferry Operator Wins Contract, Paper Says')).toEqual(['related-links']);
    expect(v.get('See Also: Engineers Warn Of Ageing Bridges Nationwide')).toEqual(['related-links']);
    expect(v.get(P2)).toEqual(['kept']);
  });

  it('removes a run of title-case headlines after the article without a marker', () => {
    const text = page(TITLE, P1, P2, 'Ferry Operator Wins Contract', 'Mayor Defends Transport Budget', 'New Cycle Lanes Open Downtown');
    const v = verdicts(text);
    for (const line of ['Ferry Operator Wins Contract', 'Mayor Defends Transport Budget', 'New Cycle Lanes Open Downtown']) {
      expect(v.get(line)).toEqual(['related-links']);
    }
  });

  it('removes disclaimers, image credits and captions', () => {
    const text = page(
      TITLE,
      'Pedestrians walk past the closed bridge on Tuesday (Example Agency pic). Image: Jane Doe.',
      'Image via Stock Library', 'Photo: John Roe', P1, P2,
      'Disclaimer: Parts of this piece were drafted by an automated writing tool and checked by our desk.',
    );
    const v = verdicts(text);
    expect(v.get('Pedestrians walk past the closed bridge on Tuesday (Example Agency pic). Image: Jane Doe.')).toEqual(['image-credit']);
    expect(v.get('Image via Stock Library')).toEqual(['image-credit']);
    expect(v.get('Photo: John Roe')).toEqual(['image-credit']);
    expect(v.get('Disclaimer: Parts of this piece were drafted by an automated writing tool and checked by our desk.')).toEqual(['disclaimer']);
  });

  it('removes comment widgets, share rows and subscription pitches', () => {
    const text = page(TITLE, 'Comments', 'Loading...', P1, 'Share on Facebook', 'Sign up for our free daily newsletter', P2, P3, 'Comments', 'Post a Comment');
    const v = verdicts(text);
    expect(v.get('Comments')).toEqual(['comments', 'comments']);
    expect(v.get('Loading...')).toEqual(['comments']);
    expect(v.get('Post a Comment')).toEqual(['comments']);
    expect(v.get('Share on Facebook')).toEqual(['share-widget']);
    expect(v.get('Sign up for our free daily newsletter')).toEqual(['subscription']);
  });

  it('removes "Read the full report", "Read Next:", "Posted In:" and the footer pitch after them', () => {
    const text = page(
      TITLE, P1, P2, P3, 'Read the full report: Example Daily', 'Read Next: ',
      'Disclaimer: The views expressed here are the author\'s own.',
      'Posted In:', 'Example Media makes the news simpler for busy people',
      'Plan ahead with smart alerts and reports about the places you care about.', 'Join Now: Free!',
    );
    const v = verdicts(text);
    expect(v.get('Read the full report: Example Daily')).toEqual(['read-next']);
    expect(v.get('Read Next:')).toEqual(['read-next']);
    expect(v.get('Posted In:')).toEqual(['navigation']);
    expect(v.get('Example Media makes the news simpler for busy people')?.[0]).not.toBe('kept');
    expect(v.get('Plan ahead with smart alerts and reports about the places you care about.')).toEqual(['subscription']);
    expect(v.get('Join Now: Free!')).toEqual(['subscription']);
  });

  it('keeps an opinion section and its heading inside the article', () => {
    const opinion = 'In my view, the council waited far too long, and residents deserve a clear timetable for the repairs.';
    const text = page(TITLE, P1, P2, "Editor's Opinion", opinion, 'Related Articles', 'Ferry Operator Wins Contract');
    const v = verdicts(text);
    expect(v.get("Editor's Opinion")).toEqual(['kept']);
    expect(v.get(opinion)).toEqual(['kept']);
  });

  it('removes metadata rows, photo credits, ranks and tag lists', () => {
    const text = page(
      'Posted by Admin | March 3, 2025 | 4 min read', TITLE,
      'Workers inspect a pier on Monday. Jane Doe/Example Photo Agency', P1, 'Jane Doe/Example Photo Agency', P2, P3,
      'Tags: bridges, transport', 'Most Read', '1', 'Harbour Tunnel Reopens', '2', 'Is The Tram Worth It?',
    );
    const v = verdicts(text);
    expect(v.get('Posted by Admin | March 3, 2025 | 4 min read')).toEqual(['timestamp']);
    expect(v.get('Workers inspect a pier on Monday. Jane Doe/Example Photo Agency')).toEqual(['image-credit']);
    expect(v.get('Jane Doe/Example Photo Agency')).toEqual(['image-credit']);
    expect(v.get('Tags: bridges, transport')).toEqual(['navigation']);
    for (const line of ['1', '2', 'Harbour Tunnel Reopens', 'Is The Tram Worth It?']) expect(v.get(line)?.[0]).not.toBe('kept');
  });

  it('removes pitches after a footer marker until the article resumes', () => {
    const pitch = 'Get smarter about your city with our free morning briefing.';
    const text = page(TITLE, P1, 'Comments', P2, P3, 'Disclaimer: Opinions are the author\'s own.', pitch);
    const v = verdicts(text);
    expect(v.get(P2)).toEqual(['kept']);
    expect(v.get(P3)).toEqual(['kept']);
    expect(v.get(pitch)).toEqual(['subscription']);
  });

  it('keeps a list the article introduces with a colon, even at the end', () => {
    const items = ['A Temporary Ferry Service', 'Extra Night Buses', 'Free Parking At Two Stations'];
    const text = page(TITLE, P1, P2, 'The council’s plan includes:', ...items);
    const v = verdicts(text);
    expect(v.get('The council’s plan includes:')).toEqual(['kept']);
    for (const item of items) expect(v.get(item)).toEqual(['kept']);
  });

  it('removes alt text above an image caption', () => {
    const text = page(TITLE, P1, 'river bridge cracks', 'A crack in one of the piers (Example Agency photo).', P2);
    expect(verdictOf(text, 'river bridge cracks')).toBe('image-credit');
  });
});

describe('cleanText: content is kept', () => {
  const tricky = [
    'Share prices of the construction firm fell 4% after the announcement.',
    'The report was published by the transport agency on Wednesday.',
    'Home sales in the district rose 3% in May, the agency said.',
    'By March, the contractor had hired 200 extra workers for the job.',
    'Subscribers to the ferry pass will get a discount, officials said.',
    'Jane Roe is an analyst at a local bank. She has warned that the closure could cost millions.',
    'Comments from residents were overwhelmingly negative, the survey found.',
    'Related work on the northern bridge is due to start next year.',
    'Photos of the cracks were shared widely online before the vote.',
  ];
  it.each(tricky)('keeps %s', (line) => {
    const text = page(TITLE, P1, line, P2, P3);
    expect(verdictOf(text, line)).toBe('kept');
  });

  it('keeps a short final sentence and a long standfirst', () => {
    const standfirst = 'The closure comes months after residents first complained about loud noises coming from the structure during storms';
    const text = page(TITLE, standfirst, P1, P2, 'Nobody was hurt.');
    const v = verdicts(text);
    expect(v.get(standfirst)).toEqual(['kept']);
    expect(v.get('Nobody was hurt.')).toEqual(['kept']);
  });

  it('keeps lines with sentence punctuation that follow a mid-article widget', () => {
    const text = page(TITLE, P1, 'Comments', P2, P3, P4);
    const v = verdicts(text);
    for (const line of [P1, P2, P3, P4]) expect(v.get(line)).toEqual(['kept']);
  });
});

describe('cleanText: overrides', () => {
  const text = page(TITLE, 'By Jane Doe', P1, P2);
  const bylineStart = text.indexOf('By Jane Doe');
  const p1Start = text.indexOf(P1);

  it('true keeps a removed line, false removes a kept one', () => {
    const v = verdicts(text, { [bylineStart]: true, [p1Start]: false });
    expect(v.get('By Jane Doe')).toEqual(['kept']);
    expect(v.get(P1)).toEqual(['user-removed']);
  });

  it('false on the title removes it', () => {
    const result = cleanText(text, { 0: false });
    expect(result.title).toBeNull();
    expect(result.removed[0]).toMatchObject({ start: 0, reason: 'user-removed' });
  });

  it('accepts the raw line start when the line is indented', () => {
    const indented = page(TITLE, '   By Jane Doe', P1, P2);
    const raw = indented.indexOf('   By');
    expect(verdicts(indented, { [raw]: true }).get('By Jane Doe')).toEqual(['kept']);
  });
});

describe('cleanText: robustness', () => {
  it('handles empty and blank text', () => {
    expect(cleanText('')).toEqual({ title: null, titleSpan: null, blocks: [], removed: [] });
    expect(cleanText(' \n\r\n\t\n')).toEqual({ title: null, titleSpan: null, blocks: [], removed: [] });
  });

  it('handles CRLF line endings with exact offsets', () => {
    const text = page(TITLE, '', 'By Jane Doe', P1, P2).replace(/\n/g, '\r\n');
    const result = cleanText(text);
    expect(result.title).toBe(TITLE);
    expect(result.blocks.map((b) => text.slice(b.start, b.end))).toEqual([P1, P2]);
    expect(result.removed.map((r) => r.text)).toEqual(['By Jane Doe']);
    expectPartition(text, result);
  });

  it('handles a 1 MB single line quickly', () => {
    const text = 'The bridge is closed for repairs. '.repeat(31_000);
    const t0 = performance.now();
    const result = cleanText(text);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(result.blocks).toEqual([{ start: 0, end: text.length - 1 }]);
    const noSpaces = 'x'.repeat(1_000_000);
    expect(cleanText(noSpaces).blocks).toEqual([{ start: 0, end: 1_000_000 }]);
  });

  it('handles emoji and right-to-left text', () => {
    const text = page('🌉 Council Closes River Bridge 🚧', 'أغلق المجلس الجسر القديم بعد اكتشاف تشققات في دعامتين.', 'הגשר ייסגר לשנה וחצי לפחות, כך נמסר.', P1);
    const result = cleanText(text);
    expectPartition(text, result);
    expect(result.blocks.length).toBeGreaterThanOrEqual(3);
  });

  it('is deterministic', () => {
    const text = page(TITLE, 'By Jane Doe', P1, 'Related Articles', 'Ferry Operator Wins Contract');
    expect(cleanText(text)).toEqual(cleanText(text));
  });

  const lineArb = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(TITLE, P1, P2, 'Related Articles', 'By Jane Doe', '- 2 Hours ago', 'Comments', 'Metro', '  ', '\u200b', 'Home Metro Council Closes River Bridge After Engineers Find Cracks'),
  );
  const sepArb = fc.constantFrom('\n', '\r\n', '\n\n', '\r', '\u2028');

  it('partitions arbitrary text into exact, sorted, non-overlapping spans', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(lineArb, sepArb), { maxLength: 25 }), (parts) => {
        const text = parts.map(([line, sep]) => line + sep).join('');
        expectPartition(text, cleanText(text));
      }),
      { numRuns: 300 },
    );
  });

  it('applies overrides by any line start without breaking the partition', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 15 }), fc.array(fc.boolean(), { maxLength: 15 }), (lines, flags) => {
        const text = lines.join('\n');
        const base = cleanText(text);
        const starts = [...base.blocks, ...base.removed].map((s) => s.start);
        const overrides: Record<number, boolean> = {};
        starts.forEach((start, i) => {
          if (flags[i] !== undefined) overrides[start] = flags[i];
        });
        const result = cleanText(text, overrides);
        expectPartition(text, result);
        for (const block of result.blocks) if (overrides[block.start] === false) throw new Error('override ignored');
      }),
      { numRuns: 200 },
    );
  });
});

describe('cleanText: footer and pitch lines', () => {
  it.each([
    ['Affiliate disclosure: We may earn a small fee when you buy through links on this page.', 'disclaimer'],
    ['Our Standards: How we report and correct our stories.', 'disclaimer'],
    ['This is a developing story and may change as we learn more.', 'disclaimer'],
    ['Sponsored: Five ways to protect your small business from phishing', 'subscription'],
    ['With additional reporting from the North Coast Press agency.', 'byline'],
    ['Was this story helpful? Yes No', 'comments'],
    ['River Valley Times is reader-supported. Become a member to read every story.', 'subscription'],
    ['Full data tables for this survey are available to subscribers of our premium service.', 'subscription'],
    ['Explainer: How do bridge inspections actually work?', 'read-next'],
    ['About the author: Our regional desk covers transport and city politics across the valley.', 'author-bio'],
    ['Martina Osei is a staff writer at River Valley Times, where she covers city hall and transport.', 'author-bio'],
    ['Tomas Reyes covers infrastructure and planning for River Valley Times.', 'author-bio'],
  ])('removes %j', (line, reason) => {
    const text = `Bridge closes for repairs\n\n${P1}\n\n${P2}\n\n${P3}\n\n${line}\n\n${P4}`;
    expect(verdictOf(text, line)).toBe(reason);
    for (const p of [P1, P2, P3, P4]) expect(verdictOf(text, p)).toBe('kept');
  });

  it('keeps news prose that merely mentions coverage or subscribers', () => {
    const prose = 'The union said its members would cover the extra shifts for the city until the bridge reopens.';
    const subscribers = 'The streaming service said it had lost 2 million subscribers in the quarter.';
    const text = `Bridge closes for repairs\n\n${P1}\n\n${prose}\n\n${subscribers}\n\n${P2}`;
    expect(verdictOf(text, prose)).toBe('kept');
    expect(verdictOf(text, subscribers)).toBe('kept');
  });
});
