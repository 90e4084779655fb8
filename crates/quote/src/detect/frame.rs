//! The frame around a report: cue verbs (with their separable particle),
//! frames after the report (*…, sagte Peskow*, *…, so Rice*), *wie*-frames,
//! anaphoric frames (*Das bestätigte …*), source markers (*laut NHK*,
//! *NHK zufolge*, *Berichten zufolge*, *wonach*) and citations (*S zitierte
//! O*).

use super::{trim, Citation, Complement, Ctx, Frame};
use crate::chunk::{chunks, Chunk};
use crate::lexicon::{sets, CueRole, MarkerKind, PronounPerson};

impl Ctx<'_, '_> {
    /// The cue role of token `i` if it is a cue verb here (its separable
    /// particle, if it needs one, follows in the clause).
    pub(super) fn cue_at(&self, i: usize, b: usize) -> Option<CueRole> {
        let t = self.tok(i);
        // Capitalised, a cue form is a noun (*Berichten zufolge*, *Angaben*).
        if !t.is_word() || t.is_capitalised() {
            return None;
        }
        let forms = self.lex.cue(&t.lower)?;
        let clause_end = (i + 1..b)
            .find(|&j| self.in_pair[j].is_none() && matches!(self.tok(j).text, "," | ":" | ";"))
            .unwrap_or(b);
        // `heißt`/`hieß` report only impersonally (*hieß es*).
        if self.lex.is(sets::IMPERSONAL_CUE, &t.lower) {
            let es = |j: usize| {
                self.view
                    .toks
                    .get(j)
                    .is_some_and(|t| self.lex.expletives.contains(&t.lower))
            };
            if !(es(i + 1) || (i > 0 && es(i - 1))) {
                return None;
            }
        }
        // *teilte der Direktor der Behörde, Bagus Puruhito, mit.*: an
        // apposition can separate the particle from its verb at the end.
        let last_word = (i + 1..b).rev().find(|&j| self.tok(j).is_word());
        forms.iter().find_map(|f| match &f.particle {
            None => Some(f.role),
            Some(p) => ((i + 1..clause_end).any(|j| &self.tok(j).lower == p)
                || last_word.is_some_and(|j| &self.tok(j).lower == p && self.in_pair[j].is_none()))
            .then_some(f.role),
        })
    }

    /// `Der Iran müsse … beenden, so Rice.`: the sentence closes with
    /// `so` and the speaker.
    pub(super) fn so_frame(&self, a: usize, b: usize) -> Option<(usize, usize, Frame)> {
        let (_, end) = trim(self.view, a, b);
        let comma = (a..end).rev().find(|&j| {
            self.in_pair[j].is_none()
                && self.tok(j).text == ","
                && j + 2 < end
                && self.lex.is(sets::SO_FRAME, &self.tok(j + 1).lower)
        })?;
        let c = chunks(self.view, self.lex, comma + 2, end)
            .into_iter()
            .next()?;
        let adverb = |j: usize| self.lex.class(&self.tok(j).lower) == Some("adv");
        // `…, so Ursula Castrup, die Leiterin der Fachstelle.`: an apposition
        // to the speaker may close the sentence.
        // It is noun phrases up to the end, each right after the last (*die
        // Leiterin der Fachstelle für Suchtprävention*).
        let apposition_from = |j: usize| {
            if self.tok(j).text != "," {
                return false;
            }
            let mut reached = j + 1;
            for (k, ch) in chunks(self.view, self.lex, j + 1, end).iter().enumerate() {
                let from = ch.prep.unwrap_or(ch.start);
                if from != reached || (k == 0 && ch.prep.is_some()) {
                    break;
                }
                reached = ch.end;
            }
            reached == end && reached > j + 1
        };
        if c.start != comma + 2 || c.prep.is_some() {
            return None;
        }
        // *so Karl Harb von den Salzburger Nachrichten*, *so das Ergebnis
        // einer Studie*: phrases right after the speaker belong to it.
        let mut speaker_end = c.end;
        for next in chunks(self.view, self.lex, c.end, end) {
            if next.prep.unwrap_or(next.start) != speaker_end {
                break;
            }
            speaker_end = next.end;
        }
        let rest = (speaker_end..end).find(|&j| !adverb(j));
        let (c0, c1) = match rest {
            None => trim(self.view, a, comma),
            Some(j) if apposition_from(j) => trim(self.view, a, comma),
            // *Der Präsident sei, so Gamkrelidse, schuld daran*: a frame
            // inside the sentence; the report is the whole sentence. Not
            // around quotations (*„…“, so X, wird …„…“*: they are direct),
            // and only with a Konjunktiv or a short first part, as *so*
            // also lists examples (*gratulierten Obama, so Berlusconi, …*).
            Some(j)
                if self.tok(j).text == ","
                    && j + 2 < end
                    && comma > a + 1
                    && (a..end).all(|k| self.in_pair[k].is_none())
                    && (comma <= a + 6 || (a..end).any(|k| self.mood(k).is_some())) =>
            {
                trim(self.view, a, end)
            }
            Some(_) => return None,
        };
        // `„…“, so Kim.` is a direct quote's frame, found with the quote.
        if self.in_pair[c0].is_some() && self.in_pair[c0] == self.in_pair[c1 - 1] {
            return None;
        }
        (c1 > c0 + 1).then_some((
            c0,
            c1,
            Frame {
                speaker: Some((c.start, speaker_end)),
                conjuncts: Vec::new(),
                cue: Some((comma + 1, comma + 2)),
                role: Some(CueRole::Neutral),
                via: None,
                unnamed: None,
            },
        ))
    }

