//! The properties the fuzz targets check, written once.
//!
//! Each `check_*` function panics when a property does not hold, which
//! libFuzzer reports as a crash. The fuzz targets call them through the
//! fuzz crate's library, and `tests/fuzz_regressions.rs` in the main
//! package includes this very file with `#[path]`, so a crash found by
//! `cargo fuzz` is replayed by `cargo test` through the same code. That is
//! why this file may use only `std` and `ach_workbench`, the dependencies
//! both crates have.

use std::borrow::Cow;
use std::io::Read;
use std::ops::Range;

use ach_workbench::document::{
    self, BINARY_SNIFF_BYTES, Document, Layout, Position, Sentences, TITLE_MAX_CHARS, VisualLine,
};
use ach_workbench::storage::{self, Diagnostic};
use ach_workbench::text;

/// Widths every document is laid out at besides the one from the input:
/// the narrowest there is and a usual terminal.
const FIXED_WIDTHS: [usize; 2] = [1, 80];

/// Lines asked of a layout at a time while walking it, as a screen would.
const LINES_PER_SCREEN: usize = 256;

/// The longest slice of a document searched for.
const QUERY_BYTES: usize = 48;

/// Documents up to this size (all the fuzzer makes) have every line and
/// every sentence checked. Larger ones, such as the megabyte line of the
/// regression tests, have their first screens and their last screen, and
/// their first sentences, so that the checks stay within a second or two.
const FULL_WALK_BYTES: usize = 64 * 1024;

/// Screens walked from the top of a larger document.
const SCREENS_OF_A_LARGE_DOCUMENT: usize = 4;

/// Sentences walked from the top of a larger document.
const SENTENCES_OF_A_LARGE_DOCUMENT: usize = 1024;

/// Arbitrary bytes as a matrix file.
///
/// Loading never panics. A file that loads is written and read back to an
/// equal matrix, and writing that gives the same text again. A file that
/// does not load gets at least one diagnostic, each at a line and column
/// inside the file, in file order.
pub fn check_matrix_loader(bytes: &[u8]) {
    match storage::matrix_from_bytes(bytes) {
        Ok(matrix) => {
            let written = storage::matrix_to_toml(&matrix);
            let reloaded = storage::matrix_from_str(&written).unwrap_or_else(|diagnostics| {
                panic!("the writer's output does not load: {diagnostics:?}\n{written}")
            });
            assert_eq!(
                reloaded, matrix,
                "the written matrix reads back differently:\n{written}"
            );
            assert_eq!(
                storage::matrix_to_toml(&reloaded),
                written,
                "writing the matrix read back gives other text"
            );
        }
        Err(diagnostics) => {
            assert!(!diagnostics.is_empty(), "refused without a diagnostic");
            let text = String::from_utf8_lossy(bytes);
            let lines: Vec<&str> = text.split('\n').collect();
            for diagnostic in &diagnostics {
                check_location(&lines, diagnostic);
            }
            assert!(
                diagnostics.is_sorted_by_key(|diagnostic| diagnostic.location),
                "diagnostics out of file order: {diagnostics:?}"
            );
        }
    }
}

/// The diagnostic points into the file: a line that exists (the line after
/// a final newline counts) and a column at most one past its last
/// character.
fn check_location(lines: &[&str], diagnostic: &Diagnostic) {
    let location = diagnostic.location;
    assert!(
        (1..=lines.len()).contains(&location.line),
        "{diagnostic:?} is outside the file's {} lines",
        lines.len()
    );
    let characters = lines[location.line - 1].chars().count();
    assert!(
        (1..=characters + 1).contains(&location.column),
        "{diagnostic:?} is outside its line of {characters} characters"
    );
}

/// The document target's input: its first byte is a row width, the rest
/// the document's bytes.
pub fn check_document_input(data: &[u8]) {
    if let Some((&width, bytes)) = data.split_first() {
        check_document(bytes, usize::from(width));
    }
}

