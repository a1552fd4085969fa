// zod mirror of CompareResult (types.ts), the `parallax.compare/1` JSON
// contract. Objects are strict so that a field added to the output without
// updating the contract fails validation; the type assertion at the bottom
// fails compilation when this file and types.ts drift apart.
import { z } from 'zod';
import type { CompareResult } from './types';

const offset = z.number().int().nonnegative();
const share = z.number().min(0).max(1);
const versionId = z.string().min(1);
const sentenceId = z.string().min(1);

const spanShape = { start: offset, end: offset };
const endNotBeforeStart = (span: { start: number; end: number }): boolean => span.end >= span.start;
const spanMessage = { message: 'end must not be before start' };

export const factKindSchema = z.enum(['number', 'date', 'entity', 'quote', 'attribution']);

export const numberValueSchema = z.strictObject({ amount: z.number(), unit: z.string(), currency: z.string(), qualifier: z.string() });
export const dateValueSchema = z.strictObject({ key: z.string(), relation: z.string() });
export const entityValueSchema = z.strictObject({
  key: z.string(),
  type: z.enum(['organisation', 'person', 'place', 'product', 'acronym', 'other']),
});
export const quoteValueSchema = z.strictObject({ key: z.string(), speaker: z.string().nullable() });
export const attributionValueSchema = z.strictObject({ verb: z.string(), source: z.string().nullable() });

const factOf = <K extends string, V extends z.ZodType>(kind: K, value: V) =>
  z.strictObject({ ...spanShape, kind: z.literal(kind), text: z.string(), value });

export const factSchema = z
  .discriminatedUnion('kind', [
    factOf('number', numberValueSchema),
    factOf('date', dateValueSchema),
    factOf('entity', entityValueSchema),
    factOf('quote', quoteValueSchema),
    factOf('attribution', attributionValueSchema),
  ])
  .refine(endNotBeforeStart, spanMessage);

export const sentenceSchema = z
  .strictObject({ ...spanShape, id: sentenceId, text: z.string(), facts: z.array(factSchema) })
  .refine(endNotBeforeStart, spanMessage);

export const removalReasonSchema = z.enum([
  'navigation',
  'byline',
  'timestamp',
  'related-links',
  'read-next',
  'disclaimer',
  'author-bio',
  'image-credit',
  'comments',
  'subscription',
  'duplicate-headline',
  'share-widget',
  'short-fragment',
  'user-removed',
]);

export const removedTextSchema = z
  .strictObject({ ...spanShape, text: z.string(), reason: removalReasonSchema })
  .refine(endNotBeforeStart, spanMessage);

export const versionSchema = z.strictObject({
  id: versionId,
  label: z.string(),
  source: z.string(),
  title: z.string().nullable(),
  sentences: z.array(sentenceSchema),
  removed: z.array(removedTextSchema),
});

export const factChangeSchema = z.strictObject({ kind: factKindSchema, a: z.string().nullable(), b: z.string().nullable() });
export const wordPieceSchema = z.strictObject({ op: z.enum(['=', '+', '-']), text: z.string() });

export const sentenceLinkSchema = z.strictObject({
  a: z.array(sentenceId),
  b: z.array(sentenceId),
  kind: z.enum(['identical', 'reworded', 'changed']),
  moved: z.boolean(),
  score: share,
  changes: z.array(factChangeSchema),
  words: z.array(wordPieceSchema).nullable(),
});

export const versionPairSchema = z.strictObject({
  a: versionId,
  b: versionId,
  copied: share,
  links: z.array(sentenceLinkSchema),
  onlyA: z.array(sentenceId),
  onlyB: z.array(sentenceId),
});

export const factCellSchema = z.strictObject({
  status: z.enum(['verbatim', 'reworded', 'changed', 'absent']),
  sentences: z.array(sentenceId),
  text: z.string().optional(),
});

export const factConflictSchema = z.strictObject({
  kind: factKindSchema,
  values: z.array(z.strictObject({ text: z.string(), versions: z.array(versionId) })),
});

export const factRowSchema = z.strictObject({
  id: z.string().min(1),
  kind: factKindSchema,
  summary: z.string(),
  cells: z.record(versionId, factCellSchema),
  conflicts: z.array(factConflictSchema),
});

export const compareOptionsSchema = z.strictObject({
  base: z.number().int().nonnegative(),
  budgetMs: z.number().nonnegative(),
  linkThreshold: share,
});

export const engineInfoSchema = z.strictObject({
  version: z.string().min(1),
  options: compareOptionsSchema,
  budgetExceeded: z.array(z.string()),
});

export const compareResultSchema = z.strictObject({
  schema: z.literal('parallax.compare/1'),
  engine: engineInfoSchema,
  versions: z.array(versionSchema),
  pairs: z.array(versionPairSchema),
  facts: z.array(factRowSchema),
});

// Compile-time check that the schema and the TypeScript contract agree:
// each must be assignable to the other (types.ts builds facts from
// intersections, which a stricter "identical type" test would reject).
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesTypes: Mutual<z.infer<typeof compareResultSchema>, CompareResult> = true;
void schemaMatchesTypes;
