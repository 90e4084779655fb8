//! End-to-end tests of the `newsgraph` binary, one module per topic.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::Path;

fn newsgraph() -> Command {
    let mut cmd = Command::cargo_bin("newsgraph").expect("binary built");
    cmd.env_remove("NEWSGRAPH_DB");
    cmd
}

fn records(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("each line is a JSON record"))
        .collect()
}

fn sentence_texts(rec: &Value) -> Vec<String> {
    let chars: Vec<char> = rec["text"].as_str().unwrap().chars().collect();
    rec["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let (a, b) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            chars[a..b].iter().collect()
        })
        .collect()
}

mod analyze {
    use super::*;

    #[test]
    fn shipped_german_sample_gets_date_title_language_and_layers() {
        let sample = newsgraph_testkit::repo_path("samples/de-bahnstreik-2025-03-04.txt");
        let out = newsgraph().arg("analyze").arg(&sample).assert().success();
        let recs = records(&out.get_output().stdout);
        assert_eq!(recs.len(), 1);
        let rec = &recs[0];
        assert_eq!(rec["id"], "de-bahnstreik-2025-03-04");
        assert_eq!(rec["lang"], "de");
        assert_eq!(rec["dct"], "2025-03-04");
        assert!(rec["title"].as_str().is_some_and(|t| !t.is_empty()));
        let text = std::fs::read_to_string(&sample).unwrap();
        assert_eq!(
            rec["text"].as_str().unwrap(),
            text,
            "text must be byte-identical"
        );
        assert!(rec["sentences"].as_array().unwrap().len() > 3);
        for layer in ["entities", "timexes", "quotes", "claims", "flags"] {
            assert!(rec[layer].is_array(), "{layer} is a list");
        }
        assert!(rec.get("events").is_none(), "no event stage yet: absent");
    }

    #[test]
    fn shipped_english_sample_is_english() {
        let sample = newsgraph_testkit::repo_path("samples/en-port-strike-2025-10-02.txt");
        let out = newsgraph().arg("analyze").arg(&sample).assert().success();
        let rec = &records(&out.get_output().stdout)[0];
        assert_eq!(rec["lang"], "en");
        assert_eq!(rec["dct"], "2025-10-02");
    }

    #[test]
    fn founding_article_dateline_title_sentences_and_flags() {
        let Some(path) = newsgraph_testkit::shared_dir("samples/de-kim-putin-2024-06-12.txt")
        else {
            return;
        };
        let out = newsgraph().arg("analyze").arg(&path).assert().success();
        let rec = &records(&out.get_output().stdout)[0];
        assert_eq!(rec["dct"], "2024-06-12");
        assert_eq!(rec["lang"], "de");
        assert!(rec["title"]
            .as_str()
            .unwrap()
            .starts_with("Berichten zufolge plant der nordkoreanische Machthaber Kim"));
        let sentences = sentence_texts(rec);
        assert_eq!(
            sentences[0], "12. Juni 2024",
            "no split after the ordinal dot"
        );
        assert!(sentences.iter().all(|s| s != "12."));
        // Lines 1-3 are dateline, headline and lead: three sentences of their own.
        assert!(
            sentences[1].starts_with("Berichten zufolge") && sentences[1].ends_with("empfangen")
        );
        let flags = rec["flags"].as_array().unwrap();
        let foreign: Vec<&Value> = flags
            .iter()
            .filter(|f| f["kind"] == "foreign_language")
            .collect();
        assert_eq!(foreign.len(), 1, "one foreign fragment: {flags:?}");
        assert_eq!(foreign[0]["lang"], "en");
        assert!(foreign[0]["text"]
            .as_str()
            .unwrap()
            .contains("between North Korea and Russia"));
        assert!(flags.iter().any(|f| f["kind"] == "repetition"));
    }

