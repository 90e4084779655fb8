//! The alias index: every name of every entry (canonical names, aliases,
//! place adjectives, demonyms, acronyms of organisations, role nouns), under
//! a normalised key, so that *Pjöngjang*, *PJÖNGJANG* and *Pjongjang* find
//! the same entry.
//!
//! Names are stored as 64-bit hashes of their keys beside the entry they
//! name, sorted: no key strings are kept, so the index of a knowledge base
//! of a few hundred thousand names builds in tens of milliseconds and takes
//! a few megabytes (two different keys sharing a hash is a 1 in 10⁹ chance
//! at that size, and would only add a candidate).
//!
//! Two strengths of match: [`normalise`] (case folded, hyphens and
//! whitespace unified, dots dropped: *UN-Sicherheitsrat* = *UN Sicherheitsrat*)
//! is exact; [`fold`] (diacritics removed as well) is the weaker one the
//! linker tries when the exact key has nothing.

use crate::{Entry, Kb};
use std::collections::HashMap;

/// How a name belongs to its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NameKind {
    /// The canonical name in a language.
    Name,
    /// Another name (*DVRK*).
    Alias,
    /// A place's adjective stem (*nordkoreanisch*).
    Adjective,
    /// A place's inhabitants (*Nordkoreaner*).
    Demonym,
    /// The initials of an organisation's name of several words, made by the
    /// index (*Koreanische Zentrale Nachrichtenagentur* → *KZN*).
    Acronym,
    /// The last word of a person's canonical name (*Scholz* of *Olaf
    /// Scholz*), made by the index, and kept only when no other person of
    /// the knowledge base has it.
    Surname,
}

/// One name of one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    /// Position of the entry in [`Kb::entries`].
    pub entry: u32,
    /// The language of the name (see [`AliasIndex::lang`]).
    pub lang: u16,
    /// What kind of name it is.
    pub kind: NameKind,
}

/// An office by its role noun (*Kremlsprecher*), with the holder and dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleHit {
    /// Position of the holder in [`Kb::entries`].
    pub entry: u32,
    /// The language of the role noun.
    pub lang: u16,
    /// First day in office, `YYYY-MM-DD` (a year alone counts from its
    /// first day).
    pub from: Option<String>,
    /// Last day in office, `YYYY-MM-DD` (a year alone counts to its last
    /// day); `None` while in office.
    pub to: Option<String>,
    /// The id of the organisation or country the office is of.
    pub of: Option<String>,
}

impl RoleHit {
    /// Whether the office was held on `date` (`YYYY-MM-DD`); with no date,
    /// whether it is held now (at the knowledge base's date).
    pub fn held_on(&self, date: Option<&str>) -> bool {
        match date {
            None => self.to.is_none(),
            Some(date) => {
                self.from.as_deref().is_none_or(|from| from <= date)
                    && self.to.as_deref().is_none_or(|to| date <= to)
            }
        }
    }
}

/// Names → entries, for the linker.
#[derive(Debug, Default)]
pub struct AliasIndex {
    langs: Vec<String>,
    exact: HashedHits,
    /// Names whose diacritic-folded key differs from the exact one, by the
    /// folded key.
    folded: HashedHits,
    roles: HashMap<String, Vec<RoleHit>>,
}

/// Hits sorted by the hash of their key.
#[derive(Debug, Default)]
struct HashedHits {
    hashes: Vec<u64>,
    hits: Vec<Hit>,
}

impl HashedHits {
    fn from_pairs(mut pairs: Vec<(u64, Hit)>) -> HashedHits {
        pairs.sort_unstable();
        pairs.dedup();
        let (hashes, hits) = pairs.into_iter().unzip();
        HashedHits { hashes, hits }
    }

    fn get(&self, key: &str) -> &[Hit] {
        let hash = key_hash(key);
        let lo = self.hashes.partition_point(|&h| h < hash);
        let hi = lo + self.hashes[lo..].partition_point(|&h| h == hash);
        &self.hits[lo..hi]
    }

    fn distinct_keys(&self) -> usize {
        self.hashes.windows(2).filter(|w| w[0] != w[1]).count()
            + usize::from(!self.hashes.is_empty())
    }
}

