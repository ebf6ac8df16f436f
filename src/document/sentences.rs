//! Sentences of a document, for quoting whole sentences as passages.
//!
//! Sentence boundaries are Unicode's (UAX #29, through
//! `unicode-segmentation`), found within one paragraph at a time. A
//! paragraph is one line of the file, so a sentence never spans a line
//! ending, except in hard-wrapped text (pdftotext output, 72-column
//! e-mail; see `hard_wrap`): there a paragraph is a run of non-blank lines
//! and a sentence crosses single line breaks. Each sentence's range leaves
//! out the whitespace around it: quoting it quotes no trailing spaces or
//! newline. Boundaries are found lazily, only around where they are asked
//! for, and kept (see `paragraph_sentences`).

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use super::Document;
use super::hard_wrap::{is_hard_wrapped, starts_list_item};
use super::paragraph_sentences::ParagraphSentences;

/// Paragraphs kept segmented before the far ones are dropped.
const CACHED_PARAGRAPHS: usize = 8192;

/// The sentences of one document, found as far as they have been asked
/// for. Belongs to one document: pass the same one to every call. All
/// offsets are byte offsets into [`Document::text`].
#[derive(Debug, Clone, Default)]
pub struct Sentences {
    /// Whether the document is hard-wrapped, decided on first use.
    hard_wrapped: Option<bool>,
    /// Segmented paragraphs, by their first line.
    paragraphs: HashMap<usize, Segmented>,
    /// In hard-wrapped text: the paragraphs found so far, first line →
    /// last line.
    blocks: BTreeMap<usize, usize>,
}

/// One paragraph's sentences, and for a paragraph of several lines its
/// text with the line endings inside it made spaces (as many bytes, so
/// offsets into it are offsets into the document; UAX #29 ends a sentence
/// at every line ending).
#[derive(Debug, Clone, Default)]
struct Segmented {
    sentences: ParagraphSentences,
    joined: Option<String>,
}

/// A paragraph of the document: lines `first..=last` and their bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Paragraph {
    first: usize,
    last: usize,
    range: Range<usize>,
}

impl Sentences {
    /// No sentences found yet.
    pub fn new() -> Self {
        Sentences::default()
    }

    /// Whether sentences cross single line breaks in `doc` (it is
    /// hard-wrapped).
    pub fn crosses_line_breaks(&mut self, doc: &Document) -> bool {
        *self
            .hard_wrapped
            .get_or_insert_with(|| is_hard_wrapped(doc.text()))
    }

    /// All sentences of the paragraph holding line `paragraph`, in order.
    pub fn in_paragraph(&mut self, doc: &Document, paragraph: usize) -> Vec<Range<usize>> {
        let paragraph = self.paragraph(doc, paragraph);
        let start = paragraph.range.start;
        self.with_sentences(doc, &paragraph, |sentences, text| sentences.all(text))
            .into_iter()
            .map(|sentence| start + sentence.start..start + sentence.end)
            .collect()
    }

    /// The sentence holding byte `offset`, if it is in one (not in the
    /// whitespace between sentences or a line ending).
    pub fn containing(&mut self, doc: &Document, offset: usize) -> Option<Range<usize>> {
        let paragraph = self.paragraph(doc, doc.paragraph_of(offset));
        let start = paragraph.range.start;
        let relative = offset.checked_sub(start)?;
        self.with_sentences(doc, &paragraph, |sentences, text| {
            sentences.last_before(text, relative + 1)
        })
        .filter(|sentence| relative < sentence.end)
        .map(|sentence| start + sentence.start..start + sentence.end)
    }

    /// The first sentence that starts after byte `offset`, in this
    /// paragraph or a later one (blank lines have none).
    pub fn next(&mut self, doc: &Document, offset: usize) -> Option<Range<usize>> {
        let mut line = doc.paragraph_of(offset);
        let first = self.paragraph(doc, line);
        while line < doc.paragraph_count() {
            let paragraph = self.paragraph(doc, line);
            line = paragraph.last + 1;
            if doc.text()[paragraph.range.clone()].trim().is_empty() {
                continue;
            }
            let start = paragraph.range.start;
            let from = if paragraph == first {
                (offset + 1).saturating_sub(start)
            } else {
                0
            };
            let found = self.with_sentences(doc, &paragraph, |sentences, text| {
                sentences.first_from(text, from)
            });
            if let Some(sentence) = found {
                return Some(start + sentence.start..start + sentence.end);
            }
        }
        None
    }

