//! Composes analysis stages into a [`Pipeline`] whose order is checked: every
//! layer a stage reads must be written by an earlier stage.
//!
//! Overview: [`Pipeline::new`] takes boxed [`Stage`]s and checks their order;
//! [`Pipeline::run`] enriches one [`Doc`] in place. A stage that panics (a bug,
//! never expected) is caught, so one bad document can't take down a batch: the
//! document is reported as failed with the stage's name.
//! - [`batch`] runs a pipeline over inputs in parallel batches (the engine
//!   of `analyze` and `ingest`); [`eval`] and [`train`] are the stages'
//!   evaluation and training as `newsgraph eval` and `train` run them.
//!
//! ```
//! use newsgraph_doc::{Doc, Layer, Stage};
//! use newsgraph_pipeline::Pipeline;
//!
//! struct Upper;
//! impl Stage for Upper {
//!     fn name(&self) -> &'static str { "lang-by-hand" }
//!     fn reads(&self) -> &'static [Layer] { &[] }
//!     fn writes(&self) -> &'static [Layer] { &[Layer::Lang] }
//!     fn annotate(&self, doc: &mut Doc) { doc.meta.lang = Some("de".into()) }
//! }
//! let pipeline = Pipeline::new(vec![Box::new(Upper)]).unwrap();
//! let mut doc = Doc::new("x", "Hallo");
//! pipeline.run(&mut doc).unwrap();
//! assert_eq!(doc.meta.lang.as_deref(), Some("de"));
//! ```
#![deny(missing_docs)]

pub mod batch;
pub mod eval;
pub mod train;

use newsgraph_doc::{Doc, Layer, Stage};
pub use newsgraph_pack::{Pack, Packs};
pub use newsgraph_read::{Format, IngestError, ReadOptions};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// A pipeline could not be built or a stage failed on a document.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PipelineError {
    /// A stage reads a layer no earlier stage writes.
    #[error("stage {stage} reads the {layer:?} layer, but no earlier stage writes it; add a stage that writes {layer:?} before {stage}")]
    MissingLayer {
        /// The stage that reads.
        stage: &'static str,
        /// The layer nobody writes.
        layer: Layer,
    },
    /// `--skip` left out a stage whose layers later stages read.
    #[error("--skip {skipped}: {needers} {need} {layers}, which {skipped} makes; skip {them} too or keep {skipped}")]
    SkippedStageNeeded {
        /// The skipped stage.
        skipped: String,
        /// The stages that need it, in the user's words (`ner, link and quotes`).
        needers: String,
        /// `needs` or `need`.
        need: &'static str,
        /// The layers they need, in the user's words (`sentences and tokens`).
        layers: String,
        /// `it` or `them`.
        them: &'static str,
    },
    /// A stage name that the standard pipeline does not have.
    #[error(
        "no stage named {0:?}; the stages are lang-id, segment, quality-flags, ner, link, time, quotes"
    )]
    UnknownStage(String),
    /// A stage's model or resources could not be loaded.
    #[error("cannot load stage {stage}: {message}")]
    Load {
        /// The stage.
        stage: &'static str,
        /// Why.
        message: String,
    },
    /// A stage panicked on a document (a bug: please report it with the input).
    #[error("internal error in stage {stage} on document {doc_id}: {message}; please report this with the input")]
    StagePanicked {
        /// The stage.
        stage: &'static str,
        /// The document.
        doc_id: String,
        /// The panic message.
        message: String,
    },
}

/// Names of the stages of [`standard`], in order.
pub const STANDARD_STAGES: [&str; 7] = [
    "lang-id",
    "segment",
    "quality-flags",
    "ner",
    "link",
    "time",
    "quotes",
];

/// Stages of [`standard`] that need a language pack: on a document whose
/// language has none they do not run, and their layers stay absent. (`link`
/// needs one too, but writes no layer of its own: it fills the entities'
/// `kb`, `name`, `score` and `cluster`, which stay `null`.)
pub const PACK_STAGES: [&str; 4] = ["segment", "ner", "time", "quotes"];

/// The default pipeline, in order: language identification, segmentation
/// (sentences, tokens), quality flags, named entities, entity linking (to
/// the shipped knowledge base), temporal expressions, quotes and claims.
pub fn standard(packs: &Packs) -> Result<Pipeline, PipelineError> {
    standard_without(packs, &[])
}

/// The layers each stage of [`standard`] writes, by stage name, so that
/// skipping one can say which others need it without building it.
const STANDARD_WRITES: [(&str, &[Layer]); 7] = [
    ("lang-id", &[Layer::Lang]),
    ("segment", &[Layer::Sentences, Layer::Tokens]),
    ("quality-flags", &[Layer::Flags]),
    ("ner", &[Layer::Entities]),
    ("link", &[]),
    ("time", &[Layer::Timexes]),
    ("quotes", &[Layer::Quotes, Layer::Claims]),
];

