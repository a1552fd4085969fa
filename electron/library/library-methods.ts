// The library operations a host (the app's main process, the command line)
// runs by name, in its worker thread or in process: one table, so both ways
// do exactly the same thing. Arguments and results are plain data, because
// in the worker they cross postMessage (structured clone).
import { exportLibrary, importLibraryFile } from './portable';
import type { ExportOptions, ExportReport, ImportReport } from './portable';
import type { BackupInfo } from './backup';
import { compareStory } from './compare-story';
import type { StoryComparison, StoryCompareOptions } from './compare-story';
import { guard } from './errors';
// import-store, not import-files: these methods must not pull the file parsers into a host.
import { importText } from './import-store';
import type { TextImport } from './import-store';
import type { Library } from './library';
import type { OutletSummary } from './outlets';
import type { SearchQuery, SearchResult } from './search';
import type { PageOptions } from './stories';
import type { Page, StoredVersion, StorySummary, Tag, VersionMeta } from '../../shared/library/types';
import { fingerprintStored } from './version-keys';

export interface LibraryImportReport extends ImportReport {
  /** Versions the import added that were fingerprinted for story suggestions. */
  fingerprinted: number;
}

export interface LibraryMethods {
  listStories(options?: PageOptions): Page<StorySummary>;
  getStory(id: number): StorySummary | null;
  listVersions(storyId: number): VersionMeta[];
  getVersion(id: number): StoredVersion | null;
  listOutlets(): OutletSummary[];
  listTags(): Tag[];
  search(query: SearchQuery): SearchResult;
  importText(text: string, options: { label: string; story?: number | string }): TextImport;
  compareStory(storyId: number, options?: StoryCompareOptions): StoryComparison;
  backup(): Promise<BackupInfo>;
  exportLibrary(destPath: string, options?: ExportOptions): ExportReport;
  importLibraryFile(sourcePath: string): LibraryImportReport;
}

export type MethodName = keyof LibraryMethods;
export const METHOD_NAMES: readonly MethodName[] = [
  'listStories',
  'getStory',
  'listVersions',
  'getVersion',
  'listOutlets',
  'listTags',
  'search',
  'importText',
  'compareStory',
  'backup',
  'exportLibrary',
  'importLibraryFile',
];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && (METHOD_NAMES as readonly string[]).includes(name);
}

/** The operations bound to one open library. */
export function libraryMethods(library: Library): LibraryMethods {
  return {
    listStories: (options) => library.stories.list(options),
    getStory: (id) => library.stories.get(id),
    listVersions: (storyId) => library.versions.listByStory(storyId),
    getVersion: (id) => library.versions.get(id),
    listOutlets: () => library.outlets.list(),
    listTags: () => library.tags.list(),
    search: (query) => library.search(query),
    importText: (text, options) => importText(library, text, options),
    compareStory: (storyId, options) => compareStory(library, storyId, options),
    backup: () => library.backup(),
    exportLibrary: (destPath, options) => exportLibrary(library, destPath, options),
    importLibraryFile: (sourcePath) => importLibraryWithKeys(library, sourcePath),
  };
}

/**
 * A portable file carries no fingerprints (they are derived data), so the
 * versions it adds are fingerprinted here, after its one transaction: new
 * version ids are above the largest id before it. (A version another
 * program added meanwhile is merely fingerprinted again, which is harmless.)
 */
function importLibraryWithKeys(library: Library, sourcePath: string): LibraryImportReport {
  const maxId = () => guard(library.file, () => (library.db.prepare('SELECT coalesce(max(id), 0) FROM versions').pluck().get() as number));
  const before = maxId();
  const report = importLibraryFile(library, sourcePath);
  const added = guard(library.file, () => library.db.prepare('SELECT id FROM versions WHERE id > ? ORDER BY id').pluck().all(before) as number[]);
  return { ...report, fingerprinted: fingerprintStored(library, added) };
}
