//! Indirect speech: the complement a cue verb takes (*dass*/*ob* clauses,
//! Konjunktiv and main clauses, zu-infinitives, clauses with no
//! complementizer), speech-act and belief nouns with their complement, and
//! unframed Konjunktiv continuations of a report.

use super::{trim, Complement, Ctx, Found, Frame};
use crate::chunk::chunks;
use crate::lexicon::{sets, CueRole};
use newsgraph_doc::QuoteKind;

impl Ctx<'_, '_> {
    /// `CUE …, dass …` / `CUE …, der Besuch sei …` / `CUE …: „…“`.
    pub(super) fn complement_after(
        &self,
        i: usize,
        a: usize,
        b: usize,
        role: CueRole,
    ) -> Option<(Complement, Frame)> {
        let mut k = i + 1;
        // `announced on Wednesday that …`, `added, however, that …`: with no
        // comma before a complement clause, a short adverbial may stand
        // between the cue and *that*.
        if !self.lex.grammar.subordinate_clause_commas {
            let that =
                (k..(k + 5).min(b)).find(|&j| self.lex.is_complementizer(&self.tok(j).lower));
            let adverbial = |j: usize| {
                let t = self.tok(j);
                t.text == ","
                    || matches!(self.lex.class(&t.lower), Some("adv" | "prep" | "det"))
                    || t.kind == newsgraph_doc::TokenKind::Number
                    || (t.is_capitalised() && self.view.toks[j].entity.is_none())
            };
            if let Some(j) = that.filter(|&j| j > k && (k..j).all(adverbial)) {
                k = j;
            }
        }
        // English and colloquial German: `said that …` with no comma.
        if k < b && self.lex.is_complementizer(&self.tok(k).lower) {
            let (c0, c1) = trim(self.view, k, self.semicolon_or(k, b));
            let frame = self.frame_for(i, a, i + 1, role, false);
            return (c1 > c0 + 1).then_some((Complement::Clause(c0, c1), frame));
        }
        while k < b && !(self.in_pair[k].is_none() && matches!(self.tok(k).text, "," | ":")) {
            if self.tok(k).is_terminal() || self.in_pair[k].is_some() && self.tok(k).text != "," {
                // A short name in quotation marks after a determiner or
                // preposition (*sagte der „Berliner Zeitung“, dass …*, *sagte
                // zum „Algemeen Dagblad“, …*) is the addressee.
                if let Some(p) = self.in_pair[k].filter(|&p| self.pairs[p].open == k) {
                    let pair = self.pairs[p];
                    let named_object = k > i + 1
                        && matches!(self.lex.class(&self.tok(k - 1).lower), Some("det" | "prep"))
                        && pair.close <= pair.open + 5
                        && self.tok(pair.open + 1).is_capitalised();
                    if named_object {
                        k = pair.close + 1;
                        continue;
                    }
                }
                // A quote opening right after the cue: `sagte „…“`.
                if let Some(p) = self.in_pair[k].filter(|&p| self.pairs[p].open == k) {
                    let frame = self.frame_for(i, a, k, role, false);
                    return Some((Complement::Direct(p), frame));
                }
                if self.tok(k).is_terminal() {
                    break;
                }
            }
            // *… sagen; menschlich betrachtet, gewinnt man …*: a semicolon
            // ends the cue's clause.
            if self.tok(k).text == ";" && self.in_pair[k].is_none() {
                break;
            }
            k += 1;
        }
        if k >= b || !matches!(self.tok(k).text, "," | ":") {
            return self.bare_complement(i, a, b, role);
        }
        let c = k + 1;
        if c >= b {
            return None;
        }
        let frame = self.frame_for(i, a, k, role, false);
        if let Some(p) = self.in_pair[c].filter(|&p| self.pairs[p].open == c) {
            return Some((Complement::Direct(p), frame));
        }
        // A quotation mark that opens a quote never closed here: the
        // complement is a quote we cannot delimit, not an indirect clause.
        if matches!(self.tok(c).text, "„" | "»" | "«" | "\"" | "“" | "‚") {
            return None;
        }
        let (c0, c1) = trim(self.view, c, self.semicolon_or(c, b));
        if c1 <= c0 + 1 {
            return None;
        }
        let clause_end = (c..b)
            .find(|&j| self.in_pair[j].is_none() && self.tok(j).text == ",")
            .unwrap_or(b);
        // `sagte Olli Rehn, EU-Kommissar: „…“`: the colon frames a quote.
        let colon_quote = (c..b).find_map(|j| {
            (self.in_pair[j].is_none() && self.tok(j).text == ":")
                .then(|| self.in_pair.get(j + 1).copied().flatten())
                .flatten()
                .filter(|&p| self.pairs[p].open == j + 1)
        });
        if let Some(p) = colon_quote {
            return Some((Complement::Direct(p), frame));
        }
        // `sagte Mark O’Keefe, der Sprecher der Airline.`: an apposition to
        // the speaker, not a complement.
        let apposition_end = trim(self.view, c, clause_end).1;
        let apposition = chunks(self.view, self.lex, c, clause_end)
            .first()
            .is_some_and(|ch| {
                // *der Chefredakteur der „New York Times“*, *der Sprecher
                // der so genannten „EVAC-Ambulanz“*: a name in marks may
                // close it, after adverbs and adjectives.
                let mut name_at = ch.end;
                while name_at < apposition_end && {
                    let t = self.tok(name_at);
                    self.lex.class(&t.lower) == Some("adv")
                        || (t.is_word()
                            && !t.is_capitalised()
                            && self.lex.has_adjective_ending(&t.lower))
                } {
                    name_at += 1;
                }
                let closed_by_name = self
                    .quoted_name(name_at)
                    .is_some_and(|q| q.end == apposition_end);
                ch.start == c && (apposition_end == ch.end || closed_by_name)
            });
        if (apposition || self.only_noun_phrases(c, c1)) && self.tok(k).text == "," {
            return None;
        }
        // *said John Smith, a senior analyst at Capital Economics*: an
        // apposition to a speaker named after the cue, told by its article
        // where lower-case nouns defeat [`Self::only_noun_phrases`].
        if !self.lex.grammar.nouns_capitalised && self.tok(k).text == "," && k > i + 1 {
            let cs = chunks(self.view, self.lex, c, c1);
            let described = cs.first().is_some_and(|f| {
                f.start == c && f.prep.is_none() && self.lex.is(sets::ARTICLE, &self.tok(c).lower)
            }) && cs
                .windows(2)
                .all(|w| w[1].start == w[0].end + 1 || w[1].prep.is_some())
                && cs.last().is_some_and(|l| l.end == c1);
            if described {
                return None;
            }
        }
        let first = &self.tok(c).lower;
        let subord = self.lex.is_complementizer(first);
        let konj = (c..clause_end).any(|j| {
            self.in_pair[j].is_none()
                && self
                    .mood(j)
                    .is_some_and(|m| m == 1 || role != CueRole::Belief)
        });
        // `…, den Bären einzufangen`: a zu-infinitive clause.
        let infinitive = !matches!(role, CueRole::Confirm | CueRole::Deny)
            && ((c..c1).any(|j| self.lex.is(sets::INFINITIVE_MARKER, &self.tok(j).lower))
                || is_particle_zu_infinitive(&self.tok(c1 - 1).lower))
            && self.tok(c1 - 1).lower.ends_with('n');
        // *He said: the plan …*: where a colon does not open direct speech,
        // it opens a reported clause.
        let colon_clause = !self.lex.grammar.colon_opens_direct_speech && self.tok(k).text == ":";
        // `sagte, Satellitenbilder zeigten …`: a main clause right after a
        // speech verb is reported even in the indicative.
        let main_clause = self.tok(k).text == ","
            && !matches!(role, CueRole::Confirm | CueRole::Deny)
            && {
                let t = self.tok(c);
                (t.is_capitalised()
                    && self
                        .lex
                        .class(&t.lower)
                        .is_none_or(|c| c == "det" || c == "pron"))
                    || matches!(self.lex.class(&t.lower), Some("det" | "pron"))
            }
            && !self.opens_relative_clause(c);
        // *Wer bekennt, dass er nichts tun könne, verrät …*: a finite verb
        // in the indicative right after a comma resumes the main clause.
        let c1 = if subord && self.lex.grammar.subordinate_clause_commas {
            (c0 + 1..c1)
                .find(|&j| {
                    self.in_pair[j].is_none()
                        && self.tok(j).text == ","
                        && self.view.toks.get(j + 1).is_some_and(|t| {
                            self.lex.class(&t.lower) == Some("aux") && self.mood(j + 1).is_none()
                        })
                })
                .unwrap_or(c1)
        } else {
            c1
        };
        // *Er sagt: Wir haben Beobachterstatus.*: a plain report verb with
        // its source, a colon and a sentence in the speaker's own voice.
        // *ich komme* is indicative: a Konjunktiv I form next to *ich* or
        // *du* does not make the clause reported.
        let first_person = |j: usize| {
            self.view
                .toks
                .get(j)
                .is_some_and(|t| self.lex.is(sets::KONJUNKTIV_LOOKALIKE_SUBJECT, &t.lower))
        };
        let reported_mood = (c..clause_end).any(|j| {
            self.in_pair[j].is_none()
                && self.mood(j).is_some()
                && !(first_person(j + 1) || (j > 0 && first_person(j - 1)))
        });
        if self.tok(k).text == ":"
            && !reported_mood
            && self.lex.grammar.colon_opens_direct_speech
            && role == CueRole::Neutral
            && frame.speaker.is_some()
        {
            if self.opens_block(c) && self.announces_passage(a, c, &frame) {
                let end = trim(self.view, c0, self.block_end(c)).1;
                return Some((Complement::Unmarked(c0, end), frame));
            }
            if self.in_own_voice(c, c1) {
                return Some((Complement::Unmarked(c0, c1), frame));
            }
        }
        (subord || konj || infinitive || colon_clause || main_clause)
            .then_some((Complement::Clause(c0, c1), frame))
    }

