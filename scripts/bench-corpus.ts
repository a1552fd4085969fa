// Deterministic synthetic news library for the library benchmark
// (scripts/bench-library.ts): stories of 3–6 versions of about 8 KB each that
// share most of their sentences, from ~200 outlets, published over five years.
//
// The text is word salad with news-like statistics, which is what full-text
// search cost depends on: a few hundred real English words with Zipf
// frequencies (so "the" and "said" are in every version and "government" in
// many), multi-word expressions ("interest rates"), generated names of people,
// organisations and places (a few famous, most rare), numbers and dates, and a
// long tail of generated rare words. Every story is generated from its own
// seed, so story 20,000 costs no more than story 0 and any story can be
// regenerated on its own (the benchmark draws its queries that way).
import { seeded } from './synth';
import type { Random } from './synth';

export const DEFAULT_CORPUS_SEED = 20_251_122;
/** Mean text size aimed at, in bytes (UTF-8). */
export const VERSION_BYTES = 8192;
export const OUTLET_COUNT = 200;
export const MIN_VERSIONS_PER_STORY = 3;
export const MAX_VERSIONS_PER_STORY = 6;
/** Stories are published from this day on, for five years. */
export const FIRST_DAY = Date.UTC(2020, 0, 1);
export const SPAN_DAYS = 5 * 365 + 1;

export type CorpusSourceKind = 'txt' | 'md' | 'html' | 'docx' | 'pdf';

export interface CorpusVersion {
  storyIndex: number;
  /** 0-based order within the story. */
  indexInStory: number;
  storyTitle: string;
  title: string;
  text: string;
  outlet: { name: string; domain: string };
  byline: string;
  url: string;
  /** UTC ISO timestamp. */
  publishedAt: string;
  sourceName: string;
  sourceKind: CorpusSourceKind;
}

export interface CorpusStory {
  index: number;
  title: string;
  /** People ("First Last") and organisations the story is about. */
  people: string[];
  organisations: string[];
  place: string;
  versions: CorpusVersion[];
}

export type QueryKind = 'name' | 'phrase' | 'rare' | 'frequent' | 'universal';

// ---------------------------------------------------------------------------
// Vocabulary. Lists are in rough order of frequency in news text; the Zipf
// samplers below turn list order into frequency.

const NOUNS = (
  'government people year police minister country week city company report president time official state day month world party plan law ' +
  'court election group money business market policy health service school family leader member council decision campaign team war ' +
  'security support deal tax price budget hospital home area case water power energy industry trade office agency force community ' +
  'region programme system issue problem change cost investigation evidence statement attack crisis vote bill rate growth economy bank ' +
  'data study research border military talks agreement protest union strike contract project fund property land road train flight ' +
  'airport port building fire storm flood weather climate vaccine virus university parliament committee spokesperson director chief ' +
  'lawyer judge trial prison charge crime inflation interest food housing rent transport network technology internet platform software ' +
  'media newspaper television interview film music sport match season club coach stadium village town street district province coast ' +
  'river island mountain forest ministry department administration opposition coalition capital investment debt loan pension welfare ' +
  'rescue accident collapse explosion shortage demand supply export import factory plant mine oil gas electricity grid pipeline ' +
  'ceasefire sanctions embassy treaty summit referendum constitution reform regulation inquiry scandal resignation appointment ' +
  'settlement compensation lawsuit verdict appeal hearing ruling deadline target figure survey poll forecast outlook quarter revenue'
).split(' ');

const PLURALS = (
  'people officials residents workers patients students children families homes jobs votes shares cases troops police officers ' +
  'doctors nurses teachers farmers investors customers passengers voters members visitors refugees migrants soldiers protesters ' +
  'vehicles buildings houses schools hospitals tonnes litres kilometres hectares dollars euros pounds barrels flights companies'
).split(' ');

const VERBS = (
  'said told announced reported added warned confirmed denied claimed called agreed rejected approved launched opened closed raised ' +
  'cut increased fell rose reached signed won lost killed injured arrested charged accused found showed suggested expected planned ' +
  'began ended returned moved met visited led faced received paid spent sold bought built released published described criticised ' +
  'welcomed urged promised proposed introduced voted passed blocked delayed cancelled extended reduced doubled estimated predicted ' +
  'investigated questioned admitted revealed insisted argued acknowledged declined refused ordered banned allowed hit struck damaged ' +
  'destroyed evacuated rescued'
).split(' ');

