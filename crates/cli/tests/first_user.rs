//! Issue 18, "CLI and input": what a new user hit first (broken pipes,
//! reading commands that created databases, `--skip`, absent layers, progress
//! kept off non-terminal runs).

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Stdio;

fn newsgraph() -> Command {
    let mut cmd = Command::cargo_bin("newsgraph").expect("binary built");
    cmd.env_remove("NEWSGRAPH_DB");
    cmd
}

fn sample() -> PathBuf {
    newsgraph_testkit::repo_path("samples/de-bahnstreik-2025-03-04.txt")
}

fn record(stdout: &[u8]) -> Value {
    let line = String::from_utf8_lossy(stdout);
    serde_json::from_str(line.lines().next().expect("one record")).expect("a JSON record")
}

/// A database holding the German sample.
fn ingested(dir: &Path) -> PathBuf {
    let db = dir.join("ng.db");
    newsgraph()
        .arg("ingest")
        .arg("--db")
        .arg(&db)
        .arg(sample())
        .assert()
        .success();
    db
}

/// Runs `newsgraph ARGS` with its stdout closed before it writes (as
/// `| head` does once it has its lines); returns the exit code and stderr.
fn with_stdout_closed_early(args: &[&std::ffi::OsStr]) -> (Option<i32>, String) {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsgraph"))
        .env_remove("NEWSGRAPH_DB")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn show_piped_into_head_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = ingested(dir.path());
    for args in [vec!["show", "--db"], vec!["show", "--compact", "--db"]] {
        let mut full: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
        full.push(db.as_os_str());
        full.push("de-bahnstreik-2025-03-04".as_ref());
        let (code, stderr) = with_stdout_closed_early(&full);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
    let (code, stderr) = with_stdout_closed_early(&[
        "search".as_ref(),
        "--db".as_ref(),
        db.as_os_str(),
        "Bahn".as_ref(),
    ]);
    assert_eq!(code, Some(0), "search: {stderr}");
    assert!(stderr.is_empty(), "search: {stderr}");
}

#[test]
fn show_and_search_on_a_missing_database_create_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sub").join("nonexistent.db");
    newsgraph()
        .args(["show", "--db"])
        .arg(&db)
        .arg("some-id")
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains(db.display().to_string())
                .and(predicate::str::contains("no such database"))
                .and(predicate::str::contains("newsgraph ingest")),
        );
    newsgraph()
        .args(["search", "--db"])
        .arg(&db)
        .arg("Bahn")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no such database"));
    assert!(!db.exists(), "show/search created {}", db.display());
    assert!(
        !db.parent().unwrap().exists(),
        "show/search created its folder"
    );
}

#[test]
fn show_leaves_the_database_file_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = ingested(dir.path());
    let before = std::fs::read(&db).unwrap();
    let out = newsgraph()
        .args(["show", "--compact", "--db"])
        .arg(&db)
        .arg("de-bahnstreik-2025-03-04")
        .assert()
        .success();
    assert_eq!(record(&out.get_output().stdout)["dct"], "2025-03-04");
    assert_eq!(std::fs::read(&db).unwrap(), before, "show changed the file");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["ng.db"], "show left files behind");
}

#[test]
fn an_empty_file_as_database_is_named_not_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("empty.db");
    std::fs::write(&db, b"").unwrap();
    newsgraph()
        .args(["show", "--db"])
        .arg(&db)
        .arg("x")
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("empty.db").and(predicate::str::contains("empty database")),
        );
    assert_eq!(std::fs::metadata(&db).unwrap().len(), 0);
}

#[test]
fn skip_segment_says_in_the_users_words_what_to_skip_too() {
    newsgraph()
        .args(["analyze", "--skip", "segment"])
        .arg(sample())
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("--skip segment: quality-flags, ner, link and quotes need sentences and tokens, which segment makes; skip them too or keep segment")
                .and(predicate::str::contains("MissingLayer").not())
                .and(predicate::str::contains("Sentences").not()),
        );
    let out = newsgraph()
        .args([
            "analyze",
            "--skip",
            "segment",
            "--skip",
            "quality-flags",
            "--skip",
            "ner",
            "--skip",
            "link",
            "--skip",
            "quotes",
        ])
        .arg(sample())
        .assert()
        .success();
    let rec = record(&out.get_output().stdout);
    assert!(rec.get("sentences").is_none(), "{rec}");
    assert!(rec["timexes"].is_array());
}

#[test]
fn skip_lang_id_keeps_the_language_of_the_input_or_lang() {
    let out = newsgraph()
        .args(["analyze", "--skip", "lang-id", "--lang", "de"])
        .arg(sample())
        .assert()
        .success();
    let rec = record(&out.get_output().stdout);
    assert_eq!(rec["lang"], "de");
    assert!(!rec["entities"].as_array().unwrap().is_empty());
    assert!(!rec["timexes"].as_array().unwrap().is_empty());
    // From the input itself.
    let out = newsgraph()
        .args(["analyze", "--skip", "lang-id", "-"])
        .write_stdin("{\"id\":\"a\",\"lang\":\"de\",\"text\":\"Am Montag sagte Olaf Scholz in Berlin, er sei zufrieden.\"}\n")
        .assert()
        .success();
    assert_eq!(record(&out.get_output().stdout)["lang"], "de");
    // Unknown: the packs' fallback.
    let out = newsgraph()
        .args(["analyze", "--skip", "lang-id", "-"])
        .write_stdin("{\"id\":\"u\",\"text\":\"Am Montag sagte Olaf Scholz in Berlin, er sei zufrieden.\"}\n")
        .assert()
        .success();
    let rec = record(&out.get_output().stdout);
    assert!(rec["lang"].is_null());
    assert!(rec["sentences"].is_array());
}

#[test]
fn a_skipped_stage_leaves_its_layer_absent_and_help_says_so() {
    let out = newsgraph()
        .args(["analyze", "--skip", "quotes"])
        .arg(sample())
        .assert()
        .success();
    let rec = record(&out.get_output().stdout);
    assert!(
        rec.get("quotes").is_none() && rec.get("claims").is_none(),
        "{rec}"
    );
    assert!(rec.get("events").is_none(), "events has no stage yet");
    assert!(rec["timexes"].is_array() && rec["entities"].is_array());
    let layers: Vec<&str> = rec["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert!(
        !layers.contains(&"quotes") && layers.contains(&"timexes"),
        "{layers:?}"
    );
    // The store reads such a record back.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ng.db");
    newsgraph()
        .args(["ingest", "--skip", "quotes", "--db"])
        .arg(&db)
        .arg(sample())
        .assert()
        .success();
    let out = newsgraph()
        .args(["show", "--compact", "--db"])
        .arg(&db)
        .arg("de-bahnstreik-2025-03-04")
        .assert()
        .success();
    assert!(record(&out.get_output().stdout).get("quotes").is_none());
    newsgraph()
        .args(["analyze", "--help"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("absent from the record")
                .and(predicate::str::contains("empty")),
        );
}

#[test]
fn analyze_in_a_pipe_prints_no_progress_or_summary() {
    newsgraph()
        .arg("analyze")
        .arg(sample())
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
}
