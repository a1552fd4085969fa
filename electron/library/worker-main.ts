// Entry point of dist/library-worker.js, the library worker script that
// LibraryWorker starts by default (from the command line now, from the
// desktop app's main process later). A bundle of its own, so the file parsers
// it needs are loaded in the worker only, never by the host's thread.
import { isLibraryWorkerThread, runLibraryWorker } from './library-worker';

if (isLibraryWorkerThread()) runLibraryWorker();