/// Arbitrary bytes as a source document, laid out at `width` columns (and
/// at the widths in [`FIXED_WIDTHS`]).
///
/// Loading never panics and refuses only binary files; the text, title,
/// word count and paragraphs are what the documentation says; the layout
/// partitions each paragraph into rows that are drawn without a control
/// character and fit the width; sentences are ordered, trimmed and found
/// the same way lazily as all at once; a slice of the text is found by
/// search.
pub fn check_document(bytes: &[u8], width: usize) {
    let sniffed_nul = bytes[..bytes.len().min(BINARY_SNIFF_BYTES)].contains(&0);
    let doc = match Document::from_bytes("fuzz.txt", bytes.to_vec()) {
        Ok(doc) => doc,
        Err(error) => {
            assert!(sniffed_nul, "refused a text document: {error}");
            return;
        }
    };
    assert!(
        !sniffed_nul,
        "a NUL in the first {BINARY_SNIFF_BYTES} bytes was let through"
    );
    check_text(bytes, &doc, width);
    check_paragraphs(&doc);
    let mut widths = vec![width];
    widths.extend(FIXED_WIDTHS);
    widths.sort_unstable();
    widths.dedup();
    for width in widths {
        check_layout(&doc, width);
    }
    check_sentences(&doc);
    check_search(&doc, width);
}

/// The decoded text, the title, the word count, and the library's
/// streaming summary of the same bytes.
fn check_text(bytes: &[u8], doc: &Document, chunk: usize) {
    let expected: Cow<'_, str> = String::from_utf8_lossy(bytes);
    assert_eq!(doc.text(), expected, "decoded text");
    assert_eq!(
        doc.is_lossy(),
        std::str::from_utf8(bytes).is_err(),
        "lossy flag"
    );
    assert_eq!(doc.len(), doc.text().len());
    assert_eq!(
        doc.word_count(),
        doc.text().split_ascii_whitespace().count(),
        "word count"
    );
    let title = doc.title();
    assert!(!title.chars().any(char::is_control), "title {title:?}");
    // TITLE_MAX_CHARS characters are kept, then `…` marks the cut.
    assert!(
        title.chars().count() <= TITLE_MAX_CHARS + 1,
        "title of {} characters",
        title.chars().count()
    );
    assert_eq!(title, title.trim(), "title not trimmed");

    // The library scan reads a file in chunks of whatever size the reader
    // gives and must sum it up as the loaded document does: read it a few
    // bytes at a time (in at most 4,096 reads, for a large file).
    let reader = Trickle {
        bytes,
        chunk: chunk.max(bytes.len() >> 12).max(1),
    };
    let summary = document::summarize(reader)
        .expect("reading from memory cannot fail")
        .expect("the scan called binary a document that loaded");
    assert_eq!(summary.title, title, "streamed title");
    assert_eq!(summary.words, doc.word_count(), "streamed word count");
    assert_eq!(summary.bytes, bytes.len() as u64, "streamed size");
    assert_eq!(summary.lossy, doc.is_lossy(), "streamed lossy flag");

    let inert = text::inert(doc.text());
    assert!(
        !inert
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "inert text keeps a control character"
    );
    let one_line = text::one_line(doc.text());
    assert!(
        !one_line.chars().any(char::is_control),
        "one-line text keeps a control character"
    );
}

/// A reader handing out its bytes `chunk` at a time.
struct Trickle<'a> {
    bytes: &'a [u8],
    chunk: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let n = self.chunk.min(buffer.len()).min(self.bytes.len());
        buffer[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}

/// Paragraphs are the lines of the text without their endings, in order,
/// with nothing but a line ending between two of them.
fn check_paragraphs(doc: &Document) {
    let text = doc.text();
    let count = doc.paragraph_count();
    assert!(count >= 1);
    let mut end = 0;
    for paragraph in 0..count {
        let range = doc.paragraph_range(paragraph);
        let between = text.get(end..range.start);
        if paragraph == 0 {
            assert_eq!(range.start, 0, "the first paragraph starts the text");
        } else {
            assert!(
                matches!(between, Some("\n" | "\r\n")),
                "{between:?} between paragraphs {} and {paragraph}",
                paragraph - 1
            );
        }
        let content = text
            .get(range.clone())
            .unwrap_or_else(|| panic!("paragraph {paragraph} at {range:?} is not text"));
        assert!(
            !content.contains('\n'),
            "paragraph {paragraph} holds a newline"
        );
        assert_eq!(doc.paragraph(paragraph), content);
        assert_eq!(doc.paragraph_of(range.start), paragraph);
        end = range.end;
    }
    let rest = &text[end..];
    assert!(
        matches!(rest, "" | "\n" | "\r\n"),
        "{rest:?} after the last paragraph"
    );
    assert_eq!(doc.paragraph_of(text.len()), count - 1);
}