    /// `S zitierte O` with no reported clause: S cites O.
    pub(super) fn citation(&self, i: usize, a: usize, b: usize) -> Option<Citation> {
        let t = self.tok(i);
        if !self.lex.is(sets::CITING_CUE, &t.lower) {
            return None;
        }
        let frame = self.frame_for(i, a, i, CueRole::Neutral, false);
        let subject = frame.speaker?;
        let object = chunks(self.view, self.lex, i + 1, b)
            .into_iter()
            .find(|c| c.prep.is_none() && !c.pronoun)?;
        (object.start == i + 1).then_some(Citation {
            subject,
            source: None,
            cited: (object.start, object.end),
            sentence: t.sent,
        })
    }

    /// `Der Besuch sei in Vorbereitung, sagte Peskow.` and `„…“, sagte Kim.`
    pub(super) fn frame_after(
        &self,
        i: usize,
        a: usize,
        b: usize,
        role: CueRole,
    ) -> Option<(Complement, Frame)> {
        // *The company denied it, saying they were baseless*: a present
        // participle after a comma reports what follows it, and the
        // sentence's subject is the speaker.
        let participle = &self.lex.grammar.reporting_participle_ending;
        if !participle.is_empty()
            && i > a
            && self.tok(i - 1).text == ","
            && self.tok(i).lower.ends_with(participle.as_str())
        {
            let (c0, c1) = trim(self.view, i + 1, b);
            let frame = self.frame_for(i, a, i - 1, role, false);
            return (c1 > c0 + 1).then_some((Complement::Clause(c0, c1), frame));
        }
        // The cue follows a comma (possibly with an auxiliary or pronoun between).
        let comma = (a..i)
            .rev()
            .take(if self.lex.grammar.subject_before_verb {
                6
            } else {
                3
            })
            .find(|&j| self.tok(j).text == "," && self.in_pair[j].is_none())?;
        // Only an auxiliary, a pronoun or *so* may stand between (*…, hatte
        // er gesagt*); *…, während Yonhap sagte* is a clause of its own.
        // Where the subject precedes the verb, the speaker stands there
        // too: *…, the union said.*
        let subject_first = self.lex.grammar.subject_before_verb
            && comma + 1 < i
            && (comma + 1..i)
                .all(|j| self.tok(j).is_word() || matches!(self.tok(j).text, "'" | "’"))
            && {
                let first = self.tok(comma + 1);
                first.is_capitalised() || self.lex.class(&first.lower) == Some("det")
            };
        let between_ok = subject_first
            || (comma + 1..i).all(|j| {
                matches!(
                    self.tok(j).lower.as_str(),
                    "so" | "hatte"
                        | "hat"
                        | "hätte"
                        | "habe"
                        | "er"
                        | "sie"
                        | "es"
                        | "he"
                        | "she"
                        | "they"
                        | "had"
                        | "has"
                )
            });
        if comma == a || !between_ok {
            return None;
        }
        // The frame clause takes no complement of its own (*…, sagte er, dass …*).
        if (i + 1..b).any(|j| {
            self.tok(j).text == ","
                && self.in_pair[j].is_none()
                && self
                    .view
                    .toks
                    .get(j + 1)
                    .is_some_and(|t| self.lex.is_complementizer(&t.lower))
        }) {
            return None;
        }
        let frame = if subject_first {
            self.frame_for(i, comma + 1, i, role, false)
        } else {
            self.frame_for(i, comma + 1, b, role, true)
        };
        // A quote right before the comma: its frame.
        if let Some(p) = self.in_pair[comma - 1].filter(|&p| self.pairs[p].close == comma - 1) {
            let opens_clause = self.pairs[p].open <= a + 1
                || self.pairs[p].open < a
                || self.tok(self.pairs[p].open - 1).text == ":";
            if opens_clause {
                return Some((Complement::Direct(p), frame));
            }
        }
        // The stretch before the comma must be a clause: not a subordinate
        // clause (*Nachdem …, forderten*), an apposition (*die Fraktionschefin,
        // Renate Künast, sagte*) or a relative clause (*…, der … ist, wies*).
        if self.lex.class(&self.tok(a).lower) == Some("subord") {
            return None;
        }
        let seg = (a..comma)
            .rev()
            .find(|&j| self.in_pair[j].is_none() && matches!(self.tok(j).text, "," | ":"))
            .map_or(a, |j| j + 1);
        let lone_phrase = chunks(self.view, self.lex, seg, comma)
            .first()
            .is_some_and(|c| c.start == seg && c.end == comma);
        let relative = seg > a
            && matches!(
                self.tok(seg).lower.as_str(),
                "der"
                    | "die"
                    | "das"
                    | "dem"
                    | "den"
                    | "deren"
                    | "dessen"
                    | "welche"
                    | "welcher"
                    | "who"
                    | "which"
            )
            && !self
                .view
                .toks
                .get(seg + 1)
                .is_some_and(|t| t.is_capitalised());
        if lone_phrase || relative || self.only_noun_phrases(a, comma) {
            return None;
        }
        let (c0, mut c1) = trim(self.view, a, comma);
        // *Der Präsident sei, sagte er, schuld daran*: a Konjunktiv report
        // going on after the frame is reported too.
        if let Some((_, speaker_end)) = frame.speaker {
            let next_comma = (speaker_end..b.min(speaker_end + 4))
                .find(|&k| self.in_pair[k].is_none() && self.tok(k).text == ",");
            // Not an apposition (*, kanadischer General und Kommandeur*).
            let goes_on = next_comma.is_some_and(|k| {
                let next = self.tok(k + 1);
                let noun_phrase = chunks(self.view, self.lex, k + 1, b)
                    .first()
                    .is_some_and(|c| c.start == k + 1);
                k + 2 < b
                    && next.is_word()
                    && !next.is_capitalised()
                    && self.lex.class(&next.lower).is_none()
                    && !noun_phrase
            });
            let konjunktiv =
                (a..comma).any(|k| self.in_pair[k].is_none() && self.mood(k) == Some(1));
            if goes_on && konjunktiv && (comma..b).all(|k| self.in_pair[k].is_none()) {
                c1 = trim(self.view, a, b).1;
            }
        }
        (c1 > c0 + 1).then_some((Complement::Clause(c0, c1), frame))
    }

