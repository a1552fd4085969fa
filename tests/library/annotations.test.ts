// Annotations with tags and verdicts, boilerplate decisions as engine
// overrides, and the analysis cache keyed by engine version and inputs.
import { describe, expect, it } from 'vitest';
import { compare, ENGINE_VERSION } from '../../shared/engine/compare';
import { analysisInputHash, CACHED_PER_STORY } from '../../electron/library/index';
import { article, codeOf, newLibrary, version } from './helpers';

describe('annotations', () => {
  it('are anchored from the stored text, with tags and a verdict', async () => {
    const { library } = await newLibrary();
    const text = article(1);
    const { versionId } = library.versions.add(version(text, { title: 'Crane' }));
    const start = text.indexOf('At least');
    const end = text.indexOf(' workers');
    const note = library.annotations.create({ versionId, start, end, note: 'Fire service says 12', verdict: 'disputed', tags: ['numbers', 'Check', 'check'] });
    expect(note).toMatchObject({
      versionId,
      start,
      end,
      quote: 'At least 11',
      prefix: text.slice(start - 32, start),
      suffix: text.slice(end, end + 32),
      note: 'Fire service says 12',
      verdict: 'disputed',
      tags: ['Check', 'numbers'],
    });
    const plain = library.annotations.create({ versionId, start: 0, end: 7 });
    expect(plain).toMatchObject({ verdict: 'unverified', note: '', tags: [], quote: 'Harbour', prefix: '' });
    expect(library.annotations.listByVersion(versionId).map((a) => a.id)).toEqual([plain.id, note.id]);
    expect(library.tags.list()).toEqual([
      { id: 2, name: 'Check', annotationCount: 1 },
      { id: 1, name: 'numbers', annotationCount: 1 },
    ]);
    library.close();
  });

  it('updates note, verdict, tags and range; deletes', async () => {
    const { library } = await newLibrary();
    const text = article(1);
    const { versionId, storyId } = library.versions.add(version(text, { title: 'Crane' }));
    const a = library.annotations.create({ versionId, start: 0, end: 7, tags: ['x'] });
    const moved = library.annotations.update(a.id, { end: 13, verdict: 'supported', tags: ['y'], note: 'ok' });
    expect(moved).toMatchObject({ start: 0, end: 13, quote: 'Harbour crane', verdict: 'supported', tags: ['y'], note: 'ok' });
    expect(library.annotations.listByStory(storyId)).toHaveLength(1);
    expect(codeOf(() => library.annotations.update(a.id, { verdict: 'maybe' as never }))).toBe('invalid');
    expect(codeOf(() => library.annotations.update(a.id, { end: text.length + 1 }))).toBe('invalid');
    expect(codeOf(() => library.annotations.create({ versionId, start: 5, end: 5 }))).toBe('invalid');
    expect(codeOf(() => library.annotations.create({ versionId: 99, start: 0, end: 1 }))).toBe('not-found');
    library.tags.rename(library.tags.list().find((t) => t.name === 'y')!.id, 'verified');
    expect(library.annotations.get(a.id)!.tags).toEqual(['verified']);
    library.annotations.delete(a.id);
    expect(library.annotations.get(a.id)).toBeNull();
    expect(codeOf(() => library.annotations.delete(a.id))).toBe('not-found');
    library.close();
  });
});

describe('boilerplate decisions', () => {
  it('read back as the engine’s overrides, and change what the engine keeps', async () => {
    const { library } = await newLibrary();
    const text = `Subscribe now for full access\n${article(1)}`;
    const { versionId, storyId } = library.versions.add(version(text, { title: 'Crane' }));
    library.decisions.set(versionId, 0, true);
    library.decisions.set(versionId, 30, false);
    library.decisions.set(versionId, 30, true);
    expect(library.decisions.get(versionId)).toEqual({ 0: true, 30: true });
    library.decisions.clear(versionId, 30);
    expect(library.decisions.get(versionId)).toEqual({ 0: true });
    library.decisions.replace(versionId, { 5: false });
    expect(library.decisions.get(versionId)).toEqual({ 5: false });
    expect(codeOf(() => library.decisions.set(versionId, text.length, true))).toBe('invalid');
    expect(codeOf(() => library.decisions.set(versionId, -1, true))).toBe('invalid');
    expect(codeOf(() => library.decisions.set(99, 0, true))).toBe('not-found');

    library.decisions.replace(versionId, {});
    const second = library.versions.add(version(article(2), { id: storyId }));
    const before = compare(library.analysis.inputs(storyId).inputs);
    const removedLine = before.versions[0]!.removed.find((r) => r.text.startsWith('Subscribe'));
    expect(removedLine).toBeDefined();
    library.decisions.set(versionId, removedLine!.start, true);
    const { inputs, versionIds } = library.analysis.inputs(storyId);
    expect(versionIds).toEqual([versionId, second.versionId]);
    expect(inputs[0]!.overrides).toEqual({ [removedLine!.start]: true });
    const after = compare(inputs);
    expect(after.versions[0]!.removed.find((r) => r.text.startsWith('Subscribe'))).toBeUndefined();
    library.close();
  });
});

