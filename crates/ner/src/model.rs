//! The trained model: sparse per-feature label weights, label transitions and
//! the word clusters the features were computed with; its gzipped binary
//! format; and Viterbi decoding under BIO constraints.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{Read, Write};
use std::sync::Arc;

use newsgraph_pack::Pack;

use crate::clusters::Clusters;
use crate::features;
use crate::gazetteer::Gazetteer;
use crate::labels::{self, NUM_LABELS};
use crate::table::{Entries, Entry, FeatureTable, Slot};
use crate::{NerError, NerPack};

/// Version 4 adds the language byte; version 3 files are of the first
/// language of [`LANGUAGE_BYTES`]; version 5 names the language by its pack
/// code (written for languages without a byte).
const MAGIC: &[u8; 8] = b"NGNER\x00\x00\x04";
const MAGIC_V3: &[u8; 8] = b"NGNER\x00\x00\x03";
const MAGIC_V5: &[u8; 8] = b"NGNER\x00\x00\x05";

/// The pack codes of the language bytes of version 4 files, by byte value:
/// part of the file format (the shipped models are version 4), not a choice
/// of languages.
const LANGUAGE_BYTES: [&str; 2] = ["de", "en"];

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
    /// The language whose gazetteers the features use.
    pub(crate) lang: NerPack,
    /// That language's gazetteers.
    gazetteer: Arc<Gazetteer>,
    pub(crate) clusters: Clusters,
    /// Whether features carry domain copies (training mixed corpora); the
    /// target domain is 0.
    pub(crate) adapted: bool,
    /// Score of starting a sentence with each label.
    pub(crate) start: Vec<f32>,
    /// `trans[prev * NUM_LABELS + next]`.
    pub(crate) trans: Vec<f32>,
    /// Feature hash → weights, as trained and saved.
    raw: FeatureTable,
    /// For an adapted model, `raw` with every target-domain copy folded into
    /// its general feature (see [`fold_domain`]), so tagging looks each
    /// feature up once instead of twice.
    folded: Option<FeatureTable>,
}

/// Reusable buffers for tagging many sentences.
#[derive(Debug, Default)]
pub struct Scratch {
    feats: Vec<u64>,
    offsets: Vec<usize>,
    hits: Vec<Option<Slot>>,
    emit: Vec<f32>,
}

impl Model {
    /// Assembles a model from its parts; `features` maps a feature hash to its
    /// non-zero `(label, weight)` pairs.
    pub(crate) fn from_parts(
        lang: NerPack,
        gazetteer: Arc<Gazetteer>,
        clusters: Clusters,
        adapted: bool,
        start: Vec<f32>,
        trans: Vec<f32>,
        mut features: Vec<(u64, Vec<(u8, f32)>)>,
    ) -> Model {
        features.sort_unstable_by_key(|f| f.0);
        let entries = features.iter().map(|f| f.1.len()).sum();
        let mut raw = FeatureTable::with_capacity(features.len(), entries);
        for (h, ws) in features {
            raw.insert_new(
                h,
                ws.into_iter()
                    .map(|(label, weight)| Entry { weight, label }),
            );
        }
        Model::assemble(lang, gazetteer, clusters, adapted, start, trans, raw)
    }

    fn assemble(
        lang: NerPack,
        gazetteer: Arc<Gazetteer>,
        clusters: Clusters,
        adapted: bool,
        start: Vec<f32>,
        trans: Vec<f32>,
        raw: FeatureTable,
    ) -> Model {
        let folded = adapted.then(|| fold_domain(&raw, features::domain_salt(0)));
        Model {
            lang,
            gazetteer,
            clusters,
            adapted,
            start,
            trans,
            raw,
            folded,
        }
    }

    /// The language the model was trained for (the pack whose gazetteers
    /// its features use).
    pub fn lang(&self) -> &NerPack {
        &self.lang
    }

    /// Number of features with a non-zero weight.
    pub fn num_features(&self) -> usize {
        self.raw.len()
    }

    /// Number of words with a cluster.
    pub fn num_cluster_words(&self) -> usize {
        self.clusters.len()
    }

