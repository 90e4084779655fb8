//! The pipeline stage: tags every sentence of a [`Doc`] with the model of the
//! language pack its language picks.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use newsgraph_doc::{Doc, EntityMention, Layer, Span, Stage};
use newsgraph_pack::{Pack, Packs, PerPack};

use crate::labels;
use crate::model::{Model, Scratch};
use crate::{NerError, NerPack};

/// A pack's model, or why it has none: `Ok(None)` when the pack names no
/// model (the stage does not run on its documents), `Err` when the model
/// cannot be decoded.
type Decoded = Result<Option<Cow<'static, Model>>, String>;

/// The models of the shipped packs, each decoded on first use.
fn shipped() -> &'static PerPack<Decoded> {
    static SHIPPED: OnceLock<PerPack<Decoded>> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let packs = Packs::embedded();
        PerPack::new(&packs.clone(), move |pack| {
            Ok(decode(
                packs.get(pack.code()).expect("a pack of its own set"),
            ))
        })
    })
}

/// The model `pack` names, decoded.
fn decode(pack: &Arc<Pack>) -> Decoded {
    if !pack.has_file("ner", "model") {
        return Ok(None);
    }
    Model::from_pack(pack)
        .map(|m| Some(Cow::Owned(m)))
        .map_err(|e| e.to_string())
}

/// The shipped model of a language, decoded on first use (once per process).
pub fn shipped_model_for(lang: NerPack) -> Result<&'static Model, NerError> {
    match shipped().for_lang(Some(lang.code())) {
        Some(Ok(Some(model))) => Ok(model),
        Some(Err(e)) => Err(NerError::BadModel(e.clone())),
        Some(Ok(None)) | None => Err(NerError::BadModel(format!(
            "the shipped language pack {} names no [ner.files] model",
            lang.code()
        ))),
    }
}

/// The shipped model of the fallback language (German), decoded on first use.
pub fn shipped_model() -> Result<&'static Model, NerError> {
    shipped_model_for(NerPack::default())
}

/// Whether the shipped model of language `code` has been decoded in this
/// process.
pub fn is_loaded(code: &str) -> bool {
    shipped().is_built(Some(code))
}

/// Named-entity recognition stage: reads sentences and tokens, writes
/// [`Layer::Entities`] (GermEval's outer classes for German, `deriv`/`part`
/// as [`newsgraph_doc::EntityForm`]; PER/LOC/ORG/OTH for English).
///
/// The model is chosen by `doc.meta.lang` through the language packs
/// ([`Packs::for_lang`]): the model of the document's pack, decoded the
/// first time a document of that pack comes (German-only runs never decode
/// the English one); documents whose language has no pack, or a pack without
/// a model, keep the layer absent.
#[derive(Clone)]
pub struct NerStage {
    models: Arc<PerPack<Decoded>>,
    /// A caller's model, used for documents of its language only.
    custom: Option<Arc<Model>>,
}

impl std::fmt::Debug for NerStage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NerStage")
            .field("packs", &self.models.packs().codes())
            .field("custom", &self.custom.as_ref().map(|m| m.lang().code()))
            .finish()
    }
}

impl NerStage {
    /// The stage for the given language packs: a document is tagged with the
    /// model of the pack its language picks ([`Packs::for_lang`]); in a
    /// language without a pack (or a pack without a model) the layer stays
    /// absent. The fallback pack's model is decoded now (so a damaged one
    /// fails here, not on the first document), the others on first use; a
    /// shipped pack's model is decoded once per process.
    pub fn new(packs: &Packs) -> Result<NerStage, NerError> {
        let own = packs.clone();
        let models = PerPack::new(packs, move |pack| {
            let pack = own.get(pack.code()).expect("a pack of its own set");
            let shipped_pack = Packs::embedded().get(pack.code()).cloned();
            Ok(match shipped_pack {
                // The same pack as shipped: share the process-wide model.
                Some(shipped_pack) if Arc::ptr_eq(&shipped_pack, pack) => shipped()
                    .for_lang(Some(pack.code()))
                    .expect("a shipped pack has a compiled form")
                    .as_ref()
                    .map(|m| m.as_deref().map(Cow::Borrowed))
                    .map_err(Clone::clone),
                _ => decode(pack),
            })
        });
        if let Some(Err(e)) = models.for_lang(None) {
            return Err(NerError::BadModel(e.clone()));
        }
        Ok(NerStage {
            models: Arc::new(models),
            custom: None,
        })
    }

    /// The stage with the shipped packs (see [`NerStage::new`]).
    pub fn load() -> Result<NerStage, NerError> {
        NerStage::new(&Packs::embedded())
    }

    /// The stage with the shipped packs and a model of the caller's, used
    /// instead of the shipped one for documents whose pack is the model's
    /// language ([`Model::lang`], the pack code it was trained for); other
    /// documents keep the layer absent.
    pub fn with_model(model: Model) -> NerStage {
        NerStage {
            models: Arc::new(PerPack::new(&Packs::embedded(), |_| Ok(Ok(None)))),
            custom: Some(Arc::new(model)),
        }
    }

    /// The caller's model, or the fallback pack's (`None` when there is no
    /// fallback pack or it has no model).
    pub fn model(&self) -> Option<&Model> {
        match &self.custom {
            Some(m) => Some(m),
            None => self.model_for(None),
        }
    }

    /// The model for documents of language `lang` (`None`: unknown), `None`
    /// when their pack has none or it cannot be decoded.
    pub fn model_for(&self, lang: Option<&str>) -> Option<&Model> {
        if let Some(custom) = &self.custom {
            let pack = self.models.packs().for_lang(lang)?;
            return (pack.code() == custom.lang().code()).then_some(&**custom);
        }
        match self.models.for_lang(lang)? {
            Ok(model) => model.as_deref(),
            Err(_) => None,
        }
    }

    /// Entity mentions of one document with the model of its language
    /// (none when it has none; sentences without tokens give none).
    pub fn entities(&self, doc: &Doc) -> Vec<EntityMention> {
        match self.model_for(doc.meta.lang.as_deref()) {
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
                score: None,
                cluster: None,
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
        if let Some(model) = self.model_for(doc.meta.lang.as_deref()) {
            doc.entities = Some(entities_with(model, doc));
        }
    }
}
