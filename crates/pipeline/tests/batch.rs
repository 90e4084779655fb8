//! The batch engine on its own: files in a tempdir, a light pipeline, a sink
//! that records what it gets.

use newsgraph_doc::{Doc, DocType, Layer, Stage};
use newsgraph_pipeline::batch::{Batch, BatchConfig, InputError, NoProgress, Progress, RunSummary};
use newsgraph_pipeline::{Packs, Pipeline};
use std::path::{Path, PathBuf};

/// Marks every document as analysed; panics on a text containing `PANIC`.
struct Marker;

impl Stage for Marker {
    fn name(&self) -> &'static str {
        "marker"
    }
    fn reads(&self) -> &'static [Layer] {
        &[]
    }
    fn writes(&self) -> &'static [Layer] {
        &[Layer::Timexes]
    }
    fn annotate(&self, doc: &mut Doc) {
        assert!(!doc.text().contains("PANIC"), "told to panic");
        doc.timexes = Some(Vec::new());
    }
}

fn pipeline() -> Pipeline {
    Pipeline::new(vec![Box::new(Marker)]).unwrap()
}

fn write(dir: &Path, name: &str, content: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn jsonl(ids: &[&str]) -> String {
    ids.iter()
        .map(|id| format!("{{\"id\":\"{id}\",\"text\":\"Text von {id}. Noch ein Satz.\"}}\n"))
        .collect()
}

/// Collects error messages and the number of batches.
#[derive(Default)]
struct Recorder {
    errors: Vec<String>,
    batches: usize,
}

impl Progress for Recorder {
    fn failed(&mut self, error: &InputError) {
        self.errors.push(error.to_string());
    }
    fn batch_done(&mut self, _so_far: &RunSummary) {
        self.batches += 1;
    }
}

/// Runs `config` and returns the summary and the ids the sink got, batch by
/// batch.
fn run(config: BatchConfig, progress: &mut dyn Progress) -> (RunSummary, Vec<Vec<String>>) {
    let pipeline = pipeline();
    let packs = Packs::embedded();
    let mut batches = Vec::new();
    let summary = Batch::new(&pipeline, &packs, config)
        .run(progress, |docs| {
            assert!(docs.iter().all(|d| d.timexes.is_some()), "analysed");
            batches.push(docs.iter().map(|d| d.meta.id.clone()).collect());
            Ok::<(), String>(())
        })
        .unwrap();
    (summary, batches)
}

#[test]
fn text_files_and_json_lines_come_out_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", "Erster Text. Mit zwei Sätzen.");
    let lines = write(dir.path(), "lines.jsonl", &jsonl(&["j1", "j2", "j3"]));
    let b = write(dir.path(), "b.txt", "Letzter Text.");
    let (summary, batches) = run(BatchConfig::new(vec![a, lines, b]), &mut NoProgress);
    assert_eq!(batches.concat(), ["a", "j1", "j2", "j3", "b"]);
    assert_eq!((summary.analysed, summary.failed), (5, 0));
    let bytes = "Erster Text. Mit zwei Sätzen.".len()
        + 3 * "Text von j1. Noch ein Satz.".len()
        + "Letzter Text.".len();
    assert_eq!(summary.bytes, bytes);
}

#[test]
fn order_is_kept_across_batches_of_the_given_size() {
    let dir = tempfile::tempdir().unwrap();
    let ids: Vec<String> = (0..7).map(|i| format!("d{i}")).collect();
    let id_refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let lines = write(dir.path(), "many.jsonl", &jsonl(&id_refs));
    let mut config = BatchConfig::new(vec![lines]);
    config.batch_docs = 2;
    let mut recorder = Recorder::default();
    let (summary, batches) = run(config, &mut recorder);
    assert_eq!(
        batches.iter().map(Vec::len).collect::<Vec<_>>(),
        [2, 2, 2, 1]
    );
    assert_eq!(batches.concat(), ids);
    assert_eq!(recorder.batches, 4);
    assert_eq!(summary.analysed, 7);
}

#[test]
fn a_byte_limit_closes_a_batch_early() {
    let dir = tempfile::tempdir().unwrap();
    let lines = write(dir.path(), "many.jsonl", &jsonl(&["a", "b", "c"]));
    let mut config = BatchConfig::new(vec![lines]);
    config.batch_bytes = 1;
    let (_, batches) = run(config, &mut NoProgress);
    assert_eq!(batches.len(), 3, "one document per batch: {batches:?}");
}

