//! Tags a file (or stdin) and prints one timex per line: `tag FILE [LANG] [YYYY-MM-DD] [news|narrative]`.
use std::io::Read;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = match args.get(1).map(String::as_str) {
        Some("-") | None => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).expect("stdin");
            s
        }
        Some(p) => std::fs::read_to_string(p).expect("readable file"),
    };
    // No language given: the fallback pack's.
    let lang = args.get(2).map(String::as_str);
    let dct = args
        .get(3)
        .and_then(|d| d.parse::<jiff::civil::Date>().ok());
    let doctype = match args.get(4).map(String::as_str) {
        Some("narrative") => newsgraph_time::DocType::Narrative,
        _ => newsgraph_time::DocType::News,
    };
    for t in newsgraph_time::tag(&text, lang, dct, doctype) {
        println!(
            "{}\t{}\t{}",
            &text[t.span.range()],
            t.kind.as_str(),
            t.value.as_deref().unwrap_or("-")
        );
    }
}
