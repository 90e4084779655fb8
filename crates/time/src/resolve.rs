//! Anchoring: turns a recognized [`Expr`] into a TIMEX3 type and value, given
//! the document date, the last date mentioned and the clause tense.

use jiff::civil::{Date, Weekday};
use newsgraph_doc::TimexType;

use crate::grammar::{duration, Cal, Expr, Sub, Year};
use crate::lexicon::{HolidayRule, Unit};
use crate::tense::Tense;

/// A date as precise as it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RefDate {
    pub y: i32,
    pub m: Option<u8>,
    pub d: Option<u8>,
}

impl RefDate {
    fn from_date(d: Date) -> RefDate {
        RefDate {
            y: i32::from(d.year()),
            m: Some(d.month() as u8),
            d: Some(d.day() as u8),
        }
    }

    fn date(self) -> Option<Date> {
        Date::new(i16::try_from(self.y).ok()?, self.m? as i8, self.d? as i8).ok()
    }
}

/// What relative expressions are anchored to.
pub(crate) struct Anchor {
    pub dct: Option<Date>,
    pub narrative: bool,
    /// The last date mentioned (starts at the document date).
    pub reference: Option<RefDate>,
    /// The last date mentioned when it differs from `reference` (a
    /// flashback): what "am selben Tag", "drei Tage später" refer to.
    pub flashback: Option<RefDate>,
}

/// Result of resolving one expression.
pub(crate) struct Resolved {
    pub kind: TimexType,
    pub value: Option<String>,
    /// The new narrative reference, when the expression fixed a date.
    pub new_ref: Option<RefDate>,
}

fn year_str(y: i32) -> String {
    if y < 0 {
        format!("BC{:04}", -y)
    } else {
        format!("{y:04}")
    }
}

fn date_str(d: Date) -> String {
    format!(
        "{}-{:02}-{:02}",
        year_str(i32::from(d.year())),
        d.month(),
        d.day()
    )
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().days(n)).ok()
}

fn easter(y: i32) -> Option<Date> {
    // Anonymous Gregorian computus (Meeus/Jones/Butcher).
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(i16::try_from(y).ok()?, month as i8, day as i8).ok()
}

fn season_month(s: &str) -> u8 {
    match s {
        "SP" => 4,
        "SU" => 7,
        "FA" => 10,
        _ => 1,
    }
}

impl Anchor {
    fn dct_ref(&self) -> Option<RefDate> {
        self.dct.map(RefDate::from_date)
    }

    /// The anchor of a relative expression: the document date for deictic
    /// ones in news, the last mentioned date otherwise.
    fn base(&self, anaphor: bool) -> Option<RefDate> {
        if anaphor {
            self.flashback.or(self.reference).or_else(|| self.dct_ref())
        } else if self.narrative {
            self.reference.or_else(|| self.dct_ref())
        } else {
            self.dct_ref().or(self.reference)
        }
    }

    /// Picks the year of an underspecified (month, day) relative to `base`.
    fn pick_year(&self, base: RefDate, key: (u8, u8), dir: i8, tense: Tense) -> i32 {
        let Some(bm) = base.m else { return base.y };
        let bkey = (bm, if key.1 == 0 { 0 } else { base.d.unwrap_or(0) });
        let y = base.y;
        let dir = match dir {
            0 if self.narrative => return y,
            0 => match tense {
                Tense::Past => -2,
                Tense::Future => 2,
                _ => 0,
            },
            d => d,
        };
        match dir {
            -2 => {
                if key <= bkey {
                    y
                } else {
                    y - 1
                }
            }
            -1 => {
                if key < bkey {
                    y
                } else {
                    y - 1
                }
            }
            2 => {
                if key >= bkey {
                    y
                } else {
                    y + 1
                }
            }
            1 => {
                if key > bkey {
                    y
                } else {
                    y + 1
                }
            }
            _ => {
                let diff = i32::from(key.0) - i32::from(bm);
                if diff > 6 {
                    y - 1
                } else if diff < -6 {
                    y + 1
                } else {
                    y
                }
            }
        }
    }

