//! The language knowledge the quote stage needs, compiled once per language
//! pack from the files of its `[quote.files]` (`resources/<lang>/quote/`)
//! and the grammatical settings of its `[quote.rules]` ([`Grammar`]).

use std::borrow::Cow;
use std::collections::HashMap;

use newsgraph_pack::{Pack, PackError};

mod grammar;
pub use grammar::Grammar;

/// What a cue verb does to the proposition it frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueRole {
    /// Plain report (*sagte*, *berichtete*).
    Neutral,
    /// The source confirms it (*bestätigte*).
    Confirm,
    /// The source denies it (*bestritt*).
    Deny,
    /// The source accuses someone (*warf vor*).
    Accuse,
    /// The source believes it (*gehen davon aus*).
    Belief,
    /// The source announces its own future act (*kündigte an*).
    Announce,
    /// The source demands something (*forderte*).
    Demand,
}

impl CueRole {
    fn parse(s: &str) -> Option<CueRole> {
        Some(match s {
            "neutral" => CueRole::Neutral,
            "confirm" => CueRole::Confirm,
            "deny" => CueRole::Deny,
            "accuse" => CueRole::Accuse,
            "belief" => CueRole::Belief,
            "announce" => CueRole::Announce,
            "demand" => CueRole::Demand,
            _ => return None,
        })
    }
}

/// One surface form of a cue verb.
#[derive(Debug, Clone)]
pub struct CueForm {
    /// Its role.
    pub role: CueRole,
    /// A separable particle that must follow in the clause (*teilte … mit*).
    pub particle: Option<String>,
}

/// What a status sentence's back-reference (*die Vorwürfe*, *die Pläne*)
/// points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnaphorKind {
    /// An accusation or a belief about someone.
    Accusation,
    /// A possible or announced act.
    Plan,
    /// Any sourced claim.
    Other,
}

/// How a source marker relates to its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerKind {
    /// The source follows (*laut NHK*, *nach Angaben der Polizei*).
    Before,
    /// The source precedes (*NHK zufolge*).
    After,
    /// The marker itself is an unnamed source (*Berichten zufolge*).
    SelfSource,
    /// The marker points back to the last source (*demnach*): it is the
    /// speaker mention, named as that source.
    Anaphor,
    /// The source cites another (*unter Berufung auf X*).
    Via,
    /// A relative adverb after the source (*ein Bericht …, wonach …*): the
    /// report follows, its source is the phrase before the comma.
    Relative,
}

/// Whom a personal pronoun denotes, for naming a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounPerson {
    /// *ich*: the document's author or speaker.
    SelfRef,
    /// *wir*: a group including the author; not one named source.
    Group,
    /// *du*, formal *Sie*: whom the text addresses.
    Addressee,
    /// *man*, *es*: nobody in particular.
    Impersonal,
}

impl PronounPerson {
    fn parse(s: &str) -> Option<PronounPerson> {
        match s {
            "self" => Some(PronounPerson::SelfRef),
            "group" => Some(PronounPerson::Group),
            "addressee" => Some(PronounPerson::Addressee),
            "impersonal" => Some(PronounPerson::Impersonal),
            _ => None,
        }
    }
}

/// The grammatical gender or number a third-person pronoun agrees with, and
/// the gender a given name is known to have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    /// *er*, *he*; a male given name.
    Masculine,
    /// *sie* (with a singular verb), *she*; a female given name.
    Feminine,
    /// *they*, *sie* with a plural verb: a group or organisation, not a person.
    Plural,
}

impl Agreement {
    fn parse(s: &str) -> Option<Agreement> {
        match s {
            "masculine" | "m" => Some(Agreement::Masculine),
            "feminine" | "f" => Some(Agreement::Feminine),
            "plural" => Some(Agreement::Plural),
            _ => None,
        }
    }
}

/// The language-independent list of given names of unambiguous gender.
const GIVEN_NAME_GENDER: &str = "names/given-name-gender.tsv";

