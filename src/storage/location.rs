//! Turning byte offsets into the line and column a person looks for.

use std::fmt;

/// A 1-based line and column in a text file; the column counts characters,
/// not bytes, as editors do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

impl Location {
    /// The start of the file.
    pub const START: Location = Location { line: 1, column: 1 };

    /// The location of byte `offset` in `text`; offsets past the end, or
    /// inside a character, are clamped to the nearest character before.
    pub fn of_offset(text: &str, offset: usize) -> Location {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line_start = memchr::memrchr(b'\n', before.as_bytes()).map_or(0, |i| i + 1);
        Location {
            line: memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }

    /// The location of byte `offset` in bytes that may not be valid UTF-8
    /// (for reporting where the invalid bytes are).
    pub fn of_byte_offset(bytes: &[u8], offset: usize) -> Location {
        let before = &bytes[..offset.min(bytes.len())];
        let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
        Location {
            line: memchr::memchr_iter(b'\n', before).count() + 1,
            column: String::from_utf8_lossy(&before[line_start..])
                .chars()
                .count()
                + 1,
        }
    }
}

/// The line starts of one text, found once, so that locating many offsets
/// in a large file does not rescan it from the top for each one (which made
/// loading quadratic in the file's size).
#[derive(Debug, Clone)]
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of the first byte of each line; `starts[0]` is 0.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the lines of `text`.
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The same location as [`Location::of_offset`] on the indexed text.
    pub fn locate(&self, offset: usize) -> Location {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        // The number of line starts at or before `offset` is its line number.
        let line = self.starts.partition_point(|&start| start <= offset);
        let line_start = self.starts[line - 1];
        Location {
            line,
            column: self.text[line_start..offset].chars().count() + 1,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_byte_is_one_one() {
        assert_eq!(Location::of_offset("abc", 0), Location::START);
    }

    #[test]
    fn counts_lines_and_characters() {
        let text = "ab\nçé=x\n";
        assert_eq!(
            Location::of_offset(text, 3),
            Location { line: 2, column: 1 }
        );
        // "çé" is four bytes but two characters.
        assert_eq!(
            Location::of_offset(text, 7),
            Location { line: 2, column: 3 }
        );
    }

    #[test]
    fn clamps_inside_a_character_and_past_the_end() {
        let text = "é";
        assert_eq!(Location::of_offset(text, 1), Location::START);
        assert_eq!(
            Location::of_offset(text, 99),
            Location { line: 1, column: 2 }
        );
    }

    #[test]
    fn the_line_index_agrees_with_a_scan_at_every_offset() {
        for text in ["", "abc", "ab\nçé=x\n", "\n\n", "x\r\ny\n漢字\nlast"] {
            let index = LineIndex::new(text);
            for offset in 0..=text.len() + 2 {
                assert_eq!(
                    index.locate(offset),
                    Location::of_offset(text, offset),
                    "{text:?} at {offset}"
                );
            }
        }
    }

    #[test]
    fn byte_offsets_in_invalid_utf8() {
        let bytes = b"ok\nab\xff";
        assert_eq!(
            Location::of_byte_offset(bytes, 5),
            Location { line: 2, column: 3 }
        );
    }
}