    /// The last sentence that starts before byte `offset`, in this
    /// paragraph or an earlier one.
    pub fn previous(&mut self, doc: &Document, offset: usize) -> Option<Range<usize>> {
        let mut line = Some(doc.paragraph_of(offset));
        let last = self.paragraph(doc, doc.paragraph_of(offset));
        while let Some(at) = line {
            let paragraph = self.paragraph(doc, at);
            line = paragraph.first.checked_sub(1);
            if doc.text()[paragraph.range.clone()].trim().is_empty() {
                continue;
            }
            let start = paragraph.range.start;
            let limit = if paragraph == last {
                offset.saturating_sub(start)
            } else {
                usize::MAX
            };
            let found = self.with_sentences(doc, &paragraph, |sentences, text| {
                sentences.last_before(text, limit)
            });
            if let Some(sentence) = found {
                return Some(start + sentence.start..start + sentence.end);
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

    /// The paragraph holding line `line`: the line itself, or in
    /// hard-wrapped text the run of non-blank lines around it (a list
    /// item starting a run of its own).
    fn paragraph(&mut self, doc: &Document, line: usize) -> Paragraph {
        let single = |line| Paragraph {
            first: line,
            last: line,
            range: doc.paragraph_range(line),
        };
        if !self.crosses_line_breaks(doc) {
            return single(line);
        }
        if let Some((&first, &last)) = self.blocks.range(..=line).next_back()
            && last >= line
        {
            return Paragraph {
                first,
                last,
                range: doc.paragraph_range(first).start..doc.paragraph_range(last).end,
            };
        }
        let blank = |line: usize| doc.paragraph(line).trim().is_empty();
        if blank(line) {
            return single(line);
        }
        let mut first = line;
        while first > 0 && !blank(first - 1) && !starts_list_item(doc.paragraph(first)) {
            first -= 1;
        }
        let mut last = line;
        while last + 1 < doc.paragraph_count()
            && !blank(last + 1)
            && !starts_list_item(doc.paragraph(last + 1))
        {
            last += 1;
        }
        if self.blocks.len() >= CACHED_PARAGRAPHS {
            self.blocks
                .retain(|&cached, _| cached.abs_diff(line) < CACHED_PARAGRAPHS / 2);
        }
        self.blocks.insert(first, last);
        Paragraph {
            first,
            last,
            range: doc.paragraph_range(first).start..doc.paragraph_range(last).end,
        }
    }

    /// Runs `ask` on the sentences of `paragraph` and the text they are
    /// found in.
    fn with_sentences<T>(
        &mut self,
        doc: &Document,
        paragraph: &Paragraph,
        ask: impl FnOnce(&mut ParagraphSentences, &str) -> T,
    ) -> T {
        let key = paragraph.first;
        if !self.paragraphs.contains_key(&key) && self.paragraphs.len() >= CACHED_PARAGRAPHS {
            self.paragraphs
                .retain(|&cached, _| cached.abs_diff(key) < CACHED_PARAGRAPHS / 2);
        }
        let text = &doc.text()[paragraph.range.clone()];
        let segmented = self.paragraphs.entry(key).or_insert_with(|| Segmented {
            sentences: ParagraphSentences::default(),
            joined: (paragraph.last > paragraph.first).then(|| join_lines(text)),
        });
        let text = segmented.joined.as_deref().unwrap_or(text);
        ask(&mut segmented.sentences, text)
    }
}

/// `text` with each line ending made spaces, byte for byte (`\n` → ` `,
/// `\r\n` → two spaces).
fn join_lines(text: &str) -> String {
    let mut joined = text.replace("\r\n", "  ");
    if joined.contains('\n') {
        joined = joined.replace('\n', " ");
    }
    joined
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

    /// An e-mail body filled at 72 columns, with a list.
    const EMAIL: &str = "\
The harbour authority closed the port on Monday after the storm damaged
two cranes and the northern breakwater, officials said in a statement
to reporters gathered at the gate. Officials expect to
conclude by June, when the engineers will have assessed the damage.

Repairs are expected to take several weeks, and shipping companies have
begun to divert vessels to the neighbouring terminal while the work goes
on through the spring and into the early summer months this year:
- the ferry to the islands keeps its timetable from the southern quay
- freight is diverted to the neighbouring terminal until further notice
";

    #[test]
    fn a_hard_wrapped_sentence_crosses_its_line_breaks() {
        let doc = Document::from_text("mail", EMAIL);
        let mut sentences = Sentences::new();
        assert!(sentences.crosses_line_breaks(&doc));
        let conclude = sentences.at(&doc, EMAIL.find("conclude").unwrap()).unwrap();
        assert_eq!(
            &EMAIL[conclude.clone()],
            "Officials expect to\nconclude by June, when the engineers will have assessed the damage."
        );
        let first = sentences.at(&doc, 0).unwrap();
        assert_eq!(
            EMAIL[first.clone()].lines().count(),
            3,
            "{:?}",
            &EMAIL[first.clone()]
        );
        assert!(EMAIL[first.clone()].ends_with("at the gate."));
        assert_eq!(sentences.next(&doc, first.start), Some(conclude.clone()));
        assert_eq!(sentences.previous(&doc, conclude.start), Some(first));
        // The next paragraph starts after the blank line.
        let repairs = sentences.next(&doc, conclude.start).unwrap();
        assert!(EMAIL[repairs.clone()].starts_with("Repairs are expected"));
        assert!(EMAIL[repairs.clone()].ends_with("this year:"));
    }

    #[test]
    fn list_items_in_hard_wrapped_text_are_sentences_of_their_own() {
        let doc = Document::from_text("mail", EMAIL);
        let mut sentences = Sentences::new();
        let ferry = sentences.at(&doc, EMAIL.find("ferry").unwrap()).unwrap();
        assert_eq!(
            &EMAIL[ferry.clone()],
            "- the ferry to the islands keeps its timetable from the southern quay"
        );
        let freight = sentences.next(&doc, ferry.start).unwrap();
        assert!(EMAIL[freight.clone()].starts_with("- freight"));
        assert_eq!(sentences.next(&doc, freight.start), None);
        let line = doc.paragraph_of(ferry.start);
        assert_eq!(sentences.in_paragraph(&doc, line), [ferry]);
    }

    #[test]
    fn crlf_hard_wrapped_text_quotes_its_line_endings() {
        let text = EMAIL.replace('\n', "\r\n");
        let doc = Document::from_text("mail", text.clone());
        let mut sentences = Sentences::new();
        let conclude = sentences.at(&doc, text.find("conclude").unwrap()).unwrap();
        assert_eq!(
            &text[conclude],
            "Officials expect to\r\nconclude by June, when the engineers will have assessed the damage."
        );
    }

    #[test]
    fn text_a_paragraph_a_line_keeps_a_sentence_per_line() {
        let doc = doc();
        let mut sentences = Sentences::new();
        assert!(!sentences.crosses_line_breaks(&doc));
        let text = "Officials expect to\nconclude by June.\n";
        let doc = Document::from_text("short", text);
        let mut sentences = Sentences::new();
        assert_eq!(sentences.at(&doc, 0), Some(0..19));
    }

    /// Sentences of `text` read as hard-wrapped, whatever it looks like.
    fn hard_wrapped() -> Sentences {
        Sentences {
            hard_wrapped: Some(true),
            ..Sentences::default()
        }
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
            // In hard-wrapped text a sentence may run on over single line
            // breaks (never a blank line), and every line of a paragraph
            // gives the paragraph's sentences.
            let crosses = sentences.crosses_line_breaks(&doc);
            let mut previous_end = 0;
            for p in 0..doc.paragraph_count() {
                let paragraph = doc.paragraph_range(p);
                for sentence in sentences.in_paragraph(&doc, p) {
                    if crosses && sentence.start < previous_end {
                        continue;
                    }
                    let last = if crosses { doc.paragraph_of(sentence.end - 1) } else { p };
                    let first = doc.paragraph_of(sentence.start);
                    for line in first..=last {
                        let text = &doc.text()[doc.paragraph_range(line)];
                        prop_assert!(!text.trim().is_empty(), "{sentence:?} crosses a blank line");
                    }
                    let paragraph = if crosses {
                        doc.paragraph_range(first).start..doc.paragraph_range(last).end
                    } else {
                        paragraph.clone()
                    };
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

        #[test]
        fn hard_wrapped_sentences_stay_inside_blank_line_paragraphs(text in text(), offset in 0usize..200) {
            let doc = Document::from_text("p", text);
            let mut sentences = hard_wrapped();
            let mut all: Vec<Range<usize>> = Vec::new();
            for p in 0..doc.paragraph_count() {
                for sentence in sentences.in_paragraph(&doc, p) {
                    let quote = doc.text().get(sentence.clone());
                    prop_assert!(quote.is_some());
                    let quote = quote.unwrap();
                    prop_assert_eq!(quote.trim(), quote);
                    prop_assert!(!quote.is_empty());
                    // No blank line inside a sentence.
                    prop_assert!(quote.lines().all(|line| !line.trim().is_empty()), "{:?}", quote);
                    if !all.contains(&sentence) {
                        all.push(sentence);
                    }
                }
            }
            for pair in all.windows(2) {
                prop_assert!(pair[0].end <= pair[1].start, "{:?}", all);
            }
            let offset = offset.min(doc.len());
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
