//! Evaluation of the quote stage (`newsgraph-quote`) against annotated
//! corpora, and a learned token tagger measured with them ([`learn`]). Kept
//! apart from the stage so the analysis path carries no corpus reader.
//!
//! Four corpora, one module each; every module has a reader (`read`, plus
//! `parse` for in-memory text), a scorer for one annotated [`Doc`]
//! (`score`) and `evaluate`, which reads a corpus, runs the caller's
//! pipeline on every document and sums the scores:
//!
//! - [`news`]: German Wikinews quotation attribution (Petersen-Frey &
//!   Biemann 2024), JSON Lines, offsets in code points. Token-level and
//!   instance-level scores for direct and indirect quotes, speaker and cue
//!   agreement on matched quotes.
//! - [`redewiedergabe`]: the Redewiedergabe corpus (one token per line, STWR
//!   column). Token-level scores for direct and indirect representation.
//! - [`spkatt`]: SpkAtt-2023 Bundestag speeches. Token-level scores for the
//!   roles cue, source and message, and speaker linking per kind of source
//!   (the speech's speaker, from the file name, is the document's author).
//! - [`meantime`]: MEANTIME English: speech/cognition event mentions with
//!   their Arg0 (speaker) and Arg1 (message), in the sentences where every
//!   event is annotated.
//!
//! The pipeline is the caller's (`newsgraph eval quotes` runs segmentation,
//! NER when it loads, then `newsgraph_quote::QuoteStage`), passed as a closure, so this
//! crate does not depend on the stages before it. A document on which the
//! pipeline fails is scored with what it has and counted as failed.
//!
//! Conventions shared by all three: a token belongs to a span when they share
//! at least one byte; punctuation tokens (our segmenter's `Punct` tokens for
//! the news corpus, corpus tokens without a letter or digit elsewhere) are not
//! scored; a predicted `Mixed` quote counts as indirect.
#![deny(missing_docs)]

pub mod learn;
pub mod meantime;
pub mod news;
pub mod redewiedergabe;
pub mod spkatt;

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use std::sync::OnceLock;

use newsgraph_doc::{Doc, QuoteKind, Span};
use newsgraph_pack::{Packs, PerPack};
use newsgraph_quote::lexicon::Lexicon;
use serde::ser::SerializeStruct;
use serde::Serialize;

/// A corpus could not be read or understood (shared by every evaluation).
pub use newsgraph_eval::CorpusError as EvalError;

pub use newsgraph_eval::Prf;

/// The quote lexicon of the shipped pack for a document of language `lang`
/// (under the packs' policy: unknown language gets the fallback), built once
/// per process: evaluation and [`learn`] run with the shipped packs, as
/// `newsgraph eval quotes` does.
pub(crate) fn shipped_lexicon(lang: Option<&str>) -> Option<&'static Lexicon> {
    static LEXICONS: OnceLock<PerPack<Lexicon>> = OnceLock::new();
    LEXICONS
        .get_or_init(|| PerPack::new(&Packs::embedded(), Lexicon::from_pack))
        .for_lang(lang)
}

/// Scores per quote class: direct, indirect (predicted `Mixed` included) and
/// any kind (a quote of either class, kind ignored).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ClassScores {
    /// Direct quotes.
    pub direct: Prf,
    /// Indirect quotes.
    pub indirect: Prf,
    /// Either class, kind ignored.
    pub any: Prf,
}

impl ClassScores {
    /// Adds another document's counts.
    pub fn add(&mut self, o: &ClassScores) {
        self.direct.add(&o.direct);
        self.indirect.add(&o.indirect);
        self.any.add(&o.any);
    }

    fn rows(&self, any_name: &'static str) -> [(&'static str, Prf); 3] {
        [
            ("direct", self.direct),
            ("indirect", self.indirect),
            (any_name, self.any),
        ]
    }
}

/// Gold material the tagger is not meant to find (free indirect speech,
/// reported speech acts): how much of it any predicted quote covers. There
/// is no precision: what the tagger predicts there counts against the
/// indirect class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Gold instances.
    pub instances: usize,
    /// Scored tokens in them.
    pub tokens: usize,
    /// Of those tokens, the ones inside some predicted quote.
    pub covered: usize,
}

impl Coverage {
    /// Share of the tokens covered.
    pub fn recall(&self) -> f64 {
        ratio(self.covered, self.tokens)
    }

    /// Adds another document's counts.
    pub fn add(&mut self, o: &Coverage) {
        self.instances += o.instances;
        self.tokens += o.tokens;
        self.covered += o.covered;
    }
}

