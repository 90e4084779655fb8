//! Evaluation of entity linking against annotated corpora: how many named
//! mentions carry the right knowledge-base id, whatever pipeline put it
//! there. Kept in this crate beside the KB because a predicted id is judged
//! through the KB (its English Wikipedia title, or the id itself when it is a
//! Wikidata QID); the pipeline is the caller's, passed as a closure, so the
//! scores do not depend on which linker ran.
//!
//! Three corpora, one module each, each read into a [`Corpus`] of
//! [`Sample`]s (running text, document date, gold mentions with their
//! target or NIL):
//!
//! - [`meantime`]: MEANTIME English (Wikinews 2004–2013), named entity
//!   mentions whose instance has a DBpedia link in `external_ref`, compared
//!   as English Wikipedia titles.
//! - [`hipe`]: HIPE-2022 German (newspapers 1798–1948, OCR text), the
//!   `NEL-LIT` column's Wikidata QIDs, compared as QIDs.
//! - [`gold`]: our own modern German and English news sentences
//!   (`crates/kb/tests/data/link-gold.jsonl`), English Wikipedia titles.
//!
//! Scores ([`Scores`]), over gold mentions of type PER, ORG or LOC:
//!
//! - **linked mentions**: gold items are the mentions with a target (gold
//!   NILs excluded); predicted items are the entity mentions whose `kb` id is
//!   a KB entry ([`Resolved::Nil`] ids, such as document-local NIL clusters,
//!   are no link). A predicted link is right when it shares a byte with a
//!   gold mention and its target is that mention's (one predicted link per
//!   gold mention; a second link to the same target on a found gold mention,
//!   such as the role noun and the name of *Kremlsprecher Dmitri Peskow*, is
//!   a repetition and not counted). A link that overlaps no linked gold mention but a gold
//!   NIL or a gold mention of another type (a product, a date) is left out
//!   of these figures (the NIL figure counts it); one that overlaps no gold
//!   mention at all is a false positive. Per type, a link counts under the
//!   type of the gold mention it overlaps, else under the type NER gave it.
//! - **NIL accuracy**: the share of gold-NIL mentions that no predicted
//!   mention overlapping them links to a KB entry (a mention NER missed
//!   counts as unlinked; [`NilScores::recognised`] says how many NER found).
//!   A link that also overlaps a gold mention with a target (nested names,
//!   as MEANTIME has: *GM creditors* around *GM*) is that mention's, not
//!   the NIL's.
//!
//! ```
//! use newsgraph_kb::eval::{self, Corpus, GoldMention, Resolved, Sample, Scheme};
//! use newsgraph_doc::{EntityMention, EntityType, Span};
//! let sample = Sample::new("s1", "en", None, "Putin met Mr Xylo.".into(), vec![
//!     GoldMention { span: Span::new(0, 5), label: Some(EntityType::Per), target: Some("Vladimir Putin".into()) },
//!     GoldMention { span: Span::new(13, 17), label: Some(EntityType::Per), target: None },
//! ]);
//! let corpus = Corpus { name: "example", scheme: Scheme::Wikipedia, samples: vec![sample] };
//! // A "pipeline" that links Putin only.
//! let run = |d: &mut newsgraph_doc::Doc| -> Result<(), String> {
//!     d.entities = Some(vec![EntityMention { span: Span::new(0, 5), label: EntityType::Per,
//!         form: None, kb: Some("Q7747".into()), name: None, score: None, cluster: None }]);
//!     Ok(())
//! };
//! let resolve = |id: &str, _: Scheme| if id == "Q7747" { Resolved::Target("Vladimir Putin".into()) } else { Resolved::Nil };
//! let scores = eval::evaluate(&corpus, run, resolve);
//! assert_eq!(scores.linked.f1(), 1.0);
//! assert_eq!(scores.nil.accuracy(), 1.0);
//! ```

pub mod gold;
pub mod hipe;
pub mod meantime;

use std::fmt;
use std::path::{Path, PathBuf};

use newsgraph_doc::{Doc, EntityType, Meta, Span};
pub use newsgraph_eval::Prf;
use serde::ser::SerializeStruct;
use serde::Serialize;

use crate::Kb;

/// A corpus could not be read or understood (shared by every evaluation).
pub use newsgraph_eval::CorpusError as EvalError;

/// What a corpus's gold targets are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scheme {
    /// English Wikipedia titles (DBpedia resources), compared after
    /// [`normalize_title`].
    Wikipedia,
    /// Wikidata QIDs (`Q64`).
    Wikidata,
}

