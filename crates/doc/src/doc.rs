use crate::{Claim, Event, Quote};
use crate::{EntityMention, Flag, Layer, Span, Timex, Token};

/// How relative dates are anchored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DocType {
    /// News: relative expressions refer to the document creation time.
    #[default]
    News,
    /// Narrative (history, encyclopaedia): they refer to the last date mentioned.
    Narrative,
}

/// What is known about a document besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// Stable id: given by the input, else a content hash.
    pub id: String,
    /// ISO 639-1 language code, detected unless given.
    pub lang: Option<String>,
    /// Document creation time.
    pub dct: Option<jiff::civil::Date>,
    /// Headline.
    pub title: Option<String>,
    /// Where the document was found.
    pub url: Option<String>,
    /// Outlet or input name.
    pub source: Option<String>,
    /// Who wrote or delivered the text: a byline, the speaker of a speech.
    /// First-person speakers of quotes are this person.
    pub author: Option<String>,
    /// The input's character encoding when it was not UTF-8 (`UTF-16LE`,
    /// `windows-1252`): the text was decoded from it.
    pub encoding: Option<String>,
    /// How to anchor relative time.
    pub doctype: DocType,
}

/// A layer was set with spans that break its invariant.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LayerError {
    /// A span is outside the text or not on a char boundary.
    #[error("{layer:?} span {start}..{end} is not a char-aligned range of the {len}-byte text")]
    OutOfText {
        /// The layer being set.
        layer: Layer,
        /// Span start.
        start: usize,
        /// Span end.
        end: usize,
        /// Text length in bytes.
        len: usize,
    },
    /// Two spans of a non-overlapping layer overlap or are out of order.
    #[error(
        "{layer:?} spans {a_start}..{a_end} and {b_start}..{b_end} overlap or are out of order"
    )]
    Overlap {
        /// The layer being set.
        layer: Layer,
        /// First span start.
        a_start: usize,
        /// First span end.
        a_end: usize,
        /// Second span start.
        b_start: usize,
        /// Second span end.
        b_end: usize,
    },
}

/// One document: the text it owns and the layers stages add to it.
///
/// Invariant: `text` never changes after construction, so every span of every
/// layer stays valid. Layers are `None` until the stage that writes them runs.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    text: String,
    /// Metadata.
    pub meta: Meta,
    sentences: Option<Vec<Span>>,
    tokens: Option<Vec<Token>>,
    /// Named-entity mentions (sorted, non-overlapping by convention).
    pub entities: Option<Vec<EntityMention>>,
    /// Temporal expressions.
    pub timexes: Option<Vec<Timex>>,
    /// Quotations (may overlap).
    pub quotes: Option<Vec<Quote>>,
    /// Claims (may overlap).
    pub claims: Option<Vec<Claim>>,
    /// Events.
    pub events: Option<Vec<Event>>,
    /// Quality flags, appended by any stage.
    pub flags: Vec<Flag>,
}

impl Doc {
    /// A document with id `id` owning `text`.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Doc {
        Doc {
            text: text.into(),
            meta: Meta {
                id: id.into(),
                ..Meta::default()
            },
            ..Doc::default()
        }
    }

    /// A document with the given metadata.
    pub fn with_meta(meta: Meta, text: impl Into<String>) -> Doc {
        Doc {
            text: text.into(),
            meta,
            ..Doc::default()
        }
    }

    /// The text all spans index.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The knowledge-base id of the entity a mention refers to, once the
    /// linking stage has given that entity one.
    pub fn entity_kb(&self, mention: &crate::EntityRef) -> Option<&str> {
        let i = mention.entity?;
        self.entities.as_deref()?.get(i)?.kb.as_deref()
    }

    /// Sentence spans, in text order; `None` before segmentation.
    pub fn sentences(&self) -> Option<&[Span]> {
        self.sentences.as_deref()
    }

    /// Token spans, in text order; `None` before tokenization.
    pub fn tokens(&self) -> Option<&[Token]> {
        self.tokens.as_deref()
    }

    /// Sets the sentence layer: spans must be inside the text, char-aligned,
    /// in order and non-overlapping.
    pub fn set_sentences(&mut self, spans: Vec<Span>) -> Result<(), LayerError> {
        check_ordered(&self.text, Layer::Sentences, spans.iter().copied())?;
        self.sentences = Some(spans);
        Ok(())
    }

    /// Sets the token layer, with the same invariant as sentences.
    pub fn set_tokens(&mut self, tokens: Vec<Token>) -> Result<(), LayerError> {
        check_ordered(&self.text, Layer::Tokens, tokens.iter().map(|t| t.span))?;
        self.tokens = Some(tokens);
        Ok(())
    }

    /// Whether the stage writing `layer` has run.
    pub fn has_layer(&self, layer: Layer) -> bool {
        match layer {
            Layer::Lang => self.meta.lang.is_some(),
            Layer::Sentences => self.sentences.is_some(),
            Layer::Tokens => self.tokens.is_some(),
            Layer::Entities => self.entities.is_some(),
            Layer::Timexes => self.timexes.is_some(),
            Layer::Quotes => self.quotes.is_some(),
            Layer::Claims => self.claims.is_some(),
            Layer::Events => self.events.is_some(),
            Layer::Flags => true,
        }
    }

    /// Tokens inside `span` (binary search over the token layer).
    pub fn tokens_in(&self, span: Span) -> &[Token] {
        let Some(tokens) = self.tokens.as_deref() else {
            return &[];
        };
        let lo = tokens.partition_point(|t| t.span.start < span.start);
        let hi = tokens.partition_point(|t| t.span.start < span.end);
        let hi = hi.max(lo);
        let mut end = hi;
        while end > lo && tokens[end - 1].span.end > span.end {
            end -= 1;
        }
        &tokens[lo..end]
    }
}

fn check_ordered(
    text: &str,
    layer: Layer,
    spans: impl Iterator<Item = Span>,
) -> Result<(), LayerError> {
    let mut prev: Option<Span> = None;
    for s in spans {
        if !s.is_valid_in(text) {
            return Err(LayerError::OutOfText {
                layer,
                start: s.start,
                end: s.end,
                len: text.len(),
            });
        }
        if let Some(p) = prev {
            if s.start < p.end {
                return Err(LayerError::Overlap {
                    layer,
                    a_start: p.start,
                    a_end: p.end,
                    b_start: s.start,
                    b_end: s.end,
                });
            }
        }
        prev = Some(s);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TokenKind;

    #[test]
    fn rejects_overlapping_sentences() {
        let mut doc = Doc::new("x", "Eins. Zwei.");
        let err = doc
            .set_sentences(vec![Span::new(0, 6), Span::new(5, 11)])
            .unwrap_err();
        assert!(matches!(err, LayerError::Overlap { .. }));
        assert!(doc.sentences().is_none());
    }

    #[test]
    fn rejects_span_inside_a_char() {
        let mut doc = Doc::new("x", "Köln");
        let err = doc.set_sentences(vec![Span::new(0, 2)]).unwrap_err();
        assert!(matches!(err, LayerError::OutOfText { .. }));
    }

    #[test]
    fn tokens_in_returns_contained_tokens() {
        let mut doc = Doc::new("x", "a bb c");
        let tok = |s, e| Token {
            span: Span::new(s, e),
            kind: TokenKind::Word,
        };
        doc.set_tokens(vec![tok(0, 1), tok(2, 4), tok(5, 6)])
            .unwrap();
        assert_eq!(doc.tokens_in(Span::new(2, 6)).len(), 2);
        assert_eq!(doc.tokens_in(Span::new(1, 2)).len(), 0);
    }
}
