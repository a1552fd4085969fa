// Per-line evidence for the boilerplate cleaner: the shape of a line (length,
// final punctuation, capitalisation) and cue phrases that mark page chrome.
// Everything here looks at one line in isolation; clean.ts adds the context
// (position, repetition, runs after marker lines).
import type { RemovalReason } from './types';

export interface Line {
  /** Offset of the first character after the previous line break. */
  rawStart: number;
  /** Trimmed span: text === source.slice(start, end). */
  start: number;
  end: number;
  text: string;
}

export interface Shape {
  words: number;
  /** Ends like a sentence: . ! ? ; : (closing quotes/brackets allowed after). */
  terminal: boolean;
  /** Ends in an ellipsis: a teaser cut short by the page, not a full sentence. */
  truncated: boolean;
  /** Share of content words that start with a capital letter (title case ≈ 1). */
  capRatio: number;
  /** Two to four capitalised words and nothing else: a person's name. */
  nameLike: boolean;
  /** Could be a headline: no sentence-final punctuation, headline length. */
  headlineLike: boolean;
  /** Safe evidence of article text: a full sentence or a long paragraph. */
  anchor: boolean;
}

// Only this much of a line is inspected by cue rules and word scans: chrome
// sits in short lines or at the start of a line, and it keeps a 1 MB line cheap.
const HEAD = 600;

const FUNCTION_WORDS = new Set(
  'a an the of in on at to for and or but nor with as by from vs via into over under is are was be its it s'.split(' '),
);

