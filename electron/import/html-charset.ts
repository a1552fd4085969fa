// Decoding a saved web page: a byte-order mark wins, then the page's own
// `<meta charset>` / `http-equiv` declaration, then decode.ts's sniffing.
// A declared charset is not a guess, so pages in Shift_JIS, KOI8-R or GBK
// import here even though a bare .txt in those encodings is refused.
import iconv from 'iconv-lite';
import { checkLooksLikeText, decodeBytes, ImportError } from './decode';
import type { Decoded } from './decode';

// Browsers prescan 1,024 bytes; saved pages often carry long comments or
// inline scripts before the meta tag, so a little more is read here.
const PRESCAN_BYTES = 8192;

// WHATWG Encoding: these labels all mean Windows-1252 in a browser.
const WINDOWS_1252_LABELS = new Set(['ascii', 'us-ascii', 'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'l1', 'cp1252', 'windows-1252', 'x-cp1252', 'cp819', 'ibm819']);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

export function decodeHtml(bytes: Uint8Array, name: string): Decoded {
  if (bytes.length === 0) throw new ImportError('empty', name, 'file is empty');
  if (hasBom(bytes)) return decodeBytes(bytes, name);
  const label = declaredCharset(bytes);
  if (label === null) return decodeBytes(bytes, name);
  const encoding = canonicalEncoding(label);
  if (encoding === 'utf-8') return decodeBytes(bytes, name);
  if (encoding === null) return decodeBytes(bytes, name);
  // Pages declaring Latin-1 but saved as UTF-8 are common (an editor converts
  // the file, the meta tag stays): bytes that are valid UTF-8 and contain
  // multi-byte sequences are almost never real single-byte text.
  if (encoding === 'windows-1252' && isUtf8WithNonAscii(bytes)) return decodeBytes(bytes, name);
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  checkLooksLikeText(text, name);
  return { text, encoding };
}

function hasBom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** The charset a `<meta charset>` or `<meta http-equiv=Content-Type>` in the page's head declares, lower-cased. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN_BYTES)).toString('latin1');
  const withoutComments = head.replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of withoutComments.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct) return direct[1]!.toLowerCase();
  }
  return null;
}

/** The name to decode with, or null for labels we cannot honour (decode.ts sniffs those). */
function canonicalEncoding(label: string): string | null {
  if (UTF8_LABELS.has(label)) return 'utf-8';
  // A page whose meta tag was readable as ASCII is not UTF-16, whatever it says
  // (the HTML standard maps a declared UTF-16 to UTF-8 for this reason).
  if (label.startsWith('utf-16') || label === 'unicode') return 'utf-8';
  if (WINDOWS_1252_LABELS.has(label)) return 'windows-1252';
  return iconv.encodingExists(label) ? label : null;
}

function isUtf8WithNonAscii(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
