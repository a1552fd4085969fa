import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { JSDOM } from 'jsdom';
import type { WindowLike } from 'dompurify';
import { parseDocument } from '../../electron/import/parse-document';
import { sanitize } from '../../electron/import/html';
import { toIsoDate } from '../../electron/import/html-meta';
import { MAX_SOURCE_NESTING, MAX_TREE_DEPTH, nestingDepth } from '../../electron/import/html-depth';

const ARTICLE = readFileSync(new URL('../fixtures/import/article.html', import.meta.url));
const html = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Dangerous markup that must never survive sanitisation. */
function expectSafe(markup: string): void {
  expect(markup).not.toMatch(/<script/i);
  expect(markup).not.toMatch(/\son[a-z]+\s*=/i);
  expect(markup).not.toMatch(/javascript:/i);
  expect(markup).not.toMatch(/\ssrc(set)?\s*=/i);
  expect(markup).not.toMatch(/\sdata-[a-z-]*\s*=/i);
  expect(markup).not.toMatch(/\sstyle\s*=/i);
  expect(markup).not.toMatch(/<(iframe|form|input|button|style|link|meta|object|embed|svg|math|base)\b/i);
}

const PARAGRAPHS = [
  'More than 340 homes in Eastmere were flooded on Tuesday night after the old harbour wall gave way during the worst storm the town has seen in forty years, the county council said.',
  'Council leader Amir Hollis said an independent inquiry would report within six months.',
];

