import { describe, expect, it, vi } from 'vitest';
import { parseDocument } from '../../electron/import/parse-document';
import { ImportError } from '../../electron/import/decode';
import { dropRunningLines, joinLines, linesOf } from '../../electron/import/pdf-layout';
import type { PdfItem, PdfLine } from '../../electron/import/pdf-layout';
import { makePdf, pdfParagraphs } from './fixtures';
import type { PdfLineSpec } from './fixtures';

const HEADER: PdfLineSpec = { text: 'THE COASTAL LEDGER    Tuesday 5 March 2024', y: 760, size: 9 };
const pageNumber = (n: number): PdfLineSpec => ({ text: `Page ${n} of 2`, x: 280, y: 40, size: 9 });

async function importError(bytes: Uint8Array, name: string): Promise<ImportError> {
  try {
    await parseDocument(bytes, name);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error(`${name} was imported but should have been refused`);
}

describe('PDF import', () => {
  const twoPages = makePdf(
    [
      [
        HEADER,
        { text: 'Harbour wall fails as storm floods Eastmere', y: 720, size: 18 },
        ...pdfParagraphs(
          [
            ['More than 340 homes in Eastmere were flooded on Tuesday night after the old', 'harbour wall gave way, the county council said after an emer-', 'gency meeting.'],
            ['Firefighters rescued 27 people. The well-known sea wall had been', 'cracking for months, residents said, and repairs were due this'],
          ],
          690,
        ),
        pageNumber(1),
      ],
      [
        HEADER,
        ...pdfParagraphs([['spring. The council promised an inquiry into the well-', 'known wall.'], ['Schools will stay closed until Friday.']]),
        pageNumber(2),
      ],
    ],
    { title: 'Harbour wall fails', author: 'Jane Marlow' },
  );

  it('rebuilds paragraphs, undoes line-end hyphens and joins a paragraph across pages', async () => {
    const doc = await parseDocument(twoPages, 'story.pdf');
    expect(doc.kind).toBe('pdf');
    expect(doc.text.split('\n\n')).toEqual([
      'Harbour wall fails as storm floods Eastmere',
      'More than 340 homes in Eastmere were flooded on Tuesday night after the old harbour wall gave way, the county council said after an emergency meeting.',
      'Firefighters rescued 27 people. The well-known sea wall had been cracking for months, residents said, and repairs were due this spring. The council promised an inquiry into the well-known wall.',
      'Schools will stay closed until Friday.',
    ]);
  });

  it('sets running headers and page numbers aside in cut, and reads title and author', async () => {
    const doc = await parseDocument(twoPages, 'story.pdf');
    expect(doc.cut).toEqual([
      { text: 'THE COASTAL LEDGER Tuesday 5 March 2024', reason: 'page-header' },
      { text: 'Page 1 of 2\nPage 2 of 2', reason: 'page-number' },
    ]);
    expect(doc.title).toBe('Harbour wall fails');
    expect(doc.byline).toBe('Jane Marlow');
    expect(doc.sanitizedHtml).toBeNull();
  });

  it('starts paragraphs at first-line indents and after short sentence-final lines', async () => {
    const lines: PdfLineSpec[] = [
      { text: 'The council met on Tuesday to discuss the harbour wall and agreed to', y: 700 },
      { text: 'commission an independent survey of the whole sea front.', y: 686 },
      { text: 'Residents welcomed the decision but asked why it had taken so long to', x: 90, y: 672 },
      { text: 'act on warnings that were first raised in the spring.', y: 658 },
      { text: 'Repairs will start in May.', y: 644 },
      { text: 'The government has been asked for emergency funding to cover the', y: 630 },
      { text: 'cost of the work.', y: 616 },
    ];
    const doc = await parseDocument(makePdf([lines]), 'indent.pdf');
    expect(doc.text.split('\n\n')).toEqual([
      'The council met on Tuesday to discuss the harbour wall and agreed to commission an independent survey of the whole sea front.',
      'Residents welcomed the decision but asked why it had taken so long to act on warnings that were first raised in the spring.',
      'Repairs will start in May.',
      'The government has been asked for emergency funding to cover the cost of the work.',
    ]);
  });

  it('ignores a title that is only the producing file name', async () => {
    const doc = await parseDocument(makePdf([pdfParagraphs([['Some text here.']])], { title: 'Microsoft Word - draft3.docx' }), 'a.pdf');
    expect(doc.title).toBeNull();
  });

  it('fetches nothing over the network', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    try {
      await parseDocument(twoPages, 'story.pdf');
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('refuses a PDF with no text layer (a scan)', async () => {
    const error = await importError(makePdf([[], []]), 'scan.pdf');
    expect(error.code).toBe('no-text');
    expect(error.message).toBe('scan.pdf: PDF has no text layer (probably a scan); run text recognition (OCR) on it first');
  });

  it('refuses a password-protected PDF', async () => {
    const error = await importError(makePdf([pdfParagraphs([['Secret.']])], { encrypted: true }), 'locked.pdf');
    expect(error.code).toBe('encrypted');
  });

  it('refuses a damaged PDF with a one-line ImportError', async () => {
    const error = await importError(new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF garbage'), 'broken.pdf');
    expect(error.code).toBe('corrupt');
    expect(error.message).not.toContain('\n');
    expect(error.message.startsWith('broken.pdf: ')).toBe(true);
  });

  it('imports a PDF misnamed .txt as a PDF', async () => {
    const doc = await parseDocument(twoPages, 'story.txt');
    expect(doc.kind).toBe('pdf');
  });
});

describe('PDF layout', () => {
  const item = (str: string, x: number, y: number, hasEOL = false, size = 10): PdfItem => ({ str, x, y, width: str.length * size * 0.5, size, hasEOL });
  const line = (text: string, y: number, x = 72): PdfLine => ({ text, x, endX: x + text.length * 5, y, size: 10 });

  it('joins positioned words with spaces and splits lines on baseline changes', () => {
    const lines = linesOf([item('Water', 72, 700), item('rose', 102, 700), item('fast.', 126, 700, true), item('Very', 72, 686), item('fast.', 96, 686)]);
    expect(lines.map((l) => l.text)).toEqual(['Water rose fast.', 'Very fast.']);
  });

  it('keeps a composed glyph that steps back on its line (TeX draws © over a c)', () => {
    const lines = linesOf([item('Copyright', 90, 148), item('c', 144, 148), item('©', 141, 148), item('2001 Foundation', 156, 148, true)]);
    expect(lines).toHaveLength(1);
  });

  it('keeps the hyphen of a compound the document spells with one elsewhere', () => {
    expect(joinLines([line('a well-', 700), line('known wall', 686)], new Set(['well-known']))).toBe('a well-known wall');
    expect(joinLines([line('an emer-', 700), line('gency', 686)], new Set())).toBe('an emergency');
    expect(joinLines([line('Tuesday', 700), line('night', 686)], new Set())).toBe('Tuesday night');
    expect(joinLines([line('soft\u00AD', 700), line('ware', 686)], new Set())).toBe('software');
  });

  it('drops page numbers at page edges, but not numbers inside the text', () => {
    const words = ['one', 'two', 'three'];
    const page = (n: number): PdfLine[] => [line(`Text opening page ${words[n - 1]}.`, 700), line('12', 686), line(`Text closing page ${words[n - 1]}.`, 672), line(`- ${n} -`, 40)];
    const { pages, cut } = dropRunningLines([page(1), page(2), page(3)]);
    expect(pages[0]!.map((l) => l.text)).toEqual(['Text opening page one.', '12', 'Text closing page one.']);
    expect(cut).toEqual([{ text: '- 1 -\n- 2 -\n- 3 -', reason: 'page-number' }]);
  });
});