    /// `Wie der Bundeswahlleiter mitteilte, lag die Beteiligung …` and
    /// `…, wie ein Sprecher sagte.`
    pub(super) fn wie_frame(
        &self,
        i: usize,
        a: usize,
        b: usize,
        role: CueRole,
    ) -> Option<(usize, usize, Frame)> {
        let start = (a..i)
            .rev()
            .find(|&j| self.in_pair[j].is_none() && self.tok(j).text == ",")
            .map_or(a, |j| j + 1);
        let wie = (start..i).find(|&j| self.lex.is(sets::WIE_FRAME, &self.tok(j).lower))?;
        if wie > start + 1
            || (start == a && wie != a && !self.lex.is(sets::WIE_FRAME_LEAD, &self.tok(a).lower))
        {
            return None;
        }
        let frame = self.frame_for(i, wie + 1, i, role, false);
        // *Wie es hieß, …* names no source; any other wie-clause must.
        if frame.speaker.is_none() && !self.lex.is(sets::IMPERSONAL_CUE, &self.tok(i).lower) {
            return None;
        }
        // The cue (and its particle) closes the wie-clause.
        let close = (i + 1..b.min(i + 3))
            .find(|&j| self.tok(j).text == "," || self.tok(j).is_terminal())?;
        if self.tok(close).text == "," && start == a || start == a + 1 {
            let (c0, c1) = trim(self.view, close + 1, b);
            return (c1 > c0 + 1).then_some((c0, c1, frame));
        }
        if start > a && self.tok(close).is_terminal() {
            let (c0, c1) = trim(self.view, a, start - 1);
            return (c1 > c0 + 1).then_some((c0, c1, frame));
        }
        // *Die Regierung werde, wie der Sprecher mitteilte, das Gesetz
        // ändern*: a wie-clause inside the sentence; it reports the whole.
        // Not when a cue comes earlier: then the wie-clause is a question or
        // comparison inside that report (*sagte, er verstehe nicht, wie …*).
        // The report starts after a semicolon or colon, if any; the part
        // before the wie-clause must be short or in Konjunktiv (*Der Fahrer
        // war zu hören, wie er angegeben hat, er denke, …*: the report is
        // elsewhere). *wie man sagt* is a manner of speaking.
        let cue_before = (a..start).any(|j| self.lex.is_cue(&self.tok(j).lower));
        let from = (a..start)
            .rev()
            .find(|&j| self.in_pair[j].is_none() && matches!(self.tok(j).text, ";" | ":"))
            .map_or(a, |j| j + 1);
        let konjunktiv_before =
            (from..start).any(|j| self.in_pair[j].is_none() && self.mood(j) == Some(1));
        let impersonal = frame.speaker.is_some_and(|(s0, _)| {
            self.lex.pronoun_persons.get(&self.tok(s0).lower) == Some(&PronounPerson::Impersonal)
        });
        if self.lex.grammar.inserted_frame_reports_sentence
            && start > from + 1
            && self.tok(close).text == ","
            && close + 2 < b
            && frame.speaker.is_some()
            && !impersonal
            && !cue_before
            && (start <= from + 6 || konjunktiv_before)
            && (from..b).all(|j| self.in_pair[j].is_none())
        {
            let (c0, c1) = trim(self.view, from, b);
            return Some((c0, c1, frame));
        }
        None
    }

