//! MEANTIME English (Minard et al., LREC 2016; CC BY 4.0): English Wikinews
//! articles in CAT XML, read with [`newsgraph_eval::meantime`].
//!
//! Gold: every `ENTITY_MENTION` of `syntactic_type` `NAM` (a name: *General
//! Motors*, *the United States*) or `PRE.NAM` (a name as premodifier:
//! *US*, *American*, *Chrysler* in *Chrysler dealers*) whose `REFERS_TO`
//! instance is an `ENTITY` of `ent_type` PER, ORG or LOC. Its target is the
//! instance's `external_ref`, a DBpedia resource (`http://dbpedia.org/resource/General_Motors`,
//! some written `…/page/…`, one as a bare title), compared as the English
//! Wikipedia title it names; an instance without one (absent, empty, `no er`)
//! is NIL. Other mentions (descriptions, pronouns, appositions, products,
//! financial entities) are annotated but not scored: links on them are left
//! out.
//!
//! Region: MEANTIME annotates entity mentions fully only in sentences 0–5
//! (title, dateline, four body sentences); later sentences carry a few
//! cross-document mentions without a syntactic type. Predicted links are
//! scored in sentences 0–5 only, and so are gold mentions (the pipeline runs
//! on the whole article).
//!
//! Text: the corpus has no raw text; each sentence's tokens are joined with
//! single spaces, none before closing punctuation and clitics (`'s`, `n't`)
//! or after opening brackets, PTB quotes written `“` `”`. Sentences follow
//! each other after a space when the previous one ends in `.`, `!` or `?`,
//! else after a blank line (the title, the dateline). DBpedia titles are of
//! 2015: a title Wikipedia has since renamed counts as a different target
//! (redirects are not followed).

use std::collections::HashMap;
use std::path::Path;

use newsgraph_doc::{EntityType, Meta, Span};
use newsgraph_eval::meantime as cat;

use super::{normalize_title, Corpus, EvalError, GoldMention, Sample, Scheme};

/// Sentences `0..ANNOTATED_SENTENCES` (corpus numbering) carry every entity
/// mention.
pub const ANNOTATED_SENTENCES: usize = 6;

/// The Wikipedia title named by an `external_ref` value, or `None` when it
/// names none.
pub fn title_of_external_ref(value: &str) -> Option<String> {
    let value = value.trim();
    let title = ["/resource/", "/page/"]
        .iter()
        .find_map(|marker| value.rfind(marker).map(|i| &value[i + marker.len()..]))
        .unwrap_or(value);
    // A bare title has no spaces (`Mail_(OS_X)`); `no er` is a note.
    if title.is_empty() || title.contains("://") || title.contains(char::is_whitespace) {
        return None;
    }
    Some(normalize_title(title))
}

