//! One reader per format, behind [`open`], which detects the format.

use crate::dateline::{self, Dateline};
use crate::error::{ErrorKind, IngestError};
use crate::{make_doc, Format, ReadOptions};
use newsgraph_doc::Doc;
use std::io::{BufRead, BufReader, Read};

/// A stream of documents, or error items for the ones that could not be read.
pub struct DocIter(Box<dyn Iterator<Item = Result<Doc, IngestError>> + Send>);

impl Iterator for DocIter {
    type Item = Result<Doc, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next()
    }
}

impl DocIter {
    fn once(item: Result<Doc, IngestError>) -> DocIter {
        DocIter(Box::new(std::iter::once(item)))
    }

    fn many(items: Vec<Result<Doc, IngestError>>) -> DocIter {
        DocIter(Box::new(items.into_iter()))
    }
}

type Reader = Box<dyn BufRead + Send>;

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
/// Longest headline accepted as a title, in words.
const MAX_TITLE_WORDS: usize = 30;
/// Lines looked at for a dateline.
const DATELINE_LINES: usize = 2;

pub(crate) fn open(
    name: String,
    stem: Option<String>,
    mut reader: Reader,
    format: Option<Format>,
    opts: &ReadOptions,
) -> Result<DocIter, IngestError> {
    let io_err = |e| IngestError::new(&name, ErrorKind::Io(e));
    let head = reader.fill_buf().map_err(io_err)?;
    if head.is_empty() {
        return Err(IngestError::new(&name, ErrorKind::Empty));
    }
    if head.starts_with(&GZIP_MAGIC) {
        let inner: Reader = Box::new(BufReader::with_capacity(
            64 * 1024,
            flate2::bufread::MultiGzDecoder::new(reader),
        ));
        return open(name, stem, inner, format, opts);
    }
    let format = match format {
        Some(f) => f,
        None => sniff(head).ok_or_else(|| IngestError::new(&name, ErrorKind::Binary))?,
    };
    Ok(match format {
        Format::Jsonl => jsonl(name, reader, opts.max_doc_bytes),
        Format::Warc => warc(name, reader, opts.max_doc_bytes),
        Format::Text => {
            let bytes = read_limited(&name, reader, opts.max_doc_bytes)?;
            DocIter::once(text(&name, stem, bytes))
        }
        Format::Html => {
            let bytes = read_limited(&name, reader, opts.max_doc_bytes)?;
            DocIter::once(html(&name, stem, &bytes, None))
        }
        Format::Feed => {
            let bytes = read_limited(&name, reader, opts.max_doc_bytes)?;
            feed(&name, &bytes)
        }
    })
}

/// The format from the first bytes; `None` for binary data.
fn sniff(head: &[u8]) -> Option<Format> {
    let window = &head[..head.len().min(8192)];
    if window.contains(&0) {
        return None;
    }
    let start = window
        .strip_prefix(b"\xef\xbb\xbf".as_slice())
        .unwrap_or(window);
    let start = &start[start
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0)..];
    let lower: Vec<u8> = start[..start.len().min(2048)].to_ascii_lowercase();
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    Some(if lower.starts_with(b"warc/1.") {
        Format::Warc
    } else if lower.starts_with(b"{") {
        Format::Jsonl
    } else if lower.starts_with(b"<rss")
        || lower.starts_with(b"<feed")
        || lower.starts_with(b"<rdf")
    {
        Format::Feed
    } else if lower.starts_with(b"<?xml") {
        if has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf") {
            Format::Feed
        } else {
            Format::Html
        }
    } else if lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || lower.starts_with(b"<head")
        || lower.starts_with(b"<body")
        || (lower.starts_with(b"<") && (has(b"<p>") || has(b"<div")))
    {
        Format::Html
    } else {
        Format::Text
    })
}

/// Reads at most `limit` bytes; more is a [`ErrorKind::TooLarge`] error.
fn read_limited(name: &str, reader: Reader, limit: usize) -> Result<Vec<u8>, IngestError> {
    let mut bytes = Vec::new();
    reader
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| read_error(name, e))?;
    if bytes.len() > limit {
        return Err(IngestError::new(
            name,
            ErrorKind::TooLarge {
                size: bytes.len(),
                limit,
            },
        ));
    }
    Ok(bytes)
}

fn read_error(name: &str, e: std::io::Error) -> IngestError {
    if e.kind() == std::io::ErrorKind::UnexpectedEof || e.kind() == std::io::ErrorKind::InvalidInput
    {
        IngestError::new(name, ErrorKind::Truncated(e.to_string()))
    } else {
        IngestError::new(name, ErrorKind::Io(e))
    }
}

