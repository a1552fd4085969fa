// Closed-class English word lists the extractors use to find phrase edges.
// They are deliberately small: each list names words that end or frame a
// phrase, never the open vocabulary of nouns and names.
import { table } from './table';

function set(words: string): ReadonlySet<string> {
  return new Set(words.trim().split(/\s+/));
}

export const DETERMINERS = set(`
  the a an this that these those its their his her our my your some any no each every all both such
  another other either neither many several few much more most`);

export const PREPOSITIONS = set(`
  of in on at by for with from to into onto over under since during including across against between
  via per about after before among amid amidst through throughout toward towards within without upon like
  than as until till despite regarding following behind beyond near around off out up down`);

export const CONJUNCTIONS = set(`
  and or but nor yet so while whereas which who whom whose that when where whether if because although though
  unless whilst`);

// "us" is left out: upper-cased it is the country, and a lower-cased object
// pronoun never heads the phrases these lists delimit.
export const PRONOUNS = set(`it he she they we i you them him me itself themselves one`);

/** Auxiliaries and frequent irregular verbs: they end a noun phrase. */
export const VERBS = set(`
  is are was were be been being am has have had do does did will would can could may might must shall should
  said says say saying told tell tells according got get gets became become becomes remain remains remained
  seem seems seemed made make makes took take takes come comes came go goes went gave give gives hit spread
  put cost set led lead leads left found find finds began begin run ran include includes
  stole steal steals broke hold held holds`);

/** Adverbs that sit between a subject and its verb ("it has also previously accused"). */
export const VERB_MODIFIERS = set(`
  has have had also reportedly previously allegedly did does do would will could not recently later earlier
  repeatedly publicly officially further then now again already never both all separately subsequently
  since once initially had been is was were`);

/**
 * Capitalised words that commonly open a sentence or clause without naming
 * anything ("The", "After", "However"): they are not entities on their own.
 */
export const COMMON_CAPITALISED = set(`
  the a an this that these those it its he she they we i you his her their our my your there here
  in on at by for with from to of as after before since until while when where what why how who which whose
  but and or so yet however meanwhile also although though because if then now still even only just
  all some many most several both each every another other such no not nor according despite during amid
  among over under about against between through into without within last next first more much earlier
  later additionally furthermore moreover instead indeed thus therefore yesterday today tomorrow tonight
  overall separately similarly likewise nevertheless nonetheless elsewhere again already recently
  currently previously finally ahead once whether unless read see click share follow sign subscribe
  why what happened matters`);

export const MONTHS = table<number>({
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9,
  october: 10, november: 11, december: 12,
  // Abbreviations are only trusted with their dot or beside a day number (see dates.ts).
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
});

export const WEEKDAYS = table<string>({
  monday: 'mon', tuesday: 'tue', wednesday: 'wed', thursday: 'thu', friday: 'fri', saturday: 'sat',
  sunday: 'sun',
});

/** A word that can stand in a noun phrase: letters, with inner hyphens or apostrophes. */
export function isWordy(text: string): boolean {
  return /^\p{L}[\p{L}\p{M}'-]*$/u.test(text);
}

/** Any closed-class word: such a word never heads a noun phrase. */
export function isFunctionWord(lower: string): boolean {
  return DETERMINERS.has(lower) || PREPOSITIONS.has(lower) || CONJUNCTIONS.has(lower) ||
    PRONOUNS.has(lower) || VERBS.has(lower);
}

// Words in -ly that are nouns or adjectives, not adverbs.
const LY_WORDS = set(`
  family supply assembly ally rally anomaly monopoly daily weekly monthly quarterly yearly italy reply fly
  belly jelly bully only early holy july`);

/** An -ly adverb ("reportedly", "previously"), not "family" or "weekly". */
export function isAdverb(lower: string): boolean {
  return lower.length > 4 && lower.endsWith('ly') && !LY_WORDS.has(lower);
}
