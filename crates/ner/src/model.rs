//! The trained model: sparse per-feature label weights, label transitions and
//! the word clusters the features were computed with; its gzipped binary
//! format; and Viterbi decoding under BIO constraints.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{Read, Write};

use crate::clusters::Clusters;
use crate::features;
use crate::gazetteer::Gazetteer;
use crate::labels::{self, NUM_LABELS};
use crate::NerError;

const MAGIC: &[u8; 8] = b"NGNER\x00\x00\x03";

/// Feature keys are already hashes: hashing them again is wasted time.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(crate) type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// A trained tagger.
#[derive(Debug, Clone)]
pub struct Model {
    pub(crate) clusters: Clusters,
    /// Whether features carry domain copies (training mixed corpora); the
    /// target domain is 0.
    pub(crate) adapted: bool,
    /// Score of starting a sentence with each label.
    pub(crate) start: Vec<f32>,
    /// `trans[prev * NUM_LABELS + next]`.
    pub(crate) trans: Vec<f32>,
    /// Feature hash → range of `labels`/`weights`.
    index: IdMap<(u32, u32)>,
    labels: Vec<u8>,
    weights: Vec<f32>,
}

/// Reusable buffers for tagging many sentences.
#[derive(Debug, Default)]
pub struct Scratch {
    feats: Vec<u64>,
    offsets: Vec<usize>,
    emit: Vec<f32>,
}

impl Model {
    /// Assembles a model from its parts; `features` maps a feature hash to its
    /// non-zero `(label, weight)` pairs.
    pub(crate) fn from_parts(
        clusters: Clusters,
        adapted: bool,
        start: Vec<f32>,
        trans: Vec<f32>,
        mut features: Vec<(u64, Vec<(u8, f32)>)>,
    ) -> Model {
        features.sort_unstable_by_key(|f| f.0);
        let mut m = Model {
            clusters,
            adapted,
            start,
            trans,
            index: IdMap::default(),
            labels: Vec::new(),
            weights: Vec::new(),
        };
        for (h, ws) in features {
            let off = m.labels.len() as u32;
            for (l, w) in &ws {
                m.labels.push(*l);
                m.weights.push(*w);
            }
            m.index.insert(h, (off, ws.len() as u32));
        }
        m
    }

    /// Number of features with a non-zero weight.
    pub fn num_features(&self) -> usize {
        self.index.len()
    }

    /// Number of words with a cluster.
    pub fn num_cluster_words(&self) -> usize {
        self.clusters.len()
    }

    /// Serialises the model (gzip of a little-endian binary layout; the same
    /// model always gives the same bytes).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&(NUM_LABELS as u32).to_le_bytes());
        b.push(u8::from(self.adapted));
        for w in self.start.iter().chain(&self.trans) {
            b.extend_from_slice(&w.to_le_bytes());
        }
        let cl = self.clusters.sorted();
        b.extend_from_slice(&(cl.len() as u32).to_le_bytes());
        for (w, c, f) in cl {
            b.push(w.len().min(255) as u8);
            b.extend_from_slice(&w.as_bytes()[..w.len().min(255)]);
            b.extend_from_slice(&c.to_le_bytes());
            b.extend_from_slice(&f.to_le_bytes());
        }
        // Weights are stored as i16 steps of one model-wide scale: a third
        // of the size of f32 and no measurable change in the scores.
        let max = self.weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        b.extend_from_slice(&scale.to_le_bytes());
        let mut keys: Vec<(u64, (u32, u32))> = self.index.iter().map(|(k, v)| (*k, *v)).collect();
        keys.sort_unstable_by_key(|k| k.0);
        b.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        let mut prev = 0u64;
        for (h, (off, len)) in keys {
            put_varint(&mut b, h - prev);
            prev = h;
            b.push(len as u8);
            for i in off..off + len {
                b.push(self.labels[i as usize]);
                let q = (self.weights[i as usize] / scale).round() as i16;
                b.extend_from_slice(&q.to_le_bytes());
            }
        }
        let mut gz = flate2::GzBuilder::new()
            .mtime(0)
            .write(Vec::new(), flate2::Compression::best());
        gz.write_all(&b).expect("writing to a Vec cannot fail");
        gz.finish().expect("writing to a Vec cannot fail")
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(gz: &[u8]) -> Result<Model, NerError> {
        let bad = |what: &str| NerError::BadModel(what.to_string());
        let mut b = Vec::new();
        flate2::read::GzDecoder::new(gz)
            .read_to_end(&mut b)
            .map_err(|e| bad(&format!("not a gzip stream ({e})")))?;
        let mut r = Reader { b: &b, pos: 0 };
        if r.take(8).ok_or_else(|| bad("truncated header"))? != MAGIC {
            return Err(bad("wrong magic number or version"));
        }
        if r.u32()? as usize != NUM_LABELS {
            return Err(bad("label count differs from this build's label set"));
        }
        let adapted = r.u8()? == 1;
        let mut start = Vec::with_capacity(NUM_LABELS);
        for _ in 0..NUM_LABELS {
            start.push(r.f32()?);
        }
        let mut trans = Vec::with_capacity(NUM_LABELS * NUM_LABELS);
        for _ in 0..NUM_LABELS * NUM_LABELS {
            trans.push(r.f32()?);
        }
        let mut clusters = Clusters::default();
        for _ in 0..r.u32()? {
            let n = r.u8()? as usize;
            let w = std::str::from_utf8(r.take(n).ok_or_else(|| bad("truncated cluster"))?)
                .map_err(|_| bad("cluster word is not UTF-8"))?
                .to_string();
            let c = r.u16()?;
            let f = r.u16()?;
            clusters.insert(w, c, f);
        }
        let scale = r.f32()?;
        let n = r.u32()? as usize;
        let mut m = Model {
            clusters,
            adapted,
            start,
            trans,
            index: IdMap::with_capacity_and_hasher(n, Default::default()),
            labels: Vec::new(),
            weights: Vec::new(),
        };
        let mut h = 0u64;
        for _ in 0..n {
            h += r.varint()?;
            let len = r.u8()? as u32;
            let off = m.labels.len() as u32;
            for _ in 0..len {
                let l = r.u8()?;
                if l as usize >= NUM_LABELS {
                    return Err(bad("label index out of range"));
                }
                m.labels.push(l);
                m.weights.push(f32::from(r.i16()?) * scale);
            }
            m.index.insert(h, (off, len));
        }
        Ok(m)
    }

