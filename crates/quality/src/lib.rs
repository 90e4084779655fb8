//! Language identification for newsgraph documents, and the quality flags
//! that depend on language: foreign-language fragments and repeated phrases.
//!
//! Overview:
//! - [`detect_language`] names the language of a text (ISO 639-1) with lingua,
//!   on a bounded sample so huge documents stay cheap.
//! - [`LangIdStage`] writes `meta.lang`, keeping a language the input gave.
//! - [`QualityFlagStage`] flags stretches of three or more words in another
//!   language ([`FlagKind::ForeignLanguage`]) and sentences that repeat a phrase
//!   of four or more words ([`FlagKind::Repetition`]), a typical defect of
//!   machine translation.
//!
//! Function-word lists and inflection endings are data in `resources/lang/`.
//!
//! ```
//! assert_eq!(newsgraph_quality::detect_language(
//!     "Die Regierung hat am Montag einen neuen Haushalt beschlossen."), Some("de"));
//! ```
#![deny(missing_docs)]

mod flags;
mod lexicon;

pub use flags::{foreign_fragments, repeated_phrase, QualityFlagStage};

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use newsgraph_doc::{Doc, Layer, Stage};
use std::sync::OnceLock;

/// Languages the detector knows: the two newsgraph analyses and those most
/// often met as fragments in German and English news. Each costs a few MB of
/// n-gram models in the binary.
const LANGUAGES: [Language; 7] = [
    Language::German,
    Language::English,
    Language::French,
    Language::Spanish,
    Language::Italian,
    Language::Dutch,
    Language::Russian,
];

/// Bytes of text sampled for document-level detection: a few paragraphs
/// decide the language of an article as well as the whole of it does.
const SAMPLE_BYTES: usize = 1024;

/// From this many bytes on, whatlang's trigram detector (microseconds per
/// document) decides when it calls itself reliable; shorter or unsure texts go
/// to lingua, slower but accurate on short text.
const FAST_MODE_MIN_BYTES: usize = 200;

/// Fewer letters than this carry too little evidence to name a language.
const MIN_LETTERS: usize = 12;

/// The full detector (all n-gram sizes), for short spans.
fn detector() -> &'static LanguageDetector {
    static DETECTOR: OnceLock<LanguageDetector> = OnceLock::new();
    DETECTOR.get_or_init(|| LanguageDetectorBuilder::from_languages(&LANGUAGES).build())
}

/// whatlang's detector limited to the same languages as lingua's.
fn fast_detector() -> &'static whatlang::Detector {
    static DETECTOR: OnceLock<whatlang::Detector> = OnceLock::new();
    DETECTOR.get_or_init(|| {
        whatlang::Detector::with_allowlist(vec![
            whatlang::Lang::Deu,
            whatlang::Lang::Eng,
            whatlang::Lang::Fra,
            whatlang::Lang::Spa,
            whatlang::Lang::Ita,
            whatlang::Lang::Nld,
            whatlang::Lang::Rus,
        ])
    })
}

fn whatlang_iso(lang: whatlang::Lang) -> Option<&'static str> {
    Some(match lang {
        whatlang::Lang::Deu => "de",
        whatlang::Lang::Eng => "en",
        whatlang::Lang::Fra => "fr",
        whatlang::Lang::Spa => "es",
        whatlang::Lang::Ita => "it",
        whatlang::Lang::Nld => "nl",
        whatlang::Lang::Rus => "ru",
        _ => return None,
    })
}

fn iso(lang: Language) -> &'static str {
    match lang {
        Language::German => "de",
        Language::English => "en",
        Language::French => "fr",
        Language::Spanish => "es",
        Language::Italian => "it",
        Language::Dutch => "nl",
        Language::Russian => "ru",
    }
}

/// The first `max` bytes of `text`, cut at a char boundary.
fn sample(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The language of `text` as an ISO 639-1 code, or `None` when the text has
/// too few letters or the detector can't decide.
pub fn detect_language(text: &str) -> Option<&'static str> {
    let sample = sample(text, SAMPLE_BYTES);
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    if sample.len() >= FAST_MODE_MIN_BYTES {
        if let Some(info) = fast_detector().detect(sample) {
            if info.is_reliable() {
                if let Some(code) = whatlang_iso(info.lang()) {
                    return Some(code);
                }
            }
        }
    }
    detector().detect_language_of(sample).map(iso)
}

/// Confidence values (0..1) of each known language for a short text, highest
/// first.
pub(crate) fn confidences(text: &str) -> Vec<(&'static str, f64)> {
    detector()
        .compute_language_confidence_values(text)
        .into_iter()
        .map(|(l, c)| (iso(l), c))
        .collect()
}

/// Writes the document language (`meta.lang`) unless the input gave one.
#[derive(Debug, Default, Clone, Copy)]
pub struct LangIdStage;

impl Stage for LangIdStage {
    fn name(&self) -> &'static str {
        "lang-id"
    }

    fn reads(&self) -> &'static [Layer] {
        &[]
    }

    fn writes(&self) -> &'static [Layer] {
        &[Layer::Lang]
    }

    fn annotate(&self, doc: &mut Doc) {
        if doc.meta.lang.is_none() {
            doc.meta.lang = detect_language(doc.text()).map(str::to_string);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_german_and_english_paragraphs() {
        assert_eq!(
            detect_language(
                "Der Bundestag hat am Donnerstag nach langer Debatte das Gesetz verabschiedet."
            ),
            Some("de")
        );
        assert_eq!(
            detect_language("The committee approved the budget on Thursday after a long debate."),
            Some("en")
        );
    }

    #[test]
    fn too_little_text_has_no_language() {
        assert_eq!(detect_language("12.06."), None);
        assert_eq!(detect_language(""), None);
    }

    #[test]
    fn stage_keeps_a_given_language() {
        let mut doc = Doc::new("x", "The committee approved the budget on Thursday.");
        doc.meta.lang = Some("de".into());
        LangIdStage.annotate(&mut doc);
        assert_eq!(doc.meta.lang.as_deref(), Some("de"));
        let mut doc = Doc::new("y", "The committee approved the budget on Thursday.");
        LangIdStage.annotate(&mut doc);
        assert_eq!(doc.meta.lang.as_deref(), Some("en"));
    }

    #[test]
    fn sample_cuts_on_a_char_boundary() {
        let s = "ä".repeat(10);
        assert_eq!(sample(&s, 5), "ää");
    }
}
