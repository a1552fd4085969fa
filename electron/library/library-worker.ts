// The library's worker thread: its own connection to the library file (WAL
// lets the host keep a reader of its own) running imports and the other
// heavy operations, so the thread hosting the interface never waits on
// SQLite, jsdom or pdf.js. Jobs run one at a time, in the order sent; an
// abort goes straight to the import it names.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { importPaths } from './import-files';
import { Library } from './library';
import { isMethodName, libraryMethods } from './library-methods';
import type { LibraryMethods } from './library-methods';
import { LIBRARY_WORKER_ROLE, toErrorData } from './worker-protocol';
import type { Envelope, HostMessage, WorkerInit, WorkerMessage } from './worker-protocol';

export { LIBRARY_WORKER_ROLE } from './worker-protocol';

/** True in a thread started by LibraryWorker. */
export function isLibraryWorkerThread(): boolean {
  return !isMainThread && (workerData as { role?: unknown } | null)?.role === LIBRARY_WORKER_ROLE;
}

/** Starts the worker loop; call once, in a thread where isLibraryWorkerThread() holds. */
export function runLibraryWorker(): void {
  const port = parentPort;
  if (!port || !isLibraryWorkerThread()) throw new Error('the library worker must run in a thread started by LibraryWorker');
  const init = workerData as WorkerInit;
  const send = (message: WorkerMessage): void => {
    try {
      port.postMessage(message);
    } catch (error) {
      // A value that cannot be cloned must still answer the host, or it would wait forever.
      if (message.type !== 'progress') port.postMessage({ ...message, envelope: { ok: false, error: toErrorData(error) } });
    }
  };
  void Library.open(init.path, init.open).then(
    ({ library, report }) => {
      send({ type: 'ready', envelope: { ok: true, value: report } });
      serve(port, library, send);
    },
    (error: unknown) => {
      send({ type: 'ready', envelope: { ok: false, error: toErrorData(error) } });
      port.close();
    },
  );
}

function serve(port: MessagePort, library: Library, send: (message: WorkerMessage) => void): void {
  const methods = libraryMethods(library);
  const aborts = new Map<number, AbortController>();
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (job: () => Promise<void>): void => {
    // Jobs settle into envelopes and do not reject; if one did, the queue must still go on.
    queue = queue.then(job).catch(() => undefined);
  };
  port.on('message', (message: HostMessage) => {
    switch (message.type) {
      case 'abort':
        aborts.get(message.id)?.abort();
        return;
      case 'import': {
        const controller = new AbortController();
        aborts.set(message.id, controller);
        enqueue(async () => {
          const envelope = await settle(() =>
            importPaths(library, message.paths, {
              ...message.options,
              signal: controller.signal,
              onProgress: (done, total, result) => send({ type: 'progress', id: message.id, done, total, result }),
            }),
          );
          aborts.delete(message.id);
          send({ type: 'done', id: message.id, envelope });
        });
        return;
      }
      case 'call':
        enqueue(async () => send({ type: 'done', id: message.id, envelope: await settle(() => call(methods, message.method, message.args)) }));
        return;
      case 'close':
        // Queued like a job, so everything sent before it finishes first.
        enqueue(async () => {
          library.close();
          port.close();
        });
        return;
    }
  });
}

function call(methods: LibraryMethods, method: unknown, args: unknown[]): unknown {
  if (!isMethodName(method)) throw new Error(`unknown library method ${JSON.stringify(method)}`);
  const fn = methods[method] as (...a: unknown[]) => unknown;
  return fn(...args);
}

/** Runs `work` and never rejects: the outcome becomes an envelope. */
async function settle<T>(work: () => T | Promise<T>): Promise<Envelope<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: toErrorData(error) };
  }
}