const CLOSERS = /["'”’»)\]}]/u;

function lastMeaningfulChar(text: string): { char: string; index: number } {
  let i = text.length - 1;
  while (i > 0 && CLOSERS.test(text.charAt(i))) i--;
  return { char: text.charAt(i), index: i };
}

function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || code === 9 || code === 0xa0 || (code >= 0x2000 && code <= 0x200a);
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

function capitalisationRatio(tokens: string[]): number {
  let content = 0;
  let capitals = 0;
  for (const token of tokens) {
    const word = token.replace(/^[^\p{L}\p{N}]+/u, '');
    if (!word || FUNCTION_WORDS.has(word.toLowerCase())) continue;
    content++;
    if (/^[\p{Lu}\p{N}]/u.test(word)) capitals++;
  }
  return content === 0 ? 0 : capitals / content;
}

const NAME_TOKEN = /^\p{Lu}[\p{L}'’.-]*$/u;

function isNameLike(text: string, tokens: string[]): boolean {
  if (text.length > 50 || tokens.length < 2 || tokens.length > 4) return false;
  return tokens.every((t) => NAME_TOKEN.test(t) && !FUNCTION_WORDS.has(t.toLowerCase()));
}

/** Shape features of one trimmed, non-empty line. */
export function shapeOf(text: string): Shape {
  const words = countWords(text);
  const { char, index } = lastMeaningfulChar(text);
  const truncated = char === '…' || (char === '.' && text.slice(Math.max(0, index - 2), index + 1) === '...');
  const colonOrSemi = char === ':' || char === ';';
  const terminal = !truncated && ('.!?'.includes(char) || (colonOrSemi && words >= 6));
  // Strip leading bullets/dashes so "• Jane Doe" reads as a name.
  const tokens = text.slice(0, HEAD).replace(/^[-–—•·*|>\s]+/u, '').split(/\s+/).filter(Boolean);
  const capRatio = capitalisationRatio(tokens.slice(0, 40));
  const endsWithPeriod = char === '.' || truncated;
  return {
    words,
    terminal,
    truncated,
    capRatio,
    nameLike: isNameLike(text, tokens),
    headlineLike: !endsWithPeriod && char !== ':' && words >= 3 && words <= 25 && text.length <= 220,
    anchor: (terminal && words >= 6) || (!truncated && words >= 30),
  };
}

/** Identity key for repetition checks: case and punctuation folded. */
export function lineKey(text: string): string {
  return text.slice(0, 400).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Marker lines that introduce a list of other articles ("Related Articles"). */
const LIST_MARKER =
  /^(?:related(?: articles?| stories| posts?| news| reading| coverage| content)?|more to read|more to explore|see also|also see|also read|read also|read more|read next|what to read next|further reading|recommended(?: for you| stories| reading)?|you (?:may|might) also (?:like|be interested in)|more (?:stories|news|on this(?: story)?|from [\p{L} ]{2,30})|trending(?: now| stories| news)?|most (?:read|popular|viewed|shared)|popular (?:now|stories|posts)|top stories|latest (?:news|stories)|editor'?s picks|don'?t miss|must read)$/iu;

/** Does the line consist of a list marker, alone or with a colon? */
export function isListMarker(text: string): boolean {
  if (text.length > 60) return false;
  return LIST_MARKER.test(text.replace(/[\s:：.]+$/u, ''));
}

/** "More to Read: Some headline": a marker, a colon, then one linked headline. */
function inlineListReason(text: string, shape: Shape): RemovalReason | null {
  const colon = text.indexOf(':');
  if (colon < 4 || colon > 40) return null;
  const marker = text.slice(0, colon).trim();
  if (!LIST_MARKER.test(marker)) return null;
  const rest = text.slice(colon + 1).trim();
  // A tail of several sentences is prose that merely starts with these words.
  if (shape.words > 45 || /[.!?]["'”’)]?\s+\p{Lu}/u.test(rest)) return null;
  return /^read (?:more|next)/i.test(marker) ? 'read-next' : 'related-links';
}

type Rule = [RegExp, RemovalReason];

// Whole-line patterns for short widget lines; only tried on short lines.
const SHORT_LINE_RULES: Rule[] = [
  [/^(?:type to search|search(?: for)?|search this site|menu|main menu|skip to (?:main )?content|toggle navigation|open menu|close menu|back to top|sign in|log in|login|sign in \/ register|my account)\s*:?$/i, 'navigation'],
  [/^(?:posted|filed) (?:in|under)\s*:/i, 'navigation'],
  [/^(?:tags?|topics?|categories|category|sections?|keywords)\s*:/i, 'navigation'],
  [/^home\s*[›>»/|]/i, 'navigation'],
  [/^[-–—•·]?\s*(?:\d{1,3}|an?|one)\s+(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?|y|years?)\s+ago$/i, 'timestamp'],
  [/^[-–—•·]?\s*(?:yesterday|today|just now|moments ago)$/i, 'timestamp'],
  [/^\d{1,3}\s*(?:-|\s)?\s*min(?:ute)?s?\.?\s+read$/i, 'timestamp'],
  [/^(?:reading time|read time)\s*:/i, 'timestamp'],
  [/^(?:\d+\s+)?comments?(?:\s*\(\d+\))?$/i, 'comments'],
  [/^(?:post|leave|add|write|submit|view|show|hide|load|see|read) (?:a |the |all |more |your )?(?:comments?|reply|replies|responses?)$/i, 'comments'],
  [/^(?:loading|loading comments)\s*(?:\.\.\.|…)?$/i, 'comments'],
  [/^(?:join|start) the (?:conversation|discussion)$/i, 'comments'],
  [/^be the first to (?:comment|reply)/i, 'comments'],
  [/^(?:advertisement|sponsored(?: content)?|ad|skip ad|scroll to continue(?: with content)?|story continues below(?: advertisement)?|continue reading(?: below)?|listen to (?:this )?(?:article|story)|play|pause)$/i, 'short-fragment'],
];

// Prefix patterns, tried on the head of any line that is not long prose.
const PREFIX_RULES: Rule[] = [
  [/^disclaimer\s*[:\-–—]/i, 'disclaimer'],
  [/^(?:this|the) (?:content|article|story|report|post) (?:was|has been|is) (?:\w+ )?(?:produced|generated|created|written|published|prepared) (?:with|using|by|from) (?:the (?:help|assistance) of |an? )?/i, 'disclaimer'],
  [/^(?:the views (?:and opinions )?expressed|this (?:is not|does not constitute) (?:financial|investment|legal) advice|for informational purposes only)/i, 'disclaimer'],
  [/^(?:©|\(c\)\s*\d{4}|copyright\b|all rights reserved)/i, 'disclaimer'],
  [/^\(?(?:additional )?(?:reporting|writing|editing|compiled|produced) by\s+\p{Lu}/iu, 'byline'],
  [/^(?:written|words|text|story) by\s+\p{Lu}/iu, 'byline'],
  [/^authors?\s*:/i, 'byline'],
  [/^(?:image|photo|picture|photograph|illustration|graphic|video|file photo|featured image|top image|header image|lead image|cover image|main image)s?(?:\s+(?:via|by|credit|credits|courtesy(?: of)?|source))?\s*[:(]/i, 'image-credit'],
  [/^(?:image|photo|picture|photograph|illustration|graphic|featured image|cover image)s?\s+(?:via|by|courtesy(?: of)?|credit)\s+\S/i, 'image-credit'],
  [/^(?:photo|image|picture) credits?\b/i, 'image-credit'],
  [/^read (?:the )?(?:full|original|complete|entire) (?:report|story|article|piece|interview|statement)\b/i, 'read-next'],
  [/^(?:click here|tap here) to (?:read|see|view|watch)\b/i, 'read-next'],
  [/^(?:subscribe|sign up|join now|join us|register now|register for free|become a (?:member|subscriber)|start (?:your )?free trial|already (?:a )?(?:subscriber|member)|get (?:the|our) (?:newsletter|app|daily)|download (?:the|our) app|create (?:a|an|your) (?:free )?account|unlock (?:this|full|unlimited)|support (?:our|independent) journalism)\b/i, 'subscription'],
  [/^(?:share|tweet|email|print|copy link|click to (?:share|email|print))\b.{0,40}$/i, 'share-widget'],
  [/^about the authors?\s*:?$/i, 'author-bio'],
];

const SHARE_WORDS = new Set(
  'share shares shared this article story post on via tweet facebook twitter x linkedin whatsapp telegram reddit pinterest email e-mail mail print copy link url messenger flipboard bookmark save threads bluesky sms'.split(
    ' ',
  ),
);

/** A row of share buttons: every word is a network or share verb. */
function isShareRow(text: string, words: number): boolean {
  if (words > 10 || text.length > 90) return false;
  const tokens = text.toLowerCase().split(/[\s|/·•,]+/).filter(Boolean);
  const networks = tokens.filter((t) => SHARE_WORDS.has(t));
  return networks.length === tokens.length && /share|facebook|twitter|linkedin|whatsapp|tweet|telegram|reddit|email/.test(text.toLowerCase());
}

// Second-person marketing phrases: short pitch lines and footer taglines.
const MARKETING =
  /\b(?:join now|sign up|subscribe|newsletter|free trial|brought to you by|you care about|your inbox|smarter investing|trade confidently|insights and alerts|premium members?|unlimited access|ad-free experience for|get started for free|for free!)/i;

/** Caption text ending in a credit: "... (Agency pic).", "... Image: Someone." */
const CAPTION_CREDIT =
  /\([^()]{0,40}\b(?:pic|photo|photograph|picture|image|illustration|file photo)\)|(?:^|[.;]\s+)(?:image|photo|picture|photograph|illustration|credit)s?\s*:\s*\S/i;

const JOB_WORDS =
  /\b(?:editor|reporter|journalist|correspondent|writer|columnist|contributor|author|producer|blogger|presenter|anchor|analyst at|freelancer|staff writer|news desk)\b/i;
const BIO_CUES =
  /\b(?:she|he|they) (?:has|have|had|is|was|previously|joined|covers|writes|holds)\b|\b(?:write|reach|contact|email|follow) (?:to )?(?:her|him|them)\b|email protected|@[\w-]+\.\w|\bsince (?:19|20)\d\d\b|\bjoined\b/i;

/** "Jane Doe is the Deputy Editor at Outlet. She has worked ..." */
function isAuthorBio(text: string): boolean {
  const tokens = text.slice(0, 300).split(/\s+/, 8);
  for (let k = 2; k <= 4 && k + 1 < tokens.length; k++) {
    const verb = tokens[k]?.toLowerCase();
    if (verb !== 'is' && verb !== 'was' && verb !== 'writes' && verb !== 'covers') continue;
    if (!tokens.slice(0, k).every((t) => NAME_TOKEN.test(t))) return false;
    const head = text.slice(0, 2000);
    return JOB_WORDS.test(head.slice(0, 200)) && BIO_CUES.test(head);
  }
  return false;
}

function bylineByShape(text: string, shape: Shape): boolean {
  if (shape.terminal && !shape.nameLike) return false;
  if (shape.words <= 12 && /^by\s+\p{Lu}/iu.test(text) && !/^by\s+(?:the|a|an)\s/i.test(text)) return true;
  // "- Agency", "• Jane Doe": a dashed or bulleted line of a few capitalised words.
  if (shape.words <= 4 && /^[-–—•·]\s*\p{Lu}/u.test(text) && shape.capRatio === 1) return true;
  // "Jane Doe in City |", "Jane Doe | Agency"
  return shape.words <= 10 && !shape.terminal && (/\s\|$/.test(text) || /^\|\s/.test(text));
}

function isDateOnly(text: string, words: number): boolean {
  if (words > 10 || text.length > 80 || !/\d/.test(text)) return false;
  const stripped = text
    .toLowerCase()
    .replace(/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?/g, ' ')
    .replace(/\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?/g, ' ')
    .replace(/\b(?:updated|published|posted|last updated|first published|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|bst|cet|ist|hkt|sgt|[ecmp][sd]?t)\b/g, ' ')
    .replace(/[\d\s,.:/|\-–—•·+()]+/g, ' ')
    .trim();
  return stripped === '';
}

/**
 * Reason a line is page chrome judged from the line alone, or null. Long prose
 * lines are only tested for cues that start a line or credit an image, so an
 * article sentence is never removed for merely containing a cue word.
 */
export function lineReason(text: string, shape: Shape): RemovalReason | null {
  const head = text.slice(0, HEAD);
  if (text.length <= 120) {
    for (const [pattern, reason] of SHORT_LINE_RULES) if (pattern.test(text)) return reason;
    if (isDateOnly(text, shape.words)) return 'timestamp';
    if (isShareRow(text, shape.words)) return 'share-widget';
    if (bylineByShape(text, shape)) return 'byline';
    if (shape.words <= 25 && MARKETING.test(text)) return 'subscription';
  }
  for (const [pattern, reason] of PREFIX_RULES) if (pattern.test(head)) return reason;
  if (/^(?:updated|published|posted|last updated)\b/i.test(head) && isDateOnly(text, shape.words)) return 'timestamp';
  const inline = inlineListReason(head, shape);
  if (inline) return inline;
  if (isListMarker(text)) return /^read (?:more|next)/i.test(text) ? 'read-next' : 'related-links';
  if (text.length <= 2000 && isAuthorBio(text)) return 'author-bio';
  if (shape.words <= 60 && CAPTION_CREDIT.test(head)) return 'image-credit';
  if (shape.words <= 40 && MARKETING.test(head) && /\byou(?:r)?\b/i.test(head)) return 'subscription';
  return null;
}

/** Marketing or share wording, used to name lines swept up by a footer zone. */
export function footerReason(text: string, shape: Shape): RemovalReason {
  if (MARKETING.test(text.slice(0, HEAD)) || /\bfree\b/i.test(text.slice(0, HEAD))) return 'subscription';
  if (shape.nameLike) return 'byline';
  if (shape.truncated || (shape.headlineLike && shape.capRatio >= 0.6)) return 'related-links';
  return 'short-fragment';
}
