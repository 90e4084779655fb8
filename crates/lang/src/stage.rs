//! The stage adding both quality flags.

use crate::{foreign_fragments, repeated_phrase};
use newsgraph_doc::{Doc, Flag, FlagKind, Layer, Span, Stage};

/// Flags foreign-language fragments ([`foreign_fragments`]) and sentences that
/// repeat a phrase ([`repeated_phrase`]), sentence by sentence.
///
/// Reads the document language, sentences and tokens; without a language it
/// flags no fragments (foreign to what?) and compares repeated words without
/// stripping endings. Flags are appended to `doc.flags` in text order of their
/// sentences; running the stage twice adds them twice.
#[derive(Debug, Default, Clone, Copy)]
pub struct QualityFlagStage;

impl Stage for QualityFlagStage {
    fn name(&self) -> &'static str {
        "quality-flags"
    }

    fn reads(&self) -> &'static [Layer] {
        &[Layer::Lang, Layer::Sentences, Layer::Tokens]
    }

    fn writes(&self) -> &'static [Layer] {
        &[Layer::Flags]
    }

    fn annotate(&self, doc: &mut Doc) {
        if doc.tokens().is_none() {
            return;
        }
        // `de-DE`, `DE` and `de` all name German.
        let lang = doc
            .meta
            .lang
            .as_deref()
            .map(newsgraph_pack::base_code)
            .unwrap_or_default();
        let whole = [Span::new(0, doc.text().len())];
        let sentences = doc.sentences().unwrap_or(&whole);
        let mut flags = Vec::new();
        for &sentence in sentences {
            let tokens = doc.tokens_in(sentence);
            flags.extend(foreign_fragments(doc.text(), tokens, &lang));
            if let Some(phrase) = repeated_phrase(doc.text(), tokens, &lang) {
                flags.push(Flag {
                    span: sentence,
                    kind: FlagKind::Repetition { phrase },
                });
            }
        }
        doc.flags.extend(flags);
    }
}
