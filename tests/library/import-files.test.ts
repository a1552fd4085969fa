// importPaths / importText: folders become one story, texts already present
// are duplicates, --story by id or name, a bad file fails alone, a failing
// library stops the run, and no outcome ever leaves half a version behind.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/library/index';
import { importPaths, importText } from '../../electron/library/import-files';
import { versionKeys } from '../../electron/library/version-keys';
import { makeDocx, makePdf, pdfParagraphs } from '../import/fixtures';
import { codeOfAsync, newLibrary, tempDir } from './helpers';

const STORIES = join(__dirname, '../fixtures/stories');
const PORT = ['v1-cps-wire.txt', 'v2-tidewater-post.txt', 'v3-harbour-ledger.txt'].map((f) => join(STORIES, 'port-strike', f));
const EBIKE = ['v1-icn-wire.txt', 'v2-consumerwatch.txt', 'v3-lindgard-morning-post.txt'].map((f) => join(STORIES, 'ebike-recall', f));
const HTML = join(__dirname, '../fixtures/import/article.html');

/** A folder holding copies of `files` (under their own names) plus `extra` files. */
function folderWith(files: string[], extra: Record<string, string | Uint8Array> = {}): string {
  const dir = tempDir();
  for (const file of files) copyFileSync(file, join(dir, file.split('/').pop()!));
  for (const [name, data] of Object.entries(extra)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  return dir;
}

/** Every version is whole: metadata, text, search entry; nothing dangles. */
function checkWhole(library: Library): void {
  const count = (sql: string) => library.db.prepare(sql).pluck().get() as number;
  expect(count('SELECT count(*) FROM version_texts')).toBe(count('SELECT count(*) FROM versions'));
  expect(count('SELECT count(*) FROM version_keys WHERE version_id NOT IN (SELECT id FROM versions)')).toBe(0);
  expect(count('SELECT count(*) FROM stories s WHERE NOT EXISTS (SELECT 1 FROM versions v WHERE v.story_id = s.id)')).toBe(0);
  library.db.prepare("INSERT INTO versions_fts (versions_fts, rank) VALUES ('integrity-check', 1)").run();
}

describe('importPaths', () => {
  it('imports a folder as one story, in name order, skipping hidden and unsupported files', async () => {
    const { library } = await newLibrary();
    const dir = folderWith(PORT, { '.hidden.txt': 'Secret notes that must not be imported at all.', 'notes.json': '{}', 'sub/z-page.html': await import('node:fs').then((fs) => fs.readFileSync(HTML)) });
    const progress: [number, number, string][] = [];
    const run = await importPaths(library, [dir], { onProgress: (done, total, r) => progress.push([done, total, r.status]) });
    expect(run.results.map((r) => [r.path.slice(dir.length + 1), r.status])).toEqual([
      ['sub/z-page.html', 'added'],
      ['v1-cps-wire.txt', 'added'],
      ['v2-tidewater-post.txt', 'added'],
      ['v3-harbour-ledger.txt', 'added'],
    ]);
    expect(progress).toEqual([1, 2, 3, 4].map((n) => [n, 4, 'added']));
    expect(run.storyCreated).toBe(true);
    expect(new Set(run.results.map((r) => r.storyId))).toEqual(new Set([run.storyId]));
    // The story is named after its first version; versions keep the files' metadata.
    expect(run.storyTitle).toBe('Harbour wall fails as storm floods Eastmere');
    const versions = library.versions.listByStory(run.storyId!);
    expect(versions.map((v) => v.sourceName)).toEqual(['z-page.html', 'v1-cps-wire.txt', 'v2-tidewater-post.txt', 'v3-harbour-ledger.txt']);
    expect(versions[0]).toMatchObject({ sourceKind: 'html', outlet: { name: 'The Coastal Ledger', domain: 'coastal-ledger.example.co.uk' }, byline: 'Jane Marlow' });
    expect(versions[0]!.publishedAt).toBe('2024-03-05T08:30:00.000Z');
    expect(versions[1]).toMatchObject({ sourceKind: 'txt', title: 'Dockworkers strike at Port of Valmora over terminal automation plan', outlet: { name: 'CPS' } });
    // Each added version has its fingerprint, stored with it.
    for (const v of versions) expect(versionKeys(library, v.id).length).toBeGreaterThan(3);
    expect(run.suggestions).toEqual([]);
    checkWhole(library);
  });

  it('reports texts already in the library as duplicates and creates no story for them', async () => {
    const { library } = await newLibrary();
    const first = await importPaths(library, PORT);
    const again = await importPaths(library, [...PORT].reverse());
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(again.results.map((r) => r.versionId)).toEqual(first.results.map((r) => r.versionId).reverse());
    expect(again.results.every((r) => r.storyId === first.storyId)).toBe(true);
    expect(again.storyId).toBeNull();
    expect(library.stories.list().total).toBe(1);
  });

  it('adds to a story given by id, or by name (created once, then found)', async () => {
    const { library } = await newLibrary();
    const port = await importPaths(library, PORT.slice(0, 2));
    const byId = await importPaths(library, [PORT[2]!], { story: port.storyId! });
    expect(byId.results[0]).toMatchObject({ status: 'added', storyId: port.storyId });
    expect(byId.storyCreated).toBe(false);

    const named = await importPaths(library, [EBIKE[0]!], { story: 'E-bike recall' });
    expect(named.storyCreated).toBe(true);
    expect(library.stories.get(named.storyId!)!.title).toBe('E-bike recall');
    const again = await importPaths(library, [EBIKE[1]!], { story: 'E-bike recall' });
    expect(again).toMatchObject({ storyId: named.storyId, storyCreated: false });
    expect(library.stories.list().total).toBe(2);

    expect(await codeOfAsync(() => importPaths(library, [EBIKE[2]!], { story: 999 }))).toBe('not-found');
    library.stories.create('E-bike recall');
    expect(await codeOfAsync(() => importPaths(library, [EBIKE[2]!], { story: 'E-bike recall' }))).toBe('invalid');
    expect(await codeOfAsync(() => importPaths(library, [EBIKE[2]!], { story: '  ' }))).toBe('invalid');
  });

  it('fails a bad file alone, with one line naming it, and imports the rest', async () => {
    const { library } = await newLibrary();
    const dir = folderWith([PORT[0]!, PORT[1]!], {
      'b-fake.pdf': 'not a pdf at all',
      'c-bomb.docx': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
      'd-binary.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3, 0, 0]),
      'e-word.docx': makeDocx(['Officials said 270 devices were hit on Monday.'], { title: 'Devices hit' }),
      'f-paper.pdf': makePdf([pdfParagraphs([['Officials said 270 devices were hit on Tuesday.']])]),
      'g-long.txt': 'A long article about nothing in particular. '.repeat(200),
    });
    const run = await importPaths(library, [dir, join(dir, 'missing.txt')], { maxBytes: 6000 });
    const byName = Object.fromEntries(run.results.map((r) => [r.path.split('/').pop(), r]));
    expect(byName['b-fake.pdf']!.error).toMatch(/b-fake\.pdf: is named \.pdf but is not a PDF/);
    expect(byName['c-bomb.docx']!.status).toBe('failed');
    expect(byName['d-binary.txt']!.error).toMatch(/d-binary\.txt: looks like a binary file/);
    expect(byName['g-long.txt']!.error).toMatch(/g-long\.txt: file is too large/);
    expect(byName['missing.txt']!.error).toMatch(/missing\.txt: no such file or folder$/);
    expect(['e-word.docx', 'f-paper.pdf', 'v1-cps-wire.txt', 'v2-tidewater-post.txt'].map((n) => byName[n]!.status)).toEqual(['added', 'added', 'added', 'added']);
    for (const r of run.results.filter((x) => x.status === 'failed')) {
      expect(r.error).not.toMatch(/[\r\n]/);
      expect(r.versionId).toBeUndefined();
    }
    expect(run.stopped).toBeNull();
    expect(library.versions.listByStory(run.storyId!).map((v) => v.sourceKind)).toEqual(['docx', 'pdf', 'txt', 'txt']);
    checkWhole(library);
  });

  it('suggests the existing story a new version shares facts with; importing it there moves it', async () => {
    const { library } = await newLibrary();
    const ebike = await importPaths(library, EBIKE.slice(0, 2));
    const port = await importPaths(library, PORT.slice(0, 2));
    const single = await importPaths(library, [EBIKE[2]!]);
    expect(single.suggestions.map((s) => s.storyId)).toEqual([ebike.storyId]);
    expect(single.suggestions[0]).toMatchObject({ title: ebike.storyTitle });
    expect(single.suggestions[0]!.shared).toBeGreaterThanOrEqual(3);

    // Following the suggestion: the one-version story made a moment ago is merged away.
    const follow = await importPaths(library, [EBIKE[2]!], { story: ebike.storyId! });
    expect(follow.results[0]).toMatchObject({ status: 'duplicate', storyId: ebike.storyId, movedFrom: single.storyId, versionId: single.results[0]!.versionId });
    expect(library.stories.get(single.storyId!)).toBeNull();
    expect(library.versions.listByStory(ebike.storyId!)).toHaveLength(3);

    // A story holding more than this run's files is never split up.
    const partial = await importPaths(library, [PORT[0]!], { story: ebike.storyId! });
    expect(partial.results[0]).toMatchObject({ status: 'duplicate', storyId: port.storyId });
    expect(partial.results[0]!.movedFrom).toBeUndefined();
    expect(library.versions.listByStory(port.storyId!)).toHaveLength(2);
    checkWhole(library);
  });

  it('stops the run when the library cannot be written, keeping what was added and nothing half-added', async () => {
    const { library } = await newLibrary();
    await importPaths(library, [PORT[0]!]);
    // A full disk, as SQLite sees it: the file may not grow by another page.
    const pages = library.db.pragma('page_count', { simple: true }) as number;
    library.db.pragma(`max_page_count = ${pages}`);
    const run = await importPaths(library, [EBIKE[0]!, EBIKE[1]!, PORT[1]!]);
    expect(run.results).toHaveLength(1);
    expect(run.results[0]).toMatchObject({ status: 'failed' });
    expect(run.results[0]!.error).toMatch(/v1-icn-wire\.txt: not added: .*the disk is full/);
    expect(run.stopped).toMatchObject({ code: 'disk-full' });
    expect(library.stories.list().total).toBe(1);
    checkWhole(library);
  });

  it('stops when another program holds the library, and when read-only', async () => {
    const { library, path } = await newLibrary();
    library.close();
    const { library: busy } = await Library.open(path, { busyTimeoutMs: 50 });
    const other = new (await import('better-sqlite3')).default(path);
    other.exec('BEGIN IMMEDIATE');
    const locked = await importPaths(busy, [PORT[0]!, PORT[1]!]);
    expect(locked.stopped).toMatchObject({ code: 'locked' });
    expect(locked.results).toHaveLength(1);
    other.exec('ROLLBACK');
    other.close();
    busy.close();

    const { library: readonly } = await Library.open(path, { readonly: true });
    const refused = await importPaths(readonly, [PORT[0]!, PORT[1]!]);
    expect(refused.stopped).toMatchObject({ code: 'read-only' });
    expect(refused.results[0]!.error).toMatch(/v1-cps-wire\.txt: not added: .*read-only/);
    readonly.close();
  });

  it('rolls the whole version back when any part of its transaction fails', async () => {
    const { library } = await newLibrary();
    // Simulates a failure after the version row and text are written, while keys are stored.
    library.db.exec("CREATE TEMP TRIGGER no_keys BEFORE INSERT ON version_keys BEGIN SELECT RAISE(ABORT, 'keys refused'); END");
    const run = await importPaths(library, PORT.slice(0, 2));
    expect(run.results.map((r) => r.status)).toEqual(['failed', 'failed']);
    expect(run.results[0]!.error).toMatch(/v1-cps-wire\.txt: not added \(.*keys refused\)/);
    expect(run.stopped).toBeNull();
    expect(library.db.prepare('SELECT count(*) FROM versions').pluck().get()).toBe(0);
    expect(library.stories.list().total).toBe(0);
    checkWhole(library);
  });

  it('stops before the next file when aborted', async () => {
    const { library } = await newLibrary();
    const controller = new AbortController();
    const run = await importPaths(library, PORT, { signal: controller.signal, onProgress: (done) => done === 1 && controller.abort() });
    expect(run.results.map((r) => r.status)).toEqual(['added']);
    expect(run.stopped).toMatchObject({ code: 'aborted' });
  });

  it('reports a folder with nothing to import', async () => {
    const { library } = await newLibrary();
    const dir = folderWith([], { 'data.csv': 'a,b' });
    const run = await importPaths(library, [dir]);
    expect(run.results).toEqual([{ path: dir, status: 'failed', error: expect.stringMatching(/the folder has no files to import/) }]);
  });
});

describe('importText', () => {
  it('stores pasted text as a paste, titled from its headline, and knows it again', async () => {
    const { library } = await newLibrary();
    const text = (await import('node:fs')).readFileSync(EBIKE[0]!, 'utf8');
    const added = importText(library, text, { label: 'clipboard' });
    expect(added.status).toBe('added');
    const meta = library.versions.getMeta(added.versionId)!;
    expect(meta).toMatchObject({ sourceKind: 'paste', sourceName: 'clipboard', title: 'Voltera recalls 86,000 e-bike batteries after reports of fires' });
    expect(library.stories.get(added.storyId)!.title).toBe(meta.title);
    expect(importText(library, text, { label: 'again' })).toEqual({ status: 'duplicate', versionId: added.versionId, storyId: added.storyId, suggestions: [] });
    const other = importText(library, (await import('node:fs')).readFileSync(EBIKE[2]!, 'utf8'), { label: 'paste 2' });
    expect(other.suggestions.map((s) => s.storyId)).toEqual([added.storyId]);
    expect(() => importText(library, '   ', { label: 'blank' })).toThrow(/the text is blank/);
  });
});
