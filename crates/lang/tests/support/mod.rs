//! A tiny tokenizer and sentence splitter for tests and benches, so this
//! crate's checks do not depend on the segmenter crate.

use newsgraph_doc::{Span, Token, TokenKind};

/// Words (letters with inner hyphens and apostrophes), numbers, and single
/// punctuation characters.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |c| c.0);
    let mut tokens = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let (start, c) = chars[k];
        let joins = |k: usize, inner: fn(char) -> bool| {
            chars.get(k).is_some_and(|c| inner(c.1))
                && chars.get(k + 1).is_some_and(|c| c.1.is_alphanumeric())
        };
        let kind = if c.is_alphabetic() {
            k += 1;
            while k < chars.len()
                && (chars[k].1.is_alphanumeric() || joins(k, |c| matches!(c, '-' | '\'' | '’')))
            {
                k += 1;
            }
            TokenKind::Word
        } else if c.is_ascii_digit() {
            k += 1;
            while k < chars.len()
                && (chars[k].1.is_ascii_digit() || joins(k, |c| matches!(c, '.' | ',')))
            {
                k += 1;
            }
            TokenKind::Number
        } else if c.is_whitespace() {
            k += 1;
            continue;
        } else {
            k += 1;
            TokenKind::Punct
        };
        tokens.push(Token {
            span: Span::new(start, end_of(k)),
            kind,
        });
    }
    tokens
}

/// Sentences end after `.`, `!` or `?` (and closing quotation marks) before
/// white space, and at line breaks.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Span> {
    let is =
        |t: Option<&Token>, set: &[&str]| t.is_some_and(|t| set.contains(&&text[t.span.range()]));
    let terminal = [".", "!", "?"];
    let closing = ["“", "\"", "»", "”", ")"];
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        start.get_or_insert(t.span.start);
        let next = tokens.get(i + 1);
        let gap = next.map_or("\n", |n| &text[t.span.end..n.span.start]);
        let ends_here = is(Some(t), &terminal)
            || (is(Some(t), &closing) && i > 0 && is(tokens.get(i - 1), &terminal));
        let ends = gap.contains('\n') || (ends_here && !gap.is_empty() && !is(next, &closing));
        if ends {
            if let Some(s0) = start.take() {
                out.push(Span::new(s0, t.span.end));
            }
        }
    }
    out
}
