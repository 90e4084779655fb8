//! Language packs: everything newsgraph knows of one language (cue verbs,
//! month and weekday names, holiday rules, abbreviations, gazetteers, models,
//! and the few grammatical traits rules depend on), as data in one folder
//! `resources/<code>/` with a manifest, `pack.toml`, naming its files.
//!
//! Overview:
//! - [`Pack`] is one language's folder: [`Pack::text`] and [`Pack::bytes`]
//!   read a file the manifest names for a stage, [`Pack::flag`] and
//!   [`Pack::word`] read a rule setting. The code of a pack is its folder's
//!   name.
//! - [`Packs`] is the set a pipeline runs with: the shipped ones
//!   ([`Packs::embedded`], compiled into the binary) and any loaded from a
//!   folder ([`Packs::load_dir`]). [`Packs::for_lang`] is **the** policy for
//!   choosing a document's pack, the same for every stage: a document's
//!   language picks its pack; a document of unknown language gets the
//!   fallback pack (German); a document whose language has no pack gets
//!   none, and the stages that need one do not run, so their layers are
//!   absent from the record.
//! - [`PerPack`] builds a stage's compiled form of a pack (a lexicon, a
//!   model) once, on first use, so a German-only run never builds English.
//!
//! A manifest, with file paths relative to the pack folder:
//!
//! ```toml
//! name = "German"
//! [segment.files]
//! abbreviations = "segment/abbreviations.txt"
//! [quote.rules]
//! konjunktiv = true
//! ```
//!
//! ```
//! use newsgraph_pack::Packs;
//! let packs = Packs::embedded();
//! let de = packs.for_lang(Some("de-AT")).unwrap();
//! assert_eq!(de.code(), "de");
//! assert!(de.text("segment", "abbreviations").unwrap().contains("z.B."));
//! assert_eq!(packs.for_lang(None).unwrap().code(), "de"); // unknown: the fallback
//! assert!(packs.for_lang(Some("xx")).is_none()); // no pack: the stage does not run
//! ```
#![deny(missing_docs)]

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The language documents of unknown language are analysed as: newsgraph
/// reads German first.
pub const FALLBACK: &str = "de";

/// A pack could not be read, or lacks what a stage asked for.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PackError {
    /// A file could not be read.
    #[error("language pack {pack}: cannot read {path}: {source}")]
    Io {
        /// The pack's code.
        pack: String,
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The manifest is not valid.
    #[error("language pack {pack}: bad pack.toml: {message}")]
    Manifest {
        /// The pack's code.
        pack: String,
        /// What is wrong.
        message: String,
    },
    /// The manifest does not name a file or setting a stage needs.
    #[error("language pack {pack}: pack.toml has no {what} [{stage}] {key}; add it (see resources/de/pack.toml)")]
    Missing {
        /// The pack's code.
        pack: String,
        /// The stage's section.
        stage: String,
        /// `file` or `rule`.
        what: &'static str,
        /// The missing key.
        key: String,
    },
    /// A text file is not UTF-8, or a setting has the wrong type.
    #[error("language pack {pack}: {message}")]
    Invalid {
        /// The pack's code.
        pack: String,
        /// What is wrong.
        message: String,
    },
}

/// One stage's part of a manifest.
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Section {
    /// Key → path relative to the pack folder, or a list of paths whose
    /// contents are read as one (a gazetteer category from several lists).
    #[serde(default)]
    files: BTreeMap<String, Paths>,
    /// Key → setting.
    #[serde(default)]
    rules: BTreeMap<String, Rule>,
}

/// A rule setting of a pack: a yes/no trait, a word, or a list of words.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(untagged)]
pub enum Rule {
    /// `konjunktiv = true`.
    Flag(bool),
    /// `name-joiner = "und"`.
    Word(String),
    /// `name-endings = ["s", "es"]`.
    Words(Vec<String>),
}

#[derive(Debug, Clone, serde::Deserialize)]
#[serde(untagged)]
enum Paths {
    One(String),
    Many(Vec<String>),
}

impl Paths {
    fn iter(&self) -> impl Iterator<Item = &str> {
        let (one, many): (Option<&String>, &[String]) = match self {
            Paths::One(p) => (Some(p), &[]),
            Paths::Many(ps) => (None, ps),
        };
        one.into_iter().chain(many).map(String::as_str)
    }
}

