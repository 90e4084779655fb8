//! The JSON record of `OUTPUT.md`: the one mapping between a [`Doc`] and the
//! outside world (CLI output, the store, the HTTP API).
//!
//! The record is a set of plain structs ([`Record`], [`EntityRecord`],
//! [`QuoteRecord`], [`ClaimRecord`], …) that derive `Serialize` and
//! `Deserialize`; the domain types of a `Doc` derive neither. A record is
//! built from a document ([`Record::from_doc`]) and turned back into one
//! ([`Record::into_doc`]); [`to_json`] and [`from_json`] do both through
//! `serde_json::Value`.
//!
//! Offsets in the record are Unicode code points; inside a `Doc` they are
//! bytes. A layer whose stage did not run is absent from the record; an empty
//! list means its stage ran and found nothing; `layers` names the layers
//! that did run (`OUTPUT.md`).
//! Struct field order is key order.

use crate::{
    CharIndex, Claim, Doc, DocType, EntityForm, EntityMention, EntityType, Event, Flag, FlagKind,
    Layer, Meta, Quote, Span, Timex, TimexType, Token, TokenKind,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[cfg(test)]
use serde_json::json;

/// What to put in the record beyond the contract.
#[derive(Debug, Clone, Default)]
pub struct RecordOptions {
    /// Include the token layer (`tokens`: `[{start, end, kind}]`).
    pub tokens: bool,
}

/// Layers reported in the record's `layers` list, in pipeline order.
const REPORTED_LAYERS: [(Layer, &str); 8] = [
    (Layer::Sentences, "sentences"),
    (Layer::Tokens, "tokens"),
    (Layer::Entities, "entities"),
    (Layer::Timexes, "timexes"),
    (Layer::Quotes, "quotes"),
    (Layer::Claims, "claims"),
    (Layer::Events, "events"),
    (Layer::Flags, "flags"),
];

/// One document's record: its metadata, text and layers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The document's id.
    pub id: String,
    /// Its language (ISO 639-1), `null` when unknown.
    #[serde(default)]
    pub lang: Option<String>,
    /// Its document creation time (`YYYY-MM-DD`), `null` when unknown.
    #[serde(default)]
    pub dct: Option<String>,
    /// Its headline.
    #[serde(default)]
    pub title: Option<String>,
    /// Where it was found; absent when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Outlet or input name; absent when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Byline; absent when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The input's character encoding when it was not UTF-8; absent for UTF-8.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// `narrative` for narrative documents; absent for news.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doctype: Option<String>,
    /// The text all offsets index (code points).
    pub text: String,
    /// Sentences; absent when its stage did not run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentences: Option<Vec<SpanRecord>>,
    /// Tokens, only when asked for ([`RecordOptions::tokens`]) and their
    /// stage ran.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<TokenRecord>>,
    /// Named-entity mentions; absent when its stage did not run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entities: Option<Vec<EntityRecord>>,
    /// Temporal expressions; absent when its stage did not run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timexes: Option<Vec<TimexRecord>>,
    /// Quotations; absent when its stage did not run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quotes: Option<Vec<QuoteRecord>>,
    /// Claims; absent when its stage did not run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claims: Option<Vec<ClaimRecord>>,
    /// Events; absent when its stage did not run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<EventRecord>>,
    /// Quality flags.
    #[serde(default)]
    pub flags: Vec<FlagRecord>,
    /// The layers whose stages ran, in pipeline order.
    #[serde(default)]
    pub layers: Vec<String>,
}

/// A bare span (a sentence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanRecord {
    /// First code point.
    pub start: usize,
    /// Code point after the last.
    pub end: usize,
}

/// A token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenRecord {
    /// First code point.
    pub start: usize,
    /// Code point after the last.
    pub end: usize,
    /// `word`, `number`, `ordinal`, `abbreviation`, `punct`, `url`, `email`
    /// or `symbol`.
    #[serde(default)]
    pub kind: String,
}

/// A named-entity mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    /// First code point.
    pub start: usize,
    /// Code point after the last.
    pub end: usize,
    /// The mention as written.
    #[serde(default)]
    pub text: String,
    /// `PER`, `ORG`, `LOC` or `OTH`.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// Linked knowledge-base id.
    #[serde(default)]
    pub kb: Option<String>,
    /// Canonical name of the linked entity; for an unlinked one, the
    /// fullest name of its cluster.
    #[serde(default)]
    pub name: Option<String>,
    /// How sure the link is, 0..1 (three decimals); `null` when not linked.
    #[serde(default)]
    pub score: Option<f64>,
    /// The document-local entity (cluster) id the mention belongs to;
    /// `null` when the linking stage did not run.
    #[serde(default)]
    pub cluster: Option<u32>,
    /// `deriv` or `part`; absent for a plain name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
}

