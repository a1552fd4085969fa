// Copies stories with their versions, outlets, decisions, annotations and tags
// from one library database into another (the analysis cache is not copied:
// it is rebuilt on demand). Export and import are both this copy — export
// into a new empty file, import into the user's library. The caller runs it
// inside one transaction on the target, so it lands whole or not at all.
//
// Merging rules: a version whose text the target already holds is not copied
// again (same content hash); its annotations and decisions are carried over
// onto the target's copy. A story is recreated only if it brings at least one
// new version (or is empty in the source and has no empty twin in the
// target), so importing a file twice changes nothing the second time.
import { anchorAt, reanchor } from '../../shared/library/anchor';
import type { SourceKind, Verdict } from '../../shared/library/types';
import type { Db } from './db';
import { isLibraryError, LibraryError, translateError } from './errors';
import { contentHash } from './hash';
import type { Library } from './library';
import type { VersionRow } from './rows';

export interface CopyReport {
  storiesCreated: number;
  versionsAdded: number;
  /** Versions the target already held (by content hash). */
  versionsDuplicate: number;
  decisionsAdded: number;
  annotationsAdded: number;
  /** Annotations the target already had on the same passage with the same note and verdict. */
  annotationsSkipped: number;
}

interface SourceStory {
  id: number;
  title: string;
  created_at: string;
  updated_at: string;
}

// The version columns a copy reads: the stored row's own metadata, plus its text.
type SourceVersion = Pick<
  VersionRow,
  | 'id' | 'content_hash' | 'title' | 'byline' | 'url' | 'published_at' | 'captured_at'
  | 'source_name' | 'source_kind' | 'imported_at' | 'outlet_name' | 'outlet_domain'
> & { text: string };

interface SourceAnnotation {
  id: number;
  start_offset: number;
  end_offset: number;
  quote: string;
  prefix: string;
  suffix: string;
  note: string;
  verdict: string;
  created_at: string;
  updated_at: string;
  tags_json: string;
}

/** Copies `storyIds` (all stories when null) from `source` into `target`; call inside a target transaction. */
export function copyStories(source: Db, sourceFile: string, target: Library, storyIds: readonly number[] | null): CopyReport {
  const report: CopyReport = { storiesCreated: 0, versionsAdded: 0, versionsDuplicate: 0, decisionsAdded: 0, annotationsAdded: 0, annotationsSkipped: 0 };
  const stories = fromSource(sourceFile, () =>
    storyIds === null
      ? source.prepare('SELECT id, title, created_at, updated_at FROM stories ORDER BY id').all()
      : source.prepare('SELECT id, title, created_at, updated_at FROM stories WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id').all(JSON.stringify(storyIds)),
  ) as SourceStory[];
  const idsOf = fromSource(sourceFile, () => source.prepare('SELECT id FROM versions WHERE story_id = ? ORDER BY position, id').pluck());
  const versionById = fromSource(sourceFile, () => source.prepare(
    `SELECT v.id, v.content_hash, v.title, v.byline, v.url, v.published_at, v.captured_at, v.source_name, v.source_kind,
       v.imported_at, o.name AS outlet_name, o.domain AS outlet_domain, t.text
     FROM versions v JOIN version_texts t ON t.version_id = v.id LEFT JOIN outlets o ON o.id = v.outlet_id
     WHERE v.id = ?`,
  ));
  for (const story of stories) {
    let targetStory: number | null = null;
    const storyTarget = () => (targetStory ??= createStory(target, story, report));
    const ids = fromSource(sourceFile, () => idsOf.all(story.id) as number[]);
    if (ids.length === 0 && !hasEmptyTwin(target, story)) storyTarget();
    // One text in memory at a time: a story can hold many large texts.
    for (const id of ids) {
      const version = fromSource(sourceFile, () => versionById.get(id) as SourceVersion);
      copyVersion(source, sourceFile, target, version, storyTarget, report);
    }
  }
  return report;
}

/**
 * An error reading the source is about the source file: "not a database"
 * there means it is not a library, and damage there is not damage here.
 */