#[derive(Debug, Clone, serde::Deserialize)]
struct Manifest {
    name: String,
    #[serde(flatten)]
    stages: BTreeMap<String, Section>,
}

#[derive(Debug, Clone)]
enum Origin {
    /// Compiled in: the folder's path relative to `resources/`.
    Embedded(String),
    /// A folder on disk.
    Dir(PathBuf),
}

/// One language's knowledge: a folder with a `pack.toml`.
#[derive(Debug, Clone)]
pub struct Pack {
    code: String,
    manifest: Manifest,
    origin: Origin,
}

impl Pack {
    fn parse(code: &str, manifest: &str, origin: Origin) -> Result<Pack, PackError> {
        let manifest: Manifest =
            basic_toml::from_str(manifest).map_err(|e| PackError::Manifest {
                pack: code.to_string(),
                message: e.to_string(),
            })?;
        Ok(Pack {
            code: code.to_string(),
            manifest,
            origin,
        })
    }

    /// The shipped pack of `code`, if there is one.
    pub fn embedded(code: &str) -> Option<Pack> {
        let dir = embedded::PACKS.iter().find(|c| **c == code)?;
        let manifest = embedded_file(&format!("{dir}/pack.toml"))?;
        let manifest = std::str::from_utf8(manifest).expect("shipped pack.toml is UTF-8");
        Some(
            Pack::parse(code, manifest, Origin::Embedded(dir.to_string()))
                .expect("shipped pack.toml is valid (tested)"),
        )
    }

    /// The pack in folder `dir`; its code is the folder's name.
    pub fn load_dir(dir: &Path) -> Result<Pack, PackError> {
        let code = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let path = dir.join("pack.toml");
        let manifest = std::fs::read_to_string(&path).map_err(|source| PackError::Io {
            pack: code.clone(),
            path,
            source,
        })?;
        let pack = Pack::parse(&code, &manifest, Origin::Dir(dir.to_path_buf()))?;
        pack.check()?;
        Ok(pack)
    }

    /// The language code (ISO 639-1 where there is one): the folder's name.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The language's name in English.
    pub fn name(&self) -> &str {
        &self.manifest.name
    }

    /// Whether the pack has anything for `stage` (a `[stage]` section). A
    /// stage whose section is missing does not run on the pack's documents.
    pub fn has_stage(&self, stage: &str) -> bool {
        self.manifest.stages.contains_key(stage)
    }

    /// Whether the manifest names a file `key` for `stage`.
    pub fn has_file(&self, stage: &str, key: &str) -> bool {
        self.section(stage)
            .is_some_and(|s| s.files.contains_key(key))
    }

