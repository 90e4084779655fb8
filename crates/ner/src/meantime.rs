//! Reader for NewsReader MEANTIME (CAT XML, one article per `.xml` file):
//! names (`ENTITY_MENTION` with `syntactic_type="NAM"`) as flat BIO chunks.
//!
//! The mapping, and why:
//! - a name's type is the `ent_type` of the `ENTITY` instance its mention
//!   `REFERS_TO`: PER, ORG and LOC map to themselves; PRO (products: *Boeing
//!   787*, *iPhone*) and FIN (financial instruments and indices: *Dow Jones
//!   Industrial Average*, *FTSE 100*) become OTH, as in CoNLL's MISC;
//!   MIX instances (coordinations of several types) and mentions without an
//!   instance are dropped;
//! - MEANTIME extents are whole noun phrases (*the United States Air Force*,
//!   *Boeing 's 787*): leading determiners and lower-case words and trailing
//!   possessives, punctuation and lower-case words are trimmed, so a chunk
//!   starts and ends with the name (CoNLL style);
//! - extents with a comma, a bracket, a lower-case content word or a
//!   coordination (*and*, *&*) that contain another name mention are
//!   descriptions around names (*JSA Research defence analyst Paul Nesbit*,
//!   *Boeing and Lockheed Martin*) and give way to the names inside them;
//! - the remaining mentions are taken longest first; one overlapping an
//!   already taken one is dropped (the corpus nests mentions);
//! - MEANTIME marks names only in the title and the first sentences of an
//!   article (none after the sixth sentence in this copy, though events go
//!   on): sentences after the last one with a name mention are left out, as
//!   their names are not marked.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::corpus::{read_text, Sentence};
use crate::labels::{self, O};
use crate::NerError;
use newsgraph_eval::meantime as cat;

/// One MEANTIME article as labelled sentences.
#[derive(Debug, Clone)]
pub struct MeantimeDoc {
    /// The file it was read from.
    pub path: PathBuf,
    /// Its sentences (MEANTIME's own sentence numbers and tokens).
    pub sentences: Vec<Sentence>,
}

/// Whether a path is MEANTIME data: a folder (searched recursively for
/// `.xml` files) or an `.xml` file.
pub(crate) fn is_meantime(path: &Path) -> bool {
    path.is_dir() || path.extension().is_some_and(|e| e == "xml")
}

/// The language (`lang` of `<Document>`) of the first MEANTIME article
/// under `path` (a folder, searched recursively, or one `.xml` file), `None`
/// when it names none or there is no article.
pub(crate) fn meantime_lang(path: &Path) -> Result<Option<String>, NerError> {
    let mut files = Vec::new();
    collect(path, &mut files)?;
    let Some(first) = files.into_iter().min() else {
        return Ok(None);
    };
    let text = read_text(&first)?;
    let doc = cat::parse(&first, &text).map_err(|e| NerError::Format {
        path: e.path,
        line: e.line,
        message: format!("{}; expected MEANTIME CAT XML", e.problem),
    })?;
    Ok(doc.attr("lang").map(str::to_string))
}

