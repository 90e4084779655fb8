//! The newsgraph embedded store: analysed documents in one SQLite file, with
//! their OUTPUT.md records, one SQL table per layer and full-text search.
//!
//! Overview:
//! - [`Store`] is one connection to a database file. [`Store::open`] creates
//!   the file (and its folders), switches it to WAL mode and migrates its
//!   schema; [`Store::insert_batch`] stores documents; [`Store::get`],
//!   [`Store::search`], [`Store::documents`] and [`Store::stats`] read.
//! - [`Inserted`] says what happened to each document of a batch, [`Hit`] is a
//!   search result, [`DocSummary`] a line of the document list, [`Stats`] the
//!   row counts; [`StoreError`] names the database file, the problem and what
//!   to do.
//!
//! ```
//! use newsgraph_doc::Doc;
//! use newsgraph_store::Store;
//! let dir = tempfile::tempdir()?;
//! let mut store = Store::open(&dir.path().join("news.db"))?;
//! let mut doc = Doc::new("koeln-1", "Köln feiert. Der Dom leuchtet.");
//! doc.meta.title = Some("Köln feiert".into());
//! let done = store.insert_batch(&[doc.clone(), doc])?;
//! assert!(done[0].is_new() && !done[1].is_new()); // same text: stored once
//! let hits = store.search("koln", 10)?; // diacritics are folded
//! assert_eq!(hits[0].id, "koeln-1");
//! assert_eq!(store.get("koeln-1")?.unwrap()["title"], "Köln feiert");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Where the database is
//! [`Store::default_path`]: `$NEWSGRAPH_DB` when set, else
//! `$XDG_DATA_HOME/newsgraph/newsgraph.db`, else
//! `~/.local/share/newsgraph/newsgraph.db`.
//!
//! # What a batch guarantees
//! Identity is content: a document's key is the SHA-256 of its text
//! (`content_hash`, UNIQUE), so ingesting the same text twice, under the same
//! or another id, stores it once and reports the second as
//! [`Inserted::Duplicate`]. Ids are kept as given and need not be unique.
//!
//! [`Store::insert_batch`] runs in ONE transaction: a document is stored with
//! all its layers or not at all, and a batch is stored whole or not at all. An
//! error, a crash or a kill mid-batch leaves every earlier batch whole and
//! nothing of the interrupted one; readers (other connections, other
//! processes) never see a partly stored document. The database runs in WAL
//! mode with `synchronous = NORMAL`: a committed batch survives a crash of the
//! process; a power cut may lose the last commits, never half of one.
//!
//! Many readers and one writer can use a database at once. A writer waits up
//! to 5 s for another writer, then fails with [`StoreError::Locked`]. A
//! `Store` is `Send` but not `Sync`: open one per thread.
//!
//! # Schema (for SQL users)
//! `documents(docid INTEGER PRIMARY KEY, id, content_hash UNIQUE, lang, dct,
//! title, url, source, text, record, ingested_at, analyzer_version)` where
//! `record` is the full OUTPUT.md record as JSON text. One table per layer,
//! each keyed by `(doc, ordinal)` where `doc` references `documents.docid`
//! (`ON DELETE CASCADE`) and `ordinal` is the item's index in the record's
//! list; `start`/`end` are code point offsets as in the record, so
//! `substr(d.text, s.start + 1, s.end - s.start)` is the item's text; `extra`
//! holds, as JSON, any record field the columns don't (NULL when none):
//! - `sentences(start, end)`
//! - `entities(start, end, text, type, form, kb, name)`
//! - `timexes(start, end, text, type, value)`
//! - `quotes(start, end, text, kind, speaker_start, speaker_end,
//!   speaker_text, speaker_kb, cue_start, cue_end, cue_text)`
//! - `claims(start, end, text, sentence, sources JSON, modality, status, time)`
//! - `events(code, label, actor, target, location, time, sentence, modality)`
//! - `flags(start, end, text, kind, lang, phrase)`
//!
//! Tokens are not stored (the segmenter rebuilds them from the text).
//! `documents_fts` is an FTS5 index over `title` and `text` (tokenizer
//! `unicode61 remove_diacritics 2`), kept in sync by triggers. The schema
//! version is `PRAGMA user_version`; migrations run in one transaction at
//! open, and a database newer than the binary is refused
//! ([`StoreError::TooNew`]).
#![deny(missing_docs)]