    /// The content of file `key` of `stage` (of its files one after the
    /// other when the manifest names a list).
    pub fn bytes(&self, stage: &str, key: &str) -> Result<Cow<'_, [u8]>, PackError> {
        let paths = self
            .section(stage)
            .and_then(|s| s.files.get(key))
            .ok_or_else(|| self.missing(stage, "file", key))?;
        let mut parts = paths.iter().map(|rel| self.file(rel));
        match paths {
            Paths::One(_) => parts.next().expect("one path"),
            Paths::Many(_) => {
                let mut all = Vec::new();
                for part in parts {
                    all.extend_from_slice(&part?);
                }
                Ok(Cow::Owned(all))
            }
        }
    }

    fn file(&self, rel: &str) -> Result<Cow<'_, [u8]>, PackError> {
        match &self.origin {
            Origin::Embedded(dir) => {
                let path = normalise(&format!("{dir}/{rel}"));
                embedded_file(&path)
                    .map(Cow::Borrowed)
                    .ok_or_else(|| PackError::Io {
                        pack: self.code.clone(),
                        path: PathBuf::from("resources").join(&path),
                        source: std::io::ErrorKind::NotFound.into(),
                    })
            }
            Origin::Dir(dir) => {
                let path = dir.join(rel);
                std::fs::read(&path)
                    .map(Cow::Owned)
                    .map_err(|source| PackError::Io {
                        pack: self.code.clone(),
                        path,
                        source,
                    })
            }
        }
    }

    /// The content of text file `key` of `stage` (UTF-8).
    pub fn text(&self, stage: &str, key: &str) -> Result<Cow<'_, str>, PackError> {
        let invalid = |e: std::str::Utf8Error| PackError::Invalid {
            pack: self.code.clone(),
            message: format!("[{stage}] {key} is not UTF-8: {e}"),
        };
        match self.bytes(stage, key)? {
            Cow::Borrowed(b) => std::str::from_utf8(b).map(Cow::Borrowed).map_err(invalid),
            Cow::Owned(b) => String::from_utf8(b)
                .map(Cow::Owned)
                .map_err(|e| invalid(e.utf8_error())),
        }
    }

    /// The setting `name` of `stage`.
    pub fn rule(&self, stage: &str, name: &str) -> Result<&Rule, PackError> {
        self.section(stage)
            .and_then(|s| s.rules.get(name))
            .ok_or_else(|| self.missing(stage, "rule", name))
    }

    /// A yes/no setting of `stage` (a grammatical trait such as whether the
    /// language marks reported speech by mood).
    pub fn flag(&self, stage: &str, name: &str) -> Result<bool, PackError> {
        match self.rule(stage, name)? {
            Rule::Flag(yes) => Ok(*yes),
            _ => Err(self.wrong_type(stage, name, "true or false")),
        }
    }

    /// A word setting of `stage` (*und*, *and*).
    pub fn word(&self, stage: &str, name: &str) -> Result<&str, PackError> {
        match self.rule(stage, name)? {
            Rule::Word(word) => Ok(word),
            _ => Err(self.wrong_type(stage, name, "a string")),
        }
    }

    /// A list-of-words setting of `stage` (endings, stop words).
    pub fn words(&self, stage: &str, name: &str) -> Result<&[String], PackError> {
        match self.rule(stage, name)? {
            Rule::Words(words) => Ok(words),
            _ => Err(self.wrong_type(stage, name, "a list of strings")),
        }
    }

    /// Checks that every file the manifest names can be read.
    pub fn check(&self) -> Result<(), PackError> {
        for (stage, section) in &self.manifest.stages {
            for key in section.files.keys() {
                self.bytes(stage, key)?;
            }
        }
        Ok(())
    }

    fn section(&self, stage: &str) -> Option<&Section> {
        self.manifest.stages.get(stage)
    }

    fn missing(&self, stage: &str, what: &'static str, key: &str) -> PackError {
        PackError::Missing {
            pack: self.code.clone(),
            stage: stage.to_string(),
            what,
            key: key.to_string(),
        }
    }

    fn wrong_type(&self, stage: &str, name: &str, want: &str) -> PackError {
        PackError::Invalid {
            pack: self.code.clone(),
            message: format!("[{stage}.rules] {name} must be {want}"),
        }
    }
}

/// A language-independent data file compiled in from `resources/` (the
/// folders without a `pack.toml`: `lang/`, `names/`, `read/`, `segment/`),
/// by its path below `resources/`: `names/given-name-gender.tsv`.
///
/// # Panics
/// When no such file was compiled in: the path is a constant of the caller,
/// and a test of the caller's catches a wrong one.
pub fn shared_text(path: &str) -> &'static str {
    let bytes = embedded_file(path)
        .unwrap_or_else(|| panic!("resources/{path} is not compiled in; check the path"));
    std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("resources/{path} is not UTF-8: {e}"))
}

/// The paths below `resources/` of the compiled-in files in folder `dir`
/// (`lang/markers`), sorted.
pub fn shared_files(dir: &str) -> impl Iterator<Item = &'static str> + '_ {
    embedded::FILES.iter().map(|(p, _)| *p).filter(move |p| {
        p.strip_prefix(dir)
            .is_some_and(|rest| rest.starts_with('/'))
    })
}

fn embedded_file(path: &str) -> Option<&'static [u8]> {
    embedded::FILES
        .binary_search_by(|(p, _)| (*p).cmp(path))
        .ok()
        .map(|i| embedded::FILES[i].1)
}

