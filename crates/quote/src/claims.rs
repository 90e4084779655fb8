//! Claims: each reported proposition with its sources, how strongly it is
//! asserted (hedges in the clause or its frame, belief cues) and its status
//! (the cue's own role, then later sentences that confirm, deny or say it is
//! unconfirmed, matched back to the claim they refer to).

use crate::detect::{Citation, Found};
use crate::lexicon::{AnaphorKind, CueRole, Lexicon};
use crate::view::View;
use newsgraph_doc::{Claim, ClaimSource, EntityRef, Modality, Span, Status, Timex};
use std::collections::HashSet;

/// How many sentences back a status sentence may refer.
const STATUS_WINDOW: usize = 6;

/// Claims for the quotes found, in text order.
pub fn claims(
    view: &View,
    lex: &Lexicon,
    found: &[Found],
    citations: &[Citation],
    timexes: Option<&[Timex]>,
) -> Vec<Claim> {
    let words = view.lowers(0, view.toks.len());
    // Claims with the token range of their proposition and their cue's role.
    let mut out: Vec<(Claim, (usize, usize), CueRole)> = Vec::with_capacity(found.len());
    for f in found {
        let (c0, c1) = f.content;
        if c1 <= c0 {
            continue;
        }
        let span = view.span(c0, c1);
        let via_of = |name: Option<&String>| -> Option<String> {
            f.via
                .map(|(v0, v1)| view.slice(v0, v1).to_string())
                .or_else(|| {
                    let name = name?;
                    citations
                        .iter()
                        .find(|c| {
                            c.source.as_ref() == Some(name) && c.sentence.abs_diff(f.sentence) <= 2
                        })
                        .map(|c| view.slice(c.cited.0, c.cited.1).to_string())
                })
        };
        let sources: Vec<ClaimSource> = if f.conjuncts.is_empty() {
            f.speaker
                .or(f.antecedent)
                .or(f.unnamed_source)
                .map(|(s0, s1)| ClaimSource {
                    mention: EntityRef {
                        span: view.span(s0, s1),
                        entity: f.name.as_deref().and_then(|n| view.entity_named(n)),
                    },
                    via: via_of(f.name.as_ref()),
                })
                .into_iter()
                .collect()
        } else {
            f.conjuncts
                .iter()
                .zip(&f.conjunct_names)
                .map(|(&(s0, s1), name)| ClaimSource {
                    mention: EntityRef {
                        span: view.span(s0, s1),
                        entity: name.as_deref().and_then(|n| view.entity_named(n)),
                    },
                    via: via_of(name.as_ref()),
                })
                .collect()
        };
        let status = match f.role {
            CueRole::Confirm => Status::Confirmed,
            CueRole::Deny => Status::Denied,
            _ => Status::Reported,
        };
        let claim = Claim {
            span,
            sentence: f.sentence,
            sources,
            modality: modality(view, lex, &words, f),
            status,
            time: time_of(view, span, f.sentence, timexes),
        };
        out.push((claim, f.content, f.role));
    }
    out.extend(hedged_statements(view, lex, &words, found, timexes));
    out.sort_by_key(|(c, _, _)| c.span.start);
    let contents: Vec<(usize, usize)> = out.iter().map(|o| o.1).collect();
    let roles: Vec<CueRole> = out.iter().map(|o| o.2).collect();
    let mut claims: Vec<Claim> = out.into_iter().map(|o| o.0).collect();
    apply_status_sentences(view, lex, found, &contents, &mut claims, &roles);
    claims
}

/// Sentences the article states with a hedge but no source (*Putin könnte
/// schon nächste Woche reisen*, *der mutmaßliche Täter soll …*): claims
/// without sources, as uncertain as their hedge. Sentences holding a quote
/// or quotation marks are left to the quote layer.
fn hedged_statements(
    view: &View,
    lex: &Lexicon,
    words: &[&str],
    found: &[Found],
    timexes: Option<&[Timex]>,
) -> Vec<(Claim, (usize, usize), CueRole)> {
    let mut out = Vec::new();
    for (si, &(a, b)) in view.sents.iter().enumerate() {
        let quoted = found.iter().any(|f| f.content.0 < b && f.content.1 > a)
            || view.toks[a..b]
                .iter()
                .any(|t| matches!(t.text, "„" | "“" | "”" | "»" | "«" | "\""));
        if quoted || b <= a + 2 {
            continue;
        }
        let Some(modality) = (a..b).find_map(|i| lex.hedges.match_at(&words[..b], i).map(|m| m.0))
        else {
            continue;
        };
        let (c0, mut c1) = (a, b);
        while c1 > c0 && view.toks[c1 - 1].is_terminal() {
            c1 -= 1;
        }
        let span = view.span(c0, c1);
        let claim = Claim {
            span,
            sentence: si,
            sources: Vec::new(),
            modality,
            status: Status::Reported,
            time: time_of(view, span, si, timexes),
        };
        out.push((claim, (c0, c1), CueRole::Neutral));
    }
    out
}

