//! Datelines: the document date at the top of a plain-text article, either a
//! line of its own (`12. Juni 2024`) or the opening of the first paragraph
//! (`Berlin, 3. März 2023 – Der Bundestag …`). Month and weekday names come
//! from `resources/read/`.

use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Month names with their number, of every language a dateline may be in.
const MONTHS: &str = "read/months.tsv";
/// Weekday names that may open a dateline.
const WEEKDAYS: &str = "read/weekdays.txt";

/// What a line says about the document date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dateline {
    /// The whole line is a dateline.
    Line(jiff::civil::Date),
    /// The line opens with a dateline and goes on with the article.
    Prefix(jiff::civil::Date),
}

impl Dateline {
    /// The date.
    pub fn date(self) -> jiff::civil::Date {
        match self {
            Dateline::Line(d) | Dateline::Prefix(d) => d,
        }
    }
}

struct Grammar {
    regex: Regex,
    months: HashMap<String, i8>,
}

fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn grammar() -> &'static Grammar {
    static GRAMMAR: OnceLock<Grammar> = OnceLock::new();
    GRAMMAR.get_or_init(|| {
        let months: HashMap<String, i8> = data_lines(newsgraph_pack::shared_text(MONTHS))
            .filter_map(|l| {
                let (name, num) = l.split_once('\t')?;
                Some((name.to_lowercase(), num.trim().parse().ok()?))
            })
            .collect();
        let mut names: Vec<&String> = months.keys().collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let month = names
            .iter()
            .map(|n| regex::escape(n))
            .collect::<Vec<_>>()
            .join("|");
        let weekday = data_lines(newsgraph_pack::shared_text(WEEKDAYS))
            .flat_map(str::split_whitespace)
            .map(regex::escape)
            .collect::<Vec<_>>()
            .join("|");
        // place, weekday, date, then either the end of the line (with an
        // optional clock time) or a dash / agency tag that opens the text.
        let pattern = format!(
            r"(?xi)^\s*
            (?:(?P<place>\p{{Lu}}[\p{{L}}\-\.]*(?:[\ /][\p{{Lu}}][\p{{L}}\-\.]*){{0,3}})\s*(?:\([^)]{{1,40}}\))?,\s+)?
            (?:(?:{weekday})\.?,?\s+)?
            (?:
                (?P<d1>\d{{1,2}})\.\s*(?P<m1>{month})\.?\s+(?P<y1>\d{{4}})
              | (?P<d2>\d{{1,2}})\.(?P<m2>\d{{1,2}})\.(?P<y2>\d{{4}})
              | (?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})
              | (?P<m4>{month})\.?\s+(?P<d4>\d{{1,2}}),?\s+(?P<y4>\d{{4}})
              | (?P<d5>\d{{1,2}})\s+(?P<m5>{month})\.?\s+(?P<y5>\d{{4}})
            )
            (?P<rest>.*)$"
        );
        Grammar {
            regex: Regex::new(&pattern).expect("dateline grammar compiles"),
            months,
        }
    })
}

/// Reads a dateline from one line of text, if it holds one.
pub fn parse(line: &str) -> Option<Dateline> {
    if line.len() > 400 {
        return parse(&line[..floor_char_boundary(line, 400)]).and_then(|d| match d {
            Dateline::Prefix(_) => Some(d),
            Dateline::Line(_) => None,
        });
    }
    let g = grammar();
    let caps = g.regex.captures(line)?;
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i16>().ok());
    let month_of = |name: &str| {
        caps.name(name)
            .and_then(|m| g.months.get(&m.as_str().to_lowercase()).copied())
    };
    let (y, m, d) = if let Some(y) = num("y1") {
        (y, month_of("m1")?, num("d1")?)
    } else if let Some(y) = num("y2") {
        (y, num("m2")? as i8, num("d2")?)
    } else if let Some(y) = num("y3") {
        (y, num("m3")? as i8, num("d3")?)
    } else if let Some(y) = num("y4") {
        (y, month_of("m4")?, num("d4")?)
    } else {
        (num("y5")?, month_of("m5")?, num("d5")?)
    };
    let date = jiff::civil::Date::new(y, m, i8::try_from(d).ok()?).ok()?;
    let rest = caps.name("rest").map_or("", |m| m.as_str()).trim();
    if rest.is_empty() || is_clock_time(rest) {
        if caps.name("place").is_some() && rest.is_empty() {
            // "Berlin, 3. März 2023" alone on a line is still a dateline.
            return Some(Dateline::Line(date));
        }
        return Some(Dateline::Line(date));
    }
    let opens_text = rest.starts_with(['-', '–', '—', ':', '('])
        || rest.starts_with("/")
        || rest.starts_with("(");
    opens_text.then_some(Dateline::Prefix(date))
}

/// `14:30`, `, 14.30 Uhr`, `14:30 MEZ`: a clock time after the date.
fn is_clock_time(rest: &str) -> bool {
    let rest = rest.trim_start_matches([',', ' ', '|']);
    let rest = rest
        .strip_prefix("um ")
        .or_else(|| rest.strip_prefix("at "))
        .unwrap_or(rest);
    let mut chars = rest.chars();
    let digits: String = chars.by_ref().take_while(|c| c.is_ascii_digit()).collect();
    !digits.is_empty() && digits.len() <= 2 && rest.len() <= 24 && {
        let after = &rest[digits.len()..];
        after.starts_with([':', '.']) && after[1..].chars().take(2).all(|c| c.is_ascii_digit())
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn whole_line_datelines() {
        for (line, d) in [
            ("12. Juni 2024", date(2024, 6, 12)),
            ("12.06.2024", date(2024, 6, 12)),
            ("2024-06-12", date(2024, 6, 12)),
            ("June 12, 2024", date(2024, 6, 12)),
            ("12 June 2024", date(2024, 6, 12)),
            ("Mittwoch, 12. Juni 2024", date(2024, 6, 12)),
            ("3. März 2023, 14:30 Uhr", date(2023, 3, 3)),
            ("Berlin, 3. März 2023", date(2023, 3, 3)),
            ("  1. Sept. 2021 ", date(2021, 9, 1)),
        ] {
            assert_eq!(parse(line), Some(Dateline::Line(d)), "{line}");
        }
    }

    #[test]
    fn datelines_that_open_the_text() {
        for (line, d) in [
            (
                "Berlin, 3. März 2023 – Der Bundestag hat beschlossen.",
                date(2023, 3, 3),
            ),
            (
                "BERLIN, 3. März 2023 (dpa) - Der Bundestag hat beschlossen.",
                date(2023, 3, 3),
            ),
            (
                "Frankfurt am Main, 2024-01-05 – Die Börse schloss fester.",
                date(2024, 1, 5),
            ),
            (
                "WASHINGTON, June 12, 2024 — The Senate voted.",
                date(2024, 6, 12),
            ),
        ] {
            assert_eq!(parse(line), Some(Dateline::Prefix(d)), "{line}");
        }
    }

    #[test]
    fn ordinary_lines_are_not_datelines() {
        for line in [
            "Am 12. Juni 2024 reiste der Präsident nach Paris.",
            "12. Juni 2024 war ein heißer Tag.",
            "Die Regierung tagte.",
            "31.02.2024",
            "",
        ] {
            assert_eq!(parse(line), None, "{line}");
        }
    }
}
