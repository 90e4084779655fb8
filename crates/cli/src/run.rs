//! The command line's side of a batch run (`analyze`, `ingest`): turning the
//! input flags into a [`BatchConfig`], the progress bar and error lines on
//! stderr, and the closing notes. The engine is `newsgraph_pipeline::batch`.

use crate::args::{DocTypeArg, InputArgs};
use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use newsgraph_doc::DocType;
use newsgraph_pipeline::batch::{BatchConfig, InputError, Progress, RunSummary};
use newsgraph_pipeline::{Format, Packs, Pipeline, ReadOptions};
use std::io::IsTerminal;
use std::path::PathBuf;

/// Options validated from [`InputArgs`].
pub struct RunConfig {
    /// What the engine reads and how it batches.
    pub batch: BatchConfig,
    /// Whether to show a progress bar.
    progress: bool,
}

/// The `--glob` patterns, each checked.
fn globs(args: &InputArgs) -> Result<Vec<String>> {
    newsgraph_pipeline::batch::check_globs(&args.globs)
        .map_err(|e| anyhow::anyhow!("--glob {e}"))?;
    Ok(args.globs.clone())
}

impl RunConfig {
    /// Validates the user's input flags (no I/O); `--lang` must name one of
    /// `packs`.
    pub fn from_args(args: &InputArgs, batch_docs: usize, packs: &Packs) -> Result<RunConfig> {
        let format = match &args.format {
            Some(f) => Some(f.parse::<Format>().map_err(anyhow::Error::msg)?),
            None => None,
        };
        let lang = match args.lang.as_str() {
            "auto" => None,
            code if packs.get(code).is_some_and(|p| p.code() == code) => Some(code.to_string()),
            other => bail!(
                "--lang {other}: unsupported language; use {} or auto",
                packs.codes().join(", ")
            ),
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
        let mut batch = BatchConfig::new(inputs);
        batch.read = ReadOptions {
            format,
            max_doc_bytes: args.max_doc_bytes,
        };
        batch.globs = globs(args)?;
        batch.lang = lang;
        batch.dct = dct;
        batch.doctype = Some(match args.doctype {
            DocTypeArg::News => DocType::News,
            DocTypeArg::Narrative => DocType::Narrative,
        });
        batch.batch_docs = batch_docs.max(1);
        Ok(RunConfig {
            batch,
            progress: !args.quiet && std::io::stderr().is_terminal(),
        })
    }

    /// Whether standard input is among the inputs and is a terminal (then
    /// nothing was piped in and waiting would look like a hang).
    pub fn stdin_is_interactive(&self) -> bool {
        self.batch.reads_stdin() && std::io::stdin().is_terminal()
    }

    /// What the user sees while a run goes: error lines on stderr, and a
    /// progress bar when asked for and stderr is a terminal.
    pub fn display(&self) -> Display {
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
        Display { bar }
    }
}

/// Error lines on stderr and the progress bar.
pub struct Display {
    bar: Option<ProgressBar>,
}

impl Progress for Display {
    fn failed(&mut self, error: &InputError) {
        let line = format!("newsgraph: error: {error}");
        match &self.bar {
            Some(b) => b.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    fn batch_done(&mut self, so_far: &RunSummary) {
        if let Some(b) = &self.bar {
            b.set_position(so_far.analysed as u64);
            b.set_message(format!("{:.1} MB", so_far.bytes as f64 / 1e6));
        }
    }
}

impl Display {
    /// Clears the progress bar, before the closing lines are printed.
    pub fn finish(self) {}
}

impl Drop for Display {
    fn drop(&mut self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

/// One line per language whose documents had no pack, saying which stages
/// did not run on them.
pub fn print_language_notes(summary: &RunSummary, pipeline: &Pipeline, packs: &Packs) {
    let stages = pipeline.stages_needing_pack();
    if stages.is_empty() {
        return;
    }
    let stages = match stages.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    };
    let layers = if stages.contains(" and ") {
        "their layers are"
    } else {
        "its layer is"
    };
    for (lang, count) in &summary.without_pack {
        let documents = if *count == 1 { "document" } else { "documents" };
        eprintln!(
            "newsgraph: note: {count} {documents} in {lang}: no language pack, so {stages} did not run ({layers} absent); packs: {}",
            packs.codes().join(", ")
        );
    }
}
