// Schema 20: each version's fingerprint (shared/library/fingerprint.ts), one
// row per fact key, so "which stories share facts with this text?" is one
// indexed GROUP BY instead of re-analysing every stored version.
//
// Keyed (key, version_id): the question is always asked by key, and WITHOUT
// ROWID makes that primary key the table itself — no second copy of each key
// in a rowid table plus an index. The version_id index serves the cascade
// when a version is deleted and re-fingerprinting one version. Versions
// stored before this step have no rows until they are fingerprinted again;
// they simply take no part in suggestions meanwhile.
import type { Migration } from './migration';

const SCHEMA = `
CREATE TABLE version_keys (
  version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
  key TEXT NOT NULL CHECK (length(key) > 0),
  PRIMARY KEY (key, version_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX version_keys_by_version ON version_keys (version_id);
`;

export const migration: Migration = {
  version: 20,
  name: 'version-keys',
  up(db) {
    db.exec(SCHEMA);
  },
};