/// A temporal expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimexRecord {
    /// First code point.
    pub start: usize,
    /// Code point after the last.
    pub end: usize,
    /// The expression as written.
    #[serde(default)]
    pub text: String,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// Normalised TIMEX3 value.
    #[serde(default)]
    pub value: Option<String>,
}

/// A mention with the entity behind it: a quote's speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerRecord {
    /// First code point.
    pub start: usize,
    /// Code point after the last.
    pub end: usize,
    /// The mention as written.
    #[serde(default)]
    pub text: String,
    /// Knowledge-base id of the entity behind it.
    #[serde(default)]
    pub kb: Option<String>,
}

/// A piece of text: a quote's cue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpanRecord {
    /// First code point.
    pub start: usize,
    /// Code point after the last.
    pub end: usize,
    /// The text.
    #[serde(default)]
    pub text: String,
}

/// A quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteRecord {
    /// First code point.
    pub start: usize,
    /// Code point after the last.
    pub end: usize,
    /// The quoted or reported content.
    #[serde(default)]
    pub text: String,
    /// `direct`, `indirect` or `mixed`.
    #[serde(default)]
    pub kind: String,
    /// Who said it, `null` when not attributed.
    #[serde(default)]
    pub speaker: Option<SpeakerRecord>,
    /// Who the speaker is, as fully as the article names them.
    #[serde(default)]
    pub speaker_name: Option<String>,
    /// The verb or phrase marking it.
    #[serde(default)]
    pub cue: Option<TextSpanRecord>,
}

/// Who stands behind a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimSourceRecord {
    /// The source as written.
    #[serde(default)]
    pub text: String,
    /// Knowledge-base id of the entity behind it.
    #[serde(default)]
    pub kb: Option<String>,
    /// Whom the source cites, as written.
    #[serde(default)]
    pub via: Option<String>,
}

/// A claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimRecord {
    /// The proposition as written.
    #[serde(default)]
    pub text: String,
    /// First code point.
    pub start: usize,
    /// Code point after the last.
    pub end: usize,
    /// Index of the sentence it is in.
    #[serde(default)]
    pub sentence: usize,
    /// Who stands behind it.
    #[serde(default)]
    pub sources: Vec<ClaimSourceRecord>,
    /// `asserted`, `probable`, `possible` or `speculative`.
    #[serde(default)]
    pub modality: String,
    /// `reported`, `unconfirmed`, `confirmed`, `denied` or `disputed`.
    #[serde(default)]
    pub status: String,
    /// Normalised time of the claim.
    #[serde(default)]
    pub time: Option<String>,
}

/// A CAMEO-coded event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRecord {
    /// CAMEO code.
    #[serde(default)]
    pub code: String,
    /// CAMEO label.
    #[serde(default)]
    pub label: String,
    /// Actor entity id.
    #[serde(default)]
    pub actor: Option<String>,
    /// Target entity id.
    #[serde(default)]
    pub target: Option<String>,
    /// Location entity id.
    #[serde(default)]
    pub location: Option<String>,
    /// Normalised time.
    #[serde(default)]
    pub time: Option<String>,
    /// Index of the sentence it is in.
    #[serde(default)]
    pub sentence: usize,
    /// How strongly it is asserted.
    #[serde(default)]
    pub modality: String,
}

/// A quality flag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlagRecord {
    /// First code point.
    pub start: usize,
    /// Code point after the last.
    pub end: usize,
    /// `foreign_language`, `repetition` or `truncated`.
    #[serde(default)]
    pub kind: String,
    /// The flagged text.
    #[serde(default)]
    pub text: String,
    /// The fragment's language, for `foreign_language`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The repeated phrase, for `repetition`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phrase: Option<String>,
}

