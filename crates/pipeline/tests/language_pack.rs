//! Language is data: a copy of the German pack under another code, loaded
//! from a folder, gives every stage the same knowledge, so the same layers;
//! and a language without a pack gets no language-dependent layer.

use newsgraph_doc::record::{self, RecordOptions};
use newsgraph_doc::Doc;
use newsgraph_pipeline::{standard, Packs};
use serde_json::Value;

const SAMPLE: &str = include_str!("../../../samples/de-bahnstreik-2025-03-04.txt");

fn record_in(packs: &Packs, lang: &str) -> Value {
    let pipeline = standard(packs).unwrap();
    let mut doc = Doc::new("sample", SAMPLE);
    doc.meta.lang = Some(lang.to_string());
    doc.meta.dct = Some(jiff::civil::date(2025, 3, 4));
    pipeline.run(&mut doc).unwrap();
    let mut rec = record::to_json(&doc, &RecordOptions { tokens: true });
    rec["lang"] = Value::Null;
    rec
}

#[test]
fn a_copy_of_the_german_pack_under_another_code_gives_the_same_layers() {
    let tmp = tempfile::tempdir().unwrap();
    let german = newsgraph_testkit::repo_path("resources/de");
    newsgraph_testkit::copy_dir(&german, &tmp.path().join("xx")).unwrap();
    let copied = Packs::load_dir(tmp.path()).unwrap();
    assert_eq!(copied.codes(), ["xx"]);

    let expected = record_in(&Packs::embedded(), "de");
    let actual = record_in(&copied, "xx");
    for layer in [
        "entities",
        "timexes",
        "quotes",
        "claims",
        "sentences",
        "tokens",
    ] {
        assert!(
            !expected[layer].as_array().unwrap().is_empty(),
            "the sample has {layer}"
        );
    }
    assert_eq!(actual["layers"], expected["layers"]);
    assert_eq!(actual, expected);
}

#[test]
fn a_language_without_a_pack_gets_no_language_dependent_layer() {
    let rec = record_in(&Packs::embedded(), "fr");
    let layers: Vec<&str> = rec["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    // Quality flags need no pack (they name other languages in the text).
    assert_eq!(layers, ["flags"], "{rec:#}");
    assert!(
        rec.get("sentences").is_none(),
        "segment did not run: absent"
    );
}