    /// `… Das bestätigte der Parteivorsitzende.`: the previous sentence is
    /// the report.
    pub(super) fn anaphoric_frame(
        &self,
        i: usize,
        a: usize,
        b: usize,
        role: CueRole,
    ) -> Option<(usize, usize, Frame)> {
        if i != a + 1 || !self.lex.is(sets::ANAPHORIC_SUBJECT, &self.tok(a).lower) {
            return None;
        }
        let prev = self.tok(a).sent.checked_sub(1)?;
        let (p0, p1) = self.view.sents[prev];
        if (p0..p1).any(|j| self.in_pair[j].is_some()) {
            return None;
        }
        let frame = self.frame_for(i, i + 1, b, role, true);
        frame.speaker?;
        let (c0, c1) = trim(self.view, p0, p1);
        (c1 > c0 + 2).then_some((c0, c1, frame))
    }

    /// `laut NHK …`, `nach Angaben der Polizei …`, `NHK zufolge …`,
    /// `Berichten zufolge …`, `…, hieß es.`
    pub(super) fn marker(&self, a: usize, b: usize) -> Option<(usize, usize, Frame)> {
        let words = &self.words;
        for m in a..b {
            if self.in_pair[m].is_some() {
                continue;
            }
            let matched = self.lex.markers.match_at(words, m).or_else(|| {
                self.source_noun_marker(m, b)
                    .map(|len| (MarkerKind::Before, len))
            });
            let Some((kind, len)) = matched else {
                continue;
            };
            // *Da heißt es u. a.: „…“*: a marker before a colon and a
            // quotation frames that quotation, not its own sentence.
            if self.frames_colon_quote(m + len, b, kind == MarkerKind::SelfSource) {
                continue;
            }
            let source = chunks(self.view, self.lex, m + len, b)
                .into_iter()
                .next()
                .filter(|c| c.start == m + len && !c.pronoun && c.prep.is_none())
                .or_else(|| self.quoted_name(m + len));
            // `nach ersten Informationen …`: the marker is the (unnamed) source.
            let kind = match (kind, source) {
                // `aus juristischer Sicht` without a source is a manner, not a report.
                (MarkerKind::Before, None)
                    if len > 1 && !self.lex.is(sets::MANNER_MARKER_HEAD, &self.tok(m).lower) =>
                {
                    MarkerKind::SelfSource
                }
                (MarkerKind::Before, None) => continue,
                (k, _) => k,
            };
            // *According to two officials familiar with the matter, the talks
            // …*: a source the chunker cannot read ends at the comma.
            if kind == MarkerKind::SelfSource && source.is_none() && len > 1 {
                let comma = (m + len + 1..b.min(m + len + 12))
                    .find(|&j| self.in_pair[j].is_none() && self.tok(j).text == ",");
                let before_kind = self.lex.markers.match_at(words, m).map(|(k, _)| k);
                if let (Some(comma), Some(MarkerKind::Before)) = (comma, before_kind) {
                    let (c0, c1) = trim(self.view, comma + 1, b);
                    if c1 > c0 + 1 && self.lex.grammar.comma_after_fronted_phrase {
                        return Some((
                            c0,
                            c1,
                            Frame {
                                speaker: Some((m + len, comma)),
                                cue: Some((m, m + len)),
                                role: Some(CueRole::Neutral),
                                via: None,
                                unnamed: None,
                                conjuncts: Vec::new(),
                            },
                        ));
                    }
                }
            }
            let (f0, f1, frame) = match kind {
                MarkerKind::Before => {
                    let Some(c) = source else { continue };
                    // *nach Angaben der Polizei*: the mention is *Angaben der Polizei*.
                    let c = &Chunk {
                        start: self.source_noun_span(m, m + len).map_or(c.start, |s| s.0),
                        ..c
                    };
                    let mut f1 = c.end;
                    let via = self.via_after(f1, b);
                    if let Some((_, e)) = via {
                        f1 = e;
                    }
                    (
                        m,
                        f1,
                        Frame {
                            speaker: Some((c.start, c.end)),
                            cue: Some((m, m + len)),
                            role: Some(CueRole::Neutral),
                            via,
                            unnamed: None,
                            conjuncts: Vec::new(),
                        },
                    )
                }
                MarkerKind::After => {
                    let cs = chunks(self.view, self.lex, a, m);
                    let mut k = cs.len().checked_sub(1).filter(|&k| cs[k].end == m)?;
                    // *Berichten aus der Region zufolge*: the attached phrase
                    // belongs to the noun before it.
                    while let Some(p) = cs[k].prep {
                        match k.checked_sub(1) {
                            Some(j) if cs[j].end == p => k = j,
                            _ => break,
                        }
                    }
                    let c = Chunk { end: m, ..cs[k] };
                    (
                        c.start,
                        m + len,
                        Frame {
                            speaker: Some((c.start, c.end)),
                            cue: Some((m, m + len)),
                            role: Some(CueRole::Neutral),
                            via: None,
                            unnamed: None,
                            conjuncts: Vec::new(),
                        },
                    )
                }
                MarkerKind::SelfSource => (
                    m,
                    m + len,
                    Frame {
                        // *nach Zeugenaussagen*, *Berichten zufolge*: the
                        // source noun is the mention; *demnach* has none.
                        speaker: self.source_noun_span(m, m + len),
                        cue: Some((m, m + len)),
                        role: Some(CueRole::Neutral),
                        via: None,
                        unnamed: Some((m, m + len)),
                        conjuncts: Vec::new(),
                    },
                ),
                MarkerKind::Anaphor => (
                    m,
                    m + len,
                    Frame {
                        speaker: Some((m, m + len)),
                        cue: Some((m, m + len)),
                        role: Some(CueRole::Neutral),
                        via: None,
                        unnamed: None,
                        conjuncts: Vec::new(),
                    },
                ),
                MarkerKind::Relative => {
                    let Some((speaker, content)) = self.relative_report(m, len, a, b) else {
                        continue;
                    };
                    return Some((
                        content.0,
                        content.1,
                        Frame {
                            speaker: Some(speaker),
                            cue: Some((m, m + len)),
                            role: Some(CueRole::Neutral),
                            via: None,
                            unnamed: None,
                            conjuncts: Vec::new(),
                        },
                    ));
                }
                MarkerKind::Via => continue,
            };
            let (s0, s1) = trim(self.view, a, b);
            let (c0, c1) = if f0 <= s0 {
                // Frame first: the rest, after an optional comma.
                let mut c0 = f1;
                while c0 < s1 && self.tok(c0).text == "," {
                    c0 += 1;
                }
                (c0, s1)
            } else if f1 >= s1 || (f1 + 1 == s1 && self.tok(f1).text == ",") {
                let mut c1 = f0;
                while c1 > s0 && self.tok(c1 - 1).text == "," {
                    c1 -= 1;
                }
                (s0, c1)
            } else {
                // A marker inside the sentence reports from the start of its
                // clause to the sentence end (cutting at the next comma too
                // loses more than it gains: commas inside the report).
                let comma = |j: usize| self.in_pair[j].is_none() && self.tok(j).text == ",";
                let c0 = (s0..f0).rev().find(|&j| comma(j)).map_or(s0, |j| j + 1);
                // A clause that is only the marker (*…, welches … wird, nach
                // Berichten … außer Betrieb*) or that opens with its finite
                // verb after a fronted subordinate clause (*Nachdem …, ist
                // es laut …*) reports the whole sentence, unless a quotation
                // there is the report (*„…“, hieß es in der Rede*).
                let verb_first = self.lex.class(&self.tok(c0).lower) == Some("aux")
                    || self.lex.class(&self.tok(s0).lower) == Some("subord");
                let unquoted = (s0..f0).all(|j| self.in_pair[j].is_none());
                let c0 = if unquoted && (c0 == f0 || verb_first) {
                    s0
                } else {
                    c0
                };
                (c0, s1)
            };
            // *X zufolge wurde die Resolution angenommen: „…“*: the report
            // ends at a colon that opens a quotation, which is direct.
            let c1 = (f1.max(c0)..c1)
                .find(|&j| {
                    self.in_pair[j].is_none()
                        && self.tok(j).text == ":"
                        && self.in_pair.get(j + 1).copied().flatten().is_some()
                })
                .map_or(c1, |colon| trim(self.view, c0, colon).1);
            if c1 > c0 + 1 {
                return Some((c0, c1, frame));
            }
        }
        None
    }

