// Word-level highlights inside one linked sentence pair.
//
// Never over whole documents: jsdiff over two 50,000-word versions takes ~21 s
// (measured here), while a linked pair costs microseconds. Each pair is capped
// in length and edit distance; past the cap the pair is reported as too
// different to diff word by word (null) rather than computed slowly.
import { diffArrays } from 'diff';
import type { WordPiece } from './types';

/** Longest side, in tokens, that is diffed at all. */
export const MAX_DIFF_TOKENS = 1500;
// Beyond this many edits the highlight is noise anyway.
const MAX_EDIT_LENGTH = 400;
const TIMEOUT_MS = 50;
// Below this share of tokens in common, a highlight is a wall of red and green
// that helps nobody: the pair is reported as too different instead.
const MIN_COMMON_SHARE = 0.3;

interface Token {
  /** The token with the whitespace that precedes it in its own text. */
  raw: string;
  /** What is compared: the token without whitespace. */
  key: string;
}

// Words (with inner apostrophes, hyphens, dots and commas in numbers) or single
// punctuation marks, so "devices," and "devices" differ only by the comma.
// Each repetition starts with a mandatory separator that the letter class
// cannot match, so there is only one way to match: linear, not catastrophic.
// eslint-disable-next-line security/detect-unsafe-regex
const TOKEN = /\s*([\p{L}\p{M}\p{N}]+(?:['’.,\-/][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}])/gu;

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) tokens.push({ raw: m[0], key: m[1]! });
  return tokens;
}

function push(pieces: WordPiece[], op: WordPiece['op'], text: string): void {
  if (text === '') return;
  const last = pieces[pieces.length - 1];
  if (last && last.op === op) last.text += text;
  else pieces.push({ op, text });
}

function tooDifferent(changes: readonly { added: boolean; removed: boolean; count: number }[], na: number, nb: number): boolean {
  if (na + nb === 0) return false;
  let common = 0;
  for (const c of changes) if (!c.added && !c.removed) common += c.count;
  return (2 * common) / (na + nb) < MIN_COMMON_SHARE;
}

/**
 * Diff of a against b as runs of words. Joining the '=' and '-' pieces gives
 * `a` (without leading whitespace); '=' pieces carry a's spacing, so joining
 * '=' and '+' gives `b` up to whitespace. Null when too long or too different
 * (under 30% of tokens in common).
 */
export function diffWordsBounded(a: string, b: string): WordPiece[] | null {
  const ta = tokenise(a);
  const tb = tokenise(b);
  if (ta.length > MAX_DIFF_TOKENS || tb.length > MAX_DIFF_TOKENS) return null;
  const changes = diffArrays(
    ta.map((t) => t.key),
    tb.map((t) => t.key),
    { maxEditLength: MAX_EDIT_LENGTH, timeout: TIMEOUT_MS },
  );
  if (!changes) return null;
  const pieces: WordPiece[] = [];
  let i = 0;
  let j = 0;
  for (const change of changes) {
    const n = change.count;
    if (change.added) {
      push(pieces, '+', tb.slice(j, j + n).map((t) => t.raw).join(''));
      j += n;
    } else if (change.removed) {
      push(pieces, '-', ta.slice(i, i + n).map((t) => t.raw).join(''));
      i += n;
    } else {
      push(pieces, '=', ta.slice(i, i + n).map((t) => t.raw).join(''));
      i += n;
      j += n;
    }
  }
  if (tooDifferent(changes, ta.length, tb.length)) return null;
  const first = pieces[0];
  if (first) first.text = first.text.trimStart();
  return pieces.filter((p) => p.text !== '');
}
