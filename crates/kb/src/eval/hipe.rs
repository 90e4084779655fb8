//! HIPE-2022 German (Ehrmann et al. 2022): historical newspapers 1798–1948
//! (NZZ and Luxemburger Wort in `hipe2020`, Austrian papers in `newseye`,
//! Berlin papers in `sonar`), OCR text with its noise, historical spelling
//! (*Theil*, *Dienſtag*) and line-end hyphenation, so linking scores here
//! are expected below those on modern news. Licences: `hipe2020` is
//! CC BY-NC-SA 4.0 (non-commercial: we only measure on it, nothing is
//! derived from it), `newseye` and `sonar` CC BY 4.0.
//!
//! Format: HIPE TSV, a header row naming the columns (`TOKEN`,
//! `NE-COARSE-LIT`, `NEL-LIT`, `MISC` are read, wherever they stand), then
//! one token per line; `# hipe2022:document_id = …` starts a document,
//! `# hipe2022:date = YYYY-MM-DD` gives its date and
//! `# hipe2022:language = de` its language.
//!
//! Gold: the literal coarse mentions (`NE-COARSE-LIT`, BIO) of type `pers`
//! / `PER`, `org` / `ORG`, `loc` / `LOC`; the target is the `NEL-LIT` QID of
//! the mention's first token, `NIL` (or anything not a QID) is NIL. Mentions
//! of other types (`prod`, `time`, `HumanProd`) are annotated but not
//! scored. Nested and metonymic annotations are not read.
//!
//! Text: tokens joined with a space unless `MISC` says `NoSpaceAfter`; a
//! token ending in the line-end hyphen `¬` loses it and joins the next one
//! (*Fett¬* *waarenfabrik* → *Fettwaarenfabrik*), so the pipeline sees the
//! word.

use std::path::Path;

use newsgraph_doc::{EntityType, Meta, Span};

use super::{is_qid, Corpus, EvalError, GoldMention, Sample, Scheme};

/// The columns read, by their header names.
struct Columns {
    token: usize,
    coarse: usize,
    link: usize,
    misc: Option<usize>,
}

impl Columns {
    fn from_header(line: &str) -> Result<Columns, String> {
        let names: Vec<&str> = line.split('\t').map(str::trim).collect();
        let find = |name: &str| {
            names
                .iter()
                .position(|n| *n == name)
                .ok_or_else(|| format!("the header has no {name} column (expected HIPE TSV)"))
        };
        Ok(Columns {
            token: find("TOKEN")?,
            coarse: find("NE-COARSE-LIT")?,
            link: find("NEL-LIT")?,
            misc: find("MISC").ok(),
        })
    }
}

/// A document being read.
struct Building {
    meta: Meta,
    text: String,
    mentions: Vec<GoldMention>,
    /// The open mention, with its HIPE type (`I-` of the same type continues it).
    open: Option<(String, GoldMention)>,
    glue_next: bool,
}

impl Building {
    fn new(id: &str) -> Building {
        Building {
            meta: Meta {
                id: id.to_string(),
                lang: Some("de".into()),
                ..Meta::default()
            },
            text: String::new(),
            mentions: Vec::new(),
            open: None,
            glue_next: true,
        }
    }

    fn close(&mut self) {
        if let Some((_, m)) = self.open.take() {
            self.mentions.push(m);
        }
    }

    fn finish(mut self) -> Sample {
        self.close();
        Sample {
            name: self.meta.id.clone(),
            region: Span::new(0, self.text.len()),
            meta: self.meta,
            text: self.text,
            mentions: self.mentions,
        }
    }
}

/// The scored type of a coarse HIPE type.
fn label_of(coarse: &str) -> Option<EntityType> {
    match coarse.to_ascii_lowercase().as_str() {
        "pers" | "per" => Some(EntityType::Per),
        "org" => Some(EntityType::Org),
        "loc" => Some(EntityType::Loc),
        _ => None,
    }
}

/// Parses one HIPE TSV file's content into its documents. The error says
/// what is wrong and on which line (the caller adds the file).
pub fn parse(data: &str) -> Result<Vec<Sample>, String> {
    let mut columns: Option<Columns> = None;
    let mut docs: Vec<Sample> = Vec::new();
    let mut current: Option<Building> = None;
    for (i, line) in data.lines().enumerate() {
        let at = |problem: String| format!("line {}: {problem}", i + 1);
        if line.trim().is_empty() {
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let Some((key, value)) = comment.split_once('=') else {
                continue;
            };
            let (key, value) = (key.trim(), value.trim());
            match key {
                "hipe2022:document_id" => {
                    docs.extend(current.take().map(Building::finish));
                    current = Some(Building::new(value));
                }
                "hipe2022:date" => {
                    if let Some(d) = current.as_mut() {
                        d.meta.dct = value.parse().ok();
                    }
                }
                "hipe2022:language" => {
                    if let Some(d) = current.as_mut() {
                        d.meta.lang = Some(value.to_string());
                    }
                }
                _ => {}
            }
            continue;
        }
        if line.starts_with("TOKEN\t") {
            columns = Some(Columns::from_header(line).map_err(at)?);
            continue;
        }
        let Some(cols) = columns.as_ref() else {
            return Err(at(
                "a token line before the header row (expected HIPE TSV with a TOKEN … header)"
                    .into(),
            ));
        };
        let Some(doc) = current.as_mut() else {
            return Err(at(
                "a token line before any `# hipe2022:document_id = …` line".into(),
            ));
        };
        let fields: Vec<&str> = line.split('\t').collect();
        let field = |i: usize| fields.get(i).copied().unwrap_or("");
        if fields.len() <= cols.link.max(cols.coarse).max(cols.token) {
            return Err(at(format!(
                "{} columns, fewer than the header names",
                fields.len()
            )));
        }
        let misc = cols.misc.map(field).unwrap_or("");
        let raw = field(cols.token);
        let hyphenated = raw.ends_with('¬');
        let word = raw.strip_suffix('¬').unwrap_or(raw);
        if !doc.glue_next {
            doc.text.push(' ');
        }
        let start = doc.text.len();
        doc.text.push_str(word);
        let span = Span::new(start, doc.text.len());
        doc.glue_next = hyphenated || misc.split('|').any(|m| m == "NoSpaceAfter");
        let tag = field(cols.coarse);
        let (bio, kind) = tag.split_once('-').unwrap_or((tag, ""));
        let continues = bio == "I" && doc.open.as_ref().is_some_and(|(k, _)| k == kind);
        if continues {
            if let Some((_, m)) = doc.open.as_mut() {
                m.span.end = span.end;
            }
            continue;
        }
        doc.close();
        if bio == "B" || bio == "I" {
            let label = label_of(kind);
            let link = field(cols.link).trim();
            doc.open = Some((
                kind.to_string(),
                GoldMention {
                    span,
                    label,
                    target: label.and(Some(link).filter(|l| is_qid(l)).map(str::to_string)),
                },
            ));
        }
    }
    docs.extend(current.map(Building::finish));
    Ok(docs)
}