mod error;
mod query;
mod schema;
mod write;

pub use error::StoreError;
pub use schema::SCHEMA_VERSION;
pub use write::{content_hash, Inserted};

use error::sql_err;
use newsgraph_doc::Doc;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One connection to a newsgraph database file.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    analyzer_version: String,
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The document's id.
    pub id: String,
    /// Its headline.
    pub title: Option<String>,
    /// Its document creation time (ISO 8601).
    pub dct: Option<String>,
    /// A passage around the matches, matched words in `[` `]`, cuts marked
    /// with `…`.
    pub snippet: String,
    /// Relevance, higher is better: FTS5 `bm25` (negated), with title matches
    /// weighing five times body matches.
    pub score: f64,
}

/// A line of the document list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocSummary {
    /// The document's id.
    pub id: String,
    /// Its headline.
    pub title: Option<String>,
    /// Its document creation time (ISO 8601).
    pub dct: Option<String>,
    /// Its language (ISO 639-1).
    pub lang: Option<String>,
    /// SHA-256 of its text: unique where ids may not be.
    pub content_hash: String,
    /// When it was stored (RFC 3339, UTC).
    pub ingested_at: String,
}

/// Row counts of a database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Stats {
    /// Documents.
    pub documents: u64,
    /// Sentence rows.
    pub sentences: u64,
    /// Entity mention rows.
    pub entities: u64,
    /// Temporal expression rows.
    pub timexes: u64,
    /// Quote rows.
    pub quotes: u64,
    /// Claim rows.
    pub claims: u64,
    /// Event rows.
    pub events: u64,
    /// Quality flag rows.
    pub flags: u64,
}

