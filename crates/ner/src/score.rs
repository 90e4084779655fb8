//! conlleval-style strict chunk scoring: a predicted chunk counts only when
//! its class and both boundaries equal a gold chunk's.

use std::collections::HashSet;
use std::fmt;

use crate::labels::{self, CLASSES};

/// Counts of one class: chunks predicted, in the gold standard, and both.
pub use newsgraph_eval::Prf as Counts;

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
                s.per_class[c.0].count(true, gc.contains(c));
            }
            for c in gc.difference(&pc) {
                s.per_class[c.0].count(false, true);
            }
        }
        for c in &s.per_class {
            s.overall.add(c);
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
                c.gold,
                c.predicted,
                c.true_positives,
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
                true_positives: 1,
                predicted: 3,
                gold: 3
            }
        );
        assert!((s.overall.f1() - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.class("LOC").unwrap().true_positives, 1);
        assert_eq!(s.class("LOC").unwrap().false_positives(), 1);
        assert_eq!(s.class("LOCderiv").unwrap().false_negatives(), 1);
        assert!(s.to_string().contains("overall"));
    }

    #[test]
    fn perfect_prediction_scores_one() {
        let gold = vec![seq("B-ORG I-ORG B-ORGpart O")];
        let s = NerScores::of_labels(&gold, &gold);
        assert_eq!(s.overall.f1(), 1.0);
        assert_eq!(s.overall.true_positives, 2);
    }
}
