//! The database schema as an ordered list of migrations.
//!
//! Migration `n` (1-based) brings a database from `PRAGMA user_version = n-1`
//! to `n`. Migrations are append-only: a released one is never edited, a
//! change is a new entry, so every database reaches the same schema.

use crate::error::{sql_err, StoreError};
use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;

/// `PRAGMA application_id` of a newsgraph database ("NGRF"), so that a
/// SQLite file of another program is recognised rather than altered.
pub(crate) const APPLICATION_ID: i32 = 0x4e47_5246;

/// Migration 1: documents, one table per layer, full-text index.
const V1: &str = r#"
CREATE TABLE documents (
    docid            INTEGER PRIMARY KEY,
    id               TEXT NOT NULL,
    content_hash     TEXT NOT NULL UNIQUE,
    lang             TEXT,
    dct              TEXT,
    title            TEXT,
    url              TEXT,
    source           TEXT,
    text             TEXT NOT NULL,
    record           TEXT NOT NULL,
    ingested_at      TEXT NOT NULL,
    analyzer_version TEXT NOT NULL
);
CREATE INDEX documents_id ON documents(id);
CREATE INDEX documents_dct ON documents(dct);

CREATE TABLE sentences (
    doc     INTEGER NOT NULL REFERENCES documents(docid) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    extra   TEXT,
    PRIMARY KEY (doc, ordinal)
) WITHOUT ROWID;

CREATE TABLE entities (
    doc     INTEGER NOT NULL REFERENCES documents(docid) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    text    TEXT NOT NULL,
    type    TEXT NOT NULL,
    form    TEXT,
    kb      TEXT,
    name    TEXT,
    extra   TEXT,
    PRIMARY KEY (doc, ordinal)
) WITHOUT ROWID;
CREATE INDEX entities_kb ON entities(kb) WHERE kb IS NOT NULL;

CREATE TABLE timexes (
    doc     INTEGER NOT NULL REFERENCES documents(docid) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    text    TEXT NOT NULL,
    type    TEXT NOT NULL,
    value   TEXT,
    extra   TEXT,
    PRIMARY KEY (doc, ordinal)
) WITHOUT ROWID;

CREATE TABLE quotes (
    doc           INTEGER NOT NULL REFERENCES documents(docid) ON DELETE CASCADE,
    ordinal       INTEGER NOT NULL,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    text          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    speaker_start INTEGER,
    speaker_end   INTEGER,
    speaker_text  TEXT,
    speaker_kb    TEXT,
    cue_start     INTEGER,
    cue_end       INTEGER,
    cue_text      TEXT,
    extra         TEXT,
    PRIMARY KEY (doc, ordinal)
) WITHOUT ROWID;

CREATE TABLE claims (
    doc      INTEGER NOT NULL REFERENCES documents(docid) ON DELETE CASCADE,
    ordinal  INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    sentence INTEGER,
    sources  TEXT NOT NULL,
    modality TEXT NOT NULL,
    status   TEXT NOT NULL,
    time     TEXT,
    extra    TEXT,
    PRIMARY KEY (doc, ordinal)
) WITHOUT ROWID;

CREATE TABLE events (
    doc      INTEGER NOT NULL REFERENCES documents(docid) ON DELETE CASCADE,
    ordinal  INTEGER NOT NULL,
    code     TEXT NOT NULL,
    label    TEXT NOT NULL,
    actor    TEXT,
    target   TEXT,
    location TEXT,
    time     TEXT,
    sentence INTEGER,
    modality TEXT NOT NULL,
    extra    TEXT,
    PRIMARY KEY (doc, ordinal)
) WITHOUT ROWID;

CREATE TABLE flags (
    doc     INTEGER NOT NULL REFERENCES documents(docid) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    text    TEXT NOT NULL,
    kind    TEXT NOT NULL,
    lang    TEXT,
    phrase  TEXT,
    extra   TEXT,
    PRIMARY KEY (doc, ordinal)
) WITHOUT ROWID;

-- External-content index: the text is stored once, in `documents`; the
-- triggers keep the index in step with every insert, update and delete, also
-- those a user makes by hand.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text,
    content = 'documents', content_rowid = 'docid',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.docid, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.docid, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.docid, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.docid, new.title, new.text);
END;
"#;

/// Migration 2: a second full-text index over `title` and `text` with FTS5's
/// `trigram` tokenizer, so that a word is found inside a longer one (German
/// compounds: *Streik* finds *Warnstreik* and *Streikende*). Filled from the
/// stored documents at migration, kept in sync by triggers like
/// `documents_fts`.
const V2: &str = r#"
CREATE VIRTUAL TABLE documents_tri USING fts5(
    title, text,
    content = 'documents', content_rowid = 'docid',
    tokenize = 'trigram remove_diacritics 1'
);
INSERT INTO documents_tri(documents_tri) VALUES ('rebuild');
CREATE TRIGGER documents_tri_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_tri(rowid, title, text) VALUES (new.docid, new.title, new.text);
END;
CREATE TRIGGER documents_tri_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_tri(documents_tri, rowid, title, text)
        VALUES ('delete', old.docid, old.title, old.text);
END;
CREATE TRIGGER documents_tri_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_tri(documents_tri, rowid, title, text)
        VALUES ('delete', old.docid, old.title, old.text);
    INSERT INTO documents_tri(rowid, title, text) VALUES (new.docid, new.title, new.text);
END;
"#;

/// All migrations, oldest first; the schema version is their count.
const MIGRATIONS: &[&str] = &[V1, V2];

/// The schema version this build writes and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the database at `path` up to [`SCHEMA_VERSION`], refusing one that
/// is newer or belongs to another program.
pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let err = |e| sql_err(path, e);
    // Checked before taking the write lock so that an old binary never needs
    // to write to (or wait for) a newer database it must refuse anyway.
    let found = user_version(conn).map_err(err)?;
    check_version(path, found)?;
    if found == SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(err)?;
    // Another process may have migrated while we waited for the lock.
    let found = user_version(&tx).map_err(err)?;
    check_version(path, found)?;
    if found == 0 {
        let app: i32 = tx
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(err)?;
        let tables: i64 = tx
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .map_err(err)?;
        if app != APPLICATION_ID && tables > 0 {
            return Err(StoreError::Foreign {
                path: path.to_path_buf(),
            });
        }
        tx.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(err)?;
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        tx.execute_batch(sql).map_err(err)?;
        // user_version lives in the database header, so it commits or rolls
        // back together with the migration.
        tx.pragma_update(None, "user_version", i as i64 + 1)
            .map_err(err)?;
    }
    tx.commit().map_err(err)
}

/// Checks, without writing, that the database at `path` has a newsgraph
/// schema this build can read (a reading command never migrates).
pub(crate) fn check_readable(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let found = user_version(conn).map_err(|e| sql_err(path, e))?;
    check_version(path, found)?;
    if found == 0 {
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .map_err(|e| sql_err(path, e))?;
        return Err(if tables > 0 {
            StoreError::Foreign {
                path: path.to_path_buf(),
            }
        } else {
            StoreError::EmptyDatabase {
                path: path.to_path_buf(),
            }
        });
    }
    Ok(())
}

fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

fn check_version(path: &Path, found: i64) -> Result<(), StoreError> {
    if found < 0 {
        return Err(StoreError::Foreign {
            path: path.to_path_buf(),
        });
    }
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    Ok(())
}
