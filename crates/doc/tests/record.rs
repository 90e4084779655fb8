//! The record structs give byte for byte the JSON of the hand-written
//! mapping they replaced (key order included), and read back what they wrote.

use newsgraph_doc::record::{self, Record, RecordOptions};
use newsgraph_doc::{
    Claim, ClaimSource, Doc, DocType, EntityForm, EntityMention, EntityRef, EntityType, Event,
    Flag, FlagKind, Modality, Quote, QuoteKind, Span, Status, Timex, TimexType, Token, TokenKind,
};
use serde_json::json;

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
            score: Some(0.9),
            cluster: Some(0),
        },
        EntityMention {
            span: scholz,
            label: EntityType::Per,
            form: None,
            kb: Some("olaf-scholz".into()),
            name: Some("Olaf Scholz".into()),
            score: Some(1.0),
            cluster: Some(1),
        },
        EntityMention {
            span: reuters,
            label: EntityType::Org,
            form: Some(EntityForm::Part),
            kb: None,
            name: None,
            score: None,
            cluster: Some(2),
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

/// The record of `doc` is byte for byte the one in `tests/golden/NAME`:
/// the output of the hand-written mapping the record structs replaced
/// (issue 22), so key order and every optional key stay as they were.
/// `NEWSGRAPH_BLESS=1` rewrites the file after a deliberate change.
fn same_bytes(name: &str, doc: &Doc, opts: &RecordOptions) {
    let compact = serde_json::to_string(&record::to_json(doc, opts)).unwrap();
    let pretty = serde_json::to_string_pretty(&Record::from_doc(doc, opts)).unwrap();
    let actual = format!("{compact}\n{pretty}\n");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("NEWSGRAPH_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    assert_eq!(actual, expected, "{name}");
}

#[test]
fn records_keep_the_bytes_of_the_hand_written_mapping() {
    let with_tokens = RecordOptions { tokens: true };
    for doc in [rich_doc("rich"), richer_doc()] {
        let id = doc.meta.id.clone();
        same_bytes(&format!("{id}.json"), &doc, &RecordOptions::default());
        same_bytes(&format!("{id}-tokens.json"), &doc, &with_tokens);
    }
    let mut bare = Doc::new("bare", "Nichts analysiert.");
    same_bytes("bare-tokens.json", &bare, &with_tokens);
    bare.entities = Some(vec![]);
    same_bytes("bare-entities.json", &bare, &RecordOptions::default());
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
