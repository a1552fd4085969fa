import { describe, expect, it } from 'vitest';
import { detectKind, looksLikeHtml } from '../../electron/import/detect';
import { parseDocument, markdownTitle } from '../../electron/import/parse-document';
import { ImportError } from '../../electron/import/decode';
import type { ImportErrorCode } from '../../electron/import/decode';
import { makeDocx, makePdf, makeZip, pdfParagraphs } from './fixtures';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const ARTICLE = 'Officials said over 270 devices were hit on Tuesday.\n\nThe repair will cost €2.5 million.\n';

function refusal(bytes: Uint8Array, name: string): { code: ImportErrorCode; message: string } {
  try {
    detectKind(bytes, name);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return { code: (error as ImportError).code, message: (error as ImportError).message };
  }
  throw new Error(`${name} was accepted`);
}

describe('type detection: content first, then the extension', () => {
  it.each([
    ['story.txt', 'txt'],
    ['story.TEXT', 'txt'],
    ['story.md', 'md'],
    ['story.markdown', 'md'],
    ['story.html', 'html'],
    ['story.htm', 'html'],
    ['README', 'txt'],
  ])('%s → %s by extension', (name, kind) => {
    expect(detectKind(text(ARTICLE), name).kind).toBe(kind);
  });

  it('recognises HTML by its opening, even behind a BOM, whitespace, comments or an XML declaration', () => {
    for (const opening of ['<!DOCTYPE html>', '<html lang="en">', '<HEAD>', '<body>', '\uFEFF  \n<!-- saved --><!doctype HTML>', '<?xml version="1.0"?>\n<html>']) {
      expect(looksLikeHtml(text(`${opening}<p>x</p>`))).toBe(true);
    }
    expect(looksLikeHtml(new Uint8Array([0xff, 0xfe, ...Buffer.from('<html><body>x', 'utf16le')]))).toBe(true);
    for (const other of ['<p>just a fragment</p>', 'Plain text about <html> tags', '<htmlx>', '# Heading']) {
      expect(looksLikeHtml(text(other))).toBe(false);
    }
  });

  it('imports misnamed files by their real type', async () => {
    expect((await parseDocument(text(`<!doctype html><html><body><p>${ARTICLE}</p></body></html>`), 'page.txt')).kind).toBe('html');
    expect((await parseDocument(makeDocx(['Officials said 270 devices were hit.']), 'story.txt')).kind).toBe('docx');
    expect((await parseDocument(makeDocx(['Officials said 270 devices were hit.']), 'story.pdf')).kind).toBe('docx');
    expect((await parseDocument(makePdf([pdfParagraphs([['Officials said 270 devices were hit.']])]), 'story.html')).kind).toBe('pdf');
  });

  it('treats a .html fragment without a document opening as HTML by its name', async () => {
    const doc = await parseDocument(text(`<p>${ARTICLE}</p>`), 'fragment.html');
    expect(doc.kind).toBe('html');
    expect(doc.text).toContain('Officials said over 270 devices');
  });

  it('refuses container formats the bytes do not match, naming the file and the reason', () => {
    expect(refusal(text('not a pdf'), 'story.pdf')).toEqual({ code: 'mismatched-type', message: 'story.pdf: is named .pdf but is not a PDF (no %PDF- header)' });
    expect(refusal(makeZip([{ name: 'xl/workbook.xml', data: '<x/>' }]), 'sheet.docx').code).toBe('mismatched-type');
    expect(refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.doc')).toEqual({
      code: 'unsupported-type',
      message: 'old.doc: is an old binary Office file (.doc); save it as .docx and import that',
    });
    expect(refusal(text('{\\rtf1\\ansi Hello}'), 'letter.rtf').code).toBe('unsupported-type');
    expect(refusal(text(ARTICLE), 'photo.jpg')).toEqual({ code: 'unsupported-type', message: 'photo.jpg: unsupported file type (.jpg); expected .txt, .md, .html, .docx or .pdf' });
    expect(refusal(new Uint8Array(), 'empty.txt').code).toBe('empty');
  });

  it('refuses a binary file named .html or .txt as binary', async () => {
    const binary = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    await expect(parseDocument(binary, 'page.html')).rejects.toMatchObject({ code: 'binary' });
    await expect(parseDocument(binary, 'story.txt')).rejects.toMatchObject({ code: 'binary' });
  });

  it('escapes control characters in the file name so the message stays one line', async () => {
    await expect(parseDocument(text('x'), 'evil\nname.jpg')).rejects.toMatchObject({ message: 'evil\\u000aname.jpg: unsupported file type (.jpg); expected .txt, .md, .html, .docx or .pdf' });
  });
});

describe('plain text and Markdown', () => {
  it('keeps the decoded text untouched and reports its encoding', async () => {
    const doc = await parseDocument(new Uint8Array([0xef, 0xbb, 0xbf, ...text(ARTICLE)]), 'story.txt');
    expect(doc).toMatchObject({ kind: 'txt', text: ARTICLE, encoding: 'utf-8', title: null, cut: [], sanitizedHtml: null });
  });

  it('takes a Markdown title from the first heading or front matter', async () => {
    expect((await parseDocument(text(`# Devices hit\n\n${ARTICLE}`), 'story.md')).title).toBe('Devices hit');
    expect(markdownTitle('Devices hit\n===========\n\nBody')).toBe('Devices hit');
    expect(markdownTitle('---\ntitle: "From front matter"\ndate: 2024-03-05\n---\n# Other')).toBe('From front matter');
    expect(markdownTitle('---\ndate: 2024-03-05\n---\n\n# After front matter\n')).toBe('After front matter');
    expect(markdownTitle(`Just a paragraph.\n\n# Later heading`)).toBeNull();
  });
});
