//! The linking evaluation on whole corpora: our gold set (in the repository)
//! and, when `../shared` is there, MEANTIME English and HIPE-2022 German.
//! An oracle pipeline that copies the gold must score 1, a pipeline that
//! links nothing 0, so readers and scorer agree on every mention.

use newsgraph_doc::{Doc, EntityMention, EntityType};
use newsgraph_kb::eval::{self, Corpus, Resolved, Sample, Scheme};

/// A "pipeline" that sets exactly the gold mentions of each sample, linked
/// to their targets (ids are the targets themselves).
fn oracle(corpus: &Corpus) -> eval::Scores {
    let by_id: std::collections::HashMap<&str, &Sample> = corpus
        .samples
        .iter()
        .map(|s| (s.name.as_str(), s))
        .collect();
    let run = |doc: &mut Doc| -> Result<(), String> {
        let sample = by_id[doc.meta.id.as_str()];
        doc.entities = Some(
            sample
                .mentions
                .iter()
                .filter_map(|m| {
                    Some(EntityMention {
                        span: m.span,
                        label: m.label?,
                        form: None,
                        kb: m.target.clone(),
                        name: None,
                        score: None,
                        cluster: None,
                    })
                })
                .collect(),
        );
        Ok(())
    };
    eval::evaluate(corpus, run, |id: &str, _| Resolved::Target(id.to_string()))
}

fn nothing(corpus: &Corpus) -> eval::Scores {
    let run = |doc: &mut Doc| -> Result<(), String> {
        doc.entities = Some(Vec::new());
        Ok(())
    };
    eval::evaluate(corpus, run, |_: &str, _| Resolved::Nil)
}

fn check_oracle_and_nothing(corpus: &Corpus) {
    let (linked, nil) = corpus.gold_counts();
    let s = oracle(corpus);
    assert_eq!(s.docs, corpus.samples.len());
    assert_eq!(
        (s.linked.true_positives, s.linked.predicted, s.linked.gold),
        (linked, linked, linked),
        "{}",
        corpus.name
    );
    assert_eq!((s.nil.gold, s.nil.unlinked), (nil, nil));
    let by_type = s.by_type.per.gold + s.by_type.org.gold + s.by_type.loc.gold;
    assert_eq!(by_type, linked);
    let s = nothing(corpus);
    assert_eq!((s.linked.predicted, s.linked.f1()), (0, 0.0));
    assert_eq!((s.nil.unlinked, s.nil.recognised), (nil, 0));
}

#[test]
fn our_gold_set_reads_and_is_as_large_as_stated() {
    let path = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/link-gold.jsonl"
    ));
    let corpus = eval::gold::read(path).unwrap();
    assert_eq!(corpus.scheme, Scheme::Wikipedia);
    let lang = |l: &str| {
        corpus
            .samples
            .iter()
            .filter(|s| s.meta.lang.as_deref() == Some(l))
            .count()
    };
    assert!(
        lang("de") >= 80 && lang("en") >= 40,
        "{} {}",
        lang("de"),
        lang("en")
    );
    let (linked, nil) = corpus.gold_counts();
    assert!(linked >= 250 && nil >= 10, "{linked} {nil}");
    // Every sample has a date and every type occurs in both languages.
    assert!(corpus.samples.iter().all(|s| s.meta.dct.is_some()));
    for l in ["de", "en"] {
        for t in [EntityType::Per, EntityType::Org, EntityType::Loc] {
            assert!(corpus
                .samples
                .iter()
                .filter(|s| s.meta.lang.as_deref() == Some(l))
                .flat_map(|s| &s.mentions)
                .any(|m| m.label == Some(t)));
        }
    }
    check_oracle_and_nothing(&corpus);
}

#[test]
fn meantime_english_reads_with_its_dbpedia_links() {
    let Some(dir) = newsgraph_testkit::shared_dir("data/meantime_en") else {
        return;
    };
    let corpus = eval::meantime::read(&dir).unwrap();
    assert_eq!(corpus.samples.len(), 96);
    assert_eq!(corpus.gold_counts(), (683, 45));
    let titles: std::collections::HashSet<&str> = corpus
        .samples
        .iter()
        .flat_map(|s| &s.mentions)
        .filter_map(|m| m.target.as_deref())
        .collect();
    for t in [
        "General Motors",
        "Steve Jobs",
        "United States",
        "Noël Forgeard",
    ] {
        assert!(titles.contains(t), "{t}");
    }
    check_oracle_and_nothing(&corpus);
}

#[test]
fn hipe_german_reads_with_its_qids() {
    let Some(dir) = newsgraph_testkit::shared_dir("data/hipe2022_de") else {
        return;
    };
    let corpus = eval::hipe::read(&dir).unwrap();
    assert_eq!(corpus.scheme, Scheme::Wikidata);
    assert_eq!(corpus.samples.len(), 170);
    assert_eq!(corpus.gold_counts(), (5024, 1434));
    let berlin = corpus
        .samples
        .iter()
        .flat_map(|s| s.mentions.iter().map(move |m| (&s.text[m.span.range()], m)))
        .find(|(_, m)| m.target.as_deref() == Some("Q64"))
        .map(|(text, _)| text);
    assert_eq!(berlin, Some("Berlin"));
    check_oracle_and_nothing(&corpus);
}
