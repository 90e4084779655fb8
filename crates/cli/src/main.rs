//! The `newsgraph` binary: parses flags, wires the stages and calls the
//! libraries. Exit codes: 0 all went well, 1 some inputs failed (each was
//! reported on stderr), 2 the command itself could not run.

mod args;
mod run;

/// `println!` that returns an error instead of panicking when stdout is
/// closed (`newsgraph show ID | head`): `main` turns a broken pipe into a
/// quiet exit 0, as for `analyze`. Every line on stdout goes through it.
macro_rules! outln {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout().lock(), $($arg)*)?
    };
}

use anyhow::{Context, Result};
use args::{
    AnalyzeArgs, Cli, Command, EvalCommand, IngestArgs, NerArgs, SearchArgs, ShowArgs, TrainCommand,
};
use clap::Parser;
use newsgraph_doc::record::{self, RecordOptions};
use newsgraph_pipeline::batch::{Batch, RunSummary, DEFAULT_BATCH_DOCS};
use newsgraph_pipeline::{eval, train, Pack, Packs, Pipeline, PipelineError};
use newsgraph_store::{SqliteStore, Store};
use run::RunConfig;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("newsgraph: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn dispatch(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Analyze(a) => analyze(a),
        Command::Ingest(a) => ingest(a),
        Command::Search(a) => search(a),
        Command::Show(a) => show(a),
        Command::Eval(e) => evaluate(e),
        Command::Train(t) => train_model(t),
        Command::Ner(a) => ner(a),
    }
}

/// The shipped language packs and those of `--packs`.
fn input_packs(args: &args::InputArgs) -> Result<Packs> {
    let mut packs = Packs::embedded();
    if let Some(dir) = &args.packs {
        let extra = Packs::load_dir(dir).with_context(|| {
            format!("--packs {}: cannot load the language packs", dir.display())
        })?;
        if extra.codes().is_empty() {
            anyhow::bail!(
                "--packs {}: no language pack there; give a folder whose subfolders hold a pack.toml (like resources/)",
                dir.display()
            );
        }
        for pack in extra.iter() {
            packs = packs.with(Pack::clone(pack));
        }
    }
    Ok(packs)
}