fn utf8(name: &str, bytes: Vec<u8>) -> Result<String, IngestError> {
    if bytes.contains(&0) {
        return Err(IngestError::new(name, ErrorKind::Binary));
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let byte = e.as_bytes()[offset];
        IngestError::new(name, ErrorKind::NotUtf8 { byte, offset })
    })
}

/// A plain-text article: the text verbatim (less a byte-order mark), the
/// date from a dateline in the first lines, the first other line as title.
fn text(name: &str, stem: Option<String>, bytes: Vec<u8>) -> Result<Doc, IngestError> {
    let mut text = utf8(name, bytes)?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if text.trim().is_empty() {
        return Err(IngestError::new(name, ErrorKind::Empty));
    }
    let (dct, title) = dateline_and_title(&text);
    let mut doc = make_doc(text, stem);
    doc.meta.dct = dct;
    doc.meta.title = title;
    doc.meta.source = Some(name.to_string());
    Ok(doc)
}

/// The document date from a dateline among the first lines, and the title:
/// the first line that is not a dateline, when it is headline-sized.
pub(crate) fn dateline_and_title(text: &str) -> (Option<jiff::civil::Date>, Option<String>) {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(DATELINE_LINES + 1)
        .collect();
    let mut dct = None;
    let mut title = None;
    for (i, line) in lines.iter().enumerate() {
        let found = if dct.is_none() && i < DATELINE_LINES {
            dateline::parse(line)
        } else {
            None
        };
        match found {
            Some(Dateline::Line(d)) => dct = Some(d),
            Some(Dateline::Prefix(d)) => {
                dct = Some(d);
                break;
            }
            None if title.is_none() => {
                if line.split_whitespace().count() <= MAX_TITLE_WORDS {
                    title = Some(line.to_string());
                }
                if dct.is_some() || i + 1 >= DATELINE_LINES {
                    break;
                }
            }
            None => break,
        }
    }
    (dct, title)
}

/// One HTML page: main content (boilerplate dropped), title, date, url.
fn html(
    name: &str,
    stem: Option<String>,
    bytes: &[u8],
    url: Option<&str>,
) -> Result<Doc, IngestError> {
    if bytes.contains(&0) {
        return Err(IngestError::new(name, ErrorKind::Binary));
    }
    let options = rs_trafilatura::Options {
        url: url.map(str::to_string),
        ..rs_trafilatura::Options::default()
    };
    let extracted = rs_trafilatura::extract_bytes_with_options(bytes, &options)
        .map_err(|e| IngestError::new(name, ErrorKind::NoContent(e.to_string())))?;
    let text = extracted.content_text.trim().to_string();
    if text.is_empty() {
        return Err(IngestError::new(
            name,
            ErrorKind::NoContent("the page has no article text".into()),
        ));
    }
    let meta = extracted.metadata;
    let mut doc = make_doc(text, stem);
    doc.meta.title = meta.title.filter(|t| !t.trim().is_empty());
    doc.meta.dct = meta
        .date
        .and_then(|d| d.format("%Y-%m-%d").to_string().parse().ok());
    doc.meta.url = url.map(str::to_string).or(meta.url);
    doc.meta.source = meta.sitename.or(meta.hostname).or(Some(name.to_string()));
    doc.meta.author = meta.author.filter(|a| !a.trim().is_empty());
    if doc.meta.dct.is_none() {
        doc.meta.dct = dateline_and_title(doc.text()).0;
    }
    Ok(doc)
}

/// The text of an HTML fragment (feed summaries), paragraphs on lines.
fn fragment_text(html: &str) -> String {
    let doc = dom_query::Document::fragment(html);
    let text = doc.select("body").text();
    let text = if text.trim().is_empty() {
        doc.root().text()
    } else {
        text
    };
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// An RSS or Atom feed: one document per item.
fn feed(name: &str, bytes: &[u8]) -> DocIter {
    let parsed = match feed_rs::parser::parse(bytes) {
        Ok(f) => f,
        Err(e) => {
            return DocIter::once(Err(IngestError::new(
                name,
                ErrorKind::BadFeed(e.to_string()),
            )))
        }
    };
    let source = parsed.title.as_ref().map(|t| t.content.clone());
    let mut items = Vec::new();
    for (i, entry) in parsed.entries.into_iter().enumerate() {
        let item_name = format!("{name}: item {}", i + 1);
        let body = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .filter(|b| !b.trim().is_empty())
            .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()));
        let Some(body) = body else {
            items.push(Err(IngestError::new(
                item_name,
                ErrorKind::NoContent("the item has neither content nor summary".into()),
            )));
            continue;
        };
        let text = fragment_text(&body);
        if text.is_empty() {
            items.push(Err(IngestError::new(item_name, ErrorKind::Empty)));
            continue;
        }
        let url = entry.links.first().map(|l| l.href.clone());
        let id = if entry.id.trim().is_empty() {
            None
        } else {
            Some(entry.id.clone())
        };
        let mut doc = make_doc(text, id);
        doc.meta.title = entry.title.map(|t| fragment_text(&t.content));
        doc.meta.dct = entry
            .published
            .or(entry.updated)
            .and_then(|d| d.format("%Y-%m-%d").to_string().parse().ok());
        doc.meta.url = url;
        doc.meta.source = source.clone().or_else(|| Some(name.to_string()));
        doc.meta.author = entry
            .authors
            .iter()
            .filter_map(|p| p.name.as_deref())
            .map(str::trim)
            .find(|a| !a.is_empty())
            .map(str::to_string);
        items.push(Ok(doc));
    }
    if items.is_empty() {
        items.push(Err(IngestError::new(
            name,
            ErrorKind::BadFeed("the feed has no items".into()),
        )));
    }
    DocIter::many(items)
}

