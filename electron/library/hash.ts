// Content hashes: a version's identity (duplicate detection) and the key of a
// cached analysis.
import { createHash } from 'node:crypto';
import type { VersionInput } from '../../shared/engine/types';

/**
 * sha256 of the exact UTF-8 text, lowercase hex. Exact, not normalised: the
 * library keeps texts byte for byte and annotations index into them, so two
 * texts are the same version only when they are the same string.
 */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** JSON with object keys sorted, so equal values always serialise the same way. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Key for the analysis cache: everything that can change a compare result —
 * each input's label, source, text and overrides, in order, plus the compare
 * options. (The engine version is a separate column.)
 */
export function analysisInputHash(inputs: readonly VersionInput[], options: unknown = {}): string {
  const canonical = inputs.map((input) => ({
    label: input.label,
    source: input.source,
    text: contentHash(input.text),
    overrides: Object.entries(input.overrides ?? {})
      .map(([offset, keep]) => [Number(offset), keep] as const)
      .sort((a, b) => a[0] - b[0]),
  }));
  return createHash('sha256').update(stableJson({ inputs: canonical, options }), 'utf8').digest('hex');
}
