//! Quality flags on whole documents, with tokens and sentences from a small
//! splitter of this test (the real segmenter is another crate's job).

mod support;

use newsgraph_doc::{Doc, Flag, FlagKind, Span, Stage};
use newsgraph_lang::{foreign_fragments, repeated_phrase, LangIdStage, QualityFlagStage};
use support::{sentences, tokenize};

/// A document of language `lang` with test tokens and sentences, flagged.
fn flag(text: &str, lang: &str) -> (Doc, Vec<Flag>) {
    let mut doc = Doc::new("t", text);
    doc.meta.lang = Some(lang.to_string());
    let tokens = tokenize(text);
    let sents = sentences(text, &tokens);
    doc.set_tokens(tokens).unwrap();
    doc.set_sentences(sents).unwrap();
    QualityFlagStage.annotate(&mut doc);
    let flags = doc.flags.clone();
    (doc, flags)
}

/// `(flagged text, language)` of the foreign-language flags.
fn fragments(doc: &Doc, flags: &[Flag]) -> Vec<(String, String)> {
    flags
        .iter()
        .filter_map(|f| match &f.kind {
            FlagKind::ForeignLanguage { lang } => {
                Some((doc.slice(f.span).to_string(), lang.clone()))
            }
            _ => None,
        })
        .collect()
}

/// The phrases of the repetition flags.
fn repetitions(flags: &[Flag]) -> Vec<String> {
    flags
        .iter()
        .filter_map(|f| match &f.kind {
            FlagKind::Repetition { phrase } => Some(phrase.clone()),
            _ => None,
        })
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn splitter_keeps_quotes_with_their_sentence() {
    let text = "Er sagte: „Wir kommen.“ Dann ging er. Neu";
    let toks = tokenize(text);
    let s: Vec<&str> = sentences(text, &toks)
        .iter()
        .map(|s| &text[s.range()])
        .collect();
    assert_eq!(s, ["Er sagte: „Wir kommen.“", "Dann ging er.", "Neu"]);
}

// --- foreign-language fragments ------------------------------------------

#[test]
fn bracketed_english_clause_in_german_is_flagged() {
    let text = "Die Ministerin kündigte neue Hilfen für die Landwirte an. \
                [despite the protests of the last weeks] Die Bauernverbände \
                reagierten zurückhaltend auf die Pläne.";
    let (doc, flags) = flag(text, "de");
    assert_eq!(
        fragments(&doc, &flags),
        pairs(&[("despite the protests of the last weeks", "en")])
    );
}

#[test]
fn english_sentence_inside_german_text_is_flagged() {
    let text = "Der Sprecher des Ministeriums sagte am Abend, the talks will continue \
                next week in Geneva, und verwies auf frühere Gespräche.";
    let (doc, flags) = flag(text, "de");
    let found = fragments(&doc, &flags);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "en");
    assert!(
        found[0].0.starts_with("the talks will continue"),
        "{found:?}"
    );
}

#[test]
fn german_sentence_in_english_text_is_flagged() {
    let text = "The minister visited the flooded villages on Sunday. \
                Wir werden den Menschen hier nicht allein lassen. \
                Aid workers said the water was slowly receding.";
    let (doc, flags) = flag(text, "en");
    assert_eq!(
        fragments(&doc, &flags),
        pairs(&[("Wir werden den Menschen hier nicht allein lassen", "de")])
    );
}

#[test]
fn french_fragment_gets_its_language() {
    let text = "Der Präsident sprach von einer schwierigen Lage: « nous sommes en guerre \
                contre le virus » sagte er im Fernsehen.";
    let (doc, flags) = flag(text, "de");
    assert_eq!(
        fragments(&doc, &flags),
        pairs(&[("nous sommes en guerre contre le virus", "fr")])
    );
}

