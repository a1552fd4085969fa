// End-to-end tests of the BUILT command line (dist/cli.js via bin/parallax.js),
// spawned the way a user runs it. `npm test` builds it first (pretest); when
// running vitest directly, run `node scripts/build-cli.mjs` before.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBytes } from '../../electron/import/decode';
import { ENGINE_VERSION } from '../../shared/engine/compare';
import { compareResultSchema } from '../../shared/engine/schema';
import type { CompareResult } from '../../shared/engine/types';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/parallax.js');
const FIXTURES = join(ROOT, 'tests/fixtures/cli');
const HARBOUR = ['harbour-wire.txt', 'harbour-daily.md', 'harbour-gazette.txt'].map((f) => join(FIXTURES, f));
const MARKUP = ['markup-a.txt', 'markup-b.txt'].map((f) => join(FIXTURES, f));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function parallax(...args: string[]): Run {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function stderrLines(run: Run): string[] {
  return run.stderr.split('\n').filter((line) => line !== '');
}

/** Schema-valid, and every span's text is exactly that slice of its decoded file. */
function checkResult(json: unknown, files: string[]): CompareResult {
  const result = compareResultSchema.parse(json) as CompareResult;
  expect(result.versions.map((v) => v.source)).toEqual(files);
  result.versions.forEach((version, k) => {
    const decoded = decodeBytes(readFileSync(files[k]!), files[k]!).text;
    for (const sentence of version.sentences) {
      expect(sentence.text).toBe(decoded.slice(sentence.start, sentence.end));
      for (const fact of sentence.facts) expect(fact.text).toBe(decoded.slice(fact.start, fact.end));
    }
    for (const removed of version.removed) expect(removed.text).toBe(decoded.slice(removed.start, removed.end));
  });
  // Documented invariants: every sentence of a pair's side is in one link or in onlyA/onlyB,
  // and every fact row has a cell for every version.
  const ids = new Map(result.versions.map((v) => [v.id, v.sentences.map((s) => s.id).sort()]));
  for (const pair of result.pairs) {
    expect([...pair.links.flatMap((l) => l.a), ...pair.onlyA].sort()).toEqual(ids.get(pair.a));
    expect([...pair.links.flatMap((l) => l.b), ...pair.onlyB].sort()).toEqual(ids.get(pair.b));
  }
  for (const row of result.facts) expect(Object.keys(row.cells).sort()).toEqual([...ids.keys()].sort());
  const pairKeys = result.pairs.map((p) => [p.a, p.b].sort().join('|')).sort();
  const expected = result.versions.flatMap((a, i) => result.versions.slice(i + 1).map((b) => [a.id, b.id].sort().join('|'))).sort();
  expect(pairKeys).toEqual(expected);
  return result;
}

let tmp: string;

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `node scripts/build-cli.mjs` first');
  tmp = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** A fresh empty folder inside the test's temp dir. */
function folder(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('parallax --help / --version / usage errors', () => {
  it('prints usage, documenting --base as 1-based', () => {
    const run = parallax('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('parallax compare FILE FILE...');
    expect(run.stdout).toContain('parallax batch DIR');
    expect(run.stdout).toMatch(/--base N[\s\S]*counted from 1/);
  });

  it('prints the app and engine versions', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const run = parallax('--version');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(`parallax ${version} (engine ${ENGINE_VERSION})`);
  });

  it.each([
    ['no command', []],
    ['unknown command', ['frobnicate']],
    ['unknown flag', ['compare', ...HARBOUR, '--colour']],
    ['bad --format', ['compare', ...HARBOUR, '--format', 'pdf']],
    ['--base 0', ['compare', ...HARBOUR, '--base', '0']],
    ['--base past the last file', ['compare', ...HARBOUR, '--base', '4']],
    ['flag of the other command', ['batch', FIXTURES, '--format', 'md']],
  ])('%s: one line with a usage hint, exit 2', (_name, args) => {
    const run = parallax(...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(stderrLines(run)).toHaveLength(1);
    expect(run.stderr).toMatch(/^parallax: .*parallax --help/);
  });
});

describe('parallax compare', () => {
  it('prints schema-valid JSON whose offsets index the decoded files', () => {
    const run = parallax('compare', ...HARBOUR);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const result = checkResult(JSON.parse(run.stdout), HARBOUR);
    expect(result.versions.map((v) => v.label)).toEqual(['harbour-wire', 'harbour-daily', 'harbour-gazette']);
    expect(result.engine.options.base).toBe(0);
  });

  it('maps the 1-based --base to the 0-based engine option', () => {
    const result = checkResult(JSON.parse(parallax('compare', ...HARBOUR, '--base', '2').stdout), HARBOUR);
    expect(result.engine.options.base).toBe(1);
  });

  it('reads UTF-8 with BOM, UTF-16 LE/BE with and without BOM and Windows-1252, offsets without the BOM', () => {
    const dir = folder('encodings');
    const text = readFileSync(HARBOUR[0]!, 'utf8');
    const variants: [string, Buffer][] = [
      ['utf8-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
      ['utf16le-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')])],
      ['utf16be.txt', iconv.encode(text, 'utf16be')],
      ['cp1252.txt', iconv.encode(text, 'windows-1252')],
    ];
    const files = variants.map(([name, bytes]) => {
      writeFileSync(join(dir, name), bytes);
      return join(dir, name);
    });
    const run = parallax('compare', ...files);
    expect(run.status).toBe(0);
    const result = checkResult(JSON.parse(run.stdout), files);
    // Same text in every encoding: the same sentences at the same offsets.
    const spans = result.versions.map((v) => v.sentences.map((s) => [s.start, s.end, s.text]));
    for (const other of spans.slice(1)) expect(other).toEqual(spans[0]);
  });

  it('renders a Markdown report with escaped article text', () => {
    const run = parallax('compare', ...MARKUP, '--format', 'md');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^# Parallax comparison/);
    for (const heading of ['## Versions', '## Facts', '## Provenance', '## Removed page chrome']) expect(run.stdout).toContain(heading);
    expect(run.stdout).toContain('markup-a');
    // Every "<" from the article is backslash-escaped, so no renderer sees a tag.
    expect(run.stdout).not.toMatch(/(^|[^\\])</m);
    expect(run.stdout).toContain('\\<img src=x onerror=alert(2)\\>');
  });

  it('renders a self-contained, script-free HTML report with every article string escaped', () => {
    const run = parallax('compare', ...MARKUP, '--format', 'html');
    expect(run.status).toBe(0);
    const html = run.stdout;
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).not.toMatch(/<script|<img|<b>|onerror=alert\(2\)>|<link|src="http/i);
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('&amp;');
  });

  it('writes --out atomically: same bytes as stdout, no temp file left behind', () => {
    const dir = folder('out-ok');
    const out = join(dir, 'report.html');
    const run = parallax('compare', ...HARBOUR, '--format', 'html', '--out', out);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(parallax('compare', ...HARBOUR, '--format', 'html').stdout);
    expect(readdirSync(dir)).toEqual(['report.html']);
  });

  it('leaves an existing --out file untouched when the compare fails', () => {
    const dir = folder('out-keep');
    const out = join(dir, 'result.json');
    writeFileSync(out, 'previous result');
    const run = parallax('compare', HARBOUR[0]!, join(dir, 'missing.txt'), '--out', out);
    expect(run.status).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('previous result');
    expect(readdirSync(dir)).toEqual(['result.json']);
  });
});

describe('parallax compare: bad input gets one line, a non-zero exit and no output', () => {
  const cases: [string, (dir: string) => string[], RegExp][] = [
    ['a missing path', (dir) => [HARBOUR[0]!, join(dir, 'nope.txt')], /nope\.txt: no such file$/],
    ['an empty file', (dir) => [HARBOUR[0]!, write(dir, 'empty.txt', Buffer.alloc(0))], /empty\.txt: file is empty$/],
    ['one file only', () => [HARBOUR[0]!], /needs at least 2 files/],
    ['a binary file', (dir) => [HARBOUR[0]!, write(dir, 'image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0xff]))], /image\.txt: looks like a binary file/],
    ['undecodable bytes', (dir) => [HARBOUR[0]!, write(dir, 'cyrillic.txt', iconv.encode('Президент заявил сегодня, что правительство примет меры по восстановлению порта.', 'windows-1251'))], /cyrillic\.txt: is not text in a supported encoding/],
    ['a 100 MB file', (dir) => [HARBOUR[0]!, sparse(dir, 'huge.txt', 100 * 1024 * 1024)], /huge\.txt: file is too large \(100 MB; the limit is 20 MB\)$/],
    ['a directory where a file is expected', (dir) => [HARBOUR[0]!, folderIn(dir, 'chapter')], /chapter: is a directory, not a file$/],
    ['a directory named like a text file', (dir) => [HARBOUR[0]!, folderIn(dir, 'folder.txt')], /folder\.txt: is a directory, not a file$/],
    ['an unsupported file type', (dir) => [HARBOUR[0]!, write(dir, 'page.html', Buffer.from('<p>Hello there.</p>'))], /page\.html: unsupported file type/],
  ];

  it.each(cases)('%s', (name, makeArgs, message) => {
    const dir = folder(`bad-${name.replace(/\W+/g, '-')}`);
    const files = makeArgs(dir);
    const out = join(dir, 'out.json');
    const run = parallax('compare', ...files, '--out', out);
    expect(run.status).not.toBe(0);
    expect(run.status).not.toBeNull();
    expect(stderrLines(run)).toHaveLength(1);
    expect(run.stderr).toMatch(/^parallax: \S/);
    expect(stderrLines(run)[0]).toMatch(message);
    expect(run.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('out.json'))).toEqual([]);
  });
});

function write(dir: string, name: string, bytes: Buffer): string {
  writeFileSync(join(dir, name), bytes);
  return join(dir, name);
}

/** A sparse file: costs no disk space or time, but stat() reports its full size. */
function sparse(dir: string, name: string, size: number): string {
  const path = write(dir, name, Buffer.alloc(0));
  truncateSync(path, size);
  return path;
}

function folderIn(dir: string, name: string): string {
  mkdirSync(join(dir, name));
  return join(dir, name);
}

describe('parallax batch', () => {
  let corpus: string;
  beforeAll(() => {
    corpus = makeCorpus();
  });

  function makeCorpus(): string {
    const corpus = folder('corpus');
    const story = (name: string, files: string[]): void => {
      const dir = folderIn(corpus, name);
      for (const file of files) copyFileSync(file, join(dir, file.split(/[\\/]/).pop()!));
    };
    story('a-harbour', HARBOUR);
    story('b-broken', [HARBOUR[0]!]);
    write(join(corpus, 'b-broken'), 'z-binary.txt', Buffer.from([0, 1, 2, 3, 0, 0, 0, 7, 8, 9]));
    story('c-markup', MARKUP);
    writeFileSync(join(corpus, 'notes.txt'), 'Loose files next to the story folders are ignored.');
    return corpus;
  }

  it('writes one JSON line per story in folder order; a bad story does not stop the batch', () => {
    const out = join(tmp, 'results.jsonl');
    const run = parallax('batch', corpus, '--out', out);
    expect(run.status).toBe(3);
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    const rows = lines.map((line) => JSON.parse(line) as { story: string; ok: boolean; result?: unknown; error?: string });
    expect(rows.map((r) => [r.story, r.ok])).toEqual([
      ['a-harbour', true],
      ['b-broken', false],
      ['c-markup', true],
    ]);
    checkResult(rows[0]!.result, HARBOUR.map((f) => join(corpus, 'a-harbour', f.split(/[\\/]/).pop()!)).sort());
    checkResult(rows[2]!.result, MARKUP.map((f) => join(corpus, 'c-markup', f.split(/[\\/]/).pop()!)));
    expect(rows[1]!.error).toMatch(/z-binary\.txt: looks like a binary file/);
    expect(Object.keys(rows[1]!).sort()).toEqual(['error', 'ok', 'story']);
    const progress = stderrLines(run);
    expect(progress.filter((l) => /^\[\d\/3\] /.test(l))).toHaveLength(3);
    expect(progress.at(-1)).toBe('parallax: 1 of 3 stories failed');
  });

  it('streams the same lines to stdout without --out', () => {
    const run = parallax('batch', corpus);
    expect(run.status).toBe(3);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { story: string });
    expect(lines.map((l) => l.story)).toEqual(['a-harbour', 'b-broken', 'c-markup']);
  });

  it('refuses a missing folder with one line and creates no output', () => {
    const out = join(tmp, 'never.jsonl');
    const run = parallax('batch', join(tmp, 'no-such-corpus'), '--out', out);
    expect(run.status).toBe(1);
    expect(stderrLines(run)).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });
});
