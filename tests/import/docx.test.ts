import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../electron/import/parse-document';
import { ImportError } from '../../electron/import/decode';
import { makeDocx, makeZip, repeatedDeflate } from './fixtures';

const PARAGRAPHS = [
  'More than 340 homes in Eastmere were flooded on Tuesday night, the county council said.',
  'Council leader Amir Hollis said an inquiry would report within six months.',
  'The repair bill is estimated at £4.5 million — “a heavy blow”, he said.',
];

async function importError(bytes: Uint8Array, name: string): Promise<ImportError> {
  try {
    await parseDocument(bytes, name);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error(`${name} was imported but should have been refused`);
}

/** A .docx whose document.xml is `size` bytes of one repeated paragraph: honest sizes, huge ratio. */
function bombDocx(size: number): Uint8Array {
  const unit = '<w:p><w:r><w:t>aaaaaaaa</w:t></w:r></w:p>';
  const xml = Buffer.alloc(size, unit);
  return makeZip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: 'word/document.xml', data: xml },
  ]);
}

describe('DOCX import', () => {
  it('extracts paragraphs separated by blank lines, and the title from core properties', async () => {
    const doc = await parseDocument(makeDocx(PARAGRAPHS, { title: 'Harbour wall & the storm', creator: 'Jane Marlow' }), 'story.docx');
    expect(doc.kind).toBe('docx');
    expect(doc.text).toBe(PARAGRAPHS.join('\n\n'));
    expect(doc.title).toBe('Harbour wall & the storm');
    expect(doc.byline).toBe('Jane Marlow');
    expect(doc.sanitizedHtml).toBeNull();
    expect(doc.cut).toEqual([]);
  });

  it('has a null title without docProps/core.xml, and collapses empty paragraphs', async () => {
    const doc = await parseDocument(makeDocx([PARAGRAPHS[0]!, '', '', PARAGRAPHS[1]!]), 'story.docx');
    expect(doc.title).toBeNull();
    expect(doc.text).toBe(`${PARAGRAPHS[0]}\n\n${PARAGRAPHS[1]}`);
  });

  it('refuses a Word document with no text', async () => {
    expect((await importError(makeDocx([]), 'blank.docx')).code).toBe('no-text');
  });

  it('refuses a zip that is not a Word document, whatever its name', async () => {
    const zip = makeZip([{ name: 'notes.txt', data: 'hello' }]);
    const named = await importError(zip, 'story.docx');
    expect(named.code).toBe('mismatched-type');
    expect(named.message).toBe('story.docx: is a zip archive but not a Word document (it has no word/document.xml)');
    expect((await importError(zip, 'archive.zip')).code).toBe('unsupported-type');
  });

  it('refuses a .docx that is not a zip at all', async () => {
    const error = await importError(new TextEncoder().encode('just some text'), 'story.docx');
    expect(error.code).toBe('mismatched-type');
    expect(error.message).toBe('story.docx: is named .docx but is not a Word document (not a zip archive)');
  });

  it('refuses a damaged document.xml with a one-line ImportError', async () => {
    const zip = makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document><w:body><w:p>unclosed' },
    ]);
    const error = await importError(zip, 'damaged.docx');
    expect(['corrupt', 'no-text']).toContain(error.code);
    expect(error.message).not.toContain('\n');
  });

  it('refuses encrypted entries and unknown compression methods', async () => {
    const zip = makeDocx(PARAGRAPHS);
    const encrypted = new Uint8Array(zip);
    const view = new DataView(encrypted.buffer);
    const directory = view.getUint32(encrypted.length - 6, true);
    view.setUint16(directory + 8, view.getUint16(directory + 8, true) | 1, true);
    expect((await importError(encrypted, 'locked.docx')).code).toBe('encrypted');

    const bzip = new Uint8Array(zip);
    new DataView(bzip.buffer).setUint16(directory + 10, 12, true);
    expect((await importError(bzip, 'bzip.docx')).code).toBe('corrupt');
  });
});

