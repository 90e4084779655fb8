//! NewsReader MEANTIME, English (Minard et al., LREC 2016): English Wikinews
//! articles in CAT XML, one per file (`<token t_id sentence number>`, then
//! `<Markables>` anchored to tokens and `<Relations>` between markables).
//! MEANTIME has no quote annotation; it marks events, and the speech and
//! cognition verbs and nouns (*said*, *announced*, *statement*, but also
//! *expected*, *fears*, *plans*) are events of class `SPEECH_COGNITIVE`, with
//! PropBank participants.
//!
//! Reading: a gold speech mention is an `EVENT_MENTION` that `REFERS_TO` an
//! `EVENT` of class `SPEECH_COGNITIVE`. Its speakers are the mentions its
//! `HAS_PARTICIPANT` relations with `sem_role="Arg0"` point at; its message is
//! the `Arg1` participant (an entity mention: MEANTIME gives a clause
//! complement no `Arg1` but an `SLINK` from the speech mention to the
//! complement's main event, read as the complement events). The DCT is the
//! `TIMEX3` with `functionInDocument="CREATION_TIME"`.
//!
//! Region: MEANTIME annotates all events only in sentences 0 to 5 (the
//! title, the dateline and the first four body sentences); later sentences
//! carry only some events (those of the cross-document topic). In this copy
//! every *said*, *says*, *saying*, *stated*, *told* and *announced* of
//! sentences 0–5 is an event mention, and fewer than half of them from
//! sentence 6 on. So only sentences 0–5 are scored: gold mentions and
//! predicted cues there (the pipeline still runs on the whole article).
//!
//! Text: the corpus has no raw text. Each sentence's tokens are joined into
//! running text (PTB quotes ``` `` ``` and `''` written `“` and `”`, the
//! first always opening, the second always closing);
//! sentences follow each other after a space when the previous one ends with
//! `.`, `!`, `?` (perhaps before a closing mark), else after a blank line
//! (the title, sentence 0, and the dateline). Each article runs as an English
//! news document with its title and DCT.
//!
//! Scores, corpus tokens with a letter or digit only:
//! - cue, mention level: a gold speech mention is found when the `cue` of one
//!   of our quotes shares a byte with one of its tokens; predicted cues are
//!   the distinct cue spans of our quotes, matched one-to-one with gold
//!   mentions in text order. Precision is "predicted cues that are gold
//!   `SPEECH_COGNITIVE` mentions": MEANTIME marks every speech and cognition
//!   event, quoted or not, so recall is low by design, and precision is the
//!   meaningful half. Recall is also given for the mentions with an `Arg0`
//!   (a speech act with an annotated source).
//! - speaker: of the gold mentions with an `Arg0` that we found, those for
//!   which a quote whose cue overlaps the mention has a speaker mention
//!   sharing a byte with a token of an `Arg0` mention (with how many had no
//!   speaker at all).
//! - message: over the found gold mentions with an `Arg1`, token P/R/F1 of
//!   the spans of the quotes cueing them against the `Arg1` tokens (`Arg1`
//!   is a noun phrase such as *the plan*, so precision against a quoted
//!   clause is low by construction); and for found mentions with an `SLINK`,
//!   the share of complement-event tokens inside those quote spans (recall
//!   only).
//!
//! The corpus has no split; `newsgraph eval quotes --meantime` takes any
//! folder (or file), so a tuning half and a report half can be given as two
//! folders. The English cue list was tuned only on the articles whose file
//! name (`100911_….xml`) has a SHA-1 hex digest starting with an even digit
//! (45 of 96); the other 51 are the report half.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use jiff::civil::Date;
use newsgraph_doc::{Doc, Meta, Quote, Span};
use newsgraph_eval::meantime as cat;
use serde::Serialize;

use super::{is_punct, join_tokens, overlapping, table, Coverage, EvalError, Prf, RunCounts};

/// One gold `SPEECH_COGNITIVE` event mention; token indices into
/// [`Article::tokens`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeechMention {
    /// The mention's tokens (usually one verb or noun).
    pub tokens: Vec<usize>,
    /// Each `Arg0` participant's tokens.
    pub arg0: Vec<Vec<usize>>,
    /// The `Arg1` participants' tokens, merged.
    pub arg1: Vec<usize>,
    /// The `SLINK`ed complement events' tokens, merged.
    pub complement: Vec<usize>,
}

