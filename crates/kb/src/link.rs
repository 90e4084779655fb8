//! The linker: the knowledge-base entry, score and document-local cluster of
//! each entity mention of one document.
//!
//! For each mention, candidates come from the [`AliasIndex`] under
//! increasingly loose readings of its text, the first reading that finds
//! anything winning:
//! 1. the text as written, and without an inflection ending of the
//!    language (`[link.rules] name-endings`: *Russlands*, *Kims*;
//!    `adjective-endings`: *nordkoreanische* → the adjective stem);
//! 2. the same with diacritics folded (*Pjongjang*);
//! 3. a name of several words with each word's adjective ending stripped
//!    (*Koreanischen Zentralen Nachrichtenagentur*), then its leading words
//!    (*… Nachrichtenagentur Pjöngjangs*);
//! 4. a role noun held at the document date (*Kremlsprecher* → its holder);
//! 5. for a mention that contains a name (GermEval `part`): the parts of a
//!    hyphenated compound (*Anti-Trump*), else its longest known prefix.
//!
//! A candidate's score multiplies how loose the reading was, the kind of
//! name (canonical, alias, adjective, acronym), its language (the
//! document's, else any) and type agreement (a PER mention links to a LOC
//! entry only when nothing else fits). Among near-equal candidates the one
//! that fits the document wins: same country as the unambiguous links, a
//! country before a region before a city, the primary Wikipedia topic.
//!
//! Then in-document coreference: a one-word person mention (*Kim*, *Putins*)
//! joins the person mention of several words that contains it (*Kim Jong
//! Un*, *Wladimir Putin*), before or after it; mentions of one entry share a
//! cluster, and a name the knowledge base lacks gets a cluster of its own
//! that its repetitions join (NIL).

use crate::index::{key_hash, normalise, AliasIndex, Hit, NameKind};
use crate::{Entry, Kb};
use newsgraph_doc::{EntityForm, EntityType};
use newsgraph_pack::{Pack, PackError};
use std::collections::{HashMap, HashSet};

/// What the linker knows of one language: its inflection endings, and the
/// names of several words keyed with those endings stripped.
#[derive(Debug)]
pub struct LinkRules {
    /// The language of the knowledge base's names this pack's documents
    /// are in (`[link.rules] kb-language`).
    lang: String,
    name_endings: Vec<String>,
    adjective_endings: Vec<String>,
    /// Names of several words, each word without its adjective ending
    /// (*koreanisch zentral nachrichtenagentur*), by the hash of that key,
    /// with their entries; sorted.
    loose: Vec<(u64, u32)>,
}

impl LinkRules {
    /// The rules of `pack`'s `[link]` section, or `None` when it has none
    /// (its documents are not linked).
    pub fn from_pack(pack: &Pack, kb: &Kb) -> Result<Option<LinkRules>, PackError> {
        if !pack.has_stage("link") {
            return Ok(None);
        }
        let list = |name: &str| pack.words("link", name).map(<[String]>::to_vec);
        Ok(Some(LinkRules::new(
            pack.word("link", "kb-language")?,
            list("name-endings")?,
            list("adjective-endings")?,
            kb,
        )))
    }

    /// Rules for documents whose names are the knowledge base's names in
    /// language `lang`, with the language's endings, over `kb`.
    pub fn new(
        lang: &str,
        name_endings: Vec<String>,
        adjective_endings: Vec<String>,
        kb: &Kb,
    ) -> LinkRules {
        let mut rules = LinkRules {
            lang: lang.to_string(),
            name_endings: longest_first(name_endings),
            adjective_endings: longest_first(adjective_endings),
            loose: Vec::new(),
        };
        if !rules.adjective_endings.is_empty() {
            let mut pairs: Vec<(u64, u32)> = Vec::new();
            for (i, entry) in kb.entries().iter().enumerate() {
                for name in entry.all_names() {
                    if !name.contains([' ', '-']) && !name.contains(char::is_whitespace) {
                        continue;
                    }
                    let key = normalise(name);
                    if key.contains(' ') {
                        pairs.push((key_hash(&rules.loose_key(&key)), i as u32));
                    }
                }
            }
            pairs.sort_unstable();
            pairs.dedup();
            rules.loose = pairs;
        }
        rules
    }

