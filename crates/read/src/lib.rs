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
//! The name's extension gives way to content that is clearly JSON Lines (the
//! first lines each an object with a `"text"` key) or WARC; a format forced
//! with [`ReadOptions::format`] that the input does not hold is an error.
//! UTF-16 with a byte-order mark, and text in a legacy encoding (Latin-1,
//! Windows-1252, … as chardetng guesses it), are decoded, and
//! `Meta::encoding` names the encoding. A directory is read recursively
//! ([`read_dir`]).
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

impl Format {
    /// The format's name, as `--format` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Jsonl => "jsonl",
            Format::Html => "html",
            Format::Feed => "rss",
            Format::Warc => "warc",
        }
    }

    /// What one unit of the format is, for messages.
    fn unit(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Jsonl => "JSON Lines record (a line starting with `{`)",
            Format::Html => "HTML",
            Format::Feed => "RSS/Atom feed (XML starting with `<`)",
            Format::Warc => "WARC record (a file starting with `WARC/1.`)",
        }
    }
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
///
/// A directory is read as [`read_dir`] reads it, with no `--glob`.
pub fn read_path(path: &Path, opts: &ReadOptions) -> Result<DocIter, IngestError> {
    if path.is_dir() {
        return read_dir(path, &[], opts);
    }
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| IngestError::new(&name, ErrorKind::Io(e)))?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(IngestError::new(
            &name,
            ErrorKind::Io(std::io::Error::other("is a directory")),
        ));
    }
    let stem = file_stem(path);
    let by_name = format_from_name(path);
    formats::open(
        name,
        stem,
        Box::new(BufReader::with_capacity(64 * 1024, file)),
        opts.format,
        by_name,
        opts,
    )
}

/// Reads every file under a directory, recursively, in sorted order (as
/// ripgrep does): hidden files and folders (`.name`) are skipped, symbolic
/// links to folders are not followed, and a file or folder that can't be
/// read is an error item naming it, after which the walk goes on.
///
/// `globs` select files as ripgrep's `--glob` does: a file is read when it
/// matches one of the patterns (any file when none is given) and no pattern
/// starting with `!`. A pattern is matched against the path below `dir` and
/// against the file name, so `*.txt` selects text files at any depth.
pub fn read_dir(dir: &Path, globs: &[String], opts: &ReadOptions) -> Result<DocIter, IngestError> {
    let name = dir.display().to_string();
    let (include, exclude) =
        glob_sets(globs).map_err(|e| IngestError::new(&name, ErrorKind::BadGlob(e)))?;
    let selected = |rel: &Path| {
        let file_name = Path::new(rel.file_name().unwrap_or_default());
        let matches = |set: &globset::GlobSet| set.is_match(rel) || set.is_match(file_name);
        (include.is_empty() || matches(&include)) && !matches(&exclude)
    };
    let mut items: Vec<Result<std::path::PathBuf, IngestError>> = Vec::new();
    let walk = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walk {
        match entry {
            Err(e) => {
                let at = e
                    .path()
                    .map_or_else(|| name.clone(), |p| p.display().to_string());
                let io = e
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("file system loop"));
                items.push(Err(IngestError::new(at, ErrorKind::Io(io))));
            }
            Ok(e) if e.file_type().is_dir() || e.path().is_dir() => {}
            Ok(e) => {
                let rel = e.path().strip_prefix(dir).unwrap_or(e.path());
                if selected(rel) {
                    items.push(Ok(e.into_path()));
                }
            }
        }
    }
    if !items.iter().any(Result::is_ok) {
        let what = if globs.is_empty() {
            String::new()
        } else {
            format!(" matching --glob {}", globs.join(", "))
        };
        items.push(Err(IngestError::new(&name, ErrorKind::EmptyDir(what))));
    }
    let opts = opts.clone();
    Ok(DocIter::from_iter(items.into_iter().flat_map(
        move |item| match item.and_then(|path| read_path(&path, &opts)) {
            Ok(docs) => docs,
            Err(e) => DocIter::from_iter(std::iter::once(Err(e))),
        },
    )))
}

/// Checks `--glob` patterns: `Err` names the first that does not parse.
pub fn check_globs(globs: &[String]) -> Result<(), String> {
    glob_sets(globs).map(|_| ())
}

/// The including and the excluding (`!`) patterns.
fn glob_sets(globs: &[String]) -> Result<(globset::GlobSet, globset::GlobSet), String> {
    let mut include = globset::GlobSetBuilder::new();
    let mut exclude = globset::GlobSetBuilder::new();
    for pattern in globs {
        let (set, p) = match pattern.strip_prefix('!') {
            Some(p) => (&mut exclude, p),
            None => (&mut include, pattern.as_str()),
        };
        let glob = globset::GlobBuilder::new(p)
            .literal_separator(false)
            .build()
            .map_err(|e| format!("{pattern:?}: {e}"))?;
        set.add(glob);
    }
    let build = |b: globset::GlobSetBuilder| b.build().map_err(|e| e.to_string());
    Ok((build(include)?, build(exclude)?))
}

/// Streams the documents on standard input (format detected from content).
pub fn read_stdin(opts: &ReadOptions) -> Result<DocIter, IngestError> {
    let stdin: Box<dyn BufRead + Send> =
        Box::new(BufReader::with_capacity(64 * 1024, std::io::stdin()));
    formats::open("<stdin>".to_string(), None, stdin, opts.format, None, opts)
}

/// Streams the documents from any reader; `name` names it in errors.
pub fn read_from(
    name: &str,
    reader: impl Read + Send + 'static,
    opts: &ReadOptions,
) -> Result<DocIter, IngestError> {
    let reader: Box<dyn BufRead + Send> = Box::new(BufReader::new(reader));
    formats::open(name.to_string(), None, reader, opts.format, None, opts)
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
