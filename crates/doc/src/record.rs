//! The JSON record of `OUTPUT.md`: the one mapping between a [`Doc`] and the
//! outside world (CLI output, the store, the HTTP API).
//!
//! Offsets in the record are Unicode code points; inside a `Doc` they are
//! bytes. Every key of the contract is always present; a layer whose stage did
//! not run is an empty list, and `layers` names the layers that did run.

use crate::{
    CharIndex, Claim, Doc, DocType, EntityForm, EntityMention, EntityType, Event, Flag, FlagKind,
    Layer, Meta, Quote, Span, Timex, TimexType, Token, TokenKind,
};
use serde_json::{json, Map, Value};

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

/// Maps a document to its OUTPUT.md record.
pub fn to_json(doc: &Doc, opts: &RecordOptions) -> Value {
    let idx = CharIndex::new(doc.text());
    let span = |s: Span| -> (usize, usize) { idx.chars(s) };
    let mut rec = Map::new();
    rec.insert("id".into(), json!(doc.meta.id));
    rec.insert("lang".into(), json!(doc.meta.lang));
    rec.insert("dct".into(), json!(doc.meta.dct.map(|d| d.to_string())));
    rec.insert("title".into(), json!(doc.meta.title));
    if let Some(url) = &doc.meta.url {
        rec.insert("url".into(), json!(url));
    }
    if let Some(source) = &doc.meta.source {
        rec.insert("source".into(), json!(source));
    }
    if let Some(author) = &doc.meta.author {
        rec.insert("author".into(), json!(author));
    }
    if doc.meta.doctype == DocType::Narrative {
        rec.insert("doctype".into(), json!("narrative"));
    }
    rec.insert("text".into(), json!(doc.text()));
    let sentences: Vec<Value> = doc
        .sentences()
        .unwrap_or_default()
        .iter()
        .map(|s| {
            let (start, end) = span(*s);
            json!({"start": start, "end": end})
        })
        .collect();
    rec.insert("sentences".into(), Value::Array(sentences));
    if opts.tokens {
        let tokens: Vec<Value> = doc
            .tokens()
            .unwrap_or_default()
            .iter()
            .map(|t| {
                let (start, end) = span(t.span);
                json!({"start": start, "end": end, "kind": token_kind_str(t.kind)})
            })
            .collect();
        rec.insert("tokens".into(), Value::Array(tokens));
    }
    let entities: Vec<Value> = doc
        .entities
        .as_deref()
        .unwrap_or_default()
        .iter()
        .map(|e| {
            let (start, end) = span(e.span);
            let mut v = json!({"start": start, "end": end, "text": doc.slice(e.span),
                "type": e.label.as_str(), "kb": e.kb, "name": e.name});
            if let Some(form) = e.form {
                v["form"] = json!(form.as_str());
            }
            v
        })
        .collect();
    rec.insert("entities".into(), Value::Array(entities));
    let timexes: Vec<Value> = doc
        .timexes
        .as_deref()
        .unwrap_or_default()
        .iter()
        .map(|t| {
            let (start, end) = span(t.span);
            json!({"start": start, "end": end, "text": doc.slice(t.span),
                "type": t.kind.as_str(), "value": t.value})
        })
        .collect();
    rec.insert("timexes".into(), Value::Array(timexes));
    let quotes: Vec<Value> = doc
        .quotes
        .as_deref()
        .unwrap_or_default()
        .iter()
        .map(|q| quote_json(doc, &idx, q))
        .collect();
    rec.insert("quotes".into(), Value::Array(quotes));
    let claims: Vec<Value> = doc
        .claims
        .as_deref()
        .unwrap_or_default()
        .iter()
        .map(|c| claim_json(doc, &idx, c))
        .collect();
    rec.insert("claims".into(), Value::Array(claims));
    let events: Vec<Value> = doc
        .events
        .as_deref()
        .unwrap_or_default()
        .iter()
        .map(event_json)
        .collect();
    rec.insert("events".into(), Value::Array(events));
    let flags: Vec<Value> = doc.flags.iter().map(|f| flag_json(doc, &idx, f)).collect();
    rec.insert("flags".into(), Value::Array(flags));
    let layers: Vec<&str> = REPORTED_LAYERS
        .iter()
        .filter(|(l, _)| doc.has_layer(*l))
        .map(|(_, name)| *name)
        .collect();
    rec.insert("layers".into(), json!(layers));
    Value::Object(rec)
}

fn quote_json(doc: &Doc, idx: &CharIndex, q: &Quote) -> Value {
    let (start, end) = idx.chars(q.span);
    let speaker = q.speaker.as_ref().map(|s| {
        let (s0, s1) = idx.chars(s.span);
        json!({"start": s0, "end": s1, "text": doc.slice(s.span), "kb": doc.entity_kb(s)})
    });
    let cue = q.cue.map(|c| {
        let (c0, c1) = idx.chars(c);
        json!({"start": c0, "end": c1, "text": doc.slice(c)})
    });
    json!({"start": start, "end": end, "text": doc.slice(q.span), "kind": q.kind.as_str(),
        "speaker": speaker, "speaker_name": q.speaker_name, "cue": cue})
}

fn claim_json(doc: &Doc, idx: &CharIndex, c: &Claim) -> Value {
    let (start, end) = idx.chars(c.span);
    let sources: Vec<Value> = c
        .sources
        .iter()
        .map(|s| json!({"text": doc.slice(s.mention.span), "kb": doc.entity_kb(&s.mention), "via": s.via}))
        .collect();
    json!({"text": doc.slice(c.span), "start": start, "end": end, "sentence": c.sentence,
        "sources": sources, "modality": c.modality.as_str(), "status": c.status.as_str(),
        "time": c.time})
}

