//! The wrapped layout of a whole document at one width, built lazily.
//!
//! Nothing is wrapped until it is asked for: a screen wraps the paragraphs
//! it shows, and within a paragraph only as many rows as it needs, so the
//! first screen of a 50 MB document, or of a single 20 MB line, costs what
//! the screen costs. Wrapped rows are cached per paragraph until the width
//! changes. A position is a (paragraph, row) pair; byte offsets convert to
//! and from positions.
//!
//! A reader's layout may put one empty row after each paragraph that is
//! followed by another (see [`Layout::with_paragraph_gaps`]): text with
//! one paragraph per line and no blank lines between them would otherwise
//! run together. A gap row covers no bytes; blank lines in the text are
//! gaps of their own and get none added.

use std::collections::HashMap;
use std::ops::Range;

use super::Document;
use super::wrap::next_row;

/// Paragraphs kept wrapped before the ones far from the one being wrapped
/// are dropped, so memory stays bounded on documents of millions of lines.
const CACHED_PARAGRAPHS: usize = 8192;

/// A visual line of the document: row `row` of paragraph `paragraph`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Position {
    /// The paragraph (source line), from 0.
    pub paragraph: usize,
    /// The row within the paragraph, from 0.
    pub row: usize,
}

impl Position {
    /// The first visual line of the document.
    pub const TOP: Position = Position {
        paragraph: 0,
        row: 0,
    };
}

/// One visual line, ready to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualLine {
    /// Where the line is.
    pub position: Position,
    /// The document bytes the line covers: the lines of a paragraph cover
    /// it exactly (line endings belong to no line).
    pub bytes: Range<usize>,
    /// The document bytes to draw (via [`super::display`]): `bytes` less
    /// whitespace hanging past the width.
    pub shown: Range<usize>,
}

/// The document wrapped at one width, as far as it has been looked at.
///
/// A `Layout` belongs to one document: pass the same document to every
/// call. Positions are only meaningful for the width they were made at;
/// after [`Layout::set_width`], find the new position of a byte offset
/// (e.g. the first byte of the old top line) with [`Layout::position_of`].
#[derive(Debug, Clone)]
pub struct Layout {
    width: usize,
    paragraphs: HashMap<usize, WrappedParagraph>,
    /// An empty row after each paragraph followed by another.
    gaps: bool,
}

/// The rows of one paragraph found so far.
#[derive(Debug, Clone, Default)]
struct WrappedParagraph {
    /// Each row's end and the end of its drawn part, relative to the
    /// paragraph; a row starts where the previous one ends.
    rows: Vec<(usize, usize)>,
    /// All rows are known.
    complete: bool,
    /// The last row is a gap row (no bytes, after the text).
    gap: bool,
}

impl WrappedParagraph {
    /// Wraps one more row of `text` (and the gap row after the last one
    /// when `gap`); false when all rows are known.
    fn wrap_one(&mut self, text: &str, width: usize, gap: bool) -> bool {
        if self.complete {
            return false;
        }
        let start = self.rows.last().map_or(0, |&(end, _)| end);
        let (end, shown) = next_row(text, start, width);
        self.rows.push((end, shown));
        self.complete = end >= text.len();
        if self.complete && gap {
            self.rows.push((text.len(), text.len()));
            self.gap = true;
        }
        true
    }

    /// The last row that holds text (a line ending belongs to it).
    fn last_text_row(&self) -> usize {
        self.rows.len() - 1 - usize::from(self.gap)
    }

    fn row(&self, row: usize) -> (Range<usize>, usize) {
        let start = if row == 0 { 0 } else { self.rows[row - 1].0 };
        let (end, shown) = self.rows[row];
        (start..end, shown)
    }
}

impl Layout {
    /// An empty layout for rows of `width` columns (at least 1).
    pub fn new(width: usize) -> Self {
        Layout {
            width: width.max(1),
            paragraphs: HashMap::new(),
            gaps: false,
        }
    }

    /// The same layout with an empty row after each paragraph that is
    /// followed by another, unless either is blank.
    pub fn with_paragraph_gaps(mut self) -> Self {
        self.gaps = true;
        self.paragraphs.clear();
        self
    }

