use rusqlite::ErrorCode;
use std::path::{Path, PathBuf};

/// What went wrong in the store. Every message names the database file and
/// says what to do.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The folder for a new database could not be created.
    #[error("{}: cannot create the database folder: {source}; check the path and its permissions or use a different --db", path.display())]
    CreateDir {
        /// The database file.
        path: PathBuf,
        /// The underlying failure.
        source: std::io::Error,
    },
    /// Another connection holds the write lock longer than the busy timeout.
    #[error("{}: database is locked by another process; retry or use a different --db", path.display())]
    Locked {
        /// The database file.
        path: PathBuf,
    },
    /// A reading command found no database file at the path (reading never
    /// creates one).
    #[error("{}: no such database; `newsgraph ingest FILES --db {}` creates one, or give the path of an existing one with --db", path.display(), path.display())]
    NoDatabase {
        /// The database file.
        path: PathBuf,
    },
    /// A reading command found a database without newsgraph's schema (an
    /// empty file).
    #[error("{}: an empty database without newsgraph documents; ingest into it first (`newsgraph ingest FILES --db {}`) or use a different --db", path.display(), path.display())]
    EmptyDatabase {
        /// The database file.
        path: PathBuf,
    },
    /// The file can't be opened (it is a folder, or its folder is missing or
    /// unreadable).
    #[error("{}: cannot open the database file; check that the path names a file you may read and write or use a different --db", path.display())]
    CannotOpen {
        /// The database file.
        path: PathBuf,
    },
    /// The file exists but is not a SQLite database.
    #[error("{}: not a SQLite database (or an encrypted or damaged one); pass a newsgraph database with --db", path.display())]
    NotADatabase {
        /// The database file.
        path: PathBuf,
    },
    /// The file is a SQLite database of another program.
    #[error("{}: a SQLite database of another program (it has tables but no newsgraph schema); use a different --db", path.display())]
    Foreign {
        /// The database file.
        path: PathBuf,
    },
    /// The database was written by a newer newsgraph.
    #[error("{}: database schema version {found} is newer than this newsgraph knows (version {known}); upgrade newsgraph or use a different --db", path.display())]
    TooNew {
        /// The database file.
        path: PathBuf,
        /// The version in the file.
        found: i64,
        /// The newest version this build knows.
        known: i64,
    },
    /// The database file or its folder cannot be written.
    #[error("{}: database is read-only; check the permissions of the file and its folder or use a different --db", path.display())]
    ReadOnly {
        /// The database file.
        path: PathBuf,
    },
    /// The disk or the file system quota is full.
    #[error("{}: disk full while writing the database; free some space and retry (nothing of the failed batch was stored)", path.display())]
    DiskFull {
        /// The database file.
        path: PathBuf,
    },
    /// A document has a span outside its text, so its record can't be built.
    #[error("{}: document {id:?} has a {layer} span {start}..{end} outside its {len}-byte text; nothing of this batch was stored (a stage wrote a bad span: report it)", path.display())]
    InvalidSpan {
        /// The database file.
        path: PathBuf,
        /// The document's id.
        id: String,
        /// The layer holding the span.
        layer: &'static str,
        /// Span start (bytes).
        start: usize,
        /// Span end (bytes).
        end: usize,
        /// Text length in bytes.
        len: usize,
    },
    /// A search query has no word to look for.
    #[error("{}: empty search query {query:?}; give at least one word (letters or digits)", path.display())]
    EmptyQuery {
        /// The database file.
        path: PathBuf,
        /// The query as given.
        query: String,
    },
    /// FTS5 cannot parse a search query (an operator without a term on one
    /// side, an unbalanced parenthesis).
    #[error("{}: cannot parse search query {query:?} ({reason}); write words, \"phrases\", AND, OR, NOT between terms and balanced (parentheses), e.g. Streik AND (Bahn OR Lufthansa) NOT Verdi", path.display())]
    BadQuery {
        /// The database file.
        path: PathBuf,
        /// The query as given.
        query: String,
        /// FTS5's message.
        reason: String,
    },
    /// A search filter value is malformed.
    #[error("{}: bad search filter {filter} {value:?}; {expected}", path.display())]
    BadFilter {
        /// The database file.
        path: PathBuf,
        /// The filter's name (`--from`).
        filter: &'static str,
        /// The value as given.
        value: String,
        /// What to give instead.
        expected: &'static str,
    },
    /// A content-hash prefix matches several documents.
    #[error("{}: {prefix:?} is the start of {count} content hashes; give more characters", path.display())]
    AmbiguousHash {
        /// The database file.
        path: PathBuf,
        /// The prefix as given.
        prefix: String,
        /// How many documents it matches.
        count: usize,
    },
    /// A stored record is not valid JSON (the database was edited by hand).
    #[error("{}: the stored record of document {id:?} is not valid JSON ({source}); re-ingest the document", path.display())]
    BadRecord {
        /// The database file.
        path: PathBuf,
        /// The document's id.
        id: String,
        /// The parse failure.
        source: serde_json::Error,
    },
    /// Any other SQLite failure.
    #[error("{}: database error: {source}", path.display())]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// The SQLite error.
        source: rusqlite::Error,
    },
}

/// Maps a SQLite error to the variant that tells the user what to do.
pub(crate) fn sql_err(path: &Path, e: rusqlite::Error) -> StoreError {
    let path = path.to_path_buf();
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Locked { path },
        Some(ErrorCode::CannotOpen) => StoreError::CannotOpen { path },
        Some(ErrorCode::NotADatabase) => StoreError::NotADatabase { path },
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path },
        Some(ErrorCode::DiskFull) => StoreError::DiskFull { path },
        _ => StoreError::Sqlite { path, source: e },
    }
}