    /// Where a complement clause starting at `from` ends in a sentence
    /// ending at `b`: at the first semicolon outside quotations after which
    /// no clause is in Konjunktiv (*sagte, dass …; die Kammer …*), else `b`.
    pub(super) fn semicolon_or(&self, from: usize, b: usize) -> usize {
        let semicolon = |j: usize| self.in_pair[j].is_none() && self.tok(j).text == ";";
        let semicolons: Vec<usize> = (from..b).filter(|&j| semicolon(j)).collect();
        semicolons
            .iter()
            .copied()
            .find(|&j| !(j + 1..b).any(|k| self.in_pair[k].is_none() && self.mood(k).is_some()))
            .unwrap_or(b)
    }

    /// Whether tokens `from..to` are only noun phrases, each right after
    /// the last, with prepositional attachments, commas between and quoted
    /// names (*Bill Keller, der Chefredakteur der „New York Times“*): a
    /// subject with its apposition, not a clause.
    ///
    /// Only where nouns are capitalised: lower-case nouns would let a verb
    /// pass for part of a phrase (*Prices rose, the agency said*).
    pub(super) fn only_noun_phrases(&self, from: usize, to: usize) -> bool {
        if !self.lex.grammar.nouns_capitalised {
            return false;
        }
        let mut at = from;
        while at < to {
            if self.tok(at).text == "," && self.in_pair[at].is_none() && at > from {
                at += 1;
                continue;
            }
            // *„Spiegel“*, *der „New York Times“*
            let det = usize::from(self.lex.class(&self.tok(at).lower) == Some("det"));
            if let Some(q) = self.quoted_name(at + det) {
                at = q.end;
                continue;
            }
            let next = chunks(self.view, self.lex, at, to).into_iter().next();
            // A lower-case word right after a phrase is a verb (*Helmand
            // trafen US-Truppen*), not an adjective opening the next phrase.
            let after_comma = at == from || self.tok(at - 1).text == ",";
            match next {
                Some(c)
                    if c.prep.unwrap_or(c.start) == at
                        && c.end > at
                        && (after_comma
                            || c.prep.is_some()
                            || self.tok(c.start).is_capitalised()
                            || self.lex.class(&self.tok(c.start).lower) == Some("det")) =>
                {
                    at = c.end
                }
                _ => return false,
            }
        }
        at == to && to > from
    }

