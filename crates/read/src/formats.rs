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

    pub(crate) fn from_iter(
        items: impl Iterator<Item = Result<Doc, IngestError>> + Send + 'static,
    ) -> DocIter {
        DocIter(Box::new(items))
    }
}

type Reader = Box<dyn BufRead + Send>;

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
/// Longest headline accepted as a title, in words.
const MAX_TITLE_WORDS: usize = 30;
/// Lines looked at for a dateline.
const DATELINE_LINES: usize = 2;

/// Opens a stream: `forced` is the format `--format` names, `by_name` the one
/// the file name suggests (content that is clearly JSON Lines or WARC
/// overrides it).
pub(crate) fn open(
    name: String,
    stem: Option<String>,
    mut reader: Reader,
    forced: Option<Format>,
    by_name: Option<Format>,
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
        return open(name, stem, inner, forced, by_name, opts);
    }
    let mut encoding = None;
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(head) {
        if enc != encoding_rs::UTF_8 {
            encoding = Some(enc);
            reader = Box::new(BufReader::with_capacity(
                64 * 1024,
                DecodeReader::new(reader, enc),
            ));
        }
    }
    let io_err = |e| IngestError::new(&name, ErrorKind::Io(e));
    let head = reader.fill_buf().map_err(io_err)?;
    let format = match (forced, by_name, sniff(head)) {
        (Some(f), _, _) if !plausible(f, head) => {
            return Err(IngestError::new(&name, ErrorKind::NoMatch(f)))
        }
        (Some(f), _, _) => f,
        (None, _, None) => return Err(IngestError::new(&name, ErrorKind::Binary)),
        (None, Some(n), Some(s)) if n != s && !clearly(s, head) => n,
        (None, _, Some(s)) => s,
    };
    if format == Format::Jsonl && encoding.is_none() {
        if let Some(enc) = legacy_encoding(head) {
            encoding = Some(enc);
            reader = Box::new(BufReader::with_capacity(
                64 * 1024,
                DecodeReader::new(reader, enc),
            ));
        }
    }
    let docs = open_format(name, stem, reader, format, opts)?;
    Ok(match encoding {
        None => docs,
        Some(enc) => DocIter::from_iter(docs.map(move |item| {
            item.map(|mut doc| {
                doc.meta.encoding = Some(enc.name().to_string());
                doc
            })
        })),
    })
}

fn open_format(
    name: String,
    stem: Option<String>,
    reader: Reader,
    format: Format,
    opts: &ReadOptions,
) -> Result<DocIter, IngestError> {
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

/// Whether `head` can start an input of the forced format `format`.
fn plausible(format: Format, head: &[u8]) -> bool {
    let start = trim_start(head);
    match format {
        Format::Text | Format::Html => true,
        Format::Jsonl => start.starts_with(b"{"),
        Format::Feed => start.starts_with(b"<"),
        Format::Warc => start.starts_with(b"WARC/"),
    }
}

/// Whether `head` is so clearly of the sniffed `format` that it overrides
/// the file name's extension: a WARC header, or JSON Lines whose first
/// lines are each a JSON object with a `text` key.
fn clearly(format: Format, head: &[u8]) -> bool {
    match format {
        Format::Warc => true,
        Format::Jsonl => looks_like_jsonl(head),
        _ => false,
    }
}

/// The first non-empty lines (up to three) are each a JSON object with a
/// `text` key; a line cut off by the end of `head` counts when it starts
/// like one and names `"text"`.
fn looks_like_jsonl(head: &[u8]) -> bool {
    let head = trim_start(head);
    let mut lines = head.split(|b| *b == b'\n').peekable();
    let mut seen = 0;
    while let Some(line) = lines.next() {
        let line = line.trim_ascii();
        if line.is_empty() {
            continue;
        }
        let last = lines.peek().is_none();
        let ok = match serde_json::from_slice::<serde_json::Value>(line) {
            Ok(v) => v.as_object().is_some_and(|o| o.contains_key("text")),
            Err(_) if last => line.starts_with(b"{") && line.windows(6).any(|w| w == b"\"text\""),
            Err(_) => false,
        };
        if !ok {
            return false;
        }
        seen += 1;
        if seen == 3 {
            break;
        }
    }
    seen > 0
}

/// `bytes` less a UTF-8 byte-order mark and leading white space.
fn trim_start(bytes: &[u8]) -> &[u8] {
    let bytes = bytes
        .strip_prefix(b"\xef\xbb\xbf".as_slice())
        .unwrap_or(bytes);
    let at = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[at..]
}

/// The legacy encoding of `bytes` when they are not UTF-8 (an incomplete
/// character at the end aside): chardetng's guess, when it is not UTF-8.
fn legacy_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    match std::str::from_utf8(bytes) {
        Ok(_) => return None,
        Err(e) if e.error_len().is_none() => return None,
        Err(_) => {}
    }
    if bytes.contains(&0) {
        return None;
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let enc = detector.guess(None, false);
    (enc != encoding_rs::UTF_8).then_some(enc)
}

/// `bytes` decoded from their legacy encoding, when they are text in it: no
/// malformed sequences and no control characters but tab, line and page
/// breaks. `None` for anything else (binary junk).
fn decode_legacy(bytes: &[u8]) -> Option<(String, &'static encoding_rs::Encoding)> {
    let enc = legacy_encoding(bytes)?;
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    let control = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}');
    (!had_errors && !text.chars().any(control)).then(|| (text.into_owned(), enc))
}

/// Decodes a byte stream from `encoding` to UTF-8, streaming.
struct DecodeReader {
    inner: Reader,
    decoder: encoding_rs::Decoder,
    out: Vec<u8>,
    pos: usize,
    eof: bool,
}

impl DecodeReader {
    fn new(inner: Reader, encoding: &'static encoding_rs::Encoding) -> DecodeReader {
        DecodeReader {
            inner,
            decoder: encoding.new_decoder_with_bom_removal(),
            out: Vec::new(),
            pos: 0,
            eof: false,
        }
    }
}

impl Read for DecodeReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.pos >= self.out.len() {
            if self.eof {
                return Ok(0);
            }
            let input = self.inner.fill_buf()?;
            let last = input.is_empty();
            let room = self
                .decoder
                .max_utf8_buffer_length(input.len())
                .unwrap_or(input.len() * 3 + 16);
            self.out.clear();
            self.out.resize(room, 0);
            let (_, read, written, _) = self.decoder.decode_to_utf8(input, &mut self.out, last);
            self.out.truncate(written);
            self.pos = 0;
            self.inner.consume(read);
            self.eof = last;
        }
        let n = buf.len().min(self.out.len() - self.pos);
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
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
    let legacy = if std::str::from_utf8(&bytes).is_err() {
        decode_legacy(&bytes)
    } else {
        None
    };
    let (mut text, encoding) = match legacy {
        Some((text, enc)) => (text, Some(enc.name().to_string())),
        None => (utf8(name, bytes)?, None),
    };
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
    doc.meta.encoding = encoding;
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
        let Some(next) = records.next() else {
            done = true;
            return (index == 1)
                .then(|| Err(IngestError::new(&name, ErrorKind::NoMatch(Format::Warc))));
        };
        let record = match next {
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
