//! Evaluation, as `newsgraph eval` runs it: each stage's scorer, re-exported
//! here so that the binary depends on this crate alone, and the pipelines
//! the quote and linking evaluations run.
//!
//! This module is the one place that names where each evaluation lives.

use crate::{Packs, Pipeline, PipelineError};
use newsgraph_doc::Stage;
use std::path::Path;

/// Entity-linking scores against MEANTIME English, HIPE-2022 German and our
/// own gold set.
pub use newsgraph_kb::eval as link;
pub use newsgraph_ner::{eval_conll, shipped_model_for, tag_conll, Model as NerModel, NerPack};
/// Quote scores against German news quotes, Redewiedergabe, SpkAtt and
/// MEANTIME English.
pub use newsgraph_quote_eval as quotes;
/// The token tagger that refines rule quotes inside one evaluation run.
pub use newsgraph_quote_eval::learn as quote_learn;
pub use newsgraph_segment::{eval_conllu, SegmentScores, Segmenter};
/// Timex scores against WikiWarsDE (`eval_wikiwars`) and TimeML
/// (`eval_timeml`).
pub use newsgraph_time::eval as time;

/// The pipeline `eval quotes` scores with.
#[derive(Debug)]
pub struct QuoteEvalPipeline {
    /// Language identification (which keeps a corpus's language),
    /// segmentation, NER (unless left out or unavailable), temporal
    /// expressions and quotes.
    pub pipeline: Pipeline,
    /// Why NER could not be loaded, when it was wanted: the scores are then
    /// without entities.
    pub ner_unavailable: Option<String>,
}

/// The stages of `analyze` less the quality flags (the corpora set the
/// language, which language identification keeps), and less NER unless
/// `with_ner`. Temporal expressions run as in `analyze`: they give claims
/// their times and keep time phrases from being taken for speakers.
pub fn quote_eval_pipeline(
    packs: &Packs,
    with_ner: bool,
) -> Result<QuoteEvalPipeline, PipelineError> {
    let mut stages: Vec<Box<dyn Stage>> = vec![
        Box::new(newsgraph_lang::LangIdStage),
        Box::new(newsgraph_segment::SegmentStage::new(packs)),
    ];
    let mut ner_unavailable = None;
    if with_ner {
        match newsgraph_ner::NerStage::new(packs) {
            Ok(ner) => stages.push(Box::new(ner)),
            Err(e) => ner_unavailable = Some(e.to_string()),
        }
    }
    stages.push(Box::new(newsgraph_time::TimexStage::new(packs)));
    stages.push(Box::new(newsgraph_quote::QuoteStage::new(packs)));
    Ok(QuoteEvalPipeline {
        pipeline: Pipeline::new(stages)?,
        ner_unavailable,
    })
}

/// The pipeline `eval link` scores: the standard pipeline as `analyze` runs
/// it, so the figures are those of the linking a user gets (the corpora set
/// the language, which language identification keeps).
pub fn link_eval_pipeline(packs: &Packs) -> Result<Pipeline, PipelineError> {
    crate::standard(packs)
}

/// Linking scores of `pipeline` on `corpus`, a predicted id judged through
/// the shipped knowledge base ([`link::resolve_in`]).
pub fn evaluate_link(pipeline: &Pipeline, corpus: &link::Corpus) -> link::Scores {
    let kb = newsgraph_kb::Kb::shipped();
    link::evaluate(
        corpus,
        |d: &mut newsgraph_doc::Doc| pipeline.run(d),
        |id: &str, scheme| link::resolve_in(kb, id, scheme),
    )
}

/// How many entries the shipped knowledge base has.
pub fn shipped_kb_entries() -> usize {
    newsgraph_kb::Kb::shipped().len()
}

/// The examples of a Redewiedergabe folder annotated by `pipeline`, to train
/// [`quote_learn::TokenModel`] on. A document the pipeline fails on is
/// passed to `skipped` (with its sample name) and left out.
pub fn quote_training_examples(
    pipeline: &Pipeline,
    dir: &Path,
    fiction: bool,
    mut skipped: impl FnMut(&str, &PipelineError),
) -> Result<Vec<quote_learn::Example>, quotes::EvalError> {
    let samples = quotes::redewiedergabe::read(dir, fiction)?;
    let mut examples = Vec::new();
    for sample in &samples {
        let mut doc = sample.doc();
        if let Err(e) = pipeline.run(&mut doc) {
            skipped(&sample.name, &e);
            continue;
        }
        let gold = quotes::redewiedergabe::gold_classes(sample, &quote_learn::token_spans(&doc));
        examples.extend(quote_learn::Example::new(&doc, &gold));
    }
    Ok(examples)
}
