//! Every input format, and every kind of bad input, through the public API.

use newsgraph_doc::Doc;
use newsgraph_read::{read_path, ErrorKind, Format, IngestError, ReadOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn read_all(path: &Path) -> Vec<Result<Doc, IngestError>> {
    read_path(path, &ReadOptions::default()).unwrap().collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

const ARTICLE_HTML: &str = r#"<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Stadtrat beschließt neuen Radweg | Lokalzeitung</title>
<meta property="og:title" content="Stadtrat beschließt neuen Radweg">
<meta property="article:published_time" content="2024-05-02T10:00:00+02:00">
</head><body>
<nav><ul><li><a href="/">Startseite</a></li><li><a href="/politik">Politik</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Stadtrat beschließt neuen Radweg</h1>
<p>Der Stadtrat hat am Donnerstag mit großer Mehrheit den Bau eines neuen Radwegs entlang der Hauptstraße beschlossen. Die Arbeiten sollen im Herbst beginnen und rund 2,3 Millionen Euro kosten.</p>
<p>„Das ist ein guter Tag für alle, die mit dem Rad zur Arbeit fahren“, sagte Bürgermeisterin Anna Berger nach der Sitzung. Die Opposition kritisierte, die Kosten seien zu hoch und der Zeitplan unrealistisch.</p>
<p>Der Radweg soll auf einer Länge von vier Kilometern die Innenstadt mit dem Bahnhof verbinden. Anwohner hatten seit Jahren eine sichere Verbindung gefordert.</p>
</article>
<footer><p>© 2024 Lokalzeitung. Alle Rechte vorbehalten.</p><a href="/impressum">Impressum</a> <a href="/datenschutz">Datenschutz</a></footer>
</body></html>"#;

fn warc_record(kind: &str, uri: &str, payload: &[u8]) -> Vec<u8> {
    let mut rec = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{:08x}-0000-0000-0000-000000000000>\r\nWARC-Date: 2024-05-03T08:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n",
        payload.len() as u32 ^ uri.len() as u32,
        payload.len()
    )
    .into_bytes();
    rec.extend_from_slice(payload);
    rec.extend_from_slice(b"\r\n\r\n");
    rec
}

fn http_html(body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn sample_warc() -> Vec<u8> {
    let mut w = warc_record("warcinfo", "urn:x", b"software: test\r\n");
    w.extend(warc_record(
        "response",
        "https://example.org/radweg",
        &http_html(ARTICLE_HTML),
    ));
    w.extend(warc_record(
        "response",
        "https://example.org/bild.png",
        b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
    ));
    w.extend(warc_record(
        "request",
        "https://example.org/radweg",
        b"GET / HTTP/1.1\r\n\r\n",
    ));
    w
}

#[test]
fn plain_text_with_dateline_title_and_identical_text() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Berlin, 3. März 2023 – Der Bundestag hat am Freitag das Gesetz beschlossen.\nEs tritt im Mai in Kraft.\n";
    let p = write(dir.path(), "bundestag-gesetz.txt", text.as_bytes());
    let docs = read_all(&p);
    let doc = docs[0].as_ref().unwrap();
    assert_eq!(doc.text(), text);
    assert_eq!(doc.meta.id, "bundestag-gesetz");
    assert_eq!(doc.meta.dct.unwrap().to_string(), "2023-03-03");
    assert_eq!(
        doc.meta.title, None,
        "the first line is a paragraph, not a headline"
    );
}

#[test]
fn shipped_samples_have_dates_and_titles() {
    for (name, date) in [
        ("samples/de-bahnstreik-2025-03-04.txt", "2025-03-04"),
        ("samples/en-port-strike-2025-10-02.txt", "2025-10-02"),
    ] {
        let path = newsgraph_testkit::repo_path(name);
        let docs = read_all(&path);
        let doc = docs[0].as_ref().unwrap();
        assert_eq!(doc.meta.dct.unwrap().to_string(), date);
        assert_eq!(doc.text(), std::fs::read_to_string(&path).unwrap());
        let second_line = doc.text().lines().nth(1).unwrap();
        assert_eq!(doc.meta.title.as_deref(), Some(second_line));
    }
}

#[test]
fn founding_article_dateline_and_title() {
    let Some(path) = newsgraph_testkit::shared_dir("samples/de-kim-putin-2024-06-12.txt") else {
        return;
    };
    let docs = read_all(&path);
    let doc = docs[0].as_ref().unwrap();
    assert_eq!(doc.meta.id, "de-kim-putin-2024-06-12");
    assert_eq!(doc.meta.dct.unwrap().to_string(), "2024-06-12");
    assert_eq!(doc.text(), std::fs::read_to_string(&path).unwrap());
    assert!(doc
        .meta
        .title
        .as_deref()
        .unwrap()
        .starts_with("Berichten zufolge plant"));
}

#[test]
fn json_lines_records_and_a_malformed_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "feed.jsonl",
        "{\"id\":\"a1\",\"text\":\"Erster Text.\",\"dct\":\"2024-06-12T08:00:00Z\",\"lang\":\"de\",\"url\":\"https://x.de/a\",\"author\":\"Anna Roth\"}\n\n{broken\n{\"text\":\"Ohne Id.\"}\n{\"id\":\"a3\"}\n".as_bytes(),
    );
    let items = read_all(&p);
    assert_eq!(items.len(), 4);
    let a1 = items[0].as_ref().unwrap();
    assert_eq!(
        (a1.meta.id.as_str(), a1.meta.lang.as_deref()),
        ("a1", Some("de"))
    );
    assert_eq!(a1.meta.dct.unwrap().to_string(), "2024-06-12");
    assert_eq!(a1.meta.author.as_deref(), Some("Anna Roth"));
    let err = items[1].as_ref().unwrap_err().to_string();
    assert!(
        err.contains("feed.jsonl: line 3") && err.contains("invalid JSON Lines record"),
        "{err}"
    );
    assert_eq!(
        items[2].as_ref().unwrap().meta.id.len(),
        16,
        "content hash id"
    );
    assert!(items[3]
        .as_ref()
        .unwrap_err()
        .to_string()
        .contains("line 5"));
}

