//! Prints evaluation tables: `eval wikiwars DIR` or `eval timeml DIR [lang]`;
//! `eval dump-wikiwars DIR` lists misses and errors for tuning.
use std::path::Path;

use newsgraph_time::eval;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = Path::new(args.get(2).map(String::as_str).unwrap_or("."));
    match args.get(1).map(String::as_str) {
        Some("wikiwars") => match eval::eval_wikiwars_split(dir) {
            Ok(s) => println!("{s}"),
            Err(e) => eprintln!("{e}"),
        },
        Some("timeml") => {
            let lang = args.get(3).map(String::as_str).unwrap_or("en");
            match eval::eval_timeml(dir, lang) {
                Ok(s) => println!("{s}"),
                Err(e) => eprintln!("{e}"),
            }
        }
        Some("trace-wikiwars") => {
            // Every system expression of one document in order, with the gold
            // value and the text before it, to follow the narrative anchor.
            let name = args.get(3).map(String::as_str).unwrap_or("01");
            for d in eval::load_wikiwars(dir).expect("corpus") {
                if !d.name.starts_with(name) {
                    continue;
                }
                let sys = newsgraph_time::tag(
                    &d.text,
                    Some("de"),
                    d.dct,
                    newsgraph_time::DocType::Narrative,
                );
                for t in &sys {
                    let g = d
                        .gold
                        .iter()
                        .find(|g| t.span.start < g.end && g.start < t.span.end);
                    let mark = match g {
                        None => "FP ",
                        Some(g) if g.value != t.value => "ERR",
                        _ => "   ",
                    };
                    let cs = d.text.floor_char_boundary(t.span.start.saturating_sub(50));
                    println!(
                        "{mark} {:?} gold {:?}\t…{}[{}]",
                        t.value,
                        g.map(|g| g.value.clone()),
                        d.text[cs..t.span.start].replace('\n', " ¶ "),
                        &d.text[t.span.range()]
                    );
                }
            }
        }
        Some(which @ ("dump-wikiwars" | "dump-timeml")) => {
            let (docs, lang, dt) = if which == "dump-wikiwars" {
                (
                    eval::load_wikiwars(dir).expect("corpus"),
                    "de",
                    newsgraph_time::DocType::Narrative,
                )
            } else {
                (
                    eval::load_timeml(dir).expect("corpus"),
                    "en",
                    newsgraph_time::DocType::News,
                )
            };
            let only = args.get(3).map(String::as_str).unwrap_or("odd");
            for d in docs {
                let n: u32 = d
                    .name
                    .split('_')
                    .next()
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(1);
                if lang == "de" && (only == "odd") != (n % 2 == 1) {
                    continue;
                }
                let sys = newsgraph_time::tag(&d.text, Some(lang), d.dct, dt);
                for g in &d.gold {
                    let hit = sys
                        .iter()
                        .find(|t| t.span.start < g.end && g.start < t.span.end);
                    let gt = d.text[g.start..g.end].replace('\n', " ");
                    match hit {
                        None => println!("MISS\t{}\t{gt}\t{:?}", d.name, g.value),
                        Some(t) => {
                            let st = d.text[t.span.range()].replace('\n', " ");
                            if t.value != g.value {
                                println!(
                                    "VAL\t{}\t{gt}\t{:?}\t{st}\t{:?}",
                                    d.name, g.value, t.value
                                );
                            } else if (t.span.start, t.span.end) != (g.start, g.end) {
                                println!("SPAN\t{}\t{gt}\t{st}", d.name);
                            }
                        }
                    }
                }
                for t in &sys {
                    if !d
                        .gold
                        .iter()
                        .any(|g| t.span.start < g.end && g.start < t.span.end)
                    {
                        let st = d.text[t.span.range()].replace('\n', " ");
                        let ctx_s = d.text.floor_char_boundary(t.span.start.saturating_sub(30));
                        let ctx_e = d
                            .text
                            .ceil_char_boundary((t.span.end + 30).min(d.text.len()));
                        println!(
                            "FP\t{}\t{st}\t{:?}\t{}",
                            d.name,
                            t.value,
                            d.text[ctx_s..ctx_e].replace('\n', " ")
                        );
                    }
                }
            }
        }
        _ => eprintln!("usage: eval wikiwars|timeml|dump-wikiwars|dump-timeml DIR [lang|odd|even]"),
    }
}