    #[test]
    fn several_inputs_give_json_lines_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        std::fs::write(&a, "Erster Text. Er hat zwei Sätze.").unwrap();
        std::fs::write(&b, "Second text. It has two sentences.").unwrap();
        let out = newsgraph().arg("analyze").args([&a, &b]).assert().success();
        let recs = records(&out.get_output().stdout);
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0]["id"], "a");
        assert_eq!(recs[1]["id"], "b");
    }

    #[test]
    fn stdin_jsonl_with_overrides() {
        let input =
            r#"{"id":"x1","text":"Am Montag traf sich der Rat in Berlin. Er beriet lange."}"#;
        let out = newsgraph()
            .args([
                "analyze",
                "--format",
                "jsonl",
                "--lang",
                "de",
                "--dct",
                "2024-01-10",
                "-",
            ])
            .write_stdin(input)
            .assert()
            .success();
        let rec = &records(&out.get_output().stdout)[0];
        assert_eq!(rec["id"], "x1");
        assert_eq!(rec["dct"], "2024-01-10");
        assert_eq!(sentence_texts(rec).len(), 2);
    }

    #[test]
    fn a_language_without_a_pack_gets_one_note() {
        let input = concat!(
            r#"{"id":"fr1","lang":"fr","text":"Le conseil s'est réuni lundi à Paris. Il a longuement délibéré."}"#,
            "\n",
            r#"{"id":"fr2","lang":"fr","text":"Le ministre a dit qu'il était confiant."}"#,
            "\n",
            r#"{"id":"de1","lang":"de","text":"Der Rat tagte am Montag in Berlin."}"#,
            "\n",
        );
        let out = newsgraph()
            .args(["analyze", "--format", "jsonl", "-"])
            .write_stdin(input)
            .assert()
            .success();
        let recs = records(&out.get_output().stdout);
        assert_eq!(recs.len(), 3, "every document is written");
        assert_eq!(recs[0]["lang"], "fr");
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        let notes: Vec<&str> = stderr
            .lines()
            .filter(|l| l.starts_with("newsgraph: note:"))
            .collect();
        assert_eq!(
            notes,
            ["newsgraph: note: 2 documents in fr: no language pack, so segment, ner, time and quotes did not run (their layers are absent); packs: de, en"],
            "{stderr}"
        );
    }

    #[test]
    fn a_language_pack_from_a_folder_analyses_its_documents() {
        // Swiss German starting from a copy of the German pack: no rebuild.
        let tmp = tempfile::tempdir().unwrap();
        let german = newsgraph_testkit::repo_path("resources/de");
        newsgraph_testkit::copy_dir(&german, &tmp.path().join("gsw")).unwrap();
        let text = "Bundeskanzler Olaf Scholz sagte am Montag in Berlin, die Lage sei ernst.";
        let input = |lang: &str| {
            format!(
                "{{\"id\":\"d\",\"lang\":\"{lang}\",\"dct\":\"2024-06-12\",\"text\":\"{text}\"}}\n"
            )
        };
        let analyse = |lang: &str, extra: &[&str]| {
            let out = newsgraph()
                .args(["analyze", "--format", "jsonl"])
                .args(extra)
                .arg("-")
                .write_stdin(input(lang))
                .assert()
                .success();
            let mut rec = records(&out.get_output().stdout).remove(0);
            rec["lang"] = serde_json::Value::Null;
            rec
        };
        let packs = tmp.path().to_str().unwrap();
        let swiss = analyse("gsw", &["--packs", packs]);
        assert_eq!(swiss, analyse("de", &[]));
        assert!(!swiss["entities"].as_array().unwrap().is_empty());
        assert!(!swiss["quotes"].as_array().unwrap().is_empty());
        // Without the folder the language has no pack.
        assert_eq!(analyse("gsw", &[])["layers"], serde_json::json!(["flags"]));
        newsgraph()
            .args(["analyze", "--packs", "/nonexistent-packs", "-"])
            .write_stdin(input("de"))
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--packs /nonexistent-packs"));
    }

    #[test]
    fn bad_flag_values_are_usage_errors() {
        newsgraph()
            .args(["analyze", "--dct", "12.06.2024", "x.txt"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--dct 12.06.2024"));
        newsgraph()
            .args(["analyze", "--lang", "fr", "x.txt"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--lang fr"));
        newsgraph()
            .args(["analyze", "--format", "pdf", "x.txt"])
            .assert()
            .code(2);
    }
}

mod bad_input {
    use super::*;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    #[test]
    fn a_directory_is_read_with_glob_and_format_warc_on_text_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("in/sub")).unwrap();
        write(d, "in/a.txt", "Ein Text. Er wird analysiert.".as_bytes());
        write(d, "in/sub/b.txt", "Noch ein Text.".as_bytes());
        write(d, "in/sub/c.md", "Kein Text für den Glob.".as_bytes());
        write(d, "in/.d.txt", "Versteckt.".as_bytes());
        let out = newsgraph()
            .args(["analyze", "--glob", "*.txt"])
            .arg(d.join("in"))
            .assert()
            .code(0);
        let recs = records(&out.get_output().stdout);
        let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["a", "b"]);
        let out = newsgraph()
            .args(["analyze", "--format", "warc"])
            .arg(d.join("in/a.txt"))
            .assert()
            .code(1);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(
            stderr.contains("a.txt") && stderr.contains("--format warc"),
            "{stderr}"
        );
        newsgraph()
            .args(["analyze", "--glob", "a["])
            .arg(d.join("in"))
            .assert()
            .code(2);
    }

    #[test]
    fn every_bad_input_is_named_and_the_batch_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let good = write(
            d,
            "good.txt",
            "Ein guter Text. Er wird analysiert.".as_bytes(),
        );
        let empty = write(d, "empty.txt", b"");
        let junk = write(
            d,
            "junk.bin",
            &[0u8, 159, 146, 150, 0, 1, 2, 3, 255, 0, 0, 7],
        );
        let latin1 = write(d, "latin1.txt", b"Gr\xfc\xdfe aus K\xf6ln, sagte er.");
        let junk_text = write(d, "junk.txt", b"\x01\x02Gr\xfc\x03\x04\x9d\x1b");
        let jsonl = write(
            d,
            "mixed.jsonl",
            b"{\"id\":\"ok1\",\"text\":\"Gut. Sehr gut.\"}\n{not json\n{\"id\":\"ok2\",\"text\":\"Auch gut.\"}\n",
        );
        let truncated = {
            use std::io::Write;
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            enc.write_all(&b"WARC/1.0\r\nWARC-Type: warcinfo\r\n".repeat(200))
                .unwrap();
            let bytes = enc.finish().unwrap();
            write(d, "cut.warc.gz", &bytes[..bytes.len() / 2])
        };
        let broken_html = write(
            d,
            "broken.html",
            b"<html><body><article><p>Der Bundestag hat am Donnerstag lange beraten. <b>Die Abstimmung</p> wurde vertagt, sagte ein Sprecher.<div></article>",
        );
        let out = newsgraph()
            .arg("analyze")
            .args([
                &good,
                &empty,
                &junk,
                &latin1,
                &junk_text,
                &jsonl,
                &truncated,
                &broken_html,
            ])
            .assert()
            .code(1);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        for name in [
            "empty.txt",
            "junk.bin",
            "junk.txt",
            "mixed.jsonl",
            "cut.warc.gz",
        ] {
            assert!(stderr.contains(name), "stderr names {name}: {stderr}");
        }
        assert!(!stderr.contains("panicked"), "{stderr}");
        let recs = records(&out.get_output().stdout);
        let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert!(
            ids.contains(&"good") && ids.contains(&"ok1") && ids.contains(&"ok2"),
            "{ids:?}"
        );
        let latin1 = recs
            .iter()
            .find(|r| r["id"] == "latin1")
            .expect("Latin-1 read");
        assert_eq!(latin1["encoding"], "windows-1252");
        assert!(latin1["text"]
            .as_str()
            .unwrap()
            .starts_with("Grüße aus Köln"));
    }

    #[test]
    fn oversized_document_is_refused_with_the_limit_named() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.txt");
        std::fs::write(&big, "Wort ".repeat(300_000)).unwrap();
        newsgraph()
            .args(["analyze", "--max-doc-bytes", "1000000"])
            .arg(&big)
            .assert()
            .code(1)
            .stderr(
                predicate::str::contains("big.txt")
                    .and(predicate::str::contains("--max-doc-bytes")),
            );
    }

    #[test]
    fn a_long_single_line_is_analysed() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("line.txt");
        // ~2 MB on one line, no sentence punctuation at all: every stage must
        // stay linear (the release binary takes 100 MB lines the same way).
        std::fs::write(&big, "wort und noch ein wort ".repeat(90_000)).unwrap();
        let out = newsgraph().arg("analyze").arg(&big).assert().success();
        assert_eq!(records(&out.get_output().stdout).len(), 1);
    }

    #[test]
    fn missing_file_is_named() {
        newsgraph()
            .args(["analyze", "/nonexistent/nope.txt"])
            .assert()
            .code(1)
            .stderr(predicate::str::contains("nope.txt"));
    }
}

