//! Finds reported speech: direct quotes (quotation marks that hold speech,
//! not scare quotes or titles), indirect quotes (a clause framed by a cue
//! verb or a source marker, or an unframed Konjunktiv I continuation) and
//! mixed quotes (indirect speech with quoted fragments), each with its frame:
//! cue, speaker mention and the speaker's name.

use crate::chunk::{chunks, Chunk};
use crate::lexicon::sets;
use crate::lexicon::{given_name_gender, Agreement, CueRole, Lexicon, MarkerKind, PronounPerson};
use crate::marks::{pairs, Pair};
use crate::view::View;
use newsgraph_doc::{EntityType, QuoteKind};

/// One piece of reported speech, over tokens.
#[derive(Debug, Clone)]
pub struct Found {
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// The reported content, tokens `content.0 .. content.1`.
    pub content: (usize, usize),
    /// The speaker mention.
    pub speaker: Option<(usize, usize)>,
    /// The cue token.
    pub cue: Option<(usize, usize)>,
    /// The cue's role (neutral when framed by a marker or not framed).
    pub role: CueRole,
    /// The speaker, as fully as the article names them.
    pub name: Option<String>,
    /// Whom the speaker cites (*unter Berufung auf X*).
    pub via: Option<(usize, usize)>,
    /// Sentence of the content's first token.
    pub sentence: usize,
    /// A sentence of the source's own (*Berichten zufolge*, *hieß es*).
    pub unnamed_source: Option<(usize, usize)>,
    /// For an unframed continuation: the previous quote's speaker mention.
    pub antecedent: Option<(usize, usize)>,
    /// The parts of a coordinated speaker (*NHK und Yonhap*), when there are several.
    pub conjuncts: Vec<(usize, usize)>,
    /// The name of each conjunct.
    pub conjunct_names: Vec<Option<String>>,
}

impl Found {
    /// A quote of `kind` over tokens `content` in `sentence`, framed by
    /// `frame` (not yet named).
    fn framed(kind: QuoteKind, content: (usize, usize), frame: Frame, sentence: usize) -> Found {
        Found {
            kind,
            content,
            speaker: frame.speaker,
            cue: frame.cue,
            role: frame.role.unwrap_or(CueRole::Neutral),
            name: None,
            via: frame.via,
            sentence,
            unnamed_source: frame.unnamed,
            antecedent: None,
            conjuncts: frame.conjuncts,
            conjunct_names: Vec::new(),
        }
    }
}

/// A frame found for a quote: who and which cue.
#[derive(Debug, Clone, Default)]
struct Frame {
    speaker: Option<(usize, usize)>,
    /// The parts of a coordinated speaker, when there are several.
    conjuncts: Vec<(usize, usize)>,
    cue: Option<(usize, usize)>,
    role: Option<CueRole>,
    via: Option<(usize, usize)>,
    unnamed: Option<(usize, usize)>,
}

struct Ctx<'v, 'a> {
    view: &'v View<'a>,
    lex: &'v Lexicon,
    /// For each token, the outermost quote pair whose marks or content hold it.
    in_pair: Vec<Option<usize>>,
    pairs: Vec<Pair>,
    /// Lower-case forms of all tokens, for phrase tables.
    words: Vec<&'v str>,
}