#[test]
fn bad_inputs_are_reported_and_counted_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", "Ein guter Text.");
    let missing = dir.path().join("missing.txt");
    let mixed = write(
        dir.path(),
        "mixed.jsonl",
        "{\"id\":\"ok1\",\"text\":\"Gut.\"}\n{not json\n{\"id\":\"boom\",\"text\":\"PANIC here.\"}\n{\"id\":\"ok2\",\"text\":\"Auch gut.\"}\n",
    );
    let mut recorder = Recorder::default();
    let (summary, batches) = run(BatchConfig::new(vec![good, missing, mixed]), &mut recorder);
    assert_eq!(batches.concat(), ["good", "ok1", "ok2"]);
    assert_eq!((summary.analysed, summary.failed), (3, 3));
    assert_eq!(recorder.errors.len(), 3, "{:?}", recorder.errors);
    assert!(
        recorder.errors[0].contains("missing.txt"),
        "{:?}",
        recorder.errors
    );
    assert!(
        recorder.errors[1].contains("mixed.jsonl"),
        "{:?}",
        recorder.errors
    );
    assert!(
        recorder.errors[2].contains("stage marker on document boom"),
        "{:?}",
        recorder.errors
    );
}

#[test]
fn a_failing_sink_stops_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let lines = write(dir.path(), "many.jsonl", &jsonl(&["a", "b", "c", "d"]));
    let mut config = BatchConfig::new(vec![lines]);
    config.batch_docs = 1;
    let pipeline = pipeline();
    let packs = Packs::embedded();
    let mut calls = 0;
    let outcome = Batch::new(&pipeline, &packs, config).run(&mut NoProgress, |_docs| {
        calls += 1;
        if calls == 2 {
            Err("disk full")
        } else {
            Ok(())
        }
    });
    assert_eq!(outcome, Err("disk full"));
    assert_eq!(calls, 2, "no batch after the failing one");
}

#[test]
fn overrides_replace_what_the_reader_found() {
    let dir = tempfile::tempdir().unwrap();
    let lines = write(
        dir.path(),
        "one.jsonl",
        "{\"id\":\"x\",\"lang\":\"en\",\"dct\":\"2020-01-01\",\"text\":\"Text.\"}\n",
    );
    let mut config = BatchConfig::new(vec![lines]);
    config.lang = Some("de".into());
    config.dct = Some(jiff::civil::date(2024, 1, 10));
    config.doctype = Some(DocType::Narrative);
    let pipeline = pipeline();
    let packs = Packs::embedded();
    let mut metas = Vec::new();
    Batch::new(&pipeline, &packs, config)
        .run(&mut NoProgress, |docs| {
            metas.extend(docs.iter().map(|d| d.meta.clone()));
            Ok::<(), ()>(())
        })
        .unwrap();
    assert_eq!(metas[0].lang.as_deref(), Some("de"));
    assert_eq!(metas[0].dct, Some(jiff::civil::date(2024, 1, 10)));
    assert_eq!(metas[0].doctype, DocType::Narrative);
}

#[test]
fn documents_in_a_language_without_a_pack_are_counted_per_language() {
    let dir = tempfile::tempdir().unwrap();
    let lines = write(
        dir.path(),
        "langs.jsonl",
        concat!(
            "{\"id\":\"f1\",\"lang\":\"fr\",\"text\":\"Bonjour.\"}\n",
            "{\"id\":\"d1\",\"lang\":\"de\",\"text\":\"Hallo.\"}\n",
            "{\"id\":\"n1\",\"text\":\"Ohne Sprache.\"}\n",
            "{\"id\":\"f2\",\"lang\":\"fr\",\"text\":\"Salut.\"}\n",
            "{\"id\":\"s1\",\"lang\":\"es\",\"text\":\"Hola.\"}\n",
        ),
    );
    let (summary, _) = run(BatchConfig::new(vec![lines]), &mut NoProgress);
    let counted: Vec<(&str, usize)> = summary
        .without_pack
        .iter()
        .map(|(lang, n)| (lang.as_str(), *n))
        .collect();
    assert_eq!(counted, [("es", 1), ("fr", 2)]);
}