mod store {
    use super::*;
    use newsgraph_store::{SqliteStore, Store};

    fn jsonl(n: usize) -> String {
        (0..n)
            .map(|i| {
                format!(
                    "{{\"id\":\"doc{i}\",\"dct\":\"2024-05-{:02}\",\"title\":\"Meldung {i}\",\"text\":\"Meldung {i}. Die Regierung in Berlin beriet am Montag über den Haushalt {i}. Der Minister sagte, man sei zuversichtlich.\"}}\n",
                    i % 28 + 1
                )
            })
            .collect()
    }

    #[test]
    fn ingest_twice_keeps_one_copy_and_search_and_show_find_it() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("ng.db");
        let sample = newsgraph_testkit::repo_path("samples/de-bahnstreik-2025-03-04.txt");
        for _ in 0..2 {
            newsgraph()
                .arg("ingest")
                .arg("--db")
                .arg(&db)
                .arg(&sample)
                .assert()
                .success();
        }
        newsgraph()
            .arg("ingest")
            .arg("--db")
            .arg(&db)
            .arg(&sample)
            .assert()
            .success()
            .stderr(predicate::str::contains("0 new, 1 already stored"));
        let out = newsgraph()
            .args(["search", "--json", "--db"])
            .arg(&db)
            .arg("Bahn")
            .assert()
            .success();
        let hits = records(&out.get_output().stdout);
        assert_eq!(hits.len(), 1, "one copy after three ingests");
        assert_eq!(hits[0]["id"], "de-bahnstreik-2025-03-04");
        let out = newsgraph()
            .args(["show", "--compact", "--db"])
            .arg(&db)
            .arg("de-bahnstreik-2025-03-04")
            .assert()
            .success();
        let rec = &records(&out.get_output().stdout)[0];
        assert_eq!(rec["dct"], "2025-03-04");
        newsgraph()
            .args(["show", "--db"])
            .arg(&db)
            .arg("no-such-doc")
            .assert()
            .code(1)
            .stderr(predicate::str::contains("no-such-doc"));
    }

    #[test]
    fn killed_ingest_keeps_committed_documents_whole() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("ng.db");
        let input = dir.path().join("many.jsonl");
        std::fs::write(&input, jsonl(3000)).unwrap();
        let bin = assert_cmd::cargo::cargo_bin("newsgraph");
        let mut child = std::process::Command::new(&bin)
            .args(["ingest", "--batch", "20", "--db"])
            .arg(&db)
            .arg(&input)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Kill once some batches are committed (or the run finished).
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            std::thread::sleep(std::time::Duration::from_millis(50));
            if child.try_wait().unwrap().is_some() || std::time::Instant::now() > deadline {
                break;
            }
            if std::fs::metadata(&db)
                .map(|m| m.len() > 64 * 1024)
                .unwrap_or(false)
            {
                std::thread::sleep(std::time::Duration::from_millis(100));
                break;
            }
        }
        let _ = child.kill();
        let _ = child.wait();
        // Every stored document is whole: its record parses and has its sentences.
        let store = SqliteStore::open(&db).unwrap();
        let stored = store.documents().unwrap();
        for doc in &stored {
            let rec = store
                .get(&doc.content_hash)
                .unwrap()
                .expect("listed, so found");
            assert_eq!(rec["id"].as_str(), Some(doc.id.as_str()));
            let rows = store.document_stats(&doc.content_hash).unwrap().unwrap();
            assert_eq!(
                rows.sentences as usize,
                rec["sentences"].as_array().unwrap().len(),
                "{} whole",
                doc.id
            );
        }
        assert_eq!(
            stored.len() % 20,
            0,
            "only whole batches are committed: {}",
            stored.len()
        );
        // Re-running completes the set without duplicates.
        newsgraph()
            .arg("ingest")
            .arg("--db")
            .arg(&db)
            .arg(&input)
            .assert()
            .success();
        assert_eq!(store.stats().unwrap().documents, 3000);
    }
}

