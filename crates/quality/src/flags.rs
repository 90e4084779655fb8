//! Quality flags: foreign-language fragments and repeated phrases.

use crate::lexicon::Lexicon;
use newsgraph_doc::{Doc, Flag, FlagKind, Layer, Span, Stage, Token, TokenKind};
use std::collections::HashMap;

/// Shortest fragment worth flagging, in words.
const MIN_FRAGMENT_WORDS: usize = 3;
/// Shortest repeated phrase worth flagging, in words.
const MIN_REPEAT_WORDS: usize = 4;
/// A fragment is confirmed when the detector gives its language at least this
/// confidence and the document language at most [`MAX_HOME_CONFIDENCE`].
const MIN_FOREIGN_CONFIDENCE: f64 = 0.5;
const MAX_HOME_CONFIDENCE: f64 = 0.25;

/// Flags foreign-language fragments and repeated phrases.
///
/// Needs the document language (without one it flags nothing) and the
/// sentence and token layers.
#[derive(Debug, Default, Clone, Copy)]
pub struct QualityFlagStage;

impl Stage for QualityFlagStage {
    fn name(&self) -> &'static str {
        "quality-flags"
    }

    fn reads(&self) -> &'static [Layer] {
        &[Layer::Lang, Layer::Sentences, Layer::Tokens]
    }

    fn writes(&self) -> &'static [Layer] {
        &[Layer::Flags]
    }

    fn annotate(&self, doc: &mut Doc) {
        let Some(home) = doc.meta.lang.clone() else {
            return;
        };
        let sentences: Vec<Span> = doc.sentences().unwrap_or_default().to_vec();
        let mut flags = Vec::new();
        for sentence in sentences {
            let tokens = doc.tokens_in(sentence);
            flags.extend(foreign_fragments(doc.text(), tokens, &home));
            if let Some(phrase) = repeated_phrase(doc.text(), tokens, &home) {
                flags.push(Flag {
                    span: sentence,
                    kind: FlagKind::Repetition { phrase },
                });
            }
        }
        doc.flags.extend(flags);
    }
}

/// Punctuation that opens or closes a stretch of text that may be in another
/// language: brackets, quotation marks, colons, semicolons, dashes.
fn is_chunk_boundary(text: &str) -> bool {
    text.chars().all(|c| {
        matches!(
            c,
            '(' | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | ':'
                | ';'
                | '–'
                | '—'
                | '"'
                | '„'
                | '“'
                | '”'
                | '»'
                | '«'
                | '‚'
                | '‘'
                | '’'
                | '›'
                | '‹'
                | '.'
                | '!'
                | '?'
        )
    })
}

/// Fragments of three or more words in a language other than `home` within
/// one sentence's tokens.
///
/// Candidates are maximal runs of words holding no function word of the
/// document language and at least two function words of another (or one,
/// next to a lower-case content word, so names like *Bank of America* pass);
/// a candidate is flagged when the language detector confirms it. The flag
/// covers the words, not surrounding brackets or quotation marks.
pub fn foreign_fragments(text: &str, tokens: &[Token], home: &str) -> Vec<Flag> {
    let lexicon = Lexicon::get();
    let mut flags = Vec::new();
    let mut run: Vec<(Span, String)> = Vec::new();
    let mut flush = |run: &mut Vec<(Span, String)>| {
        if let Some(flag) = confirm_run(text, run, home, lexicon) {
            flags.push(flag);
        }
        run.clear();
    };
    for token in tokens {
        let word = &text[token.span.range()];
        match token.kind {
            TokenKind::Word | TokenKind::Abbreviation => {
                let lower = word.to_lowercase();
                // A word listed for two languages (*in*, *was*) marks neither.
                let is_home_marker = lexicon.is_function_word(home, &lower)
                    && lexicon.languages_listing(&lower) == 1;
                if is_home_marker {
                    flush(&mut run);
                } else {
                    run.push((token.span, lower));
                }
            }
            TokenKind::Punct if is_chunk_boundary(word) => flush(&mut run),
            TokenKind::Number | TokenKind::Ordinal => flush(&mut run),
            _ => {}
        }
    }
    flush(&mut run);
    flags
}

fn confirm_run(text: &str, run: &[(Span, String)], home: &str, lexicon: &Lexicon) -> Option<Flag> {
    if run.len() < MIN_FRAGMENT_WORDS {
        return None;
    }
    let mut foreign_markers = 0;
    let mut lower_content = false;
    for (span, lower) in run {
        if lexicon.foreign_languages_of(home, lower).next().is_some() {
            foreign_markers += 1;
        } else if !lexicon.is_function_word(home, lower)
            && text[span.range()]
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
        {
            lower_content = true;
        }
    }
    if foreign_markers < 2 && !(foreign_markers == 1 && lower_content) {
        return None;
    }
    let span = Span::new(run[0].0.start, run[run.len() - 1].0.end);
    let confidences = crate::confidences(&text[span.range()]);
    let (top, top_conf) = *confidences.first()?;
    let home_conf = confidences
        .iter()
        .find(|(l, _)| *l == home)
        .map_or(0.0, |(_, c)| *c);
    (top != home && top_conf >= MIN_FOREIGN_CONFIDENCE && home_conf <= MAX_HOME_CONFIDENCE).then(
        || Flag {
            span,
            kind: FlagKind::ForeignLanguage {
                lang: top.to_string(),
            },
        },
    )
}

/// The first phrase of four or more words that a sentence repeats, compared
/// case-insensitively after stripping inflection endings (so *einer
/// festen Bindung* repeated as *eine feste Bindung* counts). The phrase must
/// hold at least two content words, so repeated function-word sequences are
/// not flagged. Linear in the sentence length (hashed 4-grams).
pub fn repeated_phrase(text: &str, tokens: &[Token], lang: &str) -> Option<String> {
    let lexicon = Lexicon::get();
    let words: Vec<(Span, String)> = tokens
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .map(|t| {
            let lower = text[t.span.range()].to_lowercase();
            (t.span, lexicon.stem(lang, &lower).to_string())
        })
        .collect();
    if words.len() < 2 * MIN_REPEAT_WORDS {
        return None;
    }
    let mut first_seen: HashMap<[&str; MIN_REPEAT_WORDS], usize> = HashMap::new();
    for j in 0..=words.len() - MIN_REPEAT_WORDS {
        let gram: [&str; MIN_REPEAT_WORDS] = std::array::from_fn(|k| words[j + k].1.as_str());
        let content = gram
            .iter()
            .filter(|w| !lexicon.is_function_word(lang, w))
            .count();
        if content < 2 {
            continue;
        }
        match first_seen.get(&gram) {
            Some(&i) if j >= i + MIN_REPEAT_WORDS => {
                let mut len = MIN_REPEAT_WORDS;
                while i + len < j && j + len < words.len() && words[i + len].1 == words[j + len].1 {
                    len += 1;
                }
                let span = Span::new(words[i].0.start, words[i + len - 1].0.end);
                return Some(text[span.range()].to_string());
            }
            Some(_) => {}
            None => {
                first_seen.insert(gram, j);
            }
        }
    }
    None
}
