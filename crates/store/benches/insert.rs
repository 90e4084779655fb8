//! Insert throughput: 2,000 synthetic German news documents of about 3 KB,
//! every layer filled (per document 18 sentences, 54 entities, 18 timexes,
//! 6 quotes, 5 claims, 4 events, 1 flag: 106 layer rows and a 12.7 KB
//! record), into a fresh database file; and re-ingesting them (all
//! duplicates).
//!
//! `cargo bench -p newsgraph-store --bench insert`; criterion reports
//! documents per second as "thrpt".

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use newsgraph_doc::{
    Claim, ClaimSource, Doc, EntityMention, EntityRef, EntityType, Event, Flag, FlagKind, Modality,
    Quote, QuoteKind, Span, Status, Timex, TimexType,
};
use newsgraph_store::{SqliteStore, Store};

const DOCS: usize = 2000;

fn make_doc(n: usize) -> Doc {
    let mut text = format!("Gespräche in Köln ({n})\n\n");
    let (mut sentences, mut entities, mut timexes) = (vec![], vec![], vec![]);
    let (mut quotes, mut claims, mut events) = (vec![], vec![], vec![]);
    let mut i = 0;
    while text.len() < 3000 {
        let base = text.len();
        let s = format!(
            "„Wir werden weiter verhandeln“, sagte Olaf Scholz am Montag in Köln über den \
             Plan Nr. {n}-{i} 🎉, während die Grünen laut Reuters von einem Rückschlag sprachen. "
        );
        let at = |w: &str| {
            let p = base + s.find(w).unwrap();
            Span::new(p, p + w.len())
        };
        let sentence = Span::new(base, base + s.trim_end().len());
        text.push_str(&s);
        sentences.push(sentence);
        let (scholz, koeln, reuters) = (at("Olaf Scholz"), at("Köln"), at("Reuters"));
        entities.push(ent(scholz, EntityType::Per, "olaf-scholz"));
        entities.push(ent(koeln, EntityType::Loc, "koeln"));
        entities.push(ent(reuters, EntityType::Org, "reuters"));
        timexes.push(Timex {
            span: at("Montag"),
            kind: TimexType::Date,
            value: Some("2024-06-10".into()),
        });
        if i % 3 == 0 {
            quotes.push(Quote {
                span: at("Wir werden weiter verhandeln"),
                kind: QuoteKind::Direct,
                speaker: Some(EntityRef {
                    span: scholz,
                    entity: Some(0),
                }),
                cue: Some(at("sagte")),
                speaker_name: Some("Olaf Scholz".into()),
            });
        }
        if i % 4 == 0 {
            claims.push(Claim {
                span: at("von einem Rückschlag sprachen"),
                sentence: i,
                sources: vec![ClaimSource {
                    mention: EntityRef {
                        span: reuters,
                        entity: None,
                    },
                    via: None,
                }],
                modality: Modality::Asserted,
                status: Status::Reported,
                time: Some("2024-06-10".into()),
            });
        }
        if i % 5 == 0 {
            events.push(Event {
                code: "040".into(),
                label: "Consult".into(),
                actor: Some("olaf-scholz".into()),
                target: None,
                location: Some("koeln".into()),
                time: Some("2024-06-10".into()),
                sentence: i,
                modality: Modality::Asserted,
            });
        }
        i += 1;
    }
    let mut doc = Doc::new(format!("bench-{n}"), text);
    doc.meta.lang = Some("de".into());
    doc.meta.title = Some(format!("Gespräche in Köln ({n})"));
    doc.meta.dct = Some(jiff::civil::date(2024, 6, 12));
    doc.set_sentences(sentences).unwrap();
    doc.flags.push(Flag {
        span: doc.sentences().unwrap()[0],
        kind: FlagKind::Repetition {
            phrase: "weiter verhandeln".into(),
        },
    });
    doc.entities = Some(entities);
    doc.timexes = Some(timexes);
    doc.quotes = Some(quotes);
    doc.claims = Some(claims);
    doc.events = Some(events);
    doc
}

fn ent(span: Span, label: EntityType, kb: &str) -> EntityMention {
    EntityMention {
        span,
        label,
        form: None,
        kb: Some(kb.into()),
        name: None,
        score: None,
        cluster: None,
    }
}

fn fresh() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("bench.db")).unwrap();
    (dir, store)
}

fn bench(c: &mut Criterion) {
    let docs: Vec<Doc> = (0..DOCS).map(make_doc).collect();
    let mut g = c.benchmark_group("insert");
    g.sample_size(10);
    g.throughput(Throughput::Elements(DOCS as u64));
    g.bench_function("2000 docs, batches of 64", |b| {
        b.iter_batched(
            fresh,
            |(dir, mut store)| {
                for batch in docs.chunks(64) {
                    store.insert_batch(batch).unwrap();
                }
                (dir, store)
            },
            BatchSize::PerIteration,
        )
    });
    g.bench_function("2000 docs, one batch", |b| {
        b.iter_batched(
            fresh,
            |(dir, mut store)| {
                store.insert_batch(&docs).unwrap();
                (dir, store)
            },
            BatchSize::PerIteration,
        )
    });
    let (_dir, mut full) = fresh();
    full.insert_batch(&docs).unwrap();
    g.bench_function("2000 duplicates, batches of 64", |b| {
        b.iter(|| {
            for batch in docs.chunks(64) {
                full.insert_batch(batch).unwrap();
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
