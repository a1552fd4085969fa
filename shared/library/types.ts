// Shapes of what the library stores, as the rest of the app sees them. Pure
// types and constants so the renderer can use them without the database.
//
// Ids are SQLite integer row ids. Timestamps we create are ISO 8601 UTC strings
// ("2025-11-22T03:05:01.123Z"); dates the user or an importer gives
// (`publishedAt`, `capturedAt`) are either a calendar date ("2025-11-22") or
// such a UTC timestamp, so that they sort as plain strings.

export const SOURCE_KINDS = ['txt', 'md', 'html', 'docx', 'pdf', 'paste'] as const;
/** What a version was imported from. */
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const VERDICTS = ['supported', 'unsupported', 'disputed', 'unverified'] as const;
/** A fact-checker's judgement on an annotated passage. */
export type Verdict = (typeof VERDICTS)[number];

export interface Story {
  id: number;
  title: string;
  createdAt: string;
  updatedAt: string;
}

export interface StorySummary extends Story {
  versionCount: number;
  annotationCount: number;
}

export interface Outlet {
  id: number;
  name: string;
  domain: string | null;
}

/** Everything about a version except its text. */
export interface VersionMeta {
  id: number;
  storyId: number;
  /** 0-based order within the story. */
  position: number;
  outlet: Outlet | null;
  title: string | null;
  byline: string | null;
  url: string | null;
  publishedAt: string | null;
  capturedAt: string | null;
  /** File name the version came from ("pasted text" for pastes). */
  sourceName: string;
  sourceKind: SourceKind;
  importedAt: string;
  /** sha256 of the UTF-8 text, lowercase hex. */
  contentHash: string;
  /** Length of the text in UTF-16 code units. */
  length: number;
}

export interface StoredVersion extends VersionMeta {
  /** The decoded original text, exactly as imported; never altered. */
  text: string;
}

export interface Annotation {
  id: number;
  versionId: number;
  /** UTF-16 offsets into the version's text; `quote === text.slice(start, end)`. */
  start: number;
  end: number;
  quote: string;
  /** Up to ANCHOR_CONTEXT characters before and after the quote, for re-anchoring. */
  prefix: string;
  suffix: string;
  note: string;
  verdict: Verdict;
  /** Tag names, sorted. */
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

export interface Tag {
  id: number;
  name: string;
  annotationCount: number;
}

/** One page of a longer list. */
export interface Page<T> {
  items: T[];
  /** Number of items over all pages. */
  total: number;
  limit: number;
  offset: number;
}

/** A piece of a search snippet; `match` pieces are the query's hits. */
export interface SnippetPiece {
  text: string;
  match: boolean;
}