    /// The knowledge-base language these rules read names in.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// The entries with a name of several words whose loose key is `key`'s.
    fn loose_entries(&self, key: &str) -> impl Iterator<Item = u32> + '_ {
        let hash = key_hash(&self.loose_key(key));
        let lo = self.loose.partition_point(|&(h, _)| h < hash);
        self.loose[lo..]
            .iter()
            .take_while(move |&&(h, _)| h == hash)
            .map(|&(_, entry)| entry)
    }

    /// A normalised name with each word's adjective ending stripped.
    fn loose_key(&self, key: &str) -> String {
        key.split(' ')
            .map(|w| strip_any(w, &self.adjective_endings).unwrap_or(w))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The endings as keys are written (*’s* → *'s*), longest first.
fn longest_first(endings: Vec<String>) -> Vec<String> {
    let mut endings: Vec<String> = endings.iter().map(|e| normalise(e)).collect();
    endings.retain(|e| !e.is_empty());
    endings.dedup();
    endings.sort_by_key(|e| std::cmp::Reverse(e.chars().count()));
    endings
}

/// `word` less the longest of `endings` it ends with, keeping at least
/// three characters.
fn strip_any<'w>(word: &'w str, endings: &[String]) -> Option<&'w str> {
    endings.iter().find_map(|e| {
        let stem = word.strip_suffix(e.as_str())?;
        (stem.chars().count() >= 3).then_some(stem)
    })
}

/// One mention to link.
#[derive(Debug, Clone, Copy)]
pub struct Mention<'a> {
    /// The mention as written.
    pub text: &'a str,
    /// Its NER class.
    pub label: EntityType,
    /// `deriv` / `part`, or `None` for a plain name.
    pub form: Option<EntityForm>,
}

/// What the linker decided for one mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Linked {
    /// Position of the entry in [`Kb::entries`]; `None`: not in the
    /// knowledge base (NIL).
    pub entry: Option<usize>,
    /// How sure the link is, 0..1 (`None` for NIL).
    pub score: Option<f32>,
    /// The document-local entity, numbered from 0 in order of first
    /// mention.
    pub cluster: u32,
    /// The entry's name in the document's language, else English; for NIL
    /// the fullest mention of its cluster.
    pub name: Option<String>,
}

/// A possible entry for a mention, with its score.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    entry: u32,
    score: f32,
}

/// How much looser each reading is than the text as written.
const STRIPPED: f32 = 0.9;
const ADJECTIVE_STRIPPED: f32 = 0.85;
const FOLDED: f32 = 0.8;
const LOOSE_WORDS: f32 = 0.8;
const LEADING_WORDS: f32 = 0.7;
const ROLE: f32 = 0.8;
const COMPOUND_PART: f32 = 0.7;
const COMPOUND_PREFIX: f32 = 0.6;
/// A coreferent mention's score relative to its antecedent's.
const COREFERENCE: f32 = 0.95;
/// A choice between near-equal candidates.
const AMBIGUOUS: f32 = 0.8;

/// Links the mentions of one document.
#[derive(Debug)]
pub struct Linker<'k> {
    kb: &'k Kb,
    index: &'k AliasIndex,
    rules: &'k LinkRules,
}

