//! The command line, as clap derive structs: each field's doc comment is its
//! help text. Parsing only validates what the user typed; `main` builds the
//! real objects.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// newsgraph turns news articles into a source-attributed, time-anchored record
/// (entities, temporal expressions, quotes, claims, events) as JSON.
#[derive(Debug, Parser)]
#[command(name = "newsgraph", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse documents and write one JSON record per document to stdout
    /// (JSON Lines when there are several).
    Analyze(AnalyzeArgs),
    /// Analyse documents and keep them in the database (idempotent: the same
    /// content twice is stored once).
    Ingest(IngestArgs),
    /// Full-text search over ingested documents.
    Search(SearchArgs),
    /// Print the stored record of one document.
    Show(ShowArgs),
    /// Evaluate a stage against an annotated corpus.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Train a model from annotated corpora.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Tag pre-tokenised text (one token per line, blank line between
    /// sentences) with named entities: writes `token<TAB>BIO-label`.
    Ner(NerArgs),
}

/// `newsgraph ner`.
#[derive(Debug, Args)]
pub struct NerArgs {
    /// Read and write the CoNLL layout (the only layout for now).
    #[arg(long, required = true)]
    pub conll: bool,
    /// Language of the text: `de` (GermEval classes) or `en` (PER/LOC/ORG/OTH).
    #[arg(long, default_value = "de", value_name = "de|en")]
    pub lang: String,
    /// A model file (`train ner --out`) instead of the shipped model.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
    /// Input file; `-` or nothing reads standard input.
    pub input: Option<PathBuf>,
}

/// `newsgraph train …`.
#[derive(Debug, Subcommand)]
pub enum TrainCommand {
    /// Train the named-entity tagger (averaged structured perceptron).
    Ner {
        /// Training files: GermEval TSV, two-column CoNLL, HIPE TSV, SmartData
        /// JSON(L).gz, or MEANTIME (English CAT XML: a folder of `.xml` articles).
        #[arg(long = "train", value_name = "FILE", required = true, num_args = 1..)]
        train: Vec<PathBuf>,
        /// Model language (its gazetteers): `de` or `en`; by default `en` when
        /// every training path is MEANTIME, else `de`.
        #[arg(long, value_name = "de|en")]
        lang: Option<String>,
        /// Instead of writing a model, cross-validate by document over K folds
        /// (MEANTIME only: article k, in path order, is in fold k mod K) and
        /// print the summed strict scores.
        #[arg(long, value_name = "K", conflicts_with = "dev")]
        folds: Option<usize>,
        /// GermEval-format file to choose the best epoch on.
        #[arg(long, value_name = "FILE")]
        dev: Option<PathBuf>,
        /// Where to write the model (`.bin.gz`); not needed with `--folds`.
        #[arg(long, value_name = "PATH", required_unless_present = "folds")]
        out: Option<PathBuf>,
        /// Word clusters file (`word<TAB>coarse<TAB>fine`, optionally gzipped).
        #[arg(long, value_name = "FILE")]
        clusters: Option<PathBuf>,
        /// Passes over the training data.
        #[arg(long, default_value_t = 15)]
        epochs: usize,
        /// Seed of the sentence shuffling (same data and seed give the same model).
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Independent training runs (seeds `seed`, `seed + 1`, …) whose
        /// averaged weights are summed into one model.
        #[arg(long, default_value_t = 3)]
        runs: usize,
        /// Summed weights at most this large (in absolute value) are not
        /// stored: 1 drops about a third of the features at no measurable
        /// cost in F1.
        #[arg(long, default_value_t = 1.0)]
        prune: f32,
    },
}

/// Options shared by every command that reads documents.
#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// Input files and directories (read recursively, sorted, hidden files
    /// skipped); `-` or nothing reads standard input.
    pub inputs: Vec<PathBuf>,
    /// In directories, read only the files matching GLOB (`*.txt`; `!GLOB`
    /// excludes), as ripgrep's --glob; repeatable.
    #[arg(long = "glob", value_name = "GLOB")]
    pub globs: Vec<String>,
    /// Input format; detected from the file name and content when not given.
    #[arg(long, value_name = "text|jsonl|html|rss|atom|warc")]
    pub format: Option<String>,
    /// Document language; detected per document when `auto`.
    #[arg(long, default_value = "auto", value_name = "de|en|auto")]
    pub lang: String,
    /// More language packs: each subfolder of DIR with a `pack.toml` is one
    /// (its name is the language code; see resources/de/pack.toml). A pack
    /// with a shipped code replaces the shipped one.
    #[arg(long, value_name = "DIR")]
    pub packs: Option<PathBuf>,
    /// Document creation time (YYYY-MM-DD), overriding datelines and metadata.
    #[arg(long, value_name = "DATE")]
    pub dct: Option<String>,
    /// How relative dates are anchored: to the document date (`news`) or to the
    /// last date mentioned (`narrative`, for history and encyclopaedia texts).
    #[arg(long, value_enum, default_value_t = DocTypeArg::News)]
    pub doctype: DocTypeArg,
    /// Largest document accepted, in bytes; larger ones are reported and skipped.
    #[arg(long, default_value_t = 64 * 1024 * 1024, value_name = "BYTES")]
    pub max_doc_bytes: usize,
    /// Leave out a stage of the pipeline (lang-id, segment, quality-flags, ner, link,
    /// time, quotes); repeatable. Its layers are then absent from the record (an
    /// empty list means the stage ran and found nothing); stages that need them
    /// must be skipped too. Without lang-id a document keeps the language of its
    /// input or --lang.
    #[arg(long, value_name = "STAGE")]
    pub skip: Vec<String>,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// Never show a progress bar, even on a terminal.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// `--doctype` values.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum DocTypeArg {
    /// Relative dates refer to the document creation time.
    News,
    /// Relative dates refer to the last date mentioned.
    Narrative,
}

