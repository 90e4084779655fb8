//! Times of day: clock times (`19.30 Uhr`, `8 p.m.`, `Mittag`) and parts
//! of the day (`am Abend`, `Morgen des 12. Mai 1945`).

use super::{Expr, Matcher, M};
use crate::lexicon::{Cat, Unit};

impl Matcher<'_> {
    pub(super) fn p_clock(&self, i: usize) -> M<Expr> {
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

    /// `Morgen des 12. Mai 1945`, `am Abend`, `in der Nacht`.
    pub(super) fn p_pod(&self, i: usize) -> M<Expr> {
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