/// Reads every `*.tsv` under `path` (a folder or one file), sorted by path.
pub fn read(path: &Path) -> Result<Corpus, EvalError> {
    let mut samples = Vec::new();
    for file in super::files(path, ".tsv")? {
        let data = super::read_text(&file)?;
        samples.extend(parse(&data).map_err(|problem| EvalError::Format {
            path: file.clone(),
            problem,
        })?);
    }
    if samples.is_empty() {
        return Err(EvalError::Empty {
            path: path.to_path_buf(),
            expected: "HIPE-2022 TSV files (HIPE-2022-v2.1-*-de.tsv)",
        });
    }
    Ok(Corpus {
        name: "hipe",
        scheme: Scheme::Wikidata,
        samples,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\tNE-NESTED\tNEL-LIT\tNEL-METO\tMISC
# hipe2022:document_id = doc-1
# hipe2022:date = 1895-07-06
# hipe2022:language = de
Der\tO\t_\tO\t_\t_\tO\t_\t_\t_
Fett¬\tO\t_\tO\t_\t_\tO\t_\t_\tNoSpaceAfter|EndOfLine
waarenfabrik\tO\t_\tO\t_\t_\tO\t_\t_\t_
Johann\tB-PER\t_\tO\t_\t_\tO\tNIL\t_\t_
Brandl\tI-PER\t_\tO\t_\t_\tO\tNIL\t_\tNoSpaceAfter
,\tO\t_\tO\t_\t_\tO\t_\t_\t_
in\tO\t_\tO\t_\t_\tO\t_\t_\t_
Wien\tB-LOC\t_\tO\t_\t_\tO\tQ1741\t_\tNoSpaceAfter
.\tO\t_\tO\t_\t_\tO\t_\t_\tEndOfSentence
# hipe2022:document_id = doc-2
# hipe2022:date = 1798-01-20
Am\tO\t_\tO\t_\t_\tO\t_\t_\t_
1.\tB-time\t_\tO\t_\t_\tO\tNIL\t_\t_
Jänner\tI-time\t_\tO\t_\t_\tO\tNIL\t_\t_
Berlin\tB-loc\t_\tO\t_\t_\tO\tQ64\t_\t_
Paris\tB-loc\t_\tO\t_\t_\tO\tQ90\t_\t_
";

    #[test]
    fn documents_text_and_mentions_are_read() {
        let docs = parse(SAMPLE).unwrap();
        assert_eq!(docs.len(), 2);
        let d = &docs[0];
        assert_eq!(d.text, "Der Fettwaarenfabrik Johann Brandl, in Wien.");
        assert_eq!(d.meta.dct.unwrap().to_string(), "1895-07-06");
        assert_eq!(d.meta.lang.as_deref(), Some("de"));
        let got: Vec<(&str, Option<EntityType>, Option<&str>)> = d
            .mentions
            .iter()
            .map(|m| (&d.text[m.span.range()], m.label, m.target.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("Johann Brandl", Some(EntityType::Per), None),
                ("Wien", Some(EntityType::Loc), Some("Q1741")),
            ]
        );
        let d = &docs[1];
        let got: Vec<(&str, Option<EntityType>, Option<&str>)> = d
            .mentions
            .iter()
            .map(|m| (&d.text[m.span.range()], m.label, m.target.as_deref()))
            .collect();
        // Two adjacent B- mentions stay apart; a date is not scored.
        assert_eq!(
            got,
            [
                ("1. Jänner", None, None),
                ("Berlin", Some(EntityType::Loc), Some("Q64")),
                ("Paris", Some(EntityType::Loc), Some("Q90")),
            ]
        );
    }

    #[test]
    fn lines_before_the_header_or_a_document_are_errors() {
        let e = parse("Der\tO\n").unwrap_err();
        assert!(e.starts_with("line 1:"), "{e}");
        let e = parse("TOKEN\tNE-COARSE-LIT\tNEL-LIT\nDer\tO\t_\n").unwrap_err();
        assert!(e.contains("document_id"), "{e}");
        let e = parse("TOKEN\tNE-COARSE-LIT\n").unwrap_err();
        assert!(e.contains("NEL-LIT"), "{e}");
    }
}
