//! A learned token tagger that refines the rule quotes: for every token it
//! chooses outside, direct or indirect from the rules' own label around it,
//! quotation marks, Konjunktiv and cue forms, and where the token stands in
//! its sentence (after a colon, a complementizer, a cue). An averaged
//! structured perceptron with first-order label transitions (Collins 2002).
//!
//! It exists to measure how far a model trained on annotated text carries
//! beyond the rules (`newsgraph eval quotes --redewiedergabe DIR
//! --learn-from DIR2`). Nothing trained here ships: the annotated corpora
//! at hand (Redewiedergabe, the Wikinews quotes) are licensed for
//! non-commercial use only, so a model is trained, used and thrown away
//! within one evaluation run.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use newsgraph_doc::{Doc, Quote, QuoteKind, Span};

use newsgraph_quote::view::View;

/// Token labels.
const OUTSIDE: usize = 0;
const DIRECT: usize = 1;
const INDIRECT: usize = 2;
const LABELS: usize = 3;
/// The transition row for the start of a document.
const START: usize = LABELS;

/// The trained weights.
#[derive(Debug, Clone, Default)]
pub struct TokenModel {
    weights: HashMap<u64, [f32; LABELS]>,
    transitions: [[f32; LABELS]; LABELS + 1],
}

/// One training document: its tokens' features and gold labels.
#[derive(Debug, Clone)]
pub struct Example {
    features: Vec<Vec<u64>>,
    gold: Vec<usize>,
}

impl Example {
    /// A training example from a document the quote stage has annotated and
    /// the gold class of each of its tokens (`Some(true)` direct,
    /// `Some(false)` indirect, `None` neither). `None` for a document with
    /// no tokens or in a language without a shipped pack.
    pub fn new(doc: &Doc, gold: &[Option<bool>]) -> Option<Example> {
        let features = features(doc)?;
        let gold = gold
            .iter()
            .map(|g| match g {
                Some(true) => DIRECT,
                Some(false) => INDIRECT,
                None => OUTSIDE,
            })
            .collect::<Vec<_>>();
        (gold.len() == features.len()).then_some(Example { features, gold })
    }
}

/// The document's token spans, in order (those the labels refer to).
pub fn token_spans(doc: &Doc) -> Vec<Span> {
    View::new(doc).map_or_else(Vec::new, |v| v.toks.iter().map(|t| t.span).collect())
}

fn hash(parts: &[&str]) -> u64 {
    // SipHash with fixed keys: the same features on every run and machine.
    #[allow(deprecated)]
    let mut h = std::hash::SipHasher::new();
    parts.hash(&mut h);
    h.finish()
}

/// Rule label of every token: what the quote layer marks.
fn rule_labels(doc: &Doc, spans: &[Span]) -> Vec<usize> {
    let mut labels = vec![OUTSIDE; spans.len()];
    for q in doc.quotes.as_deref().unwrap_or(&[]) {
        let label = if q.kind == QuoteKind::Direct {
            DIRECT
        } else {
            INDIRECT
        };
        for l in &mut labels[crate::overlapping(spans, q.span)] {
            *l = label;
        }
    }
    labels
}