describe('HTML import: article text and metadata', () => {
  it('extracts the article with paragraphs separated by blank lines and headings on their own lines', async () => {
    const doc = await parseDocument(ARTICLE, 'article.html');
    expect(doc.kind).toBe('html');
    expect(doc.encoding).toBe('utf-8');
    const paragraphs = doc.text.split('\n\n');
    expect(paragraphs).toContain(PARAGRAPHS[0]);
    expect(paragraphs.some((p) => p.startsWith(PARAGRAPHS[1]!))).toBe(true);
    expect(paragraphs).toContain('Council promises an inquiry');
    expect(doc.text).toContain('visibly cracking for months'); // inline markup flows inside its paragraph
    expect(paragraphs.length).toBeGreaterThanOrEqual(8);
    for (const chrome of ['Related stories', 'Shocking. The council knew', 'All rights reserved', 'Sign up', 'Weather']) {
      expect(doc.text).not.toContain(chrome);
    }
  });

  it('reads title, byline, site name, publication time and canonical URL', async () => {
    const doc = await parseDocument(ARTICLE, 'article.html');
    expect(doc.title).toBe('Harbour wall fails as storm floods Eastmere');
    expect(doc.byline).toBe('Jane Marlow');
    expect(doc.siteName).toBe('The Coastal Ledger');
    expect(doc.publishedTime).toBe('2024-03-05T08:30:00.000Z');
    expect(doc.url).toBe('https://www.coastal-ledger.example.co.uk/news/eastmere-flood');
  });

  it('lists what was cut with a reason, one entry per page region', async () => {
    const { cut } = await parseDocument(ARTICLE, 'article.html');
    const reasonOf = (needle: string): string | undefined => cut.find((c) => c.text.includes(needle))?.reason;
    expect(reasonOf('Weather')).toBe('navigation');
    expect(reasonOf('Eastmere sea defences')).toBe('related');
    expect(reasonOf('Shocking. The council knew')).toBe('comments');
    expect(reasonOf('Get the Ledger in your inbox')).toBe('newsletter');
    expect(reasonOf('All rights reserved')).toBe('footer');
    expect(reasonOf('Email this story')).toBe('sharing');
    expect(reasonOf('Harbour wall fails')).toBe('title');
    // The heading and both comments form a single entry.
    const comments = cut.filter((c) => c.reason === 'comments');
    expect(comments).toHaveLength(1);
    expect(comments[0]!.text).toBe('Comments (2)\n\nShocking. The council knew for years.\n\nThoughts are with everyone on Quay Street.');
    // Nothing kept in the article is reported as cut.
    for (const c of cut) expect(c.text).not.toContain(PARAGRAPHS[0]);
  });

  it('tells a sidebar link from an article heading with the same words', async () => {
    const article = `<article><h2>Background</h2>${PARAGRAPHS.map((p) => `<p>${p} ${p} ${p}</p>`).join('')}</article>`;
    const page = `<html><body><div id="sidebar"><ul><li><a href="#b">Background</a></li><li><a href="#c">Contact</a></li></ul></div>${article}</body></html>`;
    const doc = await parseDocument(html(page), 'sidebar.html');
    expect(doc.text.startsWith('Background\n\n')).toBe(true);
    expect(doc.cut).toEqual([{ text: 'Background\n\nContact', reason: 'aside' }]);
  });

  it('returns sanitised article HTML with no scripts, handlers, remote images, data-*, forms or frames', async () => {
    const doc = await parseDocument(ARTICLE, 'article.html');
    expect(doc.sanitizedHtml).toContain('<h2>Council promises an inquiry</h2>');
    expect(doc.sanitizedHtml).toContain('<img alt="Flooded Quay Street">');
    expect(doc.sanitizedHtml).toContain('href="https://www.coastal-ledger.example.co.uk/news/wall-warnings"');
    expectSafe(doc.sanitizedHtml!);
  });

  it('sanitize() strips every classic injection vector', () => {
    const dom = new JSDOM('');
    const dirty = [
      '<p onclick="x()">a</p><img src=x onerror=alert(1)><img src="data:image/png;base64,AAAA" alt="d">',
      '<a href="JaVaScRiPt:alert(1)">j</a><a href=" javascript:alert(1)">k</a><a href="data:text/html,<script>x</script>">d</a>',
      '<svg onload=alert(1)><circle/></svg><math><mi>x</mi></math><iframe srcdoc="<script>x</script>"></iframe>',
      '<form action="https://evil.invalid"><input name=a><button formaction="javascript:x">b</button></form>',
      '<div style="background:url(https://evil.invalid/p.png)" data-id="7">s</div><base href="https://evil.invalid/">',
      '<picture><source srcset="https://evil.invalid/a.webp"><img srcset="https://evil.invalid/b.jpg 2x" alt="p"></picture>',
      '<video poster="https://evil.invalid/v.jpg" src="https://evil.invalid/v.mp4"></video><object data="https://evil.invalid/o"></object>',
      '<meta http-equiv="refresh" content="0;url=https://evil.invalid"><style>@import url(https://evil.invalid/s.css)</style><script>x()</script>',
    ].join('');
    const clean = sanitize(dom.window as unknown as WindowLike, dirty);
    expectSafe(clean);
    expect(clean).not.toContain('evil.invalid');
    expect(clean).not.toContain('data:');
    expect(clean).toContain('<img alt="d">');
    dom.window.close();
  });
});