impl Serialize for Coverage {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Coverage", 4)?;
        st.serialize_field("instances", &self.instances)?;
        st.serialize_field("tokens", &self.tokens)?;
        st.serialize_field("covered", &self.covered)?;
        st.serialize_field("recall", &self.recall())?;
        st.end()
    }
}

/// Documents the pipeline ran on, and the ones where it failed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RunCounts {
    /// Documents scored.
    pub docs: usize,
    /// Documents on which the pipeline returned an error (scored with
    /// whatever layers it had set).
    pub failed: usize,
    /// The first failure's message.
    pub first_failure: Option<String>,
}

impl RunCounts {
    /// Adds another run's counts, keeping the first failure seen.
    pub fn add(&mut self, o: &RunCounts) {
        self.docs += o.docs;
        self.failed += o.failed;
        if self.first_failure.is_none() {
            self.first_failure.clone_from(&o.first_failure);
        }
    }

    fn record<E: fmt::Display>(&mut self, name: &str, outcome: Result<(), E>) {
        self.docs += 1;
        if let Err(e) = outcome {
            self.failed += 1;
            if self.first_failure.is_none() {
                self.first_failure = Some(format!("{name}: {e}"));
            }
        }
    }
}

impl fmt::Display for RunCounts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} documents, {} failed", self.docs, self.failed)?;
        if let Some(m) = &self.first_failure {
            write!(f, " (first: {m})")?;
        }
        Ok(())
    }
}

/// The class a predicted quote is scored as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Direct,
    Indirect,
}

pub(crate) fn class_of(kind: QuoteKind) -> Class {
    match kind {
        QuoteKind::Direct => Class::Direct,
        QuoteKind::Indirect | QuoteKind::Mixed => Class::Indirect,
    }
}

/// Per-token membership in gold or predicted quotes of each class.
#[derive(Debug, Clone, Default)]
pub(crate) struct TokenMarks {
    pub direct: Vec<bool>,
    pub indirect: Vec<bool>,
}

impl TokenMarks {
    pub fn new(n: usize) -> TokenMarks {
        TokenMarks {
            direct: vec![false; n],
            indirect: vec![false; n],
        }
    }

    pub fn mark(&mut self, class: Class, range: Range<usize>) {
        self.set(class, range, true);
    }

    pub fn unmark(&mut self, class: Class, range: Range<usize>) {
        self.set(class, range, false);
    }

    fn set(&mut self, class: Class, range: Range<usize>, on: bool) {
        let v = match class {
            Class::Direct => &mut self.direct,
            Class::Indirect => &mut self.indirect,
        };
        v[range].fill(on);
    }

    pub fn any(&self, i: usize) -> bool {
        self.direct[i] || self.indirect[i]
    }
}

/// Token-level scores of `pred` against `gold` over the tokens where
/// `scored` is true.
pub(crate) fn token_scores(gold: &TokenMarks, pred: &TokenMarks, scored: &[bool]) -> ClassScores {
    let mut s = ClassScores::default();
    for (i, _) in scored.iter().enumerate().filter(|(_, s)| **s) {
        s.direct.count(pred.direct[i], gold.direct[i]);
        s.indirect.count(pred.indirect[i], gold.indirect[i]);
        s.any.count(pred.any(i), gold.any(i));
    }
    s
}

/// The indices of the tokens (sorted, non-overlapping spans) that share a
/// byte with `span`.
pub(crate) fn overlapping(tokens: &[Span], span: Span) -> Range<usize> {
    let lo = tokens.partition_point(|t| t.end <= span.start);
    let hi = tokens.partition_point(|t| t.start < span.end);
    lo..hi.max(lo)
}