export function asSourceError(error: unknown, path: string): unknown {
  if (isLibraryError(error)) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_NOTADB') return new LibraryError('invalid', path, 'is not a Parallax library file', { cause: error });
  const translated = translateError(error, path);
  if (translated) return translated;
  return new LibraryError('invalid', path, `cannot be read as a Parallax library: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

function fromSource<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw asSourceError(error, path);
  }
}

/**
 * An empty story has no versions to recognise it by; the same title and
 * creation time with no versions in the target is taken to be the same story,
 * so that importing a file twice does not duplicate it.
 */
function hasEmptyTwin(target: Library, story: SourceStory): boolean {
  const twin = target.db
    .prepare('SELECT 1 FROM stories s WHERE s.title = ? AND s.created_at = ? AND NOT EXISTS (SELECT 1 FROM versions v WHERE v.story_id = s.id)')
    .get(story.title, story.created_at);
  return twin !== undefined;
}

function createStory(target: Library, story: SourceStory, report: CopyReport): number {
  report.storiesCreated++;
  return target.stories.insert({ title: story.title, createdAt: story.created_at, updatedAt: story.updated_at });
}

function copyVersion(
  source: Db,
  sourceFile: string,
  target: Library,
  version: SourceVersion,
  storyTarget: () => number,
  report: CopyReport,
): void {
  // The hash is the version's identity in the target: it must be the text's.
  if (contentHash(version.text) !== version.content_hash) {
    throw new LibraryError('invalid', sourceFile, `version ${version.id}: its text does not match its content hash`);
  }
  const existing = target.versions.findByHash(version.content_hash);
  let versionId: number;
  if (existing) {
    versionId = existing.id;
    report.versionsDuplicate++;
  } else {
    versionId = target.versions.insert({
      storyId: storyTarget(),
      outletId: version.outlet_name === null ? null : target.outlets.resolve({ name: version.outlet_name, domain: version.outlet_domain }),
      text: version.text,
      contentHash: version.content_hash,
      title: version.title,
      byline: version.byline,
      url: version.url,
      publishedAt: version.published_at,
      capturedAt: version.captured_at,
      sourceName: version.source_name,
      sourceKind: version.source_kind as SourceKind,
      importedAt: version.imported_at,
    });
    report.versionsAdded++;
  }
  copyDecisions(source, sourceFile, target, version.id, versionId, report);
  copyAnnotations(source, sourceFile, target, version, versionId, report);
}

/** The target's own decision on a line wins over the imported one. */
function copyDecisions(source: Db, sourceFile: string, target: Library, fromId: number, toId: number, report: CopyReport): void {
  const rows = fromSource(
    sourceFile,
    () => source.prepare('SELECT line_start, keep FROM boilerplate_decisions WHERE version_id = ?').all(fromId) as { line_start: number; keep: number }[],
  );
  const insert = target.db.prepare('INSERT OR IGNORE INTO boilerplate_decisions (version_id, line_start, keep) VALUES (?, ?, ?)');
  for (const row of rows) report.decisionsAdded += insert.run(toId, row.line_start, row.keep).changes;
}

function copyAnnotations(source: Db, sourceFile: string, target: Library, version: SourceVersion, toId: number, report: CopyReport): void {
  const rows = fromSource(sourceFile, () =>
    source.prepare(
      `SELECT a.id, a.start_offset, a.end_offset, a.quote, a.prefix, a.suffix, a.note, a.verdict, a.created_at, a.updated_at,
         (SELECT json_group_array(t.name) FROM annotation_tags x JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = a.id) AS tags_json
       FROM annotations a WHERE a.version_id = ? ORDER BY a.start_offset, a.id`,
    ).all(version.id) as SourceAnnotation[],
  );
  const same = target.db.prepare(
    'SELECT 1 FROM annotations WHERE version_id = ? AND start_offset = ? AND end_offset = ? AND note = ? AND verdict = ?',
  );
  for (const row of rows) {
    // The texts are identical (hash checked), so this is the exact range unless
    // the file was edited by hand; then the quote decides, or the import stops.
    const range = reanchor({ start: row.start_offset, end: row.end_offset, quote: row.quote, prefix: row.prefix, suffix: row.suffix }, version.text);
    if (!range) throw new LibraryError('invalid', sourceFile, `annotation ${row.id}: its quote is not in the text of version ${version.id}`);
    if (same.get(toId, range.start, range.end, row.note, row.verdict)) {
      report.annotationsSkipped++;
      continue;
    }
    target.annotations.insert({
      versionId: toId,
      anchor: anchorAt(version.text, range.start, range.end),
      note: row.note,
      verdict: row.verdict as Verdict,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      tagIds: target.tags.resolve(JSON.parse(row.tags_json) as string[]),
    });
    report.annotationsAdded++;
  }
}
