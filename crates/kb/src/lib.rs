//! The knowledge base: one entry per real-world person, organisation and
//! place that news names, with its names and aliases in several languages,
//! so that *Pjöngjang* and *Pyongyang* get one id. The linking stage that
//! gives entity mentions these ids builds on it.
//!
//! Overview:
//! - [`Entry`] is one thing: its id (a Wikidata QID, or a namespaced slug),
//!   type, names per language, aliases, place adjectives and demonyms, and
//!   for people their roles with dates. The format is `resources/kb/README.md`.
//! - [`Kb`] holds the entries and finds them by id; [`Kb::shipped`] is the
//!   one compiled in from `resources/kb/*.jsonl`, [`Kb::from_jsonl`] reads
//!   any such text.
//!
//! ```
//! let kb = newsgraph_kb::Kb::from_jsonl(
//!     r#"{"id":"Q423","type":"LOC","kind":"country","enwiki":"North Korea","name":{"de":"Nordkorea","en":"North Korea"}}"#,
//!     "example",
//! ).unwrap();
//! let north_korea = kb.get("Q423").unwrap();
//! assert_eq!(north_korea.name_in("de"), Some("Nordkorea"));
//! assert_eq!(north_korea.enwiki.as_deref(), Some("North Korea"));
//! ```
#![deny(missing_docs)]

mod entry;
pub mod eval;

pub use entry::{Entry, Role};

use std::collections::HashMap;
use std::sync::OnceLock;

/// The knowledge base could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KbError {
    /// A line is not a valid entry.
    #[error("{source_name}:{line}: not a knowledge-base entry: {message}; see resources/kb/README.md for the format")]
    Entry {
        /// The file or text the line is from.
        source_name: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Entries by id.
#[derive(Debug, Default)]
pub struct Kb {
    entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
}

impl Kb {
    /// The knowledge base compiled in from `resources/kb/` (every `*.jsonl`
    /// there, in name order; a later entry with the same id replaces an
    /// earlier one), read once.
    pub fn shipped() -> &'static Kb {
        static KB: OnceLock<Kb> = OnceLock::new();
        KB.get_or_init(|| {
            let mut kb = Kb::default();
            for path in newsgraph_pack::shared_files("kb").filter(|p| p.ends_with(".jsonl")) {
                kb.add_jsonl(newsgraph_pack::shared_text(path), path)
                    .unwrap_or_else(|e| panic!("shipped knowledge base: {e}"));
            }
            kb
        })
    }

    /// A knowledge base of the entries in `text` (JSON Lines); `source_name`
    /// names it in errors.
    pub fn from_jsonl(text: &str, source_name: &str) -> Result<Kb, KbError> {
        let mut kb = Kb::default();
        kb.add_jsonl(text, source_name)?;
        Ok(kb)
    }

    /// Adds the entries of `text`; one with a known id replaces the old one.
    pub fn add_jsonl(&mut self, text: &str, source_name: &str) -> Result<(), KbError> {
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let entry: Entry = serde_json::from_str(line).map_err(|e| KbError::Entry {
                source_name: source_name.to_string(),
                line: i + 1,
                message: e.to_string(),
            })?;
            self.insert(entry);
        }
        Ok(())
    }

    /// Adds `entry`, replacing one with the same id.
    pub fn insert(&mut self, entry: Entry) {
        match self.by_id.get(&entry.id) {
            Some(&i) => self.entries[i] = entry,
            None => {
                self.by_id.insert(entry.id.clone(), self.entries.len());
                self.entries.push(entry);
            }
        }
    }

    /// The entry with id `id`.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    /// Every entry, in the order they were added.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_later_entry_replaces_an_earlier_one_and_bad_lines_are_named() {
        let mut kb =
            Kb::from_jsonl(r#"{"id":"ng:x","type":"ORG","name":{"de":"X"}}"#, "a.jsonl").unwrap();
        kb.add_jsonl(r#"{"id":"ng:x","type":"ORG","name":{"de":"Y"}}"#, "b.jsonl")
            .unwrap();
        assert_eq!(kb.len(), 1);
        assert_eq!(kb.get("ng:x").unwrap().name_in("de"), Some("Y"));
        let err = kb
            .add_jsonl("\n{\"id\": 3}", "c.jsonl")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("c.jsonl:2:"), "{err}");
    }

    #[test]
    fn the_shipped_knowledge_base_loads() {
        let kb = Kb::shipped();
        for entry in kb.entries() {
            assert!(!entry.id.is_empty());
        }
    }
}
