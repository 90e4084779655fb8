//! Quality flags on realistic snippets, segmented by the real segmenter.

use newsgraph_doc::{Doc, FlagKind, Stage};
use newsgraph_quality::{LangIdStage, QualityFlagStage};
use newsgraph_segment::SegmentStage;

fn analyse(text: &str) -> Doc {
    let mut doc = Doc::new("t", text);
    LangIdStage.annotate(&mut doc);
    SegmentStage.annotate(&mut doc);
    QualityFlagStage.annotate(&mut doc);
    doc
}

fn foreign(doc: &Doc) -> Vec<(String, String)> {
    doc.flags
        .iter()
        .filter_map(|f| match &f.kind {
            FlagKind::ForeignLanguage { lang } => {
                Some((doc.slice(f.span).to_string(), lang.clone()))
            }
            _ => None,
        })
        .collect()
}

fn repetitions(doc: &Doc) -> Vec<String> {
    doc.flags
        .iter()
        .filter_map(|f| match &f.kind {
            FlagKind::Repetition { phrase } => Some(phrase.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn english_gloss_in_german_text_is_flagged() {
    let doc = analyse(
        "Die Ministerin lobte die Zusammenarbeit. [with the support of the European partners] \
         Der Vertrag soll im Herbst unterzeichnet werden.",
    );
    assert_eq!(doc.meta.lang.as_deref(), Some("de"));
    assert_eq!(
        foreign(&doc),
        [(
            "with the support of the European partners".to_string(),
            "en".to_string()
        )]
    );
}

#[test]
fn english_clause_after_a_colon_is_flagged() {
    let doc = analyse(
        "Der Trainer sagte nach dem Spiel: we have to work much harder than this. \
         Die Mannschaft fährt am Sonntag nach Hause.",
    );
    let f = foreign(&doc);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].0.starts_with("we have to work"));
}

#[test]
fn names_and_loanwords_in_german_news_are_not_flagged() {
    let doc = analyse(
        "Der nordkoreanische Machthaber Kim Jong Un empfing den Gast in der Hauptstadt. \
         Laut New York Times wurde die Bank of America über Fake News in Social Media informiert. \
         Viele Beschäftigte arbeiten seit der Pandemie im Homeoffice. \
         Die Ministerin sprach mit Vertretern der Europäischen Union und des Bundestages.",
    );
    assert!(foreign(&doc).is_empty(), "{:?}", foreign(&doc));
    assert!(repetitions(&doc).is_empty());
}

#[test]
fn german_sentence_in_english_text_is_flagged() {
    let doc = analyse(
        "The chancellor spoke to reporters in Berlin on Monday. \
         Wir werden das schaffen, und zwar gemeinsam mit unseren Partnern. \
         Her remarks were welcomed by the opposition, which had called for a stronger response. \
         Talks with the other governments are expected to continue over the coming weeks.",
    );
    assert_eq!(doc.meta.lang.as_deref(), Some("en"));
    let f = foreign(&doc);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].1, "de");
}

#[test]
fn repeated_phrase_with_other_endings_is_flagged() {
    let doc = analyse(
        "Aus einer engen Partnerschaft zwischen beiden Staaten sei eine enge Partnerschaft \
         zwischen beiden Staaten geworden, sagte der Minister.",
    );
    let r = repetitions(&doc);
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(r[0].contains("Partnerschaft zwischen beiden Staaten"));
}

#[test]
fn repeated_function_words_and_short_repeats_are_not_flagged() {
    let doc = analyse(
        "Er sagte, dass es in der Stadt und in der Region keine Probleme gebe und dass es in der \
         Zukunft auch keine geben werde.",
    );
    assert!(repetitions(&doc).is_empty(), "{:?}", repetitions(&doc));
}

#[test]
fn without_a_language_nothing_is_flagged() {
    let mut doc = Doc::new("t", "12 34 56");
    LangIdStage.annotate(&mut doc);
    SegmentStage.annotate(&mut doc);
    QualityFlagStage.annotate(&mut doc);
    assert!(doc.meta.lang.is_none());
    assert!(doc.flags.is_empty());
}

#[test]
fn founding_article_flags_the_gloss_and_the_repetition() {
    let Some(path) = newsgraph_testkit::shared_dir("samples/de-kim-putin-2024-06-12.txt") else {
        return;
    };
    let doc = analyse(&std::fs::read_to_string(path).unwrap());
    assert_eq!(doc.meta.lang.as_deref(), Some("de"));
    let f = foreign(&doc);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        f[0],
        (
            "between North Korea and Russia".to_string(),
            "en".to_string()
        )
    );
    let r = repetitions(&doc);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(doc.flags.len(), 2);
}