/// JSON Lines, one record at a time; a line longer than the limit is
/// skipped without being held in memory.
fn jsonl(name: String, mut reader: Reader, limit: usize) -> DocIter {
    let mut line_no = 0usize;
    let mut done = false;
    DocIter(Box::new(std::iter::from_fn(move || loop {
        if done {
            return None;
        }
        line_no += 1;
        let mut line = Vec::new();
        match read_line_limited(&mut reader, &mut line, limit) {
            Err(e) => {
                done = true;
                return Some(Err(read_error(&format!("{name}: line {line_no}"), e)));
            }
            Ok(LineRead::Eof) => return None,
            Ok(LineRead::TooLong(size)) => {
                return Some(Err(IngestError::new(
                    format!("{name}: line {line_no}"),
                    ErrorKind::TooLarge { size, limit },
                )))
            }
            Ok(LineRead::Line) => {
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                return Some(json_record(&format!("{name}: line {line_no}"), &line));
            }
        }
    })))
}

enum LineRead {
    Line,
    Eof,
    TooLong(usize),
}

fn read_line_limited(
    reader: &mut Reader,
    line: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<LineRead> {
    let mut size = 0usize;
    let mut any = false;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(match (any, size > limit) {
                (false, _) => LineRead::Eof,
                (true, true) => LineRead::TooLong(size),
                (true, false) => LineRead::Line,
            });
        }
        any = true;
        let (chunk, found) = match memchr(b'\n', buf) {
            Some(i) => (&buf[..i], true),
            None => (buf, false),
        };
        size += chunk.len();
        if size <= limit {
            line.extend_from_slice(chunk);
        } else {
            line.clear();
        }
        let used = chunk.len() + usize::from(found);
        reader.consume(used);
        if found {
            return Ok(if size > limit {
                LineRead::TooLong(size)
            } else {
                LineRead::Line
            });
        }
    }
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|b| *b == needle)
}

fn json_record(name: &str, line: &[u8]) -> Result<Doc, IngestError> {
    let bad = |m: String| IngestError::new(name, ErrorKind::BadRecord(m));
    let value: serde_json::Value = serde_json::from_slice(line).map_err(|e| bad(e.to_string()))?;
    let obj = value
        .as_object()
        .ok_or_else(|| bad("not a JSON object".into()))?;
    let text = obj
        .get("text")
        .and_then(|t| t.as_str())
        .ok_or_else(|| bad("no \"text\" string".into()))?;
    if text.trim().is_empty() {
        return Err(IngestError::new(name, ErrorKind::Empty));
    }
    let field = |k: &str| obj.get(k).and_then(|v| v.as_str()).map(str::to_string);
    let id = obj.get("id").and_then(|v| match v {
        serde_json::Value::String(s) if !s.is_empty() => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    });
    let mut doc = make_doc(text.to_string(), id);
    if let Some(dct) = field("dct") {
        let date = dct.get(..10).unwrap_or(&dct);
        doc.meta.dct = Some(date.parse().map_err(|_| {
            bad(format!(
                "\"dct\" {dct:?} is not a date; write it as YYYY-MM-DD"
            ))
        })?);
    }
    doc.meta.title = field("title");
    doc.meta.url = field("url");
    doc.meta.source = field("source");
    doc.meta.author = field("author").filter(|a| !a.trim().is_empty());
    doc.meta.lang = field("lang").filter(|l| !l.is_empty());
    Ok(doc)
}

