//! `newsgraph eval link` end to end, on a tiny gold file: the corpus is
//! read, the standard pipeline runs, and the scores come out as text and
//! JSON. The figures themselves depend on the linking stage, so only the
//! gold side is fixed here.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn newsgraph() -> Command {
    let mut cmd = Command::cargo_bin("newsgraph").expect("binary built");
    cmd.env_remove("NEWSGRAPH_DB");
    cmd
}

const GOLD: &str = concat!(
    r#"{"comment": "two sentences for the CLI test"}"#,
    "\n",
    r#"{"id":"de-1","lang":"de","date":"2024-06-19","text":"Putin traf Kim Jong Un in Pjöngjang.","mentions":[{"start":0,"end":5,"text":"Putin","type":"PER","wiki":"Vladimir Putin"},{"start":11,"end":22,"text":"Kim Jong Un","type":"PER","wiki":"Kim Jong Un"},{"start":26,"end":35,"text":"Pjöngjang","type":"LOC","wiki":"Pyongyang"}]}"#,
    "\n",
    r#"{"id":"en-1","lang":"en","date":"2024-03-14","text":"Councillor Brenda Okafor-Twigg spoke in Leeds.","mentions":[{"start":0,"end":30,"text":"Councillor Brenda Okafor-Twigg","type":"PER","wiki":null},{"start":40,"end":45,"text":"Leeds","type":"LOC","wiki":"Leeds"}]}"#,
    "\n",
);

fn gold_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gold.jsonl");
    std::fs::write(&path, GOLD).unwrap();
    (dir, path)
}

#[test]
fn gold_scores_as_json() {
    let (_dir, path) = gold_file();
    let out = newsgraph()
        .args(["eval", "link", "--json", "--gold"])
        .arg(&path)
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).expect("one JSON object");
    assert_eq!(v["corpus"], "gold");
    assert_eq!(v["scheme"], "wikipedia");
    assert_eq!(v["gold"]["linked"], 4);
    assert_eq!(v["gold"]["nil"], 1);
    let s = &v["scores"];
    assert_eq!(
        (s["docs"].as_u64(), s["failed"].as_u64()),
        (Some(2), Some(0))
    );
    assert_eq!(s["linked"]["gold"], 4);
    assert_eq!(s["by_type"]["per"]["gold"], 2);
    assert_eq!(s["by_type"]["loc"]["gold"], 2);
    assert_eq!(s["nil"]["gold"], 1);
    for key in ["precision", "recall", "f1"] {
        assert!(s["linked"][key].is_f64(), "{key}");
    }
    assert!(v["stages"].as_array().unwrap().iter().any(|st| st == "ner"));
}

#[test]
fn gold_scores_as_text() {
    let (_dir, path) = gold_file();
    newsgraph()
        .args(["eval", "link", "--gold"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("corpus: gold"))
        .stdout(predicate::str::contains("PER"))
        .stdout(predicate::str::contains("NIL accuracy"));
}

#[test]
fn a_missing_corpus_or_none_is_an_error() {
    newsgraph()
        .args(["eval", "link", "--gold", "/nonexistent/gold.jsonl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/gold.jsonl"));
    newsgraph().args(["eval", "link"]).assert().failure();
}

#[test]
fn a_shifted_offset_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.jsonl");
    std::fs::write(
        &path,
        r#"{"id":"x","lang":"en","text":"Putin spoke.","mentions":[{"start":1,"end":6,"text":"Putin","type":"PER","wiki":"Vladimir Putin"}]}"#,
    )
    .unwrap();
    newsgraph()
        .args(["eval", "link", "--gold"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("line 1").and(predicate::str::contains("code points")));
}
