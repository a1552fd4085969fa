// The host side of the library worker: a small typed client. The host (the
// app's main process, the command line) never blocks on the library: each
// request is a message, each answer a Promise, and a failure arrives as the
// same LibraryError / ImportError it was in the worker (see worker-protocol.ts).
import { Worker } from 'node:worker_threads';
import type { FileResult, FilesImport } from './import-files';
import type { LibraryMethods, MethodName } from './library-methods';
import type { OpenReport } from './open';
import { fromErrorData, LIBRARY_WORKER_ROLE, LibraryWorkerError } from './worker-protocol';
import type { Envelope, HostMessage, WorkerImportOptions, WorkerInit, WorkerMessage, WorkerOpenOptions } from './worker-protocol';

export { LibraryWorkerError } from './worker-protocol';

export interface LibraryWorkerOptions extends WorkerOpenOptions {
  /**
   * The worker script: a bundle that runs `runLibraryWorker()` when
   * workerData.role is LIBRARY_WORKER_ROLE. Default: library-worker.js beside
   * the bundle this code is in (dist/library-worker.js, built from
   * worker-main.ts); code run from source must name it.
   */
  script?: URL | string;
}

export interface WorkerImportRequest extends WorkerImportOptions {
  onProgress?: (done: number, total: number, result: FileResult) => void;
  /** Aborting stops the import before its next file; the Promise still resolves, with `stopped`. */
  signal?: AbortSignal;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onProgress?: (done: number, total: number, result: FileResult) => void;
}

export class LibraryWorker {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private exited = false;
  private closing: Promise<void> | null = null;
  private crash: string | null = null;
  private readonly exitedPromise: Promise<void>;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: WorkerMessage) => this.receive(message));
    worker.on('error', (error) => {
      this.crash = `the library worker crashed: ${error.message.split('\n', 1)[0] ?? ''}`;
    });
    this.exitedPromise = new Promise((resolve) => {
      worker.once('exit', () => {
        this.exited = true;
        const error = new LibraryWorkerError('worker-exited', this.crash ?? 'the library worker stopped unexpectedly');
        for (const pending of this.pending.values()) pending.reject(error);
        this.pending.clear();
        resolve();
      });
    });
  }

  /** Starts a worker on the library at `path` (opening, recovering or upgrading it there). */
  static open(path: string, options: LibraryWorkerOptions = {}): Promise<{ worker: LibraryWorker; report: OpenReport }> {
    const { script, ...open } = options;
    const init: WorkerInit = { role: LIBRARY_WORKER_ROLE, path, open };
    const worker = new Worker(script ?? new URL('./library-worker.js', import.meta.url), { workerData: init });
    const client = new LibraryWorker(worker);
    return new Promise((resolve, reject) => {
      // The worker's first message says whether the library opened.
      client.pending.set(0, {
        resolve: (report) => resolve({ worker: client, report: report as OpenReport }),
        reject: (error) => {
          void client.terminate();
          reject(error);
        },
      });
    });
  }

  /** Imports files and folders (see importPaths); progress arrives as the files are done. */
  import(paths: readonly string[], request: WorkerImportRequest = {}): Promise<FilesImport> {
    const { onProgress, signal, ...options } = request;
    const id = this.nextId++;
    const result = this.request<FilesImport>({ type: 'import', id, paths: [...paths], options }, onProgress);
    if (signal) {
      const abort = () => this.post({ type: 'abort', id });
      if (signal.aborted) abort();
      else signal.addEventListener('abort', abort, { once: true });
      void result.finally(() => signal.removeEventListener('abort', abort)).catch(() => undefined);
    }
    return result;
  }

  /** Runs a library operation in the worker. */
  call<M extends MethodName>(method: M, args: Parameters<LibraryMethods[M]>): Promise<Awaited<ReturnType<LibraryMethods[M]>>> {
    const id = this.nextId++;
    return this.request({ type: 'call', id, method, args: [...args] });
  }

  /** Finishes the jobs already sent, closes the library and ends the thread. */
  close(): Promise<void> {
    if (this.exited) return Promise.resolve();
    this.closing ??= (async () => {
      this.post({ type: 'close' });
      await this.exitedPromise;
    })();
    return this.closing;
  }

  /** Ends the thread at once; a transaction in progress is rolled back by SQLite. */
  async terminate(): Promise<void> {
    if (!this.exited) await this.worker.terminate();
    await this.exitedPromise;
  }

  private request<T>(message: HostMessage & { id: number }, onProgress?: Pending['onProgress']): Promise<T> {
    if (this.exited || this.closing) return Promise.reject(new LibraryWorkerError('closed', 'the library worker is closed'));
    return new Promise<T>((resolve, reject) => {
      this.pending.set(message.id, { resolve: resolve as (value: unknown) => void, reject, onProgress });
      this.post(message);
    });
  }

  private post(message: HostMessage): void {
    if (!this.exited) this.worker.postMessage(message);
  }

  private receive(message: WorkerMessage): void {
    if (message.type === 'progress') {
      const pending = this.pending.get(message.id);
      try {
        pending?.onProgress?.(message.done, message.total, message.result);
      } catch (error) {
        // A failing progress callback fails its request, not the whole host.
        this.pending.delete(message.id);
        pending?.reject(error instanceof Error ? error : new Error(String(error)));
      }
      return;
    }
    const id = message.type === 'ready' ? 0 : message.id;
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    settle(pending, message.envelope);
  }
}

function settle(pending: Pending, envelope: Envelope<unknown>): void {
  if (envelope.ok) pending.resolve(envelope.value);
  else pending.reject(fromErrorData(envelope.error));
}
