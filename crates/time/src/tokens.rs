//! A small tokenizer of its own: the timex grammar needs digits, letters and
//! punctuation apart (`12.06.2024`, `1990er`, `Q3`), which a general-purpose
//! tokenizer glues together, and it must also work before segmentation ran.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct,
}

/// One token: a byte range of the text, its kind, whether whitespace
/// precedes it, and (for words) the lexicon ids of its lower-case and exact
/// forms.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Whitespace before the token (or text start).
    pub space: bool,
    /// A line break in the whitespace before it.
    pub newline: bool,
    /// Numeric value of a `Num` token (saturating).
    pub num: u32,
    /// First character is upper case.
    pub upper: bool,
    /// Lexicon id of the lower-cased form.
    pub lower_id: u32,
    /// Lexicon id of the exact form.
    pub exact_id: u32,
}

/// No lexicon id.
pub(crate) const NONE: u32 = u32::MAX;

/// Splits `text` into tokens; `lookup(form, lowercase)` gives lexicon ids.
pub(crate) fn tokenize(text: &str, mut lookup: impl FnMut(&str, bool) -> u32) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(text.len() / 5);
    let mut lower = String::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut space = true;
    let mut newline = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space = true;
            newline |= b == b'\n';
            i += 1;
            continue;
        }
        let start = i;
        let (kind, end) = if b.is_ascii_digit() {
            let mut j = i;
            while j < bytes.len() && bytes[j].is_ascii_digit() {
                j += 1;
            }
            (Kind::Num, j)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            if c.is_alphabetic() {
                let mut j = i;
                for (off, ch) in text[i..].char_indices() {
                    if ch.is_alphabetic() {
                        j = i + off + ch.len_utf8();
                    } else {
                        break;
                    }
                }
                (Kind::Word, j)
            } else if c.is_whitespace() {
                // Non-ASCII whitespace (no-break space and friends).
                space = true;
                i += c.len_utf8();
                continue;
            } else {
                (Kind::Punct, i + c.len_utf8())
            }
        };
        let s = &text[start..end];
        let mut tok = Tok {
            start,
            end,
            kind,
            space,
            newline,
            num: 0,
            upper: false,
            lower_id: NONE,
            exact_id: NONE,
        };
        match kind {
            Kind::Num => {
                tok.num = s.bytes().fold(0u32, |n, d| {
                    n.saturating_mul(10).saturating_add(u32::from(d - b'0'))
                });
                tok.lower_id = lookup(s, true);
            }
            Kind::Word => {
                tok.upper = s.chars().next().is_some_and(char::is_uppercase);
                lower.clear();
                for ch in s.chars() {
                    lower.extend(ch.to_lowercase());
                }
                tok.lower_id = lookup(&lower, true);
                tok.exact_id = lookup(s, false);
            }
            Kind::Punct => {
                tok.lower_id = lookup(s, true);
            }
        }
        toks.push(tok);
        space = false;
        newline = false;
        i = end;
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_digits_letters_and_punctuation() {
        let text = "Am 12.06.2024 um 8:30 Uhr, 1990er Q3 Köln";
        let toks = tokenize(text, |_, _| NONE);
        let forms: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            forms,
            [
                "Am", "12", ".", "06", ".", "2024", "um", "8", ":", "30", "Uhr", ",", "1990", "er",
                "Q", "3", "Köln"
            ]
        );
        assert!(!toks[2].space && toks[1].space);
        assert_eq!(toks[5].num, 2024);
    }
}
