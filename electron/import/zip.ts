// Reads a zip archive's central directory by hand, before any unzip library
// sees the file. A .docx is a zip, and a zip can declare a few kilobytes that
// inflate to gigabytes: a 1.6 MB zip-bomb .docx took a Node process to 4.7 GB
// inside mammoth, while checking the directory's declared sizes rejects it in
// milliseconds. The declared sizes are then verified by inflating each entry
// with an output cap equal to its declared size, so an archive that lies
// about its sizes cannot get past this module either.
import { inflateRawSync } from 'node:zlib';
import { ImportError } from './decode';

/** Limits for archives we agree to open; a Word article is far below all of them. */
export interface ZipLimits {
  maxEntries: number;
  maxTotalUncompressed: number;
  /** An entry above maxEntryRatio is refused once it is bigger than this. */
  ratioCheckAbove: number;
  maxEntryRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2000,
  maxTotalUncompressed: 200 * 1024 * 1024,
  ratioCheckAbove: 10 * 1024 * 1024,
  maxEntryRatio: 100,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;
const STORED = 0;
const DEFLATED = 8;

export function isZipMagic(bytes: Uint8Array): boolean {
  // PK\x05\x06 is an empty archive: still a zip, just not a Word document.
  return bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

const corrupt = (name: string, detail: string): ImportError => new ImportError('corrupt', name, `is not a readable zip archive (${detail})`);
const unsafe = (name: string, detail: string): ImportError => new ImportError('unsafe-archive', name, `was refused as a possible zip bomb (${detail})`);

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/**
 * Lists the archive's entries from its central directory and refuses it when
 * the declared sizes break `limits`. Reads only the directory: cost is
 * proportional to the number of entries, never to what they would inflate to.
 */
export function readZipDirectory(bytes: Uint8Array, name: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw corrupt(name, 'no end-of-central-directory record');
  // ZIP64 moves the real counts and offsets into records we would have to
  // trust blindly; no Word article needs an archive over 4 GB or 65,535 files.
  const zip64Locator = eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIGNATURE;
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (zip64Locator || count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw unsafe(name, 'ZIP64 records cannot be verified');
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) throw corrupt(name, 'split across several disks');
  if (count > limits.maxEntries) throw unsafe(name, `${count} entries; the limit is ${limits.maxEntries}`);
  // The directory must end exactly where the end record starts: JSZip (inside
  // mammoth) treats any gap as bytes prepended to the archive and shifts every
  // offset by it, which would make it read entries other than those checked here.
  if (offset + size !== eocd) throw corrupt(name, 'central directory is not where the end record says');

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_SIZE > offset + size || view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw corrupt(name, 'damaged central directory');
    const entry = readCentralEntry(view, bytes, at, name);
    if (seen.has(entry.name)) throw unsafe(name, `two entries are both named "${entry.name}"`);
    seen.add(entry.name);
    total += entry.uncompressedSize;
    if (total > limits.maxTotalUncompressed) throw unsafe(name, `declares over ${megabytes(limits.maxTotalUncompressed)} uncompressed`);
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > limits.ratioCheckAbove && ratio > limits.maxEntryRatio) {
      throw unsafe(name, `"${entry.name}" expands ${Math.round(ratio)}:1 to ${megabytes(entry.uncompressedSize)}`);
    }
    entries.push(entry);
    at += CENTRAL_SIZE + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

// The record sits at the very end unless a comment (at most 64 KB) follows
// it. The last signature is taken, as JSZip does, so that both read the same
// record even when a comment contains a decoy one.
function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - EOCD_SIZE;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (view.getUint32(at, true) !== EOCD_SIGNATURE) continue;
    return at + EOCD_SIZE + view.getUint16(at + 20, true) <= view.byteLength ? at : -1;
  }
  return -1;
}

function readCentralEntry(view: DataView, bytes: Uint8Array, at: number, name: string): ZipEntry {
  const flags = view.getUint16(at + 8, true);
  const method = view.getUint16(at + 10, true);
  const compressedSize = view.getUint32(at + 20, true);
  const uncompressedSize = view.getUint32(at + 24, true);
  const nameLength = view.getUint16(at + 28, true);
  const localHeaderOffset = view.getUint32(at + 42, true);
  if (at + CENTRAL_SIZE + nameLength > bytes.length) throw corrupt(name, 'damaged central directory');
  const entryName = new TextDecoder('utf-8').decode(bytes.subarray(at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength));
  if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
    throw unsafe(name, 'ZIP64 records cannot be verified');
  }
  if (flags & 1) throw new ImportError('encrypted', name, 'is password-protected; save an unprotected copy');
  if (method !== STORED && method !== DEFLATED) throw corrupt(name, `"${entryName}" uses compression method ${method}`);
  if (method === STORED && compressedSize !== uncompressedSize) throw corrupt(name, `"${entryName}" has inconsistent sizes`);
  return { name: entryName, method, compressedSize, uncompressedSize, localHeaderOffset };
}

/**
 * Inflates one entry, never producing more than its declared size: a lying
 * size is refused instead of being believed. Reads from the local header the
 * same way unzip libraries do, so what is verified is what they will read.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, name: string): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + LOCAL_SIZE > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) throw corrupt(name, `"${entry.name}" has no local header`);
  const start = at + LOCAL_SIZE + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt(name, `"${entry.name}" is cut short`);
  const data = bytes.subarray(start, end);
  if (entry.method === STORED) return data;
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw unsafe(name, `"${entry.name}" expands beyond its declared ${entry.uncompressedSize} bytes`);
    }
    throw corrupt(name, `"${entry.name}" cannot be inflated`);
  }
  if (out.length !== entry.uncompressedSize) throw corrupt(name, `"${entry.name}" does not match its declared size`);
  return out;
}

/**
 * Inflates every entry once under its declared-size cap (the check that makes
 * the declared sizes true) and keeps only the entries named in `keep`, so
 * memory never holds more than one inflated entry beyond those.
 */
export function verifyZipEntries(bytes: Uint8Array, entries: ZipEntry[], name: string, keep: readonly string[] = []): Map<string, Uint8Array> {
  const kept = new Map<string, Uint8Array>();
  for (const entry of entries) {
    const data = readZipEntry(bytes, entry, name);
    if (keep.includes(entry.name)) kept.set(entry.name, data);
  }
  return kept;
}
