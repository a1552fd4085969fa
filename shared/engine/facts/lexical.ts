// Word-level normalisation for fact values: readable singular nouns for
// counted units and US spellings for names, so "centre"/"center" and
// "devices"/"device" give equal keys across outlets.
import { foldForMatch } from '../normalise';
import { table } from './table';

// British spellings outlets use in names and counted nouns. A readable key
// is wanted here, so this is a spelling fold, not stemWord's Porter stem.
const US_SPELLING = table<string>({
  centre: 'center', centres: 'centers', defence: 'defense', offence: 'offense', licence: 'license',
  programme: 'program', programmes: 'programs', labour: 'labor', colour: 'color', honour: 'honor',
  theatre: 'theater', catalogue: 'catalog', metre: 'meter', metres: 'meters', tyre: 'tire', tyres: 'tires',
  cheque: 'check', cheques: 'checks', grey: 'gray', jewellery: 'jewelry', aluminium: 'aluminum',
});

/** US spelling of one lower-case word: "centre" → "center", "organisation" → "organization". */
export function usSpelling(word: string): string {
  const mapped = US_SPELLING[word];
  if (mapped) return mapped;
  // Bare "-ise" is left alone: "enterprise", "promise" and "exercise" are not British.
  const m = /^(\p{L}{3,})is(ed|ing|ation|ations)$/u.exec(word);
  return m ? `${m[1]}iz${m[2]}` : word;
}

// Plurals no suffix rule gets right, and nouns that only look plural.
const IRREGULAR = table<string>({
  people: 'person', men: 'man', women: 'woman', children: 'child', staff: 'staff', data: 'data',
  media: 'media', criteria: 'criterion', feet: 'foot', teeth: 'tooth', mice: 'mouse', lives: 'life',
  wives: 'wife', knives: 'knife', thieves: 'thief', halves: 'half', leaves: 'leaf', shelves: 'shelf',
  analyses: 'analysis', crises: 'crisis', theses: 'thesis', diagnoses: 'diagnosis', viruses: 'virus',
  campuses: 'campus', buses: 'bus', statuses: 'status', bonuses: 'bonus', censuses: 'census',
  series: 'series', species: 'species', news: 'news', means: 'means', headquarters: 'headquarters',
  movies: 'movie', cookies: 'cookie', calories: 'calorie', zombies: 'zombie', rookies: 'rookie',
  economics: 'economics', politics: 'politics', physics: 'physics', telecoms: 'telecoms',
});

/** Singular of a lower-case English noun: "companies" → "company", "breaches" → "breach". */
export function singular(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  if (word.length <= 3 || !word.endsWith('s') || /(?:ss|us|is)$/.test(word)) return word;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ch|sh|x|z|ss)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** Looks like a regular plural noun ("attacks", "companies"), not "news" or "virus". */
export function looksPlural(word: string): boolean {
  return singular(word) !== word || word === 'people' || word === 'data';
}

// Keys are cached: the same names and nouns recur across sentences and
// versions, and foldForMatch is the costly step.
const MAX_CACHE = 50_000;
const unitCache = new Map<string, string>();
const nameCache = new Map<string, string>();

function cached(cache: Map<string, string>, text: string, make: (text: string) => string): string {
  let key = cache.get(text);
  if (key === undefined) {
    key = make(text);
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(text, key);
  }
  return key;
}

/** Counted-noun key: folded, singular, US spelling ("Programmes" → "program"). */
export function unitKey(word: string): string {
  return cached(unitCache, word, (w) => usSpelling(singular(foldForMatch(w).replace(/'s$/, ''))));
}

/** Name key: folded, dots and possessive dropped, US spelling, spaces collapsed. */
export function nameKey(text: string): string {
  return cached(nameCache, text, makeNameKey);
}

function makeNameKey(text: string): string {
  const folded = foldForMatch(text)
    .replace(/'s$/, '')
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return folded.split(' ').map((w) => w.split('/').map(usSpelling).join('/')).join(' ');
}