/// `a/b/../c` → `a/c`: a pack may name a file of another shipped folder.
fn normalise(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// The base of a language tag, lower case: `de-AT` → `de`.
pub fn base_code(lang: &str) -> String {
    lang.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The packs a pipeline runs with (cheap to clone).
#[derive(Debug, Clone)]
pub struct Packs {
    packs: Arc<[Arc<Pack>]>,
    fallback: Option<String>,
}

impl Packs {
    /// The shipped packs, compiled into the binary, with German as the
    /// fallback for documents of unknown language.
    pub fn embedded() -> Packs {
        static SHIPPED: OnceLock<Packs> = OnceLock::new();
        SHIPPED
            .get_or_init(|| Packs {
                packs: embedded::PACKS
                    .iter()
                    .filter_map(|c| Pack::embedded(c).map(Arc::new))
                    .collect(),
                fallback: Some(FALLBACK.to_string()),
            })
            .clone()
    }

    /// Every pack in the subfolders of `root` that hold a `pack.toml`, with
    /// no fallback (documents of unknown language get no pack).
    pub fn load_dir(root: &Path) -> Result<Packs, PackError> {
        let io = |source| PackError::Io {
            pack: "*".into(),
            path: root.to_path_buf(),
            source,
        };
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.join("pack.toml").is_file())
            .collect();
        dirs.sort();
        let packs = dirs
            .iter()
            .map(|d| Pack::load_dir(d).map(Arc::new))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Packs {
            packs: packs.into(),
            fallback: None,
        })
    }

    /// These packs and `pack` (replacing one of the same code).
    pub fn with(&self, pack: Pack) -> Packs {
        let mut packs: Vec<Arc<Pack>> = self
            .packs
            .iter()
            .filter(|p| p.code != pack.code)
            .cloned()
            .collect();
        packs.push(Arc::new(pack));
        Packs {
            packs: packs.into(),
            fallback: self.fallback.clone(),
        }
    }

    /// The same packs with `code` (or none) for documents of unknown language.
    pub fn with_fallback(&self, code: Option<&str>) -> Packs {
        Packs {
            packs: self.packs.clone(),
            fallback: code.map(str::to_string),
        }
    }

    /// The pack of `code` (a language tag: `de`, `de-AT`).
    pub fn get(&self, code: &str) -> Option<&Arc<Pack>> {
        // Asked for every document by every stage: compare without allocating.
        let base = code.split(['-', '_']).next().unwrap_or("");
        self.packs
            .iter()
            .find(|p| p.code.eq_ignore_ascii_case(base))
    }

    /// The pack for a document whose language is `lang` (`None`: unknown).
    /// This is the one policy every stage follows: a known language gets its
    /// pack or none; an unknown one gets the fallback.
    pub fn for_lang(&self, lang: Option<&str>) -> Option<&Arc<Pack>> {
        match lang {
            Some(code) => self.get(code),
            None => self.get(self.fallback.as_deref()?),
        }
    }

    /// The codes of the packs, in order.
    pub fn codes(&self) -> Vec<&str> {
        self.packs.iter().map(|p| p.code()).collect()
    }

    /// The packs.
    pub fn iter(&self) -> impl Iterator<Item = &Arc<Pack>> {
        self.packs.iter()
    }

    /// Checks every pack's files (see [`Pack::check`]).
    pub fn check(&self) -> Result<(), PackError> {
        self.packs.iter().try_for_each(|p| p.check())
    }
}

type Build<T> = dyn Fn(&Pack) -> Result<T, PackError> + Send + Sync;

/// A stage's compiled form of each pack (a lexicon, a model), built on first
/// use from the pack, once.
pub struct PerPack<T> {
    packs: Packs,
    cells: Box<[OnceLock<Result<T, String>>]>,
    build: Box<Build<T>>,
}

impl<T> std::fmt::Debug for PerPack<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PerPack")
            .field("packs", &self.packs.codes())
            .finish()
    }
}

impl<T> PerPack<T> {
    /// `build` compiles one pack; it runs at most once per pack.
    pub fn new(
        packs: &Packs,
        build: impl Fn(&Pack) -> Result<T, PackError> + Send + Sync + 'static,
    ) -> PerPack<T> {
        PerPack {
            packs: packs.clone(),
            cells: packs.iter().map(|_| OnceLock::new()).collect(),
            build: Box::new(build),
        }
    }

    /// The packs this was made for.
    pub fn packs(&self) -> &Packs {
        &self.packs
    }

