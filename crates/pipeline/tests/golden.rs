//! Golden records: what the standard pipeline makes of the sample articles
//! and of a shared corpus, fixed in `tests/golden/`, so that a change meant
//! to alter structure only (issue 22) is shown to alter no result.
//!
//! The repo's samples are compared record for record (with tokens); the
//! shared founding article and the German Wikinews quote corpus's dev split
//! (150 articles) by a SHA-256 of their records, so no corpus text lands in
//! the repo. A deliberate change of results re-blesses the files:
//! `NEWSGRAPH_BLESS=1 cargo test -p newsgraph-pipeline --test golden`, and
//! the diff of `tests/golden/` shows what changed.

use newsgraph_doc::record::{self, RecordOptions};
use newsgraph_doc::Doc;
use newsgraph_pipeline::{standard, Packs, Pipeline};
use newsgraph_read::{read_path, ReadOptions};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn bless() -> bool {
    std::env::var_os("NEWSGRAPH_BLESS").is_some()
}

/// The record as `analyze --tokens` prints it, less the file path the
/// reader puts in `source` (it differs from machine to machine).
fn record_of(pipeline: &Pipeline, mut doc: Doc) -> Value {
    pipeline.run(&mut doc).expect("the pipeline runs");
    let mut rec = record::to_json(&doc, &RecordOptions { tokens: true });
    rec.as_object_mut().unwrap().remove("source");
    rec
}

fn read_file(path: &Path) -> Doc {
    let opts = ReadOptions {
        format: None,
        max_doc_bytes: 64 << 20,
    };
    let mut docs = read_path(path, &opts).expect("sample opens");
    docs.next().expect("one document").expect("sample reads")
}

fn check_text(name: &str, actual: &str) {
    let path = golden_dir().join(name);
    if bless() {
        std::fs::create_dir_all(golden_dir()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; bless with NEWSGRAPH_BLESS=1", path.display()));
    assert!(
        expected == actual,
        "{name} differs from the golden file; if the change is meant, re-bless (see this file's doc)"
    );
}

#[test]
fn the_repo_samples_give_the_golden_records() {
    let pipeline = standard(&Packs::embedded()).unwrap();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&samples)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    assert!(
        names.len() >= 2,
        "samples/ holds the German and English samples"
    );
    for path in names {
        let rec = record_of(&pipeline, read_file(&path));
        let stem = path.file_stem().unwrap().to_string_lossy();
        let pretty = serde_json::to_string_pretty(&rec).unwrap() + "\n";
        check_text(&format!("{stem}.json"), &pretty);
    }
}

fn digest(records: &[Value]) -> String {
    let mut hash = Sha256::new();
    for rec in records {
        hash.update(serde_json::to_string(rec).unwrap().as_bytes());
        hash.update(b"\n");
    }
    format!("{:x}\n", hash.finalize())
}

#[test]
fn the_founding_article_gives_the_golden_record() {
    let Some(dir) = newsgraph_testkit::shared_dir("samples") else {
        return;
    };
    let pipeline = standard(&Packs::embedded()).unwrap();
    let rec = record_of(
        &pipeline,
        read_file(&dir.join("de-kim-putin-2024-06-12.txt")),
    );
    check_text("de-kim-putin-2024-06-12.sha256", &digest(&[rec]));
}

#[test]
fn the_news_quote_corpus_gives_the_golden_records() {
    let Some(path) = newsgraph_testkit::shared_dir("data/german-news-quotes/dev.jsonl") else {
        return;
    };
    let pipeline = standard(&Packs::embedded()).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let records: Vec<Value> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let article: Value = serde_json::from_str(line).unwrap();
            let name = article["documentName"].as_str().unwrap();
            let mut doc = Doc::new(name, article["originalText"].as_str().unwrap());
            // The document name ends in its date: "… (2005-08-20)".
            doc.meta.dct = name
                .rsplit_once('(')
                .and_then(|(_, d)| d.trim_end_matches(')').parse().ok());
            record_of(&pipeline, doc)
        })
        .collect();
    assert_eq!(records.len(), 150);
    check_text("german-news-quotes-dev.sha256", &digest(&records));
}
