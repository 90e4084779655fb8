//! The per-language lexicon: every word and phrase the grammar knows, read
//! once from a language pack's `[time.files]` into one hash table of forms,
//! with the grammatical settings of its `[time.rules]`. Tokens carry the id
//! of their form, so the grammar compares integers.

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, OnceLock};

use newsgraph_pack::{Pack, PackError};

use crate::tokens::{tokenize, Kind, NONE};

/// The pack stage whose files and rules this lexicon is built from.
pub(crate) const STAGE: &str = "time";

/// A unit of time, as in TIMEX3 duration and granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Year,
    Quarter,
    Hour,
    Minute,
    Second,
    Decade,
    Century,
    Millennium,
    Weekend,
    HalfYear,
}

impl Unit {
    fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "D" => Unit::Day,
            "W" => Unit::Week,
            "M" => Unit::Month,
            "Y" => Unit::Year,
            "Q" => Unit::Quarter,
            "H" => Unit::Hour,
            "MIN" => Unit::Minute,
            "S" => Unit::Second,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            "MIL" => Unit::Millennium,
            "WE" => Unit::Weekend,
            "HY" => Unit::HalfYear,
            _ => return None,
        })
    }
}

/// How a holiday's date is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HolidayRule {
    /// Month, day, and a year for one-off days (`D-Day`).
    Fixed(u8, u8, Option<i32>),
    /// Days after Easter Sunday.
    Easter(i32),
    /// K-th (negative: from the end) weekday (1 = Monday) of a month.
    Nth(i8, u8, u8),
    /// A national day: the country comes from the adjective before it.
    National,
}

/// Tense class of a verb form or cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TenseCue {
    Fut,
    Past,
    Pres,
    Aux,
    NotVerb,
    Det,
    /// A preposition that points the following date forward (`für Donnerstag`).
    Toward,
}

