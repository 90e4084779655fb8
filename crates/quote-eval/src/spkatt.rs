//! SpkAtt-2023 (task 1): German Bundestag speeches, one JSON file per speech:
//! `{"Sentences": [{"SentenceId", "Tokens"}], "Annotations": [{"Cue",
//! "Source", "Message", …}]}`, each role a list of `"sentenceId:tokenIndex"`
//! strings (token index 0-based).
//!
//! The text is the tokens joined into running text, sentences in file order
//! separated by a space. Scores are token level per role over all speech
//! events: cue (our `quote.cue`; the separable particle `PTC` is not part of
//! it), source (our `quote.speaker`) and message (our `quote.span`), over the
//! corpus tokens with a letter or digit. A token is gold for a role when any
//! event gives it that role.
//!
//! Speaker linking: each speech's speaker is in its file name
//! (`19002_Zusatzpunkt_3_CDUCSU_Jung_ID19209800_21.11.2017`: party, surname,
//! speech id, date) and is given to the pipeline as the document's author.
//! Gold events whose message one of our quotes overlaps are counted per kind
//! of gold source (first person, *wir*, addressee, third-person pronoun, role
//! noun, other): how often our speaker mention overlaps the gold source, and,
//! for the first person, how often the speaker is named as the speech's
//! speaker. The corpus links no other mention to a person, so for
//! third-person pronouns and role nouns only how often a name was given at all
//! is counted.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use newsgraph_doc::{Doc, Meta, Span};
use serde::{Deserialize, Serialize};

use super::{is_punct, join_tokens, overlapping, table, EvalError, Prf, RunCounts};

/// One speech event; roles as token indices into [`Speech::tokens`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Event {
    /// The cue (the speech verb or noun).
    pub cue: Vec<usize>,
    /// The source (speaker).
    pub source: Vec<usize>,
    /// The message.
    pub message: Vec<usize>,
}

/// One speech.
#[derive(Debug, Clone)]
pub struct Speech {
    /// File stem.
    pub name: String,
    /// Running text rebuilt from the tokens.
    pub text: String,
    /// Each token's byte span in `text`, all sentences in order.
    pub tokens: Vec<Span>,
    /// Whether each token is scored (has a letter or digit).
    pub scored: Vec<bool>,
    /// Number of sentences.
    pub sentences: usize,
    /// Speech events.
    pub events: Vec<Event>,
    /// The speaker's surname, from the file name (see the module docs).
    pub speaker: Option<String>,
    /// Each event's gold source words as written, joined by spaces.
    pub source_words: Vec<String>,
}

impl Speech {
    /// A fresh German [`Doc`] of the speech, for the pipeline.
    pub fn doc(&self) -> Doc {
        Doc::with_meta(
            Meta {
                id: self.name.clone(),
                lang: Some("de".into()),
                author: self.speaker.clone(),
                ..Meta::default()
            },
            self.text.clone(),
        )
    }
}

#[derive(Deserialize)]
struct RawSpeech {
    #[serde(rename = "Sentences")]
    sentences: Vec<RawSentence>,
    #[serde(rename = "Annotations", default)]
    annotations: Vec<RawEvent>,
}

#[derive(Deserialize)]
struct RawSentence {
    #[serde(rename = "SentenceId")]
    id: usize,
    #[serde(rename = "Tokens")]
    tokens: Vec<String>,
}

#[derive(Deserialize)]
struct RawEvent {
    #[serde(rename = "Cue", default)]
    cue: Vec<String>,
    #[serde(rename = "Source", default)]
    source: Vec<String>,
    #[serde(rename = "Message", default)]
    message: Vec<String>,
}

