//! Per-document cost of language identification and the quality flags on a
//! 5 KB German news article (Wikinews articles from the shared corpora, or a
//! built-in paragraph when they are absent), and of detection on a 1 MB
//! document (sampled, so it should cost what 8 KB costs).
//!
//! ```text
//! cargo bench -p newsgraph-lang
//! ```

#[path = "../tests/support/mod.rs"]
mod support;

use criterion::{criterion_group, criterion_main, Criterion};
use newsgraph_doc::{Doc, Stage};
use newsgraph_lang::{detect_language, warm_up, QualityFlagStage};
use std::hint::black_box;

const TARGET: usize = 5 * 1024;

/// About 5 KB of German news, cut at a paragraph.
fn article() -> String {
    let mut text = String::new();
    if let Some(path) = newsgraph_testkit::shared_dir("data/german-news-quotes/dev.jsonl") {
        let data = std::fs::read_to_string(path).unwrap_or_default();
        for line in data.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
            for para in v["originalText"].as_str().unwrap_or_default().split("\n\n") {
                if text.len() + para.len() > TARGET && !text.is_empty() {
                    return text;
                }
                text.push_str(para.trim());
                text.push_str("\n\n");
            }
        }
    }
    let para = "Der Stadtrat hat am Dienstagabend nach langer Debatte den Haushalt für das \
                kommende Jahr beschlossen. Die Opposition kritisierte die geplanten Kürzungen \
                bei den Schwimmbädern und forderte mehr Geld für Schulen.\n\n";
    while text.len() < TARGET {
        text.push_str(para);
    }
    text
}

fn bench(c: &mut Criterion) {
    warm_up();
    let text = article();
    eprintln!("article: {} bytes", text.len());
    let tokens = support::tokenize(&text);
    let sentences = support::sentences(&text, &tokens);
    let mut base = Doc::new("bench", text.as_str());
    base.meta.lang = Some("de".into());
    base.set_tokens(tokens).expect("tokens");
    base.set_sentences(sentences).expect("sentences");

    c.bench_function("detect_language 5KB", |b| {
        b.iter(|| detect_language(black_box(&text)))
    });
    c.bench_function("quality flags 5KB", |b| {
        b.iter_batched_ref(
            || base.clone(),
            |doc| QualityFlagStage.annotate(doc),
            criterion::BatchSize::SmallInput,
        )
    });
    let big = text.repeat(1024 * 1024 / text.len() + 1);
    c.bench_function("detect_language 1MB", |b| {
        b.iter(|| detect_language(black_box(&big)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
