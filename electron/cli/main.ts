// Entry point of the `parallax` command line (bundled to dist/cli.js). The same
// bundle doubles as the batch worker script, see batch-command.ts. The library
// worker is a bundle of its own (dist/library-worker.js), so that the file
// parsers it loads (jsdom alone takes 0.4 s) never slow this thread's start.
import { isMainThread, workerData } from 'node:worker_threads';
import { ENGINE_VERSION } from '../../shared/engine/compare';
import packageJson from '../../package.json' with { type: 'json' };
import { ImportError } from '../import/decode';
import { LibraryError } from '../library/index';
import { LibraryWorkerError } from '../library/worker-protocol';
import { parseArgs, USAGE, UsageError } from './args';
import type { Command } from './args';
import { runBatch } from './batch-command';
import { BATCH_WORKER_ROLE, runBatchWorker } from './batch-worker';
import { runCompare } from './compare-command';
import { runImport } from './import-command';
import { interruptedNote, requestStop } from './interrupt';
import { runList } from './list-command';
import { abortPendingFiles, CliError } from './output';
import { runBackup, runExportLibrary, runImportLibrary } from './portable-commands';
import { runSearch } from './search-command';
import { runStoryCompare } from './story-compare-command';

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

function isBatchWorker(): boolean {
  return !isMainThread && (workerData as { role?: unknown } | null)?.role === BATCH_WORKER_ROLE;
}

async function run(argv: string[]): Promise<number> {
  const command = parseArgs(argv);
  return execute(command);
}

async function execute(command: Command): Promise<number> {
  switch (command.kind) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'version':
      process.stdout.write(`parallax ${packageJson.version} (engine ${ENGINE_VERSION})\n`);
      return 0;
    case 'compare':
      return runCompare(command);
    case 'batch':
      return runBatch(command);
    case 'compare-story':
      return runStoryCompare(command);
    case 'import':
      return runImport(command);
    case 'list':
      return runList(command);
    case 'search':
      return runSearch(command);
    case 'backup':
      return runBackup(command);
    case 'export-library':
      return runExportLibrary(command);
    case 'import-library':
      return runImportLibrary(command);
  }
}

/** Every failure is exactly one line on stderr; stacks only with PARALLAX_DEBUG=1. */
function report(error: unknown): number {
  if (error instanceof UsageError) {
    printError(`${error.message} (run 'parallax --help' for usage)`);
    return EXIT_USAGE;
  }
  // Library, import and worker errors all carry a one-line message naming the file.
  if (error instanceof ImportError || error instanceof LibraryError || error instanceof LibraryWorkerError) {
    printError(error.message);
    return EXIT_FAILURE;
  }
  if (error instanceof CliError) {
    printError(error.message);
    return error.exitCode;
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  printError(`internal error: ${message}`);
  if (process.env.PARALLAX_DEBUG === '1' && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
  return EXIT_FAILURE;
}

function printError(message: string): void {
  // Newlines inside a message (a file name, an engine error) would break the
  // one-line promise, so they are flattened here once for every error.
  process.stderr.write(`parallax: ${message.replace(/[\r\n]+/g, ' ')}\n`);
}

function onInterrupt(signal: NodeJS.Signals): void {
  // An import stops cleanly after the file in hand and reports; a second signal stops at once.
  if (requestStop()) {
    process.stderr.write(`parallax: stopping after the current file (${signal} again to stop at once)\n`);
    return;
  }
  abortPendingFiles();
  process.stderr.write(`parallax: interrupted (${signal})${interruptedNote()}\n`);
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

function main(): void {
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  // A closed pipe (`parallax compare … | head`) is not an error worth a trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') printError(`cannot write to standard output (${error.code ?? error.message})`);
    process.exit(error.code === 'EPIPE' ? 0 : EXIT_FAILURE);
  });
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      abortPendingFiles();
      process.exitCode = report(error);
    },
  );
}

if (isBatchWorker()) runBatchWorker();
else if (isMainThread) main();
