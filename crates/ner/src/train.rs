//! Averaged structured perceptron training with Viterbi decoding, shuffled
//! with a seeded generator so the same data and seed give the same bytes.

use std::path::{Path, PathBuf};

use crate::clusters::{Clusters, Rng};
use crate::corpus::{read_corpus, Sentence};
use crate::features;
use crate::gazetteer::Gazetteer;
use crate::labels::{self, NUM_LABELS};
use crate::meantime::{is_meantime, meantime_lang};
use crate::model::{viterbi, IdMap, Model, Scratch};
use crate::score::NerScores;
use crate::{NerError, NerPack};

const L: usize = NUM_LABELS;

/// Settings of [`train`].
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training data; with a dev file the best pass is kept.
    pub epochs: usize,
    /// Seed of the sentence shuffling.
    pub seed: u64,
    /// Word cluster file (`word<TAB>coarse<TAB>fine`, see [`crate::build_clusters`]);
    /// `None` trains without cluster features.
    pub clusters: Option<PathBuf>,
    /// Features seen fewer times in the training data are dropped.
    pub min_feature_count: u32,
    /// Averaged weights smaller than this (in absolute value) are not stored.
    pub prune: f32,
    /// Independent training runs (seeds `seed`, `seed + 1`, …) whose
    /// averaged weights are summed: a bagging-like ensemble in one model of
    /// the same size and speed.
    pub runs: usize,
    /// Language of the model (its gazetteers); `None` detects it from the
    /// training files: the `lang` of MEANTIME articles, else the fallback
    /// pack's language (German, as GermEval and SmartData are).
    pub lang: Option<NerPack>,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 12,
            seed: 1,
            clusters: None,
            min_feature_count: 1,
            prune: 0.0,
            runs: 3,
            lang: None,
        }
    }
}

/// What [`train`] did.
#[derive(Debug, Clone)]
pub struct TrainReport {
    /// Training sentences read.
    pub sentences: usize,
    /// Training tokens read.
    pub tokens: usize,
    /// Features stored in the model.
    pub features: usize,
    /// Dev F1 after each epoch (empty without a dev file).
    pub dev_f1: Vec<f64>,
    /// The epoch whose averaged weights were saved (1-based).
    pub epoch: usize,
    /// Dev scores of the saved model.
    pub dev: Option<NerScores>,
    /// Size of the saved model file in bytes.
    pub model_bytes: usize,
}

/// A sentence as feature ids (training features only) and gold labels.
struct Encoded {
    feats: Vec<u32>,
    offsets: Vec<usize>,
    gold: Vec<usize>,
}

fn encode(
    s: &Sentence,
    gaz: &Gazetteer,
    domain: Option<u8>,
    clusters: &Clusters,
    ids: &IdMap<u32>,
    buf: &mut (Vec<u64>, Vec<usize>),
) -> Encoded {
    let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
    features::extract(&toks, clusters, gaz, domain, &mut buf.0, &mut buf.1);
    let mut feats = Vec::with_capacity(buf.0.len());
    let mut offsets = Vec::with_capacity(toks.len() + 1);
    for i in 0..toks.len() {
        offsets.push(feats.len());
        feats.extend(
            buf.0[buf.1[i]..buf.1[i + 1]]
                .iter()
                .filter_map(|h| ids.get(h)),
        );
    }
    offsets.push(feats.len());
    Encoded {
        feats,
        offsets,
        gold: s.labels.clone(),
    }
}

/// Averaged feature, start and transition weights.
type Averaged = (Vec<f32>, Vec<f32>, Vec<f32>);

/// Weights with the averaging accumulators of the perceptron.
struct Weights {
    w: Vec<f32>,
    u: Vec<f32>,
    start: Vec<f32>,
    start_u: Vec<f32>,
    trans: Vec<f32>,
    trans_u: Vec<f32>,
    c: f32,
}

impl Weights {
    fn decode(e: &Encoded, w: &[f32], start: &[f32], trans: &[f32]) -> Vec<usize> {
        let n = e.gold.len();
        let mut emit = vec![0f32; n * L];
        for i in 0..n {
            let row = &mut emit[i * L..(i + 1) * L];
            for &f in &e.feats[e.offsets[i]..e.offsets[i + 1]] {
                let fw = &w[f as usize * L..(f as usize + 1) * L];
                for (r, x) in row.iter_mut().zip(fw) {
                    *r += x;
                }
            }
        }
        viterbi(&emit, start, trans, n)
    }