/// A WARC archive, record by record: `response` records with an HTML payload
/// become documents, other records are skipped. The first parse or read
/// error ends the stream with an error item (records after a broken one
/// can't be found reliably).
fn warc(name: String, reader: Reader, limit: usize) -> DocIter {
    let mut records = warc::WarcReader::new(reader).iter_records();
    let mut index = 0usize;
    let mut done = false;
    DocIter(Box::new(std::iter::from_fn(move || loop {
        if done {
            return None;
        }
        index += 1;
        let record = match records.next()? {
            Ok(r) => r,
            Err(e) => {
                done = true;
                let where_ = format!("{name}: record {index}");
                return Some(Err(match e {
                    warc::Error::ReadData(io) => read_error(&where_, io),
                    warc::Error::UnexpectedEOB => IngestError::new(
                        where_,
                        ErrorKind::Truncated("the archive ends inside a record".into()),
                    ),
                    other => IngestError::new(
                        where_,
                        ErrorKind::BadWarc(format!("not a valid WARC record: {other}")),
                    ),
                }));
            }
        };
        if *record.warc_type() != warc::RecordType::Response {
            continue;
        }
        let url = record
            .header(warc::WarcHeader::TargetURI)
            .map(|u| u.trim_matches(['<', '>']).to_string());
        let where_ = format!(
            "{name}: record {index} ({})",
            url.as_deref().unwrap_or("no URL")
        );
        let Some(payload) = http_html_payload(record.body()) else {
            continue;
        };
        if payload.len() > limit {
            return Some(Err(IngestError::new(
                where_,
                ErrorKind::TooLarge {
                    size: payload.len(),
                    limit,
                },
            )));
        }
        let warc_date: Option<jiff::civil::Date> =
            record.date().format("%Y-%m-%d").to_string().parse().ok();
        let id = Some(record.warc_id().trim_matches(['<', '>']).to_string());
        return Some(html(&where_, id, &payload, url.as_deref()).map(|mut doc| {
            doc.meta.dct = doc.meta.dct.or(warc_date);
            doc
        }));
    })))
}

/// The body of an HTTP response whose content type is HTML, de-chunked.
fn http_html_payload(http: &[u8]) -> Option<Vec<u8>> {
    let split = http.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&http[..split]).to_ascii_lowercase();
    let body = &http[split + 4..];
    let header = |name: &str| {
        head.lines()
            .find_map(|l| l.strip_prefix(name).map(|v| v.trim().to_string()))
    };
    if !header("content-type:").is_some_and(|ct| ct.contains("html")) {
        return None;
    }
    if header("transfer-encoding:").is_some_and(|te| te.contains("chunked")) {
        return Some(dechunk(body));
    }
    Some(body.to_vec())
}

fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    while let Some(eol) = body.windows(2).position(|w| w == b"\r\n") {
        let size_text = String::from_utf8_lossy(&body[..eol]);
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let Ok(size) = usize::from_str_radix(size_text, 16) else {
            break;
        };
        body = &body[eol + 2..];
        if size == 0 || size > body.len() {
            out.extend_from_slice(&body[..size.min(body.len())]);
            break;
        }
        out.extend_from_slice(&body[..size]);
        body = body.get(size + 2..).unwrap_or(&[]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_formats() {
        assert_eq!(sniff(b"WARC/1.0\r\n"), Some(Format::Warc));
        assert_eq!(sniff(b"  {\"text\":\"a\"}"), Some(Format::Jsonl));
        assert_eq!(sniff(b"<?xml version=\"1.0\"?><rss>"), Some(Format::Feed));
        assert_eq!(sniff(b"<!DOCTYPE html><html>"), Some(Format::Html));
        assert_eq!(sniff(b"12. Juni 2024\nText"), Some(Format::Text));
        assert_eq!(sniff(b"a\0b"), None);
    }

    #[test]
    fn title_and_dateline_in_either_order() {
        let (d, t) = dateline_and_title("12. Juni 2024\nSchlagzeile hier\nText.");
        assert_eq!(d.unwrap().to_string(), "2024-06-12");
        assert_eq!(t.as_deref(), Some("Schlagzeile hier"));
        let (d, t) = dateline_and_title("Schlagzeile\nBerlin, 3. März 2023 – Der Text.");
        assert_eq!(d.unwrap().to_string(), "2023-03-03");
        assert_eq!(t.as_deref(), Some("Schlagzeile"));
        let (d, t) = dateline_and_title("Nur ein Text ohne Datum.\nZweite Zeile.");
        assert!(d.is_none());
        assert_eq!(t.as_deref(), Some("Nur ein Text ohne Datum."));
    }

    #[test]
    fn dechunks_http_bodies() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"),
            b"hello world"
        );
    }
}