/// Parses one speech file's content. The error says what is wrong (the caller
/// adds the file).
pub fn parse(name: &str, data: &str) -> Result<Speech, String> {
    let raw: RawSpeech = serde_json::from_str(data)
        .map_err(|e| format!("not a SpkAtt speech (Sentences, Annotations): {e}"))?;
    let mut scored = Vec::new();
    // Sentence id -> (index of its first token, its number of tokens).
    let mut first: HashMap<usize, (usize, usize)> = HashMap::new();
    for s in &raw.sentences {
        if first.insert(s.id, (scored.len(), s.tokens.len())).is_some() {
            return Err(format!("sentence id {} occurs twice", s.id));
        }
        for t in &s.tokens {
            scored.push(!is_punct(t));
        }
    }
    let resolve = |n: usize, role: &str, refs: &[String]| -> Result<Vec<usize>, String> {
        let mut v = refs
            .iter()
            .map(|r| {
                let (s, t) = r
                    .split_once(':')
                    .and_then(|(s, t)| Some((s.trim().parse::<usize>().ok()?, t.trim().parse::<usize>().ok()?)))
                    .ok_or_else(|| format!("annotation {n}: {role} entry {r:?} is not sentenceId:tokenIndex"))?;
                match first.get(&s) {
                    Some(&(start, len)) if t < len => Ok(start + t),
                    Some(&(_, len)) => Err(format!(
                        "annotation {n}: {role} entry {r:?} points past the {len} tokens of sentence {s}"
                    )),
                    None => Err(format!("annotation {n}: {role} entry {r:?} names no sentence of the file")),
                }
            })
            .collect::<Result<Vec<usize>, String>>()?;
        v.sort_unstable();
        v.dedup();
        Ok(v)
    };
    let events = raw
        .annotations
        .iter()
        .enumerate()
        .map(|(n, e)| {
            Ok(Event {
                cue: resolve(n, "Cue", &e.cue)?,
                source: resolve(n, "Source", &e.source)?,
                message: resolve(n, "Message", &e.message)?,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let words: Vec<&str> = raw
        .sentences
        .iter()
        .flat_map(|s| s.tokens.iter().map(String::as_str))
        .collect();
    let source_words = events
        .iter()
        .map(|e| {
            e.source
                .iter()
                .map(|&t| words[t])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let (text, tokens) = join_tokens(&words);
    Ok(Speech {
        name: name.to_string(),
        text,
        tokens,
        scored,
        sentences: raw.sentences.len(),
        events,
        speaker: speaker_of(name),
        source_words,
    })
}

/// The speaker's surname in a SpkAtt file name: the field before `ID…`.
fn speaker_of(name: &str) -> Option<String> {
    let fields: Vec<&str> = name.split('_').collect();
    let id = fields.iter().position(|f| f.starts_with("ID"))?;
    let surname = fields.get(id.checked_sub(1)?)?;
    (!surname.is_empty()).then(|| surname.to_string())
}

/// What kind of mention a gold source is, for the linking table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceKind {
    /// *ich*, *meiner Meinung nach*.
    FirstPerson,
    /// *wir*.
    Group,
    /// *Sie*, *du*.
    Addressee,
    /// *er*, *sie*.
    ThirdPerson,
    /// *der Kollege*, *die Ministerin*.
    Role,
    /// Names and other noun phrases.
    Other,
}

impl SourceKind {
    const ALL: [SourceKind; 6] = [
        SourceKind::FirstPerson,
        SourceKind::Group,
        SourceKind::Addressee,
        SourceKind::ThirdPerson,
        SourceKind::Role,
        SourceKind::Other,
    ];

    fn label(self) -> &'static str {
        match self {
            SourceKind::FirstPerson => "first person",
            SourceKind::Group => "wir",
            SourceKind::Addressee => "addressee",
            SourceKind::ThirdPerson => "3rd-person pronoun",
            SourceKind::Role => "role noun",
            SourceKind::Other => "name / other",
        }
    }

    /// Classifies a gold source (its words as written) with the quote
    /// lexicon's pronoun rows and role nouns.
    fn of(written: &str) -> SourceKind {
        // SpkAtt is German: its sources are read with the German pack.
        let Some(lex) = crate::shipped_lexicon(Some("de")) else {
            return SourceKind::Other;
        };
        // Formal *Sie*, *Ihr* (capitalised even inside a sentence; at a
        // sentence start the corpus's rare third-person plural is counted too).
        let formal = written
            .split_whitespace()
            .next()
            .is_some_and(|w| w == "Sie" || w.starts_with("Ihr"));
        if formal {
            return SourceKind::Addressee;
        }
        let words = written.to_lowercase();
        let mut tokens = words.split_whitespace();
        let (Some(first), rest) = (tokens.next(), tokens.next()) else {
            return SourceKind::Other;
        };
        // Possessives stand for their person (*meiner Meinung nach*).
        let stem = |w: &str| -> &'static str {
            match w {
                w if w.starts_with("mein") => "ich",
                w if w.starts_with("unser") => "wir",
                w if w.starts_with("ihr") || w == "ihnen" => "sie",
                _ => "",
            }
        };
        let word = if stem(first).is_empty() {
            first
        } else {
            stem(first)
        };
        if rest.is_none() || word != first {
            use newsgraph_quote::lexicon::PronounPerson;
            match lex.pronoun_persons.get(word) {
                Some(PronounPerson::SelfRef) => return SourceKind::FirstPerson,
                Some(PronounPerson::Group) => return SourceKind::Group,
                Some(PronounPerson::Addressee) => return SourceKind::Addressee,
                Some(PronounPerson::Impersonal) => return SourceKind::Other,
                None if lex.class(word) == Some("pron") => return SourceKind::ThirdPerson,
                None => {}
            }
        }
        if words.split_whitespace().any(|w| lex.is_role(w)) {
            SourceKind::Role
        } else {
            SourceKind::Other
        }
    }
}

/// Speaker attribution for one kind of gold source.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Linking {
    /// Gold events of this kind with a source and a message.
    pub gold: usize,
    /// Of those, events whose message one of our quotes overlaps.
    pub matched: usize,
    /// Of the matched, those whose speaker mention overlaps the gold source.
    pub source_right: usize,
    /// Of the matched, those with a speaker name.
    pub named: usize,
    /// First person only: named as the speech's speaker.
    pub named_right: usize,
}

impl Linking {
    fn add(&mut self, o: &Linking) {
        self.gold += o.gold;
        self.matched += o.matched;
        self.source_right += o.source_right;
        self.named += o.named;
        self.named_right += o.named_right;
    }
}

/// Reads one speech file.
pub fn read_file(path: &Path) -> Result<Speech, EvalError> {
    let data = super::read(path)?;
    parse(&super::stem(path), &data).map_err(|problem| EvalError::Format {
        path: path.to_path_buf(),
        problem,
    })
}

/// Reads every `*.json` of `dir/train`, or of `dir` when it has no `train`
/// subfolder.
pub fn read(dir: &Path) -> Result<Vec<Speech>, EvalError> {
    let sub = dir.join("train");
    let folder = if sub.is_dir() { sub } else { dir.to_path_buf() };
    let speeches = super::list(&folder, ".json")?
        .iter()
        .map(|p| read_file(p))
        .collect::<Result<Vec<_>, _>>()?;
    if speeches.is_empty() {
        return Err(EvalError::Empty {
            path: folder,
            expected: "SpkAtt-2023 speech *.json files (in train/ below the folder given)",
        });
    }
    Ok(speeches)
}

/// Scores on SpkAtt speeches.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Speeches run.
    pub run: RunCounts,
    /// Sentences.
    pub sentences: usize,
    /// Corpus tokens.
    pub tokens: usize,
    /// Of those, tokens scored (with a letter or digit).
    pub scored_tokens: usize,
    /// Gold speech events.
    pub events: usize,
    /// Predicted quotes.
    pub predicted: usize,
    /// Cue tokens.
    pub cue: Prf,
    /// Source (speaker) tokens.
    pub source: Prf,
    /// Message tokens.
    pub message: Prf,
    /// Speaker attribution per kind of gold source, in [`SourceKind::ALL`] order.
    pub linking: Vec<(String, Linking)>,
}

impl Scores {
    /// Adds another speech's scores.
    pub fn add(&mut self, o: &Scores) {
        self.run.add(&o.run);
        self.sentences += o.sentences;
        self.tokens += o.tokens;
        self.scored_tokens += o.scored_tokens;
        self.events += o.events;
        self.predicted += o.predicted;
        self.cue.add(&o.cue);
        self.source.add(&o.source);
        self.message.add(&o.message);
        if self.linking.is_empty() {
            self.linking = o.linking.clone();
        } else {
            for ((_, mine), (_, theirs)) in self.linking.iter_mut().zip(&o.linking) {
                mine.add(theirs);
            }
        }
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "spkatt: {}; {} sentences, {} tokens, {} scored (with a letter or digit)",
            self.run, self.sentences, self.tokens, self.scored_tokens
        )?;
        writeln!(
            f,
            "gold speech events {}; predicted quotes {}\n",
            self.events, self.predicted
        )?;
        writeln!(
            f,
            "tokens per role (cue = quote.cue, source = quote.speaker, message = quote.span)"
        )?;
        table(
            f,
            "role",
            &[
                ("cue", self.cue),
                ("source", self.source),
                ("message", self.message),
            ],
        )?;
        writeln!(
            f,
            "\nspeakers of gold events our quotes found (by message overlap), per kind of gold source"
        )?;
        writeln!(
            f,
            "{:<20} {:>6} {:>8} {:>13} {:>7} {:>12}",
            "gold source", "gold", "matched", "source right", "named", "named right"
        )?;
        for (label, l) in &self.linking {
            let right = if label == SourceKind::FirstPerson.label() {
                l.named_right.to_string()
            } else {
                "-".to_string()
            };
            writeln!(
                f,
                "{label:<20} {:>6} {:>8} {:>13} {:>7} {:>12}",
                l.gold, l.matched, l.source_right, l.named, right
            )?;
        }
        Ok(())
    }
}

