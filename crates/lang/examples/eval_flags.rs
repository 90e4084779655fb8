//! Measures the language detector and the quality flags on German news from
//! the shared corpora, with the corpora's own tokens:
//!
//! - GermEval 2014 dev, sentences whose source is not Wikipedia;
//! - UD German-GSD dev, sentences s501–s799 (news);
//! - German Wikinews articles (german-news-quotes train + dev), whole documents.
//!
//! Prints the share of sentences/articles detected as German, the flags per
//! 1,000 sentences with every flag for inspection, and detection times. Then
//! the same for English news (TimeBank, document language `en`), and the
//! recall of the fragment flag on synthetic insertions: windows of 3–8 words
//! of English news put into German news sentences (in brackets, or bare) and
//! German windows into English sentences.
//!
//! ```text
//! cargo run --release -p newsgraph-lang --example eval_flags [-- SHARED_DIR]
//! ```

#[path = "../tests/support/mod.rs"]
#[allow(dead_code)]
mod support;

use newsgraph_doc::{Flag, FlagKind, Span, Token, TokenKind};
use newsgraph_lang::{detect_language, foreign_fragments, repeated_phrase};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// One sentence: its text and its token spans.
struct Sentence {
    source: &'static str,
    text: String,
    tokens: Vec<Token>,
}

fn kind_of(form: &str) -> TokenKind {
    let first = form.chars().next().unwrap_or(' ');
    if first.is_alphabetic() {
        TokenKind::Word
    } else if first.is_ascii_digit() {
        TokenKind::Number
    } else if form.chars().any(char::is_alphanumeric) {
        TokenKind::Symbol
    } else {
        TokenKind::Punct
    }
}

/// Token spans of `forms` found in order in `text` (forms missing from the
/// text are skipped).
fn align(text: &str, forms: &[String]) -> Vec<Token> {
    let mut pos = 0;
    let mut out = Vec::new();
    for f in forms {
        if let Some(off) = text[pos..].find(f.as_str()) {
            let start = pos + off;
            out.push(Token {
                span: Span::new(start, start + f.len()),
                kind: kind_of(f),
            });
            pos = start + f.len();
        }
    }
    out
}

fn germeval(path: &Path) -> Vec<Sentence> {
    let data = std::fs::read_to_string(path).expect("germeval file");
    let mut out = Vec::new();
    let mut forms: Vec<String> = Vec::new();
    let mut keep = false;
    let mut flush = |forms: &mut Vec<String>, keep: bool| {
        if keep && !forms.is_empty() {
            let text = forms.join(" ");
            let tokens = align(&text, forms);
            out.push(Sentence {
                source: "germeval",
                text,
                tokens,
            });
        }
        forms.clear();
    };
    for line in data.lines() {
        if let Some(comment) = line.strip_prefix("#\t") {
            flush(&mut forms, keep);
            keep = !comment.contains("wikipedia");
        } else if let Some(form) = line.split('\t').nth(1) {
            forms.push(form.to_string());
        }
    }
    flush(&mut forms, keep);
    out
}

fn ud_news(path: &Path) -> Vec<Sentence> {
    let data = std::fs::read_to_string(path).expect("conllu file");
    let mut out = Vec::new();
    for block in data.split("\n\n") {
        let id = block
            .lines()
            .find_map(|l| l.strip_prefix("# sent_id = dev-s"))
            .and_then(|n| n.trim().parse::<u32>().ok());
        if !id.is_some_and(|n| (501..=799).contains(&n)) {
            continue;
        }
        let Some(text) = block.lines().find_map(|l| l.strip_prefix("# text = ")) else {
            continue;
        };
        let mut forms = Vec::new();
        let mut skip_until = 0u32;
        for line in block.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 2 {
                continue;
            }
            if let Some((a, b)) = cols[0].split_once('-') {
                let _ = a;
                skip_until = b.parse().unwrap_or(0);
                forms.push(cols[1].to_string());
            } else if cols[0].parse::<u32>().is_ok_and(|n| n > skip_until) {
                forms.push(cols[1].to_string());
            }
        }
        out.push(Sentence {
            source: "ud-gsd",
            tokens: align(text, &forms),
            text: text.to_string(),
        });
    }
    out
}

