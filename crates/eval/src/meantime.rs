//! Reader of NewsReader MEANTIME's CAT XML (one article per file), as plain
//! data: what the file says, without interpretation.
//!
//! The layout:
//!
//! ```text
//! <Document doc_id=… lang=… url=…>
//!   <token t_id="1" sentence="0" number="0">Boeing</token> …
//!   <Markables>
//!     <ENTITY_MENTION m_id="5" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
//!     <ENTITY m_id="50" ent_type="ORG"/> …
//!   </Markables>
//!   <Relations>
//!     <REFERS_TO r_id="1"><source m_id="5"/><target m_id="50"/></REFERS_TO> …
//!   </Relations>
//! </Document>
//! ```
//!
//! Every child of `<Markables>` is a [`Markable`] (with the `t_id`s of the
//! `<token_anchor>`s inside it), every child of `<Relations>` a [`Relation`]
//! (with the `m_id`s of its `<source>`s and `<target>`s); other elements are
//! skipped. Escapes (`&amp;`, `&quot;`, `&#38;`) are resolved. Broken XML, a
//! truncated file or a file whose root is not `<Document>` is an error naming
//! the file, the line and the problem.
//!
//! ```
//! use std::path::Path;
//! let xml = r#"<Document lang="en"><token t_id="1" sentence="0" number="0">Hi</token>
//! <Markables><EVENT_MENTION m_id="2"><token_anchor t_id="1"/></EVENT_MENTION></Markables>
//! <Relations/></Document>"#;
//! let doc = newsgraph_eval::meantime::parse(Path::new("a.xml"), xml).unwrap();
//! assert_eq!(doc.attr("lang"), Some("en"));
//! assert_eq!(doc.tokens[0].text, "Hi");
//! assert_eq!(doc.markables[0].tokens, ["1"]);
//! ```

use std::path::{Path, PathBuf};

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// An element's attributes, in file order, unescaped.
pub type Attrs = Vec<(String, String)>;

/// One article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The attributes of `<Document>` (`doc_id`, `doc_name`, `lang`, `url`).
    pub attrs: Attrs,
    /// The tokens, in file order.
    pub tokens: Vec<Token>,
    /// The children of `<Markables>`, in file order.
    pub markables: Vec<Markable>,
    /// The children of `<Relations>`, in file order.
    pub relations: Vec<Relation>,
}

/// One `<token>`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Token {
    /// Its `t_id` (required).
    pub t_id: String,
    /// Its `sentence` number (per article, from 0), if given.
    pub sentence: Option<String>,
    /// Its `number` (position in the article, from 0), if given.
    pub number: Option<String>,
    /// Its text, unescaped, without surrounding whitespace.
    pub text: String,
}

/// One markable: an element inside `<Markables>` (`ENTITY_MENTION`,
/// `EVENT_MENTION`, `TIMEX3`, `ENTITY`, `EVENT`, …).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Markable {
    /// The element name.
    pub tag: String,
    /// Its `m_id`, if given.
    pub m_id: Option<String>,
    /// All its attributes (`m_id` included).
    pub attrs: Attrs,
    /// The `t_id`s of its `<token_anchor>`s, in file order (none for
    /// instances such as `ENTITY`).
    pub tokens: Vec<String>,
}

/// One relation: an element inside `<Relations>` (`REFERS_TO`,
/// `HAS_PARTICIPANT`, `SLINK`, `TLINK`, …).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Relation {
    /// The element name.
    pub tag: String,
    /// Its `r_id`, if given.
    pub r_id: Option<String>,
    /// All its attributes (`r_id` included).
    pub attrs: Attrs,
    /// The `m_id`s of its `<source>`s, in file order.
    pub sources: Vec<String>,
    /// The `m_id`s of its `<target>`s, in file order (CAT gives one).
    pub targets: Vec<String>,
}

fn find<'a>(attrs: &'a Attrs, key: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

impl Document {
    /// The value of a `<Document>` attribute.
    pub fn attr(&self, key: &str) -> Option<&str> {
        find(&self.attrs, key)
    }
}

impl Markable {
    /// The value of an attribute.
    pub fn attr(&self, key: &str) -> Option<&str> {
        find(&self.attrs, key)
    }
}

impl Relation {
    /// The value of an attribute.
    pub fn attr(&self, key: &str) -> Option<&str> {
        find(&self.attrs, key)
    }
}

/// A file that is not readable MEANTIME CAT XML.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: line {line}: {problem} (expected MEANTIME CAT XML)", path.display())]
pub struct CatError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line where the problem was found.
    pub line: usize,
    /// What is wrong.
    pub problem: String,
}

