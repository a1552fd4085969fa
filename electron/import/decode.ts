// Turns the bytes of a user's text file into a string, or refuses with one
// clear reason. Supported: UTF-8, UTF-16 LE/BE (with or without BOM) and
// Windows-1252 / ISO-8859-1. Anything else is reported, never guessed at,
// because a silently mis-decoded article would produce wrong "changed facts".
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type ImportErrorCode =
  | 'not-found'
  | 'not-a-file'
  | 'unreadable'
  | 'unsupported-type'
  | 'too-large'
  | 'empty'
  | 'binary'
  | 'unsupported-encoding'
  | 'undecodable'
  // Raised by the document importers (parse-document.ts and friends).
  | 'mismatched-type'
  | 'corrupt'
  | 'unsafe-archive'
  | 'encrypted'
  | 'no-text';

/** Characters that would break a one-line message, escaped for display. */
export function displayName(name: string): string {
  return name.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A file the user gave us cannot be imported; `message` is one line naming it. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly code: ImportErrorCode;
  readonly file: string;
  readonly reason: string;

  constructor(code: ImportErrorCode, file: string, reason: string) {
    super(`${displayName(file)}: ${reason}`);
    this.code = code;
    this.file = file;
    this.reason = reason;
  }
}

export interface Decoded {
  text: string;
  /** 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' */
  encoding: string;
}

/**
 * Decodes a text file's bytes. The BOM, if any, is removed so that offsets in
 * the engine's output index straight into the returned text.
 */
export function decodeBytes(bytes: Uint8Array, name: string): Decoded {
  if (bytes.length === 0) throw new ImportError('empty', name, 'file is empty');
  const decoded = decodeByBom(bytes, name) ?? decodeUtf16WithoutBom(bytes, name) ?? decodeUtf8(bytes) ?? decodeLegacy(bytes, name);
  checkLooksLikeText(decoded.text, name);
  return decoded;
}

function decodeByBom(bytes: Uint8Array, name: string): Decoded | null {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const text = decodeUtf8(bytes.subarray(3));
    if (!text) throw new ImportError('undecodable', name, 'starts with a UTF-8 byte-order mark but is not valid UTF-8');
    return text;
  }
  // UTF-32 LE also starts with FF FE; its NUL pairs are caught as binary later.
  if (b0 === 0xff && b1 === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le', name);
  if (b0 === 0xfe && b1 === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be', name);
  return null;
}

// A BOM-less UTF-16 file has a NUL in the high byte of every ASCII character
// (spaces, digits, punctuation): odd positions for little-endian, even ones
// for big-endian, and almost none on the other side. chardet does not
// recognise UTF-16 without a BOM, so this check has to come first. Binary
// data whose NULs happen to line up is still caught by checkLooksLikeText.
// (UTF-16 text with no ASCII at all has no NULs and is not recognised.)
const UTF16_MIN_NUL_SHARE = 0.1;
const UTF16_MAX_OTHER_SHARE = 0.1;

function decodeUtf16WithoutBom(bytes: Uint8Array, name: string): Decoded | null {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  if (even + odd === 0) return null;
  const units = Math.floor(bytes.length / 2);
  const looksLe = odd >= units * UTF16_MIN_NUL_SHARE && even <= odd * UTF16_MAX_OTHER_SHARE;
  const looksBe = even >= units * UTF16_MIN_NUL_SHARE && odd <= even * UTF16_MAX_OTHER_SHARE;
  if (bytes.length % 2 === 0 && (looksLe || looksBe)) return decodeUtf16(bytes, looksLe ? 'utf-16le' : 'utf-16be', name);
  throw new ImportError('binary', name, 'looks like a binary file, not text (it contains NUL bytes)');
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', name: string): Decoded {
  if (bytes.length % 2 !== 0) throw new ImportError('undecodable', name, `is not valid ${encoding.toUpperCase()} (odd number of bytes)`);
  // Big-endian is byte-swapped into little-endian so that only the always
  // available 'utf-16le' decoder is needed (no dependency on full ICU).
  const le = encoding === 'utf-16le' ? bytes : swapPairs(bytes);
  try {
    return { text: new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(le), encoding };
  } catch {
    throw new ImportError('undecodable', name, `is not valid ${encoding.toUpperCase()} (broken surrogate pairs)`);
  }
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1]!;
    out[i + 1] = bytes[i]!;
  }
  return out;
}

function decodeUtf8(bytes: Uint8Array): Decoded | null {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return null;
  }
}

