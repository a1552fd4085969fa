import { describe, expect, it } from 'vitest';
import { compareResultSchema } from '../../shared/engine/schema';
import type { CompareResult, Sentence, Version } from '../../shared/engine/types';
import { escapeHtml, renderHtml } from '../../shared/report/html';
import { escapeMarkdown, renderMarkdown } from '../../shared/report/markdown';

const XSS = '<script>alert(1)</script>';
const ATTR = '"><img src=x onerror=alert(2)>';

function sentence(id: string, text: string, start = 0): Sentence {
  return { id, text, start, end: start + text.length, facts: [] };
}

function version(id: string, label: string, title: string | null, sentences: Sentence[], removed: Version['removed'] = []): Version {
  return { id, label, source: `${label}.txt`, title, sentences, removed };
}

// Base is v2 (index 1) while the v1–v2 pair is stored as (v1, v2): the
// renderers must turn it around so that "-" means "only in the base".
function sample(): CompareResult {
  const v1 = version('v1', `Wire ${ATTR}`, `Storm ${XSS}`, [
    sentence('v1.s1', 'Winds damaged 270 cranes on Tuesday.'),
    sentence('v1.s2', `The mayor said ${ATTR} nothing.`),
    sentence('v1.s3', 'Fishermen fear a long closure.'),
  ]);
  const v2 = version(
    'v2',
    'Daily',
    'Storm shuts harbour',
    [
      sentence('v2.s1', 'Winds damaged 300 cranes on Tuesday.'),
      sentence('v2.s2', `The mayor said ${ATTR} nothing at all.`),
      sentence('v2.s3', 'Ships wait offshore.'),
      sentence('v2.s4', 'Crews began repairs.'),
      sentence('v2.s5', 'Officials gave no date.'),
    ],
    [
      { start: 0, end: 4, text: 'Home', reason: 'navigation' },
      { start: 5, end: 9, text: 'News', reason: 'navigation' },
      { start: 10, end: 15, text: 'Share', reason: 'share-widget' },
    ],
  );
  const v3 = version('v3', 'Gazette', null, [sentence('v3.s1', 'Ships wait offshore.'), sentence('v3.s2', `Quote ${XSS} here.`)]);
  return {
    schema: 'parallax.compare/1',
    engine: { version: '9.9.9', options: { base: 1, budgetMs: 20000, linkThreshold: 0.3 }, budgetExceeded: ['word-diff'] },
    versions: [v1, v2, v3],
    pairs: [
      {
        a: 'v1',
        b: 'v2',
        copied: 0.64,
        links: [
          {
            a: ['v1.s1'],
            b: ['v2.s1'],
            kind: 'changed',
            moved: false,
            score: 0.9,
            changes: [{ kind: 'number', a: '270 cranes', b: '300 cranes' }],
            words: [
              { op: '=', text: 'Winds damaged' },
              { op: '-', text: ' 270' },
              { op: '+', text: ' 300' },
              { op: '=', text: ' cranes on Tuesday.' },
            ],
          },
          {
            a: ['v1.s2'],
            b: ['v2.s2'],
            kind: 'reworded',
            moved: true,
            score: 0.8,
            changes: [],
            words: [
              { op: '=', text: `The mayor said ${ATTR} nothing` },
              { op: '+', text: ' at all <b>really</b>' },
              { op: '=', text: '.' },
            ],
          },
        ],
        onlyA: ['v1.s3'],
        onlyB: ['v2.s3', 'v2.s4', 'v2.s5'],
      },
      {
        a: 'v2',
        b: 'v3',
        copied: 0.2,
        links: [
          { a: ['v2.s3'], b: ['v3.s1'], kind: 'identical', moved: false, score: 1, changes: [], words: [{ op: '=', text: 'Ships wait offshore.' }] },
          { a: ['v2.s4', 'v2.s5'], b: ['v3.s2'], kind: 'reworded', moved: false, score: 0.4, changes: [], words: null },
        ],
        onlyA: ['v2.s1', 'v2.s2'],
        onlyB: [],
      },
      { a: 'v1', b: 'v3', copied: 0, links: [], onlyA: ['v1.s1', 'v1.s2', 'v1.s3'], onlyB: ['v3.s1', 'v3.s2'] },
    ],
    facts: [
      {
        id: 'f1',
        kind: 'number',
        summary: `cranes ${XSS}`,
        cells: {
          v1: { status: 'changed', sentences: ['v1.s1'], text: '270 cranes' },
          v2: { status: 'verbatim', sentences: ['v2.s1'], text: '300 cranes' },
          v3: { status: 'absent', sentences: [] },
        },
        conflicts: [
          {
            kind: 'number',
            values: [
              { text: '300 cranes', versions: ['v2'] },
              { text: `270 ${ATTR}`, versions: ['v1'] },
            ],
          },
        ],
      },
    ],
  };
}

