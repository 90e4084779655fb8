//! Scores the segmenter on a CoNLL-U file, like `newsgraph eval segment`,
//! optionally on a range of sentences, and prints the wrong boundaries.
//!
//! `cargo run --release -p newsgraph-segment --example eval_segment -- FILE [FIRST LAST] [--errors]`

use newsgraph_segment::{read_conllu, score, Segmenter};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: eval_segment FILE.conllu [FIRST LAST] [--errors]");
        std::process::exit(2);
    };
    let data = std::fs::read_to_string(path).expect("readable treebank");
    let range: Option<(usize, usize)> = match (args.get(1), args.get(2)) {
        (Some(a), Some(b)) if a != "--errors" => a.parse().ok().zip(b.parse().ok()),
        _ => None,
    };
    let data = match range {
        // Keep sentences FIRST..=LAST (1-based, in file order).
        Some((first, last)) => data
            .split("\n\n")
            .enumerate()
            .filter(|(i, _)| (first..=last).contains(&(i + 1)))
            .map(|(_, s)| s)
            .collect::<Vec<_>>()
            .join("\n\n"),
        None => data,
    };
    let gold = read_conllu(&data);
    let seg = Segmenter::for_lang("de");
    println!("{}", score(&gold, seg));
    let started = Instant::now();
    let reps = 20;
    let mut ntok = 0;
    for _ in 0..reps {
        ntok = seg.segment(&gold.text).0.len();
    }
    let secs = started.elapsed().as_secs_f64() / reps as f64;
    println!(
        "throughput: {:.0} tokens/s, {:.1} MB/s ({} tokens, {} bytes)",
        ntok as f64 / secs,
        gold.text.len() as f64 / secs / 1e6,
        ntok,
        gold.text.len()
    );
    if args.iter().any(|a| a == "--tokens") {
        let toks = seg.tokenize(&gold.text);
        let pred: std::collections::HashSet<(usize, usize)> =
            toks.iter().map(|t| (t.span.start, t.span.end)).collect();
        for g in &gold.tokens {
            if !pred.contains(&(g.start, g.end)) {
                let a = gold.text.floor_char_boundary(g.start.saturating_sub(15));
                let b = gold
                    .text
                    .ceil_char_boundary((g.end + 15).min(gold.text.len()));
                let ours: Vec<&str> = toks
                    .iter()
                    .filter(|t| t.span.end > g.start && t.span.start < g.end)
                    .map(|t| &gold.text[t.span.range()])
                    .collect();
                println!(
                    "GOLD {:?} OURS {:?} in {:?}",
                    &gold.text[g.range()],
                    ours,
                    &gold.text[a..b]
                );
            }
        }
    }
    if args.iter().any(|a| a == "--errors") {
        let (_, sents) = seg.segment(&gold.text);
        let pred: std::collections::HashSet<usize> = sents.iter().map(|s| s.end).collect();
        let goldb: std::collections::HashSet<usize> =
            gold.sentences.iter().map(|s| s.end).collect();
        let ctx = |e: usize| {
            let a = gold.text.floor_char_boundary(e.saturating_sub(60));
            let b = gold.text.ceil_char_boundary((e + 40).min(gold.text.len()));
            format!("{}⟦|⟧{}", &gold.text[a..e], &gold.text[e..b])
        };
        for e in &goldb {
            if !pred.contains(e) {
                println!("MISSED  {}", ctx(*e));
            }
        }
        for e in &pred {
            if !goldb.contains(e) {
                println!("SPURIOUS {}", ctx(*e));
            }
        }
    }
}