const ADJECTIVES = (
  'new other first last former national local public international political economic financial foreign federal regional general ' +
  'major small large high low senior early recent current final key main private social global possible serious significant strong ' +
  'difficult independent previous special annual average full total further additional long short young old central northern southern ' +
  'eastern western emergency environmental legal medical commercial industrial domestic rural urban critical unprecedented controversial'
).split(' ');

const ADVERBS = 'also now still already later earlier again only recently currently previously nearly almost reportedly initially'.split(' ');
const PREPOSITIONS = 'in on at for with from by after over under before during against between across since without about into'.split(' ');
const DETERMINERS = 'the the the the the a a its their this some several many another each'.split(' ');
const CONJUNCTIONS = ['and', 'but', 'while', 'as', 'because', 'although', 'after', 'before', 'and'];
const ROLES = (
  'spokesperson;chief executive;director;minister;mayor;professor;analyst;chairman;senior official;lawyer;economist;researcher;' +
  'secretary-general;police chief;commissioner;deputy leader;head of research;board member'
).split(';');

/** Multi-word expressions: what people search as "quoted phrases". */
export const EXPRESSIONS = (
  'prime minister;interest rates;climate change;central bank;supreme court;health service;police officers;human rights;stock market;' +
  'public health;foreign minister;chief executive;armed forces;energy prices;general election;local authorities;trade union;' +
  'press conference;social media;court of appeal;emergency services;cost of living;peace talks;real estate;budget deficit;' +
  'supply chain;air strikes;opposition leader;city council;minimum wage'
).split(';');

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const RELATIVE_TIMES = ['last week', 'this year', 'last month', 'next month', 'earlier this year', 'last year', 'this week', 'next year'];

/** Words found in (nearly) every version: the worst case for ranking. */
export const UNIVERSAL_WORDS = ['the', 'said', 'and', 'of', 'to', 'in', 'that', 'on', 'for', 'with'];

const FIRST_NAMES = (
  'James Maria Ahmed Chen Olga Priya John Fatima Luis Anna Mohammed Sarah David Elena Wei Aisha Peter Laura Ivan Yuki Carlos Sofia ' +
  'Michael Amina Hans Ingrid Raj Mei Thomas Nadia Pierre Grace Ali Lucia Kwame Emma Daniel Leila Sergei Hannah Omar Julia Paolo ' +
  'Zainab Robert Marta Kenji Chloe Andrzej Rosa Tariq Helen Joao Ana Viktor Claire Samuel Noor Diego Irene Hiroshi Alice Mustafa ' +
  'Eva Patrick Lina Stefan Beatriz Adam Mariam Lars Camille Ibrahim Ruth Marco Yasmin George Katarzyna Felix Aaliyah Oscar Ewa ' +
  'Rahul Nina Jorge Fiona Dmitri Agnes Emeka Clara Benjamin Sana Tomas Lea Arjun Isabel Henrik Amara Nikolai Vera Jamal Rebecca'
).split(' ');

const ORGANISATION_SUFFIXES = ['Holdings', 'Group', 'Industries', 'Foundation', 'Institute', 'Partners', 'Energy', 'Bank', 'Airlines', 'Motors', 'Pharmaceuticals', 'Capital'];
const PLACE_ORGANISATIONS = ['University', 'City Council', 'Police', 'Port Authority', 'Football Club', 'Chamber of Commerce', 'General Hospital'];
const AGENCY_TOPICS = ['Health', 'Energy', 'Transport', 'Finance', 'Defence', 'Education', 'Environment', 'Trade', 'Justice', 'Housing', 'Water', 'Labour'];
const OUTLET_WORDS = ['Herald', 'Times', 'Post', 'Chronicle', 'Gazette', 'Observer', 'Tribune', 'Courier', 'Journal', 'Star', 'Independent', 'Examiner'];
const OUTLET_TLDS = ['com', 'com', 'com', 'net', 'co.uk', 'org', 'news', 'de', 'fr', 'in'];
const SOURCE_KINDS: CorpusSourceKind[] = ['html', 'html', 'html', 'html', 'txt', 'pdf', 'docx', 'md'];