    /// `, der …` / `, die …` followed by a verb-final clause: a relative
    /// clause, not reported speech. Told apart by the clause ending in a
    /// finite verb before the next comma (approximated: the word before the
    /// comma or sentence end is lower case and not an adjective).
    pub(super) fn opens_relative_clause(&self, c: usize) -> bool {
        let t = self.tok(c);
        if !matches!(
            t.lower.as_str(),
            "der" | "die" | "das" | "dem" | "den" | "deren" | "dessen" | "which" | "who"
        ) {
            return false;
        }
        // A determiner followed by a noun starts a main clause (*die Lage ist …*).
        !self
            .view
            .toks
            .get(c + 1)
            .is_some_and(|n| n.is_capitalised())
    }

    /// `X said the plan was …` (no comma, no *that*), where the language
    /// allows it.
    pub(super) fn bare_complement(
        &self,
        i: usize,
        a: usize,
        b: usize,
        role: CueRole,
    ) -> Option<(Complement, Frame)> {
        if !self.lex.grammar.bare_complement || role == CueRole::Belief || i + 1 >= b {
            return None;
        }
        let next = self.tok(i + 1);
        // *told reporters …*, *urged both sides to …*: the object is an
        // addressee, not the message; a clause after it (*told colleagues
        // he would resign*) is.
        let takes_addressee = self.lex.class(&self.tok(i).lower) == Some("objcue");
        let mut from = i + 1;
        if takes_addressee {
            // A phrase, or a bare plural (*told colleagues*).
            let bare = next.is_word() && self.lex.class(&next.lower).is_none();
            let addressee_end = chunks(self.view, self.lex, i + 1, b)
                .into_iter()
                .next()
                .filter(|c| c.start == i + 1 && c.prep.is_none())
                .map(|c| c.end)
                .or(bare.then_some(i + 2))?;
            let opens_clause = self.view.toks.get(addressee_end).is_some_and(|t| {
                matches!(self.lex.class(&t.lower), Some("pron" | "det"))
                    && !self.lex.is(sets::NOT_CLAUSE_OPENER, &t.lower)
            });
            if !opens_clause || addressee_end >= b {
                return None;
            }
            from = addressee_end;
        }
        if !next.is_word() || self.lex.class(&next.lower) == Some("prep") {
            return None;
        }
        let before = chunks(self.view, self.lex, a, i);
        let subject_adjacent = before
            .last()
            .is_some_and(|c| c.end == i && c.prep.is_none());
        let (c0, c1) = trim(self.view, from, b);
        (subject_adjacent && c1 >= c0 + 3).then(|| {
            let frame = self.frame_for(i, a, i + 1, role, false);
            (Complement::Clause(c0, c1), frame)
        })
    }