/// A layer in the user's words.
fn layer_words(layer: Layer) -> &'static str {
    match layer {
        Layer::Lang => "the language",
        Layer::Sentences => "sentences",
        Layer::Tokens => "tokens",
        Layer::Entities => "entities",
        Layer::Timexes => "timexes",
        Layer::Quotes => "quotes",
        Layer::Claims => "claims",
        Layer::Events => "events",
        Layer::Flags => "flags",
    }
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[&str]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// The error for a skipped stage whose layers a kept stage reads, if any.
fn check_skips(skip: &[String], kept: &[Box<dyn Stage>]) -> Result<(), PipelineError> {
    for skipped in skip {
        let Some((_, writes)) = STANDARD_WRITES.iter().find(|(n, _)| n == skipped) else {
            continue;
        };
        // Stages that read what the skipped one writes, and (transitively)
        // those that read what they write.
        let mut missing: Vec<Layer> = writes
            .iter()
            .copied()
            .filter(|l| !PROVIDED_BY_INPUT.contains(l))
            .collect();
        let mut needers: Vec<&str> = Vec::new();
        let mut layers: Vec<&str> = Vec::new();
        for stage in kept {
            if !stage.reads().iter().any(|l| missing.contains(l)) {
                continue;
            }
            needers.push(stage.name());
            for l in stage.reads().iter().filter(|l| writes.contains(l)) {
                if !layers.contains(&layer_words(*l)) {
                    layers.push(layer_words(*l));
                }
            }
            missing.extend_from_slice(stage.writes());
        }
        if !needers.is_empty() {
            let many = needers.len() > 1;
            return Err(PipelineError::SkippedStageNeeded {
                skipped: skipped.clone(),
                needers: and_list(&needers),
                need: if many { "need" } else { "needs" },
                layers: and_list(&layers),
                them: if many { "them" } else { "it" },
            });
        }
    }
    Ok(())
}

/// Layers a document may bring from its input without a stage: its language
/// (from the input or `--lang`; when unknown, stages take the packs'
/// fallback) and flags (any stage may add one).
const PROVIDED_BY_INPUT: [Layer; 2] = [Layer::Lang, Layer::Flags];

/// The default pipeline less the stages named in `skip` (names as in
/// [`STANDARD_STAGES`]). Skipping a stage that a later one needs is an error
/// naming, in the user's words, the stages that need it and what for.
pub fn standard_without(packs: &Packs, skip: &[String]) -> Result<Pipeline, PipelineError> {
    if let Some(unknown) = skip.iter().find(|s| !STANDARD_STAGES.contains(&s.as_str())) {
        return Err(PipelineError::UnknownStage(unknown.clone()));
    }
    let wanted = |name: &str| !skip.iter().any(|s| s == name);
    let mut stages: Vec<Box<dyn Stage>> = Vec::new();
    if wanted("lang-id") {
        stages.push(Box::new(newsgraph_lang::LangIdStage));
    }
    if wanted("segment") {
        stages.push(Box::new(newsgraph_segment::SegmentStage::new(packs)));
    }
    if wanted("quality-flags") {
        stages.push(Box::new(newsgraph_lang::QualityFlagStage));
    }
    if wanted("ner") {
        let ner = newsgraph_ner::NerStage::new(packs).map_err(|e| PipelineError::Load {
            stage: "ner",
            message: e.to_string(),
        })?;
        stages.push(Box::new(ner));
    }
    if wanted("link") {
        stages.push(Box::new(newsgraph_kb::LinkStage::new(
            packs,
            newsgraph_kb::Kb::shipped(),
        )));
    }
    if wanted("time") {
        stages.push(Box::new(newsgraph_time::TimexStage::new(packs)));
    }
    if wanted("quotes") {
        stages.push(Box::new(newsgraph_quote::QuoteStage::new(packs)));
    }
    check_skips(skip, &stages)?;
    Pipeline::new(stages)
}

/// An ordered, checked list of stages.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.stages.iter().map(|s| s.name()))
            .finish()
    }
}

impl Pipeline {
    /// Builds a pipeline, checking that every read layer is written earlier.
    /// `Flags` and `Lang` are always readable: any stage may append flags,
    /// and a document's language may come with its input (or `--lang`);
    /// when it is unknown, stages follow the packs' policy
    /// ([`Packs::for_lang`]: the fallback pack).
    pub fn new(stages: Vec<Box<dyn Stage>>) -> Result<Pipeline, PipelineError> {
        let mut written: Vec<Layer> = PROVIDED_BY_INPUT.to_vec();
        for stage in &stages {
            if let Some(layer) = stage.reads().iter().find(|l| !written.contains(l)) {
                return Err(PipelineError::MissingLayer {
                    stage: stage.name(),
                    layer: *layer,
                });
            }
            written.extend_from_slice(stage.writes());
        }
        Ok(Pipeline { stages })
    }

