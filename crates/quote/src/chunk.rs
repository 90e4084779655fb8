//! A small noun-phrase chunker for speaker mentions: determiners, adjectives
//! and names or nouns (*der russische Präsident Wladimir Putin*, *ein
//! Sprecher des Ministeriums*, *er*), with the preposition that governs the
//! phrase when there is one (so *gegenüber der Nachrichtenagentur AFP* is not
//! taken for the speaker).

use crate::lexicon::Lexicon;
use crate::view::View;

/// A noun phrase over tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chunk {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Token of the governing preposition, if any.
    pub prep: Option<usize>,
    /// A personal pronoun.
    pub pronoun: bool,
    /// Starts with an oblique determiner (*dem*, *den*, *des*): not a subject.
    pub oblique: bool,
    /// Starts with an indefinite determiner (*ein Sprecher*).
    pub indefinite: bool,
}

/// Whether token `i` can head or be part of a name/noun sequence.
fn is_nominal(view: &View, lex: &Lexicon, i: usize) -> bool {
    let t = &view.toks[i];
    if let Some(e) = t.entity {
        // A derived name (*nordkoreanische*) is an adjective, not a noun.
        return t.is_word() && view.ents[e].form != Some(newsgraph_doc::EntityForm::Deriv);
    }
    // *laut ndr.de*: a web site names its publisher.
    if t.kind == newsgraph_doc::TokenKind::Url {
        return true;
    }
    if !t.is_capitalised() {
        return false;
    }
    // *Relativierend fügte er hinzu*: a present participle capitalised at the
    // sentence start is an adverb, not a noun.
    let sentence_start = i == 0 || view.toks[i].sent != view.toks[i - 1].sent;
    if sentence_start && t.lower.ends_with("end") && t.lower.chars().count() > 6 {
        return false;
    }
    // A capitalised function word (sentence-initial *Der*, *Laut*) is not a
    // noun; a capitalised verb form is (*Berichten*, *Angaben*).
    lex.class(&t.lower).is_none()
}

/// An attributive adjective or participle: lower case with an inflection ending.
fn is_adjective(view: &View, lex: &Lexicon, i: usize) -> bool {
    let t = &view.toks[i];
    if t.entity
        .is_some_and(|e| view.ents[e].form == Some(newsgraph_doc::EntityForm::Deriv))
    {
        return true;
    }
    if !t.is_word() || t.is_capitalised() || lex.class(&t.lower).is_some() || lex.is_cue(&t.lower) {
        return false;
    }
    lex.has_adjective_ending(&t.lower) || !lex.grammar.adjectives_inflect
}

/// Chunks tokens `a..b` into noun phrases, left to right.
pub fn chunks(view: &View, lex: &Lexicon, a: usize, b: usize) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut i = a;
    let mut prep: Option<usize> = None;
    while i < b {
        let t = &view.toks[i];
        match lex.class(&t.lower) {
            Some("prep") if !is_nominal(view, lex, i) || i == a => {
                prep = Some(i);
                i += 1;
                continue;
            }
            // A pronoun is a phrase of its own (*sagte er Reportern*) unless a
            // noun in apposition follows (*wir Grünen*).
            Some("pron")
                if !(i + 1 < b
                    && is_nominal(view, lex, i + 1)
                    && lex.pronoun_persons.get(t.lower.as_str())
                        == Some(&crate::lexicon::PronounPerson::Group)) =>
            {
                out.push(Chunk {
                    start: i,
                    end: i + 1,
                    prep: prep.take(),
                    pronoun: true,
                    oblique: false,
                    indefinite: false,
                });
                i += 1;
                continue;
            }
            _ => {}
        }
        if let Some(end) = phrase_end(view, lex, i, b) {
            let mut end = end;
            // Genitive attribute: *Sprecher des Ministeriums*.
            while end < b && lex.is(crate::lexicon::sets::GENITIVE_LINK, &view.toks[end].lower) {
                match phrase_end(view, lex, end, b) {
                    Some(e) if e > end + 1 => end = e,
                    _ => break,
                }
            }
            let first = view.toks[i].lower.as_str();
            out.push(Chunk {
                start: i,
                end,
                prep: prep.take(),
                pronoun: false,
                oblique: matches!(first, "dem" | "den" | "des" | "einem" | "einen" | "eines"),
                indefinite: matches!(first, "ein" | "eine" | "einer" | "a" | "an"),
            });
            i = end;
            continue;
        }
        // Anything else (a verb, a comma) ends the preposition's reach.
        prep = None;
        i += 1;
    }
    out
}

/// End of a phrase `det? (adj|num|nicht)* nominal+` starting at `i`.
fn phrase_end(view: &View, lex: &Lexicon, i: usize, b: usize) -> Option<usize> {
    let mut j = i;
    if lex.class(&view.toks[j].lower) == Some("det") {
        j += 1;
        if let Some(k) = extended_attribute(view, lex, j, b) {
            j = k;
        }
    }
    while j < b
        && !is_nominal(view, lex, j)
        && (is_adjective(view, lex, j)
            || view.toks[j].kind == newsgraph_doc::TokenKind::Number
            || lex.is(crate::lexicon::sets::PHRASE_ADVERB, &view.toks[j].lower))
    {
        j += 1;
    }
    let noun_start = j;
    while j < b && is_nominal(view, lex, j) {
        j += 1;
    }
    // *Obama's administration*: a possessive is a determiner of the
    // lower-case noun after it.
    let possessive = |t: &str| t.ends_with("'s") || t.ends_with("’s");
    let split_possessive = j < b && matches!(view.toks[j].text, "'s" | "’s" | "'" | "’");
    if lex.grammar.possessive_s
        && j > noun_start
        && (split_possessive || possessive(view.toks[j - 1].text))
    {
        let mut k = j + usize::from(split_possessive);
        let after_possessive = k;
        while k < b && !is_nominal(view, lex, k) && is_adjective(view, lex, k) {
            k += 1;
        }
        if k > after_possessive {
            return Some(k);
        }
    }
    if j > noun_start {
        return Some(j);
    }
    // Where nouns are lower case, after a determiner the last of the
    // modifier words is the noun (*the mayor*, *the finance minister*).
    let had_det = lex.class(&view.toks[i].lower) == Some("det");
    (!lex.grammar.nouns_capitalised && had_det && noun_start > i + 1).then_some(noun_start)
}

/// *einer [am Dienstag veröffentlichten] Pressemitteilung*: a prepositional
/// phrase inside the noun phrase, closed by a participle or adjective. Returns
/// where that adjective starts.
fn extended_attribute(view: &View, lex: &Lexicon, j: usize, b: usize) -> Option<usize> {
    if j >= b || lex.class(&view.toks[j].lower) != Some("prep") {
        return None;
    }
    let mut k = j + 1;
    if k < b && lex.class(&view.toks[k].lower) == Some("det") {
        k += 1;
    }
    while k < b
        && (is_adjective(view, lex, k) || view.toks[k].kind == newsgraph_doc::TokenKind::Number)
        && !is_nominal(view, lex, k)
    {
        k += 1;
    }
    let noun_start = k;
    while k < b && k < noun_start + 3 && is_nominal(view, lex, k) {
        k += 1;
    }
    if k == noun_start || k >= b || !is_adjective(view, lex, k) {
        return None;
    }
    let adjective = k;
    while k < b && is_adjective(view, lex, k) && !is_nominal(view, lex, k) {
        k += 1;
    }
    (k < b && is_nominal(view, lex, k)).then_some(adjective)
}
