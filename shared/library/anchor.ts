// Anchoring annotations to text. An annotation remembers its character range
// AND the quoted passage with a little context on each side, so that it can be
// found again when the text it is laid on is not byte-for-byte the one it was
// made on (a re-imported file, an import from another library). The quote must
// survive exactly: an annotation that judged "over 270 devices" must never
// silently slide onto "over 280 devices", so a changed quote is orphaned.

export interface Range {
  start: number;
  end: number;
}

export interface TextAnchor extends Range {
  quote: string;
  prefix: string;
  suffix: string;
}

/** Characters of context kept on each side of a quote. */
export const ANCHOR_CONTEXT = 32;

/** The anchor for `text.slice(start, end)`; the caller has checked the range. */
export function anchorAt(text: string, start: number, end: number, context = ANCHOR_CONTEXT): TextAnchor {
  return {
    start,
    end,
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - context), start),
    suffix: text.slice(end, end + context),
  };
}

/**
 * Where `anchor` sits in `text`: its old range when the quote is still there;
 * otherwise the occurrence of the quote whose surroundings best match the
 * remembered prefix and suffix, nearest to the old position on a tie; null
 * (orphaned) when the quote no longer occurs.
 */
export function reanchor(anchor: TextAnchor, text: string): Range | null {
  const { quote } = anchor;
  if (quote.length === 0) return null;
  if (anchor.start >= 0 && text.slice(anchor.start, anchor.end) === quote && anchor.end - anchor.start === quote.length) {
    return { start: anchor.start, end: anchor.end };
  }
  let best: { start: number; context: number; distance: number } | null = null;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    const context = commonSuffix(anchor.prefix, text, at) + commonPrefix(anchor.suffix, text, at + quote.length);
    const distance = Math.abs(at - anchor.start);
    if (!best || context > best.context || (context === best.context && distance < best.distance)) {
      best = { start: at, context, distance };
    }
  }
  return best ? { start: best.start, end: best.start + quote.length } : null;
}

/** How many characters at the end of `prefix` also end `text` just before `at`. */
function commonSuffix(prefix: string, text: string, at: number): number {
  let n = 0;
  while (n < prefix.length && n < at && prefix[prefix.length - 1 - n] === text[at - 1 - n]) n++;
  return n;
}

/** How many characters at the start of `suffix` also start `text` at `from`. */
function commonPrefix(suffix: string, text: string, from: number): number {
  let n = 0;
  while (n < suffix.length && from + n < text.length && suffix[n] === text[from + n]) n++;
  return n;
}
