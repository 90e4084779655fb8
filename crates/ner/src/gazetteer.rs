//! Name lists of a language pack (`[ner.files]`), matched against token
//! sequences to give the tagger gazetteer features.

use std::collections::{HashMap, HashSet};

use newsgraph_pack::{Pack, PackError};

/// The large generated lists (bits from this one on, and the general-knowledge
/// `orgx`, `oth` and `perx` lists after them) are too noisy for compound-prefix
/// matching (*Bauernverband* is no surname *Bauer*).
const FIRST_LARGE: usize = 6;

/// The `[ner.files]` key of the adjective stems derived from place names
/// (*nordkoreanisch*, *French*).
const PLACE_ADJECTIVES: &str = "place-adjectives";

/// The list of words `[ner.rules] name` of `pack`.
fn word_list(pack: &Pack, name: &str) -> Result<Vec<String>, PackError> {
    Ok(pack.words("ner", name)?.to_vec())
}

/// Category names, by bit index: also the `[ner.files]` keys of their lists
/// (a missing key is an empty list).
pub const CATEGORIES: [&str; 12] = [
    "country", "city", "region", "org", "media", "first", "given", "surname", "geo", "orgx", "oth",
    "perx",
];

/// Compiled gazetteers.
pub struct Gazetteer {
    /// Space-joined entry → category bits.
    exact: HashMap<String, u16>,
    /// Lower-cased single-token entries of four or more chars → bits, for
    /// compounds (*Russlandreise*).
    lower: HashMap<String, u16>,
    /// First tokens of multi-token entries.
    starts: HashSet<String>,
    max_len: usize,
    adjectives: HashSet<String>,
    /// Inflection endings stripped before looking an adjective stem up
    /// (`[ner.rules] place-adjective-endings`).
    adjective_endings: Vec<String>,
    /// Endings of adjectives derived from a place (`[ner.rules]
    /// place-derivation-endings`).
    pub(crate) derivation_endings: Vec<String>,
    /// Endings of inhabitant nouns and adjectives of a place, tried in order
    /// (`[ner.rules] inhabitant-endings`).
    pub(crate) inhabitant_endings: Vec<String>,
    /// Lower-cased single-token place names, sorted, for prefix look-ups
    /// (*ägypt-isch* → *Ägypten*).
    places: Vec<String>,
}

/// Bit of the generated surname list.
const SURNAME_BIT: u16 = 1 << 7;

/// Bits of the place lists (country, city, region, geo).
const PLACE_BITS: u16 = 0b1_0000_0111;

fn entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entries", &self.exact.len())
            .field("adjectives", &self.adjectives.len())
            .finish_non_exhaustive()
    }
}

impl Gazetteer {
    /// The gazetteer of `pack`: the lists its `[ner.files]` names under the
    /// keys of [`CATEGORIES`] (a missing key is an empty category) and
    /// `place-adjectives`.
    pub fn from_pack(pack: &Pack) -> Result<Gazetteer, PackError> {
        let lists = CATEGORIES
            .iter()
            .map(|key| {
                if pack.has_file("ner", key) {
                    pack.text("ner", key)
                } else {
                    Ok("".into())
                }
            })
            .collect::<Result<Vec<_>, _>>()?;
        let lists: Vec<&str> = lists.iter().map(|l| &**l).collect();
        let mut g = Gazetteer::build(&lists, &pack.text("ner", PLACE_ADJECTIVES)?);
        g.adjective_endings = word_list(pack, "place-adjective-endings")?;
        g.derivation_endings = word_list(pack, "place-derivation-endings")?;
        g.inhabitant_endings = word_list(pack, "inhabitant-endings")?;
        Ok(g)
    }

    fn build(lists: &[&str], adjectives: &str) -> Gazetteer {
        let mut g = Gazetteer {
            exact: HashMap::new(),
            lower: HashMap::new(),
            starts: HashSet::new(),
            max_len: 1,
            adjectives: entries(adjectives).map(str::to_lowercase).collect(),
            adjective_endings: Vec::new(),
            derivation_endings: Vec::new(),
            inhabitant_endings: Vec::new(),
            places: Vec::new(),
        };
        for (bit, list) in lists.iter().enumerate() {
            for e in entries(list) {
                let toks: Vec<&str> = e.split_whitespace().collect();
                *g.exact.entry(toks.join(" ")).or_default() |= 1 << bit;
                if toks.len() > 1 {
                    g.starts.insert(toks[0].to_string());
                    g.max_len = g.max_len.max(toks.len());
                } else if bit < FIRST_LARGE && e.chars().count() >= 4 {
                    *g.lower.entry(e.to_lowercase()).or_default() |= 1 << bit;
                }
                if toks.len() == 1 && PLACE_BITS & (1 << bit) != 0 {
                    g.places.push(e.to_lowercase());
                }
            }
        }
        g.places.sort_unstable();
        g.places.dedup();
        g
    }

