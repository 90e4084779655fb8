//! Foreign-language fragments: runs of three or more words in another language
//! than the document, such as an untranslated clause left in a translation.
//!
//! Calling lingua on every run of words would be quadratic and slow, so the
//! function-word lists propose candidates and lingua only confirms them:
//!
//! 1. The sentence is cut into chunks at brackets, quotation marks, colons,
//!    semicolons and dashes, which is where inserted fragments start and end.
//! 2. Each word scores +1 when it is a function word of another language only
//!    (or written in another script), -1 when it is a function word of the
//!    document language only, 0 otherwise (content words, names, words both
//!    languages share such as *in* or *will*, words of established phrases
//!    such as *state of the art*, and capitalised function words inside a
//!    chunk, which are names: *Weil*, *The Guardian*).
//! 3. The maximal-scoring runs of each chunk (Kadane's scan, linear) are the
//!    candidates' cores; a core grows over neighbouring shared function words
//!    and over content words that lingua, word by word, does not place in the
//!    document language (so a name closing the fragment is kept, a German verb
//!    is not).
//! 4. A candidate needs three words and two net foreign function words, or
//!    four words and one; it is dropped when it looks like a name or a title
//!    (every content word capitalised, as in *Bank of America*), and flagged
//!    when lingua gives another language at least 0.35 confidence and 2.5
//!    times the document language's.
//!
//! Only candidates reach lingua, so a document in one language costs one hash
//! look-up per word. The flag covers the words: brackets and quotation marks
//! around a fragment stay outside its span.

use crate::lexicon::{normalize, Evidence, Lexicon};
use crate::{confidences, lang_index};
use newsgraph_doc::{Flag, FlagKind, Span, Token, TokenKind};

/// Shortest fragment worth flagging, in words.
const MIN_WORDS: usize = 3;
/// Net function-word evidence (foreign minus home function words) a core
/// needs to be looked at.
const MIN_CORE_SCORE: i32 = 1;
/// A candidate with only one net foreign function word needs this many words:
/// one marker in three words is a name as often as not (*Charles de Gaulle*),
/// while an English clause in German text often has one unambiguous function
/// word only (*the talks will continue next week*: *will* is German too).
const MIN_WORDS_WEAK: usize = 4;
/// Most content words a core may grow by on each side.
const MAX_GROWTH: usize = 8;
/// The fragment's language needs this confidence from lingua…
const MIN_FOREIGN_CONFIDENCE: f64 = 0.35;
/// …and this many times the confidence of the document language. Short runs
/// spread lingua's confidence over all known languages, so the ratio says more
/// than the absolute value.
const MIN_CONFIDENCE_RATIO: f64 = 2.5;

/// One word of a chunk.
struct Word {
    span: Span,
    lower: String,
    score: i32,
    /// A function word of any listed language.
    function: bool,
    capitalized: bool,
}

/// Foreign-language fragments of three or more words among `tokens` (one
/// sentence, or any stretch of text) of a document in language `home`.
///
/// Returns no flag when `home` has no function-word list (only `de`, `en`,
/// `fr`, `es`, `it`, `nl` have one). Each flag's span runs from the first to
/// the last word of the fragment; its `lang` is the ISO 639-1 code lingua
/// gives the fragment.
pub fn foreign_fragments(text: &str, tokens: &[Token], home: &str) -> Vec<Flag> {
    let lexicon = Lexicon::get();
    let Some(home_idx) = lang_index(home).filter(|_| lexicon.knows(home)) else {
        return Vec::new();
    };
    let mut flags: Vec<Flag> = Vec::new();
    let mut chunk: Vec<Word> = Vec::new();
    for token in tokens {
        let surface = &text[token.span.range()];
        match token.kind {
            TokenKind::Word => {
                let lower = normalize(surface);
                let capitalized = is_capitalized(surface);
                let score = match lexicon.evidence(home_idx, &lower) {
                    Evidence::Home => -1,
                    // Inside a chunk, a capitalised function word is a name
                    // (*Weil* in an English text, *The* in *Die The Guardian*).
                    Evidence::Foreign if capitalized && !chunk.is_empty() && lower != "i" => 0,
                    Evidence::Foreign => 1,
                    Evidence::Neutral => 0,
                };
                chunk.push(Word {
                    span: token.span,
                    function: lexicon.is_any_function_word(&lower),
                    lower,
                    score,
                    capitalized,
                });
            }
            TokenKind::Punct if is_chunk_boundary(surface) => {
                scan_chunk(text, &mut chunk, home, lexicon, &mut flags);
                chunk.clear();
            }
            _ => {}
        }
    }
    scan_chunk(text, &mut chunk, home, lexicon, &mut flags);
    merge_adjacent(text, flags)
}

/// Punctuation that opens or closes an inserted stretch of text.
fn is_chunk_boundary(punct: &str) -> bool {
    punct.chars().all(|c| {
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
                | '…'
        )
    })
}

fn scan_chunk(
    text: &str,
    chunk: &mut [Word],
    home: &str,
    lexicon: &Lexicon,
    flags: &mut Vec<Flag>,
) {
    if chunk.len() < MIN_WORDS || !chunk.iter().any(|w| w.score > 0) {
        return;
    }
    neutralize_established(chunk, home, lexicon);
    for (start, end, score) in cores(chunk) {
        if let Some(flag) = confirm(text, chunk, start, end, score, home) {
            flags.push(flag);
        }
    }
}

