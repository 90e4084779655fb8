//! The founding article of issue 15 (`../shared/samples/
//! de-kim-putin-2024-06-12.txt`) through the standard pipeline: every
//! mention of the issue's list links to the right entry, compared by
//! English Wikipedia title (`Entry.enwiki`) so the test does not depend on
//! which ids the knowledge base's writers chose; and speakers and claim
//! sources carry the linked ids.
//!
//! Skips with a notice while the shipped knowledge base is empty (its data
//! files land separately) or the shared folder is absent.

use newsgraph_doc::record::{self, RecordOptions};
use newsgraph_kb::Kb;
use newsgraph_pipeline::{standard, Packs};
use newsgraph_read::{read_path, ReadOptions};
use std::collections::BTreeSet;
use std::io::Write;

/// The English Wikipedia title a mention written `text` must link to, for
/// the mentions of the issue's list.
fn expected_title(text: &str) -> Option<&'static str> {
    Some(match text {
        "Kim" | "Kims" | "Kim Jong Un" => "Kim Jong Un",
        "Putin" | "Putins" | "Wladimir Putin" => "Vladimir Putin",
        "Peskow" | "Dmitri Peskow" => "Dmitry Peskov",
        "NHK" => "NHK",
        "Yonhap" => "Yonhap News Agency",
        "Pjöngjang" | "Pjöngjangs" => "Pyongyang",
        "Nordkorea" | "North Korea" | "nordkoreanische" => "North Korea",
        "Russland" | "Russlands" | "Russia" | "russische" | "russischen" => "Russia",
        "Südkorea" => "South Korea",
        "Vietnam" => "Vietnam",
        "Ukraine" => "Ukraine",
        "Moskau" => "Moscow",
        "UN-Sicherheitsrat" | "UN-Sicherheitsrats" => "United Nations Security Council",
        t if t.starts_with("Koreanischen Zentralen Nachrichtenagentur") => {
            "Korean Central News Agency"
        }
        _ => return None,
    })
}

fn skip(why: &str) {
    let _ = writeln!(std::io::stderr().lock(), "SKIP: {why}");
}

#[test]
fn the_founding_article_links_every_mention_of_the_issue_list() {
    let kb = Kb::shipped();
    if kb.is_empty() {
        skip("the shipped knowledge base (resources/kb/*.jsonl) has no entries yet");
        return;
    }
    let Some(path) = newsgraph_testkit::shared_dir("samples/de-kim-putin-2024-06-12.txt") else {
        return;
    };
    let opts = ReadOptions {
        format: None,
        max_doc_bytes: 64 << 20,
    };
    let mut doc = read_path(&path, &opts)
        .expect("the founding article opens")
        .next()
        .expect("one document")
        .expect("the founding article reads");
    standard(&Packs::embedded()).unwrap().run(&mut doc).unwrap();

    let title_of = |id: Option<&str>| -> String {
        match id {
            None => "(not linked)".to_string(),
            Some(id) => match kb.get(id) {
                Some(entry) => entry
                    .enwiki
                    .clone()
                    .unwrap_or_else(|| format!("{id} (no enwiki)")),
                None => format!("{id} (not in the knowledge base)"),
            },
        }
    };
    let mut wrong = Vec::new();
    let mut right = BTreeSet::new();
    for e in doc.entities.as_deref().unwrap_or_default() {
        let text = doc.slice(e.span);
        let Some(want) = expected_title(text) else {
            continue;
        };
        let got = title_of(e.kb.as_deref());
        if got == want {
            right.insert(want);
        } else {
            wrong.push(format!("{text:?}: {got}, want {want}"));
        }
    }
    assert!(wrong.is_empty(), "wrong links:\n{}", wrong.join("\n"));
    let every = [
        "Kim Jong Un",
        "Vladimir Putin",
        "Dmitry Peskov",
        "NHK",
        "Yonhap News Agency",
        "Korean Central News Agency",
        "Pyongyang",
        "North Korea",
        "Russia",
        "South Korea",
        "Vietnam",
        "Ukraine",
        "Moscow",
        "United Nations Security Council",
    ];
    let missing: Vec<&str> = every
        .iter()
        .copied()
        .filter(|t| !right.contains(t))
        .collect();
    assert!(
        missing.is_empty(),
        "never linked (or not tagged): {missing:?}"
    );

    // Speakers and claim sources follow the entity they point at.
    let rec = record::to_json(&doc, &RecordOptions::default());
    let mut checked = 0;
    let speakers = rec["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|q| q["speaker"].as_object())
        .map(|s| (s["text"].as_str().unwrap(), s["kb"].as_str()));
    let sources = rec["claims"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["sources"].as_array().unwrap())
        .map(|s| (s["text"].as_str().unwrap(), s["kb"].as_str()));
    for (text, kb_id) in speakers.chain(sources) {
        let want = match text {
            "Kim" => "Kim Jong Un",
            "Yonhap" => "Yonhap News Agency",
            "Kremlsprecher Dmitri Peskow" => "Dmitry Peskov",
            _ => continue,
        };
        assert_eq!(title_of(kb_id), want, "speaker or source {text:?}");
        checked += 1;
    }
    assert!(
        checked >= 4,
        "the article's speakers Kim, Yonhap and Peskow were found"
    );
}
