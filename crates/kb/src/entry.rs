//! One knowledge-base entry, as `resources/kb/README.md` describes it.

use newsgraph_doc::EntityType;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Names per language (ISO 639-1 code → names).
pub type ByLang<T> = BTreeMap<String, T>;

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
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub aliases: ByLang<Vec<String>>,
    /// Adjective stems of a place per language (*nordkoreanisch*).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub adjectives: ByLang<Vec<String>>,
    /// Inhabitants of a place per language (*Nordkoreaner*).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
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
