//! Temporal expressions in German and English news: recognition of dates,
//! times, durations and sets, and their TIMEX3 normalisation.
//!
//! Overview:
//! - [`tag`] finds the temporal expressions of a text and gives each a
//!   TIMEX3 type and value (`2024-06-12`, `2024-W25`, `P3D`, `XXXX-WXX-1`,
//!   `PRESENT_REF`, …), anchored to the document date (news) or to the last
//!   date mentioned (narrative, [`DocType::Narrative`]). Underspecified dates
//!   (`im September`, `am Mittwoch`) take the direction of their clause's tense;
//!   `für Donnerstag` points forward, and a clock time takes the day named just
//!   before it. In narratives, each heading returns to the year of its section
//!   (`1862`, `1918 – Intervention`), and an explicit earlier year inside a
//!   section is a flashback that holds only for its sentence and its anaphors.
//! - [`TimexStage`] is the pipeline stage that writes the timex layer of a
//!   [`newsgraph_doc::Doc`].
//! - [`eval`] scores the tagger on WikiWarsDE and TimeML corpora.
//!
//! All language knowledge (month and weekday names, numerals, holidays with
//! their rules, tense cues, and the grammatical traits of `[time.rules]`:
//! whether a day takes an ordinal dot, which way numeric dates run, …) is
//! read from the language packs (`[time.files]` of `resources/<code>/pack.toml`).
//! Each text is tokenized once; a hand-written grammar over lexicon ids finds
//! the longest expression at each token.
//!
//! ```
//! use newsgraph_time::{tag, DocType};
//! let dct = jiff::civil::date(2024, 6, 12);
//! let found = tag("Putin könnte bereits nächste Woche kommen.", Some("de"), Some(dct), DocType::News);
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

use std::sync::OnceLock;

use newsgraph_doc::{Doc, Layer, Span, Stage};
use newsgraph_pack::{Packs, PerPack};

use crate::grammar::{Cal, Expr, Matcher, Year};
use crate::lexicon::Lexicon;
use crate::resolve::{Anchor, RefDate};
use crate::tense::{clause_tense, Tense};
use crate::tokens::{Kind, Tok};

/// Finds and normalises the temporal expressions of `text` in language
/// `lang` with the shipped packs ([`Packs::embedded`]), chosen as
/// [`Packs::for_lang`] does: `None` (unknown) takes the fallback pack, a
/// language without a pack gives none. `dct` is the document creation date;
/// `doctype` says what relative expressions refer to.
pub fn tag(
    text: &str,
    lang: Option<&str>,
    dct: Option<jiff::civil::Date>,
    doctype: DocType,
) -> Vec<Timex> {
    static SHIPPED: OnceLock<TimexStage> = OnceLock::new();
    SHIPPED
        .get_or_init(|| TimexStage::new(&Packs::embedded()))
        .tag(text, lang, dct, doctype)
        .unwrap_or_default()
}