/// Given names of unambiguous gender (`resources/names/given-name-gender.tsv`),
/// built on first use.
pub fn given_name_gender(name: &str) -> Option<Agreement> {
    static NAMES: std::sync::OnceLock<HashMap<&'static str, Agreement>> =
        std::sync::OnceLock::new();
    NAMES
        .get_or_init(|| {
            rows(newsgraph_pack::shared_text(GIVEN_NAME_GENDER))
                .filter_map(|c| Some((*c.first()?, Agreement::parse(c.get(1)?)?)))
                .collect()
        })
        .get(name)
        .copied()
}

/// Modality or status phrases, matched on lower-case token sequences.
#[derive(Debug, Clone, Default)]
pub struct PhraseTable<T> {
    /// Phrases, longest first, with their value.
    pub phrases: Vec<(Vec<String>, T)>,
    /// First word → indices into `phrases` (longest first), so a lookup
    /// costs one hash probe for the many words that start no phrase.
    by_first: HashMap<String, Vec<usize>>,
}

impl<T: Copy> PhraseTable<T> {
    fn new(mut phrases: Vec<(Vec<String>, T)>) -> PhraseTable<T> {
        phrases.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (k, (p, _)) in phrases.iter().enumerate() {
            by_first.entry(p[0].clone()).or_default().push(k);
        }
        PhraseTable { phrases, by_first }
    }

    /// The value and length of the longest phrase starting at `words[i]`.
    pub fn match_at(&self, words: &[&str], i: usize) -> Option<(T, usize)> {
        let candidates = self.by_first.get(*words.get(i)?)?;
        candidates.iter().find_map(|&k| {
            let (p, v) = &self.phrases[k];
            (i + p.len() <= words.len() && p.iter().zip(&words[i..]).all(|(a, b)| a == b))
                .then_some((*v, p.len()))
        })
    }
}

/// Everything language-specific the stage needs.
#[derive(Debug)]
pub struct Lexicon {
    /// The grammatical traits the detectors depend on.
    pub grammar: Grammar,
    /// Lower-case surface form → cue readings.
    pub cues: HashMap<String, Vec<CueForm>>,
    /// Rewrites of older spellings into today's: (old, new, only at the end).
    historical_spelling: Vec<(String, String, bool)>,
    /// Source markers.
    pub markers: PhraseTable<MarkerKind>,
    /// Lower-case Konjunktiv forms → mood (1 or 2).
    pub konjunktiv: HashMap<String, u8>,
    /// Generated Konjunktiv I third-person forms of all verbs (mood 1),
    /// counted only in lower case (*Frage*, *Nähe* are nouns).
    pub konjunktiv_i: std::collections::HashSet<String>,
    /// Hedges → modality name.
    pub hedges: PhraseTable<newsgraph_doc::Modality>,
    /// Status phrases.
    pub status: PhraseTable<newsgraph_doc::Status>,
    /// Nouns and pronouns referring back to a claim, with what they refer to.
    pub anaphors: HashMap<String, AnaphorKind>,
    /// Role nouns (lower case).
    pub roles: Vec<String>,
    /// Closed word classes: `det`, `pron`, `subord`, `coord`, `adv`, `prep`,
    /// `aux`, and `objcue` (cue verbs whose object is the addressee).
    pub function_words: HashMap<String, &'static str>,
    /// Negation words (*nicht*, *weder*, *kein*).
    pub negators: Vec<String>,
    /// Personal pronouns by whom they denote (`self`, `group`, `addressee`,
    /// `impersonal`); a third-person pronoun is in none of them.
    pub pronoun_persons: HashMap<String, PronounPerson>,
    /// Third-person pronouns by what they agree with (*er* masculine).
    pub pronoun_agreement: HashMap<String, Agreement>,
    /// Expletive pronouns (*es* in *es wird erwartet*): never a speaker.
    pub expletives: Vec<String>,
    /// Endings of feminine role nouns (*Kanzlerin*): such a role names no
    /// man.
    pub feminine_suffixes: Vec<String>,
    /// Conditional subordinators (*wenn*, *falls*): Konjunktiv II after them
    /// is the mood of a condition, not of a report.
    pub conditionals: Vec<String>,
    /// Named sets of words the detectors test for (the remaining rows of
    /// `function-words.tsv`; names in [`sets`]).
    word_sets: HashMap<String, std::collections::HashSet<String>>,
    /// Conjunctions that open a reported clause (*dass*, *ob*, *that*).
    pub complementizers: Vec<String>,
    /// Clause openers after which a Konjunktiv compares, not reports
    /// (*als sei er krank*).
    pub unreported_openers: Vec<String>,
    /// Konjunktiv forms followed by a word that make an idiom, not a report
    /// (*sei denn*).
    pub unreported_after: Vec<(String, String)>,
    /// Konjunktiv forms of *sein* that, with a participle of saying or
    /// recommending at the clause end, make the writer's own request
    /// (*sei bemerkt*).
    pub jussive_verbs: Vec<String>,
    /// Those participles (*bemerkt*, *empfohlen*).
    pub jussive_participles: Vec<String>,
    /// Nouns that introduce a title or name in quotation marks (*Film*, *Motto*).
    pub title_nouns: Vec<String>,
    /// Nouns naming a text or publication (*Zeitung*, *Blatt*, *Artikel*);
    /// compounds ending in one count.
    pub publication_nouns: Vec<String>,
    /// Nouns of belief or expectation whose *dass*-clause is what is
    /// believed (*der Meinung, daß …*); compounds ending in one count.
    pub belief_nouns: Vec<String>,
    /// Nouns naming a source of information (*Angaben*, *Bericht*, *Studie*).
    pub source_nouns: Vec<String>,
    /// Nouns for whom a statement is made (*sagte der Zeitung*), lower case.
    pub addressee_nouns: Vec<String>,
    /// Speech-act nouns taking an infinitive complement (*Forderung*).
    pub speech_nouns: Vec<String>,
    /// Nouns whose Konjunktiv clause after a comma is the report (*die
    /// Hoffnung, …*).
    pub content_nouns: Vec<String>,
    /// Verb forms that quote the speaker's own word (*nannte*, *bezeichnete*).
    pub naming: Vec<String>,
}

