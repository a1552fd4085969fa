// Domain types of the analysis engine. These are the shapes of the public JSON
// contract `parallax.compare/1` (see docs/compare-format.md); library types
// (jsdiff change objects and the like) never appear here.
//
// Offsets: every `start`/`end` is a UTF-16 code-unit offset into the decoded
// text of its version (BOM removed), so `text === decoded.slice(start, end)`.

export interface Span {
  start: number;
  end: number;
}

export type FactKind = 'number' | 'date' | 'entity' | 'quote' | 'attribution';

/** A number with the noun it counts: "over 270 devices", "$7.99", "12%". */
export interface NumberValue {
  /** The numeric amount, e.g. 2950 for "2,950". */
  amount: number;
  /** Normalised head noun it counts ("device"), "" when none. */
  unit: string;
  /** "%" | "$" | "€" | "£" | "¥" | "" */
  currency: string;
  /** Qualifier such as "over", "about", "at least", "" when none. */
  qualifier: string;
}

/** A date or a relative date, normalised to a comparable key. */
export interface DateValue {
  /**
   * Comparable key: "2023-05", "2022-03-14", "2023", "month:08",
   * "weekday:wed", "relative:yesterday", "relative:this-week", ...
   */
  key: string;
  /**
   * "since" | "until" | "in" | "on" | "" — the preposition that frames it —
   * or "dateline" for the filing date at the head of wire copy.
   */
  relation: string;
}

export type EntityType = 'organisation' | 'person' | 'place' | 'product' | 'acronym' | 'other';

export interface EntityValue {
  /** Canonical matching key, e.g. "cncert/cc", "microsoft exchange", "us". */
  key: string;
  type: EntityType;
}

export interface QuoteValue {
  /** The quoted words, normalised for matching. */
  key: string;
  /** The speaker named next to the quote, or null. */
  speaker: string | null;
}

export interface AttributionValue {
  /** The reporting verb's lemma: "say", "accord", "report", "claim", ... */
  verb: string;
  /** Who the text is attributed to, when named in the sentence. */
  source: string | null;
}

export type Fact =
  | (Span & { kind: 'number'; text: string; value: NumberValue })
  | (Span & { kind: 'date'; text: string; value: DateValue })
  | (Span & { kind: 'entity'; text: string; value: EntityValue })
  | (Span & { kind: 'quote'; text: string; value: QuoteValue })
  | (Span & { kind: 'attribution'; text: string; value: AttributionValue });

export interface Sentence extends Span {
  /** "v1.s3": version id, then 1-based sentence index. */
  id: string;
  text: string;
  facts: Fact[];
}

/** Why a line was judged page chrome rather than article text. */
export type RemovalReason =
  | 'navigation'
  | 'byline'
  | 'timestamp'
  | 'related-links'
  | 'read-next'
  | 'disclaimer'
  | 'author-bio'
  | 'image-credit'
  | 'comments'
  | 'subscription'
  | 'duplicate-headline'
  | 'share-widget'
  | 'short-fragment'
  | 'user-removed';

export interface RemovedText extends Span {
  text: string;
  reason: RemovalReason;
}

export interface VersionInput {
  /** Display label: outlet or file name. */
  label: string;
  /** Where it came from, as the user gave it (path, URL, "pasted"). */
  source: string;
  /** The decoded text (BOM removed). Never altered by the engine. */
  text: string;
  /**
   * Per-line decisions a user made, by the line's start offset: true keeps a
   * line the cleaner removed, false removes a line it kept.
   */
  overrides?: Record<number, boolean>;
}

export interface Version {
  id: string;
  label: string;
  source: string;
  title: string | null;
  sentences: Sentence[];
  removed: RemovedText[];
}

export type LinkKind = 'identical' | 'reworded' | 'changed';

/** One fact that differs between the two sides of a link. */
export interface FactChange {
  kind: FactKind;
  /** Text on side a, or null when the fact is only on side b. */
  a: string | null;
  b: string | null;
}

export type WordOp = '=' | '+' | '-';

/** A run of words in a word-level diff of one link; text is verbatim. */
export interface WordPiece {
  op: WordOp;
  text: string;
}

export interface SentenceLink {
  a: string[];
  b: string[];
  kind: LinkKind;
  /** True when the link breaks the reading order of the two versions. */
  moved: boolean;
  /** Similarity in [0, 1]. */
  score: number;
  changes: FactChange[];
  /**
   * Word-level diff of the joined a-text against the joined b-text, or null
   * when the pair was too different to diff word by word within budget.
   */
  words: WordPiece[] | null;
}

export interface VersionPair {
  a: string;
  b: string;
  /** Share of words in the shorter version that sit in long verbatim runs shared with the other. */
  copied: number;
  links: SentenceLink[];
  onlyA: string[];
  onlyB: string[];
}

export type CellStatus = 'verbatim' | 'reworded' | 'changed' | 'absent';

export interface FactCell {
  status: CellStatus;
  sentences: string[];
  /** The fact's text as this version words it, when present. */
  text?: string;
}

export interface FactConflict {
  kind: FactKind;
  /** Distinct values and the versions that report each. */
  values: { text: string; versions: string[] }[];
}

export interface FactRow {
  id: string;
  kind: FactKind;
  summary: string;
  cells: Record<string, FactCell>;
  conflicts: FactConflict[];
}

export interface CompareOptions {
  /** Index of the base version (0-based) used to order rows and pairs. */
  base: number;
  /** Total time budget for the whole compare, in ms. */
  budgetMs: number;
  /** Minimum similarity for two sentences to be linked. */
  linkThreshold: number;
}

export interface EngineInfo {
  version: string;
  options: CompareOptions;
  /** Steps that ran out of time and fell back to a cheaper answer. */
  budgetExceeded: string[];
}

export interface CompareResult {
  schema: 'parallax.compare/1';
  engine: EngineInfo;
  versions: Version[];
  pairs: VersionPair[];
  facts: FactRow[];
}
