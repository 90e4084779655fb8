//! The recognizer: a hand-written grammar over lexicon-tagged tokens. At each
//! token every pattern is tried and the longest match wins; tokens the
//! lexicon does not know (most of the text) are skipped at once.

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

fn unit_code(u: Unit) -> Option<(&'static str, bool)> {
    // (designator, needs the T of a time duration)
    Some(match u {
        Unit::Day => ("D", false),
        Unit::Week => ("W", false),
        Unit::Month => ("M", false),
        Unit::Year => ("Y", false),
        Unit::Quarter => ("Q", false),
        Unit::Hour => ("H", true),
        Unit::Minute => ("M", true),
        Unit::Second => ("S", true),
        Unit::Decade => ("DE", false),
        Unit::Century => ("CE", false),
        Unit::Millennium => ("ML", false),
        Unit::Weekend => ("WE", false),
        Unit::HalfYear => ("HY", false),
    })
}

/// A TIMEX3 duration value: `P3D`, `PT48H`, `PXW` (`n` None = unknown amount).
pub(crate) fn duration(n: Option<f64>, unit: Unit) -> String {
    let Some((code, t)) = unit_code(unit) else {
        return "PX".into();
    };
    // "anderthalb Jahre": whole years and the rest in months.
    if let (Some(x), Unit::Year) = (n, unit) {
        if x > 1.0 && x.fract() != 0.0 {
            return format!(
                "P{}Y{}M",
                x.trunc() as i64,
                (x.fract() * 12.0).round() as i64
            );
        }
    }
    // Express halves in the next smaller unit where TIMEX3 has no fractions.
    let (n, code, t) = match (n, unit) {
        (Some(x), Unit::Century) if x.fract() != 0.0 => (Some(x * 10.0), "DE", false),
        (Some(x), Unit::Decade) if x.fract() != 0.0 => (Some(x * 10.0), "Y", false),
        (Some(x), Unit::Year) if x.fract() != 0.0 => (Some(x * 12.0), "M", false),
        (Some(x), Unit::Month) if x.fract() != 0.0 => (Some(x * 30.0), "D", false),
        (Some(x), Unit::Day) if x.fract() != 0.0 => (Some(x * 24.0), "H", true),
        (Some(x), Unit::Hour) if x.fract() != 0.0 => (Some(x * 60.0), "M", true),
        (Some(x), Unit::HalfYear) => (Some(x * 6.0), "M", false),
        (Some(x), Unit::Quarter) => (Some(x * 3.0), "M", false),
        (n, Unit::Weekend) => (n.map(|x| x * 2.0), "D", false),
        other => (other.0, code, t),
    };
    let amount = match n {
        Some(x) if x.fract() == 0.0 => format!("{}", x as i64),
        Some(x) => format!("{x}"),
        None => "X".into(),
    };
    format!("P{}{amount}{code}", if t { "T" } else { "" })
}