/// The stage's section of a pack manifest.
const STAGE: &str = "quote";

const CLASSES: [&str; 8] = [
    "det", "pron", "subord", "coord", "adv", "prep", "aux", "objcue",
];

impl Lexicon {
    /// The lexicon of a language pack: every file of its `[quote.files]`
    /// and the settings of its `[quote.rules]`.
    pub fn from_pack(pack: &Pack) -> Result<Lexicon, PackError> {
        let text = |key: &str| pack.text(STAGE, key);
        let files = Files {
            cues: text("cues")?,
            markers: text("markers")?,
            konjunktiv: text("konjunktiv")?,
            konjunktiv_i: text("konjunktiv-i")?,
            hedges: text("hedges")?,
            status: text("status")?,
            anaphors: text("anaphors")?,
            roles: text("roles")?,
            function_words: text("function-words")?,
            title_nouns: text("title-nouns")?,
            publication_nouns: text("publication-nouns")?,
            belief_nouns: text("belief-nouns")?,
            source_nouns: text("source-nouns")?,
            addressee_nouns: text("addressee-nouns")?,
            speech_nouns: text("speech-nouns")?,
            content_nouns: text("content-nouns")?,
            naming: text("naming")?,
            historical_spelling: text("historical-spelling")?,
        };
        Ok(Lexicon::parse(&files, Grammar::from_pack(pack)?))
    }