/// Sets the score of words inside established foreign phrases to zero.
fn neutralize_established(chunk: &mut [Word], home: &str, lexicon: &Lexicon) {
    let lowers: Vec<String> = chunk.iter().map(|w| w.lower.clone()).collect();
    let mut i = 0;
    while i < chunk.len() {
        match lexicon.established_at(home, &lowers[i..]) {
            Some(len) => {
                for w in &mut chunk[i..i + len] {
                    w.score = 0;
                }
                i += len;
            }
            None => i += 1,
        }
    }
}

/// Disjoint maximal-scoring runs (start, end, score) reaching [`MIN_CORE_SCORE`]:
/// Kadane's scan, restarted whenever the running score turns negative. Runs
/// start and end on foreign function words.
fn cores(chunk: &[Word]) -> Vec<(usize, usize, i32)> {
    let mut out = Vec::new();
    let mut run: Option<usize> = None;
    let mut sum = 0;
    let mut best: Option<(usize, usize, i32)> = None;
    let mut flush = |best: &mut Option<(usize, usize, i32)>| {
        if let Some((s, e, score)) = best.take() {
            if score >= MIN_CORE_SCORE {
                out.push((s, e, score));
            }
        }
    };
    for (i, w) in chunk.iter().enumerate() {
        let start = match run {
            Some(s) => s,
            None if w.score > 0 => {
                sum = 0;
                run = Some(i);
                i
            }
            None => continue,
        };
        sum += w.score;
        if sum < 0 {
            flush(&mut best);
            run = None;
            continue;
        }
        // On a tie, a later foreign word extends the core (*step for man, one
        // giant leap for*); a neutral one does not.
        if best.is_none_or(|(_, _, b)| sum > b || (sum == b && w.score > 0)) {
            best = Some((start, i + 1, sum));
        }
    }
    flush(&mut best);
    out
}

/// Whether lingua, on the word alone, does not prefer the document language.
fn leans_foreign(word: &str, home: &str) -> bool {
    let conf = confidences(word);
    let home_conf = conf.iter().find(|(l, _)| *l == home).map_or(0.0, |c| c.1);
    conf.iter().any(|(l, c)| *l != home && *c > home_conf)
}

/// Whether a neutral word may join a fragment: a function word both
/// languages share (*in*, *will*) may, a content word or name only when lingua
/// does not place it in the document language.
fn may_join(text: &str, w: &Word, home: &str) -> bool {
    w.score == 0 && (w.function || leans_foreign(&text[w.span.range()], home))
}

/// Grows a core over neutral neighbours, checks the candidate and asks lingua.
fn confirm(
    text: &str,
    chunk: &[Word],
    start: usize,
    end: usize,
    score: i32,
    home: &str,
) -> Option<Flag> {
    let (mut a, mut b) = (start, end);
    while a > 0 && start - (a - 1) <= MAX_GROWTH && may_join(text, &chunk[a - 1], home) {
        a -= 1;
    }
    while b < chunk.len() && b + 1 - end <= MAX_GROWTH && may_join(text, &chunk[b], home) {
        b += 1;
    }
    // A shared function word is no evidence at an edge (*… in*).
    while a < start && chunk[a].function {
        a += 1;
    }
    while b > end && chunk[b - 1].function {
        b -= 1;
    }
    let words = &chunk[a..b];
    let min_words = if score >= 2 {
        MIN_WORDS
    } else {
        MIN_WORDS_WEAK
    };
    if words.len() < min_words || looks_like_name(words) {
        return None;
    }
    let span = Span::new(words[0].span.start, words[words.len() - 1].span.end);
    let conf = confidences(&text[span.range()]);
    let home_conf = conf.iter().find(|(l, _)| *l == home).map_or(0.0, |c| c.1);
    let (lang, c) = *conf.iter().find(|(l, _)| *l != home)?;
    (c >= MIN_FOREIGN_CONFIDENCE && c >= MIN_CONFIDENCE_RATIO * home_conf).then(|| Flag {
        span,
        kind: FlagKind::ForeignLanguage {
            lang: lang.to_string(),
        },
    })
}

/// A name or title: first and last word capitalised, and every word that is
/// not a function word too (*Bank of America*, *House of the Dragon*).
fn looks_like_name(words: &[Word]) -> bool {
    let first_last = words[0].capitalized && words[words.len() - 1].capitalized;
    first_last && words.iter().all(|w| w.capitalized || w.function)
}

/// Whether a word starts with a capital letter, after an elided article or
/// preposition (*d'Honneur*, *l'Union*).
fn is_capitalized(word: &str) -> bool {
    let after_elision = word
        .char_indices()
        .take(3)
        .find(|(_, c)| matches!(c, '\'' | '’'))
        .map(|(i, c)| &word[i + c.len_utf8()..])
        .filter(|rest| !rest.is_empty())
        .unwrap_or(word);
    after_elision.chars().next().is_some_and(char::is_uppercase)
}

/// Joins flags of one language separated only by punctuation and space (a
/// foreign sentence cut into chunks at a colon or a quotation mark).
fn merge_adjacent(text: &str, flags: Vec<Flag>) -> Vec<Flag> {
    let mut out: Vec<Flag> = Vec::with_capacity(flags.len());
    for flag in flags {
        if let Some(last) = out.last_mut() {
            // `None` would mean the two overlap: merge them too.
            let gap = text.get(last.span.end..flag.span.start);
            let joined = gap.is_none_or(|g| !g.chars().any(char::is_alphanumeric));
            if last.kind == flag.kind && joined {
                last.span.end = last.span.end.max(flag.span.end);
                continue;
            }
        }
        out.push(flag);
    }
    out
}