/// Features of every token of an annotated document.
fn features(doc: &Doc) -> Option<Vec<Vec<u64>>> {
    let view = View::new(doc)?;
    let lex = crate::shipped_lexicon(doc.meta.lang.as_deref())?;
    let spans: Vec<Span> = view.toks.iter().map(|t| t.span).collect();
    let rule = rule_labels(doc, &spans);
    let n = view.toks.len();
    let mut depth = vec![0usize; n];
    for p in newsgraph_quote::marks::pairs(&view) {
        for d in &mut depth[p.open..(p.close + 1).min(n)] {
            *d += 1;
        }
    }
    let mood: Vec<Option<u8>> = view
        .toks
        .iter()
        .map(|t| lex.konjunktiv_mood(t.text, &t.lower))
        .collect();
    let cue: Vec<bool> = view
        .toks
        .iter()
        .map(|t| t.is_word() && !t.is_capitalised() && lex.is_cue(&t.lower))
        .collect();
    let names = ["O", "D", "I"];
    let mut out = Vec::with_capacity(n);
    let mut prev_sentence_rule = "none";
    for (si, &(a, b)) in view.sents.iter().enumerate() {
        let has = |f: &dyn Fn(usize) -> bool| (a..b).any(f);
        let s_ki = has(&|j| depth[j] == 0 && mood[j] == Some(1));
        let s_kii = has(&|j| depth[j] == 0 && mood[j] == Some(2));
        let s_cue = has(&|j| depth[j] == 0 && cue[j]);
        let s_marks = has(&|j| depth[j] > 0);
        let s_rule = names[rule[a..b]
            .iter()
            .copied()
            .max_by_key(|&l| rule[a..b].iter().filter(|&&x| x == l).count())
            .unwrap_or(OUTSIDE)];
        let mut after_colon = false;
        let mut after_comp = false;
        let mut after_cue = false;
        for i in a..b {
            let t = &view.toks[i];
            let r = names[rule[i]];
            let rp = if i > 0 { names[rule[i - 1]] } else { "^" };
            let rn = if i + 1 < n { names[rule[i + 1]] } else { "$" };
            let q = if depth[i] > 0 { "q" } else { "-" };
            let m = match mood[i] {
                Some(1) => "k1",
                Some(_) => "k2",
                None => "-",
            };
            let pos = match i - a {
                0 => "0",
                1..=3 => "1",
                4..=10 => "2",
                _ => "3",
            };
            let suffix: String = {
                let cs: Vec<char> = t.lower.chars().collect();
                cs[cs.len().saturating_sub(3)..].iter().collect()
            };
            let flags = |b: bool| if b { "y" } else { "n" };
            let sent_shape = format!(
                "{}{}{}{}",
                flags(s_ki),
                flags(s_kii),
                flags(s_cue),
                flags(s_marks)
            );
            let place = format!(
                "{}{}{}",
                flags(after_colon),
                flags(after_comp),
                flags(after_cue)
            );
            let para = flags(t.para_start || (i == a && si == 0));
            let fs = [
                hash(&["bias"]),
                hash(&["r", r]),
                hash(&["rp", rp, r]),
                hash(&["rn", r, rn]),
                hash(&["q", q, r]),
                hash(&["w", &t.lower]),
                hash(&["suf", &suffix]),
                hash(&["m", m, r]),
                hash(&["cue", flags(cue[i])]),
                hash(&["shape", &sent_shape, r]),
                hash(&["place", &place, q]),
                hash(&["place-r", &place, r]),
                hash(&["pos", pos, r]),
                hash(&["srule", s_rule, r]),
                hash(&["prev", prev_sentence_rule, s_rule]),
                hash(&["prev-r", prev_sentence_rule, r, q]),
                hash(&["para", para, r]),
                hash(&["cap", flags(t.is_capitalised()), pos]),
            ];
            out.push(fs.to_vec());
            if depth[i] == 0 {
                after_colon |= t.text == ":";
                after_comp |= lex.is_complementizer(&t.lower);
                after_cue |= cue[i];
            }
        }
        prev_sentence_rule = s_rule;
    }
    (out.len() == n).then_some(out)
}

impl TokenModel {
    fn scores(&self, feats: &[u64]) -> [f32; LABELS] {
        let mut s = [0.0; LABELS];
        for f in feats {
            if let Some(w) = self.weights.get(f) {
                for (x, y) in s.iter_mut().zip(w) {
                    *x += y;
                }
            }
        }
        s
    }

    /// The best label sequence (Viterbi).
    fn decode(&self, features: &[Vec<u64>]) -> Vec<usize> {
        let n = features.len();
        if n == 0 {
            return Vec::new();
        }
        let mut best = vec![[0f32; LABELS]; n];
        let mut back = vec![[0usize; LABELS]; n];
        let first = self.scores(&features[0]);
        for l in 0..LABELS {
            best[0][l] = first[l] + self.transitions[START][l];
        }
        for i in 1..n {
            let s = self.scores(&features[i]);
            for l in 0..LABELS {
                let (arg, val) = (0..LABELS)
                    .map(|p| (p, best[i - 1][p] + self.transitions[p][l]))
                    .fold((0, f32::NEG_INFINITY), |m, x| if x.1 > m.1 { x } else { m });
                best[i][l] = val + s[l];
                back[i][l] = arg;
            }
        }
        let mut l = (0..LABELS)
            .max_by(|&x, &y| best[n - 1][x].total_cmp(&best[n - 1][y]))
            .unwrap_or(OUTSIDE);
        let mut out = vec![OUTSIDE; n];
        for i in (0..n).rev() {
            out[i] = l;
            l = back[i][l];
        }
        out
    }

