//! The annotation types stages add to a [`crate::Doc`]. All offsets are byte
//! spans into the document text.

use crate::Span;

/// What a token is, as decided by the tokenizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens, apostrophes or gender marks.
    Word,
    /// Digits with optional separators (`15.000`, `3,5`, `12.30`).
    Number,
    /// An ordinal number written with a dot (`12.`, `2.`).
    Ordinal,
    /// An abbreviation that keeps its dot (`z.`, `Dr.`, `Mio.`).
    Abbreviation,
    /// Punctuation, quotation marks, brackets.
    Punct,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// Anything else (symbols, emoji, currency signs).
    Symbol,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where the token is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// GermEval 2014 outer entity classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityType {
    /// Person.
    Per,
    /// Organisation.
    Org,
    /// Location.
    Loc,
    /// Other (events, works, products...).
    Oth,
}

impl EntityType {
    /// The record's spelling: `PER`, `ORG`, `LOC`, `OTH`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Oth => "OTH",
        }
    }

    /// Parses the record's spelling.
    pub fn parse(s: &str) -> Option<EntityType> {
        Some(match s {
            "PER" => EntityType::Per,
            "ORG" => EntityType::Org,
            "LOC" => EntityType::Loc,
            "OTH" => EntityType::Oth,
            _ => return None,
        })
    }
}

/// GermEval's `deriv` and `part` forms of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityForm {
    /// An adjective or derivation of a name (*nordkoreanische*).
    Deriv,
    /// A word that contains a name (*Kremlsprecher*).
    Part,
}

impl EntityForm {
    /// The record's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityForm::Deriv => "deriv",
            EntityForm::Part => "part",
        }
    }
}

/// A named-entity mention.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityMention {
    /// Where the mention is.
    pub span: Span,
    /// Its class.
    pub label: EntityType,
    /// `deriv` / `part`, or `None` for a plain name.
    pub form: Option<EntityForm>,
    /// Linked knowledge-base id.
    pub kb: Option<String>,
    /// Canonical name of the linked entity (in the document's language,
    /// else English); for a mention the knowledge base lacks, the fullest
    /// name the document gives its cluster.
    pub name: Option<String>,
    /// How sure the link to `kb` is, in 0..1; `None` when not linked.
    pub score: Option<f32>,
    /// The document-local entity this mention belongs to: mentions of one
    /// entity (*Kim Jong Un*, *Kim*, *Kims*) share it, linked or not;
    /// numbered from 0 in order of first mention. `None` before linking.
    pub cluster: Option<u32>,
}

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimexType {
    /// A calendar date or period.
    Date,
    /// A time of day.
    Time,
    /// A length of time.
    Duration,
    /// A recurring time.
    Set,
}

impl TimexType {
    /// The record's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }

    /// Parses the record's spelling.
    pub fn parse(s: &str) -> Option<TimexType> {
        Some(match s {
            "DATE" => TimexType::Date,
            "TIME" => TimexType::Time,
            "DURATION" => TimexType::Duration,
            "SET" => TimexType::Set,
            _ => return None,
        })
    }
}

/// A temporal expression with its normalised value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// Where the expression is.
    pub span: Span,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// Normalised TIMEX3 value, `None` where it can't be fixed.
    pub value: Option<String>,
}

/// Direct, indirect or mixed reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Words in quotation marks.
    Direct,
    /// Reported clause (Konjunktiv, *dass*, *laut X*).
    Indirect,
    /// Indirect speech with quoted fragments.
    Mixed,
}

impl QuoteKind {
    /// The record's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        }
    }
}

/// A mention that may stand for an entity: a quote's speaker, a claim's
/// source. Stages that find such mentions point at the entity mention that
/// names it; only the linking stage gives entities knowledge-base ids, which
/// the record reads through this reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityRef {
    /// Where the mention is (*Kim*, *er*, *nicht identifizierte Quellen*).
    pub span: Span,
    /// Index into the document's entity layer of the mention that names
    /// it (the fullest name of *Kim*, the antecedent of *er*); `None` when
    /// no entity of the article stands behind it.
    pub entity: Option<usize>,
}

/// A quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted or reported content.
    pub span: Span,
    /// Its kind.
    pub kind: QuoteKind,
    /// Who said it, if attributed.
    pub speaker: Option<EntityRef>,
    /// The verb or phrase marking it.
    pub cue: Option<Span>,
    /// Who the speaker is, as fully as the article names them (*Kim Jong Un*
    /// for a speaker mention *Kim* or *er*); set also for an unframed
    /// continuation, which has no speaker mention of its own.
    pub speaker_name: Option<String>,
}

/// How strongly a claim is asserted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Modality {
    /// Stated as fact.
    Asserted,
    /// Likely.
    Probable,
    /// Possible.
    Possible,
    /// Speculation.
    Speculative,
}

impl Modality {
    /// The record's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Probable => "probable",
            Modality::Possible => "possible",
            Modality::Speculative => "speculative",
        }
    }
}

/// Whether a claim was confirmed or denied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// Reported, nothing more known.
    Reported,
    /// Explicitly not confirmed.
    Unconfirmed,
    /// Confirmed.
    Confirmed,
    /// Denied.
    Denied,
    /// Both confirmed and denied by different sources.
    Disputed,
}

impl Status {
    /// The record's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Reported => "reported",
            Status::Unconfirmed => "unconfirmed",
            Status::Confirmed => "confirmed",
            Status::Denied => "denied",
            Status::Disputed => "disputed",
        }
    }
}

/// Who stands behind a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimSource {
    /// The source mention and the entity behind it.
    pub mention: EntityRef,
    /// Whom the source cites, as written (*nicht identifizierte Quellen*).
    pub via: Option<String>,
}

/// A proposition the article reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// The proposition's extent.
    pub span: Span,
    /// Index of the sentence it is in.
    pub sentence: usize,
    /// Who stands behind it.
    pub sources: Vec<ClaimSource>,
    /// How strongly it is asserted.
    pub modality: Modality,
    /// Confirmation state.
    pub status: Status,
    /// Normalised time of the claim, if known.
    pub time: Option<String>,
}

/// A CAMEO-coded event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// CAMEO code (`042`).
    pub code: String,
    /// CAMEO label (`Make a visit`).
    pub label: String,
    /// Actor entity id.
    pub actor: Option<String>,
    /// Target entity id.
    pub target: Option<String>,
    /// Location entity id.
    pub location: Option<String>,
    /// Normalised time.
    pub time: Option<String>,
    /// Index of the sentence it is in.
    pub sentence: usize,
    /// How strongly it is asserted.
    pub modality: Modality,
}

/// What a quality flag says about a span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlagKind {
    /// A fragment in another language than the document (ISO 639-1 code).
    ForeignLanguage {
        /// Language of the fragment.
        lang: String,
    },
    /// A sentence repeating a phrase of four or more words.
    Repetition {
        /// The repeated phrase.
        phrase: String,
    },
    /// The input was changed or cut before analysis (e.g. a document longer
    /// than the analysis limit); the span says what was affected.
    Truncated,
}

impl FlagKind {
    /// The record's spelling of the kind.
    pub fn as_str(&self) -> &'static str {
        match self {
            FlagKind::ForeignLanguage { .. } => "foreign_language",
            FlagKind::Repetition { .. } => "repetition",
            FlagKind::Truncated => "truncated",
        }
    }
}

/// A quality signal on a span of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    /// What is flagged.
    pub span: Span,
    /// Why.
    pub kind: FlagKind,
}
