//! The sentences of one paragraph, found lazily and kept.
//!
//! A paragraph can be a single 20 MB line, and UAX #29 segmentation runs at
//! some 20 MB/s, so sentences are found only around where they are asked
//! for. Segmentation may start at any sentence boundary: from the start of
//! the paragraph, from where an earlier search stopped, or from a boundary
//! recognised without segmenting (`. ` before a capital letter); the
//! stretches found are joined when they meet.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// How far back from the byte asked about a recognisable boundary is
/// looked for before segmenting from the last stretch found.
const RESTART_WINDOW: usize = 64 * 1024;

/// The sentences found so far in one paragraph.
#[derive(Debug, Clone)]
pub(super) struct ParagraphSentences {
    /// Stretches whose sentences are known, in order, not overlapping.
    spans: Vec<Span>,
    window: usize,
}

/// A stretch of the paragraph between two sentence boundaries, with its
/// sentences.
#[derive(Debug, Clone)]
struct Span {
    start: usize,
    end: usize,
    /// Sentences without surrounding whitespace, relative to the paragraph.
    sentences: Vec<Range<usize>>,
}

impl Default for ParagraphSentences {
    fn default() -> Self {
        ParagraphSentences {
            spans: Vec::new(),
            window: RESTART_WINDOW,
        }
    }
}

impl ParagraphSentences {
    /// All sentences of the paragraph `text`.
    pub(super) fn all(&mut self, text: &str) -> Vec<Range<usize>> {
        let first = self.span_at(text, 0);
        self.extend_past(text, first, usize::MAX);
        self.spans[first].sentences.clone()
    }

    /// The first sentence starting at or after byte `from`.
    pub(super) fn first_from(&mut self, text: &str, from: usize) -> Option<Range<usize>> {
        let mut at = from.min(text.len());
        loop {
            let found = self.span_at(text, at);
            let span = &self.spans[found];
            let index = span.sentences.partition_point(|range| range.start < from);
            if let Some(range) = span.sentences.get(index) {
                return Some(range.clone());
            }
            if span.end >= text.len() {
                return None;
            }
            at = span.end;
        }
    }

    /// The last sentence starting before byte `limit`.
    pub(super) fn last_before(&mut self, text: &str, limit: usize) -> Option<Range<usize>> {
        let mut at = limit.checked_sub(1)?.min(text.len());
        loop {
            let found = self.span_at(text, at);
            let span = &self.spans[found];
            let index = span.sentences.partition_point(|range| range.start < limit);
            if let Some(last) = index.checked_sub(1) {
                return Some(span.sentences[last].clone());
            }
            at = span.start.checked_sub(1)?;
        }
    }

    /// The index of a span holding byte `at` (or reaching the end, when
    /// `at` is the end), segmenting as little as it can.
    fn span_at(&mut self, text: &str, at: usize) -> usize {
        let after = self.spans.partition_point(|span| span.start <= at);
        let previous = after.checked_sub(1);
        if let Some(index) = previous {
            let span = &self.spans[index];
            if at < span.end || span.end >= text.len() {
                return index;
            }
        }
        let from = match previous {
            Some(index) if at - self.spans[index].end <= self.window => index,
            _ => {
                let floor = previous.map_or(0, |index| self.spans[index].end);
                let lowest = floor.max(at.saturating_sub(self.window));
                match (recognised_boundary(text.as_bytes(), lowest, at), previous) {
                    (None, Some(index)) => index,
                    (restart, _) => {
                        let start = restart.unwrap_or(0);
                        self.spans.insert(
                            after,
                            Span {
                                start,
                                end: start,
                                sentences: Vec::new(),
                            },
                        );
                        after
                    }
                }
            }
        };
        self.extend_past(text, from, at);
        from
    }

    /// Segments on from the end of span `index` until it reaches past
    /// byte `target` or the end, joining the spans it meets.
    ///
    /// Segmenting from a sentence boundary finds the same boundaries as
    /// segmenting the whole paragraph: UAX #29 never looks back past the
    /// start of the sentence a boundary ends (the property tests below
    /// check this).
    fn extend_past(&mut self, text: &str, index: usize, target: usize) {
        loop {
            let next_start = self
                .spans
                .get(index + 1)
                .map_or(usize::MAX, |next| next.start);
            let span = &mut self.spans[index];
            if span.end > target || span.end >= text.len() {
                return;
            }
            let base = span.end;
            for (offset, piece) in text[base..].split_sentence_bound_indices() {
                let start = base + offset;
                let trimmed = piece.trim_start();
                let content = trimmed.trim_end();
                if !content.is_empty() {
                    let first = start + piece.len() - trimmed.len();
                    span.sentences.push(first..first + content.len());
                }
                span.end = start + piece.len();
                if span.end > target || span.end >= next_start {
                    break;
                }
            }
            if span.end >= next_start {
                let next = self.spans.remove(index + 1);
                let span = &mut self.spans[index];
                debug_assert_eq!(span.end, next.start, "spans meet at a boundary");
                let end = span.end;
                span.sentences.extend(
                    next.sentences
                        .into_iter()
                        .filter(|range| range.start >= end),
                );
                span.end = end.max(next.end);
            }
        }
    }
}

