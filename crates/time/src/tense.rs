//! Tense of a clause, from lexicon cues: modal and future auxiliaries point
//! forward, listed past forms, perfect auxiliaries with a participle and weak
//! past endings point back. Used to anchor `im September`, `am Mittwoch`.

use crate::lexicon::{Cat, Lexicon, TenseCue};
use crate::tokens::{Kind, Tok, NONE};

/// Which way a clause points from the document date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    Present,
    Unknown,
}

pub(crate) fn cue(lex: &Lexicon, t: &Tok) -> Option<TenseCue> {
    if t.lower_id == NONE {
        return None;
    }
    lex.words[t.lower_id as usize]
        .single
        .iter()
        .find_map(|c| match c {
            Cat::Tense(c) => Some(*c),
            _ => None,
        })
}

/// The tense of tokens `range`, skipping `skip` (the expression itself).
fn segment_tense(
    lex: &Lexicon,
    text: &str,
    toks: &[Tok],
    range: std::ops::Range<usize>,
    skip: std::ops::Range<usize>,
) -> Tense {
    // Each cue with its distance to the expression; the nearest decides, so
    // "said Tuesday it would" reads Tuesday with "said".
    let mut best: Option<(usize, Tense)> = None;
    let mut aux_at: Option<usize> = None;
    let mut participle_at: Option<usize> = None;
    let dist = |k: usize| {
        if k < skip.start {
            skip.start - k
        } else {
            k.saturating_sub(skip.end) + 1
        }
    };
    let note = |k: usize, t: Tense, best: &mut Option<(usize, Tense)>| {
        let d = dist(k);
        if best.is_none_or(|(bd, _)| d < bd) {
            *best = Some((d, t));
        }
    };
    for k in range {
        if skip.contains(&k) {
            continue;
        }
        let t = &toks[k];
        if t.kind != Kind::Word {
            continue;
        }
        match cue(lex, t) {
            Some(TenseCue::Fut) => note(k, Tense::Future, &mut best),
            Some(TenseCue::Past) => note(k, Tense::Past, &mut best),
            Some(TenseCue::Pres) => note(k, Tense::Present, &mut best),
            Some(TenseCue::Aux) => aux_at = Some(k),
            Some(TenseCue::NotVerb | TenseCue::Det | TenseCue::Toward) => {}
            None => {
                if t.upper || t.lower_id != NONE {
                    continue;
                }
                let w = &text[t.start..t.end];
                let n = w.chars().count();
                // A participle: ge-…t/-en, -iert, or any -t/-en word after the
                // auxiliary ("hat … unterschrieben").
                let after_aux = aux_at.is_some_and(|a| a < k);
                if n >= 5
                    && (w.starts_with("ge") && (w.ends_with('t') || w.ends_with("en"))
                        || w.ends_with("iert")
                        || after_aux && n >= 6 && (w.ends_with('t') || w.ends_with("en")))
                {
                    participle_at = Some(k);
                }
                let after_det = k > 0
                    && (matches!(cue(lex, &toks[k - 1]), Some(TenseCue::Det))
                        || toks[k - 1].kind == Kind::Num);
                if n >= 5 && !after_det && lex.past_suffixes.iter().any(|s| w.ends_with(s.as_str()))
                {
                    note(k, Tense::Past, &mut best);
                }
            }
        }
    }
    if let Some(a) = aux_at {
        let t = if participle_at.is_some() {
            Tense::Past
        } else {
            Tense::Present
        };
        note(a, t, &mut best);
    }
    best.map_or(Tense::Unknown, |(_, t)| t)
}

fn is_boundary(text: &str, t: &Tok) -> bool {
    t.kind == Kind::Punct
        && matches!(
            &text[t.start..t.end],
            "," | ";" | ":" | "„" | "“" | "”" | "\"" | "(" | ")" | "–" | "—" | "«" | "»"
        )
}

/// Tense of the clause around tokens `cand` inside sentence `sent`: the
/// stretch between clause punctuation first, the whole sentence when that
/// stretch has no cue.
pub(crate) fn clause_tense(
    lex: &Lexicon,
    text: &str,
    toks: &[Tok],
    sent: std::ops::Range<usize>,
    cand: std::ops::Range<usize>,
) -> Tense {
    // An announcement "für Donnerstag" names a coming day whatever the
    // tense of the announcing verb.
    let before = |k: usize| cand.start.checked_sub(k).map(|i| cue(lex, &toks[i]));
    if before(1) == Some(Some(TenseCue::Toward))
        || before(1) == Some(Some(TenseCue::Det)) && before(2) == Some(Some(TenseCue::Toward))
    {
        return Tense::Future;
    }
    let mut lo = cand.start;
    while lo > sent.start && !is_boundary(text, &toks[lo - 1]) {
        lo -= 1;
    }
    let mut hi = cand.end;
    while hi < sent.end && !is_boundary(text, &toks[hi]) {
        hi += 1;
    }
    match segment_tense(lex, text, toks, lo..hi, cand.clone()) {
        Tense::Unknown => segment_tense(lex, text, toks, sent, cand),
        t => t,
    }
}
