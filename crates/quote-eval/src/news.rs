//! German Wikinews quotation attribution (Petersen-Frey & Biemann, LREC-COLING
//! 2024): one article per line of JSON, `originalText` and quote annotations
//! whose offsets (`charBegin`, `charEnd`) are Unicode code points.
//!
//! Gold types and how they are scored:
//! - `Direct` is the direct class;
//! - `Indirect` and `IndirectFreeIndirect` (a Konjunktiv report without a
//!   frame, what ANNOTATION.md calls a continuation) are the indirect class;
//! - `FreeIndirect` and `Reported` are not targeted: they are left out of
//!   precision and recall, and reported apart as the share of their tokens
//!   that some predicted quote covers. A predicted quote over them counts
//!   against the indirect (or direct) class like any other false positive.
//!
//! Predicted `Direct` quotes are direct, `Indirect` and `Mixed` indirect.
//!
//! Token level: the tokens of our segmenter (from the annotated [`Doc`]),
//! punctuation tokens (quotation marks included) left out; a token is in a
//! quote when it shares a byte with one of the quote's spans.
//!
//! Instance level: a predicted quote matches a gold quote of the same class
//! when they share at least one such word token (ANNOTATION.md's word-overlap
//! rule); pairs are made one-to-one, largest overlap first. On matched pairs,
//! the speaker is right when the predicted speaker shares a byte with one of
//! the gold speaker's spans, or when both are absent; the cue likewise.
//!
//! The corpus gives an unframed continuation the speaker mention of an
//! earlier sentence, where ANNOTATION.md has no mention and only a
//! `speaker_name`. So a second, lenient speaker figure also counts a pair
//! right when the predicted `speaker_name` shares a capitalised word of four
//! or more letters with the gold speaker's text (*Kennedy* in *Präsident
//! Kennedy* and *John F. Kennedy*).

use std::fmt;
use std::path::Path;

use jiff::civil::Date;
use newsgraph_doc::{CharIndex, Doc, Meta, QuoteKind, Span, Token, TokenKind};
use serde::{Deserialize, Serialize};

use super::{
    class_of, coverage_table, overlapping, predicted_marks, table, token_scores, Class,
    ClassScores, Coverage, EvalError, RunCounts, TokenMarks,
};

/// The corpus's quote types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GoldType {
    /// Verbatim, in quotation marks.
    Direct,
    /// Paraphrase with a frame (*sagte, dass …*).
    Indirect,
    /// Subjunctive report without a frame.
    IndirectFreeIndirect,
    /// The author's voice blended with the speaker's.
    FreeIndirect,
    /// A summary of a speech act.
    Reported,
}

impl GoldType {
    /// Parses the corpus's spelling (`Direct`, `IndirectFreeIndirect`, …).
    pub fn parse(s: &str) -> Option<GoldType> {
        Some(match s {
            "Direct" => GoldType::Direct,
            "Indirect" => GoldType::Indirect,
            "IndirectFreeIndirect" => GoldType::IndirectFreeIndirect,
            "FreeIndirect" => GoldType::FreeIndirect,
            "Reported" => GoldType::Reported,
            _ => return None,
        })
    }

    /// The corpus's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            GoldType::Direct => "Direct",
            GoldType::Indirect => "Indirect",
            GoldType::IndirectFreeIndirect => "IndirectFreeIndirect",
            GoldType::FreeIndirect => "FreeIndirect",
            GoldType::Reported => "Reported",
        }
    }

    fn class(self) -> Option<Class> {
        match self {
            GoldType::Direct => Some(Class::Direct),
            GoldType::Indirect | GoldType::IndirectFreeIndirect => Some(Class::Indirect),
            GoldType::FreeIndirect | GoldType::Reported => None,
        }
    }
}

