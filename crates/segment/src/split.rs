//! The sentence splitter: one pass over the tokens deciding, between each
//! token and the next, whether a sentence ends there.

use crate::chars::{is_closer, is_exclaim, is_opener};
use crate::rules::{AbbrClass, Rules};
use newsgraph_doc::{Span, Token, TokenKind};

/// What the token before a possible boundary says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    /// `.`, `!`, `?!`: ends a sentence unless the next token continues it.
    Strong,
    /// `...`, `…`: ends a sentence only before a typical sentence starter.
    Ellipsis,
    /// An abbreviation (or ordinal) of the given class.
    Abbr(AbbrClass),
    /// Anything else: only line breaks end the sentence.
    None,
}

/// The place between token `k` and the next one being decided.
#[derive(Debug, Clone, Copy)]
struct Gap {
    k: usize,
    /// The token before the glued closers ending at `k`, or `k`.
    head: usize,
    /// Line breaks between the two tokens (0, 1, or 2 for more).
    nl: usize,
    /// Where the line holding token `k` starts.
    line_start: usize,
}

/// Line statistics that tell hard-wrapped text (lines broken at a fixed width
/// inside sentences) from text with one paragraph or headline per line.
struct Layout {
    hard_wrapped: bool,
    max_line: usize,
}

fn newlines(gap: &str) -> usize {
    let mut n = 0;
    for c in gap.chars() {
        match c {
            '\n' | '\u{2028}' | '\u{0085}' => n += 1,
            '\u{2029}' => n += 2,
            _ => {}
        }
        if n >= 2 {
            break;
        }
    }
    n
}

fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

fn starts_uppercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

pub(crate) fn sentences(rules: &Rules, text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out = Vec::new();
    if tokens.is_empty() {
        return out;
    }
    let tx = |t: &Token| text.get(t.span.range()).unwrap_or("");
    let layout = layout(text, tokens, &tx);
    let mut start = tokens[0].span.start;
    let mut line_start = tokens[0].span.start;
    // The token before the run of glued closing quotes/brackets ending at k
    // (k itself when it is none), kept incrementally so a long run of `)))` is not walked again per token.
    let mut head = 0;
    for k in 0..tokens.len() {
        if k == 0 || !is_closer(tx(&tokens[k])) || tokens[k - 1].span.end != tokens[k].span.start {
            head = k;
        }
        let Some(next) = tokens.get(k + 1) else {
            out.push(Span::new(start, tokens[k].span.end));
            break;
        };
        let gap = text.get(tokens[k].span.end..next.span.start).unwrap_or("");
        let nl = newlines(gap);
        let split = nl >= 2
            || boundary(
                rules,
                text,
                tokens,
                &layout,
                Gap {
                    k,
                    head,
                    nl,
                    line_start,
                },
            );
        if nl >= 1 {
            line_start = next.span.start;
        }
        if split {
            out.push(Span::new(start, tokens[k].span.end));
            start = next.span.start;
        }
    }
    out
}

fn layout<'t>(text: &'t str, tokens: &[Token], tx: &dyn Fn(&Token) -> &'t str) -> Layout {
    let mut single = 0usize;
    let mut unterminated = 0usize;
    let mut lower_next = 0usize;
    let mut max_line = 0usize;
    let mut line_start = tokens[0].span.start;
    for w in tokens.windows(2) {
        let gap = text.get(w[0].span.end..w[1].span.start).unwrap_or("");
        if !gap.contains(['\n', '\u{2028}', '\u{2029}', '\u{0085}']) {
            continue;
        }
        if newlines(gap) == 1 {
            single += 1;
            max_line = max_line.max(w[0].span.end - line_start);
            let last = tx(&w[0]);
            let terminated = w[0].kind == TokenKind::Punct
                && last.chars().next_back().is_some_and(|c| {
                    matches!(c, '.' | '\u{2026}' | ':' | ';') || is_exclaim(c) || is_closer(last)
                });
            if !terminated {
                unterminated += 1;
                if starts_lowercase(tx(&w[1])) {
                    lower_next += 1;
                }
            }
        }
        line_start = w[1].span.start;
    }
    // Hard-wrapped: most line breaks fall inside sentences, and a fair share of
    // them before a lower-case word (a list of headlines has none).
    let hard_wrapped = single >= 3 && unterminated * 2 > single && lower_next * 4 >= unterminated;
    Layout {
        hard_wrapped,
        max_line,
    }
}