impl Stats {
    /// The per-layer counts with their table names, in record order.
    pub fn layers(&self) -> [(&'static str, u64); 7] {
        [
            ("sentences", self.sentences),
            ("entities", self.entities),
            ("timexes", self.timexes),
            ("quotes", self.quotes),
            ("claims", self.claims),
            ("events", self.events),
            ("flags", self.flags),
        ]
    }
}

impl Store {
    /// Opens the database at `path`, creating the file and its folders if
    /// needed, and migrates it to [`SCHEMA_VERSION`].
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                path: path.to_path_buf(),
                source,
            })?;
        }
        let err = |e| sql_err(path, e);
        let mut conn = Connection::open(path).map_err(err)?;
        conn.busy_timeout(Duration::from_secs(5)).map_err(err)?;
        // The first statement that reads the file: a non-database fails here.
        let _mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(err)?;
        conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;")
            .map_err(err)?;
        schema::migrate(&mut conn, path)?;
        conn.set_prepared_statement_cache_capacity(32);
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            analyzer_version: format!("newsgraph {}", env!("CARGO_PKG_VERSION")),
        })
    }

    /// Where the database lives unless the user says otherwise:
    /// `$NEWSGRAPH_DB` when set, else `$XDG_DATA_HOME/newsgraph/newsgraph.db`
    /// (when that variable is an absolute path), else
    /// `~/.local/share/newsgraph/newsgraph.db`, and `newsgraph.db` in the
    /// current folder when there is no home folder either.
    pub fn default_path() -> PathBuf {
        default_path_with(|name| std::env::var_os(name))
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Sets what is recorded in `documents.analyzer_version` for documents
    /// stored from now on (default: `newsgraph <version>`); name the
    /// pipeline so that records from different analysers can be told apart.
    pub fn set_analyzer_version(&mut self, version: impl Into<String>) {
        self.analyzer_version = version.into();
    }

    /// Stores `docs` in one transaction: each is stored with all its layers,
    /// or reported as a duplicate when a document with the same text is
    /// already stored (also earlier in the same batch). On error nothing of
    /// the batch is stored. Returns one [`Inserted`] per document, in order.
    pub fn insert_batch(&mut self, docs: &[Doc]) -> Result<Vec<Inserted>, StoreError> {
        if docs.is_empty() {
            return Ok(Vec::new());
        }
        let err = |e| sql_err(&self.path, e);
        // Taking the write lock up front avoids a deadlock-prone upgrade from
        // a read to a write transaction when two writers meet.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let out = write::insert_all(&tx, &self.path, docs, &self.analyzer_version)?;
        tx.commit().map_err(err)?;
        Ok(out)
    }

    /// The stored record of a document: `key` is its id or, when no document
    /// has that id, a prefix of its content hash (at least 8 hex digits).
    ///
    /// Ids need not be unique: when several documents share `key` as id, the
    /// one stored last is returned ([`Store::documents`] lists them all with
    /// their content hashes, which are unique). A hash prefix matching several
    /// documents is an error ([`StoreError::AmbiguousHash`]).
    pub fn get(&self, key: &str) -> Result<Option<Value>, StoreError> {
        let err = |e| sql_err(&self.path, e);
        let by_id: Option<String> = self
            .conn
            .prepare_cached(
                "SELECT record FROM documents WHERE id = ?1 ORDER BY docid DESC LIMIT 1",
            )
            .and_then(|mut s| s.query_row([key], |r| r.get(0)).optional())
            .map_err(err)?;
        if let Some(rec) = by_id {
            return self.parse_record(key, &rec).map(Some);
        }
        let prefix = key.to_ascii_lowercase();
        if prefix.len() < 8 || prefix.len() > 64 || !prefix.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(None);
        }
        // Every hash starting with `prefix` sorts in [prefix, prefix + "g"),
        // a range the UNIQUE index answers directly.
        let upper = format!("{prefix}g");
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, record FROM documents \
                 WHERE content_hash >= ?1 AND content_hash < ?2 LIMIT 2",
            )
            .map_err(err)?;
        let rows: Vec<(String, String)> = stmt
            .query_map([&prefix, &upper], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect())
            .map_err(err)?;
        match rows.as_slice() {
            [] => Ok(None),
            [(id, rec)] => self.parse_record(id, rec).map(Some),
            _ => {
                let count: i64 = self
                    .conn
                    .query_row(
                        "SELECT count(*) FROM documents WHERE content_hash >= ?1 AND content_hash < ?2",
                        [&prefix, &upper],
                        |r| r.get(0),
                    )
                    .map_err(err)?;
                Err(StoreError::AmbiguousHash {
                    path: self.path.clone(),
                    prefix: key.to_string(),
                    count: count as usize,
                })
            }
        }
    }

    fn parse_record(&self, id: &str, rec: &str) -> Result<Value, StoreError> {
        serde_json::from_str(rec).map_err(|source| StoreError::BadRecord {
            path: self.path.clone(),
            id: id.to_string(),
            source,
        })
    }

    /// Full-text search over titles and texts, best first, at most `limit`
    /// hits.
    ///
    /// All words of `query` must occur; `"two words"` is a phrase; a trailing
    /// `*` searches a prefix (`Kreml*`). Case and diacritics are ignored
    /// (`koln` finds *Köln*, `Koln` and `KÖLN`), but letters are not
    /// transliterated (`koeln` does not find *Köln*, `strasse` not *Straße*)
    /// and words are not stemmed. FTS5 operators and syntax characters in
    /// `query` are searched as text, never interpreted, so any input is safe.
    /// A query without any letter or digit is [`StoreError::EmptyQuery`].
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, StoreError> {
        let Some(fts) = query::fts_query(query) else {
            return Err(StoreError::EmptyQuery {
                path: self.path.clone(),
                query: query.to_string(),
            });
        };
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT d.id, d.title, d.dct, \
                        snippet(documents_fts, -1, '[', ']', '…', 16), \
                        bm25(documents_fts, 5.0, 1.0) AS rank \
                 FROM documents_fts JOIN documents d ON d.docid = documents_fts.rowid \
                 WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?2",
            )
            .map_err(|e| sql_err(&self.path, e))?;
        let hits = stmt
            .query_map(rusqlite::params![fts, limit], |r| {
                Ok(Hit {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    dct: r.get(2)?,
                    snippet: r.get(3)?,
                    score: -r.get::<_, f64>(4)?,
                })
            })
            .and_then(|rows| rows.collect());
        hits.map_err(|e| sql_err(&self.path, e))
    }

    /// All documents, most recently stored first.
    pub fn documents(&self) -> Result<Vec<DocSummary>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, title, dct, lang, content_hash, ingested_at \
                 FROM documents ORDER BY docid DESC",
            )
            .map_err(|e| sql_err(&self.path, e))?;
        let docs = stmt
            .query_map([], |r| {
                Ok(DocSummary {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    dct: r.get(2)?,
                    lang: r.get(3)?,
                    content_hash: r.get(4)?,
                    ingested_at: r.get(5)?,
                })
            })
            .and_then(|rows| rows.collect());
        docs.map_err(|e| sql_err(&self.path, e))
    }

    /// Row counts of the documents and layer tables, all from one snapshot.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        // One statement reads one snapshot, so the counts agree even while
        // another process writes.
        let counts: Vec<String> = std::iter::once("documents")
            .chain(write::layer_tables())
            .map(|t| format!("(SELECT count(*) FROM {t})"))
            .collect();
        let sql = format!("SELECT {}", counts.join(", "));
        let n = |r: &rusqlite::Row<'_>, i| r.get::<_, i64>(i).map(|v| v as u64);
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut s| {
                s.query_row([], |r| {
                    Ok(Stats {
                        documents: n(r, 0)?,
                        sentences: n(r, 1)?,
                        entities: n(r, 2)?,
                        timexes: n(r, 3)?,
                        quotes: n(r, 4)?,
                        claims: n(r, 5)?,
                        events: n(r, 6)?,
                        flags: n(r, 7)?,
                    })
                })
            })
            .map_err(|e| sql_err(&self.path, e))
    }
}