    /// `die Forderung des Vorsitzenden, auf die SPD zuzugehen`: a
    /// speech-act noun and its zu-infinitive; the genitive is the speaker.
    pub(super) fn speech_noun(&self, a: usize, b: usize) -> Option<(usize, usize, Frame)> {
        if let Some(found) = self.belief_noun(a, b) {
            return Some(found);
        }
        for n in a..b {
            let t = self.tok(n);
            if self.in_pair[n].is_some()
                || !t.is_capitalised()
                || !self.lex.is_speech_noun(&t.lower)
            {
                continue;
            }
            let comma = (n + 1..b.min(n + 8)).find(|&j| self.tok(j).text == ",")?;
            if (n + 1..comma).any(|j| self.in_pair[j].is_some() || self.tok(j).is_terminal()) {
                continue;
            }
            let end = (comma + 1..b)
                .find(|&j| {
                    self.in_pair[j].is_none()
                        && (self.tok(j).text == "," || self.tok(j).is_terminal())
                })
                .unwrap_or(b);
            let (c0, c1) = trim(self.view, comma + 1, end);
            let infinitive = c1 > c0 + 1
                && (c0..c1).any(|j| {
                    let lower = &self.tok(j).lower;
                    self.lex.is(sets::INFINITIVE_MARKER, lower) || lower.contains("zu")
                })
                && self.tok(c1 - 1).lower.ends_with('n')
                && !self.tok(c1 - 1).is_capitalised();
            if !infinitive {
                continue;
            }
            let speaker = chunks(self.view, self.lex, n + 1, comma)
                .into_iter()
                .find(|c| c.prep.is_none())
                .map(|c| (c.start, c.end));
            return Some((
                c0,
                c1,
                Frame {
                    speaker,
                    conjuncts: Vec::new(),
                    cue: Some((n, n + 1)),
                    role: Some(CueRole::Demand),
                    via: None,
                    unnamed: None,
                },
            ));
        }
        None
    }