    /// Whether paragraph `paragraph` gets a gap row after it.
    fn gap_after(&self, doc: &Document, paragraph: usize) -> bool {
        let blank = |p: usize| doc.paragraph(p).trim().is_empty();
        self.gaps
            && paragraph + 1 < doc.paragraph_count()
            && !blank(paragraph)
            && !blank(paragraph + 1)
    }

    /// The width of the rows.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Changes the width; any change drops everything wrapped so far
    /// (reflow on resize). Positions made before are stale: re-anchor them
    /// by byte offset.
    pub fn set_width(&mut self, width: usize) {
        let width = width.max(1);
        if width != self.width {
            self.width = width;
            self.paragraphs.clear();
        }
    }

    /// The visual line at `position`, clamped to the document.
    pub fn line(&mut self, doc: &Document, position: Position) -> VisualLine {
        let position = self.clamp(doc, position);
        let base = doc.paragraph_range(position.paragraph).start;
        let (bytes, shown) = self.wrapped(doc, position.paragraph).row(position.row);
        VisualLine {
            position,
            bytes: base + bytes.start..base + bytes.end,
            shown: base + bytes.start..base + shown,
        }
    }

    /// Up to `count` visual lines from `top` (clamped) on: fewer at the end
    /// of the document.
    pub fn lines(&mut self, doc: &Document, top: Position, count: usize) -> Vec<VisualLine> {
        let mut lines = Vec::with_capacity(count.min(1024));
        let mut position = self.clamp(doc, top);
        while lines.len() < count {
            lines.push(self.line(doc, position));
            match self.step_down(doc, position) {
                Some(next) => position = next,
                None => break,
            }
        }
        lines
    }

    /// `from` moved by `delta` visual lines (down when positive), stopping
    /// at the first and last lines of the document.
    pub fn scroll(&mut self, doc: &Document, from: Position, delta: isize) -> Position {
        let mut position = self.clamp(doc, from);
        let mut remaining = delta.unsigned_abs();
        if delta >= 0 {
            while remaining > 0 {
                // Jump within the paragraph as far as it goes.
                let rows = self.rows_up_to(
                    doc,
                    position.paragraph,
                    position.row.saturating_add(remaining),
                );
                let here = (rows - 1 - position.row).min(remaining);
                position.row += here;
                remaining -= here;
                if remaining == 0 || position.paragraph + 1 == doc.paragraph_count() {
                    break;
                }
                position = Position {
                    paragraph: position.paragraph + 1,
                    row: 0,
                };
                remaining -= 1;
            }
        } else {
            while remaining > 0 {
                let here = position.row.min(remaining);
                position.row -= here;
                remaining -= here;
                if remaining == 0 || position.paragraph == 0 {
                    break;
                }
                let paragraph = position.paragraph - 1;
                position = Position {
                    paragraph,
                    row: self.row_count(doc, paragraph) - 1,
                };
                remaining -= 1;
            }
        }
        position
    }

    /// The last visual line of the document. Wraps the last paragraph
    /// only.
    pub fn last(&mut self, doc: &Document) -> Position {
        let paragraph = doc.paragraph_count() - 1;
        Position {
            paragraph,
            row: self.row_count(doc, paragraph) - 1,
        }
    }

    /// The top line of a screen of `rows` lines that ends with the last
    /// line of the document ("go to end"): wraps only the paragraphs that
    /// screen shows.
    pub fn last_screen(&mut self, doc: &Document, rows: usize) -> Position {
        let last = self.last(doc);
        let up = rows.saturating_sub(1).min(isize::MAX as usize) as isize;
        self.scroll(doc, last, -up)
    }