describe('the analysis cache', () => {
  it('hits for the same engine and inputs, and misses once a decision changes', async () => {
    const { library } = await newLibrary();
    const { versionId, storyId } = library.versions.add(version(article(1), { title: 'Crane' }, { outlet: { name: 'Post' } }));
    library.versions.add(version(article(2), { id: storyId }));
    const key = library.analysis.key(storyId, ENGINE_VERSION);
    expect(key.inputs.map((i) => i.label)).toEqual(['Post', 'article.txt']);
    expect(key.inputHash).toBe(analysisInputHash(key.inputs, {}));
    expect(library.analysis.get(storyId, key)).toBeNull();
    const json = JSON.stringify(compare(key.inputs));
    library.analysis.put(storyId, key, json);
    expect(library.analysis.get(storyId, key)?.resultJson).toBe(json);

    library.decisions.set(versionId, 0, false);
    const changed = library.analysis.key(storyId, ENGINE_VERSION);
    expect(changed.inputHash).not.toBe(key.inputHash);
    expect(library.analysis.get(storyId, changed)).toBeNull();
    expect(library.analysis.key(storyId, ENGINE_VERSION, { base: 1 }).inputHash).not.toBe(changed.inputHash);
    expect(library.analysis.get(storyId, { ...key, engineVersion: '9.9.9' })).toBeNull();
    library.close();
  });

  it('keeps a few entries per story and drops other engine versions', async () => {
    const { library } = await newLibrary();
    const { storyId } = library.versions.add(version(article(1), { title: 'Crane' }));
    library.analysis.put(storyId, { engineVersion: 'old', inputHash: '0'.repeat(64) }, '{}');
    for (let i = 1; i <= CACHED_PER_STORY + 2; i++) library.analysis.put(storyId, { engineVersion: 'new', inputHash: String(i).repeat(64) }, `{"n":${i}}`);
    const rows = library.db.prepare('SELECT engine_version, input_hash FROM analysis_cache ORDER BY id').all() as { engine_version: string; input_hash: string }[];
    expect(rows).toHaveLength(CACHED_PER_STORY);
    expect(rows.every((r) => r.engine_version === 'new')).toBe(true);
    expect(rows.map((r) => r.input_hash[0])).toEqual(['3', '4', '5']);
    expect(codeOf(() => library.analysis.put(storyId, { engineVersion: 'new', inputHash: 'nothex' }, '{}'))).toBe('invalid');
    expect(library.analysis.clear(storyId)).toBe(CACHED_PER_STORY);
    library.close();
  });
});

describe('analysisInputHash', () => {
  it('is independent of key order and override insertion order, and sensitive to everything else', () => {
    const base = [{ label: 'a', source: 's', text: 't', overrides: { 3: true, 1: false } }];
    expect(analysisInputHash(base, { b: 1, a: 2 })).toBe(analysisInputHash([{ ...base[0]!, overrides: { 1: false, 3: true } }], { a: 2, b: 1 }));
    expect(analysisInputHash(base)).not.toBe(analysisInputHash([{ ...base[0]!, label: 'b' }]));
    expect(analysisInputHash(base)).not.toBe(analysisInputHash([{ ...base[0]!, text: 'u' }]));
    expect(analysisInputHash(base)).not.toBe(analysisInputHash([{ ...base[0]!, overrides: { 1: true, 3: true } }]));
  });
});