    fn year_of(&self, year: Year, key: (u8, u8), dir: i8, tense: Tense) -> Option<i32> {
        match year {
            Year::Abs(y) => Some(y),
            Year::Rel(n, ana) => Some(self.base(ana)?.y + n as i32),
            Year::None => {
                let base = self.base(false)?;
                Some(self.pick_year(base, key, dir, tense))
            }
        }
    }

    pub(crate) fn resolve(&self, expr: &Expr, tense: Tense) -> Resolved {
        let date = |v: Option<String>, r: Option<RefDate>| Resolved {
            kind: TimexType::Date,
            value: v,
            new_ref: r,
        };
        match expr {
            Expr::Cal(cal) => self.cal(cal, tense),
            Expr::Shift {
                unit,
                n,
                anaphor,
                pod,
            } => {
                if self.narrative && !anaphor && *unit == Unit::Day && *n == 0.0 {
                    return date(Some("PRESENT_REF".into()), None);
                }
                self.shift(*unit, *n, *anaphor, *pod)
            }
            Expr::InFuture { unit, n } => {
                if self.narrative {
                    Resolved {
                        kind: TimexType::Duration,
                        value: Some(duration(Some(*n), *unit)),
                        new_ref: None,
                    }
                } else {
                    self.shift(*unit, *n, false, None)
                }
            }
            Expr::Weekday { wd, dir, pod } => self.weekday(*wd, *dir, *pod, tense),
            Expr::Clock { h, m, s } => {
                let base = self.reference.or_else(|| self.dct_ref());
                let day = match base.and_then(RefDate::date) {
                    Some(d) => date_str(d),
                    None => "XXXX-XX-XX".into(),
                };
                let sec = s.map(|s| format!(":{s:02}")).unwrap_or_default();
                Resolved {
                    kind: TimexType::Time,
                    value: Some(format!("{day}T{h:02}:{m:02}{sec}")),
                    new_ref: None,
                }
            }
            Expr::Century(c) => {
                let v = match *c {
                    -100 => "BC00".to_string(),
                    c if c < 0 => format!("BC{:02}", -c),
                    c => format!("{c:02}"),
                };
                date(Some(v), None)
            }
            Expr::Decade(d) => date(Some(format!("{d:03}")), None),
            Expr::Holiday { rule, md, year } => self.holiday(*rule, *md, *year, tense),
            Expr::Dur(v) => Resolved {
                kind: TimexType::Duration,
                value: Some(v.clone()),
                new_ref: None,
            },
            Expr::Set(v) => Resolved {
                kind: TimexType::Set,
                value: Some(v.clone()),
                new_ref: None,
            },
            Expr::Ref(r) => date(Some((*r).to_string()), None),
        }
    }

    fn cal(&self, cal: &Cal, tense: Tense) -> Resolved {
        let key = match (cal.month, cal.sub) {
            (Some(m), _) => (m, cal.day.unwrap_or(0)),
            (None, Some(Sub::Season(s))) => (season_month(s), 0),
            (None, Some(Sub::Quarter(q))) => ((q - 1) * 3 + 1, 0),
            (None, Some(Sub::Half(h))) => ((h - 1) * 6 + 1, 0),
            (None, None) => (1, 0),
        };
        let year = if cal.month.is_none() && cal.sub.is_none() {
            match cal.year {
                Year::None => None,
                y => self.year_of(y, key, cal.dir, tense),
            }
        } else {
            self.year_of(cal.year, key, cal.dir, tense)
        };
        let Some(y) = year else {
            return Resolved {
                kind: TimexType::Date,
                value: None,
                new_ref: None,
            };
        };
        let mut v = year_str(y);
        match (cal.month, cal.sub) {
            (Some(m), _) => {
                v.push_str(&format!("-{m:02}"));
                if let Some(d) = cal.day {
                    v.push_str(&format!("-{d:02}"));
                }
            }
            (None, Some(Sub::Season(s))) => v.push_str(&format!("-{s}")),
            (None, Some(Sub::Quarter(q))) => v.push_str(&format!("-Q{q}")),
            (None, Some(Sub::Half(h))) => v.push_str(&format!("-H{h}")),
            (None, None) => {}
        }
        let mut kind = TimexType::Date;
        if let Some((h, m, s)) = cal.time {
            kind = TimexType::Time;
            v.push_str(&format!("T{h:02}:{m:02}"));
            if let Some(s) = s {
                v.push_str(&format!(":{s:02}"));
            }
        } else if let Some(p) = cal.pod {
            kind = TimexType::Time;
            v.push_str(&format!("T{p}"));
        }
        let new_ref = Some(RefDate {
            y,
            m: cal.month.or(match cal.sub {
                Some(Sub::Season(s)) => Some(season_month(s)),
                _ => None,
            }),
            d: cal.day.filter(|_| cal.month.is_some()),
        });
        Resolved {
            kind,
            value: Some(v),
            new_ref,
        }
    }

