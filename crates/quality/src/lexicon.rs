//! Function-word lists and inflection endings from `resources/lang/`.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const FUNCTION_WORDS: [(&str, &str); 6] = [
    (
        "de",
        include_str!("../../../resources/lang/function-words/de.txt"),
    ),
    (
        "en",
        include_str!("../../../resources/lang/function-words/en.txt"),
    ),
    (
        "fr",
        include_str!("../../../resources/lang/function-words/fr.txt"),
    ),
    (
        "es",
        include_str!("../../../resources/lang/function-words/es.txt"),
    ),
    (
        "it",
        include_str!("../../../resources/lang/function-words/it.txt"),
    ),
    (
        "nl",
        include_str!("../../../resources/lang/function-words/nl.txt"),
    ),
];

const ENDINGS: [(&str, &str); 2] = [
    ("de", include_str!("../../../resources/lang/endings/de.txt")),
    ("en", include_str!("../../../resources/lang/endings/en.txt")),
];

fn words(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
}

/// Function words by language (lower case).
pub(crate) struct Lexicon {
    function_words: HashMap<&'static str, HashSet<&'static str>>,
    endings: HashMap<&'static str, Vec<&'static str>>,
}

impl Lexicon {
    pub(crate) fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let function_words = FUNCTION_WORDS
                .iter()
                .map(|(lang, data)| (*lang, words(data).collect()))
                .collect();
            let endings = ENDINGS
                .iter()
                .map(|(lang, data)| {
                    let mut v: Vec<&str> = words(data).collect();
                    v.sort_by_key(|e| std::cmp::Reverse(e.len()));
                    (*lang, v)
                })
                .collect();
            Lexicon {
                function_words,
                endings,
            }
        })
    }

    /// Whether `word` (lower case) is a function word of `lang`.
    pub(crate) fn is_function_word(&self, lang: &str, word: &str) -> bool {
        self.function_words
            .get(lang)
            .is_some_and(|set| set.contains(word))
    }

    /// How many languages list `word` (lower case) as a function word.
    pub(crate) fn languages_listing(&self, word: &str) -> usize {
        self.function_words
            .values()
            .filter(|set| set.contains(word))
            .count()
    }

    /// Languages other than `home` of which `word` (lower case) is a function
    /// word while not being one of `home`.
    pub(crate) fn foreign_languages_of<'a>(
        &'a self,
        home: &'a str,
        word: &'a str,
    ) -> impl Iterator<Item = &'static str> + 'a {
        let home_word = self.is_function_word(home, word);
        self.function_words
            .iter()
            .filter(move |(lang, set)| !home_word && **lang != home && set.contains(word))
            .map(|(lang, _)| *lang)
    }

    /// `word` (lower case) without its longest inflection ending of `lang`,
    /// for words of five or more letters.
    pub(crate) fn stem<'w>(&self, lang: &str, word: &'w str) -> &'w str {
        if word.chars().count() < 5 {
            return word;
        }
        let endings = self.endings.get(lang).map(Vec::as_slice).unwrap_or(&[]);
        for e in endings {
            if let Some(stem) = word.strip_suffix(e) {
                if stem.chars().count() >= 3 {
                    return stem;
                }
            }
        }
        word
    }
}