/// Marks the tokens inside predicted quotes of `doc` by class. A mixed
/// quote is indirect speech with quoted fragments: its span counts as
/// indirect and the words inside its quotation marks as direct too, as the
/// corpora annotate them (a direct fragment nested in an indirect quote).
pub(crate) fn predicted_marks(doc: &Doc, tokens: &[Span]) -> TokenMarks {
    let mut marks = TokenMarks::new(tokens.len());
    let quotes = doc.quotes.as_deref().unwrap_or(&[]);
    for q in quotes {
        let class = class_of(q.kind);
        marks.mark(class, overlapping(tokens, q.span));
        // A frame inside the sentence (*…, kann nach Angaben des Betreibers
        // auch später erfolgen*): the quote's own cue and speaker mention
        // are not its content.
        let frame = [q.cue, q.speaker.as_ref().map(|s| s.span)];
        for f in frame.into_iter().flatten() {
            if f.start >= q.span.start && f.end <= q.span.end {
                marks.unmark(class, overlapping(tokens, f));
            }
        }
    }
    if !quotes.iter().any(|q| q.kind == QuoteKind::Mixed) {
        return marks;
    }
    let Some(view) = newsgraph_quote::view::View::new(doc) else {
        return marks;
    };
    let fragments: Vec<Span> = newsgraph_quote::marks::pairs(&view)
        .iter()
        .filter(|p| p.close > p.open + 1 && p.close <= view.toks.len())
        .map(|p| {
            Span::new(
                view.toks[p.open + 1].span.start,
                view.toks[p.close - 1].span.end,
            )
        })
        .collect();
    for q in quotes.iter().filter(|q| q.kind == QuoteKind::Mixed) {
        for f in fragments
            .iter()
            .filter(|f| f.start >= q.span.start && f.end <= q.span.end)
        {
            marks.mark(Class::Direct, overlapping(tokens, *f));
        }
    }
    marks
}

/// Whether a corpus token is punctuation: it has no letter and no digit.
pub(crate) fn is_punct(token: &str) -> bool {
    !token.chars().any(char::is_alphanumeric)
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

pub(crate) fn read(path: &Path) -> Result<String, EvalError> {
    newsgraph_eval::read_corpus_text(path)
}

/// Files in `dir` whose name ends with `ext`, sorted.
pub(crate) fn list(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, EvalError> {
    let rd = std::fs::read_dir(dir).map_err(|error| EvalError::Io {
        path: dir.to_path_buf(),
        error,
    })?;
    let mut v: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.to_string_lossy().ends_with(ext))
        .collect();
    v.sort();
    Ok(v)
}

pub(crate) fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Writes a P/R/F1 table.
pub(crate) fn table(f: &mut fmt::Formatter<'_>, head: &str, rows: &[(&str, Prf)]) -> fmt::Result {
    newsgraph_eval::write_table(f, head, rows)
}

/// Writes the not-targeted coverage rows.
pub(crate) fn coverage_table(f: &mut fmt::Formatter<'_>, rows: &[(&str, Coverage)]) -> fmt::Result {
    writeln!(
        f,
        "not targeted (recall only: tokens of these gold instances inside any predicted quote)"
    )?;
    writeln!(
        f,
        "{:<20} {:>9} {:>7} {:>7} {:>7}",
        "type", "instances", "tokens", "covered", "R"
    )?;
    for (name, c) in rows {
        writeln!(
            f,
            "{name:<20} {:>9} {:>7} {:>7} {:>7.4}",
            c.instances,
            c.tokens,
            c.covered,
            c.recall()
        )?;
    }
    Ok(())
}

/// The attachment of a quotation mark that may open or close, given whether
/// its kind is open and the tokens around it.
fn ambiguous(open: &mut bool, prev: Option<&str>, next: Option<&str>) -> Attach {
    let attach = if next.is_none_or(|n| CLOSING.contains(&n)) {
        Attach::Close
    } else if prev.is_none_or(|p| p == ":" || OPENING.contains(&p)) {
        Attach::Open
    } else if *open {
        Attach::Close
    } else {
        Attach::Open
    };
    *open = attach == Attach::Open;
    attach
}

/// Punctuation written without a space before it.
const CLOSING: [&str; 11] = [".", ",", ";", ":", "!", "?", ")", "]", "}", "…", "%"];
/// Brackets written without a space after them.
const OPENING: [&str; 3] = ["(", "[", "{"];

/// How a token attaches to its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Attach {
    /// Spaces on both sides.
    Free,
    /// No space before.
    Close,
    /// No space after.
    Open,
}

