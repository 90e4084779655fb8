//! Distributional word clusters from unlabelled text: PPMI context vectors
//! (neighbours at ±1 and ±2 among the most frequent words), clustered twice
//! with spherical k-means (a coarse and a fine partition).

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::corpus::{read_text, simple_tokens};
use crate::NerError;

/// Word → (coarse cluster, fine cluster).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Clusters {
    map: HashMap<String, (u16, u16)>,
}

/// Settings of [`build_clusters`].
#[derive(Debug, Clone)]
pub struct ClusterOptions {
    /// Words seen fewer times get no cluster.
    pub min_count: u32,
    /// At most this many (most frequent) words get a cluster.
    pub max_words: usize,
    /// Number of context words per position.
    pub contexts: usize,
    /// Clusters of the coarse partition.
    pub coarse: usize,
    /// Clusters of the fine partition.
    pub fine: usize,
    /// k-means iterations.
    pub iterations: usize,
    /// Seed of the k-means initialisation.
    pub seed: u64,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            min_count: 5,
            max_words: 40_000,
            contexts: 500,
            coarse: 64,
            fine: 400,
            iterations: 12,
            seed: 7,
        }
    }
}

impl Clusters {
    /// The clusters of `word`, if it has any.
    pub fn get(&self, word: &str) -> Option<(u16, u16)> {
        self.map.get(word).copied()
    }

    /// Number of words with a cluster.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether no word has a cluster.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Entries sorted by word (a stable order for files).
    pub(crate) fn sorted(&self) -> Vec<(&str, u16, u16)> {
        let mut v: Vec<_> = self
            .map
            .iter()
            .map(|(w, &(c, f))| (w.as_str(), c, f))
            .collect();
        v.sort_unstable();
        v
    }

    pub(crate) fn insert(&mut self, word: String, coarse: u16, fine: u16) {
        self.map.insert(word, (coarse, fine));
    }

    /// Reads a `word<TAB>coarse<TAB>fine` file (gzipped when named `.gz`).
    pub fn read(path: &Path) -> Result<Clusters, NerError> {
        let text = read_text(path)?;
        let mut c = Clusters::default();
        for (n, line) in text.lines().enumerate() {
            let mut cols = line.split('\t');
            let parsed = (|| {
                let w = cols.next()?;
                let a = cols.next()?.parse().ok()?;
                let b = cols.next()?.parse().ok()?;
                Some((w.to_string(), a, b))
            })();
            let Some((w, a, b)) = parsed else {
                return Err(NerError::Format {
                    path: path.to_path_buf(),
                    line: n + 1,
                    message: "expected word<TAB>coarse<TAB>fine".into(),
                });
            };
            c.insert(w, a, b);
        }
        Ok(c)
    }

    /// Writes the clusters as a gzipped `word<TAB>coarse<TAB>fine` file.
    pub fn write(&self, path: &Path) -> Result<(), NerError> {
        let io = |source| NerError::Io {
            path: path.to_path_buf(),
            source,
        };
        let mut text = String::new();
        for (w, c, f) in self.sorted() {
            text.push_str(&format!("{w}\t{c}\t{f}\n"));
        }
        let file = std::fs::File::create(path).map_err(io)?;
        let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::best());
        gz.write_all(text.as_bytes()).map_err(io)?;
        gz.finish().map_err(io)?;
        Ok(())
    }
}

/// Files under `inputs` (directories walked in sorted order), minus `exclude`.
fn list_files(inputs: &[PathBuf], exclude: &[PathBuf]) -> Result<Vec<PathBuf>, NerError> {
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = inputs.iter().rev().cloned().collect();
    while let Some(p) = stack.pop() {
        if exclude.iter().any(|e| p.ends_with(e) || e == &p) {
            continue;
        }
        if p.is_dir() {
            let rd = std::fs::read_dir(&p).map_err(|source| NerError::Io {
                path: p.clone(),
                source,
            })?;
            let mut kids: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
            kids.sort();
            stack.extend(kids.into_iter().rev());
        } else {
            out.push(p);
        }
    }
    Ok(out)
}