/// Walks the layout at `width` from the top, a screen at a time: to the
/// end for a document of at most [`FULL_WALK_BYTES`], else its first
/// [`SCREENS_OF_A_LARGE_DOCUMENT`] screens and its last screen.
fn check_layout(doc: &Document, width: usize) {
    let mut layout = Layout::new(width);
    let width = layout.width();
    assert!(width >= 1);
    let full = doc.len() <= FULL_WALK_BYTES;
    let mut walk = LayoutWalk::from_top();
    // Every line but an empty paragraph's covers a byte at least.
    let most_lines = doc.len() + doc.paragraph_count();
    let mut seen = 0;
    let mut top = Position::TOP;
    for screens in 1.. {
        let screen = layout.lines(doc, top, LINES_PER_SCREEN);
        assert!(!screen.is_empty(), "no lines from {top:?}");
        for line in &screen {
            walk.line(doc, &mut layout, width, line);
        }
        seen += screen.len();
        assert!(
            seen <= most_lines,
            "more than {most_lines} lines: the layout never ends"
        );
        let last = screen[screen.len() - 1].position;
        let next = layout.scroll(doc, last, 1);
        if screen.len() < LINES_PER_SCREEN || next == last {
            walk.finish(doc);
            assert_eq!(layout.last(doc), last, "the last line");
            assert_eq!(next, last, "scrolling past the end");
            return;
        }
        if !full && screens == SCREENS_OF_A_LARGE_DOCUMENT {
            break;
        }
        top = next;
    }
    // The end of a large document, as "go to end" shows it.
    let top = layout.last_screen(doc, LINES_PER_SCREEN);
    let screen = layout.lines(doc, top, LINES_PER_SCREEN);
    assert_eq!(
        screen.len(),
        LINES_PER_SCREEN,
        "a short last screen from {top:?}"
    );
    let mut walk = LayoutWalk::resumed();
    for line in &screen {
        walk.line(doc, &mut layout, width, line);
    }
    walk.finish(doc);
    assert_eq!(layout.last(doc), screen[screen.len() - 1].position);
}

/// What the lines seen so far of a layout walk promise about the next one.
struct LayoutWalk<'a> {
    /// The previous line's position, `None` before the first line.
    previous: Option<Position>,
    /// Whether the walk starts at the top of the document, rather than at
    /// some row start further on.
    from_top: bool,
    /// Where the previous line ended.
    end: usize,
    /// The grapheme boundaries of the current paragraph, when it was
    /// entered at its start.
    boundaries: Option<Boundaries<'a>>,
}

impl<'a> LayoutWalk<'a> {
    fn from_top() -> Self {
        LayoutWalk {
            previous: None,
            from_top: true,
            end: 0,
            boundaries: None,
        }
    }

    fn resumed() -> Self {
        LayoutWalk {
            from_top: false,
            ..LayoutWalk::from_top()
        }
    }