/// Finds every quote in the document, in text order.
pub fn detect(view: &View, lex: &Lexicon) -> (Vec<Found>, Vec<Citation>) {
    let all = pairs(view);
    let outer: Vec<Pair> = all.into_iter().filter(|p| p.depth == 0).collect();
    let mut in_pair = vec![None; view.toks.len()];
    for (pi, p) in outer.iter().enumerate() {
        let end = (p.close + 1).min(view.toks.len());
        for slot in &mut in_pair[p.open..end] {
            *slot = Some(pi);
        }
    }
    let ctx = Ctx {
        view,
        lex,
        in_pair,
        pairs: outer,
        words: view.lowers(0, view.toks.len()),
    };
    let speech: Vec<bool> = (0..ctx.pairs.len()).map(|p| ctx.is_speech(p)).collect();
    let mut absorbed = vec![false; ctx.pairs.len()];
    let mut direct_frames: Vec<Option<Frame>> = vec![None; ctx.pairs.len()];
    let mut found: Vec<Found> = Vec::new();
    let mut citations: Vec<Citation> = Vec::new();

    let mut reported_before = false;
    let mut covered_until = 0;
    for (si, &(a, b)) in view.sents.iter().enumerate() {
        if a < covered_until {
            continue;
        }
        if si > 0 {
            reported_before = found.last().is_some_and(|f| f.sentence + 1 == si);
        }
        let mut reported_here = false;
        for i in a..b {
            if ctx.in_pair[i].is_some() {
                continue;
            }
            let Some(role) = ctx.cue_at(i, b) else {
                continue;
            };
            let framed = ctx
                .wie_frame(i, a, b, role)
                .or_else(|| ctx.anaphoric_frame(i, a, b, role));
            if let Some((c0, c1, frame)) = framed {
                reported_here = true;
                found.push(ctx.indirect(c0, c1, frame, view.toks[c0].sent, &mut absorbed));
                continue;
            }
            let complement = ctx
                .complement_after(i, a, b, role)
                .or_else(|| ctx.frame_after(i, a, b, role));
            match complement {
                Some((Complement::Clause(c0, c1), frame)) => {
                    reported_here = true;
                    found.push(ctx.indirect(c0, c1, frame, si, &mut absorbed));
                }
                Some((Complement::Direct(p), frame)) => direct_frames[p] = Some(frame),
                Some((Complement::Unmarked(c0, c1), frame)) => {
                    reported_here = true;
                    found.push(Found::framed(QuoteKind::Direct, (c0, c1), frame, si));
                    covered_until = c1;
                    break;
                }
                None => citations.extend(ctx.citation(i, a, b)),
            }
        }
        // A language without a so-frame word lists none: never found.
        if !reported_here {
            if let Some((c0, c1, frame)) = ctx.so_frame(a, b) {
                reported_here = true;
                found.push(ctx.indirect(c0, c1, frame, si, &mut absorbed));
            }
        }
        // Speech-act and belief nouns are told by their capital letter.
        if !reported_here && lex.grammar.nouns_capitalised {
            if let Some((c0, c1, frame)) = ctx.speech_noun(a, b) {
                reported_here = true;
                found.push(ctx.indirect(c0, c1, frame, si, &mut absorbed));
            }
        }
        if !reported_here {
            if let Some((c0, c1, frame)) = ctx.marker(a, b) {
                reported_here = true;
                found.push(ctx.indirect(c0, c1, frame, si, &mut absorbed));
            }
        }
        if !reported_here
            && lex.grammar.mood_marks_reported_speech
            && ctx.konjunktiv_continuation(a, b, reported_before)
        {
            // A framed direct quote in the sentence stays direct: the
            // continuation is the part after the last one (or before the
            // first). An unframed one inside is a mixed quote's fragment.
            let framed = |p: usize| direct_frames[p].is_some() || ctx.direct_frame(p).is_some();
            let speech_pairs: Vec<&Pair> = (a..b)
                .filter_map(|j| {
                    ctx.in_pair[j].filter(|&p| speech[p] && ctx.pairs[p].open == j && framed(p))
                })
                .map(|p| &ctx.pairs[p])
                .collect();
            let (mut c0, mut c1) = trim(view, a, b);
            if let Some(dass) = ctx.konjunktiv_only_in_dass_clause(a, b) {
                c0 = c0.max(dass);
            }
            if let Some(clause) = ctx.konjunktiv_clause_after_frame(a, b) {
                c0 = c0.max(clause);
            }
            if let Some((s0, s1)) = ctx.konjunktiv_semicolon_clauses(c0, c1) {
                (c0, c1) = (s0, s1);
            }
            // *Lorenzen spekuliert in seinen Aussagen, die Motivation sei …*:
            // a main clause whose subject stands right before the first
            // Konjunktiv is the report; what precedes it is a frame we do
            // not know. A clause opening with the verb (*Der Versuch, …,
            // werfe …*) or ending in it (*…, zutiefst besorgt hätten*)
            // belongs to the sentence before it, which stays whole.
            if let Some(first) =
                (c0..c1).find(|&j| ctx.in_pair[j].is_none() && ctx.mood(j).is_some())
            {
                let (start, opener) = ctx.clause_opener(first, c0);
                if start > c0 && ctx.subject_then_verb(opener, first) {
                    c0 = start;
                }
            }
            if let (Some(first), Some(last)) = (speech_pairs.first(), speech_pairs.last()) {
                let konj_after = (last.close + 1..c1).any(|j| ctx.mood(j).is_some());
                if konj_after {
                    c0 = last.close + 1;
                    while c0 < c1 && !ctx.tok(c0).is_word() {
                        c0 += 1;
                    }
                } else {
                    c1 = first.open;
                    while c1 > c0 && !ctx.tok(c1 - 1).is_word() {
                        c1 -= 1;
                    }
                }
            }
            if c1 > c0 + 1 {
                found.push(ctx.indirect(c0, c1, Frame::default(), si, &mut absorbed));
            }
        }
    }

    for (pi, p) in ctx.pairs.iter().enumerate() {
        if absorbed[pi] || !speech[pi] {
            continue;
        }
        let frame = direct_frames[pi]
            .take()
            .or_else(|| ctx.direct_frame(pi))
            .unwrap_or_default();
        found.push(Found::framed(
            QuoteKind::Direct,
            (p.open + 1, p.close),
            frame,
            view.toks[p.open + 1].sent,
        ));
    }
    found.sort_by_key(|f| f.content.0);
    found.dedup_by(|later, earlier| later.content == earlier.content);
    resolve_names(&ctx, &mut found);
    for c in &mut citations {
        c.source = name_of(&ctx, c.subject.0, c.subject.1, None);
    }
    (found, citations)
}