    fn parse(files: &Files, grammar: Grammar) -> Lexicon {
        let mut cues: HashMap<String, Vec<CueForm>> = HashMap::new();
        for cols in rows(&files.cues) {
            let [role, _medium, particle, forms] = cols[..] else {
                continue;
            };
            let Some(role) = CueRole::parse(role) else {
                continue;
            };
            let particle = (particle != "-").then(|| particle.to_string());
            for form in forms.split_whitespace() {
                // A form that already carries its particle (mitteilte) stands alone.
                let needs = particle.clone().filter(|p| !form.starts_with(p.as_str()));
                cues.entry(form.to_lowercase()).or_default().push(CueForm {
                    role,
                    particle: needs,
                });
            }
        }
        let markers = table(&files.markers, |k| match k {
            "before" => Some(MarkerKind::Before),
            "after" => Some(MarkerKind::After),
            "self" => Some(MarkerKind::SelfSource),
            "anaphor" => Some(MarkerKind::Anaphor),
            "via" => Some(MarkerKind::Via),
            "relative" => Some(MarkerKind::Relative),
            _ => None,
        });
        let hedges = table(&files.hedges, |k| match k {
            "probable" => Some(newsgraph_doc::Modality::Probable),
            "possible" => Some(newsgraph_doc::Modality::Possible),
            "speculative" => Some(newsgraph_doc::Modality::Speculative),
            _ => None,
        });
        let status = table(&files.status, |k| match k {
            "unconfirmed" => Some(newsgraph_doc::Status::Unconfirmed),
            "denied" => Some(newsgraph_doc::Status::Denied),
            "confirmed" => Some(newsgraph_doc::Status::Confirmed),
            "disputed" => Some(newsgraph_doc::Status::Disputed),
            _ => None,
        });
        let konjunktiv = rows(&files.konjunktiv)
            .filter_map(|c| Some((c.first()?.to_lowercase(), c.get(1)?.parse().ok()?)))
            .collect();
        let konjunktiv_i = words(&files.konjunktiv_i).into_iter().collect();
        let mut function_words = HashMap::new();
        let mut negators = Vec::new();
        let mut conditionals = Vec::new();
        let mut word_sets: HashMap<String, std::collections::HashSet<String>> = HashMap::new();
        let mut complementizers = Vec::new();
        let mut unreported_openers = Vec::new();
        let mut unreported_after = Vec::new();
        let mut jussive_verbs = Vec::new();
        let mut jussive_participles = Vec::new();
        let mut expletives = Vec::new();
        let mut feminine_suffixes = Vec::new();
        let mut pronoun_persons = HashMap::new();
        let mut pronoun_agreement = HashMap::new();
        for cols in rows(&files.function_words) {
            if let ["neg", words] = cols[..] {
                negators.extend(words.split_whitespace().map(str::to_lowercase));
            } else if let (Some(person), [_, words]) = (PronounPerson::parse(cols[0]), &cols[..]) {
                for w in words.split_whitespace() {
                    pronoun_persons.insert(w.to_lowercase(), person);
                }
            } else if let (Some(agreement), [_, words]) = (Agreement::parse(cols[0]), &cols[..]) {
                for w in words.split_whitespace() {
                    pronoun_agreement.insert(w.to_lowercase(), agreement);
                }
            } else if let ["feminine-suffix", words] = cols[..] {
                feminine_suffixes.extend(words.split_whitespace().map(str::to_lowercase));
            } else if let ["expletive", words] = cols[..] {
                expletives.extend(words.split_whitespace().map(str::to_lowercase));
            } else if let ["unreported-opener", words] = cols[..] {
                unreported_openers.extend(words.split_whitespace().map(str::to_lowercase));
            } else if let ["jussive-verb", words] = cols[..] {
                jussive_verbs.extend(words.split_whitespace().map(str::to_lowercase));
            } else if let ["jussive-participle", words] = cols[..] {
                jussive_participles.extend(words.split_whitespace().map(str::to_lowercase));
            } else if let ["unreported-idiom", words] = cols[..] {
                unreported_after.extend(words.split_whitespace().filter_map(|pair| {
                    let (verb, next) = pair.split_once('+')?;
                    Some((verb.to_lowercase(), next.to_lowercase()))
                }));
            } else if let ["complementizer", words] = cols[..] {
                complementizers.extend(words.split_whitespace().map(str::to_lowercase));
            } else if let ["cond", words] = cols[..] {
                conditionals.extend(words.split_whitespace().map(str::to_lowercase));
            } else if let [class, words] = cols[..] {
                if let Some(class) = CLASSES.iter().find(|c| **c == class) {
                    for w in words.split_whitespace() {
                        function_words.entry(w.to_lowercase()).or_insert(*class);
                    }
                } else {
                    word_sets
                        .entry(class.to_string())
                        .or_default()
                        .extend(words.split_whitespace().map(str::to_lowercase));
                }
            }
        }
        Lexicon {
            grammar,
            cues,
            markers,
            konjunktiv,
            konjunktiv_i,
            hedges,
            status,
            anaphors: rows(&files.anaphors)
                .filter_map(|c| {
                    let kind = match *c.first()? {
                        "accusation" => AnaphorKind::Accusation,
                        "plan" => AnaphorKind::Plan,
                        _ => AnaphorKind::Other,
                    };
                    Some((c.get(1)?.to_lowercase(), kind))
                })
                .collect(),
            roles: words(&files.roles),
            function_words,
            negators,
            conditionals,
            word_sets,
            complementizers,
            unreported_openers,
            unreported_after,
            jussive_verbs,
            jussive_participles,
            expletives,
            feminine_suffixes,
            pronoun_persons,
            pronoun_agreement,
            title_nouns: words(&files.title_nouns),
            publication_nouns: words(&files.publication_nouns),
            belief_nouns: words(&files.belief_nouns),
            source_nouns: words(&files.source_nouns),
            addressee_nouns: words(&files.addressee_nouns),
            speech_nouns: words(&files.speech_nouns),
            content_nouns: words(&files.content_nouns),
            naming: words(&files.naming),
            historical_spelling: rows(&files.historical_spelling)
                .filter_map(|c| {
                    let (old, new) = (c.first()?, c.get(1)?);
                    let at_end = old.ends_with('$');
                    Some((
                        old.trim_end_matches('$').to_string(),
                        new.to_string(),
                        at_end,
                    ))
                })
                .collect(),
        }
    }

