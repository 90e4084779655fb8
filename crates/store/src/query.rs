//! Turning what a user types into a safe FTS5 query.

/// The FTS5 query for `input`, or `None` when it holds no word to search.
///
/// Every term is passed to FTS5 as a quoted string, so FTS5 operators and
/// syntax characters (`AND`, `NEAR(`, `-`, `:`, `^`, `(`) are never
/// interpreted: they are split like any text by the tokenizer. Rules:
/// - whitespace-separated words are all required (AND);
/// - `"several words"` is a phrase (an unclosed quote runs to the end);
/// - a trailing `*` on a word or phrase makes its last word a prefix
///   (`Kreml*` finds *Kremlsprecher*);
/// - a term without a letter or digit is dropped (the tokenizer would
///   index nothing for it).
pub(crate) fn fts_query(input: &str) -> Option<String> {
    let mut terms: Vec<String> = Vec::new();
    let mut chars = input.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let (body, is_word) = if c == '"' {
            chars.next();
            let start = i + 1;
            let mut end = input.len();
            for (j, d) in chars.by_ref() {
                if d == '"' {
                    end = j;
                    break;
                }
            }
            (&input[start..end], false)
        } else {
            let mut end = input.len();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_whitespace() || d == '"' {
                    end = j;
                    break;
                }
                chars.next();
            }
            (&input[i..end], true)
        };
        // A phrase takes its prefix star right after the closing quote.
        let mut prefix = false;
        let body = if is_word {
            let trimmed = body.trim_end_matches('*');
            prefix = trimmed.len() < body.len();
            trimmed
        } else {
            while let Some(&(_, '*')) = chars.peek() {
                chars.next();
                prefix = true;
            }
            body
        };
        if body.chars().any(char::is_alphanumeric) {
            let mut t = String::with_capacity(body.len() + 3);
            t.push('"');
            t.push_str(&body.replace('"', "\"\""));
            t.push('"');
            if prefix {
                t.push('*');
            }
            terms.push(t);
        }
    }
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    fn q(s: &str) -> Option<String> {
        fts_query(s)
    }

    #[test]
    fn words_are_quoted_and_anded() {
        assert_eq!(q("Kim  Putin").unwrap(), r#""Kim" AND "Putin""#);
    }

    #[test]
    fn phrases_and_prefixes() {
        assert_eq!(q(r#""Kim Jong" Un"#).unwrap(), r#""Kim Jong" AND "Un""#);
        assert_eq!(q("Krem*").unwrap(), r#""Krem"*"#);
        assert_eq!(q(r#""Kim Jo"*"#).unwrap(), r#""Kim Jo"*"#);
        assert_eq!(q(r#""unclosed phrase"#).unwrap(), r#""unclosed phrase""#);
    }

    #[test]
    fn syntax_characters_stay_text() {
        assert_eq!(q("NEAR(a b").unwrap(), r#""NEAR(a" AND "b""#);
        assert_eq!(q("title:x -y").unwrap(), r#""title:x" AND "-y""#);
        assert_eq!(q("a*b").unwrap(), r#""a*b""#);
    }

    #[test]
    fn nothing_searchable_is_none() {
        assert_eq!(q(""), None);
        assert_eq!(q("  * - \" \"  ()"), None);
        assert_eq!(q("🎉"), None);
    }
}