mod eval_quotes {
    use super::*;

    // Offsets are code points: the quote starts at 14 although "ü" takes two bytes.
    const ARTICLE: &str = r#"{"originalText":"Müller sagte: „Wir schaffen das.“","date":"2020-07-26","file":"t1","annotations":[{"type":"Direct","quote":{"spans":[{"charBegin":14,"charEnd":33}]},"speaker":{"spans":[{"charBegin":0,"charEnd":6}]},"cue":{"spans":[{"charBegin":7,"charEnd":12}]}}]}"#;

    #[test]
    fn news_scores_as_table_and_json() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("news.jsonl");
        std::fs::write(&file, format!("{ARTICLE}\n")).unwrap();
        newsgraph()
            .args(["eval", "quotes", "--no-ner", "--news"])
            .arg(&file)
            .assert()
            .success()
            .stdout(predicate::str::contains(
                "german news quotes: 1 documents, 0 failed",
            ))
            .stdout(predicate::str::contains("speaker"));
        let out = newsgraph()
            .args(["eval", "quotes", "--json", "--news"])
            .arg(&file)
            .assert()
            .success();
        let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        assert_eq!(v["corpus"], "news");
        assert_eq!(v["scores"]["gold"]["direct"], 1);
        assert_eq!(v["scores"]["tokens"]["direct"]["gold"], 3);
        assert!(v["scores"]["instances"]["direct"]["f1"].is_number());
    }

    #[test]
    fn bad_corpus_is_an_error_naming_it() {
        newsgraph()
            .args(["eval", "quotes"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--news"));
        newsgraph()
            .args(["eval", "quotes", "--news", "/nonexistent/quotes.jsonl"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("/nonexistent/quotes.jsonl"));
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("broken.jsonl");
        std::fs::write(&file, "{\"originalText\": 3}\n").unwrap();
        newsgraph()
            .args(["eval", "quotes", "--news"])
            .arg(&file)
            .assert()
            .code(2)
            .stderr(
                predicate::str::contains("broken.jsonl").and(predicate::str::contains("line 1")),
            );
        newsgraph()
            .args(["eval", "quotes", "--spkatt"])
            .arg(dir.path())
            .assert()
            .code(2)
            .stderr(predicate::str::contains("no documents found"));
    }
}
