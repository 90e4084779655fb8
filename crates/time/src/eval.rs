//! Evaluation against annotated corpora, TempEval-3 style: strict (exact)
//! and relaxed (overlapping) span precision, recall and F1, type and value
//! accuracy on relaxed matches, and value F1 (a relaxed match with the right
//! value counts).
//!
//! Corpora: WikiWarsDE (ACE APF TIMEX2 stand-off; offsets are UTF-8 bytes
//! of the SGML text with its tags removed, END inclusive; run as narrative
//! German) and TimeML `.tml` files (TIMEX3 inline, DCT in the file; run as
//! news).

use std::fmt;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use newsgraph_doc::{DocType, TimexType};

/// Evaluation could not read or understand a corpus.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    /// A file or folder could not be read.
    #[error("cannot read {path}: {source} (check that the corpus folder exists)")]
    Io {
        /// The path.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A file is not in the expected format.
    #[error("{path}: {problem}")]
    Format {
        /// The path.
        path: PathBuf,
        /// What is wrong.
        problem: String,
    },
    /// No document was found.
    #[error("no documents found in {path}: expected in/*.sgm + key/*.xml (WikiWarsDE) or *.tml (TimeML)")]
    Empty {
        /// The folder.
        path: PathBuf,
    },
}

/// One gold temporal expression: a byte range of the document text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTimex {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// TIMEX3 type, when the corpus gives one (TIMEX2 does not).
    pub kind: Option<TimexType>,
    /// Normalised value.
    pub value: Option<String>,
}

/// A document with its gold annotation.
#[derive(Debug, Clone)]
pub struct EvalDoc {
    /// File stem.
    pub name: String,
    /// The text the offsets index.
    pub text: String,
    /// Document creation date.
    pub dct: Option<Date>,
    /// Gold expressions.
    pub gold: Vec<GoldTimex>,
}

/// Counts behind the scores.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TimexScores {
    /// Documents scored.
    pub docs: usize,
    /// Gold expressions.
    pub gold: usize,
    /// System expressions.
    pub system: usize,
    /// Pairs with identical spans.
    pub strict: usize,
    /// Pairs with overlapping spans (includes strict).
    pub relaxed: usize,
    /// Relaxed pairs whose gold has a type.
    pub typed: usize,
    /// Relaxed pairs with the same type.
    pub type_correct: usize,
    /// Relaxed pairs with the same value.
    pub value_correct: usize,
}

fn prf(m: usize, sys: usize, gold: usize) -> (f64, f64, f64) {
    let c = newsgraph_eval::Prf {
        true_positives: m,
        predicted: sys,
        gold,
    };
    (c.precision(), c.recall(), c.f1())
}

impl TimexScores {
    /// Strict span (precision, recall, F1).
    pub fn strict_prf(&self) -> (f64, f64, f64) {
        prf(self.strict, self.system, self.gold)
    }
    /// Relaxed span (precision, recall, F1).
    pub fn relaxed_prf(&self) -> (f64, f64, f64) {
        prf(self.relaxed, self.system, self.gold)
    }
    /// Value (precision, recall, F1): relaxed matches with the right value.
    pub fn value_prf(&self) -> (f64, f64, f64) {
        prf(self.value_correct, self.system, self.gold)
    }
    /// Share of relaxed matches with the right value.
    pub fn value_accuracy(&self) -> f64 {
        ratio(self.value_correct, self.relaxed)
    }
    /// Share of typed relaxed matches with the right type (None: no types in gold).
    pub fn type_accuracy(&self) -> Option<f64> {
        (self.typed > 0).then(|| ratio(self.type_correct, self.typed))
    }