impl<'a> Matcher<'a> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    /// Token `i` continues an expression: it exists and no line break precedes it.
    fn cont(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.newline)
    }

    fn adjacent(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space)
    }

    fn form(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .map(|t| &self.text[t.start..t.end])
            .unwrap_or("")
    }

    fn punct(&self, i: usize, p: &str) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Punct) && self.form(i) == p
    }

    fn num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        (t.kind == Kind::Num).then(|| (t.num, t.end - t.start))
    }

    /// The longest lexicon entry at `i` for which `f` gives a value.
    fn lex<T>(&self, i: usize, f: impl Fn(&Cat) -> Option<T>) -> M<T> {
        let t = self.tok(i)?;
        let mut best: M<T> = None;
        for id in [t.lower_id, t.exact_id] {
            if id == NONE {
                continue;
            }
            let w = &self.lex.words[id as usize];
            for (rest, cat) in &w.multi {
                let end = i + 1 + rest.len();
                if best.as_ref().is_some_and(|b| b.1 >= end) {
                    continue;
                }
                let ok = rest.iter().enumerate().all(|(k, (rid, _))| {
                    self.cont(i + 1 + k) && self.toks[i + 1 + k].lower_id == *rid
                });
                if ok {
                    if let Some(v) = f(cat) {
                        best = Some((v, end));
                    }
                }
            }
            if best.is_none() {
                if let Some(v) = w.single.iter().find_map(&f) {
                    best = Some((v, i + 1));
                }
            }
        }
        best
    }

    fn is(&self, i: usize, f: impl Fn(&Cat) -> bool) -> bool {
        self.lex(i, |c| f(c).then_some(())).is_some()
    }

    fn is1(&self, i: usize, f: impl Fn(&Cat) -> bool) -> bool {
        // Single-token entries only.
        self.tok(i).is_some_and(|t| {
            [t.lower_id, t.exact_id]
                .iter()
                .any(|&id| id != NONE && self.lex.words[id as usize].single.iter().any(&f))
        })
    }

    fn known(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.lower_id != NONE || t.exact_id != NONE)
    }

    fn prev_is_prep(&self, i: usize) -> bool {
        i > 0
            && self.is1(i - 1, |c| {
                matches!(c, Cat::Prep | Cat::PartMod | Cat::Range)
            })
    }

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

    // ---- building blocks ----

    /// Past an early/late adjective ("späten", "frühen") at `i`.
    fn skip_modadj(&self, i: usize) -> usize {
        match self.lex(i, |c| matches!(c, Cat::ModAdj).then_some(())) {
            Some(((), e)) if self.cont(e) => e,
            _ => i,
        }
    }

    /// A year number at `i` with an optional era: (year, next). Years before
    /// Christ are negative. Four-digit numbers need no era.
    fn year_num(&self, i: usize, strict: bool) -> M<i32> {
        let (n, digits) = self.num(i)?;
        if self.adjacent(i + 1)
            && (self.punct(i + 1, ".") || self.punct(i + 1, ","))
            && self.num(i + 2).is_some()
            && self.adjacent(i + 2)
        {
            return None; // 1.939 or 1939,5: a number, not a year
        }
        if self.adjacent(i + 1)
            && self.tok(i + 1).is_some_and(|t| t.kind == Kind::Word)
            && !self.is(i + 1, |c| matches!(c, Cat::Era(_)))
        {
            return None; // 1990er, 1990s
        }
        if let Some((bc, e)) = self.lex(i + 1, |c| match c {
            Cat::Era(bc) => Some(*bc),
            _ => None,
        }) {
            if digits <= 4 && n > 0 && self.cont(i + 1) {
                return Some((if bc { -(n as i32) } else { n as i32 }, e));
            }
        }
        if digits == 4 && (1000..=2100).contains(&n) {
            return Some((n as i32, i + 1));
        }
        if !strict && (digits == 3 || digits == 4) && n > 0 {
            return Some((n as i32, i + 1));
        }
        None
    }

    /// A day of month at `i`: `12.`, `12` (English), `12th`, `zwölften`: (day, next).
    fn day(&self, i: usize) -> M<u8> {
        if let Some((n, digits)) = self.num(i) {
            if !(1..=31).contains(&n) || digits > 2 {
                return None;
            }
            if self.punct(i + 1, ".") && self.adjacent(i + 1) && self.lex.rules.day_ordinal_dot {
                return Some((n as u8, i + 2));
            }
            // English ordinal suffix.
            let suf = self.form(i + 1);
            if self.adjacent(i + 1) && matches!(suf, "st" | "nd" | "rd" | "th") {
                return Some((n as u8, i + 2));
            }
            if !self.lex.rules.day_ordinal_dot {
                return Some((n as u8, i + 1));
            }
            return None;
        }
        self.lex(i, |c| match c {
            Cat::Ord(n) if (1..=31).contains(n) => Some(*n as u8),
            _ => None,
        })
    }

    fn month(&self, i: usize) -> M<(u8, bool)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Word || !t.upper {
            return None;
        }
        self.lex(i, |c| match c {
            Cat::Month(m, ctx) => Some((*m, *ctx)),
            _ => None,
        })
    }

    /// A year after a month or season: `2024`, `, 2024`, `des Jahres 1940`,
    /// `letzten Jahres`, `des folgenden Jahres`, `desselben Jahres`, `last year`.
    fn year_suffix(&self, i: usize) -> M<Year> {
        if !self.cont(i) {
            return None;
        }
        if let Some((y, e)) = self.year_num(i, true) {
            return Some((Year::Abs(y), e));
        }
        if self.punct(i, ",") && self.cont(i + 1) {
            if let Some((y, e)) = self.year_num(i + 1, true) {
                if (self.num(i + 1)?.1) == 4 {
                    return Some((Year::Abs(y), e));
                }
            }
        }
        let mut j = i;
        let mut had_prep = false;
        if self.is1(j, |c| matches!(c, Cat::Prep)) && self.cont(j + 1) {
            j += 1;
            had_prep = true;
        }
        let yeargen = |k: usize| {
            self.is1(k, |c| {
                matches!(c, Cat::YearGen | Cat::Unit(Unit::Year, false))
            })
        };
        if let Some(((n, ana), e)) = self.lex(j, |c| match c {
            Cat::Rel(n, a) => Some((*n, *a)),
            _ => None,
        }) {
            if self.cont(e) && yeargen(e) {
                return Some((Year::Rel(n, ana), e + 1));
            }
            // "desselben Jahres" reads REL at the article position.
            return None;
        }
        if had_prep && yeargen(j) {
            if self.cont(j + 1) {
                if let Some((y, e)) = self.year_num(j + 1, false) {
                    return Some((Year::Abs(y), e));
                }
            }
            return Some((Year::Rel(0, true), j + 1));
        }
        None
    }

    /// An amount: digits, a numeral, or a vague quantity (None): (amount, next).
    fn amount(&self, i: usize) -> M<Option<f64>> {
        let mut j = i;
        // Approximators ("etwa", "mehr als") stay inside the expression.
        if let Some(((), e)) = self.lex(j, |c| matches!(c, Cat::NotYearBefore).then_some(())) {
            if self.cont(e) {
                j = e;
            }
        }
        if let Some((n, digits)) = self.num(j) {
            if digits > 4 {
                return None;
            }
            if (self.punct(j + 1, ",") || self.punct(j + 1, "."))
                && self.adjacent(j + 1)
                && self.adjacent(j + 2)
            {
                if let Some((f, fd)) = self.num(j + 2) {
                    let v = n as f64 + f as f64 / 10f64.powi(fd as i32);
                    return Some((Some(v), j + 3));
                }
                return None;
            }
            return Some((Some(n as f64), j + 1));
        }
        let (v, e) = self.lex(j, |c| match c {
            Cat::Num(n) => Some(Some(*n)),
            Cat::Vague => Some(None),
            _ => None,
        })?;
        // "ein halbes Jahr"
        if v == Some(1.0) {
            if let Some((Some(h), e2)) = self.lex(e, |c| match c {
                Cat::Num(n) if *n < 1.0 => Some(Some(*n)),
                _ => None,
            }) {
                return Some((Some(h), e2));
            }
        }
        Some((v, e))
    }

    fn unit(&self, i: usize) -> M<(Unit, bool)> {
        if !self.cont(i) {
            return None;
        }
        self.lex(i, |c| match c {
            Cat::Unit(u, pl) => Some((*u, *pl)),
            _ => None,
        })
    }

    fn pod(&self, i: usize) -> M<&'static str> {
        if !self.cont(i) {
            return None;
        }
        self.lex(i, |c| match c {
            Cat::Pod(p) => Some(*p),
            _ => None,
        })
    }

    // ---- patterns ----

    fn p_iso(&self, i: usize) -> M<Expr> {
        let (y, yd) = self.num(i)?;
        let (m, md) = self.num(i + 2)?;
        let (d, dd) = self.num(i + 4)?;
        if yd != 4 || md != 2 || dd != 2 || !self.punct(i + 1, "-") || !self.punct(i + 3, "-") {
            return None;
        }
        if !(1..=12).contains(&m)
            || !(1..=31).contains(&d)
            || !(1..=4).all(|k| self.adjacent(i + k))
        {
            return None;
        }
        let mut cal = Cal::new(Year::Abs(y as i32));
        cal.month = Some(m as u8);
        cal.day = Some(d as u8);
        let mut end = i + 5;
        if self.adjacent(end) && matches!(self.form(end), "T" | "t") {
            if let (Some((h, _)), true, Some((mi, _))) = (
                self.num(end + 1),
                self.punct(end + 2, ":"),
                self.num(end + 3),
            ) {
                let mut s = None;
                let mut e = end + 4;
                if self.punct(e, ":") {
                    if let Some((sec, _)) = self.num(e + 1) {
                        s = Some(sec as u8);
                        e += 2;
                    }
                }
                if h <= 24 && mi < 60 {
                    cal.time = Some((h as u8, mi as u8, s));
                    end = e;
                }
            }
        }
        Some((Expr::Cal(cal), end))
    }

    fn p_numeric_date(&self, i: usize) -> M<Expr> {
        let (a, ad) = self.num(i)?;
        if ad > 2 || (i > 0 && self.adjacent(i) && self.toks[i - 1].kind != Kind::Word) {
            return None;
        }
        let rules = &self.lex.rules;
        let sep = rules.numeric_date_separator.as_str();
        let (b, bd) = self.num(i + 2)?;
        if !self.punct(i + 1, sep) || !self.adjacent(i + 1) || !self.adjacent(i + 2) || bd > 2 {
            return None;
        }
        let (day, month) = if rules.numeric_date_month_first {
            (b, a)
        } else {
            (a, b)
        };
        if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
            return None;
        }
        if !self.punct(i + 3, sep) || !self.adjacent(i + 3) {
            return None;
        }
        let mut cal = Cal::new(Year::None);
        cal.month = Some(month as u8);
        cal.day = Some(day as u8);
        if let Some((y, yd)) = self.num(i + 4) {
            if self.adjacent(i + 4) || (rules.numeric_date_year_optional && self.cont(i + 4)) {
                let y = match yd {
                    4 => y as i32,
                    2 if y <= 30 => 2000 + y as i32,
                    2 => 1900 + y as i32,
                    _ => return None,
                };
                cal.year = Year::Abs(y);
                return Some((Expr::Cal(cal), i + 5));
            }
        }
        if !rules.numeric_date_year_optional || self.num(i + 4).is_some() {
            return None;
        }
        Some((Expr::Cal(cal), i + 4))
    }

    /// `[Montag,] 12. Juni [2024]`, `zwölften Juni`, `12 June 2024`, `the 12th of June`.
    fn p_day_month(&self, i: usize) -> M<Expr> {
        let mut j = i;
        if let Some((_, e)) = self.lex(j, |c| match c {
            Cat::Weekday(w) => Some(*w),
            _ => None,
        }) {
            j = e;
            if self.punct(j, ",") {
                j += 1;
            }
            if self.is1(j, |c| matches!(c, Cat::Prep)) {
                j += 1; // "Montag, den 12. Juni"
            }
            if !self.cont(j) {
                return None;
            }
        }
        let (d, mut k) = self.day(j)?;
        // "vom 12. bis 15. Mai": the first day borrows the month of the second.
        if let Some((_, e)) = self.lex(k, |c| matches!(c, Cat::Range).then_some(())) {
            if self.cont(e) {
                if let Some((_, e2)) = self.day(e) {
                    if let Some(((m, _), _)) = self.month(e2) {
                        let year = match self.p_day_month(e) {
                            Some((Expr::Cal(c), _)) => c.year,
                            _ => Year::None,
                        };
                        if self.num(j).is_some() || self.month(k).is_none() {
                            let mut cal = Cal::new(year);
                            cal.month = Some(m);
                            cal.day = Some(d);
                            return Some((Expr::Cal(cal), k));
                        }
                    }
                }
            }
        }
        let link = self.lex.rules.day_of_month_word.as_str();
        if !link.is_empty() && self.form(k) == link {
            k += 1;
        }
        if !self.cont(k) {
            return None;
        }
        let ((m, _), e) = self.month(k)?;
        let mut cal = Cal::new(Year::None);
        cal.month = Some(m);
        cal.day = Some(d);
        let mut end = e;
        if let Some((y, e2)) = self.year_suffix(end) {
            cal.year = y;
            end = e2;
        }
        Some((Expr::Cal(cal), end))
    }

    /// English `June 12, 2024`, `June 12`.
    fn p_month_first(&self, i: usize) -> M<Expr> {
        if !self.lex.rules.month_before_day {
            return None;
        }
        let ((m, _), e) = self.month(i)?;
        let (d, mut end) = self.day(e)?;
        if self.num(e).is_some_and(|(_, dd)| dd > 2) {
            return None;
        }
        let mut cal = Cal::new(Year::None);
        cal.month = Some(m);
        cal.day = Some(d);
        if self.punct(end, ",") && self.cont(end + 1) {
            if let Some((y, e2)) = self.year_num(end + 1, true) {
                cal.year = Year::Abs(y);
                end = e2;
            }
        } else if let Some((y, e2)) = self.year_suffix(end) {
            cal.year = y;
            end = e2;
        }
        Some((Expr::Cal(cal), end))
    }

    /// `Juni 2024`, `Juni`, `September letzten Jahres`, `April des Jahres 1940`.
    fn p_month(&self, i: usize) -> M<Expr> {
        let ((m, ctx), e) = self.month(i)?;
        if self.punct(e, "-") && self.adjacent(e) {
            return None; // "Mai-Majewski"
        }
        let mut cal = Cal::new(Year::None);
        cal.month = Some(m);
        if let Some((y, e2)) = self.year_suffix(e) {
            cal.year = y;
            return Some((Expr::Cal(cal), e2));
        }
        if ctx && !self.prev_is_prep(i) {
            return None;
        }
        // "Mai" followed by a name-like capitalised word is more likely a name part.
        Some((Expr::Cal(cal), e))
    }

    fn p_year(&self, i: usize) -> M<Expr> {
        // "Jahr 1939", "Jahres 1864", "Jahre 1960".
        if let Some(((Unit::Year, _), e)) = self.unit(i) {
            if self.cont(e) {
                if let Some((y, e2)) = self.year_num(e, false) {
                    return Some((Expr::Cal(Cal::new(Year::Abs(y))), e2));
                }
            }
            return None;
        }
        let (y, e) = self.year_num(i, true)?;
        let (_, digits) = self.num(i)?;
        if digits == 4 && y > 0 {
            // A four-digit number is a year unless a quantity word follows or
            // precedes, or it is glued to other digits.
            if self.cont(e) && self.is(e, |c| matches!(c, Cat::NotYear)) {
                return None;
            }
            if i > 0 && self.is1(i - 1, |c| matches!(c, Cat::NotYearBefore)) {
                return None;
            }
            if i >= 2
                && self.form(i - 1) == "als"
                && self.is1(i - 2, |c| matches!(c, Cat::NotYearBefore))
            {
                return None;
            }
            if self.tok(e).is_some_and(|t| {
                !t.space && t.kind == Kind::Punct && matches!(self.form(e), "%" | "€" | "$")
            }) {
                return None;
            }
            if i > 0
                && self.adjacent(i)
                && matches!(self.form(i - 1), "." | "," | "$" | "€" | "/" | "#")
            {
                return None;
            }
            // "1370 Landungsboote": a capitalised unknown word after a number
            // with no date preposition before it is what is counted.
            let prep = i > 0
                && self.is1(i - 1, |c| {
                    matches!(c, Cat::Prep | Cat::NoRef | Cat::PartMod)
                });
            if !prep
                && self.cont(e)
                && self.tok(e).is_some_and(|t| t.kind == Kind::Word && t.upper)
                && !self.known(e)
            {
                return None;
            }
        }
        Some((Expr::Cal(Cal::new(Year::Abs(y))), e))
    }

    fn p_decade(&self, i: usize) -> M<Expr> {
        if let Some((n, digits)) = self.num(i) {
            let suffix = self.form(i + 1);
            if !self.adjacent(i + 1) || !matches!(suffix, "er" | "s" | "ern") || n % 10 != 0 {
                return None;
            }
            let dec = match digits {
                4 => (n / 10) as i32,
                2 => 190 + (n / 10) as i32,
                _ => return None,
            };
            let mut end = i + 2;
            if self.punct(end, "-") && self.adjacent(end) {
                end += 1;
            }
            if let Some(((Unit::Year | Unit::Decade, true), e)) = self.unit(end) {
                end = e;
            } else if self.punct(i + 2, "-") {
                end = i + 2;
            }
            return Some((Expr::Decade(dec), end));
        }
        let (d, e) = self.lex(i, |c| match c {
            Cat::DecadeWord(d) => Some(*d),
            _ => None,
        })?;
        match self.unit(e) {
            Some(((Unit::Year, true), e2)) => Some((Expr::Decade(190 + d as i32), e2)),
            _ if !self.lex.rules.decade_article.is_empty()
                && i > 0
                && self.form(i - 1) == self.lex.rules.decade_article =>
            {
                Some((Expr::Decade(190 + d as i32), e))
            }
            _ => None,
        }
    }

    fn p_century(&self, i: usize) -> M<Expr> {
        let (n, e) = self.day(i).or_else(|| {
            self.lex(i, |c| match c {
                Cat::Ord(n) => Some(*n as u8),
                _ => None,
            })
        })?;
        let (u, mut end) = self.unit(e)?;
        if u.0 != Unit::Century || u.1 {
            return None;
        }
        let mut c = n as i32 - 1;
        if let Some((bc, e2)) = self.lex(end, |c| match c {
            Cat::Era(bc) => Some(*bc),
            _ => None,
        }) {
            if bc {
                c = -(n as i32 - 1);
                if n == 1 {
                    c = -100; // marker for BC00, see resolve
                }
            }
            end = e2;
        }
        Some((Expr::Century(c), end))
    }

    /// `Anfang 2023`, `Mitte Juni`, `Ende des Jahres`, `Anfang der 1990er Jahre`.
    fn p_partmod(&self, i: usize) -> M<Expr> {
        let ((), mut j) = self.lex(i, |c| matches!(c, Cat::PartMod).then_some(()))?;
        if self.punct(j, "-") && self.adjacent(j) {
            j += 1;
        }
        if !self.cont(j) {
            return None;
        }
        let inner = |k: usize| -> M<Expr> {
            let cands = [
                self.p_day_month(k),
                self.p_month(k),
                self.p_year(k),
                self.p_decade(k),
                self.p_century(k),
                self.p_season(k),
                self.p_rel(k),
                self.p_weekday(k),
            ];
            cands.into_iter().flatten().max_by_key(|(_, e)| *e)
        };
        if let Some(r) = inner(j) {
            return Some(r);
        }
        if self.is1(j, |c| matches!(c, Cat::Prep)) && self.cont(j + 1) {
            if let Some(r) = inner(j + 1) {
                return Some(r);
            }
            // "Ende des Jahres", "Anfang der Woche", "the end of the month"
            let mut k = j + 1;
            if self.is1(k, |c| matches!(c, Cat::Prep)) && self.cont(k + 1) {
                k += 1;
            }
            if let Some(((u @ (Unit::Year | Unit::Month | Unit::Week), false), e)) = self.unit(k) {
                return Some((
                    Expr::Shift {
                        unit: u,
                        n: 0.0,
                        anaphor: true,
                        pod: None,
                    },
                    e,
                ));
            }
        }
        None
    }

    fn p_partword(&self, i: usize) -> M<Expr> {
        let (u, e) = self.lex(i, |c| match c {
            Cat::PartWord(u) => Some(*u),
            _ => None,
        })?;
        if u == Unit::Year && self.cont(e) {
            if let Some((y, e2)) = self.year_num(e, true) {
                return Some((Expr::Cal(Cal::new(Year::Abs(y))), e2));
            }
        }
        Some((
            Expr::Shift {
                unit: u,
                n: 0.0,
                anaphor: true,
                pod: None,
            },
            e,
        ))
    }

    fn p_season(&self, i: usize) -> M<Expr> {
        let i = self.skip_modadj(i);
        let mut j = i;
        let mut dir = 0i8;
        let mut rel = None;
        if let Some(((n, ana), e)) = self.lex(i, |c| match c {
            Cat::Rel(n, a) => Some((*n, *a)),
            _ => None,
        }) {
            j = e;
            dir = n.signum() as i8;
            rel = Some((n, ana));
        }
        if !self.cont(j) {
            return None;
        }
        let (s, e) = self.lex(j, |c| match c {
            Cat::Season(s) => Some(*s),
            _ => None,
        })?;
        if self.lex.rules.season_needs_cue
            && rel.is_none()
            && !self.tok(j)?.upper
            && !self.prev_is_prep(j)
            && self.year_suffix(e).is_none()
        {
            return None; // "prices fall"
        }
        let mut cal = Cal::new(Year::None);
        cal.sub = Some(Sub::Season(s));
        cal.dir = dir;
        if let Some((0, ana)) = rel {
            cal.year = Year::Rel(0, ana);
        }
        let mut end = e;
        if let Some((y, e2)) = self.year_suffix(e) {
            cal.year = y;
            end = e2;
        }
        Some((Expr::Cal(cal), end))
    }

    fn p_quarter(&self, i: usize) -> M<Expr> {
        let (sub, e) = if self.form(i) == "Q" && self.adjacent(i + 1) {
            let (n, _) = self.num(i + 1)?;
            if !(1..=4).contains(&n) {
                return None;
            }
            (Sub::Quarter(n as u8), i + 2)
        } else {
            let (n, e) = self.day(i).or_else(|| {
                self.lex(i, |c| match c {
                    Cat::Ord(n) => Some(*n as u8),
                    _ => None,
                })
            })?;
            let e = if self.punct(e, "-") && self.adjacent(e) {
                e + 1
            } else {
                e
            };
            match self.unit(e)? {
                ((Unit::Quarter, false), e2) if (1..=4).contains(&n) => (Sub::Quarter(n), e2),
                ((Unit::HalfYear, false), e2) if (1..=2).contains(&n) => (Sub::Half(n), e2),
                _ => return None,
            }
        };
        let mut cal = Cal::new(Year::Rel(0, true));
        cal.sub = Some(sub);
        let mut end = e;
        if let Some((y, e2)) = self.year_suffix(e) {
            cal.year = y;
            end = e2;
        }
        Some((Expr::Cal(cal), end))
    }

    /// `nächste Woche`, `vergangenen Monat`, `nächsten Montag`, `letzten September`,
    /// `den nächsten vier Tagen` (a duration).
    fn p_rel(&self, i: usize) -> M<Expr> {
        let ((n, anaphor), e) = self.lex(i, |c| match c {
            Cat::Rel(n, a) => Some((*n, *a)),
            _ => None,
        })?;
        if !self.cont(e) {
            return None;
        }
        if let Some(((u, pl), e2)) = self.unit(e) {
            if pl {
                // "in diesen Jahren", "den folgenden Monaten": an unknown stretch.
                return Some((Expr::Dur(duration(None, u)), e2));
            }
            return Some((
                Expr::Shift {
                    unit: u,
                    n: n as f64,
                    anaphor,
                    pod: None,
                },
                e2,
            ));
        }
        if let Some(((wd, pod), e2)) = self.lex(e, |c| match c {
            Cat::Weekday(w) => Some((*w, None)),
            Cat::WeekdayPod(w, p) => Some((*w, Some(*p))),
            _ => None,
        }) {
            if anaphor && n == 0 {
                return None;
            }
            return Some((
                Expr::Weekday {
                    wd,
                    dir: n.signum() as i8,
                    pod,
                },
                e2,
            ));
        }
        if let Some(((m, _), e2)) = self.month(e) {
            let mut cal = Cal::new(if n == 0 {
                Year::Rel(0, anaphor)
            } else {
                Year::None
            });
            cal.month = Some(m);
            cal.dir = n.signum() as i8;
            return Some((Expr::Cal(cal), e2));
        }
        // "die nächsten vier Tage", "the past three years": a duration.
        if n != 0 {
            if let Some((amt, e2)) = self.amount(e) {
                if let Some(((u, _), e3)) = self.unit(e2) {
                    return Some((Expr::Dur(duration(amt, u)), e3));
                }
            }
        }
        None
    }

    fn p_dayrel(&self, i: usize) -> M<Expr> {
        let ((n, anaphor, pod), e) = self.lex(i, |c| match c {
            Cat::DayRel(n, a, p) => Some((*n, *a, *p)),
            _ => None,
        })?;
        let mut pod = pod;
        let mut end = e;
        if pod.is_none() {
            if let Some((p, e2)) = self.pod(e) {
                pod = Some(p);
                end = e2;
            }
        }
        Some((
            Expr::Shift {
                unit: Unit::Day,
                n: n as f64,
                anaphor,
                pod,
            },
            end,
        ))
    }

    fn p_weekday(&self, i: usize) -> M<Expr> {
        if !self.tok(i)?.upper && self.lex.rules.nouns_capitalised {
            return None;
        }
        let ((wd, mut pod), e) = self.lex(i, |c| match c {
            Cat::Weekday(w) => Some((*w, None)),
            Cat::WeekdayPod(w, p) => Some((*w, Some(*p))),
            _ => None,
        })?;
        let mut end = e;
        if pod.is_none() {
            if let Some((p, e2)) = self.pod(e) {
                pod = Some(p);
                end = e2;
            }
        }
        Some((Expr::Weekday { wd, dir: 0, pod }, end))
    }

    /// `vor zwei Wochen`, `two weeks ago`, `vor Jahren`.
    fn p_ago(&self, i: usize) -> M<Expr> {
        if self.is1(i, |c| matches!(c, Cat::AgoPre)) && self.cont(i + 1) {
            if let Some((amt, e)) = self.amount(i + 1) {
                if let Some(((u, _), e2)) = self.unit(e) {
                    return Some((
                        match amt {
                            Some(n) => Expr::Shift {
                                unit: u,
                                n: -n,
                                anaphor: false,
                                pod: None,
                            },
                            None => Expr::Ref("PAST_REF"),
                        },
                        e2,
                    ));
                }
            }
            if let Some(((_, true), e2)) = self.unit(i + 1) {
                return Some((Expr::Ref("PAST_REF"), e2));
            }
        }
        let (amt, e) = self.amount(i)?;
        let ((u, _), e2) = self.unit(e)?;
        if self.cont(e2) && self.is1(e2, |c| matches!(c, Cat::AgoPost)) {
            return Some((
                match amt {
                    Some(n) => Expr::Shift {
                        unit: u,
                        n: -n,
                        anaphor: false,
                        pod: None,
                    },
                    None => Expr::Ref("PAST_REF"),
                },
                e2 + 1,
            ));
        }
        None
    }

    /// `drei Jahre`, `48 Stunden`, `zwei Tage später`, `nach zwei Tagen`,
    /// `in zehn Tagen` (starting at the amount), `mehrere Wochen`.
    fn p_amount_unit(&self, i: usize) -> M<Expr> {
        // "nach drei Tagen" is a duration with "nach" as its signal (TimeML
        // leaves the preposition out), as annotated in WikiWarsDE.
        if self.is1(i, |c| matches!(c, Cat::AfterPre)) {
            return None;
        }
        let after_pre = false;
        let start = i;
        let (amt, e) = self.amount(start)?;
        let mut k = e;
        if self.punct(k, "-") && self.adjacent(k) && self.adjacent(k + 1) {
            k += 1; // "Sieben-Tage"
        }
        let ((u, _), e2) = self.unit(k)?;
        if self.cont(e2) && self.is1(e2, |c| matches!(c, Cat::AgeWord)) {
            return None;
        }
        if matches!(u, Unit::Century | Unit::Decade) && amt.is_some_and(|n| n >= 100.0) {
            return None;
        }
        if let Some((sign, e3)) = self.lex(e2, |c| match c {
            Cat::After(s) => Some(*s),
            _ => None,
        }) {
            if self.cont(e2) && !after_pre {
                return Some((
                    match amt {
                        Some(n) => Expr::Shift {
                            unit: u,
                            n: n * sign as f64,
                            anaphor: true,
                            pod: None,
                        },
                        None => Expr::Ref(if sign > 0 { "FUTURE_REF" } else { "PAST_REF" }),
                    },
                    e3,
                ));
            }
        }
        if after_pre {
            return amt.map(|n| {
                (
                    Expr::Shift {
                        unit: u,
                        n,
                        anaphor: true,
                        pod: None,
                    },
                    e2,
                )
            });
        }
        if i > 0 && self.is1(i - 1, |c| matches!(c, Cat::InFut)) {
            if let Some(n) = amt {
                if !matches!(u, Unit::Decade | Unit::Century | Unit::Millennium) {
                    return Some((Expr::InFuture { unit: u, n }, e2));
                }
            }
        }
        Some((Expr::Dur(duration(amt, u)), e2))
    }

    /// `ersten beiden Tagen` (P2D), `ersten Jahren` (PXY): a stretch at the start.
    fn p_ord_dur(&self, i: usize) -> M<Expr> {
        if self.num(i).is_some() {
            return None;
        }
        let (_, e) = self.lex(i, |c| match c {
            Cat::Ord(n) => Some(*n),
            _ => None,
        })?;
        if !self.cont(e) {
            return None;
        }
        if let Some(((u, true), e2)) = self.unit(e) {
            return Some((Expr::Dur(duration(None, u)), e2));
        }
        let (Some(n), e2) = self.amount(e)? else {
            return None;
        };
        match self.unit(e2)? {
            ((u, true), e3) => Some((Expr::Dur(duration(Some(n), u)), e3)),
            _ => None,
        }
    }

    fn p_set(&self, i: usize) -> M<Expr> {
        if let Some((v, e)) = self.lex(i, |c| match c {
            Cat::Set(v) => Some(*v),
            _ => None,
        }) {
            return Some((Expr::Set(v.to_string()), e));
        }
        let ((), e) = self.lex(i, |c| matches!(c, Cat::Every).then_some(()))?;
        if !self.cont(e) {
            return None;
        }
        if let Some(((u, _), e2)) = self.unit(e) {
            return Some((Expr::Set(duration(Some(1.0), u)), e2));
        }
        if let Some((Some(n), e2)) = self.amount(e) {
            if let Some(((u, _), e3)) = self.unit(e2) {
                return Some((Expr::Set(duration(Some(n), u)), e3));
            }
        }
        if let Some(((wd, pod), e2)) = self.lex(e, |c| match c {
            Cat::Weekday(w) => Some((*w, None)),
            Cat::WeekdayPod(w, p) => Some((*w, Some(*p))),
            _ => None,
        }) {
            let v = match pod {
                Some(p) => format!("XXXX-WXX-{wd}T{p}"),
                None => format!("XXXX-WXX-{wd}"),
            };
            return Some((Expr::Set(v), e2));
        }
        if let Some((p, e2)) = self.pod(e) {
            return Some((Expr::Set(format!("XXXX-XX-XXT{p}")), e2));
        }
        if let Some(((m, _), e2)) = self.month(e) {
            return Some((Expr::Set(format!("XXXX-{m:02}")), e2));
        }
        None
    }

    fn p_clock(&self, i: usize) -> M<Expr> {
        if let Some(((h, m), e)) = self.lex(i, |c| match c {
            Cat::TimeWord(h, m) => Some((*h, *m)),
            _ => None,
        }) {
            return Some((Expr::Clock { h, m, s: None }, e));
        }
        let (h, hd) = self.num(i)?;
        if h > 24 || hd > 2 {
            return None;
        }
        let mut m = 0;
        let mut end = i + 1;
        let mut has_clock = false;
        let mut colon = false;
        if (self.punct(i + 1, ".") || self.punct(i + 1, ":"))
            && self.adjacent(i + 1)
            && self.adjacent(i + 2)
        {
            let (mm, md) = self.num(i + 2)?;
            if md != 2 || mm > 59 {
                return None;
            }
            colon = self.punct(i + 1, ":");
            m = mm;
            end = i + 3;
        }
        if self.cont(end) && self.is1(end, |c| matches!(c, Cat::Clock)) {
            has_clock = true;
            end += 1;
            // "9 Uhr 30"
            if m == 0 && end == i + 2 {
                if let Some((mm, 2)) = self.num(end) {
                    if mm < 60 && self.cont(end) {
                        m = mm;
                        end += 1;
                    }
                }
            }
        }
        let mut h = h;
        if let Some((pm, e)) = self.lex(end, |c| match c {
            Cat::AmPm(pm) => Some(*pm),
            _ => None,
        }) {
            if self.cont(end) && h <= 12 {
                has_clock = true;
                if pm && h < 12 {
                    h += 12;
                } else if !pm && h == 12 {
                    h = 0;
                }
                end = e;
            }
        }
        if !has_clock && !colon {
            return None;
        }
        if !has_clock && colon && self.num(end).is_some() {
            return None;
        }
        // "8 Uhr abends"
        if let Some((p, e)) = self.pod(end) {
            if has_clock {
                if matches!(p, "AF" | "EV" | "NI") && (1..12).contains(&h) && !(p == "NI" && h < 5)
                {
                    h += 12;
                }
                end = e;
            }
        }
        Some((
            Expr::Clock {
                h: h as u8,
                m: m as u8,
                s: None,
            },
            end,
        ))
    }

    fn p_holiday(&self, i: usize) -> M<Expr> {
        let (rule, e) = self.lex(i, |c| match c {
            Cat::Holiday(r) => Some(*r),
            _ => None,
        })?;
        let md = match rule {
            HolidayRule::National => Some(self.national_day(i)?),
            _ => None,
        };
        let mut year = Year::None;
        let mut end = e;
        if let HolidayRule::Fixed(_, _, Some(y)) = rule {
            year = Year::Abs(y);
        } else if self.cont(e) {
            if let Some((y, e2)) = self.year_num(e, true) {
                year = Year::Abs(y);
                end = e2;
            }
        }
        Some((Expr::Holiday { rule, md, year }, end))
    }

    /// The national day of the country named by the adjective before token `i`.
    fn national_day(&self, i: usize) -> Option<(u8, u8)> {
        let prev = i.checked_sub(1)?;
        let mut form = self.form(prev).to_lowercase();
        if prev >= 2 && self.punct(prev - 1, "-") && self.adjacent(prev) {
            form = format!("{}-{form}", self.form(prev - 2).to_lowercase());
        }
        self.lex
            .national
            .iter()
            .find(|(stem, _, _)| form.starts_with(stem.as_str()))
            .map(|(_, m, d)| (*m, *d))
    }

    fn p_word_values(&self, i: usize) -> M<Expr> {
        self.lex(i, |c| match c {
            Cat::Ref(r) => Some(Expr::Ref(r)),
            Cat::DurWord(v) => Some(Expr::Dur(v.to_string())),
            Cat::UnitRel(u, n, a) => Some(Expr::Shift {
                unit: *u,
                n: *n as f64,
                anaphor: *a,
                pod: None,
            }),
            _ => None,
        })
        .or_else(|| {
            // "seit Jahren": an unknown stretch.
            if i > 0 && self.is1(i - 1, |c| matches!(c, Cat::Since)) {
                if let Some(((u, true), e)) = self.unit(i) {
                    return Some((Expr::Dur(duration(None, u)), e));
                }
            }
            None
        })
    }

    /// `Morgen des 12. Mai 1945`, `am Abend`, `in der Nacht`.
    fn p_pod(&self, i: usize) -> M<Expr> {
        let i = self.skip_modadj(i);
        let t = self.tok(i)?;
        let (p, e) = self.pod(i)?;
        if self.cont(e) && self.is1(e, |c| matches!(c, Cat::Prep)) {
            if let Some((Expr::Cal(mut cal), e2)) = self.p_day_month(e + 1) {
                cal.pod = Some(p);
                return Some((Expr::Cal(cal), e2));
            }
        }
        // A noun for a part of the day after "am", "gegen", "in der".
        let prep_before = i > 0 && self.is1(i - 1, |c| matches!(c, Cat::Prep));
        if t.upper && prep_before && !self.known(e) {
            return Some((
                Expr::Shift {
                    unit: Unit::Day,
                    n: 0.0,
                    anaphor: true,
                    pod: Some(p),
                },
                e,
            ));
        }
        None
    }
}
