//! `newsgraph search` on a small ingested corpus (issue 18): FTS5 operators,
//! compounds found by their parts, filters, grep-like exit codes.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn newsgraph() -> Command {
    let mut cmd = Command::cargo_bin("newsgraph").expect("binary built");
    cmd.env_remove("NEWSGRAPH_DB");
    cmd
}

/// A database with the two samples (German rail strike of 2025-03-04,
/// English port strike of 2025-10-02) ingested.
fn corpus() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ng.db");
    newsgraph()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(newsgraph_testkit::repo_path(
            "samples/de-bahnstreik-2025-03-04.txt",
        ))
        .arg(newsgraph_testkit::repo_path(
            "samples/en-port-strike-2025-10-02.txt",
        ))
        .assert()
        .success();
    (dir, db)
}

/// The ids `search` prints (JSON Lines), sorted, and its exit code.
fn search(db: &Path, args: &[&str]) -> (Vec<String>, i32) {
    let out = newsgraph()
        .args(["search", "--json", "--db"])
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    let mut ids: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["id"].as_str().unwrap().to_string()
        })
        .collect();
    ids.sort();
    (ids, out.status.code().unwrap())
}

const DE: &str = "de-bahnstreik-2025-03-04";
const EN: &str = "en-port-strike-2025-10-02";

#[test]
fn search_and_or_not_and_phrases_are_operators() {
    let (_dir, db) = corpus();
    assert_eq!(
        search(&db, &["Bahn OR Rotterdam"]),
        (vec![DE.into(), EN.into()], 0)
    );
    assert_eq!(search(&db, &["Rotterdam AND Bahn"]), (vec![], 1));
    assert_eq!(search(&db, &["workers NOT Bahn"]), (vec![EN.into()], 0));
    assert_eq!(search(&db, &["\"Pro Bahn\""]), (vec![DE.into()], 0));
    assert_eq!(search(&db, &["\"Bahn Pro\""]), (vec![], 1));
}

#[test]
fn search_unparsable_query_is_exit_2_naming_it() {
    let (_dir, db) = corpus();
    newsgraph()
        .args(["search", "--db"])
        .arg(&db)
        .arg("Bahn AND")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("\"Bahn AND\""))
        .stderr(predicate::str::contains("AND, OR, NOT"))
        .stderr(predicate::str::contains("panicked").not());
}

#[test]
fn search_streik_finds_warnstreik() {
    let (_dir, db) = corpus();
    // The German sample says Warnstreik, never Streik alone.
    assert_eq!(search(&db, &["Streik"]), (vec![DE.into()], 0));
}

#[test]
fn search_filters_combine_with_the_query_or_stand_alone() {
    let (_dir, db) = corpus();
    assert_eq!(search(&db, &["--lang", "de"]), (vec![DE.into()], 0));
    assert_eq!(search(&db, &["strike", "--lang", "de"]), (vec![], 1));
    assert_eq!(
        search(&db, &["--from", "2025-10-01", "--to", "2025-10"]),
        (vec![EN.into()], 0)
    );
    assert_eq!(search(&db, &["--to", "2025-03-04"]), (vec![DE.into()], 0));
    assert_eq!(search(&db, &["--speaker", "Stam"]), (vec![EN.into()], 0));
    assert_eq!(search(&db, &["Bahn", "--speaker", "Stam"]), (vec![], 1));
    assert_eq!(
        search(&db, &["--entity", "Rotterdam"]),
        (vec![EN.into()], 0)
    );
    newsgraph()
        .args(["search", "--db"])
        .arg(&db)
        .args(["--from", "4.3.2025"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD"));
}

#[test]
fn search_exit_code_is_1_when_nothing_matches() {
    let (_dir, db) = corpus();
    newsgraph()
        .args(["search", "--db"])
        .arg(&db)
        .arg("Zeppelin")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no documents match"));
    newsgraph()
        .args(["search", "--db"])
        .arg(&db)
        .arg("Rotterdam")
        .assert()
        .code(0);
}