    fn add(&mut self, o: &TimexScores) {
        self.docs += o.docs;
        self.gold += o.gold;
        self.system += o.system;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.typed += o.typed;
        self.type_correct += o.type_correct;
        self.value_correct += o.value_correct;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl fmt::Display for TimexScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (sp, sr, sf) = self.strict_prf();
        let (rp, rr, rf) = self.relaxed_prf();
        let (vp, vr, vf) = self.value_prf();
        writeln!(
            f,
            "docs {}  gold {}  system {}",
            self.docs, self.gold, self.system
        )?;
        writeln!(f, "             P      R      F1")?;
        writeln!(f, "strict   {sp:.3}  {sr:.3}  {sf:.3}")?;
        writeln!(f, "relaxed  {rp:.3}  {rr:.3}  {rf:.3}")?;
        writeln!(f, "value    {vp:.3}  {vr:.3}  {vf:.3}")?;
        match self.type_accuracy() {
            Some(t) => write!(f, "type accuracy {t:.3}  ")?,
            None => write!(f, "type accuracy n/a  ")?,
        }
        write!(f, "value accuracy {:.3}", self.value_accuracy())
    }
}

/// Scores system timexes of one document against its gold.
pub fn score(gold: &[GoldTimex], system: &[newsgraph_doc::Timex]) -> TimexScores {
    let mut s = TimexScores {
        docs: 1,
        gold: gold.len(),
        system: system.len(),
        ..TimexScores::default()
    };
    let mut used = vec![false; system.len()];
    // Exact spans first, then overlaps, so a strict pair is never stolen.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        match system
            .iter()
            .enumerate()
            .find(|(si, t)| !used[*si] && t.span.start == g.start && t.span.end == g.end)
        {
            Some((si, _)) => {
                used[si] = true;
                s.strict += 1;
                pairs.push((gi, si));
            }
            None => open.push(gi),
        }
    }
    for gi in open {
        let g = &gold[gi];
        if let Some((si, _)) = system
            .iter()
            .enumerate()
            .find(|(si, t)| !used[*si] && t.span.start < g.end && g.start < t.span.end)
        {
            used[si] = true;
            pairs.push((gi, si));
        }
    }
    for (gi, si) in pairs {
        let (g, t) = (&gold[gi], &system[si]);
        s.relaxed += 1;
        if let Some(k) = g.kind {
            s.typed += 1;
            s.type_correct += usize::from(k == t.kind);
        }
        if g.value.is_some() && g.value == t.value {
            s.value_correct += 1;
        }
    }
    s
}

/// Runs the tagger on `docs` and sums the scores.
pub fn score_docs(docs: &[EvalDoc], lang: &str, doctype: DocType) -> TimexScores {
    let mut total = TimexScores::default();
    for d in docs {
        let sys = crate::tag(&d.text, Some(lang), d.dct, doctype);
        total.add(&score(&d.gold, &sys));
    }
    total
}

