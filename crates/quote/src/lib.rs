//! Reported speech and claims: finds direct, indirect and mixed quotes with
//! their speaker and cue, and turns them into claims with sources, modality
//! and confirmation status.
//!
//! Overview: [`QuoteStage`] reads sentences and tokens (and entities and
//! timexes when those layers exist) and writes the `quotes` and `claims`
//! layers. The work is split in small steps over a token [`view`]:
//! [`marks`] pairs quotation marks, [`chunk`] finds noun phrases for speakers,
//! [`detect`] finds quotes and their frames, [`claims`] derives claims.
//! Language knowledge (cue verbs with their role, source markers, Konjunktiv
//! forms, hedges, status phrases, role nouns, and the grammatical traits the
//! detectors depend on) lives in the language packs (`resources/<lang>/quote/`
//! and `[quote.rules]` of `resources/<lang>/pack.toml`) and is compiled by
//! [`lexicon`]. Scoring against annotated corpora is the crate
//! `newsgraph-quote-eval`.
#![deny(missing_docs)]

pub mod chunk;
pub mod claims;
pub mod detect;
pub mod lexicon;
pub mod marks;
pub mod view;

use lexicon::Lexicon;
use newsgraph_doc::{Doc, EntityRef, Layer, Quote, Stage};
use newsgraph_pack::PerPack;

/// The quote and claim stage.
#[derive(Debug)]
pub struct QuoteStage {
    lexicons: PerPack<Lexicon>,
}

impl QuoteStage {
    /// The stage for the given language packs: a document is analysed with
    /// the pack its language picks ([`newsgraph_pack::Packs::for_lang`]); in
    /// a language without a pack the layer stays absent.
    pub fn new(packs: &newsgraph_pack::Packs) -> QuoteStage {
        QuoteStage {
            lexicons: PerPack::new(packs, Lexicon::from_pack),
        }
    }
}

impl Stage for QuoteStage {
    fn name(&self) -> &'static str {
        "quotes"
    }
    fn reads(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }
    fn writes(&self) -> &'static [Layer] {
        &[Layer::Quotes, Layer::Claims]
    }
    fn annotate(&self, doc: &mut Doc) {
        let Some(lex) = self.lexicons.for_lang(doc.meta.lang.as_deref()) else {
            return;
        };
        let (quotes, claims) = analyse(doc, lex);
        doc.quotes = Some(quotes);
        doc.claims = Some(claims);
    }
}

/// Quotes and claims of a segmented document with the lexicon of its
/// language (empty without segmentation).
pub fn analyse(doc: &Doc, lex: &Lexicon) -> (Vec<Quote>, Vec<newsgraph_doc::Claim>) {
    let Some(view) = view::View::new(doc) else {
        return (Vec::new(), Vec::new());
    };
    let (found, citations) = detect::detect(&view, lex);
    let quotes = found
        .iter()
        .filter(|f| f.content.1 > f.content.0)
        .map(|f| Quote {
            span: view.span(f.content.0, f.content.1),
            kind: f.kind,
            speaker: f.speaker.map(|(s0, s1)| EntityRef {
                span: view.span(s0, s1),
                entity: f.name.as_deref().and_then(|n| view.entity_named(n)),
            }),
            cue: f.cue.map(|(c0, c1)| view.span(c0, c1)),
            // Soft hyphens from hyphenated print are not part of the name.
            speaker_name: f.name.as_ref().map(|n| n.replace('\u{ad}', "")),
        })
        .collect();
    let claims = claims::claims(&view, lex, &found, &citations, doc.timexes.as_deref());
    (quotes, claims)
}