/// Scores the quotes of `doc` (the speech's text, annotated by the pipeline)
/// against the speech's events.
pub fn score(speech: &Speech, doc: &Doc) -> Scores {
    let n = speech.tokens.len();
    let mut gold = [vec![false; n], vec![false; n], vec![false; n]];
    for e in &speech.events {
        for (marks, role) in gold.iter_mut().zip([&e.cue, &e.source, &e.message]) {
            for &t in role {
                marks[t] = true;
            }
        }
    }
    let mut pred = [vec![false; n], vec![false; n], vec![false; n]];
    let quotes = doc.quotes.as_deref().unwrap_or(&[]);
    for q in quotes {
        let spans = [q.cue, q.speaker.as_ref().map(|s| s.span), Some(q.span)];
        for (marks, span) in pred.iter_mut().zip(spans) {
            if let Some(span) = span {
                marks[overlapping(&speech.tokens, span)].fill(true);
            }
        }
    }
    let mut linking: Vec<(String, Linking)> = SourceKind::ALL
        .iter()
        .map(|k| (k.label().to_string(), Linking::default()))
        .collect();
    for (e, words) in speech.events.iter().zip(&speech.source_words) {
        if e.source.is_empty() || e.message.is_empty() {
            continue;
        }
        let kind = SourceKind::of(words);
        let slot = &mut linking[SourceKind::ALL.iter().position(|k| *k == kind).unwrap_or(5)].1;
        slot.gold += 1;
        let hit = quotes.iter().find(|q| {
            let r = overlapping(&speech.tokens, q.span);
            e.message.iter().any(|t| r.contains(t))
        });
        let Some(q) = hit else { continue };
        slot.matched += 1;
        if let Some(sp) = &q.speaker {
            let r = overlapping(&speech.tokens, sp.span);
            if e.source.iter().any(|t| r.contains(t)) {
                slot.source_right += 1;
            }
        }
        if let Some(name) = &q.speaker_name {
            slot.named += 1;
            if kind == SourceKind::FirstPerson && speech.speaker.as_deref() == Some(name.as_str()) {
                slot.named_right += 1;
            }
        }
    }
    let mut prf = [Prf::default(); 3];
    for i in (0..n).filter(|&i| speech.scored[i]) {
        for r in 0..3 {
            prf[r].count(pred[r][i], gold[r][i]);
        }
    }
    Scores {
        run: RunCounts {
            docs: 1,
            ..RunCounts::default()
        },
        sentences: speech.sentences,
        tokens: n,
        scored_tokens: speech.scored.iter().filter(|s| **s).count(),
        events: speech.events.len(),
        predicted: quotes.len(),
        cue: prf[0],
        source: prf[1],
        message: prf[2],
        linking,
    }
}

/// Runs `annotate` (the pipeline) on every speech and sums the scores.
pub fn evaluate_speeches<F, E>(speeches: &[Speech], annotate: F) -> Scores
where
    F: FnMut(&mut Doc) -> Result<(), E>,
    E: fmt::Display,
{
    super::evaluate_each(speeches, annotate)
}

/// Reads the corpus (see [`read`]) and scores `annotate` on it.
pub fn evaluate<F, E>(dir: &Path, annotate: F) -> Result<Scores, EvalError>
where
    F: FnMut(&mut Doc) -> Result<(), E>,
    E: fmt::Display,
{
    Ok(evaluate_speeches(&read(dir)?, annotate))
}

impl super::Sample for Speech {
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
