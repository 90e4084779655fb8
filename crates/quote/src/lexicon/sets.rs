//! Names of the word sets in `function-words.tsv` that the detectors test
//! for with [`super::Lexicon::is`].

/// Verbs that report only impersonally (*heißt es*, *hieß es*).
pub const IMPERSONAL_CUE: &str = "impersonal-cue";
/// The word of a *so*-frame (*…, so Kim.*).
pub const SO_FRAME: &str = "so-frame";
/// The word of a *wie*-frame (*wie der Sprecher sagte*, *as … said*).
pub const WIE_FRAME: &str = "wie-frame";
/// Words that join two speakers (*NHK und Yonhap*).
pub const SPEAKER_JOINER: &str = "speaker-joiner";
/// Definite articles (*der Minister* names someone named before).
pub const DEFINITE_ARTICLE: &str = "definite-article";
/// Determiners that can mark a dative addressee (*sagte der Zeitung*).
pub const DATIVE_DET: &str = "dative-det";
/// Pronouns that point back to the previous sentence as a report
/// (*Das bestätigte der Sprecher*).
pub const ANAPHORIC_SUBJECT: &str = "anaphoric-subject";
/// Verb forms by which a source cites another (*zitierte*, *citing*).
pub const CITING_CUE: &str = "citing-cue";
/// Words that attach a genitive attribute (*Sprecher des Ministeriums*).
pub const GENITIVE_LINK: &str = "genitive-link";
/// Articles (*the*, *a*): *said X, a senior analyst at …* is an
/// apposition.
pub const ARTICLE: &str = "article";
/// Subject pronouns whose verb form looks like a Konjunktiv I (*ich
/// komme*, *du habe*): the indicative, not a report.
pub const KONJUNKTIV_LOOKALIKE_SUBJECT: &str = "konjunktiv-lookalike-subject";
/// Words after an English addressee that do not open its clause
/// (*told him it …* is ambiguous).
pub const NOT_CLAUSE_OPENER: &str = "not-clause-opener";
/// Adverbs that may stand inside a noun phrase (*die bisher größte*).
pub const PHRASE_ADVERB: &str = "phrase-adverb";
/// The infinitive marker (*zu*): *…, den Bären einzufangen*.
pub const INFINITIVE_MARKER: &str = "infinitive-marker";
/// A word that may open the sentence before a *wie*-frame (*Denn wie
/// der Sprecher sagte, …*).
pub const WIE_FRAME_LEAD: &str = "wie-frame-lead";
/// Marker heads that without a source make a manner, not a report
/// (*aus juristischer Sicht*).
pub const MANNER_MARKER_HEAD: &str = "manner-marker-head";
/// Words that make a phrase a role, not a speaker (*Als Begründung gab
/// die Stadt an*).
pub const ROLE_PHRASE_HEAD: &str = "role-phrase-head";
/// The subject of an instruction in Konjunktiv I (*man nehme*).
pub const HORTATIVE_SUBJECT: &str = "hortative-subject";
/// Tokens that open a new item in running text without paragraph
/// breaks (*— Die St. Galler …*, *\* Waffentragen …*).
pub const ITEM_MARKER: &str = "item-marker";
/// Words by which a frame announces a passage (*folgende Geschichte*).
pub const PASSAGE_ANNOUNCER: &str = "passage-announcer";
/// Inflection endings of attributive adjectives and participles,
/// tested as word endings ([`super::Lexicon::has_adjective_ending`]).
pub const ADJECTIVE_ENDING: &str = "adjective-ending";
/// Every set, for the test that both languages' files load them.
pub const ALL: [&str; 21] = [
    ADJECTIVE_ENDING,
    PASSAGE_ANNOUNCER,
    ITEM_MARKER,
    INFINITIVE_MARKER,
    WIE_FRAME_LEAD,
    MANNER_MARKER_HEAD,
    ROLE_PHRASE_HEAD,
    HORTATIVE_SUBJECT,
    ARTICLE,
    KONJUNKTIV_LOOKALIKE_SUBJECT,
    NOT_CLAUSE_OPENER,
    PHRASE_ADVERB,
    IMPERSONAL_CUE,
    SO_FRAME,
    WIE_FRAME,
    SPEAKER_JOINER,
    DEFINITE_ARTICLE,
    DATIVE_DET,
    ANAPHORIC_SUBJECT,
    CITING_CUE,
    GENITIVE_LINK,
];
