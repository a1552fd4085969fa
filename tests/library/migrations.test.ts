// Schema steps: the registry's numbering, each step on a database migrated to
// the step before it, atomic steps, backups before upgrades, and refusal of
// databases newer than the app.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkRegistry,
  latestVersion,
  Library,
  listBackups,
  migrate,
  MIGRATIONS,
  openConnection,
  openLibrary,
  verifyBackup,
} from '../../electron/library/index';
import type { Db, Migration } from '../../electron/library/index';
import { article, codeOf, codeOfAsync, tempDir, version } from './helpers';

function memoryDb(): Db {
  return openConnection(':memory:');
}

/** A database migrated up to, but not including, `step`. */
function migratedBefore(step: Migration): Db {
  const db = memoryDb();
  const previous = MIGRATIONS.filter((m) => m.version < step.version).at(-1)?.version ?? 0;
  migrate(db, { to: previous });
  expect(db.pragma('user_version', { simple: true })).toBe(previous);
  return db;
}

const names = (db: Db, type: string): string[] =>
  (db.prepare('SELECT name FROM sqlite_schema WHERE type = ? ORDER BY name').pluck().all(type) as string[]).filter((n) => !n.startsWith('sqlite_'));

describe('the registry', () => {
  it('is numbered in tens, strictly increasing', () => {
    expect(() => checkRegistry(MIGRATIONS)).not.toThrow();
    expect(MIGRATIONS.every((m) => m.version % 10 === 0)).toBe(true);
    const step = (version: number): Migration => ({ version, name: `v${version}`, up: () => undefined });
    expect(() => checkRegistry([step(10), step(10)])).toThrow(/multiple of 10 greater than 10/);
    expect(() => checkRegistry([step(20), step(10)])).toThrow();
    expect(() => checkRegistry([step(15)])).toThrow();
  });
});

describe('every migration', () => {
  for (const step of MIGRATIONS) {
    it(`${step.version} (${step.name}) applies to a database at the step before, adding to the schema`, () => {
      const db = migratedBefore(step);
      const before = db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();
      expect(migrate(db, { to: step.version })).toMatchObject({ to: step.version, applied: [step.version] });
      expect(db.pragma('user_version', { simple: true })).toBe(step.version);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all()).not.toEqual(before);
      db.close();
    });
  }
});