    fn shift(&self, unit: Unit, n: f64, anaphor: bool, pod: Option<&'static str>) -> Resolved {
        let none = Resolved {
            kind: TimexType::Date,
            value: None,
            new_ref: None,
        };
        let Some(base) = self.base(anaphor) else {
            return none;
        };
        // Fractions move to the next smaller unit ("vor anderthalb Jahren").
        let (unit, n) = match unit {
            Unit::Year if n.fract() != 0.0 => (Unit::Month, (n * 12.0).round() as i64),
            Unit::HalfYear => (Unit::Month, (n * 6.0).round() as i64),
            _ => (unit, n.round() as i64),
        };
        let day = base.date();
        // A look back ("zwei Jahre zuvor", "Ende des vorangegangenen Jahres")
        // is a flashback: the narrative time stays where it was.
        let forward = n >= 0;
        let ok = |v: String, r: RefDate| Resolved {
            kind: TimexType::Date,
            value: Some(v),
            new_ref: forward.then_some(r),
        };
        // In a story, "zwei Wochen später" after a day is a day again.
        let (unit, n) = match (unit, day) {
            (Unit::Week, Some(_)) if self.narrative && anaphor => (Unit::Day, 7 * n),
            _ => (unit, n),
        };
        match unit {
            Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => {
                let step = if unit == Unit::Day { n } else { 0 };
                let Some(d) = day.and_then(|d| add_days(d, step)) else {
                    // "am selben Tag" after "im September": as precise as the reference.
                    if step == 0 && pod.is_none() {
                        let v = match base.m {
                            Some(m) => format!("{}-{m:02}", year_str(base.y)),
                            None => year_str(base.y),
                        };
                        return Resolved {
                            kind: TimexType::Date,
                            value: Some(v),
                            new_ref: None,
                        };
                    }
                    return none;
                };
                let mut v = date_str(d);
                let mut kind = TimexType::Date;
                if let Some(p) = pod {
                    v.push_str(&format!("T{p}"));
                    kind = TimexType::Time;
                }
                Resolved {
                    kind,
                    value: Some(v),
                    new_ref: forward.then(|| RefDate::from_date(d)),
                }
            }
            Unit::Week | Unit::Weekend => {
                let Some(d) = day.and_then(|d| add_days(d, 7 * n)) else {
                    return none;
                };
                let w = d.iso_week_date();
                let mut v = format!("{}-W{:02}", year_str(i32::from(w.year())), w.week());
                if unit == Unit::Weekend {
                    v.push_str("-WE");
                }
                ok(v, RefDate::from_date(d))
            }
            Unit::Month => {
                let Some(m) = base.m else { return none };
                let total = i64::from(base.y) * 12 + i64::from(m) - 1 + n;
                let (y, m) = (
                    total.div_euclid(12) as i32,
                    (total.rem_euclid(12) + 1) as u8,
                );
                ok(
                    format!("{}-{m:02}", year_str(y)),
                    RefDate {
                        y,
                        m: Some(m),
                        d: None,
                    },
                )
            }
            Unit::Quarter => {
                let Some(m) = base.m else { return none };
                let total = i64::from(base.y) * 4 + i64::from((m - 1) / 3) + n;
                let (y, q) = (total.div_euclid(4) as i32, total.rem_euclid(4) + 1);
                ok(
                    format!("{}-Q{q}", year_str(y)),
                    RefDate {
                        y,
                        m: Some((q as u8 - 1) * 3 + 1),
                        d: None,
                    },
                )
            }
            Unit::Year | Unit::HalfYear => {
                let y = base.y + n as i32;
                ok(
                    year_str(y),
                    RefDate {
                        y,
                        m: None,
                        d: None,
                    },
                )
            }
            Unit::Decade => Resolved {
                kind: TimexType::Date,
                value: Some(format!("{:03}", base.y.div_euclid(10) + n as i32)),
                new_ref: None,
            },
            Unit::Century | Unit::Millennium => Resolved {
                kind: TimexType::Date,
                value: Some(format!("{:02}", base.y.div_euclid(100) + n as i32)),
                new_ref: None,
            },
        }
    }

