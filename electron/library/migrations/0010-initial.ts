// Schema 10: the first library. Tables are STRICT so a wrong type is refused
// at the door instead of being stored and misread later.
import { APPLICATION_ID } from '../db';
import type { Migration } from './migration';

const SCHEMA = `
CREATE TABLE outlets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
  domain TEXT
) STRICT;

CREATE TABLE stories (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
-- The story list is shown most recently changed first, a page at a time.
CREATE INDEX stories_by_updated ON stories (updated_at, id);

-- Metadata only: the text lives in version_texts so that these rows stay a
-- few hundred bytes and scans, filters and counts never drag 8 KB texts (and
-- their overflow pages) through the cache. An outlet cannot be deleted while
-- versions name it (RESTRICT), which also keeps the search index exact.
CREATE TABLE versions (
  id INTEGER PRIMARY KEY,
  story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  outlet_id INTEGER REFERENCES outlets (id) ON DELETE RESTRICT,
  position INTEGER NOT NULL,
  content_hash TEXT NOT NULL UNIQUE CHECK (length(content_hash) = 64),
  text_length INTEGER NOT NULL CHECK (text_length > 0),
  title TEXT,
  byline TEXT,
  url TEXT,
  published_at TEXT,
  captured_at TEXT,
  source_name TEXT NOT NULL,
  source_kind TEXT NOT NULL CHECK (source_kind IN ('txt', 'md', 'html', 'docx', 'pdf', 'paste')),
  imported_at TEXT NOT NULL
) STRICT;
CREATE INDEX versions_by_story ON versions (story_id, position);
CREATE INDEX versions_by_outlet ON versions (outlet_id);
CREATE INDEX versions_by_published ON versions (published_at);

CREATE TABLE version_texts (
  version_id INTEGER PRIMARY KEY REFERENCES versions (id) ON DELETE CASCADE,
  text TEXT NOT NULL
) STRICT;

-- The engine's VersionInput.overrides: by line start offset, keep (1) a line
-- the cleaner removed or remove (0) a line it kept.
CREATE TABLE boilerplate_decisions (
  version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
  line_start INTEGER NOT NULL CHECK (line_start >= 0),
  keep INTEGER NOT NULL CHECK (keep IN (0, 1)),
  PRIMARY KEY (version_id, line_start)
) STRICT, WITHOUT ROWID;

-- Anchored twice over: by range, and by the quote with its context, so an
-- annotation can be re-found (shared/library/anchor.ts) rather than lost.
CREATE TABLE annotations (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset INTEGER NOT NULL,
  quote TEXT NOT NULL,
  prefix TEXT NOT NULL,
  suffix TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  verdict TEXT NOT NULL DEFAULT 'unverified' CHECK (verdict IN ('supported', 'unsupported', 'disputed', 'unverified')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (end_offset > start_offset),
  CHECK (length(quote) = end_offset - start_offset)
) STRICT;
CREATE INDEX annotations_by_version ON annotations (version_id, start_offset);

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0)
) STRICT;

CREATE TABLE annotation_tags (
  annotation_id INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (annotation_id, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX annotation_tags_by_tag ON annotation_tags (tag_id, annotation_id);

-- A compare result is valid for one engine version and one exact set of
-- inputs (texts, labels, overrides, options): input_hash covers them all, so
-- any change simply misses the cache.
CREATE TABLE analysis_cache (
  id INTEGER PRIMARY KEY,
  story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  engine_version TEXT NOT NULL,
  input_hash TEXT NOT NULL,
  result_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (story_id, engine_version, input_hash)
) STRICT;

-- Full-text search. External content, so the 8 KB texts are not stored twice
-- (a plain FTS5 table would add ~800 MB at 100k versions; a contentless one
-- could not produce snippets). The content is a view because the indexed
-- "outlet" column lives in another table; rowid = versions.id. External
-- content tables do not follow their content on their own, so the triggers
-- below keep the index exact: every 'delete' must pass the values that were
-- indexed, which is why text is immutable, an outlet in use cannot be deleted
-- and an outlet rename re-indexes its versions.
CREATE VIEW versions_fts_content AS
  SELECT v.id AS id, v.title AS title, t.text AS text, o.name AS outlet
  FROM versions v
  JOIN version_texts t ON t.version_id = v.id
  LEFT JOIN outlets o ON o.id = v.outlet_id;

CREATE VIRTUAL TABLE versions_fts USING fts5 (
  title, text, outlet,
  content = 'versions_fts_content',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

-- A version is indexed when its text arrives (the metadata row comes first).
CREATE TRIGGER version_texts_index AFTER INSERT ON version_texts BEGIN
  INSERT INTO versions_fts (rowid, title, text, outlet)
    SELECT v.id, v.title, new.text, o.name
    FROM versions v LEFT JOIN outlets o ON o.id = v.outlet_id
    WHERE v.id = new.version_id;
END;

CREATE TRIGGER version_texts_immutable BEFORE UPDATE ON version_texts BEGIN
  SELECT RAISE(ABORT, 'the text of a version is never altered');
END;

-- Text goes only with its version (the cascade runs after the version row is gone).
CREATE TRIGGER version_texts_delete_guard BEFORE DELETE ON version_texts
  WHEN EXISTS (SELECT 1 FROM versions WHERE id = old.version_id)
BEGIN
  SELECT RAISE(ABORT, 'the text of a version is deleted only with the version');
END;

-- BEFORE, while the text row still exists to say what was indexed.
CREATE TRIGGER versions_unindex BEFORE DELETE ON versions BEGIN
  INSERT INTO versions_fts (versions_fts, rowid, title, text, outlet)
    SELECT 'delete', old.id, old.title, t.text, (SELECT name FROM outlets WHERE id = old.outlet_id)
    FROM version_texts t WHERE t.version_id = old.id;
END;

CREATE TRIGGER versions_reindex AFTER UPDATE OF title, outlet_id ON versions
  WHEN old.title IS NOT new.title OR old.outlet_id IS NOT new.outlet_id
BEGIN
  INSERT INTO versions_fts (versions_fts, rowid, title, text, outlet)
    SELECT 'delete', old.id, old.title, t.text, (SELECT name FROM outlets WHERE id = old.outlet_id)
    FROM version_texts t WHERE t.version_id = old.id;
  INSERT INTO versions_fts (rowid, title, text, outlet)
    SELECT new.id, new.title, t.text, (SELECT name FROM outlets WHERE id = new.outlet_id)
    FROM version_texts t WHERE t.version_id = new.id;
END;

CREATE TRIGGER outlets_reindex AFTER UPDATE OF name ON outlets
  WHEN old.name IS NOT new.name
BEGIN
  INSERT INTO versions_fts (versions_fts, rowid, title, text, outlet)
    SELECT 'delete', v.id, v.title, t.text, old.name
    FROM versions v JOIN version_texts t ON t.version_id = v.id WHERE v.outlet_id = old.id;
  INSERT INTO versions_fts (rowid, title, text, outlet)
    SELECT v.id, v.title, t.text, new.name
    FROM versions v JOIN version_texts t ON t.version_id = v.id WHERE v.outlet_id = new.id;
END;
`;

export const migration: Migration = {
  version: 10,
  name: 'initial',
  up(db) {
    db.exec(SCHEMA);
    db.pragma(`application_id = ${APPLICATION_ID}`);
  },
};
