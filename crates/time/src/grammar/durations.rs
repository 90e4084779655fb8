//! Durations and sets: `drei Jahre`, `zwei Tage später`, `in zehn Tagen`,
//! `ersten beiden Tagen`, `jeden Montag`, `monatlich`, and their TIMEX3
//! values (`P3Y`, `PT48H`, `XXXX-WXX-1`).

use super::{Expr, Matcher, M};
use crate::lexicon::{Cat, Unit};

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

impl Matcher<'_> {
    /// `drei Jahre`, `48 Stunden`, `zwei Tage später`, `nach zwei Tagen`,
    /// `in zehn Tagen` (starting at the amount), `mehrere Wochen`.
    pub(super) fn p_amount_unit(&self, i: usize) -> M<Expr> {
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
    pub(super) fn p_ord_dur(&self, i: usize) -> M<Expr> {
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

    pub(super) fn p_set(&self, i: usize) -> M<Expr> {
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
}