    /// *der Meinung, daß …*, *in der Erkenntnis, daß …*: a noun of belief
    /// or expectation whose *dass*-clause is what is believed.
    pub(super) fn belief_noun(&self, a: usize, b: usize) -> Option<(usize, usize, Frame)> {
        for n in a..b {
            let t = self.tok(n);
            if self.in_pair[n].is_some()
                || !t.is_capitalised()
                || !self.lex.is_belief_noun(&t.lower)
            {
                continue;
            }
            let Some(comma) = self
                .view
                .toks
                .get(n + 1)
                .filter(|t| t.text == ",")
                .map(|_| n + 1)
            else {
                continue;
            };
            if !self
                .view
                .toks
                .get(comma + 1)
                .is_some_and(|t| self.lex.is_complementizer(&t.lower))
            {
                continue;
            }
            let (c0, c1) = trim(self.view, comma + 1, self.semicolon_or(comma + 1, b));
            if c1 <= c0 + 2 {
                continue;
            }
            return Some((
                c0,
                c1,
                Frame {
                    cue: Some((n, n + 1)),
                    role: Some(CueRole::Belief),
                    ..Frame::default()
                },
            ));
        }
        None
    }

    /// A sentence in Konjunktiv I with no frame: reported speech continued.
    /// Konjunktiv II continues a report only right after one, and not in a
    /// conditional (*wenn*, *falls*), where it is the mood of the condition.
    pub(super) fn konjunktiv_continuation(&self, a: usize, b: usize, after_report: bool) -> bool {
        // *ich habe*, *halte ich*: first and second person share the form.
        let first_person = |j: usize| {
            self.view
                .toks
                .get(j)
                .is_some_and(|t| self.lex.is(sets::KONJUNKTIV_LOOKALIKE_SUBJECT, &t.lower))
        };
        // *man nehme*, *man rechne nach*: an instruction, not a report
        // (only for the generated forms; *man habe* reports).
        let hortative = |j: usize| {
            !self.lex.konjunktiv.contains_key(&self.tok(j).lower)
                && ((j > 0 && self.lex.is(sets::HORTATIVE_SUBJECT, &self.tok(j - 1).lower))
                    || self
                        .view
                        .toks
                        .get(j + 1)
                        .is_some_and(|t| self.lex.is(sets::HORTATIVE_SUBJECT, &t.lower)))
        };
        let mood = |j: usize| -> Option<u8> {
            let mood = self.mood(j)?;
            let speaker_form =
                (j > 0 && first_person(j - 1)) || first_person(j + 1) || hortative(j);
            let reports = self.in_pair[j].is_none()
                && !speaker_form
                && self.reporting_position(j, a)
                && !self.unreported_konjunktiv(j, a);
            reports.then_some(mood)
        };
        if (a..b).any(|j| mood(j) == Some(1)) {
            return true;
        }
        after_report
            && (a..b).all(|j| self.in_pair[j].is_none())
            && (a..b).any(|j| mood(j) == Some(2))
            && !(a..b).any(|j| self.lex.conditionals.contains(&self.tok(j).lower))
            // *Hätte er …, so wäre …*: a verb-first clause is a condition.
            && self.mood(a) != Some(2)
    }

