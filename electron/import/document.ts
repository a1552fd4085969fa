// The one shape every importer (plain text, Markdown, web page, Word, PDF)
// returns, so the library stores and the engine compares them the same way.

export type DocumentKind = 'txt' | 'md' | 'html' | 'docx' | 'pdf';

/** A block the importer left out of `text`, kept so a user can see and restore it. */
export interface CutBlock {
  text: string;
  /** Why it was judged not to be article text: 'navigation', 'comments', 'related', 'page-footer', … */
  reason: string;
}

export interface ImportedDocument {
  /** The article text the engine will compare: decoded once, never altered afterwards. */
  text: string;
  kind: DocumentKind;
  /** The name the caller gave: a path for readDocument, a file name for parseDocument. */
  sourceName: string;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601 ("2024-03-05" or "2024-03-05T10:00:00.000Z") when parseable, else null. */
  publishedTime: string | null;
  /** Canonical http(s) URL when the file names one. */
  url: string | null;
  /** What was cut from the source (page chrome, running headers) so a user can see and restore it. */
  cut: CutBlock[];
  /** The article as sanitised HTML (html imports only), for display. */
  sanitizedHtml: string | null;
  /** The character encoding the bytes were decoded from, when they were text. */
  encoding: string | null;
}

/** A document with every optional field empty; importers fill in what they know. */
export function blankDocument(kind: DocumentKind, sourceName: string, text: string): ImportedDocument {
  return {
    text,
    kind,
    sourceName,
    title: null,
    byline: null,
    siteName: null,
    publishedTime: null,
    url: null,
    cut: [],
    sanitizedHtml: null,
    encoding: null,
  };
}

/** The first line of an error's message, shortened: library errors can be multi-line and long, ImportError messages are one line. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split(/\r?\n/)[0]!.trim();
  return line.length > 160 ? `${line.slice(0, 157)}…` : line || 'unknown error';
}
