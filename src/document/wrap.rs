//! Soft wrapping of one paragraph into rows of at most a given width.
//!
//! Greedy, one row at a time, so a long paragraph can be wrapped only as far
//! as the screen needs ([`super::Layout`] does that). Rows break after
//! whitespace, or after a wide (CJK) character, where they can; a word
//! longer than the row is cut between graphemes. Whitespace that overflows
//! a row hangs at its end, covered by the row but not drawn, so the next
//! row starts with a word and rows still partition the paragraph's bytes.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::cells::{TAB_WIDTH, glyph_width};

/// One row of a wrapped paragraph, in bytes of the paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The bytes the row covers: the rows of a paragraph cover it exactly,
    /// in order, without gaps or overlaps.
    pub bytes: Range<usize>,
    /// The bytes drawn: `bytes` less any whitespace hanging past the width.
    /// Its display width is at most the row width, unless it is a single
    /// grapheme wider than the row.
    pub shown: Range<usize>,
}

/// The row of `paragraph` that starts at byte `start` (a grapheme
/// boundary, and the start of a row) for rows of `width` columns (at least
/// 1). Returns the row's end and the end of its drawn part. At the end of
/// the paragraph, returns `(start, start)`.
pub fn next_row(paragraph: &str, start: usize, width: usize) -> (usize, usize) {
    let width = width.max(1);
    let bytes = paragraph.as_bytes();
    let mut at = start;
    let mut used = 0;
    // The last place the row may end early: after whitespace or after a
    // wide character.
    let mut last_break = None;
    while at < bytes.len() {
        // Printable ASCII is a grapheme of its own, one column wide, unless
        // what follows extends it. This loop keeps most text off the
        // general segmenter, which is some fifty times slower.
        let byte = bytes[at];
        if (0x20..0x7f).contains(&byte) && starts_grapheme(bytes, at + 1) {
            if used >= width {
                if byte == b' ' {
                    return hang_spaces(paragraph, at);
                }
                let end = last_break.unwrap_or(at);
                return (end, end);
            }
            used += 1;
            at += 1;
            if byte == b' ' {
                last_break = Some(at);
            }
            continue;
        }
        let (length, columns, kind) = grapheme_at(paragraph, at);
        if used + columns > width {
            if kind == Kind::Space {
                return hang_spaces(paragraph, at);
            }
            let end = match last_break {
                Some(end) => end,
                // A grapheme wider than the row goes alone on its row.
                None if at == start => at + length,
                None => at,
            };
            return (end, end);
        }
        used += columns;
        at += length;
        if kind != Kind::Narrow {
            last_break = Some(at);
        }
    }
    (at, at)
}

/// The end of the row that overflows at the whitespace at `at`: the run
/// of whitespace hangs at the end of the row, not drawn.
fn hang_spaces(paragraph: &str, at: usize) -> (usize, usize) {
    let mut end = at;
    while end < paragraph.len() {
        let (length, _, kind) = grapheme_at(paragraph, end);
        if kind != Kind::Space {
            break;
        }
        end += length;
    }
    (end, at)
}

/// All rows of `paragraph` at `width`; an empty paragraph has one empty row.
pub fn wrap(paragraph: &str, width: usize) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut start = 0;
    loop {
        let (end, shown) = next_row(paragraph, start, width);
        rows.push(Row {
            bytes: start..end,
            shown: start..shown,
        });
        if end >= paragraph.len() {
            return rows;
        }
        start = end;
    }
}

/// What a grapheme means for breaking a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Whitespace a row may end after (not a no-break space).
    Space,
    /// Two columns or more: East Asian text may break after any of them.
    Wide,
    Narrow,
}

/// The length, width and kind of the grapheme starting at `at`.
#[inline]
fn grapheme_at(text: &str, at: usize) -> (usize, usize, Kind) {
    let bytes = text.as_bytes();
    if bytes[at] == b'\t' {
        // A control character is always a cluster of its own.
        return (1, TAB_WIDTH, Kind::Space);
    }
    let grapheme = &text[at..at + grapheme_len(text, at)];
    let columns = glyph_width(grapheme);
    let kind = if is_breaking_space(grapheme) {
        Kind::Space
    } else if columns >= 2 {
        Kind::Wide
    } else {
        Kind::Narrow
    };
    (grapheme.len(), columns, kind)
}