    fn weekday(&self, wd: u8, dir: i8, pod: Option<&'static str>, tense: Tense) -> Resolved {
        let kind = if pod.is_some() {
            TimexType::Time
        } else {
            TimexType::Date
        };
        let Some(base) = self.base(false).and_then(RefDate::date) else {
            let v = match pod {
                Some(p) => format!("XXXX-WXX-{wd}T{p}"),
                None => format!("XXXX-WXX-{wd}"),
            };
            return Resolved {
                kind,
                value: Some(v),
                new_ref: None,
            };
        };
        let cur = i64::from(base.weekday().to_monday_one_offset());
        let fwd = (i64::from(wd) - cur).rem_euclid(7); // 0..6 days ahead
        let back = (cur - i64::from(wd)).rem_euclid(7); // 0..6 days back
        let dir = match dir {
            0 if self.narrative => 2,
            0 => match tense {
                Tense::Past => -2,
                Tense::Future => 2,
                _ => 0,
            },
            d => d,
        };
        let off = match dir {
            -2 => -back,
            -1 => -(if back == 0 { 7 } else { back }),
            2 => fwd,
            1 => {
                if fwd == 0 {
                    7
                } else {
                    fwd
                }
            }
            _ => {
                if fwd <= back {
                    fwd
                } else {
                    -back
                }
            }
        };
        let _ = Weekday::Monday;
        let Some(d) = add_days(base, off) else {
            return Resolved {
                kind,
                value: None,
                new_ref: None,
            };
        };
        let mut v = date_str(d);
        if let Some(p) = pod {
            v.push_str(&format!("T{p}"));
        }
        Resolved {
            kind,
            value: Some(v),
            new_ref: Some(RefDate::from_date(d)),
        }
    }

    fn holiday(
        &self,
        rule: HolidayRule,
        md: Option<(u8, u8)>,
        year: Year,
        tense: Tense,
    ) -> Resolved {
        let none = Resolved {
            kind: TimexType::Date,
            value: None,
            new_ref: None,
        };
        let on = |y: i32| -> Option<Date> {
            match rule {
                HolidayRule::Fixed(m, d, _) => {
                    Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok()
                }
                HolidayRule::Easter(off) => add_days(easter(y)?, i64::from(off)),
                HolidayRule::Nth(k, wd, m) => {
                    let first = Date::new(i16::try_from(y).ok()?, m as i8, 1).ok()?;
                    first
                        .nth_weekday_of_month(k, Weekday::from_monday_one_offset(wd as i8).ok()?)
                        .ok()
                }
                HolidayRule::National => {
                    let (m, d) = md?;
                    Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok()
                }
            }
        };
        let y = match year {
            Year::Abs(y) => Some(y),
            Year::Rel(n, ana) => self.base(ana).map(|b| b.y + n as i32),
            Year::None => self.base(false).and_then(|b| {
                let d = on(b.y)?;
                Some(self.pick_year(b, (d.month() as u8, d.day() as u8), 0, tense))
            }),
        };
        match y.and_then(on) {
            Some(d) => Resolved {
                kind: TimexType::Date,
                value: Some(date_str(d)),
                new_ref: Some(RefDate::from_date(d)),
            },
            None => none,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computus_gives_known_easter_sundays() {
        assert_eq!(easter(2024), Date::new(2024, 3, 31).ok());
        assert_eq!(easter(2025), Date::new(2025, 4, 20).ok());
        assert_eq!(easter(1954), Date::new(1954, 4, 18).ok());
    }
}