/// One gold quote; all spans are byte spans of the article text, possibly
/// several (discontinuous) per role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldQuote {
    /// Its type.
    pub kind: GoldType,
    /// The quoted or reported content.
    pub spans: Vec<Span>,
    /// The speaker mention (empty: none annotated).
    pub speaker: Vec<Span>,
    /// The cue (empty: none annotated).
    pub cue: Vec<Span>,
}

/// One article with its gold quotes.
#[derive(Debug, Clone)]
pub struct Article {
    /// `file` (or the Wikinews id) of the record.
    pub id: String,
    /// `originalText`: the body all offsets index.
    pub text: String,
    /// `date`: the publication date.
    pub dct: Option<Date>,
    /// `title`.
    pub title: Option<String>,
    /// Gold quotes, in the file's order.
    pub quotes: Vec<GoldQuote>,
}

impl Article {
    /// A fresh German news [`Doc`] of the article, for the pipeline.
    pub fn doc(&self) -> Doc {
        Doc::with_meta(
            Meta {
                id: self.id.clone(),
                lang: Some("de".into()),
                dct: self.dct,
                title: self.title.clone(),
                ..Meta::default()
            },
            self.text.clone(),
        )
    }
}

#[derive(Deserialize)]
struct RawArticle {
    #[serde(rename = "originalText")]
    text: String,
    #[serde(default)]
    annotations: Vec<RawQuote>,
    #[serde(default)]
    file: Option<String>,
    #[serde(default)]
    wikinews_id: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    date: Option<String>,
}

#[derive(Deserialize)]
struct RawQuote {
    #[serde(rename = "type")]
    kind: String,
    quote: RawRole,
    #[serde(default)]
    speaker: Option<RawRole>,
    #[serde(default)]
    cue: Option<RawRole>,
}

#[derive(Deserialize)]
struct RawRole {
    #[serde(default)]
    spans: Vec<RawSpan>,
}

#[derive(Deserialize)]
struct RawSpan {
    #[serde(rename = "charBegin")]
    begin: usize,
    #[serde(rename = "charEnd")]
    end: usize,
}

/// Parses one line of the corpus. The error says what is wrong (the caller
/// adds file and line).
pub fn parse(line: &str) -> Result<Article, String> {
    let raw: RawArticle =
        serde_json::from_str(line).map_err(|e| format!("not an article record: {e}"))?;
    let index = CharIndex::new(&raw.text);
    let chars = index.char_len();
    let dct = match raw.date.as_deref().filter(|d| !d.is_empty()) {
        None => None,
        Some(d) => Some(
            d.get(..10)
                .and_then(|s| s.parse::<Date>().ok())
                .ok_or_else(|| format!("date {d:?} is not YYYY-MM-DD"))?,
        ),
    };
    let id = raw
        .file
        .clone()
        .or_else(|| {
            raw.wikinews_id.as_ref().map(|v| match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            })
        })
        .unwrap_or_default();
    let mut quotes = Vec::with_capacity(raw.annotations.len());
    for (n, q) in raw.annotations.iter().enumerate() {
        let kind = GoldType::parse(&q.kind).ok_or_else(|| {
            format!(
                "annotation {n}: unknown type {:?} (expected Direct, Indirect, \
                 IndirectFreeIndirect, FreeIndirect or Reported)",
                q.kind
            )
        })?;
        let spans = |role: Option<&RawRole>, name: &str| -> Result<Vec<Span>, String> {
            role.map(|r| r.spans.as_slice())
                .unwrap_or(&[])
                .iter()
                .map(|s| {
                    let bytes = (s.begin <= s.end)
                        .then(|| Some((index.byte_of_char(s.begin)?, index.byte_of_char(s.end)?)))
                        .flatten();
                    bytes.map(|(a, b)| Span::new(a, b)).ok_or_else(|| {
                        format!(
                            "annotation {n}: {name} span {}..{} is not a range of the \
                             {chars}-character text",
                            s.begin, s.end
                        )
                    })
                })
                .collect()
        };
        let quote = spans(Some(&q.quote), "quote")?;
        if quote.is_empty() {
            return Err(format!("annotation {n}: the quote has no span"));
        }
        quotes.push(GoldQuote {
            kind,
            spans: quote,
            speaker: spans(q.speaker.as_ref(), "speaker")?,
            cue: spans(q.cue.as_ref(), "cue")?,
        });
    }
    Ok(Article {
        id,
        text: raw.text,
        dct,
        title: raw.title,
        quotes,
    })
}