    fn update(&mut self, e: &Encoded, pred: &[usize]) {
        let c = self.c;
        let bump = |w: &mut Vec<f32>, u: &mut Vec<f32>, i: usize, d: f32| {
            w[i] += d;
            u[i] += c * d;
        };
        for (i, (&g, &p)) in e.gold.iter().zip(pred).enumerate() {
            if g != p {
                for &f in &e.feats[e.offsets[i]..e.offsets[i + 1]] {
                    bump(&mut self.w, &mut self.u, f as usize * L + g, 1.0);
                    bump(&mut self.w, &mut self.u, f as usize * L + p, -1.0);
                }
            }
            let (pg, pp) = if i == 0 {
                (None, None)
            } else {
                (Some(e.gold[i - 1]), Some(pred[i - 1]))
            };
            if (pg, g) != (pp, p) {
                match pg {
                    None => bump(&mut self.start, &mut self.start_u, g, 1.0),
                    Some(x) => bump(&mut self.trans, &mut self.trans_u, x * L + g, 1.0),
                }
                match pp {
                    None => bump(&mut self.start, &mut self.start_u, p, -1.0),
                    Some(x) => bump(&mut self.trans, &mut self.trans_u, x * L + p, -1.0),
                }
            }
        }
    }

    fn averaged(&self) -> Averaged {
        let avg = |w: &[f32], u: &[f32]| -> Vec<f32> {
            w.iter().zip(u).map(|(w, u)| w - u / self.c).collect()
        };
        (
            avg(&self.w, &self.u),
            avg(&self.start, &self.start_u),
            avg(&self.trans, &self.trans_u),
        )
    }
}

/// Reads every training file (any layout [`crate::read_corpus`] knows) with
/// its domain: 0 for GermEval-layout files and MEANTIME, the targets; every
/// other file is a domain of its own.
pub(crate) fn read_all(paths: &[PathBuf]) -> Result<Vec<(Sentence, u8)>, NerError> {
    let mut out = Vec::new();
    for (i, p) in paths.iter().enumerate() {
        let domain = if is_meantime(p) || is_germeval(p) {
            0
        } else {
            (i % 250) as u8 + 1
        };
        out.extend(read_corpus(p)?.into_iter().map(|s| (s, domain)));
    }
    Ok(out)
}

/// Whether a file is in GermEval's layout (an index column before the token).
fn is_germeval(p: &Path) -> bool {
    let Ok(text) = crate::corpus::read_text(p) else {
        return false;
    };
    text.lines()
        .find(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .is_some_and(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            cols.len() >= 3 && cols[0].bytes().all(|b| b.is_ascii_digit())
        })
}

/// The model language of `opts`; else, when every training file is
/// MEANTIME, the language its articles declare; else the fallback pack's.
fn lang_of(train: &[PathBuf], opts: &TrainOptions) -> Result<NerPack, NerError> {
    if let Some(lang) = &opts.lang {
        return Ok(lang.clone());
    }
    let Some(first) = train
        .first()
        .filter(|_| train.iter().all(|p| is_meantime(p)))
    else {
        return Ok(NerPack::default());
    };
    match meantime_lang(first)? {
        Some(code) => NerPack::from_code(&code).ok_or_else(|| NerError::Format {
            path: first.clone(),
            line: 0,
            message: format!(
                "the articles are in language {code:?}, which has no language pack with a \
                 [ner] section; add one or pass the language"
            ),
        }),
        None => Ok(NerPack::default()),
    }
}

fn read_clusters(opts: &TrainOptions) -> Result<Clusters, NerError> {
    match &opts.clusters {
        Some(p) => Clusters::read(p),
        None => Ok(Clusters::default()),
    }
}