    /// The Konjunktiv mood of a word (its text and lower-case form): the
    /// hand-made table first, then the generated forms for words written
    /// in lower case; a word in older spelling (*seyen*) as in today's.
    pub fn konjunktiv_mood(&self, text: &str, lower: &str) -> Option<u8> {
        self.konjunktiv_mood_as_written(text, lower).or_else(|| {
            self.modern_spelling(lower)
                .and_then(|modern| self.konjunktiv_mood_as_written(text, &modern))
        })
    }

    fn konjunktiv_mood_as_written(&self, text: &str, lower: &str) -> Option<u8> {
        self.konjunktiv.get(lower).copied().or_else(|| {
            (text.chars().next().is_some_and(char::is_lowercase)
                && self.konjunktiv_i.contains(lower))
            .then_some(1)
        })
    }

    /// The cue readings of a lower-case word, as written or, failing that,
    /// in today's spelling (*theilte* → *teilte*).
    pub fn cue(&self, lower: &str) -> Option<&[CueForm]> {
        self.cues
            .get(lower)
            .or_else(|| self.cues.get(&self.modern_spelling(lower)?))
            .map(Vec::as_slice)
    }

    /// Whether a lower-case word is a cue verb form (see [`Lexicon::cue`]).
    pub fn is_cue(&self, lower: &str) -> bool {
        self.cue(lower).is_some()
    }

    /// A lower-case word rewritten from older into today's spelling, if
    /// any rule of `historical-spelling.tsv` changes it.
    pub fn modern_spelling(&self, lower: &str) -> Option<String> {
        if !self
            .historical_spelling
            .iter()
            .any(|(old, _, _)| lower.contains(old.as_str()))
        {
            return None;
        }
        let mut word = lower.to_string();
        for (old, new, at_end) in &self.historical_spelling {
            if *at_end {
                if let Some(stem) = word.strip_suffix(old.as_str()) {
                    word = format!("{stem}{new}");
                }
            } else if word.contains(old.as_str()) {
                word = word.replace(old.as_str(), new);
            }
        }
        (word != lower).then_some(word)
    }

    /// Whether a lower-case word is in the named set of `function-words.tsv`
    /// (one of [`sets`]); a set a language does not list is empty.
    pub fn is(&self, set: &str, lower: &str) -> bool {
        self.word_sets
            .get(set)
            .is_some_and(|words| words.contains(lower))
    }

