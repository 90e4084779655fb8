//! The English model is decoded only when an English document comes: German
//! runs never pay for it. (Its own test binary, so no other test has loaded
//! it first.)

use newsgraph_doc::{Doc, Stage};
use newsgraph_ner::{is_loaded, NerStage};
use newsgraph_segment::SegmentStage;

fn annotate(stage: &NerStage, text: &str, lang: &str) -> Doc {
    let mut doc = Doc::new("t", text);
    doc.meta.lang = Some(lang.into());
    SegmentStage::new(&newsgraph_pack::Packs::embedded()).annotate(&mut doc);
    stage.annotate(&mut doc);
    doc
}

#[test]
fn english_model_is_loaded_lazily() {
    let stage = NerStage::new(&newsgraph_pack::Packs::embedded()).unwrap();
    assert!(is_loaded("de"));
    let de = annotate(&stage, "Olaf Scholz reiste nach Paris.", "de");
    assert!(de.entities.is_some());
    assert!(
        !is_loaded("en"),
        "a German document loaded the English model"
    );
    let en = annotate(&stage, "Barack Obama flew to Paris.", "en");
    assert!(en.entities.is_some());
    assert!(is_loaded("en"));
}