/// Cross-validation by document over MEANTIME folders or files: article `k`
/// (in path order) is in fold `k % folds`; each fold is tagged by a model
/// trained on the others with `opts` (no dev file, all epochs), and the
/// strict chunk counts of all folds are summed.
pub fn cross_validate(
    train: &[PathBuf],
    folds: usize,
    opts: &TrainOptions,
) -> Result<NerScores, NerError> {
    let mut docs = Vec::new();
    for p in train {
        if !is_meantime(p) {
            return Err(NerError::Format {
                path: p.clone(),
                line: 0,
                message:
                    "cross-validation needs MEANTIME folders or .xml files (documents to split)"
                        .into(),
            });
        }
        docs.extend(crate::read_meantime_docs(p)?);
    }
    docs.sort_by(|a, b| a.path.cmp(&b.path));
    let folds = folds.clamp(2, docs.len().max(2));
    let clusters = read_clusters(opts)?;
    let opts = TrainOptions {
        lang: Some(lang_of(train, opts)?),
        ..opts.clone()
    };
    let (mut gold, mut pred) = (Vec::new(), Vec::new());
    for fold in 0..folds {
        let train_part: Vec<(Sentence, u8)> = docs
            .iter()
            .enumerate()
            .filter(|(k, _)| k % folds != fold)
            .flat_map(|(_, d)| d.sentences.iter().map(|s| (s.clone(), 0)))
            .collect();
        if train_part.is_empty() {
            return Err(NerError::NoData);
        }
        let (model, _) = train_sentences(&train_part, None, clusters.clone(), &opts)?;
        let mut scratch = Scratch::default();
        for d in docs.iter().enumerate().filter(|(k, _)| k % folds == fold) {
            for s in &d.1.sentences {
                let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
                pred.push(model.tag_indices(&toks, &mut scratch));
                gold.push(s.labels.clone());
            }
        }
    }
    Ok(NerScores::of(&gold, &pred))
}

/// Trains a model on `train` files, picks the best epoch on `dev` when
/// given, and writes the model to `out`.
pub fn train(
    train: &[PathBuf],
    dev: Option<&Path>,
    out: &Path,
    opts: &TrainOptions,
) -> Result<TrainReport, NerError> {
    let sentences = read_all(train)?;
    if sentences.is_empty() {
        return Err(NerError::NoData);
    }
    let dev_sents = dev.map(read_corpus).transpose()?;
    let clusters = read_clusters(opts)?;
    let opts = TrainOptions {
        lang: Some(lang_of(train, opts)?),
        ..opts.clone()
    };
    let (model, mut report) = train_sentences(&sentences, dev_sents.as_deref(), clusters, &opts)?;
    let bytes = model.to_bytes();
    std::fs::write(out, &bytes).map_err(|source| NerError::Io {
        path: out.to_path_buf(),
        source,
    })?;
    report.model_bytes = bytes.len();
    Ok(report)
}

