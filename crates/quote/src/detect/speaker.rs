//! The speaker: the mention in a frame clause (not an addressee, a time or
//! an expletive), and its name: the entity it names, the antecedent of a
//! pronoun, the person a role noun refers to, or the mention itself.

use super::{Ctx, Found, Frame};
use crate::chunk::{chunks, Chunk};
use crate::lexicon::{given_name_gender, sets, Agreement, CueRole, MarkerKind, PronounPerson};
use crate::view::View;
use newsgraph_doc::EntityType;

impl Ctx<'_, '_> {
    /// *laut „Welt“*: a short name in quotation marks at `i`, as a chunk
    /// over the marks.
    pub(super) fn quoted_name(&self, i: usize) -> Option<Chunk> {
        let p = self.in_pair.get(i).copied().flatten()?;
        let pair = &self.pairs[p];
        let short = pair.close > pair.open + 1 && pair.close <= pair.open + 5;
        let capitalised = self.tok(pair.open + 1).is_capitalised();
        (pair.open == i && short && capitalised).then_some(Chunk {
            start: pair.open,
            end: pair.close + 1,
            prep: None,
            pronoun: false,
            oblique: false,
            indefinite: false,
        })
    }

    /// Speaker and cue from the frame clause `lo..hi` around cue `i`.
    pub(super) fn frame_for(
        &self,
        i: usize,
        lo: usize,
        hi: usize,
        role: CueRole,
        after_only: bool,
    ) -> Frame {
        // The frame clause starts after the last comma before the cue.
        let start = (lo..i)
            .rev()
            .find(|&j| {
                self.in_pair[j].is_none() && matches!(self.tok(j).text, "," | ":" | "(" | "–")
            })
            .map_or(lo, |j| j + 1);
        let from = if after_only { i + 1 } else { start };
        let candidates = |from: usize, hi: usize| -> Vec<Chunk> {
            chunks(self.view, self.lex, from, hi)
                .into_iter()
                .filter(|c| {
                    c.prep.is_none()
                        && !c.oblique
                        && (c.start..c.end).all(|j| self.in_pair[j].is_none())
                        && !(c.pronoun && self.lex.expletives.contains(&self.tok(c.start).lower))
                })
                .collect()
        };
        // *heißt es in dem Bericht*: the source is the place it is written.
        if self.lex.is(sets::IMPERSONAL_CUE, &self.tok(i).lower) {
            let place = chunks(self.view, self.lex, i + 1, hi)
                .into_iter()
                .find(|c| {
                    c.prep.is_some_and(|p| {
                        matches!(
                            self.tok(p).lower.as_str(),
                            "in" | "im" | "bei" | "beim" | "auf"
                        )
                    })
                });
            return Frame {
                speaker: place.map(|c| (c.start, c.end)),
                conjuncts: Vec::new(),
                cue: Some((i, i + 1)),
                role: Some(role),
                via: None,
                unnamed: None,
            };
        }
        let mut cs = candidates(from, hi);
        // The subject stands before an apposition (*Gabriel Entcha-Ebia, der
        // Justizminister, sagte*; *Jüttner, …, hatte Lenz aufgefordert*).
        let verb_first = from < i && self.lex.class(&self.tok(from).lower) == Some("aux");
        if !after_only && start > lo && (cs.is_empty() || verb_first) {
            let before = candidates(lo, start);
            if !before.is_empty() {
                cs = before;
            }
        }
        let named = |c: &Chunk| {
            c.pronoun
                || (c.start..c.end).any(|j| self.view.speaker_entity(j).is_some())
                || (c.start..c.end).any(|j| self.lex.is_role(&self.tok(j).lower))
        };
        // A time (*Im Oktober*, *derzeit*) or an *als*-phrase (*Als
        // Begründung gab die Stadt an*) is the source only when nothing
        // else is there.
        // *sagte der Nachrichtenagentur Reuters*, *sagte Reportern*: a dative
        // after the cue is the addressee.
        let addressee = |c: &Chunk| {
            let first = &self.tok(c.start).lower;
            let dative_or_bare =
                self.lex.is(sets::DATIVE_DET, first) || self.lex.class(first) != Some("det");
            c.start > i
                && dative_or_bare
                && (c.start..c.end).any(|j| self.lex.is_addressee_noun(&self.tok(j).lower))
        };
        let unlikely = |c: &Chunk| {
            addressee(c)
                || (c.start..c.end).all(|j| self.tok(j).timex || !self.tok(j).is_word())
                || self
                    .lex
                    .is(sets::ROLE_PHRASE_HEAD, &self.tok(c.start).lower)
                || (c.start > 0
                    && self
                        .lex
                        .is(sets::ROLE_PHRASE_HEAD, &self.tok(c.start - 1).lower))
        };
        // Where the subject stands right before the verb (*WASHINGTON
        // (Reuters) - The White House said*).
        let adjacent = (self.lex.grammar.subject_before_verb && !after_only)
            .then(|| {
                cs.iter().rposition(|c| {
                    c.end <= i
                        && (c.end..i).all(|j| {
                            matches!(self.lex.class(&self.tok(j).lower), Some("adv" | "aux"))
                        })
                })
            })
            .flatten();
        let speaker = adjacent
            .or_else(|| cs.iter().position(|c| named(c) && !addressee(c)))
            .or_else(|| cs.iter().position(|c| !unlikely(c)))
            .or((!cs.is_empty()).then_some(0));
        // Coordinated speakers: *NHK und die Nachrichtenagentur Yonhap*.
        let second = speaker.and_then(|k| {
            let (c, next) = (cs[k], cs.get(k + 1)?);
            let joined = next.start == c.end + 1
                && self.lex.is(sets::SPEAKER_JOINER, &self.tok(c.end).lower);
            joined.then_some((next.start, next.end))
        });
        let speaker = speaker.map(|k| (cs[k].start, cs[k].end));
        let end = second.or(speaker).map(|c| c.1);
        let via = end.and_then(|e| self.via_after(e, hi));
        Frame {
            speaker: speaker.map(|(s0, s1)| (s0, second.map_or(s1, |c| c.1))),
            conjuncts: second
                .map(|c2| vec![speaker.unwrap_or(c2), c2])
                .unwrap_or_default(),
            cue: Some((i, i + 1)),
            role: Some(role),
            via,
            unnamed: None,
        }
    }
}

