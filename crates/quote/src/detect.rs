//! Finds reported speech: direct quotes (quotation marks that hold speech,
//! not scare quotes or titles), indirect quotes (a clause framed by a cue
//! verb or a source marker, or an unframed Konjunktiv I continuation) and
//! mixed quotes (indirect speech with quoted fragments), each with its frame:
//! cue, speaker mention and the speaker's name.
//!
//! [`detect`] walks the sentences and tries the detectors in turn; each
//! concern is a module with its part of the shared context's methods:
//! `frame` (cues, frames, source markers), `reported` (indirect
//! speech: complements, Konjunktiv continuations), `direct` (quotation
//! marks, unmarked direct speech) and `speaker` (speaker mentions and
//! names).

mod direct;
mod frame;
mod reported;
mod speaker;

use crate::lexicon::{CueRole, Lexicon};
use crate::marks::{pairs, Pair};
use crate::view::View;
use newsgraph_doc::QuoteKind;
use speaker::{name_of, resolve_names};

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

/// What every detector reads: the document's tokens, the language's
/// lexicon and the quotation pairs. Each concern's module adds its methods.
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

/// What a cue verb frames.
enum Complement {
    /// A reported clause, tokens `start .. end`.
    Clause(usize, usize),
    /// The quotation pair with this index.
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

    /// Token `i`.
    fn tok(&self, i: usize) -> &crate::view::Tok<'_> {
        &self.view.toks[i]
    }
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
