// Normalisation for matching only. Nothing here ever changes displayed text:
// callers keep the original string and its offsets, and compare the keys.
import { stemmer } from 'stemmer';
import { canonicalStem } from './synonyms';

/** Character-level folding that keeps string length unchanged (offset-safe). */
export function foldChars(text: string): string {
  // Each replacement maps one UTF-16 unit to one, so indices stay aligned.
  return text
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4\u0060]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

// British/American and compound variants that outlets spell differently.
// Keys and values are lower-case single tokens after folding.
// Built without a prototype so a word like "constructor" is not found in it.
const SPELLING: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  centre: 'center', centres: 'centers', metre: 'meter', metres: 'meters', litre: 'liter',
  theatre: 'theater', defence: 'defense', offence: 'offense', licence: 'license',
  programme: 'program', programmes: 'programs', colour: 'color', favour: 'favor',
  behaviour: 'behavior', labour: 'labor', honour: 'honor', neighbour: 'neighbor',
  rumour: 'rumor', analyse: 'analyze', catalogue: 'catalog', dialogue: 'dialog',
  travelled: 'traveled', travelling: 'traveling', cancelled: 'canceled', jewellery: 'jewelry',
  grey: 'gray', tyre: 'tire', cheque: 'check', aluminium: 'aluminum', hi: 'high',
  cyberattack: 'cyberattack', cyberattacks: 'cyberattacks',
});

// Multi-word forms joined before tokenising ("cyber attacks" = "cyberattacks").
const COMPOUNDS: [RegExp, string][] = [
  [/\bcyber[\s-]+(attack|attacks|security|crime|criminals?|espionage|threats?|space|weapons?)\b/g, 'cyber$1'],
  [/\be[\s-]mail(s?)\b/g, 'email$1'],
  [/\bback[\s-]door(s?)\b/g, 'backdoor$1'],
  [/\bhi[\s-]tech\b/g, 'hightech'],
  [/\bhigh[\s-]tech\b/g, 'hightech'],
  [/\bon[\s-]line\b/g, 'online'],
  // Bounded optional groups, no nested repetition: linear.
  // eslint-disable-next-line security/detect-unsafe-regex
  [/\bu\.\s?s\.(?:\s?a\.)?/g, 'us '],
  [/\bu\.\s?k\./g, 'uk '],
  [/\bu\.\s?n\./g, 'un '],
  [/\be\.\s?u\./g, 'eu '],
  [/\bunited states(?: of america)?\b/g, 'us'],
  [/\bunited kingdom\b/g, 'uk'],
  [/\bamerican\b/g, 'us'],
];

/** Text folded for matching: case, quotes, spaces, spelling and compounds. */
export function foldForMatch(text: string): string {
  let folded = foldChars(text).normalize('NFKC').toLowerCase();
  for (const [pattern, replacement] of COMPOUNDS) folded = folded.replace(pattern, replacement);
  return folded;
}

/** British "-ise/-isation" to "-ize/-ization" (organisation → organization). */
function americanise(word: string): string {
  const mapped = SPELLING[word];
  if (mapped) return mapped;
  if (word.length > 6) {
    const m = /^(.{3,})is(e|es|ed|ing|ation|ations|er|ers)$/.exec(word);
    if (m) return `${m[1]}iz${m[2]}`;
  }
  return word;
}

// Function words carry no facts; dropping them makes overlap scores reflect content.
export const STOPWORDS: ReadonlySet<string> = new Set(
  ('a an the and or but nor of to in on at by for with from into onto over under as is are was were be been being ' +
    'it its this that these those there here has have had having do does did will would shall should can could may might must ' +
    'not no so than then too very also just only which who whom whose what when where while why how all any both each ' +
    'few more most other some such own same he she they them their his her him we us our you your i me my mine ' +
    'about after before again against between through during above below up down out off further once ' +
    "s t don now if because until against per via upon amid among within without ' \"").split(/\s+/),
);
// "us" doubles as the country after folding, so keep it out of the stop list.
(STOPWORDS as Set<string>).delete('us');

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’\-./]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

/** Lower-case word forms of a text after folding (no stemming, stopwords kept). */
export function words(text: string): string[] {
  return foldForMatch(text).match(WORD) ?? [];
}

const stemCache = new Map<string, string>();

/** Stem of one folded word, cached: the same few thousand words recur everywhere. */
export function stemWord(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    const plain = americanise(word.replace(/['’]s$/, ''));
    stem = /\d/.test(plain) ? plain.replace(/[,]/g, '') : stemmer(plain);
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, stem);
  }
  return stem;
}

/** Content-word stems used for similarity: folded, stopwords removed, stemmed. */
export function contentStems(text: string): string[] {
  return stemsOfWords(words(text));
}

/** As contentStems, for words already folded by `words()` (fold once, use thrice). */
export function stemsOfWords(folded: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of folded) {
    if (STOPWORDS.has(word)) continue;
    out.push(canonicalStem(stemWord(word)));
  }
  return out;
}

/** A whitespace- and punctuation-insensitive key: equal keys mean identical wording. */
export function identityKey(text: string): string {
  return words(text).join(' ');
}