/// Trains on sentences in memory (the core of [`train`]).
pub(crate) fn train_sentences(
    sentences: &[(Sentence, u8)],
    dev: Option<&[Sentence]>,
    clusters: Clusters,
    opts: &TrainOptions,
) -> Result<(Model, TrainReport), NerError> {
    let lang = opts.lang.clone().unwrap_or_default();
    let gazetteer = lang.gazetteer()?;
    let gaz = &*gazetteer;
    // Domain copies only pay off when corpora of several domains are mixed.
    let adapted = sentences.iter().any(|(_, d)| *d != 0);
    let dom = |d: u8| adapted.then_some(d);
    let mut buf = (Vec::new(), Vec::new());
    // Feature ids in order of first appearance, so ids depend only on the data.
    let mut counts: IdMap<u32> = IdMap::default();
    let mut order: Vec<u64> = Vec::new();
    for (s, d) in sentences {
        let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        features::extract(&toks, &clusters, gaz, dom(*d), &mut buf.0, &mut buf.1);
        for &h in &buf.0 {
            let c = counts.entry(h).or_insert(0);
            if *c == 0 {
                order.push(h);
            }
            *c += 1;
        }
    }
    let mut ids: IdMap<u32> = IdMap::default();
    let mut hashes = Vec::new();
    for h in order {
        if counts[&h] >= opts.min_feature_count {
            ids.insert(h, hashes.len() as u32);
            hashes.push(h);
        }
    }
    drop(counts);
    let mut data: Vec<Encoded> = sentences
        .iter()
        .map(|(s, d)| {
            let mut e = encode(s, gaz, dom(*d), &clusters, &ids, &mut buf);
            repair(&mut e.gold);
            e
        })
        .collect();
    let dev_data: Vec<Encoded> = dev
        .unwrap_or(&[])
        .iter()
        .map(|s| encode(s, gaz, dom(0), &clusters, &ids, &mut buf))
        .collect();
    let nf = hashes.len();
    let gold: Vec<Vec<usize>> = dev_data.iter().map(|e| e.gold.clone()).collect();
    let runs = opts.runs.max(1);
    // Sum of the averaged weights of the finished runs.
    let mut sum: Option<Averaged> = None;
    let mut dev_f1 = Vec::new();
    let mut best: Option<(f64, usize, Averaged, NerScores)> = None;
    for run in 0..runs {
        let mut wts = Weights {
            w: vec![0.0; nf * L],
            u: vec![0.0; nf * L],
            start: vec![0.0; L],
            start_u: vec![0.0; L],
            trans: vec![0.0; L * L],
            trans_u: vec![0.0; L * L],
            c: 1.0,
        };
        let mut rng = Rng(opts.seed.wrapping_add(run as u64));
        let last = run + 1 == runs;
        for epoch in 1..=opts.epochs.max(1) {
            for i in (1..data.len()).rev() {
                data.swap(i, rng.below(i + 1));
            }
            for e in &data {
                let pred = Weights::decode(e, &wts.w, &wts.start, &wts.trans);
                if pred != e.gold {
                    wts.update(e, &pred);
                }
                wts.c += 1.0;
            }
            // Only the last run's epochs are scored and chosen from: the
            // earlier runs always give their final weights.
            if dev.is_some() && last {
                let avg = add_averaged(sum.as_ref(), wts.averaged());
                let pred: Vec<Vec<usize>> = dev_data
                    .iter()
                    .map(|e| Weights::decode(e, &avg.0, &avg.1, &avg.2))
                    .collect();
                let sc = NerScores::of(&gold, &pred);
                let f1 = sc.overall.f1();
                dev_f1.push(f1);
                if best.as_ref().is_none_or(|b| f1 > b.0) {
                    best = Some((f1, epoch, avg, sc));
                }
            }
        }
        sum = Some(add_averaged(sum.as_ref(), wts.averaged()));
    }
    let (epoch, (w, start, trans), dev_scores) = match best {
        Some((_, e, avg, sc)) => (e, avg, Some(sc)),
        None => (
            opts.epochs.max(1),
            sum.expect("at least one run was trained"),
            None,
        ),
    };
    let mut feats = Vec::new();
    for (f, &h) in hashes.iter().enumerate() {
        let ws: Vec<(u8, f32)> = w[f * L..(f + 1) * L]
            .iter()
            .enumerate()
            .filter(|(_, x)| x.abs() > opts.prune && **x != 0.0)
            .map(|(l, x)| (l as u8, *x))
            .collect();
        if !ws.is_empty() {
            feats.push((h, ws));
        }
    }
    let model = Model::from_parts(
        lang,
        gazetteer.clone(),
        clusters,
        adapted,
        start,
        trans,
        feats,
    );
    let report = TrainReport {
        sentences: sentences.len(),
        tokens: sentences.iter().map(|(s, _)| s.tokens.len()).sum(),
        features: model.num_features(),
        dev_f1,
        epoch,
        dev: dev_scores,
        model_bytes: 0,
    };
    Ok((model, report))
}

/// `a + b` element-wise (`b` alone when there is no `a`).
fn add_averaged(a: Option<&Averaged>, b: Averaged) -> Averaged {
    let Some(a) = a else { return b };
    let add =
        |x: &[f32], y: Vec<f32>| -> Vec<f32> { x.iter().zip(y).map(|(x, y)| x + y).collect() };
    (add(&a.0, b.0), add(&a.1, b.1), add(&a.2, b.2))
}

/// Makes a gold sequence valid BIO so the decoder can reach it.
fn repair(seq: &mut [usize]) {
    let mut prev = None;
    for l in seq.iter_mut() {
        if !labels::allowed(prev, *l) {
            *l -= 1;
        }
        prev = Some(*l);
    }
}
