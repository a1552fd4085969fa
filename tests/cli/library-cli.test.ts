// End-to-end tests of the library commands of the BUILT command line
// (dist/cli.js via bin/parallax.js) on temporary libraries. Run
// `node scripts/build-cli.mjs` first when running vitest directly.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { compareResultSchema } from '../../shared/engine/schema';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/parallax.js');
const STORIES = join(ROOT, 'tests/fixtures/stories');
const HTML = join(ROOT, 'tests/fixtures/import/article.html');
const ebike = (f: string) => join(STORIES, 'ebike-recall', f);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function parallax(args: string[], env: Record<string, string> = {}): Run {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const lines = (text: string) => text.split('\n').filter((line) => line !== '');

/** One error line on stderr, nothing on stdout, a failing status. */
function expectOneLineError(run: Run, message: RegExp, status = 1): void {
  expect(run.status).toBe(status);
  expect(run.stdout).toBe('');
  expect(lines(run.stderr)).toHaveLength(1);
  expect(run.stderr).toMatch(/^parallax: \S/);
  expect(run.stderr).toMatch(message);
}

let tmp: string;
let counter = 0;
/** A path for a new library in a fresh folder. */
const newLibrary = () => join(mkdirSync(join(tmp, `lib-${++counter}`), { recursive: true })!, 'library.sqlite');

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `node scripts/build-cli.mjs` first');
  tmp = mkdtempSync(join(tmpdir(), 'parallax-library-cli-'));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function importJson(lib: string, ...args: string[]) {
  const run = parallax(['import', ...args, '--library', lib, '--json']);
  return { run, json: JSON.parse(run.stdout) as ImportJson };
}

interface ImportJson {
  schema: string;
  library: string;
  storyId: number | null;
  storyTitle: string | null;
  storyCreated: boolean;
  results: { path: string; status: string; versionId?: number; storyId?: number; movedFrom?: number; error?: string }[];
  counts: { added: number; duplicate: number; failed: number };
  suggestions: { storyId: number; title: string; shared: number; share: number }[];
  stopped: { code: string; message: string } | null;
}

describe('parallax import', () => {
  it('imports a folder as one story; progress on stderr, parseable JSON on stdout; again: duplicates', () => {
    const lib = newLibrary();
    const dir = join(STORIES, 'port-strike');
    const { run, json } = importJson(lib, dir);
    expect(run.status).toBe(0);
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    expect(json).toMatchObject({ schema: 'parallax.import/1', library: lib, storyCreated: true, stopped: null, suggestions: [], counts: { added: files.length, duplicate: 0, failed: 0 } });
    expect(json.results.map((r) => r.path)).toEqual(files.map((f) => join(dir, f)));
    expect(json.results.every((r) => r.storyId === json.storyId && typeof r.versionId === 'number')).toBe(true);
    expect(lines(run.stderr)).toEqual([`parallax: created a new library at ${lib}`, ...files.map((f, k) => `[${k + 1}/${files.length}] added ${join(dir, f)}`)]);

    const again = importJson(lib, dir);
    expect(again.run.status).toBe(0);
    expect(again.json.counts).toEqual({ added: 0, duplicate: files.length, failed: 0 });
    expect(again.json.storyId).toBeNull();
  });

  it('prints a table, the story and a suggestion for a version of an existing story; --story follows it', () => {
    const lib = newLibrary();
    const first = importJson(lib, ebike('v1-icn-wire.txt'), ebike('v2-consumerwatch.txt')).json;
    const run = parallax(['import', ebike('v3-lindgard-morning-post.txt'), '--library', lib]);
    expect(run.status).toBe(0);
    const out = lines(run.stdout);
    expect(out[0]).toMatch(/^STATUS\s+VERSION\s+STORY\s+FILE$/);
    expect(out[1]).toMatch(/^added\s+3\s+2\s+.*v3-lindgard-morning-post\.txt$/);
    expect(out[2]).toMatch(/^1 added, 0 duplicate, 0 failed; story #2 '.*' \(new\)$/);
    expect(out[3]!.replace(/\(\d+ shared facts\)/, '(N shared facts)')).toBe(`this looks like story #${first.storyId} '${first.storyTitle}' (N shared facts); add with --story ${first.storyId}`);

    const follow = importJson(lib, ebike('v3-lindgard-morning-post.txt'), '--story', String(first.storyId));
    expect(follow.json.results[0]).toMatchObject({ status: 'duplicate', storyId: first.storyId, movedFrom: 2 });
    const list = JSON.parse(parallax(['list', '--library', lib, '--json']).stdout) as { stories: { id: number; versionCount: number }[] };
    expect(list.stories.map((s) => [s.id, s.versionCount])).toEqual([[first.storyId, 3]]);
  });

  it('adds to a story by name, creating it once', () => {
    const lib = newLibrary();
    const a = importJson(lib, ebike('v1-icn-wire.txt'), '--story', 'Battery recall').json;
    const b = importJson(lib, ebike('v2-consumerwatch.txt'), '--story', 'Battery recall').json;
    expect(a).toMatchObject({ storyCreated: true, storyTitle: 'Battery recall' });
    expect(b).toMatchObject({ storyCreated: false, storyId: a.storyId });
    expectOneLineError(parallax(['import', ebike('v3-lindgard-morning-post.txt'), '--story', '99', '--library', lib]), /story 99 does not exist/);
  });

  it('fails a bad file among good ones: a row naming it, exit 3', () => {
    const lib = newLibrary();
    const dir = join(tmp, 'mixed');
    mkdirSync(dir);
    copyFileSync(ebike('v1-icn-wire.txt'), join(dir, 'a.txt'));
    writeFileSync(join(dir, 'b.pdf'), 'this is not a PDF');
    copyFileSync(HTML, join(dir, 'c.html'));
    const { run, json } = importJson(lib, dir);
    expect(run.status).toBe(3);
    expect(json.results.map((r) => r.status)).toEqual(['added', 'failed', 'added']);
    expect(json.results[1]!.error).toBe(`${join(dir, 'b.pdf')}: is named .pdf but is not a PDF (no %PDF- header)`);
    expect(run.stderr).toContain(`[2/3] failed: ${join(dir, 'b.pdf')}: is named .pdf`);
  });

  it('stops cleanly on Ctrl-C: what was added is reported and kept, exit 130', async () => {
    const lib = newLibrary();
    const dir = join(tmp, 'many');
    mkdirSync(dir);
    for (let n = 0; n < 300; n++) writeFileSync(join(dir, `f${String(n).padStart(3, '0')}.txt`), `Report ${n}\n\nCrews cleared ${n + 13} trees after the storm in Lindgard on Monday.\n`);
    const child = spawn(process.execPath, [BIN, 'import', dir, '--library', lib, '--json'], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('[5/300]') && child.signalCode === null && !child.killed) child.kill('SIGINT');
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(status).toBe(130);
    const json = JSON.parse(stdout) as ImportJson;
    expect(json.stopped).toMatchObject({ code: 'aborted' });
    expect(json.results.length).toBeLessThan(300);
    const db = new Database(lib, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM versions').pluck().get()).toBe(json.counts.added);
    db.close();
  });
});

describe('parallax list / search / compare --story', () => {
  const lib = () => {
    const path = newLibrary();
    importJson(path, join(STORIES, 'port-strike'));
    importJson(path, HTML);
    return path;
  };

  it('lists stories with their versions, as a table and as JSON', () => {
    const path = lib();
    const json = JSON.parse(parallax(['list', '--library', path, '--json']).stdout);
    expect(json).toMatchObject({ schema: 'parallax.list/1', page: 1, pages: 1, total: 2 });
    expect(json.stories[0]).toMatchObject({ id: 2, title: 'Harbour wall fails as storm floods Eastmere', versionCount: 1, outlets: ['The Coastal Ledger'] });
    expect(json.stories[0].versions[0]).toMatchObject({ id: 6, storyId: 2, sourceName: 'article.html', outlet: { name: 'The Coastal Ledger' } });
    expect(json.stories[1].versions.map((v: { id: number }) => v.id)).toEqual([1, 2, 3, 4, 5]);
    const table = lines(parallax(['list', '--library', path]).stdout);
    expect(table[0]).toBe('Stories 1–2 of 2');
    expect(table[1]).toMatch(/^STORY\s+VERSION\s+TITLE\s+OUTLET\s+FILE$/);
    expect(table[2]).toMatch(/^\s*2\s+Harbour wall fails as storm floods Eastmere\s+1 version: The Coastal Ledger$/);
    expect(table[3]).toMatch(/^\s*2\s+6\s+· Harbour wall fails.*\s+The Coastal Ledger\s+article\.html$/);
    expect(lines(parallax(['list', '--library', path, '--page', '2']).stdout)[0]).toMatch(/^There is no page 2/);
  });

  it('searches with ranked snippets and filters', () => {
    const path = lib();
    const json = JSON.parse(parallax(['search', 'harbour', 'wall', '--library', path, '--json']).stdout);
    expect(json).toMatchObject({ schema: 'parallax.search/1', query: 'harbour wall', total: 1, totalIsExact: true, order: 'relevance' });
    expect(json.hits[0]).toMatchObject({ versionId: 6, storyId: 2, outlet: 'The Coastal Ledger' });
    expect(json.hits[0].snippet.some((p: { match: boolean; text: string }) => p.match && /harbour/i.test(p.text))).toBe(true);
    const text = parallax(['search', 'harbour wall', '--library', path]).stdout;
    expect(text).toMatch(/^1 version matches harbour wall \(best first\)\n\n1\. version #6 of story #2 /);
    expect(text).toMatch(/\[Harbour\] \[wall\]/i);
    expect(JSON.parse(parallax(['search', 'strike', '--outlet', 'cps', '--library', path, '--json']).stdout).hits.map((h: { versionId: number }) => h.versionId)).toEqual([1]);
    expect(JSON.parse(parallax(['search', 'harbour', '--from', '2024-03-06', '--library', path, '--json']).stdout).total).toBe(0);
    expectOneLineError(parallax(['search', 'strike', '--outlet', 'Nobody', '--library', path]), /no outlet is named 'Nobody'/);
    expectOneLineError(parallax(['search', 'strike', '--from', 'yesterday', '--library', path]), /--from must be a date/, 2);
  });

  it('compares a story through the analysis cache, in every format', () => {
    const path = lib();
    const first = parallax(['compare', '--story', '1', '--library', path]);
    expect(first.status).toBe(0);
    const result = compareResultSchema.parse(JSON.parse(first.stdout));
    expect(result.versions.map((v) => v.label)).toEqual(['CPS', 'Dockworkers strike at Port of Valmora over terminal automation plan', expect.any(String), expect.any(String), expect.any(String)]);
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM analysis_cache WHERE story_id = 1').pluck().get()).toBe(1);
    db.close();
    expect(parallax(['compare', '--story', '1', '--library', path]).stdout).toBe(first.stdout);
    expect(parallax(['compare', '--story', '1', '--format', 'md', '--library', path]).stdout).toMatch(/^# Parallax comparison/);
    const out = join(tmp, 'story.html');
    expect(parallax(['compare', '--story', '1', '--base', '2', '--format', 'html', '--out', out, '--library', path]).status).toBe(0);
    expect(existsSync(out)).toBe(true);
    expectOneLineError(parallax(['compare', '--story', '2', '--library', path]), /story 2 has only 1 version; a comparison needs at least 2/);
    expectOneLineError(parallax(['compare', '--story', '9', '--library', path]), /story 9 does not exist/);
  });
});

describe('parallax backup / export-library / import-library', () => {
  it('round-trips chosen stories through a portable file', () => {
    const source = newLibrary();
    importJson(source, join(STORIES, 'port-strike'));
    importJson(source, join(STORIES, 'ebike-recall'));
    const backup = JSON.parse(parallax(['backup', '--library', source, '--json']).stdout);
    expect(existsSync(backup.path)).toBe(true);

    const file = join(tmp, 'export.parallax');
    const exported = parallax(['export-library', '--out', file, '--story', '2', '--library', source]);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toMatch(/^Exported 1 story \(4 versions, 0 annotations\) to /);

    const target = newLibrary();
    const imported = JSON.parse(parallax(['import-library', file, '--library', target, '--json']).stdout);
    expect(imported).toMatchObject({ schema: 'parallax.import-library/1', storiesCreated: 1, versionsAdded: 4, fingerprinted: 4 });
    const list = JSON.parse(parallax(['list', '--library', target, '--json']).stdout);
    expect(list.stories.map((s: { title: string; versionCount: number }) => [s.title, s.versionCount])).toEqual([['Voltera recalls 86,000 e-bike batteries after reports of fires', 4]]);
    // Imported versions were fingerprinted: a fifth version is recognised.
    const again = importJson(target, join(STORIES, 'ebike-recall'));
    expect(again.json.counts).toEqual({ added: 0, duplicate: 4, failed: 0 });
    expect(JSON.parse(parallax(['import-library', file, '--library', target, '--json']).stdout)).toMatchObject({ versionsAdded: 0, versionsDuplicate: 4 });
  });

  it('refuses what it cannot do in one line, writing nothing', () => {
    const missing = join(tmp, 'nowhere', 'library.sqlite');
    expectOneLineError(parallax(['list', '--library', join(tmp, 'none.sqlite')]), /none\.sqlite: there is no library here yet/);
    expectOneLineError(parallax(['import-library', join(tmp, 'nope.parallax'), '--library', join(tmp, 'fresh.sqlite')]), /nope\.parallax: no such file/);
    expect(existsSync(join(tmp, 'fresh.sqlite'))).toBe(false);
    expectOneLineError(parallax(['import', HTML, '--library', missing]), /the folder does not exist/);
    const notLibrary = join(tmp, 'not-a-library.txt');
    writeFileSync(notLibrary, 'plain text');
    expectOneLineError(parallax(['import-library', notLibrary, '--library', newLibrary()]), /not-a-library\.txt: is not a Parallax library file/);
    expectOneLineError(parallax(['export-library', '--library', newLibrary()]), /export-library needs --out FILE/, 2);
    expectOneLineError(parallax(['list', '--json=yes']), /--json takes no value/, 2);
  });
});

describe('the library file', () => {
  it.runIf(process.platform === 'linux')('defaults to $XDG_CONFIG_HOME/Parallax/library.sqlite', () => {
    const config = join(tmp, 'xdg');
    const { json } = { json: JSON.parse(parallax(['import', HTML, '--json'], { XDG_CONFIG_HOME: config }).stdout) as ImportJson };
    expect(json.library).toBe(join(config, 'Parallax', 'library.sqlite'));
    expect(existsSync(json.library)).toBe(true);
  });

  it('says on stderr when a damaged library was moved aside and replaced', () => {
    const path = newLibrary();
    importJson(path, HTML);
    // Not a SQLite file any more (a bad sync tool, a disk error).
    writeFileSync(path, Buffer.alloc(4096, 0x41));
    const run = parallax(['list', '--library', path, '--json']);
    expect(run.status).toBe(0);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(lines(run.stderr)[0]).toMatch(/^parallax: .*library\.sqlite: the library file is damaged \(the file does not start with a SQLite header\); it was moved to .*library\.sqlite\.damaged-.* and a new, empty library was started$/);
    expect(JSON.parse(run.stdout).total).toBe(0);
  });
});
