use std::fmt;

/// A document or a whole input could not be read. Always names the input
/// (path or `<stdin>`, plus line, record or item where it applies).
#[derive(Debug, thiserror::Error)]
#[error("{input}: {kind}")]
pub struct IngestError {
    /// The input, e.g. `notes.txt` or `feed.xml: item 3`.
    pub input: String,
    /// What went wrong.
    pub kind: ErrorKind,
}

impl IngestError {
    pub(crate) fn new(input: impl Into<String>, kind: ErrorKind) -> IngestError {
        IngestError {
            input: input.into(),
            kind,
        }
    }
}

/// Size in human units for messages.
pub(crate) struct Bytes(pub usize);

impl fmt::Display for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let b = self.0 as f64;
        if b >= 1024.0 * 1024.0 {
            write!(f, "{:.1} MiB", b / 1024.0 / 1024.0)
        } else if b >= 1024.0 {
            write!(f, "{:.1} KiB", b / 1024.0)
        } else {
            write!(f, "{} bytes", self.0)
        }
    }
}

/// The kinds of input problems.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be opened or read.
    #[error("cannot read: {0}; check the path and its permissions")]
    Io(#[source] std::io::Error),
    /// The input holds no bytes (or only whitespace).
    #[error("empty input, nothing to analyse")]
    Empty,
    /// The input looks binary.
    #[error("binary data (NUL bytes), not a text, HTML, JSON Lines, feed or WARC file")]
    Binary,
    /// Text that is not UTF-8.
    #[error("not UTF-8 text (invalid byte 0x{byte:02x} at offset {offset}) nor text in a legacy encoding; convert it to UTF-8, or pass --format html for a legacy-encoded web page")]
    NotUtf8 {
        /// The offending byte.
        byte: u8,
        /// Its offset in the input.
        offset: usize,
    },
    /// A document larger than the limit.
    #[error("document of {} exceeds the {} limit; raise it with --max-doc-bytes", Bytes(*size), Bytes(*limit))]
    TooLarge {
        /// Size of the document (or a lower bound).
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// A JSON Lines record that is not valid.
    #[error("invalid JSON Lines record: {0}; each line must be a JSON object with at least a \"text\" string")]
    BadRecord(String),
    /// An HTML page without extractable article text.
    #[error("no main content found in the HTML page ({0})")]
    NoContent(String),
    /// A feed that does not parse.
    #[error("not a valid RSS/Atom feed: {0}")]
    BadFeed(String),
    /// A WARC archive that does not parse or ends early.
    #[error("{0}")]
    BadWarc(String),
    /// A compressed stream that ends before its end marker.
    #[error("compressed data ends early (truncated gzip?): {0}; the records before this point were read")]
    Truncated(String),
    /// A format forced with `--format` that the input does not hold.
    #[error("holds no {}, yet --format {} was given; drop --format to detect the format, or name the one the input is in", .0.unit(), .0.name())]
    NoMatch(crate::Format),
    /// A directory that holds no file to read.
    #[error("no files to read in the directory{0}; check the path and the --glob patterns")]
    EmptyDir(String),
    /// A `--glob` pattern that does not parse.
    #[error("bad --glob pattern: {0}")]
    BadGlob(String),
    /// The requested format does not exist.
    #[error("unknown format {0:?}; use text, jsonl, html, rss, atom or warc")]
    UnknownFormat(String),
}
