//! Properties that hold for every input string.

use newsgraph_segment::Segmenter;
use proptest::prelude::*;

fn assert_invariants(lang: &str, text: &str) -> Result<(), TestCaseError> {
    let seg = Segmenter::for_lang(lang);
    let tokens = seg.tokenize(text);
    let sentences = seg.sentences(text, &tokens);
    let mut prev_end = 0;
    let mut covered = vec![false; text.len()];
    for t in &tokens {
        prop_assert!(t.span.start < t.span.end, "empty token {:?}", t);
        prop_assert!(t.span.start >= prev_end, "tokens out of order");
        prop_assert!(t.span.is_valid_in(text), "token off char boundary");
        covered[t.span.start..t.span.end]
            .iter_mut()
            .for_each(|c| *c = true);
        prev_end = t.span.end;
    }
    for (i, c) in text.char_indices() {
        prop_assert_eq!(covered[i], !c.is_whitespace(), "char {:?} at {}", c, i);
    }
    // Sentences tile the tokens: each starts at a token start and ends at a
    // token end, and every token is in exactly one.
    let mut ti = 0;
    for s in &sentences {
        prop_assert!(s.is_valid_in(text));
        prop_assert!(ti < tokens.len(), "sentence past the last token");
        prop_assert_eq!(s.start, tokens[ti].span.start);
        while ti < tokens.len() && tokens[ti].span.end < s.end {
            ti += 1;
        }
        prop_assert!(
            ti < tokens.len() && tokens[ti].span.end == s.end,
            "sentence ends inside a token"
        );
        ti += 1;
    }
    prop_assert_eq!(ti, tokens.len(), "tokens outside sentences");
    Ok(())
}

/// Strings built from the characters the rules care about.
fn tricky() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "a", "Z", "ä", "1", "12", ".", "..", "…", ",", ":", "*", "_", "/", "-", "'", "’", "\"",
        "„", "“", "»", "«", "‚", "‘", "(", ")", "[", "?", "!", "@", "%", " ", "\n", "\n\n",
        "z. B.", "Dr.", "Mio.", "Juni", "der", "Die", "http://", "www.", "x@y.de", "innen",
        "\u{301}", "\u{200D}", "\u{AD}", "🎉", "\u{FE0F}", "\r\n", "U.S.", "n't", "``", "''",
    ]);
    prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn invariants_hold_on_any_string(text in "\\PC{0,80}") {
        assert_invariants("de", &text)?;
        assert_invariants("en", &text)?;
    }

    #[test]
    fn invariants_hold_on_any_chars(text in any::<String>()) {
        assert_invariants("de", &text)?;
    }

    #[test]
    fn invariants_hold_on_tricky_strings(text in tricky()) {
        assert_invariants("de", &text)?;
        assert_invariants("en", &text)?;
    }
}

#[test]
fn long_single_line_without_spaces_is_one_pass() {
    // A megabyte without whitespace in several shapes that once tempted
    // rescanning; this must simply finish.
    for unit in ["a-", "a.", "1.", "a@", "ab.c", "Kund:innen", "„x“."] {
        let text = unit.repeat(1_000_000 / unit.len());
        let seg = Segmenter::for_lang("de");
        let (tokens, sentences) = seg.segment(&text);
        assert!(!tokens.is_empty());
        assert!(!sentences.is_empty());
    }
}

#[test]
fn long_runs_of_closers_and_lines_finish() {
    for unit in [")", "“", ".“", "''", "\n", "a\n", "!?", "...", "1.-"] {
        let text = unit.repeat(1_000_000 / unit.len());
        let (tokens, sentences) = Segmenter::for_lang("de").segment(&text);
        assert!(tokens.len() <= text.len());
        assert!(sentences.len() <= tokens.len());
    }
}
