// The messages between a LibraryWorker (worker-host.ts) and its thread
// (library-worker.ts). Everything is plain data: postMessage clones values
// but not classes, so an Error thrown in the worker would arrive as a bare
// Error without its code. Failures therefore travel as envelopes with the
// code and the parts needed to rebuild the same error type on the host.
import type { ImportErrorCode } from '../import/decode';
import { ImportError } from '../import/decode';
import { firstLine } from '../import/document';
import type { LibraryErrorCode } from './errors';
import { LibraryError } from './errors';
import type { FileResult, ImportOptions } from './import-files';
import type { MethodName } from './library-methods';
import type { OpenOptions } from './open';

/** workerData.role of a library worker (the CLI bundle checks it to start as one). */
export const LIBRARY_WORKER_ROLE = 'parallax-library-worker';

/** The open options that can cross the thread boundary (no clock, no custom migrations). */
export type WorkerOpenOptions = Pick<OpenOptions, 'readonly' | 'backupDir' | 'keepBackups' | 'busyTimeoutMs' | 'quickCheck'>;

export interface WorkerInit {
  role: typeof LIBRARY_WORKER_ROLE;
  path: string;
  open: WorkerOpenOptions;
}

export type WorkerImportOptions = Pick<ImportOptions, 'story' | 'maxBytes'>;

export interface WorkerErrorData {
  /** 'library' and 'import' errors are rebuilt as LibraryError / ImportError on the host. */
  kind: 'library' | 'import' | 'other';
  /** A LibraryErrorCode, an ImportErrorCode, or 'internal' / 'worker-exited' / 'closed'. */
  code: string;
  /** One line. */
  message: string;
  file?: string;
  reason?: string;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: WorkerErrorData };

export type HostMessage =
  | { type: 'import'; id: number; paths: string[]; options: WorkerImportOptions }
  | { type: 'call'; id: number; method: MethodName; args: unknown[] }
  | { type: 'abort'; id: number }
  | { type: 'close' };

export type WorkerMessage =
  | { type: 'ready'; envelope: Envelope<unknown> }
  | { type: 'progress'; id: number; done: number; total: number; result: FileResult }
  | { type: 'done'; id: number; envelope: Envelope<unknown> };

/** Any thrown value as envelope data. */
export function toErrorData(error: unknown): WorkerErrorData {
  if (error instanceof LibraryError) return { kind: 'library', code: error.code, message: firstLine(error), file: error.file, reason: error.reason };
  if (error instanceof ImportError) return { kind: 'import', code: error.code, message: firstLine(error), file: error.file, reason: error.reason };
  const name = error instanceof Error && error.name !== 'Error' ? `${error.name}: ` : '';
  return { kind: 'other', code: 'internal', message: `${name}${firstLine(error)}` };
}

/** An error raised by a LibraryWorker that is neither a LibraryError nor an ImportError. */
export class LibraryWorkerError extends Error {
  override readonly name = 'LibraryWorkerError';
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** The error the worker reported, as the same type it was there. */
export function fromErrorData(data: WorkerErrorData): Error {
  if (data.kind === 'library' && data.file !== undefined && data.reason !== undefined) {
    return new LibraryError(data.code as LibraryErrorCode, data.file, data.reason);
  }
  if (data.kind === 'import' && data.file !== undefined && data.reason !== undefined) {
    return new ImportError(data.code as ImportErrorCode, data.file, data.reason);
  }
  return new LibraryWorkerError(data.code, data.message);
}
