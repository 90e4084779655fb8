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
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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
                ProgressStyle::with_template("{spinner} {msg} [{elapsed_precise}]")
                    .expect("valid progress template"),
            );
            bar.enable_steady_tick(std::time::Duration::from_millis(200));
            bar
        });
        let total = self.known_total();
        if let Some(b) = &bar {
            b.set_message(progress_line(&RunSummary::default(), total, Duration::ZERO));
        }
        Display {
            bar,
            total,
            started: Instant::now(),
        }
    }

    /// The number of documents to expect when it is known: the number of
    /// input files when every input is a file (not standard input or a
    /// folder). A file that holds more than one document (JSON Lines, a
    /// feed, an archive) makes the count pass it; the total is then dropped.
    fn known_total(&self) -> Option<usize> {
        let inputs = &self.batch.inputs;
        let files = !inputs.is_empty()
            && inputs
                .iter()
                .all(|p| p != Path::new("-") && p.metadata().is_ok_and(|m| m.is_file()));
        files.then_some(inputs.len())
    }
}

/// Error lines on stderr and the progress bar (with its total, rate and
/// ETA), shown only when stderr is a terminal.
pub struct Display {
    bar: Option<ProgressBar>,
    total: Option<usize>,
    started: Instant,
}

/// The progress line: documents (of the total when known), megabytes, the
/// rate in documents/s and MB/s, and the time left when the total is known.
pub fn progress_line(so_far: &RunSummary, total: Option<usize>, elapsed: Duration) -> String {
    let docs = so_far.analysed + so_far.failed;
    let secs = elapsed.as_secs_f64().max(1e-3);
    let mb = so_far.bytes as f64 / 1e6;
    let rate = docs as f64 / secs;
    let mut line = match total.filter(|&t| t >= docs) {
        Some(t) => format!("{docs}/{t} documents"),
        None => format!("{docs} documents"),
    };
    line.push_str(&format!(
        ", {mb:.1} MB, {rate:.1} documents/s, {:.2} MB/s",
        mb / secs
    ));
    if let Some(t) = total.filter(|&t| t >= docs && rate > 0.0) {
        let left = ((t - docs) as f64 / rate).round() as u64;
        line.push_str(&format!(", ETA {}", clock(left)));
    }
    line
}

/// The closing line of a run on a terminal.
pub fn summary_line(summary: &RunSummary, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64();
    let failures = if summary.failed == 1 {
        "failure"
    } else {
        "failures"
    };
    format!(
        "newsgraph: {} documents analysed, {} {failures}, {:.1} MB in {} ({:.1} documents/s)",
        summary.analysed,
        summary.failed,
        summary.bytes as f64 / 1e6,
        clock(secs.round() as u64),
        summary.analysed as f64 / secs.max(1e-3)
    )
}

/// `h:mm:ss`.
fn clock(secs: u64) -> String {
    format!("{}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
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
            b.set_message(progress_line(so_far, self.total, self.started.elapsed()));
        }
    }
}

impl Display {
    /// Clears the progress bar, before the closing lines are printed.
    pub fn finish(self) {}

    /// Clears the progress bar and, when it was shown (stderr is a
    /// terminal), prints the run's one-line summary on stderr.
    pub fn finish_with_summary(self, summary: &RunSummary) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
            eprintln!("{}", summary_line(summary, self.started.elapsed()));
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn so_far(analysed: usize, failed: usize, bytes: usize) -> RunSummary {
        RunSummary {
            analysed,
            failed,
            bytes,
            ..RunSummary::default()
        }
    }

    #[test]
    fn progress_on_a_terminal_shows_total_rate_and_eta() {
        let line = progress_line(&so_far(10, 0, 2_000_000), Some(40), Duration::from_secs(5));
        assert_eq!(
            line,
            "10/40 documents, 2.0 MB, 2.0 documents/s, 0.40 MB/s, ETA 0:00:15"
        );
        let unknown = progress_line(&so_far(10, 0, 2_000_000), None, Duration::from_secs(5));
        assert_eq!(unknown, "10 documents, 2.0 MB, 2.0 documents/s, 0.40 MB/s");
        // A JSON Lines file holds more documents than there are files.
        let passed = progress_line(&so_far(50, 0, 0), Some(2), Duration::from_secs(5));
        assert!(passed.starts_with("50 documents,") && !passed.contains("ETA"));
    }

    #[test]
    fn analyze_on_a_terminal_ends_with_a_one_line_summary() {
        let line = summary_line(&so_far(120, 1, 14_200_000), Duration::from_secs(75));
        assert_eq!(
            line,
            "newsgraph: 120 documents analysed, 1 failure, 14.2 MB in 0:01:15 (1.6 documents/s)"
        );
    }
}
