// Row shapes as SQLite returns them, and their conversion to the app's types.
// Column lists live next to their mappers so the two cannot drift apart.
import type { Annotation, Outlet, SourceKind, Story, StorySummary, Verdict, VersionMeta } from '../../shared/library/types';

export interface StoryRow {
  id: number;
  title: string;
  created_at: string;
  updated_at: string;
}

export const STORY_COLUMNS = 's.id, s.title, s.created_at, s.updated_at';

export function toStory(row: StoryRow): Story {
  return { id: row.id, title: row.title, createdAt: row.created_at, updatedAt: row.updated_at };
}

export interface StorySummaryRow extends StoryRow {
  version_count: number;
  annotation_count: number;
}

export function toStorySummary(row: StorySummaryRow): StorySummary {
  return { ...toStory(row), versionCount: row.version_count, annotationCount: row.annotation_count };
}

export interface VersionRow {
  id: number;
  story_id: number;
  position: number;
  outlet_id: number | null;
  outlet_name: string | null;
  outlet_domain: string | null;
  title: string | null;
  byline: string | null;
  url: string | null;
  published_at: string | null;
  captured_at: string | null;
  source_name: string;
  source_kind: string;
  imported_at: string;
  content_hash: string;
  text_length: number;
}

/** Select from `versions v LEFT JOIN outlets o ON o.id = v.outlet_id`. */
export const VERSION_COLUMNS = `v.id, v.story_id, v.position, v.outlet_id, o.name AS outlet_name, o.domain AS outlet_domain,
  v.title, v.byline, v.url, v.published_at, v.captured_at, v.source_name, v.source_kind, v.imported_at,
  v.content_hash, v.text_length`;

export function toOutlet(id: number | null, name: string | null, domain: string | null): Outlet | null {
  return id === null || name === null ? null : { id, name, domain };
}

export function toVersionMeta(row: VersionRow): VersionMeta {
  return {
    id: row.id,
    storyId: row.story_id,
    position: row.position,
    outlet: toOutlet(row.outlet_id, row.outlet_name, row.outlet_domain),
    title: row.title,
    byline: row.byline,
    url: row.url,
    publishedAt: row.published_at,
    capturedAt: row.captured_at,
    sourceName: row.source_name,
    // The schema's CHECK admits only SourceKind values.
    sourceKind: row.source_kind as SourceKind,
    importedAt: row.imported_at,
    contentHash: row.content_hash,
    length: row.text_length,
  };
}

export interface AnnotationRow {
  id: number;
  version_id: number;
  start_offset: number;
  end_offset: number;
  quote: string;
  prefix: string;
  suffix: string;
  note: string;
  verdict: string;
  tags_json: string;
  created_at: string;
  updated_at: string;
}

/** Select from `annotations a`; tags come as a sorted JSON array. */
export const ANNOTATION_COLUMNS = `a.id, a.version_id, a.start_offset, a.end_offset, a.quote, a.prefix, a.suffix, a.note,
  a.verdict, a.created_at, a.updated_at,
  (SELECT json_group_array(name) FROM (SELECT t.name FROM annotation_tags x JOIN tags t ON t.id = x.tag_id
    WHERE x.annotation_id = a.id ORDER BY t.name COLLATE NOCASE)) AS tags_json`;

export function toAnnotation(row: AnnotationRow): Annotation {
  return {
    id: row.id,
    versionId: row.version_id,
    start: row.start_offset,
    end: row.end_offset,
    quote: row.quote,
    prefix: row.prefix,
    suffix: row.suffix,
    note: row.note,
    verdict: row.verdict as Verdict,
    tags: JSON.parse(row.tags_json) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