/// Parses one CAT XML article; `name` is its file stem.
pub fn parse(name: &str, xml: &str) -> Result<Sample, String> {
    let doc =
        cat::parse(Path::new(name), xml).map_err(|e| format!("line {}: {}", e.line, e.problem))?;
    if doc.tokens.is_empty() {
        return Err("not a MEANTIME CAT XML article (<Document> with <token> elements)".into());
    }
    let mut sentence_of = Vec::with_capacity(doc.tokens.len());
    for t in &doc.tokens {
        let s = t.sentence.as_deref().and_then(|s| s.parse::<usize>().ok());
        sentence_of.push(s.ok_or_else(|| format!("token {} has no sentence number", t.t_id))?);
    }
    let words: Vec<&str> = doc.tokens.iter().map(|t| t.text.as_str()).collect();
    let (text, spans, title) = rebuild(&words, &sentence_of);
    let index: HashMap<&str, usize> = doc
        .tokens
        .iter()
        .enumerate()
        .map(|(i, t)| (t.t_id.as_str(), i))
        .collect();
    let markables: HashMap<&str, &cat::Markable> = doc
        .markables
        .iter()
        .filter_map(|m| Some((m.m_id.as_deref()?, m)))
        .collect();
    let mut instance: HashMap<&str, &str> = HashMap::new();
    for r in doc.relations.iter().filter(|r| r.tag == "REFERS_TO") {
        if let Some(t) = r.targets.first() {
            for s in &r.sources {
                instance.insert(s, t);
            }
        }
    }
    let mut mentions = Vec::new();
    for m in doc.markables.iter().filter(|m| m.tag == "ENTITY_MENTION") {
        let mut toks = Vec::with_capacity(m.tokens.len());
        for t in &m.tokens {
            toks.push(*index.get(t.as_str()).ok_or_else(|| {
                format!(
                    "mention {} is anchored to token {t}, which the file does not have",
                    m.m_id.as_deref().unwrap_or("?")
                )
            })?);
        }
        let (Some(&first), Some(&last)) = (toks.iter().min(), toks.iter().max()) else {
            continue;
        };
        let entity = m
            .m_id
            .as_deref()
            .and_then(|id| instance.get(id))
            .and_then(|i| markables.get(i))
            .filter(|i| i.tag == "ENTITY");
        let is_name = matches!(m.attr("syntactic_type"), Some("NAM" | "PRE.NAM"));
        let label = entity
            .and_then(|e| e.attr("ent_type"))
            .and_then(EntityType::parse)
            .filter(|t| {
                is_name && matches!(t, EntityType::Per | EntityType::Org | EntityType::Loc)
            });
        let target = entity
            .and_then(|e| e.attr("external_ref"))
            .and_then(title_of_external_ref);
        mentions.push(GoldMention {
            span: Span::new(spans[first].start, spans[last].end),
            label,
            target: label.and(target),
        });
    }
    let dct = doc
        .markables
        .iter()
        .find(|m| m.attr("functionInDocument") == Some("CREATION_TIME"))
        .and_then(|m| m.attr("value")?.get(..10)?.parse().ok());
    let annotated_end = sentence_of
        .iter()
        .zip(&spans)
        .filter(|(s, _)| **s < ANNOTATED_SENTENCES)
        .map(|(_, sp)| sp.end)
        .max()
        .unwrap_or(0);
    // The few names annotated further on are not scored, as predictions
    // there are not.
    mentions.retain(|m| m.span.end <= annotated_end);
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    Ok(Sample {
        name: name.to_string(),
        meta: Meta {
            id: name.to_string(),
            lang: Some("en".into()),
            dct,
            title,
            ..Meta::default()
        },
        region: Span::new(0, annotated_end),
        text,
        mentions,
    })
}

/// Punctuation and clitics written without a space before them.
const CLOSING: [&str; 14] = [
    ".", ",", ";", ":", "!", "?", ")", "]", "%", "''", "'s", "n't", "'", "'re",
];
/// Tokens written without a space after them.
const OPENING: [&str; 4] = ["(", "[", "``", "$"];

/// Joins the tokens sentence by sentence (see the module docs): the text,
/// each token's span and the first sentence.
fn rebuild(words: &[&str], sentence_of: &[usize]) -> (String, Vec<Span>, Option<String>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(words.len());
    let mut title: Option<String> = None;
    let mut glue_next = true;
    for (i, &word) in words.iter().enumerate() {
        let new_sentence = i > 0 && sentence_of[i] != sentence_of[i - 1];
        if new_sentence {
            if title.is_none() {
                title = Some(text.clone());
            }
            let last = text.trim_end_matches(['”', '"', '\'', ')']);
            text.push_str(if last.ends_with(['.', '!', '?']) {
                " "
            } else {
                "\n\n"
            });
        } else if !glue_next && !CLOSING.contains(&word) {
            text.push(' ');
        }
        let written = match word {
            "``" => "“",
            "''" => "”",
            w => w,
        };
        let start = text.len();
        text.push_str(written);
        spans.push(Span::new(start, text.len()));
        glue_next = OPENING.contains(&word);
    }
    if title.is_none() && !text.is_empty() {
        title = Some(text.clone());
    }
    (text, spans, title)
}

