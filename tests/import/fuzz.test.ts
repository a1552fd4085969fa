// Whatever bytes arrive under whatever name, parseDocument either returns a
// document or throws an ImportError with a one-line message naming the file.
import { describe, expect } from 'vitest';
import { it as fcIt } from '@fast-check/vitest';
import fc from 'fast-check';
import { parseDocument } from '../../electron/import/parse-document';
import { ImportError } from '../../electron/import/decode';
import { makeDocx, makePdf, pdfParagraphs } from './fixtures';

const EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.docx', '.pdf', '.jpg', ''];

async function outcome(bytes: Uint8Array, name: string): Promise<void> {
  try {
    const doc = await parseDocument(bytes, name);
    expect(doc.text.trim()).not.toBe('');
    if (doc.sanitizedHtml !== null) expect(doc.sanitizedHtml).not.toMatch(/<script|\son[a-z]+\s*=|javascript:/i);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    expect(error.message.startsWith(`${name}: `)).toBe(true);
    expect(error.message).not.toMatch(/[\n\r]/);
  }
}

const MAGIC = [[], [0x25, 0x50, 0x44, 0x46, 0x2d], [0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x05, 0x06], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [...new TextEncoder().encode('<!doctype html>')]];
const VALID = [makeDocx(['Officials said 270 devices were hit.'], { title: 'T' }), makePdf([pdfParagraphs([['Officials said 270 devices were hit.']])])];

describe('parseDocument never throws anything but ImportError', () => {
  fcIt.prop([fc.constantFrom(...MAGIC), fc.uint8Array({ maxLength: 2048 }), fc.constantFrom(...EXTENSIONS)], { numRuns: 300 })(
    'arbitrary bytes, with and without magic numbers',
    async (magic, body, ext) => {
      await outcome(new Uint8Array([...magic, ...body]), `file${ext}`);
    },
  );

  fcIt.prop([fc.constantFrom(...VALID), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), fc.constantFrom(...EXTENSIONS)], { numRuns: 150 })(
    'valid Word and PDF files with a few corrupted bytes',
    async (valid, flips, ext) => {
      const bytes = new Uint8Array(valid);
      for (const [at, value] of flips) bytes[at % bytes.length] = value;
      await outcome(bytes, `mutated${ext}`);
    },
  );

  const tag = fc.constantFrom('<p>', '</p>', '<div class="nav">', '</div>', '<script>x()</script>', '<img src=x onerror=y()>', '<a href="javascript:z">', '<br>', '<table><td>', '<!--', '-->', '<![CDATA[', '<svg><script>a</script>', '<meta charset="koi8-r">', '&amp;', '&#0;', '\u0000', 'Officials said 270 devices were hit. ');
  fcIt.prop([fc.array(fc.oneof(tag, fc.string({ maxLength: 20 })), { maxLength: 60 })], { numRuns: 200 })('tag soup as HTML', async (parts) => {
    await outcome(new TextEncoder().encode(`<html><body>${parts.join('')}`), 'soup.html');
  });
});