fn event_json(e: &Event) -> Value {
    json!({"code": e.code, "label": e.label, "actor": e.actor, "target": e.target,
        "location": e.location, "time": e.time, "sentence": e.sentence,
        "modality": e.modality.as_str()})
}

fn flag_json(doc: &Doc, idx: &CharIndex, f: &Flag) -> Value {
    let (start, end) = idx.chars(f.span);
    let mut v = json!({"start": start, "end": end, "kind": f.kind.as_str(),
        "text": doc.slice(f.span)});
    match &f.kind {
        FlagKind::ForeignLanguage { lang } => v["lang"] = json!(lang),
        FlagKind::Repetition { phrase } => v["phrase"] = json!(phrase),
        FlagKind::Truncated => {}
    }
    v
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

/// Reads a record written by [`to_json`] back into a document: metadata,
/// text, sentences, tokens, entities, timexes and flags. (Quotes, claims and
/// events are kept as JSON by the store; they are not needed to re-run stages.)
pub fn from_json(v: &Value) -> Result<Doc, RecordError> {
    let err = |m: &str| RecordError(m.to_string());
    let text = v["text"].as_str().ok_or_else(|| err("missing text"))?;
    let idx = CharIndex::new(text);
    let span_of = |o: &Value| -> Result<Span, RecordError> {
        let s = o["start"]
            .as_u64()
            .ok_or_else(|| err("span without start"))? as usize;
        let e = o["end"].as_u64().ok_or_else(|| err("span without end"))? as usize;
        let s = idx
            .byte_of_char(s)
            .ok_or_else(|| err("span start past the text"))?;
        let e = idx
            .byte_of_char(e)
            .ok_or_else(|| err("span end past the text"))?;
        if s > e {
            return Err(err("span start after end"));
        }
        Ok(Span::new(s, e))
    };
    let opt_str = |o: &Value| o.as_str().map(str::to_string);
    let dct = match v["dct"].as_str() {
        Some(d) => Some(
            d.get(..10)
                .unwrap_or(d)
                .parse::<jiff::civil::Date>()
                .map_err(|e| RecordError(format!("bad dct {d:?}: {e}")))?,
        ),
        None => None,
    };
    let meta = Meta {
        id: v["id"]
            .as_str()
            .ok_or_else(|| err("missing id"))?
            .to_string(),
        lang: opt_str(&v["lang"]),
        dct,
        title: opt_str(&v["title"]),
        url: opt_str(&v["url"]),
        source: opt_str(&v["source"]),
        author: opt_str(&v["author"]),
        doctype: if v["doctype"].as_str() == Some("narrative") {
            DocType::Narrative
        } else {
            DocType::News
        },
    };
    let mut doc = Doc::with_meta(meta, text);
    let layers: Vec<&str> = v["layers"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let ran = |name: &str| layers.is_empty() || layers.contains(&name);
    let list = |key: &str| v[key].as_array().cloned().unwrap_or_default();
    if ran("sentences") {
        let spans = list("sentences")
            .iter()
            .map(span_of)
            .collect::<Result<Vec<_>, _>>()?;
        doc.set_sentences(spans)
            .map_err(|e| RecordError(e.to_string()))?;
    }
    if v.get("tokens").is_some() && ran("tokens") {
        let tokens = list("tokens")
            .iter()
            .map(|t| {
                Ok(Token {
                    span: span_of(t)?,
                    kind: token_kind_parse(t["kind"].as_str().unwrap_or("")),
                })
            })
            .collect::<Result<Vec<_>, RecordError>>()?;
        doc.set_tokens(tokens)
            .map_err(|e| RecordError(e.to_string()))?;
    }
    if ran("entities") {
        let mut entities = Vec::new();
        for e in list("entities") {
            entities.push(EntityMention {
                span: span_of(&e)?,
                label: EntityType::parse(e["type"].as_str().unwrap_or(""))
                    .ok_or_else(|| err("entity with unknown type"))?,
                form: match e["form"].as_str() {
                    Some("deriv") => Some(EntityForm::Deriv),
                    Some("part") => Some(EntityForm::Part),
                    _ => None,
                },
                kb: opt_str(&e["kb"]),
                name: opt_str(&e["name"]),
            });
        }
        doc.entities = Some(entities);
    }
    if ran("timexes") {
        let mut timexes = Vec::new();
        for t in list("timexes") {
            timexes.push(Timex {
                span: span_of(&t)?,
                kind: TimexType::parse(t["type"].as_str().unwrap_or(""))
                    .ok_or_else(|| err("timex with unknown type"))?,
                value: opt_str(&t["value"]),
            });
        }
        doc.timexes = Some(timexes);
    }
    for f in list("flags") {
        let kind = match f["kind"].as_str() {
            Some("foreign_language") => FlagKind::ForeignLanguage {
                lang: f["lang"].as_str().unwrap_or("und").to_string(),
            },
            Some("repetition") => FlagKind::Repetition {
                phrase: f["phrase"].as_str().unwrap_or("").to_string(),
            },
            Some("truncated") => FlagKind::Truncated,
            _ => continue,
        };
        doc.flags.push(Flag {
            span: span_of(&f)?,
            kind,
        });
    }
    Ok(doc)
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
}
