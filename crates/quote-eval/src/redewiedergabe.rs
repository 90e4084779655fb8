//! The Redewiedergabe corpus (historical German, 1840–1919): one token per
//! line, tab-separated, a header row naming the columns; `stwr` holds the
//! speech, thought and writing representation instances covering the token as
//! `type.medium.id[.flag…]`, nested ones joined with `|`, ambiguous types or
//! media joined with a space (`indirect freeIndirect.speech.4`).
//!
//! The text is rebuilt from the `tok` column (see [`Sample::text`]); every
//! medium counts. An instance whose types include `direct` is direct, else
//! one including `indirect` is indirect (so `indirect freeIndirect` is
//! indirect); `freeIndirect` alone and `reported` are not targeted and only
//! counted (with the share of their tokens some predicted quote covers).
//! Every instance is scored, whatever its flags (`nonfact`, `border=…`,
//! `prag`, `metaph`); [`Instance::is_plain`] tells the unflagged ones, which
//! the corpus documentation counts.
//!
//! Scores are token level over the corpus tokens with a letter or digit.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use newsgraph_doc::{Doc, Meta, Span};
use serde::Serialize;

use super::{
    coverage_table, is_punct, join_tokens, predicted_marks, table, token_scores, Class,
    ClassScores, Coverage, EvalError, RunCounts, TokenMarks,
};

/// The four STWR types.
const TYPES: [&str; 4] = ["direct", "indirect", "freeIndirect", "reported"];

/// What an instance is scored as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// Direct (types include `direct`).
    Direct,
    /// Indirect (types include `indirect`, not `direct`).
    Indirect,
    /// Free indirect only: not targeted.
    FreeIndirect,
    /// Reported: not targeted.
    Reported,
}

/// One STWR instance of a sample.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instance {
    /// Its id within the sample.
    pub id: String,
    /// Its type, or the alternatives of an ambiguous one.
    pub types: Vec<String>,
    /// Its medium (`speech`, `thought`, `writing`), or the alternatives.
    pub media: Vec<String>,
    /// Further attributes (`nonfact`, `border=…`, `prag`, `metaph`), those
    /// given on every token of the instance.
    pub flags: Vec<String>,
    /// Indices of the tokens it covers, ascending.
    pub tokens: Vec<usize>,
}

impl Instance {
    /// How it is scored.
    pub fn target(&self) -> Target {
        let has = |t: &str| self.types.iter().any(|x| x == t);
        if has("direct") {
            Target::Direct
        } else if has("indirect") {
            Target::Indirect
        } else if has("freeIndirect") {
            Target::FreeIndirect
        } else {
            Target::Reported
        }
    }

    /// Whether it has no flag (what the corpus documentation counts).
    pub fn is_plain(&self) -> bool {
        self.flags.is_empty()
    }
}

/// One corpus file.
#[derive(Debug, Clone)]
pub struct Sample {
    /// File stem.
    pub name: String,
    /// The `tok` column joined into running text: single spaces, none before
    /// closing punctuation or after opening brackets and quotation marks.
    pub text: String,
    /// Each token's byte span in `text`.
    pub tokens: Vec<Span>,
    /// Whether each token is scored (has a letter or digit).
    pub scored: Vec<bool>,
    /// The STWR instances, in order of first token.
    pub instances: Vec<Instance>,
}

impl Sample {
    /// A fresh German [`Doc`] of the sample, for the pipeline.
    pub fn doc(&self) -> Doc {
        Doc::with_meta(
            Meta {
                id: self.name.clone(),
                lang: Some("de".into()),
                ..Meta::default()
            },
            self.text.clone(),
        )
    }
}

