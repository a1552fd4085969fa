// News paraphrase groups, for sentence similarity only.
//
// Rewrites of one wire story swap a small, predictable vocabulary: "firms"
// for "companies", "hack" for "breach", "stole" for "theft", "Chinese" for
// "China". Folding each group to one stem lets the overlap score see the
// paraphrase. These are general newsroom synonyms, not tuned to any story or
// outlet; facts (numbers, names, dates) are never folded here.
import { stemmer } from 'stemmer';

const GROUPS: readonly string[] = [
  'company firm enterprise corporation conglomerate',
  'trade commercial business',
  'attack hack hacking breach intrusion cyberattack infiltrate infiltration',
  'steal stole stolen theft thief',
  'accuse accusation allege allegation claim',
  'say said says state stated tell told report reported add added note noted',
  'tech technology technological',
  'agency body organization organisation institution',
  'official authority authorities officer',
  'device computer host machine',
  'investigate investigation probe inquiry',
  'begin start launch initiate',
  'large big major huge substantial significant massive',
  'espionage spy spying',
  'people person individual resident',
  'kill killed dead death die died fatal',
  'injure injured injury hurt wound wounded',
  'rise rose increase grow grew climb jump',
  'fall fell drop decline decrease slide plunge',
  'buy purchase acquire acquisition',
  'ruling verdict decision judgment judgement',
  'deny denied reject dismiss',
  'warn warning caution',
  'share stock',
  'worker employee staff',
  'car vehicle',
  'fire blaze',
  'help aid assist',
  'target targeted aim',
  'recent recently lately',
  'tension friction',
  'evacuate evacuation',
  'shut close closure',
  'lawmaker legislator',
  'chief head director',
  'ceo chief-executive',
  'country nation',
];

// Demonyms read as their country: "Chinese hackers" is about China.
const DEMONYMS: Record<string, string> = {
  chinese: 'china', russian: 'russia', ukrainian: 'ukraine', german: 'germany', french: 'france',
  british: 'uk', japanese: 'japan', korean: 'korea', indian: 'india', iranian: 'iran', israeli: 'israel',
  canadian: 'canada', australian: 'australia', european: 'europe', dutch: 'netherlands', italian: 'italy',
  spanish: 'spain', turkish: 'turkey', brazilian: 'brazil', mexican: 'mexico', belarusian: 'belarus',
  taiwanese: 'taiwan', vietnamese: 'vietnam', pakistani: 'pakistan', saudi: 'saudi', egyptian: 'egypt',
};

function buildCanon(): Map<string, string> {
  const canon = new Map<string, string>();
  for (const group of GROUPS) {
    const stems = group.split(' ').map((w) => stemmer(w));
    for (const s of stems) if (!canon.has(s)) canon.set(s, stems[0]!);
  }
  for (const [demonym, country] of Object.entries(DEMONYMS)) canon.set(stemmer(demonym), stemmer(country));
  return canon;
}

const CANON = buildCanon();

/** The group representative of a stem, or the stem itself. */
export function canonicalStem(stem: string): string {
  return CANON.get(stem) ?? stem;
}
