//! Reported speech and claims: finds direct, indirect and mixed quotes with
//! their speaker and cue, and turns them into claims with sources, modality
//! and confirmation status.
//!
//! Overview: [`QuoteStage`] reads sentences and tokens (and entities and
//! timexes when those layers exist) and writes the `quotes` and `claims`
//! layers. Language knowledge (cue verbs with their role, hedges, reportative
//! markers, role nouns) lives in `resources/<lang>/quote/`.
#![deny(missing_docs)]

pub mod eval;

use newsgraph_doc::{Doc, Layer, Stage};

/// The quote and claim stage.
#[derive(Debug, Default, Clone, Copy)]
pub struct QuoteStage;

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
        doc.quotes = Some(Vec::new());
        doc.claims = Some(Vec::new());
    }
}