/// Token sequences of one file of any shared-data layout: the token column
/// of TSV/CoNLL files, text fields of JSON, tag-stripped XML/SGML, else lines.
fn file_sentences(path: &Path) -> Result<Vec<Vec<String>>, NerError> {
    let text = read_text(path)?;
    let name = path.to_string_lossy().to_string();
    let mut out = Vec::new();
    let words = |s: &str| -> Vec<String> {
        simple_tokens(s)
            .into_iter()
            .map(|(a, b)| s[a..b].to_string())
            .collect()
    };
    if name.contains(".json") {
        let stream = serde_json::Deserializer::from_str(&text).into_iter::<serde_json::Value>();
        for v in stream.flatten() {
            walk_json(&v, "", &mut out, &words);
        }
    } else if name.ends_with(".xml") || name.ends_with(".sgm") {
        let mut plain = String::with_capacity(text.len());
        let mut in_tag = false;
        for c in text.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => {
                    in_tag = false;
                    plain.push(' ');
                }
                _ if !in_tag => plain.push(c),
                _ => {}
            }
        }
        out.extend(plain.lines().map(words).filter(|w| !w.is_empty()));
    } else if text.lines().take(50).any(|l| l.contains('\t')) {
        let mut col = None;
        let mut cur = Vec::new();
        for line in text.lines() {
            if line.trim().is_empty() {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                continue;
            }
            if line.starts_with('#') && line.len() > 1 {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let c = *col.get_or_insert_with(|| {
                usize::from(cols.len() > 1 && cols[0].bytes().all(|b| b.is_ascii_digit()))
            });
            if cols[0] == "TOKEN" || cols[0] == "tok" {
                continue;
            }
            if let Some(t) = cols.get(c) {
                cur.push(t.to_string());
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    } else {
        out.extend(text.lines().map(words).filter(|w| !w.is_empty()));
    }
    Ok(out)
}

fn walk_json(
    v: &serde_json::Value,
    key: &str,
    out: &mut Vec<Vec<String>>,
    words: &dyn Fn(&str) -> Vec<String>,
) {
    use serde_json::Value;
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                // `raw` repeats the text as HTML/XML.
                if k != "raw" {
                    walk_json(x, k, out, words);
                }
            }
        }
        Value::Array(a) if key == "Tokens" => {
            out.push(
                a.iter()
                    .filter_map(|t| t.as_str().map(str::to_string))
                    .collect(),
            );
        }
        Value::Array(a) => {
            for x in a {
                walk_json(x, key, out, words);
            }
        }
        Value::String(s) if s.len() >= 20 && s.contains(' ') => {
            out.extend(s.lines().map(words).filter(|w| !w.is_empty()));
        }
        _ => {}
    }
}

