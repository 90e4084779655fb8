//! A token-level view of a segmented document: lower-case forms, sentence
//! membership, entity labels and paragraph starts, computed once.

use newsgraph_doc::{Doc, EntityForm, EntityType, Span, TokenKind};

/// One token as the detectors see it.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    /// The token text.
    pub text: &'a str,
    /// Lower-cased text.
    pub lower: String,
    /// Byte span.
    pub span: Span,
    /// Tokenizer kind.
    pub kind: TokenKind,
    /// Index of the sentence it is in.
    pub sent: usize,
    /// Index of the entity mention it is part of.
    pub entity: Option<usize>,
    /// Whether a paragraph break (blank line or line break) precedes it.
    pub para_start: bool,
    /// Whether it is part of a temporal expression (*Oktober*, *derzeit*).
    pub timex: bool,
}

impl Tok<'_> {
    /// A word or abbreviation whose first letter is upper case.
    pub fn is_capitalised(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Abbreviation)
            && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// A word (letters), not punctuation or a number.
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Abbreviation)
    }

    /// Punctuation equal to `s`.
    pub fn is(&self, s: &str) -> bool {
        self.text == s
    }

    /// A clause-ending punctuation mark.
    pub fn is_terminal(&self) -> bool {
        matches!(self.text, "." | "!" | "?" | "…" | "...")
    }
}

/// An entity as the detectors see it.
#[derive(Debug, Clone)]
pub struct Ent {
    /// Where it is.
    pub span: Span,
    /// Its class.
    pub label: EntityType,
    /// `deriv` / `part`.
    pub form: Option<EntityForm>,
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
}

/// The document as tokens.
pub struct View<'a> {
    /// The text.
    pub text: &'a str,
    /// Tokens.
    pub toks: Vec<Tok<'a>>,
    /// Sentences as token ranges.
    pub sents: Vec<(usize, usize)>,
    /// Entities with token ranges (empty when the layer is absent).
    pub ents: Vec<Ent>,
    /// The document's author or speaker, whom *ich* denotes.
    pub author: Option<&'a str>,
}

impl<'a> View<'a> {
    /// Builds the view; `None` without tokens or sentences.
    pub fn new(doc: &'a Doc) -> Option<View<'a>> {
        let text = doc.text();
        let tokens = doc.tokens()?;
        let sentences = doc.sentences()?;
        let mut toks = Vec::with_capacity(tokens.len());
        let mut sents = Vec::with_capacity(sentences.len());
        let mut s = 0;
        let mut prev_end = 0;
        for t in tokens {
            while s < sentences.len() && sentences[s].end <= t.span.start {
                s += 1;
            }
            let gap = &text[prev_end.min(t.span.start)..t.span.start];
            prev_end = t.span.end;
            let slice = &text[t.span.range()];
            toks.push(Tok {
                text: slice,
                lower: slice.to_lowercase(),
                span: t.span,
                kind: t.kind,
                sent: s.min(sentences.len().saturating_sub(1)),
                entity: None,
                para_start: toks.is_empty() || gap.contains('\n'),
                timex: false,
            });
        }
        let mut i = 0;
        for (si, sp) in sentences.iter().enumerate() {
            while i < toks.len() && toks[i].span.start < sp.start {
                i += 1;
            }
            let start = i;
            while i < toks.len() && toks[i].span.end <= sp.end {
                toks[i].sent = si;
                i += 1;
            }
            sents.push((start, i));
        }
        for t in doc.timexes.iter().flatten() {
            let first = toks.partition_point(|k| k.span.end <= t.span.start);
            for k in toks[first..]
                .iter_mut()
                .take_while(|k| k.span.start < t.span.end)
            {
                k.timex = true;
            }
        }
        let mut ents = Vec::new();
        for (ei, e) in doc.entities.iter().flatten().enumerate() {
            let first = toks.partition_point(|t| t.span.end <= e.span.start);
            let mut end = first;
            while end < toks.len() && toks[end].span.start < e.span.end {
                toks[end].entity = Some(ei);
                end += 1;
            }
            ents.push(Ent {
                span: e.span,
                label: e.label,
                form: e.form,
                first,
                end,
            });
        }
        Some(View {
            text,
            toks,
            sents,
            ents,
            author: doc.meta.author.as_deref(),
        })
    }

    /// The byte span from token `a` to token `b - 1`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b - 1].span.end)
    }

    /// The text from token `a` to token `b - 1`.
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        &self.text[self.span(a, b).range()]
    }

    /// Lower-case forms of tokens `a..b`.
    pub fn lowers(&self, a: usize, b: usize) -> Vec<&str> {
        self.toks[a..b].iter().map(|t| t.lower.as_str()).collect()
    }

    /// The first plain person or organisation mention whose text is `name`
    /// (an index into the document's entity layer): the entity a speaker or
    /// source named `name` refers to.
    pub fn entity_named(&self, name: &str) -> Option<usize> {
        self.ents.iter().position(|e| {
            e.form.is_none()
                && matches!(e.label, EntityType::Per | EntityType::Org)
                && &self.text[e.span.range()] == name
        })
    }

    /// The entity of token `i` if it is a plain person or organisation name.
    pub fn speaker_entity(&self, i: usize) -> Option<&Ent> {
        let e = &self.ents[self.toks[i].entity?];
        (e.form.is_none() && matches!(e.label, EntityType::Per | EntityType::Org)).then_some(e)
    }
}
