//! Our own linking gold set: modern German and English news sentences with
//! every person, organisation and place mention and its English Wikipedia
//! title or NIL (`crates/kb/tests/data/link-gold.jsonl`, which says how it
//! was made).
//!
//! Format: JSON Lines. A line with only a `"comment"` is a note and skipped.
//! Every other line is one sample:
//!
//! ```json
//! {"id": "de-001", "lang": "de", "date": "2024-06-12",
//!  "text": "Kremlsprecher Peskow äußerte sich.",
//!  "mentions": [{"start": 0, "end": 13, "text": "Kremlsprecher", "type": "PER", "wiki": "Dmitry Peskov"}]}
//! ```
//!
//! `start` and `end` count code points (as the record's offsets do), `end`
//! exclusive; `text` repeats the mention's words so that a shifted offset is
//! caught on reading; `type` is `PER`, `ORG` or `LOC`; `wiki` is the English
//! Wikipedia title, or `null` for a thing Wikipedia has no article on (NIL).
//! `date` (optional) is the document date, for roles that change hands.

use std::path::Path;

use newsgraph_doc::{CharIndex, EntityType, Span};
use serde::Deserialize;

use super::{normalize_title, Corpus, EvalError, GoldMention, Sample, Scheme};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    id: String,
    lang: String,
    #[serde(default)]
    date: Option<String>,
    text: String,
    mentions: Vec<Mention>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Mention {
    start: usize,
    end: usize,
    text: String,
    #[serde(rename = "type")]
    label: String,
    wiki: Option<String>,
}

/// Parses the gold set's text. The error names the line and what is wrong.
pub fn parse(data: &str) -> Result<Vec<Sample>, String> {
    let mut samples = Vec::new();
    for (i, raw) in data.lines().enumerate() {
        let at = |problem: String| format!("line {}: {problem}", i + 1);
        if raw.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value =
            serde_json::from_str(raw).map_err(|e| at(format!("not JSON: {e}")))?;
        if value
            .as_object()
            .is_some_and(|o| o.len() == 1 && o.contains_key("comment"))
        {
            continue;
        }
        let line: Line = serde_json::from_value(value).map_err(|e| {
            at(format!(
                "not a gold sample ({e}); expected id, lang, text, mentions [start, end, text, type, wiki]"
            ))
        })?;
        let dct = match &line.date {
            Some(d) => Some(
                d.parse()
                    .map_err(|e| at(format!("date {d:?} is not YYYY-MM-DD: {e}")))?,
            ),
            None => None,
        };
        let chars = CharIndex::new(&line.text);
        let mut mentions = Vec::with_capacity(line.mentions.len());
        for m in &line.mentions {
            let bytes = (chars.byte_of_char(m.start), chars.byte_of_char(m.end));
            let (Some(start), Some(end)) = bytes else {
                return Err(at(format!(
                    "mention {:?} at {}..{} lies outside the text",
                    m.text, m.start, m.end
                )));
            };
            let found = line.text.get(start..end).unwrap_or("");
            if start > end || found != m.text {
                return Err(at(format!(
                    "mention {:?} at {}..{} does not match the text there ({found:?}); offsets count code points",
                    m.text, m.start, m.end
                )));
            }
            let label = EntityType::parse(&m.label)
                .filter(|t| matches!(t, EntityType::Per | EntityType::Org | EntityType::Loc))
                .ok_or_else(|| {
                    at(format!(
                        "mention {:?}: type {:?}, use PER, ORG or LOC",
                        m.text, m.label
                    ))
                })?;
            mentions.push(GoldMention {
                span: Span::new(start, end),
                label: Some(label),
                target: m.wiki.as_deref().map(normalize_title),
            });
        }
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
        samples.push(Sample::new(&line.id, &line.lang, dct, line.text, mentions));
    }
    Ok(samples)
}

/// Reads the gold set file at `path`.
pub fn read(path: &Path) -> Result<Corpus, EvalError> {
    let data = super::read_text(path)?;
    let samples = parse(&data).map_err(|problem| EvalError::Format {
        path: path.to_path_buf(),
        problem,
    })?;
    if samples.is_empty() {
        return Err(EvalError::Empty {
            path: path.to_path_buf(),
            expected:
                "gold samples, one JSON object a line (see crates/kb/tests/data/link-gold.jsonl)",
        });
    }
    Ok(Corpus {
        name: "gold",
        scheme: Scheme::Wikipedia,
        samples,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_are_read_with_code_point_offsets() {
        let data = concat!(
            r#"{"comment": "a note"}"#,
            "\n",
            r#"{"id":"d1","lang":"de","date":"2024-06-12","text":"Über Pjöngjang sprach Kim.","mentions":[{"start":5,"end":14,"text":"Pjöngjang","type":"LOC","wiki":"Pyongyang"},{"start":22,"end":25,"text":"Kim","type":"PER","wiki":"Kim_Jong_Un"}]}"#,
            "\n\n",
            r#"{"id":"e1","lang":"en","text":"Mr Xylo left.","mentions":[{"start":3,"end":7,"text":"Xylo","type":"PER","wiki":null}]}"#,
        );
        let samples = parse(data).unwrap();
        assert_eq!(samples.len(), 2);
        let s = &samples[0];
        assert_eq!(s.meta.dct.unwrap().to_string(), "2024-06-12");
        assert_eq!(&s.text[s.mentions[0].span.range()], "Pjöngjang");
        assert_eq!(s.mentions[1].target.as_deref(), Some("Kim Jong Un"));
        assert_eq!(samples[1].mentions[0].target, None);
        assert_eq!(samples[1].meta.dct, None);
    }

    #[test]
    fn shifted_offsets_and_unknown_types_are_errors_naming_the_line() {
        let bad = |mention: &str| {
            parse(&format!(
                r#"{{"id":"x","lang":"en","text":"Putin spoke.","mentions":[{mention}]}}"#
            ))
            .unwrap_err()
        };
        let e = bad(r#"{"start":1,"end":6,"text":"Putin","type":"PER","wiki":"Vladimir Putin"}"#);
        assert!(
            e.starts_with("line 1:") && e.contains("does not match"),
            "{e}"
        );
        let e = bad(r#"{"start":0,"end":5,"text":"Putin","type":"PERSON","wiki":null}"#);
        assert!(e.contains("use PER, ORG or LOC"), "{e}");
        let e = bad(r#"{"start":0,"end":50,"text":"Putin","type":"PER","wiki":null}"#);
        assert!(e.contains("outside the text"), "{e}");
        assert!(parse("{").unwrap_err().contains("not JSON"));
    }
}
