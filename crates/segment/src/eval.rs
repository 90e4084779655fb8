//! Scoring against a CoNLL-U treebank: sentence boundaries and surface tokens.

use crate::Segmenter;
use newsgraph_doc::Span;
use std::fmt;
use std::path::{Path, PathBuf};

/// Evaluation could not run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    /// The treebank file could not be read.
    #[error("cannot read treebank {path}: {source}; check the path given with --conllu")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file holds no sentence with a `# text = ` comment.
    #[error("treebank {path} has no sentences with a `# text = ` comment; pass a CoNLL-U file")]
    NoSentences {
        /// The file.
        path: PathBuf,
    },
}

pub use newsgraph_eval::Prf;

/// Segmentation scores on one treebank.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SegmentScores {
    /// Gold sentences read.
    pub sentences: usize,
    /// Bytes of rebuilt raw text.
    pub text_bytes: usize,
    /// Sentence boundaries (end offsets of sentences).
    pub boundaries: Prf,
    /// Surface tokens (exact span match).
    pub tokens: Prf,
    /// Gold tokens whose form could not be found in the `# text` line (they
    /// are left out of the gold set).
    pub unaligned_gold_tokens: usize,
}

impl fmt::Display for SegmentScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "segmentation: {} gold sentences, {} bytes of text, {} unaligned gold tokens",
            self.sentences, self.text_bytes, self.unaligned_gold_tokens
        )?;
        newsgraph_eval::write_table(
            f,
            "layer",
            &[("sentences", self.boundaries), ("tokens", self.tokens)],
        )
    }
}

/// The raw text of a treebank and its gold segmentation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gold {
    /// The `# text` lines joined by single spaces.
    pub text: String,
    /// Sentence spans in `text`.
    pub sentences: Vec<Span>,
    /// Surface token spans in `text` (a multiword token counts once).
    pub tokens: Vec<Span>,
    /// Token forms that could not be found in their sentence's text.
    pub unaligned: usize,
}

/// Rebuilds the raw text and gold spans of a CoNLL-U treebank.
///
/// The document is one stream: sentences are joined by a single space, and
/// `# newdoc` / `# newpar` are ignored, so the score measures what
/// punctuation and words alone tell (as running news text without paragraph
/// markup would) and stays comparable across treebanks with and without
/// paragraph annotation.
pub fn read_conllu(data: &str) -> Gold {
    let mut gold = Gold::default();
    let mut sent_text: Option<String> = None;
    let mut forms: Vec<String> = Vec::new();
    let mut skip_until = 0usize;
    let flush = |gold: &mut Gold, text: &mut Option<String>, forms: &mut Vec<String>| {
        if let Some(t) = text.take() {
            if !gold.text.is_empty() {
                gold.text.push(' ');
            }
            let base = gold.text.len();
            gold.text.push_str(&t);
            gold.sentences.push(Span::new(base, base + t.len()));
            let mut pos = 0;
            for form in forms.iter() {
                let rest = &t[pos..];
                let trimmed = rest.trim_start();
                let at = pos + (rest.len() - trimmed.len());
                if trimmed.starts_with(form.as_str()) {
                    gold.tokens
                        .push(Span::new(base + at, base + at + form.len()));
                    pos = at + form.len();
                } else {
                    gold.unaligned += 1;
                }
            }
        }
        forms.clear();
    };
    for line in data.lines() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            flush(&mut gold, &mut sent_text, &mut forms);
            skip_until = 0;
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            if let Some(t) = c.trim_start().strip_prefix("text =") {
                sent_text = Some(t.trim().to_string());
            }
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(id), Some(form)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.contains('.') {
            continue; // empty node
        }
        if let Some((a, b)) = id.split_once('-') {
            if let (Ok(_), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) {
                forms.push(form.to_string());
                skip_until = b;
            }
            continue;
        }
        let Ok(n) = id.parse::<usize>() else { continue };
        if n <= skip_until {
            continue;
        }
        forms.push(form.to_string());
    }
    flush(&mut gold, &mut sent_text, &mut forms);
    gold
}

/// Scores `seg` on the CoNLL-U treebank at `path` (see [`read_conllu`] for
/// how the raw text is rebuilt). A boundary is the end offset of a sentence;
/// tokens match when their spans are equal.
pub fn eval_conllu(path: &Path, seg: &Segmenter) -> Result<SegmentScores, EvalError> {
    let data = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let gold = read_conllu(&data);
    if gold.sentences.is_empty() {
        return Err(EvalError::NoSentences {
            path: path.to_path_buf(),
        });
    }
    Ok(score(&gold, seg))
}

/// Scores `seg` on already-read gold data.
pub fn score(gold: &Gold, seg: &Segmenter) -> SegmentScores {
    let tokens = seg.tokenize(&gold.text);
    let sentences = seg.sentences(&gold.text, &tokens);
    let ends = |s: &[Span]| s.iter().map(|s| s.end).collect::<Vec<_>>();
    let tok_spans: Vec<Span> = tokens.iter().map(|t| t.span).collect();
    SegmentScores {
        sentences: gold.sentences.len(),
        text_bytes: gold.text.len(),
        boundaries: Prf::of(&ends(&sentences), &ends(&gold.sentences)),
        tokens: Prf::of(&tok_spans, &gold.tokens),
        unaligned_gold_tokens: gold.unaligned,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = 1\n# text = Er ging zum Haus.\n\
        1\tEr\t_\n2\tging\t_\n3-4\tzum\t_\n3\tzu\t_\n4\tdem\t_\n5\tHaus\t_\n6\t.\t_\n\n\
        # sent_id = 2\n# text = Dr. Kim kam.\n1\tDr.\t_\n2\tKim\t_\n3\tkam\t_\n4\t.\t_\n\n";

    #[test]
    fn rebuilds_text_and_multiword_tokens() {
        let gold = read_conllu(SAMPLE);
        assert_eq!(gold.text, "Er ging zum Haus. Dr. Kim kam.");
        assert_eq!(gold.sentences, [Span::new(0, 17), Span::new(18, 30)]);
        let forms: Vec<&str> = gold.tokens.iter().map(|s| &gold.text[s.range()]).collect();
        assert_eq!(
            forms,
            ["Er", "ging", "zum", "Haus", ".", "Dr.", "Kim", "kam", "."]
        );
        assert_eq!(gold.unaligned, 0);
    }

    #[test]
    fn perfect_segmentation_scores_one() {
        let scores = score(&read_conllu(SAMPLE), Segmenter::for_lang("de"));
        assert_eq!(scores.boundaries.f1(), 1.0);
        assert_eq!(scores.tokens.f1(), 1.0);
        assert!(scores.to_string().contains("sentences"));
    }

    #[test]
    fn missing_file_is_an_error_naming_it() {
        let err = eval_conllu(
            Path::new("/nonexistent/x.conllu"),
            Segmenter::for_lang("de"),
        )
        .unwrap_err();
        assert!(err.to_string().contains("/nonexistent/x.conllu"));
    }
}
