//! Temporal expressions in German and English news: recognition of dates,
//! times, durations and sets, and their TIMEX3 normalisation.
//!
//! Overview:
//! - [`tag`] finds the temporal expressions of a text and gives each a
//!   TIMEX3 type and value (`2024-06-12`, `2024-W25`, `P3D`, `XXXX-WXX-1`,
//!   `PRESENT_REF`, …), anchored to the document date (news) or to the last
//!   date mentioned (narrative, [`DocType::Narrative`]). Underspecified dates
//!   (`im September`, `am Mittwoch`) take the direction of their clause's tense.
//! - [`TimexStage`] is the pipeline stage that writes the timex layer of a
//!   [`newsgraph_doc::Doc`].
//! - [`eval`] scores the tagger on WikiWarsDE and TimeML corpora.
//!
//! All language knowledge (month and weekday names, numerals, holidays with
//! their rules, tense cues) is read from `resources/<lang>/time/`, compiled in.
//! Each text is tokenized once; a hand-written grammar over lexicon ids finds
//! the longest expression at each token.
//!
//! ```
//! use newsgraph_time::{tag, DocType};
//! let dct = jiff::civil::date(2024, 6, 12);
//! let found = tag("Putin könnte bereits nächste Woche kommen.", "de", Some(dct), DocType::News);
//! assert_eq!(found[0].value.as_deref(), Some("2024-W25"));
//! ```
#![deny(missing_docs)]

pub mod eval;
mod grammar;
mod lexicon;
mod resolve;
mod tense;
mod tokens;

pub use newsgraph_doc::{DocType, Timex, TimexType};

use newsgraph_doc::{Doc, Layer, Span, Stage};

use crate::grammar::{Expr, Matcher, Year};
use crate::resolve::{Anchor, RefDate};
use crate::tense::{clause_tense, Tense};
use crate::tokens::{Kind, Tok};

/// The languages with temporal resources.
pub const LANGUAGES: [&str; 2] = ["de", "en"];

/// Finds and normalises the temporal expressions of `text` in `lang` ("de" or
/// "en"; other languages give none). `dct` is the document creation date;
/// `doctype` says what relative expressions refer to.
pub fn tag(text: &str, lang: &str, dct: Option<jiff::civil::Date>, doctype: DocType) -> Vec<Timex> {
    tag_impl(text, lang, dct, doctype, None)
}

fn tag_impl(
    text: &str,
    lang: &str,
    dct: Option<jiff::civil::Date>,
    doctype: DocType,
    sentences: Option<&[Span]>,
) -> Vec<Timex> {
    let Some(lex) = lexicon::lexicon(lang) else {
        return Vec::new();
    };
    let toks = tokens::tokenize(text, |form, lower| lex.id(form, lower));
    let matcher = Matcher {
        toks: &toks,
        lex,
        text,
    };
    let cands = matcher.run();
    if cands.is_empty() {
        return Vec::new();
    }
    let sents = sentence_ranges(text, &toks, sentences);
    let mut anchor = Anchor {
        dct,
        narrative: doctype == DocType::Narrative,
        reference: dct.map(|d| RefDate {
            y: i32::from(d.year()),
            m: Some(d.month() as u8),
            d: Some(d.day() as u8),
        }),
    };
    let mut out = Vec::with_capacity(cands.len());
    let mut s = 0;
    for c in cands {
        while s + 1 < sents.len() && sents[s].end <= c.start {
            s += 1;
        }
        let tense = if needs_tense(&c.expr) && !anchor.narrative {
            let sent = sents.get(s).cloned().unwrap_or(0..toks.len());
            let sent = sent.start.min(c.start)..sent.end.max(c.end);
            clause_tense(lex, text, &toks, sent, c.start..c.end)
        } else {
            Tense::Unknown
        };
        let mut r = anchor.resolve(&c.expr, tense);
        if let Some(new_ref) = r.new_ref.filter(|_| !c.noref) {
            anchor.reference = Some(new_ref);
        }
        if let (Some(tz), Some(v)) = (c.tz, r.value.as_mut()) {
            if v.contains(':') {
                v.push_str(tz);
            }
        }
        out.push(Timex {
            span: Span::new(toks[c.start].start, toks[c.end - 1].end),
            kind: r.kind,
            value: r.value,
        });
    }
    out
}

fn needs_tense(e: &Expr) -> bool {
    match e {
        Expr::Cal(c) => c.year == Year::None,
        Expr::Weekday { dir: 0, .. } => true,
        Expr::Holiday {
            year: Year::None, ..
        } => true,
        _ => false,
    }
}

/// Token ranges of sentences: from the given sentence spans, or from a
/// simple splitter (sentence punctuation before an upper-case word, not after
/// a number or a one-letter abbreviation; line breaks).
fn sentence_ranges(
    text: &str,
    toks: &[Tok],
    sentences: Option<&[Span]>,
) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    if let Some(spans) = sentences.filter(|s| !s.is_empty()) {
        let mut k = 0;
        for sp in spans {
            let start = k;
            while k < toks.len() && toks[k].start < sp.end {
                k += 1;
            }
            if k > start {
                out.push(start..k);
            }
        }
        if k < toks.len() {
            out.push(k..toks.len());
        }
        return out;
    }
    let mut start = 0;
    for k in 0..toks.len() {
        let next = toks.get(k + 1);
        let brk = match next {
            None => true,
            Some(n) if n.newline => true,
            Some(n) => {
                let t = &toks[k];
                let f = &text[t.start..t.end];
                t.kind == Kind::Punct
                    && matches!(f, "." | "!" | "?")
                    && n.space
                    && (n.upper || n.kind == Kind::Punct)
                    && k > 0
                    && toks[k - 1].kind != Kind::Num
                    && text[toks[k - 1].start..toks[k - 1].end].chars().count() > 1
            }
        };
        if brk {
            out.push(start..k + 1);
            start = k + 1;
        }
    }
    out
}

/// The pipeline stage writing [`Layer::Timexes`]: tags `doc.text()` in the
/// document's language (German when unknown), anchored to `doc.meta.dct`
/// as `doc.meta.doctype` says; uses the sentence layer when present.
#[derive(Debug, Clone, Copy, Default)]
pub struct TimexStage;

impl Stage for TimexStage {
    fn name(&self) -> &'static str {
        "time"
    }

    fn reads(&self) -> &'static [Layer] {
        &[Layer::Lang]
    }

    fn writes(&self) -> &'static [Layer] {
        &[Layer::Timexes]
    }

    fn annotate(&self, doc: &mut Doc) {
        let lang = doc.meta.lang.clone().unwrap_or_else(|| "de".into());
        let timexes = tag_impl(
            doc.text(),
            &lang,
            doc.meta.dct,
            doc.meta.doctype,
            doc.sentences(),
        );
        doc.timexes = Some(timexes);
    }
}