/// The strongest hedge in the claim's sentence(s): the reported clause
/// first, then its frame; a belief cue alone makes a claim probable.
fn modality(view: &View, lex: &Lexicon, words: &[&str], f: &Found) -> Modality {
    let (c0, c1) = f.content;
    let (sa, _) = view.sents[view.toks[c0].sent];
    let (_, sb) = view.sents[view.toks[c1 - 1].sent];
    let find =
        |a: usize, b: usize| (a..b).find_map(|i| lex.hedges.match_at(&words[..b], i).map(|m| m.0));
    find(c0, c1)
        .or_else(|| find(sa, sb))
        .unwrap_or(if f.role == CueRole::Belief {
            Modality::Probable
        } else {
            Modality::Asserted
        })
}

fn time_of(view: &View, span: Span, sentence: usize, timexes: Option<&[Timex]>) -> Option<String> {
    let timexes = timexes?;
    let (a, b) = view.sents[sentence];
    let sent_span = view.span(a, b.max(a + 1));
    // A claim happens at a date or time; a duration (*seit sechs Monaten*)
    // or a set is not its time.
    let when = |t: &&Timex| {
        t.value.is_some()
            && matches!(
                t.kind,
                newsgraph_doc::TimexType::Date | newsgraph_doc::TimexType::Time
            )
    };
    timexes
        .iter()
        .filter(when)
        .find(|t| span.overlaps(t.span))
        .or_else(|| {
            timexes
                .iter()
                .filter(when)
                .find(|t| sent_span.overlaps(t.span))
        })
        .and_then(|t| t.value.clone())
}

/// Content-word stems of tokens `a..b` (first five letters of words of four
/// or more letters that are not function words).
fn stems(view: &View, lex: &Lexicon, a: usize, b: usize) -> HashSet<String> {
    view.toks[a..b]
        .iter()
        .filter(|t| t.is_word() && t.lower.chars().count() >= 4 && lex.class(&t.lower).is_none())
        .map(|t| t.lower.chars().take(5).collect())
        .collect()
}

/// Sentences such as *Beide Regierungen bestreiten die Vorwürfe* or *Weder
/// Russland noch Nordkorea haben die Pläne bestätigt* set the status of the
/// earlier claim they refer to.
fn apply_status_sentences(
    view: &View,
    lex: &Lexicon,
    found: &[Found],
    contents: &[(usize, usize)],
    claims: &mut [Claim],
    roles: &[CueRole],
) {
    let words = view.lowers(0, view.toks.len());
    for (si, &(a, b)) in view.sents.iter().enumerate() {
        // A sentence whose own clause is a claim states, it does not refer back.
        let framed_here = found
            .iter()
            .any(|f| f.sentence == si && matches!(f.role, CueRole::Confirm | CueRole::Deny));
        if framed_here {
            continue;
        }
        let Some((mut status, at)) =
            (a..b).find_map(|i| lex.status.match_at(&words[..b], i).map(|m| (m.0, i)))
        else {
            continue;
        };
        let negated = (a..at).any(|i| lex.negators.contains(&view.toks[i].lower));
        if negated && status == Status::Confirmed {
            status = Status::Unconfirmed;
        }
        let anaphor: Option<AnaphorKind> =
            (a..b).find_map(|i| lex.anaphors.get(&view.toks[i].lower).copied());
        let here = stems(view, lex, a, b);
        let mut best: Option<(usize, i32)> = None;
        for (ci, c) in claims.iter().enumerate() {
            if c.sentence >= si || c.sentence + STATUS_WINDOW < si {
                continue;
            }
            let (s0, s1) = view.sents[c.sentence];
            let theirs = stems(view, lex, s0, s1.max(contents[ci].1));
            let mut score = here.intersection(&theirs).count() as i32;
            score += match anaphor {
                Some(AnaphorKind::Accusation)
                    if matches!(roles[ci], CueRole::Accuse | CueRole::Belief)
                        || c.modality == Modality::Probable =>
                {
                    3
                }
                Some(AnaphorKind::Plan)
                    if c.modality == Modality::Possible || roles[ci] == CueRole::Announce =>
                {
                    3
                }
                Some(_) if !c.sources.is_empty() => 1,
                _ => 0,
            };
            if score > 0 && best.is_none_or(|(_, s)| score >= s) {
                best = Some((ci, score));
            }
        }
        let Some((target, _)) = best else {
            continue;
        };
        let key = stems(view, lex, contents[target].0, contents[target].1);
        let time = claims[target].time.clone();
        let target_modality = claims[target].modality;
        for (ci, c) in claims.iter_mut().enumerate() {
            if c.sentence >= si || c.sentence + 2 * STATUS_WINDOW < si {
                continue;
            }
            // Hedged claims about the same time are one uncertain event.
            let hedged = |m: Modality| m != Modality::Asserted;
            let same_time =
                time.is_some() && c.time == time && hedged(c.modality) && hedged(target_modality);
            if c.sentence + STATUS_WINDOW < si && !same_time {
                continue;
            }
            let shared = key
                .intersection(&stems(view, lex, contents[ci].0, contents[ci].1))
                .count();
            if ci == target || same_time || shared >= 3 {
                c.status = combine(c.status, status);
            }
        }
    }
}

fn combine(old: Status, new: Status) -> Status {
    match (old, new) {
        (Status::Reported, n) => n,
        (Status::Confirmed, Status::Denied) | (Status::Denied, Status::Confirmed) => {
            Status::Disputed
        }
        (Status::Unconfirmed, Status::Denied | Status::Confirmed) => new,
        (o, _) => o,
    }
}
