//! The recognizer: a hand-written grammar over lexicon-tagged tokens. At each
//! token every pattern is tried and the longest match wins; tokens the
//! lexicon does not know (most of the text) are skipped at once.
//!
//! This file holds what a match is ([`Expr`], [`Cand`]) and the loop that
//! tries the patterns; the patterns live by concern: `dates` (calendar
//! dates, years, decades, seasons, holidays), `relative` (deictic and
//! relative expressions), `durations` (durations and sets), `clock` (times
//! of day), on the token tests and building blocks of `helpers`. Grammatical
//! differences between languages are settings of the lexicon
//! ([`crate::lexicon::Rules`]), never a test of the language.

mod clock;
mod dates;
mod durations;
mod helpers;
mod relative;

pub(crate) use durations::duration;

use crate::lexicon::{Cat, HolidayRule, Lexicon, Unit};
use crate::tokens::{Kind, Tok, NONE};

/// A year as written: absolute, relative to a reference year, or missing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Year {
    /// Negative for years before Christ.
    Abs(i32),
    /// Offset from the reference year; `true` when the reference is the
    /// narrative one ("des folgenden Jahres") rather than the document date.
    Rel(i64, bool),
    None,
}

/// Part of a year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Sub {
    Season(&'static str),
    Quarter(u8),
    Half(u8),
}

/// A (possibly partial) calendar date with an optional time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Cal {
    pub year: Year,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub sub: Option<Sub>,
    pub pod: Option<&'static str>,
    pub time: Option<(u8, u8, Option<u8>)>,
    /// Forced direction for an underspecified date: -1 before, +1 after, 0 by tense.
    pub dir: i8,
}

impl Cal {
    fn new(year: Year) -> Cal {
        Cal {
            year,
            month: None,
            day: None,
            sub: None,
            pod: None,
            time: None,
            dir: 0,
        }
    }
}

/// What a recognized expression means, before anchoring.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    Cal(Cal),
    /// `n` units from the reference (document date, or the narrative
    /// reference when `anaphor`).
    Shift {
        unit: Unit,
        n: f64,
        anaphor: bool,
        pod: Option<&'static str>,
    },
    /// "in zehn Tagen": a shift in news, a duration in narrative.
    InFuture {
        unit: Unit,
        n: f64,
    },
    Weekday {
        wd: u8,
        dir: i8,
        pod: Option<&'static str>,
    },
    /// A clock time on the reference day.
    Clock {
        h: u8,
        m: u8,
        s: Option<u8>,
    },
    /// Century index (20th century = 19); negative before Christ.
    Century(i32),
    /// Decade as its first three digits (199 = the 1990s).
    Decade(i32),
    Holiday {
        rule: HolidayRule,
        md: Option<(u8, u8)>,
        year: Year,
    },
    Dur(String),
    Set(String),
    Ref(&'static str),
}

/// A match: tokens `start..end` and their meaning.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    /// UTC offset of a time-zone word after a clock time (`+01`).
    pub tz: Option<&'static str>,
    /// A range word (`seit`, `bis`) precedes: the date bounds a range and
    /// does not become the narrative reference.
    pub noref: bool,
}

pub(crate) struct Matcher<'a> {
    pub toks: &'a [Tok],
    pub lex: &'a Lexicon,
    pub text: &'a str,
}

type M<T> = Option<(T, usize)>;

impl Matcher<'_> {
    /// All candidates, longest-first at each position, non-overlapping.
    pub(crate) fn run(&self) -> Vec<Cand> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            let t = &self.toks[i];
            let worth = match t.kind {
                Kind::Num => true,
                Kind::Word => {
                    let starts = |id: u32| id != NONE && self.lex.starts[id as usize];
                    starts(t.lower_id) || starts(t.exact_id) || self.form(i) == "Q"
                }
                Kind::Punct => false,
            };
            if worth {
                if let Some(c) = self.best_at(i) {
                    i = c.end;
                    out.push(c);
                    continue;
                }
            }
            i += 1;
        }
        out
    }

    fn best_at(&self, i: usize) -> Option<Cand> {
        let pats: [&dyn Fn(usize) -> M<Expr>; 23] = [
            &|i| self.p_ord_dur(i),
            &|i| self.p_iso(i),
            &|i| self.p_numeric_date(i),
            &|i| self.p_day_month(i),
            &|i| self.p_month_first(i),
            &|i| self.p_month(i),
            &|i| self.p_year(i),
            &|i| self.p_decade(i),
            &|i| self.p_century(i),
            &|i| self.p_partmod(i),
            &|i| self.p_partword(i),
            &|i| self.p_season(i),
            &|i| self.p_quarter(i),
            &|i| self.p_rel(i),
            &|i| self.p_dayrel(i),
            &|i| self.p_weekday(i),
            &|i| self.p_ago(i),
            &|i| self.p_amount_unit(i),
            &|i| self.p_set(i),
            &|i| self.p_clock(i),
            &|i| self.p_holiday(i),
            &|i| self.p_word_values(i),
            &|i| self.p_pod(i),
        ];
        let mut best: Option<(Expr, usize, usize)> = None;
        for p in pats {
            if let Some((e, end)) = p(i) {
                if end > i && best.as_ref().is_none_or(|b| end > b.1) {
                    best = Some((e, end, i));
                }
            }
        }
        let (mut expr, mut end, start) = best?;
        // "9. Mai, 23:01 Uhr": a clock time joined to its date.
        if let Expr::Cal(cal) = &mut expr {
            if cal.day.is_some() && cal.time.is_none() && self.punct(end, ",") && self.cont(end + 1)
            {
                if let Some((Expr::Clock { h, m, s }, e2)) = self.p_clock(end + 1) {
                    cal.time = Some((h, m, s));
                    end = e2;
                }
            }
        }
        // A time-zone word right after a clock time belongs to it.
        let mut tz = None;
        if matches!(&expr, Expr::Clock { .. }) || matches!(&expr, Expr::Cal(c) if c.time.is_some())
        {
            if let Some((off, e)) = self.lex(end, |c| match c {
                Cat::Tz(off) => Some(*off),
                _ => None,
            }) {
                if self.cont(end) {
                    end = e;
                    tz = off;
                }
            }
        }
        // Articles open relative expressions and decades: "das kommende Jahr".
        let mut start = start;
        let with_article = matches!(&expr, Expr::Shift { .. } | Expr::Dur(_) | Expr::Decade(_))
            || matches!(&expr, Expr::Cal(c) if matches!(c.sub, Some(Sub::Quarter(_) | Sub::Half(_))));
        if with_article
            && start > 0
            && self.cont(start)
            && self.is1(start - 1, |c| matches!(c, Cat::Article))
        {
            start -= 1;
        }
        let noref = start > 0 && self.is1(start - 1, |c| matches!(c, Cat::NoRef))
            || start > 1
                && self
                    .lex(start - 2, |c| matches!(c, Cat::NoRef).then_some(()))
                    .is_some_and(|(_, e)| e == start)
            // "bis ins Frühjahr", "seit dem Sommer": a range word before the
            // preposition or article.
            || start > 1
                && self.is1(start - 2, |c| matches!(c, Cat::NoRef))
                && self.is1(start - 1, |c| matches!(c, Cat::Prep | Cat::Article));
        Some(Cand {
            start,
            end,
            expr,
            tz,
            noref,
        })
    }
}
