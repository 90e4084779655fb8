//! Readers that turn inputs into newsgraph [`Doc`]s: plain text (with
//! datelines), JSON Lines, HTML (main content), RSS/Atom feeds and WARC
//! archives (plain or gzipped), as streams.
//!
//! Overview: [`read_path`] and [`read_stdin`] return a [`DocIter`], an
//! iterator of `Result<Doc, IngestError>`: a bad record is an error item and
//! the stream goes on. [`Format`] is detected from the file name, then from
//! the first bytes, unless [`ReadOptions::format`] says otherwise. Nothing
//! reads a whole archive or line-oriented file into memory: memory is bounded
//! by the largest single document ([`ReadOptions::max_doc_bytes`]).
//!
//! Plain text is kept byte-identical (a leading UTF-8 byte-order mark is
//! dropped); a dateline in the first lines gives the document date and the
//! first other line, when headline-sized, the title.
//!
//! ```
//! let dir = tempfile::tempdir().unwrap();
//! let path = dir.path().join("meldung.txt");
//! std::fs::write(&path, "12. Juni 2024\nRegierung beschließt Haushalt\nDer Bundestag hat …").unwrap();
//! let docs: Vec<_> = newsgraph_read::read_path(&path, &Default::default()).unwrap().collect();
//! let doc = docs[0].as_ref().unwrap();
//! assert_eq!(doc.meta.id, "meldung");
//! assert_eq!(doc.meta.dct.unwrap().to_string(), "2024-06-12");
//! assert_eq!(doc.meta.title.as_deref(), Some("Regierung beschließt Haushalt"));
//! ```
#![deny(missing_docs)]

pub mod dateline;
mod error;
mod formats;

pub use error::{ErrorKind, IngestError};
pub use formats::DocIter;

use newsgraph_doc::Doc;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::str::FromStr;

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A plain-text article.
    Text,
    /// One JSON object per line.
    Jsonl,
    /// An HTML page.
    Html,
    /// An RSS or Atom feed.
    Feed,
    /// A WARC archive.
    Warc,
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Format, String> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Format::Text,
            "jsonl" | "ndjson" | "json" => Format::Jsonl,
            "html" | "htm" => Format::Html,
            "rss" | "atom" | "feed" => Format::Feed,
            "warc" => Format::Warc,
            other => return Err(ErrorKind::UnknownFormat(other.to_string()).to_string()),
        })
    }
}

/// How to read inputs.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// The format, or `None` to detect it.
    pub format: Option<Format>,
    /// Largest document accepted, in bytes.
    pub max_doc_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            format: None,
            max_doc_bytes: 64 * 1024 * 1024,
        }
    }
}

/// Opens a file and streams the documents in it.
///
/// The `Err` case is for inputs that can't be opened at all; problems with
/// single documents come as error items of the iterator.
pub fn read_path(path: &Path, opts: &ReadOptions) -> Result<DocIter, IngestError> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| IngestError::new(&name, ErrorKind::Io(e)))?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(IngestError::new(
            &name,
            ErrorKind::Io(std::io::Error::other("is a directory")),
        ));
    }
    let stem = file_stem(path);
    let by_name = opts.format.or_else(|| format_from_name(path));
    formats::open(
        name,
        stem,
        Box::new(BufReader::with_capacity(64 * 1024, file)),
        by_name,
        opts,
    )
}

/// Streams the documents on standard input (format detected from content).
pub fn read_stdin(opts: &ReadOptions) -> Result<DocIter, IngestError> {
    let stdin: Box<dyn BufRead + Send> =
        Box::new(BufReader::with_capacity(64 * 1024, std::io::stdin()));
    formats::open("<stdin>".to_string(), None, stdin, opts.format, opts)
}

/// Streams the documents from any reader; `name` names it in errors.
pub fn read_from(
    name: &str,
    reader: impl Read + Send + 'static,
    opts: &ReadOptions,
) -> Result<DocIter, IngestError> {
    let reader: Box<dyn BufRead + Send> = Box::new(BufReader::new(reader));
    formats::open(name.to_string(), None, reader, opts.format, opts)
}

fn file_stem(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let stem = name
        .strip_suffix(".gz")
        .unwrap_or(name)
        .rsplit_once('.')
        .map_or(name, |(s, _)| s);
    (!stem.is_empty()).then(|| stem.to_string())
}

fn format_from_name(path: &Path) -> Option<Format> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit_once('.')?.1;
    Some(match ext {
        "txt" | "text" | "md" => Format::Text,
        "jsonl" | "ndjson" => Format::Jsonl,
        "html" | "htm" | "xhtml" => Format::Html,
        "rss" | "atom" => Format::Feed,
        "warc" => Format::Warc,
        _ => return None,
    })
}

/// A document's id when the input gives none: the first 16 hex digits of the
/// SHA-256 of its text.
pub fn content_id(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(text.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// Builds a document from its text and what a reader knows of it.
pub(crate) fn make_doc(text: String, id: Option<String>) -> Doc {
    let id = id.unwrap_or_else(|| content_id(&text));
    Doc::new(id, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_names() {
        assert_eq!(format_from_name(Path::new("a.warc.gz")), Some(Format::Warc));
        assert_eq!(format_from_name(Path::new("A.HTML")), Some(Format::Html));
        assert_eq!(format_from_name(Path::new("x.jsonl")), Some(Format::Jsonl));
        assert_eq!(format_from_name(Path::new("noext")), None);
        assert_eq!(
            file_stem(Path::new("/a/de-kim.txt")).as_deref(),
            Some("de-kim")
        );
        assert_eq!(
            file_stem(Path::new("crawl.warc.gz")).as_deref(),
            Some("crawl")
        );
    }

    #[test]
    fn format_names_parse() {
        assert_eq!("atom".parse::<Format>(), Ok(Format::Feed));
        assert!("pdf"
            .parse::<Format>()
            .unwrap_err()
            .contains("unknown format"));
    }
}