    /// The visual line holding byte `offset`. A line ending belongs to the
    /// last line of its paragraph; offsets past the end, to the last line.
    /// Wraps the paragraph only up to that byte.
    pub fn position_of(&mut self, doc: &Document, offset: usize) -> Position {
        let paragraph = doc.paragraph_of(offset.min(doc.len()));
        let range = doc.paragraph_range(paragraph);
        let text = &doc.text()[range.clone()];
        let relative = offset.saturating_sub(range.start);
        let width = self.width;
        let gap = self.gap_after(doc, paragraph);
        let wrapped = self.wrapped(doc, paragraph);
        while wrapped.rows.last().is_some_and(|&(end, _)| end <= relative) {
            if !wrapped.wrap_one(text, width, gap) {
                break;
            }
        }
        let row = wrapped
            .rows
            .partition_point(|&(end, _)| end <= relative)
            .min(wrapped.last_text_row());
        Position { paragraph, row }
    }

    /// How many rows paragraph `paragraph` has: wraps all of it.
    pub fn row_count(&mut self, doc: &Document, paragraph: usize) -> usize {
        self.rows_up_to(doc, paragraph, usize::MAX)
    }

    /// `position` made valid: the paragraph at most the last one, the row
    /// at most the paragraph's last row.
    pub fn clamp(&mut self, doc: &Document, position: Position) -> Position {
        let last_paragraph = doc.paragraph_count() - 1;
        if position.paragraph > last_paragraph {
            return self.last(doc);
        }
        let rows = self.rows_up_to(doc, position.paragraph, position.row);
        Position {
            paragraph: position.paragraph,
            row: position.row.min(rows - 1),
        }
    }

    /// The position after `position`, or `None` at the last line.
    fn step_down(&mut self, doc: &Document, position: Position) -> Option<Position> {
        let rows = self.rows_up_to(doc, position.paragraph, position.row + 1);
        if position.row + 1 < rows {
            return Some(Position {
                row: position.row + 1,
                ..position
            });
        }
        (position.paragraph + 1 < doc.paragraph_count()).then_some(Position {
            paragraph: position.paragraph + 1,
            row: 0,
        })
    }

    /// Wraps paragraph `paragraph` until row `row` is known or the
    /// paragraph ends; returns how many rows are known then.
    fn rows_up_to(&mut self, doc: &Document, paragraph: usize, row: usize) -> usize {
        let text = doc.paragraph(paragraph);
        let width = self.width;
        let gap = self.gap_after(doc, paragraph);
        let wrapped = self.wrapped(doc, paragraph);
        while wrapped.rows.len() <= row && wrapped.wrap_one(text, width, gap) {}
        wrapped.rows.len()
    }