/// The length of the grapheme cluster starting at `at`: one character
/// when it is a common one followed by a character that cannot join it,
/// else what the UAX #29 segmenter says.
fn grapheme_len(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let length = match bytes[at] {
        b'\r' if bytes.get(at + 1) == Some(&b'\n') => return 2,
        0x00..0x80 => 1,
        0xc2..=0xcb => 2,
        0xe2 => 3,
        _ => 0,
    };
    if length > 0 && starts_grapheme(bytes, at) && starts_grapheme(bytes, at + length) {
        return length;
    }
    text[at..].graphemes(true).next().map_or(1, str::len)
}

/// Whether a grapheme cluster surely starts at `at` (or the end of the
/// text), given that the character before it is ASCII or in the ranges
/// below. True for the characters common in Latin text: ASCII but LF
/// (which may end a CR LF), U+0080–U+02FF (Latin-1, Latin Extended, IPA,
/// spacing modifiers) and U+2010–U+205F (dashes, quotes, ellipsis). None
/// of them joins the character before it (Extend, ZWJ, SpacingMark) or
/// the one after it (Prepend, regional indicators), and the emoji among
/// them (`©`, `‼`) only join after a ZWJ, which is not in the ranges.
/// `false` means "ask the segmenter".
#[inline]
fn starts_grapheme(bytes: &[u8], at: usize) -> bool {
    match bytes.get(at..).unwrap_or_default() {
        [] => true,
        [b'\n', ..] => false,
        [0x00..0x80, ..] => true,
        [0xc2..=0xcb, ..] => true,
        [0xe2, 0x80, 0x90..=0xbf, ..] | [0xe2, 0x81, 0x80..=0x9f, ..] => true,
        _ => false,
    }
}