/// Rebuilds running text from corpus tokens: single spaces between tokens,
/// none before closing punctuation and closing quotation marks, none after
/// opening brackets and opening quotation marks. Returns the text and each
/// token's byte span in it.
///
/// Quotation marks: `„`/`‚` open and `“`/`‘` close them (as does a straight
/// `"` while a `„` is open, common in historical print). Guillemets take one
/// direction per text: `»…«`, unless `»` is the one that more often follows
/// the end of a sentence or precedes punctuation (`«…»`). A sample may start
/// inside a quote, so they are not simply alternated. Other marks (`"`,
/// `“`/`”` without `„`) close before punctuation or at the end, open at the
/// start or after `:` or a bracket, and otherwise alternate.
pub(crate) fn join_tokens(tokens: &[&str]) -> (String, Vec<Span>) {
    // Evidence that `mark` closes: it follows the end of a sentence or is
    // followed by punctuation.
    let closer_votes = |mark: &str| {
        (0..tokens.len())
            .filter(|&i| tokens[i] == mark)
            .filter(|&i| {
                let prev = i.checked_sub(1).map(|j| tokens[j]);
                prev.is_some_and(|p| [".", "!", "?", "…"].contains(&p))
                    || tokens.get(i + 1).is_some_and(|n| CLOSING.contains(n))
            })
            .count()
    };
    let swiss = closer_votes("»") > closer_votes("«");
    let single_swiss = closer_votes("›") > closer_votes("‹");
    // Open state of: „, ‚, “/”, ".
    let mut open = [false; 4];
    let mut text = String::new();
    let mut spans = Vec::with_capacity(tokens.len());
    let mut glue_next = true;
    for (i, &tok) in tokens.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| tokens[j]);
        let next = tokens.get(i + 1).copied();
        let attach = match tok {
            "„" => {
                open[0] = true;
                Attach::Open
            }
            "‚" => {
                open[1] = true;
                Attach::Open
            }
            "“" | "\"" if open[0] => {
                open[0] = false;
                Attach::Close
            }
            "‘" if open[1] => {
                open[1] = false;
                Attach::Close
            }
            "“" | "”" => ambiguous(&mut open[2], prev, next),
            "\"" => ambiguous(&mut open[3], prev, next),
            "»" | "«" => {
                if (tok == "»") != swiss {
                    Attach::Open
                } else {
                    Attach::Close
                }
            }
            "›" | "‹" => {
                if (tok == "›") != single_swiss {
                    Attach::Open
                } else {
                    Attach::Close
                }
            }
            // Elided forms (`'s`, `’s`) lean on the word before.
            t if t.len() > 1 && (t.starts_with('\'') || t.starts_with('’')) => Attach::Close,
            t if OPENING.contains(&t) => Attach::Open,
            t if CLOSING.contains(&t) => Attach::Close,
            _ => Attach::Free,
        };
        if !glue_next && attach != Attach::Close {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(tok);
        spans.push(Span::new(start, text.len()));
        glue_next = attach == Attach::Open;
    }
    (text, spans)
}

/// One document of an annotated corpus: what the shared evaluation loop
/// needs to run the pipeline on it and score the result.
pub(crate) trait Sample {
    /// The corpus's scores.
    type Scores: Default + Tally;
    /// The name failures are reported under.
    fn name(&self) -> &str;
    /// A fresh document for the pipeline.
    fn fresh_doc(&self) -> Doc;
    /// Scores the annotated document.
    fn score_doc(&self, doc: &Doc) -> Self::Scores;
}

/// Scores that sum over documents and count runs.
pub(crate) trait Tally {
    /// Adds another document's scores.
    fn add_scores(&mut self, other: &Self);
    /// The run counts.
    fn run_counts(&mut self) -> &mut RunCounts;
}