    /// Serialises the model (gzip of a little-endian binary layout; the same
    /// model always gives the same bytes).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::new();
        let code = self.lang.code();
        match LANGUAGE_BYTES.iter().position(|c| *c == code) {
            Some(byte) => {
                b.extend_from_slice(MAGIC);
                b.push(byte as u8);
            }
            None => {
                b.extend_from_slice(MAGIC_V5);
                b.push(code.len().min(255) as u8);
                b.extend_from_slice(&code.as_bytes()[..code.len().min(255)]);
            }
        }
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
        let max = self
            .raw
            .iter()
            .map(|(_, ws)| {
                ws.as_slice()
                    .iter()
                    .fold(0f32, |m, e| m.max(e.weight.abs()))
            })
            .fold(0f32, f32::max);
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        b.extend_from_slice(&scale.to_le_bytes());
        let mut keys: Vec<(u64, Entries)> = self.raw.iter().collect();
        keys.sort_unstable_by_key(|k| k.0);
        b.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        let mut prev = 0u64;
        for (h, ws) in keys {
            put_varint(&mut b, h - prev);
            prev = h;
            let ws = ws.as_slice();
            b.push(ws.len() as u8);
            for e in ws {
                b.push(e.label);
                let q = (e.weight / scale).round() as i16;
                b.extend_from_slice(&q.to_le_bytes());
            }
        }
        let mut gz = flate2::GzBuilder::new()
            .mtime(0)
            .write(Vec::new(), flate2::Compression::best());
        gz.write_all(&b).expect("writing to a Vec cannot fail");
        gz.finish().expect("writing to a Vec cannot fail")
    }

    /// Reads a model written by [`Model::to_bytes`], with the gazetteers of
    /// the shipped pack of its language.
    pub fn from_bytes(gz: &[u8]) -> Result<Model, NerError> {
        Model::decode(gz, |code| {
            NerPack::from_code(code).ok_or_else(|| {
                NerError::BadModel(format!(
                    "the model is for language {code:?}, which has no shipped language pack \
                     with a [ner] section; load it with its pack (Model::from_pack)"
                ))
            })
        })
    }

    /// The model `pack` names (`[ner.files] model`), with the pack's
    /// gazetteers. The pack decides the language: a model copied into
    /// another pack (a regional variety starting from the German one) serves
    /// that pack's documents, whatever language it was first trained for.
    pub fn from_pack(pack: &Arc<Pack>) -> Result<Model, NerError> {
        let bytes = pack.bytes("ner", "model")?;
        Model::decode(&bytes, |_trained_for| {
            NerPack::of_pack(pack.clone()).ok_or_else(|| {
                NerError::BadModel(format!("language pack {}: no [ner] section", pack.code()))
            })
        })
    }

    /// Decodes a model file; `lang_of` turns the language code it was
    /// trained for into the language whose gazetteers it uses.
    fn decode(
        gz: &[u8],
        lang_of: impl FnOnce(&str) -> Result<NerPack, NerError>,
    ) -> Result<Model, NerError> {
        let bad = |what: &str| NerError::BadModel(what.to_string());
        let mut b = Vec::new();
        flate2::read::GzDecoder::new(gz)
            .read_to_end(&mut b)
            .map_err(|e| bad(&format!("not a gzip stream ({e})")))?;
        let mut r = Reader { b: &b, pos: 0 };
        let code = match r.take(8).ok_or_else(|| bad("truncated header"))? {
            m if m == MAGIC => LANGUAGE_BYTES
                .get(r.u8()? as usize)
                .ok_or_else(|| bad("unknown language"))?
                .to_string(),
            m if m == MAGIC_V3 => LANGUAGE_BYTES[0].to_string(),
            m if m == MAGIC_V5 => {
                let n = r.u8()? as usize;
                let code = r.take(n).ok_or_else(|| bad("truncated language code"))?;
                String::from_utf8(code.to_vec()).map_err(|_| bad("language code is not UTF-8"))?
            }
            _ => return Err(bad("wrong magic number or version")),
        };
        let lang = lang_of(&code)?;
        let gazetteer = lang.gazetteer()?;
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
        // Every weight takes three bytes in the file: a bound on their number.
        let mut raw = FeatureTable::with_capacity(n, r.b.len().saturating_sub(r.pos) / 3);
        let mut h = 0u64;
        let mut ws = Vec::with_capacity(NUM_LABELS);
        for i in 0..n {
            let step = r.varint()?;
            if i > 0 && step == 0 {
                return Err(bad("feature listed twice"));
            }
            h = h.wrapping_add(step);
            ws.clear();
            for _ in 0..r.u8()? {
                let label = r.u8()?;
                if label as usize >= NUM_LABELS {
                    return Err(bad("label index out of range"));
                }
                let weight = f32::from(r.i16()?) * scale;
                ws.push(Entry { weight, label });
            }
            raw.insert_new(h, ws.iter().copied());
        }
        Ok(Model::assemble(
            lang, gazetteer, clusters, adapted, start, trans, raw,
        ))
    }

    /// Best label sequence (label indices, see [`crate::labels`]) for one
    /// tokenized sentence.
    pub fn tag_indices(&self, toks: &[&str], s: &mut Scratch) -> Vec<usize> {
        if toks.is_empty() {
            return Vec::new();
        }
        self.emissions(toks, s);
        let mut labs = viterbi(&s.emit, &self.start, &self.trans, toks.len());
        extend_names(toks, &mut labs, &self.gazetteer);
        labs
    }

    /// Fills `s.emit` with the label scores of every token.
    fn emissions(&self, toks: &[&str], s: &mut Scratch) {
        // The folded table already holds the target-domain copies.
        let (table, domain) = match &self.folded {
            Some(t) => (t, None),
            None => (&self.raw, self.adapted.then_some(0)),
        };
        features::extract(
            toks,
            &self.clusters,
            &self.gazetteer,
            domain,
            &mut s.feats,
            &mut s.offsets,
        );
        s.emit.clear();
        s.emit.resize(toks.len() * NUM_LABELS, 0.0);
        // All slots first, then all weights: the lookups are independent, so
        // the processor overlaps their cache misses.
        s.hits.clear();
        s.hits.extend(s.feats.iter().map(|&f| table.find(f)));
        for i in 0..toks.len() {
            let row = &mut s.emit[i * NUM_LABELS..(i + 1) * NUM_LABELS];
            for hit in s.hits[s.offsets[i]..s.offsets[i + 1]].iter().flatten() {
                table.add_to(*hit, row);
            }
        }
    }

    /// Best BIO labels (`B-LOCderiv`, `O`, …) for one tokenized sentence.
    pub fn tag(&self, toks: &[&str]) -> Vec<String> {
        self.tag_indices(toks, &mut Scratch::default())
            .into_iter()
            .map(labels::name)
            .collect()
    }
}

