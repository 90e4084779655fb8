//! Repeated phrases: a sentence saying the same four or more words twice, as
//! machine translation does when it loops (*aus einer festen Bindung habe sich
//! eine feste Bindung entwickelt*).

use crate::lexicon::{normalize, Lexicon};
use newsgraph_doc::{Span, Token, TokenKind};
use std::collections::HashMap;

/// Shortest repeated phrase worth flagging, in words.
const N: usize = 4;
/// Content words (not function words, not numbers) a repeated phrase needs, so
/// that *in der Nähe der* or *und dass es* repeated in a long sentence is not
/// flagged.
const MIN_CONTENT_WORDS: usize = 2;

/// One word of the sentence, as compared.
struct Unit<'a> {
    span: Span,
    /// Lower case, inflection ending stripped.
    key: &'a str,
    content: bool,
    number: bool,
    /// Index of the punctuation-free stretch the word is in: phrases never
    /// cross punctuation, so list items (*Tor in der 3. Minute, Tor in der
    /// 9. Minute*) stay apart.
    stretch: usize,
}

/// The first phrase of four or more words that `tokens` (one sentence)
/// contain twice, as written at its first occurrence, or `None`.
///
/// Words are compared case-insensitively with the longest inflection ending
/// of language `lang` stripped (`resources/lang/stem-endings/`), so
/// *unzerbrechlichen* and *unzerbrechliche* match: a looping translation often
/// repeats a noun phrase in another case, while a legitimately repeated phrase
/// is a list or a parallel construction, which the other conditions catch.
/// The phrase must hold at least two content words, must still be four words
/// long without the function words at its ends (on 11,220 Wikinews sentences
/// every shorter one was legitimate: *der Firma Porsche einen Kredit in Höhe
/// von …, mit dem Porsche einen Kredit in gleicher Höhe*), must not cross
/// punctuation, must not sit next to
/// different numbers in its two copies (a comparison), and must occur exactly
/// twice: a four-word phrase three times or more in one sentence is a list
/// pattern, not a translation loop. Linear in the sentence length (hashed
/// four-grams).
pub fn repeated_phrase(text: &str, tokens: &[Token], lang: &str) -> Option<String> {
    let lexicon = Lexicon::get();
    let mut lowers: Vec<(Span, String, TokenKind)> = Vec::with_capacity(tokens.len());
    let mut stretches: Vec<usize> = Vec::with_capacity(tokens.len());
    let mut stretch = 0;
    for t in tokens {
        match t.kind {
            TokenKind::Punct => stretch += 1,
            kind => {
                lowers.push((t.span, normalize(&text[t.span.range()]), kind));
                stretches.push(stretch);
            }
        }
    }
    if lowers.len() < 2 * N {
        return None;
    }
    let units: Vec<Unit> = lowers
        .iter()
        .zip(&stretches)
        .map(|((span, lower, kind), &stretch)| Unit {
            span: *span,
            key: lexicon.stem(lang, lower),
            // Function words of any listed language: names carry foreign
            // ones (*Parti de Gauche*).
            content: *kind == TokenKind::Word && !lexicon.is_any_function_word(lower),
            number: matches!(kind, TokenKind::Number | TokenKind::Ordinal)
                || lexicon.is_number_word(lower),
            stretch,
        })
        .collect();

    let mut seen: HashMap<[&str; N], (usize, usize)> = HashMap::new();
    let mut candidates: Vec<usize> = Vec::new();
    for i in 0..=units.len() - N {
        let window = &units[i..i + N];
        if window[0].stretch != window[N - 1].stretch
            || window.iter().filter(|u| u.content).count() < MIN_CONTENT_WORDS
        {
            continue;
        }
        let key: [&str; N] = std::array::from_fn(|k| window[k].key);
        let entry = seen.entry(key).or_insert((0, i));
        entry.0 += 1;
        if entry.0 == 2 {
            candidates.push(i);
        }
    }
    for j in candidates {
        let key: [&str; N] = std::array::from_fn(|k| units[j + k].key);
        let (count, i) = seen[&key];
        if count != 2 || j < i + N {
            continue;
        }
        let same = |a: usize, b: usize| {
            units[a].key == units[b].key
                && units[a].stretch == units[i].stretch
                && units[b].stretch == units[j].stretch
        };
        // Grow the match both ways while the two copies stay apart.
        let (mut i0, mut j0, mut len) = (i, j, N);
        while i0 > 0 && i0 + len < j0 && same(i0 - 1, j0 - 1) {
            i0 -= 1;
            j0 -= 1;
            len += 1;
        }
        while i0 + len < j0 && j0 + len < units.len() && same(i0 + len, j0 + len) {
            len += 1;
        }
        // The phrase without function words at its ends must still be long:
        // parallel constructions repeat a frame around different content
        // (*the people who suffer in the short run … in the long run*), a
        // looping translation repeats the content itself.
        let phrase = &units[i0..i0 + len];
        let Some(first) = phrase.iter().position(|u| u.content) else {
            continue;
        };
        let last = phrase.iter().rposition(|u| u.content).unwrap_or(first);
        let core = &phrase[first..=last];
        if core.len() < N || core.iter().filter(|u| u.content).count() < MIN_CONTENT_WORDS {
            continue;
        }
        // Different numbers next to both copies make a comparison, not a loop
        // (*37 Kilometer vom Ort entfernt … 46 Kilometer vom Ort entfernt*).
        let numbers_differ = |a: Option<&Unit>, b: Option<&Unit>| matches!((a, b), (Some(a), Some(b)) if a.number && b.number && a.key != b.key);
        let before = |k: usize| k.checked_sub(1).and_then(|k| units.get(k));
        if numbers_differ(before(i0), before(j0))
            || numbers_differ(units.get(i0 + len), units.get(j0 + len))
        {
            continue;
        }
        let span = Span::new(units[i0].span.start, units[i0 + len - 1].span.end);
        return Some(text[span.range()].to_string());
    }
    None
}