impl Record {
    /// The record of `doc`.
    pub fn from_doc(doc: &Doc, opts: &RecordOptions) -> Record {
        let idx = CharIndex::new(doc.text());
        let span = |s: Span| -> SpanRecord {
            let (start, end) = idx.chars(s);
            SpanRecord { start, end }
        };
        let meta = &doc.meta;
        Record {
            id: meta.id.clone(),
            lang: meta.lang.clone(),
            dct: meta.dct.map(|d| d.to_string()),
            title: meta.title.clone(),
            url: meta.url.clone(),
            source: meta.source.clone(),
            author: meta.author.clone(),
            encoding: meta.encoding.clone(),
            doctype: (meta.doctype == DocType::Narrative).then(|| "narrative".to_string()),
            text: doc.text().to_string(),
            sentences: doc
                .sentences()
                .map(|ss| ss.iter().map(|s| span(*s)).collect()),
            tokens: doc.tokens().filter(|_| opts.tokens).map(|tokens| {
                tokens
                    .iter()
                    .map(|t| {
                        let SpanRecord { start, end } = span(t.span);
                        TokenRecord {
                            start,
                            end,
                            kind: token_kind_str(t.kind).to_string(),
                        }
                    })
                    .collect()
            }),
            entities: doc.entities.as_deref().map(|items| {
                items
                    .iter()
                    .map(|e| {
                        let SpanRecord { start, end } = span(e.span);
                        EntityRecord {
                            start,
                            end,
                            text: doc.slice(e.span).to_string(),
                            kind: e.label.as_str().to_string(),
                            kb: e.kb.clone(),
                            name: e.name.clone(),
                            score: e.score.map(score_of),
                            cluster: e.cluster,
                            form: e.form.map(|f| f.as_str().to_string()),
                        }
                    })
                    .collect()
            }),
            timexes: doc.timexes.as_deref().map(|items| {
                items
                    .iter()
                    .map(|t| {
                        let SpanRecord { start, end } = span(t.span);
                        TimexRecord {
                            start,
                            end,
                            text: doc.slice(t.span).to_string(),
                            kind: t.kind.as_str().to_string(),
                            value: t.value.clone(),
                        }
                    })
                    .collect()
            }),
            quotes: doc.quotes.as_deref().map(|items| {
                items
                    .iter()
                    .map(|q| QuoteRecord::from_quote(doc, &idx, q))
                    .collect()
            }),
            claims: doc.claims.as_deref().map(|items| {
                items
                    .iter()
                    .map(|c| ClaimRecord::from_claim(doc, &idx, c))
                    .collect()
            }),
            events: doc
                .events
                .as_deref()
                .map(|items| items.iter().map(EventRecord::from_event).collect()),
            flags: doc
                .flags
                .iter()
                .map(|f| FlagRecord::from_flag(doc, &idx, f))
                .collect(),
            layers: REPORTED_LAYERS
                .iter()
                .filter(|(l, _)| doc.has_layer(*l))
                .map(|(_, name)| name.to_string())
                .collect(),
        }
    }

