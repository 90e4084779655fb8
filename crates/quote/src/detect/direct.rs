//! Direct speech: which quotation marks hold speech (not titles, names or
//! scare quotes), the frame of a quote from its own sentence, and unmarked
//! direct speech after a colon: reprinted passages and sentences in the
//! speaker's own voice.

use super::{Ctx, Frame};
use crate::chunk::{chunks, Chunk};
use crate::lexicon::{sets, CueRole, PronounPerson};

impl Ctx<'_, '_> {
    /// Whether the text after a frame's colon at `c - 1` is a reprinted
    /// passage (*Die Zeitung berichtet: Am 12. Dezember …*): it opens with a
    /// capitalised word, outside quotation marks.
    pub(super) fn opens_block(&self, c: usize) -> bool {
        self.in_pair[c].is_none() && self.tok(c).is_capitalised()
    }

    /// Whether the frame `a..c` announces a passage rather than a remark:
    /// it says so (*folgende Geschichte*, *wie folgt*) or its source is a
    /// text or publication (*Die Neue Berliner Zeitung berichtet*, *Art. 36
    /// lautet*, *Die „Times“ schreibt*).
    pub(super) fn announces_passage(&self, a: usize, c: usize, frame: &Frame) -> bool {
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
    pub(super) fn block_end(&self, c: usize) -> usize {
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
    pub(super) fn is_heading(&self, a: usize) -> bool {
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
    pub(super) fn in_own_voice(&self, c: usize, end: usize) -> bool {
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

    /// A quoted stretch in attributive position (*der „Mitstreiter“ Putin*,
    /// *den Film „…“*): a name, title or scare quote, not a quoted fragment.
    pub(super) fn is_attributive(&self, p: usize) -> bool {
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
    pub(super) fn is_speech(&self, p: usize) -> bool {
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
    pub(super) fn direct_frame(&self, p: usize) -> Option<Frame> {
        self.frame_after_quote(p).or_else(|| self.colon_frame(p))
    }

    /// `Teamchef Todt stellt sich vor seinen Fahrer: „…“`: a quote after a
    /// colon with no cue verb is the speech of the clause's subject.
    pub(super) fn colon_frame(&self, p: usize) -> Option<Frame> {
        let colon = self.pairs[p].open.checked_sub(1)?;
        if self.tok(colon).text != ":" || self.in_pair[colon].is_some() {
            return None;
        }
        let a = self.view.sents[self.tok(colon).sent].0;
        let frame = self.frame_for(colon, a, colon, CueRole::Neutral, false);
        frame.speaker.map(|_| Frame { cue: None, ..frame })
    }

    /// `„…“, so Kim.`, `“…,” said the mayor.`, `“…,” the mayor said.`
    pub(super) fn frame_after_quote(&self, p: usize) -> Option<Frame> {
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
}
