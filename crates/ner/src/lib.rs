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
//! - [`NerStage`] is the pipeline stage; it tags German documents with
//!   `resources/de/ner/model.bin.gz` and English ones with `resources/en/ner/model.bin.gz`
//!   (both compiled in), each decoded on first use, once per process.
//! - [`train`] trains a model from GermEval-style and other corpora
//!   ([`read_corpus`] maps their tag sets), choosing the epoch on a dev file;
//!   [`build_clusters`] derives word clusters from unlabelled text.
//! - [`tag_conll`] and [`eval_conll`] tag a token-per-line file and score a
//!   gold file ([`NerScores`], conlleval-style strict chunks).
//!
//! Gazetteers (countries, cities, regions, organisations, media, first names,
//! place adjectives, and the large generated lists of given names, surnames
//! and GeoNames places) are compiled in from `resources/de/ner/`.
//!
//! ```
//! use newsgraph_ner::NerStage;
//! let stage = NerStage::load().unwrap();
//! let labels = stage.model().tag(&["Bundeskanzler", "Olaf", "Scholz", "reiste", "nach", "Paris", "."]);
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

pub use clusters::{build_clusters, ClusterOptions, Clusters};
pub use conll::{eval_conll, tag_conll};
pub use corpus::{read_corpus, simple_tokens, Sentence};
pub use meantime::{read_meantime_docs, MeantimeDoc};
pub use model::{Model, Scratch};
pub use score::{Counts, NerScores};
pub use stage::{is_loaded, shipped_model, shipped_model_for, NerStage};
pub use train::{cross_validate, train, TrainOptions, TrainReport};

/// The languages the tagger has gazetteers (and a shipped model) for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// German: GermEval 2014's twelve outer classes.
    #[default]
    De,
    /// English: PER, LOC, ORG and OTH (MEANTIME names).
    En,
}

impl Lang {
    /// The ISO 639-1 code (`de`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The language of an ISO 639-1 code, `None` for languages without a model.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
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
    /// The training files hold no sentence.
    #[error("the training files contain no sentences; pass GermEval-style TSV files or MEANTIME folders")]
    NoData,
}
