// Which library a command works on, and opening it the way every command
// should: the default per-user library unless --library says otherwise,
// created only by the commands that add to it, and any recovery or upgrade
// reported on stderr (a user must hear that their file was damaged).
/* eslint-disable security/detect-non-literal-fs-filename -- the library path is the user's --library or the app's data folder */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { displayName } from '../import/decode';
import { Library } from '../library/index';
import type { OpenReport } from '../library/index';
import { defaultLibraryPath } from '../library/paths';
import { CliError } from './output';

export interface LibraryChoice {
  path: string;
  /** No --library was given. */
  isDefault: boolean;
}

export function chooseLibrary(option: string | null): LibraryChoice {
  return option === null ? { path: defaultLibraryPath(), isDefault: true } : { path: resolve(option), isDefault: false };
}

/**
 * Makes sure there is a library to open: commands that add to it may create
 * it (and the default data folder); the others refuse to conjure an empty one.
 */
export function prepareLibrary(choice: LibraryChoice, create: boolean): void {
  if (existsSync(choice.path)) return;
  if (!create) {
    throw new CliError(`${displayName(choice.path)}: there is no library here yet; add files with 'parallax import'${choice.isDefault ? '' : ' --library …'}`);
  }
  if (choice.isDefault) mkdirSync(dirname(choice.path), { recursive: true });
}

/** One stderr line per thing the user should know about how the library was opened. */
export function reportOpen(report: OpenReport): void {
  const shown = displayName(report.path);
  const recovery = report.recovery;
  if (recovery) {
    const replaced = recovery.restoredFrom ? `the backup ${displayName(recovery.restoredFrom)} was restored in its place` : 'a new, empty library was started';
    note(`${shown}: ${recovery.problem}; it was moved to ${displayName(recovery.damagedPath)} and ${replaced}`);
  } else if (report.created) {
    note(`created a new library at ${shown}`);
  }
  if (report.upgradedFrom !== null) {
    const backup = report.upgradeBackup ? ` (a backup of the old one is at ${displayName(report.upgradeBackup)})` : '';
    note(`upgraded the library from schema ${report.upgradedFrom} to ${report.schemaVersion}${backup}`);
  }
}

export function note(message: string): void {
  process.stderr.write(`parallax: ${message.replace(/[\r\n]+/g, ' ')}\n`);
}

/** Opens the chosen library, runs `work` on it and closes it, whatever happens. */
export async function withLibrary<T>(option: string | null, create: boolean, work: (library: Library) => T | Promise<T>): Promise<T> {
  const choice = chooseLibrary(option);
  prepareLibrary(choice, create);
  const { library, report } = await Library.open(choice.path);
  reportOpen(report);
  try {
    return await work(library);
  } finally {
    library.close();
  }
}
