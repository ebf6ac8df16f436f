//! Sentences of a document, for quoting whole sentences as passages.
//!
//! Sentence boundaries are Unicode's (UAX #29, through
//! `unicode-segmentation`), found within one paragraph at a time, so a
//! sentence never spans a line ending. Each sentence's range leaves out the
//! whitespace around it: quoting it quotes no trailing spaces or newline.
//! Boundaries are found lazily, only around where they are asked for, and
//! kept (see `paragraph_sentences`).

use std::collections::HashMap;
use std::ops::Range;

use super::Document;
use super::paragraph_sentences::ParagraphSentences;

/// Paragraphs kept segmented before the far ones are dropped.
const CACHED_PARAGRAPHS: usize = 8192;

/// The sentences of one document, found as far as they have been asked
/// for. Belongs to one document: pass the same one to every call. All
/// offsets are byte offsets into [`Document::text`].
#[derive(Debug, Clone, Default)]
pub struct Sentences {
    paragraphs: HashMap<usize, ParagraphSentences>,
}

impl Sentences {
    /// No sentences found yet.
    pub fn new() -> Self {
        Sentences::default()
    }

    /// All sentences of paragraph `paragraph`, in order.
    pub fn in_paragraph(&mut self, doc: &Document, paragraph: usize) -> Vec<Range<usize>> {
        let range = doc.paragraph_range(paragraph);
        self.segmented(paragraph)
            .all(&doc.text()[range.clone()])
            .into_iter()
            .map(|sentence| range.start + sentence.start..range.start + sentence.end)
            .collect()
    }

    /// The sentence holding byte `offset`, if it is in one (not in the
    /// whitespace between sentences or a line ending).
    pub fn containing(&mut self, doc: &Document, offset: usize) -> Option<Range<usize>> {
        let paragraph = doc.paragraph_of(offset);
        let range = doc.paragraph_range(paragraph);
        let relative = offset.checked_sub(range.start)?;
        let found = self.segmented(paragraph);
        found
            .last_before(&doc.text()[range.clone()], relative + 1)
            .filter(|sentence| relative < sentence.end)
            .map(|sentence| range.start + sentence.start..range.start + sentence.end)
    }

    /// The first sentence that starts after byte `offset`, in this
    /// paragraph or a later one (blank lines have none).
    pub fn next(&mut self, doc: &Document, offset: usize) -> Option<Range<usize>> {
        let first = doc.paragraph_of(offset);
        for paragraph in first..doc.paragraph_count() {
            let range = doc.paragraph_range(paragraph);
            let text = &doc.text()[range.clone()];
            if text.trim().is_empty() {
                continue;
            }
            let from = if paragraph == first {
                (offset + 1).saturating_sub(range.start)
            } else {
                0
            };
            if let Some(sentence) = self.segmented(paragraph).first_from(text, from) {
                return Some(range.start + sentence.start..range.start + sentence.end);
            }
        }
        None
    }

    /// The last sentence that starts before byte `offset`, in this
    /// paragraph or an earlier one.
    pub fn previous(&mut self, doc: &Document, offset: usize) -> Option<Range<usize>> {
        let last = doc.paragraph_of(offset);
        for paragraph in (0..=last).rev() {
            let range = doc.paragraph_range(paragraph);
            let text = &doc.text()[range.clone()];
            if text.trim().is_empty() {
                continue;
            }
            let limit = if paragraph == last {
                offset.saturating_sub(range.start)
            } else {
                usize::MAX
            };
            if let Some(sentence) = self.segmented(paragraph).last_before(text, limit) {
                return Some(range.start + sentence.start..range.start + sentence.end);
            }
        }
        None
    }

    /// The sentence at byte `offset`: the one holding it, else the next
    /// one, else the previous one; `None` only when the document has no
    /// sentences at all. Where a sentence cursor lands.
    pub fn at(&mut self, doc: &Document, offset: usize) -> Option<Range<usize>> {
        self.containing(doc, offset)
            .or_else(|| self.next(doc, offset))
            .or_else(|| self.previous(doc, offset))
    }

    /// The whole sentences from the one at `anchor` to the one at `cursor`,
    /// in either order, as one range: `text[range]` is the exact quote
    /// (line endings between paragraphs included).
    pub fn selection(
        &mut self,
        doc: &Document,
        anchor: usize,
        cursor: usize,
    ) -> Option<Range<usize>> {
        let anchor = self.at(doc, anchor)?;
        let cursor = self.at(doc, cursor)?;
        Some(anchor.start.min(cursor.start)..anchor.end.max(cursor.end))
    }

