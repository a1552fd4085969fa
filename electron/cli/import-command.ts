// `parallax import PATH... [--story ID|NAME] [--library PATH] [--json]`
//
// The import runs in the library worker (as it will under the desktop app),
// so this thread only prints: progress on stderr as each file is done, then
// a per-file table (or one JSON document) on stdout. Ctrl-C stops after the
// file in hand and still prints what was done.
import { displayName } from '../import/decode';
import type { FileResult, FilesImport, Suggestion } from '../library/import-files';
import { LibraryWorker, LibraryWorkerError } from '../library/worker-host';
import { changesLibrary, interruptSignal } from './interrupt';
import { chooseLibrary, note, prepareLibrary, reportOpen } from './library-open';
import { CliError } from './output';
import { formatTable } from './table';

export interface ImportArgs {
  paths: string[];
  story: number | string | null;
  library: string | null;
  json: boolean;
}

/** Exit status when the import finished but some files failed (as for batch). */
export const EXIT_SOME_FILES_FAILED = 3;
export const EXIT_INTERRUPTED = 130;

export async function runImport(args: ImportArgs): Promise<number> {
  const choice = chooseLibrary(args.library);
  prepareLibrary(choice, true);
  const { worker, report } = await LibraryWorker.open(choice.path);
  reportOpen(report);
  changesLibrary();
  const done: FileResult[] = [];
  let outcome: FilesImport;
  try {
    outcome = await worker.import(args.paths, {
      story: args.story ?? undefined,
      signal: interruptSignal(),
      onProgress: (count, total, result) => {
        done.push(result);
        process.stderr.write(`[${count}/${total}] ${progressLine(result)}\n`);
      },
    });
    await worker.close();
  } catch (error) {
    await worker.close();
    // The worker died (out of memory on some file, say): the files it
    // reported are committed, so they are still listed, as a stopped run.
    if (!(error instanceof LibraryWorkerError)) throw error;
    outcome = { results: done, storyId: null, storyTitle: null, storyCreated: false, suggestions: [], stopped: { code: error.code, message: error.message } };
  }
  const counts = countStatuses(outcome.results);
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ schema: 'parallax.import/1', library: choice.path, ...outcome, counts }, null, 2)}\n`);
  } else {
    process.stdout.write(renderImport(outcome, counts));
  }
  if (outcome.stopped?.code === 'aborted') {
    note(`interrupted: ${outcome.stopped.message}; the files listed are in the library`);
    return EXIT_INTERRUPTED;
  }
  // The library itself failed: one line on stderr, like every other error.
  if (outcome.stopped) throw new CliError(`stopped: ${outcome.stopped.message}`);
  return counts.failed > 0 ? EXIT_SOME_FILES_FAILED : 0;
}

interface Counts {
  added: number;
  duplicate: number;
  failed: number;
}

function countStatuses(results: readonly FileResult[]): Counts {
  const counts: Counts = { added: 0, duplicate: 0, failed: 0 };
  for (const result of results) counts[result.status]++;
  return counts;
}

function progressLine(result: FileResult): string {
  if (result.status === 'failed') return `failed: ${result.error ?? displayName(result.path)}`;
  return `${result.status} ${displayName(result.path)}`;
}

function renderImport(outcome: FilesImport, counts: Counts): string {
  const rows = outcome.results.map((r) => [
    r.status,
    r.versionId === undefined ? '' : String(r.versionId),
    r.storyId === undefined ? '' : String(r.storyId),
    r.status === 'failed' ? (r.error ?? r.path) : r.movedFrom === undefined ? r.path : `${r.path} (moved from story ${r.movedFrom})`,
  ]);
  let text = rows.length > 0 ? formatTable([{ header: 'STATUS' }, { header: 'VERSION', align: 'right' }, { header: 'STORY', align: 'right' }, { header: 'FILE' }], rows) : '';
  const title = outcome.storyTitle === null ? '' : ` '${displayName(outcome.storyTitle)}'`;
  const story = outcome.storyId === null ? '' : `; story #${outcome.storyId}${title}${outcome.storyCreated ? ' (new)' : ''}`;
  text += `${counts.added} added, ${counts.duplicate} duplicate, ${counts.failed} failed${story}\n`;
  for (const suggestion of outcome.suggestions) text += `${suggestionLine(suggestion)}\n`;
  return text;
}

export function suggestionLine(s: Suggestion): string {
  const facts = `${s.shared} shared ${s.shared === 1 ? 'fact' : 'facts'}`;
  return `this looks like story #${s.storyId} '${displayName(s.title)}' (${facts}); add with --story ${s.storyId}`;
}
