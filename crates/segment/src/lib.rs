//! Rule-based sentence and token segmentation for German and English news.
//!
//! Overview:
//! - [`Segmenter`] holds one language's rules (abbreviations, month names,
//!   ordinal contexts, sentence starters, clitics), read from its language
//!   pack's `[segment.files]` ([`Segmenter::from_pack`]);
//!   [`Segmenter::for_lang`] returns a shared one of a shipped pack;
//!   [`Segmenter::tokenize`] gives [`Token`]s and
//!   [`Segmenter::sentences`] groups them into sentence [`Span`]s.
//! - [`SegmentStage`] is the pipeline stage writing the token and sentence
//!   layers of a [`Doc`].
//! - [`eval_conllu`] scores a segmenter on a CoNLL-U treebank and returns
//!   [`SegmentScores`].
//!
//! ```
//! use newsgraph_segment::Segmenter;
//! let text = "Am 3. Oktober sprach Dr. Weber, z. B. über 3,5 % mehr Geld. Er kam.";
//! let seg = Segmenter::for_lang("de");
//! let tokens = seg.tokenize(text);
//! let sentences = seg.sentences(text, &tokens);
//! let texts: Vec<&str> = sentences.iter().map(|s| &text[s.range()]).collect();
//! assert_eq!(texts, ["Am 3. Oktober sprach Dr. Weber, z. B. über 3,5 % mehr Geld.", "Er kam."]);
//! ```
//!
//! # How it decides
//!
//! Tokenizing is one forward scan: words keep inner hyphens (`UN-Sicherheitsrat`),
//! apostrophes, gender marks (`Kund:innen`, `Lehrer*innen`, `Lehrer_innen`),
//! number separators (`15.000`, `3,5`, `12.30`) and dotted abbreviations
//! (`z.B.`, `U.S.`); URLs and e-mail addresses are single tokens. A second pass
//! attaches a dot to the word before it when that word is a listed
//! abbreviation or a single letter, and to a number when the number is an
//! ordinal: before a lower-case word or a month name, after an article or
//! preposition (`der 2. Weltkrieg`), or at the start of a sentence or line
//! (numbered lists).
//!
//! Sentences end after `.`, `!`, `?` and their runs, together with any closing
//! quotes or brackets glued to them (`entstanden.“ Aus` splits after `“`),
//! unless the next token continues the sentence (a lower-case word, `,`, `;`,
//! `:` — so `„Kommst du?“, fragte er.` stays one sentence). Abbreviations end
//! a sentence according to their class in the data file; an ellipsis only
//! before a typical sentence starter or a line break.
//!
//! Line breaks: a blank line always ends a sentence. A single line break ends
//! one when the line stands alone — a dateline, a headline, a paragraph on
//! its own line — unless the line visibly continues (it ends in `,`, `;`, a
//! hyphen or an opening bracket, or the next line starts in lower case).
//! Hard-wrapped text is detected per text (most line breaks fall after a line
//! without final punctuation and a fair share before a lower-case word); there
//! a single line break counts as a space, except after a line shorter than
//! half the wrap width (a headline or the last line of a paragraph).
//!
//! Every pass moves forward with bounded lookahead, so time and memory are
//! linear in the text; no input makes it panic.
#![deny(missing_docs)]

mod chars;
mod eval;
mod lexer;
mod rules;
mod split;

pub use eval::{eval_conllu, read_conllu, score, EvalError, Gold, Prf, SegmentScores};
pub use newsgraph_doc::{Span, Token, TokenKind};

use newsgraph_doc::{Doc, Layer, Stage};
use newsgraph_pack::{Pack, PackError, Packs, PerPack};
use rules::Rules;
use std::sync::{Arc, OnceLock};

/// A tokenizer and sentence splitter for one language.
#[derive(Debug)]
pub struct Segmenter {
    rules: Rules,
}

/// The `[segment.files]` keys of a pack manifest, in the order
/// [`Rules::load`] takes them.
const FILES: [&str; 5] = [
    "abbreviations",
    "months",
    "ordinal-context",
    "sentence-starters",
    "clitics",
];

