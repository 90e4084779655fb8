//! Language identification for newsgraph documents, and the quality flags that
//! depend on language: untranslated foreign-language fragments and repeated
//! phrases.
//!
//! Overview:
//! - [`detect_language`] names the language of a text (ISO 639-1) with lingua,
//!   on a bounded sample so a huge document costs no more than a long article.
//! - [`LangIdStage`] writes `meta.lang` (`Layer::Lang`), keeping a language the
//!   input already gave (the `--lang` override).
//! - [`QualityFlagStage`] adds [`FlagKind::ForeignLanguage`] flags for runs of
//!   three or more words in another language ([`foreign_fragments`]) and
//!   [`FlagKind::Repetition`] flags for sentences that repeat a phrase of four
//!   or more words ([`repeated_phrase`]), a typical machine-translation defect.
//! - [`LANGUAGES`] lists the languages the detector knows.
//!
//! Function words, established foreign phrases, inflection endings and number
//! words are data in `resources/lang/<list>/<code>.txt`, compiled in and read
//! through [`newsgraph_pack::shared_files`].
//!
//! ```
//! use newsgraph_doc::{Doc, Stage};
//! use newsgraph_lang::{detect_language, LangIdStage};
//!
//! assert_eq!(
//!     detect_language("Die Regierung hat am Montag einen neuen Haushalt beschlossen."),
//!     Some("de")
//! );
//! let mut doc = Doc::new("x", "The council approved the new budget on Monday evening.");
//! LangIdStage.annotate(&mut doc);
//! assert_eq!(doc.meta.lang.as_deref(), Some("en"));
//! ```
//!
//! [`FlagKind::ForeignLanguage`]: newsgraph_doc::FlagKind::ForeignLanguage
//! [`FlagKind::Repetition`]: newsgraph_doc::FlagKind::Repetition
#![deny(missing_docs)]

mod fragments;
mod lexicon;
mod repetition;
mod stage;

pub use fragments::foreign_fragments;
pub use repetition::repeated_phrase;
pub use stage::QualityFlagStage;

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use newsgraph_doc::{Doc, Layer, Stage};
use std::sync::OnceLock;

/// The languages the detector knows, with their ISO 639-1 codes: the two that
/// newsgraph analyses and those most often met as untranslated fragments in
/// German and English news. Each costs about 4.7 MB of n-gram models in the
/// binary, so the list stays short; a fragment in a language missing here is
/// either left unflagged or attributed to its closest listed neighbour.
pub const LANGUAGES: [(Language, &str); 7] = [
    (Language::German, "de"),
    (Language::English, "en"),
    (Language::French, "fr"),
    (Language::Spanish, "es"),
    (Language::Italian, "it"),
    (Language::Dutch, "nl"),
    (Language::Russian, "ru"),
];

/// Bytes of a document sampled for detection. Detection time grows with the
/// sample, accuracy stops growing long before: 8 KB is two to three pages of
/// news, far more than lingua needs, and bounds the cost of a 100 MB input.
const SAMPLE_BYTES: usize = 8 * 1024;

/// Fewer letters than this carry too little evidence to name a language
/// (a dateline, a bare name, a number).
const MIN_LETTERS: usize = 16;

/// The top language needs at least this confidence (lingua's values sum to
/// one over [`LANGUAGES`]); below it the text is mixed or too short and the
/// record says `lang: null` rather than guess.
const MIN_CONFIDENCE: f64 = 0.5;

/// The shared detector, built on first use.
///
/// Models load lazily: lingua's rule-based filter first narrows the
/// candidates by script, so Latin-script text never loads the Russian models,
/// and a process that only reads given-language documents loads none. The first
/// detection pays the loading (tens of milliseconds); a long-running service
/// calls [`warm_up`] at start instead.
fn detector() -> &'static LanguageDetector {
    static DETECTOR: OnceLock<LanguageDetector> = OnceLock::new();
    DETECTOR.get_or_init(|| {
        let languages: Vec<Language> = LANGUAGES.iter().map(|(l, _)| *l).collect();
        LanguageDetectorBuilder::from_languages(&languages).build()
    })
}

/// Loads the detector and the models for Latin-script text now rather than on
/// the first document, for services that care about first-request latency.
pub fn warm_up() {
    let _ = detector().compute_language_confidence_values(
        "Warm-up: die Modelle werden geladen, the models are loaded, les modèles.",
    );
}

/// Bytes from which whatlang's answer is trusted when it is reliable.
pub const FAST_MODE_MIN_BYTES: usize = 200;