    /// Checks one line: it continues the previous one (the next row of its
    /// paragraph, or the first row of the next paragraph once the previous
    /// one is covered), ends between graphemes, and is drawn without a
    /// control character within `width` columns.
    fn line(&mut self, doc: &'a Document, layout: &mut Layout, width: usize, line: &VisualLine) {
        let position = line.position;
        let paragraph = doc.paragraph_range(position.paragraph);
        match self.previous {
            Some(previous) if previous.paragraph == position.paragraph => {
                assert_eq!(
                    position.row,
                    previous.row + 1,
                    "rows skipped at {position:?}"
                );
                assert_eq!(
                    line.bytes.start, self.end,
                    "a gap or overlap before {position:?}"
                );
            }
            None if !self.from_top => {
                let start = line.bytes.start;
                assert!(
                    paragraph.start <= start && start <= paragraph.end,
                    "{position:?} starts at {start}, outside its paragraph {paragraph:?}"
                );
                assert_eq!(
                    position.row == 0,
                    start == paragraph.start,
                    "{position:?} at {start}"
                );
            }
            previous => {
                let expected = previous.map_or(0, |previous| previous.paragraph + 1);
                let first = Position {
                    paragraph: expected,
                    row: 0,
                };
                assert_eq!(position, first, "lines skipped");
                if let Some(previous) = previous {
                    let ended = doc.paragraph_range(previous.paragraph).end;
                    assert_eq!(
                        self.end, ended,
                        "paragraph {} not covered",
                        previous.paragraph
                    );
                }
                assert_eq!(
                    line.bytes.start, paragraph.start,
                    "{position:?} starts elsewhere"
                );
                self.boundaries = Some(Boundaries::of(doc.paragraph(position.paragraph)));
            }
        }
        assert!(
            line.bytes.end <= paragraph.end,
            "{position:?} runs past its paragraph"
        );
        assert!(
            line.bytes.end > line.bytes.start || paragraph.is_empty(),
            "empty line {position:?} in a non-empty paragraph"
        );
        if let Some(boundaries) = &mut self.boundaries {
            // In increasing order: a row's drawn part ends before the row.
            for end in [line.shown.end, line.bytes.end] {
                assert!(
                    boundaries.contains(end - paragraph.start),
                    "{position:?} ends at {end}, inside a grapheme"
                );
            }
        }
        self.previous = Some(position);
        self.end = line.bytes.end;

        assert_eq!(line.shown.start, line.bytes.start);
        assert!(line.shown.end <= line.bytes.end);
        let text = doc.text();
        let shown = &text[line.shown.clone()];
        let hanging = &text[line.shown.end..line.bytes.end];
        assert!(
            hanging.chars().all(char::is_whitespace),
            "{hanging:?} is not drawn at {position:?}"
        );
        let drawn = document::display(shown);
        assert!(
            !drawn.chars().any(char::is_control),
            "{drawn:?} reaches the terminal at {position:?}"
        );
        let columns = document::display_width(shown);
        assert!(
            columns <= width || document::glyphs(shown).count() == 1,
            "{shown:?} takes {columns} columns, more than {width}"
        );
        assert_eq!(
            layout.position_of(doc, line.bytes.start),
            position,
            "the line of byte {}",
            line.bytes.start
        );
    }

    /// The walk reached the last paragraph and covered it.
    fn finish(&self, doc: &Document) {
        let last = doc.paragraph_count() - 1;
        assert_eq!(
            self.previous.map(|p| p.paragraph),
            Some(last),
            "paragraphs missing"
        );
        assert_eq!(
            self.end,
            doc.paragraph_range(last).end,
            "the last paragraph not covered"
        );
    }
}

/// The grapheme boundaries of a paragraph, found as far as they are asked
/// for (a row of a 1 MB line must not segment the whole line).
struct Boundaries<'a> {
    offsets: Box<dyn Iterator<Item = usize> + 'a>,
    /// The first boundary not yet passed; the paragraph's end is one too.
    next: Option<usize>,
    len: usize,
}

impl<'a> Boundaries<'a> {
    fn of(paragraph: &'a str) -> Self {
        let mut offsets = Box::new(document::glyphs(paragraph).map(|(offset, _)| offset));
        Boundaries {
            next: offsets.next(),
            offsets,
            len: paragraph.len(),
        }
    }

    /// Whether `offset` is a boundary; asked in increasing order.
    fn contains(&mut self, offset: usize) -> bool {
        while let Some(next) = self.next
            && next < offset
        {
            self.next = self.offsets.next();
        }
        offset == self.len || self.next == Some(offset)
    }
}