fn end_kind(rules: &Rules, text: &str, tokens: &[Token], k: usize) -> End {
    let t = &tokens[k];
    let s = text.get(t.span.range()).unwrap_or("");
    match t.kind {
        TokenKind::Punct => {
            if s == "." || s.chars().all(is_exclaim) {
                End::Strong
            } else if s.starts_with('.') || s.starts_with('\u{2026}') {
                // An ellipsis glued to the word before it trails a sentence
                // off (`Wir warten...`); one standing free marks an omission
                // inside a sentence (`Das war ... Unsinn`).
                let glued = k > 0 && tokens[k - 1].span.end == t.span.start;
                if glued {
                    End::Strong
                } else {
                    End::Ellipsis
                }
            } else {
                End::None
            }
        }
        TokenKind::Abbreviation => {
            // The last part of a multi-part abbreviation (`d. J.`) takes the
            // class of the whole.
            if k > 0 {
                let p = &tokens[k - 1];
                if p.kind == TokenKind::Abbreviation && t.span.start == p.span.end + 1 {
                    if let Some(pair) = text.get(p.span.start..t.span.end) {
                        if let Some(c) = rules.abbr_pairs.get(pair) {
                            return End::Abbr(*c);
                        }
                    }
                }
            }
            let class = rules.abbr_class(s).or_else(|| {
                let (_, last) = s.rsplit_once(['-', '\u{2010}', '\u{2011}'])?;
                rules.abbr_class(last)
            });
            match class {
                Some(c) => End::Abbr(c),
                None if s.chars().filter(|c| c.is_alphabetic()).count() == 1 => {
                    End::Abbr(AbbrClass::Title)
                }
                None => End::Abbr(AbbrClass::Ambiguous),
            }
        }
        _ => End::None,
    }
}

fn boundary(rules: &Rules, text: &str, tokens: &[Token], layout: &Layout, gap: Gap) -> bool {
    let Gap {
        k,
        head,
        nl,
        line_start,
    } = gap;
    let tx = |t: &Token| text.get(t.span.range()).unwrap_or("");
    let t = &tokens[k];
    let next = &tokens[k + 1];
    let adjacent = next.span.start == t.span.end;
    // Closing quotes and brackets right after a sentence end belong to it:
    // `head` is the token before the glued run of closers ending at `k` (`k`
    // itself when it is no glued closer), possibly the terminator.
    let end = if head < k || !is_closer(tx(t)) {
        end_kind(rules, text, tokens, head)
    } else {
        End::None
    };
    if end != End::None && adjacent && is_closer(tx(next)) {
        return false;
    }
    let next_s = tx(next);
    let decided = match end {
        End::Strong => starts_sentence(text, tokens, k + 1),
        End::Ellipsis => {
            starts_sentence(text, tokens, k + 1)
                && (rules.starters.contains(next_s) || is_opener(next_s) || nl > 0)
        }
        End::Abbr(AbbrClass::Title) => return false,
        End::Abbr(AbbrClass::Final) => {
            starts_uppercase(next_s) || is_opener(next_s) || next_s == "\u{201E}"
        }
        End::Abbr(AbbrClass::Ambiguous) => rules.starters.contains(next_s),
        End::None => false,
    };
    if decided || nl == 0 {
        return decided;
    }
    // A single line break after a line that did not end a sentence.
    if end != End::None && starts_lowercase(next_s) {
        return false;
    }
    line_break_ends(text, tokens, k, line_start, layout)
}

/// Whether the token at `i`, after a sentence-final mark, can open a sentence.
fn starts_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let tx = |t: &Token| text.get(t.span.range()).unwrap_or("");
    let s = tx(&tokens[i]);
    if starts_lowercase(s) {
        return false;
    }
    if matches!(s, "," | ";" | ":" | ")" | "]" | "}") {
        return false;
    }
    // `„Kommt!“ – sagte er`: a dash before a lower-case word continues.
    if matches!(s, "-" | "\u{2013}" | "\u{2014}") {
        if let Some(after) = tokens.get(i + 1) {
            return !starts_lowercase(tx(after));
        }
    }
    true
}

/// A single line break after a token that does not end a sentence: ends one
/// when the line stands alone (headline, dateline, paragraph), not when text
/// is hard-wrapped or the line visibly continues.
fn line_break_ends(
    text: &str,
    tokens: &[Token],
    k: usize,
    line_start: usize,
    layout: &Layout,
) -> bool {
    let tx = |t: &Token| text.get(t.span.range()).unwrap_or("");
    let t = &tokens[k];
    let s = tx(t);
    let next_s = tx(&tokens[k + 1]);
    if matches!(s, "," | ";") || is_opener(s) || s.ends_with(['-', '\u{2010}', '\u{2011}']) {
        return false;
    }
    if t.kind == TokenKind::Abbreviation && starts_uppercase(next_s) {
        // `Dr.` at a line end before the name.
        return false;
    }
    if starts_lowercase(next_s) || matches!(next_s, "," | ";" | ":" | ")" | "]" | "}") {
        return false;
    }
    if layout.hard_wrapped {
        let line_len = t.span.end.saturating_sub(line_start);
        return line_len * 2 < layout.max_line;
    }
    true
}