    /// Best label sequence (label indices, see [`crate::labels`]) for one
    /// tokenized sentence.
    pub fn tag_indices(&self, toks: &[&str], s: &mut Scratch) -> Vec<usize> {
        if toks.is_empty() {
            return Vec::new();
        }
        features::extract(
            toks,
            &self.clusters,
            Gazetteer::german(),
            self.adapted.then_some(0),
            &mut s.feats,
            &mut s.offsets,
        );
        s.emit.clear();
        s.emit.resize(toks.len() * NUM_LABELS, 0.0);
        for i in 0..toks.len() {
            let row = &mut s.emit[i * NUM_LABELS..(i + 1) * NUM_LABELS];
            for f in &s.feats[s.offsets[i]..s.offsets[i + 1]] {
                if let Some(&(off, len)) = self.index.get(f) {
                    let (off, len) = (off as usize, len as usize);
                    for (l, w) in self.labels[off..off + len]
                        .iter()
                        .zip(&self.weights[off..off + len])
                    {
                        row[*l as usize] += w;
                    }
                }
            }
        }
        viterbi(&s.emit, &self.start, &self.trans, toks.len())
    }

    /// Best BIO labels (`B-LOCderiv`, `O`, …) for one tokenized sentence.
    pub fn tag(&self, toks: &[&str]) -> Vec<String> {
        self.tag_indices(toks, &mut Scratch::default())
            .into_iter()
            .map(labels::name)
            .collect()
    }
}

/// Viterbi decoding of `n` tokens under BIO constraints.
pub(crate) fn viterbi(emit: &[f32], start: &[f32], trans: &[f32], n: usize) -> Vec<usize> {
    const L: usize = NUM_LABELS;
    let mut score = vec![f32::NEG_INFINITY; n * L];
    let mut back = vec![0u8; n * L];
    for l in 0..L {
        if labels::allowed(None, l) {
            score[l] = start[l] + emit[l];
        }
    }
    for i in 1..n {
        for l in 0..L {
            let mut best = (f32::NEG_INFINITY, 0usize);
            for p in 0..L {
                if !labels::allowed(Some(p), l) {
                    continue;
                }
                let s = score[(i - 1) * L + p] + trans[p * L + l];
                if s > best.0 {
                    best = (s, p);
                }
            }
            score[i * L + l] = best.0 + emit[i * L + l];
            back[i * L + l] = best.1 as u8;
        }
    }
    let last = &score[(n - 1) * L..n * L];
    let mut l = (0..L)
        .max_by(|&a, &b| last[a].total_cmp(&last[b]).then(b.cmp(&a)))
        .unwrap_or(0);
    let mut out = vec![0; n];
    for i in (0..n).rev() {
        out[i] = l;
        l = back[i * L + l] as usize;
    }
    out
}

fn put_varint(b: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        b.push((v as u8) | 0x80);
        v >>= 7;
    }
    b.push(v as u8);
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.b.get(self.pos..self.pos + n)?;
        self.pos += n;
        Some(s)
    }
    fn arr<const N: usize>(&mut self) -> Result<[u8; N], NerError> {
        self.take(N)
            .and_then(|s| s.try_into().ok())
            .ok_or_else(|| NerError::BadModel("truncated model file".into()))
    }
    fn u8(&mut self) -> Result<u8, NerError> {
        Ok(self.arr::<1>()?[0])
    }
    fn u16(&mut self) -> Result<u16, NerError> {
        Ok(u16::from_le_bytes(self.arr()?))
    }
    fn i16(&mut self) -> Result<i16, NerError> {
        Ok(i16::from_le_bytes(self.arr()?))
    }
    fn u32(&mut self) -> Result<u32, NerError> {
        Ok(u32::from_le_bytes(self.arr()?))
    }
    fn f32(&mut self) -> Result<f32, NerError> {
        Ok(f32::from_le_bytes(self.arr()?))
    }
    fn varint(&mut self) -> Result<u64, NerError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(NerError::BadModel("varint too long".into()))
    }
}
