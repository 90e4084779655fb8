//! The grammatical traits of a language the quote detectors depend on,
//! from `[quote.rules]` of its pack.

use newsgraph_pack::{Pack, PackError};

use super::STAGE;

/// The grammatical traits of a language that the detectors depend on, read
/// from `[quote.rules]` of its pack (one line of comment each there says
/// what it means). Named for the trait, so a new language sets each as its
/// grammar has it.
#[derive(Debug, Clone)]
pub struct Grammar {
    /// `mood-marks-reported-speech`: reported speech is marked by a verb
    /// mood (Konjunktiv), so a sentence in it continues a report unframed.
    pub mood_marks_reported_speech: bool,
    /// `nouns-capitalised`: nouns are written with a capital letter, so a
    /// capitalised word is a noun and a lower-case one is not.
    pub nouns_capitalised: bool,
    /// `adjectives-inflect`: attributive adjectives carry an inflection
    /// ending; without it any lower-case word may modify a noun.
    pub adjectives_inflect: bool,
    /// `possessive-s`: a possessive *'s* ends a noun phrase that determines
    /// the next one (*Obama's administration*).
    pub possessive_s: bool,
    /// `subject-before-verb`: the subject stands right before the finite
    /// verb, also in a frame after the report (*…, the union said*).
    pub subject_before_verb: bool,
    /// `colon-opens-direct-speech`: after a cue and a colon, a sentence in
    /// the speaker's own voice is direct speech even without quotation
    /// marks; otherwise the colon opens a reported clause.
    pub colon_opens_direct_speech: bool,
    /// `subordinate-clause-commas`: a subordinate clause is set off by
    /// commas on both sides (*sagte am Mittwoch, dass …, verrät*).
    pub subordinate_clause_commas: bool,
    /// `comma-after-fronted-phrase`: a fronted adverbial phrase is closed
    /// by a comma (*According to two officials …, the talks …*).
    pub comma_after_fronted_phrase: bool,
    /// `bare-complement`: a reported clause may follow the cue with neither
    /// comma nor complementizer (*said the plan was …*).
    pub bare_complement: bool,
    /// `inserted-frame-reports-sentence`: a frame inserted in mid-sentence
    /// (*…, wie der Sprecher mitteilte, …*) makes the whole sentence the
    /// report.
    pub inserted_frame_reports_sentence: bool,
    /// `feminine-pronoun-also-plural`: the feminine third-person pronoun is
    /// also the plural one (*sie*), told apart by the verb.
    pub feminine_pronoun_also_plural: bool,
    /// `reporting-participle-ending`: the ending of a present participle
    /// that, after a comma, reports what follows (*…, saying …*); empty:
    /// none.
    pub reporting_participle_ending: String,
    /// `name-joiner`: the word that joins the names of two speakers.
    pub name_joiner: String,
    /// `formal-address-pronoun`: the capitalised pronoun of formal address
    /// (*Sie*) inside a sentence; empty: none.
    pub formal_address_pronoun: String,
}

impl Grammar {
    /// The settings of `[quote.rules]` of `pack`.
    pub fn from_pack(pack: &Pack) -> Result<Grammar, PackError> {
        let flag = |name: &str| pack.flag(STAGE, name);
        let word = |name: &str| pack.word(STAGE, name).map(str::to_string);
        Ok(Grammar {
            mood_marks_reported_speech: flag("mood-marks-reported-speech")?,
            nouns_capitalised: flag("nouns-capitalised")?,
            adjectives_inflect: flag("adjectives-inflect")?,
            possessive_s: flag("possessive-s")?,
            subject_before_verb: flag("subject-before-verb")?,
            colon_opens_direct_speech: flag("colon-opens-direct-speech")?,
            subordinate_clause_commas: flag("subordinate-clause-commas")?,
            comma_after_fronted_phrase: flag("comma-after-fronted-phrase")?,
            bare_complement: flag("bare-complement")?,
            inserted_frame_reports_sentence: flag("inserted-frame-reports-sentence")?,
            feminine_pronoun_also_plural: flag("feminine-pronoun-also-plural")?,
            reporting_participle_ending: word("reporting-participle-ending")?,
            name_joiner: word("name-joiner")?,
            formal_address_pronoun: word("formal-address-pronoun")?,
        })
    }
}
