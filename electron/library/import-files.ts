// Importing files into the library: the one path every file import takes,
// whether from the command line, the worker or the app.
//
// Each file is read and parsed first, outside any transaction (parsing a PDF
// can take seconds and must not hold the write lock), then stored in ONE
// transaction: the version, its outlet, its fingerprint keys and, for the
// first file, the new story. A crash at any moment leaves each file either
// wholly in the library or not at all.
//
// A bad file fails alone and the rest continue. A failure of the library
// itself (disk full, read-only, locked, damaged) stops the run, because every
// later file would fail the same way; what was added before stays added.
import { displayName } from '../import/decode';
import { firstLine } from '../import/document';
import { readDocument } from '../import/read-document';
import { versionFields } from './document-version';
import type { VersionFields } from './document-version';
import { expandPaths } from './expand-paths';
import { isLibraryError } from './errors';
import { contentHash } from './hash';
import { store, suggest, Target, titleOf } from './import-store';
import type { Suggestion } from './import-store';
import type { Library } from './library';
import { fingerprintText } from './version-keys';

export { importText } from './import-store';
export type { Suggestion, TextImport } from './import-store';

export interface ImportOptions {
  /** Add to this story: an id, or a name (a story with that name is created if none has it). */
  story?: number | string;
  /** Files larger than this are refused; default 20 MB. */
  maxBytes?: number;
  /** Called after each file, in order. */
  onProgress?: (done: number, total: number, result: FileResult) => void;
  /** Stops the run before the next file (the file being stored is finished). */
  signal?: AbortSignal;
}

export type FileStatus = 'added' | 'duplicate' | 'failed';

export interface FileResult {
  path: string;
  status: FileStatus;
  versionId?: number;
  /** The story the version is in (for a duplicate, the story already holding it). */
  storyId?: number;
  /**
   * A duplicate moved into the requested story: the story it was in, which
   * held nothing but files of this run and is now gone (see adoptWholeStories).
   */
  movedFrom?: number;
  /** One line naming the file and the reason. */
  error?: string;
}

export interface StopReason {
  /** A LibraryErrorCode, or 'aborted' when the signal fired. */
  code: string;
  message: string;
}

export interface FilesImport {
  results: FileResult[];
  /** The story the files went into; null when no story was given and nothing was added. */
  storyId: number | null;
  /** Its title, when there is one. */
  storyTitle: string | null;
  /** The run created that story. */
  storyCreated: boolean;
  /** Without `story`: other stories the new versions share facts with, best first. */
  suggestions: Suggestion[];
  /** Set when the run ended before its last file. */
  stopped: StopReason | null;
}

/** Library errors after which every later file would fail too. */
const STOPPING = new Set(['disk-full', 'read-only', 'locked', 'damaged', 'not-found', 'too-new', 'migration-failed']);

/** Imports files and folders (see the module comment). Rejects only when the run cannot start. */
export async function importPaths(library: Library, paths: readonly string[], options: ImportOptions = {}): Promise<FilesImport> {
  const target = Target.resolve(library, options.story);
  const entries = await expandPaths(paths);
  const results: FileResult[] = [];
  const addedKeys = new Set<string>();
  let stopped: StopReason | null = null;
  for (const entry of entries) {
    if (options.signal?.aborted) {
      stopped = { code: 'aborted', message: `the import was interrupted after ${results.length} of ${entries.length} files` };
      break;
    }
    let result: FileResult;
    if (entry.problem !== null) {
      result = { path: entry.path, status: 'failed', error: entry.problem };
    } else {
      const outcome = await importFile(library, entry.path, target, options.maxBytes);
      result = outcome.result;
      for (const key of outcome.keys) addedKeys.add(key);
      stopped = outcome.stop;
    }
    results.push(result);
    options.onProgress?.(results.length, entries.length, result);
    if (stopped) break;
  }
  if (!stopped && options.story !== undefined) stopped = adoptWholeStories(library, results, target);
  const suggestions = options.story === undefined && target.id !== null && !stopped ? suggest(library, [...addedKeys], target.id) : [];
  return { results, storyId: target.id, storyTitle: titleOf(library, target.id), storyCreated: target.created, suggestions, stopped };
}

