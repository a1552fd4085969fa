// Currency and percent marks around a figure: "$7.99", "US$1.2 billion",
// "€5m", "CNY 3 million", "5 million yuan", "12%", "12 per cent".
import type { Context } from './tokens';
import { table } from './table';

const SYMBOLS = table<string>({ $: '$', '€': '€', '£': '£', '¥': '¥' });

/** ISO codes and their symbol, for "USD 5 million". */
const CODES = table<string>({
  usd: '$', hkd: '$', aud: '$', cad: '$', sgd: '$', eur: '€', gbp: '£', cny: '¥', rmb: '¥', jpy: '¥',
});

/** Currency names written after the amount ("5 million yuan"). Pounds are weight as often as money. */
const NAMES = table<string>({
  dollar: '$', dollars: '$', euro: '€', euros: '€', yuan: '¥', renminbi: '¥', yen: '¥',
});

export interface Mark {
  currency: string;
  /** Where the mark starts (prefix) or ends (suffix). */
  at: number;
  /** Index of the next token not used, for suffixes. */
  next: number;
}

/** A symbol directly before the figure at `start`, with an optional country prefix ("US$", "HK$"). */
export function currencyBefore(ctx: Context, start: number, tokenIndex: number): Mark | null {
  const { folded, tokens } = ctx;
  const symbol = SYMBOLS[folded[start - 1] ?? ''];
  if (symbol) {
    let at = start - 1;
    const prefix = /(?:^|[^\p{L}])(\p{Lu}{1,3})$/u.exec(folded.slice(Math.max(0, at - 4), at));
    if (prefix?.[1]) at -= prefix[1].length;
    return { currency: symbol, at, next: tokenIndex };
  }
  const prev = tokens[tokenIndex - 1];
  if (prev && /^\s+$/.test(folded.slice(prev.end, start))) {
    const code = CODES[prev.lower];
    if (code && prev.text === prev.text.toUpperCase()) return { currency: code, at: prev.start, next: tokenIndex };
  }
  return null;
}

/** A percent sign or word, or a currency name, right after the figure ending at `end`. */
export function markAfter(ctx: Context, end: number, next: number): Mark | null {
  const { folded, tokens } = ctx;
  const pct = /^ ?%/.exec(folded.slice(end, end + 2));
  if (pct) return { currency: '%', at: end + pct[0].length, next };
  const t = tokens[next];
  if (!t || !/^\s+$/.test(folded.slice(end, t.start))) return null;
  const after = tokens[next + 1];
  const joinedAfter = after !== undefined && after.spaced;
  if (t.lower === 'percent' || t.lower === 'pct') return { currency: '%', at: t.end, next: next + 1 };
  if (t.lower === 'per' && joinedAfter && after.lower === 'cent') return { currency: '%', at: after.end, next: next + 2 };
  if (t.lower === 'percentage' && joinedAfter && /^points?$/.test(after.lower)) {
    return { currency: '%', at: after.end, next: next + 2 };
  }
  const name = NAMES[t.lower];
  if (name) return { currency: name, at: t.end, next: next + 1 };
  if (t.text === 'US' && joinedAfter && /^dollars?$/.test(after.lower)) return { currency: '$', at: after.end, next: next + 2 };
  return null;
}