#[test]
fn german_news_with_names_and_loanwords_is_not_flagged() {
    let text =
        "Bundeskanzler Olaf Scholz traf am Montag den französischen Präsidenten Emmanuel Macron.\n\
        Wladimir Putin und Kim Jong Un unterzeichneten ein Abkommen über gegenseitige Hilfe.\n\
        Die New York Times berichtete zuerst über die Pläne der Regierung.\n\
        Der Konzern setzt nach der Pandemie weiter auf Homeoffice und flexible Arbeitszeiten.\n\
        Fake News verbreiten sich in den Social Media schneller als Richtigstellungen.\n\
        Die Serie „House of the Dragon“ startet im Juni beim Streamingdienst Sky.\n\
        Das Start-up aus Berlin sammelte in einer Finanzierungsrunde 15 Millionen Euro ein.\n\
        Der Vorstandschef sprach von einem Update, das state of the art sei.\n\
        Die Bank of America hob ihre Prognose für das laufende Jahr an.\n\
        Das Team um Trainer Thomas Tuchel feierte den Sieg bei der Champions League.\n\
        Die Aktivisten von Fridays for Future demonstrierten vor dem Kanzleramt.\n\
        Der Film „Oppenheimer“ gewann bei der Oscar-Verleihung sieben Preise.\n\
        Im Jahr 2023 lag die Inflation bei 5,9 Prozent, 2022 waren es 6,9 Prozent.\n\
        Der Slogan „Make America Great Again“ prägte den Wahlkampf von Donald Trump.\n\
        Die Ausstellung ist noch bis Ende August im Museum of Modern Art zu sehen.";
    let (doc, flags) = flag(text, "de");
    assert_eq!(fragments(&doc, &flags), Vec::<(String, String)>::new());
}

#[test]
fn english_news_with_german_names_is_not_flagged() {
    let text = "Chancellor Olaf Scholz addressed the Bundestag on Wednesday.\n\
        The Frankfurter Allgemeine Zeitung reported that the Alternative für Deutschland \
        gained ground in Saxony.\n\
        Analysts at Deutsche Bank expect the European Central Bank to cut rates.\n\
        \"A bad week,\" said Anna Weil, an analyst at Weil Partners in Boston.";
    let (doc, flags) = flag(text, "en");
    assert_eq!(fragments(&doc, &flags), Vec::<(String, String)>::new());
}

#[test]
fn no_fragments_without_a_document_language() {
    let text = "Die Ministerin sagte: the talks will continue next week in Geneva.";
    let toks = tokenize(text);
    assert!(foreign_fragments(text, &toks, "").is_empty());
    assert!(foreign_fragments(text, &toks, "ru").is_empty());
    assert_eq!(foreign_fragments(text, &toks, "de").len(), 1);
}

// --- repetition ----------------------------------------------------------

#[test]
fn looping_translation_is_flagged_with_its_phrase() {
    let text = "Nach Angaben der Polizei sei aus einem kleinen Feuer in der Lagerhalle \
                ein kleines Feuer in der Lagerhalle geworden.";
    let (_, flags) = flag(text, "de");
    assert_eq!(
        repetitions(&flags),
        ["einem kleinen Feuer in der Lagerhalle"]
    );
    assert_eq!(flags[0].span, Span::new(0, text.len()));
}

#[test]
fn english_repetition_is_flagged() {
    let text = "The company said the new factory will create jobs and the new factory \
                will create jobs in the region.";
    let toks = tokenize(text);
    assert_eq!(
        repeated_phrase(text, &toks, "en").as_deref(),
        Some("the new factory will create jobs")
    );
}

#[test]
fn legitimate_repetitions_are_not_flagged() {
    let cases = [
        // function-word sequences repeated
        "Er sagte, dass es in der Nähe der Schule und dass es in der Nähe der Kirche brenne.",
        // lists: the same pattern three times, and items split by punctuation
        "Tore: Müller in der 3. Minute, Kane in der 20. Minute, Sané in der 75. Minute.",
        "Gewählt wurden der Vorsitzende des Vereins aus Köln, der Vorsitzende des Vereins \
         aus Bonn und der Vorsitzende des Vereins aus Essen.",
        // a phrase of three words only
        "Die Bundesregierung hilft, und die Bundesregierung zahlt.",
        // one content word
        "Er war nicht in der Stadt, und sie war nicht in der Stadt.",
        // a comparison: different numbers next to the two copies
        "Das Dorf liegt 12 Kilometer von der Grenze entfernt, nach anderen Angaben \
         liegt es 15 Kilometer von der Grenze entfernt.",
        // three words once the function words at its ends are dropped
        "Das Land gewährt der Stadt einen Zuschuss in Höhe von zwei Millionen Euro, \
         mit dem die Stadt einen Zuschuss in gleicher Höhe ersetzen kann.",
    ];
    for text in cases {
        let (_, flags) = flag(text, "de");
        assert_eq!(repetitions(&flags), Vec::<String>::new(), "{text}");
    }
    let english = [
        // a parallel frame around different content
        "The people who pay in the short run are tenants, but the people who pay in \
         the long run are all of us.",
        // a comparison with number words
        "The firm earned eight Canadian cents per share, compared with 21 Canadian cents per share a \
         year earlier.",
    ];
    for text in english {
        let (_, flags) = flag(text, "en");
        assert_eq!(repetitions(&flags), Vec::<String>::new(), "{text}");
    }
}