/// Gives every quote a speaker name: the entity it names (expanded to the
/// fullest name of that person in the article), the antecedent of a pronoun
/// or definite role noun, the previous speaker for an unframed continuation,
/// or the mention itself.
pub(super) fn resolve_names(ctx: &Ctx, found: &mut [Found]) {
    let view = ctx.view;
    // The last speaker: name, sentence, mention.
    type Last = (String, usize, Option<(usize, usize)>);
    let mut last: Option<Last> = None;
    for f in found.iter_mut() {
        let here = f.content.0;
        let name = match f.speaker {
            Some((s0, s1)) => {
                f.conjunct_names = f
                    .conjuncts
                    .iter()
                    .map(|&(c0, c1)| name_of(ctx, c0, c1, None))
                    .collect();
                if f.conjunct_names.is_empty() {
                    let previous = last.as_ref().map(|l| (l.0.as_str(), l.2.map(|m| m.1)));
                    name_of(ctx, s0, s1, previous)
                } else {
                    let names: Vec<&str> = f
                        .conjunct_names
                        .iter()
                        .flatten()
                        .map(String::as_str)
                        .collect();
                    Some(names.join(&format!(" {} ", ctx.lex.grammar.name_joiner)))
                }
            }
            None if f.cue.is_none() => {
                let prev = last
                    .as_ref()
                    .filter(|(_, sent, _)| view.toks[here].sent <= sent + 2);
                f.antecedent = prev.and_then(|p| p.2);
                prev.map(|(n, _, _)| n.clone())
            }
            None => None,
        };
        if let Some(n) = &name {
            let sent = view.toks[f.content.1.saturating_sub(1).max(here)].sent;
            last = Some((n.clone(), sent, f.speaker.or(f.antecedent)));
        }
        f.name = name;
    }
    // An unframed quote right before a framed one in the same paragraph
    // (*„…“ Aus … habe sich … entwickelt, sagte Kim.*) is that speaker's.
    for k in 0..found.len().saturating_sub(1) {
        let (f, g) = (&found[k], &found[k + 1]);
        if f.speaker.is_some() || f.cue.is_some() || g.speaker.is_none() {
            continue;
        }
        let f_end = view.toks[f.content.1 - 1].sent;
        let same_paragraph = (f.content.1..g.content.0).all(|j| !view.toks[j].para_start);
        if same_paragraph && g.sentence <= f_end + 1 {
            found[k].name = found[k + 1].name.clone();
            found[k].antecedent = found[k + 1].speaker;
        }
    }
}

