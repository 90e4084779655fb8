//! The counts behind precision, recall and F1, shared by every stage's
//! evaluation (segmentation, NER, timexes, quotes), so all of them compute
//! and print scores the same way.
//!
//! [`meantime`] reads the MEANTIME CAT XML corpus that the English NER
//! training and the English quote evaluation both use.
//!
//! ```
//! use newsgraph_eval::Prf;
//! let mut prf = Prf::default();
//! prf.count(true, true); // a hit
//! prf.count(true, false); // a false alarm
//! prf.count(false, true); // a miss
//! assert_eq!(prf.precision(), 0.5);
//! assert_eq!(prf.f1(), 0.5);
//! ```
#![deny(missing_docs)]

pub mod meantime;

use serde::ser::SerializeStruct;
use serde::Serialize;
use std::collections::HashSet;
use std::fmt;
use std::hash::Hash;
use std::path::PathBuf;

/// The text of corpus file `path`.
pub fn read_corpus_text(path: &std::path::Path) -> Result<String, CorpusError> {
    std::fs::read_to_string(path).map_err(|error| CorpusError::Io {
        path: path.to_path_buf(),
        error,
    })
}

/// The files under `path` (a folder, searched recursively, or one file)
/// whose name ends with `ext`, sorted by path. A missing single file is
/// reported by the read that follows.
pub fn corpus_files(path: &std::path::Path, ext: &str) -> Result<Vec<PathBuf>, CorpusError> {
    fn walk(dir: &std::path::Path, ext: &str, out: &mut Vec<PathBuf>) -> Result<(), CorpusError> {
        let entries = std::fs::read_dir(dir).map_err(|error| CorpusError::Io {
            path: dir.to_path_buf(),
            error,
        })?;
        for p in entries.filter_map(|e| e.ok().map(|e| e.path())) {
            if p.is_dir() {
                walk(&p, ext, out)?;
            } else if p.to_string_lossy().ends_with(ext) {
                out.push(p);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    if path.is_dir() {
        walk(path, ext, &mut out)?;
    } else {
        out.push(path.to_path_buf());
    }
    out.sort();
    Ok(out)
}

/// An evaluation corpus could not be read or understood.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CorpusError {
    /// A file or folder could not be read.
    #[error("cannot read {path}: {error} (check the corpus path)")]
    Io {
        /// The path.
        path: PathBuf,
        /// The I/O error (in the message, so not repeated as a source).
        error: std::io::Error,
    },
    /// A file is not in the expected format.
    #[error("{path}: {problem}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong, and where in the file.
        problem: String,
    },
    /// The corpus holds no document.
    #[error("no documents found in {path}: expected {expected}")]
    Empty {
        /// The file or folder.
        path: PathBuf,
        /// What should have been there.
        expected: &'static str,
    },
}

/// True positives, predicted items and gold items.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prf {
    /// Items both predicted and in the gold standard.
    pub true_positives: usize,
    /// Predicted items.
    pub predicted: usize,
    /// Gold items.
    pub gold: usize,
}

impl Prf {
    /// The counts for the set of `predicted` items against the set of `gold` ones.
    pub fn of<T: Hash + Eq + Copy>(predicted: &[T], gold: &[T]) -> Prf {
        let gold_set: HashSet<T> = gold.iter().copied().collect();
        let pred_set: HashSet<T> = predicted.iter().copied().collect();
        Prf {
            true_positives: pred_set.intersection(&gold_set).count(),
            predicted: pred_set.len(),
            gold: gold_set.len(),
        }
    }

    /// Share of predicted items that are right (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.true_positives, self.predicted)
    }

    /// Share of gold items found (0 when there is no gold item).
    pub fn recall(&self) -> f64 {
        ratio(self.true_positives, self.gold)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// False positives.
    pub fn false_positives(&self) -> usize {
        self.predicted - self.true_positives
    }

    /// False negatives.
    pub fn false_negatives(&self) -> usize {
        self.gold - self.true_positives
    }

    /// Adds another document's counts.
    pub fn add(&mut self, other: &Prf) {
        self.true_positives += other.true_positives;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }

    /// Counts one item: predicted or not, in the gold standard or not.
    pub fn count(&mut self, predicted: bool, gold: bool) {
        self.predicted += usize::from(predicted);
        self.gold += usize::from(gold);
        self.true_positives += usize::from(predicted && gold);
    }
}

/// Writes a table of P/R/F1 rows under a header naming the first column.
pub fn write_table<W: fmt::Write>(out: &mut W, head: &str, rows: &[(&str, Prf)]) -> fmt::Result {
    writeln!(
        out,
        "{head:<12} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}",
        "P", "R", "F1", "tp", "pred", "gold"
    )?;
    for (name, s) in rows {
        writeln!(
            out,
            "{name:<12} {:>7.4} {:>7.4} {:>7.4} {:>7} {:>7} {:>7}",
            s.precision(),
            s.recall(),
            s.f1(),
            s.true_positives,
            s.predicted,
            s.gold
        )?;
    }
    Ok(())
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Serialised with the derived scores, for `--json` output.
impl Serialize for Prf {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Prf", 6)?;
        st.serialize_field("tp", &self.true_positives)?;
        st.serialize_field("predicted", &self.predicted)?;
        st.serialize_field("gold", &self.gold)?;
        st.serialize_field("precision", &self.precision())?;
        st.serialize_field("recall", &self.recall())?;
        st.serialize_field("f1", &self.f1())?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_counts_score_zero_not_nan() {
        let p = Prf::default();
        assert_eq!((p.precision(), p.recall(), p.f1()), (0.0, 0.0, 0.0));
    }

    #[test]
    fn sets_ignore_duplicates() {
        let p = Prf::of(&[1, 2, 2, 3], &[2, 3, 4]);
        assert_eq!((p.true_positives, p.predicted, p.gold), (2, 3, 3));
        assert_eq!((p.false_positives(), p.false_negatives()), (1, 1));
    }

    #[test]
    fn table_has_a_row_per_class() {
        let mut out = String::new();
        let p = Prf {
            true_positives: 1,
            predicted: 2,
            gold: 2,
        };
        write_table(&mut out, "class", &[("direct", p), ("indirect", p)]).unwrap();
        assert_eq!(out.lines().count(), 3);
        assert!(out
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("direct        0.5000"));
    }

    #[test]
    fn json_carries_the_scores() {
        let mut p = Prf::default();
        p.add(&Prf {
            true_positives: 1,
            predicted: 2,
            gold: 4,
        });
        let v = serde_json::to_value(p).unwrap();
        assert_eq!(v["precision"], 0.5);
        assert_eq!(v["recall"], 0.25);
    }
}
