//! Named-entity recognition with an averaged structured perceptron trained in
//! Rust: German over GermEval 2014's twelve outer classes (PER, LOC, ORG, OTH,
//! each plain, `deriv` or `part`), English over PER, LOC, ORG and OTH
//! (trained on MEANTIME, see [`read_meantime_docs`]).
//!
//! Overview:
//! - [`Model`] is a trained tagger: sparse feature weights (features are
//!   64-bit hashes of word, affix, shape, context, gazetteer and word-cluster
//!   templates), BIO label transitions decoded with Viterbi, and the word
//!   clusters it was trained with. [`Model::to_bytes`]/[`Model::from_bytes`]
//!   give its gzipped binary file.
//! - [`NerStage`] is the pipeline stage; it tags a document with the model
//!   of the language pack its language picks (`[ner.files] model`:
//!   `resources/de/ner/model.bin.gz`, `resources/en/ner/model.bin.gz`),
//!   each decoded on first use, once per process.
//! - [`train`] trains a model from GermEval-style and other corpora
//!   ([`read_corpus`] maps their tag sets), choosing the epoch on a dev file;
//!   [`build_clusters`] derives word clusters from unlabelled text.
//! - [`tag_conll`] and [`eval_conll`] tag a token-per-line file and score a
//!   gold file ([`NerScores`], conlleval-style strict chunks).
//!
//! Gazetteers (countries, cities, regions, organisations, media, first names,
//! place adjectives, and the large generated lists of given names, surnames
//! and GeoNames places) are the lists a pack's `[ner.files]` names, one key
//! per feature category; a model is decoded with the gazetteers of the pack
//! of its language ([`NerPack`]).
//!
//! ```
//! use newsgraph_ner::NerStage;
//! let stage = NerStage::new(&newsgraph_pack::Packs::embedded()).unwrap();
//! let labels = stage.model().unwrap().tag(&["Bundeskanzler", "Olaf", "Scholz", "reiste", "nach", "Paris", "."]);
//! assert_eq!(labels[1], "B-PER");
//! assert_eq!(labels[5], "B-LOC");
//! ```
#![deny(missing_docs)]

mod clusters;
mod conll;
mod corpus;
mod features;
mod gazetteer;
pub mod labels;
mod meantime;
mod model;
mod score;
mod stage;
mod table;
mod train;

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use gazetteer::Gazetteer;
use newsgraph_pack::{Pack, PackError, Packs, PerPack};

pub use clusters::{build_clusters, ClusterOptions, Clusters};
pub use conll::{eval_conll, tag_conll};
pub use corpus::{read_corpus, simple_tokens, Sentence};
pub use meantime::{read_meantime_docs, MeantimeDoc};
pub use model::{Model, Scratch};
pub use score::{Counts, NerScores};
pub use stage::{is_loaded, shipped_model, shipped_model_for, NerStage};
pub use train::{cross_validate, train, TrainOptions, TrainReport};

/// A language pack with a `[ner]` section: a language the tagger knows
/// (a shipped one by [`NerPack::from_code`], any by [`NerPack::of_pack`]), whose
/// gazetteers a model's features use (and whose model the stage tags with,
/// when the pack names one). Two are equal when their pack codes are.
#[derive(Debug, Clone)]
pub struct NerPack {
    pack: Arc<Pack>,
}

impl PartialEq for NerPack {
    fn eq(&self, other: &NerPack) -> bool {
        self.code() == other.code()
    }
}

impl Eq for NerPack {}

impl Default for NerPack {
    /// The fallback pack's language (German), as for documents of unknown
    /// language.
    fn default() -> NerPack {
        Packs::embedded()
            .for_lang(None)
            .cloned()
            .and_then(NerPack::of_pack)
            .expect("the fallback pack has a [ner] section (tested)")
    }
}

impl NerPack {
    /// The pack's language code (`de`, `en`).
    pub fn code(&self) -> &str {
        self.pack.code()
    }

    /// The language of a language tag (`de`, `en-GB`), `None` when no
    /// shipped pack has a `[ner]` section for it.
    pub fn from_code(code: &str) -> Option<NerPack> {
        Packs::embedded()
            .get(code)
            .cloned()
            .and_then(NerPack::of_pack)
    }

    /// The language of `pack`, `None` when it has no `[ner]` section.
    pub fn of_pack(pack: Arc<Pack>) -> Option<NerPack> {
        pack.has_stage("ner").then_some(NerPack { pack })
    }

    /// The pack.
    pub fn pack(&self) -> &Arc<Pack> {
        &self.pack
    }

    /// The gazetteer of the language: for a shipped pack the shared one,
    /// built once per process; for a pack from a folder built now.
    pub(crate) fn gazetteer(&self) -> Result<Arc<Gazetteer>, PackError> {
        static SHIPPED: OnceLock<PerPack<Arc<Gazetteer>>> = OnceLock::new();
        let shipped = SHIPPED.get_or_init(|| {
            PerPack::new(&Packs::embedded(), |pack| {
                Gazetteer::from_pack(pack).map(Arc::new)
            })
        });
        match shipped.packs().get(self.code()) {
            Some(pack) if Arc::ptr_eq(pack, &self.pack) => Ok(shipped
                .for_lang(Some(self.code()))
                .expect("a shipped pack has a compiled form")
                .clone()),
            _ => Gazetteer::from_pack(&self.pack).map(Arc::new),
        }
    }
}

/// What can go wrong reading data or models.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum NerError {
    /// A file could not be read or written.
    #[error("cannot access {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A data file is not in a layout the reader knows.
    #[error("{path}:{line}: {message}")]
    Format {
        /// The file.
        path: PathBuf,
        /// 1-based line (0 when unknown).
        line: usize,
        /// What is wrong and what to do.
        message: String,
    },
    /// A model file is damaged or from another version.
    #[error("bad model file: {0}; retrain it with `newsgraph train ner`")]
    BadModel(String),
    /// A language pack lacks a file the tagger needs, or holds a bad one.
    #[error(transparent)]
    Pack(#[from] PackError),
    /// The training files hold no sentence.
    #[error("the training files contain no sentences; pass GermEval-style TSV files or MEANTIME folders")]
    NoData,
}
