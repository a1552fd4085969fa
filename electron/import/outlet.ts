// A readable outlet name for a version ("BBC", "The Guardian"), from the
// strongest clue available: the page's own site name, then its URL's host,
// then a file name that clearly carries one, then a wire-service dateline.
// General rules only: no table of known outlets, which would go stale and
// favour the outlets someone thought of.
import { basename, extname } from 'node:path';
import { domainToUnicode } from 'node:url';

export interface OutletClues {
  siteName?: string | null;
  url?: string | null;
  sourceName?: string | null;
  text?: string | null;
}

export function guessOutlet(clues: OutletClues): string | null {
  return fromSiteName(clues.siteName) ?? fromUrl(clues.url) ?? fromFileName(clues.sourceName) ?? fromDateline(clues.text);
}

const MAX_NAME = 60;

function fromSiteName(siteName: string | null | undefined): string | null {
  const name = (siteName ?? '').replace(/\s+/g, ' ').trim();
  if (name === '' || name.length > MAX_NAME) return null;
  // Some pages put their bare domain in og:site_name.
  return isHostName(name) ? fromHost(name) : name;
}

function fromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return fromHost(new URL(url).hostname);
  } catch {
    return null;
  }
}

/** "www.example.co.uk": dot-separated labels of letters, digits and inner hyphens, ending in a letter label. */
function isHostName(text: string): boolean {
  const labels = text.split('.');
  return (
    labels.length >= 2 &&
    labels.every((label) => /^[a-z0-9]$|^[a-z0-9][a-z0-9-]*[a-z0-9]$/i.test(label)) &&
    /^[a-z]/i.test(labels[labels.length - 1]!)
  );
}
// Second-level labels under which country domains register names
// ("bbc.co.uk", "abc.net.au", "asahi.com.br"): the name is one label further left.
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'gov', 'ac', 'edu', 'ne', 'or', 'go', 'gob', 'nic', 'mil', 'ltd', 'plc', 'news']);

/** "www.bbc.co.uk" → "BBC", "m.the-times.com" → "The Times"; null for IPs and bare names. */
export function fromHost(host: string): string | null {
  const lower = domainToUnicode(host.toLowerCase().replace(/\.$/, '')) || host.toLowerCase();
  if (/^[\d.]+$/.test(lower) || lower.includes(':')) return null;
  const labels = lower.split('.').filter((label) => label !== '');
  if (labels.length < 2) return null;
  const tld = labels[labels.length - 1]!;
  const second = labels[labels.length - 2]!;
  const label = labels.length >= 3 && tld.length === 2 && SECOND_LEVEL.has(second) ? labels[labels.length - 3]! : second;
  return readable(label);
}

// Short words that read as words, not initials, inside a multi-word name.
const SHORT_WORDS = new Set('the of and a an in on at for to by new my our its all one two day big top sun'.split(' '));

/** Words from a slug, title-cased; short or vowel-less words are read as acronyms ("bbc" → "BBC"). */
function readable(slug: string): string | null {
  const words = slug.split(/[-_\s]+/).filter((word) => word !== '');
  if (words.length === 0) return null;
  const acronym = (word: string): boolean =>
    /^\p{L}+$/u.test(word) && (!/[aeiouy]/i.test(word) || (word.length <= 3 && (words.length === 1 || !SHORT_WORDS.has(word.toLowerCase()))));
  return words.map((word) => (acronym(word) ? word.toUpperCase() : word[0]!.toUpperCase() + word.slice(1))).join(' ');
}

const COMMON_TLDS = new Set(['com', 'org', 'net', 'news', 'info', 'media', 'press', 'tv', 'fm', 'io', 'co']);
// What a file name adds after an outlet prefix without itself naming anything:
// "bbc-news_article", "reuters_2024-03-05", "guardian_v2".
const GENERIC_REST = /^(?:article|story|page|post|text|copy|print|version|draft|final|original|updated|v\d+|\d[\d-]*)(?:$|[_\s-])/i;

/** "bbc-news": one to four hyphen-joined words, the first starting with a letter. */
function isSlug(text: string): boolean {
  const words = text.split('-');
  return words.length <= 4 && /^[a-z]/i.test(text) && words.every((word) => /^[a-z0-9]+$/i.test(word));
}
const TITLE_SEPARATOR = /\s+[|–—-]\s+/;

/** An outlet from a file name, only when the name clearly carries one; otherwise null. */
export function fromFileName(sourceName: string | null | undefined): string | null {
  if (!sourceName) return null;
  let stem = basename(sourceName);
  stem = stem.slice(0, stem.length - extname(stem).length).replace(/\s*\(\d+\)$/, '').trim();
  if (stem === '') return null;

  // "www.bbc.co.uk_news.html", "nytimes.com - Headline.html"
  for (const token of stem.split(/[\s_]+/)) {
    const labels = token.toLowerCase().split('.');
    const tld = labels[labels.length - 1]!;
    if (isHostName(token) && (COMMON_TLDS.has(tld) || (tld.length === 2 && labels.length >= 3))) return fromHost(token);
  }

  // A browser's "Save page as" uses the page title: "Headline text - Outlet Name".
  const parts = stem.split(TITLE_SEPARATOR);
  if (parts.length >= 2) {
    const last = parts[parts.length - 1]!.trim();
    const headline = parts.slice(0, -1).join(' ');
    const words = last.split(/\s+/);
    if (headline.split(/\s+/).length >= 3 && !GENERIC_REST.test(last) && words.length <= 4 && last.length <= 40 && words.every((w) => /^(?:[\p{Lu}\d&]|of$|the$|and$)/u.test(w))) {
      return last;
    }
  }

  // "bbc-news_article": an outlet slug, then only generic words.
  const underscore = stem.indexOf('_');
  if (underscore > 0) {
    const prefix = stem.slice(0, underscore);
    const rest = stem.slice(underscore + 1);
    if (isSlug(prefix) && GENERIC_REST.test(rest) && !GENERIC_REST.test(prefix)) return readable(prefix);
  }
  return null;
}

// "LONDON (Reuters) -" / "WASHINGTON, March 5 (AP) —": the wire-service
// dateline at the start of a story names who wrote it.
// Every repetition is bounded and the match is anchored at the start of one
// paragraph, so backtracking stays small.
// eslint-disable-next-line security/detect-unsafe-regex
const DATELINE = /^\s*\p{Lu}[\p{Lu} .'’-]{1,40}(?:,[^()\n]{1,30})?\s*\((\p{Lu}[\p{L}&.' ]{0,30})\)\s*[-–—]/u;

function fromDateline(text: string | null | undefined): string | null {
  if (!text) return null;
  // The headline and a byline may come first, so the opening few paragraphs are tried.
  const opening = text.slice(0, 1000).split(/\n\s*\n/).filter((p) => p.trim() !== '').slice(0, 3);
  for (const paragraph of opening) {
    const match = DATELINE.exec(paragraph);
    if (match) return match[1]!.trim();
  }
  return null;
}