    /// Whether a colon or comma follows at `from` (after at most three
    /// short non-terminal words, *u. a.*, *weiter*) and a quotation opens
    /// right after it; or, when `far`, a colon and a quotation end a
    /// stretch in the indicative (*heißt es zur Begründung, warum …: „…“*).
    pub(super) fn frames_colon_quote(&self, from: usize, b: usize, far: bool) -> bool {
        let opens_quote = |j: usize| {
            self.in_pair
                .get(j + 1)
                .copied()
                .flatten()
                .is_some_and(|p| self.pairs[p].open == j + 1)
        };
        let near = (from..b.min(from + 4))
            .take_while(|&j| self.in_pair[j].is_none())
            .find(|&j| !self.tok(j).is_word())
            .filter(|&j| matches!(self.tok(j).text, ":" | ","))
            .is_some_and(opens_quote);
        near || far
            && (from..b)
                .take_while(|&j| {
                    self.in_pair[j].is_none()
                        && !self.tok(j).is_terminal()
                        && self.mood(j).is_none()
                })
                .any(|j| self.tok(j).text == ":" && opens_quote(j))
    }

    /// `X, wonach …`: the source is the phrase ending at the comma before
    /// the marker; the report runs from after the marker to the sentence end.
    pub(super) fn relative_report(
        &self,
        m: usize,
        len: usize,
        a: usize,
        b: usize,
    ) -> Option<((usize, usize), (usize, usize))> {
        if m == a || self.tok(m - 1).text != "," {
            return None;
        }
        let cs = chunks(self.view, self.lex, a, m - 1);
        let mut k = cs.len().checked_sub(1).filter(|&k| cs[k].end == m - 1)?;
        // *ein Bericht der Agentur Interfax*: the head noun, with what is attached.
        while let Some(p) = cs[k].prep {
            match k.checked_sub(1) {
                Some(j) if cs[j].end == p => k = j,
                _ => break,
            }
        }
        let (_, s1) = trim(self.view, a, b);
        let c0 = m + len;
        (s1 > c0 + 1 && !cs[k].pronoun).then_some(((cs[k].start, cs[k].end), (c0, s1)))
    }