/// Reads a corpus file: one article per non-empty line. Any bad line is an
/// error naming the file and the line.
pub fn read(path: &Path) -> Result<Vec<Article>, EvalError> {
    let data = super::read(path)?;
    let mut out = Vec::new();
    for (i, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut a = parse(line).map_err(|problem| EvalError::Format {
            path: path.to_path_buf(),
            problem: format!("line {}: {problem}", i + 1),
        })?;
        if a.id.is_empty() {
            a.id = format!("line {}", i + 1);
        }
        out.push(a);
    }
    if out.is_empty() {
        return Err(EvalError::Empty {
            path: path.to_path_buf(),
            expected: "one JSON article per line with `originalText` and `annotations`",
        });
    }
    Ok(out)
}

/// Gold quotes by type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct GoldCounts {
    /// `Direct`.
    pub direct: usize,
    /// `Indirect`.
    pub indirect: usize,
    /// `IndirectFreeIndirect`.
    pub indirect_free_indirect: usize,
    /// `FreeIndirect`.
    pub free_indirect: usize,
    /// `Reported`.
    pub reported: usize,
}

impl GoldCounts {
    /// All gold quotes.
    pub fn total(&self) -> usize {
        self.direct
            + self.indirect
            + self.indirect_free_indirect
            + self.free_indirect
            + self.reported
    }

    fn count(&mut self, t: GoldType) {
        *match t {
            GoldType::Direct => &mut self.direct,
            GoldType::Indirect => &mut self.indirect,
            GoldType::IndirectFreeIndirect => &mut self.indirect_free_indirect,
            GoldType::FreeIndirect => &mut self.free_indirect,
            GoldType::Reported => &mut self.reported,
        } += 1;
    }

    fn add(&mut self, o: &GoldCounts) {
        self.direct += o.direct;
        self.indirect += o.indirect;
        self.indirect_free_indirect += o.indirect_free_indirect;
        self.free_indirect += o.free_indirect;
        self.reported += o.reported;
    }
}

/// Predicted quotes by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PredictedCounts {
    /// `direct`.
    pub direct: usize,
    /// `indirect`.
    pub indirect: usize,
    /// `mixed` (scored as indirect).
    pub mixed: usize,
}

impl PredictedCounts {
    /// All predicted quotes.
    pub fn total(&self) -> usize {
        self.direct + self.indirect + self.mixed
    }
}

/// Agreement of one role (speaker or cue) on matched quote pairs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Agreement {
    /// Matched pairs.
    pub pairs: usize,
    /// Pairs where the role agrees: the predicted span shares a byte with a
    /// gold span, or both are absent.
    pub correct: usize,
    /// Pairs whose gold quote has the role.
    pub gold_present: usize,
    /// Of those, pairs where the predicted span shares a byte with it.
    pub found: usize,
}

impl Agreement {
    /// `correct / pairs`.
    pub fn accuracy(&self) -> f64 {
        super::ratio(self.correct, self.pairs)
    }

    fn count(&mut self, gold: &[Span], pred: Option<Span>) {
        let hit = pred.is_some_and(|p| gold.iter().any(|g| g.overlaps(p)));
        self.count_hit(!gold.is_empty(), pred.is_some(), hit);
    }

    /// Counts a pair: whether gold and prediction have the role, and whether
    /// the prediction is the gold's.
    fn count_hit(&mut self, gold_present: bool, pred_present: bool, hit: bool) {
        self.pairs += 1;
        if gold_present {
            self.gold_present += 1;
            self.found += usize::from(hit);
            self.correct += usize::from(hit);
        } else {
            self.correct += usize::from(!pred_present);
        }
    }