/// The last byte offset in `lowest + 1..=at` that is surely a sentence
/// boundary by UAX #29 without segmenting: a capital ASCII letter after
/// `.`, `?` or `!` and spaces (rule SB11; SB7 and SB8 need no space or a
/// lower-case letter), or a CJK ideograph right after `。`, `！` or `？`.
fn recognised_boundary(bytes: &[u8], lowest: usize, at: usize) -> Option<usize> {
    (lowest + 1..=at.min(bytes.len().saturating_sub(1)))
        .rev()
        .find(|&at| starts_sentence(bytes, at))
}

fn starts_sentence(bytes: &[u8], at: usize) -> bool {
    match bytes[at] {
        b'A'..=b'Z' => {
            let mut spaces = at;
            while spaces > 0 && bytes[spaces - 1] == b' ' {
                spaces -= 1;
            }
            spaces < at && spaces > 0 && matches!(bytes[spaces - 1], b'.' | b'?' | b'!')
        }
        // The lead bytes of U+4000..U+9FFF, CJK ideographs.
        0xe4..=0xe9 if at >= 3 => matches!(
            bytes[at - 3..at],
            // 。, ！ and ？ in UTF-8.
            [0xe3, 0x80, 0x82] | [0xef, 0xbc, 0x81] | [0xef, 0xbc, 0x9f]
        ),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn whole(text: &str) -> Vec<Range<usize>> {
        ParagraphSentences::default().all(text)
    }

    #[test]
    fn boundaries_recognised_without_segmenting() {
        let text = "One. Two? Three!  Four. five. 六。七 U.S. Army";
        let found: Vec<usize> = (1..text.len())
            .filter(|&at| starts_sentence(text.as_bytes(), at))
            .collect();
        let at = |word: &str| text.find(word).unwrap();
        assert_eq!(
            found,
            [at("Two"), at("Three"), at("Four"), at("七"), at("Army")]
        );
    }

    #[test]
    fn a_far_byte_is_segmented_from_nearby() {
        let text = "Plain sentence here. ".repeat(10_000);
        let mut sentences = ParagraphSentences::default();
        let last = sentences.last_before(&text, text.len()).unwrap();
        assert_eq!(&text[last.clone()], "Plain sentence here.");
        assert_eq!(last.end, text.len() - 1);
        assert_eq!(sentences.spans.len(), 1);
        assert!(sentences.spans[0].start > text.len() - 100);
        // Asking for everything joins what was found to the rest.
        assert_eq!(sentences.all(&text).len(), 10_000);
        assert_eq!(sentences.spans.len(), 1);
    }

    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("a"),
                Just("A"),
                Just("word"),
                Just(" "),
                Just("  "),
                Just("."),
                Just("?"),
                Just("!"),
                Just("\""),
                Just(")"),
                Just(","),
                Just("\r"),
                Just("\u{2029}"),
                Just("。"),
                Just("漢"),
                Just("！"),
                Just("e\u{301}"),
                Just("U.S."),
                Just("3.14"),
                Just("\t"),
                Just("\u{a0}"),
                Just(". A"),
                Just(". b"),
                Just("\u{300}"),
                Just("\u{200d}"),
            ],
            0..80,
        )
        .prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn recognised_boundaries_are_boundaries(text in text()) {
            let boundaries: Vec<usize> =
                text.split_sentence_bound_indices().map(|(at, _)| at).collect();
            for at in 1..text.len() {
                if text.is_char_boundary(at) && starts_sentence(text.as_bytes(), at) {
                    prop_assert!(boundaries.contains(&at), "{:?} at {}", text, at);
                }
            }
        }

        #[test]
        fn lazy_segmentation_equals_whole(
            text in text(),
            window in 0usize..20,
            asks in proptest::collection::vec((0usize..3, 0usize..200), 0..8),
        ) {
            let expected = whole(&text);
            let mut lazy = ParagraphSentences { spans: Vec::new(), window };
            for (kind, at) in asks {
                let at = at.min(text.len());
                match kind {
                    0 => {
                        let found = lazy.first_from(&text, at);
                        let truth = expected.iter().find(|range| range.start >= at).cloned();
                        prop_assert_eq!(found, truth);
                    }
                    _ => {
                        let found = lazy.last_before(&text, at);
                        let truth = expected.iter().rev().find(|range| range.start < at).cloned();
                        prop_assert_eq!(found, truth);
                    }
                }
                for pair in lazy.spans.windows(2) {
                    prop_assert!(pair[0].end < pair[1].start);
                }
            }
            prop_assert_eq!(lazy.all(&text), expected);
        }
    }
}
