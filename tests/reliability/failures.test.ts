// The built `parallax import` against real failures of the machine, where
// tests/library/* covers the library API with stand-ins: there, a full disk is
// `PRAGMA max_page_count` on the test's own connection, a lock is a second
// connection in the same process (or a process holding the lock at open
// time) and read-only is the API's `readonly` open. Here:
//
// - a full disk is a real 2 MB tmpfs (root only; otherwise the API with
//   max_page_count, because the pragma is per connection and the command
//   line's own connection cannot be capped from outside — said in the output);
// - the write lock is held by another process, taken while the import runs;
// - a read-only library is a file the system refuses to write: `chattr +i`,
//   file and folder permissions (as user nobody when the tests run as root,
//   for whom permissions do not apply), and a read-only bind mount.
//
// Each time: a clear one-line error naming the library, an exit status ≠ 0,
// every file acknowledged before it present and whole, nothing half-written
// (helpers.inspectLibrary), and the library usable again once the cause is gone.
//
// Two gaps are recorded with it.fails (they pass while the gap exists and
// fail once it is fixed, as a reminder to make them plain tests): a library on
// a completely full disk cannot be opened at all and the error is a raw
// "SqliteError: disk I/O error"; and a library on a read-only mount is
// reported as "cannot be opened (missing, or its folder is not accessible)".
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../electron/library/index';
import { importPaths } from '../../electron/library/import-files';
import { articleCode, inspectLibrary, lines, parallax, parseProgress, readExpected, requireBuiltCli, ROOT, sha256, writeArticles } from './helpers';
import type { CliRun, Expected } from './helpers';

const SEED = 20_251_123;
const codeOf = (name: string) => articleCode(Number(/^f(\d+)\.txt$/.exec(name)![1]));

let base: string;
const mounts: string[] = [];

