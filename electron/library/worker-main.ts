// Entry point of dist/library-worker.js, the standalone library worker script
// (for hosts that are not the CLI bundle, such as the desktop app's main
// process; the CLI bundle starts the same loop itself, see cli/main.ts).
import { isLibraryWorkerThread, runLibraryWorker } from './library-worker';

if (isLibraryWorkerThread()) runLibraryWorker();
