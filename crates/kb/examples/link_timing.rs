//! Times the knowledge base's load (parse and alias index) and the linking
//! of documents, against the rest of the standard pipeline.
//!
//! ```text
//! cargo run --release -p newsgraph-kb --example link_timing -- FILE_OR_DIR... [--show] [--kb KB.jsonl]
//! ```
//!
//! Each input is read with the usual readers (a folder: every file in it);
//! `--show` prints each document's entities with their links; `--kb` times
//! and links with a knowledge base read from a file instead of the shipped
//! one (to measure a larger one before it ships).

use newsgraph_doc::{Doc, Stage};
use newsgraph_kb::{Kb, LinkStage};
use newsgraph_pipeline::{standard_without, Packs};
use newsgraph_read::{read_path, ReadOptions};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().any(|a| a == "--show");
    let kb_file = args
        .iter()
        .position(|a| a == "--kb")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let mut inputs: Vec<PathBuf> = Vec::new();
    for arg in args
        .iter()
        .filter(|a| !a.starts_with("--") && Some(*a) != kb_file.as_ref())
    {
        let path = PathBuf::from(arg);
        if path.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect();
            files.sort();
            inputs.extend(files);
        } else {
            inputs.push(path);
        }
    }
    if inputs.is_empty() {
        eprintln!("usage: link_timing FILE_OR_DIR... [--show]");
        std::process::exit(2);
    }

    let rss_before = resident_mb();
    let start = Instant::now();
    let kb: &'static Kb = match &kb_file {
        Some(path) => {
            let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
            let start = Instant::now();
            let kb = Kb::from_jsonl(&text, path).unwrap_or_else(|e| panic!("{e}"));
            println!("(read {path}: parse {:.1} ms)", ms(start.elapsed()));
            Box::leak(Box::new(kb))
        }
        None => Kb::shipped(),
    };
    let parsed = start.elapsed();
    let index = kb.index();
    let loaded = start.elapsed();
    println!(
        "knowledge base: {} entries, {} keys; parse {:.1} ms, index {:.1} ms, load {:.1} ms; resident memory +{:.1} MB",
        kb.len(),
        index.len(),
        ms(parsed),
        ms(loaded - parsed),
        ms(loaded),
        resident_mb() - rss_before,
    );

    let packs = Packs::embedded();
    let rest = standard_without(&packs, &["link".to_string()]).expect("the pipeline builds");
    let link = LinkStage::new(&packs, kb);
    let opts = ReadOptions {
        format: None,
        max_doc_bytes: 64 << 20,
    };
    let docs: Vec<Doc> = inputs
        .iter()
        .flat_map(|p| read_path(p, &opts).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .filter_map(Result::ok)
        .collect();
    // Warm up: compile each language's rules and models once.
    for doc in &docs {
        let mut doc = doc.clone();
        rest.run(&mut doc).ok();
        link.annotate(&mut doc);
    }
    let (mut pipeline_time, mut link_time, mut mentions) = (Duration::ZERO, Duration::ZERO, 0);
    for doc in &docs {
        let mut doc = doc.clone();
        let t = Instant::now();
        rest.run(&mut doc).expect("the pipeline runs");
        pipeline_time += t.elapsed();
        let t = Instant::now();
        link.annotate(&mut doc);
        link_time += t.elapsed();
        let entities = doc.entities.as_deref().unwrap_or_default();
        mentions += entities.len();
        if show {
            println!("# {}", doc.meta.id);
            for e in entities {
                println!(
                    "{:<45} {} {:<22} {:<5} c{:<3} {}",
                    doc.slice(e.span),
                    e.label.as_str(),
                    e.kb.as_deref().unwrap_or("-"),
                    e.score.map_or("-".into(), |s| format!("{s:.2}")),
                    e.cluster.map_or(0, |c| c),
                    e.name.as_deref().unwrap_or("-"),
                );
            }
        }
    }
    let n = docs.len().max(1) as f64;
    println!(
        "{} documents, {} mentions: linking {:.3} ms per document ({:.1} µs per mention), the rest of the pipeline {:.2} ms per document; linking is {:.1} % of the whole",
        docs.len(),
        mentions,
        ms(link_time) / n,
        link_time.as_secs_f64() * 1e6 / mentions.max(1) as f64,
        ms(pipeline_time) / n,
        100.0 * link_time.as_secs_f64() / (link_time + pipeline_time).as_secs_f64()
    );
}

/// The process's resident memory in MB (Linux; 0 elsewhere).
fn resident_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmRSS:"))?;
            line.split_whitespace().nth(1)?.parse::<f64>().ok()
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