/// whatlang's answer for `sample` when reliable and one of [`LANGUAGES`].
fn fast_detect(sample: &str) -> Option<&'static str> {
    static DETECTOR: OnceLock<whatlang::Detector> = OnceLock::new();
    let detector = DETECTOR.get_or_init(|| {
        whatlang::Detector::with_allowlist(
            LANGUAGES
                .iter()
                .filter_map(|(lang, _)| whatlang::Lang::from_code(iso_639_3(*lang)))
                .collect(),
        )
    });
    let info = detector.detect(sample)?;
    if !info.is_reliable() {
        return None;
    }
    let code3 = info.lang().code();
    LANGUAGES
        .iter()
        .find(|(lang, _)| iso_639_3(*lang) == code3)
        .map(|(_, code)| *code)
}

/// ISO 639-3 code (whatlang's) of a detector language.
fn iso_639_3(lang: Language) -> String {
    lang.iso_code_639_3().to_string()
}

/// The ISO 639-1 code of a detector language.
fn iso(lang: Language) -> &'static str {
    LANGUAGES
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or("und", |(_, code)| code)
}

/// Index of an ISO 639-1 code in [`LANGUAGES`].
pub(crate) fn lang_index(code: &str) -> Option<usize> {
    LANGUAGES.iter().position(|(_, c)| *c == code)
}

/// The first `max` bytes of `text`, cut back to a char boundary.
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

/// The language of `text` as an ISO 639-1 code, from its first 8 KB.
///
/// `None` when the sample holds fewer than 16 letters or no language reaches a
/// confidence of 0.5 (mixed or ambiguous text): a wrong language would send
/// the document through the wrong rules, an unknown one is visible in the
/// record.
///
/// From [`FAST_MODE_MIN_BYTES`] on, whatlang's trigram detector (microseconds
/// per document, against ~1 ms for lingua) decides when it calls itself
/// reliable and names one of [`LANGUAGES`]; shorter or unsure text goes to
/// lingua, which is accurate on short text.
pub fn detect_language(text: &str) -> Option<&'static str> {
    let sample = sample(text, SAMPLE_BYTES);
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    if sample.len() >= FAST_MODE_MIN_BYTES {
        if let Some(code) = fast_detect(sample) {
            return Some(code);
        }
    }
    let (lang, confidence) = *detector()
        .compute_language_confidence_values(sample)
        .first()?;
    (confidence >= MIN_CONFIDENCE).then(|| iso(lang))
}

/// Confidence values (0..=1, summing to one) of the known languages for a
/// short text, highest first, with ISO codes.
pub(crate) fn confidences(text: &str) -> Vec<(&'static str, f64)> {
    detector()
        .compute_language_confidence_values(text)
        .into_iter()
        .map(|(l, c)| (iso(l), c))
        .collect()
}

/// Writes the document language (`meta.lang`) unless the input gave one.
///
/// Reads no layer. A language given by the input (JSON `lang`, `--lang`) is
/// kept as it is, even when the text looks otherwise: the user knows better
/// than a detector. Undecidable text leaves `meta.lang` `None`.
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
    fn detects_german_paragraph() {
        let text = "Der Stadtrat hat am Dienstagabend nach langer Debatte den Haushalt für \
                    das kommende Jahr beschlossen. Die Opposition kritisierte die geplanten \
                    Kürzungen bei den Schwimmbädern.";
        assert_eq!(detect_language(text), Some("de"));
    }

    #[test]
    fn detects_english_paragraph() {
        let text = "The city council approved next year's budget on Tuesday evening after a \
                    long debate. The opposition criticised the planned cuts to public pools.";
        assert_eq!(detect_language(text), Some("en"));
    }

    #[test]
    fn too_little_text_has_no_language() {
        assert_eq!(detect_language(""), None);
        assert_eq!(detect_language("12.06.2024"), None);
        assert_eq!(detect_language("Olaf Scholz"), None);
    }

    #[test]
    fn stage_keeps_a_given_language() {
        let text = "The committee approved the budget on Thursday after a long debate.";
        let mut doc = Doc::new("x", text);
        doc.meta.lang = Some("de".into());
        LangIdStage.annotate(&mut doc);
        assert_eq!(doc.meta.lang.as_deref(), Some("de"));

        let mut doc = Doc::new("y", text);
        LangIdStage.annotate(&mut doc);
        assert_eq!(doc.meta.lang.as_deref(), Some("en"));
    }

    #[test]
    fn huge_document_is_sampled_on_a_char_boundary() {
        let s = "ä".repeat(10);
        assert_eq!(sample(&s, 5), "ää");
        let big = "Die Kommission prüft den Antrag noch. ".repeat(100_000);
        assert_eq!(detect_language(&big), Some("de"));
    }

    #[test]
    fn codes_round_trip() {
        for (lang, code) in LANGUAGES {
            assert_eq!(iso(lang), code);
            assert_eq!(lang.iso_code_639_1().to_string(), code);
        }
    }
}