/// Parses one file's content. The error says what is wrong and on which line
/// (the caller adds the file).
pub fn parse(name: &str, data: &str) -> Result<Sample, String> {
    let mut lines = data.lines().map(|l| l.trim_end_matches('\r'));
    let header: Vec<&str> = lines
        .next()
        .ok_or("the file is empty; expected a header row and one token per line")?
        .split('\t')
        .collect();
    let col = |name: &str| {
        header.iter().position(|h| *h == name).ok_or_else(|| {
            format!("line 1: the header has no `{name}` column (expected the Redewiedergabe TSV header: tok, normtok, …, stwr, …)")
        })
    };
    let (tok_col, stwr_col) = (col("tok")?, col("stwr")?);
    let need = tok_col.max(stwr_col) + 1;
    let mut toks: Vec<&str> = Vec::new();
    let mut scored = Vec::new();
    let mut instances: Vec<Instance> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for (i, line) in lines.enumerate() {
        let line_no = i + 2;
        if line.is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < need {
            return Err(format!(
                "line {line_no}: {} columns, the header has {}",
                cols.len(),
                header.len()
            ));
        }
        let tok = cols[tok_col];
        let index = scored.len();
        toks.push(tok);
        scored.push(!is_punct(tok));
        let stwr = cols[stwr_col];
        if stwr == "-" || stwr.is_empty() {
            continue;
        }
        for ann in stwr.split('|') {
            let parts: Vec<&str> = ann.split('.').collect();
            if parts.len() < 3 || parts[..3].iter().any(|p| p.is_empty()) {
                return Err(format!(
                    "line {line_no}: stwr value {ann:?} is not type.medium.id[.flag…]"
                ));
            }
            let types: Vec<String> = parts[0].split(' ').map(str::to_string).collect();
            if let Some(bad) = types.iter().find(|t| !TYPES.contains(&t.as_str())) {
                return Err(format!(
                    "line {line_no}: unknown stwr type {bad:?} in {ann:?} (expected direct, indirect, freeIndirect or reported)"
                ));
            }
            let id = parts[2].to_string();
            let flags = &parts[3..];
            let n = *by_id.entry(id.clone()).or_insert_with(|| {
                instances.push(Instance {
                    id,
                    types,
                    media: parts[1].split(' ').map(str::to_string).collect(),
                    flags: flags.iter().map(|s| s.to_string()).collect(),
                    tokens: Vec::new(),
                });
                instances.len() - 1
            });
            // A few instances carry a flag on some of their tokens only.
            instances[n].flags.retain(|f| flags.contains(&f.as_str()));
            if instances[n].tokens.last() != Some(&index) {
                instances[n].tokens.push(index);
            }
        }
    }
    let (text, tokens) = join_tokens(&toks);
    Ok(Sample {
        name: name.to_string(),
        text,
        tokens,
        scored,
        instances,
    })
}

/// Reads one corpus file.
pub fn read_file(path: &Path) -> Result<Sample, EvalError> {
    let data = super::read(path)?;
    parse(&super::stem(path), &data).map_err(|problem| EvalError::Format {
        path: path.to_path_buf(),
        problem,
    })
}

/// Reads every `*.tsv` of `dir/nonfiction` (or `dir/fiction` when `fiction`);
/// when that subfolder does not exist, the `*.tsv` files of `dir` itself.
pub fn read(dir: &Path, fiction: bool) -> Result<Vec<Sample>, EvalError> {
    let sub = dir.join(if fiction { "fiction" } else { "nonfiction" });
    let folder = if sub.is_dir() { sub } else { dir.to_path_buf() };
    let samples = super::list(&folder, ".tsv")?
        .iter()
        .map(|p| read_file(p))
        .collect::<Result<Vec<_>, _>>()?;
    if samples.is_empty() {
        return Err(EvalError::Empty {
            path: folder,
            expected:
                "Redewiedergabe *.tsv files (in nonfiction/ or fiction/ below the folder given)",
        });
    }
    Ok(samples)
}

/// Gold instances by how they are scored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct GoldCounts {
    /// Direct.
    pub direct: usize,
    /// Indirect (including `indirect freeIndirect`).
    pub indirect: usize,
    /// `freeIndirect` only.
    pub free_indirect: usize,
    /// Reported.
    pub reported: usize,
}

/// Scores on Redewiedergabe samples.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Samples run.
    pub run: RunCounts,
    /// Corpus tokens.
    pub tokens: usize,
    /// Of those, tokens scored (with a letter or digit).
    pub scored_tokens: usize,
    /// Gold instances.
    pub gold: GoldCounts,
    /// Predicted quotes.
    pub predicted: usize,
    /// Token-level scores.
    pub token_scores: ClassScores,
    /// `freeIndirect` coverage (not targeted).
    pub free_indirect: Coverage,
    /// `reported` coverage (not targeted).
    pub reported: Coverage,
}

impl Scores {
    /// Adds another sample's scores.
    pub fn add(&mut self, o: &Scores) {
        self.run.add(&o.run);
        self.tokens += o.tokens;
        self.scored_tokens += o.scored_tokens;
        self.gold.direct += o.gold.direct;
        self.gold.indirect += o.gold.indirect;
        self.gold.free_indirect += o.gold.free_indirect;
        self.gold.reported += o.gold.reported;
        self.predicted += o.predicted;
        self.token_scores.add(&o.token_scores);
        self.free_indirect.add(&o.free_indirect);
        self.reported.add(&o.reported);
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let g = &self.gold;
        writeln!(
            f,
            "redewiedergabe: {}; {} tokens, {} scored (with a letter or digit)",
            self.run, self.tokens, self.scored_tokens
        )?;
        writeln!(
            f,
            "gold instances: direct {}, indirect {}, freeIndirect {}, reported {} (last two not targeted); predicted quotes {}\n",
            g.direct, g.indirect, g.free_indirect, g.reported, self.predicted
        )?;
        writeln!(f, "tokens (speech, thought and writing)")?;
        table(f, "class", &self.token_scores.rows("any"))?;
        writeln!(f)?;
        coverage_table(
            f,
            &[
                ("freeIndirect", self.free_indirect),
                ("reported", self.reported),
            ],
        )
    }
}