    /// The document this record describes: metadata, text, sentences,
    /// tokens, entities, timexes and flags. (Quotes, claims and events are
    /// kept as records by the store; they are not needed to re-run stages.)
    /// A layer counts as run when `layers` names it or `layers` is empty.
    pub fn into_doc(self) -> Result<Doc, RecordError> {
        let err = |m: &str| RecordError(m.to_string());
        let idx = CharIndex::new(&self.text);
        let span_of = |start: usize, end: usize| -> Result<Span, RecordError> {
            let s = idx
                .byte_of_char(start)
                .ok_or_else(|| err("span start past the text"))?;
            let e = idx
                .byte_of_char(end)
                .ok_or_else(|| err("span end past the text"))?;
            if s > e {
                return Err(err("span start after end"));
            }
            Ok(Span::new(s, e))
        };
        let dct = match &self.dct {
            Some(d) => Some(
                d.get(..10)
                    .unwrap_or(d)
                    .parse::<jiff::civil::Date>()
                    .map_err(|e| RecordError(format!("bad dct {d:?}: {e}")))?,
            ),
            None => None,
        };
        let meta = Meta {
            id: self.id,
            lang: self.lang,
            dct,
            title: self.title,
            url: self.url,
            source: self.source,
            author: self.author,
            encoding: self.encoding,
            doctype: if self.doctype.as_deref() == Some("narrative") {
                DocType::Narrative
            } else {
                DocType::News
            },
        };
        let layers = &self.layers;
        let ran = |name: &str| layers.is_empty() || layers.iter().any(|l| l == name);
        let mut doc = Doc::with_meta(meta, self.text.as_str());
        if let Some(sentences) = self.sentences.filter(|_| ran("sentences")) {
            let spans = sentences
                .iter()
                .map(|s| span_of(s.start, s.end))
                .collect::<Result<Vec<_>, _>>()?;
            doc.set_sentences(spans)
                .map_err(|e| RecordError(e.to_string()))?;
        }
        if let Some(tokens) = self.tokens.filter(|_| ran("tokens")) {
            let tokens = tokens
                .iter()
                .map(|t| {
                    Ok(Token {
                        span: span_of(t.start, t.end)?,
                        kind: token_kind_parse(&t.kind),
                    })
                })
                .collect::<Result<Vec<_>, RecordError>>()?;
            doc.set_tokens(tokens)
                .map_err(|e| RecordError(e.to_string()))?;
        }
        if let Some(found) = self.entities.filter(|_| ran("entities")) {
            let mut entities = Vec::with_capacity(found.len());
            for e in found {
                entities.push(EntityMention {
                    span: span_of(e.start, e.end)?,
                    label: EntityType::parse(&e.kind)
                        .ok_or_else(|| err("entity with unknown type"))?,
                    form: match e.form.as_deref() {
                        Some("deriv") => Some(EntityForm::Deriv),
                        Some("part") => Some(EntityForm::Part),
                        _ => None,
                    },
                    kb: e.kb,
                    name: e.name,
                    score: e.score.map(|s| s as f32),
                    cluster: e.cluster,
                });
            }
            doc.entities = Some(entities);
        }
        if let Some(found) = self.timexes.filter(|_| ran("timexes")) {
            let mut timexes = Vec::with_capacity(found.len());
            for t in found {
                timexes.push(Timex {
                    span: span_of(t.start, t.end)?,
                    kind: TimexType::parse(&t.kind)
                        .ok_or_else(|| err("timex with unknown type"))?,
                    value: t.value,
                });
            }
            doc.timexes = Some(timexes);
        }
        for f in self.flags {
            let kind = match f.kind.as_str() {
                "foreign_language" => FlagKind::ForeignLanguage {
                    lang: f.lang.unwrap_or_else(|| "und".to_string()),
                },
                "repetition" => FlagKind::Repetition {
                    phrase: f.phrase.unwrap_or_default(),
                },
                "truncated" => FlagKind::Truncated,
                _ => continue,
            };
            doc.flags.push(Flag {
                span: span_of(f.start, f.end)?,
                kind,
            });
        }
        Ok(doc)
    }
}

impl QuoteRecord {
    fn from_quote(doc: &Doc, idx: &CharIndex, q: &Quote) -> QuoteRecord {
        let (start, end) = idx.chars(q.span);
        QuoteRecord {
            start,
            end,
            text: doc.slice(q.span).to_string(),
            kind: q.kind.as_str().to_string(),
            speaker: q.speaker.as_ref().map(|s| {
                let (start, end) = idx.chars(s.span);
                SpeakerRecord {
                    start,
                    end,
                    text: doc.slice(s.span).to_string(),
                    kb: doc.entity_kb(s).map(str::to_string),
                }
            }),
            speaker_name: q.speaker_name.clone(),
            cue: q.cue.map(|c| {
                let (start, end) = idx.chars(c);
                TextSpanRecord {
                    start,
                    end,
                    text: doc.slice(c).to_string(),
                }
            }),
        }
    }
}

impl ClaimRecord {
    fn from_claim(doc: &Doc, idx: &CharIndex, c: &Claim) -> ClaimRecord {
        let (start, end) = idx.chars(c.span);
        ClaimRecord {
            text: doc.slice(c.span).to_string(),
            start,
            end,
            sentence: c.sentence,
            sources: c
                .sources
                .iter()
                .map(|s| ClaimSourceRecord {
                    text: doc.slice(s.mention.span).to_string(),
                    kb: doc.entity_kb(&s.mention).map(str::to_string),
                    via: s.via.clone(),
                })
                .collect(),
            modality: c.modality.as_str().to_string(),
            status: c.status.as_str().to_string(),
            time: c.time.clone(),
        }
    }
}

impl EventRecord {
    fn from_event(e: &Event) -> EventRecord {
        EventRecord {
            code: e.code.clone(),
            label: e.label.clone(),
            actor: e.actor.clone(),
            target: e.target.clone(),
            location: e.location.clone(),
            time: e.time.clone(),
            sentence: e.sentence,
            modality: e.modality.as_str().to_string(),
        }
    }
}