/// Parses the content `xml` of the file `path` (named in errors only).
pub fn parse(path: &Path, xml: &str) -> Result<Document, CatError> {
    let mut reader = Reader::from_str(xml);
    let fail = |pos: u64, problem: String| CatError {
        path: path.to_path_buf(),
        line: line_at(xml, pos),
        problem,
    };
    let mut doc: Option<Document> = None;
    // Names of the open elements, the root first.
    let mut open: Vec<String> = Vec::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| fail(reader.error_position(), e.to_string()))?;
        let pos = reader.buffer_position();
        let in_token = open.len() >= 2 && open[1] == "token";
        let (start, empty) = match event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(_) => {
                // quick-xml has checked that the name matches.
                if open.len() == 2 && in_token {
                    if let Some(t) = doc.as_mut().and_then(|d| d.tokens.last_mut()) {
                        let trimmed = t.text.trim();
                        if trimmed.len() != t.text.len() {
                            t.text = trimmed.to_string();
                        }
                    }
                }
                open.pop();
                continue;
            }
            Event::Text(t) if in_token => {
                push_text(&mut doc, &t.xml10_content());
                continue;
            }
            Event::CData(t) if in_token => {
                push_text(&mut doc, &t.into_inner());
                continue;
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => resolve_predefined_entity(&r)
                        .ok_or_else(|| fail(pos, format!("unknown entity &{};", &*r)))?
                        .to_string(),
                    Err(e) => return Err(fail(pos, e.to_string())),
                };
                if in_token {
                    push_text(&mut doc, &resolved);
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = start.name().as_ref().to_string();
        let attrs = attributes(&start).map_err(|e| fail(pos, format!("<{name}>: {e}")))?;
        let Some(d) = doc.as_mut() else {
            if name != "Document" {
                return Err(fail(
                    pos,
                    format!("the root element is <{name}>, not <Document>"),
                ));
            }
            doc = Some(Document {
                attrs,
                ..Document::default()
            });
            if !empty {
                open.push(name);
            }
            continue;
        };
        if open.is_empty() {
            return Err(fail(pos, format!("<{name}> after the end of <Document>")));
        }
        let section = open.get(1).map(String::as_str);
        let m_id = || find(&attrs, "m_id").map(str::to_string);
        match (open.len(), section, name.as_str()) {
            (1, _, "token") => {
                let Some(t_id) = find(&attrs, "t_id").map(str::to_string) else {
                    return Err(fail(pos, "a <token> without t_id".into()));
                };
                d.tokens.push(Token {
                    t_id,
                    sentence: find(&attrs, "sentence").map(str::to_string),
                    number: find(&attrs, "number").map(str::to_string),
                    text: String::new(),
                });
            }
            (2, Some("Markables"), _) => d.markables.push(Markable {
                tag: name.clone(),
                m_id: m_id(),
                attrs,
                tokens: Vec::new(),
            }),
            (2, Some("Relations"), _) => d.relations.push(Relation {
                tag: name.clone(),
                r_id: find(&attrs, "r_id").map(str::to_string),
                attrs,
                sources: Vec::new(),
                targets: Vec::new(),
            }),
            (3.., Some("Markables"), "token_anchor") => {
                let (Some(t), Some(m)) = (find(&attrs, "t_id"), d.markables.last_mut()) else {
                    return Err(fail(pos, "a <token_anchor> without t_id".into()));
                };
                m.tokens.push(t.to_string());
            }
            (3.., Some("Relations"), "source" | "target") => {
                let (Some(id), Some(r)) = (m_id(), d.relations.last_mut()) else {
                    return Err(fail(pos, format!("a <{name}> without m_id")));
                };
                if name == "source" {
                    r.sources.push(id);
                } else {
                    r.targets.push(id);
                }
            }
            _ => {}
        }
        if !empty {
            open.push(name);
        }
    }
    if let Some(name) = open.last() {
        return Err(fail(
            xml.len() as u64,
            format!("the file ends inside <{name}> (truncated?)"),
        ));
    }
    doc.ok_or_else(|| fail(xml.len() as u64, "no <Document> element".into()))
}

/// Appends text to the open token.
fn push_text(doc: &mut Option<Document>, text: &str) {
    if let Some(t) = doc.as_mut().and_then(|d| d.tokens.last_mut()) {
        t.text.push_str(text);
    }
}

fn attributes(e: &BytesStart<'_>) -> Result<Attrs, quick_xml::Error> {
    e.attributes()
        .map(|a| {
            let a = a?;
            let value = a.normalized_value(XmlVersion::Implicit1_0)?;
            Ok((a.key.as_ref().to_string(), value.into_owned()))
        })
        .collect()
}