fn exit_code(summary: &RunSummary) -> ExitCode {
    if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn analyze(args: AnalyzeArgs) -> Result<ExitCode> {
    let packs = input_packs(&args.input)?;
    let config = RunConfig::from_args(&args.input, DEFAULT_BATCH_DOCS, &packs)?;
    warn_if_waiting_on_terminal(&config);
    let pipeline = newsgraph_pipeline::standard_without(&packs, &args.input.skip)?;
    let opts = RecordOptions {
        tokens: args.tokens,
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut display = config.display();
    let batch = Batch::new(&pipeline, &packs, config.batch);
    let summary = batch.run(&mut display, |docs| -> Result<()> {
        for doc in docs {
            let rec = record::to_json(doc, &opts);
            if args.pretty {
                serde_json::to_writer_pretty(&mut out, &rec)?;
            } else {
                serde_json::to_writer(&mut out, &rec)?;
            }
            out.write_all(b"\n")?;
        }
        Ok(())
    })?;
    display.finish_with_summary(&summary);
    out.flush()?;
    run::print_language_notes(&summary, &pipeline, &packs);
    Ok(exit_code(&summary))
}

fn ingest(args: IngestArgs) -> Result<ExitCode> {
    let packs = input_packs(&args.input)?;
    let config = RunConfig::from_args(&args.input, args.batch as usize, &packs)?;
    warn_if_waiting_on_terminal(&config);
    let db = db_path(args.db);
    let mut store = SqliteStore::open(&db)?;
    let pipeline = newsgraph_pipeline::standard_without(&packs, &args.input.skip)?;
    let (mut new, mut duplicates) = (0usize, 0usize);
    let mut display = config.display();
    let batch = Batch::new(&pipeline, &packs, config.batch);
    let summary = batch.run(&mut display, |docs| -> Result<()> {
        for outcome in store.insert_batch(docs)? {
            if outcome.is_new() {
                new += 1;
            } else {
                duplicates += 1;
            }
        }
        Ok(())
    })?;
    display.finish();
    run::print_language_notes(&summary, &pipeline, &packs);
    eprintln!(
        "newsgraph: {} documents analysed: {new} new, {duplicates} already stored; {} failed; database {}",
        summary.analysed,
        summary.failed,
        db.display()
    );
    Ok(exit_code(&summary))
}

fn search(args: SearchArgs) -> Result<ExitCode> {
    let db = db_path(args.db);
    let store = SqliteStore::open_read_only(&db)?;
    let filter = newsgraph_store::SearchFilter {
        entity: args.entity,
        speaker: args.speaker,
        from: args.from,
        to: args.to,
        lang: args.lang,
    };
    let hits = store.search_with(&args.query, &filter, args.limit)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for hit in &hits {
        if args.json {
            let v = serde_json::json!({"id": hit.id, "title": hit.title, "dct": hit.dct,
                "snippet": hit.snippet, "score": hit.score});
            writeln!(out, "{v}")?;
        } else {
            writeln!(
                out,
                "{}\t{}\t{}\n\t{}",
                hit.id,
                hit.dct.as_deref().unwrap_or("-"),
                hit.title.as_deref().unwrap_or("(untitled)"),
                hit.snippet
            )?;
        }
    }
    out.flush()?;
    // Like grep: 1 when nothing matched.
    if hits.is_empty() {
        if !args.json {
            eprintln!("newsgraph: no documents match {:?}", args.query);
        }
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn show(args: ShowArgs) -> Result<ExitCode> {
    let db = db_path(args.db);
    let store = SqliteStore::open_read_only(&db)?;
    let Some(rec) = store.get(&args.id)? else {
        eprintln!(
            "newsgraph: error: no document {:?} in {}; `newsgraph search WORDS` lists ids",
            args.id,
            db.display()
        );
        return Ok(ExitCode::from(1));
    };
    let text = if args.compact {
        serde_json::to_string(&rec)?
    } else {
        serde_json::to_string_pretty(&rec)?
    };
    outln!("{text}");
    Ok(ExitCode::SUCCESS)
}

fn evaluate(cmd: EvalCommand) -> Result<ExitCode> {
    match cmd {
        EvalCommand::Segment { conllu, lang } => {
            let seg = eval::Segmenter::for_lang(&lang);
            let scores = eval::eval_conllu(&conllu, seg)
                .with_context(|| format!("evaluating segmentation on {}", conllu.display()))?;
            outln!("{scores}");
        }
        EvalCommand::Ner { gold, model, lang } => {
            let default = if gold.is_dir() || gold.extension().is_some_and(|e| e == "xml") {
                "en"
            } else {
                "de"
            };
            let model = ner_model(model.as_deref(), lang.as_deref().unwrap_or(default))?;
            let scores = eval::eval_conll(&gold, model)
                .with_context(|| format!("evaluating NER on {}", gold.display()))?;
            outln!("{scores}");
        }
        EvalCommand::Timex {
            wikiwars,
            timeml,
            lang,
        } => {
            let scores = match (wikiwars, timeml) {
                (Some(dir), _) => eval::time::eval_wikiwars(&dir)
                    .with_context(|| format!("evaluating timexes on {}", dir.display()))?,
                (None, Some(dir)) => eval::time::eval_timeml(&dir, &lang)
                    .with_context(|| format!("evaluating timexes on {}", dir.display()))?,
                (None, None) => {
                    anyhow::bail!("eval timex needs a corpus: --wikiwars DIR or --timeml DIR")
                }
            };
            outln!("{scores}");
        }
        EvalCommand::Quotes {
            news,
            redewiedergabe,
            learn_from,
            fiction,
            spkatt,
            meantime,
            no_ner,
            json,
        } => eval_quotes(
            news,
            redewiedergabe.map(|d| (d, fiction, learn_from)),
            spkatt,
            meantime,
            no_ner,
            json,
        )?,
        EvalCommand::Link {
            meantime,
            hipe,
            gold,
            json,
        } => eval_link(meantime, hipe, gold, json)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Trains the token model of [`eval::quote_learn`] on a Redewiedergabe
/// folder annotated by `pipeline`.
fn train_token_model(
    pipeline: &Pipeline,
    dir: &std::path::Path,
    fiction: bool,
) -> Result<eval::quote_learn::TokenModel> {
    let examples = eval::quote_training_examples(pipeline, dir, fiction, |name, e| {
        eprintln!("newsgraph: warning: {name}: {e}; not trained on")
    })
    .with_context(|| format!("reading training data from {}", dir.display()))?;
    eprintln!(
        "newsgraph: training the token model on {} documents of {}",
        examples.len(),
        dir.display()
    );
    Ok(eval::quote_learn::TokenModel::train(&examples, 10))
}

/// `eval quotes`: runs segmentation, NER (unless `no_ner` or it fails to
/// load) and the quote stage on one corpus and prints the scores.
fn eval_quotes(
    news: Option<PathBuf>,
    redewiedergabe: Option<(PathBuf, bool, Option<PathBuf>)>,
    spkatt: Option<PathBuf>,
    meantime: Option<PathBuf>,
    no_ner: bool,
    json: bool,
) -> Result<()> {
    use eval::quotes;
    let built = eval::quote_eval_pipeline(&Packs::embedded(), !no_ner)?;
    if let Some(e) = &built.ner_unavailable {
        eprintln!("newsgraph: warning: NER unavailable ({e}); scoring without entities")
    }
    let pipeline = built.pipeline;
    let run = |d: &mut newsgraph_doc::Doc| pipeline.run(d);
    let context = |p: &PathBuf| format!("evaluating quotes on {}", p.display());
    let (corpus, path, text, value) = match (news, redewiedergabe, spkatt, meantime) {
        (Some(p), _, _, _) => {
            let s = quotes::news::evaluate(&p, run).with_context(|| context(&p))?;
            ("news", p, s.to_string(), serde_json::to_value(&s)?)
        }
        (None, Some((p, fiction, learn_from)), _, _) => {
            let s = match learn_from {
                None => quotes::redewiedergabe::evaluate(&p, fiction, run),
                Some(train_dir) => {
                    let model = train_token_model(&pipeline, &train_dir, fiction)?;
                    quotes::redewiedergabe::evaluate(&p, fiction, |d: &mut newsgraph_doc::Doc| {
                        pipeline.run(d)?;
                        model.apply(d);
                        Ok::<(), PipelineError>(())
                    })
                }
            }
            .with_context(|| context(&p))?;
            let corpus = if fiction {
                "redewiedergabe-fiction"
            } else {
                "redewiedergabe-nonfiction"
            };
            (corpus, p, s.to_string(), serde_json::to_value(&s)?)
        }
        (None, None, Some(p), _) => {
            let s = quotes::spkatt::evaluate(&p, run).with_context(|| context(&p))?;
            ("spkatt", p, s.to_string(), serde_json::to_value(&s)?)
        }
        (None, None, None, Some(p)) => {
            let s = quotes::meantime::evaluate(&p, run).with_context(|| context(&p))?;
            ("meantime", p, s.to_string(), serde_json::to_value(&s)?)
        }
        (None, None, None, None) => {
            anyhow::bail!(
                "eval quotes needs a corpus: --news FILE, --redewiedergabe DIR, --spkatt DIR or --meantime DIR"
            )
        }
    };
    if json {
        let v = serde_json::json!({
            "corpus": corpus,
            "path": path.display().to_string(),
            "stages": pipeline.stage_names(),
            "scores": value,
        });
        outln!("{v}");
    } else {
        outln!("pipeline: {}", pipeline.stage_names().join(" -> "));
        outln!("{text}");
    }
    Ok(())
}

/// `eval link`: runs the standard pipeline on one corpus and prints the
/// linking scores.
fn eval_link(
    meantime: Option<PathBuf>,
    hipe: Option<PathBuf>,
    gold: Option<PathBuf>,
    json: bool,
) -> Result<()> {
    use eval::link::{self, CorpusKind};
    let (kind, path) = match (meantime, hipe, gold) {
        (Some(p), _, _) => (CorpusKind::Meantime, p),
        (None, Some(p), _) => (CorpusKind::Hipe, p),
        (None, None, Some(p)) => (CorpusKind::Gold, p),
        (None, None, None) => {
            anyhow::bail!("eval link needs a corpus: --meantime DIR, --hipe DIR or --gold FILE")
        }
    };
    let corpus = link::read(kind, &path)
        .with_context(|| format!("reading the linking corpus {}", path.display()))?;
    let pipeline = eval::link_eval_pipeline(&Packs::embedded())?;
    let scores = eval::evaluate_link(&pipeline, &corpus);
    let (gold_linked, gold_nil) = corpus.gold_counts();
    let kb_entries = eval::shipped_kb_entries();
    if scores.links == 0 {
        eprintln!(
            "newsgraph: note: no entity mention got a knowledge-base id (the pipeline has no linking stage, or it linked nothing): linked-mention scores are 0"
        );
    }
    if json {
        let v = serde_json::json!({
            "corpus": corpus.name,
            "path": path.display().to_string(),
            "scheme": corpus.scheme,
            "stages": pipeline.stage_names(),
            "kb_entries": kb_entries,
            "gold": {"linked": gold_linked, "nil": gold_nil},
            "scores": scores,
        });
        outln!("{v}");
    } else {
        outln!("pipeline: {}", pipeline.stage_names().join(" -> "));
        outln!(
            "corpus: {} ({}), {} documents; gold PER/ORG/LOC mentions: {} with a target, {} NIL; knowledge base: {} entries",
            corpus.name,
            path.display(),
            corpus.samples.len(),
            gold_linked,
            gold_nil,
            kb_entries
        );
        outln!("{scores}");
    }
    Ok(())
}

fn train_model(cmd: TrainCommand) -> Result<ExitCode> {
    match cmd {
        TrainCommand::Ner {
            train: files,
            lang,
            folds,
            dev,
            out,
            clusters,
            epochs,
            seed,
            runs,
            prune,
        } => {
            let lang = lang.as_deref().map(ner_lang).transpose()?;
            let opts = train::NerTrainOptions {
                epochs,
                seed,
                clusters,
                runs,
                prune,
                lang,
                ..train::NerTrainOptions::default()
            };
            if let Some(k) = folds {
                let scores = train::cross_validate(&files, k, &opts)?;
                outln!("{k}-fold cross-validation by document\n{scores}");
                return Ok(ExitCode::SUCCESS);
            }
            let out = out.context("train ner needs --out PATH (or --folds K)")?;
            let report = train::train_ner(&files, dev.as_deref(), &out, &opts)?;
            eprintln!(
                "newsgraph: trained on {} sentences ({} tokens), {} features, epoch {} kept; model {}",
                report.sentences,
                report.tokens,
                report.features,
                report.epoch,
                out.display()
            );
            if let Some(dev) = report.dev {
                outln!("{dev}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The NER language of a `--lang` value.
fn ner_lang(code: &str) -> Result<train::NerPack> {
    train::NerPack::from_code(code)
        .with_context(|| format!("no NER model for language {code:?}; use de or en"))
}

/// A model file, or the shipped model of `lang`.
fn ner_model(path: Option<&std::path::Path>, lang: &str) -> Result<&'static eval::NerModel> {
    Ok(match path {
        Some(p) => {
            let bytes =
                std::fs::read(p).with_context(|| format!("{}: cannot read", p.display()))?;
            let model = eval::NerModel::from_bytes(&bytes)
                .with_context(|| format!("{}: not a model", p.display()))?;
            Box::leak(Box::new(model))
        }
        None => eval::shipped_model_for(ner_lang(lang)?)?,
    })
}

fn ner(args: NerArgs) -> Result<ExitCode> {
    debug_assert!(args.conll);
    let model = ner_model(args.model.as_deref(), &args.lang)?;
    let stdout = std::io::stdout();
    let out = BufWriter::new(stdout.lock());
    match args.input.filter(|p| p.as_os_str() != "-") {
        Some(path) => {
            let file = std::fs::File::open(&path)
                .with_context(|| format!("{}: cannot read", path.display()))?;
            eval::tag_conll(std::io::BufReader::new(file), out, model)?;
        }
        None => eval::tag_conll(std::io::stdin().lock(), out, model)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn db_path(given: Option<PathBuf>) -> PathBuf {
    given.unwrap_or_else(SqliteStore::default_path)
}

fn warn_if_waiting_on_terminal(config: &RunConfig) {
    if config.stdin_is_interactive() {
        eprintln!("newsgraph: reading a document from standard input (end with Ctrl-D); pass FILE arguments to analyse files");
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                .is_some_and(|k| k == std::io::ErrorKind::BrokenPipe)
    })
}
