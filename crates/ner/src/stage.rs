//! The pipeline stage: tags every sentence of a [`Doc`] with the shipped model.

use std::sync::OnceLock;

use newsgraph_doc::{Doc, EntityMention, Layer, Span, Stage};

use crate::labels;
use crate::model::{Model, Scratch};
use crate::NerError;

/// The shipped German model, compiled into the binary.
static MODEL_BYTES: &[u8] = include_bytes!("../../../models/ner-de.bin.gz");

/// The shipped German model, decoded on first use.
pub fn shipped_model() -> Result<&'static Model, NerError> {
    static MODEL: OnceLock<Result<Model, String>> = OnceLock::new();
    MODEL
        .get_or_init(|| Model::from_bytes(MODEL_BYTES).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|m| NerError::BadModel(format!("shipped model: {m}")))
}

/// Named-entity recognition stage: reads sentences and tokens, writes
/// [`Layer::Entities`] with GermEval's outer classes (`deriv`/`part` as
/// [`newsgraph_doc::EntityForm`]).
#[derive(Debug, Clone, Copy)]
pub struct NerStage {
    model: &'static Model,
}

impl NerStage {
    /// The stage with the shipped German model (decoded once per process).
    pub fn load() -> Result<NerStage, NerError> {
        Ok(NerStage {
            model: shipped_model()?,
        })
    }

    /// The stage with a model of the caller's, leaked to live as long as the
    /// process (load it once).
    pub fn with_model(model: Model) -> NerStage {
        NerStage {
            model: Box::leak(Box::new(model)),
        }
    }

    /// The model this stage tags with.
    pub fn model(&self) -> &'static Model {
        self.model
    }

    /// Entity mentions of one document (sentences without tokens give none).
    pub fn entities(&self, doc: &Doc) -> Vec<EntityMention> {
        let mut out = Vec::new();
        if doc.tokens().is_none() {
            return out;
        }
        let whole = [Span::new(0, doc.text().len())];
        let sentences = doc.sentences().unwrap_or(&whole);
        let mut scratch = Scratch::default();
        for &s in sentences {
            let toks = doc.tokens_in(s);
            if toks.is_empty() {
                continue;
            }
            let words: Vec<&str> = toks.iter().map(|t| doc.slice(t.span)).collect();
            let labs = self.model.tag_indices(&words, &mut scratch);
            for (class, a, b) in labels::chunks(&labs) {
                let (label, form) = labels::entity_of(class);
                out.push(EntityMention {
                    span: Span::new(toks[a].span.start, toks[b - 1].span.end),
                    label,
                    form,
                    kb: None,
                    name: None,
                });
            }
        }
        out
    }
}

impl Stage for NerStage {
    fn name(&self) -> &'static str {
        "ner"
    }

    fn reads(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }

    fn writes(&self) -> &'static [Layer] {
        &[Layer::Entities]
    }

    fn annotate(&self, doc: &mut Doc) {
        // The shipped model is German; on other languages it would only guess,
        // so the layer stays absent (not run) rather than wrong.
        if doc.meta.lang.as_deref().is_some_and(|l| l != "de") {
            return;
        }
        let ents = self.entities(doc);
        doc.entities = Some(ents);
    }
}