describe('migration 0010 (initial)', () => {
  const step = MIGRATIONS.find((m) => m.version === 10)!;

  it('creates the schema on an empty database', () => {
    const db = migratedBefore(step);
    const result = migrate(db, { to: 10 });
    expect(result).toEqual({ from: 0, to: 10, applied: [10] });
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(names(db, 'table')).toEqual(
      expect.arrayContaining(['outlets', 'stories', 'versions', 'version_texts', 'boilerplate_decisions', 'annotations', 'tags', 'annotation_tags', 'analysis_cache', 'versions_fts']),
    );
    expect(names(db, 'view')).toEqual(['versions_fts_content']);
    expect(db.pragma('application_id', { simple: true })).toBe(0x50524c58);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('keeps the search index in step with versions, titles and outlet names', () => {
    const db = migratedBefore(step);
    migrate(db, { to: 10 });
    const library = new Library(db);
    const story = library.stories.create('Crane');
    const a = library.versions.add(version(article(1), { id: story.id }, { title: 'Crane falls', outlet: { name: 'Harbour Post' } }));
    const match = (q: string) => db.prepare('SELECT rowid FROM versions_fts WHERE versions_fts MATCH ?').pluck().all(q);
    expect(match('crane')).toEqual([a.versionId]);
    expect(match('outlet:harbour')).toEqual([a.versionId]);
    library.versions.update(a.versionId, { title: 'Gantry falls' });
    library.outlets.update(library.outlets.list()[0]!.id, { name: 'Dock Gazette' });
    expect(match('title:crane')).toEqual([]);
    expect(match('title:gantry')).toEqual([a.versionId]);
    expect(match('outlet:harbour')).toEqual([]);
    expect(match('outlet:gazette')).toEqual([a.versionId]);
    db.prepare("INSERT INTO versions_fts (versions_fts, rank) VALUES ('integrity-check', 1)").run();
    library.versions.delete(a.versionId);
    expect(match('crane')).toEqual([]);
    db.prepare("INSERT INTO versions_fts (versions_fts, rank) VALUES ('integrity-check', 1)").run();
  });

  it('never lets a text change, nor a text go without its version', () => {
    const db = memoryDb();
    migrate(db);
    const library = new Library(db);
    const { versionId } = library.versions.add(version(article(1), { title: 'Crane' }));
    expect(codeOf(() => library.transaction(() => db.prepare("UPDATE version_texts SET text = 'x' WHERE version_id = ?").run(versionId)))).toBe('invalid');
    expect(codeOf(() => library.transaction(() => db.prepare('DELETE FROM version_texts WHERE version_id = ?').run(versionId)))).toBe('invalid');
    expect(library.versions.get(versionId)!.text).toBe(article(1));
  });
});

describe('running migrations', () => {
  const next = latestVersion() + 10;
  const failing: Migration = {
    version: next,
    name: 'broken',
    up(db) {
      db.exec('ALTER TABLE stories ADD COLUMN colour TEXT');
      db.exec("UPDATE stories SET colour = 'red'");
      throw new Error('step exploded');
    },
  };
  const adding: Migration = { version: next, name: 'story-colour', up: (db) => db.exec('ALTER TABLE stories ADD COLUMN colour TEXT') };

  it('rolls a failing step back, leaving the file at N−1 with its data', async () => {
    const dir = tempDir();
    const path = join(dir, 'library.sqlite');
    const { library } = await Library.open(path, { backupDir: join(dir, 'backups') });
    const added = library.versions.add(version(article(1), { title: 'Crane' }));
    library.close();

    const error = await codeOfAsync(() => openLibrary(path, { backupDir: join(dir, 'backups'), migrations: [...MIGRATIONS, failing] }));
    expect(error).toBe('migration-failed');

    const db = openConnection(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.prepare("SELECT count(*) FROM pragma_table_info('stories') WHERE name = 'colour'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM versions').pluck().get()).toBe(1);
    db.close();
    const reopened = await Library.open(path, { backupDir: join(dir, 'backups') });
    expect(reopened.library.versions.get(added.versionId)!.text).toBe(article(1));
    reopened.library.close();
  });

  it('names the step in the error', () => {
    const db = memoryDb();
    migrate(db);
    expect(() => migrate(db, { migrations: [...MIGRATIONS, failing], file: 'lib.sqlite' })).toThrow(
      `lib.sqlite: upgrading the library to schema ${next} (broken) failed: step exploded; it is unchanged at schema ${latestVersion()}`,
    );
  });

  it('takes a verified backup before upgrading an existing library', async () => {
    const dir = tempDir();
    const path = join(dir, 'library.sqlite');
    const backupDir = join(dir, 'backups');
    const first = await Library.open(path, { backupDir });
    expect(first.report.created).toBe(true);
    expect(first.report.upgradeBackup).toBeNull(); // a brand-new file has nothing to lose
    first.library.versions.add(version(article(1), { title: 'Crane' }));
    first.library.close();

    const { db, report } = await openLibrary(path, { backupDir, migrations: [...MIGRATIONS, adding] });
    expect(report.upgradedFrom).toBe(latestVersion());
    expect(report.schemaVersion).toBe(next);
    expect(report.upgradeBackup).not.toBeNull();
    expect(listBackups(backupDir)).toEqual([report.upgradeBackup]);
    expect(verifyBackup(report.upgradeBackup!)).toEqual({ ok: true, schemaVersion: latestVersion() });
    expect(existsSync(`${report.upgradeBackup!}-wal`)).toBe(false);
    db.close();
  });

  it('refuses a database newer than the app', async () => {
    const dir = tempDir();
    const path = join(dir, 'library.sqlite');
    const { library } = await Library.open(path, { backupDir: join(dir, 'backups') });
    library.db.pragma(`user_version = ${latestVersion() + 10}`);
    library.close();
    const error = await openLibrary(path).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'too-new' });
    expect(String((error as Error).message)).toMatch(/library\.sqlite: was written by a newer version of Parallax/);
    const db = openConnection(path, { readonly: true });
    expect(codeOf(() => migrate(db))).toBe('too-new');
    db.close();
  });
});
