//! The batch engine behind `analyze` and `ingest`: read inputs as a stream,
//! analyse documents in parallel batches, hand finished documents to a sink
//! in input order, report bad inputs and go on.
//!
//! The engine has no user interface: what a front end shows (a progress
//! bar, error lines) it learns through [`Progress`]; what the run did comes
//! back as a [`RunSummary`].
//!
//! ```
//! use newsgraph_pipeline::batch::{Batch, BatchConfig, NoProgress};
//! use newsgraph_pipeline::{Packs, Pipeline};
//! let dir = tempfile::tempdir()?;
//! let input = dir.path().join("a.txt");
//! std::fs::write(&input, "Ein Text. Noch ein Satz.")?;
//! let pipeline = Pipeline::new(vec![])?;
//! let packs = Packs::embedded();
//! let batch = Batch::new(&pipeline, &packs, BatchConfig::new(vec![input]));
//! let mut ids = Vec::new();
//! let summary = batch.run(&mut NoProgress, |docs| {
//!     ids.extend(docs.iter().map(|d| d.meta.id.clone()));
//!     Ok::<(), std::io::Error>(())
//! })?;
//! assert_eq!((summary.analysed, summary.failed), (1, 0));
//! assert_eq!(ids, ["a"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::{Packs, Pipeline, PipelineError};
use newsgraph_doc::{Doc, DocType};
pub use newsgraph_read::check_globs;
use newsgraph_read::{IngestError, ReadOptions};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Most bytes of text held in one batch by default, so memory stays bounded
/// whatever the input size.
pub const DEFAULT_BATCH_BYTES: usize = 16 * 1024 * 1024;

/// Documents per batch by default.
pub const DEFAULT_BATCH_DOCS: usize = 64;

/// What to read and how to batch it.
#[derive(Debug, Clone)]
pub struct BatchConfig {
    /// Input files, in order; `-` is standard input.
    pub inputs: Vec<PathBuf>,
    /// How to read them (format, document size limit).
    pub read: ReadOptions,
    /// Language given to every document, replacing what the reader found.
    pub lang: Option<String>,
    /// Document creation time given to every document, replacing datelines
    /// and metadata.
    pub dct: Option<jiff::civil::Date>,
    /// How every document's relative dates are anchored; `None` keeps what
    /// the reader set.
    pub doctype: Option<DocType>,
    /// Patterns selecting the files read from a directory input (`--glob`;
    /// `!` excludes), as [`newsgraph_read::read_dir`] applies them.
    pub globs: Vec<String>,
    /// Most documents in one batch (at least 1).
    pub batch_docs: usize,
    /// Most bytes of text in one batch (a batch holds at least one document).
    pub batch_bytes: usize,
}

impl BatchConfig {
    /// Reads `inputs` with default options and batch limits, no overrides.
    pub fn new(inputs: Vec<PathBuf>) -> BatchConfig {
        BatchConfig {
            inputs,
            read: ReadOptions::default(),
            lang: None,
            dct: None,
            doctype: None,
            globs: Vec::new(),
            batch_docs: DEFAULT_BATCH_DOCS,
            batch_bytes: DEFAULT_BATCH_BYTES,
        }
    }

    /// Whether standard input (`-`) is among the inputs.
    pub fn reads_stdin(&self) -> bool {
        self.inputs.iter().any(|p| p == Path::new("-"))
    }
}

/// What a run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RunSummary {
    /// Documents analysed and handed to the sink.
    pub analysed: usize,
    /// Inputs, records or documents that failed (each reported through
    /// [`Progress::failed`]).
    pub failed: usize,
    /// Bytes of text analysed.
    pub bytes: usize,
    /// Analysed documents whose language has no pack, by language code
    /// (`und` for an unknown language when the packs have no fallback): the
    /// stages that need a pack left their layers absent on them.
    pub without_pack: BTreeMap<String, usize>,
}

/// One input, record or document that failed; the run went on without it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// An input could not be opened or a record in it could not be read.
    #[error(transparent)]
    Read(#[from] IngestError),
    /// A stage failed on a document.
    #[error(transparent)]
    Analysis(#[from] PipelineError),
}

/// What a front end hears of a run while it goes.
pub trait Progress {
    /// An input, record or document failed; the run goes on.
    fn failed(&mut self, error: &InputError);

    /// A batch was analysed and is about to go to the sink; `so_far` counts
    /// every batch up to this one.
    fn batch_done(&mut self, so_far: &RunSummary) {
        let _ = so_far;
    }
}

/// A [`Progress`] that ignores everything (the summary still counts
/// failures).
#[derive(Debug, Default, Clone, Copy)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn failed(&mut self, _error: &InputError) {}
}