/// One article.
#[derive(Debug, Clone)]
pub struct Article {
    /// File stem.
    pub name: String,
    /// Running text rebuilt from the tokens.
    pub text: String,
    /// Each corpus token's byte span in `text`.
    pub tokens: Vec<Span>,
    /// Whether each token is scored (has a letter or digit).
    pub scored: Vec<bool>,
    /// Number of sentences.
    pub sentences: usize,
    /// The first sentence (the headline).
    pub title: Option<String>,
    /// The creation time.
    pub dct: Option<Date>,
    /// Gold speech mentions, in text order, all sentences.
    pub mentions: Vec<SpeechMention>,
    /// The tokens of the fully annotated sentences (a prefix of `tokens`).
    pub annotated: usize,
}

/// Sentences `0..ANNOTATED_SENTENCES` (corpus numbering) are fully annotated.
pub const ANNOTATED_SENTENCES: usize = 6;

impl Article {
    /// A fresh English news [`Doc`] of the article, for the pipeline.
    pub fn doc(&self) -> Doc {
        Doc::with_meta(
            Meta {
                id: self.name.clone(),
                lang: Some("en".into()),
                dct: self.dct,
                title: self.title.clone(),
                ..Meta::default()
            },
            self.text.clone(),
        )
    }
}

/// Parses one CAT XML file's content. The error says what is wrong (the
/// caller adds the file).
pub fn parse(name: &str, data: &str) -> Result<Article, String> {
    let doc =
        cat::parse(Path::new(name), data).map_err(|e| format!("line {}: {}", e.line, e.problem))?;
    // (t_id, sentence, text) in file order.
    let words = doc
        .tokens
        .into_iter()
        .map(|t| match t.sentence {
            Some(sentence) => Ok((t.t_id, sentence, t.text)),
            None => Err(format!("token {} has no sentence number", t.t_id)),
        })
        .collect::<Result<Vec<(String, String, String)>, String>>()?;
    // The markables with an `m_id`, by `m_id` (the last one wins).
    let markables: HashMap<&str, &cat::Markable> = doc
        .markables
        .iter()
        .filter_map(|m| Some((m.m_id.as_deref()?, m)))
        .collect();
    let relations = &doc.relations;
    if words.is_empty() {
        return Err("not a MEANTIME CAT XML article (<Document> with <token> elements)".into());
    }
    let index: HashMap<&str, usize> = words
        .iter()
        .enumerate()
        .map(|(i, w)| (w.0.as_str(), i))
        .collect();
    let tokens_of = |m: &str| -> Result<Vec<usize>, String> {
        let Some(mk) = markables.get(m) else {
            return Ok(Vec::new());
        };
        let mut v = mk
            .tokens
            .iter()
            .map(|t| {
                index.get(t.as_str()).copied().ok_or_else(|| {
                    format!("markable {m} is anchored to token {t}, which the file does not have")
                })
            })
            .collect::<Result<Vec<usize>, String>>()?;
        v.sort_unstable();
        v.dedup();
        Ok(v)
    };
    // Mention -> the instance it refers to.
    let mut instance: HashMap<&str, &str> = HashMap::new();
    for r in relations.iter().filter(|r| r.tag == "REFERS_TO") {
        if let Some(t) = r.targets.first() {
            for s in &r.sources {
                instance.insert(s, t);
            }
        }
    }
    let is_speech = |m: &str| {
        markables.get(m).is_some_and(|mk| mk.tag == "EVENT_MENTION")
            && instance
                .get(m)
                .and_then(|i| markables.get(*i))
                .is_some_and(|i| i.attr("class") == Some("SPEECH_COGNITIVE"))
    };
    let mut speech: HashMap<&str, SpeechMention> = HashMap::new();
    for (id, _) in markables.iter().filter(|(id, _)| is_speech(id)) {
        let tokens = tokens_of(id)?;
        if !tokens.is_empty() {
            speech.insert(
                id,
                SpeechMention {
                    tokens,
                    ..SpeechMention::default()
                },
            );
        }
    }
    for r in relations {
        for s in &r.sources {
            let Some(m) = speech.get_mut(s.as_str()) else {
                continue;
            };
            for t in &r.targets {
                let toks = tokens_of(t)?;
                match (r.tag.as_str(), r.attr("sem_role")) {
                    _ if toks.is_empty() => {}
                    ("HAS_PARTICIPANT", Some("Arg0")) => m.arg0.push(toks),
                    ("HAS_PARTICIPANT", Some("Arg1")) => m.arg1.extend(toks),
                    ("SLINK", _) => m.complement.extend(toks),
                    _ => {}
                }
            }
        }
    }
    let mut mentions: Vec<SpeechMention> = speech.into_values().collect();
    for m in &mut mentions {
        for v in [&mut m.arg1, &mut m.complement] {
            v.sort_unstable();
            v.dedup();
        }
    }
    mentions.sort_by_key(|m| m.tokens.clone());
    let dct = markables
        .values()
        .find(|m| m.attr("functionInDocument") == Some("CREATION_TIME"))
        .and_then(|m| {
            m.attr("value")
                .unwrap_or_default()
                .get(..10)?
                .parse::<Date>()
                .ok()
        });
    let (text, tokens, sentences, title) = rebuild(&words);
    let annotated = words
        .iter()
        .take_while(|w| w.1.parse::<usize>().is_ok_and(|s| s < ANNOTATED_SENTENCES))
        .count();
    Ok(Article {
        annotated,
        name: name.to_string(),
        scored: words.iter().map(|w| !is_punct(&w.2)).collect(),
        text,
        tokens,
        sentences,
        title,
        dct,
        mentions,
    })
}

