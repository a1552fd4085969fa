// Page metadata Readability does not give us (canonical URL) or gives in
// whatever form the page used (publication dates), normalised so the library
// can sort and link versions.

function metaContent(doc: Document, selectors: string[]): string | null {
  for (const selector of selectors) {
    const value = doc.querySelector(selector)?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return null;
}

/** An absolute http(s) URL, or null: a page's canonical link is only useful when it can be opened. */
export function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function canonicalUrl(doc: Document): string | null {
  for (const link of Array.from(doc.querySelectorAll('link[rel][href]'))) {
    const rels = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rels.includes('canonical')) continue;
    const url = httpUrl(link.getAttribute('href'));
    if (url) return url;
  }
  return httpUrl(metaContent(doc, ['meta[property="og:url"]', 'meta[name="og:url"]', 'meta[name="twitter:url"]']));
}

export function metaPublishedTime(doc: Document): string | null {
  const fromMeta = metaContent(doc, [
    'meta[property="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="dc.date"]',
    'meta[name="DC.date.issued"]',
  ]);
  if (fromMeta) return fromMeta;
  const time = doc.querySelector('time[itemprop="datePublished"][datetime], time[pubdate][datetime]');
  return time?.getAttribute('datetime')?.trim() || null;
}

export function metaSiteName(doc: Document): string | null {
  return metaContent(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]']);
}

export function metaAuthor(doc: Document): string | null {
  return metaContent(doc, ['meta[name="author"]', 'meta[property="article:author"]']);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Nested optional groups, but each is anchored by a literal (":" or "."), so
// matching is linear; inputs are also capped at MAX_DATE_LENGTH.
// eslint-disable-next-line security/detect-unsafe-regex
const ISO_LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
// eslint-disable-next-line security/detect-unsafe-regex
const ISO_ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
// Other forms ("Tue, 05 Mar 2024 10:00:00 GMT", "March 5, 2024") are only
// trusted with a four-digit year: V8's Date.parse turns "March 5" into 2001.
const HAS_YEAR = /\b(1[89]|20|21)\d{2}\b/;
const HAS_ZONE = /(?:\bGMT\b|\bUTC\b|\bZ\b|[+-]\d{2}:?\d{2}\b)/i;
const HAS_TIME = /\b\d{1,2}:\d{2}\b/;
const MAX_DATE_LENGTH = 80;

/**
 * ISO 8601 for a date string in any common web form: a date stays a date
 * ("2024-03-05"), a time with a zone becomes UTC ("…T10:00:00.000Z"), a time
 * without one stays as written rather than being pinned to our time zone.
 */
export function toIsoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = value.trim();
  if (text.length > MAX_DATE_LENGTH) return null;
  const dateOnly = ISO_DATE.exec(text);
  if (dateOnly) return validDate(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3]));
  if (ISO_LOCAL_DATE_TIME.test(text)) return Number.isNaN(Date.parse(text.replace(' ', 'T'))) ? null : text.replace(' ', 'T');
  if (ISO_ZONED_DATE_TIME.test(text)) return isoOrNull(Date.parse(text.replace(' ', 'T')));
  if (!HAS_YEAR.test(text)) return null;
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed)) return null;
  if (HAS_TIME.test(text) && HAS_ZONE.test(text)) return isoOrNull(parsed);
  if (HAS_TIME.test(text)) return null;
  // A bare calendar date was parsed at local midnight: read it back locally.
  const date = new Date(parsed);
  return validDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

function isoOrNull(time: number): string | null {
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function validDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Trimmed single-line metadata, null when empty or absurdly long (a paragraph mistaken for a byline). */
export function cleanField(value: string | null | undefined, maxLength = 200): string | null {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  return text === '' || text.length > maxLength ? null : text;
}