/// What a lexicon form means to the grammar.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cat {
    Month(u8, bool),
    Weekday(u8),
    WeekdayPod(u8, &'static str),
    Set(&'static str),
    Num(f64),
    Vague,
    Ord(u32),
    Unit(Unit, bool),
    DurWord(&'static str),
    DayRel(i64, bool, Option<&'static str>),
    UnitRel(Unit, i64, bool),
    Rel(i64, bool),
    Pod(&'static str),
    TimeWord(u8, u8),
    Season(&'static str),
    PartMod,
    PartWord(Unit),
    AgoPre,
    AgoPost,
    After(i64),
    InFut,
    Within,
    AfterPre,
    Since,
    Every,
    Ref(&'static str),
    Era(bool),
    DecadeWord(u8),
    Clock,
    Tz(Option<&'static str>),
    ModAdj,
    Article,
    NoRef,
    Prep,
    Range,
    NotYear,
    NotYearBefore,
    YearGen,
    AmPm(bool),
    AgeWord,
    Holiday(HolidayRule),
    Tense(TenseCue),
}

/// One token of a multi-token form: the form id and whether it is exact-case.
pub(crate) type Key = (u32, bool);

#[derive(Debug, Default)]
pub(crate) struct Word {
    pub single: Vec<Cat>,
    /// Multi-token forms starting with this word: the following tokens and the meaning.
    pub multi: Vec<(Vec<Key>, Cat)>,
}

/// All forms of one language.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    lower: HashMap<String, u32>,
    exact: HashMap<String, u32>,
    pub words: Vec<Word>,
    /// Country adjective stem → month, day of its national day.
    pub national: Vec<(String, u8, u8)>,
    /// Weak past endings tried on unlisted lower-case words.
    pub past_suffixes: Vec<String>,
    /// Per form id: whether an expression can start with it (most function
    /// words and tense cues cannot, and the grammar skips them at once).
    pub starts: Vec<bool>,
    /// The language's grammatical settings.
    pub rules: Rules,
}

/// The grammatical traits the grammar depends on, from `[time.rules]` of a
/// pack (each explained there).
#[derive(Debug, Default)]
pub(crate) struct Rules {
    /// A day of month is an ordinal with a dot (`12. Juni`); without it, a
    /// bare number is a day (`12 June`).
    pub day_ordinal_dot: bool,
    /// The word between an ordinal day and its month (`the 12th of June`);
    /// empty when there is none.
    pub day_of_month_word: String,
    /// A month name may come before its day (`June 12, 2024`).
    pub month_before_day: bool,
    /// The separator of all-numeric dates (`12.06.2024`, `6/12/2024`).
    pub numeric_date_separator: String,
    /// All-numeric dates put the month first (`6/12/2024`).
    pub numeric_date_month_first: bool,
    /// An all-numeric date is complete without a year (`12.06.`), and a
    /// year may follow after a space (`12.06. 2024`).
    pub numeric_date_year_optional: bool,
    /// Nouns are capitalised, so a lower-case weekday name is not one.
    pub nouns_capitalised: bool,
    /// A lower-case season word is also a verb or common noun (`fall`,
    /// `spring`) and needs a cue: a preposition, a relative word, a year.
    pub season_needs_cue: bool,
    /// The article before a decade word that makes it a decade on its own
    /// (`the sixties`); empty when a decade word needs its unit.
    pub decade_article: String,
}

impl Rules {
    fn read(pack: &Pack) -> Result<Rules, PackError> {
        let flag = |name: &str| pack.flag(STAGE, name);
        let word = |name: &str| pack.word(STAGE, name).map(str::to_string);
        Ok(Rules {
            day_ordinal_dot: flag("day-ordinal-dot")?,
            day_of_month_word: word("day-of-month-word")?,
            month_before_day: flag("month-before-day")?,
            numeric_date_separator: word("numeric-date-separator")?,
            numeric_date_month_first: flag("numeric-date-month-first")?,
            numeric_date_year_optional: flag("numeric-date-year-optional")?,
            nouns_capitalised: flag("nouns-capitalised")?,
            season_needs_cue: flag("season-needs-cue")?,
            decade_article: word("decade-article")?,
        })
    }
}

/// Expands `stem{a,b,}` alternations, several per form allowed.
fn expand(form: &str) -> Vec<String> {
    let Some(open) = form.find('{') else {
        return vec![form.to_string()];
    };
    let Some(close) = form[open..].find('}').map(|c| open + c) else {
        return vec![form.to_string()];
    };
    let (head, alts, tail) = (&form[..open], &form[open + 1..close], &form[close + 1..]);
    let mut out = Vec::new();
    for alt in alts.split(',') {
        out.extend(expand(&format!("{head}{alt}{tail}")));
    }
    out
}

/// `s` as a `'static` string, made once per distinct value: the few hundred
/// value codes of the lexicons (`EV`, `PRESENT_REF`) live for the whole
/// process, however often a stage compiles a pack.
fn leak(s: &str) -> &'static str {
    static INTERNED: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut interned = INTERNED
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(&known) = interned.get(s) {
        return known;
    }
    let leaked: &'static str = Box::leak(s.to_string().into_boxed_str());
    interned.insert(leaked);
    leaked
}

impl Lexicon {
    /// Compiles the time files and rules of `pack`.
    pub(crate) fn from_pack(pack: &Pack) -> Result<Lexicon, PackError> {
        let file = |key: &str| pack.text(STAGE, key);
        let mut lexicon = Lexicon::build([
            &file("lexicon")?,
            &file("holidays")?,
            &file("national-days")?,
            &file("tense")?,
        ]);
        lexicon.rules = Rules::read(pack)?;
        Ok(lexicon)
    }

    fn build([lex, holidays, national, tense]: [&str; 4]) -> Lexicon {
        let mut l = Lexicon::default();
        let mut weekdays = Vec::new();
        let mut pods = Vec::new();
        for (form, args) in rows(lex) {
            let Some(cat) = parse_cat(&args) else {
                continue;
            };
            match &cat {
                Cat::Weekday(n) if !form.contains(' ') => weekdays.push((form.clone(), *n)),
                Cat::Pod(p) if !form.contains(' ') && !form.starts_with('=') => {
                    pods.push((form.clone(), *p))
                }
                _ => {}
            }
            l.add(&form, cat);
        }
        // Compounds such as "Montagabend", "Sonntagnacht".
        for (wd, n) in &weekdays {
            if wd.ends_with('s') {
                continue;
            }
            for (pod, code) in &pods {
                if pod.ends_with('s') && pod != "abends" {
                    continue;
                }
                l.add(&format!("{wd}{pod}"), Cat::WeekdayPod(*n, code));
                l.add(&format!("{wd}{pod}s"), Cat::WeekdayPod(*n, code));
            }
        }
        for (form, args) in rows(holidays) {
            let rule = match args.first().map(String::as_str) {
                Some("fixed") => {
                    let v = args.get(1).map(String::as_str).unwrap_or("");
                    let parts: Vec<i32> = v.split('-').filter_map(|p| p.parse().ok()).collect();
                    match parts[..] {
                        [m, d] => HolidayRule::Fixed(m as u8, d as u8, None),
                        [y, m, d] => HolidayRule::Fixed(m as u8, d as u8, Some(y)),
                        _ => continue,
                    }
                }
                Some("easter") => {
                    HolidayRule::Easter(args.get(1).and_then(|v| v.parse().ok()).unwrap_or(0))
                }
                Some("nth") => {
                    let n = |i: usize| args.get(i).and_then(|v| v.parse::<i32>().ok());
                    match (n(1), n(2), n(3)) {
                        (Some(k), Some(wd), Some(m)) => {
                            HolidayRule::Nth(k as i8, wd as u8, m as u8)
                        }
                        _ => continue,
                    }
                }
                Some("national") => HolidayRule::National,
                _ => continue,
            };
            l.add(&form, Cat::Holiday(rule));
        }
        for (form, args) in rows(national) {
            let md: Vec<u8> = args
                .first()
                .map(|v| v.split('-').filter_map(|p| p.parse().ok()).collect())
                .unwrap_or_default();
            if let [m, d] = md[..] {
                l.national.push((form, m, d));
            }
        }
        l.national
            .sort_by_key(|(s, _, _)| std::cmp::Reverse(s.len()));
        for (form, args) in rows(tense) {
            if form == "suffix" {
                if let Some(s) = args.first() {
                    l.past_suffixes.push(s.clone());
                }
                continue;
            }
            let cue = match args.first().map(String::as_str) {
                Some("FUT") => TenseCue::Fut,
                Some("PAST") => TenseCue::Past,
                Some("PRES") => TenseCue::Pres,
                Some("AUX") => TenseCue::Aux,
                Some("NOTVERB") => TenseCue::NotVerb,
                Some("DET") => TenseCue::Det,
                Some("TOWARD") => TenseCue::Toward,
                _ => continue,
            };
            l.add(&form, Cat::Tense(cue));
        }
        let inert = |c: &Cat| {
            matches!(
                c,
                Cat::Tense(_)
                    | Cat::Prep
                    | Cat::Article
                    | Cat::Range
                    | Cat::NoRef
                    | Cat::NotYear
                    | Cat::Clock
                    | Cat::Tz(_)
                    | Cat::YearGen
                    | Cat::AgeWord
                    | Cat::AmPm(_)
                    | Cat::InFut
                    | Cat::Since
                    | Cat::Within
            )
        };
        l.starts = l
            .words
            .iter()
            .map(|w| !w.single.iter().all(inert) || !w.multi.is_empty())
            .collect();
        l
    }

    fn intern(&mut self, form: &str, exact: bool) -> u32 {
        let map = if exact {
            &mut self.exact
        } else {
            &mut self.lower
        };
        if let Some(&id) = map.get(form) {
            return id;
        }
        let id = self.words.len() as u32;
        map.insert(form.to_string(), id);
        self.words.push(Word::default());
        id
    }

    fn add(&mut self, form: &str, cat: Cat) {
        for f in expand(form) {
            let (exact, f) = match f.strip_prefix('=') {
                Some(rest) => (true, rest.to_string()),
                None => (false, f.to_lowercase()),
            };
            let toks = tokenize(&f, |_, _| NONE);
            let parts: Vec<&str> = toks.iter().map(|t| &f[t.start..t.end]).collect();
            let Some(first) = parts.first() else { continue };
            // Only words have exact-case ids; numbers and punctuation are looked up as-is.
            let first_exact = exact && toks[0].kind == Kind::Word;
            let id = self.intern(first, first_exact);
            if parts.len() == 1 {
                self.words[id as usize].single.push(cat.clone());
            } else {
                let rest: Vec<Key> = parts[1..]
                    .iter()
                    .map(|p| (self.intern(p, false), false))
                    .collect();
                self.words[id as usize].multi.push((rest, cat.clone()));
            }
        }
    }

    /// The id of `form` (already lower-cased when `lowercase`), or [`NONE`].
    pub(crate) fn id(&self, form: &str, lowercase: bool) -> u32 {
        let map = if lowercase { &self.lower } else { &self.exact };
        map.get(form).copied().unwrap_or(NONE)
    }
}

/// Non-comment rows of a TSV resource: the form (trimmed, lower-cased `SUFFIX`
/// marker kept as "suffix") and the remaining fields.
fn rows(src: &str) -> impl Iterator<Item = (String, Vec<String>)> + '_ {
    src.lines().filter_map(|line| {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        let mut fields = line.split('\t');
        let form = fields.next()?.trim();
        let form = if form == "SUFFIX" { "suffix" } else { form };
        Some((
            form.to_string(),
            fields.map(|f| f.trim().to_string()).collect(),
        ))
    })
}

fn parse_cat(args: &[String]) -> Option<Cat> {
    let a = |i: usize| args.get(i).map(String::as_str).unwrap_or("");
    let anaphor = args.iter().any(|x| x == "anaphor");
    let int = |i: usize| a(i).trim_start_matches('+').parse::<i64>().ok();
    Some(match a(0) {
        "MONTH" => Cat::Month(a(1).parse().ok()?, false),
        "MONTH_CTX" => Cat::Month(a(1).parse().ok()?, true),
        "WEEKDAY" => Cat::Weekday(a(1).parse().ok()?),
        "SET" => Cat::Set(leak(a(1))),
        "NUM" => Cat::Num(a(1).parse().ok()?),
        "VAGUE" => Cat::Vague,
        "ORD" => Cat::Ord(a(1).parse().ok()?),
        "UNIT" => Cat::Unit(Unit::parse(a(1))?, a(2) == "pl"),
        "DURWORD" => Cat::DurWord(leak(a(1))),
        "DAYREL" => {
            let pod = args[2..]
                .iter()
                .find(|x| x.len() == 2 && x.chars().all(|c| c.is_ascii_uppercase()))
                .map(|x| leak(x));
            Cat::DayRel(int(1)?, anaphor, pod)
        }
        "UNITREL" => Cat::UnitRel(Unit::parse(a(1))?, int(2)?, anaphor),
        "REL" => Cat::Rel(int(1)?, anaphor),
        "POD" => Cat::Pod(leak(a(1))),
        "TIMEWORD" => {
            let (h, m) = a(1).split_once(':')?;
            Cat::TimeWord(h.parse().ok()?, m.parse().ok()?)
        }
        "SEASON" => Cat::Season(leak(a(1))),
        "PARTMOD" => Cat::PartMod,
        "PARTWORD" => Cat::PartWord(Unit::parse(a(1))?),
        "AGO_PRE" => Cat::AgoPre,
        "AGO_POST" => Cat::AgoPost,
        "AFTER" => Cat::After(int(1)?),
        "IN_FUT" => Cat::InFut,
        "WITHIN" => Cat::Within,
        "AFTER_PRE" => Cat::AfterPre,
        "SINCE" => Cat::Since,
        "EVERY" => Cat::Every,
        "REF" => Cat::Ref(leak(a(1))),
        "ERA" => Cat::Era(a(1) == "BC"),
        "DECADEWORD" => Cat::DecadeWord(a(1).parse().ok()?),
        "CLOCK" => Cat::Clock,
        "TZ" => Cat::Tz((!a(1).is_empty()).then(|| leak(a(1)))),
        "MODADJ" => Cat::ModAdj,
        "ARTICLE" => Cat::Article,
        "NOREF" => Cat::NoRef,
        "PREP" => Cat::Prep,
        "RANGE" => Cat::Range,
        "NOTYEAR" => Cat::NotYear,
        "NOTYEAR_BEFORE" => Cat::NotYearBefore,
        "YEARGEN" => Cat::YearGen,
        "AMPM" => Cat::AmPm(a(1) == "PM"),
        "AGEWORD" => Cat::AgeWord,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_alternations() {
        assert_eq!(expand("nächst{e,en}"), ["nächste", "nächsten"]);
        assert_eq!(expand("a{x,} b{1,2}").len(), 4);
    }

    #[test]
    fn every_shipped_pack_has_the_time_files_and_rules() {
        for pack in newsgraph_pack::Packs::embedded().iter() {
            if pack.has_stage(STAGE) {
                let l = Lexicon::from_pack(pack).unwrap_or_else(|e| panic!("{e}"));
                assert!(!l.words.is_empty(), "{}", pack.code());
            }
        }
    }

    #[test]
    fn the_rules_are_read_from_the_manifest() {
        let packs = newsgraph_pack::Packs::embedded();
        let de = Lexicon::from_pack(packs.get("de").unwrap()).unwrap().rules;
        let en = Lexicon::from_pack(packs.get("en").unwrap()).unwrap().rules;
        assert!(de.day_ordinal_dot && !en.day_ordinal_dot);
        assert_eq!(
            (
                de.numeric_date_separator.as_str(),
                en.numeric_date_separator.as_str()
            ),
            (".", "/")
        );
        assert_eq!(en.day_of_month_word, "of");
        assert!(de.day_of_month_word.is_empty());
    }

    #[test]
    fn german_lexicon_knows_months_and_compounds() {
        let packs = newsgraph_pack::Packs::embedded();
        let l = Lexicon::from_pack(packs.get("de").unwrap()).unwrap();
        let id = l.id("juni", true);
        assert!(l.words[id as usize].single.contains(&Cat::Month(6, false)));
        let id = l.id("montagabend", true);
        assert!(l.words[id as usize]
            .single
            .contains(&Cat::WeekdayPod(1, "EV")));
        assert!(!l.national.is_empty() && !l.past_suffixes.is_empty());
    }
}