describe('HTML import: page scripts never run and nothing is fetched', () => {
  let server: Server;
  let hits: string[] = [];
  let origin = '';

  beforeAll(async () => {
    server = createServer((request, response) => {
      hits.push(request.url ?? '');
      response.end('');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('does not run scripts or handlers and requests no subresource', async () => {
    hits = [];
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const beacon = (tag: string): string => `fetch('${origin}/${tag}'); new Image().src = '${origin}/${tag}-img'; globalThis.__parallaxRan = '${tag}';`;
    const page = `<!doctype html><html><head>
      <link rel="stylesheet" href="${origin}/style.css"><link rel="icon" href="${origin}/favicon.ico"><link rel="preload" href="${origin}/font.woff2" as="font">
      <style>@import url(${origin}/import.css); body { background: url(${origin}/bg.png) }</style>
      <meta http-equiv="refresh" content="0;url=${origin}/refresh">
      <script src="${origin}/external.js"></script>
      <script>${beacon('inline')}</script>
    </head><body onload="${beacon('onload')}">
      <article><h1>Test page</h1>
        ${PARAGRAPHS.map((p) => `<p>${p} ${p}</p>`).join('')}
        <img src="${origin}/photo.jpg" srcset="${origin}/photo2x.jpg 2x" onerror="${beacon('onerror')}" alt="photo">
        <iframe src="${origin}/frame.html"></iframe><object data="${origin}/object.bin"></object><embed src="${origin}/embed.bin">
        <video src="${origin}/video.mp4" poster="${origin}/poster.jpg"></video><audio src="${origin}/audio.mp3"></audio>
        <input type="image" src="${origin}/input.png">
      </article></body></html>`;
    try {
      const doc = await parseDocument(html(page), 'scripted.html');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(hits).toEqual([]);
      expect(fetchSpy).not.toHaveBeenCalled();
      expect((globalThis as Record<string, unknown>).__parallaxRan).toBeUndefined();
      expect(doc.text).toContain(PARAGRAPHS[0]);
      expectSafe(doc.sanitizedHtml!);
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('the planted script in the fixture leaves its global unset', async () => {
    await parseDocument(ARTICLE, 'article.html');
    const g = globalThis as Record<string, unknown>;
    for (const name of ['__parallaxScriptRan', '__parallaxOnloadRan', '__parallaxClickRan', '__parallaxImgRan']) expect(g[name]).toBeUndefined();
  });
});

describe('HTML import: charsets', () => {
  const body = `<p>${'Café owners in Zürich said prices rose by 12% — “sharply”, they said. '.repeat(8)}</p>`;

  it('honours a http-equiv Windows-1252 declaration', async () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body>${body}</body></html>`;
    const doc = await parseDocument(new Uint8Array(iconv.encode(page, 'windows-1252')), 'latin.html');
    expect(doc.encoding).toBe('windows-1252');
    expect(doc.text).toContain('Café owners in Zürich said prices rose by 12% — “sharply”');
  });

  it('honours a declared charset decode.ts would refuse to guess (Shift_JIS)', async () => {
    const text = '東京都は火曜日、新しい防災計画を発表した。'.repeat(10);
    const page = `<html><head><meta charset="shift_jis"><title>防災</title></head><body><p>${text}</p></body></html>`;
    const doc = await parseDocument(new Uint8Array(iconv.encode(page, 'shift_jis')), 'tokyo.html');
    expect(doc.encoding).toBe('shift_jis');
    expect(doc.text).toContain('東京都は火曜日');
  });

  it('reads UTF-8 saved under a stale Latin-1 declaration as UTF-8', async () => {
    const page = `<html><head><meta charset="windows-1252"></head><body>${body}</body></html>`;
    const doc = await parseDocument(html(page), 'stale.html');
    expect(doc.encoding).toBe('utf-8');
    expect(doc.text).toContain('Café owners in Zürich');
  });

  it('decodes a UTF-16 page by its BOM', async () => {
    const page = `<!DOCTYPE html><html><body>${body}</body></html>`;
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(page, 'utf16le')]);
    const doc = await parseDocument(bytes, 'wide.html');
    expect(doc.encoding).toBe('utf-16le');
    expect(doc.text).toContain('Café owners in Zürich');
  });
});

describe('HTML import: awkward pages', () => {
  it('falls back to the body text minus chrome when there is no article to find', async () => {
    const page = '<html><body><nav><a>Home</a> <a>About</a></nav><header>Site</header><div>Water levels fell overnight.</div><footer>Contact us</footer></body></html>';
    const doc = await parseDocument(html(page), 'tiny.html');
    expect(doc.text).toBe('Water levels fell overnight.');
    expect(doc.cut.map((c) => c.reason)).toEqual(expect.arrayContaining(['navigation', 'footer']));
  });

  it('imports malformed markup instead of crashing', async () => {
    const page = `<html><body><div><p>${PARAGRAPHS[0]}<p>${PARAGRAPHS[1]}</div></div></span><table><tr><td>Cell text here<td>More</table><b><i>crossed</b></i> tags`;
    const doc = await parseDocument(html(page), 'broken.html');
    expect(doc.text).toContain(PARAGRAPHS[0]);
    expect(doc.text).toContain(PARAGRAPHS[1]);
  });

  it('refuses pathological nesting in milliseconds instead of parsing it for minutes', async () => {
    const depth = 20_000;
    const page = `<html><body>${'<div>'.repeat(depth)}<p>${PARAGRAPHS[0]}</p>${'</div>'.repeat(depth)}</body></html>`;
    const started = performance.now();
    await expect(parseDocument(html(page), 'deep.html')).rejects.toMatchObject({ code: 'corrupt' });
    expect(performance.now() - started).toBeLessThan(1000);
    // Stray end tags do not hide the depth from the scan.
    expect(nestingDepth('<div></x>'.repeat(1500))).toBeGreaterThan(MAX_SOURCE_NESTING);
    // Unclosed paragraphs and list items are siblings, not nesting.
    expect(nestingDepth(`<body>${'<p>para <li>item '.repeat(5000)}`)).toBeLessThan(5);
  });

  it('refuses nested tables the source scan under-counts, by the parsed tree depth', async () => {
    const levels = 80; // 80 tables in the source, 320 levels once tbody, tr and td are added
    const page = `<html><body>${'<table><tr><td>'.repeat(levels)}${PARAGRAPHS[0]}${'</td></tr></table>'.repeat(levels)}</body></html>`;
    expect(nestingDepth(page)).toBeLessThan(MAX_SOURCE_NESTING);
    const started = performance.now();
    await expect(parseDocument(html(page), 'tables.html')).rejects.toMatchObject({ code: 'corrupt', reason: `web page nests elements more than ${MAX_TREE_DEPTH} deep, which no article page does` });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('imports a page nested as deeply as real article pages are', async () => {
    const depth = 60;
    const page = `<html><body>${'<div><section>'.repeat(depth / 2)}<p>${PARAGRAPHS[0]}</p>${'</section></div>'.repeat(depth / 2)}</body></html>`;
    const doc = await parseDocument(html(page), 'nested.html');
    expect(doc.text).toBe(PARAGRAPHS[0]);
  });

  it('keeps line breaks and preformatted text, never one run-on line', async () => {
    const page = `<html><body><article><p>${PARAGRAPHS[0]}</p><p>First line<br>Second line</p><pre>  indented\n  code</pre><ul><li>One item</li><li>Two item</li></ul></article></body></html>`;
    const doc = await parseDocument(html(page), 'lines.html');
    expect(doc.text).toContain('First line\nSecond line');
    expect(doc.text).toContain('  indented\n  code');
    expect(doc.text).toContain('One item\n\nTwo item');
  });

  it('refuses a page with no text', async () => {
    await expect(parseDocument(html('<html><body><script>x()</script><img src="a.png"></body></html>'), 'empty.html')).rejects.toMatchObject({
      code: 'no-text',
      message: 'empty.html: web page has no article text',
    });
  });
});

describe('toIsoDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-03-05T10:00:00Z', '2024-03-05T10:00:00.000Z'],
    ['2024-03-05T10:00:00+02:00', '2024-03-05T08:00:00.000Z'],
    ['2024-03-05T10:00', '2024-03-05T10:00'],
    ['Tue, 05 Mar 2024 10:00:00 GMT', '2024-03-05T10:00:00.000Z'],
    ['March 5, 2024', '2024-03-05'],
    ['March 5', null],
    ['2024-02-30', null],
    ['yesterday', null],
    ['', null],
  ])('%s → %s', (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });
});