/// The segmenters of the shipped packs, each built on first use.
fn shipped() -> &'static PerPack<Segmenter> {
    static SHIPPED: OnceLock<PerPack<Segmenter>> = OnceLock::new();
    SHIPPED.get_or_init(|| PerPack::new(&Packs::embedded(), Segmenter::from_pack))
}

impl Segmenter {
    /// The segmenter of `pack`: its `[segment.files]` (abbreviations, month
    /// names, ordinal contexts, sentence starters, clitics).
    pub fn from_pack(pack: &Pack) -> Result<Segmenter, PackError> {
        let [abbreviations, months, ordinal_context, starters, clitics] =
            FILES.map(|key| pack.text("segment", key));
        Ok(Segmenter {
            rules: Rules::load(
                &abbreviations?,
                &months?,
                &ordinal_context?,
                &starters?,
                &clitics?,
            ),
        })
    }

    /// The shared segmenter of the shipped pack for language tag `lang`
    /// (`de`, `en-GB`; see [`Packs::for_lang`]). A convenience for tests,
    /// evaluation and benchmarks, which always want a segmenter: a language
    /// without a pack gets the fallback pack's rules, whose number, date and
    /// quotation handling suits most European text. The pipeline stage
    /// instead leaves such a document unsegmented.
    pub fn for_lang(lang: &str) -> &'static Segmenter {
        shipped()
            .for_lang(Some(lang))
            .or_else(|| shipped().for_lang(None))
            .expect("the fallback pack has [segment] files (tested)")
    }

    /// The tokens of `text`, in order, non-overlapping, covering every
    /// non-whitespace character.
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        lexer::tokenize(&self.rules, text)
    }

    /// The sentences of `text` given its `tokens` (from [`Self::tokenize`]):
    /// each starts at a token start and ends at a token end, and together
    /// they cover every token once.
    pub fn sentences(&self, text: &str, tokens: &[Token]) -> Vec<Span> {
        split::sentences(&self.rules, text, tokens)
    }

    /// Tokens and sentences of `text` in one call.
    pub fn segment(&self, text: &str) -> (Vec<Token>, Vec<Span>) {
        let tokens = self.tokenize(text);
        let sentences = self.sentences(text, &tokens);
        (tokens, sentences)
    }
}

/// The pipeline stage writing [`Layer::Tokens`] and [`Layer::Sentences`].
///
/// It reads nothing. A document is segmented with the rules of the pack its
/// language picks ([`Packs::for_lang`]: an unknown language gets the
/// fallback pack); in a language without a pack both layers stay absent.
#[derive(Debug, Clone)]
pub struct SegmentStage {
    /// The segmenters of the stage's packs, compiled on first use.
    segmenters: Arc<PerPack<Segmenter>>,
}

impl SegmentStage {
    /// The stage for the given language packs: a document is segmented with
    /// the pack its language picks ([`Packs::for_lang`]); in a language
    /// without a pack the layers stay absent. Each pack's rules are compiled
    /// on first use.
    pub fn new(packs: &Packs) -> SegmentStage {
        SegmentStage {
            segmenters: Arc::new(PerPack::new(packs, Segmenter::from_pack)),
        }
    }

    /// The segmenter for a document of language `lang` (`None`: unknown).
    fn segmenter(&self, lang: Option<&str>) -> Option<&Segmenter> {
        self.segmenters.for_lang(lang)
    }
}

impl Stage for SegmentStage {
    fn name(&self) -> &'static str {
        "segment"
    }

    fn reads(&self) -> &'static [Layer] {
        &[]
    }

    fn writes(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }

    fn annotate(&self, doc: &mut Doc) {
        let Some(seg) = self.segmenter(doc.meta.lang.as_deref()) else {
            return;
        };
        let (tokens, sentences) = seg.segment(doc.text());
        // The segmenter's spans are ordered and char-aligned by construction
        // (property-tested), so these cannot fail; should they, the layers
        // stay unset rather than holding bad spans.
        let _ = doc.set_tokens(tokens);
        let _ = doc.set_sentences(sentences);
    }
}
