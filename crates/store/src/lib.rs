//! The newsgraph embedded store: analysed documents in one SQLite file, with
//! their OUTPUT.md records, one SQL table per layer and full-text search.
//!
//! Overview:
//! - [`Store`] is what newsgraph needs of a database, whatever the back-end:
//!   [`Store::insert_batch`] stores documents; [`Store::get`],
//!   [`Store::search`], [`Store::documents`], [`Store::stats`] and
//!   [`Store::document_stats`] read.
//! - [`SqliteStore`] is the SQLite back-end, one connection to a database
//!   file. [`SqliteStore::open`] creates the file (and its folders), switches
//!   it to WAL mode and migrates its schema.
//! - [`Inserted`] says what happened to each document of a batch, [`Hit`] is a
//!   search result, [`DocSummary`] a line of the document list, [`Stats`] the
//!   row counts; [`StoreError`] names the database file, the problem and what
//!   to do.
//!
//! ```
//! use newsgraph_doc::Doc;
//! use newsgraph_store::{SqliteStore, Store};
//! let dir = tempfile::tempdir()?;
//! let mut store = SqliteStore::open(&dir.path().join("news.db"))?;
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
//! [`SqliteStore::default_path`]: `$NEWSGRAPH_DB` when set, else
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
//! `SqliteStore` is `Send` but not `Sync`: open one per thread.
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
//! `unicode61 remove_diacritics 2`) and `documents_tri` one with the
//! `trigram` tokenizer (words inside compounds; schema version 2), both kept
//! in sync by triggers. The schema
//! version is `PRAGMA user_version`; migrations run in one transaction at
//! open, and a database newer than the binary is refused
//! ([`StoreError::TooNew`]).
#![deny(missing_docs)]

mod error;
mod query;
mod schema;
mod sqlite;
mod write;

pub use error::StoreError;
pub use schema::SCHEMA_VERSION;
pub use sqlite::SqliteStore;
pub use write::{content_hash, Inserted};

use newsgraph_doc::Doc;
use serde_json::Value;

/// What newsgraph needs of a database of analysed documents, whatever the
/// back-end ([`SqliteStore`] today). A back-end maps records
/// ([`newsgraph_doc::record`]) to its tables; nothing outside this crate
/// speaks its query language.
pub trait Store {
    /// Stores `docs` in one transaction: each is stored with all its layers,
    /// or reported as a duplicate when a document with the same text is
    /// already stored (also earlier in the same batch). On error nothing of
    /// the batch is stored. Returns one [`Inserted`] per document, in order.
    fn insert_batch(&mut self, docs: &[Doc]) -> Result<Vec<Inserted>, StoreError>;

    /// The stored record of a document (as `newsgraph_doc::record::to_json`
    /// made it): `key` is its id or, when no document has that id, a prefix
    /// of its content hash (at least 8 hex digits). When several documents
    /// share the id, the one stored last; a hash prefix matching several
    /// documents is [`StoreError::AmbiguousHash`].
    fn get(&self, key: &str) -> Result<Option<Value>, StoreError>;

    /// Full-text search over titles and texts, best first, at most `limit`
    /// hits: [`Store::search_with`] without filters.
    fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, StoreError> {
        self.search_with(query, &SearchFilter::default(), limit)
    }

    /// Full-text search over titles and texts of the documents `filter`
    /// lets through, at most `limit` hits. Words next to each other must all
    /// occur; `AND`, `OR`, `NOT` (capitals) and `( )` are boolean operators;
    /// `"two words"` is a phrase; a trailing `*` searches a prefix; case and
    /// diacritics are ignored; other syntax characters are searched as text.
    /// Whole-word matches come first, best first; then documents where the
    /// terms occur only inside longer words (*Streik* in *Warnstreik*).
    /// A query FTS5 cannot parse is [`StoreError::BadQuery`]. A query without
    /// any letter or digit is [`StoreError::EmptyQuery`], unless `filter`
    /// filters: then every document it lets through is a hit, newest first.
    fn search_with(
        &self,
        query: &str,
        filter: &SearchFilter,
        limit: usize,
    ) -> Result<Vec<Hit>, StoreError>;

    /// All documents, most recently stored first.
    fn documents(&self) -> Result<Vec<DocSummary>, StoreError>;

    /// Row counts of the documents and layers, all from one snapshot.
    fn stats(&self) -> Result<Stats, StoreError>;

    /// The stored layer items of one document (`key` as in [`Store::get`]),
    /// counted per layer from one snapshot (`documents` is 1), or `None` when
    /// no document matches.
    fn document_stats(&self, key: &str) -> Result<Option<Stats>, StoreError>;
}

/// Which documents a search looks at; `None` fields do not filter. All
/// given fields must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchFilter {
    /// A mentioned entity: its KB id (`Q567`), or its KB name or the mention
    /// text (ASCII case ignored).
    pub entity: Option<String>,
    /// A quote's speaker: its KB id, its KB name, or a part of the speaker
    /// text (`Merz` finds *Friedrich Merz*).
    pub speaker: Option<String>,
    /// Document date on or after this day (`YYYY`, `YYYY-MM` or
    /// `YYYY-MM-DD`); documents without a date are left out.
    pub from: Option<String>,
    /// Document date on or before this day (same forms; `2024-03` takes all
    /// of March); documents without a date are left out.
    pub to: Option<String>,
    /// Document language: `de` takes `de` and `de-AT`.
    pub lang: Option<String>,
}

impl SearchFilter {
    /// Whether any field filters.
    pub fn is_empty(&self) -> bool {
        self == &SearchFilter::default()
    }
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
    /// weighing five times body matches, over the whole-word index; for a
    /// part-of-word hit over the trigram index; 0 for a filter-only search.
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
