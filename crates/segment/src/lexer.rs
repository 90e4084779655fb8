//! The tokenizer: a single left-to-right scan producing raw tokens, then one
//! pass with a token of context on each side that decides whether a dot after
//! a word or number belongs to it (abbreviation, ordinal) and splits clitics.
//!
//! Both passes only move forward; every lookahead is bounded by the token
//! being built, so the whole is linear in the text length.

use crate::chars::{is_exclaim, is_joiner, is_modifier, is_punct, is_word_char};
use crate::rules::{AbbrClass, Rules};
use newsgraph_doc::{Span, Token, TokenKind};

#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn tok(start: usize, end: usize, kind: TokenKind) -> Token {
    Token {
        span: Span::new(start, end),
        kind,
    }
}

/// Tokenizes `text` with `rules`.
pub(crate) fn tokenize(rules: &Rules, text: &str) -> Vec<Token> {
    let raw = Lexer {
        text,
        i: 0,
        email_checked_until: 0,
    };
    refine(rules, text, raw)
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// The first pass: raw tokens, produced lazily so the second pass needs no
/// buffer of its own.
struct Lexer<'t> {
    text: &'t str,
    i: usize,
    /// Positions before this were already checked for an e-mail address, so
    /// a long run of address characters is examined once, not once per word.
    email_checked_until: usize,
}

impl Iterator for Lexer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let text = self.text;
        let bytes = text.as_bytes();
        let i = &mut self.i;
        while *i < text.len() {
            let b = bytes[*i];
            if b.is_ascii_whitespace() {
                *i += 1;
                continue;
            }
            let c = char_at(text, *i)?;
            if c.is_whitespace() {
                *i += c.len_utf8();
                continue;
            }
            let start = *i;
            if matches!(b, b'h' | b'H' | b'w' | b'W' | b'f' | b'F') {
                if let Some(end) = scan_url(text, start) {
                    *i = end;
                    return Some(tok(start, end, TokenKind::Url));
                }
            }
            // A soft hyphen or joiner right before a letter starts the word
            // (`\u{ad}Schäffler` in text taken from hyphenated print).
            if is_joiner(c)
                && text[start..]
                    .chars()
                    .find(|&n| !is_joiner(n))
                    .is_some_and(char::is_alphanumeric)
            {
                let (end, kind) = scan_word(text, start);
                *i = end;
                return Some(tok(start, end, kind));
            }
            if c.is_alphanumeric() {
                if start >= self.email_checked_until {
                    let (run_end, email_end) = scan_email(text, start);
                    self.email_checked_until = run_end;
                    if let Some(end) = email_end {
                        *i = end;
                        return Some(tok(start, end, TokenKind::Email));
                    }
                }
                if let Some(end) = scan_domain(text, start) {
                    *i = end;
                    return Some(tok(start, end, TokenKind::Url));
                }
                let (end, kind) = scan_word(text, start);
                *i = end;
                return Some(tok(start, end, kind));
            }
            if let Some(end) = scan_emoticon(text, start) {
                *i = end;
                return Some(tok(start, end, TokenKind::Symbol));
            }
            let end = scan_other(text, start, c);
            let kind = if is_punct(c) {
                TokenKind::Punct
            } else {
                TokenKind::Symbol
            };
            *i = end;
            return Some(tok(start, end, kind));
        }
        None
    }
}