fn tag_impl(
    lex: &Lexicon,
    text: &str,
    dct: Option<jiff::civil::Date>,
    doctype: DocType,
    sentences: Option<&[Span]>,
) -> Vec<Timex> {
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
        flashback: None,
        reference: dct.map(|d| RefDate {
            y: i32::from(d.year()),
            m: Some(d.month() as u8),
            d: Some(d.day() as u8),
        }),
    };
    let mut out = Vec::with_capacity(cands.len());
    let mut s = 0;
    // Narrative structure: headings in order, the year the current section
    // is about, and the heading being read with whether it gave a year yet.
    let headings = if anchor.narrative {
        heading_lines(text)
    } else {
        Vec::new()
    };
    let mut h = 0;
    let mut section_year: Option<i32> = None;
    let mut in_heading: Option<(std::ops::Range<usize>, bool)> = None;
    let mut day_before: Option<(usize, String)> = None;
    let mut flashback_until = 0;
    for i in 0..cands.len() {
        let c = &cands[i];
        while s + 1 < sents.len() && sents[s].end <= c.start {
            s += 1;
        }
        let at = toks[c.start].start;
        while h < headings.len() && headings[h].start <= at {
            // A new section goes back to its own year: a look ahead or a
            // flashback in the previous section does not carry over.
            if let Some(y) = section_year {
                anchor.flashback = None;
                anchor.reference = Some(RefDate {
                    y,
                    m: None,
                    d: None,
                });
            }
            in_heading = Some((headings[h].clone(), false));
            h += 1;
        }
        let heading_first = match &mut in_heading {
            Some((r, seen)) if r.contains(&at) => Some(!std::mem::replace(seen, true)),
            _ => None,
        };
        let ranged;
        let expr = match range_year(lex, text, &toks, &cands, i) {
            Some(e) => {
                ranged = e;
                &ranged
            }
            None => &c.expr,
        };
        let tense = if needs_tense(expr) && !anchor.narrative {
            let sent = sents.get(s).cloned().unwrap_or(0..toks.len());
            let sent = sent.start.min(c.start)..sent.end.max(c.end);
            clause_tense(lex, text, &toks, sent, c.start..c.end)
        } else {
            Tense::Unknown
        };
        // Inside the sentence of a flashback, the story is at the flashback.
        let in_flashback = anchor.flashback.is_some() && flashback_until > at;
        let mut r = if in_flashback {
            let keep = anchor.reference;
            anchor.reference = anchor.flashback;
            let r = anchor.resolve(expr, tense);
            anchor.reference = keep;
            r
        } else {
            anchor.resolve(expr, tense)
        };
        let section = match (heading_first, expr) {
            // A dated day with a clock time is a dateline, not a period.
            (Some(first), Expr::Cal(cal))
                if matches!(cal.year, Year::Abs(_)) && cal.day.is_none() && cal.time.is_none() =>
            {
                Some(first)
            }
            _ => None,
        };
        match section {
            // The first year of a heading ("1918 – Intervention", "Italien
            // 1943 und 1944") is the year of the section; later ones end it.
            Some(true) => {
                section_year = r.new_ref.map(|n| n.y);
                if let Some(new_ref) = r.new_ref {
                    anchor.reference = Some(new_ref);
                    anchor.flashback = None;
                }
            }
            Some(false) => {}
            None => {
                // "am 7. November (25. Oktober)": a gloss in another calendar
                // is not where the story is.
                let gloss = i > 0
                    && c.start >= 1
                    && cands[i - 1].end + 1 == c.start
                    && &text[toks[c.start - 1].start..toks[c.start - 1].end] == "(";
                // An explicit year before the section's one is a flashback:
                // only anaphors ("am selben Tag") follow it.
                let anaphoric = in_flashback
                    || anchor.flashback.is_some()
                        && matches!(
                            expr,
                            Expr::Shift { anaphor: true, .. }
                                | Expr::Cal(Cal {
                                    year: Year::Rel(_, true),
                                    ..
                                })
                        );
                let flashback = anaphoric
                    || matches!(expr, Expr::Cal(cal) if matches!(cal.year, Year::Abs(_)))
                        && matches!((r.new_ref, section_year), (Some(n), Some(y)) if n.y < y);
                if let Some(new_ref) = r.new_ref.filter(|_| !c.noref && !gloss) {
                    if flashback {
                        if !in_flashback {
                            flashback_until = sents.get(s).map_or(0, |r| {
                                toks[r.end.saturating_sub(1).min(toks.len() - 1)].end
                            });
                        }
                        anchor.flashback = Some(new_ref);
                    } else {
                        anchor.reference = Some(new_ref);
                        anchor.flashback = None;
                    }
                }
            }
        }
        // "Freitag um 2.00 Uhr", "am Montag, 14 Uhr": the clock time is on
        // the day just named, even when that day bounds a range.
        if let (Expr::Clock { .. }, Some(v), Some((e, day))) = (expr, r.value.as_mut(), &day_before)
        {
            if clock_follows(lex, text, &toks, *e..c.start) {
                if let Some(t) = v.find('T') {
                    *v = format!("{day}{}", &v[t..]);
                }
            }
        }
        day_before = match (&r.value, expr) {
            (
                Some(v),
                Expr::Weekday { .. } | Expr::Cal(_) | Expr::Holiday { .. } | Expr::Shift { .. },
            ) if r.kind == TimexType::Date && v.len() == 10 && v.as_bytes()[7] == b'-' => {
                Some((c.end, v.clone()))
            }
            _ => None,
        };
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

/// A month without a year that opens a range closed by a dated month
/// (`Mai/Juni 1940`, `März bis Mai 1945`) takes the closing year.
fn range_year(
    lex: &Lexicon,
    text: &str,
    toks: &[Tok],
    cands: &[grammar::Cand],
    i: usize,
) -> Option<Expr> {
    let c = &cands[i];
    let next = cands.get(i + 1)?;
    let (Expr::Cal(cur), Expr::Cal(nx)) = (&c.expr, &next.expr) else {
        return None;
    };
    if cur.year != Year::None || cur.month.is_none() || nx.month.is_none() {
        return None;
    }
    let Year::Abs(y) = nx.year else { return None };
    let gap = &toks[c.end..next.start];
    let linked = gap.len() == 1 && {
        let t = &gap[0];
        t.lower_id != tokens::NONE
            && lex.words[t.lower_id as usize]
                .single
                .contains(&lexicon::Cat::Range)
            && !text[t.start..t.end].contains('\n')
    };
    if !linked || (cur.month, cur.day) > (nx.month, nx.day) {
        return None;
    }
    let mut cal = *cur;
    cal.year = Year::Abs(y);
    Some(Expr::Cal(cal))
}

/// Whether tokens `gap` only join a day to the clock time after it: a comma
/// or a preposition (`um`, `gegen`, `at`), on one line.
fn clock_follows(lex: &Lexicon, text: &str, toks: &[Tok], gap: std::ops::Range<usize>) -> bool {
    gap.len() <= 2
        && toks[gap].iter().all(|t| {
            !t.newline
                && (t.kind == Kind::Punct && &text[t.start..t.end] == ","
                    || t.lower_id != tokens::NONE
                        && lex.words[t.lower_id as usize]
                            .single
                            .contains(&lexicon::Cat::Prep))
        })
}

/// Byte ranges of heading lines: short lines without closing punctuation.
fn heading_lines(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if !t.is_empty()
            && t.chars().count() <= 100
            && !t.ends_with(['.', '!', '?', ':', ';', ',', '"', '“', '«', '»'])
        {
            out.push(pos..pos + line.len());
        }
        pos += line.len();
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

/// The pipeline stage writing [`Layer::Timexes`]: tags `doc.text()` with
/// the pack its language picks, anchored to `doc.meta.dct` as
/// `doc.meta.doctype` says; uses the sentence layer when present.
#[derive(Debug)]
pub struct TimexStage {
    /// Each pack's compiled time lexicon; `None` for a pack without a
    /// `[time]` section.
    lexicons: PerPack<Option<Lexicon>>,
}

impl TimexStage {
    /// The stage for the given language packs: a document is tagged with
    /// the pack its language picks ([`Packs::for_lang`]); in a language
    /// without a pack (or whose pack has no `[time]` section) the layer
    /// stays absent. A pack is compiled on its first document.
    pub fn new(packs: &Packs) -> TimexStage {
        TimexStage {
            lexicons: PerPack::new(packs, |pack| {
                if pack.has_stage(lexicon::STAGE) {
                    Lexicon::from_pack(pack).map(Some)
                } else {
                    Ok(None)
                }
            }),
        }
    }

    /// The temporal expressions of `text` in language `lang` (`None`:
    /// unknown, see [`Packs::for_lang`]), or `None` when the language has
    /// no time pack. `dct` and `doctype` as for [`tag`].
    pub fn tag(
        &self,
        text: &str,
        lang: Option<&str>,
        dct: Option<jiff::civil::Date>,
        doctype: DocType,
    ) -> Option<Vec<Timex>> {
        let lex = self.lexicons.for_lang(lang)?.as_ref()?;
        Some(tag_impl(lex, text, dct, doctype, None))
    }
}

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
        let Some(Some(lex)) = self.lexicons.for_lang(doc.meta.lang.as_deref()) else {
            return; // no pack for the language: the layer stays absent
        };
        let timexes = tag_impl(
            lex,
            doc.text(),
            doc.meta.dct,
            doc.meta.doctype,
            doc.sentences(),
        );
        doc.timexes = Some(timexes);
    }
}
