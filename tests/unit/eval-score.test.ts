// The evaluation's scoring, checked on a tiny hand-labelled story and
// hand-built CompareResults, so the numbers `npm run eval` prints can be
// trusted independently of the engine.
import { describe, expect, it } from 'vitest';
import { resolveGold, splitSentences } from '../../scripts/eval-gold';
import type { Gold, GoldFile } from '../../scripts/eval-gold';
import { mapSentence, prf, scoreStory, sumScores } from '../../scripts/eval-score';
import type { CompareResult, FactRow, SentenceLink, Version } from '../../shared/engine/types';

const TEXTS: Record<string, string> = {
  'a.txt': 'Harbour News\nPort strike halts traffic\nThe port handled 6.1 million containers last year. At least 10 ships waited.\nRead Next: Fuel prices fall\n',
  'b.txt': 'Port strike halts traffic\nThe port moved 6.1 million containers last year. Some 12 ships waited outside. Unions met on Friday.\nComments\n',
};

const GOLD_FILE: GoldFile = {
  versions: ['a.txt', 'b.txt'],
  title: { 'a.txt': ['Port strike halts traffic'], 'b.txt': ['Port strike halts traffic'] },
  boilerplate: { 'a.txt': ['Harbour News', 'Read Next: Fuel prices fall'], 'b.txt': [3] },
  clusters: [
    { note: 'volume', 'a.txt': ['The port handled'], 'b.txt': ['The port moved'] },
    { 'a.txt': ['At least 10 ships'], 'b.txt': ['Some 12 ships'] },
  ],
  facts: [
    { kind: 'number', versions: { 'a.txt': '6.1 million', 'b.txt': '6.1 million' } },
    { kind: 'number', versions: { 'a.txt': 'At least 10 ships' }, changed: { 'b.txt': 'Some 12 ships' } },
  ],
};

const gold = (): Gold => resolveGold('tiny', GOLD_FILE, (file) => TEXTS[file] ?? '');

/** A version whose sentences are exactly the gold sentences and whose removals are the chrome lines. */
function version(g: Gold, index: number, id: string): Version {
  const doc = g.docs[index]!;
  return {
    id,
    label: doc.file,
    source: doc.file,
    title: 'Port strike halts traffic',
    sentences: doc.sentences.map((s, i) => ({ id: `${id}.s${i + 1}`, start: s.start, end: s.end, text: doc.text.slice(s.start, s.end), facts: [] })),
    removed: doc.lines
      .filter((l) => l.kind === 'chrome')
      .map((l) => ({ start: l.start, end: l.end, text: doc.text.slice(l.start, l.end), reason: 'navigation' as const })),
  };
}

const link = (a: string[], b: string[]): SentenceLink => ({ a, b, kind: 'reworded', moved: false, score: 0.8, changes: [], words: null });

function perfect(g: Gold): CompareResult {
  const rows: FactRow[] = [
    {
      id: 'f1', kind: 'number', summary: '6.1 million', conflicts: [],
      cells: { v1: { status: 'verbatim', sentences: ['v1.s1'], text: '6.1 million' }, v2: { status: 'verbatim', sentences: ['v2.s1'], text: '6.1 million' } },
    },
    {
      id: 'f2', kind: 'number', summary: '10 ships',
      cells: { v1: { status: 'verbatim', sentences: ['v1.s2'], text: '10 ships' }, v2: { status: 'changed', sentences: ['v2.s2'], text: '12 ships' } },
      conflicts: [{ kind: 'number', values: [{ text: '10 ships', versions: ['v1'] }, { text: '12 ships', versions: ['v2'] }] }],
    },
  ];
  return {
    schema: 'parallax.compare/1',
    engine: { version: 'test', options: { base: 0, budgetMs: 1000, linkThreshold: 0.5 }, budgetExceeded: [] },
    versions: [version(g, 0, 'v1'), version(g, 1, 'v2')],
    pairs: [{ a: 'v1', b: 'v2', copied: 0, links: [link(['v1.s1'], ['v2.s1']), link(['v1.s2'], ['v2.s2'])], onlyA: [], onlyB: ['v2.s3'] }],
    facts: rows,
  };
}