/// `previous` is the last speaker's name and the end of its mention, for
/// pronouns.
pub(super) fn name_of(
    ctx: &Ctx,
    s0: usize,
    s1: usize,
    previous: Option<(&str, Option<usize>)>,
) -> Option<String> {
    let view = ctx.view;
    let lex = ctx.lex;
    if let Some(e) = (s0..s1).find_map(|j| view.speaker_entity(j)) {
        let text = &view.text[e.span.range()];
        if e.label == EntityType::Per {
            return Some(fullest_person(view, text));
        }
        // A name closing its phrase (*der Sender NHK*) names the speaker; a
        // name in a genitive attribute (*ein Sprecher des Kremls*) does not.
        let genitive =
            (s0..e.first).any(|j| lex.is(sets::GENITIVE_LINK, &view.toks[j].lower) && j > s0);
        if e.end == s1 && !genitive {
            return Some(text.to_string());
        }
    }
    // *Demnach …*: the last source, if any.
    let anaphor = lex
        .markers
        .match_at(&ctx.words, s0)
        .is_some_and(|(kind, len)| kind == MarkerKind::Anaphor && s0 + len == s1);
    if anaphor {
        return previous.map(|(p, _)| p.to_string());
    }
    let first = &view.toks[s0];
    if s1 == s0 + 1 && lex.class(&first.lower) == Some("pron") {
        // Formal *Sie* is capitalised inside a sentence.
        let formal = lex.grammar.formal_address_pronoun.as_str();
        let formal_address =
            !formal.is_empty() && first.text == formal && !view.sents.iter().any(|&(a, _)| a == s0);
        let person = if formal_address {
            Some(PronounPerson::Addressee)
        } else {
            lex.pronoun_persons.get(&first.lower).copied()
        };
        match person {
            Some(PronounPerson::SelfRef) => return view.author.map(str::to_string),
            Some(_) => return None,
            None => {}
        }
        let agreement = pronoun_agreement(ctx, s0);
        let fits = |name: &str| fits_agreement(name, agreement);
        // The previous speaker, if a name of the article (not *Menschen*
        // or *Genau*, mentions the quote finder took for speakers) or the
        // author, unless a fitting person was named after its mention
        // (*… Ronald Reagan …, als er gesagt hat*).
        let named = |p: &str| {
            view.author == Some(p)
                || view.ents.iter().any(|e| {
                    matches!(e.label, EntityType::Per | EntityType::Org)
                        && p.contains(&view.text[e.span.range()])
                })
        };
        let nearest = nearest_person_mention(view, s0, &fits);
        let previous = previous.filter(|(p, _)| fits(p) && named(p));
        return match (previous, nearest) {
            (Some((p, at)), Some((n, n_end))) => Some(if at.is_some_and(|at| n_end > at) {
                n
            } else {
                p.to_string()
            }),
            (Some((p, _)), None) => Some(p.to_string()),
            // A plural pronoun names a group, never the nearest person.
            _ if agreement == Some(Agreement::Plural) => None,
            (None, nearest) => nearest.map(|(n, _)| n),
        };
    }
    let definite = lex.is(sets::DEFINITE_ARTICLE, &first.lower);
    if let Some(role) = (s0..s1).find(|&j| lex.is_role(&view.toks[j].lower)) {
        // *Bundesminister Altmaier*: the capitalised words after the role
        // are the name, even when the tagger missed it.
        let named = (role + 1..s1).all(|j| {
            let t = &view.toks[j];
            t.is_capitalised() && !lex.is_role(&t.lower) && lex.class(&t.lower).is_none()
        });
        if named && s1 > role + 1 && s1 <= role + 4 {
            return Some(fullest_person(view, view.slice(role + 1, s1)));
        }
        // *der Bundesfinanzminister* names whoever the article called
        // *Finanzminister* before; failing that, a definite role the
        // nearest person.
        if let Some(p) = person_with_role(view, &view.toks[role].lower, s0) {
            return Some(p);
        }
        if definite {
            // *die Bundeskanzlerin* names no man, *der Minister* no woman.
            let role_word = &view.toks[role].lower;
            let agreement = if lex
                .feminine_suffixes
                .iter()
                .any(|e| role_word.ends_with(e.as_str()))
            {
                Agreement::Feminine
            } else {
                Agreement::Masculine
            };
            let fits = |name: &str| fits_agreement(name, Some(agreement));
            if let Some(p) = nearest_person_before(view, s0, &fits) {
                return Some(p);
            }
        }
    }
    // The mention itself, without a leading determiner.
    let start = if lex.class(&first.lower) == Some("det") && s1 > s0 + 1 {
        s0 + 1
    } else {
        s0
    };
    Some(view.slice(start, s1).to_string())
}

