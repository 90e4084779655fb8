//! One knowledge-base entry, as `resources/kb/README.md` describes it.

use newsgraph_doc::EntityType;
use serde::{Deserialize, Serialize};

/// Names per language (ISO 639-1 code → names).
pub type ByLang<T> = LangMap<T>;

/// A small map from language code to `T`, sorted by code, read and written
/// as a JSON object. A vector of pairs rather than a `BTreeMap`, whose
/// smallest node holds room for eleven pairs: with tens of thousands of
/// entries of two to five languages each, that is most of the knowledge
/// base's memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LangMap<T>(Vec<(String, T)>);

impl<T> Default for LangMap<T> {
    fn default() -> Self {
        LangMap(Vec::new())
    }
}

impl<T> LangMap<T> {
    /// An empty map.
    pub fn new() -> Self {
        LangMap(Vec::new())
    }

    /// The value for language `code`.
    pub fn get(&self, code: &str) -> Option<&T> {
        self.0
            .binary_search_by(|(k, _)| k.as_str().cmp(code))
            .ok()
            .map(|i| &self.0[i].1)
    }

    /// Sets the value for `code`, returning the old one.
    pub fn insert(&mut self, code: String, value: T) -> Option<T> {
        match self.0.binary_search_by(|(k, _)| k.cmp(&code)) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (code, value));
                None
            }
        }
    }

    /// Whether there is a value for `code`.
    pub fn contains_key(&self, code: &str) -> bool {
        self.get(code).is_some()
    }

    /// The pairs, by code.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &T)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// The language codes, sorted.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    /// The values, by code.
    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.0.iter().map(|(_, v)| v)
    }

    /// How many languages.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a, T> IntoIterator for &'a LangMap<T> {
    type Item = (&'a String, &'a T);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, T)>,
        fn(&'a (String, T)) -> (&'a String, &'a T),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<T> FromIterator<(String, T)> for LangMap<T> {
    fn from_iter<I: IntoIterator<Item = (String, T)>>(iter: I) -> Self {
        let mut map = LangMap::new();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

impl<T: Serialize> Serialize for LangMap<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for LangMap<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Visit<T> {
            type Value = LangMap<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of language codes")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<LangMap<T>, A::Error> {
                let mut pairs: Vec<(String, T)> = Vec::with_capacity(a.size_hint().unwrap_or(2));
                while let Some((k, v)) = a.next_entry::<String, T>()? {
                    pairs.push((k, v));
                }
                pairs.sort_by(|a, b| a.0.cmp(&b.0));
                // A code given twice: the last value wins, as in a map.
                pairs.reverse();
                pairs.dedup_by(|a, b| a.0 == b.0);
                pairs.reverse();
                pairs.shrink_to_fit();
                Ok(LangMap(pairs))
            }
        }
        d.deserialize_map(Visit(std::marker::PhantomData))
    }
}

/// One real-world person, organisation or place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// A Wikidata QID (`Q423`) or a namespaced slug (`geonames:1871859`,
    /// `ng:kcna`).
    pub id: String,
    /// `PER`, `ORG` or `LOC`.
    #[serde(rename = "type", with = "entity_type")]
    pub entity_type: EntityType,
    /// What kind of thing within the type (`country`, `city`, `agency`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The English Wikipedia title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enwiki: Option<String>,
    /// The canonical name per language.
    #[serde(default)]
    pub name: ByLang<String>,
    /// Other names per language.
    #[serde(default, skip_serializing_if = "LangMap::is_empty")]
    pub aliases: ByLang<Vec<String>>,
    /// Adjective stems of a place per language (*nordkoreanisch*).
    #[serde(default, skip_serializing_if = "LangMap::is_empty")]
    pub adjectives: ByLang<Vec<String>>,
    /// Inhabitants of a place per language (*Nordkoreaner*).
    #[serde(default, skip_serializing_if = "LangMap::is_empty")]
    pub demonyms: ByLang<Vec<String>>,
    /// ISO 3166-1 alpha-2 code of the country it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Offices a person held, with dates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
}

/// An office held from one date to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// The office as a German role noun (*Kremlsprecher*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub de: Option<String>,
    /// The office in English (*Kremlin spokesman*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// The id of the organisation or country the office is of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    /// Start, `YYYY` or `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// End, `YYYY` or `YYYY-MM-DD`; `None` while in office.
    #[serde(default)]
    pub to: Option<String>,
}

impl Entry {
    /// The canonical name in `lang`, if the entry has one.
    pub fn name_in(&self, lang: &str) -> Option<&str> {
        self.name.get(lang).map(String::as_str)
    }

    /// Every name and alias in every language, canonical names first.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        self.name
            .values()
            .map(String::as_str)
            .chain(self.aliases.values().flatten().map(String::as_str))
    }
}

mod entity_type {
    use newsgraph_doc::EntityType;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &EntityType, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(t.as_str())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<EntityType, D::Error> {
        let s = String::deserialize(d)?;
        EntityType::parse(&s)
            .filter(|t| matches!(t, EntityType::Per | EntityType::Org | EntityType::Loc))
            .ok_or_else(|| serde::de::Error::custom(format!("type {s:?}: use PER, ORG or LOC")))
    }
}
