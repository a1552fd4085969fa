// `parallax backup`, `parallax export-library --out FILE [--story ID]...` and
// `parallax import-library FILE`. Each is all-or-nothing in the library code:
// a backup counts once verified, an export appears under its name only when
// complete, an import is one transaction.
/* eslint-disable security/detect-non-literal-fs-filename -- the file to import is the one the user names */
import { statSync } from 'node:fs';
import { displayName } from '../import/decode';
import { inspectLibraryFile } from '../library/index';
import { libraryMethods } from '../library/library-methods';
import { changesLibrary } from './interrupt';
import { withLibrary } from './library-open';
import { CliError, checkOutPath } from './output';

interface LibraryArgs {
  library: string | null;
  json: boolean;
}

function print(json: boolean, schema: string, value: object, text: string): void {
  process.stdout.write(json ? `${JSON.stringify({ schema, ...value }, null, 2)}\n` : `${text}\n`);
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export async function runBackup(args: LibraryArgs): Promise<number> {
  return withLibrary(args.library, false, async (library) => {
    const info = await libraryMethods(library).backup();
    print(args.json, 'parallax.backup/1', { library: library.file, ...info }, `Backup written and verified: ${displayName(info.path)} (${info.bytes} bytes)`);
    return 0;
  });
}

export async function runExportLibrary(args: LibraryArgs & { out: string; storyIds: number[] | null }): Promise<number> {
  checkOutPath(args.out);
  return withLibrary(args.library, false, (library) => {
    const report = libraryMethods(library).exportLibrary(args.out, args.storyIds === null ? {} : { storyIds: args.storyIds });
    const text = `Exported ${count(report.storiesCreated, 'story', 'stories')} (${count(report.versionsAdded, 'version')}, ${count(report.annotationsAdded, 'annotation')}) to ${displayName(report.path)}`;
    print(args.json, 'parallax.export-library/1', { library: library.file, ...report }, text);
    return 0;
  });
}

export async function runImportLibrary(args: LibraryArgs & { file: string }): Promise<number> {
  // Checked before the library is opened, which may create it: a typo or a
  // wrong file must not leave an empty library behind.
  if (!statSync(args.file, { throwIfNoEntry: false })?.isFile()) throw new CliError(`${displayName(args.file)}: no such file`);
  inspectLibraryFile(args.file);
  changesLibrary();
  return withLibrary(args.library, true, (library) => {
    const report = libraryMethods(library).importLibraryFile(args.file);
    const text =
      `Imported ${displayName(report.path)}: ${count(report.storiesCreated, 'new story', 'new stories')}, ` +
      `${count(report.versionsAdded, 'version')} added, ${count(report.versionsDuplicate, 'duplicate')} skipped, ` +
      `${count(report.annotationsAdded, 'annotation')} added`;
    print(args.json, 'parallax.import-library/1', { library: library.file, ...report }, text);
    return 0;
  });
}