/// Joins the tokens sentence by sentence (see the module docs): the text,
/// each token's span, the number of sentences and the first sentence.
fn rebuild(words: &[(String, String, String)]) -> (String, Vec<Span>, usize, Option<String>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(words.len());
    let mut sentences = 0;
    let mut title = None;
    let mut start = 0;
    while start < words.len() {
        let len = words[start..]
            .iter()
            .take_while(|w| w.1 == words[start].1)
            .count();
        // PTB marks as stand-ins that `join_tokens` always attaches as an
        // opening (`„`) and a closing (`…`) mark, of the same byte length as
        // the `“` and `”` written in their place afterwards.
        let words = &words[start..start + len];
        let toks: Vec<&str> = words
            .iter()
            .map(|w| match w.2.as_str() {
                "``" => "„",
                "''" => "…",
                t => t,
            })
            .collect();
        let (mut s, sp) = join_tokens(&toks);
        for (w, x) in words.iter().zip(&sp) {
            match w.2.as_str() {
                "``" => s.replace_range(x.range(), "“"),
                "''" => s.replace_range(x.range(), "”"),
                _ => {}
            }
        }
        if !text.is_empty() {
            let last = text.trim_end_matches(['”', '’', '"', '\'', ')']);
            let sep = if last.ends_with(['.', '!', '?', '…']) {
                " "
            } else {
                "\n\n"
            };
            text.push_str(sep);
        }
        if title.is_none() {
            title = Some(s.clone());
        }
        let off = text.len();
        spans.extend(sp.iter().map(|x| Span::new(x.start + off, x.end + off)));
        text.push_str(&s);
        sentences += 1;
        start += len;
    }
    (text, spans, sentences, title)
}

/// Reads one article file.
pub fn read_file(path: &Path) -> Result<Article, EvalError> {
    let data = super::read(path)?;
    parse(&super::stem(path), &data).map_err(|problem| EvalError::Format {
        path: path.to_path_buf(),
        problem,
    })
}

/// Reads every `*.xml` under `path` (a folder, searched recursively, or one
/// file), sorted by path.
pub fn read(path: &Path) -> Result<Vec<Article>, EvalError> {
    let files = newsgraph_eval::corpus_files(path, ".xml")?;
    let articles = files
        .iter()
        .map(|p| read_file(p))
        .collect::<Result<Vec<_>, _>>()?;
    if articles.is_empty() {
        return Err(EvalError::Empty {
            path: path.to_path_buf(),
            expected: "MEANTIME CAT XML articles (*.xml, in subfolders such as corpus_airbus/)",
        });
    }
    Ok(articles)
}

/// Speaker attribution on found speech mentions with an `Arg0`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Speakers {
    /// Gold mentions with an `Arg0` that our quotes found (cue overlap).
    pub found: usize,
    /// Of those, the ones whose speaker overlaps an `Arg0` mention.
    pub right: usize,
    /// Of those found, the ones whose quotes have no speaker mention.
    pub none: usize,
}

