// Reporting verbs and their lemmas. Shared by attribution (the fact itself),
// entities (a name followed by "said" is a person or an organisation) and
// quotes (whose words these are).
import { table } from './table';

/**
 * Word forms that are reporting verbs wherever they stand. Forms that are
 * just as often nouns ("claims", "reports", "states", "report") are handled
 * with context in attribution.ts and are not listed here.
 */
export const VERB_FORMS = table<string>({
  said: 'say', says: 'say', say: 'say', saying: 'say',
  told: 'tell', tells: 'tell', tell: 'tell',
  stated: 'state', stating: 'state',
  claimed: 'claim', claiming: 'claim',
  alleged: 'allege', alleges: 'allege', allege: 'allege', alleging: 'allege',
  reported: 'report',
  accused: 'accuse', accuses: 'accuse', accuse: 'accuse', accusing: 'accuse',
  denied: 'deny', denies: 'deny', deny: 'deny', denying: 'deny',
  announced: 'announce', announces: 'announce', announce: 'announce', announcing: 'announce',
  confirmed: 'confirm', confirms: 'confirm', confirm: 'confirm', confirming: 'confirm',
  warned: 'warn', warns: 'warn', warn: 'warn',
  added: 'add', adds: 'add', adding: 'add',
  // Verbs whose stance the fact matcher also tells apart (admit vs deny, ...).
  noted: 'note', noting: 'note', wrote: 'write', writes: 'write',
  explained: 'explain', explains: 'explain', suggested: 'suggest', suggests: 'suggest',
  rejected: 'reject', rejects: 'reject', dismissed: 'dismiss', dismisses: 'dismiss',
  admitted: 'admit', admits: 'admit', acknowledged: 'acknowledge', acknowledges: 'acknowledge',
});

/** Forms that are also common nouns; they count only with verb context. */
export const NOUNISH_FORMS = table<string>({
  claims: 'claim', reports: 'report', states: 'state', notes: 'note',
});

/** Past forms that also work as adjectives ("the alleged attack", "confirmed cases"). */
export const PARTICIPLES: ReadonlySet<string> = new Set([
  'alleged', 'reported', 'confirmed', 'claimed', 'stated', 'announced', 'accused', 'denied', 'added', 'warned', 'told', 'said',
  'noted', 'suggested', 'rejected', 'dismissed', 'admitted', 'acknowledged', 'explained',
]);

/** Forms that, right after a name, make it a speaker: "Okafor said", "the ministry claims". */
export function isSpeechVerb(lower: string): boolean {
  return VERB_FORMS[lower] !== undefined || NOUNISH_FORMS[lower] !== undefined || lower === 'according';
}