    fn add(&mut self, o: &Agreement) {
        self.pairs += o.pairs;
        self.correct += o.correct;
        self.gold_present += o.gold_present;
        self.found += o.found;
    }
}

impl Serialize for Agreement {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Agreement", 5)?;
        st.serialize_field("pairs", &self.pairs)?;
        st.serialize_field("correct", &self.correct)?;
        st.serialize_field("accuracy", &self.accuracy())?;
        st.serialize_field("gold_present", &self.gold_present)?;
        st.serialize_field("found", &self.found)?;
        st.end()
    }
}

/// Scores on the news corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Documents run.
    pub run: RunCounts,
    /// Gold quotes by type.
    pub gold: GoldCounts,
    /// Predicted quotes by kind.
    pub predicted: PredictedCounts,
    /// Token-level scores.
    pub tokens: ClassScores,
    /// Instance-level scores (`any`: matched ignoring the class).
    pub instances: ClassScores,
    /// Speaker agreement on pairs matched within their class.
    pub speaker: Agreement,
    /// Speaker agreement counting a shared name word as a hit too.
    pub speaker_or_name: Agreement,
    /// Cue agreement on pairs matched within their class.
    pub cue: Agreement,
    /// `FreeIndirect` coverage (not targeted).
    pub free_indirect: Coverage,
    /// `Reported` coverage (not targeted).
    pub reported: Coverage,
}

impl Scores {
    /// Adds another document's scores.
    pub fn add(&mut self, o: &Scores) {
        self.run.add(&o.run);
        self.gold.add(&o.gold);
        self.predicted.direct += o.predicted.direct;
        self.predicted.indirect += o.predicted.indirect;
        self.predicted.mixed += o.predicted.mixed;
        self.tokens.add(&o.tokens);
        self.instances.add(&o.instances);
        self.speaker.add(&o.speaker);
        self.speaker_or_name.add(&o.speaker_or_name);
        self.cue.add(&o.cue);
        self.free_indirect.add(&o.free_indirect);
        self.reported.add(&o.reported);
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (g, p) = (&self.gold, &self.predicted);
        writeln!(f, "german news quotes: {}", self.run)?;
        writeln!(
            f,
            "gold {} quotes: Direct {}, Indirect {} + IndirectFreeIndirect {} (indirect), \
             FreeIndirect {}, Reported {} (not targeted)",
            g.total(),
            g.direct,
            g.indirect,
            g.indirect_free_indirect,
            g.free_indirect,
            g.reported
        )?;
        writeln!(
            f,
            "predicted {} quotes: direct {}, indirect {}, mixed {} (scored as indirect)\n",
            p.total(),
            p.direct,
            p.indirect,
            p.mixed
        )?;
        writeln!(f, "tokens (our segmenter's, punctuation excluded)")?;
        table(f, "class", &self.tokens.rows("any"))?;
        writeln!(
            f,
            "\ninstances (same class, >= 1 shared word token, one-to-one; any: class ignored)"
        )?;
        table(f, "class", &self.instances.rows("any"))?;
        writeln!(
            f,
            "\non matched pairs {:>7} {:>7} {:>7} {:>12} {:>7}",
            "pairs", "correct", "acc", "gold has one", "found"
        )?;
        for (name, a) in [
            ("speaker", self.speaker),
            ("speaker or name", self.speaker_or_name),
            ("cue", self.cue),
        ] {
            writeln!(
                f,
                "{name:<16} {:>7} {:>7} {:>7.4} {:>12} {:>7}",
                a.pairs,
                a.correct,
                a.accuracy(),
                a.gold_present,
                a.found
            )?;
        }
        writeln!(f)?;
        coverage_table(
            f,
            &[
                ("FreeIndirect", self.free_indirect),
                ("Reported", self.reported),
            ],
        )
    }
}

