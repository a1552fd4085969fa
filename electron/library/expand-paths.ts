// What "import these paths" means file by file: a file is itself, a folder is
// every supported file under it (recursive, hidden entries skipped, in
// code-point order of name at each level, so the same folder always imports
// in the same order on every platform). A path that cannot be used becomes a
// problem for that path alone; the other paths still import.
/* eslint-disable security/detect-non-literal-fs-filename -- walking the folders the user names is this module's job */
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { displayName } from '../import/decode';
import { extensionOf, SUPPORTED_EXTENSIONS } from '../import/detect';

export interface PathEntry {
  path: string;
  /** Why this path cannot be imported (one line naming it), or null for a file to import. */
  problem: string | null;
}

/** Folders deeper than this are a link loop or a mistake, not a collection of articles. */
const MAX_DEPTH = 32;

export function isSupportedName(name: string): boolean {
  return SUPPORTED_EXTENSIONS.includes(extensionOf(name));
}

export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Expands `paths` in the order given; folders contribute their supported files. */
export async function expandPaths(paths: readonly string[]): Promise<PathEntry[]> {
  const entries: PathEntry[] = [];
  for (const path of paths) {
    const stats = await stat(path).catch((error: NodeJS.ErrnoException) => error);
    if (stats instanceof Error) {
      entries.push({ path, problem: `${displayName(path)}: ${stats.code === 'ENOENT' ? 'no such file or folder' : `cannot be read (${stats.code ?? stats.message})`}` });
    } else if (stats.isDirectory()) {
      const files: string[] = [];
      const failed = await walk(path, files, new Set(), 0).then(
        () => null,
        (error: NodeJS.ErrnoException) => error,
      );
      if (failed) entries.push({ path, problem: `${displayName(path)}: the folder cannot be read (${failed.code ?? failed.message})` });
      else if (files.length === 0) entries.push({ path, problem: `${displayName(path)}: the folder has no files to import (${SUPPORTED_EXTENSIONS.join(' ')})` });
      for (const file of files) entries.push({ path: file, problem: null });
    } else {
      // A file named explicitly is always tried: the importer decides by content.
      entries.push({ path, problem: null });
    }
  }
  return entries;
}

async function walk(folder: string, out: string[], seen: Set<string>, depth: number): Promise<void> {
  // Symbolic links are followed, so a link back up the tree must not loop.
  const real = await realpath(folder).catch(() => folder);
  if (seen.has(real) || depth > MAX_DEPTH) return;
  seen.add(real);
  // The folder the user named must be readable; an unreadable subfolder is skipped like a hidden one.
  const names = depth === 0 ? await readdir(folder) : await readdir(folder).catch(() => [] as string[]);
  for (const name of names.filter((n) => !n.startsWith('.')).sort(byCodePoint)) {
    const path = join(folder, name);
    const stats = await stat(path).catch(() => null);
    if (stats?.isDirectory()) await walk(path, out, seen, depth + 1);
    else if (stats?.isFile() && isSupportedName(name)) out.push(path);
  }
}