/// `newsgraph analyze`.
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Where documents come from and how to read them.
    #[command(flatten)]
    pub input: InputArgs,
    /// Indent the JSON for humans.
    #[arg(long)]
    pub pretty: bool,
    /// Include the token layer in the record.
    #[arg(long)]
    pub tokens: bool,
}

/// `newsgraph ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Where documents come from and how to read them.
    #[command(flatten)]
    pub input: InputArgs,
    /// Database file (default: $NEWSGRAPH_DB, else the user data directory).
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// Documents per transaction.
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub batch: u32,
}

/// `newsgraph search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find (all must occur; also inside compounds: Streik finds
    /// Warnstreik); "double quotes" for a phrase; AND, OR, NOT and
    /// (parentheses) combine terms; may be empty when a filter is given.
    #[arg(default_value = "")]
    pub query: String,
    /// Only documents mentioning this entity (KB id like Q567, or its name).
    #[arg(long, value_name = "ID|NAME")]
    pub entity: Option<String>,
    /// Only documents quoting this speaker (KB id, name, or part of the name).
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Only documents dated on or after this day (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only documents dated on or before this day (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only documents in this language (de also takes de-AT).
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
    /// Database file (default: $NEWSGRAPH_DB, else the user data directory).
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// Most hits to show.
    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,
    /// Print hits as JSON Lines.
    #[arg(long)]
    pub json: bool,
}

/// `newsgraph show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Document id, or a prefix of its content hash (8+ hex digits).
    pub id: String,
    /// Database file (default: $NEWSGRAPH_DB, else the user data directory).
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// One line of JSON instead of indented JSON.
    #[arg(long)]
    pub compact: bool,
}