impl Speakers {
    /// Share of `found` with the right speaker.
    pub fn accuracy(&self) -> f64 {
        if self.found == 0 {
            0.0
        } else {
            self.right as f64 / self.found as f64
        }
    }
}

/// Scores on MEANTIME articles.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Articles run.
    pub run: RunCounts,
    /// Sentences.
    pub sentences: usize,
    /// Corpus tokens.
    pub tokens: usize,
    /// Of those, tokens in the scored (fully annotated) sentences.
    pub annotated_tokens: usize,
    /// Predicted quotes (whole articles).
    pub predicted: usize,
    /// Gold speech mentions with an `Arg0`.
    pub with_arg0: usize,
    /// Of those, found by a cue.
    pub with_arg0_found: usize,
    /// Speech mentions (gold) against the distinct cues of our quotes.
    pub cue: Prf,
    /// Speaker attribution.
    pub speaker: Speakers,
    /// Quote-span tokens against `Arg1` tokens, on found mentions with one.
    pub message: Prf,
    /// Complement-event tokens inside the quote spans, on found mentions
    /// with an `SLINK`.
    pub complement: Coverage,
}

impl Scores {
    /// Adds another article's scores.
    pub fn add(&mut self, o: &Scores) {
        self.run.add(&o.run);
        self.sentences += o.sentences;
        self.tokens += o.tokens;
        self.annotated_tokens += o.annotated_tokens;
        self.predicted += o.predicted;
        self.with_arg0 += o.with_arg0;
        self.with_arg0_found += o.with_arg0_found;
        self.cue.add(&o.cue);
        self.speaker.found += o.speaker.found;
        self.speaker.right += o.speaker.right;
        self.speaker.none += o.speaker.none;
        self.message.add(&o.message);
        self.complement.add(&o.complement);
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "meantime: {}; {} sentences, {} tokens, {} of them in the scored sentences 0-{}",
            self.run,
            self.sentences,
            self.tokens,
            self.annotated_tokens,
            ANNOTATED_SENTENCES - 1
        )?;
        writeln!(f, "predicted quotes {} (whole articles)\n", self.predicted)?;
        writeln!(
            f,
            "cues: gold = SPEECH_COGNITIVE mentions (every speech/cognition event, quoted or not),"
        )?;
        writeln!(
            f,
            "pred = distinct cues of our quotes; P = predicted cues that are gold mentions"
        )?;
        table(f, "role", &[("cue", self.cue)])?;
        let r = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        writeln!(
            f,
            "recall on mentions with an Arg0: {}/{} = {:.4}\n",
            self.with_arg0_found,
            self.with_arg0,
            r(self.with_arg0_found, self.with_arg0)
        )?;
        writeln!(
            f,
            "speaker (found mentions with an Arg0): {}/{} = {:.4} overlap an Arg0; {} without speaker\n",
            self.speaker.right,
            self.speaker.found,
            self.speaker.accuracy(),
            self.speaker.none
        )?;
        writeln!(
            f,
            "message tokens (quote span vs Arg1, found mentions with an Arg1)"
        )?;
        table(f, "role", &[("message", self.message)])?;
        let c = &self.complement;
        writeln!(
            f,
            "complement events (SLINK) of {} found mentions: {}/{} tokens in the quote span = {:.4}",
            c.instances,
            c.covered,
            c.tokens,
            c.recall()
        )
    }
}