/// The 1-based line of byte offset `pos`.
fn line_at(xml: &str, pos: u64) -> usize {
    let pos = usize::try_from(pos).unwrap_or(usize::MAX).min(xml.len());
    1 + xml.as_bytes()[..pos]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<?xml version="1.0" ?><Document doc_id="7" lang="en" url="a&amp;b">
<token number="0" sentence="0" t_id="1">AT&amp;T</token>
<token number="1" sentence="0" t_id="2"> said </token>
<token number="0" sentence="1" t_id="3">&quot;</token>
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<EVENT_MENTION m_id="2" pred="say">
  <token_anchor t_id="2"/>
</EVENT_MENTION>
<ENTITY m_id="50" ent_type="ORG" external_ref="x&quot;y"/>
<TIMEX3 m_id="60" functionInDocument="CREATION_TIME" value="2009-05-01"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><target m_id="50"/></REFERS_TO>
<HAS_PARTICIPANT r_id="2" sem_role="Arg0">
  <source m_id="2"/>
  <target m_id="1"/>
</HAS_PARTICIPANT>
<TLINK r_id="3" reltype="BEFORE"/>
</Relations>
</Document>
"#;

    #[test]
    fn a_document_is_read_as_data() {
        let d = parse(Path::new("a.xml"), DOC).unwrap();
        assert_eq!(d.attr("doc_id"), Some("7"));
        let toks: Vec<(&str, Option<&str>, &str)> = d
            .tokens
            .iter()
            .map(|t| (t.t_id.as_str(), t.sentence.as_deref(), t.text.as_str()))
            .collect();
        assert_eq!(
            toks,
            [
                ("1", Some("0"), "AT&T"),
                ("2", Some("0"), "said"),
                ("3", Some("1"), "\"")
            ]
        );
        assert_eq!(d.tokens[2].number.as_deref(), Some("0"));
        let tags: Vec<&str> = d.markables.iter().map(|m| m.tag.as_str()).collect();
        assert_eq!(
            tags,
            ["ENTITY_MENTION", "EVENT_MENTION", "ENTITY", "TIMEX3"]
        );
        assert_eq!(d.markables[0].m_id.as_deref(), Some("1"));
        assert_eq!(d.markables[0].attr("syntactic_type"), Some("NAM"));
        assert_eq!(d.markables[1].tokens, ["2"]);
        assert!(d.markables[2].tokens.is_empty());
        assert_eq!(d.markables[3].attr("value"), Some("2009-05-01"));
        assert_eq!(d.relations.len(), 3);
        let r = &d.relations[1];
        assert_eq!(
            (r.tag.as_str(), r.r_id.as_deref(), r.attr("sem_role")),
            ("HAS_PARTICIPANT", Some("2"), Some("Arg0"))
        );
        assert_eq!(
            (r.sources.clone(), r.targets.clone()),
            (vec!["2".into()], vec!["1".into()])
        );
        assert!(d.relations[2].sources.is_empty());
    }

    #[test]
    fn escapes_are_resolved_in_text_and_attributes() {
        let d = parse(Path::new("a.xml"), DOC).unwrap();
        assert_eq!(d.attr("url"), Some("a&b"));
        assert_eq!(d.tokens[0].text, "AT&T");
        assert_eq!(d.markables[2].attr("external_ref"), Some("x\"y"));
        let xml = r#"<Document><token t_id="1">&#38;&lt;&#x41;</token></Document>"#;
        assert_eq!(
            parse(Path::new("b.xml"), xml).unwrap().tokens[0].text,
            "&<A"
        );
    }

    #[test]
    fn a_truncated_file_is_an_error_naming_file_and_line() {
        let cut = &DOC[..DOC.find("<Relations>").unwrap()];
        let e = parse(Path::new("cut.xml"), cut).unwrap_err();
        assert_eq!(e.path, Path::new("cut.xml"));
        assert!(e.problem.contains("ends inside <Document>"), "{e}");
        assert!(e.to_string().starts_with("cut.xml: line "), "{e}");
        // Cut inside a tag.
        let cut = &DOC[..DOC.find("t_id=\"2\"").unwrap()];
        let e = parse(Path::new("cut.xml"), cut).unwrap_err();
        assert_eq!(e.line, 3, "{e}");
    }

    #[test]
    fn broken_xml_and_other_roots_are_errors() {
        let p = Path::new("x.xml");
        let bad = |xml: &str| parse(p, xml).unwrap_err().problem;
        assert!(bad("<Document><token t_id=\"1\">a</tok></Document>").contains("tok"));
        assert!(bad("<TimeML></TimeML>").contains("not <Document>"));
        assert!(bad("").contains("no <Document>"));
        assert!(bad("<Document><token sentence=\"0\">a</token></Document>").contains("t_id"));
        assert!(bad("<Document><token t_id=\"1\">&nbsp;</token></Document>").contains("nbsp"));
        assert!(bad(r#"<Document a="1" a="2"/>"#).contains("Document"));
        assert!(bad("<Document/><Document/>").contains("after the end"));
    }
}
