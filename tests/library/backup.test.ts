// Verified rolling backups, and recovery of a damaged library from them.
import { closeSync, existsSync, openSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup, latestVersion, Library, listBackups, openLibrary, restoreNewestBackup, verifyBackup } from '../../electron/library/index';
import { article, codeOfAsync, newLibrary, steppingClock, tempDir, version } from './helpers';

/** Overwrites the first bytes of a file: the SQLite header is gone. */
function corruptHeader(path: string): void {
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(100, 0x41), 0, 100, 0);
  closeSync(fd);
}

describe('createBackup', () => {
  it('writes a verified single-file copy and keeps the newest five', async () => {
    const { library, dir } = await newLibrary({ clock: steppingClock(), keepBackups: 5 });
    library.versions.add(version(article(1), { title: 'Crane' }));
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await library.backup()).path);
    const kept = listBackups(join(dir, 'backups'));
    expect(kept).toEqual(made.slice(2).reverse());
    expect(kept.every((path) => /library-2025-01-01T\d\d-\d\d-\d\d-000Z\.sqlite$/.test(path))).toBe(true);
    for (const path of kept) expect(verifyBackup(path)).toEqual({ ok: true, schemaVersion: latestVersion() });
    // Self-contained: no -wal/-shm left beside backups, no .partial left over.
    expect(readdirSync(join(dir, 'backups')).sort()).toEqual(kept.map((p) => basename(p)).sort());
    library.close();
  });

  it('gives same-millisecond backups distinct names', async () => {
    const { library, dir } = await newLibrary();
    const fixed = () => new Date(Date.UTC(2025, 5, 1));
    const a = await createBackup(library.db, join(dir, 'b'), { clock: fixed });
    const b = await createBackup(library.db, join(dir, 'b'), { clock: fixed });
    expect(a.path).not.toBe(b.path);
    expect(listBackups(join(dir, 'b'))).toEqual([b.path, a.path]);
    library.close();
  });

  it('copies what was committed, including what is still only in the WAL', async () => {
    const { library, dir } = await newLibrary();
    const { versionId } = library.versions.add(version(article(1), { title: 'Crane' }));
    const info = await library.backup();
    library.close();
    const copy = await Library.open(info.path, { readonly: true, backupDir: join(dir, 'unused') });
    expect(copy.library.versions.get(versionId)!.text).toBe(article(1));
    copy.library.close();
  });

  it('does not count a damaged file as a backup', () => {
    const dir = tempDir();
    const path = join(dir, 'library-2025-01-01T00-00-00-000Z.sqlite');
    writeFileSync(path, 'not a database at all, just text that is long enough to look like something');
    expect(verifyBackup(path).ok).toBe(false);
  });
});