/// *NHK zitierte nicht identifizierte Quellen*: a source naming whom it cites.
#[derive(Debug, Clone)]
pub struct Citation {
    /// The citing source's mention.
    pub subject: (usize, usize),
    /// Its name.
    pub source: Option<String>,
    /// Whom it cites.
    pub cited: (usize, usize),
    /// The sentence.
    pub sentence: usize,
}

enum Complement {
    Clause(usize, usize),
    Direct(usize),
    /// Direct speech without quotation marks after a cue and a colon,
    /// tokens `start .. end`.
    Unmarked(usize, usize),
}

impl Ctx<'_, '_> {
    /// The Konjunktiv mood of token `j`, if it is a Konjunktiv form.
    fn mood(&self, j: usize) -> Option<u8> {
        let t = self.tok(j);
        self.lex.konjunktiv_mood(t.text, &t.lower)
    }

    fn tok(&self, i: usize) -> &crate::view::Tok<'_> {
        &self.view.toks[i]
    }

    /// The cue role of token `i` if it is a cue verb here (its separable
    /// particle, if it needs one, follows in the clause).
    fn cue_at(&self, i: usize, b: usize) -> Option<CueRole> {
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

    /// `CUE …, dass …` / `CUE …, der Besuch sei …` / `CUE …: „…“`.
    fn complement_after(
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

    /// Whether the text after a frame's colon at `c - 1` is a reprinted
    /// passage (*Die Zeitung berichtet: Am 12. Dezember …*): it opens with a
    /// capitalised word, outside quotation marks.
    fn opens_block(&self, c: usize) -> bool {
        self.in_pair[c].is_none() && self.tok(c).is_capitalised()
    }

    /// Whether the frame `a..c` announces a passage rather than a remark:
    /// it says so (*folgende Geschichte*, *wie folgt*) or its source is a
    /// text or publication (*Die Neue Berliner Zeitung berichtet*, *Art. 36
    /// lautet*, *Die „Times“ schreibt*).
    fn announces_passage(&self, a: usize, c: usize, frame: &Frame) -> bool {
        let announced = (a..c).any(|j| self.lex.is(sets::PASSAGE_ANNOUNCER, &self.tok(j).lower));
        let published = frame.speaker.is_some_and(|(s0, s1)| {
            (s0..s1).any(|j| {
                self.in_pair[j].is_some() || self.lex.is_publication_noun(&self.tok(j).lower)
            })
        });
        announced || published
    }

    /// Where a reprinted passage starting at `c` ends: before the next
    /// paragraph, or before a sentence opening a new item (*— Die St.
    /// Galler …*, *\* Waffentragen …*), else at the end of the text.
    fn block_end(&self, c: usize) -> usize {
        let here = self.view.toks[c].sent;
        self.view.sents[here + 1..]
            .iter()
            .map(|&(a, _)| a)
            .find(|&a| {
                let t = self.tok(a);
                t.para_start || self.lex.is(sets::ITEM_MARKER, &t.lower) || self.is_heading(a)
            })
            .unwrap_or(self.view.toks.len())
    }

    /// Whether the sentence starting at token `a` is a dateline or heading
    /// (*Köln 12. September.*): a few words, each capitalised, a number or
    /// part of a date.
    fn is_heading(&self, a: usize) -> bool {
        let toks = &self.view.toks;
        let sent = toks[a].sent;
        let words: Vec<&crate::view::Tok> = toks[a..]
            .iter()
            .take_while(|t| t.sent == sent)
            .filter(|t| t.is_word() || t.kind == newsgraph_doc::TokenKind::Number)
            .collect();
        !words.is_empty()
            && words.len() <= 8
            && words.iter().any(|t| t.timex)
            && words.iter().all(|t| {
                t.timex || t.is_capitalised() || t.kind == newsgraph_doc::TokenKind::Number
            })
    }

    /// Whether tokens `c..end` (outside quotations) read as someone's own
    /// words: a first- or second-person pronoun (*wir*, *ich*, *Sie*), or
    /// an exclamation or question at the end.
    fn in_own_voice(&self, c: usize, end: usize) -> bool {
        let own_pronoun = (c..end).any(|j| {
            self.in_pair[j].is_none()
                && matches!(
                    self.lex.pronoun_persons.get(&self.tok(j).lower),
                    Some(PronounPerson::SelfRef | PronounPerson::Group | PronounPerson::Addressee)
                )
        });
        let exclaims = self
            .view
            .toks
            .get(end)
            .is_some_and(|t| matches!(t.text, "!" | "?"));
        own_pronoun || exclaims
    }

    /// Where a complement clause starting at `from` ends in a sentence
    /// ending at `b`: at the first semicolon outside quotations after which
    /// no clause is in Konjunktiv (*sagte, dass …; die Kammer …*), else `b`.
    fn semicolon_or(&self, from: usize, b: usize) -> usize {
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
    fn only_noun_phrases(&self, from: usize, to: usize) -> bool {
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
    fn opens_relative_clause(&self, c: usize) -> bool {
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
    fn bare_complement(
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

    /// `Der Iran müsse … beenden, so Rice.`: the sentence closes with
    /// `so` and the speaker.
    fn so_frame(&self, a: usize, b: usize) -> Option<(usize, usize, Frame)> {
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

    /// `die Forderung des Vorsitzenden, auf die SPD zuzugehen`: a
    /// speech-act noun and its zu-infinitive; the genitive is the speaker.
    fn speech_noun(&self, a: usize, b: usize) -> Option<(usize, usize, Frame)> {
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
    fn belief_noun(&self, a: usize, b: usize) -> Option<(usize, usize, Frame)> {
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

    /// `S zitierte O` with no reported clause: S cites O.
    fn citation(&self, i: usize, a: usize, b: usize) -> Option<Citation> {
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
    fn frame_after(
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
    fn wie_frame(
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
    fn anaphoric_frame(
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
    fn marker(&self, a: usize, b: usize) -> Option<(usize, usize, Frame)> {
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
    fn frames_colon_quote(&self, from: usize, b: usize, far: bool) -> bool {
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

    /// *laut „Welt“*: a short name in quotation marks at `i`, as a chunk
    /// over the marks.
    fn quoted_name(&self, i: usize) -> Option<Chunk> {
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

    /// `X, wonach …`: the source is the phrase ending at the comma before
    /// the marker; the report runs from after the marker to the sentence end.
    fn relative_report(
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
    fn source_noun_marker(&self, m: usize, b: usize) -> Option<usize> {
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
    fn source_noun_span(&self, m: usize, end: usize) -> Option<(usize, usize)> {
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
    fn via_after(&self, f: usize, b: usize) -> Option<(usize, usize)> {
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

    /// Speaker and cue from the frame clause `lo..hi` around cue `i`.
    fn frame_for(&self, i: usize, lo: usize, hi: usize, role: CueRole, after_only: bool) -> Frame {
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

    /// A quoted stretch in attributive position (*der „Mitstreiter“ Putin*,
    /// *den Film „…“*): a name, title or scare quote, not a quoted fragment.
    fn is_attributive(&self, p: usize) -> bool {
        let pair = self.pairs[p];
        let before = pair.open.checked_sub(1).map(|j| self.tok(j));
        let words = (pair.open + 1..pair.close)
            .filter(|&j| self.tok(j).is_word())
            .count();
        let title_noun = before.is_some_and(|t| self.lex.is_title_noun(&t.lower));
        let modifier = before.is_some_and(|t| {
            matches!(self.lex.class(&t.lower), Some("det"))
                || (t.is_word()
                    && !t.is_capitalised()
                    && self.lex.has_adjective_ending(&t.lower)
                    && self.lex.class(&t.lower).is_none()
                    && !self.lex.is_cue(&t.lower)
                    && self.lex.konjunktiv_mood(t.text, &t.lower).is_none())
        });
        title_noun || (modifier && words <= 3)
    }

    /// Whether a quoted stretch holds speech rather than a title, a name or
    /// a scare quote.
    fn is_speech(&self, p: usize) -> bool {
        let pair = self.pairs[p];
        let (c0, c1) = (pair.open + 1, pair.close);
        let words = (c0..c1).filter(|&j| self.tok(j).is_word()).count();
        if words == 0 {
            return false;
        }
        let before = pair.open.checked_sub(1).map(|j| self.tok(j));
        let colon_before = before.is_some_and(|t| t.text == ":");
        let terminal_inside = (c0..c1)
            .rev()
            .take(2)
            .any(|j| matches!(self.tok(j).text, "." | "!" | "?" | "…" | ","));
        let after = self.view.toks.get(pair.close + 1);
        let cue_after = after.is_some_and(|t| t.text == ",")
            && (pair.close + 2..(pair.close + 5).min(self.view.toks.len())).any(|j| {
                let lower = &self.tok(j).lower;
                self.lex.is_cue(lower) || self.lex.is(sets::SO_FRAME, lower)
            });
        // An attributive position (*der „Mitstreiter“ Putin*, *den Film „…“*).
        let attributive = self.is_attributive(p);
        let personal = (c0..c1).any(|j| {
            matches!(
                self.tok(j).lower.as_str(),
                "ich"
                    | "wir"
                    | "uns"
                    | "mir"
                    | "mich"
                    | "unser"
                    | "unsere"
                    | "i"
                    | "we"
                    | "us"
                    | "our"
                    | "my"
            )
        });
        let sentence = self.tok(pair.open).sent;
        let (sa, sb) = self.view.sents[sentence];
        let cue_in_sentence =
            (sa..sb).any(|j| self.in_pair[j] != Some(p) && self.lex.is_cue(&self.tok(j).lower));
        if colon_before || cue_after {
            return true;
        }
        // *nannte den Bericht eine „Zeitungsente“*: the speaker's own word.
        let named_by_cue = (sa..pair.open).any(|j| {
            self.in_pair[j].is_none() && self.lex.naming.iter().any(|n| *n == self.tok(j).lower)
        });
        if named_by_cue
            && !self
                .lex
                .is_title_noun(&before.map_or(String::new(), |t| t.lower.clone()))
        {
            return true;
        }
        if attributive && words <= 4 {
            return false;
        }
        ((terminal_inside || personal) && words >= 3)
            || (cue_in_sentence && words >= 2)
            || words >= 6
    }

    /// A frame for a direct quote from its own sentence: `X sagte: „…“`
    /// handled by the cue scan; here the cue-less `, so X` after the quote.
    fn direct_frame(&self, p: usize) -> Option<Frame> {
        self.frame_after_quote(p).or_else(|| self.colon_frame(p))
    }

    /// `Teamchef Todt stellt sich vor seinen Fahrer: „…“`: a quote after a
    /// colon with no cue verb is the speech of the clause's subject.
    fn colon_frame(&self, p: usize) -> Option<Frame> {
        let colon = self.pairs[p].open.checked_sub(1)?;
        if self.tok(colon).text != ":" || self.in_pair[colon].is_some() {
            return None;
        }
        let a = self.view.sents[self.tok(colon).sent].0;
        let frame = self.frame_for(colon, a, colon, CueRole::Neutral, false);
        frame.speaker.map(|_| Frame { cue: None, ..frame })
    }

    /// `„…“, so Kim.`, `“…,” said the mayor.`, `“…,” the mayor said.`
    fn frame_after_quote(&self, p: usize) -> Option<Frame> {
        let pair = self.pairs[p];
        let n = self.view.toks.len();
        let mut j = pair.close + 1;
        if j < n && self.tok(j).text == "," {
            j += 1;
        }
        if j >= n {
            return None;
        }
        let s = self.tok(j).sent;
        let b = self.view.sents[s].1.max(j + 1).min(n);
        let frame = |speaker: Chunk, cue: usize, role: CueRole| Frame {
            speaker: Some((speaker.start, speaker.end)),
            cue: Some((cue, cue + 1)),
            role: Some(role),
            via: None,
            unnamed: None,
            conjuncts: Vec::new(),
        };
        // `„…“, so Kim.` / `“…,” said the mayor.`
        let cue_role = self.lex.cue(&self.tok(j).lower).map(|f| f[0].role);
        if self.lex.is(sets::SO_FRAME, &self.tok(j).lower) || cue_role.is_some() {
            let c = *chunks(self.view, self.lex, j + 1, b).first()?;
            let role = cue_role.unwrap_or(CueRole::Neutral);
            return (c.start == j + 1 && c.prep.is_none()).then(|| frame(c, j, role));
        }
        // `“…,” the mayor said.`
        if self.lex.grammar.subject_before_verb {
            let c = *chunks(self.view, self.lex, j, b).first()?;
            let role = self
                .view
                .toks
                .get(c.end)
                .and_then(|t| self.lex.cue(&t.lower));
            if c.start == j && c.prep.is_none() {
                return role.map(|f| frame(c, c.end, f[0].role));
            }
        }
        None
    }

    /// A sentence in Konjunktiv I with no frame: reported speech continued.
    /// Konjunktiv II continues a report only right after one, and not in a
    /// conditional (*wenn*, *falls*), where it is the mood of the condition.
    fn konjunktiv_continuation(&self, a: usize, b: usize, after_report: bool) -> bool {
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
    fn konjunktiv_semicolon_clauses(&self, a: usize, b: usize) -> Option<(usize, usize)> {
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
    fn konjunktiv_only_in_dass_clause(&self, a: usize, b: usize) -> Option<usize> {
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
    fn konjunktiv_clause_after_frame(&self, a: usize, b: usize) -> Option<usize> {
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
    fn reporting_position(&self, j: usize, a: usize) -> bool {
        let (start, first) = self.clause_opener(j, a);
        first != j || start != a
    }

    /// The clause of token `j` in a sentence starting at `a`: its first
    /// token and its first token after coordinating conjunctions.
    fn clause_opener(&self, j: usize, a: usize) -> (usize, usize) {
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
    fn subject_then_verb(&self, from: usize, verb: usize) -> bool {
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
    fn unreported_konjunktiv(&self, j: usize, a: usize) -> bool {
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
    fn jussive(&self, j: usize) -> bool {
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

    fn indirect(
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
fn is_particle_zu_infinitive(word: &str) -> bool {
    word.ends_with("en")
        && word
            .char_indices()
            .skip(2)
            .any(|(i, _)| word[i..].starts_with("zu") && word[i + 2..].chars().count() >= 4)
}

/// Tokens `a..b` less trailing punctuation (and a trailing closing quote
/// that is not part of a pair inside).
fn trim(view: &View, a: usize, b: usize) -> (usize, usize) {
    let mut b = b;
    while b > a
        && matches!(
            view.toks[b - 1].text,
            "." | "!" | "?" | ";" | "," | ":" | "…"
        )
    {
        b -= 1;
    }
    (a, b)
}

/// Gives every quote a speaker name: the entity it names (expanded to the
/// fullest name of that person in the article), the antecedent of a pronoun
/// or definite role noun, the previous speaker for an unframed continuation,
/// or the mention itself.
fn resolve_names(ctx: &Ctx, found: &mut [Found]) {
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
fn name_of(
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
fn fullest_person(view: &View, name: &str) -> String {
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
fn person_with_role(view: &View, role: &str, i: usize) -> Option<String> {
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
fn nearest_person_before(view: &View, i: usize, fits: &dyn Fn(&str) -> bool) -> Option<String> {
    nearest_person_mention(view, i, fits).map(|(name, _)| name)
}

/// [`nearest_person_before`] with the end token of the mention.
fn nearest_person_mention(
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
fn pronoun_agreement(ctx: &Ctx, i: usize) -> Option<Agreement> {
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
fn fits_agreement(name: &str, agreement: Option<Agreement>) -> bool {
    let Some(agreement) = agreement else {
        return true;
    };
    match name.split_whitespace().next().and_then(given_name_gender) {
        None => true,
        Some(gender) => agreement == gender,
    }
}