/// Tokens for scoring when the pipeline left none: runs of letters and digits
/// are words, every other non-space character is punctuation.
fn fallback_tokens(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut word: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            word.get_or_insert(i);
            continue;
        }
        if let Some(s) = word.take() {
            out.push(Token {
                span: Span::new(s, i),
                kind: TokenKind::Word,
            });
        }
        if !c.is_whitespace() {
            out.push(Token {
                span: Span::new(i, i + c.len_utf8()),
                kind: TokenKind::Punct,
            });
        }
    }
    if let Some(s) = word {
        out.push(Token {
            span: Span::new(s, text.len()),
            kind: TokenKind::Word,
        });
    }
    out
}

/// Sorted indices of the scored tokens that share a byte with any of `spans`.
fn words_of(spans: &[Span], tokens: &[Span], scored: &[bool]) -> Vec<usize> {
    let mut v: Vec<usize> = spans
        .iter()
        .flat_map(|s| overlapping(tokens, *s))
        .filter(|&i| scored[i])
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

fn shared(a: &[usize], b: &[usize]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Whether `a` and `b` share a capitalised word of four or more letters.
fn shares_name_word(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4 && w.chars().next().is_some_and(char::is_uppercase))
            .map(str::to_string)
            .collect()
    };
    let wb = words(b);
    words(a).iter().any(|w| wb.contains(w))
}

/// One-to-one pairs `(gold, predicted)` sharing at least one word, largest
/// overlap first (ties: earlier gold, then earlier prediction).
fn match_pairs(gold: &[&[usize]], pred: &[&[usize]]) -> Vec<(usize, usize)> {
    let mut cands: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            let n = shared(g, p);
            if n > 0 {
                cands.push((n, gi, pi));
            }
        }
    }
    cands.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut gu, mut pu) = (vec![false; gold.len()], vec![false; pred.len()]);
    let mut pairs = Vec::new();
    for (_, gi, pi) in cands {
        if !gu[gi] && !pu[pi] {
            gu[gi] = true;
            pu[pi] = true;
            pairs.push((gi, pi));
        }
    }
    pairs
}

