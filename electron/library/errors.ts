// Every failure the library can report, as one typed error with a code the UI
// can act on and a one-line message that names the file. Raw SQLite and file
// system errors are translated here, in one place, so no caller ever has to
// parse "SQLITE_BUSY" or "ENOSPC".

export type LibraryErrorCode =
  | 'damaged'
  | 'locked'
  | 'read-only'
  | 'disk-full'
  | 'too-new'
  | 'migration-failed'
  | 'not-found'
  | 'invalid';

/** Characters that would break a one-line message, escaped for display. */
function displayName(name: string): string {
  return name.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export class LibraryError extends Error {
  override readonly name = 'LibraryError';
  readonly code: LibraryErrorCode;
  /** The file the error is about: the library, a backup or an import file. */
  readonly file: string;
  readonly reason: string;

  constructor(code: LibraryErrorCode, file: string, reason: string, options?: { cause?: unknown }) {
    super(`${displayName(file)}: ${reason}`, options);
    this.code = code;
    this.file = file;
    this.reason = reason;
  }
}

export function isLibraryError(error: unknown, code?: LibraryErrorCode): error is LibraryError {
  return error instanceof LibraryError && (code === undefined || error.code === code);
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** True for the SQLite errors that mean the file itself is not a sound database. */
export function isDamageError(error: unknown): boolean {
  const code = errorCode(error);
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}

/**
 * The LibraryError for a SQLite or file system error about `file`, or null when
 * the error is not one the library knows how to explain (a programming error,
 * which should surface as it is).
 */
export function translateError(error: unknown, file: string): LibraryError | null {
  if (error instanceof LibraryError) return error;
  const code = errorCode(error);
  const make = (libraryCode: LibraryErrorCode, reason: string) => new LibraryError(libraryCode, file, reason, { cause: error });
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === 'EBUSY') {
    return make('locked', 'the library is in use by another program (is Parallax already running?); try again');
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return make('read-only', 'the library is read-only; changes cannot be saved');
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return make('disk-full', 'the disk is full; the last change was not saved');
  }
  if (isDamageError(error)) return make('damaged', 'the library file is damaged');
  if (code === 'ENOENT' || code === 'ENOTDIR') return make('not-found', 'no such file or folder');
  if (code.startsWith('SQLITE_CANTOPEN')) return make('not-found', 'the file cannot be opened (missing, or its folder is not accessible)');
  if (code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_TOOBIG' || code === 'SQLITE_MISMATCH') {
    return make('invalid', `the change was refused: ${(error as Error).message}`);
  }
  return null;
}

/** Rethrows `error` as a LibraryError about `file` when it is one we can explain. */
export function rethrow(error: unknown, file: string): never {
  throw translateError(error, file) ?? error;
}

/** Runs `work`, translating any database or file system error about `file`. */
export function guard<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    rethrow(error, file);
  }
}

/** Async twin of `guard`. */
export async function guardAsync<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    rethrow(error, file);
  }
}
