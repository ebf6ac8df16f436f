//! The paragraph index: where each source line of a document starts.
//!
//! A paragraph is one line of the file, without its line ending (`\n`, or
//! `\r\n`: a carriage return before a newline belongs to no visible text).
//! A final line ending does not start an empty paragraph, as in
//! `str::lines`; an empty document has one empty paragraph, so every byte
//! offset lies in some paragraph.

use std::ops::Range;

/// Start offsets of the paragraphs of a text, found once with `memchr`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Paragraphs {
    starts: Vec<usize>,
}

impl Paragraphs {
    /// The index of `text`: O(n), one pass of `memchr`.
    pub(super) fn index(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut index = Paragraphs {
            starts: Vec::with_capacity(bytes.len() / 64 + 1),
        };
        index.starts.push(0);
        index.extend(bytes, 0);
        index
    }

    /// The index of an empty text, to be [extended](Self::extend).
    pub(super) fn new() -> Self {
        Paragraphs { starts: vec![0] }
    }

    /// Indexes `text[from..]`, the part of `text` that is new since the
    /// index covered `text[..from]`: a document read in chunks is indexed
    /// chunk by chunk to the same index as in one pass. A newline that
    /// ended the old text starts a paragraph only now that text follows.
    pub(super) fn extend(&mut self, text: &[u8], from: usize) {
        if from > 0 && from < text.len() && text[from - 1] == b'\n' {
            self.starts.push(from);
        }
        self.starts.extend(
            memchr::memchr_iter(b'\n', &text[from..])
                .map(|newline| from + newline + 1)
                .filter(|&start| start < text.len()),
        );
    }

    /// How many paragraphs there are (at least one).
    pub(super) fn count(&self) -> usize {
        self.starts.len()
    }

    /// The visible bytes of paragraph `index`: its line without the line
    /// ending. Panics when `index` is out of range.
    pub(super) fn range(&self, text: &str, index: usize) -> Range<usize> {
        let start = self.starts[index];
        let bytes = text.as_bytes();
        let mut end = match self.starts.get(index + 1) {
            Some(&next) => next - 1,
            None if bytes.last() == Some(&b'\n') => bytes.len() - 1,
            None => bytes.len(),
        };
        if end > start && bytes[end - 1] == b'\r' && bytes.get(end) == Some(&b'\n') {
            end -= 1;
        }
        start..end
    }

    /// The paragraph holding byte `offset`; a line ending belongs to the
    /// paragraph it ends, and offsets past the end to the last paragraph.
    pub(super) fn of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset) - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<&str> {
        let index = Paragraphs::index(text);
        (0..index.count())
            .map(|p| &text[index.range(text, p)])
            .collect()
    }

    #[test]
    fn lines_without_their_endings() {
        assert_eq!(lines("a\nbb\n\nc"), ["a", "bb", "", "c"]);
        assert_eq!(lines("a\r\nb\r\n"), ["a", "b"]);
        assert_eq!(lines("a\n"), ["a"]);
        assert_eq!(lines("a\n\n"), ["a", ""]);
        assert_eq!(lines(""), [""]);
        assert_eq!(lines("\n"), [""]);
    }

    #[test]
    fn a_bare_carriage_return_is_text() {
        assert_eq!(lines("a\rb\r"), ["a\rb\r"]);
        assert_eq!(lines("a\r\r\nb"), ["a\r", "b"]);
    }

    #[test]
    fn offsets_find_their_paragraph() {
        let index = Paragraphs::index("ab\r\ncd\n");
        assert_eq!(index.of(0), 0);
        assert_eq!(index.of(2), 0);
        assert_eq!(index.of(3), 0);
        assert_eq!(index.of(4), 1);
        assert_eq!(index.of(7), 1);
        assert_eq!(index.of(100), 1);
    }

    proptest::proptest! {
        /// Indexed chunk by chunk, cut anywhere (inside a character,
        /// between `\r` and `\n`, right after a newline), the index is the
        /// one-pass index.
        #[test]
        fn chunk_by_chunk_equals_one_pass(
            text in "[a\r\n é漢]{0,80}",
            cuts in proptest::collection::vec(0usize..100, 0..8),
        ) {
            let bytes = text.as_bytes();
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(bytes.len())).collect();
            cuts.push(bytes.len());
            cuts.sort_unstable();
            let mut index = Paragraphs::new();
            let mut from = 0;
            for cut in cuts {
                index.extend(&bytes[..cut], from);
                from = cut;
            }
            proptest::prop_assert_eq!(index, Paragraphs::index(&text));
        }
    }

    #[test]
    fn agrees_with_str_lines() {
        for text in ["x\ny\r\nz", "\r\n\r\n", "only", "a\n\r\nb\n", "\n\n\n"] {
            let expected: Vec<&str> = if text.is_empty() {
                vec![""]
            } else {
                text.lines().collect()
            };
            assert_eq!(lines(text), expected, "{text:?}");
        }
    }
}
