// Importing files (and pasted text) into the library: the one path every
// import takes, whether from the command line, the worker or the app.
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
import { fingerprint } from '../../shared/library/fingerprint';
import { pastedFields, storyTitle, versionFields } from './document-version';
import type { VersionFields } from './document-version';
import { expandPaths } from './expand-paths';
import { guard, isLibraryError, LibraryError } from './errors';
import { contentHash } from './hash';
import type { Library } from './library';
import { setVersionKeys, suggestionsFor } from './version-keys';

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

export interface Suggestion {
  storyId: number;
  title: string;
  /** Fact keys the imported versions share with the story. */
  shared: number;
  /** That share of the imported versions' keys, in [0, 1]. */
  share: number;
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

export interface TextImport {
  status: 'added' | 'duplicate';
  versionId: number;
  storyId: number;
  suggestions: Suggestion[];
}

/** Library errors after which every later file would fail too. */
const STOPPING = new Set(['disk-full', 'read-only', 'locked', 'damaged', 'not-found', 'too-new', 'migration-failed']);

/** Where versions go: an existing story, a story to find or create by name, or a new story. */
class Target {
  id: number | null;
  created = false;

  constructor(
    private readonly library: Library,
    private readonly name: string | null,
    id: number | null,
  ) {
    this.id = id;
  }

  static resolve(library: Library, story: number | string | undefined): Target {
    if (story === undefined) return new Target(library, null, null);
    if (typeof story === 'number') {
      if (!library.stories.get(story)) throw new LibraryError('not-found', library.file, `story ${story} does not exist`);
      return new Target(library, null, story);
    }
    const name = story.trim();
    if (name === '') throw new LibraryError('invalid', library.file, 'a story name cannot be blank');
    const target = new Target(library, name, null);
    target.id = target.findByName();
    return target;
  }

  /** Ids of the stories with exactly this title; more than one cannot be told apart by name. */
  private findByName(): number | null {
    const ids = guard(this.library.file, () => this.library.db.prepare('SELECT id FROM stories WHERE title = ? ORDER BY id LIMIT 3').pluck().all(this.name) as number[]);
    if (ids.length > 1) {
      throw new LibraryError('invalid', this.library.file, `several stories are named "${this.name}" (#${ids.join(', #')}); give a story id instead`);
    }
    return ids[0] ?? null;
  }

  /** The story reference for `versions.add`; call inside the file's transaction. */
  ref(fields: VersionFields): { id: number } | { title: string } {
    // Another program may have created the named story since the last file.
    if (this.id === null && this.name !== null) this.id = this.findByName();
    if (this.id !== null) return { id: this.id };
    return { title: this.name ?? storyTitle(fields) };
  }

  /** The story, creating the named one now if it does not exist yet. */
  ensure(): number {
    if (this.id === null) {
      this.id = this.library.stories.create(this.name ?? 'Imported files').id;
      this.created = true;
    }
    return this.id;
  }
}

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

/** The story's title for the report; a library failing right now only costs the title. */
function titleOf(library: Library, storyId: number | null): string | null {
  if (storyId === null) return null;
  try {
    return library.stories.get(storyId)?.title ?? null;
  } catch (error) {
    if (isLibraryError(error)) return null;
    throw error;
  }
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
    keys = fingerprint(fields.text);
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

/** The version, its outlet and keys and (first time) its story, as one transaction. */
function store(library: Library, fields: VersionFields, keys: readonly string[], target: Target): { status: 'added' | 'duplicate'; versionId: number; storyId: number } {
  let createdStory = false;
  const added = library.transaction(() => {
    const story = target.ref(fields);
    const result = library.versions.add({ ...fields, story });
    if (result.status === 'added') {
      setVersionKeys(library, result.versionId, keys);
      createdStory = 'title' in story;
    }
    return result;
  });
  // Only once committed: a rolled-back story must not become the target.
  if (createdStory) {
    target.id = added.storyId;
    target.created = true;
  }
  return added;
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
    try {
      const all = library.versions.listByStory(storyId);
      if (all.length === 0 || !all.every((v) => seen.has(v.id))) continue;
      const into = target.ensure();
      library.stories.merge(into, [storyId]);
      for (const r of duplicates) Object.assign(r, { storyId: into, movedFrom: storyId });
    } catch (error) {
      // The files themselves are in the library; only the move did not happen.
      if (isLibraryError(error)) return { code: error.code, message: error.message };
      throw error;
    }
  }
  return null;
}

function suggest(library: Library, keys: string[], ownStory: number): Suggestion[] {
  if (keys.length === 0) return [];
  return suggestionsFor(library, keys, { excludeStoryIds: [ownStory] }).flatMap((s) => {
    const story = library.stories.get(s.storyId);
    return story ? [{ storyId: s.storyId, title: story.title, shared: s.shared, share: s.share }] : [];
  });
}

/** Imports pasted text as a version of a new story (or of `story`); throws LibraryError. */
export function importText(library: Library, text: string, options: { label: string; story?: number | string }): TextImport {
  const target = Target.resolve(library, options.story);
  const fields = pastedFields(text, options.label);
  const known = library.versions.findByHash(contentHash(text));
  if (known) return { status: 'duplicate', versionId: known.id, storyId: known.storyId, suggestions: [] };
  const keys = fingerprint(text);
  const added = store(library, fields, keys, target);
  const suggestions = options.story === undefined && added.status === 'added' ? suggest(library, keys, added.storyId) : [];
  return { ...added, suggestions };
}