/// One gold mention of a sample.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldMention {
    /// Byte span in the sample's text.
    pub span: Span,
    /// PER, ORG or LOC; `None` for an annotated mention of another type (a
    /// product, a date): not scored, and links on it are left out.
    pub label: Option<EntityType>,
    /// The target (a normalised Wikipedia title or a QID), `None` for NIL.
    pub target: Option<String>,
}

/// One document of a corpus, with its gold mentions.
#[derive(Debug, Clone)]
pub struct Sample {
    /// Document id (file stem, corpus document id).
    pub name: String,
    /// Language, date and title of the document.
    pub meta: Meta,
    /// The running text.
    pub text: String,
    /// Where predicted links are scored (MEANTIME annotates every entity
    /// mention only in its first sentences); the whole text by default.
    pub region: Span,
    /// Gold mentions, in text order.
    pub mentions: Vec<GoldMention>,
}

impl Sample {
    /// A sample scored over its whole text.
    pub fn new(
        name: &str,
        lang: &str,
        dct: Option<jiff::civil::Date>,
        text: String,
        mentions: Vec<GoldMention>,
    ) -> Sample {
        Sample {
            meta: Meta {
                id: name.to_string(),
                lang: Some(lang.to_string()),
                dct,
                ..Meta::default()
            },
            name: name.to_string(),
            region: Span::new(0, text.len()),
            text,
            mentions,
        }
    }

    /// A fresh document of the sample, for the pipeline.
    pub fn doc(&self) -> Doc {
        Doc::with_meta(self.meta.clone(), self.text.clone())
    }
}

/// A corpus read for evaluation.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// Its name in the output (`meantime`, `hipe`, `gold`).
    pub name: &'static str,
    /// What its targets are.
    pub scheme: Scheme,
    /// Its documents.
    pub samples: Vec<Sample>,
}

impl Corpus {
    /// Gold mentions of type PER, ORG or LOC: with a target, and NIL.
    pub fn gold_counts(&self) -> (usize, usize) {
        let scored = self
            .samples
            .iter()
            .flat_map(|s| &s.mentions)
            .filter(|m| m.label.is_some());
        scored.fold((0, 0), |(linked, nil), m| {
            if m.target.is_some() {
                (linked + 1, nil)
            } else {
                (linked, nil + 1)
            }
        })
    }
}

/// What a predicted `kb` id means against a corpus's gold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// No link: the id is no knowledge-base entry (a NIL cluster).
    Nil,
    /// A link to this target, in the corpus's [`Scheme`].
    Target(String),
    /// A link to an entry that has no counterpart in the scheme (no English
    /// Wikipedia title, a slug id against QIDs): a link that cannot be right.
    NoCounterpart,
}

/// Resolves `id` through `kb`: an id that is not in `kb` is no link; an
/// entry's target is its English Wikipedia title (normalised) or, against
/// Wikidata, its id when that is a QID.
pub fn resolve_in(kb: &Kb, id: &str, scheme: Scheme) -> Resolved {
    let Some(entry) = kb.get(id) else {
        return Resolved::Nil;
    };
    let target = match scheme {
        Scheme::Wikipedia => entry.enwiki.as_deref().map(normalize_title),
        Scheme::Wikidata => Some(id).filter(|i| is_qid(i)).map(str::to_string),
    };
    target.map_or(Resolved::NoCounterpart, Resolved::Target)
}

/// Whether `s` is a Wikidata item id (`Q` and digits).
pub fn is_qid(s: &str) -> bool {
    s.len() > 1 && s.starts_with('Q') && s[1..].bytes().all(|b| b.is_ascii_digit())
}

/// An English Wikipedia title as compared: percent escapes decoded,
/// underscores as spaces, runs of spaces as one, trimmed, the first letter
/// upper case (Wikipedia's own first-letter rule). `Steve_Jobs `,
/// `Steve Jobs` and `steve_Jobs` are one title; `No%C3%ABl_Forgeard` is
/// *Noël Forgeard*.
pub fn normalize_title(title: &str) -> String {
    let decoded = percent_decode(title.trim());
    let spaced = decoded.replace('_', " ");
    let words: Vec<&str> = spaced.split_whitespace().collect();
    let joined = words.join(" ");
    let mut chars = joined.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Decodes `%XX` escapes (UTF-8); a malformed escape is kept as written.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// Gold-NIL mentions and how the pipeline treated them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NilScores {
    /// Gold mentions (PER, ORG, LOC) whose target is NIL.
    pub gold: usize,
    /// Of those, the ones no overlapping predicted mention links to a KB
    /// entry (right).
    pub unlinked: usize,
    /// Of those gold NILs, the ones some predicted entity mention overlaps
    /// (NER found them, linked or not).
    pub recognised: usize,
}