    /// The cache entry of a paragraph, with its first row wrapped.
    fn wrapped(&mut self, doc: &Document, paragraph: usize) -> &mut WrappedParagraph {
        if !self.paragraphs.contains_key(&paragraph) && self.paragraphs.len() >= CACHED_PARAGRAPHS {
            self.paragraphs
                .retain(|&cached, _| cached.abs_diff(paragraph) < CACHED_PARAGRAPHS / 2);
        }
        let width = self.width;
        let gap = self.gap_after(doc, paragraph);
        self.paragraphs.entry(paragraph).or_insert_with(|| {
            let mut wrapped = WrappedParagraph::default();
            wrapped.wrap_one(doc.paragraph(paragraph), width, gap);
            wrapped
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::wrap::wrap;
    use proptest::prelude::*;

    fn at(paragraph: usize, row: usize) -> Position {
        Position { paragraph, row }
    }

    fn shown(doc: &Document, lines: &[VisualLine]) -> Vec<String> {
        lines
            .iter()
            .map(|line| doc.text()[line.shown.clone()].to_owned())
            .collect()
    }

    fn doc() -> Document {
        Document::from_text("t", "one two three\r\n\nfour five six seven\n")
    }

    #[test]
    fn lines_cross_paragraphs() {
        let doc = doc();
        let mut layout = Layout::new(9);
        let lines = layout.lines(&doc, Position::TOP, 10);
        assert_eq!(
            shown(&doc, &lines),
            ["one two ", "three", "", "four five", "six seven"]
        );
        assert_eq!(lines[1].position, at(0, 1));
        assert_eq!(lines[1].bytes, 8..13);
        assert_eq!(lines[2].position, at(1, 0));
        assert_eq!(lines[2].bytes, 15..15);
        assert_eq!(lines[4].position, at(2, 1));
        let from_middle = layout.lines(&doc, at(2, 0), 1);
        assert_eq!(shown(&doc, &from_middle), ["four five"]);
    }

    #[test]
    fn scrolling_stops_at_both_ends() {
        let doc = doc();
        let mut layout = Layout::new(9);
        assert_eq!(layout.scroll(&doc, Position::TOP, 1), at(0, 1));
        assert_eq!(layout.scroll(&doc, Position::TOP, 2), at(1, 0));
        assert_eq!(layout.scroll(&doc, Position::TOP, 4), at(2, 1));
        assert_eq!(layout.scroll(&doc, Position::TOP, 100), at(2, 1));
        assert_eq!(layout.scroll(&doc, at(2, 1), -3), at(0, 1));
        assert_eq!(layout.scroll(&doc, at(2, 1), -100), Position::TOP);
        assert_eq!(layout.scroll(&doc, at(1, 0), 0), at(1, 0));
    }

    #[test]
    fn end_of_the_document() {
        let doc = doc();
        let mut layout = Layout::new(9);
        assert_eq!(layout.last(&doc), at(2, 1));
        assert_eq!(layout.last_screen(&doc, 2), at(2, 0));
        assert_eq!(layout.last_screen(&doc, 3), at(1, 0));
        assert_eq!(layout.last_screen(&doc, 50), Position::TOP);
    }

    #[test]
    fn byte_offsets_find_their_line() {
        let doc = doc();
        let mut layout = Layout::new(9);
        assert_eq!(layout.position_of(&doc, 0), at(0, 0));
        assert_eq!(layout.position_of(&doc, 7), at(0, 0));
        assert_eq!(layout.position_of(&doc, 25), at(2, 0)); // the hanging space
        assert_eq!(layout.position_of(&doc, 8), at(0, 1));
        assert_eq!(layout.position_of(&doc, 14), at(0, 1)); // in "\r\n"
        assert_eq!(layout.position_of(&doc, 15), at(1, 0));
        assert_eq!(layout.position_of(&doc, 26), at(2, 1));
        assert_eq!(layout.position_of(&doc, 999), at(2, 1));
    }

    #[test]
    fn resizing_reflows() {
        let doc = doc();
        let mut layout = Layout::new(9);
        assert_eq!(layout.lines(&doc, Position::TOP, 1)[0].bytes, 0..8);
        layout.set_width(40);
        assert_eq!(layout.lines(&doc, Position::TOP, 1)[0].bytes, 0..13);
        assert_eq!(layout.clamp(&doc, at(0, 1)), at(0, 0));
        assert_eq!(layout.clamp(&doc, at(9, 9)), at(2, 0));
    }

    #[test]
    fn empty_document_has_one_empty_line() {
        let doc = Document::from_text("e", "");
        let mut layout = Layout::new(10);
        let lines = layout.lines(&doc, Position::TOP, 5);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].bytes, 0..0);
        assert_eq!(layout.last(&doc), Position::TOP);
        assert_eq!(layout.scroll(&doc, Position::TOP, 3), Position::TOP);
        assert_eq!(layout.position_of(&doc, 0), Position::TOP);
    }

    #[test]
    fn a_huge_line_is_wrapped_only_as_far_as_shown() {
        let text = "lorem ipsum dolor sit amet ".repeat(200_000);
        let doc = Document::from_text("big", text);
        let mut layout = Layout::new(80);
        let lines = layout.lines(&doc, Position::TOP, 60);
        assert_eq!(lines.len(), 60);
        let wrapped = &layout.paragraphs[&0];
        assert!(!wrapped.complete);
        assert!(wrapped.rows.len() <= 62, "{}", wrapped.rows.len());
    }

    fn made(width: usize, gaps: bool) -> Layout {
        let layout = Layout::new(width);
        if gaps {
            layout.with_paragraph_gaps()
        } else {
            layout
        }
    }

    #[test]
    fn paragraphs_are_separated_by_one_empty_row() {
        let doc = Document::from_text("t", "one two three\nfour\n\nfive\n");
        let mut layout = Layout::new(9).with_paragraph_gaps();
        let lines = layout.lines(&doc, Position::TOP, 10);
        // A gap after "three" and none around the blank line.
        assert_eq!(
            shown(&doc, &lines),
            ["one two ", "three", "", "four", "", "five"]
        );
        assert_eq!(lines[2].position, at(0, 2));
        assert_eq!(lines[2].bytes, 13..13);
        // The line ending belongs to the text's last row, not the gap.
        assert_eq!(layout.position_of(&doc, 13), at(0, 1));
        assert_eq!(layout.scroll(&doc, at(0, 1), 2), at(1, 0));
        assert_eq!(layout.scroll(&doc, at(1, 0), -1), at(0, 2));
    }

    fn document() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("a"),
                Just("word "),
                Just(" "),
                Just("\n"),
                Just("\r\n"),
                Just("漢"),
                Just("e\u{301}"),
                Just("\t"),
                Just("longerwordthanrow"),
            ],
            0..80,
        )
        .prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn gaps_only_add_empty_rows_between_paragraphs(text in document(), width in 1usize..20) {
            let doc = Document::from_text("p", text);
            let plain = Layout::new(width).lines(&doc, Position::TOP, usize::MAX);
            let gapped = made(width, true).lines(&doc, Position::TOP, usize::MAX);
            let mut rest = gapped.iter().peekable();
            for (n, line) in plain.iter().enumerate() {
                let next = rest.next().unwrap();
                prop_assert_eq!((&next.bytes, &next.shown), (&line.bytes, &line.shown));
                let paragraph_ends = plain.get(n + 1).is_some_and(|after| after.position.row == 0);
                if rest.peek().is_some_and(|after| after.position.paragraph == line.position.paragraph && after.bytes.is_empty() && paragraph_ends && !doc.paragraph(line.position.paragraph).trim().is_empty()) {
                    let gap = rest.next().unwrap();
                    prop_assert!(gap.bytes.is_empty() && gap.shown.is_empty());
                    prop_assert!(!doc.paragraph(gap.position.paragraph + 1).trim().is_empty());
                }
            }
            prop_assert!(rest.next().is_none());
        }

        #[test]
        fn lines_are_the_wrapped_paragraphs(text in document(), width in 1usize..20) {
            let doc = Document::from_text("p", text);
            let mut expected = Vec::new();
            for p in 0..doc.paragraph_count() {
                let base = doc.paragraph_range(p).start;
                for row in wrap(doc.paragraph(p), width) {
                    expected.push((base + row.bytes.start..base + row.bytes.end,
                                   base + row.shown.start..base + row.shown.end));
                }
            }
            let mut layout = Layout::new(width);
            let lines: Vec<_> = layout
                .lines(&doc, Position::TOP, usize::MAX)
                .into_iter()
                .map(|line| (line.bytes, line.shown))
                .collect();
            prop_assert_eq!(lines, expected);
        }

        #[test]
        fn down_then_up_returns(text in document(), width in 1usize..20, start in 0usize..40, k in 0usize..40, gaps in any::<bool>()) {
            let doc = Document::from_text("p", text);
            let mut layout = made(width, gaps);
            let all = layout.lines(&doc, Position::TOP, usize::MAX);
            let start = start.min(all.len() - 1);
            let from = all[start].position;
            let down = layout.scroll(&doc, from, k as isize);
            if start + k < all.len() {
                prop_assert_eq!(down, all[start + k].position);
                // A fresh layout must agree with the warm one.
                let mut fresh = made(width, gaps);
                prop_assert_eq!(fresh.scroll(&doc, down, -(k as isize)), from);
                prop_assert_eq!(layout.scroll(&doc, down, -(k as isize)), from);
            } else {
                prop_assert_eq!(down, all[all.len() - 1].position);
            }
        }

        #[test]
        fn every_byte_is_on_its_line(text in document(), width in 1usize..20, gaps in any::<bool>()) {
            let doc = Document::from_text("p", text);
            let mut layout = made(width, gaps);
            let all = layout.lines(&doc, Position::TOP, usize::MAX);
            for line in &all {
                for byte in line.bytes.clone() {
                    let mut fresh = made(width, gaps);
                    prop_assert_eq!(fresh.position_of(&doc, byte), line.position);
                }
            }
        }
    }
}