#[test]
fn html_main_content_without_boilerplate() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "radweg.html", ARTICLE_HTML.as_bytes());
    let docs = read_all(&p);
    let doc = docs[0].as_ref().unwrap();
    assert!(doc
        .text()
        .contains("mit großer Mehrheit den Bau eines neuen Radwegs"));
    assert!(doc.text().contains("sagte Bürgermeisterin Anna Berger"));
    for boilerplate in ["Startseite", "Impressum", "Alle Rechte vorbehalten"] {
        assert!(
            !doc.text().contains(boilerplate),
            "{boilerplate} dropped: {}",
            doc.text()
        );
    }
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Stadtrat beschließt neuen Radweg")
    );
    assert_eq!(
        doc.meta.dct.map(|d| d.to_string()).as_deref(),
        Some("2024-05-02")
    );
}

#[test]
fn rss_and_atom_items() {
    let dir = tempfile::tempdir().unwrap();
    let rss = write(dir.path(), "news.rss", r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Beispiel-Nachrichten</title><link>https://example.org</link><description>d</description>
<item><title>Regierung einigt sich auf Haushalt</title><link>https://example.org/haushalt</link><guid>https://example.org/haushalt</guid>
<pubDate>Tue, 04 Jun 2024 09:30:00 +0200</pubDate><description>&lt;p&gt;Die Koalition hat sich nach langen Verhandlungen auf den Haushalt geeinigt.&lt;/p&gt;</description></item>
<item><title>Leer</title><link>https://example.org/leer</link></item>
</channel></rss>"#.as_bytes());
    let items = read_all(&rss);
    let doc = items[0].as_ref().unwrap();
    assert_eq!(
        doc.text(),
        "Die Koalition hat sich nach langen Verhandlungen auf den Haushalt geeinigt."
    );
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Regierung einigt sich auf Haushalt")
    );
    assert_eq!(doc.meta.dct.unwrap().to_string(), "2024-06-04");
    assert_eq!(
        doc.meta.url.as_deref(),
        Some("https://example.org/haushalt")
    );
    assert!(items[1]
        .as_ref()
        .unwrap_err()
        .to_string()
        .contains("news.rss: item 2"));

    let atom = write(dir.path(), "feed.xml", r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom-Beispiel</title><id>urn:feed</id><updated>2024-06-05T10:00:00Z</updated>
<entry><title>Neue Brücke eröffnet</title><id>urn:entry:1</id><link href="https://example.org/bruecke"/><updated>2024-06-05T10:00:00Z</updated>
<content type="html">&lt;p&gt;Die neue Brücke über den Rhein ist am Mittwoch eröffnet worden.&lt;/p&gt;</content></entry></feed>"#.as_bytes());
    let items = read_all(&atom);
    let doc = items[0].as_ref().unwrap();
    assert_eq!(doc.meta.id, "urn:entry:1");
    assert!(doc.text().starts_with("Die neue Brücke"));
    assert_eq!(doc.meta.source.as_deref(), Some("Atom-Beispiel"));
}

#[test]
fn warc_plain_and_gzipped_keep_only_html_responses() {
    let dir = tempfile::tempdir().unwrap();
    let plain = write(dir.path(), "crawl.warc", &sample_warc());
    // Multi-member gzip: one member per record, as crawlers write them.
    let mut gz = Vec::new();
    gz.extend(gzip(&warc_record(
        "warcinfo",
        "urn:x",
        b"software: test\r\n",
    )));
    gz.extend(gzip(&warc_record(
        "response",
        "https://example.org/radweg",
        &http_html(ARTICLE_HTML),
    )));
    let gzipped = write(dir.path(), "crawl.warc.gz", &gz);
    for path in [plain, gzipped] {
        let items = read_all(&path);
        assert_eq!(items.len(), 1, "{path:?}: one HTML response");
        let doc = items[0].as_ref().unwrap();
        assert_eq!(doc.meta.url.as_deref(), Some("https://example.org/radweg"));
        assert!(doc.text().contains("neuen Radwegs"));
    }
}

#[test]
fn truncated_gzip_gives_the_records_before_the_break_then_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut gz = Vec::new();
    gz.extend(gzip(&warc_record(
        "response",
        "https://example.org/1",
        &http_html(ARTICLE_HTML),
    )));
    let second = gzip(&warc_record(
        "response",
        "https://example.org/2",
        &http_html(ARTICLE_HTML),
    ));
    gz.extend(&second[..second.len() / 2]);
    let p = write(dir.path(), "cut.warc.gz", &gz);
    let items = read_all(&p);
    assert!(items[0].is_ok());
    let err = items.last().unwrap().as_ref().unwrap_err();
    assert!(err.to_string().starts_with("cut.warc.gz") || err.to_string().contains("cut.warc.gz"));
    assert!(matches!(err.kind, ErrorKind::Truncated(_)), "{err}");
}