/// A run of a pipeline over inputs.
#[derive(Debug)]
pub struct Batch<'a> {
    pipeline: &'a Pipeline,
    packs: &'a Packs,
    config: BatchConfig,
}

impl<'a> Batch<'a> {
    /// A run of `pipeline` over `config`'s inputs; `packs` are those the
    /// pipeline's stages were built with (to count documents without one).
    pub fn new(pipeline: &'a Pipeline, packs: &'a Packs, config: BatchConfig) -> Batch<'a> {
        Batch {
            pipeline,
            packs,
            config,
        }
    }

    /// The configuration.
    pub fn config(&self) -> &BatchConfig {
        &self.config
    }

    /// Reads every input, analyses documents in parallel batches and calls
    /// `sink` with each finished batch, in input order. Bad inputs are
    /// reported to `progress` and counted; the run goes on. An error from
    /// the sink (a closed stdout, a full disk) stops the run and is
    /// returned.
    pub fn run<E>(
        &self,
        progress: &mut dyn Progress,
        mut sink: impl FnMut(&[Doc]) -> Result<(), E>,
    ) -> Result<RunSummary, E> {
        let mut summary = RunSummary::default();
        let mut batch: Vec<Doc> = Vec::new();
        let mut batch_bytes = 0usize;
        let batch_docs = self.config.batch_docs.max(1);
        for input in &self.config.inputs {
            let opened = if input == Path::new("-") {
                newsgraph_read::read_stdin(&self.config.read)
            } else if input.is_dir() {
                newsgraph_read::read_dir(input, &self.config.globs, &self.config.read)
            } else {
                newsgraph_read::read_path(input, &self.config.read)
            };
            let docs = match opened {
                Ok(docs) => docs,
                Err(e) => {
                    summary.failed += 1;
                    progress.failed(&e.into());
                    continue;
                }
            };
            for item in docs {
                match item {
                    Ok(mut doc) => {
                        self.apply_overrides(&mut doc);
                        batch_bytes += doc.text().len();
                        batch.push(doc);
                        if batch.len() >= batch_docs || batch_bytes >= self.config.batch_bytes {
                            self.flush(&mut batch, &mut summary, progress, &mut sink)?;
                            batch_bytes = 0;
                        }
                    }
                    Err(e) => {
                        summary.failed += 1;
                        progress.failed(&e.into());
                    }
                }
            }
        }
        self.flush(&mut batch, &mut summary, progress, &mut sink)?;
        Ok(summary)
    }

    /// Analyses `batch` in parallel, reports the documents that failed and
    /// hands the others to `sink`, in order.
    fn flush<E>(
        &self,
        batch: &mut Vec<Doc>,
        summary: &mut RunSummary,
        progress: &mut dyn Progress,
        sink: &mut impl FnMut(&[Doc]) -> Result<(), E>,
    ) -> Result<(), E> {
        if batch.is_empty() {
            return Ok(());
        }
        let outcomes: Vec<_> = batch.par_iter_mut().map(|d| self.pipeline.run(d)).collect();
        let mut done = Vec::with_capacity(batch.len());
        for (doc, outcome) in batch.drain(..).zip(outcomes) {
            match outcome {
                Ok(()) => done.push(doc),
                Err(e) => {
                    summary.failed += 1;
                    progress.failed(&e.into());
                }
            }
        }
        summary.analysed += done.len();
        summary.bytes += done.iter().map(|d| d.text().len()).sum::<usize>();
        for doc in &done {
            let lang = doc.meta.lang.as_deref();
            if self.packs.for_lang(lang).is_none() {
                // Only packs without a fallback leave an unknown language
                // without a pack; `und` is ISO 639's "undetermined".
                let lang = lang.unwrap_or("und").to_string();
                *summary.without_pack.entry(lang).or_default() += 1;
            }
        }
        progress.batch_done(summary);
        sink(&done)
    }

    fn apply_overrides(&self, doc: &mut Doc) {
        if let Some(lang) = &self.config.lang {
            doc.meta.lang = Some(lang.clone());
        }
        if let Some(dct) = self.config.dct {
            doc.meta.dct = Some(dct);
        }
        if let Some(doctype) = self.config.doctype {
            doc.meta.doctype = doctype;
        }
    }
}
