//! conlleval-style strict chunk scoring: a predicted chunk counts only when
//! its class and both boundaries equal a gold chunk's.

use std::collections::HashSet;
use std::fmt;

use crate::labels::{self, CLASSES};

/// True positives, false positives and false negatives of one class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted chunks that match a gold chunk.
    pub tp: usize,
    /// Predicted chunks that match none.
    pub fp: usize,
    /// Gold chunks that were not predicted.
    pub fn_: usize,
}

impl Counts {
    /// Precision (1 when nothing was predicted and nothing was there).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// Recall.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
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
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        if a == 0 {
            1.0
        } else {
            0.0
        }
    } else {
        a as f64 / b as f64
    }
}

/// Strict chunk scores per GermEval outer class and overall.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NerScores {
    /// Counts per class, in [`CLASSES`] order.
    pub per_class: Vec<Counts>,
    /// Counts over all classes.
    pub overall: Counts,
    /// Sentences scored.
    pub sentences: usize,
    /// Tokens scored.
    pub tokens: usize,
}

impl NerScores {
    /// Scores predicted label sequences (label indices) against gold ones.
    pub fn of(gold: &[Vec<usize>], pred: &[Vec<usize>]) -> NerScores {
        let mut s = NerScores {
            per_class: vec![Counts::default(); CLASSES.len()],
            ..NerScores::default()
        };
        for (g, p) in gold.iter().zip(pred) {
            s.sentences += 1;
            s.tokens += g.len();
            let gc: HashSet<_> = labels::chunks(g).into_iter().collect();
            let pc: HashSet<_> = labels::chunks(p).into_iter().collect();
            for c in &pc {
                if gc.contains(c) {
                    s.per_class[c.0].tp += 1;
                } else {
                    s.per_class[c.0].fp += 1;
                }
            }
            for c in gc.difference(&pc) {
                s.per_class[c.0].fn_ += 1;
            }
        }
        for c in &s.per_class {
            s.overall.tp += c.tp;
            s.overall.fp += c.fp;
            s.overall.fn_ += c.fn_;
        }
        s
    }

    /// Scores BIO label strings (`B-PER`, `O`, …).
    pub fn of_labels(gold: &[Vec<String>], pred: &[Vec<String>]) -> NerScores {
        let idx = |v: &[Vec<String>]| -> Vec<Vec<usize>> {
            v.iter()
                .map(|s| s.iter().map(|t| labels::parse(t)).collect())
                .collect()
        };
        NerScores::of(&idx(gold), &idx(pred))
    }

    /// Counts of a class by name (`LOCderiv`).
    pub fn class(&self, name: &str) -> Option<Counts> {
        labels::class_index(name).and_then(|i| self.per_class.get(i).copied())
    }
}

impl fmt::Display for NerScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} sentences, {} tokens (strict chunk match)",
            self.sentences, self.tokens
        )?;
        writeln!(
            f,
            "{:<10} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}",
            "class", "gold", "pred", "tp", "P", "R", "F1"
        )?;
        let rows = CLASSES
            .iter()
            .zip(&self.per_class)
            .map(|(n, c)| (*n, *c))
            .chain([("overall", self.overall)]);
        for (name, c) in rows {
            writeln!(
                f,
                "{:<10} {:>6} {:>6} {:>6} {:>7.4} {:>7.4} {:>7.4}",
                name,
                c.tp + c.fn_,
                c.tp + c.fp,
                c.tp,
                c.precision(),
                c.recall(),
                c.f1()
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seq(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn strict_boundaries_and_classes() {
        let gold = vec![seq("B-PER I-PER O B-LOC O B-LOCderiv")];
        // PER boundary wrong, LOC right, LOCderiv predicted as LOC.
        let pred = vec![seq("B-PER O O B-LOC O B-LOC")];
        let s = NerScores::of_labels(&gold, &pred);
        assert_eq!(
            s.overall,
            Counts {
                tp: 1,
                fp: 2,
                fn_: 2
            }
        );
        assert!((s.overall.f1() - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.class("LOC").unwrap().tp, 1);
        assert_eq!(s.class("LOC").unwrap().fp, 1);
        assert_eq!(s.class("LOCderiv").unwrap().fn_, 1);
        assert!(s.to_string().contains("overall"));
    }

    #[test]
    fn perfect_prediction_scores_one() {
        let gold = vec![seq("B-ORG I-ORG B-ORGpart O")];
        let s = NerScores::of_labels(&gold, &gold);
        assert_eq!(s.overall.f1(), 1.0);
        assert_eq!(s.overall.tp, 2);
    }
}