#[test]
fn bad_inputs_are_named_errors() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cases: Vec<(PathBuf, &str)> = vec![
        (write(d, "empty.txt", b""), "empty input"),
        (write(d, "blank.txt", b"  \n\n "), "empty input"),
        (write(d, "junk.bin", &[0, 1, 2, 255, 0, 9]), "binary data"),
        (
            write(d, "junk.txt", b"\x01\x02Gr\xfc\x03\x04\x9d\x1b"),
            "not UTF-8 text (invalid byte 0xfc at offset 4)",
        ),
        (write(d, "noext", b"\x00\x00\x00garbage"), "binary data"),
    ];
    for (path, expected) in cases {
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let err = match read_path(&path, &ReadOptions::default()) {
            Err(e) => e,
            Ok(mut it) => it.next().unwrap().unwrap_err(),
        };
        let msg = err.to_string();
        assert!(msg.contains(&name) && msg.contains(expected), "{msg}");
    }
    let missing = read_path(&d.join("missing.txt"), &ReadOptions::default())
        .err()
        .unwrap();
    assert!(missing.to_string().contains("missing.txt: cannot read"));
}

#[test]
fn oversized_documents_and_lines_are_refused_and_the_stream_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let opts = ReadOptions {
        max_doc_bytes: 1000,
        ..ReadOptions::default()
    };
    let big = write(dir.path(), "big.txt", "Wort ".repeat(1000).as_bytes());
    let err = read_path(&big, &opts).err().unwrap().to_string();
    assert!(
        err.contains("exceeds the 1000 bytes limit") && err.contains("--max-doc-bytes"),
        "{err}"
    );
    let long_line = format!(
        "{{\"text\":\"{}\"}}\n{{\"id\":\"ok\",\"text\":\"kurz\"}}\n",
        "x".repeat(5000)
    );
    let jsonl = write(dir.path(), "lines.jsonl", long_line.as_bytes());
    let items: Vec<_> = read_path(&jsonl, &opts).unwrap().collect();
    assert!(items[0]
        .as_ref()
        .unwrap_err()
        .to_string()
        .contains("line 1"));
    assert_eq!(items[1].as_ref().unwrap().meta.id, "ok");
}

