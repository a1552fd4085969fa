// Moving libraries between machines and people: export the whole library or
// chosen stories as ONE file, and import such a file into a library.
//
// The portable file is a library database itself (same schema, same
// migrations, journal in-file, no analysis cache), so it is validated,
// upgraded and read with the same code as the library — and it opens in
// Parallax as it is. It is built fresh rather than copied page by page, so it
// never carries deleted stories in free pages to whoever receives it.
/* eslint-disable security/detect-non-literal-fs-filename -- export and import paths are chosen by the user */
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { asSourceError, copyStories } from './copy';
import type { CopyReport } from './copy';
import type { Db } from './db';
import { APPLICATION_ID, applicationId, closeQuietly, headerProblem, openConnection, quickCheck, userVersion } from './db';
import { isLibraryError, LibraryError, translateError } from './errors';
import { Library } from './library';
import { latestVersion, migrate } from './migrate';
import { parseInput } from './validate';

export interface ExportOptions {
  /** Stories to export; all when left out. */
  storyIds?: number[];
}

export interface ExportReport extends CopyReport {
  path: string;
}

export interface ImportReport extends CopyReport {
  path: string;
  /** The file's schema version before any upgrade. */
  schemaVersion: number;
}

export interface LibraryFileInfo {
  path: string;
  schemaVersion: number;
  stories: number;
  versions: number;
  annotations: number;
}

const storyIdsSchema = z.array(z.int().positive()).max(1_000_000);

/** Writes the chosen stories (or all) to `destPath` as a portable library file. */
export function exportLibrary(library: Library, destPath: string, options: ExportOptions = {}): ExportReport {
  const storyIds = options.storyIds === undefined ? null : [...new Set(parseInput(storyIdsSchema, options.storyIds, library.file, 'stories to export'))];
  if (resolve(destPath) === resolve(library.file)) throw new LibraryError('invalid', destPath, 'cannot export a library onto itself');
  if (!existsSync(dirname(destPath))) throw new LibraryError('not-found', destPath, 'the folder does not exist');
  for (const id of storyIds ?? []) library.stories.getStory(id);
  const partial = `${destPath}.partial`;
  rmSync(partial, { force: true });
  let out: Db | null = null;
  try {
    out = openConnection(partial, { create: true, journal: 'delete' });
    migrate(out, { file: destPath });
    const target = new Library(out);
    const report = target.transaction(() => copyStories(library.db, library.file, target, storyIds));
    out.close();
    renameSync(partial, destPath);
    return { path: destPath, ...report };
  } catch (error) {
    closeQuietly(out);
    rmSync(partial, { force: true });
    throw translateError(error, destPath) ?? error;
  }
}

/** Checks a portable file without importing it: what it holds, or why it cannot be imported. */
export function inspectLibraryFile(path: string): LibraryFileInfo {
  const db = openSource(path);
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { path, schemaVersion: userVersion(db), stories: count('stories'), versions: count('versions'), annotations: count('annotations') };
  } catch (error) {
    throw asSourceError(error, path);
  } finally {
    closeQuietly(db);
  }
}

/**
 * Merges a portable file into `library` in one transaction: versions already
 * present (same text) are not duplicated, stories are recreated, annotations
 * and decisions carried over. On any error nothing is imported.
 */
export function importLibraryFile(library: Library, sourcePath: string): ImportReport {
  if (resolve(sourcePath) === resolve(library.file)) throw new LibraryError('invalid', sourcePath, 'cannot import a library into itself');
  let db = openSource(sourcePath);
  const schemaVersion = userVersion(db);
  let scratch: string | null = null;
  try {
    if (schemaVersion < latestVersion()) {
      // An older file is upgraded on a scratch copy; the user's file is never written.
      closeQuietly(db);
      scratch = mkdtempSync(join(tmpdir(), 'parallax-import-'));
      const copy = join(scratch, 'import.sqlite');
      copyFileSync(sourcePath, copy);
      db = openConnection(copy, { journal: 'delete', untrusted: true });
      migrate(db, { file: sourcePath });
    }
    const source = db;
    const report = library.transaction(() => copyStories(source, sourcePath, library, null));
    return { path: sourcePath, schemaVersion, ...report };
  } catch (error) {
    throw asImportError(error, library.file, sourcePath);
  } finally {
    closeQuietly(db);
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

/** Opens a file to import from, read-only, refusing anything but a sound library this app can read. */
function openSource(path: string): Db {
  let db: Db | null = null;
  try {
    if (existsSync(path) && headerProblem(path)) throw new LibraryError('invalid', path, 'is not a Parallax library file');
    db = openConnection(path, { readonly: true, untrusted: true });
    if (applicationId(db) !== APPLICATION_ID || userVersion(db) <= 0) {
      throw new LibraryError('invalid', path, 'is not a Parallax library file');
    }
    if (userVersion(db) > latestVersion()) {
      throw new LibraryError('too-new', path, `was made by a newer version of Parallax (schema ${userVersion(db)}; this version reads up to ${latestVersion()})`);
    }
    const problems = quickCheck(db);
    if (problems.length > 0) throw new LibraryError('damaged', path, `the file is damaged (${problems.slice(0, 3).join('; ')})`);
    return db;
  } catch (error) {
    closeQuietly(db);
    throw asSourceError(error, path);
  }
}

/**
 * Failures writing the library (full disk, lock) are about the library;
 * anything else means the file's contents were not acceptable.
 */
function asImportError(error: unknown, libraryFile: string, sourcePath: string): unknown {
  // A row the library refused came from the file: say so about the file.
  if (isLibraryError(error, 'invalid') && error.file === libraryFile) {
    return new LibraryError('invalid', sourcePath, `cannot be imported: ${error.reason}`, { cause: error });
  }
  if (isLibraryError(error)) return error;
  const translated = translateError(error, libraryFile);
  if (translated && (translated.code === 'disk-full' || translated.code === 'locked' || translated.code === 'read-only')) return translated;
  return new LibraryError('invalid', sourcePath, `cannot be imported: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}
