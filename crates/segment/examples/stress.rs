//! Segments a 100 MB single-line text (news paragraphs joined without line
//! breaks) and prints time, token count and peak memory.
//!
//! `cargo run --release -p newsgraph-segment --example stress [MB]`

use newsgraph_segment::Segmenter;
use std::time::Instant;

const PARAGRAPH: &str = "Am 12. Juni 2024 sagte Dr. Weber in Berlin, die Regierung \
    wolle z. B. 3,5 Mrd. Euro für Kund:innen ausgeben. „Das reicht nicht.“ Die \
    Opposition (u. a. die Grünen) sprach von 15.000 Betroffenen um 12.30 Uhr... \
    Weitere Infos: https://www.example.de/a?b=1 oder presse@example.de! ";

fn main() {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100);
    let mut text = String::with_capacity(mb << 20);
    while text.len() < mb << 20 {
        text.push_str(PARAGRAPH);
    }
    let started = Instant::now();
    let (tokens, sentences) = Segmenter::for_lang("de").segment(&text);
    let secs = started.elapsed().as_secs_f64();
    let peak = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(str::to_string)
        })
        .unwrap_or_default();
    println!(
        "{} MB in {:.2} s ({:.1} MB/s): {} tokens, {} sentences; {}",
        text.len() >> 20,
        secs,
        text.len() as f64 / secs / 1e6,
        tokens.len(),
        sentences.len(),
        peak
    );
}