/// Runs `annotate` (the pipeline) on every sample and sums the scores; a
/// sample on which the pipeline fails is scored with what it has and counted
/// as failed.
pub(crate) fn evaluate_each<S, F, E>(samples: &[S], mut annotate: F) -> S::Scores
where
    S: Sample,
    F: FnMut(&mut Doc) -> Result<(), E>,
    E: fmt::Display,
{
    let mut total = S::Scores::default();
    for sample in samples {
        let mut doc = sample.fresh_doc();
        let outcome = annotate(&mut doc);
        let mut s = sample.score_doc(&doc);
        *s.run_counts() = RunCounts::default();
        s.run_counts().record(sample.name(), outcome);
        total.add_scores(&s);
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(toks: &[&str]) -> String {
        join_tokens(toks).0
    }

    #[test]
    fn tokens_are_joined_like_running_text() {
        assert_eq!(
            join(&[
                "Er", "sagte", ":", "„", "Das", "ist", "schön", ".", "“", "Dann", "ging", "er", "."
            ]),
            "Er sagte: „Das ist schön.“ Dann ging er."
        );
        assert_eq!(
            join(&["»", "Ja", "«", ",", "rief", "sie", ",", "»", "gut", "!", "«"]),
            "»Ja«, rief sie, »gut!«"
        );
        assert_eq!(join(&["(", "siehe", "oben", ")", "."]), "(siehe oben).");
    }

    #[test]
    fn quotes_of_a_sample_starting_inside_one_keep_their_direction() {
        // Starts inside a »…« quote: the first mark closes.
        assert_eq!(
            join(&["marsch", "!", "«", "schrie", "er", ":", "»", "Halt", "!", "«"]),
            "marsch!« schrie er: »Halt!«"
        );
        // Swiss style, and a straight mark closing a low one.
        assert_eq!(
            join(&[
                "«",
                "Ja",
                ".",
                "»",
                "Er",
                "schrieb",
                "im",
                "„",
                "Kunstblatt",
                "\"",
                "davon",
                "."
            ]),
            "«Ja.» Er schrieb im „Kunstblatt\" davon."
        );
        assert_eq!(
            join(&["Er", "sagte", ",", "\"", "nein", "\"", "und", "ging", "."]),
            "Er sagte, \"nein\" und ging."
        );
    }

    /// The byte span of `needle` in `text`.
    fn at(text: &str, needle: &str) -> Span {
        let start = text.find(needle).unwrap();
        Span::new(start, start + needle.len())
    }

    /// The words of `text` (segmented, with `quote` as its only quote) that
    /// [`predicted_marks`] marks direct and indirect.
    fn marked_words(text: &str, quote: newsgraph_doc::Quote) -> (Vec<&str>, Vec<&str>) {
        use newsgraph_doc::Stage;
        let mut doc = Doc::new("t", text);
        newsgraph_segment::SegmentStage::new(&Packs::embedded()).annotate(&mut doc);
        doc.quotes = Some(vec![quote]);
        let tokens: Vec<Span> = doc.tokens().unwrap().iter().map(|t| t.span).collect();
        let marks = predicted_marks(&doc, &tokens);
        let words = |v: &[bool]| -> Vec<&str> {
            tokens
                .iter()
                .zip(v)
                .filter(|(_, m)| **m)
                .map(|(t, _)| &text[t.range()])
                .collect()
        };
        (words(&marks.direct), words(&marks.indirect))
    }

    #[test]
    fn a_mixed_quote_counts_as_indirect_and_its_fragment_as_direct_too() {
        let text = "Er sagte, der Sohn habe sich „bewusst stranguliert“. Dann ging er.";
        let (direct, indirect) = marked_words(
            text,
            newsgraph_doc::Quote {
                span: Span::new(at(text, "der Sohn").start, at(text, ". Dann").start),
                kind: QuoteKind::Mixed,
                speaker: None,
                cue: None,
                speaker_name: None,
            },
        );
        assert_eq!(direct, ["bewusst", "stranguliert"]);
        assert_eq!(
            indirect,
            [
                "der",
                "Sohn",
                "habe",
                "sich",
                "„",
                "bewusst",
                "stranguliert",
                "“"
            ]
        );
    }

    #[test]
    fn a_frame_inside_the_quote_is_not_its_content() {
        let text = "Der Absturz kann nach Angaben des Betreibers auch später erfolgen.";
        let (_, indirect) = marked_words(
            text,
            newsgraph_doc::Quote {
                span: at(
                    text,
                    "Der Absturz kann nach Angaben des Betreibers auch später erfolgen",
                ),
                kind: QuoteKind::Indirect,
                speaker: Some(newsgraph_doc::EntityRef {
                    span: at(text, "des Betreibers"),
                    entity: None,
                }),
                cue: Some(at(text, "nach Angaben")),
                speaker_name: None,
            },
        );
        assert_eq!(
            indirect,
            ["Der", "Absturz", "kann", "auch", "später", "erfolgen"]
        );
    }

    #[test]
    fn token_spans_index_the_text() {
        let (text, spans) = join_tokens(&["Grüße", "aus", "Köln", "."]);
        let back: Vec<&str> = spans.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(back, ["Grüße", "aus", "Köln", "."]);
    }

    #[test]
    fn overlapping_finds_tokens_sharing_a_byte() {
        let toks = [Span::new(0, 2), Span::new(3, 5), Span::new(6, 9)];
        assert_eq!(overlapping(&toks, Span::new(1, 4)), 0..2);
        assert_eq!(overlapping(&toks, Span::new(5, 6)), 2..2);
        assert_eq!(overlapping(&toks, Span::new(0, 9)), 0..3);
    }

    #[test]
    fn prf_arithmetic() {
        let mut p = Prf::default();
        p.count(true, true);
        p.count(true, false);
        p.count(false, true);
        p.count(false, true);
        assert_eq!((p.true_positives, p.predicted, p.gold), (1, 2, 3));
        assert!((p.f1() - 0.4).abs() < 1e-9);
    }
}
