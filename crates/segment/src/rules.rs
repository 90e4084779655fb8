//! Language rules read from a language pack's `[segment.files]`.

use std::collections::{HashMap, HashSet};

/// How an abbreviation behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AbbrClass {
    /// Stands before a name, number or noun; never ends a sentence.
    Title,
    /// Often ends a sentence: a following capitalised word starts a new one.
    Final,
    /// Ends a sentence only before a typical sentence starter.
    Ambiguous,
}

/// The data-driven part of a [`crate::Segmenter`].
#[derive(Debug, Default)]
pub(crate) struct Rules {
    /// Single-token abbreviations (with their dot) and their class.
    pub abbr: HashMap<String, AbbrClass>,
    /// Last two parts of multi-part abbreviations (`"d. J."`), which decide the
    /// class of the last part in that context.
    pub abbr_pairs: HashMap<String, AbbrClass>,
    /// Month names: `N.` before them is an ordinal day.
    pub months: HashSet<String>,
    /// Lower-cased words after which `N.` is an ordinal.
    pub ordinal_context: HashSet<String>,
    /// Capitalised words that open sentences.
    pub starters: HashSet<String>,
    /// Clitics split off the end of words (lower-cased, ASCII apostrophe).
    pub clitics: Vec<String>,
}

fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Rules {
    pub(crate) fn load(
        abbreviations: &str,
        months: &str,
        ordinal_context: &str,
        starters: &str,
        clitics: &str,
    ) -> Rules {
        let mut rules = Rules::default();
        for line in lines(abbreviations) {
            let (entry, class) = match line.rsplit_once(' ') {
                Some((e, "title")) => (e.trim(), AbbrClass::Title),
                Some((e, "final")) => (e.trim(), AbbrClass::Final),
                _ => (line, AbbrClass::Ambiguous),
            };
            let parts: Vec<&str> = entry.split_whitespace().collect();
            if parts.len() == 1 {
                rules.abbr.insert(entry.to_string(), class);
                continue;
            }
            for part in &parts {
                rules
                    .abbr
                    .entry((*part).to_string())
                    .or_insert(AbbrClass::Title);
            }
            let n = parts.len();
            rules
                .abbr_pairs
                .insert(format!("{} {}", parts[n - 2], parts[n - 1]), class);
            rules.abbr.insert(parts.concat(), class);
        }
        rules.months = lines(months).map(str::to_string).collect();
        rules.ordinal_context = lines(ordinal_context).map(str::to_lowercase).collect();
        rules.starters = lines(starters).map(str::to_string).collect();
        rules.clitics = lines(clitics)
            .map(|c| c.to_lowercase().replace('\u{2019}', "'"))
            .collect();
        // Longest first, so `n't` is tried before `'t`-like shorter forms.
        rules.clitics.sort_by_key(|c| std::cmp::Reverse(c.len()));
        rules
    }

    /// The class of abbreviation `word` (with its dot), trying the exact form
    /// and then the form with a lower-cased first letter (sentence-initial
    /// `Ca.`).
    pub(crate) fn abbr_class(&self, word: &str) -> Option<AbbrClass> {
        if let Some(c) = self.abbr.get(word) {
            return Some(*c);
        }
        let mut chars = word.chars();
        let first = chars.next()?;
        if first.is_uppercase() {
            let mut lowered = String::with_capacity(word.len());
            lowered.extend(first.to_lowercase());
            lowered.push_str(chars.as_str());
            return self.abbr.get(&lowered).copied();
        }
        None
    }
}