    /// The compiled pack for a document of language `lang` under the policy
    /// of [`Packs::for_lang`]: `None` when the document gets no pack.
    ///
    /// # Panics
    /// When the pack's data cannot be compiled, naming the pack and the
    /// problem. [`Packs::check`] has made sure every file can be read, so
    /// this is a defect in a pack's data.
    pub fn for_lang(&self, lang: Option<&str>) -> Option<&T> {
        let pack = self.packs.for_lang(lang)?;
        let i = self.packs.iter().position(|p| Arc::ptr_eq(p, pack))?;
        let built = self.cells[i].get_or_init(|| (self.build)(pack).map_err(|e| e.to_string()));
        match built {
            Ok(t) => Some(t),
            Err(e) => panic!("{e}"),
        }
    }

    /// Whether the pack for `lang` has been compiled in this process.
    pub fn is_built(&self, lang: Option<&str>) -> bool {
        self.packs
            .for_lang(lang)
            .and_then(|pack| self.packs.iter().position(|p| Arc::ptr_eq(p, pack)))
            .is_some_and(|i| self.cells[i].get().is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_packs_are_valid_and_readable() {
        let packs = Packs::embedded();
        assert!(packs.codes().contains(&"de"));
        assert!(packs.codes().contains(&"en"));
        packs.check().unwrap();
    }

    #[test]
    fn a_language_tag_picks_the_pack_of_its_base() {
        let packs = Packs::embedded();
        assert_eq!(packs.for_lang(Some("EN-gb")).unwrap().code(), "en");
        assert_eq!(packs.for_lang(None).unwrap().code(), FALLBACK);
        assert!(packs.for_lang(Some("fr")).is_none());
        assert!(packs.with_fallback(None).for_lang(None).is_none());
    }

    #[test]
    fn a_folder_pack_reads_its_files_and_names_what_is_missing() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("xx");
        std::fs::create_dir_all(dir.join("segment")).unwrap();
        std::fs::write(
            dir.join("pack.toml"),
            "name = \"Test\"\n[segment.files]\nabbreviations = \"segment/abbr.txt\"\n[quote.rules]\nkonjunktiv = false\n",
        )
        .unwrap();
        std::fs::write(dir.join("segment/abbr.txt"), "usw.\n").unwrap();
        let packs = Packs::load_dir(tmp.path()).unwrap();
        let xx = packs.get("xx").unwrap();
        assert_eq!(xx.text("segment", "abbreviations").unwrap(), "usw.\n");
        assert!(!xx.flag("quote", "konjunktiv").unwrap());
        let err = xx.text("segment", "months").unwrap_err().to_string();
        assert!(
            err.contains("language pack xx") && err.contains("months"),
            "{err}"
        );
        assert!(xx.word("quote", "konjunktiv").is_err());
    }

    #[test]
    fn a_folder_pack_naming_a_missing_file_is_refused_at_load() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("xx");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("pack.toml"),
            "name = \"Test\"\n[time.files]\nlexicon = \"time/lexicon.tsv\"\n",
        )
        .unwrap();
        let err = Pack::load_dir(&dir).unwrap_err().to_string();
        assert!(err.contains("time/lexicon.tsv"), "{err}");
    }

    #[test]
    fn a_compiled_pack_is_built_once_and_on_demand() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static BUILDS: AtomicUsize = AtomicUsize::new(0);
        let per = PerPack::new(&Packs::embedded(), |p| {
            BUILDS.fetch_add(1, Ordering::SeqCst);
            Ok(p.code().to_string())
        });
        assert!(!per.is_built(Some("en")));
        assert_eq!(per.for_lang(Some("de")).unwrap(), "de");
        assert_eq!(per.for_lang(None).unwrap(), "de");
        assert!(per.for_lang(Some("fr")).is_none());
        assert_eq!(BUILDS.load(Ordering::SeqCst), 1);
        assert!(!per.is_built(Some("en")));
    }

    #[test]
    fn shared_files_are_compiled_in() {
        assert!(shared_text("names/given-name-gender.tsv").len() > 1000);
        assert!(shared_files("lang/markers").count() > 1);
    }

    #[test]
    fn paths_normalise() {
        assert_eq!(normalise("en/../de/ner/x.txt"), "de/ner/x.txt");
    }
}
