// Word documents: the zip's directory is read and checked by zip.ts before
// mammoth (which unzips with JSZip and would inflate a bomb whole) sees a
// single byte, then every entry is inflated once under its declared-size cap
// so mammoth only ever reads sizes that were verified.
import mammoth from 'mammoth';
import { ImportError } from './decode';
import { blankDocument, firstLine } from './document';
import type { ImportedDocument } from './document';
import { WORD_DOCUMENT_PART } from './detect';
import { readZipDirectory, verifyZipEntries } from './zip';
import type { ZipEntry } from './zip';

const CORE_PROPERTIES = 'docProps/core.xml';

export async function parseDocx(bytes: Uint8Array, sourceName: string, entries?: ZipEntry[]): Promise<ImportedDocument> {
  const directory = entries ?? readZipDirectory(bytes, sourceName);
  if (!directory.some((entry) => entry.name === WORD_DOCUMENT_PART)) {
    throw new ImportError('mismatched-type', sourceName, `is not a Word document (it has no ${WORD_DOCUMENT_PART})`);
  }
  const kept = verifyZipEntries(bytes, directory, sourceName, [CORE_PROPERTIES]);

  let raw: string;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    raw = (await mammoth.extractRawText({ buffer })).value;
  } catch (error) {
    throw new ImportError('corrupt', sourceName, `is a damaged Word document (${firstLine(error)})`);
  }
  const text = paragraphs(raw);
  if (text === '') throw new ImportError('no-text', sourceName, 'Word document has no text');

  const doc = blankDocument('docx', sourceName, text);
  const core = kept.get(CORE_PROPERTIES);
  if (core) {
    const properties = new TextDecoder('utf-8').decode(core);
    doc.title = xmlElementText(properties, 'dc:title');
    doc.byline = xmlElementText(properties, 'dc:creator');
  }
  return doc;
}

// mammoth ends every paragraph with "\n\n"; empty paragraphs (Word's way of
// adding space) would otherwise pile up into runs of blank lines, and soft
// line breaks inside a paragraph stay single newlines.
function paragraphs(raw: string): string {
  return raw
    .split(/\n{2,}/)
    .map((p) => p.replace(/[ \t]+$/gm, '').trim())
    .filter((p) => p !== '')
    .join('\n\n');
}

/** Text of the first `<tag>` in a small XML part, entities decoded; null when absent or blank. */
export function xmlElementText(xml: string, tag: string): string | null {
  const escaped = tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // eslint-disable-next-line security/detect-non-literal-regexp -- tag is a constant of this module, escaped above
  const match = new RegExp(`<${escaped}(?:\\s[^>]*)?>([\\s\\S]*?)</${escaped}>`).exec(xml);
  if (!match) return null;
  const text = decodeXmlEntities(match[1]!).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (entity, body: string) => {
    const lower = body.toLowerCase();
    if (lower.startsWith('#x')) return codePoint(parseInt(lower.slice(2), 16), entity);
    if (lower.startsWith('#')) return codePoint(parseInt(lower.slice(1), 10), entity);
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? entity;
  });
}

function codePoint(value: number, fallback: string): string {
  return value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : fallback;
}