describe('the hand-made result', () => {
  it('is a valid parallax.compare/1 result', () => {
    expect(() => compareResultSchema.parse(sample())).not.toThrow();
  });
});

describe('renderMarkdown', () => {
  const md = renderMarkdown(sample());

  it('shows each version with its label and title', () => {
    expect(md).toContain('| v2 · Daily | Storm shuts harbour | Daily.txt | 5 | 3 |');
    expect(md).toContain('| v3 · Gazette | _(no title)_ |');
  });

  it('walks the base version (v2) sentence by sentence, pairs turned to face it', () => {
    expect(md).toContain('## Base version v2 · Daily, sentence by sentence');
    expect(md).toContain('facts: number “300 cranes” → “270 cranes”');
    expect(md).toContain('Winds damaged [-300-] {+270+} cranes on Tuesday.');
    expect(md).toMatch(/≈ reworded \(v1\.s2, moved\) — .*nothing \[-at all \\<b\\>really\\<\/b\\>-\]\./);
    expect(md).toContain('**v1 · Wire');
    expect(md).toContain('= identical (v3.s1)');
    expect(md).toContain('∅ absent');
  });

  it('shows a many-to-one link once and refers back to it', () => {
    expect(md).toContain('too different for a word-by-word diff');
    expect(md).toContain('≈ reworded (v3.s2), together with v2.s4 above');
  });

  it('lists sentences only in other versions, the fact matrix, provenance and removed chrome', () => {
    expect(md).toContain('### Only in v1 · Wire');
    expect(md).toContain('- **v1.s3** Fishermen fear a long closure.');
    expect(md).toContain('### Only in v3 · Gazette (0)');
    expect(md).toMatch(/\| f1: cranes .* \| number \| ▲ changed “270 cranes” \| ● verbatim “300 cranes” \| ○ absent \| ⚠ “300 cranes” \(Daily\) vs “270/);
    expect(md).toContain('| 64% | 2 | 1 | 3 |');
    expect(md).toContain('| v2 · Daily | 3 | navigation 2, share-widget 1 |');
    expect(md).toContain('the time budget ran out in word-diff');
  });

  it('escapes every "<" and markup character from the input', () => {
    expect(md).not.toMatch(/(^|[^\\])</m);
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(escapeMarkdown('a*b_c [x](y) |z| `k` \\ & <t>')).toBe('a\\*b\\_c \\[x\\](y) \\|z\\| \\`k\\` \\\\ \\& \\<t\\>');
  });
});

describe('renderHtml', () => {
  const html = renderHtml(sample());

  it('is a self-contained page with a restrictive CSP and no scripts', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).not.toMatch(/<script|<img|<link|<iframe|javascript:/i);
    // Only the renderer's own tags appear: nothing from the input became markup.
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase()));
    const allowed = ['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'p', 'strong', 'em', 'span', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'blockquote', 'ul', 'li', 'q', 'ins', 'del'];
    expect([...tags].filter((t) => !allowed.includes(t))).toEqual([]);
    expect(html).toContain('<style>');
  });

  it('escapes article text, labels, titles and fact values', () => {
    expect(html).toContain('Storm &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Wire &quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('270 &quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('&lt;b&gt;really&lt;/b&gt;');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('marks words with <ins>/<del> from the base version’s side', () => {
    expect(html).toContain('Winds damaged <del>300</del> <ins>270</ins> cranes on Tuesday.');
    expect(html).toContain('nothing <del>at all &lt;b&gt;really&lt;/b&gt;</del>.');
  });

  it('labels every status with a word and a symbol, not colour alone', () => {
    for (const [kind, mark] of [['identical', '='], ['reworded', '≈'], ['changed', '≠'], ['absent', '∅'], ['verbatim', '●']]) {
      expect(html).toContain(`<span class="${kind}"><span class="mark" aria-hidden="true">${mark}</span>${kind}</span>`);
    }
    expect(html).toContain('<span class="conflict">⚠ conflict:</span>');
  });

  it('includes provenance and removed-chrome counts', () => {
    expect(html).toContain('<td>v1 · Wire &quot;&gt;&lt;img src=x onerror=alert(2)&gt; ↔ v2 · Daily</td><td>64%</td>');
    expect(html).toContain('<td>navigation 2, share-widget 1</td>');
  });
});
