//! Prints the sentences of stdin, one per line, tokens separated by `·`.
//!
//! `echo 'Am 3. Oktober kam er. Dann ging er.' | cargo run -p newsgraph-segment --example segment_stdin -- de`

use std::io::Read;

fn main() {
    let lang = std::env::args().nth(1).unwrap_or_else(|| "de".into());
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .expect("utf-8 on stdin");
    let seg = newsgraph_segment::Segmenter::for_lang(&lang);
    let (tokens, sentences) = seg.segment(&text);
    for s in sentences {
        let words: Vec<&str> = tokens
            .iter()
            .filter(|t| s.contains(t.span))
            .map(|t| &text[t.span.range()])
            .collect();
        println!("{}", words.join("·"));
    }
}