#[test]
fn broken_html_still_gives_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "broken.html",
        "<html><body><article><p>Der Bundestag hat am Donnerstag lange beraten und am Ende mit knapper Mehrheit entschieden. <b>Die Abstimmung</p> wurde vertagt, sagte ein Sprecher der Fraktion am Abend.<div></article>".as_bytes(),
    );
    let items = read_all(&p);
    match &items[0] {
        Ok(doc) => assert!(doc.text().contains("Der Bundestag hat am Donnerstag")),
        Err(e) => assert!(e.to_string().contains("broken.html"), "{e}"),
    }
}

#[test]
fn format_override_reads_text_as_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "x.txt",
        b"{\"id\":\"j\",\"text\":\"Hallo Welt.\"}\n",
    );
    let opts = ReadOptions {
        format: Some(Format::Jsonl),
        ..ReadOptions::default()
    };
    let items: Vec<_> = read_path(&p, &opts).unwrap().collect();
    assert_eq!(items[0].as_ref().unwrap().meta.id, "j");
}

fn read_with(path: &Path, opts: &ReadOptions) -> Vec<Result<Doc, IngestError>> {
    match read_path(path, opts) {
        Ok(items) => items.collect(),
        Err(e) => vec![Err(e)],
    }
}

#[test]
fn format_warc_on_a_text_file_is_an_error_naming_input_and_format() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "meldung.txt",
        "Der Bundestag hat beraten.\n".as_bytes(),
    );
    let warc = ReadOptions {
        format: Some(Format::Warc),
        ..ReadOptions::default()
    };
    let items = read_with(&p, &warc);
    assert_eq!(items.len(), 1);
    let err = items[0].as_ref().unwrap_err();
    let msg = err.to_string();
    assert!(
        matches!(err.kind, ErrorKind::NoMatch(Format::Warc)),
        "{msg}"
    );
    assert!(
        msg.contains("meldung.txt") && msg.contains("--format warc") && msg.contains("WARC"),
        "{msg}"
    );
    for (format, flag) in [
        (Format::Jsonl, "--format jsonl"),
        (Format::Feed, "--format rss"),
    ] {
        let opts = ReadOptions {
            format: Some(format),
            ..ReadOptions::default()
        };
        let items = read_with(&p, &opts);
        assert_eq!(items.len(), 1, "{format:?}");
        let msg = items[0].as_ref().unwrap_err().to_string();
        assert!(msg.contains("meldung.txt") && msg.contains(flag), "{msg}");
    }
    // A WARC header that starts no record either (a real archive still reads).
    let fake = write(
        dir.path(),
        "fake.warc",
        b"WARC/1.0 is what this note is about\n",
    );
    let items = read_with(&fake, &warc);
    assert!(items.iter().all(Result::is_err) && !items.is_empty());
    let real = write(dir.path(), "real.warc", &sample_warc());
    assert!(read_with(&real, &warc).iter().any(Result::is_ok));
}

