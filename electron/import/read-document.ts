// Reads one user-named file of any supported type. The size cap is checked
// with stat() before a byte is read (read-file.ts), for every format: a
// 1 GB PDF is refused as cheaply as a 1 GB text file.
import { parseDocument } from './parse-document';
import type { ImportedDocument } from './document';
import { readFileBytes } from './read-file';
import type { ReadOptions } from './read-file';

export { parseDocument } from './parse-document';
export { DEFAULT_MAX_BYTES } from './read-file';
export type { ImportedDocument } from './document';

/** Reads and parses `path`; `path` is also the document's sourceName and the name in error messages. */
export async function readDocument(path: string, options: ReadOptions = {}): Promise<ImportedDocument> {
  const bytes = await readFileBytes(path, options);
  return parseDocument(bytes, path);
}
