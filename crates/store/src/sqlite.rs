//! The SQLite back-end: one connection to a database file.

use crate::error::{sql_err, StoreError};
use crate::{query, schema, write, DocSummary, Hit, Inserted, SearchFilter, Stats, Store};
use newsgraph_doc::Doc;
use rusqlite::{Connection, OpenFlags, OptionalExtension, ToSql, TransactionBehavior};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One connection to a newsgraph database file.
#[derive(Debug)]
pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
    analyzer_version: String,
}

/// A document [`SqliteStore::find`] found.
struct Found {
    docid: i64,
    id: String,
    record: String,
}

impl SqliteStore {
    /// Opens the database at `path`, creating the file and its folders if
    /// needed, and migrates it to [`SCHEMA_VERSION`].
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
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
        Ok(SqliteStore {
            conn,
            path: path.to_path_buf(),
            analyzer_version: format!("newsgraph {}", env!("CARGO_PKG_VERSION")),
        })
    }

    /// Opens the existing database at `path` for reading only (`show`,
    /// `search`): never creates or writes it, except to upgrade the schema of
    /// a database an older newsgraph made; a missing file is
    /// [`StoreError::NoDatabase`]. (The connection is opened without
    /// `CREATE` and with `PRAGMA query_only`, rather than `READ_ONLY`, so
    /// that closing it removes the WAL side files as a writer's close does;
    /// a write-protected file is opened read-only.)
    pub fn open_read_only(path: &Path) -> Result<SqliteStore, StoreError> {
        if !path.is_file() {
            return Err(StoreError::NoDatabase {
                path: path.to_path_buf(),
            });
        }
        let err = |e| sql_err(path, e);
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags).map_err(err)?;
        conn.busy_timeout(Duration::from_secs(5)).map_err(err)?;
        schema::check_readable(&conn, path)?;
        // A database an older newsgraph wrote lacks tables that reading now
        // uses (the part-of-word index): upgrading it is the one write a
        // reader makes, and only to a file that is already a database.
        schema::migrate(&mut conn, path)?;
        conn.pragma_update(None, "query_only", true).map_err(err)?;
        conn.set_prepared_statement_cache_capacity(32);
        Ok(SqliteStore {
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

    /// The document `key` names ([`Store::get`] says how).
    fn find(&self, key: &str) -> Result<Option<Found>, StoreError> {
        let err = |e| sql_err(&self.path, e);
        let row = |r: &rusqlite::Row<'_>| {
            Ok(Found {
                docid: r.get(0)?,
                id: r.get(1)?,
                record: r.get(2)?,
            })
        };
        let by_id: Option<Found> = self
            .conn
            .prepare_cached(
                "SELECT docid, id, record FROM documents WHERE id = ?1 ORDER BY docid DESC LIMIT 1",
            )
            .and_then(|mut s| s.query_row([key], row).optional())
            .map_err(err)?;
        if by_id.is_some() {
            return Ok(by_id);
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
                "SELECT docid, id, record FROM documents \
                 WHERE content_hash >= ?1 AND content_hash < ?2 LIMIT 2",
            )
            .map_err(err)?;
        let mut rows: Vec<Found> = stmt
            .query_map([&prefix, &upper], row)
            .and_then(|rows| rows.collect())
            .map_err(err)?;
        match rows.len() {
            0 | 1 => Ok(rows.pop()),
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

    /// Row counts of the layer tables: of one document when `docid` is
    /// given, else of all, with the documents counted too; one statement
    /// reads one snapshot, so the counts agree even while another process
    /// writes.
    fn count_rows(&self, docid: Option<i64>) -> Result<Stats, StoreError> {
        let counts: Vec<String> = std::iter::once("documents")
            .chain(write::layer_tables())
            .map(|t| match (docid, t) {
                (None, _) => format!("(SELECT count(*) FROM {t})"),
                (Some(_), "documents") => {
                    "(SELECT count(*) FROM documents WHERE docid = ?1)".to_string()
                }
                (Some(_), _) => format!("(SELECT count(*) FROM {t} WHERE doc = ?1)"),
            })
            .collect();
        let sql = format!("SELECT {}", counts.join(", "));
        let n = |r: &rusqlite::Row<'_>, i| r.get::<_, i64>(i).map(|v| v as u64);
        let params: Vec<i64> = docid.into_iter().collect();
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut s| {
                s.query_row(rusqlite::params_from_iter(params), |r| {
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

    /// The `AND …` clauses over `documents d` of a search filter, with their
    /// parameters in order.
    fn filter_sql(&self, f: &SearchFilter) -> Result<(String, Vec<Box<dyn ToSql>>), StoreError> {
        let mut sql = String::new();
        let mut params: Vec<Box<dyn ToSql>> = Vec::new();
        if let Some(e) = &f.entity {
            sql.push_str(
                " AND EXISTS (SELECT 1 FROM entities e WHERE e.doc = d.docid \
                   AND (e.kb = ? OR e.name = ? COLLATE NOCASE OR e.text = ? COLLATE NOCASE))",
            );
            for _ in 0..3 {
                params.push(Box::new(e.clone()));
            }
        }
        if let Some(s) = &f.speaker {
            sql.push_str(
                " AND EXISTS (SELECT 1 FROM quotes q WHERE q.doc = d.docid \
                   AND (q.speaker_kb = ? OR instr(lower(q.speaker_text), lower(?)) > 0 \
                        OR json_extract(q.extra, '$.speaker_name') = ? COLLATE NOCASE \
                        OR EXISTS (SELECT 1 FROM entities e WHERE e.doc = q.doc \
                                   AND e.kb = q.speaker_kb AND e.name = ? COLLATE NOCASE)))",
            );
            for _ in 0..4 {
                params.push(Box::new(s.clone()));
            }
        }
        for (name, value, op) in [("--from", &f.from, ">="), ("--to", &f.to, "<=")] {
            let Some(v) = value else { continue };
            if !is_date_prefix(v) {
                return Err(StoreError::BadFilter {
                    path: self.path.clone(),
                    filter: name,
                    value: v.clone(),
                    expected: "give a date as YYYY, YYYY-MM or YYYY-MM-DD",
                });
            }
            // Compare the date's first characters: `--to 2024-03` takes all
            // of March, `--from 2024-03` starts on its first day.
            sql.push_str(&format!(" AND substr(d.dct, 1, {}) {op} ?", v.len()));
            params.push(Box::new(v.clone()));
        }
        if let Some(l) = &f.lang {
            sql.push_str(" AND (lower(d.lang) = lower(?) OR lower(d.lang) LIKE lower(?) || '-%')");
            params.push(Box::new(l.clone()));
            params.push(Box::new(l.clone()));
        }
        Ok((sql, params))
    }

    /// Runs a search statement whose columns are docid, id, title, dct,
    /// snippet, score; an FTS5 error is [`StoreError::BadQuery`].
    fn hits(
        &self,
        sql: &str,
        params: &[Box<dyn ToSql>],
        query: &str,
    ) -> Result<Vec<(i64, Hit)>, StoreError> {
        let map = |e: rusqlite::Error| match &e {
            rusqlite::Error::SqliteFailure(_, Some(msg)) if msg.starts_with("fts5:") => {
                StoreError::BadQuery {
                    path: self.path.clone(),
                    query: query.to_string(),
                    reason: msg.clone(),
                }
            }
            _ => sql_err(&self.path, e),
        };
        let mut stmt = self.conn.prepare_cached(sql).map_err(map)?;
        let rows = stmt
            .query_map(
                rusqlite::params_from_iter(params.iter().map(|p| p.as_ref())),
                |r| {
                    Ok((
                        r.get(0)?,
                        Hit {
                            id: r.get(1)?,
                            title: r.get(2)?,
                            dct: r.get(3)?,
                            snippet: r.get(4)?,
                            score: r.get(5)?,
                        },
                    ))
                },
            )
            .and_then(|rows| rows.collect());
        rows.map_err(map)
    }

    fn parse_record(&self, id: &str, rec: &str) -> Result<Value, StoreError> {
        serde_json::from_str(rec).map_err(|source| StoreError::BadRecord {
            path: self.path.clone(),
            id: id.to_string(),
            source,
        })
    }
}

impl Store for SqliteStore {
    /// Stores `docs` in one transaction: each is stored with all its layers,
    /// or reported as a duplicate when a document with the same text is
    /// already stored (also earlier in the same batch). On error nothing of
    /// the batch is stored. Returns one [`Inserted`] per document, in order.
    fn insert_batch(&mut self, docs: &[Doc]) -> Result<Vec<Inserted>, StoreError> {
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
    fn get(&self, key: &str) -> Result<Option<Value>, StoreError> {
        match self.find(key)? {
            Some(found) => self.parse_record(&found.id, &found.record).map(Some),
            None => Ok(None),
        }
    }

    /// Full-text search over titles and texts of the documents `filter` lets
    /// through, at most `limit` hits.
    ///
    /// Words next to each other must all occur; `AND`, `OR`, `NOT` (in
    /// capitals) and `( )` are FTS5's boolean operators; `"two words"` is a
    /// phrase; a trailing `*` searches a prefix (`Kreml*`). Case and
    /// diacritics are ignored (`koln` finds *Köln*, `Koln` and `KÖLN`), but
    /// letters are not transliterated (`koeln` does not find *Köln*,
    /// `strasse` not *Straße*). Other syntax characters (`-`, `:`, `NEAR(`)
    /// are searched as text.
    ///
    /// The query runs on two indexes: `documents_fts` (whole words; these
    /// hits come first, by bm25) and then `documents_tri` (trigrams: a term
    /// found inside a longer word, as *Streik* in *Warnstreik*; terms shorter
    /// than three letters match nothing there). A query FTS5 cannot parse is
    /// [`StoreError::BadQuery`]; one without any letter or digit is
    /// [`StoreError::EmptyQuery`] unless `filter` filters, when the filtered
    /// documents are listed, newest first.
    fn search_with(
        &self,
        query: &str,
        filter: &SearchFilter,
        limit: usize,
    ) -> Result<Vec<Hit>, StoreError> {
        let fts = query::fts_query(query);
        if fts.is_none() && filter.is_empty() {
            return Err(StoreError::EmptyQuery {
                path: self.path.clone(),
                query: query.to_string(),
            });
        }
        let (where_sql, mut params) = self.filter_sql(filter)?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let Some(fts) = fts else {
            let sql = format!(
                "SELECT d.docid, d.id, d.title, d.dct, \
                        replace(replace(substr(d.text, 1, 160), char(13), ' '), char(10), ' ') || CASE WHEN length(d.text) > 160 THEN '…' ELSE '' END, \
                        0.0 FROM documents d WHERE 1 {where_sql} \
                 ORDER BY d.dct IS NULL, d.dct DESC, d.docid DESC LIMIT ?"
            );
            params.push(Box::new(limit));
            return self
                .hits(&sql, &params, query)
                .map(|h| h.into_iter().map(|(_, h)| h).collect());
        };
        params.insert(0, Box::new(fts));
        params.push(Box::new(limit));
        let words = format!(
            "SELECT d.docid, d.id, d.title, d.dct, \
                    snippet(documents_fts, -1, '[', ']', '…', 16), \
                    -bm25(documents_fts, 5.0, 1.0) AS score \
             FROM documents_fts JOIN documents d ON d.docid = documents_fts.rowid \
             WHERE documents_fts MATCH ? {where_sql} ORDER BY score DESC LIMIT ?"
        );
        let found = self.hits(&words, &params, query)?;
        let mut seen: std::collections::HashSet<i64> = found.iter().map(|(id, _)| *id).collect();
        let mut hits: Vec<Hit> = found.into_iter().map(|(_, h)| h).collect();
        if (hits.len() as i64) < limit {
            // Part-of-word matches: ask for enough to fill up after dropping
            // the documents already found.
            let n = params.len();
            params[n - 1] = Box::new(limit.saturating_add(hits.len() as i64));
            let parts = format!(
                "SELECT d.docid, d.id, d.title, d.dct, \
                        snippet(documents_tri, -1, '[', ']', '…', 64), \
                        -bm25(documents_tri, 5.0, 1.0) AS score \
                 FROM documents_tri JOIN documents d ON d.docid = documents_tri.rowid \
                 WHERE documents_tri MATCH ? {where_sql} ORDER BY score DESC LIMIT ?"
            );
            for (docid, hit) in self.hits(&parts, &params, query)? {
                if (hits.len() as i64) < limit && seen.insert(docid) {
                    hits.push(hit);
                }
            }
        }
        Ok(hits)
    }

    /// All documents, most recently stored first.
    fn documents(&self) -> Result<Vec<DocSummary>, StoreError> {
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
    fn stats(&self) -> Result<Stats, StoreError> {
        self.count_rows(None)
    }

    fn document_stats(&self, key: &str) -> Result<Option<Stats>, StoreError> {
        match self.find(key)? {
            Some(found) => self.count_rows(Some(found.docid)).map(Some),
            None => Ok(None),
        }
    }
}

/// Whether `v` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (digits only checked).
fn is_date_prefix(v: &str) -> bool {
    let b = v.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// [`SqliteStore::default_path`] with the environment given as a function, so
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

impl Drop for SqliteStore {
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

    #[test]
    fn reading_a_missing_database_creates_nothing_and_a_reader_never_writes() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("sub").join("none.db");
        let err = SqliteStore::open_read_only(&missing).err().unwrap();
        assert!(matches!(err, StoreError::NoDatabase { .. }), "{err}");
        assert!(err.to_string().contains("none.db: no such database"));
        assert!(!missing.exists() && !missing.parent().unwrap().exists());
        let db = dir.path().join("ng.db");
        drop(SqliteStore::open(&db).unwrap());
        let mut reader = SqliteStore::open_read_only(&db).unwrap();
        let doc = Doc::new("d", "Ein Satz.");
        assert!(reader.insert_batch(std::slice::from_ref(&doc)).is_err());
        assert!(reader.get("d").unwrap().is_none());
    }
}