// Syllables for generated names and rare words.
const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'dr', 'f', 'g', 'gr', 'h', 'j', 'k', 'kr', 'l', 'm', 'n', 'p', 'pr', 'r', 's', 'st', 'sh', 't', 'tr', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ai', 'ea', 'ou', 'ie'];
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 't', 'nd', 'rk', 'ng', 'm', 'x', 'sk'];
const SURNAME_ENDINGS = ['', 'son', 'ova', 'ez', 'ski', 'berg', 'man', 'ini', 'ou', 'ard', 'ley', 'ic', 'ani'];
const PLACE_ENDINGS = ['', 'ton', 'ford', 'mouth', 'grad', 'abad', 'ia', 'stan', 'burg', 'ville', 'pur', 'heim'];

// ---------------------------------------------------------------------------
// Random helpers.

/** A 32-bit hash of two integers (murmur3 finaliser): independent seeds per story. */
export function mixSeed(a: number, b: number): number {
  let h = (Math.imul(a >>> 0, 0x9e3779b1) ^ Math.imul((b >>> 0) + 0x7f4a7c15, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function pick<T>(rand: Random, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function between(rand: Random, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

/** Zipf–Mandelbrot over a list: weight of rank r ∝ 1 / (r + offset)^exponent. */
export class Zipf<T> {
  private readonly cdf: Float64Array;
  constructor(
    readonly items: readonly T[],
    exponent = 1,
    offset = 1,
  ) {
    this.cdf = new Float64Array(items.length);
    let total = 0;
    for (let r = 0; r < items.length; r++) {
      total += 1 / Math.pow(r + offset, exponent);
      this.cdf[r] = total;
    }
  }

  pick(rand: Random): T {
    const u = rand() * this.cdf[this.cdf.length - 1]!;
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo]!;
  }
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** 1234567 → "1,234,567", independent of the machine's locale. */
function grouped(n: number): string {
  const digits = String(n);
  let out = '';
  for (let k = 0; k < digits.length; k++) out += (k > 0 && (digits.length - k) % 3 === 0 ? ',' : '') + digits[k];
  return out;
}

function pseudoWord(rand: Random, syllables: number): string {
  let word = '';
  for (let k = 0; k < syllables; k++) word += pick(rand, ONSETS) + pick(rand, VOWELS) + (k === syllables - 1 || rand() < 0.3 ? pick(rand, CODAS) : '');
  return word;
}

/** `count` distinct generated words, none already in `taken` (which they join). */
function uniqueWords(rand: Random, count: number, taken: Set<string>, make: () => string): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const word = make();
    if (word.length < 4 || taken.has(word.toLowerCase())) continue;
    taken.add(word.toLowerCase());
    out.push(word);
  }
  return out;
}

// ---------------------------------------------------------------------------
// The corpus.

interface Pools {
  nouns: Zipf<string>;
  plurals: Zipf<string>;
  verbs: Zipf<string>;
  adjectives: Zipf<string>;
  expressions: Zipf<string>;
  rare: Zipf<string>;
  rareVerbs: Zipf<string>;
  rareAdjectives: Zipf<string>;
  people: Zipf<string>;
  organisations: Zipf<string>;
  places: Zipf<string>;
  outlets: Zipf<{ name: string; domain: string }>;
}

/** What one story's sentences draw on besides the global pools. */
interface Cast {
  people: string[];
  organisations: string[];
  place: string;
  topicNouns: string[];
  expression: string;
  /** What the story's people are: their titles recur through the story, not the library. */
  roles: string[];
  year: number;
}

/** Same part of speech, for rewording: word → its list. */
type Substitutes = Map<string, readonly string[]>;

export class NewsCorpus {
  readonly seed: number;
  readonly outlets: readonly { name: string; domain: string }[];
  readonly people: readonly string[];
  readonly organisations: readonly string[];
  readonly places: readonly string[];
  /** Generated words of the long tail, commonest first. */
  readonly rareWords: readonly string[];
  private readonly pools: Pools;
  private readonly substitutes: Substitutes;
  /** Rare word → its rank (higher is rarer). */
  private readonly rareRank: Map<string, number>;

  constructor(seed = DEFAULT_CORPUS_SEED) {
    this.seed = seed;
    const rand = seeded(mixSeed(seed, 0xfffffff0));
    const taken = new Set<string>(
      [...NOUNS, ...PLURALS, ...VERBS, ...ADJECTIVES, ...ADVERBS, ...PREPOSITIONS, ...DETERMINERS, ...CONJUNCTIONS, ...FIRST_NAMES].map((w) => w.toLowerCase()),
    );
    const surnames = uniqueWords(rand, 3000, taken, () => capitalise(pseudoWord(rand, between(rand, 1, 2)) + pick(rand, SURNAME_ENDINGS)));
    const places = uniqueWords(rand, 800, taken, () => capitalise(pseudoWord(rand, between(rand, 1, 2)) + pick(rand, PLACE_ENDINGS)));
    this.rareWords = uniqueWords(rand, 40_000, taken, () => pseudoWord(rand, between(rand, 2, 4)));
    const rareVerbs = uniqueWords(rand, 6000, taken, () => `${pseudoWord(rand, between(rand, 1, 3))}ed`);
    const rareAdjectives = uniqueWords(rand, 6000, taken, () => pseudoWord(rand, between(rand, 1, 3)) + pick(rand, ['al', 'ive', 'ous', 'ic', 'ish', 'ary']));
    this.rareRank = new Map(this.rareWords.map((word, rank) => [word, rank]));
    const people = new Set<string>();
    while (people.size < 8000) people.add(`${pick(rand, FIRST_NAMES)} ${pick(rand, surnames)}`);
    this.people = [...people];
    const organisations = new Set<string>();
    while (organisations.size < 1500) {
      const r = rand();
      if (r < 0.45) organisations.add(`${pick(rand, surnames)} ${pick(rand, ORGANISATION_SUFFIXES)}`);
      else if (r < 0.75) organisations.add(`${pick(rand, places)} ${pick(rand, PLACE_ORGANISATIONS)}`);
      else if (r < 0.9) organisations.add(`${pick(rand, places)} Ministry of ${pick(rand, AGENCY_TOPICS)}`);
      else organisations.add(`National ${pick(rand, AGENCY_TOPICS)} Agency of ${pick(rand, places)}`);
    }
    this.organisations = [...organisations];
    this.places = places;
    const outletNames = new Set<string>();
    while (outletNames.size < OUTLET_COUNT) {
      const r = rand();
      if (r < 0.55) outletNames.add(`The ${pick(rand, places)} ${pick(rand, OUTLET_WORDS)}`);
      else if (r < 0.8) outletNames.add(`${pick(rand, places)} ${pick(rand, ['Daily', 'Today', 'Radio', 'Evening News', 'Week'])}`);
      else outletNames.add(`${pick(rand, surnames)} ${pick(rand, ['Media', 'News Network', 'Wire', 'Press'])}`);
    }
    this.outlets = [...outletNames].map((name) => ({ name, domain: `${slug(name.replace(/^The /, '')).replace(/-/g, '')}.${pick(rand, OUTLET_TLDS)}` }));
    this.pools = {
      nouns: new Zipf(NOUNS, 1, 8),
      plurals: new Zipf(PLURALS, 1, 6),
      verbs: new Zipf(VERBS, 1, 3),
      adjectives: new Zipf(ADJECTIVES, 1, 3),
      expressions: new Zipf(EXPRESSIONS, 0.8, 2),
      rare: new Zipf(this.rareWords, 1, 10),
      rareVerbs: new Zipf(rareVerbs, 1, 10),
      rareAdjectives: new Zipf(rareAdjectives, 1, 10),
      people: new Zipf(this.people, 0.9, 20),
      organisations: new Zipf(this.organisations, 0.9, 10),
      places: new Zipf(this.places, 0.9, 10),
      outlets: new Zipf(this.outlets, 0.7, 5),
    };
    this.substitutes = new Map();
    for (const list of [NOUNS, VERBS, ADJECTIVES, PLURALS, ADVERBS]) for (const word of list) if (!this.substitutes.has(word)) this.substitutes.set(word, list);
  }

  /** Versions in story `index`: drawn first from the story's own seed, so it costs nothing to know. */
  versionCount(index: number): number {
    return between(seeded(mixSeed(this.seed, index)), MIN_VERSIONS_PER_STORY, MAX_VERSIONS_PER_STORY);
  }

  /** How many stories the first `versions` versions span (the last one may be cut short). */
  storyCount(versions: number): number {
    let stories = 0;
    for (let seen = 0; seen < versions; stories++) seen += this.versionCount(stories);
    return stories;
  }

  isRareWord(word: string): boolean {
    return this.rareRank.has(word);
  }

  story(index: number): CorpusStory {
    const rand = seeded(mixSeed(this.seed, index));
    const count = between(rand, MIN_VERSIONS_PER_STORY, MAX_VERSIONS_PER_STORY);
    const p = this.pools;
    const day = Math.floor(rand() * SPAN_DAYS);
    const cast: Cast = {
      people: distinct(between(rand, 2, 4), () => p.people.pick(rand)),
      organisations: distinct(between(rand, 1, 2), () => p.organisations.pick(rand)),
      place: p.places.pick(rand),
      topicNouns: distinct(6, () => (rand() < 0.5 ? pick(rand, NOUNS) : p.rare.pick(rand))),
      expression: p.expressions.pick(rand),
      roles: distinct(2, () => pick(rand, ROLES)),
      year: new Date(FIRST_DAY + day * 86_400_000).getUTCFullYear(),
    };
    const storyTitle = this.headline(rand, cast);
    // Less the headline and byline lines, and the growth from edits.
    const targetBytes = VERSION_BYTES * (0.85 + 0.3 * rand()) - 300;
    const base = this.body(rand, cast, targetBytes);
    const versions: CorpusVersion[] = [];
    let minutes = day * 1440 + between(rand, 5 * 60, 22 * 60);
    const usedOutlets = new Set<string>();
    for (let k = 0; k < count; k++) {
      let outlet = p.outlets.pick(rand);
      // Versions of a story mostly come from different outlets.
      for (let tries = 0; tries < 5 && usedOutlets.has(outlet.name); tries++) outlet = p.outlets.pick(rand);
      usedOutlets.add(outlet.name);
      const published = new Date(FIRST_DAY + minutes * 60_000);
      minutes += between(rand, 20, 36 * 60);
      const title = k === 0 ? storyTitle : rand() < 0.4 ? storyTitle : this.headline(rand, cast);
      const byline = pick(rand, this.people);
      const paragraphs = this.edit(rand, cast, base, published);
      const dateLine = `${published.getUTCDate()} ${MONTHS[published.getUTCMonth()]} ${published.getUTCFullYear()}, ${published.toISOString().slice(11, 16)} UTC`;
      const text = `${title}\n\nBy ${byline} | ${outlet.name} | ${dateLine}\n\n${paragraphs.map((s) => s.join(' ')).join('\n\n')}\n`;
      const titleSlug = slug(title).slice(0, 60);
      const kind = pick(rand, SOURCE_KINDS);
      versions.push({
        storyIndex: index,
        indexInStory: k,
        storyTitle,
        title,
        text,
        outlet,
        byline,
        url: `https://www.${outlet.domain}/${published.toISOString().slice(0, 10).replace(/-/g, '/')}/${titleSlug}`,
        publishedAt: published.toISOString(),
        sourceName: `${slug(outlet.name)}-${titleSlug}.${kind}`,
        sourceKind: kind,
      });
    }
    return { index, title: storyTitle, people: cast.people, organisations: cast.organisations, place: cast.place, versions };
  }

  /** The first `total` versions, story by story (the last story is cut short to fit). */
  *versions(total: number): Generator<CorpusVersion> {
    let left = total;
    for (let index = 0; left > 0; index++) {
      for (const version of this.story(index).versions) {
        if (left-- <= 0) return;
        yield version;
      }
    }
  }

  /**
   * `perKind` search queries of each kind, drawn (deterministically from
   * `seed`) from the first `versions` versions, so every name, phrase and
   * rare word occurs in the library being searched.
   */
  queries(versions: number, perKind: number, seed = 7): Record<QueryKind, string[]> {
    const rand = seeded(mixSeed(this.seed, seed));
    const stories = Math.max(1, this.storyCount(versions) - 1); // the last story may be cut short
    const randomStory = () => this.story(Math.floor(rand() * stories));
    const out: Record<QueryKind, string[]> = { name: [], phrase: [], rare: [], frequent: [], universal: [] };
    for (let k = 0; k < perKind; k++) {
      const story = randomStory();
      out.name.push(rand() < 0.6 ? pick(rand, story.people) : pick(rand, story.organisations));
      if (k % 2 === 0) {
        out.phrase.push(`"${pick(rand, EXPRESSIONS)}"`);
      } else {
        const sentence = pick(rand, story.versions[0]!.text.split('\n\n').slice(2).join(' ').split(/(?<=[.”])\s+/));
        const words = sentence.replace(/[^\p{L}\p{N}\s'-]/gu, ' ').split(/\s+/).filter(Boolean);
        const length = Math.min(words.length, between(rand, 3, 4));
        const start = Math.floor(rand() * (words.length - length + 1));
        out.phrase.push(`"${words.slice(start, start + length).join(' ')}"`);
      }
      // One of the story's three rarest words: what someone remembers of an article.
      const rare = [...new Set(story.versions[0]!.text.toLowerCase().split(/[^a-z]+/))]
        .filter((w) => this.rareRank.has(w))
        .sort((a, b) => this.rareRank.get(b)! - this.rareRank.get(a)!)
        .slice(0, 3);
      out.rare.push(rare.length === 0 ? pick(rand, this.rareWords.slice(-1000)) : pick(rand, rare));
      out.frequent.push(NOUNS[k % 20]!);
      out.universal.push(UNIVERSAL_WORDS[k % UNIVERSAL_WORDS.length]!);
    }
    return out;
  }

  // -- text -----------------------------------------------------------------

  private headline(rand: Random, cast: Cast): string {
    const who = rand() < 0.5 ? pick(rand, cast.people).split(' ')[1]! : pick(rand, cast.organisations);
    const what = rand() < 0.5 ? cast.expression : `${pick(rand, cast.topicNouns)} ${pick(rand, ['plan', 'deal', 'row', 'inquiry', 'vote', 'crisis'])}`;
    return `${who} ${this.verb(rand)} ${what} ${pick(rand, ['in', 'over', 'after', 'amid'])} ${cast.place}`;
  }

  /** Paragraphs of 2–5 sentences until about `bytes`. */
  private body(rand: Random, cast: Cast, bytes: number): string[][] {
    const paragraphs: string[][] = [];
    let size = 0;
    while (size < bytes) {
      const paragraph: string[] = [];
      const n = between(rand, 2, 5);
      for (let k = 0; k < n && size < bytes; k++) {
        const s = this.sentence(rand, cast);
        size += s.length + 1;
        paragraph.push(s);
      }
      paragraphs.push(paragraph);
    }
    return paragraphs;
  }

  /** A version of the base: drops, rewordings, changed numbers, additions, a moved paragraph, sometimes an update note. */
  private edit(rand: Random, cast: Cast, base: readonly string[][], published: Date): string[][] {
    const out: string[][] = [];
    for (const paragraph of base) {
      const p: string[] = [];
      for (const s of paragraph) {
        const r = rand();
        if (r < 0.06) continue;
        p.push(r < 0.16 ? this.reword(rand, s) : s);
        if (rand() < 0.05) p.push(this.sentence(rand, cast));
      }
      if (p.length) out.push(p);
    }
    if (out.length > 3 && rand() < 0.3) {
      const [moved] = out.splice(between(rand, 1, out.length - 1), 1);
      out.splice(between(rand, 1, out.length - 1), 0, moved!);
    }
    if (rand() < 0.3) {
      out.push([`This article was updated on ${published.getUTCDate()} ${MONTHS[published.getUTCMonth()]} to include ${this.nounPhrase(rand, cast)}.`]);
    }
    return out;
  }

  private reword(rand: Random, sentence: string): string {
    return sentence.replace(/\b[a-z]+\b|\d[\d,.]*\d|\d/g, (word) => {
      if (/\d/.test(word)) return rand() < 0.5 ? grouped(Math.max(1, Math.round(Number(word.replace(/,/g, '')) * (0.5 + rand())))) : word;
      const list = this.substitutes.get(word);
      return list && rand() < 0.3 ? pick(rand, list) : word;
    });
  }

  private sentence(rand: Random, cast: Cast): string {
    const r = rand();
    const person = () => {
      const name = pick(rand, rand() < 0.85 ? cast.people : this.people);
      return rand() < 0.5 ? name : name.split(' ')[1]!;
    };
    const organisation = () => (rand() < 0.8 ? pick(rand, cast.organisations) : this.pools.organisations.pick(rand));
    let s: string;
    if (r < 0.3) {
      s = this.clause(rand, cast);
      if (rand() < 0.3) s += `, ${pick(rand, CONJUNCTIONS)} ${this.clause(rand, cast)}`;
      s = `${capitalise(s)}.`;
    } else if (r < 0.5) {
      const who = person();
      s = `“${capitalise(this.clause(rand, cast))},” said ${who}${rand() < 0.5 ? `, ${pick(rand, ['the', 'a'])} ${pick(rand, cast.roles)} at ${organisation()}` : ''}.`;
    } else if (r < 0.62) {
      s = `${pick(rand, cast.people)}, ${pick(rand, cast.roles)} at ${organisation()}, said on ${pick(rand, WEEKDAYS)} that ${this.clause(rand, cast)}.`;
    } else if (r < 0.72) {
      s = `${organisation()} ${pick(rand, ['said', 'said', 'announced', 'confirmed', 'told reporters'])} that ${this.clause(rand, cast)}${this.time(rand, cast)}.`;
    } else if (r < 0.82) {
      s = `${capitalise(this.nounPhrase(rand, cast))} ${this.verb(rand)} ${this.amount(rand)} ${this.pools.plurals.pick(rand)} ${pick(rand, PREPOSITIONS)} ${cast.place}${this.time(rand, cast)}.`;
    } else if (r < 0.9) {
      s = `According to ${rand() < 0.5 ? organisation() : this.nounPhrase(rand, cast)}, ${this.clause(rand, cast)}.`;
    } else {
      s = `${capitalise(this.time(rand, cast).trim())}, ${this.clause(rand, cast)}.`;
    }
    return s.replace(/\ba (?=[aeiou])/g, 'an ');
  }

  private clause(rand: Random, cast: Cast): string {
    const adverb = rand() < 0.15 ? `${pick(rand, ADVERBS)} ` : '';
    let s = `${this.nounPhrase(rand, cast)} ${adverb}${this.verb(rand)} ${this.nounPhrase(rand, cast)}`;
    if (rand() < 0.5) s += ` ${pick(rand, PREPOSITIONS)} ${this.nounPhrase(rand, cast)}`;
    if (rand() < 0.25) s += this.time(rand, cast);
    return s;
  }

  private nounPhrase(rand: Random, cast: Cast): string {
    const r = rand();
    if (r < 0.06) return `${this.nounPhrase(rand, cast)} and ${this.nounPhrase(rand, cast)}`;
    if (r < 0.53) {
      const adjective = rand() < 0.3 ? `${rand() < 0.55 ? this.pools.adjectives.pick(rand) : this.pools.rareAdjectives.pick(rand)} ` : '';
      return `${pick(rand, DETERMINERS)} ${adjective}${this.noun(rand, cast)}`;
    }
    if (r < 0.6) return `the ${rand() < 0.85 ? cast.expression : this.pools.expressions.pick(rand)}`;
    if (r < 0.7) return `${this.amount(rand)} ${this.pools.plurals.pick(rand)}`;
    if (r < 0.82) {
      const name = pick(rand, rand() < 0.85 ? cast.people : this.people);
      return rand() < 0.5 ? name : name.split(' ')[1]!;
    }
    if (r < 0.9) return rand() < 0.8 ? pick(rand, cast.organisations) : this.pools.organisations.pick(rand);
    return rand() < 0.7 ? cast.place : this.pools.places.pick(rand);
  }

  private noun(rand: Random, cast: Cast): string {
    const r = rand();
    if (r < 0.2) return pick(rand, cast.topicNouns);
    if (r < 0.45) return this.pools.nouns.pick(rand);
    return this.pools.rare.pick(rand);
  }

  private verb(rand: Random): string {
    return rand() < 0.55 ? this.pools.verbs.pick(rand) : this.pools.rareVerbs.pick(rand);
  }

  private amount(rand: Random): string {
    const r = rand();
    if (r < 0.4) return String(between(rand, 2, 99));
    if (r < 0.7) return grouped(between(rand, 100, 99_999));
    if (r < 0.85) return `${between(rand, 1, 9)}.${between(rand, 1, 9)} million`;
    return `more than ${between(rand, 2, 20) * 10}`;
  }

  private time(rand: Random, cast: Cast): string {
    const r = rand();
    if (r < 0.35) return ` on ${pick(rand, WEEKDAYS)}`;
    if (r < 0.65) return ` ${pick(rand, RELATIVE_TIMES)}`;
    if (r < 0.9) return ` on ${between(rand, 1, 28)} ${pick(rand, MONTHS)}`;
    return ` in ${cast.year + between(rand, -2, 1)}`;
  }
}

function distinct<T>(count: number, make: () => T): T[] {
  const out = new Set<T>();
  for (let tries = 0; out.size < count && tries < count * 20; tries++) out.add(make());
  return [...out];
}