// --- language id stage ---------------------------------------------------

#[test]
fn lang_stage_detects_and_keeps_override() {
    let text = "Die Ministerin kündigte am Dienstag neue Hilfen für die Landwirte an.";
    let mut doc = Doc::new("a", text);
    LangIdStage.annotate(&mut doc);
    assert_eq!(doc.meta.lang.as_deref(), Some("de"));
    let mut doc = Doc::new("b", text);
    doc.meta.lang = Some("en".into());
    LangIdStage.annotate(&mut doc);
    assert_eq!(doc.meta.lang.as_deref(), Some("en"));
}

// --- the founding article ------------------------------------------------

#[test]
fn founding_article_flags_fragment_and_repetition_only() {
    let Some(path) = newsgraph_testkit::shared_dir("samples/de-kim-putin-2024-06-12.txt") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let mut doc = Doc::new("de-kim-putin-2024-06-12", text.as_str());
    LangIdStage.annotate(&mut doc);
    assert_eq!(doc.meta.lang.as_deref(), Some("de"));
    let tokens = tokenize(&text);
    let sents = sentences(&text, &tokens);
    doc.set_tokens(tokens).unwrap();
    doc.set_sentences(sents).unwrap();
    QualityFlagStage.annotate(&mut doc);

    let found = fragments(&doc, &doc.flags);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "en");
    // The whole bracketed insertion, without its brackets.
    let bracket = text.find('[').unwrap();
    let close = text.find(']').unwrap();
    assert_eq!(found[0].0, &text[bracket + 1..close]);

    let reps = repetitions(&doc.flags);
    assert_eq!(reps.len(), 1, "{reps:?}");
    let rep = doc
        .flags
        .iter()
        .find(|f| f.kind.as_str() == "repetition")
        .unwrap();
    assert!(doc.slice(rep.span).contains(&reps[0]));
    assert!(rep.span.contains(Span::new(bracket, bracket + 1)) || rep.span.start > bracket);
    assert_eq!(doc.flags.len(), 2, "{:?}", doc.flags);
}

// --- robustness ----------------------------------------------------------

proptest::proptest! {
    #[test]
    fn any_text_is_flagged_without_panic(
        text in "[a-zA-ZäöüÄÖÜß .,;:„“\\[\\]()0-9\n-]{0,200}|\\PC{0,80}",
        lang in "de|en|fr|xx|",
    ) {
        let mut doc = Doc::new("p", text.as_str());
        doc.meta.lang = (!lang.is_empty()).then_some(lang);
        let tokens = tokenize(&text);
        let sents = sentences(&text, &tokens);
        doc.set_tokens(tokens).unwrap();
        doc.set_sentences(sents).unwrap();
        QualityFlagStage.annotate(&mut doc);
        for f in &doc.flags {
            proptest::prop_assert!(f.span.is_valid_in(&text));
        }
    }

    #[test]
    fn mixed_word_soup_is_flagged_without_panic(
        words in proptest::collection::vec(proptest::sample::select(vec![
            "the", "and", "of", "is", "will", "in", "between", "Weil", "The", "die", "und",
            "der", "sagte", "Bindung", "zwischen", "Partnern", "einer", "eine", "festen", "feste",
            "Kim", "Korea", "state", "art", "nous", "le", "[", "]", "„", "“", ",", ".", "12", "zwölf",
        ]), 0..60),
        lang in "de|en",
    ) {
        let text = words.join(" ");
        let mut doc = Doc::new("p", text.as_str());
        doc.meta.lang = Some(lang);
        let tokens = tokenize(&text);
        let sents = sentences(&text, &tokens);
        doc.set_tokens(tokens).unwrap();
        doc.set_sentences(sents).unwrap();
        QualityFlagStage.annotate(&mut doc);
        for f in &doc.flags {
            proptest::prop_assert!(f.span.is_valid_in(&text));
        }
    }
}
