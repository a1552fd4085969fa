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
  /** Two or three capitalised words and nothing else: a person's name. */
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
  // Four capitalised words are more often a headline than a name.
  if (text.length > 50 || tokens.length < 2 || tokens.length > 3) return false;
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

// Marker lines that introduce a list of other articles ("Related Articles"),
// compared after folding case, curly apostrophes and trailing colons/arrows.
const LIST_MARKERS = new Set(
  [
    'related', 'related articles', 'related article', 'related stories', 'related posts', 'related news',
    'related reading', 'related coverage', 'related content', 'related topics', 'related links',
    'more to read', 'more to explore', 'see also', 'also see', 'also read', 'read also', 'read more',
    'read next', 'what to read next', 'further reading', 'recommended', 'recommended for you',
    'recommended stories', 'recommended reading', 'you may also like', 'you might also like',
    'you may be interested in', 'you might be interested in', 'more stories', 'more news', 'more on this',
    'more on this story', 'trending', 'trending now', 'trending stories', 'trending news', 'most read',
    'most popular', 'most viewed', 'most shared', 'popular now', 'popular stories', 'popular posts',
    'top stories', 'latest news', 'latest stories', "editor's picks", 'editors picks', "don't miss",
    'must read', 'in case you missed it', 'explore more', 'keep reading',
  ],
);

function foldMarker(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/[\s:：.»›>→-]+$/u, '').replace(/\s+/g, ' ');
}