describe('DOCX import: zip bombs are refused from the central directory, in milliseconds', () => {
  it('refuses an entry that inflates more than 100:1 to over 10 MB', async () => {
    const bomb = bombDocx(64 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const started = performance.now();
    const error = await importError(bomb, 'bomb.docx');
    const elapsed = performance.now() - started;
    console.info(`zip bomb (${Math.round(bomb.length / 1024)} KB → 64 MB) refused in ${elapsed.toFixed(1)} ms`);
    expect(error.code).toBe('unsafe-archive');
    expect(error.message).toMatch(/^bomb\.docx: was refused as a possible zip bomb \("word\/document\.xml" expands \d+:1 to 64 MB\)$/);
    expect(elapsed).toBeLessThan(200);
  });

  it('refuses a 1.6 MB .docx that inflates to 1.6 GB before mammoth sees it', async () => {
    const chunk = 32 * 1024 * 1024;
    const copies = 50;
    const compressed = repeatedDeflate(chunk, copies);
    const bomb = makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '', compressed, declaredSize: chunk * copies },
    ]);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const started = performance.now();
    const error = await importError(bomb, 'bomb16.docx');
    const elapsed = performance.now() - started;
    console.info(`zip bomb (${(bomb.length / 1024 / 1024).toFixed(1)} MB → ${((chunk * copies) / 1024 ** 3).toFixed(2)} GB) refused in ${elapsed.toFixed(1)} ms`);
    expect(error.code).toBe('unsafe-archive');
    expect(elapsed).toBeLessThan(200);
    // The same bomb declaring a harmless size is caught while inflating, capped at that size.
    const liar = makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '', compressed, declaredSize: 4096 },
    ]);
    expect((await importError(liar, 'liar16.docx')).reason).toContain('expands beyond its declared 4096 bytes');
  });

  it('refuses a directory declaring more than 200 MB in total, without inflating anything', async () => {
    // Forged sizes: 1 MB of incompressible data claiming 90 MB stays under the
    // 100:1 ratio rule, so only the total can catch it.
    const deflated = makeZip([
      { name: 'word/document.xml', data: '<w:document/>' },
      ...[0, 1, 2].map((i) => ({ name: `word/media/image${i}.bin`, data: randomBytes(1024 * 1024), declaredSize: 90 * 1024 * 1024 })),
    ]);
    const started = performance.now();
    const totalError = await importError(deflated, 'huge.docx');
    expect(performance.now() - started).toBeLessThan(200);
    expect(totalError.code).toBe('unsafe-archive');
    expect(totalError.reason).toBe('was refused as a possible zip bomb (declares over 200 MB uncompressed)');
  });

  it('refuses an archive that understates an entry and would inflate past it', async () => {
    const big = Buffer.alloc(8 * 1024 * 1024, 'abcdefgh');
    const liar = makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: big, declaredSize: 1024 },
    ]);
    const error = await importError(liar, 'liar.docx');
    expect(error.code).toBe('unsafe-archive');
    expect(error.reason).toContain('expands beyond its declared 1024 bytes');
  });

  it('refuses a directory that does not end where the end record starts (JSZip would shift every offset)', async () => {
    const zip = makeDocx(PARAGRAPHS);
    const end = zip.length - 22;
    const gapped = new Uint8Array([...zip.subarray(0, end), ...new Uint8Array(16), ...zip.subarray(end)]);
    const error = await importError(gapped, 'gapped.docx');
    expect(error.code).toBe('corrupt');
    expect(error.reason).toBe('is not a readable zip archive (central directory is not where the end record says)');
  });

  it('refuses too many entries and ZIP64 records', async () => {
    const many = makeZip([
      { name: 'word/document.xml', data: '<w:document/>' },
      ...Array.from({ length: 2100 }, (_, i) => ({ name: `f${i}`, data: '', store: true })),
    ]);
    expect((await importError(many, 'many.docx')).reason).toContain('2101 entries; the limit is 2000');

    const zip64 = new Uint8Array(makeDocx(PARAGRAPHS));
    const view = new DataView(zip64.buffer);
    view.setUint32(zip64.length - 6, 0xffffffff, true); // central directory offset → ZIP64 marker
    expect((await importError(zip64, 'zip64.docx')).reason).toContain('ZIP64 records cannot be verified');
  });

});

function randomBytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = 0x12345678;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = state & 0xff;
  }
  return out;
}