/// Scores the quotes of `doc` (the article's text, annotated by the
/// pipeline) against the article's speech mentions.
pub fn score(article: &Article, doc: &Doc) -> Scores {
    let toks = &article.tokens;
    let quotes = doc.quotes.as_deref().unwrap_or(&[]);
    let covers = |span: Span, t: &[usize]| {
        let r = overlapping(toks, span);
        t.iter().any(|i| r.contains(i))
    };
    let region_end = toks.get(article.annotated).map_or(usize::MAX, |t| t.start);
    let mut cues: Vec<Span> = quotes
        .iter()
        .filter_map(|q| q.cue)
        .filter(|c| c.start < region_end)
        .collect();
    cues.sort_by_key(|s| (s.start, s.end));
    cues.dedup();
    let mut used = vec![false; cues.len()];
    let mut s = Scores {
        run: RunCounts {
            docs: 1,
            ..RunCounts::default()
        },
        sentences: article.sentences,
        tokens: toks.len(),
        annotated_tokens: article.annotated,
        predicted: quotes.len(),
        ..Scores::default()
    };
    s.cue.predicted = cues.len();
    for m in article
        .mentions
        .iter()
        .filter(|m| m.tokens[0] < article.annotated)
    {
        s.cue.gold += 1;
        s.with_arg0 += usize::from(!m.arg0.is_empty());
        // Quotes cueing this mention.
        let cued: Vec<&Quote> = quotes
            .iter()
            .filter(|q| q.cue.is_some_and(|c| covers(c, &m.tokens)))
            .collect();
        if cued.is_empty() {
            continue;
        }
        if let Some(i) = (0..cues.len()).find(|&i| !used[i] && covers(cues[i], &m.tokens)) {
            used[i] = true;
            s.cue.true_positives += 1;
        }
        if !m.arg0.is_empty() {
            s.with_arg0_found += 1;
            s.speaker.found += 1;
            let spans: Vec<Span> = cued
                .iter()
                .filter_map(|q| q.speaker.as_ref().map(|sp| sp.span))
                .collect();
            if spans.is_empty() {
                s.speaker.none += 1;
            } else if spans.iter().any(|&sp| m.arg0.iter().any(|a| covers(sp, a))) {
                s.speaker.right += 1;
            }
        }
        let in_quote = |i: usize| cued.iter().any(|q| covers(q.span, &[i]));
        if !m.arg1.is_empty() {
            let mut pred = vec![false; toks.len()];
            for q in &cued {
                pred[overlapping(toks, q.span)].fill(true);
            }
            let mut gold = vec![false; toks.len()];
            for &i in &m.arg1 {
                gold[i] = true;
            }
            for i in (0..toks.len()).filter(|&i| article.scored[i]) {
                s.message.count(pred[i], gold[i]);
            }
        }
        let comp: Vec<usize> = m
            .complement
            .iter()
            .copied()
            .filter(|&i| article.scored[i])
            .collect();
        if !comp.is_empty() {
            s.complement.instances += 1;
            s.complement.tokens += comp.len();
            s.complement.covered += comp.iter().filter(|&&i| in_quote(i)).count();
        }
    }
    s
}

/// Runs `annotate` (the pipeline) on every article and sums the scores.
pub fn evaluate_articles<F, E>(articles: &[Article], annotate: F) -> Scores
where
    F: FnMut(&mut Doc) -> Result<(), E>,
    E: fmt::Display,
{
    super::evaluate_each(articles, annotate)
}

/// Reads the corpus (see [`read`]) and scores `annotate` on it.
pub fn evaluate<F, E>(path: &Path, annotate: F) -> Result<Scores, EvalError>
where
    F: FnMut(&mut Doc) -> Result<(), E>,
    E: fmt::Display,
{
    Ok(evaluate_articles(&read(path)?, annotate))
}

impl super::Sample for Article {
    type Scores = Scores;
    fn name(&self) -> &str {
        &self.name
    }
    fn fresh_doc(&self) -> Doc {
        self.doc()
    }
    fn score_doc(&self, doc: &Doc) -> Scores {
        score(self, doc)
    }
}

impl super::Tally for Scores {
    fn add_scores(&mut self, other: &Scores) {
        self.add(other);
    }
    fn run_counts(&mut self) -> &mut RunCounts {
        &mut self.run
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_without_final_stop_become_paragraphs() {
        let w = |id: &str, s: &str, t: &str| (id.to_string(), s.to_string(), t.to_string());
        let words = [
            w("1", "0", "Title"),
            w("2", "1", "May"),
            w("3", "1", "1"),
            w("4", "2", "He"),
            w("5", "2", "said"),
            w("6", "2", "``"),
            w("7", "2", "Hi"),
            w("8", "2", "."),
            w("9", "2", "''"),
            w("10", "3", "Done"),
            w("11", "3", "."),
        ];
        let (text, spans, n, title) = rebuild(&words);
        assert_eq!(text, "Title\n\nMay 1\n\nHe said “Hi.” Done.");
        assert_eq!(n, 4);
        assert_eq!(title.as_deref(), Some("Title"));
        assert_eq!(&text[spans[5].range()], "“");
    }
}