describe('gold resolution', () => {
  it('classifies lines and splits content into sentences', () => {
    const g = gold();
    expect(g.docs[0]!.lines.map((l) => l.kind)).toEqual(['chrome', 'title', 'content', 'chrome']);
    expect(g.docs[1]!.sentences).toHaveLength(3);
    expect([...g.pairs].sort()).toEqual(['0:0|1:0', '0:1|1:1']);
    expect(g.facts[1]!.mentions.get(1)?.status).toBe('changed');
  });

  it('reports every bad reference at once', () => {
    const bad: GoldFile = { ...GOLD_FILE, boilerplate: { 'a.txt': ['No such line'] }, clusters: [{ 'a.txt': ['6.1'], 'b.txt': ['e'] }] };
    expect(() => resolveGold('bad', bad, (f) => TEXTS[f] ?? '')).toThrow(/No such line[\s\S]*not unique/);
  });

  it('rejects offsets into an edited file via the content hash', () => {
    const hashed: GoldFile = { ...GOLD_FILE, sha256: { 'a.txt': '000000000000' } };
    expect(() => resolveGold('hash', hashed, (f) => TEXTS[f] ?? '')).toThrow(/hash differs/);
  });

  it('does not end sentences at abbreviations, initials or list markers', () => {
    const cut = (line: string): string[] => splitSentences(line, 0).map((s) => line.slice(s.start, s.end));
    expect(cut('The U.S. Department said no. Mr. Lee agreed.')).toEqual(['The U.S. Department said no.', 'Mr. Lee agreed.']);
    expect(cut('Gate No. 5 closed. St. Paul agreed.')).toEqual(['Gate No. 5 closed.', 'St. Paul agreed.']);
    expect(cut('1. Find the serial number. Then call.')).toEqual(['1. Find the serial number.', 'Then call.']);
    expect(cut('"We are ready." She left. Why? Nobody knew.')).toEqual(['"We are ready."', 'She left.', 'Why?', 'Nobody knew.']);
  });
});