function isMarkerPhrase(text: string): boolean {
  const folded = foldMarker(text);
  return LIST_MARKERS.has(folded) || /^more (?:from|in|on) [\p{L}' ]{2,30}$/u.test(folded);
}

/** Does the line consist of a list marker, alone or with a colon? */
export function isListMarker(text: string): boolean {
  return text.length <= 60 && isMarkerPhrase(text);
}

/** "More to Read: Some headline": a marker, a colon, then one linked headline. */
function inlineListReason(text: string, shape: Shape): RemovalReason | null {
  const colon = text.indexOf(':');
  if (colon < 4 || colon > 40) return null;
  const marker = text.slice(0, colon).trim();
  if (!isMarkerPhrase(marker)) return null;
  const rest = text.slice(colon + 1).trim();
  // A tail of several sentences is prose that merely starts with these words.
  if (shape.words > 45 || /[.!?]["'”’)]?\s+\p{Lu}/u.test(rest)) return null;
  return /^read (?:more|next)/i.test(marker) ? 'read-next' : 'related-links';
}

/** A cue pattern, the reason it names, and the longest line (in words) it may judge. */
type Rule = [RegExp, RemovalReason, number];

function phrases(reason: RemovalReason, list: string): [string, RemovalReason][] {
  return list.split('|').map((phrase) => [phrase, reason]);
}

// Widget lines matched whole, after folding case and trailing punctuation.
const EXACT_LINES = new Map<string, RemovalReason>([
  ...phrases('navigation', 'type to search|search|search for|search this site|menu|main menu|skip to content|skip to main content|toggle navigation|open menu|close menu|back to top|sign in|log in|login|sign in / register|my account|previous article|next article|previous post|next post|previous story|next story|home|topics|tags|explore more on these topics|suggested topics|more on these topics'),
  ...phrases('timestamp', 'yesterday|today|just now|moments ago'),
  ...phrases('comments', 'comment|comments|post a comment|leave a comment|leave a reply|add a comment|write a comment|view comments|show comments|hide comments|load comments|see comments|read comments|view all comments|show all comments|load more comments|read more comments|loading|loading comments|join the conversation|join the discussion|start the conversation|leave a reply cancel reply|cancel reply|be the first to comment|sort by|newest|oldest'),
  ...phrases('share-widget', 'share|share this|share this article|share this story|share article|share story|copy link|link copied|copied|tweet|email|print|reuse this content|gift this article|save article|save'),
  ...phrases('short-fragment', 'advertisement|sponsored|sponsored content|ad|skip ad|scroll to continue|scroll to continue with content|story continues below|story continues below advertisement|continue reading|continue reading below|continue reading the main story|listen to this article|listen to article|listen to this story|listen|play|pause|ad feedback|video ad feedback|close|expand|collapse'),
]);

function foldWidget(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/[\s:：.…!»›>→(]+$/u, '').replace(/^[-–—•·*|\s]+/u, '').replace(/\s+/g, ' ');
}

// Short widget lines with variable parts; only tried on short lines.
const SHORT_LINE_RULES: Rule[] = [
  [/^(?:posted|filed) (?:in|under)\s*:/i, 'navigation', 20],
  [/^(?:tags?|topics?|categories|category|sections?|keywords|related topics)\s*:/i, 'navigation', 20],
  [/^home\s*[›>»/|]/i, 'navigation', 25],
  [/opens (?:in )?(?:a )?new (?:tab|window)/i, 'navigation', 15],
  [/^\d{1,3}[\s-]{0,3}min(?:ute|utes|s)?\.?\s+read$/i, 'timestamp', 4],
  [/^(?:reading time|read time)\s*:/i, 'timestamp', 6],
  [/^\d+\s+comments?$/i, 'comments', 2],
  [/^comments?\s*\(\d+\)$/i, 'comments', 2],
  [/^(?:your email address will not be published|required fields are marked)/i, 'comments', 20],
  [/\bthe next time i comment\b/i, 'comments', 25],
  [/^(?:share (?:this|on|via|article|story)|click to (?:share|email|print))\b/i, 'share-widget', 10],
  [/^follow (?:us|@?[\p{L}\d_]{2,30}) on\b/iu, 'share-widget', 12],
  [/^[—–-]\s?[^(]{1,60}\(@\w{1,30}\)/u, 'byline', 20],
  [/^(?:https?:\/\/|www\.|pic\.)\S+$/i, 'short-fragment', 1],
  [/^advertisement\b/i, 'short-fragment', 6],
];

// Prefix patterns, tried on the head of any line up to the rule's word limit:
// long prose that merely starts with a cue word stays content.
const PREFIX_RULES: Rule[] = [
  [/^disclaimer\s*[:\-–—]/i, 'disclaimer', 200],
  [/^this (?:content|article|story|post) (?:was|has been|is) (?:partially |partly |fully |entirely )?(?:produced|generated|created|written|prepared) (?:with the (?:help|assistance|aid) of|using)\b/i, 'disclaimer', 200],
  [/^this (?:content|article|story|post) (?:was|has been|is) (?:partially |partly |fully |entirely |automatically )?(?:produced|generated|created|written|published) (?:by an |by a )?(?:ai|artificial intelligence|automated)\b/i, 'disclaimer', 200],
  [/^this (?:story|article|content) (?:has been|was|is) (?:auto-)?published from an? (?:wire|agency|syndicated)/i, 'disclaimer', 60],
  [/^this (?:article|story|post|piece) (?:was |is )?(?:originally|first) (?:appeared|published|ran)\b/i, 'disclaimer', 40],
  [/^(?:originally|first) published (?:on|in|by|at)\b/i, 'disclaimer', 20],
  [/^the views (?:and opinions )?expressed (?:in this|here|are)/i, 'disclaimer', 200],
  [/^(?:this (?:is not|does not constitute) (?:financial|investment|legal) advice|for informational purposes only)/i, 'disclaimer', 200],
  [/^(?:privacy (?:notice|policy)|terms of (?:use|service)|cookie (?:policy|settings|preferences))\b/i, 'subscription', 60],
  [/^(?:©|\(c\)\s*\d{4}|copyright\s+(?:©|\d{4})|all rights reserved)/i, 'disclaimer', 40],
  [/^\((?:additional )?(?:reporting|writing|editing) by\s+\p{Lu}/iu, 'byline', 60],
  [/^(?:additional )?(?:reporting|writing|editing) by\s+\p{Lu}[^.!?]*(?:;|$)/iu, 'byline', 20],
  [/^(?:written|words|text|story|posted) by\s+\p{Lu}/iu, 'byline', 12],
  [/^authors?\s*:/i, 'byline', 12],
  [/\bcontributed (?:reporting |additional reporting )?to this (?:report|story|article)\.?$/i, 'byline', 30],
  [/^(?:image|photo|picture|photograph|illustration|graphic|video|file photo)s?\s*[:(]/i, 'image-credit', 40],
  [/^(?:featured|top|header|lead|cover|main) (?:image|photo)\s*[:(]/i, 'image-credit', 40],
  [/^(?:image|photo|picture|video) (?:caption|source|credit)s?\s*[,:]/i, 'image-credit', 40],
  [/^(?:image|photo|picture|photograph|illustration|graphic|featured image|cover image)s?\s+(?:via|by|courtesy(?: of)?|credit)\s+\S/i, 'image-credit', 12],
  [/^(?:photo|image|picture) credits?\b/i, 'image-credit', 12],
  [/^read (?:the )?(?:full|original|complete|entire) (?:report|story|article|piece|interview|statement)\b/i, 'read-next', 15],
  [/^(?:click here|tap here) to (?:read|see|view|watch)\b/i, 'read-next', 15],
  [/^(?:subscribe|sign up|join now|join us|register now|register for free|become a (?:member|subscriber))\b/i, 'subscription', 30],
  [/^(?:start (?:your )?free trial|already (?:a )?(?:subscriber|member)|create (?:a|an|your) (?:free )?account)\b/i, 'subscription', 30],
  [/^(?:get (?:the|our) (?:newsletter|app|daily)|download (?:the|our) app|unlock (?:this|full|unlimited)|support (?:our|independent) journalism)\b/i, 'subscription', 30],
  [/^about the authors?\s*:?$/i, 'author-bio', 4],
  [/^about the authors?\s*:\s*\S/i, 'author-bio', 80],
  [/^(?:affiliate |editorial |advertising )?disclosure\s*:/i, 'disclaimer', 80],
  [/^our (?:standards|principles|editorial (?:standards|policy))\s*:/i, 'disclaimer', 20],
  [/^this is a (?:developing|breaking|live) (?:news )?(?:story|article)\b/i, 'disclaimer', 20],
  [/^(?:sponsored|promoted|partner content|paid content)\s*[:|-]/i, 'subscription', 40],
  [/^with (?:additional )?reporting (?:from|by)\s+\S/i, 'byline', 20],
  [/^was this (?:article|story|page|content) (?:helpful|useful)\b/i, 'comments', 12],
  [/\bis reader[- ]supported\b|\bbecome a (?:member|subscriber|supporter) to\b|\bavailable (?:only )?to (?:paying )?(?:subscribers|members)\b/i, 'subscription', 40],
  [/^(?:explainer|factbox|timeline|podcast|watch|video|listen|in pictures|live updates?)\s*:\s*\S/i, 'read-next', 14],
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
  /\b(?:join now|sign up|subscribe\b|newsletter|free trial|brought to you by|you care about|your inbox|smarter investing|trade confidently|insights and alerts|unlimited access|get started for free|for free!)/i;

// Words that address the reader: pitches do, reporting (outside quotes) rarely does.
const READER = /\b(?:you|your|our)\b/i;

/** Caption text ending in a credit: "... (Agency pic).", "... Image: Someone." */
const CAPTION_CREDIT =
  /\([^()]{0,40}\b(?:pic|photo|photograph|picture|image|illustration|file photo)\)|(?:^|[.;]\s+)(?:image|photo|picture|photograph|illustration|credit)s?\s*:\s*\S/i;

// Journalism jobs only: "X is an analyst at Y. He has warned ..." is news.
const JOB_WORDS =
  /\b(?:editor|reporter|journalist|correspondent|writer|columnist|contributor|blogger|freelancer|news desk)\b/i;
const BIO_CUES =
  /\b(?:she|he|they) (?:has|have) (?:worked|written|reported|covered|been (?:writing|reporting|covering|a journalist|a reporter|an editor|with))\b|\b(?:write|reach|contact|email|follow) (?:to )?(?:her|him|them)\b|email protected|@[\w-]+\.\w|\b(?:her|his|their) (?:work|writing|reporting) has appeared\b|\bjoined [\p{L} ]{2,40} in (?:19|20)\d\d\b|\bwhere (?:she|he|they) (?:covers?|writes?|reports?) (?:on|about)?\b|\bcovers? [^.]{3,80} for \p{Lu}/iu;

/** "Jane Doe is the Deputy Editor at Outlet. She has worked ..." */
function isAuthorBio(text: string): boolean {
  const tokens = text.slice(0, 300).split(/\s+/, 8);
  for (let k = 2; k <= 4 && k + 1 < tokens.length; k++) {
    const verb = tokens[k]?.toLowerCase();
    if (verb !== 'is' && verb !== 'was' && verb !== 'writes' && verb !== 'covers') continue;
    if (!tokens.slice(0, k).every((t) => NAME_TOKEN.test(t))) return false;
    const head = text.slice(0, 2000);
    // "Name covers X for Outlet." needs no job title: the verb is the job.
    if (verb === 'covers') return BIO_CUES.test(head);
    return JOB_WORDS.test(head.slice(0, 200)) && BIO_CUES.test(head);
  }
  return false;
}

const CAPS_WORD = /^\p{Lu}{3,}$/u;

/** "Jane Doe/Photo Agency" or "AGENCY/Jane Doe": a photographer and an agency. */
function isCreditFragment(credit: string): boolean {
  const slash = credit.lastIndexOf('/');
  if (slash < 0) return false;
  const left = credit.slice(0, slash).trim().split(/\s+/).filter(Boolean);
  const right = credit.slice(slash + 1).trim().split(/\s+/).filter(Boolean);
  if (left.length === 0 || right.length === 0 || left.length + right.length > 8) return false;
  const named = (tokens: string[]): boolean => tokens.every((t) => NAME_TOKEN.test(t) || FUNCTION_WORDS.has(t));
  if (!named(left) || !named(right)) return false;
  // One short left token ("AC/DC Tour") is a name with a slash, not a credit.
  return left.length >= 2 || (CAPS_WORD.test(left[0]!) && right.length >= 2 && right.length <= 3);
}

/**
 * A caption ending in an unpunctuated credit ("... on Sunday. Jane Doe/Agency"),
 * or a credit line on its own.
 */
function endsWithPhotoCredit(text: string): boolean {
  const tail = text.slice(-90);
  const m = /(?:^|[.!?]["'”’)]?\s)([^.!?]{3,80})$/u.exec(tail);
  return m !== null && isCreditFragment(m[1]!.trim());
}

function bylineByShape(text: string, shape: Shape): boolean {
  if (shape.terminal && !shape.nameLike) return false;
  if (shape.words <= 12 && /^by\s+\p{Lu}/iu.test(text) && !/^by\s+(?:the|a|an)\s/i.test(text)) return true;
  // "- Agency", "• Jane Doe": a dashed or bulleted line of a few capitalised words.
  if (shape.words <= 4 && /^[-–—•·]\s*\p{Lu}/u.test(text) && shape.capRatio === 1) return true;
  // "Jane Doe in City |", "Jane Doe | Agency"
  return shape.words <= 10 && !shape.terminal && (/\s\|$/.test(text) || /^\|\s/.test(text));
}

const TIME_UNITS = new Set(
  's sec secs second seconds m min mins minute minutes h hr hrs hour hours d day days w wk wks week weeks mo month months y yr yrs year years'.split(' '),
);

/** "- 5 Hours ago", "an hour ago": a relative publication time. */
function isRelativeTime(text: string): boolean {
  const m = /^[-–—•·]?\s*(\d{1,3}|an?|one)\s*([a-z]{1,7})\s+ago$/i.exec(text);
  return m !== null && TIME_UNITS.has(m[2]!.toLowerCase());
}

// Words a dateline or "Updated ..." stamp is made of, besides numbers.
const DATE_WORDS =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?|\b(?:updated|published|posted|modified|last|first|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|bst|cet|ist|hkt|sgt|[ecmp][sd]?t|ago|hours?|minutes?|mins?|days?)\b/g;

/** "Jane Doe | 5 March 2025 | 4 min read", "News | Sport | Weather": a metadata or menu row. */
function pipeRowReason(text: string): RemovalReason | null {
  const cells = text.split(/[|·•]/).map((cell) => cell.trim()).filter(Boolean);
  if (cells.length < 2) return null;
  const stamp = (cell: string): boolean =>
    isRelativeTime(cell) || isDateOnly(cell, countWords(cell)) || /^\d{1,3}[\s-]{0,3}min(?:ute|utes|s)?\.?\s+read$/i.test(cell);
  if (cells.some(stamp)) return 'timestamp';
  if (cells.some((cell) => /^(?:by|posted by|written by)\s/i.test(cell))) return 'byline';
  if (cells.length >= 3 && cells.every((cell) => countWords(cell) <= 3)) return 'navigation';
  return null;
}

function isDateOnly(text: string, words: number): boolean {
  if (words > 12 || text.length > 90 || !/\d/.test(text)) return false;
  // A bare number is a list rank or a counter, not a date.
  if (!/\p{L}/u.test(text) && !/\b(?:19|20)\d\d\b|\d[:./]\d/u.test(text)) return false;
  // Widgets glue stamps together ("10:00 AM GMTUpdated 2 hours ago").
  const spaced = text.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu}{2})(\p{Lu}\p{Ll})/gu, '$1 $2');
  const stripped = spaced
    .toLowerCase()
    .replace(DATE_WORDS, ' ')
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
    const exact = EXACT_LINES.get(foldWidget(text));
    if (exact) return exact;
    if (!/\p{L}/u.test(text) && !isDateOnly(text, shape.words)) return 'short-fragment';
    for (const [pattern, reason, max] of SHORT_LINE_RULES) if (shape.words <= max && pattern.test(text)) return reason;
    if (isRelativeTime(text) || isDateOnly(text, shape.words)) return 'timestamp';
    if (isShareRow(text, shape.words)) return 'share-widget';
    if (bylineByShape(text, shape)) return 'byline';
    const row = shape.terminal || shape.words > 20 ? null : pipeRowReason(text);
    if (row) return row;
    // A full sentence with a marketing word is news about the business unless it talks to the reader.
    if (shape.words <= 25 && MARKETING.test(text) && (!shape.anchor || READER.test(text))) return 'subscription';
  }
  for (const [pattern, reason, max] of PREFIX_RULES) if (shape.words <= max && pattern.test(head)) return reason;
  if (/^(?:updated|published|posted|last updated)\b/i.test(head) && isDateOnly(text, shape.words)) return 'timestamp';
  const inline = inlineListReason(head, shape);
  if (inline) return inline;
  if (isListMarker(text)) return /^read (?:more|next)/i.test(text) ? 'read-next' : 'related-links';
  if (text.length <= 2000 && isAuthorBio(text)) return 'author-bio';
  if (shape.words <= 60 && CAPTION_CREDIT.test(head)) return 'image-credit';
  if (shape.words <= 40 && MARKETING.test(head) && READER.test(head)) return 'subscription';
  if (endsWithPhotoCredit(text)) return 'image-credit';
  return null;
}

/** Talks to the reader or sells something: a pitch, not reporting. */
export function isPitch(text: string): boolean {
  const head = text.slice(0, HEAD);
  return MARKETING.test(head) || /\b(?:you|your|free)\b/i.test(head);
}

/** The reason for a line swept up by a footer zone, from its wording and shape. */
export function footerReason(text: string, shape: Shape): RemovalReason {
  if (isPitch(text)) return 'subscription';
  if (shape.nameLike) return 'byline';
  if (shape.truncated || (shape.headlineLike && shape.capRatio >= 0.6)) return 'related-links';
  return 'short-fragment';
}

/** Lines that close an article body: what follows them is page footer. */
export function isFooterMarker(text: string, reason: RemovalReason | null): boolean {
  if (reason === 'disclaimer' || reason === 'comments' || reason === 'author-bio') return true;
  return reason === 'navigation' && /^(?:posted|filed) (?:in|under)|^(?:tags?|topics?|categories|category|keywords)\s*:/i.test(text);
}
