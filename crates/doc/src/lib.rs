//! The newsgraph document model: one [`Doc`] owns the text of an article and
//! pipeline stages enrich it with layers of stand-off [`Span`]s.
//!
//! Overview:
//! - [`Doc`] holds the text (never edited after construction), the [`Meta`]data
//!   (id, language, document creation time, title, url, source) and one
//!   `Option<Vec<_>>` per layer: `None` means the stage that writes the layer did
//!   not run, an empty `Vec` means it ran and found nothing.
//! - [`Span`] is a byte range into the text; [`CharIndex`] converts byte offsets
//!   into the Unicode code point offsets of the public record.
//! - [`Stage`] is what a pipeline step implements; [`Layer`] names what it reads
//!   and writes so a pipeline can check its order.
//! - [`record`] maps a `Doc` to and from the JSON record of `OUTPUT.md`
//!   through its record structs ([`record::Record`] and one struct per layer
//!   item), the only types that derive `Serialize` and `Deserialize`: domain
//!   types derive neither, the record module is the only mapping.
//!
//! ```
//! use newsgraph_doc::{Doc, Span};
//! let text = "Grüße aus Köln. Bis bald.";
//! let second = text.find("Bis").unwrap(); // byte 19
//! let mut doc = Doc::new("t1", text);
//! doc.set_sentences(vec![Span::new(0, second - 1), Span::new(second, text.len())]).unwrap();
//! let json = newsgraph_doc::record::to_json(&doc, &Default::default());
//! assert_eq!(json["sentences"][1]["start"], 16); // code points, not bytes
//! ```
#![deny(missing_docs)]

mod doc;
mod layers;
pub mod record;
mod span;
mod stage;

pub use doc::{Doc, DocType, LayerError, Meta};
pub use layers::{
    Claim, ClaimSource, EntityForm, EntityMention, EntityRef, EntityType, Event, Flag, FlagKind,
    Modality, Quote, QuoteKind, Status, Timex, TimexType, Token, TokenKind,
};
pub use span::{CharIndex, Span};
pub use stage::{Layer, Stage};
