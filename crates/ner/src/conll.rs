//! CoNLL-style input and output: tagging a token-per-line file and scoring a
//! gold file.

use std::io::{BufRead, Write};
use std::path::Path;

use crate::corpus::{is_comment, read_corpus};
use crate::labels;
use crate::model::{Model, Scratch};
use crate::score::NerScores;
use crate::NerError;

/// Tags a token-per-line file and writes `token<TAB>label` lines.
///
/// Blank lines separate sentences; `#` comment lines (GermEval's
/// `#<TAB>url…` headers) are skipped, but a bare `#` line is the token `#`.
/// The token column is the first tab-separated column, except in the
/// GermEval layout, recognised by a first data line whose first column is
/// `1` followed by at least one more column: there the token is the second
/// column. Output sentences are separated by a blank line.
pub fn tag_conll(
    input: impl BufRead,
    mut output: impl Write,
    model: &Model,
) -> Result<(), NerError> {
    let stdio = |source| NerError::Io {
        path: "<conll stream>".into(),
        source,
    };
    let mut germeval: Option<bool> = None;
    let mut sent: Vec<String> = Vec::new();
    let mut scratch = Scratch::default();
    let mut flush = |sent: &mut Vec<String>, out: &mut dyn Write| -> std::io::Result<()> {
        if sent.is_empty() {
            return Ok(());
        }
        let toks: Vec<&str> = sent.iter().map(String::as_str).collect();
        let labs = model.tag_indices(&toks, &mut scratch);
        for (t, l) in toks.iter().zip(labs) {
            writeln!(out, "{t}\t{}", labels::name(l))?;
        }
        writeln!(out)?;
        sent.clear();
        Ok(())
    };
    for line in input.lines() {
        let line = line.map_err(stdio)?;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut sent, &mut output).map_err(stdio)?;
            continue;
        }
        if is_comment(line) {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let ge = *germeval.get_or_insert(cols.len() >= 2 && cols[0] == "1");
        let tok = if ge && cols.len() >= 2 {
            cols[1]
        } else {
            cols[0]
        };
        sent.push(tok.to_string());
    }
    flush(&mut sent, &mut output).map_err(stdio)?;
    output.flush().map_err(stdio)
}

/// Tags the sentences of a gold file (any layout [`crate::read_corpus`]
/// reads) and scores the result with strict chunk matching.
pub fn eval_conll(gold: &Path, model: &Model) -> Result<NerScores, NerError> {
    let sents = read_corpus(gold)?;
    let mut scratch = Scratch::default();
    let mut g = Vec::with_capacity(sents.len());
    let mut p = Vec::with_capacity(sents.len());
    for s in &sents {
        let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        p.push(model.tag_indices(&toks, &mut scratch));
        g.push(s.labels.clone());
    }
    Ok(NerScores::of(&g, &p))
}