fn read(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn list(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, EvalError> {
    let rd = std::fs::read_dir(dir).map_err(|source| EvalError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut v: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(ext))
        .collect();
    v.sort();
    Ok(v)
}

/// Removes `<…>` tags, keeping the text between them as is.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    // The last occurrence wins: some APF elements repeat VAL, the later one
    // being the value the inline key carries.
    let pat = format!("{name}=\"");
    let start = tag.rfind(&pat)? + pat.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// Loads WikiWarsDE: `dir/in/*.sgm` and `dir/key/*.key.apf.xml` (or `*.xml`).
pub fn load_wikiwars(dir: &Path) -> Result<Vec<EvalDoc>, EvalError> {
    let mut docs = Vec::new();
    for sgm in list(&dir.join("in"), ".sgm")? {
        let stem = sgm
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let key = ["key.apf.xml", "key.xml", "apf.xml"]
            .iter()
            .map(|e| dir.join("key").join(format!("{stem}.{e}")))
            .find(|p| p.exists())
            .ok_or_else(|| EvalError::Format {
                path: sgm.clone(),
                problem: "no key file in key/ with the same name".into(),
            })?;
        let raw = read(&sgm)?;
        let text = strip_tags(&raw);
        let dct = raw
            .split("<DATETIME>")
            .nth(1)
            .and_then(|s| s.trim_start().get(..10))
            .and_then(|s| s.parse::<Date>().ok());
        let apf = read(&key)?;
        let mut gold = Vec::new();
        for chunk in apf.split("<timex2 ").skip(1) {
            let head = &chunk[..chunk.find('>').unwrap_or(0)];
            let value = attr(head, "VAL").map(str::to_string);
            let Some(cs) = chunk.split("<charseq ").nth(1) else {
                continue;
            };
            let (Some(s), Some(e)) = (attr(cs, "START"), attr(cs, "END")) else {
                continue;
            };
            let (Ok(s), Ok(e)) = (s.parse::<usize>(), e.parse::<usize>()) else {
                return Err(EvalError::Format {
                    path: key.clone(),
                    problem: format!("charseq offsets {s:?} {e:?} are not numbers"),
                });
            };
            if e + 1 > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e + 1) {
                return Err(EvalError::Format {
                    path: key.clone(),
                    problem: format!("charseq {s}..={e} is outside the text"),
                });
            }
            gold.push(GoldTimex {
                start: s,
                end: e + 1,
                kind: None,
                value,
            });
        }
        gold.sort_by_key(|g| (g.start, g.end));
        docs.push(EvalDoc {
            name: stem,
            text,
            dct,
            gold,
        });
    }
    if docs.is_empty() {
        return Err(EvalError::Empty {
            path: dir.to_path_buf(),
        });
    }
    Ok(docs)
}

fn decode_entity(s: &str) -> Option<(char, usize)> {
    let end = s.find(';')?;
    let c = match &s[1..end] {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        e if e.starts_with("#x") => char::from_u32(u32::from_str_radix(&e[2..], 16).ok()?)?,
        e if e.starts_with('#') => char::from_u32(e[1..].parse().ok()?)?,
        _ => return None,
    };
    Some((c, end + 1))
}

/// Parses one TimeML document: text of `<TEXT>` without markup, its TIMEX3s, the DCT.
pub fn parse_timeml(name: &str, xml: &str) -> Option<EvalDoc> {
    let dct = xml
        .split("<DCT>")
        .nth(1)
        .and_then(|s| attr(&s[..s.find('>')?], "value"))
        .and_then(|v| v.get(..10))
        .and_then(|v| v.parse::<Date>().ok());
    let body_start = xml.find("<TEXT>")? + "<TEXT>".len();
    let body_end = xml[body_start..].find("</TEXT>")? + body_start;
    let body = &xml[body_start..body_end];
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    let mut open: Option<GoldTimex> = None;
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with('<') {
            let close = rest.find('>')?;
            let tag = &rest[..=close];
            if tag.starts_with("<TIMEX3") {
                open = Some(GoldTimex {
                    start: text.len(),
                    end: text.len(),
                    kind: attr(tag, "type").and_then(TimexType::parse),
                    value: attr(tag, "value").map(str::to_string),
                });
                if tag.ends_with("/>") {
                    open = None;
                }
            } else if tag.starts_with("</TIMEX3") {
                if let Some(mut g) = open.take() {
                    g.end = text.len();
                    gold.push(g);
                }
            }
            i += close + 1;
        } else if rest.starts_with('&') {
            match decode_entity(rest) {
                Some((c, n)) => {
                    text.push(c);
                    i += n;
                }
                None => {
                    text.push('&');
                    i += 1;
                }
            }
        } else {
            let c = rest.chars().next()?;
            text.push(c);
            i += c.len_utf8();
        }
    }
    Some(EvalDoc {
        name: name.to_string(),
        text,
        dct,
        gold,
    })
}

