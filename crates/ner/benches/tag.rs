//! Tagging throughput (tokens per second) of the shipped model of the
//! fallback pack (German), and the time to decode the model from the pack's
//! compiled-in bytes.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsgraph_ner::{read_corpus, shipped_model, Model, Scratch};

fn sentences() -> Vec<Vec<String>> {
    if let Some(p) = newsgraph_testkit::shared_dir("data/germeval2014/NER-de-dev.tsv") {
        if let Ok(s) = read_corpus(&p) {
            return s.into_iter().map(|s| s.tokens).collect();
        }
    }
    let text = "Bundeskanzler Olaf Scholz reiste am Montag nach Paris , wo er den französischen Präsidenten traf .";
    vec![text.split(' ').map(str::to_string).collect(); 500]
}

fn bench(c: &mut Criterion) {
    let model = shipped_model().expect("shipped model decodes");
    let sents = sentences();
    let toks: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| s.iter().map(String::as_str).collect())
        .collect();
    let n: usize = toks.iter().map(Vec::len).sum();
    let mut g = c.benchmark_group("ner");
    g.sample_size(10);
    g.throughput(Throughput::Elements(n as u64));
    g.bench_function("tag_germeval_dev", |b| {
        let mut scratch = Scratch::default();
        b.iter(|| {
            toks.iter()
                .map(|t| model.tag_indices(t, &mut scratch).len())
                .sum::<usize>()
        })
    });
    g.finish();
    let packs = newsgraph_pack::Packs::embedded();
    let pack = packs.for_lang(None).expect("a fallback pack");
    let bytes = pack
        .bytes("ner", "model")
        .expect("the pack names its model");
    let mut g = c.benchmark_group("ner_load");
    g.sample_size(10);
    g.bench_function("decode_model", |b| {
        b.iter(|| Model::from_bytes(&bytes).map(|m| m.num_features()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