/// Wikinews articles: (text, sentences with tokens).
fn wikinews(dir: &Path) -> Vec<(String, Vec<Sentence>)> {
    let mut out = Vec::new();
    for file in ["train.jsonl", "dev.jsonl"] {
        let data = std::fs::read_to_string(dir.join(file)).expect("jsonl file");
        for line in data.lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("json line");
            let text = v["originalText"].as_str().unwrap_or_default().to_string();
            let mut sentences = Vec::new();
            for s in v["sentences"].as_array().into_iter().flatten() {
                let stext = s["text"].as_str().unwrap_or_default().to_string();
                let forms: Vec<String> = s["tokens"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|t| t.as_str().map(str::to_string))
                    .collect();
                sentences.push(Sentence {
                    source: "wikinews",
                    tokens: align(&stext, &forms),
                    text: stext,
                });
            }
            out.push((text, sentences));
        }
    }
    out
}

#[derive(Default)]
struct Tally {
    sentences: usize,
    detected: BTreeMap<String, usize>,
    fragments: usize,
    repetitions: usize,
    flag_time: Duration,
}

fn flag_sentences(sentences: &[Sentence], tally: &mut Tally, detect: bool) {
    flag_sentences_in(sentences, tally, detect, "de");
}

fn flag_sentences_in(sentences: &[Sentence], tally: &mut Tally, detect: bool, home: &str) {
    for s in sentences {
        tally.sentences += 1;
        if detect {
            let lang = detect_language(&s.text).unwrap_or("null");
            *tally.detected.entry(lang.to_string()).or_default() += 1;
            if lang != home {
                println!("  [{}] detected {lang}: {}", s.source, s.text);
            }
        }
        let t = Instant::now();
        let frags = foreign_fragments(&s.text, &s.tokens, home);
        let rep = repeated_phrase(&s.text, &s.tokens, home);
        tally.flag_time += t.elapsed();
        for f in &frags {
            tally.fragments += 1;
            let lang = match &f.kind {
                newsgraph_doc::FlagKind::ForeignLanguage { lang } => lang.as_str(),
                _ => "",
            };
            println!(
                "  [{}] FRAGMENT {lang} «{}» in: {}",
                s.source,
                &s.text[f.span.range()],
                s.text
            );
        }
        if let Some(p) = rep {
            tally.repetitions += 1;
            println!("  [{}] REPETITION «{p}» in: {}", s.source, s.text);
        }
    }
}

fn report(name: &str, t: &Tally) {
    let per_k = |n: usize| 1000.0 * n as f64 / t.sentences.max(1) as f64;
    println!(
        "{name}: {} sentences; fragments {} ({:.2}/1000), repetitions {} ({:.2}/1000); flag time {:.1} µs/sentence",
        t.sentences,
        t.fragments,
        per_k(t.fragments),
        t.repetitions,
        per_k(t.repetitions),
        t.flag_time.as_secs_f64() * 1e6 / t.sentences.max(1) as f64
    );
    if !t.detected.is_empty() {
        let de = t.detected.get("de").copied().unwrap_or(0);
        let en = t.detected.get("en").copied().unwrap_or(0);
        println!(
            "  detected: {:?} → share de {:.3}, en {:.3}",
            t.detected,
            de as f64 / t.sentences.max(1) as f64,
            en as f64 / t.sentences.max(1) as f64
        );
    }
}

fn main() {
    let shared = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    let data = shared.join("data");

    let t = Instant::now();
    let first = detect_language("Die Kommission prüft den Antrag noch in diesem Monat.");
    println!(
        "first detection (model loading): {:?} → {first:?}",
        t.elapsed()
    );

    let mut all = Tally::default();
    let mut german: Vec<String> = Vec::new();
    for (name, sentences) in [
        (
            "germeval2014 dev, non-wikipedia",
            germeval(&data.join("germeval2014/NER-de-dev.tsv")),
        ),
        (
            "ud-gsd dev s501-s799",
            ud_news(&data.join("ud_german_gsd/de_gsd-ud-dev.conllu")),
        ),
    ] {
        let mut tally = Tally::default();
        let t = Instant::now();
        flag_sentences(&sentences, &mut tally, true);
        report(name, &tally);
        println!("  wall {:?}", t.elapsed());
        all.sentences += tally.sentences;
        all.fragments += tally.fragments;
        all.repetitions += tally.repetitions;
        all.flag_time += tally.flag_time;
        german.extend(sentences.into_iter().map(|s| s.text));
    }

    let articles = wikinews(&data.join("german-news-quotes"));
    let mut tally = Tally::default();
    let mut doc_langs: BTreeMap<String, usize> = BTreeMap::new();
    let mut detect_time = Duration::ZERO;
    let mut bytes = 0;
    for (text, sentences) in &articles {
        let t = Instant::now();
        let lang = detect_language(text).unwrap_or("null");
        detect_time += t.elapsed();
        bytes += text.len();
        *doc_langs.entry(lang.to_string()).or_default() += 1;
        flag_sentences(sentences, &mut tally, false);
    }
    report("wikinews articles (german-news-quotes train+dev)", &tally);
    println!(
        "  documents {} detected {doc_langs:?}; mean {:.0} bytes, detection {:.2} ms/document",
        articles.len(),
        bytes as f64 / articles.len().max(1) as f64,
        detect_time.as_secs_f64() * 1e3 / articles.len().max(1) as f64
    );
    all.sentences += tally.sentences;
    all.fragments += tally.fragments;
    all.repetitions += tally.repetitions;
    all.flag_time += tally.flag_time;
    report("all", &all);

    let english = timebank(&data.join("tempeval3/TimeBank"));
    let mut tally = Tally::default();
    flag_sentences_in(&english, &mut tally, true, "en");
    report("timebank (English news, home en)", &tally);

    let english: Vec<String> = english.into_iter().map(|s| s.text).collect();
    recall(
        "English windows in German sentences",
        &german,
        &english,
        "de",
        "en",
    );
    recall(
        "German windows in English sentences",
        &english,
        &german,
        "en",
        "de",
    );
}