/// Whitespace after which a line may break: spaces other than the
/// no-break ones, drawn blank (not controls, which are drawn as pictures).
fn is_breaking_space(grapheme: &str) -> bool {
    let mut chars = grapheme.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => {
            c.is_whitespace()
                && !c.is_control()
                && !matches!(
                    c,
                    '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2028}' | '\u{2029}'
                )
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::cells::display_width;
    use proptest::prelude::*;

    /// The drawn text of each row.
    fn shown(paragraph: &str, width: usize) -> Vec<&str> {
        wrap(paragraph, width)
            .into_iter()
            .map(|row| &paragraph[row.shown])
            .collect()
    }

    fn covered(paragraph: &str, width: usize) -> Vec<&str> {
        wrap(paragraph, width)
            .into_iter()
            .map(|row| &paragraph[row.bytes])
            .collect()
    }

    #[test]
    fn breaks_after_whitespace() {
        assert_eq!(
            shown("the quick brown fox", 10),
            ["the quick ", "brown fox"]
        );
        assert_eq!(shown("the quick brown fox", 9), ["the quick", "brown fox"]);
        // The space that overflows hangs at the end of its row, not drawn.
        assert_eq!(
            covered("the quick brown fox", 9),
            ["the quick ", "brown fox"]
        );
        assert_eq!(shown("aaa   bbb", 4), ["aaa ", "bbb"]);
        assert_eq!(covered("aaa   bbb", 4), ["aaa   ", "bbb"]);
    }

    #[test]
    fn a_word_longer_than_the_row_is_cut() {
        assert_eq!(shown("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(shown("to abcdefghij", 4), ["to ", "abcd", "efgh", "ij"]);
    }

    #[test]
    fn width_one() {
        assert_eq!(shown("ab c", 1), ["a", "b", "c"]);
        assert_eq!(covered("ab c", 1), ["a", "b ", "c"]);
        // A wide character alone on a row too narrow for it.
        assert_eq!(shown("漢字", 1), ["漢", "字"]);
        assert_eq!(shown("x", 0), ["x"]);
    }

    #[test]
    fn wide_characters() {
        assert_eq!(shown("漢字漢字漢", 5), ["漢字", "漢字", "漢"]);
        assert_eq!(shown("ab漢字cd", 5), ["ab漢", "字cd"]);
        assert_eq!(shown("😀😀😀", 4), ["😀😀", "😀"]);
    }

    #[test]
    fn combining_marks_are_never_split_off() {
        let text = "e\u{301}e\u{301}e\u{301}e\u{301}";
        assert_eq!(shown(text, 2), ["e\u{301}e\u{301}", "e\u{301}e\u{301}"]);
    }

    #[test]
    fn tabs_and_controls_take_their_drawn_width() {
        assert_eq!(shown("a\tb", 5), ["a\t", "b"]);
        assert_eq!(shown("\u{1b}[31mred", 4), ["\u{1b}[31", "mred"]);
        assert_eq!(shown("a\rb", 2), ["a\r", "b"]);
    }

    #[test]
    fn empty_and_short_paragraphs_are_one_row() {
        assert_eq!(
            wrap("", 10),
            [Row {
                bytes: 0..0,
                shown: 0..0
            }]
        );
        assert_eq!(shown("short", 10), ["short"]);
        assert_eq!(shown("exactly", 7), ["exactly"]);
    }

    #[test]
    fn no_break_spaces_do_not_break() {
        assert_eq!(shown("ab\u{a0}cd ef", 5), ["ab\u{a0}cd", "ef"]);
    }

    /// Characters on both sides of the edges of the ranges
    /// `starts_grapheme` knows, and ones that join others.
    const EDGES: &[&str] = &[
        "a",
        " ",
        "\t",
        "\r",
        "\n",
        "\u{1b}",
        "\u{7f}",
        "\u{80}",
        "\u{9f}",
        "\u{a0}",
        "é",
        "\u{2ff}",
        "\u{300}",
        "\u{36f}",
        "\u{200c}",
        "\u{200d}",
        "\u{200f}",
        "\u{2010}",
        "’",
        "…",
        "\u{2028}",
        "\u{203c}",
        "\u{205f}",
        "\u{2060}",
        "\u{20d0}",
        "\u{fe0f}",
        "\u{600}",
        "\u{93f}",
        "क",
        "\u{94d}",
        "🇫",
        "😀",
        "\u{1f3fd}",
        "漢",
        "ｶ",
        "\u{ff9e}",
        "\u{1100}",
        "\u{1161}",
    ];

    #[test]
    fn grapheme_lengths_agree_with_the_segmenter() {
        for prefix in ["", "\u{600}", "😀\u{200d}"] {
            for first in EDGES {
                for second in EDGES {
                    for third in ["", "a", "\u{300}"] {
                        assert_lengths_agree(&format!("{prefix}{first}{second}{third}"));
                    }
                }
            }
        }
    }

    /// `grapheme_len` at every boundary of `text` is the distance to the
    /// next boundary UAX #29 finds.
    fn assert_lengths_agree(text: &str) {
        let mut boundaries = text.grapheme_indices(true).map(|(i, _)| i).peekable();
        while let Some(at) = boundaries.next() {
            let end = boundaries.peek().copied().unwrap_or(text.len());
            assert_eq!(grapheme_len(text, at), end - at, "{text:?} at {at}");
        }
    }

    fn paragraph() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("a"),
                Just("word"),
                Just(" "),
                Just("  "),
                Just("\t"),
                Just("漢"),
                Just("😀"),
                Just("e\u{301}"),
                Just("\u{301}"),
                Just("\u{1b}"),
                Just("\r"),
                Just("\u{a0}"),
                Just("\u{200b}"),
                Just("🇫🇷"),
                Just("👨‍👩‍👧"),
                Just("ｶﾞ"),
                Just("supercalifragilistic"),
                Just("’"),
                Just("—"),
                Just("é"),
                Just("\u{300}"),
                Just("‼\u{fe0f}"),
                Just("\u{85}"),
                Just("\u{200d}"),
                Just("\r\n"),
                Just("\u{2028}"),
            ],
            0..60,
        )
        .prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn rows_partition_the_paragraph_and_fit(text in paragraph(), width in 1usize..30) {
            let rows = wrap(&text, width);
            let mut expected_start = 0;
            for row in &rows {
                prop_assert_eq!(row.bytes.start, expected_start);
                prop_assert!(row.bytes.end > row.bytes.start || text.is_empty());
                prop_assert_eq!(row.shown.start, row.bytes.start);
                prop_assert!(row.shown.end <= row.bytes.end);
                prop_assert!(text.is_char_boundary(row.bytes.end));
                prop_assert!(text[row.shown.end..row.bytes.end].chars().all(char::is_whitespace));
                let drawn = &text[row.shown.clone()];
                let single_grapheme = drawn.graphemes(true).count() == 1;
                prop_assert!(display_width(drawn) <= width || single_grapheme,
                    "{:?} is wider than {}", drawn, width);
                expected_start = row.bytes.end;
            }
            prop_assert_eq!(expected_start, text.len());
        }

        #[test]
        fn rows_end_on_grapheme_boundaries(text in paragraph(), width in 1usize..30) {
            let boundaries: Vec<usize> = text
                .grapheme_indices(true)
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            for row in wrap(&text, width) {
                prop_assert!(boundaries.contains(&row.bytes.end));
                prop_assert!(boundaries.contains(&row.shown.end));
            }
        }
    }
}