/// The longest person mention in the article that contains `name`'s last
/// word (*Kim* → *Kim Jong Un*).
pub(super) fn fullest_person(view: &View, name: &str) -> String {
    let key = name.split_whitespace().last().unwrap_or(name);
    view.ents
        .iter()
        .filter(|e| e.label == EntityType::Per && e.form.is_none())
        .map(|e| &view.text[e.span.range()])
        .filter(|t| t.split_whitespace().any(|w| w == key) || t.split(['-', ' ']).any(|w| w == key))
        .max_by_key(|t| t.len())
        .unwrap_or(name)
        .to_string()
}

/// The person most recently introduced with a compatible role noun before
/// token `i`: *Finanzminister Olaf Scholz* or *Olaf Scholz, der
/// Finanzminister* for *der Bundesfinanzminister* (one role word ends with
/// the other).
pub(super) fn person_with_role(view: &View, role: &str, i: usize) -> Option<String> {
    let compatible = |w: &str| w.len() > 3 && (w.ends_with(role) || role.ends_with(w));
    let person_at = |j: usize| {
        view.toks
            .get(j)
            .and_then(|t| t.entity)
            .map(|e| &view.ents[e])
            .filter(|e| e.label == EntityType::Per && e.form.is_none())
    };
    (0..i).rev().find_map(|j| {
        if !compatible(&view.toks[j].lower) {
            return None;
        }
        // *Finanzminister Olaf Scholz*, *Finanzminister der SPD, Olaf Scholz*
        let after = (j + 1..(j + 4).min(i))
            .find_map(person_at)
            .filter(|e| e.first <= j + 3);
        // *Olaf Scholz, der Finanzminister*
        let before = j
            .checked_sub(3)
            .and_then(|k| (k..j).rev().find_map(person_at))
            .filter(|e| e.end + 2 >= j);
        after
            .or(before)
            .map(|e| fullest_person(view, &view.text[e.span.range()]))
    })
}

/// The person named last before token `i`, within three sentences, whose
/// name `fits`.
pub(super) fn nearest_person_before(
    view: &View,
    i: usize,
    fits: &dyn Fn(&str) -> bool,
) -> Option<String> {
    nearest_person_mention(view, i, fits).map(|(name, _)| name)
}

/// [`nearest_person_before`] with the end token of the mention.
pub(super) fn nearest_person_mention(
    view: &View,
    i: usize,
    fits: &dyn Fn(&str) -> bool,
) -> Option<(String, usize)> {
    let sent = view.toks[i].sent;
    view.ents
        .iter()
        .rev()
        .filter(|e| e.end <= i && e.label == EntityType::Per && e.form.is_none())
        .take_while(|e| view.toks[e.first].sent + 3 >= sent)
        .map(|e| (fullest_person(view, &view.text[e.span.range()]), e.end))
        .find(|(name, _)| fits(name))
}

/// What the third-person pronoun at `i` agrees with. *sie* (feminine and
/// plural) is plural
/// when the finite verb next to it is (*sagten sie*, *sie erklärten*).
pub(super) fn pronoun_agreement(ctx: &Ctx, i: usize) -> Option<Agreement> {
    let view = ctx.view;
    let agreement = ctx
        .lex
        .pronoun_agreement
        .get(&view.toks[i].lower)
        .copied()?;
    let plural_verb = |j: usize| {
        view.toks.get(j).is_some_and(|t| {
            t.lower.ends_with("en")
                && (ctx.lex.is_cue(&t.lower) || ctx.lex.class(&t.lower) == Some("aux"))
        })
    };
    let plural = ctx.lex.grammar.feminine_pronoun_also_plural
        && agreement == Agreement::Feminine
        && (i.checked_sub(1).is_some_and(plural_verb) || plural_verb(i + 1));
    Some(if plural { Agreement::Plural } else { agreement })
}

/// Whether a speaker's name can be what a pronoun of `agreement` refers to:
/// a given name of the other gender cannot, nor any known given name for a
/// plural pronoun; names of unknown gender (and organisations) can.
pub(super) fn fits_agreement(name: &str, agreement: Option<Agreement>) -> bool {
    let Some(agreement) = agreement else {
        return true;
    };
    match name.split_whitespace().next().and_then(given_name_gender) {
        None => true,
        Some(gender) => agreement == gender,
    }
}