impl FlagRecord {
    fn from_flag(doc: &Doc, idx: &CharIndex, f: &Flag) -> FlagRecord {
        let (start, end) = idx.chars(f.span);
        let (lang, phrase) = match &f.kind {
            FlagKind::ForeignLanguage { lang } => (Some(lang.clone()), None),
            FlagKind::Repetition { phrase } => (None, Some(phrase.clone())),
            FlagKind::Truncated => (None, None),
        };
        FlagRecord {
            start,
            end,
            kind: f.kind.as_str().to_string(),
            text: doc.slice(f.span).to_string(),
            lang,
            phrase,
        }
    }
}

/// Maps a document to its OUTPUT.md record.
pub fn to_json(doc: &Doc, opts: &RecordOptions) -> Value {
    serde_json::to_value(Record::from_doc(doc, opts))
        .expect("a record has string keys only, so it always serialises")
}

/// A link score as the record writes it: three decimals, so that an `f32`
/// such as 0.9 prints as `0.9`, not as its nearest `f64`.
fn score_of(score: f32) -> f64 {
    (f64::from(score) * 1000.0).round() / 1000.0
}

fn token_kind_str(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::Word => "word",
        TokenKind::Number => "number",
        TokenKind::Ordinal => "ordinal",
        TokenKind::Abbreviation => "abbreviation",
        TokenKind::Punct => "punct",
        TokenKind::Url => "url",
        TokenKind::Email => "email",
        TokenKind::Symbol => "symbol",
    }
}

fn token_kind_parse(s: &str) -> TokenKind {
    match s {
        "word" => TokenKind::Word,
        "number" => TokenKind::Number,
        "ordinal" => TokenKind::Ordinal,
        "abbreviation" => TokenKind::Abbreviation,
        "punct" => TokenKind::Punct,
        "url" => TokenKind::Url,
        "email" => TokenKind::Email,
        _ => TokenKind::Symbol,
    }
}

/// A record could not be read back into a document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid record: {0}")]
pub struct RecordError(String);

/// Reads a record written by [`to_json`] back into a document (see
/// [`Record::into_doc`] for what comes back).
pub fn from_json(v: &Value) -> Result<Doc, RecordError> {
    let record = Record::deserialize(v).map_err(|e| RecordError(e.to_string()))?;
    record.into_doc()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_uses_code_point_offsets_and_round_trips() {
        let text = "Grüße aus Köln. 🎉 Bis bald.";
        let mut doc = Doc::new("t", text);
        doc.meta.lang = Some("de".into());
        doc.meta.dct = Some(jiff::civil::date(2024, 6, 12));
        doc.meta.author = Some("Anna Roth".into());
        let second = text.find("🎉").unwrap();
        doc.set_sentences(vec![
            Span::new(0, second - 1),
            Span::new(second, text.len()),
        ])
        .unwrap();
        doc.timexes = Some(vec![]);
        let json = to_json(&doc, &RecordOptions::default());
        assert_eq!(json["sentences"][1]["start"], 16);
        assert_eq!(json["sentences"][1]["end"], text.chars().count());
        assert_eq!(json["dct"], "2024-06-12");
        assert_eq!(json["author"], "Anna Roth");
        assert_eq!(json["layers"], json!(["sentences", "timexes", "flags"]));
        let back = from_json(&json).unwrap();
        assert_eq!(back.text(), text);
        assert_eq!(back.sentences(), doc.sentences());
        assert_eq!(back.meta, doc.meta);
        assert!(back.entities.is_none());
    }

    #[test]
    fn a_skipped_layer_is_absent_from_the_record_and_an_empty_one_is_an_empty_list() {
        let mut doc = Doc::new("d", "Kein Datum hier.");
        doc.set_sentences(vec![Span::new(0, 16)]).unwrap();
        doc.timexes = Some(vec![]);
        let json = to_json(&doc, &RecordOptions::default());
        assert_eq!(json["timexes"], json!([]));
        for absent in ["entities", "quotes", "claims", "events"] {
            assert!(
                json.get(absent).is_none(),
                "{absent} should be absent: {json}"
            );
        }
        assert_eq!(json["layers"], json!(["sentences", "timexes", "flags"]));
        let back = from_json(&json).unwrap();
        assert_eq!(back.timexes, Some(vec![]));
        assert!(back.entities.is_none() && back.quotes.is_none());
    }
}
