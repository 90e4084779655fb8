//! The batch engine shared by `analyze` and `ingest`: read inputs as a stream,
//! analyse documents in parallel batches, hand finished documents to a sink in
//! input order, report bad inputs and go on.

use crate::args::{DocTypeArg, InputArgs};
use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use newsgraph_doc::{Doc, DocType};
use newsgraph_pipeline::Pipeline;
use newsgraph_read::{Format, IngestError, ReadOptions};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Options validated from [`InputArgs`].
pub struct RunConfig {
    inputs: Vec<PathBuf>,
    read: ReadOptions,
    lang: Option<String>,
    dct: Option<jiff::civil::Date>,
    doctype: DocType,
    progress: bool,
    batch_docs: usize,
}

/// What a run did.
#[derive(Debug, Default, Clone, Copy)]
pub struct RunSummary {
    /// Documents analysed and handed to the sink.
    pub analysed: usize,
    /// Inputs, records or documents that failed (reported on stderr).
    pub failed: usize,
    /// Bytes of text analysed.
    pub bytes: usize,
}

/// Most bytes of text held in one batch, so memory stays bounded whatever
/// the input size.
const BATCH_BYTES: usize = 16 * 1024 * 1024;

impl RunConfig {
    /// Validates the user's input flags (no I/O).
    pub fn from_args(args: &InputArgs, batch_docs: usize) -> Result<RunConfig> {
        let format = match &args.format {
            Some(f) => Some(f.parse::<Format>().map_err(anyhow::Error::msg)?),
            None => None,
        };
        let lang = match args.lang.as_str() {
            "auto" => None,
            "de" | "en" => Some(args.lang.clone()),
            other => bail!("--lang {other}: unsupported language; use de, en or auto"),
        };
        let dct = match &args.dct {
            Some(d) => Some(
                d.parse::<jiff::civil::Date>()
                    .with_context(|| format!("--dct {d}: not a date; write it as YYYY-MM-DD"))?,
            ),
            None => None,
        };
        if let Some(threads) = args.threads {
            // A second build in the same process (tests) is harmless to ignore.
            let _ = rayon::ThreadPoolBuilder::new()
                .num_threads(threads.max(1))
                .build_global();
        }
        let inputs = if args.inputs.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            args.inputs.clone()
        };
        let read = ReadOptions {
            format,
            max_doc_bytes: args.max_doc_bytes,
        };
        Ok(RunConfig {
            inputs,
            read,
            lang,
            dct,
            doctype: match args.doctype {
                DocTypeArg::News => DocType::News,
                DocTypeArg::Narrative => DocType::Narrative,
            },
            progress: !args.quiet && std::io::stderr().is_terminal(),
            batch_docs: batch_docs.max(1),
        })
    }

    /// Whether standard input is among the inputs and is a terminal (then
    /// nothing was piped in and waiting would look like a hang).
    pub fn stdin_is_interactive(&self) -> bool {
        self.inputs.iter().any(|p| p == Path::new("-")) && std::io::stdin().is_terminal()
    }

    /// Reads every input, analyses documents in parallel batches and calls
    /// `sink` with each finished batch, in input order. Bad inputs are
    /// reported on stderr and counted; the run goes on. An error from the sink
    /// (a closed stdout, a full disk) stops the run.
    pub fn run(
        &self,
        pipeline: &Pipeline,
        mut sink: impl FnMut(&[Doc]) -> Result<()>,
    ) -> Result<RunSummary> {
        let bar = self.progress.then(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {pos} documents, {msg} [{elapsed_precise}]",
                )
                .expect("valid progress template"),
            );
            bar
        });
        let mut summary = RunSummary::default();
        let mut batch: Vec<Doc> = Vec::new();
        let mut batch_bytes = 0usize;
        let report = |e: &dyn std::fmt::Display, bar: &Option<ProgressBar>| {
            let line = format!("newsgraph: error: {e}");
            match bar {
                Some(b) => b.suspend(|| eprintln!("{line}")),
                None => eprintln!("{line}"),
            }
        };
        let mut flush = |batch: &mut Vec<Doc>, summary: &mut RunSummary| -> Result<()> {
            if batch.is_empty() {
                return Ok(());
            }
            let outcomes: Vec<_> = batch.par_iter_mut().map(|d| pipeline.run(d)).collect();
            let mut done = Vec::with_capacity(batch.len());
            for (doc, outcome) in batch.drain(..).zip(outcomes) {
                match outcome {
                    Ok(()) => done.push(doc),
                    Err(e) => {
                        summary.failed += 1;
                        report(&e, &bar);
                    }
                }
            }
            summary.analysed += done.len();
            summary.bytes += done.iter().map(|d| d.text().len()).sum::<usize>();
            if let Some(b) = &bar {
                b.set_position(summary.analysed as u64);
                b.set_message(format!("{:.1} MB", summary.bytes as f64 / 1e6));
            }
            sink(&done)
        };
        for input in &self.inputs {
            let docs: Box<dyn Iterator<Item = Result<Doc, IngestError>>> =
                if input == Path::new("-") {
                    match newsgraph_read::read_stdin(&self.read) {
                        Ok(it) => Box::new(it),
                        Err(e) => {
                            summary.failed += 1;
                            report(&e, &bar);
                            continue;
                        }
                    }
                } else {
                    match newsgraph_read::read_path(input, &self.read) {
                        Ok(it) => Box::new(it),
                        Err(e) => {
                            summary.failed += 1;
                            report(&e, &bar);
                            continue;
                        }
                    }
                };
            for item in docs {
                match item {
                    Ok(mut doc) => {
                        self.apply_overrides(&mut doc);
                        batch_bytes += doc.text().len();
                        batch.push(doc);
                        if batch.len() >= self.batch_docs || batch_bytes >= BATCH_BYTES {
                            flush(&mut batch, &mut summary)?;
                            batch_bytes = 0;
                        }
                    }
                    Err(e) => {
                        summary.failed += 1;
                        report(&e, &bar);
                    }
                }
            }
        }
        flush(&mut batch, &mut summary)?;
        if let Some(b) = bar {
            b.finish_and_clear();
        }
        Ok(summary)
    }

    fn apply_overrides(&self, doc: &mut Doc) {
        if let Some(lang) = &self.lang {
            doc.meta.lang = Some(lang.clone());
        }
        if let Some(dct) = self.dct {
            doc.meta.dct = Some(dct);
        }
        doc.meta.doctype = self.doctype;
    }
}
