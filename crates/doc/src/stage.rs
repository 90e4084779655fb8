use crate::Doc;

/// The layers of a [`Doc`], as stages declare what they read and write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layer {
    /// `meta.lang`.
    Lang,
    /// Sentence spans.
    Sentences,
    /// Token spans.
    Tokens,
    /// Named-entity mentions.
    Entities,
    /// Temporal expressions.
    Timexes,
    /// Quotations.
    Quotes,
    /// Claims.
    Claims,
    /// Events.
    Events,
    /// Quality flags.
    Flags,
}

/// One step of the analysis pipeline.
///
/// A stage reads the layers it declares in [`Stage::reads`] and adds the
/// layers in [`Stage::writes`]. It never edits the text or another stage's
/// spans, and never fails on odd text: what it can't analyse it skips, and
/// what the reader should know it reports as a [`crate::Flag`].
pub trait Stage: Send + Sync {
    /// Short name for logs and error messages.
    fn name(&self) -> &'static str;
    /// Layers that must exist before this stage runs.
    fn reads(&self) -> &'static [Layer];
    /// Layers this stage sets.
    fn writes(&self) -> &'static [Layer];
    /// Adds this stage's layers to `doc`.
    fn annotate(&self, doc: &mut Doc);
}
