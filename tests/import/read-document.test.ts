import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, truncateSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDocument, DEFAULT_MAX_BYTES } from '../../electron/import/read-document';
import { ImportError } from '../../electron/import/decode';
import { makeDocx, makePdf, makeZip, pdfParagraphs, repeatedDeflate } from './fixtures';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ARTICLE = 'Officials said over 270 devices were hit on Tuesday.\n\nThe repair will cost €2.5 million.\n';

describe('readDocument', () => {
  it('reads every supported kind from disk, naming the document by the path given', async () => {
    const files: [string, Uint8Array | string, string][] = [
      ['story.txt', ARTICLE, 'txt'],
      ['story.md', `# Devices hit\n\n${ARTICLE}`, 'md'],
      ['story.docx', makeDocx(['Officials said over 270 devices were hit on Tuesday.']), 'docx'],
      ['story.pdf', makePdf([pdfParagraphs([['Officials said over 270 devices were hit on Tuesday.']])]), 'pdf'],
    ];
    for (const [name, data, kind] of files) {
      const path = join(dir, name);
      writeFileSync(path, data);
      const doc = await readDocument(path);
      expect(doc.kind).toBe(kind);
      expect(doc.sourceName).toBe(path);
      expect(doc.text).toContain('Officials said over 270 devices were hit on Tuesday.');
    }
    const html = join(dir, 'article.html');
    copyFileSync(new URL('../fixtures/import/article.html', import.meta.url), html);
    expect((await readDocument(html)).kind).toBe('html');
  });

  it('refuses an oversized file from stat() alone, before reading it', async () => {
    // A sparse 8 GB file: reading it would take minutes and exhaust memory,
    // so a quick refusal proves the size was checked first.
    const path = join(dir, 'huge.pdf');
    writeFileSync(path, '%PDF-1.4\n');
    truncateSync(path, 8 * 1024 ** 3);
    const started = performance.now();
    await expect(readDocument(path)).rejects.toMatchObject({ code: 'too-large', message: `${path}: file is too large (8192 MB; the limit is 20 MB)` });
    expect(performance.now() - started).toBeLessThan(500);
    expect(DEFAULT_MAX_BYTES).toBe(20 * 1024 * 1024);
  });

  it('honours a configured size cap for every kind', async () => {
    const path = join(dir, 'capped.docx');
    writeFileSync(path, makeDocx(['x'.repeat(5000)]));
    await expect(readDocument(path, { maxBytes: 100 })).rejects.toMatchObject({ code: 'too-large' });
    expect((await readDocument(path, { maxBytes: 1024 * 1024 })).kind).toBe('docx');
  });

  it('refuses a zip-bomb .docx from disk within milliseconds', async () => {
    const path = join(dir, 'bomb.docx');
    writeFileSync(path, makeZip([{ name: 'word/document.xml', data: '', compressed: repeatedDeflate(32 * 1024 * 1024, 50), declaredSize: 50 * 32 * 1024 * 1024 }]));
    const started = performance.now();
    await expect(readDocument(path)).rejects.toMatchObject({ code: 'unsafe-archive' });
    const elapsed = performance.now() - started;
    console.info(`zip bomb read from disk and refused in ${elapsed.toFixed(1)} ms`);
    expect(elapsed).toBeLessThan(200);
  });

  it('turns file system failures into ImportErrors', async () => {
    await expect(readDocument(join(dir, 'missing.pdf'))).rejects.toMatchObject({ code: 'not-found' });
    const folder = join(dir, 'folder.html');
    mkdirSync(folder);
    await expect(readDocument(folder)).rejects.toBeInstanceOf(ImportError);
    await expect(readDocument(folder)).rejects.toMatchObject({ code: 'not-a-file' });
  });
});
