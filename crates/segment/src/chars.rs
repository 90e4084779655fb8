//! Character classes shared by the tokenizer and the sentence splitter.
//!
//! These are Unicode typography (which marks are quotes, which join words),
//! the same for every language; language knowledge lives in the data files.

/// Combining marks, which belong to the letter before them.
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0E31 | 0x0E34..=0x0E3A | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Invisible characters that sit inside words: soft hyphen, zero-width
/// (non-)joiner, word joiner, variation selectors.
pub(crate) fn is_joiner(c: char) -> bool {
    matches!(
        c as u32,
        0x00AD | 0x200C | 0x200D | 0x2060 | 0xFE00..=0xFE0F
    )
}

/// Characters a word is made of once it has started.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c) || is_joiner(c)
}

/// Characters that attach to the token before them (emoji modifiers,
/// keycaps, tags), so a symbol sequence stays one token.
pub(crate) fn is_modifier(c: char) -> bool {
    is_mark(c) || is_joiner(c) || matches!(c as u32, 0x1F3FB..=0x1F3FF | 0x20E3 | 0xE0020..=0xE007F)
}

/// Punctuation (as opposed to other symbols like `%`, `€`, emoji).
pub(crate) fn is_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '\''
            | '"'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '-'
            | '/'
            | '\\'
            | '_'
            | '`'
            | '\u{00A1}'
            | '\u{00AB}'
            | '\u{00B7}'
            | '\u{00BB}'
            | '\u{00BF}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{205E}'
            | '\u{3001}'..='\u{3003}'
            | '\u{3008}'..='\u{3011}'
    )
}

/// Runs of these form one `?!`-style token and end sentences.
pub(crate) fn is_exclaim(c: char) -> bool {
    matches!(
        c,
        '!' | '?' | '\u{203C}' | '\u{2047}' | '\u{2048}' | '\u{2049}'
    )
}

/// Tokens that may close a quotation or bracket right after a sentence end
/// (`entstanden.“`, `(Siehe oben.)`). Straight and guillemet quotes open and
/// close; right after a terminator they close.
pub(crate) fn is_closer(tok: &str) -> bool {
    matches!(
        tok,
        "\u{201C}"
            | "\u{201D}"
            | "\u{2018}"
            | "\u{2019}"
            | "\u{00BB}"
            | "\u{00AB}"
            | "\u{203A}"
            | "\u{2039}"
            | "\""
            | "'"
            | "''"
            | ")"
            | "]"
            | "}"
    )
}

/// Tokens that open a quotation or bracket; a line ending in one is not a
/// finished line.
pub(crate) fn is_opener(tok: &str) -> bool {
    matches!(tok, "\u{201E}" | "\u{201A}" | "``" | "`" | "(" | "[" | "{")
}