/// Reads every MEANTIME article under `path` (a folder, searched
/// recursively, or one `.xml` file), sorted by path.
pub fn read_meantime_docs(path: &Path) -> Result<Vec<MeantimeDoc>, NerError> {
    let mut files = Vec::new();
    collect(path, &mut files)?;
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = read_text(&p)?;
            let sentences = parse(&p, &text)?;
            Ok(MeantimeDoc { path: p, sentences })
        })
        .collect()
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), NerError> {
    if !path.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let io = |source| NerError::Io {
        path: path.to_path_buf(),
        source,
    };
    for e in std::fs::read_dir(path).map_err(io)? {
        let p = e.map_err(io)?.path();
        if p.is_dir() {
            collect(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "xml") {
            out.push(p);
        }
    }
    Ok(())
}

/// Parses one article into labelled sentences.
fn parse(path: &Path, text: &str) -> Result<Vec<Sentence>, NerError> {
    let bad = |message: &str| NerError::Format {
        path: path.to_path_buf(),
        line: 0,
        message: format!("{message}; expected MEANTIME CAT XML"),
    };
    let doc = cat::parse(path, text).map_err(|e| NerError::Format {
        path: e.path,
        line: e.line,
        message: format!("{}; expected MEANTIME CAT XML", e.problem),
    })?;
    // Tokens in file order: (t_id, sentence, text).
    let tokens: Vec<(&str, &str, &str)> = doc
        .tokens
        .iter()
        .map(|t| {
            let sent = t.sentence.as_deref().unwrap_or("0");
            (t.t_id.as_str(), sent, t.text.as_str())
        })
        .collect();
    // Mentions: (m_id, syntactic_type, token ids).
    let mentions: Vec<(&str, &str, &[String])> = doc
        .markables
        .iter()
        .filter(|m| m.tag == "ENTITY_MENTION")
        .map(|m| {
            let id = m.m_id.as_deref().unwrap_or("");
            let ty = m.attr("syntactic_type").unwrap_or("");
            (id, ty, m.tokens.as_slice())
        })
        .collect();
    let types: HashMap<&str, &str> = doc
        .markables
        .iter()
        .filter(|m| m.tag == "ENTITY")
        .filter_map(|m| Some((m.m_id.as_deref()?, m.attr("ent_type")?)))
        .collect();
    // Mention → the instance it refers to.
    let mut refers: HashMap<&str, &str> = HashMap::new();
    for r in doc.relations.iter().filter(|r| r.tag == "REFERS_TO") {
        if let Some(t) = r.targets.first() {
            for s in &r.sources {
                refers.insert(s, t);
            }
        }
    }
    if tokens.is_empty() {
        return Err(bad("no <token> elements"));
    }
    let index: HashMap<&str, usize> = tokens.iter().enumerate().map(|(i, t)| (t.0, i)).collect();
    let words: Vec<&str> = tokens.iter().map(|t| t.2).collect();
    // Candidate names: (start, end, class), trimmed.
    let mut cands: Vec<(usize, usize, &str)> = Vec::new();
    for (id, syn, toks) in &mentions {
        if *syn != "NAM" {
            continue;
        }
        let class = match refers.get(id).and_then(|e| types.get(e)).copied() {
            Some("PER") => "PER",
            Some("ORG") => "ORG",
            Some("LOC") => "LOC",
            Some("PRO") | Some("FIN") => "OTH",
            _ => continue,
        };
        let mut idx: Vec<usize> = toks
            .iter()
            .filter_map(|t| index.get(t.as_str()).copied())
            .collect();
        idx.sort_unstable();
        let (Some(&a), Some(&b)) = (idx.first(), idx.last()) else {
            continue;
        };
        if let Some((a, b)) = trim(&words, a, b + 1) {
            cands.push((a, b, class));
        }
    }
    cands.sort_unstable();
    cands.dedup_by_key(|c| (c.0, c.1));
    let described: Vec<bool> = cands
        .iter()
        .map(|&(a, b, _)| {
            let contains_other = cands
                .iter()
                .any(|&(c, d, _)| a <= c && d <= b && (c, d) != (a, b));
            contains_other && words[a..b].iter().any(|w| is_description(w))
        })
        .collect();
    let mut order: Vec<usize> = (0..cands.len()).filter(|&i| !described[i]).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(cands[i].1 - cands[i].0), cands[i].0));
    let mut label = vec![O; words.len()];
    let mut taken = vec![false; words.len()];
    for i in order {
        let (a, b, class) = cands[i];
        if taken[a..b].iter().any(|&t| t) {
            continue;
        }
        let begin = labels::begin(labels::class_index(class).expect("a known class"));
        for (k, l) in label[a..b].iter_mut().enumerate() {
            *l = if k == 0 { begin } else { begin + 1 };
        }
        taken[a..b].iter_mut().for_each(|t| *t = true);
    }
    // Only the title and the first sentences of an article have their names
    // annotated: the rest would teach that names are no names. Keep the
    // sentences up to the last one with a name mention.
    let last_name = mentions
        .iter()
        .filter(|m| m.1 == "NAM")
        .flat_map(|m| m.2.iter())
        .filter_map(|t| index.get(t.as_str()))
        .max();
    let end = last_name.map_or(0, |&i| {
        let sent = &tokens[i].1;
        i + tokens[i..].iter().take_while(|t| &t.1 == sent).count()
    });
    // Sentences in file order (MEANTIME numbers them per article).
    let mut out: Vec<Sentence> = Vec::new();
    let mut last: Option<&str> = None;
    for (i, t) in tokens[..end].iter().enumerate() {
        if last != Some(t.1) {
            out.push(Sentence {
                tokens: Vec::new(),
                labels: Vec::new(),
            });
            last = Some(t.1);
        }
        let s = out.last_mut().expect("a sentence was opened");
        s.tokens.push(t.2.to_string());
        s.labels.push(label[i]);
    }
    for s in &mut out {
        // A name cut by a sentence boundary continues as `I-`: make it `B-`.
        let mut prev = None;
        for l in s.labels.iter_mut() {
            if !labels::allowed(prev, *l) {
                *l -= 1;
            }
            prev = Some(*l);
        }
    }
    Ok(out)
}