impl NilScores {
    /// Share of gold NILs left unlinked (0 when there is none).
    pub fn accuracy(&self) -> f64 {
        ratio(self.unlinked, self.gold)
    }

    fn add(&mut self, o: &NilScores) {
        self.gold += o.gold;
        self.unlinked += o.unlinked;
        self.recognised += o.recognised;
    }
}

impl Serialize for NilScores {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("NilScores", 4)?;
        st.serialize_field("gold", &self.gold)?;
        st.serialize_field("unlinked", &self.unlinked)?;
        st.serialize_field("recognised", &self.recognised)?;
        st.serialize_field("accuracy", &self.accuracy())?;
        st.end()
    }
}

/// Linked-mention scores per gold type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ByType {
    /// Persons.
    pub per: Prf,
    /// Organisations.
    pub org: Prf,
    /// Places.
    pub loc: Prf,
}

impl ByType {
    fn get_mut(&mut self, label: EntityType) -> Option<&mut Prf> {
        match label {
            EntityType::Per => Some(&mut self.per),
            EntityType::Org => Some(&mut self.org),
            EntityType::Loc => Some(&mut self.loc),
            _ => None,
        }
    }

    fn add(&mut self, o: &ByType) {
        self.per.add(&o.per);
        self.org.add(&o.org);
        self.loc.add(&o.loc);
    }
}

/// Linking scores of a corpus (see the module docs for what counts).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Documents run.
    pub docs: usize,
    /// Documents on which the pipeline failed (scored with what it had).
    pub failed: usize,
    /// The first failure's message.
    pub first_failure: Option<String>,
    /// Predicted entity mentions in the scored regions.
    pub entities: usize,
    /// Predicted links (mentions with a KB id) in the scored regions.
    pub links: usize,
    /// Gold mentions with a target that some predicted entity mention
    /// overlaps: the recall a linker of NER's mentions can reach at most.
    pub recognised: usize,
    /// Of the counted links, those to an entry with no counterpart in the
    /// corpus's scheme (no English Wikipedia title, a slug against QIDs).
    pub no_counterpart: usize,
    /// Linked mentions, all types.
    pub linked: Prf,
    /// Linked mentions per type.
    pub by_type: ByType,
    /// Gold NILs.
    pub nil: NilScores,
}

impl Scores {
    /// Adds another document's scores, keeping the first failure seen.
    pub fn add(&mut self, o: &Scores) {
        self.docs += o.docs;
        self.failed += o.failed;
        if self.first_failure.is_none() {
            self.first_failure.clone_from(&o.first_failure);
        }
        self.entities += o.entities;
        self.links += o.links;
        self.recognised += o.recognised;
        self.no_counterpart += o.no_counterpart;
        self.linked.add(&o.linked);
        self.by_type.add(&o.by_type);
        self.nil.add(&o.nil);
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} documents, {} failed", self.docs, self.failed)?;
        if let Some(m) = &self.first_failure {
            write!(f, " (first: {m})")?;
        }
        writeln!(f)?;
        writeln!(
            f,
            "predicted: {} entity mentions, {} with a KB id ({} to entries without a target in this corpus's scheme)",
            self.entities, self.links, self.no_counterpart
        )?;
        writeln!(
            f,
            "gold mentions with a target found by NER (some predicted mention overlaps them): {} of {}",
            self.recognised, self.linked.gold
        )?;
        writeln!(
            f,
            "linked mentions (gold NILs excluded; right = overlapping span and same target)"
        )?;
        newsgraph_eval::write_table(
            f,
            "type",
            &[
                ("PER", self.by_type.per),
                ("ORG", self.by_type.org),
                ("LOC", self.by_type.loc),
                ("all", self.linked),
            ],
        )?;
        write!(
            f,
            "NIL accuracy {:.4}: {} of {} gold NIL mentions left unlinked ({} of them found by NER)",
            self.nil.accuracy(),
            self.nil.unlinked,
            self.nil.gold,
            self.nil.recognised
        )
    }
}

/// One predicted entity mention in the scored region.
struct Predicted {
    span: Span,
    label: EntityType,
    link: Option<Resolved>,
}