    /// Trains on `examples` for `epochs` passes (in a fixed shuffled order)
    /// and returns the averaged weights.
    pub fn train(examples: &[Example], epochs: usize) -> TokenModel {
        let mut model = TokenModel::default();
        let mut sums: HashMap<u64, [f32; LABELS]> = HashMap::new();
        let mut trans_sums = [[0f32; LABELS]; LABELS + 1];
        let mut step = 1f32;
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..epochs {
            for k in (1..order.len()).rev() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                order.swap(k, (seed % (k as u64 + 1)) as usize);
            }
            for &e in &order {
                let ex = &examples[e];
                let guess = model.decode(&ex.features);
                if guess != ex.gold {
                    let mut update = |labels: &[usize], sign: f32| {
                        for (i, &l) in labels.iter().enumerate() {
                            for f in &ex.features[i] {
                                model.weights.entry(*f).or_default()[l] += sign;
                                sums.entry(*f).or_default()[l] += sign * step;
                            }
                            let p = if i == 0 { START } else { labels[i - 1] };
                            model.transitions[p][l] += sign;
                            trans_sums[p][l] += sign * step;
                        }
                    };
                    update(&ex.gold, 1.0);
                    update(&guess, -1.0);
                }
                step += 1.0;
            }
        }
        // Averaging: w - sum(step * delta) / steps.
        let average = |w: &mut [f32; LABELS], s: &[f32; LABELS]| {
            for (x, y) in w.iter_mut().zip(s) {
                *x -= y / step;
            }
        };
        for (f, w) in &mut model.weights {
            if let Some(s) = sums.get(f) {
                average(w, s);
            }
        }
        for (w, s) in model.transitions.iter_mut().zip(&trans_sums) {
            average(w, s);
        }
        model
    }

    /// Replaces the quote layer of an annotated document with the model's
    /// tokens: each run of direct or indirect tokens becomes one quote,
    /// keeping the speaker and cue of the rule quote it overlaps most.
    /// Claims are left as the rules made them.
    pub fn apply(&self, doc: &mut Doc) {
        let Some(features) = features(doc) else {
            return;
        };
        let labels = self.decode(&features);
        let spans = token_spans(doc);
        let rules = doc.quotes.take().unwrap_or_default();
        let mut quotes = Vec::new();
        let mut i = 0;
        while i < labels.len() {
            let l = labels[i];
            let mut j = i + 1;
            while j < labels.len() && labels[j] == l {
                j += 1;
            }
            if l != OUTSIDE {
                let span = Span::new(spans[i].start, spans[j - 1].end);
                let overlap = |q: &&Quote| {
                    q.span
                        .end
                        .min(span.end)
                        .saturating_sub(q.span.start.max(span.start))
                };
                let source = rules.iter().filter(|q| overlap(q) > 0).max_by_key(overlap);
                quotes.push(Quote {
                    span,
                    kind: if l == DIRECT {
                        QuoteKind::Direct
                    } else {
                        QuoteKind::Indirect
                    },
                    speaker: source.and_then(|q| q.speaker.clone()),
                    cue: source.and_then(|q| q.cue),
                    speaker_name: source.and_then(|q| q.speaker_name.clone()),
                });
            }
            i = j;
        }
        doc.quotes = Some(quotes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph_doc::Stage;

    fn annotated(text: &str) -> Doc {
        let mut doc = Doc::new("t", text);
        doc.meta.lang = Some("de".into());
        let packs = newsgraph_pack::Packs::embedded();
        newsgraph_segment::SegmentStage::new(&packs).annotate(&mut doc);
        newsgraph_quote::QuoteStage::new(&packs).annotate(&mut doc);
        doc
    }

    /// Gold classes from the rules' own quotes, or none at all.
    fn gold(doc: &Doc, keep: bool) -> Vec<Option<bool>> {
        let spans = token_spans(doc);
        rule_labels(doc, &spans)
            .into_iter()
            .map(|l| match l {
                DIRECT if keep => Some(true),
                INDIRECT if keep => Some(false),
                _ => None,
            })
            .collect()
    }

    fn rows(doc: &Doc) -> Vec<(QuoteKind, String)> {
        doc.quotes
            .as_deref()
            .unwrap()
            .iter()
            .map(|q| (q.kind, doc.slice(q.span).to_string()))
            .collect()
    }

    /// One example per text, gold from the rules (`keep`) or empty.
    fn examples(keep: bool) -> Vec<Example> {
        TEXTS
            .iter()
            .map(|t| annotated(t))
            .filter_map(|d| Example::new(&d, &gold(&d, keep)))
            .collect()
    }

    const TEXTS: [&str; 3] = [
        "Er sagte: „Das ist gut.“ Sie meinte, das sei schlecht.",
        "Der Minister erklärte, die Lage sei ernst. „Wir handeln“, sagte er.",
        "Die Sprecherin sagte: „Es bleibt dabei.“ Er betonte, er komme nicht.",
    ];

    #[test]
    fn a_model_trained_on_the_rules_reproduces_their_quotes() {
        let examples = examples(true);
        assert_eq!(examples.len(), TEXTS.len());
        let model = TokenModel::train(&examples, 5);
        let mut doc = annotated(TEXTS[0]);
        let rules = rows(&doc);
        model.apply(&mut doc);
        let learned = rows(&doc);
        assert!(!rules.is_empty());
        assert_eq!(learned, rules);
        assert!(doc.quotes.as_deref().unwrap()[0].speaker.is_some());
    }

    #[test]
    fn a_model_learns_to_drop_what_the_gold_never_marks() {
        let examples = examples(false);
        let model = TokenModel::train(&examples, 5);
        let mut doc = annotated(TEXTS[1]);
        model.apply(&mut doc);
        assert_eq!(doc.quotes.as_deref(), Some(&[][..]));
    }
}