    /// *A; B sei C; D*: semicolons part a sentence into clauses of their
    /// own. When some of the clauses of `a..b` have no Konjunktiv, the
    /// report is the span from the first clause with one to the last.
    pub(super) fn konjunktiv_semicolon_clauses(
        &self,
        a: usize,
        b: usize,
    ) -> Option<(usize, usize)> {
        let semicolon = |j: usize| self.in_pair[j].is_none() && self.tok(j).text == ";";
        let konjunktiv = |j: usize| self.in_pair[j].is_none() && self.mood(j).is_some();
        let first = (a..b).find(|&j| konjunktiv(j))?;
        let last = (a..b).rev().find(|&j| konjunktiv(j))?;
        let start = (a..first)
            .rev()
            .find(|&j| semicolon(j))
            .map_or(a, |j| j + 1);
        let end = (last..b).find(|&j| semicolon(j)).unwrap_or(b);
        let (s0, s1) = trim(self.view, start, end);
        ((s0, s1) != (a, b) && s1 > s0 + 1).then_some((s0, s1))
    }

    /// When every Konjunktiv I of sentence `a..b` stands in a *dass*/*ob*
    /// clause (*Die Leute merkten, dass er nicht gewillt sei*), the report
    /// is that clause: the index of its *dass*.
    pub(super) fn konjunktiv_only_in_dass_clause(&self, a: usize, b: usize) -> Option<usize> {
        let boundary = |k: usize| {
            self.in_pair[k].is_none() && matches!(self.tok(k).text, "," | ";" | ":" | "–" | "—")
        };
        let mut first_clause = None;
        for j in a..b {
            if self.in_pair[j].is_some() || self.mood(j) != Some(1) {
                continue;
            }
            let start = (a..j).rev().find(|&k| boundary(k)).map_or(a, |k| k + 1);
            let lead = (start..j).find(|&k| self.lex.class(&self.tok(k).lower) != Some("coord"))?;
            if !self.lex.is_complementizer(&self.tok(lead).lower) {
                return None;
            }
            first_clause.get_or_insert(lead);
        }
        first_clause
    }

    /// When the first Konjunktiv I clause of sentence `a..b` follows a
    /// comma after a content noun (*die Hoffnung, sein Leben werde …*) or
    /// after the participle of a perfect (*hat angeregt, Sarkozy solle …*),
    /// the report is that clause onwards: its first token.
    pub(super) fn konjunktiv_clause_after_frame(&self, a: usize, b: usize) -> Option<usize> {
        let boundary = |k: usize| {
            self.in_pair[k].is_none() && matches!(self.tok(k).text, "," | ";" | "–" | "—")
        };
        let konj = (a..b).find(|&j| self.in_pair[j].is_none() && self.mood(j) == Some(1))?;
        let comma = (a..konj).rev().find(|&k| boundary(k))?;
        let before = self.tok(comma.checked_sub(1)?);
        let content_noun = before.is_capitalised() && self.lex.is_content_noun(&before.lower);
        let perfect = !before.is_capitalised()
            && self.lex.class(&before.lower).is_none()
            // *gesagt*, *angeregt*, *vorgeschlagen*, *kritisiert*
            && (before.lower.get(..5).is_some_and(|head| head.contains("ge"))
                || before.lower.ends_with("iert"))
            && (before.lower.ends_with('t') || before.lower.ends_with("en"))
            && (a..comma).any(|k| self.lex.class(&self.tok(k).lower) == Some("aux"));
        (content_noun || perfect).then_some(comma + 1)
    }

    /// Whether a Konjunktiv form at `j` (sentence from `a`) can carry a
    /// report: not first in its sentence (*Möge er …*, *Sei es drum*,
    /// *Doch sei ihm das nicht nachgetragen*: wishes). After a comma a
    /// verb-first Konjunktiv is the next main clause of a report (*…, sei
    /// aber …*). Limiting reports to main clauses (not after *dass*, *weil*)
    /// was tried: news indirect −0.007 on train.
    pub(super) fn reporting_position(&self, j: usize, a: usize) -> bool {
        let (start, first) = self.clause_opener(j, a);
        first != j || start != a
    }