interface FileOutcome {
  result: FileResult;
  /** Fingerprint keys of an added version. */
  keys: string[];
  stop: StopReason | null;
}

async function importFile(library: Library, path: string, target: Target, maxBytes: number | undefined): Promise<FileOutcome> {
  let fields: VersionFields;
  let keys: string[] = [];
  let hash: string;
  try {
    const doc = await readDocument(path, { maxBytes });
    fields = versionFields(doc, path);
    hash = contentHash(fields.text);
  } catch (error) {
    return { result: failed(path, error), keys: [], stop: null };
  }
  try {
    // Known texts skip the fingerprint; the transaction below checks again.
    const known = library.versions.findByHash(hash);
    if (known) return { result: { path, status: 'duplicate', versionId: known.id, storyId: known.storyId }, keys: [], stop: null };
  } catch (error) {
    return libraryFailure(library, path, error);
  }
  try {
    keys = fingerprintText(fields.text);
  } catch (error) {
    return { result: failed(path, new Error(`could not be analysed (${firstLine(error)})`)), keys: [], stop: null };
  }
  try {
    const added = store(library, fields, keys, target);
    return { result: { path, ...added }, keys: added.status === 'added' ? keys : [], stop: null };
  } catch (error) {
    return libraryFailure(library, path, error);
  }
}

function failed(path: string, error: unknown): FileResult {
  // ImportError messages already start with the file's name.
  const message = firstLine(error);
  const shown = displayName(path);
  return { path, status: 'failed', error: message.startsWith(`${shown}: `) ? message : `${shown}: ${message}` };
}

/** A failure while storing: the file's own problem, or the library's (which stops the run). */
function libraryFailure(library: Library, path: string, error: unknown): FileOutcome {
  const shown = displayName(path);
  if (isLibraryError(error) && !STOPPING.has(error.code)) {
    return { result: { path, status: 'failed', error: `${shown}: not added (${error.reason})` }, keys: [], stop: null };
  }
  if (isLibraryError(error)) {
    return { result: { path, status: 'failed', error: `${shown}: not added: ${error.message}` }, keys: [], stop: { code: error.code, message: error.message } };
  }
  // An unexplained error while writing the library would most likely recur for every file.
  const message = `${displayName(library.file)}: the library could not be written (${firstLine(error)})`;
  return { result: { path, status: 'failed', error: `${shown}: not added: ${message}` }, keys: [], stop: { code: 'internal', message } };
}

/**
 * Importing files again with an explicit story is how a user follows a
 * suggestion ("add with --story 12"), but those texts are already in the
 * library, in the story the first import created. When every version of such
 * a story is among this run's files, the user is asking for that whole story
 * in the target: it is merged into the target (one transaction). A story
 * that also holds other versions is left alone — the files stay duplicates.
 */
function adoptWholeStories(library: Library, results: FileResult[], target: Target): StopReason | null {
  const elsewhere = new Map<number, FileResult[]>();
  for (const r of results) {
    if (r.status !== 'duplicate' || r.storyId === undefined || r.storyId === target.id) continue;
    elsewhere.set(r.storyId, [...(elsewhere.get(r.storyId) ?? []), r]);
  }
  for (const [storyId, duplicates] of elsewhere) {
    const seen = new Set(duplicates.map((r) => r.versionId));
    const before = { id: target.id, created: target.created };
    try {
      const all = library.versions.listByStory(storyId);
      if (all.length === 0 || !all.every((v) => seen.has(v.id))) continue;
      // Creating the named story and filling it commit together: never an empty story.
      const into = library.transaction(() => {
        const id = target.ensure();
        library.stories.merge(id, [storyId]);
        return id;
      });
      for (const r of duplicates) Object.assign(r, { storyId: into, movedFrom: storyId });
    } catch (error) {
      Object.assign(target, before);
      // The files themselves are in the library; only the move did not happen.
      if (isLibraryError(error)) return { code: error.code, message: error.message };
      throw error;
    }
  }
  return null;
}