/// The gold class of each token of `doc` (the sample's text, tokenised by
/// the pipeline; `spans` are its tokens): `Some(true)` inside a direct
/// instance, `Some(false)` inside an indirect one, else `None`, taken from
/// the corpus tokens it overlaps.
pub fn gold_classes(sample: &Sample, spans: &[Span]) -> Vec<Option<bool>> {
    let gold = gold_marks(sample);
    spans
        .iter()
        .map(|&span| {
            let range = super::overlapping(&sample.tokens, span);
            if gold.direct[range.clone()].contains(&true) {
                Some(true)
            } else if gold.indirect[range].contains(&true) {
                Some(false)
            } else {
                None
            }
        })
        .collect()
}

/// The corpus tokens inside direct and inside indirect gold instances.
fn gold_marks(sample: &Sample) -> TokenMarks {
    let mut gold = TokenMarks::new(sample.tokens.len());
    for inst in &sample.instances {
        let class = match inst.target() {
            Target::Direct => Class::Direct,
            Target::Indirect => Class::Indirect,
            Target::FreeIndirect | Target::Reported => continue,
        };
        for &t in &inst.tokens {
            gold.mark(class, t..t + 1);
        }
    }
    gold
}

/// Scores the quotes of `doc` (the sample's text, annotated by the pipeline)
/// against the sample's gold.
pub fn score(sample: &Sample, doc: &Doc) -> Scores {
    let n = sample.tokens.len();
    let gold = gold_marks(sample);
    let mut untargeted = [vec![false; n], vec![false; n]];
    let mut s = Scores {
        run: RunCounts {
            docs: 1,
            ..RunCounts::default()
        },
        tokens: n,
        scored_tokens: sample.scored.iter().filter(|s| **s).count(),
        predicted: doc.quotes.as_ref().map_or(0, Vec::len),
        ..Scores::default()
    };
    for inst in &sample.instances {
        let target = inst.target();
        for &t in &inst.tokens {
            match target {
                Target::Direct | Target::Indirect => {}
                Target::FreeIndirect => untargeted[0][t] = true,
                Target::Reported => untargeted[1][t] = true,
            }
        }
        *match target {
            Target::Direct => &mut s.gold.direct,
            Target::Indirect => &mut s.gold.indirect,
            Target::FreeIndirect => &mut s.gold.free_indirect,
            Target::Reported => &mut s.gold.reported,
        } += 1;
    }
    let pred = predicted_marks(doc, &sample.tokens);
    s.token_scores = token_scores(&gold, &pred, &sample.scored);
    s.free_indirect.instances = s.gold.free_indirect;
    s.reported.instances = s.gold.reported;
    for (cov, marks) in [
        (&mut s.free_indirect, &untargeted[0]),
        (&mut s.reported, &untargeted[1]),
    ] {
        for i in (0..n).filter(|&i| sample.scored[i] && marks[i]) {
            cov.tokens += 1;
            cov.covered += usize::from(pred.any(i));
        }
    }
    s
}

/// Runs `annotate` (the pipeline) on every sample and sums the scores.
pub fn evaluate_samples<F, E>(samples: &[Sample], annotate: F) -> Scores
where
    F: FnMut(&mut Doc) -> Result<(), E>,
    E: fmt::Display,
{
    super::evaluate_each(samples, annotate)
}

/// Reads the corpus (see [`read`]) and scores `annotate` on it.
pub fn evaluate<F, E>(dir: &Path, fiction: bool, annotate: F) -> Result<Scores, EvalError>
where
    F: FnMut(&mut Doc) -> Result<(), E>,
    E: fmt::Display,
{
    Ok(evaluate_samples(&read(dir, fiction)?, annotate))
}

impl super::Sample for Sample {
    type Scores = Scores;
    fn name(&self) -> &str {
        &self.name
    }
    fn fresh_doc(&self) -> Doc {
        self.doc()
    }
    fn score_doc(&self, doc: &Doc) -> Scores {
        score(self, doc)
    }
}

impl super::Tally for Scores {
    fn add_scores(&mut self, other: &Scores) {
        self.add(other);
    }
    fn run_counts(&mut self) -> &mut RunCounts {
        &mut self.run
    }
}