    /// Whether a lower-case word ends in an inflection ending of
    /// attributive adjectives and participles (set `adjective-ending`:
    /// *neue*, *genannten*).
    pub fn has_adjective_ending(&self, lower: &str) -> bool {
        self.word_sets
            .get(sets::ADJECTIVE_ENDING)
            .is_some_and(|endings| endings.iter().any(|e| lower.ends_with(e.as_str())))
    }

    /// Whether a lower-case word is a speech-act noun or a compound ending
    /// in one (*Forderung*, *Rücktrittsforderung*).
    pub fn is_speech_noun(&self, lower: &str) -> bool {
        ends_with_any(&self.speech_nouns, lower)
    }

    /// Whether a lower-case word is a content noun or a compound ending in
    /// one (*Hoffnung*, *Einschätzung*).
    pub fn is_content_noun(&self, lower: &str) -> bool {
        ends_with_any(&self.content_nouns, lower)
    }

    /// Whether a lower-case word opens a reported clause (*dass*, *that*).
    pub fn is_complementizer(&self, lower: &str) -> bool {
        self.complementizers.iter().any(|c| c == lower)
    }

    /// The closed class of a lower-case word, if any.
    pub fn class(&self, lower: &str) -> Option<&'static str> {
        self.function_words.get(lower).copied()
    }

    /// Whether a lower-case word names a source of information, alone or as
    /// the end of a compound (*Polizeiangaben*).
    pub fn is_source_noun(&self, lower: &str) -> bool {
        ends_with_any(&self.source_nouns, lower)
    }

    /// Whether a lower-case word is, or ends in, a noun for whom a statement
    /// is made (*Reportern*, *Nachrichtenagentur*).
    pub fn is_addressee_noun(&self, lower: &str) -> bool {
        ends_with_any(&self.addressee_nouns, lower)
    }

    /// Whether a lower-case word introduces a title (*Film*, *Dokumentarfilm*).
    pub fn is_title_noun(&self, lower: &str) -> bool {
        ends_with_any(&self.title_nouns, lower)
    }

    /// Whether a lower-case word is a noun of belief or expectation, or a
    /// compound ending in one (*Grundüberzeugung*).
    pub fn is_belief_noun(&self, lower: &str) -> bool {
        ends_with_any(&self.belief_nouns, lower)
    }

    /// Whether a lower-case word names a text or publication, or is a
    /// compound ending in one (*Abendblatt*).
    pub fn is_publication_noun(&self, lower: &str) -> bool {
        ends_with_any(&self.publication_nouns, lower)
    }

    /// Whether a lower-case word is a role noun or a compound ending in one.
    pub fn is_role(&self, lower: &str) -> bool {
        ends_with_any(&self.roles, lower)
    }
}

/// Whether `lower` is one of `words` or a compound ending in one.
fn ends_with_any(words: &[String], lower: &str) -> bool {
    words.iter().any(|w| lower.ends_with(w.as_str()))
}

/// Names of the word sets in `function-words.tsv` that the detectors test
/// for with [`Lexicon::is`].
pub mod sets;

/// The text of each file of `[quote.files]` (keys as the fields, with `-`).
struct Files<'p> {
    cues: Cow<'p, str>,
    markers: Cow<'p, str>,
    konjunktiv: Cow<'p, str>,
    konjunktiv_i: Cow<'p, str>,
    hedges: Cow<'p, str>,
    status: Cow<'p, str>,
    anaphors: Cow<'p, str>,
    roles: Cow<'p, str>,
    function_words: Cow<'p, str>,
    title_nouns: Cow<'p, str>,
    publication_nouns: Cow<'p, str>,
    belief_nouns: Cow<'p, str>,
    source_nouns: Cow<'p, str>,
    addressee_nouns: Cow<'p, str>,
    speech_nouns: Cow<'p, str>,
    content_nouns: Cow<'p, str>,
    naming: Cow<'p, str>,
    historical_spelling: Cow<'p, str>,
}

fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn words(text: &str) -> Vec<String> {
    rows(text)
        .filter_map(|c| Some(c.first()?.to_lowercase()))
        .collect()
}

fn table<T: Copy>(text: &str, kind: impl Fn(&str) -> Option<T>) -> PhraseTable<T> {
    let phrases: Vec<(Vec<String>, T)> = rows(text)
        .filter_map(|c| {
            let v = kind(c.first()?)?;
            let p: Vec<String> = c
                .get(1)?
                .split_whitespace()
                .map(str::to_lowercase)
                .collect();
            (!p.is_empty()).then_some((p, v))
        })
        .collect();
    PhraseTable::new(phrases)
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph_pack::Packs;

    fn lexicon(code: &str) -> Lexicon {
        Lexicon::from_pack(Packs::embedded().get(code).unwrap()).unwrap()
    }

    #[test]
    fn both_languages_load_every_file() {
        for lang in ["de", "en"] {
            let lex = lexicon(lang);
            assert!(lex.cues.len() > 40, "{lang}: {} cue forms", lex.cues.len());
            assert!(!lex.markers.phrases.is_empty());
            assert!(!lex.hedges.phrases.is_empty());
            assert!(!lex.status.phrases.is_empty());
            assert!(lex.class("the").is_some() || lex.class("der").is_some());
        }
        assert!(lexicon("de").grammar.mood_marks_reported_speech);
        assert_eq!(lexicon("en").grammar.name_joiner, "and");
    }

    #[test]
    fn german_lists_every_word_set() {
        let lex = lexicon("de");
        for set in sets::ALL {
            assert!(lex.word_sets.contains_key(set), "de: no row {set}");
        }
        assert!(lex.is(sets::WIE_FRAME, "wie") && !lex.is(sets::WIE_FRAME, "so"));
    }

    #[test]
    fn separable_short_forms_need_their_particle() {
        let lex = lexicon("de");
        let teilte = &lex.cues["teilte"];
        assert!(teilte.iter().any(|c| c.particle.as_deref() == Some("mit")));
        assert!(lex.cues["mitteilte"].iter().all(|c| c.particle.is_none()));
        assert_eq!(lex.cues["bestritt"][0].role, CueRole::Deny);
    }

    #[test]
    fn older_spellings_are_looked_up_as_today() {
        let lex = lexicon("de");
        assert_eq!(
            lex.modern_spelling("mittheilte").as_deref(),
            Some("mitteilte")
        );
        assert_eq!(lex.modern_spelling("citirt").as_deref(), Some("zitiert"));
        assert!(lex.is_cue("wußte") && lex.is_cue("theilte"));
        assert_eq!(lex.konjunktiv_mood("seyen", "seyen"), Some(1));
        // Only a fallback: a word found as written keeps its reading.
        assert_eq!(lex.modern_spelling("sagte"), None);
        assert!(!lex.is_cue("theater"));
        assert!(lexicon("en").modern_spelling("thought").is_none());
    }

    #[test]
    fn given_names_come_from_the_shared_list() {
        assert_eq!(given_name_gender("Maria"), Some(Agreement::Feminine));
        assert_eq!(given_name_gender("Peter"), Some(Agreement::Masculine));
    }

    #[test]
    fn a_pack_without_quote_rules_is_refused_by_name() {
        let tmp = std::env::temp_dir().join(format!("quote-pack-{}", std::process::id()));
        let dir = tmp.join("xx");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("pack.toml"), "name = \"Test\"\n[quote.rules]\n").unwrap();
        let pack = newsgraph_pack::Pack::load_dir(&dir).unwrap();
        let err = Grammar::from_pack(&pack).unwrap_err().to_string();
        std::fs::remove_dir_all(&tmp).ok();
        assert!(err.contains("mood-marks-reported-speech"), "{err}");
    }

    #[test]
    fn longest_phrase_wins() {
        let lex = lexicon("de");
        let words = ["nach", "angaben", "von", "x"];
        let (kind, len) = lex.markers.match_at(&words, 0).unwrap();
        assert_eq!((kind, len), (MarkerKind::Before, 3));
    }
}
