//! What the patterns share: looking at tokens (kind, spacing, lexicon
//! categories) and the building blocks of expressions (a day, a month, a
//! year with its suffix, an amount, a unit, a part of the day).

use super::{Matcher, Year, M};
use crate::lexicon::{Cat, Unit};
use crate::tokens::{Kind, Tok, NONE};

impl<'a> Matcher<'a> {
    pub(super) fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    /// Token `i` continues an expression: it exists and no line break precedes it.
    pub(super) fn cont(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.newline)
    }

    pub(super) fn adjacent(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space)
    }

    pub(super) fn form(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .map(|t| &self.text[t.start..t.end])
            .unwrap_or("")
    }

    pub(super) fn punct(&self, i: usize, p: &str) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Punct) && self.form(i) == p
    }

    pub(super) fn num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        (t.kind == Kind::Num).then(|| (t.num, t.end - t.start))
    }

    /// The longest lexicon entry at `i` for which `f` gives a value.
    pub(super) fn lex<T>(&self, i: usize, f: impl Fn(&Cat) -> Option<T>) -> M<T> {
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

    pub(super) fn is(&self, i: usize, f: impl Fn(&Cat) -> bool) -> bool {
        self.lex(i, |c| f(c).then_some(())).is_some()
    }

    pub(super) fn is1(&self, i: usize, f: impl Fn(&Cat) -> bool) -> bool {
        // Single-token entries only.
        self.tok(i).is_some_and(|t| {
            [t.lower_id, t.exact_id]
                .iter()
                .any(|&id| id != NONE && self.lex.words[id as usize].single.iter().any(&f))
        })
    }

    pub(super) fn known(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.lower_id != NONE || t.exact_id != NONE)
    }

    pub(super) fn prev_is_prep(&self, i: usize) -> bool {
        i > 0
            && self.is1(i - 1, |c| {
                matches!(c, Cat::Prep | Cat::PartMod | Cat::Range)
            })
    }

    /// Past an early/late adjective ("späten", "frühen") at `i`.
    pub(super) fn skip_modadj(&self, i: usize) -> usize {
        match self.lex(i, |c| matches!(c, Cat::ModAdj).then_some(())) {
            Some(((), e)) if self.cont(e) => e,
            _ => i,
        }
    }

    /// A year number at `i` with an optional era: (year, next). Years before
    /// Christ are negative. Four-digit numbers need no era.
    pub(super) fn year_num(&self, i: usize, strict: bool) -> M<i32> {
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
    pub(super) fn day(&self, i: usize) -> M<u8> {
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

    pub(super) fn month(&self, i: usize) -> M<(u8, bool)> {
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
    pub(super) fn year_suffix(&self, i: usize) -> M<Year> {
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
    pub(super) fn amount(&self, i: usize) -> M<Option<f64>> {
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

    pub(super) fn unit(&self, i: usize) -> M<(Unit, bool)> {
        if !self.cont(i) {
            return None;
        }
        self.lex(i, |c| match c {
            Cat::Unit(u, pl) => Some((*u, *pl)),
            _ => None,
        })
    }

    pub(super) fn pod(&self, i: usize) -> M<&'static str> {
        if !self.cont(i) {
            return None;
        }
        self.lex(i, |c| match c {
            Cat::Pod(p) => Some(*p),
            _ => None,
        })
    }
}
