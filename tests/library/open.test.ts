// Opening the library: pragmas, creation, foreign files, and every way the
// file system can say no, each as a typed LibraryError naming the file.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { latestVersion, Library, LibraryError, openLibrary } from '../../electron/library/index';
import { article, codeOf, codeOfAsync, newLibrary, tempDir, version } from './helpers';

describe('openLibrary', () => {
  it('sets WAL, synchronous=FULL, foreign keys and a busy timeout, and checks the file', async () => {
    const dir = tempDir();
    const path = join(dir, 'library.sqlite');
    const { db, report } = await openLibrary(path, { backupDir: join(dir, 'backups') });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(report).toMatchObject({ path, readonly: false, created: true, schemaVersion: latestVersion(), upgradedFrom: null, recovery: null });
    expect(report.checkMs).toBeGreaterThan(0);
    db.close();
    const again = await openLibrary(path, { backupDir: join(dir, 'backups') });
    expect(again.report.created).toBe(false);
    again.db.close();
  });

  it('refuses a SQLite file that is not a library, and a folder', async () => {
    const dir = tempDir();
    const other = join(dir, 'other.sqlite');
    const foreign = new Database(other);
    foreign.exec('CREATE TABLE t (x)');
    foreign.close();
    expect(await codeOfAsync(() => openLibrary(other))).toBe('invalid');
    mkdirSync(join(dir, 'folder.sqlite'));
    expect(await codeOfAsync(() => openLibrary(join(dir, 'folder.sqlite')))).toBe('invalid');
  });

  it('reports a missing folder, and a missing file opened read-only, as not-found', async () => {
    const dir = tempDir();
    const error = await openLibrary(join(dir, 'nope', 'library.sqlite')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryError);
    expect(error).toMatchObject({ code: 'not-found', message: expect.stringContaining('nope') });
    expect(await codeOfAsync(() => openLibrary(join(dir, 'library.sqlite'), { readonly: true }))).toBe('not-found');
  });
});

describe('read-only', () => {
  it('reads, and refuses every write with read-only', async () => {
    const { library, path, dir } = await newLibrary();
    const { versionId, storyId } = library.versions.add(version(article(1), { title: 'Crane' }));
    library.close();
    const { library: ro, report } = await Library.open(path, { readonly: true, backupDir: join(dir, 'backups') });
    expect(report.readonly).toBe(true);
    expect(ro.versions.get(versionId)!.text).toBe(article(1));
    expect(ro.search({ text: 'crane' }).total).toBe(1);
    expect(codeOf(() => ro.versions.add(version(article(2), { id: storyId })))).toBe('read-only');
    expect(codeOf(() => ro.stories.rename(storyId, 'Other'))).toBe('read-only');
    expect(codeOf(() => ro.decisions.set(versionId, 0, false))).toBe('read-only');
    const error = (() => {
      try {
        ro.stories.create('New');
      } catch (e) {
        return e as LibraryError;
      }
    })();
    expect(error?.message).toBe(`${path}: the library is read-only; changes cannot be saved`);
    ro.close();
  });
});

describe('locked', () => {
  it('reports a write lock held by another connection as locked, and keeps the data', async () => {
    const { library, path } = await newLibrary({ busyTimeoutMs: 50 });
    const { storyId } = library.versions.add(version(article(1), { title: 'Crane' }));
    const other = new Database(path, { timeout: 0 });
    other.exec('BEGIN IMMEDIATE');
    expect(codeOf(() => library.versions.add(version(article(2), { id: storyId })))).toBe('locked');
    // Readers are not blocked by a writer in WAL mode.
    expect(library.stories.list().total).toBe(1);
    other.exec('ROLLBACK');
    other.close();
    expect(library.versions.add(version(article(2), { id: storyId })).status).toBe('added');
    library.close();
  });

  it('reports a library held exclusively by another process as locked', async () => {
    const { library, path, dir } = await newLibrary();
    library.close();
    // Another process takes the write lock and holds it until told to stop.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(path)});
         db.pragma('locking_mode = EXCLUSIVE'); db.exec('BEGIN EXCLUSIVE');
         process.stdout.write('locked\\n'); process.stdin.on('data', () => { db.exec('ROLLBACK'); db.close(); process.exit(0); });`,
      ],
      { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      holder.stdout.once('data', () => resolve());
      holder.once('exit', (code) => reject(new Error(`lock holder exited early (${code})`)));
    });
    try {
      const error = await openLibrary(path, { busyTimeoutMs: 100, backupDir: join(dir, 'backups') }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'locked', message: expect.stringContaining('in use by another program') });
    } finally {
      holder.stdin.write('done\n');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    const reopened = await openLibrary(path, { backupDir: join(dir, 'backups') });
    reopened.db.close();
  });
});

describe('disk full', () => {
  it('reports SQLITE_FULL as disk-full and keeps what was saved before', async () => {
    const { library } = await newLibrary();
    const { storyId } = library.versions.add(version(article(0), { title: 'Crane' }));
    // Cap the file just above its current size: the next big write cannot fit.
    const pages = library.db.pragma('page_count', { simple: true }) as number;
    library.db.pragma(`max_page_count = ${pages + 2}`);
    const big = `${article(1)}${'Further reporting on the collapse. '.repeat(2000)}`;
    const error = (() => {
      try {
        library.versions.add(version(big, { id: storyId }));
      } catch (e) {
        return e as LibraryError;
      }
    })();
    expect(error).toMatchObject({ code: 'disk-full' });
    expect(error?.message).toMatch(/library\.sqlite: the disk is full; the last change was not saved$/);
    expect(library.versions.listByStory(storyId)).toHaveLength(1);
    expect(library.versions.get(library.versions.listByStory(storyId)[0]!.id)!.text).toBe(article(0));
    expect(library.search({ text: 'further reporting' }).total).toBe(0);
    library.close();
  });
});

describe('errors name the file on one line', () => {
  it('escapes control characters in the name', () => {
    const error = new LibraryError('damaged', 'bad\nname.sqlite', 'the library file is damaged');
    expect(error.message).toBe('bad\\u000aname.sqlite: the library file is damaged');
  });

  it('reports a file that cannot be written into as read-only or not-found, never a raw error', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blocker'), 'a file, not a folder');
    const code = await codeOfAsync(() => openLibrary(join(dir, 'blocker', 'library.sqlite')));
    expect(['not-found', 'read-only']).toContain(code);
  });
});
