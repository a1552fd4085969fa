// Turns what a user types into a safe FTS5 query. Users get two things:
// plain words (all must occur) and "quoted phrases". Everything else —
// AND/OR/NOT, NEAR(, column filters, *, ^, -, parentheses, stray quotes — is
// taken literally, because every term is emitted as an FTS5 string, inside
// which no character is syntax. So no input can produce an FTS5 syntax error.

export interface SearchTerm {
  text: string;
  phrase: boolean;
}

export type ParsedSearch = { ok: true; fts: string; terms: SearchTerm[] } | { ok: false; reason: string };

export const MAX_QUERY_LENGTH = 1000;
export const MAX_QUERY_TERMS = 32;

// Curly and low quotes count as quotes: they are what word processors and
// phones type.
const QUOTES = /["\u201C\u201D\u201E\u201F]/;
// The tokenizer (unicode61) only indexes letters, digits and marks; a term
// without any would match nothing, or be an empty FTS5 string.
const INDEXABLE = /[\p{L}\p{N}]/u;
const CONTROL = /[\u0000-\u001F\u007F]/g;

export function parseSearch(input: string): ParsedSearch {
  if (input.length > MAX_QUERY_LENGTH) return { ok: false, reason: `the search is longer than ${MAX_QUERY_LENGTH} characters` };
  const terms = splitTerms(input.replace(CONTROL, ' ')).filter((term) => INDEXABLE.test(term.text));
  if (terms.length === 0) return { ok: false, reason: 'type at least one word to search for' };
  if (terms.length > MAX_QUERY_TERMS) return { ok: false, reason: `the search has more than ${MAX_QUERY_TERMS} words or phrases` };
  return { ok: true, fts: terms.map((term) => ftsString(term.text)).join(' '), terms };
}

function splitTerms(input: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (QUOTES.test(c)) {
      // A phrase runs to the next quote; an unclosed one runs to the end.
      let j = i + 1;
      while (j < input.length && !QUOTES.test(input[j]!)) j++;
      const text = input.slice(i + 1, j).trim().replace(/\s+/g, ' ');
      if (text) terms.push({ text, phrase: true });
      i = j + 1;
    } else {
      let j = i;
      while (j < input.length && !/\s/.test(input[j]!) && !QUOTES.test(input[j]!)) j++;
      terms.push({ text: input.slice(i, j), phrase: false });
      i = j;
    }
  }
  return terms;
}

/** An FTS5 string: double quotes, with any inner quote doubled. */
export function ftsString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
