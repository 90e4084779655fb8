//! Throughput of tokenizing and sentence splitting on German news-like text.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsgraph_segment::Segmenter;
use std::hint::black_box;

/// Paragraphs written for this bench, in the style of agency news, with the
/// phenomena the segmenter has to handle.
const PARAGRAPHS: &[&str] = &[
    "Berlin, 12. Juni 2024\nBundesregierung plant neue Entlastungen für Familien\n",
    "Die Bundesregierung will Familien im kommenden Jahr um rund 3,5 Mrd. Euro entlasten. \
     Das kündigte Finanzminister Dr. Klaus Weber am Mittwoch in Berlin an. „Wir haben \
     die Sorgen der Bürger:innen gehört“, sagte Weber. Die Pläne sollen bis zum 1. Oktober \
     im Kabinett beschlossen werden.\n",
    "Nach Angaben des Ministeriums profitieren ca. 15.000 Haushalte in Nordrhein-Westfalen \
     u. a. von höheren Freibeträgen. Der Städte- und Gemeindebund begrüßte die Pläne, \
     forderte aber z. B. mehr Geld für Kitas. „Das reicht nicht.“ Die Kommunen trügen \
     bereits jetzt 40 % der Kosten, hieß es um 12.30 Uhr in einer Mitteilung.\n",
    "Kritik kam von der Opposition. Prof. Anna Schmidt vom Institut für Wirtschaftsforschung \
     (IfW) sprach von einem »Tropfen auf den heißen Stein«. Bereits im 2. Quartal sei die \
     Inflation gestiegen... Die Zahl der Lehrer*innen an Grundschulen sinke weiter. \
     Weitere Informationen gibt es unter https://www.example.de/familien oder per \
     E-Mail an presse@example.de.\n\n",
];

fn news_text(target: usize) -> String {
    let mut text = String::with_capacity(target + 1024);
    while text.len() < target {
        for p in PARAGRAPHS {
            text.push_str(p);
        }
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = news_text(1 << 20);
    let seg = Segmenter::for_lang("de");
    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("tokenize+sentences/de-news-1MB", |b| {
        b.iter(|| {
            let (tokens, sentences) = seg.segment(black_box(&text));
            black_box((tokens.len(), sentences.len()))
        })
    });
    group.bench_function("tokenize/de-news-1MB", |b| {
        b.iter(|| black_box(seg.tokenize(black_box(&text)).len()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
