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
//!   any such text. [`Kb::index`] finds them by name ([`index::AliasIndex`]).
//! - [`link::Linker`] links the entity mentions of one document (candidates,
//!   inflection, compounds, roles at the document date, type agreement,
//!   in-document coreference, NIL clusters); [`LinkStage`] is the pipeline
//!   stage, with each language's endings from its pack's `[link.rules]`.
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
pub mod index;
pub mod link;
mod stage;

pub use entry::{ByLang, Entry, LangMap, Role};
pub use index::AliasIndex;
pub use stage::LinkStage;

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

/// Below this many bytes per thread, parsing in parallel does not pay.
const PARALLEL_PART_BYTES: usize = 1 << 20;

/// `text` cut into at most `parts` pieces at line ends, each with the
/// number of lines before it.
fn split_at_lines(text: &str, parts: usize) -> Vec<(usize, &str)> {
    let mut chunks = Vec::with_capacity(parts);
    let (mut start, mut lines_before) = (0, 0);
    for k in 1..=parts {
        let mut end = if k == parts {
            text.len()
        } else {
            (text.len() * k / parts).max(start)
        };
        if end < text.len() {
            end = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
        }
        if end > start {
            let chunk = &text[start..end];
            chunks.push((lines_before, chunk));
            lines_before += chunk.matches('\n').count();
            start = end;
        }
    }
    if chunks.is_empty() {
        chunks.push((0, text));
    }
    chunks
}

/// The entries of JSON Lines `text`, whose first line is line
/// `first_line + 1` of `source_name`.
fn parse_lines(text: &str, first_line: usize, source_name: &str) -> Result<Vec<Entry>, KbError> {
    let mut entries = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let entry: Entry = serde_json::from_str(line).map_err(|e| KbError::Entry {
            source_name: source_name.to_string(),
            line: first_line + i + 1,
            message: e.to_string(),
        })?;
        entries.push(entry);
    }
    Ok(entries)
}

/// Entries by id.
#[derive(Debug, Default)]
pub struct Kb {
    entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
    /// Built on first use, dropped when an entry is added.
    index: OnceLock<AliasIndex>,
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
        // A large file is parsed in parts on plain threads (not rayon's
        // pool: the shipped KB may be first read inside a pool's task, and
        // a task waiting on its own pool could take up another task that
        // waits for this one to finish loading).
        let parts = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(text.len() / PARALLEL_PART_BYTES)
            .max(1);
        let chunks = split_at_lines(text, parts);
        let parsed: Vec<Result<Vec<Entry>, KbError>> = if chunks.len() == 1 {
            vec![parse_lines(text, 0, source_name)]
        } else {
            std::thread::scope(|scope| {
                let handles: Vec<_> = chunks
                    .iter()
                    .map(|&(first_line, chunk)| {
                        scope.spawn(move || parse_lines(chunk, first_line, source_name))
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().expect("parsing JSON does not panic"))
                    .collect()
            })
        };
        for entries in parsed {
            for entry in entries? {
                self.insert(entry);
            }
        }
        Ok(())
    }

    /// Adds `entry`, replacing one with the same id.
    pub fn insert(&mut self, entry: Entry) {
        self.index = OnceLock::new();
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

    /// The entries by name, built on first use.
    pub fn index(&self) -> &AliasIndex {
        self.index.get_or_init(|| AliasIndex::build(self))
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
    fn a_large_file_parsed_in_parts_keeps_order_and_line_numbers() {
        let line = |i: usize| {
            format!(
                r#"{{"id":"ng:{}","type":"ORG","name":{{"de":"{}"}}}}"#,
                i % 5000,
                i
            )
        };
        let mut text: String = (0..20_000).map(|i| line(i) + "\n").collect();
        let kb = Kb::from_jsonl(&text, "big.jsonl").unwrap();
        assert_eq!(kb.len(), 5000);
        assert_eq!(
            kb.get("ng:7").unwrap().name_in("de"),
            Some("15007"),
            "the last wins"
        );
        for parts in 1..5 {
            let chunks = split_at_lines(&text, parts);
            assert_eq!(chunks.iter().map(|c| c.1).collect::<String>(), text);
        }
        text.push_str("{broken\n");
        let err = Kb::from_jsonl(&text, "big.jsonl").unwrap_err().to_string();
        assert!(err.starts_with("big.jsonl:20001:"), "{err}");
    }

    #[test]
    fn the_shipped_knowledge_base_loads() {
        let kb = Kb::shipped();
        for entry in kb.entries() {
            assert!(!entry.id.is_empty());
        }
    }
}