/// Loads every `*.tml` file under `dir` (one level of subfolders too).
pub fn load_timeml(dir: &Path) -> Result<Vec<EvalDoc>, EvalError> {
    let mut files = list(dir, ".tml")?;
    let rd = std::fs::read_dir(dir).map_err(|source| EvalError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut subs: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    subs.sort();
    for sub in subs {
        files.extend(list(&sub, ".tml")?);
    }
    let mut docs = Vec::new();
    for f in files {
        let xml = read(&f)?;
        let name = f
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let doc = parse_timeml(&name, &xml).ok_or_else(|| EvalError::Format {
            path: f.clone(),
            problem: "no <TEXT> element or unbalanced markup".into(),
        })?;
        docs.push(doc);
    }
    if docs.is_empty() {
        return Err(EvalError::Empty {
            path: dir.to_path_buf(),
        });
    }
    Ok(docs)
}

/// Scores the German tagger on all WikiWarsDE documents in `dir`, as narrative.
pub fn eval_wikiwars(dir: &Path) -> Result<TimexScores, EvalError> {
    let docs = load_wikiwars(dir)?;
    Ok(score_docs(&docs, "de", DocType::Narrative))
}

/// WikiWarsDE scores split by the number in the file name: odd documents
/// (used for tuning) and even ones (never looked at while tuning).
#[derive(Debug, Clone, Copy, Default)]
pub struct SplitScores {
    /// Odd-numbered documents.
    pub tuned: TimexScores,
    /// Even-numbered documents.
    pub untouched: TimexScores,
}

impl fmt::Display for SplitScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "tuned (odd-numbered documents)\n{}\n", self.tuned)?;
        write!(f, "untouched (even-numbered documents)\n{}", self.untouched)
    }
}

/// [`eval_wikiwars`] split into tuned (odd) and untouched (even) documents.
pub fn eval_wikiwars_split(dir: &Path) -> Result<SplitScores, EvalError> {
    let docs = load_wikiwars(dir)?;
    let (odd, even): (Vec<EvalDoc>, Vec<EvalDoc>) = docs.into_iter().partition(|d| {
        d.name
            .split('_')
            .next()
            .and_then(|n| n.parse::<u32>().ok())
            .is_some_and(|n| n % 2 == 1)
    });
    Ok(SplitScores {
        tuned: score_docs(&odd, "de", DocType::Narrative),
        untouched: score_docs(&even, "de", DocType::Narrative),
    })
}

/// Scores the tagger for `lang` on the TimeML files under `dir`, as news.
pub fn eval_timeml(dir: &Path, lang: &str) -> Result<TimexScores, EvalError> {
    let docs = load_timeml(dir)?;
    Ok(score_docs(&docs, lang, DocType::News))
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph_doc::{Span, Timex};

    #[test]
    fn strict_and_relaxed_matches_are_counted() {
        let gold = vec![
            GoldTimex {
                start: 0,
                end: 5,
                kind: Some(TimexType::Date),
                value: Some("2024".into()),
            },
            GoldTimex {
                start: 10,
                end: 20,
                kind: Some(TimexType::Date),
                value: Some("2024-06".into()),
            },
        ];
        let sys = vec![
            Timex {
                span: Span::new(0, 5),
                kind: TimexType::Date,
                value: Some("2024".into()),
            },
            Timex {
                span: Span::new(12, 20),
                kind: TimexType::Duration,
                value: Some("2024-05".into()),
            },
            Timex {
                span: Span::new(30, 32),
                kind: TimexType::Date,
                value: None,
            },
        ];
        let s = score(&gold, &sys);
        assert_eq!(
            (s.strict, s.relaxed, s.value_correct, s.type_correct),
            (1, 2, 1, 1)
        );
        assert_eq!(s.system, 3);
        assert!((s.value_accuracy() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn timeml_markup_is_stripped_and_spans_kept() {
        let xml = r#"<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>
<TEXT>A &amp; B <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>.</TEXT>"#;
        let d = parse_timeml("x", xml).unwrap();
        assert_eq!(d.dct, "1998-01-08".parse().ok());
        assert_eq!(&d.text[d.gold[0].start..d.gold[0].end], "yesterday");
        assert!(d.text.starts_with("A & B"));
    }
}
