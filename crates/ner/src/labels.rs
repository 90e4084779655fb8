//! The BIO label set over GermEval 2014's twelve outer classes.

use newsgraph_doc::{EntityForm, EntityType};

/// GermEval's twelve outer classes, in label-index order.
pub const CLASSES: [&str; 12] = [
    "PER", "PERderiv", "PERpart", "LOC", "LOCderiv", "LOCpart", "ORG", "ORGderiv", "ORGpart",
    "OTH", "OTHderiv", "OTHpart",
];

/// Number of BIO labels: `O` plus `B-`/`I-` for every class.
pub const NUM_LABELS: usize = 1 + 2 * CLASSES.len();

/// Label index of `O`.
pub const O: usize = 0;

/// Label index of `B-<class>`.
pub fn begin(class: usize) -> usize {
    1 + 2 * class
}

/// The class of a label, `None` for `O`.
pub fn class_of(label: usize) -> Option<usize> {
    (label != O).then(|| (label - 1) / 2)
}

/// Whether a label is an `I-` label.
pub fn is_inside(label: usize) -> bool {
    label != O && (label - 1) % 2 == 1
}

/// The label's spelling (`O`, `B-LOCderiv`, …).
pub fn name(label: usize) -> String {
    match class_of(label) {
        None => "O".to_string(),
        Some(c) if is_inside(label) => format!("I-{}", CLASSES[c]),
        Some(c) => format!("B-{}", CLASSES[c]),
    }
}

/// Class index of a class name (`LOCderiv` → 4).
pub fn class_index(class: &str) -> Option<usize> {
    CLASSES.iter().position(|c| *c == class)
}

/// Parses a BIO tag; unknown classes and malformed tags become `O`.
pub fn parse(tag: &str) -> usize {
    let (prefix, class) = match tag.split_once('-') {
        Some(p) => p,
        None => return O,
    };
    match (prefix, class_index(class)) {
        ("B", Some(c)) => begin(c),
        ("I", Some(c)) => begin(c) + 1,
        _ => O,
    }
}

/// Whether `next` may follow `prev` (`None` = sentence start) under BIO.
pub fn allowed(prev: Option<usize>, next: usize) -> bool {
    if !is_inside(next) {
        return true;
    }
    match prev {
        None => false,
        Some(p) => class_of(p) == class_of(next) && p != O,
    }
}

/// The pipeline's entity type and form of a class.
pub fn entity_of(class: usize) -> (EntityType, Option<EntityForm>) {
    let ty = match class / 3 {
        0 => EntityType::Per,
        1 => EntityType::Loc,
        2 => EntityType::Org,
        _ => EntityType::Oth,
    };
    let form = match class % 3 {
        1 => Some(EntityForm::Deriv),
        2 => Some(EntityForm::Part),
        _ => None,
    };
    (ty, form)
}

/// Chunks of a label sequence as `(class, start, end)` token ranges; an
/// `I-` label that does not continue a chunk of its class starts one
/// (conlleval's rule).
pub fn chunks(labels: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let class = class_of(l);
        let continues = is_inside(l) && open.map(|(c, _)| Some(c)) == Some(class);
        if continues {
            continue;
        }
        if let Some((c, s)) = open.take() {
            out.push((c, s, i));
        }
        if let Some(c) = class {
            open = Some((c, i));
        }
    }
    if let Some((c, s)) = open {
        out.push((c, s, labels.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for l in 0..NUM_LABELS {
            assert_eq!(parse(&name(l)), l);
        }
        assert_eq!(name(parse("B-LOCderiv")), "B-LOCderiv");
        assert_eq!(parse("B-MISC"), O);
    }

    #[test]
    fn inside_after_outside_starts_a_chunk() {
        let l = |s: &str| parse(s);
        let seq = [l("I-PER"), l("I-PER"), l("O"), l("B-LOC"), l("I-ORG")];
        assert_eq!(chunks(&seq), vec![(0, 0, 2), (3, 3, 4), (6, 4, 5)]);
    }
}