    /// The clause of token `j` in a sentence starting at `a`: its first
    /// token and its first token after coordinating conjunctions.
    pub(super) fn clause_opener(&self, j: usize, a: usize) -> (usize, usize) {
        let boundary = |k: usize| {
            self.in_pair[k].is_none()
                && matches!(self.tok(k).text, "," | ";" | ":" | "(" | "–" | "—")
        };
        let start = (a..j).rev().find(|&k| boundary(k)).map_or(a, |k| k + 1);
        let mut first = start;
        while first < j && self.lex.class(&self.tok(first).lower) == Some("coord") {
            first += 1;
        }
        (start, first)
    }

    /// Whether tokens `from..verb` are one subject noun phrase (with its
    /// attached phrases) and `verb` follows it: a verb-second main clause.
    pub(super) fn subject_then_verb(&self, from: usize, verb: usize) -> bool {
        let cs = chunks(self.view, self.lex, from, verb);
        let Some(head) = cs.first() else {
            return false;
        };
        head.start == from
            && head.prep.is_none()
            && !head.oblique
            && cs
                .windows(2)
                .all(|w| w[1].start == w[0].end && w[1].prep.is_some())
            && cs.last().is_some_and(|c| c.end == verb)
    }

    /// Whether the Konjunktiv at `j` compares or makes an idiom rather
    /// than reports (*als sei er krank*, *es sei denn*).
    pub(super) fn unreported_konjunktiv(&self, j: usize, a: usize) -> bool {
        let (_, first) = self.clause_opener(j, a);
        let opener = &self.tok(first).lower;
        self.lex.unreported_openers.iter().any(|o| o == opener)
            || self.view.toks.get(j + 1).is_some_and(|t| {
                self.lex
                    .unreported_after
                    .iter()
                    .any(|(verb, next)| *verb == self.tok(j).lower && *next == t.lower)
            })
            || self.jussive(j)
    }

    /// *Hier sei bemerkt, dass …*, *Das Buch sei allen empfohlen*: *sei*
    /// with a participle of saying or recommending at the end of its
    /// clause is the writer's own request, not a report (*sei gesagt
    /// worden* reports).
    pub(super) fn jussive(&self, j: usize) -> bool {
        if !self.lex.jussive_verbs.contains(&self.tok(j).lower) {
            return false;
        }
        let end = (j + 1..self.view.toks.len())
            .find(|&k| {
                let t = self.tok(k);
                t.is_terminal() || matches!(t.text, "," | ";" | ":")
            })
            .unwrap_or(self.view.toks.len());
        end > j + 1
            && self
                .lex
                .jussive_participles
                .contains(&self.tok(end - 1).lower)
    }

    pub(super) fn indirect(
        &self,
        c0: usize,
        c1: usize,
        frame: Frame,
        sentence: usize,
        absorbed: &mut [bool],
    ) -> Found {
        let mut kind = QuoteKind::Indirect;
        let mut c0 = c0;
        let mut c1 = c1;
        for (pi, p) in self.pairs.iter().enumerate() {
            let inside = p.open >= c0 && p.close < c1;
            let straddles = p.open < c1 && p.close >= c1 && p.open >= c0;
            if (inside || straddles) && !self.is_attributive(pi) {
                absorbed[pi] = true;
                kind = QuoteKind::Mixed;
                if straddles {
                    c1 = p.close;
                }
            }
            if p.open + 1 == c0 && p.close >= c1 {
                c0 = p.open + 1;
                absorbed[pi] = true;
            }
        }
        Found::framed(kind, (c0, c1), frame, sentence)
    }
}

/// *zurückzutreten*, *einzufangen*: a separable verb's zu-infinitive, the
/// *zu* between particle and stem.
pub(super) fn is_particle_zu_infinitive(word: &str) -> bool {
    word.ends_with("en")
        && word
            .char_indices()
            .skip(2)
            .any(|(i, _)| word[i..].starts_with("zu") && word[i + 2..].chars().count() >= 4)
}
