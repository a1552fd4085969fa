// Checks on what callers hand the library, so bad input is refused with a
// LibraryError('invalid') that says which field is wrong, before any SQL runs.
import { z } from 'zod';
import { SOURCE_KINDS, VERDICTS } from '../../shared/library/types';
import { LibraryError } from './errors';

export const idSchema = z.int().positive();
const name = z.string().trim().min(1).max(500);
/** Optional free text: blank means "not known" and is stored as null. */
const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .nullable()
    .optional()
    .transform((value) => (value == null || value.trim() === '' ? null : value.trim()));

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Shape check only; Date does the strict parse (and rejects trailing junk).
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * A calendar date stays as it is ("2025-11-22"); a date and time becomes a UTC
 * ISO timestamp so that all values sort as text. A time without an offset is
 * taken as UTC, so the stored value never depends on this machine's zone.
 */
export function normaliseDate(value: string): string | null {
  const trimmed = value.trim();
  const date = DATE.exec(trimmed);
  if (date) {
    const [, y, m, d] = date.map(Number) as [number, number, number, number];
    const parsed = new Date(Date.UTC(y, m - 1, d));
    return parsed.getUTCFullYear() === y && parsed.getUTCMonth() === m - 1 && parsed.getUTCDate() === d ? trimmed : null;
  }
  if (!DATE_TIME.test(trimmed)) return null;
  const hasZone = ZONE.test(trimmed);
  const parsed = new Date(hasZone ? trimmed : `${trimmed}Z`);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
}

const optionalDate = z
  .string()
  .nullable()
  .optional()
  .transform((value, ctx) => {
    if (value == null || value.trim() === '') return null;
    const normalised = normaliseDate(value);
    if (normalised === null) ctx.addIssue({ code: 'custom', message: 'expected a date (2025-11-22) or an ISO date and time' });
    return normalised;
  });

export const outletInputSchema = z.strictObject({ name, domain: optionalText(253) });

const metadataShape = {
  title: optionalText(2000),
  byline: optionalText(2000),
  url: optionalText(8192),
  publishedAt: optionalDate,
  capturedAt: optionalDate,
  outlet: outletInputSchema.nullable().optional(),
};

export const newVersionSchema = z.strictObject({
  story: z.union([z.strictObject({ id: idSchema }), z.strictObject({ title: name })]),
  text: z.string().min(1, 'the text is empty').refine((text) => text.trim().length > 0, 'the text is blank'),
  sourceName: name,
  sourceKind: z.enum(SOURCE_KINDS),
  ...metadataShape,
});

/** Only the fields present are changed; null clears a field. */
export const versionPatchSchema = z.strictObject({
  title: metadataShape.title,
  byline: metadataShape.byline,
  url: metadataShape.url,
  publishedAt: metadataShape.publishedAt,
  capturedAt: metadataShape.capturedAt,
  outlet: metadataShape.outlet,
});

export const tagNamesSchema = z.array(z.string().trim().min(1).max(200)).max(100);

export const newAnnotationSchema = z.strictObject({
  versionId: idSchema,
  start: z.int().nonnegative(),
  end: z.int().positive(),
  note: z.string().max(100_000).optional(),
  verdict: z.enum(VERDICTS).optional(),
  tags: tagNamesSchema.optional(),
});

export const annotationPatchSchema = z.strictObject({
  start: z.int().nonnegative().optional(),
  end: z.int().positive().optional(),
  note: z.string().max(100_000).optional(),
  verdict: z.enum(VERDICTS).optional(),
  tags: tagNamesSchema.optional(),
});

export const pagingSchema = z.strictObject({
  limit: z.int().min(1).max(500).optional(),
  offset: z.int().nonnegative().optional(),
});

/** Parses `input` or throws LibraryError('invalid') naming the first bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, file: string, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  throw new LibraryError('invalid', file, `invalid ${what}${field}: ${issue?.message ?? 'malformed'}`);
}

export function requireId(value: unknown, file: string, what: string): number {
  return parseInput(idSchema, value, file, `${what} id`);
}
