// Word tokens with offsets, shared by every fact extractor.
//
// Tokenising is a hand-written scan rather than one big regex: the joining
// rules ("2,950", "U.S.", "CNCERT/CC", "TP-Link", "China's") depend on what
// is on both sides of a connector, and a scan stays linear whatever the input.
import { foldChars } from '../normalise';

export interface Token {
  /** Offsets into the sentence (relative, UTF-16 units). */
  start: number;
  end: number;
  /** The token as folded by foldChars (curly quotes and dashes made plain). */
  text: string;
  /** Lower-case form, for word-list look-ups. */
  lower: string;
  /** Lower-case form without a possessive "'s" ("china's" → "china"). */
  bare: string;
  /** Folded text between the previous token (or sentence start) and this one. */
  gap: string;
  /** Not the first token, and only spaces since the previous one: same phrase. */
  spaced: boolean;
  /** Starts upper-case, or is a camel-cased brand ("iPhone"). */
  cap: boolean;
}

export interface Context {
  /** The sentence exactly as given. */
  text: string;
  /** foldChars(text): same length, so offsets are shared. */
  folded: string;
  tokens: Token[];
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const CONNECTORS = ",.-/'&";
const DIGIT = /[0-9]/;
const LETTER = /\p{L}/u;

function isAsciiWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 128 ? isAsciiWordCode(c) : WORD_CHAR.test(ch);
}

/** The code point at i as a string (one or two UTF-16 units). */
function charAt(text: string, i: number): string {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return text[i] ?? '';
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** Length of the word character at i (1 or 2 units), or 0 when it is not one. */
function wordCharLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiWordCode(c) ? 1 : 0;
  const ch = charAt(text, i);
  return WORD_CHAR.test(ch) ? ch.length : 0;
}

/**
 * Whether the connector at i joins the word chars around it into one token.
 * Commas and dots join digits ("2,950", "1.5"); dots also join single-letter
 * initials ("U.S"); slashes, hyphens, apostrophes and ampersands join words.
 */
function joins(text: string, i: number): boolean {
  const ch = text[i] ?? '';
  if (ch === '' || !CONNECTORS.includes(ch)) return false;
  const prev = text[i - 1] ?? '';
  const next = charAt(text, i + 1);
  if (!next || !isWordChar(next)) return false;
  if (ch === ',') return DIGIT.test(prev) && DIGIT.test(next);
  if (ch === '.') {
    if (DIGIT.test(prev) && DIGIT.test(next)) return true;
    // "U.S", "e.g", "Node.js": a dot between letters with no space.
    return LETTER.test(prev) && LETTER.test(next);
  }
  return ch === '-' || ch === '/' || ch === "'" || ch === '&';
}

/** Initials like "U.S" take their closing dot: "U.S." is one token. */
function takesFinalDot(token: string, text: string, end: number): boolean {
  return text[end] === '.' && /^(?:\p{L}\.)+\p{L}$/u.test(token);
}

export function tokenize(folded: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let prevEnd = 0;
  const n = folded.length;
  while (i < n) {
    const first = wordCharLength(folded, i);
    if (first === 0) {
      i += 1;
      continue;
    }
    const start = i;
    i += first;
    while (i < n) {
      const len = wordCharLength(folded, i);
      if (len > 0) i += len;
      else if (joins(folded, i)) i += 1;
      else break;
    }
    let end = i;
    if (folded.charCodeAt(end) === 46 && takesFinalDot(folded.slice(start, end), folded, end)) end += 1;
    const text = folded.slice(start, end);
    const gap = folded.slice(prevEnd, start);
    const spaced = tokens.length > 0 && gap.length > 0 && gap.trim() === '';
    const lower = text.toLowerCase();
    const bare = lower.length > 2 && lower.endsWith("'s") ? lower.slice(0, -2) : lower;
    tokens.push({ start, end, text, lower, bare, gap, spaced, cap: capitalised(text) });
    prevEnd = end;
    i = end;
  }
  return tokens;
}

export function makeContext(sentence: string): Context {
  const folded = foldChars(sentence);
  return { text: sentence, folded, tokens: tokenize(folded) };
}

/** Only spaces between this token and the previous one: same phrase. */
export function joinedToPrev(tokens: readonly Token[], i: number): boolean {
  return tokens[i]?.spaced === true;
}

/** "iPhone", "eBay": one or two lower-case letters, then an upper-case one. */
function camelCased(text: string): boolean {
  const upper = (k: number): boolean => text.charCodeAt(k) >= 65 && text.charCodeAt(k) <= 90;
  const lower = (k: number): boolean => text.charCodeAt(k) >= 97 && text.charCodeAt(k) <= 122;
  return upper(1) || (lower(1) && upper(2));
}

function capitalised(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c >= 48 && c <= 57) return false;
  if (c >= 97 && c <= 122) return camelCased(text);
  return /^\p{Lu}/u.test(text) || /^\p{Ll}{1,2}\p{Lu}/u.test(text);
}

/** Starts with an upper-case letter, or is a camel-cased brand ("iPhone"). */
export function isCapitalised(token: Token): boolean {
  return token.cap;
}

/** Every letter upper-case and at least two of them: "FBI", "CNCERT/CC", "U.S.". */
export function isAllCaps(token: Token): boolean {
  // Fast exit on the usual case, a lower-case letter in second place.
  const second = token.text.charCodeAt(1);
  if (second >= 97 && second <= 122) return false;
  const letters = token.text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** The token opens a clause: sentence start, or after a colon, quote or bracket. */
export function opensClause(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t) return false;
  if (i === 0) return true;
  return /[:;"(\[]|^\s*[-*•]/.test(t.gap) || /[.!?]\s*$/.test(t.gap);
}

/** Drops a trailing possessive so "China's" and "China" share a span and key. */
export function possessiveLength(text: string): number {
  return /'s$/i.test(text) && text.length > 2 ? 2 : 0;
}
