use std::ops::Range;

/// A half-open byte range `[start, end)` into a [`crate::Doc`]'s text.
///
/// Invariant (checked where layers are set): both ends lie on UTF-8 character
/// boundaries of the text the span belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from byte `start` to byte `end` (exclusive).
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// The byte range, for slicing.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether this span is a valid range on char boundaries of `text`.
    pub fn is_valid_in(self, text: &str) -> bool {
        self.start <= self.end
            && self.end <= text.len()
            && text.is_char_boundary(self.start)
            && text.is_char_boundary(self.end)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// Converts byte offsets of one text into Unicode code point offsets and back.
///
/// This is the single place where the internal byte offsets meet the code point
/// offsets of the public record (JSON, SQLite, HTTP). For ASCII text both are
/// the same and the index stores nothing.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every char, plus the text length at the end; empty when
    /// the text is ASCII.
    char_starts: Vec<usize>,
    len_bytes: usize,
}

impl CharIndex {
    /// Builds the index for `text`.
    pub fn new(text: &str) -> CharIndex {
        let char_starts = if text.is_ascii() {
            Vec::new()
        } else {
            let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            v.push(text.len());
            v
        };
        CharIndex {
            char_starts,
            len_bytes: text.len(),
        }
    }

    /// The code point offset of byte offset `byte`. A byte offset inside a
    /// multi-byte char maps to that char's index.
    pub fn char_of_byte(&self, byte: usize) -> usize {
        if self.char_starts.is_empty() {
            return byte.min(self.len_bytes);
        }
        match self.char_starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The byte offset of code point offset `ch`, or `None` past the end.
    pub fn byte_of_char(&self, ch: usize) -> Option<usize> {
        if self.char_starts.is_empty() {
            return (ch <= self.len_bytes).then_some(ch);
        }
        self.char_starts.get(ch).copied()
    }

    /// A byte span as a `(start, end)` pair of code point offsets.
    pub fn chars(&self, span: Span) -> (usize, usize) {
        (self.char_of_byte(span.start), self.char_of_byte(span.end))
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        if self.char_starts.is_empty() {
            self.len_bytes
        } else {
            self.char_starts.len() - 1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn umlauts_and_emoji_map_to_code_points() {
        let text = "Köln 🎉 ist schön";
        let idx = CharIndex::new(text);
        let ist = text.find("ist").unwrap();
        assert_eq!(idx.char_of_byte(ist), 7);
        assert_eq!(idx.byte_of_char(7), Some(ist));
        assert_eq!(idx.char_len(), text.chars().count());
        assert_eq!(idx.chars(Span::new(0, text.len())), (0, 16));
    }

    #[test]
    fn ascii_is_identity() {
        let idx = CharIndex::new("abc");
        assert_eq!(idx.char_of_byte(2), 2);
        assert_eq!(idx.byte_of_char(3), Some(3));
        assert_eq!(idx.byte_of_char(4), None);
    }

    proptest! {
        #[test]
        fn round_trip_on_any_text(text in "\\PC{0,60}") {
            let idx = CharIndex::new(&text);
            for (ci, (bi, _)) in text.char_indices().enumerate() {
                prop_assert_eq!(idx.char_of_byte(bi), ci);
                prop_assert_eq!(idx.byte_of_char(ci), Some(bi));
            }
            prop_assert_eq!(idx.char_of_byte(text.len()), text.chars().count());
        }
    }
}
