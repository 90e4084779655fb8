//! Feature extraction: every token gets a list of 64-bit feature hashes
//! (template id plus strings), so the model needs no string feature index.

use crate::clusters::Clusters;
use crate::gazetteer::{Gazetteer, CATEGORIES};

/// Hashes a template id and up to three strings (FNV-1a, then a final mix so
/// nearby inputs spread over the whole 64 bits). Stable across platforms:
/// model files depend on it.
fn hash(tpl: u8, parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    eat(tpl);
    for p in parts {
        eat(0xff);
        for &b in p.as_bytes() {
            eat(b);
        }
    }
    // splitmix64 finaliser
    let mut z = h;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The value XOR-ed into every feature hash to make its copy specific to
/// `domain`.
pub(crate) fn domain_salt(domain: u8) -> u64 {
    hash(255, &[&domain.to_string()])
}

/// Per-token facts computed once per sentence.
struct Tok<'a> {
    word: &'a str,
    lower: String,
    shape: String,
    /// The fine and coarse word clusters spelt out (`-` for none), made once
    /// per token as several templates of it and its neighbours use them.
    fine_s: String,
    coarse_s: String,
}

fn shape(w: &str) -> String {
    let mut s = String::new();
    let mut last = None;
    for c in w.chars().take(24) {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if last != Some(k) {
            s.push(k);
            last = Some(k);
        }
    }
    s
}

fn prefix(s: &str, n: usize) -> Option<&str> {
    let end = s.char_indices().nth(n).map(|(i, _)| i)?;
    Some(&s[..end])
}

fn suffix(s: &str, n: usize) -> Option<&str> {
    let count = s.chars().count();
    if count <= n {
        return None;
    }
    let start = s.char_indices().nth(count - n).map(|(i, _)| i)?;
    Some(&s[start..])
}

fn num(n: u16) -> String {
    n.to_string()
}