    fn segmented(&mut self, paragraph: usize) -> &mut ParagraphSentences {
        if !self.paragraphs.contains_key(&paragraph) && self.paragraphs.len() >= CACHED_PARAGRAPHS {
            self.paragraphs
                .retain(|&cached, _| cached.abs_diff(paragraph) < CACHED_PARAGRAPHS / 2);
        }
        self.paragraphs.entry(paragraph).or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(doc: &Document, ranges: &[Range<usize>]) -> Vec<String> {
        ranges
            .iter()
            .map(|range| doc.text()[range.clone()].to_owned())
            .collect()
    }

    fn doc() -> Document {
        Document::from_text(
            "s",
            "  First one.  Second?  \"Third!\" \r\n\n \nMr. Smith went. 漢字。 Last.\n",
        )
    }

    #[test]
    fn sentences_leave_out_surrounding_whitespace() {
        let doc = doc();
        let mut sentences = Sentences::new();
        let first = sentences.in_paragraph(&doc, 0);
        assert_eq!(texts(&doc, &first), ["First one.", "Second?", "\"Third!\""]);
        assert_eq!(first[0], 2..12);
        assert!(sentences.in_paragraph(&doc, 1).is_empty());
        assert!(sentences.in_paragraph(&doc, 2).is_empty());
        let last = sentences.in_paragraph(&doc, 3);
        // UAX #29 does not know abbreviations: "Mr." ends a sentence.
        assert_eq!(
            texts(&doc, &last),
            ["Mr.", "Smith went.", "漢字。", "Last."]
        );
    }

    #[test]
    fn the_sentence_holding_a_byte() {
        let doc = doc();
        let mut sentences = Sentences::new();
        assert_eq!(sentences.containing(&doc, 2), Some(2..12));
        assert_eq!(sentences.containing(&doc, 11), Some(2..12));
        assert_eq!(sentences.containing(&doc, 12), None);
        assert_eq!(sentences.containing(&doc, 0), None);
        assert_eq!(sentences.containing(&doc, 33), None); // in "\r\n"
        assert_eq!(sentences.at(&doc, 12), Some(14..21));
        assert_eq!(sentences.at(&doc, 34), Some(37..40));
    }

    #[test]
    fn next_and_previous_skip_blank_lines() {
        let doc = doc();
        let mut sentences = Sentences::new();
        let third = sentences.next(&doc, 14).unwrap();
        assert_eq!(&doc.text()[third.clone()], "\"Third!\"");
        let mr = sentences.next(&doc, third.start).unwrap();
        assert_eq!(&doc.text()[mr.clone()], "Mr.");
        assert_eq!(sentences.previous(&doc, mr.start), Some(third.clone()));
        assert_eq!(sentences.previous(&doc, 2), None);
        assert_eq!(sentences.next(&doc, 0), Some(2..12));
        let last = sentences.previous(&doc, doc.len()).unwrap();
        assert_eq!(&doc.text()[last.clone()], "Last.");
        assert_eq!(sentences.next(&doc, last.start), None);
    }

    #[test]
    fn a_selection_is_the_exact_quote_in_either_direction() {
        let doc = doc();
        let mut sentences = Sentences::new();
        let forward = sentences.selection(&doc, 5, 16).unwrap();
        assert_eq!(&doc.text()[forward.clone()], "First one.  Second?");
        assert_eq!(sentences.selection(&doc, 16, 5), Some(forward));
        let across = sentences.selection(&doc, 24, 39).unwrap();
        assert_eq!(&doc.text()[across], "\"Third!\" \r\n\n \nMr.");
        let one = sentences.selection(&doc, 3, 3).unwrap();
        assert_eq!(&doc.text()[one], "First one.");
    }

    #[test]
    fn empty_and_blank_documents_have_no_sentences() {
        let mut sentences = Sentences::new();
        let empty = Document::from_text("e", "");
        assert_eq!(sentences.at(&empty, 0), None);
        let mut sentences = Sentences::new();
        let blank = Document::from_text("b", " \n\t\n");
        assert_eq!(sentences.at(&blank, 1), None);
        assert_eq!(sentences.selection(&blank, 0, 3), None);
    }

    #[test]
    fn a_huge_paragraph_from_both_ends() {
        let doc = Document::from_text("big", "One sentence here. ".repeat(100_000));
        let mut sentences = Sentences::new();
        assert_eq!(sentences.next(&doc, 0), Some(19..37));
        let last = sentences.at(&doc, doc.len()).unwrap();
        assert_eq!(last, doc.len() - 19..doc.len() - 1);
        assert_eq!(
            sentences.previous(&doc, last.start),
            Some(last.start - 19..last.end - 19)
        );
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
                Just("\n"),
                Just("\r\n"),
                Just("\r"),
                Just("\u{2029}"),
                Just("。"),
                Just("漢"),
                Just("e\u{301}"),
                Just("U.S."),
                Just("3.14"),
                Just("\t"),
                Just("\u{a0}"),
            ],
            0..60,
        )
        .prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn sentences_are_ordered_trimmed_and_within_the_text(text in text()) {
            let doc = Document::from_text("p", text);
            let mut sentences = Sentences::new();
            let mut previous_end = 0;
            for p in 0..doc.paragraph_count() {
                let paragraph = doc.paragraph_range(p);
                for sentence in sentences.in_paragraph(&doc, p) {
                    prop_assert!(paragraph.start <= sentence.start);
                    prop_assert!(sentence.start < sentence.end);
                    prop_assert!(sentence.end <= paragraph.end);
                    prop_assert!(previous_end <= sentence.start);
                    let quote = doc.text().get(sentence.clone());
                    prop_assert!(quote.is_some());
                    let quote = quote.unwrap();
                    prop_assert_eq!(quote.trim(), quote);
                    previous_end = sentence.end;
                }
            }
        }

        #[test]
        fn next_then_previous_returns(text in text(), offset in 0usize..200) {
            let doc = Document::from_text("p", text);
            let offset = offset.min(doc.len());
            let mut sentences = Sentences::new();
            if let Some(next) = sentences.next(&doc, offset) {
                prop_assert!(next.start > offset);
                if let Some(back) = sentences.previous(&doc, next.start) {
                    prop_assert!(back.start <= offset);
                    prop_assert_eq!(sentences.next(&doc, back.start), Some(next));
                }
            }
        }
    }
}