/// The hash a key is stored under: FNV-1a over the bytes, then the
/// SplitMix64 finaliser to spread them (fast for short keys; never stored,
/// so it may change).
pub fn key_hash(key: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in key.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// Names collected while building, by one thread over a part of the
/// entries.
struct Collector<'a> {
    langs: &'a [String],
    exact: Vec<(u64, Hit)>,
    folded: Vec<(u64, Hit)>,
    roles: Vec<(String, RoleHit)>,
    /// Scratch buffers for keys (no allocation per name).
    key: String,
    folded_key: String,
}

/// Below this many entries per thread, building in parallel does not pay.
const PARALLEL_PART_ENTRIES: usize = 10_000;

impl AliasIndex {
    /// The index of every name of every entry of `kb`.
    pub fn build(kb: &Kb) -> AliasIndex {
        let entries = kb.entries();
        let mut langs: Vec<String> = vec!["de".into(), "en".into()];
        for entry in entries {
            let groups = [&entry.aliases, &entry.adjectives, &entry.demonyms];
            let codes = entry
                .name
                .keys()
                .chain(groups.into_iter().flat_map(|g| g.keys()));
            for code in codes {
                if !langs.contains(code) {
                    langs.push(code.clone());
                }
            }
        }
        // In parts on plain threads, as `Kb::add_jsonl` parses.
        let parts = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(entries.len() / PARALLEL_PART_ENTRIES)
            .max(1);
        let size = entries.len().div_ceil(parts).max(1);
        let collect = |first: usize, part: &[Entry]| {
            let mut c = Collector {
                langs: &langs,
                exact: Vec::new(),
                folded: Vec::new(),
                roles: Vec::new(),
                key: String::new(),
                folded_key: String::new(),
            };
            for (i, entry) in part.iter().enumerate() {
                c.add_entry((first + i) as u32, entry);
            }
            (c.exact, c.folded, c.roles)
        };
        let collected: Vec<_> = if parts == 1 {
            vec![collect(0, entries)]
        } else {
            std::thread::scope(|scope| {
                let handles: Vec<_> = entries
                    .chunks(size)
                    .enumerate()
                    .map(|(k, part)| scope.spawn(move || collect(k * size, part)))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().expect("indexing does not panic"))
                    .collect()
            })
        };
        let (mut exact, mut folded) = (Vec::new(), Vec::new());
        let mut roles: HashMap<String, Vec<RoleHit>> = HashMap::new();
        for (e, f, r) in collected {
            exact.extend(e);
            folded.extend(f);
            for (noun, hit) in r {
                let hits = roles.entry(noun).or_default();
                if !hits.contains(&hit) {
                    hits.push(hit);
                }
            }
        }
        drop_shared_surnames(&mut exact);
        AliasIndex {
            exact: HashedHits::from_pairs(exact),
            folded: HashedHits::from_pairs(folded),
            roles,
            langs,
        }
    }

    /// The language code of a [`Hit::lang`] or [`RoleHit::lang`].
    pub fn lang(&self, id: u16) -> &str {
        self.langs.get(id as usize).map_or("", String::as_str)
    }

    /// The names whose key is exactly `key` (made with [`normalise`]).
    pub fn exact(&self, key: &str) -> &[Hit] {
        self.exact.get(key)
    }

    /// The names that match `key` only once diacritics are removed from
    /// both (`key` made with [`normalise`]).
    pub fn folded(&self, key: &str) -> Vec<Hit> {
        if !needs_folding(key) {
            return self.folded.get(key).to_vec();
        }
        let folded = fold(key);
        let mut hits: Vec<Hit> = self.folded.get(&folded).to_vec();
        if folded != key {
            for &hit in self.exact(&folded) {
                push_new(&mut hits, hit);
            }
        }
        hits.retain(|h| !self.exact(key).contains(h));
        hits
    }

    /// The offices whose role noun is `key` (made with [`normalise`]).
    pub fn roles(&self, key: &str) -> &[RoleHit] {
        self.roles.get(key).map_or(&[], Vec::as_slice)
    }

    /// How many distinct keys there are.
    pub fn len(&self) -> usize {
        self.exact.distinct_keys()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.exact.hashes.is_empty()
    }
}