/// Appends the feature hashes of every token of `toks` to `out`; token `i`
/// owns `out[offsets[i]..offsets[i + 1]]`.
///
/// With a `domain`, every feature also gets a copy specific to that domain
/// (Daumé's "frustratingly easy" domain adaptation): corpora annotated with
/// other conventions then share the general weights but keep their quirks in
/// their own copies, and tagging uses the general plus the target copies.
pub fn extract(
    toks: &[&str],
    clusters: &Clusters,
    gaz: &Gazetteer,
    domain: Option<u8>,
    out: &mut Vec<u64>,
    offsets: &mut Vec<usize>,
) {
    out.clear();
    offsets.clear();
    let info: Vec<Tok> = toks
        .iter()
        .map(|&w| {
            let lower = w.to_lowercase();
            let (coarse, fine) = clusters
                .get(w)
                .or_else(|| clusters.get(&lower))
                .map_or((None, None), |(c, f)| (Some(c), Some(f)));
            Tok {
                word: w,
                shape: shape(w),
                lower,
                fine_s: fine.map_or("-".into(), num),
                coarse_s: coarse.map_or("-".into(), num),
            }
        })
        .collect();
    let spans = gaz.spans(toks);
    let lw = |j: isize| -> &str {
        if j < 0 {
            "<s>"
        } else {
            info.get(j as usize).map_or("</s>", |t| t.lower.as_str())
        }
    };
    let sh = |j: isize| -> &str {
        if j < 0 {
            "<s>"
        } else {
            info.get(j as usize).map_or("</s>", |t| t.shape.as_str())
        }
    };
    let fine = |j: isize| -> &str {
        if j < 0 {
            return "<s>";
        }
        info.get(j as usize).map_or("</s>", |t| t.fine_s.as_str())
    };
    let gaz_bits = |j: isize| -> (u16, u16) {
        if j < 0 {
            return (0, 0);
        }
        spans.get(j as usize).copied().unwrap_or((0, 0))
    };
    let salt = domain.map(domain_salt);
    // Byte offsets of the characters of the current token's lower form.
    let mut chars: Vec<usize> = Vec::new();
    for (i, t) in info.iter().enumerate() {
        if let (Some(salt), Some(&from)) = (salt, offsets.last()) {
            let to = out.len();
            out.extend_from_within(from..to);
            out[to..].iter_mut().for_each(|h| *h ^= salt);
        }
        offsets.push(out.len());
        let ii = i as isize;
        let mut f = |tpl: u8, parts: &[&str]| out.push(hash(tpl, parts));
        f(0, &[]);
        f(1, &[t.word]);
        f(2, &[&t.lower]);
        for n in 1..=4 {
            if let Some(p) = prefix(&t.lower, n) {
                f(3, &[p]);
            }
            if let Some(s) = suffix(&t.lower, n) {
                f(4, &[s]);
            }
        }
        f(5, &[&t.shape]);
        let cap = t.word.chars().next().is_some_and(char::is_uppercase);
        let pos = if i == 0 { "first" } else { "mid" };
        f(6, &[pos, if cap { "cap" } else { "nocap" }]);
        f(7, &[lw(ii - 1)]);
        f(8, &[lw(ii - 2)]);
        f(9, &[lw(ii + 1)]);
        f(10, &[lw(ii + 2)]);
        f(11, &[lw(ii - 1), &t.lower]);
        f(12, &[&t.lower, lw(ii + 1)]);
        f(13, &[sh(ii - 1), &t.shape, sh(ii + 1)]);
        f(14, &[sh(ii - 1), &t.shape]);
        if i > 0 {
            f(15, &[info[i - 1].word]);
        }
        // Hyphen parts: `EU-Staaten` is an ORGpart because of `EU`.
        if let Some((first, rest)) = t.word.split_once('-') {
            let last = rest.rsplit('-').next().unwrap_or(rest);
            f(16, &[first]);
            f(17, &[&last.to_lowercase()]);
            f(18, &[&shape(first), &shape(last)]);
            for (tpl, part) in [(19u8, first), (20u8, last)] {
                let bits = gaz.word(part) | gaz.lower(&part.to_lowercase());
                for (b, cat) in CATEGORIES.iter().enumerate() {
                    if bits & (1 << b) != 0 {
                        f(tpl, &[cat]);
                    }
                }
                if gaz.is_adjective(&part.to_lowercase()) {
                    f(tpl, &["adj"]);
                }
            }
        }
        // Gazetteer matches of this token and its neighbours.
        for (d, tpl) in [(0isize, 21u8), (-1, 22), (1, 23)] {
            let (b, inside) = gaz_bits(ii + d);
            for (k, cat) in CATEGORIES.iter().enumerate() {
                if b & (1 << k) != 0 {
                    f(tpl, &[cat, "B"]);
                }
                if inside & (1 << k) != 0 {
                    f(tpl, &[cat, "I"]);
                }
            }
        }
        // Genitive of a listed name (*Russlands*).
        if let Some(stem) = t.word.strip_suffix('s') {
            let bits = gaz.word(stem);
            for (k, cat) in CATEGORIES.iter().enumerate() {
                if bits & (1 << k) != 0 {
                    f(24, &[cat]);
                }
            }
        }
        // Compounds starting with a listed name (*Russlandreise*).
        chars.clear();
        chars.extend(t.lower.char_indices().map(|(b, _)| b));
        if chars.len() >= 7 && !t.word.contains('-') {
            for n in (4..=chars.len() - 3).rev() {
                let bits = gaz.lower(&t.lower[..chars[n]]);
                if bits != 0 {
                    for (k, cat) in CATEGORIES.iter().enumerate() {
                        if bits & (1 << k) != 0 {
                            f(25, &[cat]);
                        }
                    }
                    break;
                }
            }
        }
        // Derivations of a listed place: *ägyptische*, *Weimarer*, *Itzehoer*.
        if gaz
            .derivation_endings
            .iter()
            .filter_map(|e| t.lower.strip_suffix(e.as_str()))
            .any(|stem| gaz.place_prefix(stem))
        {
            f(34, &[if cap { "cap" } else { "low" }]);
        }
        if cap {
            for e in &gaz.inhabitant_endings {
                if let Some(stem) = t.word.strip_suffix(e.as_str()) {
                    let plain: String = stem
                        .chars()
                        .map(|c| match c {
                            'ä' => 'a',
                            'ö' => 'o',
                            'ü' => 'u',
                            c => c,
                        })
                        .collect();
                    if gaz.is_place(stem)
                        || gaz.is_place(&plain)
                        || gaz.is_place(&format!("{stem}e"))
                    {
                        f(35, &[e.as_str()]);
                        break;
                    }
                }
            }
        }
        if gaz.is_adjective(&t.lower) {
            f(26, &[if cap { "cap" } else { "low" }]);
        }
        // Word clusters.
        let c0 = t.fine_s.as_str();
        f(27, &[c0]);
        f(28, &[&t.coarse_s]);
        f(29, &[fine(ii - 1)]);
        f(30, &[fine(ii + 1)]);
        f(31, &[fine(ii - 1), c0]);
        f(32, &[c0, pos, if cap { "cap" } else { "nocap" }]);
        if let Some((_, rest)) = t.word.rsplit_once('-') {
            if let Some((_, fc)) = clusters.get(rest) {
                f(33, &[&num(fc)]);
            }
        }
    }
    if let (Some(salt), Some(&from)) = (salt, offsets.last()) {
        let to = out.len();
        out.extend_from_within(from..to);
        out[to..].iter_mut().for_each(|h| *h ^= salt);
    }
    offsets.push(out.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("EU-Staaten"), "X-Xx");
        assert_eq!(shape("2014"), "d");
        assert_eq!(suffix("köln", 2), Some("ln"));
        assert_eq!(prefix("köln", 2), Some("kö"));
        assert_eq!(suffix("ab", 2), None);
    }

    #[test]
    fn hashes_are_stable() {
        // Model files store these values: a change here invalidates them.
        assert_eq!(hash(1, &["Berlin"]), hash(1, &["Berlin"]));
        assert_ne!(hash(1, &["Berlin"]), hash(2, &["Berlin"]));
        assert_ne!(hash(11, &["a", "bc"]), hash(11, &["ab", "c"]));
    }
}
