//! The founding article (shared sample, never copied into the repository).

use newsgraph_doc::{Doc, Layer, Stage};
use newsgraph_segment::{SegmentStage, Segmenter};

#[test]
fn founding_article_sentences() {
    let Some(path) = newsgraph_testkit::shared_dir("samples/de-kim-putin-2024-06-12.txt") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let (_, sentences) = Segmenter::for_lang("de").segment(&text);
    let got: Vec<&str> = sentences.iter().map(|s| &text[s.range()]).collect();
    let lines: Vec<&str> = text.lines().collect();
    // Line 1 is the dateline (no split after `12.`), line 2 the headline
    // without final punctuation, line 3 the lead: three separate sentences.
    assert_eq!(got[0], "12. Juni 2024");
    assert_eq!(got[1], lines[1]);
    assert_eq!(got[2], lines[2]);
    // Reading the article: dateline, headline, lead (3); the birthday
    // message (4); the quotation ending in `entstanden.“` (5), then the
    // sentence starting with the bracketed English gloss (6); `Kim fügte
    // hinzu` (7); `Diese Nachricht` (8); `NHK zitierte` (9); `Weder Russland`
    // (10); the line with `Sollte der Besuch …` holds two sentences (11, 12);
    // `Kims Besuch` (13); `Sowohl Nordkorea` (14); `Im vergangenen Monat` (15).
    assert_eq!(got.len(), 15, "{got:#?}");
    assert!(got[4].ends_with("entstanden.“"));
    assert!(got[5].starts_with("[between North Korea and Russia] Aus"));
    assert!(got[10].ends_with("zwischen Kim und Putin."));
}

#[test]
fn stage_writes_tokens_and_sentences() {
    let mut doc = Doc::new("t", "Am 3. Oktober kam Dr. Kim. Er blieb.");
    doc.meta.lang = Some("de".into());
    let stage = SegmentStage::new(&newsgraph_pack::Packs::embedded());
    assert_eq!(stage.writes(), [Layer::Sentences, Layer::Tokens]);
    assert!(stage.reads().is_empty());
    stage.annotate(&mut doc);
    let sentences: Vec<&str> = doc
        .sentences()
        .unwrap()
        .iter()
        .map(|s| doc.slice(*s))
        .collect();
    assert_eq!(sentences, ["Am 3. Oktober kam Dr. Kim.", "Er blieb."]);
    assert_eq!(doc.tokens().unwrap().len(), 10);
}

#[test]
fn a_language_without_a_pack_stays_unsegmented() {
    let stage = SegmentStage::new(&newsgraph_pack::Packs::embedded());
    let mut doc = Doc::new("t", "Il est venu. Il est parti.");
    doc.meta.lang = Some("fr".into());
    stage.annotate(&mut doc);
    assert!(doc.sentences().is_none() && doc.tokens().is_none());
    // Unknown language: the fallback pack (German) segments it.
    doc.meta.lang = None;
    stage.annotate(&mut doc);
    assert_eq!(doc.sentences().map(<[_]>::len), Some(2));
}

#[test]
fn the_convenience_segmenter_reads_the_pack_of_the_language() {
    // English splits the clitic of `don't`; German keeps `geht's` whole.
    let words = |lang: &str, text: &str| Segmenter::for_lang(lang).tokenize(text).len();
    assert_eq!(words("en-GB", "don't"), 2);
    assert_eq!(words("de", "don't"), 1);
    // Without a pack the tests and evaluations get the fallback's rules.
    assert_eq!(words("fr", "don't"), 1);
}