#[test]
fn json_lines_named_txt_is_read_as_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "export.txt",
        b"{\"id\":\"a\",\"text\":\"Erster Text.\"}\n\n{\"id\":\"b\",\"text\":\"Zweiter Text.\"}\n",
    );
    let ids: Vec<String> = read_all(&p)
        .into_iter()
        .map(|d| d.unwrap().meta.id)
        .collect();
    assert_eq!(ids, ["a", "b"]);
    // A text that merely starts with a brace stays one text.
    let p = write(
        dir.path(),
        "brace.txt",
        b"{Anmerkung} Der Text beginnt so.\n",
    );
    let items = read_all(&p);
    assert_eq!(items.len(), 1);
    assert!(items[0].as_ref().unwrap().text().starts_with("{Anmerkung}"));
    // JSON objects without a "text" key are no JSON Lines input of ours.
    let p = write(dir.path(), "data.txt", b"{\"a\":1}\n");
    assert_eq!(read_all(&p)[0].as_ref().unwrap().text(), "{\"a\":1}\n");
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xfe, 0xff]
    } else {
        vec![0xff, 0xfe]
    };
    for unit in text.encode_utf16() {
        let pair = if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        };
        bytes.extend_from_slice(&pair);
    }
    bytes
}

#[test]
fn utf16_with_bom_and_latin1_are_decoded_and_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = "12. Juni 2024\nGrüße aus Köln\nDer Bürgermeister sagte, die Straße sei gesperrt.\n";
    for (name, big_endian, label) in [("le.txt", false, "UTF-16LE"), ("be.txt", true, "UTF-16BE")] {
        let p = write(d, name, &utf16(text, big_endian));
        let items = read_all(&p);
        let doc = items[0].as_ref().unwrap();
        assert_eq!(doc.text(), text, "{name}");
        assert_eq!(doc.meta.encoding.as_deref(), Some(label));
        assert_eq!(doc.meta.dct.unwrap().to_string(), "2024-06-12");
    }
    let lines = "{\"id\":\"u\",\"text\":\"Grüße\"}\n";
    let p = write(d, "lines.jsonl", &utf16(lines, false));
    let doc = read_all(&p).remove(0).unwrap();
    assert_eq!(
        (doc.text(), doc.meta.encoding.as_deref()),
        ("Grüße", Some("UTF-16LE"))
    );

    let latin1 = b"Gr\xfc\xdfe aus K\xf6ln: Der B\xfcrgermeister sagte, die Stra\xdfe sei \x84gesperrt\x93.\n";
    let p = write(d, "latin1.txt", latin1);
    let doc = read_all(&p).remove(0).unwrap();
    assert_eq!(
        doc.text(),
        "Grüße aus Köln: Der Bürgermeister sagte, die Straße sei „gesperrt“.\n"
    );
    assert_eq!(doc.meta.encoding.as_deref(), Some("windows-1252"));
    let p = write(
        d,
        "latin1.jsonl",
        b"{\"id\":\"l\",\"text\":\"Gr\xfc\xdfe aus K\xf6ln\"}\n",
    );
    let doc = read_all(&p).remove(0).unwrap();
    assert_eq!(doc.text(), "Grüße aus Köln");
    assert_eq!(doc.meta.encoding.as_deref(), Some("windows-1252"));
    // UTF-8 says nothing.
    let p = write(d, "utf8.txt", text.as_bytes());
    assert_eq!(read_all(&p)[0].as_ref().unwrap().meta.encoding, None);
    // Binary junk is still an error naming the input.
    let p = write(d, "junk.dat", b"\x89\x01\x02\xff\xfe\x03\x9d\x1b\x07\xc3");
    let msg = read_with(&p, &ReadOptions::default())[0]
        .as_ref()
        .unwrap_err()
        .to_string();
    assert!(msg.contains("junk.dat"), "{msg}");
}