/// Whether a token is one capitalised word: an upper-case letter, then
/// lower-case letters only.
fn is_capitalised_word(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase)
}

/// Completes multi-part personal names the tagger stopped short of: a person
/// chunk of two or more capitalised words that has not reached a listed
/// surname (*Kim Jong*, not *Angela Merkel*) and does not end in a genitive
/// `s` (*Konrad Adenauers Tod*) is extended over a directly following short
/// capitalised word with a vowel (four letters at most: the final syllable
/// of an East Asian given name, *Un*, *Jae*, *Minh*; not *Dr*) that the
/// tagger left outside any name.
fn extend_names(toks: &[&str], labs: &mut [usize], gaz: &Gazetteer) {
    let (b_per, i_per) = (labels::begin(0), labels::begin(0) + 1);
    let mut i = 0;
    while i < labs.len() {
        if labs[i] != b_per {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < labs.len() && labs[j] == i_per {
            j += 1;
        }
        if j - i >= 2
            && j < labs.len()
            && labs[j] == labels::O
            && toks[i..j].iter().all(|w| is_capitalised_word(w))
            && !gaz.is_surname(toks[j - 1])
            && !toks[j - 1].ends_with('s')
            && is_capitalised_word(toks[j])
            && toks[j].chars().count() <= 4
            && toks[j]
                .chars()
                .any(|c| "aeiouyäöü".contains(c.to_ascii_lowercase()))
        {
            labs[j] = i_per;
            j += 1;
        }
        i = j;
    }
}

/// Folds the copies of domain `salt` into the general features: tagging the
/// target domain adds `W[h] + W[h ^ salt]` for every extracted general
/// feature `h`, so the folded table maps every `x` of `K ∪ (K ^ salt)` (`K`
/// the stored keys) to exactly that sum. Keys that are only another key's
/// twin by chance are covered too, so the scores equal the unfolded ones up
/// to the order of float additions.
fn fold_domain(raw: &FeatureTable, salt: u64) -> FeatureTable {
    let lonely = raw
        .iter()
        .filter(|(k, _)| raw.find(k ^ salt).is_none())
        .count();
    let mut out = FeatureTable::with_capacity(raw.len() + lonely, 2 * raw.num_entries());
    let mut acc = [(false, 0f32); NUM_LABELS];
    for (k, ws) in raw.iter() {
        let (ws, twin) = (ws.as_slice(), raw.get(k ^ salt));
        let twin = twin.as_slice();
        acc.fill((false, 0.0));
        for e in ws.iter().chain(twin) {
            let a = &mut acc[e.label as usize % NUM_LABELS];
            *a = (true, if a.0 { a.1 + e.weight } else { e.weight });
        }
        out.insert_new(
            k,
            acc.iter()
                .enumerate()
                .filter(|(_, a)| a.0 && a.1 != 0.0)
                .map(|(l, a)| Entry {
                    weight: a.1,
                    label: l as u8,
                }),
        );
        if twin.is_empty() {
            // `k ^ salt` has no weights of its own: its sum is `W[k]`.
            out.insert_new(k ^ salt, ws.iter().copied());
        }
    }
    out
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
    // Allowed predecessors of every label, in increasing order so ties
    // still go to the lowest label.
    let mut preds = [[0u8; L]; L];
    let mut npreds = [0usize; L];
    for l in 0..L {
        for p in 0..L {
            if labels::allowed(Some(p), l) {
                preds[l][npreds[l]] = p as u8;
                npreds[l] += 1;
            }
        }
    }
    // `trans` transposed, so the inner loop reads one contiguous row.
    let mut into = [[0f32; L]; L];
    for (l, row) in into.iter_mut().enumerate() {
        for (p, x) in row.iter_mut().enumerate() {
            *x = trans[p * L + l];
        }
    }
    for i in 1..n {
        let (done, rest) = score.split_at_mut(i * L);
        let prev = &done[(i - 1) * L..];
        let (cur, em, bk) = (
            &mut rest[..L],
            &emit[i * L..(i + 1) * L],
            &mut back[i * L..(i + 1) * L],
        );
        for l in 0..L {
            let mut best = (f32::NEG_INFINITY, 0u8);
            for &p in &preds[l][..npreds[l]] {
                let s = prev[p as usize] + into[l][p as usize];
                if s > best.0 {
                    best = (s, p);
                }
            }
            cur[l] = best.0 + em[l];
            bk[l] = best.1;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn german() -> NerPack {
        NerPack::from_code("de").unwrap()
    }

    #[test]
    fn person_chunks_take_a_final_short_name_part() {
        let gaz = &*german().gazetteer().unwrap();
        let run = |toks: &[&str], labs: &[&str]| -> Vec<String> {
            let mut l: Vec<usize> = labs.iter().map(|x| labels::parse(x)).collect();
            extend_names(toks, &mut l, gaz);
            l.into_iter().map(labels::name).collect()
        };
        assert_eq!(
            run(
                &["Kim", "Jong", "Un", "sagte"],
                &["B-PER", "I-PER", "O", "O"]
            ),
            ["B-PER", "I-PER", "I-PER", "O"]
        );
        // A listed surname ends the name; so do a genitive and a title.
        let keep = |toks: &[&str]| {
            let labs = ["B-PER", "I-PER", "O"];
            assert_eq!(run(toks, &labs), labs, "{toks:?}");
        };
        keep(&["Angela", "Schmidt", "Rat"]);
        keep(&["Konrad", "Adenauers", "Tod"]);
        keep(&["Roman", "Melchinger", "Dr"]);
        keep(&["Patrick", "Brunn", "Auf."]);
        // One-word names are not extended.
        assert_eq!(run(&["Kim", "Un"], &["B-PER", "O"]), ["B-PER", "O"]);
    }

    /// An adapted model over real feature hashes of a few sentences: general
    /// features, target-domain (0) and other-domain (1) copies, with weights
    /// chosen so that some features have no general weight, some no target
    /// copy and some only another domain's copy.
    fn adapted_model(sents: &[Vec<&str>]) -> Model {
        let (mut feats, mut offs) = (Vec::new(), Vec::new());
        let mut keys = Vec::new();
        let gazetteer = german().gazetteer().unwrap();
        for toks in sents {
            for d in [0u8, 1] {
                features::extract(
                    toks,
                    &Clusters::default(),
                    &gazetteer,
                    Some(d),
                    &mut feats,
                    &mut offs,
                );
                keys.extend_from_slice(&feats);
            }
        }
        keys.sort_unstable();
        keys.dedup();
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut parts = Vec::new();
        for k in keys {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            if x.is_multiple_of(4) {
                continue;
            }
            let ws: Vec<(u8, f32)> = (0..NUM_LABELS as u8)
                .filter(|l| (x >> (l % 32)) & 3 == 0)
                .map(|l| (l, ((x >> 20) % 2001) as f32 / 1000.0 - 1.0))
                .collect();
            if !ws.is_empty() {
                parts.push((k, ws));
            }
        }
        let start = (0..NUM_LABELS).map(|l| l as f32 * 0.01).collect();
        let trans = (0..NUM_LABELS * NUM_LABELS)
            .map(|i| ((i * 7) % 11) as f32 * 0.05 - 0.25)
            .collect();
        Model::from_parts(
            german(),
            gazetteer,
            Clusters::default(),
            true,
            start,
            trans,
            parts,
        )
    }

    #[test]
    fn folding_domain_copies_keeps_scores() {
        let sents: Vec<Vec<&str>> = [
            "Bundeskanzler Olaf Scholz reiste am Montag nach Paris .",
            "Die EU-Staaten beraten in Brüssel über Russlands Krieg .",
            "Der Kreml kündigte eine Russlandreise an .",
        ]
        .iter()
        .map(|s| s.split(' ').collect())
        .collect();
        let folded = adapted_model(&sents);
        let mut plain = folded.clone();
        plain.folded = None;
        let (mut a, mut b) = (Scratch::default(), Scratch::default());
        for toks in &sents {
            folded.emissions(toks, &mut a);
            plain.emissions(toks, &mut b);
            assert_eq!(a.emit.len(), b.emit.len());
            for (x, y) in a.emit.iter().zip(&b.emit) {
                assert!((x - y).abs() < 1e-4, "{x} vs {y}");
            }
            assert_eq!(
                folded.tag_indices(toks, &mut a),
                plain.tag_indices(toks, &mut b)
            );
        }
        assert!(a.emit.iter().any(|&x| x != 0.0));
    }

    #[test]
    fn saved_model_reads_back_to_the_same_bytes() {
        let sents = vec!["Olaf Scholz besucht Paris .".split(' ').collect::<Vec<_>>()];
        let m = adapted_model(&sents);
        let bytes = m.to_bytes();
        let back = Model::from_bytes(&bytes).unwrap();
        assert_eq!(back.num_features(), m.num_features());
        assert_eq!(
            back.to_bytes(),
            Model::from_bytes(&back.to_bytes()).unwrap().to_bytes()
        );
        let toks = &sents[0];
        assert_eq!(back.tag(toks), m.tag(toks));
    }
}
