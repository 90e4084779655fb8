//! Relative and deictic expressions: `nächste Woche`, `gestern Abend`,
//! `am Mittwoch`, `vor zwei Wochen`, `two weeks ago`, and single words with
//! a fixed value (`derzeit`, `tags darauf`).

use super::durations::duration;
use super::{Cal, Expr, Matcher, Year, M};
use crate::lexicon::{Cat, Unit};

impl Matcher<'_> {
    /// `nächste Woche`, `vergangenen Monat`, `nächsten Montag`, `letzten September`,
    /// `den nächsten vier Tagen` (a duration).
    pub(super) fn p_rel(&self, i: usize) -> M<Expr> {
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

    pub(super) fn p_dayrel(&self, i: usize) -> M<Expr> {
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

    pub(super) fn p_weekday(&self, i: usize) -> M<Expr> {
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
    pub(super) fn p_ago(&self, i: usize) -> M<Expr> {
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

    pub(super) fn p_word_values(&self, i: usize) -> M<Expr> {
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
}