/// Scores the quotes of `doc` (the article's text, annotated by the pipeline)
/// against the article's gold. Uses the doc's tokens; when it has none, a
/// plain letter-and-digit tokenisation.
pub fn score(article: &Article, doc: &Doc) -> Scores {
    let fallback;
    let tokens: &[Token] = match doc.tokens() {
        Some(t) => t,
        None => {
            fallback = fallback_tokens(doc.text());
            &fallback
        }
    };
    let spans: Vec<Span> = tokens.iter().map(|t| t.span).collect();
    let scored: Vec<bool> = tokens.iter().map(|t| t.kind != TokenKind::Punct).collect();
    let predicted = doc.quotes.as_deref().unwrap_or(&[]);

    let mut s = Scores {
        run: RunCounts {
            docs: 1,
            ..RunCounts::default()
        },
        ..Scores::default()
    };
    for q in &article.quotes {
        s.gold.count(q.kind);
    }
    for q in predicted {
        match q.kind {
            QuoteKind::Direct => s.predicted.direct += 1,
            QuoteKind::Indirect => s.predicted.indirect += 1,
            QuoteKind::Mixed => s.predicted.mixed += 1,
        }
    }

    // Token level.
    let mut gold_marks = TokenMarks::new(spans.len());
    let mut untargeted = [vec![false; spans.len()], vec![false; spans.len()]];
    for q in &article.quotes {
        for &sp in &q.spans {
            let r = overlapping(&spans, sp);
            match (q.kind.class(), q.kind) {
                (Some(c), _) => gold_marks.mark(c, r),
                (None, GoldType::FreeIndirect) => untargeted[0][r].fill(true),
                (None, _) => untargeted[1][r].fill(true),
            }
        }
    }
    let pred_marks = predicted_marks(doc, &spans);
    s.tokens = token_scores(&gold_marks, &pred_marks, &scored);
    for (cov, marks, kind) in [
        (&mut s.free_indirect, &untargeted[0], GoldType::FreeIndirect),
        (&mut s.reported, &untargeted[1], GoldType::Reported),
    ] {
        cov.instances = article.quotes.iter().filter(|q| q.kind == kind).count();
        for i in (0..spans.len()).filter(|&i| scored[i] && marks[i]) {
            cov.tokens += 1;
            cov.covered += usize::from(pred_marks.any(i));
        }
    }

    // Instance level.
    let gold: Vec<(Class, &GoldQuote, Vec<usize>)> = article
        .quotes
        .iter()
        .filter_map(|q| Some((q.kind.class()?, q, words_of(&q.spans, &spans, &scored))))
        .collect();
    let pred: Vec<(Class, Vec<usize>)> = predicted
        .iter()
        .map(|q| (class_of(q.kind), words_of(&[q.span], &spans, &scored)))
        .collect();
    for class in [Class::Direct, Class::Indirect] {
        let gi: Vec<usize> = (0..gold.len()).filter(|&i| gold[i].0 == class).collect();
        let pi: Vec<usize> = (0..pred.len()).filter(|&i| pred[i].0 == class).collect();
        let gw: Vec<&[usize]> = gi.iter().map(|&i| gold[i].2.as_slice()).collect();
        let pw: Vec<&[usize]> = pi.iter().map(|&i| pred[i].1.as_slice()).collect();
        let pairs = match_pairs(&gw, &pw);
        let prf = match class {
            Class::Direct => &mut s.instances.direct,
            Class::Indirect => &mut s.instances.indirect,
        };
        prf.true_positives = pairs.len();
        prf.predicted = pi.len();
        prf.gold = gi.len();
        for (g, p) in pairs {
            let (gq, pq) = (gold[gi[g]].1, &predicted[pi[p]]);
            let pred_speaker = pq.speaker.as_ref().map(|r| r.span);
            s.speaker.count(&gq.speaker, pred_speaker);
            let mention = pred_speaker.is_some_and(|p| gq.speaker.iter().any(|g| g.overlaps(p)));
            let named = pq.speaker_name.as_deref().is_some_and(|name| {
                let gold: Vec<&str> = gq
                    .speaker
                    .iter()
                    .map(|g| &article.text[g.range()])
                    .collect();
                shares_name_word(&gold.join(" "), name)
            });
            s.speaker_or_name.count_hit(
                !gq.speaker.is_empty(),
                pred_speaker.is_some() || pq.speaker_name.is_some(),
                mention || named,
            );
            s.cue.count(&gq.cue, pq.cue);
        }
    }
    let gw: Vec<&[usize]> = gold.iter().map(|g| g.2.as_slice()).collect();
    let pw: Vec<&[usize]> = pred.iter().map(|p| p.1.as_slice()).collect();
    s.instances.any.true_positives = match_pairs(&gw, &pw).len();
    s.instances.any.predicted = pred.len();
    s.instances.any.gold = gold.len();
    s
}

/// Runs `annotate` (the pipeline) on every article and sums the scores.
pub fn evaluate_articles<F, E>(articles: &[Article], annotate: F) -> Scores
where
    F: FnMut(&mut Doc) -> Result<(), E>,
    E: fmt::Display,
{
    super::evaluate_each(articles, annotate)
}

/// Reads the corpus file at `path` (see [`read`]) and scores `annotate` on it.
pub fn evaluate<F, E>(path: &Path, annotate: F) -> Result<Scores, EvalError>
where
    F: FnMut(&mut Doc) -> Result<(), E>,
    E: fmt::Display,
{
    Ok(evaluate_articles(&read(path)?, annotate))
}

impl super::Sample for Article {
    type Scores = Scores;
    fn name(&self) -> &str {
        &self.id
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
