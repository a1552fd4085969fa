import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, suggestStories } from '../../shared/library/fingerprint';

const stories = join(__dirname, '../fixtures/stories');
const versionsOf = (slug: string) =>
  readdirSync(join(stories, slug))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(stories, slug, f), 'utf8'));

function overlap(a: string[], b: Set<string>): number {
  return a.filter((k) => b.has(k)).length;
}

describe('fingerprint and suggestStories', () => {
  it('offers a new outlet version for its own story, not for an unrelated one', () => {
    const [wire, ...rest] = versionsOf('port-strike');
    const other = versionsOf('ebike-recall')[0]!;
    const portKeys = new Set(fingerprint(wire!));
    const ebikeKeys = new Set(fingerprint(other));
    const candidate = fingerprint(rest[2]!);
    const suggestions = suggestStories(candidate.length, [
      { storyId: 1, shared: overlap(candidate, portKeys) },
      { storyId: 2, shared: overlap(candidate, ebikeKeys) },
    ]);
    expect(suggestions.map((s) => s.storyId)).toEqual([1]);
  });

  it('suggests every story of the dev set for its own versions', () => {
    const slugs = readdirSync(stories);
    const firsts = new Map(slugs.map((slug) => [slug, new Set(fingerprint(versionsOf(slug)[0]!))]));
    for (const slug of slugs) {
      for (const text of versionsOf(slug).slice(1)) {
        const keys = fingerprint(text);
        const overlaps = slugs.map((s, k) => ({ storyId: k, shared: overlap(keys, firsts.get(s)!) }));
        expect(suggestStories(keys.length, overlaps)[0]?.storyId, slug).toBe(slugs.indexOf(slug));
      }
    }
  });

  it('offers nothing for a text with no specific facts', () => {
    expect(fingerprint('It was a quiet day. Nothing happened at all.')).toEqual([]);
    expect(suggestStories(0, [{ storyId: 1, shared: 0 }])).toEqual([]);
  });

  it('requires several shared facts, not one common name', () => {
    expect(suggestStories(4, [{ storyId: 1, shared: 1 }])).toEqual([]);
    expect(suggestStories(8, [{ storyId: 1, shared: 3 }])).toEqual([{ storyId: 1, shared: 3, share: 0.375 }]);
  });
});