describe('scoring', () => {
  it('gives a perfect prediction 1.0 on every measure', () => {
    const g = gold();
    const s = scoreStory(perfect(g), g);
    expect(prf(s.alignment)).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(prf(s.facts)).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(s.conflicts).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(s.chrome).toEqual({ tp: 3, fp: 0, fn: 0 });
    expect(s.contentKept).toEqual({ hit: 5, total: 5 });
    expect(s.notes).toEqual([]);
  });

  it('loses recall, not precision, for a missing link', () => {
    const g = gold();
    const r = perfect(g);
    r.pairs[0]!.links.pop();
    const s = scoreStory(r, g);
    expect(prf(s.alignment)).toMatchObject({ precision: 1, recall: 0.5 });
    expect(s.notes.some((n) => n.startsWith('align FN: a.txt#2'))).toBe(true);
  });

  it('counts every sentence pair of a wrong 1:2 link as a false positive', () => {
    const g = gold();
    const r = perfect(g);
    r.pairs[0]!.links[1] = link(['v1.s2'], ['v2.s2', 'v2.s3']);
    expect(scoreStory(r, g).alignment).toEqual({ tp: 2, fp: 1, fn: 0 });
  });

  it('maps a predicted sentence to the gold sentence it overlaps most, and ignores title pairs', () => {
    const g = gold();
    const doc = g.docs[1]!;
    const merged = { start: doc.sentences[0]!.start, end: doc.sentences[1]!.end };
    expect(mapSentence(doc, merged)).toBe(0);
    const titleLine = doc.lines.find((l) => l.kind === 'title')!;
    expect(mapSentence(doc, titleLine)).toBe('neutral');
    const r = perfect(g);
    r.versions[0]!.sentences.push({ id: 'v1.t', start: g.docs[0]!.lines[1]!.start, end: g.docs[0]!.lines[1]!.end, text: '', facts: [] });
    r.pairs[0]!.links.push(link(['v1.t'], ['v2.s3']));
    expect(scoreStory(r, g)).toMatchObject({ alignment: { tp: 2, fp: 0, fn: 0 }, ignoredPairs: 1 });
  });

  it('scores a fact missing in one version and an unflagged changed value', () => {
    const g = gold();
    const r = perfect(g);
    r.facts[1]!.cells.v2 = { status: 'absent', sentences: [] };
    r.facts[1]!.conflicts = [];
    const s = scoreStory(r, g);
    expect(s.facts).toEqual({ tp: 3, fp: 0, fn: 1 });
    expect(s.conflicts).toEqual({ tp: 0, fp: 0, fn: 1 });
  });

  it('counts a cell pointing at the wrong place as both a false positive and a miss', () => {
    const g = gold();
    const r = perfect(g);
    r.facts[0]!.cells.v2 = { status: 'verbatim', sentences: ['v2.s3'], text: 'Friday' };
    expect(scoreStory(r, g).facts).toEqual({ tp: 3, fp: 1, fn: 1 });
  });

  it('accepts a cell quoting the same digits from the headline, not from another content sentence', () => {
    const file: GoldFile = {
      ...GOLD_FILE,
      title: { 'a.txt': ['Port strike halts traffic'], 'b.txt': ['6.1 million boxes stuck'] },
      facts: [{ kind: 'number', versions: { 'a.txt': '6.1 million', 'b.txt': 'moved 6.1 million' } }, GOLD_FILE.facts![1]!],
    };
    const texts = { ...TEXTS, 'b.txt': `6.1 million boxes stuck\n${TEXTS['b.txt']!.split('\n').slice(1).join('\n')}` };
    const g = resolveGold('headline', file, (f) => texts[f as keyof typeof texts] ?? '');
    const r = perfect(g);
    const title = g.docs[1]!.lines[0]!;
    r.versions[1]!.sentences.push({ id: 'v2.t', start: title.start, end: title.end, text: '6.1 million boxes stuck', facts: [] });
    r.facts[0]!.cells.v2 = { status: 'reworded', sentences: ['v2.t', 'v2.s1'], text: '6.1 million boxes' };
    expect(scoreStory(r, g).facts).toEqual({ tp: 4, fp: 0, fn: 0 });
  });

  it('does not read a version listed under both values as a disagreement', () => {
    const g = gold();
    const r = perfect(g);
    r.facts[0]!.conflicts = [{ kind: 'number', values: [{ text: '6.1 million', versions: ['v1', 'v2'] }, { text: 'ten', versions: ['v1', 'v2'] }] }];
    r.facts[1]!.conflicts = [{ kind: 'number', values: [{ text: '10 ships', versions: ['v1', 'v2'] }, { text: '12 ships', versions: ['v2'] }] }];
    expect(scoreStory(r, g).conflicts).toEqual({ tp: 0, fp: 0, fn: 1 });
  });

  it('flags a conflict between agreeing versions as a false positive', () => {
    const g = gold();
    const r = perfect(g);
    r.facts[0]!.conflicts = [{ kind: 'number', values: [{ text: '6.1 million', versions: ['v1'] }, { text: '6.1m', versions: ['v2'] }] }];
    expect(scoreStory(r, g).conflicts).toEqual({ tp: 1, fp: 1, fn: 0 });
  });

  it('measures chrome kept, content removed and content lost', () => {
    const g = gold();
    const r = perfect(g);
    r.versions[0]!.removed.pop();
    const content = g.docs[1]!.lines.find((l) => l.kind === 'content')!;
    r.versions[1]!.removed.push({ start: content.start, end: content.end, text: '', reason: 'short-fragment' });
    r.versions[1]!.sentences = r.versions[1]!.sentences.slice(0, 1);
    const s = scoreStory(r, g);
    expect(s.chrome).toEqual({ tp: 2, fp: 1, fn: 1 });
    expect(s.contentKept).toEqual({ hit: 3, total: 5 });
  });

  it('counts a duplicated headline as removed when it is the title', () => {
    const file: GoldFile = { versions: ['a.txt'], title: { 'a.txt': [2] }, boilerplate: { 'a.txt': [3] }, clusters: [] };
    const text = 'Intro line here.\nSame headline\nSame headline\nBody text here.\n';
    const g = resolveGold('dup', file, () => text);
    const r = perfect(gold());
    r.versions = [{ id: 'v1', label: 'a', source: 'a', title: 'Same headline', removed: [], sentences: [] }];
    expect(scoreStory(r, g).chrome).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  it('micro-averages by summing counts, and treats empty measures as perfect', () => {
    const g = gold();
    const one = scoreStory(perfect(g), g);
    const r = perfect(g);
    r.pairs = [];
    const none = scoreStory(r, g);
    const total = sumScores([one, none]);
    expect(total.alignment).toEqual({ tp: 2, fp: 0, fn: 2 });
    expect(prf(total.alignment).recall).toBe(0.5);
    expect(prf({ tp: 0, fp: 0, fn: 0 })).toEqual({ precision: 1, recall: 1, f1: 1 });
  });
});