impl<'k> Linker<'k> {
    /// A linker over `kb` for documents in `rules`' language.
    pub fn new(kb: &'k Kb, rules: &'k LinkRules) -> Linker<'k> {
        Linker {
            kb,
            index: kb.index(),
            rules,
        }
    }

    /// The link of each of `mentions` (in document order) in a document
    /// dated `dct` (`YYYY-MM-DD`), which decides who held a role.
    pub fn link(&self, mentions: &[Mention], dct: Option<&str>) -> Vec<Linked> {
        let candidates: Vec<Vec<Candidate>> =
            mentions.iter().map(|m| self.candidates(m, dct)).collect();
        // The countries of the other mentions' first choices are the context
        // that decides between places of one name (Georgia beside
        // Pennsylvania is the state).
        let first: Vec<Option<Candidate>> = candidates
            .iter()
            .map(|c| self.choose(c, &HashSet::new()))
            .collect();
        let country_of =
            |c: &Option<Candidate>| c.and_then(|c| self.entry(c.entry).country.as_deref());
        let mut chosen: Vec<Option<Candidate>> = candidates
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if c.len() < 2 {
                    return first[i];
                }
                let context: HashSet<&str> = first
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .filter_map(|(_, f)| country_of(f))
                    .collect();
                self.choose(c, &context)
            })
            .collect();
        let antecedents = self.coreference(mentions);
        for (i, antecedent) in antecedents.iter().enumerate() {
            let Some(a) = *antecedent else { continue };
            chosen[i] = chosen[a].map(|c| Candidate {
                entry: c.entry,
                score: candidates[i]
                    .iter()
                    .find(|own| own.entry == c.entry)
                    .map_or(c.score * COREFERENCE, |own| own.score.max(c.score)),
            });
        }
        self.clusters(mentions, &chosen, &antecedents)
    }

    fn entry(&self, i: u32) -> &Entry {
        &self.kb.entries()[i as usize]
    }

    /// Every candidate of one mention, best score per entry.
    fn candidates(&self, mention: &Mention, dct: Option<&str>) -> Vec<Candidate> {
        let mut found = Vec::new();
        let text = mention.text.trim();
        let key = normalise(text);
        if key.is_empty() {
            return found;
        }
        let readings = self.readings(&key, mention.form == Some(EntityForm::Deriv));
        for (reading, strength) in &readings {
            for &hit in self.index.exact(reading) {
                self.add(&mut found, mention, hit, *strength);
            }
        }
        if found.is_empty() {
            for (reading, strength) in &readings {
                for hit in self.index.folded(reading) {
                    self.add(&mut found, mention, hit, strength * FOLDED);
                }
            }
        }
        if found.is_empty() && text.split_whitespace().nth(1).is_some() {
            self.several_words(&mut found, mention, text);
        }
        if found.is_empty() {
            // A role noun stands for a person only when one person held
            // the office then (*Kremlsprecher*; not *Präsident*).
            for (reading, _) in &readings {
                let mut holders = self.index.roles(reading).iter().filter(|r| r.held_on(dct));
                if let (Some(only), None) = (holders.next(), holders.next()) {
                    push_best(&mut found, only.entry, ROLE);
                    break;
                }
            }
        }
        if found.is_empty() {
            self.role_of(&mut found, text, dct);
        }
        if found.is_empty() && mention.form == Some(EntityForm::Part) {
            self.compound(&mut found, mention, text);
        }
        found
    }

    /// A compound of a name and a role noun (*US-Präsident*,
    /// *UN-Generalsekretärs*): the one person who held that office of the
    /// named organisation or country at the document date.
    fn role_of(&self, found: &mut Vec<Candidate>, text: &str, dct: Option<&str>) {
        let Some((head, role)) = text.rsplit_once('-') else {
            return;
        };
        let head_ids: Vec<&str> = self
            .readings(&normalise(head), false)
            .iter()
            .flat_map(|(r, _)| self.index.exact(r))
            .filter(|h| matches!(h.kind, NameKind::Name | NameKind::Alias))
            .map(|h| self.entry(h.entry).id.as_str())
            .collect();
        if head_ids.is_empty() {
            return;
        }
        for (reading, _) in self.readings(&normalise(role), false) {
            let mut holders = self.index.roles(&reading).iter().filter(|r| {
                r.held_on(dct) && r.of.as_deref().is_some_and(|of| head_ids.contains(&of))
            });
            if let (Some(only), None) = (holders.next(), holders.next()) {
                push_best(found, only.entry, ROLE);
                return;
            }
        }
    }

    /// The key as written, then less each inflection ending, with how much
    /// weaker each is (an adjective ending is expected on a `deriv` form).
    fn readings(&self, key: &str, deriv: bool) -> Vec<(String, f32)> {
        let mut readings = vec![(key.to_string(), 1.0)];
        let adjective = if deriv { 1.0 } else { ADJECTIVE_STRIPPED };
        let endings = [
            (&self.rules.name_endings, STRIPPED),
            (&self.rules.adjective_endings, adjective),
        ];
        for (endings, strength) in endings {
            for ending in endings.iter() {
                let Some(stem) = key.strip_suffix(ending.as_str()) else {
                    continue;
                };
                let stem = stem.trim_end();
                if stem.chars().count() >= 2 && !readings.iter().any(|(r, _)| r == stem) {
                    readings.push((stem.to_string(), strength));
                }
            }
        }
        readings
    }

    /// A name of several words: each word without its adjective ending,
    /// then the leading words (a genitive or apposition after the name),
    /// then the trailing words (a title before the name),
    /// of the same type (or any type for an OTH mention): the words of a
    /// hyphenated compound are one word here, so *Kim-Il-Sung-Platz* is not
    /// Kim Il Sung.
    fn several_words(&self, found: &mut Vec<Candidate>, mention: &Mention, text: &str) {
        let words: Vec<&str> = text.split_whitespace().collect();
        for n in (2..=words.len()).rev() {
            let part = normalise(&words[..n].join(" "));
            let strength = if n == words.len() {
                LOOSE_WORDS
            } else {
                LEADING_WORDS
            };
            let fits = |entry: u32| {
                mention.label == EntityType::Oth || mention.label == self.entry(entry).entity_type
            };
            if n < words.len() {
                for &hit in self.index.exact(&part) {
                    if fits(hit.entry) {
                        self.add(found, mention, hit, strength);
                    }
                }
            }
            for entry in self.rules.loose_entries(&part) {
                if fits(entry) {
                    let factor = type_agreement(mention.label, self.entry(entry).entity_type);
                    push_best(found, entry, strength * factor);
                }
            }
            if !found.is_empty() || mention.label == EntityType::Per {
                // A person's leading words are a given name, not the person.
                break;
            }
        }
        if !found.is_empty() {
            return;
        }
        // The trailing words: a name after a title the tagger took in
        // (*Russian President Vladimir Putin*); one word only for a person.
        let shortest = if mention.label == EntityType::Per {
            1
        } else {
            2
        };
        for start in 1..=words.len().saturating_sub(shortest) {
            let part = normalise(&words[start..].join(" "));
            for (reading, strength) in self.readings(&part, false) {
                for &hit in self.index.exact(&reading) {
                    if matches!(
                        hit.kind,
                        NameKind::Name | NameKind::Alias | NameKind::Surname
                    ) {
                        self.add(found, mention, hit, strength * LEADING_WORDS);
                    }
                }
            }
            if !found.is_empty() {
                return;
            }
        }
    }

    /// A word that contains a name: the parts of a hyphenated compound
    /// (longest run of parts first), else its longest prefix that is a name.
    fn compound(&self, found: &mut Vec<Candidate>, mention: &Mention, text: &str) {
        let parts: Vec<&str> = text.split('-').filter(|p| !p.is_empty()).collect();
        if parts.len() > 1 {
            for n in (1..parts.len()).rev() {
                for start in 0..=parts.len() - n {
                    let key = normalise(&parts[start..start + n].join("-"));
                    for (reading, strength) in self.readings(&key, false) {
                        for &hit in self.index.exact(&reading) {
                            self.add(found, mention, hit, strength * COMPOUND_PART);
                        }
                    }
                }
                if !found.is_empty() {
                    return;
                }
            }
            return;
        }
        let key = normalise(text);
        let bounds: Vec<usize> = key.char_indices().map(|(i, _)| i).skip(3).collect();
        for &end in bounds.iter().rev() {
            for &hit in self.index.exact(&key[..end]) {
                if matches!(hit.kind, NameKind::Name | NameKind::Alias) {
                    self.add(found, mention, hit, COMPOUND_PREFIX);
                }
            }
            if !found.is_empty() {
                return;
            }
        }
    }

    fn add(&self, found: &mut Vec<Candidate>, mention: &Mention, hit: Hit, strength: f32) {
        let entry = self.entry(hit.entry);
        if mention.label == EntityType::Per
            && entry.entity_type == EntityType::Loc
            && !matches!(
                entry.kind.as_deref(),
                Some("country" | "territory" | "region" | "state")
            )
        {
            // A tagger takes a country written in another language for a
            // person (*North Korea*); a person's name that is also a town's
            // (*Merkel*, Texas) is a person the knowledge base lacks.
            return;
        }
        let kind = match hit.kind {
            NameKind::Name => 1.0,
            NameKind::Alias => 0.95,
            NameKind::Adjective | NameKind::Demonym => {
                if mention.form == Some(EntityForm::Deriv) {
                    1.0
                } else {
                    0.85
                }
            }
            NameKind::Surname => 0.6,
            NameKind::Acronym => {
                let letters = mention.text.chars().filter(|c| c.is_alphabetic());
                if letters.clone().all(char::is_uppercase) {
                    0.8
                } else {
                    return;
                }
            }
        };
        let lang = match self.index.lang(hit.lang) {
            l if l == self.rules.lang => 1.0,
            "en" => 0.95,
            _ => 0.9,
        };
        let score = strength * kind * lang * type_agreement(mention.label, entry.entity_type);
        push_best(found, hit.entry, score);
    }

    /// The best candidate; near-equal ones are decided by the document's
    /// context and the entries' prominence, at a lower score.
    fn choose(&self, candidates: &[Candidate], context: &HashSet<&str>) -> Option<Candidate> {
        let best = candidates.iter().map(|c| c.score).fold(0.0f32, f32::max);
        let near: Vec<&Candidate> = candidates
            .iter()
            .filter(|c| c.score >= best * 0.95)
            .collect();
        // Scores within 5 % are ties: the fit to the document decides.
        let pick = near.iter().max_by(|a, b| {
            let (pa, pb) = (self.prior(a.entry, context), self.prior(b.entry, context));
            pa.total_cmp(&pb)
                .then(a.score.total_cmp(&b.score))
                .then(b.entry.cmp(&a.entry))
        })?;
        let score = if near.len() > 1 {
            pick.score * AMBIGUOUS
        } else {
            pick.score
        };
        Some(Candidate {
            entry: pick.entry,
            score,
        })
    }

    /// How well an entry fits the document and how prominent it is: its
    /// country is among the context's, it is a country rather than a
    /// capital, region or town, it has an English Wikipedia article (and is
    /// its name's primary topic: no qualifier in the title), its Wikidata id
    /// is small (older items are the better known).
    fn prior(&self, i: u32, context: &HashSet<&str>) -> f32 {
        let entry = self.entry(i);
        let mut bonus = 0.0;
        if entry
            .country
            .as_deref()
            .is_some_and(|c| context.contains(c))
        {
            bonus += 0.02;
        }
        // News names a capital more often than the region of its name
        // (Washington, Moskau), and a city of 15,000 or more more often
        // than a region (New York, Salzburg).
        bonus += match entry.kind.as_deref() {
            Some("country") => 0.015,
            Some("capital") => 0.012,
            Some("territory") => 0.01,
            Some("city") => 0.009,
            Some("region" | "state") => 0.008,
            _ => 0.0,
        };
        if let Some(title) = entry.enwiki.as_deref() {
            bonus += 0.005;
            if !title.contains(',') && !title.contains('(') {
                bonus += 0.005;
            }
        }
        if let Some(q) = entry
            .id
            .strip_prefix('Q')
            .and_then(|n| n.parse::<u64>().ok())
        {
            bonus += 0.005 * (1.0 - ((q.max(1) as f32).log10() / 10.0).min(1.0));
        }
        bonus
    }

    /// For each mention, the mention it is a shorter form of: a person
    /// mention of fewer words (after an inflection ending is stripped) that
    /// are the first or last words of a longer person mention (*Kim*, *Kims*
    /// → *Kim Jong Un*; *Putins* → *Wladimir Putin*). The nearest longer
    /// mention before it wins, else the first after it.
    fn coreference(&self, mentions: &[Mention]) -> Vec<Option<usize>> {
        let words: Vec<Vec<String>> = mentions
            .iter()
            .map(|m| normalise(m.text).split(' ').map(str::to_string).collect())
            .collect();
        let is_name = |m: &Mention| m.label == EntityType::Per && m.form.is_none();
        let mut antecedents = vec![None; mentions.len()];
        for (i, m) in mentions.iter().enumerate() {
            if !is_name(m) {
                continue;
            }
            let short = &words[i];
            let readings: Vec<Vec<String>> = self
                .readings(&short.join(" "), false)
                .into_iter()
                .map(|(r, _)| r.split(' ').map(str::to_string).collect())
                .collect();
            let contains = |j: usize| -> bool {
                let long = &words[j];
                is_name(&mentions[j])
                    && readings.iter().any(|r| {
                        long.len() > r.len()
                            && (long.starts_with(r.as_slice()) || long.ends_with(r.as_slice()))
                    })
            };
            let before = (0..i).rev().find(|&j| contains(j));
            let after = || (i + 1..mentions.len()).find(|&j| contains(j));
            antecedents[i] = before.or_else(after);
        }
        // A chain (Putin → Wladimir Putin → Wladimir Wladimirowitsch Putin)
        // ends at its fullest mention.
        for i in 0..antecedents.len() {
            let mut a = antecedents[i];
            let mut steps = 0;
            while let Some(j) = a {
                match antecedents[j] {
                    Some(k) if steps < mentions.len() => {
                        a = Some(k);
                        steps += 1;
                    }
                    _ => break,
                }
            }
            antecedents[i] = a;
        }
        antecedents
    }

    /// Clusters: one per entry, and one per unlinked name (its fullest
    /// mention, or the text less an inflection ending when that is another
    /// unlinked mention's text).
    fn clusters(
        &self,
        mentions: &[Mention],
        chosen: &[Option<Candidate>],
        antecedents: &[Option<usize>],
    ) -> Vec<Linked> {
        #[derive(PartialEq, Eq, Hash, Clone)]
        enum Key {
            Entry(u32),
            Nil(String),
        }
        let nil_texts: HashSet<String> = mentions
            .iter()
            .zip(chosen)
            .filter(|(_, c)| c.is_none())
            .map(|(m, _)| normalise(m.text))
            .collect();
        let keys: Vec<Key> = (0..mentions.len())
            .map(|i| match chosen[i] {
                Some(c) => Key::Entry(c.entry),
                None => {
                    let head = antecedents[i].unwrap_or(i);
                    let key = normalise(mentions[head].text);
                    let base = self
                        .readings(&key, false)
                        .into_iter()
                        .skip(1)
                        .map(|(r, _)| r)
                        .find(|r| nil_texts.contains(r));
                    Key::Nil(base.unwrap_or(key))
                }
            })
            .collect();
        let mut ids: HashMap<Key, u32> = HashMap::new();
        let mut nil_names: HashMap<u32, &str> = HashMap::new();
        for (i, key) in keys.iter().enumerate() {
            let next = ids.len() as u32;
            let id = *ids.entry(key.clone()).or_insert(next);
            if let Key::Nil(_) = key {
                let name = nil_names.entry(id).or_insert(mentions[i].text.trim());
                if mentions[i].text.split_whitespace().count() > name.split_whitespace().count() {
                    *name = mentions[i].text.trim();
                }
            }
        }
        keys.iter()
            .zip(chosen)
            .map(|(key, c)| {
                let cluster = ids[key];
                match c {
                    Some(c) => Linked {
                        entry: Some(c.entry as usize),
                        score: Some((c.score * 1000.0).round() / 1000.0),
                        cluster,
                        name: self.name(self.entry(c.entry)),
                    },
                    None => Linked {
                        entry: None,
                        score: None,
                        cluster,
                        name: nil_names.get(&cluster).map(|n| n.to_string()),
                    },
                }
            })
            .collect()
    }

    /// The entry's name in the document's language, else English, else any.
    fn name(&self, entry: &Entry) -> Option<String> {
        entry
            .name_in(&self.rules.lang)
            .or_else(|| entry.name_in("en"))
            .or_else(|| entry.name.values().next().map(String::as_str))
            .map(str::to_string)
    }
}

