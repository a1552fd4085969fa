// From what an importer found in a file to what the library stores about a
// version. Metadata comes from files we do not control, so anything that the
// library would refuse (an over-long title, a date it cannot sort, a
// javascript: URL) is trimmed or dropped here: a bad <meta> tag must never
// cost the user the article itself.
import { basename, extname } from 'node:path';
import { cleanText } from '../../shared/engine/clean';
import type { ImportedDocument } from '../import/document';
import { guessOutlet } from '../import/outlet';
import type { NewVersion } from './versions';

/** Everything `versions.add` needs except the story. */
export type VersionFields = Omit<NewVersion, 'story'>;

// The library's own limits (validate.ts), restated so nothing hits them.
const MAX_NAME = 500;
const MAX_META = 2000;
const MAX_URL = 8192;

export function clip(text: string | null | undefined, max: number): string | null {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim();
  if (clean === '') return null;
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

/** An http(s) URL short enough to store, else null. */
function safeUrl(url: string | null): string | null {
  if (!url || url.length > MAX_URL) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The host without "www.", as an outlet's domain. */
function domainOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.replace(/^www\./i, '').toLowerCase();
    return host.length > 0 && host.length <= 253 ? host : null;
  } catch {
    return null;
  }
}

/** A calendar date or ISO timestamp the library can sort, else null. */
export function sortableDate(value: string | null): string | null {
  if (!value) return null;
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (date) {
    const [y, m, d] = date.slice(1).map(Number) as [number, number, number];
    const parsed = new Date(Date.UTC(y, m - 1, d));
    return parsed.getUTCFullYear() === y && parsed.getUTCMonth() === m - 1 && parsed.getUTCDate() === d ? value : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
}

/**
 * The headline: the file's own (HTML <title>/og:title, Markdown heading, Word
 * or PDF metadata), else the line the engine's cleaner takes for the title of
 * a pasted article.
 */
export function headline(doc: Pick<ImportedDocument, 'title' | 'text'>): string | null {
  const own = clip(doc.title, MAX_META);
  if (own) return own;
  try {
    return clip(cleanText(doc.text).title, MAX_META);
  } catch {
    // A title is a convenience; the cleaner failing on an odd text must not stop the import.
    return null;
  }
}

/** A file name fit to show and store: the last path part, without control characters. */
export function fileLabel(path: string): string {
  return clip(basename(path).replace(/[\u0000-\u001F\u007F-\u009F]/g, ' '), MAX_NAME) ?? 'unnamed file';
}

/** The new version's fields for an imported document. */
export function versionFields(doc: ImportedDocument, path: string): VersionFields {
  const sourceName = fileLabel(path);
  const url = safeUrl(doc.url);
  const outlet = clip(guessOutlet({ siteName: doc.siteName, url: doc.url, sourceName, text: doc.text }), MAX_NAME);
  return {
    text: doc.text,
    sourceName,
    sourceKind: doc.kind,
    title: headline(doc),
    byline: clip(doc.byline, MAX_META),
    url,
    publishedAt: sortableDate(doc.publishedTime),
    outlet: outlet ? { name: outlet, domain: domainOf(url) } : null,
  };
}

/** Fields for pasted text; `label` stands in for a file name. */
export function pastedFields(text: string, label: string): VersionFields {
  const sourceName = clip(label, MAX_NAME) ?? 'pasted text';
  const outlet = clip(guessOutlet({ text }), MAX_NAME);
  return {
    text,
    sourceName,
    sourceKind: 'paste',
    title: headline({ title: null, text }),
    outlet: outlet ? { name: outlet } : null,
  };
}

/** A title for a story created by an import: its first version's headline, else the file name without extension. */
export function storyTitle(fields: VersionFields): string {
  const stem = basename(fields.sourceName, extname(fields.sourceName));
  return clip(fields.title, MAX_NAME) ?? clip(stem, MAX_NAME) ?? fields.sourceName;
}