impl Collector<'_> {
    fn lang_id(&self, code: &str) -> u16 {
        self.langs
            .iter()
            .position(|l| l == code)
            .expect("every language was collected first") as u16
    }

    fn add_entry(&mut self, entry_index: u32, entry: &Entry) {
        let groups = [
            (NameKind::Alias, &entry.aliases),
            (NameKind::Adjective, &entry.adjectives),
            (NameKind::Demonym, &entry.demonyms),
        ];
        for (lang, name) in &entry.name {
            let lang = self.lang_id(lang);
            self.add(name, entry_index, lang, NameKind::Name);
        }
        for (kind, by_lang) in groups {
            for (lang, names) in by_lang {
                let lang = self.lang_id(lang);
                for name in names {
                    self.add(name, entry_index, lang, kind);
                }
            }
        }
        if entry.entity_type == newsgraph_doc::EntityType::Per {
            for (lang, name) in &entry.name {
                let lang = self.lang_id(lang);
                let key = normalise(name);
                if let Some((_, last)) = key.rsplit_once(' ') {
                    if last.chars().count() >= 3 {
                        self.add(last, entry_index, lang, NameKind::Surname);
                    }
                }
            }
        }
        if entry.entity_type == newsgraph_doc::EntityType::Org {
            for (code, name) in &entry.name {
                let lang = self.lang_id(code);
                let aliases = entry.aliases.get(code).into_iter().flatten();
                let acronyms: Vec<String> = std::iter::once(name)
                    .chain(aliases)
                    .filter_map(|n| acronym(n))
                    .collect();
                for a in acronyms {
                    self.add(&a, entry_index, lang, NameKind::Acronym);
                }
            }
        }
        for role in &entry.roles {
            let until = role.to.as_deref().map(|d| pad_date(d, "-12-31"));
            let from = role.from.as_deref().map(|d| pad_date(d, "-01-01"));
            for (lang, noun) in [("de", &role.de), ("en", &role.en)] {
                let Some(noun) = noun else { continue };
                let hit = RoleHit {
                    entry: entry_index,
                    lang: self.lang_id(lang),
                    from: from.clone(),
                    to: until.clone(),
                    of: role.of.clone(),
                };
                self.roles.push((normalise(noun), hit));
            }
        }
    }

    fn add(&mut self, name: &str, entry: u32, lang: u16, kind: NameKind) {
        normalise_into(name, &mut self.key);
        if self.key.is_empty() {
            return;
        }
        let hit = Hit { entry, lang, kind };
        if needs_folding(&self.key) {
            self.folded_key.clear();
            fold_into(&self.key, &mut self.folded_key);
            if self.folded_key != self.key {
                self.folded.push((key_hash(&self.folded_key), hit));
            }
        }
        self.exact.push((key_hash(&self.key), hit));
    }
}

/// Removes the surnames that name more than one entry (*Schmidt*): alone,
/// such a name says nothing about whom it means.
fn drop_shared_surnames(pairs: &mut Vec<(u64, Hit)>) {
    let mut surnames: Vec<(u64, u32)> = pairs
        .iter()
        .filter(|(_, h)| h.kind == NameKind::Surname)
        .map(|(hash, h)| (*hash, h.entry))
        .collect();
    surnames.sort_unstable();
    surnames.dedup();
    let shared: std::collections::HashSet<u64> = surnames
        .windows(2)
        .filter(|w| w[0].0 == w[1].0)
        .map(|w| w[0].0)
        .collect();
    if !shared.is_empty() {
        pairs.retain(|(hash, h)| h.kind != NameKind::Surname || !shared.contains(hash));
    }
}

fn push_new(hits: &mut Vec<Hit>, hit: Hit) {
    if !hits.contains(&hit) {
        hits.push(hit);
    }
}

/// `2012` → `2012-01-01` (with `tail` = `-01-01`), `2012-05` → `2012-05-01`.
fn pad_date(date: &str, tail: &str) -> String {
    let date = date.trim();
    match date.len() {
        4 => format!("{date}{tail}"),
        7 => format!("{date}{}", &tail[3..]),
        _ => date.to_string(),
    }
}

/// The initials of a name of three to eight capitalised words (two-word
/// initials collide too often): *Koreanische Zentrale Nachrichtenagentur*
/// → `KZN`. Lower-case words (*of*, *für*) are skipped.
fn acronym(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let initials: String = words
        .iter()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect();
    (initials.chars().count() >= 3 && initials.chars().count() <= 8).then_some(initials)
}