impl Predicted {
    /// Whether it links to a KB entry.
    fn is_link(&self) -> bool {
        self.link.as_ref().is_some_and(|l| *l != Resolved::Nil)
    }

    fn target(&self) -> Option<&str> {
        match &self.link {
            Some(Resolved::Target(t)) => Some(t),
            _ => None,
        }
    }
}

/// Scores the annotated `doc` of `sample`; `resolve` says what a predicted
/// id means in `scheme`.
pub fn score(
    sample: &Sample,
    doc: &Doc,
    scheme: Scheme,
    resolve: impl Fn(&str, Scheme) -> Resolved,
) -> Scores {
    let predicted: Vec<Predicted> = doc
        .entities
        .as_deref()
        .unwrap_or(&[])
        .iter()
        .filter(|e| sample.region.overlaps(e.span))
        .map(|e| Predicted {
            span: e.span,
            label: e.label,
            link: e.kb.as_deref().map(|id| resolve(id, scheme)),
        })
        .collect();
    let mut s = Scores {
        entities: predicted.len(),
        ..Scores::default()
    };
    let linked_gold: Vec<(&GoldMention, EntityType, &str)> = sample
        .mentions
        .iter()
        .filter_map(|m| Some((m, m.label?, m.target.as_deref()?)))
        .collect();
    // Which predicted links count, and under which type.
    let mut counted: Vec<Option<EntityType>> = Vec::with_capacity(predicted.len());
    for p in &predicted {
        let counts_as = if !p.is_link() {
            None
        } else if let Some((_, label, _)) = linked_gold.iter().find(|g| g.0.span.overlaps(p.span)) {
            Some(*label)
        } else if sample.mentions.iter().any(|g| g.span.overlaps(p.span)) {
            None
        } else {
            Some(p.label)
        };
        s.links += usize::from(p.is_link());
        if counts_as.is_some() {
            s.linked.predicted += 1;
            s.no_counterpart += usize::from(p.link == Some(Resolved::NoCounterpart));
            if let Some(prf) = counts_as.and_then(|l| s.by_type.get_mut(l)) {
                prf.predicted += 1;
            }
        }
        counted.push(counts_as);
    }
    let mut used = vec![false; predicted.len()];
    for (g, label, target) in &linked_gold {
        s.linked.gold += 1;
        s.recognised += usize::from(predicted.iter().any(|p| p.span.overlaps(g.span)));
        let typed = s.by_type.get_mut(*label).map(|prf| {
            prf.gold += 1;
        });
        debug_assert!(typed.is_some(), "gold labels are PER, ORG or LOC");
        let hit = predicted.iter().enumerate().find(|(i, p)| {
            !used[*i]
                && counted[*i].is_some()
                && p.span.overlaps(g.span)
                && p.target() == Some(target)
        });
        if let Some((i, _)) = hit {
            used[i] = true;
            s.linked.true_positives += 1;
            if let Some(prf) = counted[i].and_then(|l| s.by_type.get_mut(l)) {
                prf.true_positives += 1;
            }
        }
    }
    // A second link to the same target on a gold mention already found
    // (*Kremlsprecher* and *Peskow* in one mention) is a repetition, not a
    // false positive.
    for (i, p) in predicted.iter().enumerate() {
        let repeats = !used[i]
            && counted[i].is_some()
            && linked_gold.iter().any(|(g, _, target)| {
                p.span.overlaps(g.span)
                    && p.target() == Some(target)
                    && predicted.iter().enumerate().any(|(j, q)| {
                        used[j] && q.span.overlaps(g.span) && q.target() == Some(target)
                    })
            });
        if repeats {
            s.linked.predicted -= 1;
            if let Some(prf) = counted[i].and_then(|l| s.by_type.get_mut(l)) {
                prf.predicted -= 1;
            }
        }
    }
    for g in sample
        .mentions
        .iter()
        .filter(|m| m.label.is_some() && m.target.is_none())
    {
        let over: Vec<&Predicted> = predicted
            .iter()
            .filter(|p| p.span.overlaps(g.span))
            .collect();
        s.nil.gold += 1;
        s.nil.recognised += usize::from(!over.is_empty());
        // A link that also overlaps a gold mention with a target (a name
        // nested in this one, or around it) is that mention's.
        let linked_here = over
            .iter()
            .any(|p| p.is_link() && !linked_gold.iter().any(|(h, _, _)| h.span.overlaps(p.span)));
        s.nil.unlinked += usize::from(!linked_here);
    }
    s
}