/// Lower-case words that may stand inside a name (*Bank of America*).
const CONNECTORS: [&str; 11] = [
    "of", "and", "de", "du", "la", "le", "von", "van", "der", "for", "the",
];

/// Whether a token inside an extent marks it as a description around names.
fn is_description(w: &str) -> bool {
    matches!(w, "," | "(" | ")" | ";" | "and" | "&")
        || (w.starts_with(|c: char| c.is_lowercase()) && !CONNECTORS.contains(&w))
}

/// Whether a token may start or end a name: it begins with an upper-case
/// letter or a digit (*787*), and is not a bare determiner.
fn is_name_edge(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !matches!(w, "The" | "A" | "An")
}

/// Trims an extent `[a, b)` to its name (see the module docs).
fn trim(words: &[&str], mut a: usize, mut b: usize) -> Option<(usize, usize)> {
    while a < b && !is_name_edge(words[a]) {
        a += 1;
    }
    while b > a && !is_name_edge(words[b - 1]) {
        b -= 1;
    }
    (a < b).then_some((a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<?xml version="1.0" ?><Document doc_id="1" doc_name="x" lang="en" url="u">
<token number="0" sentence="0" t_id="1">The</token>
<token number="1" sentence="0" t_id="2">Boeing</token>
<token number="2" sentence="0" t_id="3">787</token>
<token number="3" sentence="0" t_id="4">flew</token>
<token number="4" sentence="0" t_id="5">to</token>
<token number="5" sentence="0" t_id="6">the</token>
<token number="6" sentence="0" t_id="7">United</token>
<token number="7" sentence="0" t_id="8">States</token>
<token number="0" sentence="1" t_id="9">Analyst</token>
<token number="1" sentence="1" t_id="10">Paul</token>
<token number="2" sentence="1" t_id="11">Nesbit</token>
<token number="3" sentence="1" t_id="12">at</token>
<token number="4" sentence="1" t_id="13">JSA</token>
<token number="5" sentence="1" t_id="14">said</token>
<token number="6" sentence="1" t_id="15">so</token>
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/><token_anchor t_id="2"/><token_anchor t_id="3"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="NAM"><token_anchor t_id="6"/><token_anchor t_id="7"/><token_anchor t_id="8"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="3" syntactic_type="NAM"><token_anchor t_id="9"/><token_anchor t_id="10"/><token_anchor t_id="11"/><token_anchor t_id="12"/><token_anchor t_id="13"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="4" syntactic_type="NAM"><token_anchor t_id="10"/><token_anchor t_id="11"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="5" syntactic_type="NAM"><token_anchor t_id="13"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="6" syntactic_type="NOM"><token_anchor t_id="9"/></ENTITY_MENTION>
<ENTITY m_id="50" ent_type="PRO" instance_id="a"/>
<ENTITY m_id="51" ent_type="LOC" instance_id="b"/>
<ENTITY m_id="52" ent_type="PER" instance_id="c"/>
<ENTITY m_id="53" ent_type="ORG" instance_id="d"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><target m_id="50"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="2"/><target m_id="51"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="3"/><source m_id="4"/><source m_id="6"/><target m_id="52"/></REFERS_TO>
<REFERS_TO r_id="4"><source m_id="5"/><target m_id="53"/></REFERS_TO>
</Relations>
</Document>"#;

    #[test]
    fn names_are_trimmed_typed_and_flattened() {
        let s = parse(Path::new("t.xml"), DOC).unwrap();
        assert_eq!(s.len(), 2);
        let names =
            |i: usize| -> Vec<String> { s[i].labels.iter().map(|&l| labels::name(l)).collect() };
        assert_eq!(
            names(0),
            ["O", "B-OTH", "I-OTH", "O", "O", "O", "B-LOC", "I-LOC"]
        );
        // "Analyst Paul Nesbit of JSA" is a description around two names.
        assert_eq!(names(1), ["O", "B-PER", "I-PER", "O", "B-ORG", "O", "O"]);
    }
}