/** Whether this process may mount file systems (root on Linux), probed once with a tiny tmpfs. */
const MOUNT = ((): { ok: boolean; why: string } => {
  if (process.platform !== 'linux') return { ok: false, why: `${process.platform}: no tmpfs` };
  const dir = mkdtempSync(join(tmpdir(), 'parallax-mount-probe-'));
  try {
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { encoding: 'utf8' });
    if (mounted.status !== 0) return { ok: false, why: (mounted.stderr || mounted.error?.message || `exit ${mounted.status}`).trim().split('\n')[0]! };
    spawnSync('umount', [dir]);
    return { ok: true, why: '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();

beforeAll(() => {
  requireBuiltCli();
  base = mkdtempSync(join(tmpdir(), 'parallax-failures-'));
  // Traversable by user nobody (the permission tests run the command as nobody when root).
  chmodSync(base, 0o755);
});

afterAll(() => {
  for (const dir of mounts.splice(0).reverse()) unmount(dir);
  if (base) rmSync(base, { recursive: true, force: true });
});

function run(command: string, args: string[]): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return { ok: result.status === 0, output: (result.stderr || result.stdout || result.error?.message || `exit ${result.status}`).trim() };
}

/** Mounts a tmpfs of `size` at `dir`; returns why not, or null when mounted. */
function mountTmpfs(dir: string, size: string): string | null {
  if (process.platform !== 'linux') return `${process.platform} has no tmpfs mount`;
  mkdirSync(dir, { recursive: true });
  const result = run('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir]);
  if (!result.ok) return `mount -t tmpfs failed: ${result.output}`;
  mounts.push(dir);
  return null;
}

function unmount(dir: string): void {
  const index = mounts.indexOf(dir);
  if (index >= 0) mounts.splice(index, 1);
  if (!run('umount', [dir]).ok) run('umount', ['-l', dir]);
}

/** What an uninterrupted import stores for each file of `dir` (a reference library beside it). */
async function reference(dir: string): Promise<{ expected: Map<string, Expected>; byName: Map<string, Expected> }> {
  const library = join(`${dir}-reference`, 'library.sqlite');
  mkdirSync(join(library, '..'), { recursive: true });
  const done = await parallax(['import', dir, '--library', library, '--json']);
  expect(done.status, done.stderr.slice(-300)).toBe(0);
  const expected = readExpected(library, codeOf);
  return { expected, byName: new Map([...expected.values()].map((e) => [e.name, e])) };
}

interface ImportJson {
  results: { path: string; status: string; error?: string }[];
  counts: { added: number; duplicate: number; failed: number };
  stopped: { code: string; message: string } | null;
}

/** The import stopped by a library failure: exit 1, a last stderr line saying why, the JSON result so far. */
function expectStopped(done: CliRun, code: string, reason: string, library: string): ImportJson {
  expect(done.status, done.stderr.slice(-300)).toBe(1);
  expect(lines(done.stderr).at(-1)).toBe(`parallax: stopped: ${library}: ${reason}`);
  const json = JSON.parse(done.stdout) as ImportJson;
  expect(json.stopped).toEqual({ code, message: `${library}: ${reason}` });
  // The file in hand when it happened is the one failed row, and it says why.
  expect(json.results.at(-1)).toMatchObject({ status: 'failed', error: expect.stringContaining(`: not added: ${library}: ${reason}`) });
  expect(json.counts.failed).toBe(1);
  return json;
}

/** One error line on stderr, nothing on stdout, exit 1. */
function expectOneLineError(done: CliRun): void {
  expect(done.status).toBe(1);
  expect(done.stdout).toBe('');
  expect(lines(done.stderr)).toHaveLength(1);
  expect(done.stderr).toMatch(/^parallax: \S/);
}

/** Every acknowledged file present, every version whole, the file sound; returns the inspection. */
function expectIntact(library: string, expected: Map<string, Expected>, byName: Map<string, Expected>, acknowledged: string[]) {
  const found = inspectLibrary(library, expected);
  expect(found.integrity).toEqual(['ok']);
  expect(found.problems).toEqual([]);
  expect(found.halfImported).toBe(0);
  for (const path of acknowledged) expect(found.hashes.has(byName.get(basename(path))!.hash), `${path} acknowledged but missing`).toBe(true);
  return found;
}

const fileHash = (path: string) => sha256(readFileSync(path, 'latin1'));

describe('a full disk', () => {
  let files: string;
  let ref: Awaited<ReturnType<typeof reference>>;

  beforeAll(async () => {
    // ~6 KB articles: a 2 MB file system holds a few dozen versions.
    files = join(base, 'big');
    writeArticles(files, SEED, 200, 40);
    ref = await reference(files);
  }, 60_000);

  it('stops the import with disk-full, keeps every earlier version readable, and resumes once there is room', async () => {
    const mount = join(base, 'full');
    const why = MOUNT.ok ? mountTmpfs(mount, '2m') : MOUNT.why;
    if (why !== null) {
      // Fallback: the same run through the library API, SQLite capped by max_page_count.
      console.log(`failures: no real full disk (${why}); fell back to PRAGMA max_page_count through the library API`);
      const library = join(base, 'capped.sqlite');
      const { library: lib } = await Library.open(library);
      lib.db.pragma(`max_page_count = ${(lib.db.pragma('page_count', { simple: true }) as number) + 200}`);
      const acked: string[] = [];
      const result = await importPaths(lib, [files], { onProgress: (_d, _t, r) => r.status === 'added' && acked.push(r.path) });
      lib.close();
      expect(result.stopped).toMatchObject({ code: 'disk-full' });
      expect(acked.length).toBeGreaterThan(2);
      expect(expectIntact(library, ref.expected, ref.byName, acked).versions).toBe(acked.length);
      return;
    }
    const library = join(mount, 'library.sqlite');
    try {
      const done = await parallax(['import', files, '--library', library, '--json']);
      const json = expectStopped(done, 'disk-full', 'the disk is full; the last change was not saved', library);
      const acked = parseProgress(done.stderr).acknowledged;
      // The disk filled up part-way: files went in before it did, not all of them.
      expect(json.counts.added).toBe(acked.length);
      expect(acked.length).toBeGreaterThan(2);
      expect(acked.length).toBeLessThan(200);
      // It really is full: what is left would not hold another version.
      expect(Number(run('df', ['--output=avail', '-k', mount]).output.split('\n').at(-1))).toBeLessThan(100);

      // Still full: everything added is whole, and the library can be read.
      const full = expectIntact(library, ref.expected, ref.byName, acked);
      expect(full.versions).toBe(acked.length);
      const list = await parallax(['list', '--library', library, '--json']);
      expect(list.status, list.stderr).toBe(0);
      expect((JSON.parse(list.stdout) as { stories: { versionCount: number }[] }).stories.map((s) => s.versionCount)).toEqual([acked.length]);
      const last = ref.byName.get(basename(acked.at(-1)!))!;
      const search = await parallax(['search', last.code, '--library', library, '--json']);
      expect(search.status, search.stderr).toBe(0);
      expect((JSON.parse(search.stdout) as { total: number }).total).toBe(1);
      console.log(`failures: 2 MB tmpfs filled after ${acked.length} of 200 files; disk-full reported, ${full.versions} versions intact and readable`);

      // Room again: the same import finishes, the earlier files being duplicates.
      expect(run('mount', ['-o', 'remount,size=32m', mount]).ok).toBe(true);
      const resumed = await parallax(['import', files, '--library', library, '--json']);
      expect(resumed.status, resumed.stderr.slice(-300)).toBe(0);
      expect((JSON.parse(resumed.stdout) as ImportJson).counts).toEqual({ added: 200 - acked.length, duplicate: acked.length, failed: 0 });
      expect(expectIntact(library, ref.expected, ref.byName, []).versions).toBe(200);
    } finally {
      unmount(mount);
    }
  });

  describe.skipIf(!MOUNT.ok)('before the library can even be opened', () => {
    // A library closed cleanly (no -wal, no -shm), then the disk filled by something else.
    let mount: string;
    let library: string;
    let before: string;
    let runs: { list: CliRun; import: CliRun } | null = null;

    beforeAll(async () => {
      mount = join(base, 'full-at-open');
      const why = mountTmpfs(mount, '2m');
      if (why !== null) throw new Error(why);
      library = join(mount, 'library.sqlite');
      const first = await parallax(['import', ...['f00000.txt', 'f00001.txt', 'f00002.txt'].map((f) => join(files, f)), '--library', library, '--json']);
      expect(first.status, first.stderr).toBe(0);
      expect(existsSync(`${library}-shm`)).toBe(false);
      before = fileHash(library);
      const filler = openSync(join(mount, 'filler'), 'w');
      const block = Buffer.alloc(64 * 1024, 0x41);
      try {
        for (;;) writeSync(filler, block);
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
      } finally {
        closeSync(filler);
      }
      // Fill the last partial block too.
      const tail = openSync(join(mount, 'filler-tail'), 'w');
      try {
        for (;;) writeSync(tail, Buffer.alloc(512));
      } catch {
        // Full to the last byte.
      } finally {
        closeSync(tail);
      }
      runs = {
        list: await parallax(['list', '--library', library, '--json']),
        import: await parallax(['import', join(files, 'f00003.txt'), '--library', library, '--json']),
      };
    }, 60_000);

    afterAll(() => {
      if (mounts.includes(mount)) unmount(mount);
    });

    it('fails in one line, changes nothing, and opens normally once there is room', async () => {
      if (runs === null) throw new Error('the set-up did not run');
      expectOneLineError(runs.list);
      expectOneLineError(runs.import);
      expect(fileHash(library)).toBe(before);
      rmSync(join(mount, 'filler'));
      rmSync(join(mount, 'filler-tail'));
      const list = await parallax(['list', '--library', library, '--json']);
      expect(list.status, list.stderr).toBe(0);
      expect(list.stderr).toBe('');
      expect((JSON.parse(list.stdout) as { stories: { versionCount: number }[] }).stories.map((s) => s.versionCount)).toEqual([3]);
      expectIntact(library, ref.expected, ref.byName, []);
    });

    // KNOWN GAP: WAL mode must create the 32 KB -shm file to open the library;
    // on a full disk SQLite answers SQLITE_IOERR_SHMSIZE, which errors.ts does
    // not translate, so the user reads "SqliteError: disk I/O error" (list
    // even says "internal error") instead of being told the disk is full.
    it.fails('says the disk is full (KNOWN GAP: raw "SqliteError: disk I/O error")', () => {
      if (runs === null) throw new Error('the set-up did not run');
      for (const done of [runs.list, runs.import]) {
        expect(done.stderr).toMatch(/disk is full/);
        expect(done.stderr.startsWith(`parallax: ${library}: `)).toBe(true);
      }
    });
  });
});

/** A process of its own holding the library's write lock on request (better-sqlite3, like any other SQLite program). */
class LockHolder {
  private readonly child: ChildProcessByStdio<Writable, Readable, null>;
  private output = '';

  constructor(library: string, mode: 'immediate' | 'exclusive') {
    const take =
      mode === 'exclusive' ? "db.pragma('locking_mode = EXCLUSIVE'); db.exec('BEGIN EXCLUSIVE');" : "db.exec('BEGIN IMMEDIATE');";
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(${JSON.stringify(library)}, { timeout: 20000 });
      process.stdout.write('open\\n');
      process.stdin.setEncoding('utf8').on('data', (line) => {
        if (line.includes('lock')) { ${take} process.stdout.write('locked\\n'); }
        if (line.includes('release')) { db.exec('ROLLBACK'); db.close(); process.exit(0); }
      });`;
    this.child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
  }

  private waitFor(word: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.output.includes(`${word}\n`)) {
          this.child.stdout.off('data', check);
          this.child.off('exit', exited);
          resolve();
        }
      };
      const exited = (code: number | null) => reject(new Error(`the lock holder exited (${code}) before '${word}'`));
      this.child.stdout.on('data', check);
      this.child.once('exit', exited);
      check();
    });
  }

  opened(): Promise<void> {
    return this.waitFor('open');
  }

  lock(): Promise<void> {
    this.child.stdin.write('lock\n');
    return this.waitFor('locked');
  }

  release(): Promise<void> {
    if (this.child.exitCode !== null) return Promise.resolve();
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin.write('release\n');
    return exited;
  }
}

describe('another process holding the write lock', () => {
  const LOCKED = 'the library is in use by another program (is Parallax already running?); try again';
  let files: string;
  let ref: Awaited<ReturnType<typeof reference>>;

  beforeAll(async () => {
    files = join(base, 'small');
    writeArticles(files, SEED + 1, 400);
    ref = await reference(files);
  }, 60_000);

  it('taken while the import runs: stops with locked after the busy timeout, nothing half-written, then resumes', async () => {
    const library = join(base, 'locked-mid-run', 'library.sqlite');
    mkdirSync(join(library, '..'));
    // The library exists before the run, so the other program can have it open already.
    expect((await parallax(['import', join(files, 'f00000.txt'), '--library', library, '--json'])).status).toBe(0);
    const holder = new LockHolder(library, 'immediate');
    try {
      await holder.opened();
      let asked = false;
      let lockedAt = 0;
      const started = performance.now();
      const done = await parallax(['import', files, '--library', library, '--json'], {
        onStderr: (text) => {
          if (!asked && text.includes('[20/400]')) {
            asked = true;
            void holder.lock().then(() => (lockedAt = performance.now() - started));
          }
        },
      });
      expect(lockedAt).toBeGreaterThan(0);
      const json = expectStopped(done, 'locked', LOCKED, library);
      // It waited out the busy timeout (5 s) before giving up, rather than failing at once.
      expect(done.ms - lockedAt).toBeGreaterThan(4000);
      const acked = parseProgress(done.stderr).acknowledged;
      expect(acked.length).toBeGreaterThanOrEqual(20);
      expect(acked.length).toBeLessThan(400);
      expect(json.counts.added + json.counts.duplicate).toBe(acked.length);
      // Checked while the other program still holds the lock: WAL readers are not blocked.
      const found = expectIntact(library, ref.expected, ref.byName, acked);
      expect(found.versions).toBe(1 + json.counts.added);
      console.log(`failures: write lock taken by another process after ${acked.length} of 400 files; import stopped with 'locked' after ${((done.ms - lockedAt) / 1000).toFixed(1)} s, ${found.versions} versions intact`);
    } finally {
      await holder.release();
    }
    const resumed = await parallax(['import', files, '--library', library, '--json']);
    expect(resumed.status, resumed.stderr.slice(-300)).toBe(0);
    expect(expectIntact(library, ref.expected, ref.byName, []).versions).toBe(400);
  });

  it('held exclusively before the import starts: one line, exit 1, library unchanged', async () => {
    const library = join(base, 'locked-at-open', 'library.sqlite');
    mkdirSync(join(library, '..'));
    expect((await parallax(['import', join(files, 'f00000.txt'), '--library', library, '--json'])).status).toBe(0);
    const holder = new LockHolder(library, 'exclusive');
    const done = await (async () => {
      try {
        await holder.opened();
        await holder.lock();
        return await parallax(['import', files, '--library', library, '--json']);
      } finally {
        await holder.release();
      }
    })();
    expectOneLineError(done);
    expect(done.stderr).toBe(`parallax: ${library}: ${LOCKED}\n`);
    expect(expectIntact(library, ref.expected, ref.byName, []).versions).toBe(1);
  });
});

describe('a read-only library', () => {
  const READ_ONLY = 'the library is read-only; changes cannot be saved';
  let files: string;
  let ref: Awaited<ReturnType<typeof reference>>;

  beforeAll(async () => {
    files = join(base, 'few');
    writeArticles(files, SEED + 2, 6);
    chmodSync(files, 0o755);
    ref = await reference(files);
  }, 60_000);

  /** A library in `dir` holding the first three files, closed cleanly. */
  async function libraryIn(dir: string): Promise<string> {
    mkdirSync(dir, { recursive: true });
    const library = join(dir, 'library.sqlite');
    const done = await parallax(['import', ...['f00000.txt', 'f00001.txt', 'f00002.txt'].map((f) => join(files, f)), '--library', library, '--json']);
    expect(done.status, done.stderr).toBe(0);
    return library;
  }

  it('immutable (chattr +i): stopped with read-only, unchanged, still readable', async (context) => {
    const library = await libraryIn(join(base, 'immutable'));
    const before = fileHash(library);
    const set = process.platform === 'linux' ? run('chattr', ['+i', library]) : { ok: false, output: 'not Linux' };
    if (!set.ok) {
      console.log(`failures: chattr +i not available (${set.output})`);
      context.skip();
      return;
    }
    try {
      const done = await parallax(['import', files, '--library', library, '--json']);
      expectStopped(done, 'read-only', READ_ONLY, library);
      const list = await parallax(['list', '--library', library, '--json']);
      expect(list.status, list.stderr).toBe(0);
    } finally {
      run('chattr', ['-i', library]);
    }
    expect(fileHash(library)).toBe(before);
    expect(expectIntact(library, ref.expected, ref.byName, []).versions).toBe(3);
  });

  it('a folder and file the user may not write (chmod 555 / 444): one line, exit 1, unchanged', async (context) => {
    const dir = join(base, 'no-permission');
    const library = await libraryIn(dir);
    const before = fileHash(library);
    // Permissions do not bind root: run the command as nobody then.
    const asRoot = process.getuid?.() === 0;
    const nobody = asRoot ? Number(run('id', ['-u', 'nobody']).output) : NaN;
    const group = asRoot ? Number(run('id', ['-g', 'nobody']).output) : NaN;
    if (asRoot && !(Number.isInteger(nobody) && Number.isInteger(group))) {
      console.log('failures: no user nobody to run as; permissions not tested');
      context.skip();
      return;
    }
    chmodSync(library, 0o444);
    chmodSync(dir, 0o555);
    try {
      const as = asRoot ? { uid: nobody, gid: group, env: { HOME: dir } } : {};
      const done = await parallax(['import', files, '--library', library, '--json'], as);
      expectOneLineError(done);
      expect(done.stderr).toBe(`parallax: ${library}: ${READ_ONLY}\n`);
    } finally {
      chmodSync(dir, 0o755);
      chmodSync(library, 0o644);
    }
    expect(fileHash(library)).toBe(before);
    expect(expectIntact(library, ref.expected, ref.byName, []).versions).toBe(3);
  });

  describe.skipIf(!MOUNT.ok)('on a read-only mount', () => {
    let library: string;
    let before: string;
    let done: CliRun | null = null;
    let mount: string;

    beforeAll(async () => {
      const source = join(base, 'mount-source');
      const original = await libraryIn(source);
      before = fileHash(original);
      mount = join(base, 'read-only-mount');
      mkdirSync(mount);
      const bound = run('mount', ['--bind', source, mount]);
      if (!bound.ok) throw new Error(`mount --bind failed: ${bound.output}`);
      mounts.push(mount);
      const ro = run('mount', ['-o', 'remount,bind,ro', mount]);
      if (!ro.ok) throw new Error(`remount read-only failed: ${ro.output}`);
      library = join(mount, 'library.sqlite');
      done = await parallax(['import', files, '--library', library, '--json']);
    }, 60_000);

    afterAll(() => {
      if (mounts.includes(mount)) unmount(mount);
    });

    it('fails in one line, exit 1, unchanged', () => {
      if (done === null) throw new Error('the set-up did not run');
      expectOneLineError(done);
      expect(done.stderr).toContain(library);
      expect(fileHash(library)).toBe(before);
    });

    // KNOWN GAP: with the folder read-only, WAL mode cannot create the -shm
    // file; SQLite answers SQLITE_CANTOPEN from the first pragma, which
    // errors.ts translates as not-found ("the file cannot be opened (missing,
    // or its folder is not accessible)") — the file is there, it is read-only.
    // (Reading fails the same way: `parallax list` cannot open it either.)
    it.fails('says the library is read-only (KNOWN GAP: "cannot be opened (missing, …)")', () => {
      if (done === null) throw new Error('the set-up did not run');
      expect(done.stderr).toBe(`parallax: ${library}: ${READ_ONLY}\n`);
    });
  });
});
