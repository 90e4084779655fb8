//! Development driver until the `newsgraph` CLI wires these up:
//!
//! ```text
//! ner clusters OUT.tsv.gz [--exclude PATH]... [--coarse K] [--fine K] [--min-count N] [--max-words N] [--contexts N] INPUT...
//! ner train --out MODEL [--dev FILE] [--clusters FILE] [--epochs N] [--seed N] [--runs N] [--prune X] [--min-count N] TRAIN...
//! ner eval --model MODEL GOLD
//! ner tag --model MODEL [FILE]
//! ner dump CORPUS          (any layout read_corpus knows → token<TAB>label)
//! ```

use std::path::PathBuf;

use newsgraph_ner::{
    build_clusters, eval_conll, tag_conll, train, ClusterOptions, Model, TrainOptions,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut pos = Vec::new();
    let mut flags: Vec<(String, String)> = Vec::new();
    let mut i = 1;
    while i < args.len() {
        if let Some(f) = args[i].strip_prefix("--") {
            flags.push((f.to_string(), args.get(i + 1).cloned().unwrap_or_default()));
            i += 2;
        } else {
            pos.push(args[i].clone());
            i += 1;
        }
    }
    let flag = |n: &str| flags.iter().find(|f| f.0 == n).map(|f| f.1.clone());
    let many = |n: &str| -> Vec<PathBuf> {
        flags
            .iter()
            .filter(|f| f.0 == n)
            .map(|f| PathBuf::from(&f.1))
            .collect()
    };
    let load = || -> Result<Model, Box<dyn std::error::Error>> {
        let p = flag("model").ok_or("--model is required")?;
        Ok(Model::from_bytes(&std::fs::read(p)?)?)
    };
    match args.first().map(String::as_str) {
        Some("clusters") => {
            let out = PathBuf::from(&pos[0]);
            let inputs: Vec<PathBuf> = pos[1..].iter().map(PathBuf::from).collect();
            let mut o = ClusterOptions::default();
            if let Some(k) = flag("fine") {
                o.fine = k.parse()?;
            }
            if let Some(k) = flag("coarse") {
                o.coarse = k.parse()?;
            }
            if let Some(k) = flag("min-count") {
                o.min_count = k.parse()?;
            }
            if let Some(k) = flag("max-words") {
                o.max_words = k.parse()?;
            }
            if let Some(k) = flag("contexts") {
                o.contexts = k.parse()?;
            }
            let t = std::time::Instant::now();
            let c = build_clusters(&inputs, &many("exclude"), &o)?;
            c.write(&out)?;
            eprintln!("{} words clustered in {:.1?}", c.len(), t.elapsed());
        }
        Some("train") => {
            let mut o = TrainOptions::default();
            if let Some(v) = flag("epochs") {
                o.epochs = v.parse()?;
            }
            if let Some(v) = flag("seed") {
                o.seed = v.parse()?;
            }
            if let Some(v) = flag("min-count") {
                o.min_feature_count = v.parse()?;
            }
            if let Some(v) = flag("runs") {
                o.runs = v.parse()?;
            }
            if let Some(v) = flag("prune") {
                o.prune = v.parse()?;
            }
            o.clusters = flag("clusters").map(PathBuf::from);
            let train_files: Vec<PathBuf> = pos.iter().map(PathBuf::from).collect();
            let dev = flag("dev").map(PathBuf::from);
            let out = PathBuf::from(flag("out").ok_or("--out is required")?);
            let t = std::time::Instant::now();
            let r = train(&train_files, dev.as_deref(), &out, &o)?;
            eprintln!(
                "{} sentences, {} tokens, {} features, epoch {} kept, {} bytes, {:.1?}",
                r.sentences,
                r.tokens,
                r.features,
                r.epoch,
                r.model_bytes,
                t.elapsed()
            );
            let f1: Vec<String> = r.dev_f1.iter().map(|f| format!("{f:.4}")).collect();
            eprintln!("dev F1 per epoch: {}", f1.join(" "));
            if let Some(d) = r.dev {
                println!("{d}");
            }
        }
        Some("eval") => {
            let m = load()?;
            println!("{}", eval_conll(&PathBuf::from(&pos[0]), &m)?);
        }
        Some("tag") => {
            let m = load()?;
            let stdout = std::io::stdout();
            match pos.first() {
                Some(p) => tag_conll(
                    std::io::BufReader::new(std::fs::File::open(p)?),
                    stdout.lock(),
                    &m,
                )?,
                None => tag_conll(std::io::stdin().lock(), stdout.lock(), &m)?,
            }
        }
        Some("dump") => {
            for s in newsgraph_ner::read_corpus(&PathBuf::from(&pos[0]))? {
                for (t, l) in s.tokens.iter().zip(&s.labels) {
                    println!("{t}\t{}", newsgraph_ner::labels::name(*l));
                }
                println!();
            }
        }
        _ => return Err("usage: ner clusters|train|eval|tag|dump …".into()),
    }
    Ok(())
}
