//! Dates and calendar expressions: ISO and all-numeric dates, day and
//! month, month and year, years, decades, centuries, parts of a period
//! (`Anfang 2023`), seasons, quarters and halves, holidays.

use super::{Cal, Expr, Matcher, Sub, Year, M};
use crate::lexicon::{Cat, HolidayRule, Unit};
use crate::tokens::Kind;

impl Matcher<'_> {
    pub(super) fn p_iso(&self, i: usize) -> M<Expr> {
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

    pub(super) fn p_numeric_date(&self, i: usize) -> M<Expr> {
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
    pub(super) fn p_day_month(&self, i: usize) -> M<Expr> {
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
    pub(super) fn p_month_first(&self, i: usize) -> M<Expr> {
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
    pub(super) fn p_month(&self, i: usize) -> M<Expr> {
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

    pub(super) fn p_year(&self, i: usize) -> M<Expr> {
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

    pub(super) fn p_decade(&self, i: usize) -> M<Expr> {
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

    pub(super) fn p_century(&self, i: usize) -> M<Expr> {
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
    pub(super) fn p_partmod(&self, i: usize) -> M<Expr> {
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

    pub(super) fn p_partword(&self, i: usize) -> M<Expr> {
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

    pub(super) fn p_season(&self, i: usize) -> M<Expr> {
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

    pub(super) fn p_quarter(&self, i: usize) -> M<Expr> {
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

    pub(super) fn p_holiday(&self, i: usize) -> M<Expr> {
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
    pub(super) fn national_day(&self, i: usize) -> Option<(u8, u8)> {
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
}
