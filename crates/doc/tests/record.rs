//! The record structs give byte for byte the JSON of the hand-written
//! mapping they replaced (key order included), and read back what they wrote.

use newsgraph_doc::record::{self, Record, RecordOptions};
use newsgraph_doc::{
    CharIndex, Claim, ClaimSource, Doc, DocType, EntityForm, EntityMention, EntityRef, EntityType,
    Event, Flag, FlagKind, Layer, Modality, Quote, QuoteKind, Span, Status, Timex, TimexType,
    Token, TokenKind,
};
use serde_json::{json, Map, Value};

/// The byte span of the first `needle` in `text` at or after byte `from`.
fn find(text: &str, needle: &str, from: usize) -> Span {
    let start = from + text[from..].find(needle).unwrap();
    Span::new(start, start + needle.len())
}

/// A document with every layer filled, umlauts and emoji before the spans so
/// that byte and code point offsets differ.
fn rich_doc(id: &str) -> Doc {
    let text = "Grüße aus Köln 🎉! Olaf Scholz sagte am Montag, die Straße werde gesperrt. \
                „Wir prüfen das“, so der Sprecher laut Reuters.";
    let mut doc = Doc::new(id, text);
    doc.meta.lang = Some("de".into());
    doc.meta.dct = Some(jiff::civil::date(2024, 6, 12));
    doc.meta.title = Some("Straßensperre in Köln".into());
    doc.meta.url = Some("https://example.org/köln".into());
    doc.meta.source = Some("Beispiel-Zeitung".into());
    let s2 = find(text, "„Wir", 0).start;
    doc.set_sentences(vec![
        Span::new(0, find(text, "!", 0).end),
        Span::new(find(text, "Olaf", 0).start, s2 - 1),
        Span::new(s2, text.len()),
    ])
    .unwrap();
    let tokens = text
        .split_whitespace()
        .map(|w| {
            let start = w.as_ptr() as usize - text.as_ptr() as usize;
            Token {
                span: Span::new(start, start + w.len()),
                kind: TokenKind::Word,
            }
        })
        .collect();
    doc.set_tokens(tokens).unwrap();
    let scholz = find(text, "Olaf Scholz", 0);
    let reuters = find(text, "Reuters", 0);
    doc.entities = Some(vec![
        EntityMention {
            span: find(text, "Köln", 0),
            label: EntityType::Loc,
            form: None,
            kb: Some("koeln".into()),
            name: Some("Köln".into()),
        },
        EntityMention {
            span: scholz,
            label: EntityType::Per,
            form: None,
            kb: Some("olaf-scholz".into()),
            name: Some("Olaf Scholz".into()),
        },
        EntityMention {
            span: reuters,
            label: EntityType::Org,
            form: Some(EntityForm::Part),
            kb: None,
            name: None,
        },
    ]);
    doc.timexes = Some(vec![Timex {
        span: find(text, "am Montag", 0),
        kind: TimexType::Date,
        value: Some("2024-06-10".into()),
    }]);
    doc.quotes = Some(vec![
        Quote {
            span: find(text, "Wir prüfen das", 0),
            kind: QuoteKind::Direct,
            speaker: Some(EntityRef {
                span: find(text, "der Sprecher", 0),
                entity: None,
            }),
            cue: Some(find(text, "so", s2)),
            speaker_name: None,
        },
        Quote {
            span: find(text, "die Straße werde gesperrt", 0),
            kind: QuoteKind::Indirect,
            speaker: Some(EntityRef {
                span: scholz,
                entity: Some(1),
            }),
            cue: None,
            speaker_name: Some("Olaf Scholz".into()),
        },
    ]);
    doc.claims = Some(vec![Claim {
        span: find(text, "die Straße werde gesperrt", 0),
        sentence: 1,
        sources: vec![ClaimSource {
            mention: EntityRef {
                span: scholz,
                entity: Some(1),
            },
            via: Some("laut Reuters".into()),
        }],
        modality: Modality::Probable,
        status: Status::Reported,
        time: Some("2024-06-10".into()),
    }]);
    doc.events = Some(vec![Event {
        code: "010".into(),
        label: "Make statement".into(),
        actor: Some("olaf-scholz".into()),
        target: None,
        location: Some("koeln".into()),
        time: Some("2024-06-10".into()),
        sentence: 1,
        modality: Modality::Asserted,
    }]);
    doc.flags = vec![Flag {
        span: find(text, "🎉", 0),
        kind: FlagKind::ForeignLanguage { lang: "und".into() },
    }];
    doc
}

