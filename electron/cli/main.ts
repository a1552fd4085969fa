// Entry point of the `parallax` command line (bundled to dist/cli.js). The same
// bundle doubles as the batch worker script, see batch-command.ts.
import { isMainThread, workerData } from 'node:worker_threads';
import { ENGINE_VERSION } from '../../shared/engine/compare';
import packageJson from '../../package.json' with { type: 'json' };
import { ImportError } from '../import/decode';
import { parseArgs, USAGE, UsageError } from './args';
import type { Command } from './args';
import { runBatch } from './batch-command';
import { BATCH_WORKER_ROLE, runBatchWorker } from './batch-worker';
import { runCompare } from './compare-command';
import { abortPendingFiles, CliError } from './output';

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
  }
}

/** Every failure is exactly one line on stderr; stacks only with PARALLAX_DEBUG=1. */
function report(error: unknown): number {
  if (error instanceof UsageError) {
    printError(`${error.message} (run 'parallax --help' for usage)`);
    return EXIT_USAGE;
  }
  if (error instanceof ImportError) {
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
  abortPendingFiles();
  process.stderr.write(`parallax: interrupted (${signal}); nothing was written\n`);
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