/// `newsgraph eval …`.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Sentence-boundary and token precision/recall/F1 against a UD treebank.
    Segment {
        /// A CoNLL-U file.
        #[arg(long, value_name = "FILE")]
        conllu: PathBuf,
        /// Language of the treebank.
        #[arg(long, default_value = "de")]
        lang: String,
    },
    /// Strict chunk precision/recall/F1 of an NER model, per class, against a
    /// GermEval-format (or two-column CoNLL) file or MEANTIME (English CAT XML,
    /// a folder or one `.xml` file). The shipped German model was trained on
    /// GermEval dev and test-part-a, the English one on all MEANTIME articles
    /// here: score them on other data, or train a model without the file you
    /// score on (`train ner`) and pass it with `--model`.
    Ner {
        /// The gold file or MEANTIME folder.
        #[arg(long, value_name = "FILE")]
        gold: PathBuf,
        /// A model file (`train ner --out`) instead of the shipped model.
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
        /// Which shipped model: `de` or `en`; by default `en` for MEANTIME
        /// (a folder or `.xml`), else `de`.
        #[arg(long, value_name = "de|en", conflicts_with = "model")]
        lang: Option<String>,
    },
    /// TempEval-3 style scores of temporal expressions against TIMEX2 (ACE
    /// APF, WikiWarsDE) or TIMEX3 (TimeML) annotation.
    Timex {
        /// A WikiWarsDE folder (with `in/` and `key/`), scored as narrative German.
        #[arg(long, value_name = "DIR", conflicts_with = "timeml")]
        wikiwars: Option<PathBuf>,
        /// A folder of TimeML `.tml` files, scored as news.
        #[arg(long, value_name = "DIR")]
        timeml: Option<PathBuf>,
        /// Language of the TimeML files.
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Quote scores (direct/indirect tokens and instances, speakers, cues)
    /// of segmentation + NER + the quote stage against one corpus: German
    /// Wikinews quotation attribution, Redewiedergabe or SpkAtt-2023, or
    /// English MEANTIME.
    #[command(group(clap::ArgGroup::new("corpus").required(true).args(["news", "redewiedergabe", "spkatt", "meantime"])))]
    Quotes {
        /// A German Wikinews quotation-attribution JSON Lines file
        /// (german-news-quotes/dev.jsonl): token- and instance-level scores,
        /// speaker and cue agreement.
        #[arg(long, value_name = "FILE")]
        news: Option<PathBuf>,
        /// A Redewiedergabe folder (with nonfiction/ and fiction/ of *.tsv):
        /// token-level scores of direct and indirect representation.
        #[arg(long, value_name = "DIR")]
        redewiedergabe: Option<PathBuf>,
        /// With --redewiedergabe: first train a token model that refines the
        /// rule quotes on this other Redewiedergabe folder, then score the
        /// rules with the model. Measures what learning adds; the model is
        /// not saved (the corpus is licensed non-commercial).
        #[arg(long, value_name = "DIR", requires = "redewiedergabe")]
        learn_from: Option<PathBuf>,
        /// Score the fiction/ part of Redewiedergabe instead of nonfiction/.
        #[arg(long, conflicts_with_all = ["news", "spkatt", "meantime"])]
        fiction: bool,
        /// A SpkAtt-2023 folder (train/ of per-speech *.json): token-level
        /// scores of the roles cue, source and message.
        #[arg(long, value_name = "DIR")]
        spkatt: Option<PathBuf>,
        /// An English MEANTIME folder (CAT XML *.xml, searched recursively):
        /// SPEECH_COGNITIVE cues, Arg0 speakers and Arg1 messages.
        #[arg(long, value_name = "DIR")]
        meantime: Option<PathBuf>,
        /// Run without the NER stage (the quote stage then sees no entities).
        #[arg(long)]
        no_ner: bool,
        /// Print the scores as one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Entity-linking scores of the standard pipeline against one corpus:
    /// precision, recall and F1 of linked mentions (right span and target;
    /// gold NILs excluded), by type, and the share of gold-NIL mentions
    /// left unlinked. A predicted id is judged through the shipped
    /// knowledge base: its English Wikipedia title, or the id itself when it
    /// is a Wikidata QID.
    #[command(group(clap::ArgGroup::new("corpus").required(true).args(["meantime", "hipe", "gold"])))]
    Link {
        /// An English MEANTIME folder (CAT XML *.xml, searched recursively):
        /// named mentions with their DBpedia links, sentences 0-5.
        #[arg(long, value_name = "DIR")]
        meantime: Option<PathBuf>,
        /// A HIPE-2022 folder or file (*.tsv): historical German newspapers
        /// (OCR) with Wikidata QIDs.
        #[arg(long, value_name = "DIR")]
        hipe: Option<PathBuf>,
        /// A gold file in our JSON Lines format
        /// (crates/kb/tests/data/link-gold.jsonl).
        #[arg(long, value_name = "FILE")]
        gold: Option<PathBuf>,
        /// Print the scores as one JSON object.
        #[arg(long)]
        json: bool,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn analyze_defaults_are_auto_lang_and_news() {
        let cli = Cli::try_parse_from(["newsgraph", "analyze", "a.txt", "--pretty"]).unwrap();
        let Command::Analyze(a) = cli.command else {
            panic!("expected analyze")
        };
        assert_eq!(a.input.lang, "auto");
        assert_eq!(a.input.doctype, DocTypeArg::News);
        assert!(a.pretty);
    }

    #[test]
    fn ingest_batch_must_be_positive() {
        assert!(Cli::try_parse_from(["newsgraph", "ingest", "--batch", "0", "x"]).is_err());
    }

    #[test]
    fn eval_timex_takes_one_corpus_kind() {
        let r = Cli::try_parse_from([
            "newsgraph",
            "eval",
            "timex",
            "--wikiwars",
            "a",
            "--timeml",
            "b",
        ]);
        assert!(r.is_err());
    }

    #[test]
    fn eval_quotes_takes_exactly_one_corpus() {
        let parse = |a: &[&str]| {
            Cli::try_parse_from(["newsgraph", "eval", "quotes"].iter().chain(a).copied())
        };
        assert!(parse(&[]).is_err());
        assert!(parse(&["--news", "a", "--spkatt", "b"]).is_err());
        assert!(parse(&["--meantime", "a", "--spkatt", "b"]).is_err());
        assert!(parse(&["--meantime", "m", "--json"]).is_ok());
        assert!(parse(&["--fiction", "--news", "a"]).is_err());
        let cli = parse(&["--redewiedergabe", "d", "--fiction", "--json"]).unwrap();
        let Command::Eval(EvalCommand::Quotes {
            redewiedergabe,
            fiction,
            json,
            ..
        }) = cli.command
        else {
            panic!("expected eval quotes")
        };
        assert_eq!(redewiedergabe, Some(PathBuf::from("d")));
        assert!(fiction && json);
    }

    #[test]
    fn eval_link_takes_exactly_one_corpus() {
        let parse = |a: &[&str]| {
            Cli::try_parse_from(["newsgraph", "eval", "link"].iter().chain(a).copied())
        };
        assert!(parse(&[]).is_err());
        assert!(parse(&["--gold", "a", "--hipe", "b"]).is_err());
        let cli = parse(&["--meantime", "m", "--json"]).unwrap();
        let Command::Eval(EvalCommand::Link { meantime, json, .. }) = cli.command else {
            panic!("expected eval link")
        };
        assert_eq!(meantime, Some(PathBuf::from("m")));
        assert!(json);
    }
}