/// English news sentences of TimeBank (tags stripped, split at `. `), of
/// eight words or more.
fn timebank(dir: &Path) -> Vec<Sentence> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("timebank dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let xml = std::fs::read_to_string(&f).unwrap_or_default();
        let Some(body) = xml
            .split("<TEXT>")
            .nth(1)
            .and_then(|b| b.split("</TEXT>").next())
        else {
            continue;
        };
        let mut plain = String::new();
        let mut in_tag = false;
        for c in body.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => plain.push(if c.is_whitespace() { ' ' } else { c }),
                _ => {}
            }
        }
        for sent in plain.split(". ") {
            let sent = sent.split_whitespace().collect::<Vec<_>>().join(" ");
            if sent.split(' ').count() >= 8 {
                let tokens = support::tokenize(&sent);
                out.push(Sentence {
                    source: "timebank",
                    text: sent,
                    tokens,
                });
            }
        }
    }
    out
}

/// Deterministic pseudo-random numbers (a 64-bit LCG).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Inserts windows of `donors` sentences into `hosts` sentences and counts how
/// often the fragment flag finds them with the right language.
fn recall(name: &str, hosts: &[String], donors: &[String], home: &str, foreign: &str) {
    let mut rng = Lcg(42);
    println!("{name}:");
    for style in ["[bracketed]", "bare"] {
        for k in [3, 4, 5, 6, 8] {
            let (mut hit, mut wrong_lang, mut tried, mut extra) = (0, 0, 0, 0);
            for _ in 0..400 {
                let host = &hosts[rng.below(hosts.len())];
                let donor = &donors[rng.below(donors.len())];
                let words: Vec<Span> = support::tokenize(donor)
                    .into_iter()
                    .filter(|t| t.kind == TokenKind::Word)
                    .map(|t| t.span)
                    .collect();
                let host_words: Vec<Span> = support::tokenize(host)
                    .into_iter()
                    .filter(|t| t.kind == TokenKind::Word)
                    .map(|t| t.span)
                    .collect();
                if words.len() < k || host_words.len() < 4 {
                    continue;
                }
                let i = rng.below(words.len() - k + 1);
                let window = &donor[words[i].start..words[i + k - 1].end];
                let at = host_words[1 + rng.below(host_words.len() - 2)].end;
                let (open, close) = if style == "bare" {
                    (" ", " ")
                } else {
                    (" [", "] ")
                };
                let text = format!(
                    "{}{open}{window}{close}{}",
                    &host[..at],
                    host[at..].trim_start()
                );
                let inserted = Span::new(at + open.len(), at + open.len() + window.len());
                let tokens = support::tokenize(&text);
                let flags: Vec<Flag> = foreign_fragments(&text, &tokens, home);
                tried += 1;
                let mut found = false;
                for f in &flags {
                    let FlagKind::ForeignLanguage { lang } = &f.kind else {
                        continue;
                    };
                    let overlap = f
                        .span
                        .end
                        .min(inserted.end)
                        .saturating_sub(f.span.start.max(inserted.start));
                    if 2 * overlap >= inserted.len() {
                        if lang == foreign {
                            found = true;
                        } else {
                            wrong_lang += 1;
                        }
                    } else {
                        extra += 1;
                    }
                }
                hit += usize::from(found);
            }
            println!(
                "  {style:12} {k} words: recall {:.3} ({hit}/{tried}), other language {wrong_lang}, flags elsewhere {extra}",
                hit as f64 / tried.max(1) as f64
            );
        }
    }
}