#[test]
fn a_directory_is_read_recursively_sorted_skipping_hidden_with_globs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("b/sub")).unwrap();
    std::fs::create_dir_all(d.join(".git")).unwrap();
    write(d, "a.txt", b"Text a.");
    write(d, "b/c.txt", b"Text c.");
    write(d, "b/sub/d.jsonl", b"{\"id\":\"d\",\"text\":\"Text d.\"}\n");
    write(d, "b/notes.md", b"Text notes.");
    write(d, ".hidden.txt", b"Hidden.");
    write(d, ".git/e.txt", b"Hidden too.");
    write(d, "z.bin", &[0, 1, 2, 0]);
    let items = read_all(d);
    let ok: Vec<String> = items
        .iter()
        .flatten()
        .map(|doc| doc.meta.id.clone())
        .collect();
    assert_eq!(ok, ["a", "c", "notes", "d"]);
    let errors: Vec<String> = items
        .iter()
        .filter_map(|i| i.as_ref().err().map(ToString::to_string))
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("z.bin") && errors[0].contains("binary"));

    let globbed = |globs: &[&str]| -> Vec<String> {
        let globs: Vec<String> = globs.iter().map(|g| g.to_string()).collect();
        newsgraph_read::read_dir(d, &globs, &ReadOptions::default())
            .unwrap()
            .map(|item| item.map_or_else(|e| e.to_string(), |doc| doc.meta.id))
            .collect()
    };
    assert_eq!(globbed(&["*.txt"]), ["a", "c"]);
    assert_eq!(globbed(&["*.txt", "*.jsonl"]), ["a", "c", "d"]);
    assert_eq!(globbed(&["b/**", "!*.md"]), ["c", "d"]);
    let none = globbed(&["*.html"]);
    assert_eq!(none.len(), 1);
    assert!(
        none[0].contains("no files to read") && none[0].contains("*.html"),
        "{none:?}"
    );
    assert!(newsgraph_read::read_dir(d, &["a[".into()], &ReadOptions::default()).is_err());
    assert!(newsgraph_read::check_globs(&["a[".into()]).is_err());
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_in_a_directory_is_a_named_error_and_the_walk_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.txt", b"Text a.");
    let locked = write(d, "b.txt", b"Text b.");
    write(d, "c.txt", b"Text c.");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::File::open(&locked).is_ok() {
        return; // running as root: permissions are not enforced
    }
    let items = read_all(d);
    assert_eq!(items.len(), 3);
    assert!(items[1]
        .as_ref()
        .unwrap_err()
        .to_string()
        .contains("b.txt: cannot read"));
    assert_eq!(items[2].as_ref().unwrap().meta.id, "c");
}

mod arbitrary_bytes {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
        #[test]
        fn no_reader_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600), fmt in 0usize..6) {
            let dir = tempfile::tempdir().unwrap();
            let p = write(dir.path(), "input", &bytes);
            let format = [None, Some(Format::Text), Some(Format::Jsonl), Some(Format::Html), Some(Format::Feed), Some(Format::Warc)][fmt];
            let opts = ReadOptions { format, ..ReadOptions::default() };
            if let Ok(items) = read_path(&p, &opts) {
                for doc in items.take(1000).flatten() {
                    prop_assert!(!doc.text().is_empty());
                }
            }
        }
    }
}