fn push_best(found: &mut Vec<Candidate>, entry: u32, score: f32) {
    match found.iter_mut().find(|c| c.entry == entry) {
        Some(c) => c.score = c.score.max(score),
        None => found.push(Candidate { entry, score }),
    }
}

/// How well a mention's class fits an entry's type: the same 1; a mention
/// the tagger could not class (OTH) or a place for an organisation (*Moskau*
/// for the Russian government) less; a person for a place or organisation
/// (*North Korea* tagged PER) much less, so it wins only when nothing else
/// fits.
fn type_agreement(label: EntityType, entry: EntityType) -> f32 {
    use EntityType::*;
    match (label, entry) {
        (a, b) if a == b => 1.0,
        (Oth, _) => 0.8,
        (Org, Loc) | (Loc, Org) => 0.7,
        _ => 0.3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KB: &str = r#"{"id":"Q423","type":"LOC","kind":"country","enwiki":"North Korea","name":{"de":"Nordkorea","en":"North Korea"},"adjectives":{"de":["nordkoreanisch"],"en":["North Korean"]},"country":"KP"}
{"id":"Q159","type":"LOC","kind":"country","enwiki":"Russia","name":{"de":"Russland","en":"Russia"},"adjectives":{"de":["russisch"]},"country":"RU"}
{"id":"Q18808","type":"LOC","kind":"city","enwiki":"Pyongyang","name":{"de":"Pjöngjang","en":"Pyongyang"},"country":"KP"}
{"id":"Q649","type":"LOC","kind":"city","enwiki":"Moscow","name":{"de":"Moskau","en":"Moscow"},"country":"RU"}
{"id":"geonames:5601538","type":"LOC","kind":"city","enwiki":"Moscow, Idaho","name":{"de":"Moscow","en":"Moscow"},"country":"US"}
{"id":"Q56226","type":"PER","kind":"person","enwiki":"Kim Jong Un","name":{"de":"Kim Jong Un","en":"Kim Jong Un"},"aliases":{"de":["Kim Jong-un"]},"country":"KP"}
{"id":"Q7747","type":"PER","kind":"person","enwiki":"Vladimir Putin","name":{"de":"Wladimir Putin","en":"Vladimir Putin"},"aliases":{"de":["Putin"],"en":["Putin"]},"country":"RU"}
{"id":"ng:peskow","type":"PER","kind":"person","enwiki":"Dmitry Peskov","name":{"de":"Dmitri Peskow","en":"Dmitry Peskov"},"country":"RU","roles":[{"de":"Kremlsprecher","en":"Kremlin spokesman","from":"2012","to":null}]}
{"id":"ng:old-spokesman","type":"PER","kind":"person","name":{"de":"Alter Sprecher"},"roles":[{"de":"Kremlsprecher","from":"2000","to":"2011"}]}
{"id":"Q37470","type":"ORG","kind":"body","enwiki":"United Nations Security Council","name":{"de":"UN-Sicherheitsrat","en":"United Nations Security Council"},"aliases":{"de":["Sicherheitsrat der Vereinten Nationen"],"en":["UN Security Council"]}}
{"id":"ng:kcna","type":"ORG","kind":"agency","enwiki":"Korean Central News Agency","name":{"de":"Koreanische Zentrale Nachrichtenagentur","en":"Korean Central News Agency"},"aliases":{"en":["KCNA"]},"country":"KP"}
{"id":"ng:kim-il-sung","type":"PER","kind":"person","enwiki":"Kim Il Sung","name":{"de":"Kim Il Sung","en":"Kim Il Sung"}}
{"id":"Q30","type":"LOC","kind":"country","enwiki":"United States","name":{"de":"Vereinigte Staaten","en":"United States"},"aliases":{"de":["USA","US"],"en":["US"]},"country":"US"}
{"id":"ng:biden","type":"PER","kind":"person","enwiki":"Joe Biden","name":{"de":"Joe Biden","en":"Joe Biden"},"country":"US","roles":[{"de":"Präsident","en":"president","of":"Q30","from":"2021-01-20","to":"2025-01-20"}]}
{"id":"ng:trump","type":"PER","kind":"person","enwiki":"Donald Trump","name":{"de":"Donald Trump","en":"Donald Trump"},"country":"US","roles":[{"de":"Präsident","en":"president","of":"Q30","from":"2017-01-20","to":"2021-01-20"},{"de":"Präsident","en":"president","of":"Q30","from":"2025-01-20","to":null}]}
{"id":"ng:macron","type":"PER","kind":"person","enwiki":"Emmanuel Macron","name":{"de":"Emmanuel Macron","en":"Emmanuel Macron"},"country":"FR","roles":[{"de":"Präsident","en":"president","of":"Q142","from":"2017-05-14","to":null}]}
{"id":"ng:boise","type":"LOC","kind":"city","enwiki":"Boise, Idaho","name":{"en":"Boise"},"country":"US"}
{"id":"ng:un","type":"ORG","kind":"body","enwiki":"United Nations","name":{"de":"Vereinte Nationen","en":"United Nations"},"aliases":{"de":["UN","UNO"],"en":["UN"]}}"#;

    fn kb() -> &'static Kb {
        use std::sync::OnceLock;
        static KB_CELL: OnceLock<Kb> = OnceLock::new();
        KB_CELL.get_or_init(|| Kb::from_jsonl(KB, "test").unwrap())
    }

    fn german() -> LinkRules {
        let list = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect();
        LinkRules::new(
            "de",
            list(&["s", "es"]),
            list(&["e", "en", "er", "es", "em"]),
            kb(),
        )
    }

    fn m(text: &str, label: EntityType) -> Mention<'_> {
        Mention {
            text,
            label,
            form: None,
        }
    }

    fn with_form(text: &str, label: EntityType, form: EntityForm) -> Mention<'_> {
        Mention {
            text,
            label,
            form: Some(form),
        }
    }

    /// The id each mention links to (`-` for NIL).
    fn ids(mentions: &[Mention], dct: Option<&str>) -> Vec<String> {
        let rules = german();
        Linker::new(kb(), &rules)
            .link(mentions, dct)
            .iter()
            .map(|l| l.entry.map_or("-".into(), |i| kb().entries()[i].id.clone()))
            .collect()
    }

    use EntityType::{Loc, Org, Oth, Per};

    #[test]
    fn inflected_and_derived_forms_link_to_their_entry() {
        let mentions = [
            m("Russlands", Loc),
            with_form("nordkoreanische", Loc, EntityForm::Deriv),
            with_form("russischen", Loc, EntityForm::Deriv),
            m("Pjöngjang", Loc),
            m("Pyongyang", Loc),
            m("Pjongjang", Loc),
            with_form("UN-Sicherheitsrats", Org, EntityForm::Part),
        ];
        assert_eq!(
            ids(&mentions, None),
            ["Q159", "Q423", "Q159", "Q18808", "Q18808", "Q18808", "Q37470"]
        );
    }

    #[test]
    fn a_name_of_inflected_words_and_a_trailing_genitive_still_link() {
        let mentions = [m(
            "Koreanischen Zentralen Nachrichtenagentur Pjöngjangs",
            Oth,
        )];
        assert_eq!(ids(&mentions, None), ["ng:kcna"]);
    }

    #[test]
    fn a_person_mention_prefers_a_person_but_takes_a_place_when_nothing_else_fits() {
        let rules = german();
        let linked = Linker::new(kb(), &rules).link(&[m("North Korea", Per)], None);
        assert_eq!(kb().entries()[linked[0].entry.unwrap()].id, "Q423");
        assert!(linked[0].score.unwrap() < 0.5, "{linked:?}");
    }

    #[test]
    fn short_forms_of_a_person_join_the_full_name_before_or_after_them() {
        let mentions = [
            m("Kim", Per),
            m("Wladimir Putin", Per),
            m("Kim Jong Un", Per),
            m("Kims", Per),
            m("Putins", Per),
            m("Nordkorea", Loc),
        ];
        let rules = german();
        let linked = Linker::new(kb(), &rules).link(&mentions, None);
        let id = |i: usize| kb().entries()[linked[i].entry.unwrap()].id.as_str();
        assert_eq!(
            (0..6).map(id).collect::<Vec<_>>(),
            ["Q56226", "Q7747", "Q56226", "Q56226", "Q7747", "Q423"]
        );
        let clusters: Vec<u32> = linked.iter().map(|l| l.cluster).collect();
        assert_eq!(clusters, [0, 1, 0, 0, 1, 2]);
        assert_eq!(linked[0].name.as_deref(), Some("Kim Jong Un"));
        assert!(linked
            .iter()
            .all(|l| l.score.is_some_and(|s| s > 0.0 && s <= 1.0)));
    }

    #[test]
    fn unknown_names_get_clusters_of_their_own_that_repetitions_join() {
        let mentions = [
            m("Anna Beispielfrau", Per),
            m("Vostochny", Loc),
            m("Beispielfrau", Per),
            m("Vostochny", Loc),
            m("Beispielfraus", Per),
        ];
        let rules = german();
        let linked = Linker::new(kb(), &rules).link(&mentions, None);
        assert!(linked
            .iter()
            .all(|l| l.entry.is_none() && l.score.is_none()));
        let clusters: Vec<u32> = linked.iter().map(|l| l.cluster).collect();
        assert_eq!(clusters, [0, 1, 0, 1, 0]);
        assert_eq!(linked[2].name.as_deref(), Some("Anna Beispielfrau"));
    }

    #[test]
    fn a_role_noun_links_to_whoever_held_the_office_at_the_document_date() {
        let kreml = [with_form("Kremlsprecher", Org, EntityForm::Part)];
        assert_eq!(ids(&kreml, Some("2024-06-12")), ["ng:peskow"]);
        assert_eq!(ids(&kreml, Some("2005-01-01")), ["ng:old-spokesman"]);
        assert_eq!(ids(&kreml, None), ["ng:peskow"]);
    }

    #[test]
    fn a_country_and_a_role_noun_make_the_office_holder_at_the_document_date() {
        let president = [with_form("US-Präsidenten", Loc, EntityForm::Part)];
        assert_eq!(ids(&president, Some("2019-03-01")), ["ng:trump"]);
        assert_eq!(ids(&president, Some("2024-06-12")), ["ng:biden"]);
        // Alone, the role noun names several presidents: no link.
        assert_eq!(ids(&[m("Präsident", Per)], Some("2024-06-12")), ["-"]);
    }

    #[test]
    fn a_title_the_tagger_took_into_a_person_mention_is_passed_over() {
        let mentions = [
            m("Russian President Wladimir Putin", Per),
            m("Präsident Biden", Per),
        ];
        assert_eq!(ids(&mentions, None), ["Q7747", "ng:biden"]);
    }

    #[test]
    fn compounds_that_contain_a_name_link_to_it() {
        let mentions = [
            with_form("Anti-Putin-Proteste", Per, EntityForm::Part),
            with_form("UN-Mission", Org, EntityForm::Part),
            with_form("Russlandreise", Loc, EntityForm::Part),
        ];
        assert_eq!(ids(&mentions, None), ["Q7747", "ng:un", "Q159"]);
        // A plain name that merely starts with another is not split.
        assert_eq!(ids(&[m("Kim-Il-Sung-Platz", Loc)], None), ["-"]);
        assert_eq!(ids(&[m("Kim Il Sung Platz", Loc)], None), ["-"]);
    }

    #[test]
    fn acronyms_of_organisations_link_only_when_written_in_capitals() {
        assert_eq!(ids(&[m("KZN", Org)], None), ["ng:kcna"]);
        assert_eq!(ids(&[m("Kzn", Org)], None), ["-"]);
    }

    #[test]
    fn english_text_links_to_the_same_entries_as_german() {
        let list = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect();
        let english = LinkRules::new("en", list(&["'s", "’s"]), list(&[]), kb());
        let mentions = [
            m("Pyongyang", Loc),
            m("Putin’s", Per),
            with_form("North Korean", Loc, EntityForm::Deriv),
            m("Kremlin spokesman", Per),
        ];
        let linked = Linker::new(kb(), &english).link(&mentions, Some("2024-06-12"));
        let ids: Vec<&str> = linked
            .iter()
            .map(|l| kb().entries()[l.entry.unwrap()].id.as_str())
            .collect();
        assert_eq!(ids, ["Q18808", "Q7747", "Q423", "ng:peskow"]);
        assert_eq!(linked[0].name.as_deref(), Some("Pyongyang"));
    }

    #[test]
    fn a_surname_alone_links_when_one_person_of_the_kb_has_it() {
        assert_eq!(ids(&[m("Peskow", Per)], None), ["ng:peskow"]);
        let kb = Kb::from_jsonl(
            concat!(
                r#"{"id":"ng:a","type":"PER","name":{"de":"Anna Schmidt"}}"#,
                "\n",
                r#"{"id":"ng:b","type":"PER","name":{"de":"Bernd Schmidt"}}"#,
            ),
            "test",
        )
        .unwrap();
        let rules = LinkRules::new("de", vec![], vec![], &kb);
        let linked = Linker::new(&kb, &rules).link(&[m("Schmidt", Per)], None);
        assert_eq!(linked[0].entry, None);
    }

    #[test]
    fn a_person_is_not_linked_to_a_town_of_the_same_name() {
        assert_eq!(ids(&[m("Boise", Per)], None), ["-"]);
    }

    #[test]
    fn the_document_context_decides_between_places_of_one_name() {
        // Moscow alone: the city in Russia is the primary topic.
        assert_eq!(ids(&[m("Moscow", Loc)], None), ["Q649"]);
        let rules = german();
        let linked = Linker::new(kb(), &rules).link(&[m("Moscow", Loc)], None);
        assert!(
            linked[0].score.unwrap() < 1.0,
            "an ambiguous name scores lower"
        );
        // Beside a place in the United States: the one in Idaho.
        assert_eq!(
            ids(&[m("Boise", Loc), m("Moscow", Loc)], None),
            ["ng:boise", "geonames:5601538"]
        );
    }
}