describe('a damaged library', () => {
  async function libraryWithBackups() {
    const clock = steppingClock();
    const { library, dir, path } = await newLibrary({ clock });
    const first = library.versions.add(version(article(1), { title: 'Crane' }));
    const older = await library.backup();
    const second = library.versions.add(version(article(2), { id: first.storyId }));
    const newer = await library.backup();
    library.versions.add(version(article(3), { id: first.storyId }));
    library.close();
    return { dir, path, clock, first, second, older: older.path, newer: newer.path };
  }

  it('is moved aside with its -wal/-shm and the newest verified backup restored', async () => {
    const { dir, path, clock, second, newer } = await libraryWithBackups();
    corruptHeader(path);
    writeFileSync(`${path}-wal`, 'stale wal');
    writeFileSync(`${path}-shm`, 'stale shm');
    const { library, report } = await Library.open(path, { backupDir: join(dir, 'backups'), clock });
    expect(report.recovery).toMatchObject({ restoredFrom: newer, skippedBackups: [] });
    const damaged = report.recovery!.damagedPath;
    expect(damaged).toMatch(/library\.sqlite\.damaged-2025-01-01T\d\d-\d\d-\d\d-000Z$/);
    expect(existsSync(damaged)).toBe(true);
    expect(existsSync(`${damaged}-wal`)).toBe(true);
    expect(existsSync(`${damaged}-shm`)).toBe(true);
    expect(report.created).toBe(false);
    // The backup's content: two versions (the third came after the backup).
    expect(library.versions.listByStory(second.storyId).map((v) => v.id)).toEqual([1, 2]);
    expect(library.search({ text: 'crane' }).total).toBe(2);
    library.close();
  });

  it('is found by quick_check when the header is intact but pages are not', async () => {
    const { dir, path, clock, newer } = await libraryWithBackups();
    // Scribble over every page after the first: the header still looks right.
    const size = statSync(path).size;
    const fd = openSync(path, 'r+');
    for (let offset = 4096; offset < size; offset += 4096) writeSync(fd, Buffer.alloc(512, 0xa5), 0, 512, offset);
    closeSync(fd);
    const { library, report } = await Library.open(path, { backupDir: join(dir, 'backups'), clock });
    expect(report.recovery).toMatchObject({ restoredFrom: newer, problem: expect.stringMatching(/^the library file is damaged/) });
    expect(library.search({ text: 'crane' }).total).toBe(2);
    library.close();
  });

  it('passes over a backup that no longer verifies', async () => {
    const { dir, path, newer, older } = await libraryWithBackups();
    corruptHeader(path);
    corruptHeader(newer);
    const { report, db } = await openLibrary(path, { backupDir: join(dir, 'backups') });
    expect(report.recovery?.restoredFrom).toBe(older);
    expect(report.recovery?.skippedBackups.map((s) => s.path)).toEqual([newer]);
    expect(db.prepare('SELECT count(*) FROM versions').pluck().get()).toBe(1);
    db.close();
  });

  it('without any good backup, is kept aside and a new empty library started', async () => {
    const { library, dir, path } = await newLibrary();
    library.versions.add(version(article(1), { title: 'Crane' }));
    library.close();
    corruptHeader(path);
    const { report, db } = await openLibrary(path, { backupDir: join(dir, 'backups') });
    expect(report.created).toBe(true);
    expect(report.recovery).toMatchObject({ restoredFrom: null, problem: expect.stringMatching(/^the library file is damaged \(the file does not start with a SQLite header\)$/) });
    expect(existsSync(report.recovery!.damagedPath)).toBe(true);
    expect(db.prepare('SELECT count(*) FROM versions').pluck().get()).toBe(0);
    db.close();
  });

  it('opened read-only, is reported as damaged and left where it is', async () => {
    const { dir, path } = await libraryWithBackups();
    corruptHeader(path);
    expect(await codeOfAsync(() => openLibrary(path, { readonly: true, backupDir: join(dir, 'backups') }))).toBe('damaged');
    expect(existsSync(path)).toBe(true);
  });
});

describe('restoreNewestBackup', () => {
  it('moves the current file aside instead of overwriting it', async () => {
    const { library, dir, path } = await newLibrary();
    library.versions.add(version(article(1), { title: 'Crane' }));
    const backup = await library.backup();
    library.versions.add(version(article(2), { title: 'Second' }));
    library.close();
    const result = restoreNewestBackup(path, join(dir, 'backups'), { clock: steppingClock() });
    expect(result.restoredFrom).toBe(backup.path);
    expect(result.replaced).toMatch(/library\.sqlite\.replaced-/);
    const replaced = await openLibrary(result.replaced!, { readonly: true });
    expect(replaced.db.prepare('SELECT count(*) FROM versions').pluck().get()).toBe(2);
    replaced.db.close();
    const restored = await openLibrary(path, { backupDir: join(dir, 'backups') });
    expect(restored.db.prepare('SELECT count(*) FROM versions').pluck().get()).toBe(1);
    restored.db.close();
  });

  it('reports when there is nothing to restore', () => {
    const dir = tempDir();
    expect(restoreNewestBackup(join(dir, 'library.sqlite'), join(dir, 'backups'))).toEqual({ restoredFrom: null, replaced: null, skipped: [] });
  });
});