    /// Whether a word is a listed surname (the generated surname list).
    pub fn is_surname(&self, w: &str) -> bool {
        self.word(w) & SURNAME_BIT != 0
    }

    /// Whether a lower-cased stem of four or more chars begins a listed
    /// single-word place name.
    pub fn place_prefix(&self, stem: &str) -> bool {
        if stem.chars().count() < 4 {
            return false;
        }
        let i = self.places.partition_point(|p| p.as_str() < stem);
        self.places.get(i).is_some_and(|p| p.starts_with(stem))
    }

    /// Whether a word is a listed place (country, city, region, geo).
    pub fn is_place(&self, w: &str) -> bool {
        self.word(w) & PLACE_BITS != 0
    }

    /// Category bits of a single word.
    pub fn word(&self, w: &str) -> u16 {
        self.exact.get(w).copied().unwrap_or(0)
    }

    /// Category bits of a lower-cased single-token entry.
    pub fn lower(&self, w: &str) -> u16 {
        self.lower.get(w).copied().unwrap_or(0)
    }

    /// Whether a lower-cased word is an inflected place adjective.
    pub fn is_adjective(&self, lower: &str) -> bool {
        self.adjective_endings.iter().any(|e| {
            lower
                .strip_suffix(e.as_str())
                .is_some_and(|stem| self.adjectives.contains(stem))
        })
    }

    /// Longest matches: for every token, the category bits of the match it
    /// begins and of the match it continues.
    pub fn spans(&self, toks: &[&str]) -> Vec<(u16, u16)> {
        let mut out = vec![(0u16, 0u16); toks.len()];
        let mut buf = String::new();
        let mut i = 0;
        while i < toks.len() {
            let mut matched = 1;
            let mut bits = self.word(toks[i]);
            if self.starts.contains(toks[i]) {
                for len in (2..=self.max_len.min(toks.len() - i)).rev() {
                    buf.clear();
                    for (k, t) in toks[i..i + len].iter().enumerate() {
                        if k > 0 {
                            buf.push(' ');
                        }
                        buf.push_str(t);
                    }
                    if let Some(&b) = self.exact.get(&buf) {
                        bits = b;
                        matched = len;
                        break;
                    }
                }
            }
            if bits != 0 {
                out[i].0 = bits;
                for o in &mut out[i + 1..i + matched] {
                    o.1 = bits;
                }
            }
            i += matched;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn german() -> Gazetteer {
        let packs = newsgraph_pack::Packs::embedded();
        Gazetteer::from_pack(packs.get("de").unwrap()).unwrap()
    }

    #[test]
    fn finds_multi_word_names_and_adjectives() {
        let g = german();
        let toks = ["die", "Vereinigten", "Staaten", "und", "Frankreich"];
        let s = g.spans(&toks);
        assert_ne!(s[1].0, 0);
        assert_ne!(s[2].1, 0);
        assert_ne!(s[4].0, 0);
        assert!(g.is_adjective("französischen"));
        assert!(!g.is_adjective("schönen"));
    }

    #[test]
    fn large_lists_and_place_prefixes() {
        let g = german();
        let bit = |c: &str| 1u16 << CATEGORIES.iter().position(|x| *x == c).unwrap();
        assert_ne!(g.word("Heidi") & bit("given"), 0);
        assert_ne!(g.word("Schweiger") & bit("surname"), 0);
        assert_ne!(g.word("Köln") & bit("geo"), 0);
        // The large lists stay out of compound matching.
        assert_eq!(g.lower("schweiger") & bit("surname"), 0);
        assert!(g.place_prefix("ägypt"));
        assert!(g.place_prefix("mesopotam"));
        assert!(!g.place_prefix("ägy"));
        assert!(!g.place_prefix("xqzw"));
        assert!(g.is_place("Weimar"));
    }

    #[test]
    fn a_category_the_pack_does_not_name_is_empty() {
        let packs = newsgraph_pack::Packs::embedded();
        let en = Gazetteer::from_pack(packs.get("en").unwrap()).unwrap();
        let bit = |c: &str| 1u16 << CATEGORIES.iter().position(|x| *x == c).unwrap();
        assert_eq!(
            german().word("Bundesverfassungsgericht") & bit("orgx"),
            bit("orgx")
        );
        assert_eq!(en.word("Bundesverfassungsgericht") & bit("orgx"), 0);
        assert_ne!(en.word("Heidi") & bit("given"), 0);
        assert!(en.is_adjective("french"));
    }
}