    /// `nach (det|adj)* SOURCE-NOUN` (*nach einem Bericht*, *nach
    /// Zeugenaussagen*, *nach Einschätzung*) and `aus Sicht`: the marker's
    /// length in tokens.
    pub(super) fn source_noun_marker(&self, m: usize, b: usize) -> Option<usize> {
        let head = self.tok(m).lower.as_str();
        if !matches!(head, "nach" | "aus" | "according") {
            return None;
        }
        let mut j = m + 1;
        while j < b && j < m + 4 {
            let t = self.tok(j);
            if t.is_capitalised() && self.lex.class(&t.lower).is_none() {
                return self.lex.is_source_noun(&t.lower).then_some(j + 1 - m);
            }
            let modifier = self.lex.class(&t.lower) == Some("det")
                || (t.is_word() && self.lex.has_adjective_ending(&t.lower));
            if !modifier {
                return None;
            }
            j += 1;
        }
        None
    }

    /// The source-noun part of a marker (*Angaben* in *nach eigenen
    /// Angaben*, *Berichten* in *Berichten zufolge*).
    pub(super) fn source_noun_span(&self, m: usize, end: usize) -> Option<(usize, usize)> {
        let noun = (m..end)
            .rev()
            .find(|&j| self.lex.is_source_noun(&self.tok(j).lower))?;
        let mut start = noun;
        while start > m
            && !matches!(
                self.tok(start - 1).lower.as_str(),
                "nach" | "laut" | "aus" | "according" | "to"
            )
        {
            start -= 1;
        }
        Some((start, noun + 1))
    }

    /// `unter Berufung auf X` right after a source.
    pub(super) fn via_after(&self, f: usize, b: usize) -> Option<(usize, usize)> {
        // A quoted name left open at a paragraph break ends past the sentence.
        if f >= b {
            return None;
        }
        let words = self.view.lowers(f, b);
        let (kind, len) = self.lex.markers.match_at(&words, 0)?;
        if kind != MarkerKind::Via {
            return None;
        }
        let c = *chunks(self.view, self.lex, f + len, b).first()?;
        (c.start == f + len).then_some((c.start, c.end))
    }
}
