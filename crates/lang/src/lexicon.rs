//! Word lists from `resources/lang/`: function words per language, foreign
//! phrases established in news of a language, inflection endings.

use crate::{lang_index, LANGUAGES};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Folders below `resources/` of the word lists, one `<code>.txt` per
/// language (function words, established foreign phrases by document
/// language, inflection endings, number words).
const MARKERS: &str = "lang/markers";
const ESTABLISHED: &str = "lang/established";
const ENDINGS: &str = "lang/stem-endings";
const NUMBER_WORDS: &str = "lang/number-words";

/// The lists of folder `dir` with the language code each file is named for
/// (`lang/markers/fr.txt` → `fr`).
fn lists(dir: &str) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    newsgraph_pack::shared_files(dir).filter_map(|path| {
        let code = path.rsplit('/').next()?.strip_suffix(".txt")?;
        Some((code, newsgraph_pack::shared_text(path)))
    })
}

/// Letters that must remain after an ending is stripped.
const MIN_STEM_CHARS: usize = 3;

/// What the function-word lists say about a word, seen from a document
/// language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Evidence {
    /// A function word of the document language and of no other listed one.
    Home,
    /// A function word of some other language but not of the document's, or
    /// a word in another script.
    Foreign,
    /// A content word, a name, or a function word shared by several languages.
    Neutral,
}

/// The compiled word lists.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// Lower-case function word → bit set over [`LANGUAGES`] indices.
    markers: HashMap<String, u8>,
    /// Bit set of languages that have a function-word list.
    listed: u8,
    /// Per document language: first word → established phrases starting with it.
    established: HashMap<&'static str, HashMap<String, Vec<Vec<String>>>>,
    /// Per language: endings, longest first.
    endings: HashMap<&'static str, Vec<String>>,
    /// Number words of any language.
    number_words: HashSet<String>,
}

/// The words of a list file: lines starting with `#` are comments.
fn words(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
}

/// Lower case with typographic apostrophes folded, the form all lists use.
pub(crate) fn normalize(word: &str) -> String {
    word.to_lowercase().replace(['’', '‘', 'ʼ'], "'")
}

impl Lexicon {
    /// The lists, parsed once.
    pub(crate) fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let mut markers: HashMap<String, u8> = HashMap::new();
        let mut listed = 0u8;
        for (code, data) in lists(MARKERS) {
            let bit = 1u8 << lang_index(code).expect("marker list for a known language");
            listed |= bit;
            for w in words(data) {
                *markers.entry(normalize(w)).or_default() |= bit;
            }
        }
        let established = lists(ESTABLISHED)
            .map(|(code, data)| {
                let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::new();
                for line in data.lines().map(str::trim) {
                    if line.is_empty() || line.starts_with('#') {
                        continue;
                    }
                    let phrase: Vec<String> = line.split_whitespace().map(normalize).collect();
                    by_first.entry(phrase[0].clone()).or_default().push(phrase);
                }
                (code, by_first)
            })
            .collect();
        let endings = lists(ENDINGS)
            .map(|(code, data)| {
                let mut list: Vec<String> = words(data).map(normalize).collect();
                list.sort_by_key(|e| std::cmp::Reverse(e.chars().count()));
                (code, list)
            })
            .collect();
        let number_words = lists(NUMBER_WORDS)
            .flat_map(|(_, data)| words(data))
            .map(normalize)
            .collect();
        debug_assert!(LANGUAGES.len() <= 8, "language bit sets are u8");
        Lexicon {
            markers,
            listed,
            established,
            endings,
            number_words,
        }
    }

    /// Whether fragments can be looked for in documents of language `home`.
    pub(crate) fn knows(&self, home: &str) -> bool {
        lang_index(home).is_some_and(|i| self.listed & (1 << i) != 0)
    }

    /// What a (normalised) word says about its language, in a document of
    /// language index `home`.
    pub(crate) fn evidence(&self, home: usize, lower: &str) -> Evidence {
        let home_bit = 1u8 << home;
        match self.markers.get(lower) {
            Some(&bits) if bits == home_bit => Evidence::Home,
            Some(&bits) if bits & home_bit == 0 => Evidence::Foreign,
            Some(_) => Evidence::Neutral,
            None if is_foreign_script(lower) => Evidence::Foreign,
            None => Evidence::Neutral,
        }
    }

    /// Lengths of the established phrases of document language `home` that
    /// start at `words[0]`, longest first.
    pub(crate) fn established_at(&self, home: &str, words: &[String]) -> Option<usize> {
        let phrases = self.established.get(home)?.get(words.first()?)?;
        phrases
            .iter()
            .filter(|p| p.len() <= words.len() && p[..] == words[..p.len()])
            .map(Vec::len)
            .max()
    }

    /// Whether a (normalised) word is a function word of any listed language.
    pub(crate) fn is_any_function_word(&self, lower: &str) -> bool {
        self.markers.contains_key(lower)
    }

    /// Whether a (normalised) word is a number word (*acht*, *twenty*).
    pub(crate) fn is_number_word(&self, lower: &str) -> bool {
        self.number_words.contains(lower)
    }

    /// `lower` without its longest listed inflection ending of language
    /// `lang`, when at least three letters remain.
    pub(crate) fn stem<'a>(&self, lang: &str, lower: &'a str) -> &'a str {
        let Some(endings) = self.endings.get(lang) else {
            return lower;
        };
        for e in endings {
            if let Some(stem) = lower.strip_suffix(e.as_str()) {
                if stem.chars().count() >= MIN_STEM_CHARS {
                    return stem;
                }
            }
        }
        lower
    }
}

