// The library API over one open connection: a store per concern, plus search
// and backups. Every method is synchronous (better-sqlite3) except backups;
// long jobs (big imports, exports) belong in a worker thread with its own
// connection — WAL lets it write while this one reads.
import { AnalysisStore } from './analysis-cache';
import { AnnotationStore } from './annotations';
import { createBackup, DEFAULT_KEEP_BACKUPS } from './backup';
import type { BackupInfo } from './backup';
import { StoreContext } from './context';
import type { Db } from './db';
import { DecisionStore } from './decisions';
import { openLibrary, defaultBackupDir } from './open';
import type { OpenOptions, OpenReport } from './open';
import { OutletStore } from './outlets';
import { search } from './search';
import type { SearchQuery, SearchResult } from './search';
import { StoryStore } from './stories';
import { TagStore } from './tags';
import { systemClock } from './time';
import type { Clock } from './time';
import { VersionStore } from './versions';

export interface LibraryOptions {
  /** Where `backup()` writes; default `backups/` beside the library file. */
  backupDir?: string;
  keepBackups?: number;
  clock?: Clock;
}

export class Library {
  readonly db: Db;
  /** The library file's path. */
  readonly file: string;
  readonly stories: StoryStore;
  readonly versions: VersionStore;
  readonly outlets: OutletStore;
  readonly tags: TagStore;
  readonly decisions: DecisionStore;
  readonly annotations: AnnotationStore;
  readonly analysis: AnalysisStore;
  private readonly ctx: StoreContext;
  private readonly options: LibraryOptions;

  /** Wraps a connection from `openLibrary` (or `openConnection` + `migrate`). */
  constructor(db: Db, options: LibraryOptions = {}) {
    this.db = db;
    this.file = db.name;
    this.options = options;
    this.ctx = new StoreContext(db, options.clock ?? systemClock);
    this.stories = new StoryStore(this.ctx);
    this.outlets = new OutletStore(this.ctx);
    this.tags = new TagStore(this.ctx);
    this.versions = new VersionStore(this.ctx, this.stories, this.outlets);
    this.decisions = new DecisionStore(this.ctx);
    this.annotations = new AnnotationStore(this.ctx, this.versions, this.tags);
    this.analysis = new AnalysisStore(this.ctx, this.stories);
  }

  /** Opens (creating, recovering or upgrading) the library at `path`. */
  static async open(path: string, options: OpenOptions = {}): Promise<{ library: Library; report: OpenReport }> {
    const { db, report } = await openLibrary(path, options);
    const library = new Library(db, { backupDir: options.backupDir, keepBackups: options.keepBackups, clock: options.clock });
    return { library, report };
  }

  search(query: SearchQuery): SearchResult {
    return search(this.ctx, query);
  }

  /** Runs `work` as one transaction: all of its changes are kept, or none. */
  transaction<T>(work: () => T): T {
    return this.ctx.write(work);
  }

  /** A verified backup now; the oldest beyond `keepBackups` are deleted. */
  backup(): Promise<BackupInfo> {
    return createBackup(this.db, this.options.backupDir ?? defaultBackupDir(this.file), {
      keep: this.options.keepBackups ?? DEFAULT_KEEP_BACKUPS,
      clock: this.options.clock,
    });
  }

  close(): void {
    if (!this.db.open) return;
    // Lets SQLite refresh its planner statistics on the way out, cheaply.
    if (!this.db.readonly) {
      try {
        // Never wait for another process's lock just to refresh statistics.
        this.db.pragma('busy_timeout = 0');
        this.db.pragma('optimize');
      } catch {
        // Statistics are an optimisation; closing must not fail over them.
      }
    }
    this.db.close();
  }
}