/// splitmix64: a small deterministic generator for seeds and shuffles.
pub(crate) struct Rng(pub u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

type SparseVec = Vec<(u32, f32)>;

/// Builds word clusters from every text file under `inputs` except `exclude`.
pub fn build_clusters(
    inputs: &[PathBuf],
    exclude: &[PathBuf],
    opts: &ClusterOptions,
) -> Result<Clusters, NerError> {
    let mut sentences = Vec::new();
    for f in list_files(inputs, exclude)? {
        sentences.extend(file_sentences(&f)?);
    }
    let mut freq: HashMap<&str, u32> = HashMap::new();
    for s in &sentences {
        for w in s {
            *freq.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut by_freq: Vec<(&str, u32)> = freq.into_iter().collect();
    by_freq.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let vocab: Vec<&str> = by_freq
        .iter()
        .filter(|(_, c)| *c >= opts.min_count)
        .take(opts.max_words)
        .map(|(w, _)| *w)
        .collect();
    let word_id: HashMap<&str, u32> = vocab
        .iter()
        .enumerate()
        .map(|(i, w)| (*w, i as u32))
        .collect();
    let nctx = opts.contexts.min(vocab.len());
    let dims = 4 * nctx;
    let mut counts: HashMap<u64, f32> = HashMap::new();
    for s in &sentences {
        let ids: Vec<Option<u32>> = s.iter().map(|w| word_id.get(w.as_str()).copied()).collect();
        for (i, id) in ids.iter().enumerate() {
            let Some(w) = id else { continue };
            for (block, d) in [(0usize, -2isize), (1, -1), (2, 1), (3, 2)] {
                let j = i as isize + d;
                if j < 0 || j as usize >= ids.len() {
                    continue;
                }
                if let Some(c) = ids[j as usize].filter(|&c| (c as usize) < nctx) {
                    let dim = (block * nctx + c as usize) as u64;
                    *counts.entry(u64::from(*w) * dims as u64 + dim).or_default() += 1.0;
                }
            }
        }
    }
    // PPMI with context-distribution smoothing (exponent 0.75).
    let mut row = vec![0f64; vocab.len()];
    let mut col = vec![0f64; dims];
    let mut keys: Vec<(u64, f32)> = counts.into_iter().collect();
    keys.sort_unstable_by_key(|k| k.0);
    for &(k, c) in &keys {
        row[(k / dims as u64) as usize] += f64::from(c);
        col[(k % dims as u64) as usize] += f64::from(c);
    }
    let col_s: Vec<f64> = col.iter().map(|c| c.powf(0.75)).collect();
    let total: f64 = row.iter().sum();
    let total_s: f64 = col_s.iter().sum();
    let mut vecs: Vec<SparseVec> = vec![Vec::new(); vocab.len()];
    for &(k, c) in &keys {
        let (w, d) = ((k / dims as u64) as usize, (k % dims as u64) as usize);
        let pmi = (f64::from(c) / total / ((row[w] / total) * (col_s[d] / total_s))).ln();
        if pmi > 0.0 {
            vecs[w].push((d as u32, pmi as f32));
        }
    }
    for v in &mut vecs {
        let n = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
        if n > 0.0 {
            v.iter_mut().for_each(|(_, x)| *x /= n);
        }
    }
    let coarse = kmeans(&vecs, dims, opts.coarse, opts.iterations, opts.seed);
    let fine = kmeans(&vecs, dims, opts.fine, opts.iterations, opts.seed ^ 0x5eed);
    let mut out = Clusters::default();
    for (i, w) in vocab.iter().enumerate() {
        if !vecs[i].is_empty() {
            out.insert(w.to_string(), coarse[i], fine[i]);
        }
    }
    Ok(out)
}

/// Spherical k-means over sparse unit vectors; returns each vector's cluster.
/// Centroids are stored dimension-major so scoring one word against every
/// centroid is one contiguous multiply-add per non-zero dimension.
fn kmeans(vecs: &[SparseVec], dims: usize, k: usize, iters: usize, seed: u64) -> Vec<u16> {
    let k = k.min(vecs.len()).max(1);
    let mut rng = Rng(seed);
    let mut cent = vec![0f32; dims * k];
    let mut picked = std::collections::HashSet::new();
    for c in 0..k {
        let mut i = rng.below(vecs.len());
        while picked.contains(&i) || vecs[i].is_empty() {
            i = rng.below(vecs.len());
        }
        picked.insert(i);
        for &(d, x) in &vecs[i] {
            cent[d as usize * k + c] = x;
        }
    }
    let mut assign = vec![0u16; vecs.len()];
    let mut scores = vec![0f32; k];
    for _ in 0..iters {
        for (i, v) in vecs.iter().enumerate() {
            scores.iter_mut().for_each(|s| *s = 0.0);
            for &(d, x) in v {
                let row = &cent[d as usize * k..(d as usize + 1) * k];
                for (s, c) in scores.iter_mut().zip(row) {
                    *s += x * c;
                }
            }
            let mut best = (f32::MIN, 0usize);
            for (c, &s) in scores.iter().enumerate() {
                if s > best.0 {
                    best = (s, c);
                }
            }
            assign[i] = best.1 as u16;
        }
        cent.iter_mut().for_each(|x| *x = 0.0);
        for (i, v) in vecs.iter().enumerate() {
            let c = assign[i] as usize;
            for &(d, x) in v {
                cent[d as usize * k + c] += x;
            }
        }
        let mut norms = vec![0f32; k];
        for row in cent.chunks(k) {
            for (n, x) in norms.iter_mut().zip(row) {
                *n += x * x;
            }
        }
        for row in cent.chunks_mut(k) {
            for (x, n) in row.iter_mut().zip(&norms) {
                if *n > 0.0 {
                    *x /= n.sqrt();
                }
            }
        }
    }
    assign
}