/// Whether a word is written in a script other than Latin (Cyrillic, Greek,
/// Arabic, CJK…): in a Latin-script document such words are foreign whatever
/// they mean.
fn is_foreign_script(word: &str) -> bool {
    word.chars().any(|c| c.is_alphabetic() && !is_latin(c))
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' | 'ª' | 'º')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_function_words_mark_neither_language() {
        let lx = Lexicon::get();
        let de = lang_index("de").unwrap();
        assert_eq!(lx.evidence(de, "und"), Evidence::Home);
        assert_eq!(lx.evidence(de, "the"), Evidence::Foreign);
        assert_eq!(lx.evidence(de, "in"), Evidence::Neutral);
        assert_eq!(lx.evidence(de, "was"), Evidence::Neutral);
        assert_eq!(lx.evidence(de, "not"), Evidence::Neutral);
        assert_eq!(lx.evidence(de, "regierung"), Evidence::Neutral);
        assert_eq!(lx.evidence(de, "москва"), Evidence::Foreign);
    }

    #[test]
    fn every_list_folder_is_compiled_in() {
        for dir in [MARKERS, ESTABLISHED, ENDINGS, NUMBER_WORDS] {
            assert!(lists(dir).count() >= 2, "{dir}");
        }
        assert!(lists(MARKERS).all(|(code, _)| lang_index(code).is_some()));
    }

    #[test]
    fn stems_strip_longest_ending_keeping_three_letters() {
        let lx = Lexicon::get();
        assert_eq!(lx.stem("de", "unzerbrechlichen"), "unzerbrechlich");
        assert_eq!(lx.stem("de", "unzerbrechliche"), "unzerbrechlich");
        assert_eq!(lx.stem("de", "einer"), "ein");
        assert_eq!(lx.stem("de", "den"), "den");
        assert_eq!(lx.stem("xx", "houses"), "houses");
    }

    #[test]
    fn established_phrases_match_longest() {
        let lx = Lexicon::get();
        let w: Vec<String> = ["state", "of", "the", "art", "ist"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(lx.established_at("de", &w), Some(4));
        assert_eq!(lx.established_at("de", &w[1..]), None);
    }
}
