//! Readers for the labelled corpora the tagger trains on, each mapped onto
//! GermEval's outer BIO labels, and the simple tokenizer used for raw text.

use std::io::Read;
use std::path::Path;

use crate::labels::{self, O};
use crate::NerError;

/// One labelled sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Token strings.
    pub tokens: Vec<String>,
    /// One label index per token (see [`crate::labels`]).
    pub labels: Vec<usize>,
}

/// Reads a file as UTF-8, gunzipping it when its name ends in `.gz`.
pub(crate) fn read_text(path: &Path) -> Result<String, NerError> {
    let io = |source| NerError::Io {
        path: path.to_path_buf(),
        source,
    };
    let bytes = std::fs::read(path).map_err(io)?;
    let bytes = if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&bytes[..])
            .read_to_end(&mut out)
            .map_err(io)?;
        out
    } else {
        bytes
    };
    String::from_utf8(bytes).map_err(|_| NerError::Format {
        path: path.to_path_buf(),
        line: 0,
        message: "the file is not UTF-8; convert it first".into(),
    })
}

/// Reads a labelled corpus, detecting its layout:
///
/// - GermEval 2014 TSV (`index token outer inner`, `#` comment lines);
/// - HIPE-2022 TSV (header `TOKEN NE-COARSE-LIT …`): `pers`/`loc`/`org` map to
///   PER/LOC/ORG, `prod`/`HumanProd` to OTH, `time` is dropped;
/// - Europarl NER (`token lemma pos chunk tag`, IO tags): MISC becomes
///   LOCderiv on a lower-case word (*europäischen*), OTH otherwise;
/// - SmartData JSON (`.json.gz`/`.jsonl.gz`): person → PER, organization* →
///   ORG, location* → LOC (LOCderiv on a lower-case word), the rest dropped;
/// - two-column `token label` files (the output of [`crate::tag_conll`]);
/// - MEANTIME CAT XML (English): a folder of `.xml` articles or one of them,
///   names mapped onto PER/LOC/ORG/OTH as [`crate::read_meantime_docs`] says.
pub fn read_corpus(path: &Path) -> Result<Vec<Sentence>, NerError> {
    if crate::meantime::is_meantime(path) {
        return Ok(crate::read_meantime_docs(path)?
            .into_iter()
            .flat_map(|d| d.sentences)
            .collect());
    }
    let text = read_text(path)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.contains(".json") {
        return read_smartdata(path, &text);
    }
    let first = text
        .lines()
        .find(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .unwrap_or("");
    if first.starts_with("TOKEN\t") {
        return Ok(read_hipe(&text));
    }
    Ok(read_columns(&text))
}

fn read_columns(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Sentence {
        tokens: Vec::new(),
        labels: Vec::new(),
    };
    let mut io_tags = false;
    for line in text.lines() {
        if line.trim().is_empty() {
            flush(&mut out, &mut cur);
            continue;
        }
        if is_comment(line) {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (token, tag) = match cols.len() {
            0 | 1 => (cols[0], "O"),
            2 => (cols[0], cols[1]),
            n if n >= 3 && cols[0].bytes().all(|b| b.is_ascii_digit()) => (cols[1], cols[2]),
            5 => {
                io_tags = true;
                (cols[0], cols[4])
            }
            _ => (cols[0], cols[cols.len() - 1]),
        };
        let label = if io_tags {
            map_foreign(tag, token)
        } else {
            labels::parse(tag)
        };
        cur.tokens.push(token.to_string());
        cur.labels.push(label);
    }
    flush(&mut out, &mut cur);
    if io_tags {
        for s in &mut out {
            io_to_bio(&mut s.labels);
        }
    }
    out
}

/// A `#` line is a comment unless it is a bare `#` token.
pub(crate) fn is_comment(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('#') else {
        return false;
    };
    match rest.strip_prefix('\t') {
        _ if rest.is_empty() => false,
        // `#<TAB>O` is the token `#` with its label, `#<TAB>http://…` a comment.
        Some(r) => {
            let r = r.trim_end();
            !(r == "O" || r.starts_with("B-") || r.starts_with("I-"))
        }
        None => true,
    }
}

fn flush(out: &mut Vec<Sentence>, cur: &mut Sentence) {
    if !cur.tokens.is_empty() {
        out.push(std::mem::replace(
            cur,
            Sentence {
                tokens: Vec::new(),
                labels: Vec::new(),
            },
        ));
    }
}

/// Maps a foreign BIO/IO tag onto a GermEval label, keeping its B/I prefix.
fn map_foreign(tag: &str, token: &str) -> usize {
    let Some((prefix, ty)) = tag.split_once('-') else {
        return O;
    };
    let lower_initial = token.chars().next().is_some_and(|c| c.is_lowercase());
    let class = match ty.to_ascii_lowercase().as_str() {
        "per" | "pers" | "person" => "PER",
        "loc" | "location" if lower_initial => "LOCderiv",
        "loc" | "location" => "LOC",
        "org" | "organization" => "ORG",
        "misc" if lower_initial => "LOCderiv",
        "misc" | "prod" | "humanprod" => "OTH",
        _ => return O,
    };
    labels::parse(&format!("{prefix}-{class}"))
}

/// Turns IO runs into BIO chunks (a run of one class is one chunk).
fn io_to_bio(seq: &mut [usize]) {
    let mut prev = O;
    for l in seq.iter_mut() {
        if *l != O {
            let class = labels::class_of(*l).unwrap_or(0);
            let b = labels::begin(class);
            *l = if labels::class_of(prev) == Some(class) {
                b + 1
            } else {
                b
            };
        }
        prev = *l;
    }
}

fn read_hipe(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Sentence {
        tokens: Vec::new(),
        labels: Vec::new(),
    };
    for line in text.lines() {
        if line.starts_with('#') || line.starts_with("TOKEN\t") || line.trim().is_empty() {
            if line.starts_with("# hipe2022:document_id") {
                flush(&mut out, &mut cur);
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 2 {
            continue;
        }
        cur.tokens.push(cols[0].to_string());
        cur.labels.push(map_foreign(cols[1], cols[0]));
        if cols.last().is_some_and(|m| m.contains("EndOfSentence")) {
            flush(&mut out, &mut cur);
        }
    }
    flush(&mut out, &mut cur);
    for s in &mut out {
        repair_bio(&mut s.labels);
    }
    out
}

/// Makes a label sequence valid BIO after class mapping (an `I-` whose chunk
/// was dropped becomes `B-`).
fn repair_bio(seq: &mut [usize]) {
    let mut prev = None;
    for l in seq.iter_mut() {
        if !labels::allowed(prev, *l) {
            *l -= 1;
        }
        prev = Some(*l);
    }
}

fn read_smartdata(path: &Path, text: &str) -> Result<Vec<Sentence>, NerError> {
    let mut out = Vec::new();
    let stream = serde_json::Deserializer::from_str(text).into_iter::<serde_json::Value>();
    for doc in stream {
        let doc = doc.map_err(|e| NerError::Format {
            path: path.to_path_buf(),
            line: e.line(),
            message: format!("bad JSON document: {e}"),
        })?;
        let Some(body) = doc["text"]["string"].as_str() else {
            continue;
        };
        let chars: Vec<char> = body.chars().collect();
        let toks = simple_tokens(body);
        // Token char offsets: `simple_tokens` gives byte spans.
        let byte_to_char = {
            let mut v = vec![0usize; body.len() + 1];
            for (ci, (bi, _)) in body.char_indices().enumerate() {
                v[bi] = ci;
            }
            v[body.len()] = chars.len();
            v
        };
        let mut lab = vec![O; toks.len()];
        let mentions = doc["conceptMentions"]["array"].as_array();
        for m in mentions.into_iter().flatten() {
            let ty = m["type"]
                .as_str()
                .unwrap_or("")
                .to_ascii_lowercase()
                .replace('_', "-");
            let base = ty.split('-').next().unwrap_or("");
            let (Some(s), Some(e)) = (m["span"]["start"].as_u64(), m["span"]["end"].as_u64())
            else {
                continue;
            };
            let (s, e) = (s as usize, e as usize);
            let inside: Vec<usize> = (0..toks.len())
                .filter(|&i| {
                    let (ts, te) = (byte_to_char[toks[i].0], byte_to_char[toks[i].1]);
                    ts < e && s < te
                })
                .collect();
            let Some(&first) = inside.first() else {
                continue;
            };
            let tag = match base {
                "person" => "PER",
                "organization" | "org" if ty != "org-position" => "ORG",
                "location" => "LOC",
                _ => continue,
            };
            let b = map_foreign(&format!("B-{tag}"), &body[toks[first].0..toks[first].1]);
            for (k, &i) in inside.iter().enumerate() {
                lab[i] = if k == 0 { b } else { b + 1 };
            }
        }
        let mut start = 0;
        for i in 0..toks.len() {
            let t = &body[toks[i].0..toks[i].1];
            let newline_after = i + 1 < toks.len() && body[toks[i].1..toks[i + 1].0].contains('\n');
            let end_punct = matches!(t, "." | "!" | "?")
                && toks
                    .get(i + 1)
                    .is_none_or(|n| body[n.0..].starts_with(|c: char| c.is_uppercase()));
            if newline_after || end_punct || i + 1 == toks.len() {
                let tokens = toks[start..=i]
                    .iter()
                    .map(|&(a, b)| body[a..b].to_string())
                    .collect();
                let mut labels = lab[start..=i].to_vec();
                repair_bio(&mut labels);
                out.push(Sentence { tokens, labels });
                start = i + 1;
            }
        }
    }
    Ok(out)
}

/// Splits raw text into word and punctuation tokens (byte spans): letters and
/// digits with inner hyphens, dots between digits and apostrophes form one
/// token; every other non-space char is a token of its own.
pub fn simple_tokens(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push((i, i + c.len_utf8()));
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                it.next();
                continue;
            }
            let joiner = matches!(d, '-' | '\'' | '.' | ',');
            let ok = joiner && {
                // All joiners are one byte long.
                let next = text[j + 1..].chars().next();
                match d {
                    '-' | '\'' => next.is_some_and(char::is_alphanumeric),
                    _ => {
                        text[..j].ends_with(|p: char| p.is_ascii_digit())
                            && next.is_some_and(|n| n.is_ascii_digit())
                    }
                }
            };
            if ok {
                it.next();
                continue;
            }
            break;
        }
        out.push((i, end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_tokens_keep_hyphens_and_numbers() {
        let t = "Die EU-Staaten zahlten 3,5 Mio. (Euro).";
        let toks: Vec<&str> = simple_tokens(t).iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(
            toks,
            [
                "Die",
                "EU-Staaten",
                "zahlten",
                "3,5",
                "Mio",
                ".",
                "(",
                "Euro",
                ")",
                "."
            ]
        );
    }

    #[test]
    fn germeval_and_europarl_layouts() {
        let g = "#\thttp://x\t[2010-01-01]\t\n1\tIn\tO\tO\n2\tBerlin\tB-LOC\tO\n\n";
        let s = read_columns(g);
        assert_eq!(s[0].tokens, ["In", "Berlin"]);
        assert_eq!(s[0].labels, [O, labels::parse("B-LOC")]);
        let e = "die\td\tART\tI-NC\tO\neuropäische\teuropäisch\tADJA\tI-NC\tI-MISC\nKommission\tK\tNN\tI-NC\tI-ORG\n";
        let s = read_columns(e);
        let names: Vec<String> = s[0].labels.iter().map(|&l| labels::name(l)).collect();
        assert_eq!(names, ["O", "B-LOCderiv", "B-ORG"]);
    }
}