/// The exact key of a name: lower case, runs of whitespace, hyphens and
/// underscores as one space, dots dropped (*U.S.* = *US*), typographic
/// apostrophes as `'`.
pub fn normalise(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    normalise_into(name, &mut out);
    out
}

/// [`normalise`] into `out` (cleared first).
fn normalise_into(name: &str, out: &mut String) {
    out.clear();
    let mut gap = false;
    for c in name.chars() {
        if c.is_whitespace() || is_hyphen(c) || c == '_' {
            gap = !out.is_empty();
            continue;
        }
        if c == '.' {
            continue;
        }
        if gap {
            out.push(' ');
            gap = false;
        }
        if c.is_ascii() {
            out.push(if c == '`' {
                '\''
            } else {
                c.to_ascii_lowercase()
            });
        } else if matches!(c, '’' | 'ʼ' | '‘' | '´') {
            out.push('\'');
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

fn is_hyphen(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{00AD}'
    )
}

/// Whether [`fold`] may change `key` (plain ASCII letters without an
/// apostrophe it leaves alone).
fn needs_folding(key: &str) -> bool {
    !key.is_ascii() || key.contains('\'')
}

/// A normalised key without diacritics or apostrophes: *pjöngjang* →
/// *pjongjang*, *straße* → *strasse*.
pub fn fold(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    fold_into(key, &mut out);
    out
}

fn fold_into(key: &str, out: &mut String) {
    for c in key.chars() {
        match fold_char(c) {
            Some(s) => out.push_str(s),
            None => out.push(c),
        }
    }
}

fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        '\'' => "",
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_unify_case_hyphens_spaces_and_dots() {
        assert_eq!(normalise("UN-Sicherheitsrat"), "un sicherheitsrat");
        assert_eq!(normalise(" UN  Sicherheitsrat "), "un sicherheitsrat");
        assert_eq!(normalise("U.S."), "us");
        assert_eq!(normalise("Kim Jong‑Un"), "kim jong un");
        assert_eq!(fold(&normalise("Pjöngjang")), "pjongjang");
        assert_eq!(fold("o'neill"), "oneill");
    }

    #[test]
    fn every_kind_of_name_is_found_and_folding_is_weaker() {
        let kb = Kb::from_jsonl(
            concat!(
                r#"{"id":"Q423","type":"LOC","name":{"de":"Nordkorea","en":"North Korea"},"aliases":{"de":["DVRK"]},"adjectives":{"de":["nordkoreanisch"]},"demonyms":{"de":["Nordkoreaner"]}}"#,
                "\n",
                r#"{"id":"Q18808","type":"LOC","name":{"de":"Pjöngjang","en":"Pyongyang"}}"#,
                "\n",
                r#"{"id":"ng:kcna","type":"ORG","name":{"de":"Koreanische Zentrale Nachrichtenagentur","en":"Korean Central News Agency"},"aliases":{"en":["KCNA"]}}"#,
                "\n",
                r#"{"id":"ng:peskow","type":"PER","name":{"de":"Dmitri Peskow"},"roles":[{"de":"Kremlsprecher","from":"2012","to":null}]}"#,
            ),
            "test",
        )
        .unwrap();
        let index = AliasIndex::build(&kb);
        let kinds =
            |key: &str| -> Vec<NameKind> { index.exact(key).iter().map(|h| h.kind).collect() };
        assert_eq!(kinds("nordkorea"), [NameKind::Name]);
        assert_eq!(kinds("dvrk"), [NameKind::Alias]);
        assert_eq!(kinds("nordkoreanisch"), [NameKind::Adjective]);
        assert_eq!(kinds("nordkoreaner"), [NameKind::Demonym]);
        assert_eq!(kinds("kzn"), [NameKind::Acronym]);
        assert_eq!(kinds("kcna"), [NameKind::Alias, NameKind::Acronym]);
        assert_eq!(kinds("peskow"), [NameKind::Surname]);
        assert!(index.exact("pjongjang").is_empty());
        assert_eq!(index.folded("pjongjang")[0].entry, 1);
        assert!(
            index.folded("pjöngjang").is_empty(),
            "exact hits are not repeated"
        );
        let role = &index.roles("kremlsprecher")[0];
        assert!(role.held_on(Some("2024-06-12")));
        assert!(!role.held_on(Some("2011-12-31")));
        assert!(role.held_on(None));
        assert_eq!(index.lang(index.exact("pyongyang")[0].lang), "en");
    }
}