/// A bare domain starting at `i` (*spiegel.de*, *n-tv.de*): labels of
/// letters, digits and hyphens joined by dots, the last a listed top-level
/// domain in lower case, with no letter or digit right after it.
fn scan_domain(text: &str, i: usize) -> Option<usize> {
    static TLDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let tlds = TLDS.get_or_init(|| {
        newsgraph_pack::shared_text("segment/top-level-domains.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    });
    let rest = &text[i..];
    // A domain name has at most 253 characters; stopping there keeps the
    // scan from each word start bounded (linear overall).
    const MAX_DOMAIN: usize = 253;
    let mut run = rest.len();
    for (n, (off, c)) in rest.char_indices().enumerate() {
        if n > MAX_DOMAIN {
            return None;
        }
        if !(c.is_alphanumeric() || c == '.' || c == '-') {
            run = off;
            break;
        }
    }
    let candidate = rest[..run].trim_end_matches(['.', '-']);
    let (name, tld) = candidate.rsplit_once('.')?;
    let labels_ok = name
        .split('.')
        .all(|l| l.chars().any(char::is_alphabetic) && !l.starts_with('-') && !l.ends_with('-'));
    (labels_ok && name.chars().count() >= 2 && tlds.contains(&tld)).then_some(i + candidate.len())
}

/// A web address starting at `i`, without trailing punctuation.
fn scan_url(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    let prefix_len = ["https://", "http://", "ftp://", "www."]
        .iter()
        .find(|p| starts_with_ci(rest, p))?
        .len();
    let mut end = i + prefix_len;
    let mut open_parens = 0i64;
    for (off, c) in rest[prefix_len..].char_indices() {
        if c.is_whitespace()
            || matches!(
                c,
                '<' | '>' | '"' | '\u{201E}' | '\u{201C}' | '\u{201D}' | '\u{00BB}' | '\u{00AB}'
            )
        {
            break;
        }
        if c == '(' {
            open_parens += 1;
        } else if c == ')' {
            open_parens -= 1;
        }
        end = i + prefix_len + off + c.len_utf8();
    }
    // Trailing sentence punctuation and unbalanced closing brackets belong to
    // the text around the address.
    while end > i + prefix_len {
        let Some(last) = text[..end].chars().next_back() else {
            break;
        };
        let strip = match last {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '\u{2019}' | '\u{2018}' | ']' | '}' => true,
            ')' => open_parens < 0,
            _ => false,
        };
        if !strip {
            break;
        }
        if last == ')' {
            open_parens += 1;
        }
        end -= last.len_utf8();
    }
    (end > i + prefix_len).then_some(end)
}

/// Scans the run of e-mail characters starting at `i`; returns where the run
/// ends and, if it holds a valid address starting at `i`, where that ends.
fn scan_email(text: &str, i: usize) -> (usize, Option<usize>) {
    let mut run_end = i;
    let mut at: Option<usize> = None;
    for (off, c) in text[i..].char_indices() {
        if c == '@' {
            if at.is_some() {
                break;
            }
            at = Some(i + off);
        } else if !(c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')) {
            break;
        }
        run_end = i + off + c.len_utf8();
    }
    let Some(at) = at else {
        return (run_end, None);
    };
    if at == i {
        return (run_end, None);
    }
    let domain = text[at + 1..run_end].trim_end_matches(['.', '-']);
    let Some(dot) = domain.rfind('.') else {
        return (run_end, None);
    };
    let tld = &domain[dot + 1..];
    let valid = dot > 0
        && tld.chars().count() >= 2
        && tld.chars().all(char::is_alphabetic)
        && !domain.starts_with('.');
    (run_end, valid.then_some(at + 1 + domain.len()))
}

/// Whether `in` or `innen` (a gender suffix) follows at `j`, ending the word
/// or followed by a hyphen.
fn gender_suffix_at(text: &str, j: usize) -> bool {
    let rest = &text.as_bytes()[j.min(text.len())..];
    let len = if rest.starts_with(b"innen") {
        5
    } else if rest.starts_with(b"in") {
        2
    } else {
        return false;
    };
    match char_at(text, j + len) {
        None => true,
        Some(c) => !c.is_lowercase(),
    }
}

/// Whether 1–3 letters followed by a dot start at `j` (`B.` in `z.B.`).
fn short_letters_then_dot(text: &str, j: usize) -> bool {
    let mut n = 0;
    for c in text[j.min(text.len())..].chars() {
        if c.is_alphabetic() {
            n += 1;
            if n > 3 {
                return false;
            }
        } else {
            return n > 0 && c == '.';
        }
    }
    false
}

/// A word or number starting at `i` (an alphanumeric char): letters and digits
/// with inner hyphens, apostrophes, gender marks, number separators, dotted
/// abbreviations and domain names.
fn scan_word(text: &str, i: usize) -> (usize, TokenKind) {
    let mut j = i;
    let mut has_letter = false;
    let mut dotted = false;
    loop {
        // One segment of word characters.
        let seg_start = j;
        let mut seg_letters = 0usize;
        let mut seg_digits = 0usize;
        let mut seg_chars = 0usize;
        let mut last_char = None;
        for c in text[j..].chars() {
            if !is_word_char(c) {
                break;
            }
            if c.is_alphabetic() {
                seg_letters += 1;
            } else if c.is_ascii_digit() {
                seg_digits += 1;
            }
            seg_chars += 1;
            last_char = Some(c);
            j += c.len_utf8();
        }
        has_letter |= seg_letters > 0;
        let seg_all_digits = seg_chars > 0 && seg_digits == seg_chars;
        let seg_all_letters = seg_chars > 0 && seg_letters == seg_chars;
        let Some(c) = char_at(text, j) else { break };
        let after = j + c.len_utf8();
        let next = char_at(text, after);
        let next_alnum = next.is_some_and(char::is_alphanumeric);
        let next_digit = next.is_some_and(|n| n.is_ascii_digit());
        match c {
            '-' | '\u{2010}' | '\u{2011}' => {
                if next_alnum && seg_chars > 0 {
                    j = after;
                    continue;
                }
                // `Ein- und Ausgang`: a truncated compound keeps its hyphen.
                if has_letter
                    && seg_chars > 0
                    && next.is_none_or(|n| n.is_whitespace() || n == ',' || n == '/')
                {
                    j = after;
                }
                break;
            }
            '.' => {
                if seg_all_digits && next_digit {
                    j = after;
                    continue;
                }
                // Prices without cents: `14.--`, `5.-`, `20.–`.
                if seg_all_digits && matches!(next, Some('-' | '\u{2013}')) {
                    let mut k = after;
                    while let Some(d @ ('-' | '\u{2013}')) = char_at(text, k) {
                        k += d.len_utf8();
                    }
                    if !char_at(text, k).is_some_and(char::is_alphanumeric) {
                        j = k;
                        break;
                    }
                }
                if seg_all_letters
                    && seg_chars <= 3
                    && next.is_some_and(char::is_alphabetic)
                    && short_letters_then_dot(text, after)
                {
                    dotted = true;
                    j = after;
                    continue;
                }
                if dotted && seg_all_letters && seg_chars <= 3 {
                    // Final dot of `z.B.`, `U.S.`.
                    j = after;
                    break;
                }
                // Domain and file names: `tagesschau.de`, `bericht.pdf`.
                if !dotted
                    && last_char.is_some_and(|l| l.is_ascii_lowercase() || l.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_lowercase())
                    && text[seg_start..j].is_ascii()
                {
                    j = after;
                    continue;
                }
                break;
            }
            ',' | ':' if seg_all_digits && next_digit => {
                j = after;
                continue;
            }
            ':' | '*' | '_' | '/' | '\u{00B7}' if has_letter && gender_suffix_at(text, after) => {
                j = after;
                continue;
            }
            '/' if seg_all_digits && next_digit => {
                j = after;
                continue;
            }
            '_' if seg_chars > 0 && next_alnum => {
                j = after;
                continue;
            }
            '\'' | '\u{2019}' if seg_letters > 0 && next.is_some_and(char::is_alphabetic) => {
                j = after;
                continue;
            }
            '&' if last_char.is_some_and(char::is_uppercase)
                && next.is_some_and(char::is_uppercase) =>
            {
                j = after;
                continue;
            }
            _ => break,
        }
    }
    let kind = if dotted {
        TokenKind::Abbreviation
    } else if has_letter {
        TokenKind::Word
    } else {
        TokenKind::Number
    };
    (j, kind)
}

/// A Western emoticon (`:-)`, `;)`, `:D`) starting at `i`, not followed by a
/// letter or digit.
fn scan_emoticon(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    if !matches!(b.get(i), Some(b':' | b';' | b'=')) {
        return None;
    }
    let mut k = i + 1;
    if matches!(b.get(k), Some(b'-' | b'\'' | b'o' | b'^')) {
        k += 1;
    }
    if !matches!(
        b.get(k),
        Some(b')' | b'(' | b'D' | b'P' | b'p' | b'/' | b'|' | b']' | b'[')
    ) {
        return None;
    }
    k += 1;
    // `:Die` is a colon before a word, `:/` before a path is not a face.
    let after = char_at(text, k);
    (!after.is_some_and(|c| c.is_alphanumeric() || c == '/')).then_some(k)
}

/// A punctuation or symbol token starting at `i` with char `c`.
fn scan_other(text: &str, i: usize, c: char) -> usize {
    let mut end = i + c.len_utf8();
    let same_run = |end: &mut usize, pred: &dyn Fn(char) -> bool| {
        while let Some(n) = char_at(text, *end) {
            if !pred(n) {
                break;
            }
            *end += n.len_utf8();
        }
    };
    match c {
        '.' => same_run(&mut end, &|n| n == '.'),
        '\u{2026}' => same_run(&mut end, &|n| n == '\u{2026}' || n == '.'),
        '-' => same_run(&mut end, &|n| n == '-'),
        c if is_exclaim(c) => same_run(&mut end, &is_exclaim),
        '`' | '\'' if char_at(text, end) == Some(c) => end += 1,
        _ => {}
    }
    // Emoji modifiers, variation selectors, zero-width joiner sequences.
    while let Some(n) = char_at(text, end) {
        if is_modifier(n) {
            end += n.len_utf8();
            if n == '\u{200D}' {
                if let Some(m) = char_at(text, end) {
                    if !m.is_whitespace() && !m.is_alphanumeric() && !is_punct(m) {
                        end += m.len_utf8();
                    }
                }
            }
        } else {
            break;
        }
    }
    end
}

/// Where a token is relative to the text before it, for ordinal decisions.
fn line_start_before(text: &str, prev_end: usize, start: usize) -> bool {
    text[prev_end..start].contains('\n')
}

fn is_sentence_punct(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Punct
        && text[t.span.range()]
            .chars()
            .next()
            .is_some_and(|c| c == '.' || c == '\u{2026}' || is_exclaim(c))
}

fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

/// Whether number `num` (without its dot) can be an ordinal or a dotted date
/// part: `3`, `12`, `101`, `12.6` — not `2024`, `15.000`, `3,5`.
fn ordinal_shape(num: &str) -> bool {
    if num.contains([',', ':', '/']) || !num.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return false;
    }
    match num.rsplit_once('.') {
        Some((_, last)) => (1..=2).contains(&last.len()),
        None => (1..=3).contains(&num.len()),
    }
}

fn refine(rules: &Rules, text: &str, raw: impl Iterator<Item = Token>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 6 + 1);
    let mut raw = raw.fuse();
    // The current raw token and the two after it.
    let mut window: [Option<Token>; 3] = [raw.next(), raw.next(), raw.next()];
    let mut advance = |window: &mut [Option<Token>; 3], n: usize| {
        for _ in 0..n {
            window.rotate_left(1);
            window[2] = raw.next();
        }
    };
    while let Some(t) = window[0] {
        let dot = window[1].filter(|d| {
            d.kind == TokenKind::Punct && d.span.start == t.span.end && &text[d.span.range()] == "."
        });
        if let Some(dot) = dot {
            let merged = Span::new(t.span.start, dot.span.end);
            let kind = match t.kind {
                TokenKind::Word => {
                    let word = &text[t.span.range()];
                    let single_letter = {
                        let mut cs = word.chars();
                        cs.next().is_some_and(char::is_alphabetic) && cs.next().is_none()
                    };
                    let with_dot = &text[merged.range()];
                    // `D-Calif.`, `Dipl.-Ing.`: the last part decides.
                    let class = rules.abbr_class(with_dot).or_else(|| {
                        let (_, last) = with_dot.rsplit_once(['-', '\u{2010}', '\u{2011}'])?;
                        rules.abbr_class(last)
                    });
                    // A word that only stands before something (`No.`, `Nr.`,
                    // an initial) is not an abbreviation at the very end.
                    let before_nothing = window[2].is_none();
                    let merge = match class {
                        Some(AbbrClass::Title) => !before_nothing,
                        Some(_) => true,
                        None => single_letter && !before_nothing,
                    };
                    merge.then_some(TokenKind::Abbreviation)
                }
                TokenKind::Number if ordinal_shape(&text[t.span.range()]) => {
                    let next = window[2].as_ref();
                    let prev = out.last();
                    let sentence_initial = match prev {
                        None => true,
                        Some(p) => {
                            is_sentence_punct(text, p)
                                || line_start_before(text, p.span.end, t.span.start)
                        }
                    };
                    is_ordinal(rules, text, prev, next, sentence_initial)
                        .then_some(TokenKind::Ordinal)
                }
                _ => None,
            };
            if let Some(kind) = kind {
                out.push(Token { span: merged, kind });
                advance(&mut window, 2);
                continue;
            }
        }
        if t.kind == TokenKind::Word && !rules.clitics.is_empty() {
            if let Some(split) = clitic_split(rules, &text[t.span.range()]) {
                let cut = t.span.start + split;
                out.push(tok(t.span.start, cut, TokenKind::Word));
                out.push(tok(cut, t.span.end, TokenKind::Word));
                advance(&mut window, 1);
                continue;
            }
        }
        out.push(t);
        advance(&mut window, 1);
    }
    out
}

fn is_ordinal(
    rules: &Rules,
    text: &str,
    prev: Option<&Token>,
    next: Option<&Token>,
    sentence_initial: bool,
) -> bool {
    let Some(next) = next else { return false };
    if text[..next.span.start].ends_with("\n\n") {
        return false;
    }
    let next_text = &text[next.span.range()];
    let Some(nc) = first_char(next_text) else {
        return false;
    };
    if matches!(next.kind, TokenKind::Word | TokenKind::Abbreviation) {
        if nc.is_lowercase() {
            return true;
        }
        if rules.months.contains(next_text)
            || rules.months.contains(next_text.trim_end_matches('.'))
        {
            return true;
        }
        if nc.is_uppercase() {
            if sentence_initial {
                return true;
            }
            if rules.starters.contains(next_text) {
                return false;
            }
            if let Some(p) = prev {
                let ptext = &text[p.span.range()];
                if p.kind == TokenKind::Ordinal {
                    return true;
                }
                if ptext.is_ascii() {
                    if rules.ordinal_context.contains(&ptext.to_ascii_lowercase()) {
                        return true;
                    }
                } else if rules.ordinal_context.contains(&ptext.to_lowercase()) {
                    return true;
                }
            }
        }
    }
    false
}

/// Where an English clitic (`n't`, `'s`) starts in `word`, if it ends in one.
fn clitic_split(rules: &Rules, word: &str) -> Option<usize> {
    if !word.contains(['\'', '\u{2019}']) {
        return None;
    }
    for clitic in &rules.clitics {
        let mut w = word.char_indices().rev();
        let mut matched = true;
        let mut start = word.len();
        for cc in clitic.chars().rev() {
            match w.next() {
                Some((idx, wc)) => {
                    let wc = if wc == '\u{2019}' {
                        '\''
                    } else {
                        wc.to_ascii_lowercase()
                    };
                    if wc != cc {
                        matched = false;
                        break;
                    }
                    start = idx;
                }
                None => {
                    matched = false;
                    break;
                }
            }
        }
        if matched && start > 0 {
            return Some(start);
        }
    }
    None
}