/// Sentences are on character boundaries, trimmed, within a paragraph and
/// in order. Walking `next` from the top finds them all (the first
/// [`SENTENCES_OF_A_LARGE_DOCUMENT`] of a large document), the same ones
/// as segmenting each paragraph whole.
fn check_sentences(doc: &Document) {
    let full = doc.len() <= FULL_WALK_BYTES;
    let mut walk = Sentences::new();
    let crosses = walk.crosses_line_breaks(doc);
    let mut walked: Vec<Range<usize>> = Vec::new();
    let mut offset = 0;
    while let Some(sentence) = walk.next(doc, offset) {
        assert!(
            sentence.start > offset,
            "next({offset}) went back to {sentence:?}"
        );
        check_sentence(doc, crosses, walked.last(), &sentence);
        assert!(
            walked.len() < doc.len(),
            "next finds more sentences than bytes"
        );
        offset = sentence.start;
        walked.push(sentence);
        if !full && walked.len() == SENTENCES_OF_A_LARGE_DOCUMENT {
            break;
        }
    }
    let first = Sentences::new().at(doc, 0);
    if !full {
        if let Some(first) = &first {
            check_sentence(doc, crosses, None, first);
            assert!(
                first.start == 0 || walked.first() == Some(first),
                "{first:?} first"
            );
        }
        return;
    }
    let mut whole = Sentences::new();
    let mut all: Vec<Range<usize>> = Vec::new();
    for paragraph in 0..doc.paragraph_count() {
        for sentence in whole.in_paragraph(doc, paragraph) {
            // In hard-wrapped text every line of a block gives the block's
            // sentences: each after the first time must be one seen.
            if all.last().is_some_and(|last| sentence.start < last.end) {
                assert!(all.contains(&sentence), "{sentence:?} differs from {all:?}");
                continue;
            }
            check_sentence(doc, crosses, all.last(), &sentence);
            all.push(sentence);
        }
    }
    let after_start: Vec<_> = all.iter().filter(|s| s.start > 0).cloned().collect();
    assert_eq!(walked, after_start, "next() walks other sentences");
    assert_eq!(first, all.first().cloned(), "the first sentence");
}

/// One sentence: non-empty, trimmed text within one paragraph (a line; in
/// hard-wrapped text, where sentences cross single line breaks, a run of
/// lines with no blank one), after the `previous` one.
fn check_sentence(
    doc: &Document,
    crosses_line_breaks: bool,
    previous: Option<&Range<usize>>,
    sentence: &Range<usize>,
) {
    let quote = doc
        .text()
        .get(sentence.clone())
        .unwrap_or_else(|| panic!("sentence {sentence:?} is not on character boundaries"));
    assert!(!quote.is_empty(), "empty sentence at {}", sentence.start);
    assert_eq!(quote, quote.trim(), "sentence {sentence:?} not trimmed");
    let first = doc.paragraph_of(sentence.start);
    let last = if crosses_line_breaks {
        doc.paragraph_of(sentence.end - 1)
    } else {
        first
    };
    for line in first..=last {
        assert!(
            !doc.text()[doc.paragraph_range(line)].trim().is_empty(),
            "sentence {sentence:?} crosses the blank line {line}"
        );
    }
    let paragraph = doc.paragraph_range(first).start..doc.paragraph_range(last).end;
    assert!(
        paragraph.start <= sentence.start && sentence.end <= paragraph.end,
        "sentence {sentence:?} outside its paragraph {paragraph:?}"
    );
    if let Some(previous) = previous {
        assert!(
            previous.end <= sentence.start,
            "{previous:?} overlaps {sentence:?}"
        );
    }
}

/// A slice of the text is found: a match overlaps it, and every match is
/// on character boundaries, in order, without overlaps.
fn check_search(doc: &Document, seed: usize) {
    let text = doc.text();
    if text.is_empty() {
        return;
    }
    let starts = [0, seed.wrapping_mul(7919) % text.len()];
    for start in starts {
        let start = floor_char_boundary(text, start);
        let end = floor_char_boundary(text, (start + 1 + seed % QUERY_BYTES).min(text.len()));
        let end = if end == start {
            ceil_char_boundary(text, start + 1)
        } else {
            end
        };
        let query = &text[start..end];
        let found = document::search(text, query)
            .unwrap_or_else(|error| panic!("searching for {query:?}: {error}"));
        let mut previous_end = 0;
        for found in found.matches() {
            assert!(found.start < found.end, "empty match for {query:?}");
            assert!(
                previous_end <= found.start,
                "overlapping matches for {query:?}"
            );
            let matched = text
                .get(found.clone())
                .unwrap_or_else(|| panic!("match {found:?} inside a character"));
            if query.chars().any(char::is_uppercase) {
                // Any run of whitespace matches a space (issue 8 item 3).
                assert_eq!(
                    document::spaces_as_one(matched),
                    document::spaces_as_one(query),
                    "case-sensitive match of other text"
                );
            }
            previous_end = found.end;
        }
        assert!(
            found
                .matches()
                .iter()
                .any(|m| m.start < end && start < m.end),
            "{query:?} at {start}..{end} not found: {:?}",
            found.matches()
        );
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn ceil_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}