/// Reads every `*.xml` under `path` (a folder, searched recursively, or one
/// file), sorted by path.
pub fn read(path: &Path) -> Result<Corpus, EvalError> {
    let mut samples = Vec::new();
    for file in super::files(path, ".xml")? {
        let xml = super::read_text(&file)?;
        let sample = parse(&super::stem(&file), &xml).map_err(|problem| EvalError::Format {
            path: file.clone(),
            problem,
        })?;
        samples.push(sample);
    }
    if samples.is_empty() {
        return Err(EvalError::Empty {
            path: path.to_path_buf(),
            expected: "MEANTIME CAT XML articles (*.xml, in subfolders such as corpus_airbus/)",
        });
    }
    Ok(Corpus {
        name: "meantime",
        scheme: Scheme::Wikipedia,
        samples,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = r#"<Document doc_name="x">
<token t_id="1" sentence="0" number="0">GM</token>
<token t_id="2" sentence="0" number="1">files</token>
<token t_id="3" sentence="1" number="2">Monday</token>
<token t_id="4" sentence="2" number="3">US</token>
<token t_id="5" sentence="2" number="4">automaker</token>
<token t_id="6" sentence="2" number="5">General</token>
<token t_id="7" sentence="2" number="6">Motors</token>
<token t_id="8" sentence="2" number="7">'s</token>
<token t_id="9" sentence="2" number="8">boss</token>
<token t_id="10" sentence="2" number="9">Fritz</token>
<token t_id="11" sentence="2" number="10">Henderson</token>
<token t_id="12" sentence="2" number="11">said</token>
<token t_id="13" sentence="2" number="12">.</token>
<token t_id="14" sentence="6" number="13">Obama</token>
<token t_id="15" sentence="6" number="14">.</token>
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="PRE.NAM"><token_anchor t_id="4"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="3" syntactic_type="NAM"><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/><token_anchor t_id="7"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="4" syntactic_type="NAM"><token_anchor t_id="10"/><token_anchor t_id="11"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="5" syntactic_type="NOM"><token_anchor t_id="9"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="6"><token_anchor t_id="14"/></ENTITY_MENTION>
<ENTITY m_id="50" ent_type="ORG" external_ref="http://dbpedia.org/resource/General_Motors"/>
<ENTITY m_id="51" ent_type="LOC" external_ref="http://dbpedia.org/page/United_States "/>
<ENTITY m_id="52" ent_type="PER" external_ref=""/>
<ENTITY m_id="53" ent_type="PER" external_ref="http://dbpedia.org/resource/Barack_Obama"/>
<TIMEX3 m_id="60" functionInDocument="CREATION_TIME" value="2009-06-01"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><source m_id="3"/><target m_id="50"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="2"/><target m_id="51"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="4"/><source m_id="5"/><target m_id="52"/></REFERS_TO>
<REFERS_TO r_id="4"><source m_id="6"/><target m_id="53"/></REFERS_TO>
</Relations>
</Document>"#;

    #[test]
    fn named_mentions_carry_their_dbpedia_title_or_nil() {
        let s = parse("x", ARTICLE).unwrap();
        assert_eq!(
            s.text,
            "GM files\n\nMonday\n\nUS automaker General Motors's boss Fritz Henderson said. Obama."
        );
        assert_eq!(s.meta.title.as_deref(), Some("GM files"));
        assert_eq!(s.meta.dct.unwrap().to_string(), "2009-06-01");
        let got: Vec<(&str, Option<EntityType>, Option<&str>)> = s
            .mentions
            .iter()
            .map(|m| (&s.text[m.span.range()], m.label, m.target.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("GM", Some(EntityType::Org), Some("General Motors")),
                ("US", Some(EntityType::Loc), Some("United States")),
                (
                    "US automaker General Motors",
                    Some(EntityType::Org),
                    Some("General Motors")
                ),
                ("boss", None, None),
                ("Fritz Henderson", Some(EntityType::Per), None),
            ]
        );
        // Sentence 6 is outside the scored region.
        assert_eq!(
            &s.text[s.region.range()],
            &s.text[..s.text.find(" Obama").unwrap()]
        );
    }

    #[test]
    fn external_refs_name_titles() {
        let t = |v: &str| title_of_external_ref(v);
        assert_eq!(
            t("http://dbpedia.org/resource/S&P_500").as_deref(),
            Some("S&P 500")
        );
        assert_eq!(t("Mail_(OS_X)").as_deref(), Some("Mail (OS X)"));
        assert_eq!(t("no er"), None);
        assert_eq!(t(" "), None);
    }

    #[test]
    fn a_file_without_tokens_is_an_error() {
        assert!(parse("x", "<Document></Document>").is_err());
    }
}