/// `rich_doc` with an author, narrative anchoring, an unattributed quote and
/// every kind of flag.
fn richer_doc() -> Doc {
    let mut doc = rich_doc("richer");
    let text = doc.text().to_string();
    doc.meta.author = Some("Anna Roth".into());
    doc.meta.doctype = DocType::Narrative;
    doc.quotes.as_mut().unwrap().push(Quote {
        span: find(&text, "Grüße", 0),
        kind: QuoteKind::Mixed,
        speaker: None,
        cue: None,
        speaker_name: Some("Niemand".into()),
    });
    doc.claims.as_mut().unwrap()[0].sources.push(ClaimSource {
        mention: EntityRef {
            span: find(&text, "Reuters", 0),
            entity: None,
        },
        via: None,
    });
    doc.flags.push(Flag {
        span: find(&text, "so der Sprecher", 0),
        kind: FlagKind::Repetition {
            phrase: "so der Sprecher".into(),
        },
    });
    doc.flags.push(Flag {
        span: Span::new(0, text.len()),
        kind: FlagKind::Truncated,
    });
    doc
}

fn same_bytes(doc: &Doc, opts: &RecordOptions) {
    let new = serde_json::to_string(&record::to_json(doc, opts)).unwrap();
    let old = serde_json::to_string(&legacy_to_json(doc, opts)).unwrap();
    assert_eq!(new, old);
    let pretty = serde_json::to_string_pretty(&Record::from_doc(doc, opts)).unwrap();
    assert_eq!(
        pretty,
        serde_json::to_string_pretty(&legacy_to_json(doc, opts)).unwrap()
    );
}

#[test]
fn records_are_byte_identical_to_the_hand_written_mapping() {
    let with_tokens = RecordOptions { tokens: true };
    for doc in [rich_doc("rich"), richer_doc()] {
        same_bytes(&doc, &RecordOptions::default());
        same_bytes(&doc, &with_tokens);
    }
    let mut bare = Doc::new("bare", "Nichts analysiert.");
    same_bytes(&bare, &with_tokens);
    bare.entities = Some(vec![]);
    same_bytes(&bare, &RecordOptions::default());
}

#[test]
fn a_record_reads_back_into_its_document() {
    let doc = richer_doc();
    let json = record::to_json(&doc, &RecordOptions { tokens: true });
    let back = record::from_json(&json).unwrap();
    assert_eq!(back.meta, doc.meta);
    assert_eq!(back.text(), doc.text());
    assert_eq!(back.sentences(), doc.sentences());
    assert_eq!(back.tokens(), doc.tokens());
    assert_eq!(back.entities, doc.entities);
    assert_eq!(back.timexes, doc.timexes);
    assert_eq!(back.flags, doc.flags);
    let rec: Record = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(serde_json::to_value(&rec).unwrap(), json);
}

#[test]
fn a_record_without_text_is_refused() {
    let err = record::from_json(&json!({"id": "x"})).unwrap_err();
    assert!(err.to_string().contains("text"), "{err}");
}

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

/// The hand-written mapping the record structs replaced, kept as the reference.
fn legacy_to_json(doc: &Doc, opts: &RecordOptions) -> Value {
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
                json!({"start": start, "end": end, "kind": legacy_token_kind(t.kind)})
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

fn legacy_token_kind(kind: TokenKind) -> &'static str {
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
