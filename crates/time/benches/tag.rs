//! Throughput of `tag` on German news-like text (MB/s, release build).
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsgraph_time::{tag, DocType};

const PARAGRAPH: &str =
    "Berlin, 14. März 2024. Die Bundesregierung will bereits nächste Woche über das \
Haushaltsgesetz abstimmen, sagte ein Sprecher am Mittwoch. Im vergangenen Jahr hatte der \
Bundestag den Entwurf noch abgelehnt; seit drei Jahren streiten die Parteien über die \
Schuldenbremse. Der Kanzler traf sich am Montagabend um 19.30 Uhr mit den Ministerpräsidenten, \
die Sitzung dauerte mehr als vier Stunden. Anfang April soll der Ausschuss erneut tagen, \
spätestens aber bis Ende des Jahres. Die Opposition kritisierte, dass die Regierung schon im \
September letzten Jahres Kürzungen angekündigt habe. Vor zwei Wochen demonstrierten Tausende \
Menschen in Hamburg, München und Köln gegen die Pläne; weitere Proteste sind für Ostern \
geplant. Der Verband rechnet damit, dass die Preise in den kommenden Monaten weiter steigen \
und sich erst im dritten Quartal 2025 stabilisieren. Die Statistik erscheint monatlich, der \
nächste Bericht am 2. Mai. Gestern Abend teilte das Ministerium mit, die Gespräche würden \
übermorgen fortgesetzt. In den 1990er Jahren hatte es eine ähnliche Debatte gegeben.\n\n";

fn bench(c: &mut Criterion) {
    let text = PARAGRAPH.repeat(200);
    let dct = Some(jiff::civil::date(2024, 3, 14));
    let mut g = c.benchmark_group("tag");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("german_news", |b| {
        b.iter(|| tag(std::hint::black_box(&text), Some("de"), dct, DocType::News))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
