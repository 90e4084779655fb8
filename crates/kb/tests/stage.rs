//! `LinkStage` on hand-made documents: it fills `kb`, `name`, `score` and
//! `cluster` from the pack's `[link]` rules, and leaves a document alone
//! whose language pack has no `[link]` section (or that has no pack).

use newsgraph_doc::{Doc, EntityForm, EntityMention, EntityType, Span, Stage};
use newsgraph_kb::{Kb, LinkStage};
use newsgraph_pipeline::Packs;

const KB: &str = r#"{"id":"Q159","type":"LOC","kind":"country","enwiki":"Russia","name":{"de":"Russland","en":"Russia"},"adjectives":{"de":["russisch"]}}
{"id":"Q7747","type":"PER","kind":"person","enwiki":"Vladimir Putin","name":{"de":"Wladimir Putin","en":"Vladimir Putin"}}"#;

fn kb() -> &'static Kb {
    Box::leak(Box::new(Kb::from_jsonl(KB, "test").unwrap()))
}

fn doc(lang: &str) -> Doc {
    let text =
        "Wladimir Putin reiste durch Russland. Putins russische Gäste kamen, Anna Muster auch.";
    let mut doc = Doc::new("d", text);
    doc.meta.lang = Some(lang.to_string());
    let at = |needle: &str, from: usize| {
        let start = from + text[from..].find(needle).unwrap();
        Span::new(start, start + needle.len())
    };
    let mention = |span, label, form| EntityMention {
        span,
        label,
        form,
        kb: None,
        name: None,
        score: None,
        cluster: None,
    };
    doc.entities = Some(vec![
        mention(at("Wladimir Putin", 0), EntityType::Per, None),
        mention(at("Russland", 0), EntityType::Loc, None),
        mention(at("Putins", 0), EntityType::Per, None),
        mention(at("russische", 0), EntityType::Loc, Some(EntityForm::Deriv)),
        mention(at("Anna Muster", 0), EntityType::Per, None),
    ]);
    doc
}

#[test]
fn the_stage_fills_links_names_scores_and_clusters() {
    let stage = LinkStage::new(&Packs::embedded(), kb());
    assert_eq!(stage.name(), "link");
    let mut d = doc("de-AT");
    stage.annotate(&mut d);
    let e = d.entities.unwrap();
    let kbs: Vec<Option<&str>> = e.iter().map(|m| m.kb.as_deref()).collect();
    assert_eq!(
        kbs,
        [
            Some("Q7747"),
            Some("Q159"),
            Some("Q7747"),
            Some("Q159"),
            None
        ]
    );
    let clusters: Vec<Option<u32>> = e.iter().map(|m| m.cluster).collect();
    assert_eq!(clusters, [Some(0), Some(1), Some(0), Some(1), Some(2)]);
    assert_eq!(e[2].name.as_deref(), Some("Wladimir Putin"));
    assert_eq!(
        e[4].name.as_deref(),
        Some("Anna Muster"),
        "NIL: its own name"
    );
    assert!(e[4].score.is_none() && e[0].score == Some(1.0));
}

#[test]
fn a_language_without_link_rules_or_without_a_pack_is_left_alone() {
    let dir = std::env::temp_dir().join(format!("newsgraph-link-test-{}", std::process::id()));
    let pack_dir = dir.join("xx");
    std::fs::create_dir_all(&pack_dir).unwrap();
    std::fs::write(pack_dir.join("pack.toml"), "name = \"No links\"\n").unwrap();
    let packs = Packs::load_dir(&dir).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let stage = LinkStage::new(&packs, kb());
    for lang in ["xx", "fr"] {
        let mut d = doc(lang);
        let before = d.entities.clone();
        stage.annotate(&mut d);
        assert_eq!(d.entities, before, "{lang}");
    }
}