// chardet names that decoding as Windows-1252 reproduces faithfully.
const WINDOWS_1252_COMPATIBLE = new Set(['windows-1252', 'ISO-8859-1', 'ASCII']);
// chardet is unreliable on short inputs (it answers CJK at 10% for "“Hi”"),
// so only a confident verdict for another encoding is taken as a refusal.
const CONFIDENT = 50;

function decodeLegacy(bytes: Uint8Array, name: string): Decoded {
  if (looksLikeDamagedUtf8(bytes)) throw new ImportError('undecodable', name, 'is not valid UTF-8 (damaged, or mixes encodings)');
  const guess = strongestGuess(bytes);
  if (guess && !WINDOWS_1252_COMPATIBLE.has(guess.name) && guess.confidence >= CONFIDENT) {
    if (guess.name === 'UTF-8') throw new ImportError('undecodable', name, 'is not valid UTF-8 (damaged, or mixes encodings)');
    throw unsupportedEncoding(name, guess.name);
  }
  checkLegacyBytes(bytes, name, guess?.name);
  return { text: iconv.decode(bytes, 'windows-1252'), encoding: 'windows-1252' };
}

// Windows-1252 text almost never contains a byte pair that is also a valid
// UTF-8 sequence ("Ã©" would be one), so when valid sequences are at least as
// common as invalid bytes the file is UTF-8 with a few bad bytes, and decoding
// it as Windows-1252 would garble every accented letter.
function looksLikeDamagedUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const length = utf8SequenceLength(bytes, i);
    if (length > 1) valid++;
    else if (length === 0) invalid++;
    i += Math.max(length, 1);
  }
  return valid > 0 && valid >= invalid;
}

/** Length of the valid UTF-8 sequence starting at i, or 0 when there is none. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  if (lead < 0x80) return 1;
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length === 0 || i + length > bytes.length) return 0;
  for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  return length;
}

// chardet's verdict settles long before this; the byte checks still see everything.
const DETECTION_SAMPLE = 256 * 1024;

function strongestGuess(bytes: Uint8Array): { name: string; confidence: number } | null {
  try {
    return chardet.analyse(bytes.subarray(0, DETECTION_SAMPLE))[0] ?? null;
  } catch {
    // A detector crash only loses the hint; the byte checks below still run.
    return null;
  }
}

function unsupportedEncoding(name: string, guess: string | undefined): ImportError {
  const hint = guess && !WINDOWS_1252_COMPATIBLE.has(guess) ? ` (looks like ${guess})` : '';
  return new ImportError('unsupported-encoding', name, `is not text in a supported encoding${hint}; save it as UTF-8`);
}

// Bytes 0x81 0x8D 0x8F 0x90 0x9D are unassigned in Windows-1252: no real
// Windows-1252 text contains them.
const UNASSIGNED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
// Random or compressed data has 12.5% of its bytes in 0x80-0x9F; real text
// only uses them for the odd curly quote, dash or euro sign.
const MAX_C1_SHARE = 0.1;
// Single-byte Cyrillic, Greek, Hebrew... text is mostly high bytes; Western
// European text only has an accented letter here and there.
const MAX_HIGH_SHARE = 0.3;
// Below this size shares say nothing (a lone "“Hi”" is half C1 bytes).
const MIN_BYTES_FOR_SHARES = 32;

function checkLegacyBytes(bytes: Uint8Array, name: string, guess: string | undefined): void {
  let c1 = 0;
  let high = 0;
  let visible = 0;
  for (const b of bytes) {
    if (UNASSIGNED_1252.has(b)) throw unsupportedEncoding(name, guess);
    if (b >= 0x80 && b <= 0x9f) c1++;
    if (b >= 0x80) high++;
    if (b > 0x20) visible++;
  }
  if (bytes.length < MIN_BYTES_FOR_SHARES) return;
  if (c1 > bytes.length * MAX_C1_SHARE) throw binary(name);
  if (high > visible * MAX_HIGH_SHARE) throw unsupportedEncoding(name, guess);
}

function binary(name: string): ImportError {
  return new ImportError('binary', name, 'looks like a binary file, not text');
}

// Control characters other than tab, newline, vertical tab, form feed and
// carriage return; C1 controls (U+0080-U+009F) in decoded text are mojibake
// or binary. A few strays are tolerated (old files carry the odd ^Z or ^L).
const CONTROL = /[\u0001-\u0008\u000E-\u001F\u007F-\u009F]/g;
const MAX_CONTROL_SHARE = 0.01;

export function checkLooksLikeText(text: string, name: string): void {
  if (text.includes('\u0000')) throw binary(name);
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > text.length * MAX_CONTROL_SHARE) throw binary(name);
  if (text.trim().length === 0) throw new ImportError('empty', name, 'file has no text');
}
