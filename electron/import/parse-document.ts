// One entry point from bytes to an ImportedDocument, whatever the format.
// Whatever goes wrong inside a format library (jsdom, mammoth, pdf.js) comes
// out as an ImportError naming the file, so callers handle one error type.
import { decodeBytes, ImportError } from './decode';
import { detectKind } from './detect';
import { blankDocument, firstLine } from './document';
import type { ImportedDocument } from './document';
import { parseDocx } from './docx';
import { parseHtml } from './html';
import { parsePdf } from './pdf';

export type { ImportedDocument } from './document';

/** Parses a file's bytes; `sourceName` picks the type when the content does not and names the file in errors. No file system access. */
export async function parseDocument(bytes: Uint8Array, sourceName: string): Promise<ImportedDocument> {
  try {
    const detected = detectKind(bytes, sourceName);
    switch (detected.kind) {
      case 'txt':
      case 'md':
        return parseText(bytes, sourceName, detected.kind);
      case 'html':
        return await parseHtml(bytes, sourceName);
      case 'docx':
        return await parseDocx(bytes, sourceName, detected.zipEntries);
      case 'pdf':
        return await parsePdf(bytes, sourceName);
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    // A library bug or a pathological file (say, nesting deep enough to
    // overflow jsdom's stack) must still reach the user as a clear refusal.
    throw new ImportError('corrupt', sourceName, `could not be imported (${firstLine(error)})`);
  }
}

function parseText(bytes: Uint8Array, sourceName: string, kind: 'txt' | 'md'): ImportedDocument {
  const decoded = decodeBytes(bytes, sourceName);
  const doc = blankDocument(kind, sourceName, decoded.text);
  doc.encoding = decoded.encoding;
  if (kind === 'md') doc.title = markdownTitle(decoded.text);
  return doc;
}

/** The first level-one heading ("# Title" or a "===" underline) when it opens the file. */
export function markdownTitle(text: string): string | null {
  const lines = text.split(/\r\n|\r|\n/).slice(0, 40);
  const first = lines.findIndex((line) => line.trim() !== '' && !/^---\s*$/.test(line));
  if (first < 0) return null;
  // Front matter ("---\ntitle: …\n---") may carry the title explicitly.
  if (/^---\s*$/.test(lines[0] ?? '')) {
    const end = lines.indexOf('---', 1);
    const field = lines.slice(1, end > 0 ? end : 0).find((line) => /^title\s*:/i.test(line));
    if (field) return field.replace(/^title\s*:\s*/i, '').replace(/^["']|["']$/g, '').trim() || null;
    if (end > 0) return markdownTitle(lines.slice(end + 1).join('\n'));
  }
  const line = lines[first]!.trim();
  const atx = /^#\s+(.+?)\s*#*\s*$/.exec(line);
  if (atx) return atx[1]!.trim() || null;
  if (/^=+\s*$/.test(lines[first + 1] ?? '')) return line || null;
  return null;
}
