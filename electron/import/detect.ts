// Decides what a file really is. Content wins over the name: a PDF saved as
// "story.txt" is imported as a PDF and a web page saved as ".txt" as HTML,
// because users rename downloads carelessly and the bytes cannot lie about
// their format. A name that promises a container format the bytes do not
// have (".docx" that is not a Word zip, ".pdf" with no PDF header) is refused
// with a message saying so, since there is nothing sensible to fall back to.
import { basename, extname } from 'node:path';
import { ImportError } from './decode';
import type { DocumentKind } from './document';
import { isZipMagic, readZipDirectory } from './zip';
import type { ZipEntry } from './zip';

export interface Detected {
  kind: DocumentKind;
  /** The archive's directory for a .docx, already checked against zip-bomb limits. */
  zipEntries?: ZipEntry[];
}

const EXTENSIONS: Record<string, DocumentKind> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);
const EXPECTED = '.txt, .md, .html, .docx or .pdf';

export const WORD_DOCUMENT_PART = 'word/document.xml';

// The PDF specification lets the header sit anywhere in the first kilobyte
// (some generators put a few junk bytes first), and pdf.js accepts that.
const PDF_HEADER_WINDOW = 1024;
const HTML_SNIFF_BYTES = 2048;
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function extensionOf(sourceName: string): string {
  return extname(basename(sourceName)).toLowerCase();
}

export function detectKind(bytes: Uint8Array, sourceName: string): Detected {
  if (bytes.length === 0) throw new ImportError('empty', sourceName, 'file is empty');
  const ext = extensionOf(sourceName);
  const named = EXTENSIONS[ext];

  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { kind: 'pdf' };
  if (isZipMagic(bytes)) {
    const entries = readZipDirectory(bytes, sourceName);
    if (entries.some((entry) => entry.name === WORD_DOCUMENT_PART)) return { kind: 'docx', zipEntries: entries };
    const code = named === 'docx' ? 'mismatched-type' : 'unsupported-type';
    throw new ImportError(code, sourceName, `is a zip archive but not a Word document (it has no ${WORD_DOCUMENT_PART})`);
  }
  if (startsWith(bytes, OLE2_MAGIC)) {
    throw new ImportError('unsupported-type', sourceName, 'is an old binary Office file (.doc); save it as .docx and import that');
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) {
    throw new ImportError('unsupported-type', sourceName, 'is an RTF document; save it as .docx or .txt and import that');
  }
  if (looksLikeHtml(bytes)) return { kind: 'html' };

  if (named === 'pdf') {
    if (indexOfAscii(bytes.subarray(0, PDF_HEADER_WINDOW), '%PDF-') >= 0) return { kind: 'pdf' };
    throw new ImportError('mismatched-type', sourceName, 'is named .pdf but is not a PDF (no %PDF- header)');
  }
  if (named === 'docx') throw new ImportError('mismatched-type', sourceName, 'is named .docx but is not a Word document (not a zip archive)');
  if (named) return { kind: named };
  // A file with no extension at all is most often a pasted article saved
  // without one; the text decoder still refuses anything binary.
  if (ext === '') return { kind: 'txt' };
  throw new ImportError('unsupported-type', sourceName, `unsupported file type (${ext}); expected ${EXPECTED}`);
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function indexOfAscii(bytes: Uint8Array, needle: string): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle, 0, 'latin1');
}

/**
 * True when the file opens like an HTML document: `<!doctype html`, `<html`,
 * `<head` or `<body` after an optional BOM, whitespace, comments and XML
 * declaration. Fragments ("<p>…") in a .html file are still HTML by name.
 */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  let head = sniffText(bytes.subarray(0, HTML_SNIFF_BYTES));
  for (;;) {
    head = head.replace(/^[\s\uFEFF]+/, '');
    const skipped = head.replace(/^<!--[\s\S]*?-->/, '').replace(/^<\?xml[\s\S]*?\?>/, '');
    if (skipped === head) break;
    head = skipped;
  }
  return /^<(?:!doctype\s+html|html|head|body)(?=[\s>/])/i.test(head);
}

// Only ASCII matters for the sniff, so UTF-16 is read by taking the low byte
// of each code unit and everything else as Latin-1.
function sniffText(bytes: Uint8Array): string {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) {
    const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return Buffer.from(bytes.buffer, bytes.byteOffset + (utf8Bom ? 3 : 0), bytes.byteLength - (utf8Bom ? 3 : 0)).toString('latin1');
  }
  let out = '';
  for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode(le ? bytes[i]! : bytes[i + 1]!);
  return out;
}
