//! Turning what a user types into an FTS5 query.

/// The FTS5 query for `input`, or `None` when it holds no word to search.
///
/// Words and phrases are passed to FTS5 as quoted strings, so syntax
/// characters inside them (`NEAR(`, `-`, `:`, `^`) are never interpreted:
/// they are split like any text by the tokenizer. What is interpreted:
/// - `AND`, `OR` and `NOT` in capitals, standing alone, are FTS5's boolean
///   operators (`NOT` binds tightest, then `AND`, then `OR`); lower-case
///   *and*, *or*, *not* are words;
/// - words next to each other are all required (AND);
/// - `(` at the start and `)` at the end of a word group (`(Bahn OR Lufthansa)`);
/// - `"several words"` is a phrase (an unclosed quote runs to the end);
/// - a trailing `*` on a word or phrase makes its last word a prefix
///   (`Kreml*` finds *Kremlsprecher*);
/// - a term without a letter or digit is dropped (the tokenizer would
///   index nothing for it).
///
/// The result may still be a query FTS5 cannot parse (`Köln AND`, `(Köln`):
/// the caller reports FTS5's error with the query.
pub(crate) fn fts_query(input: &str) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut has_term = false;
    let mut chars = input.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        if c == '(' {
            chars.next();
            parts.push("(".into());
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
        // Closing parentheses at the end of a word close groups.
        let (body, closing) = if is_word {
            let trimmed = body.trim_end_matches(')');
            (trimmed, body.len() - trimmed.len())
        } else {
            (body, 0)
        };
        if is_word && matches!(body, "AND" | "OR" | "NOT") {
            parts.push(body.to_string());
        } else {
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
                parts.push(t);
                has_term = true;
            }
        }
        parts.extend(std::iter::repeat_n(")".to_string(), closing));
    }
    has_term.then(|| parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    fn q(s: &str) -> Option<String> {
        fts_query(s)
    }

    #[test]
    fn words_are_quoted_and_side_by_side() {
        assert_eq!(q("Kim  Putin").unwrap(), r#""Kim" "Putin""#);
    }

    #[test]
    fn operators_and_groups_pass_through() {
        assert_eq!(
            q("Streik AND (Bahn OR Lufthansa) NOT Verdi").unwrap(),
            r#""Streik" AND ( "Bahn" OR "Lufthansa" ) NOT "Verdi""#
        );
        assert_eq!(q("and or not").unwrap(), r#""and" "or" "not""#);
        assert_eq!(q("(\"Kim Jong\")").unwrap(), r#"( "Kim Jong" )"#);
    }

    #[test]
    fn phrases_and_prefixes() {
        assert_eq!(q(r#""Kim Jong" Un"#).unwrap(), r#""Kim Jong" "Un""#);
        assert_eq!(q("Krem*").unwrap(), r#""Krem"*"#);
        assert_eq!(q(r#""Kim Jo"*"#).unwrap(), r#""Kim Jo"*"#);
        assert_eq!(q(r#""unclosed phrase"#).unwrap(), r#""unclosed phrase""#);
    }

    #[test]
    fn syntax_characters_stay_text() {
        assert_eq!(q("NEAR(a b").unwrap(), r#""NEAR(a" "b""#);
        assert_eq!(q("title:x -y").unwrap(), r#""title:x" "-y""#);
        assert_eq!(q("a*b").unwrap(), r#""a*b""#);
    }

    #[test]
    fn nothing_searchable_is_none() {
        assert_eq!(q(""), None);
        assert_eq!(q("  * - \" \"  ()"), None);
        assert_eq!(q("🎉"), None);
        assert_eq!(q("AND OR"), None);
    }
}