/// Runs `run` (the pipeline) on every sample of `corpus` and sums the
/// scores; `resolve` says what a predicted id means (see [`resolve_in`]). A
/// sample on which the pipeline fails is scored with what it has and
/// counted as failed.
pub fn evaluate<F, E, R>(corpus: &Corpus, mut run: F, resolve: R) -> Scores
where
    F: FnMut(&mut Doc) -> Result<(), E>,
    E: fmt::Display,
    R: Fn(&str, Scheme) -> Resolved,
{
    let mut total = Scores::default();
    for sample in &corpus.samples {
        let mut doc = sample.doc();
        let outcome = run(&mut doc);
        let mut s = score(sample, &doc, corpus.scheme, &resolve);
        s.docs = 1;
        if let Err(e) = outcome {
            s.failed = 1;
            s.first_failure = Some(format!("{}: {e}", sample.name));
        }
        total.add(&s);
    }
    total
}

/// Which corpus reader a path is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CorpusKind {
    /// [`meantime::read`].
    Meantime,
    /// [`hipe::read`].
    Hipe,
    /// [`gold::read`].
    Gold,
}

/// Reads the corpus at `path` with the reader of `kind`.
pub fn read(kind: CorpusKind, path: &Path) -> Result<Corpus, EvalError> {
    match kind {
        CorpusKind::Meantime => meantime::read(path),
        CorpusKind::Hipe => hipe::read(path),
        CorpusKind::Gold => gold::read(path),
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

pub(crate) fn read_text(path: &Path) -> Result<String, EvalError> {
    newsgraph_eval::read_corpus_text(path)
}

/// Files under `path` (a folder, searched recursively, or one file) whose
/// name ends with `ext`, sorted by path.
pub(crate) fn files(path: &Path, ext: &str) -> Result<Vec<PathBuf>, EvalError> {
    newsgraph_eval::corpus_files(path, ext)
}

pub(crate) fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph_doc::EntityMention;

    fn gold(start: usize, end: usize, label: EntityType, target: Option<&str>) -> GoldMention {
        GoldMention {
            span: Span::new(start, end),
            label: Some(label),
            target: target.map(str::to_string),
        }
    }

    fn predicted(start: usize, end: usize, label: EntityType, kb: Option<&str>) -> EntityMention {
        EntityMention {
            span: Span::new(start, end),
            label,
            form: None,
            kb: kb.map(str::to_string),
            name: None,
            score: None,
            cluster: None,
        }
    }

    fn resolve(id: &str, _: Scheme) -> Resolved {
        match id {
            "Q7747" => Resolved::Target("Vladimir Putin".into()),
            "Q159" => Resolved::Target("Russia".into()),
            "ng:slug" => Resolved::NoCounterpart,
            _ => Resolved::Nil,
        }
    }

    #[test]
    fn links_are_matched_by_overlap_and_target_and_nils_are_kept_apart() {
        //          0         1         2         3         4
        //          0123456789012345678901234567890123456789012345
        let text = "Putins Russland und Xylo AG mit Moskau heute";
        let sample = Sample::new(
            "t",
            "de",
            None,
            text.into(),
            vec![
                gold(0, 6, EntityType::Per, Some("Vladimir Putin")),
                gold(7, 15, EntityType::Loc, Some("Russia")),
                gold(20, 27, EntityType::Org, None),
                gold(32, 38, EntityType::Loc, Some("Moscow")),
            ],
        );
        let mut doc = sample.doc();
        doc.entities = Some(vec![
            // Right, on a shorter span.
            predicted(0, 5, EntityType::Per, Some("Q7747")),
            // Wrong target.
            predicted(7, 15, EntityType::Loc, Some("Q7747")),
            // A link on a gold NIL: left out of the linked figures.
            predicted(20, 24, EntityType::Org, Some("Q159")),
            // Moscow found but not linked (a NIL cluster id is no link).
            predicted(32, 38, EntityType::Loc, Some("nil:moskau")),
            // A link where the gold has no mention: a false positive.
            predicted(39, 44, EntityType::Org, Some("ng:slug")),
        ]);
        let s = score(&sample, &doc, Scheme::Wikipedia, resolve);
        assert_eq!(
            (s.linked.true_positives, s.linked.predicted, s.linked.gold),
            (1, 3, 3)
        );
        assert_eq!(
            (
                s.by_type.per.true_positives,
                s.by_type.per.predicted,
                s.by_type.per.gold
            ),
            (1, 1, 1)
        );
        assert_eq!((s.by_type.loc.predicted, s.by_type.loc.gold), (1, 2));
        // The unmatched link counts under its own label.
        assert_eq!((s.by_type.org.predicted, s.by_type.org.gold), (1, 0));
        assert_eq!(s.no_counterpart, 1);
        assert_eq!((s.entities, s.links), (5, 4));
        assert_eq!((s.nil.gold, s.nil.unlinked, s.nil.recognised), (1, 0, 1));
    }

    #[test]
    fn one_link_matches_one_gold_mention_and_other_types_are_left_out() {
        let text = "Putin Putin Airbus A380";
        let mut product = gold(12, 23, EntityType::Oth, None);
        product.label = None;
        let sample = Sample::new(
            "t",
            "en",
            None,
            text.into(),
            vec![
                gold(0, 5, EntityType::Per, Some("Vladimir Putin")),
                gold(6, 11, EntityType::Per, Some("Vladimir Putin")),
                product,
            ],
        );
        let mut doc = sample.doc();
        // One span covering both gold mentions, and a link on the product.
        doc.entities = Some(vec![
            predicted(0, 11, EntityType::Per, Some("Q7747")),
            predicted(12, 18, EntityType::Org, Some("Q159")),
        ]);
        let s = score(&sample, &doc, Scheme::Wikipedia, resolve);
        assert_eq!(
            (s.linked.true_positives, s.linked.predicted, s.linked.gold),
            (1, 1, 2)
        );
        assert_eq!(s.nil.gold, 0);
        // Role noun and name of one gold mention, linked alike: counted once.
        let sample = Sample::new(
            "t",
            "de",
            None,
            "Kremlsprecher Peskow".into(),
            vec![gold(0, 20, EntityType::Per, Some("Vladimir Putin"))],
        );
        let mut doc = sample.doc();
        doc.entities = Some(vec![
            predicted(0, 13, EntityType::Per, Some("Q7747")),
            predicted(14, 20, EntityType::Per, Some("Q7747")),
        ]);
        let s = score(&sample, &doc, Scheme::Wikipedia, resolve);
        assert_eq!(
            (s.linked.true_positives, s.linked.predicted, s.linked.gold),
            (1, 1, 1)
        );
    }

    #[test]
    fn predictions_outside_the_scored_region_are_ignored() {
        let mut sample = Sample::new("t", "en", None, "Putin. Putin.".into(), vec![]);
        sample.region = Span::new(0, 6);
        let mut doc = sample.doc();
        doc.entities = Some(vec![predicted(7, 12, EntityType::Per, Some("Q7747"))]);
        let s = score(&sample, &doc, Scheme::Wikipedia, resolve);
        assert_eq!((s.entities, s.linked.predicted), (0, 0));
    }

    #[test]
    fn titles_compare_whatever_the_spelling() {
        assert_eq!(normalize_title("Steve_Jobs "), "Steve Jobs");
        assert_eq!(normalize_title("No%C3%ABl_Forgeard"), "Noël Forgeard");
        assert_eq!(
            normalize_title("Michael_O%27Leary_(businessman)"),
            "Michael O'Leary (businessman)"
        );
        assert_eq!(normalize_title("iPod"), "IPod");
        assert_eq!(normalize_title("100%_sure"), "100%_sure".replace('_', " "));
    }

    #[test]
    fn ids_resolve_through_the_knowledge_base() {
        let kb = Kb::from_jsonl(
            concat!(
                r#"{"id":"Q64","type":"LOC","enwiki":"Berlin","name":{"de":"Berlin"}}"#,
                "\n",
                r#"{"id":"ng:kcna","type":"ORG","name":{"en":"KCNA"}}"#
            ),
            "test",
        )
        .unwrap();
        assert_eq!(
            resolve_in(&kb, "Q64", Scheme::Wikipedia),
            Resolved::Target("Berlin".into())
        );
        assert_eq!(
            resolve_in(&kb, "Q64", Scheme::Wikidata),
            Resolved::Target("Q64".into())
        );
        assert_eq!(
            resolve_in(&kb, "ng:kcna", Scheme::Wikidata),
            Resolved::NoCounterpart
        );
        assert_eq!(
            resolve_in(&kb, "ng:kcna", Scheme::Wikipedia),
            Resolved::NoCounterpart
        );
        assert_eq!(resolve_in(&kb, "nil:3", Scheme::Wikipedia), Resolved::Nil);
    }
}