    /// Names of the stages, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Names of the stages that need a language pack ([`PACK_STAGES`]), in
    /// order: those that leave their layers absent on a document whose
    /// language has no pack.
    pub fn stages_needing_pack(&self) -> Vec<&'static str> {
        self.stage_names()
            .into_iter()
            .filter(|name| PACK_STAGES.contains(name))
            .collect()
    }

    /// Runs every stage on `doc`, in order.
    pub fn run(&self, doc: &mut Doc) -> Result<(), PipelineError> {
        for stage in &self.stages {
            let outcome = catch_unwind(AssertUnwindSafe(|| stage.annotate(doc)));
            if let Err(payload) = outcome {
                let message = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown panic".to_string());
                return Err(PipelineError::StagePanicked {
                    stage: stage.name(),
                    doc_id: doc.meta.id.clone(),
                    message,
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake {
        name: &'static str,
        reads: &'static [Layer],
        writes: &'static [Layer],
        panics: bool,
    }

    impl Stage for Fake {
        fn name(&self) -> &'static str {
            self.name
        }
        fn reads(&self) -> &'static [Layer] {
            self.reads
        }
        fn writes(&self) -> &'static [Layer] {
            self.writes
        }
        fn annotate(&self, doc: &mut Doc) {
            if self.panics {
                panic!("boom");
            }
            doc.timexes = Some(Vec::new());
        }
    }

    fn fake(
        name: &'static str,
        reads: &'static [Layer],
        writes: &'static [Layer],
    ) -> Box<dyn Stage> {
        Box::new(Fake {
            name,
            reads,
            writes,
            panics: false,
        })
    }

    #[test]
    fn the_standard_pipeline_is_in_a_valid_order() {
        let p = standard(&Packs::embedded()).unwrap();
        assert_eq!(
            p.stage_names(),
            [
                "lang-id",
                "segment",
                "quality-flags",
                "ner",
                "link",
                "time",
                "quotes"
            ]
        );
    }

    #[test]
    fn rejects_a_stage_whose_input_nobody_writes() {
        let err = Pipeline::new(vec![
            fake("time", &[Layer::Sentences], &[Layer::Timexes]),
            fake("segment", &[], &[Layer::Sentences]),
        ])
        .unwrap_err();
        assert!(err
            .to_string()
            .contains("stage time reads the Sentences layer"));
    }

    #[test]
    fn accepts_a_correct_order_and_runs_it() {
        let p = Pipeline::new(vec![
            fake("segment", &[], &[Layer::Sentences]),
            fake("time", &[Layer::Sentences], &[Layer::Timexes]),
        ])
        .unwrap();
        assert_eq!(p.stage_names(), ["segment", "time"]);
        let mut doc = Doc::new("d", "text");
        p.run(&mut doc).unwrap();
        assert_eq!(doc.timexes, Some(vec![]));
    }

    #[test]
    fn a_panicking_stage_becomes_an_error_naming_it() {
        let p = Pipeline::new(vec![Box::new(Fake {
            name: "buggy",
            reads: &[],
            writes: &[],
            panics: true,
        })])
        .unwrap();
        let mut doc = Doc::new("doc-7", "text");
        let err = p.run(&mut doc).unwrap_err();
        assert!(err
            .to_string()
            .contains("stage buggy on document doc-7: boom"));
    }

    #[test]
    fn skip_segment_says_which_stages_need_its_sentences_and_tokens() {
        let err = standard_without(&Packs::embedded(), &["segment".to_string()]).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.starts_with("--skip segment: quality-flags, ner, link and quotes need sentences and tokens, which segment makes; skip them too or keep segment"),
            "{msg}"
        );
        assert!(!msg.contains("Sentences"), "{msg}");
        let skip: Vec<String> = ["segment", "quality-flags", "ner", "link", "quotes"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            standard_without(&Packs::embedded(), &skip)
                .unwrap()
                .stage_names(),
            ["lang-id", "time"]
        );
    }

    #[test]
    fn skip_ner_says_link_needs_its_entities() {
        let err = standard_without(&Packs::embedded(), &["ner".to_string()]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "--skip ner: link needs entities, which ner makes; skip it too or keep ner"
        );
    }

    #[test]
    fn skip_lang_id_runs_on_the_language_a_document_already_has() {
        let p = standard_without(&Packs::embedded(), &["lang-id".to_string()]).unwrap();
        assert_eq!(p.stage_names()[0], "segment");
        let mut doc = Doc::new(
            "d",
            "Am 12. Juni 2024 sagte Olaf Scholz in Berlin, er sei zufrieden.",
        );
        doc.meta.lang = Some("de".into());
        p.run(&mut doc).unwrap();
        assert!(!doc.timexes.unwrap().is_empty());
        let mut unknown = Doc::new(
            "u",
            "Am 12. Juni 2024 sagte Olaf Scholz in Berlin, er sei zufrieden.",
        );
        p.run(&mut unknown).unwrap();
        assert!(unknown.meta.lang.is_none());
        assert!(
            unknown.sentences().is_some(),
            "unknown language: the fallback pack"
        );
    }
}
