// Whatever bytes a file holds, under whatever supported name, importing it
// ends in 'added', 'duplicate' or 'failed' with one line naming the file —
// never a throw — and the library holds only whole versions afterwards.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it as fcIt } from '@fast-check/vitest';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../electron/library/index';
import { importPaths } from '../../electron/library/import-files';
import { SUPPORTED_EXTENSIONS } from '../../electron/import/detect';
import { makeDocx, makePdf, pdfParagraphs } from '../import/fixtures';

const MAGIC = [
  [],
  [0x25, 0x50, 0x44, 0x46, 0x2d],
  [0x50, 0x4b, 0x03, 0x04],
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [...new TextEncoder().encode('<!doctype html><title>T</title><p>')],
  [...new TextEncoder().encode('Officials said 270 devices were hit in Lindgard on 14 March 2024. ')],
];
const VALID = [makeDocx(['Officials said 270 devices were hit.'], { title: 'T' }), makePdf([pdfParagraphs([['Officials said 270 devices were hit.']])])];

let library: Library;
let dir: string;
let file = 0;
const seen = new Set<string>();

// One library for every run (not helpers.newLibrary, whose folder goes after each test):
// runs pile up in it, as imports do in real use.
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-import-property-'));
  ({ library } = await Library.open(join(dir, 'library.sqlite')));
});

afterAll(() => {
  library.close();
  rmSync(dir, { recursive: true, force: true });
});

function counts(): { versions: number; texts: number; orphanKeys: number; emptyStories: number } {
  const count = (sql: string) => library.db.prepare(sql).pluck().get() as number;
  return {
    versions: count('SELECT count(*) FROM versions'),
    texts: count('SELECT count(*) FROM version_texts'),
    orphanKeys: count('SELECT count(*) FROM version_keys WHERE version_id NOT IN (SELECT id FROM versions)'),
    emptyStories: count('SELECT count(*) FROM stories s WHERE NOT EXISTS (SELECT 1 FROM versions v WHERE v.story_id = s.id)'),
  };
}

async function importBytes(bytes: Uint8Array, ext: string): Promise<void> {
  const path = join(dir, `file-${++file}${ext}`);
  writeFileSync(path, bytes);
  const before = counts();
  const run = await importPaths(library, [path]);
  expect(run.stopped).toBeNull();
  expect(run.results).toHaveLength(1);
  const result = run.results[0]!;
  seen.add(result.status);
  const after = counts();
  if (result.status === 'failed') {
    expect(result.error!.startsWith(`${path}: `)).toBe(true);
    expect(result.error).not.toMatch(/[\r\n]/);
    expect(after).toEqual(before);
  } else {
    expect(after.versions).toBe(before.versions + (result.status === 'added' ? 1 : 0));
    const stored = library.versions.get(result.versionId!)!;
    expect(stored.text.trim()).not.toBe('');
    expect(stored.storyId).toBe(result.storyId);
  }
  expect(after.texts).toBe(after.versions);
  expect(after.orphanKeys).toBe(0);
  expect(after.emptyStories).toBe(0);
}

describe('importing arbitrary bytes', () => {
  fcIt.prop([fc.constantFrom(...MAGIC), fc.uint8Array({ maxLength: 1500 }), fc.constantFrom(...SUPPORTED_EXTENSIONS, '')], { numRuns: 200 })(
    'ends in a result for the file, never a throw or a partial version',
    async (magic, body, ext) => {
      await importBytes(new Uint8Array([...magic, ...body]), ext);
    },
  );

  fcIt.prop([fc.constantFrom(...VALID), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), fc.constantFrom('.docx', '.pdf', '.txt')], { numRuns: 80 })(
    'including damaged Word and PDF files',
    async (valid, flips, ext) => {
      const bytes = new Uint8Array(valid);
      for (const [at, value] of flips) bytes[at % bytes.length] = value;
      await importBytes(bytes, ext);
    },
  );

  it('exercised both outcomes (the generators reach the parsers)', () => {
    expect([...seen].sort()).toEqual(expect.arrayContaining(['added', 'failed']));
  });
});