/// [`Store::default_path`] with the environment given as a function, so
/// that it can be tested without changing the process environment.
fn default_path_with(env: impl Fn(&str) -> Option<std::ffi::OsString>) -> PathBuf {
    let var = |name| env(name).filter(|v| !v.is_empty());
    if let Some(db) = var("NEWSGRAPH_DB") {
        return PathBuf::from(db);
    }
    let data = var("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| var("HOME").map(|h| Path::new(&h).join(".local/share")));
    match data {
        Some(dir) => dir.join("newsgraph").join("newsgraph.db"),
        None => PathBuf::from("newsgraph.db"),
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        // SQLite's advice for long-lived databases: refresh planner
        // statistics on close; cheap when nothing changed.
        let _ = self.conn.execute_batch("PRAGMA optimize");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    fn path_with(vars: &[(&str, &str)]) -> PathBuf {
        default_path_with(|name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        })
    }

    #[test]
    fn default_path_follows_env_then_xdg_then_home() {
        let all = [
            ("NEWSGRAPH_DB", "/tmp/x/my.db"),
            ("XDG_DATA_HOME", "/data"),
            ("HOME", "/home/u"),
        ];
        assert_eq!(path_with(&all), PathBuf::from("/tmp/x/my.db"));
        assert_eq!(
            path_with(&all[1..]),
            PathBuf::from("/data/newsgraph/newsgraph.db")
        );
        let home = "/home/u/.local/share/newsgraph/newsgraph.db";
        assert_eq!(path_with(&all[2..]), PathBuf::from(home));
        let odd = [
            ("NEWSGRAPH_DB", ""),
            ("XDG_DATA_HOME", "rel"),
            ("HOME", "/home/u"),
        ];
        assert_eq!(path_with(&odd), PathBuf::from(home));
        assert_eq!(path_with(&[]), PathBuf::from("newsgraph.db"));
    }
}
