//! How each grapheme of a document is drawn in a terminal: the one place
//! that decides what reaches the screen and how many columns it takes.
//!
//! Documents are untrusted. A tab becomes spaces and every control
//! character (C0, DEL, C1, a bare carriage return) becomes its visible
//! picture, so no byte of a document can reach the terminal as a command.
//! Everything else is measured per grapheme cluster with `unicode-width`,
//! as ratatui measures it, so a wrapped line never overflows its row.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::text::{is_unsafe, picture};

/// Columns a tab takes. Tabs are drawn as a fixed run of spaces, not to
/// tab stops, so a grapheme's width never depends on its column.
pub const TAB_WIDTH: usize = 4;

const TAB_SPACES: &str = "    ";

/// What one grapheme cluster of a document looks like on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Glyph<'a> {
    /// Printable text, drawn as it is.
    Text(&'a str),
    /// A tab, drawn as [`TAB_WIDTH`] spaces.
    Tab,
    /// A grapheme holding control characters, drawn with each of them
    /// replaced by its picture (ESC as `␛`, CR as `␍`).
    Pictured(String),
}

impl Glyph<'_> {
    /// The text to draw: never contains a control character.
    pub fn symbol(&self) -> &str {
        match self {
            Glyph::Text(text) => text,
            Glyph::Tab => TAB_SPACES,
            Glyph::Pictured(text) => text,
        }
    }

    /// Columns the glyph takes (0 for a lone zero-width grapheme, which
    /// ratatui does not draw either).
    pub fn width(&self) -> usize {
        match self {
            Glyph::Text(text) => text_width(text),
            Glyph::Tab => TAB_WIDTH,
            Glyph::Pictured(text) => text_width(text),
        }
    }
}

/// How the grapheme cluster `grapheme` is drawn.
pub fn glyph(grapheme: &str) -> Glyph<'_> {
    if grapheme == "\t" {
        return Glyph::Tab;
    }
    if !grapheme.chars().any(is_unsafe) {
        return Glyph::Text(grapheme);
    }
    Glyph::Pictured(
        grapheme
            .chars()
            .map(|c| if is_unsafe(c) { picture(c) } else { c })
            .collect(),
    )
}

/// Columns the grapheme cluster `grapheme` takes; the same as
/// `glyph(grapheme).width()`, without allocating.
pub fn glyph_width(grapheme: &str) -> usize {
    match grapheme.as_bytes() {
        [b'\t'] => TAB_WIDTH,
        [_] => 1,
        // Rare: a grapheme holding a control character (Unicode keeps
        // them alone, but for CR LF); measure what is drawn.
        _ if grapheme.chars().any(is_unsafe) => glyph(grapheme).width(),
        _ => text_width(grapheme),
    }
}

/// The graphemes of `text` with their byte offsets in `text` and how each
/// is drawn.
pub fn glyphs(text: &str) -> impl Iterator<Item = (usize, Glyph<'_>)> {
    text.grapheme_indices(true)
        .map(|(offset, grapheme)| (offset, glyph(grapheme)))
}

/// `text` as it is drawn: tabs as spaces, control characters as pictures.
/// Borrowed when nothing needed replacing.
pub fn display(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (_, glyph) in glyphs(text) {
        out.push_str(glyph.symbol());
    }
    Cow::Owned(out)
}

/// Columns `text` takes when drawn by [`display`].
pub fn display_width(text: &str) -> usize {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return text.len();
    }
    text.graphemes(true).map(glyph_width).sum()
}

/// Width of printable text as ratatui measures a cell's symbol:
/// `unicode-width`, plus one column for each halfwidth (han)dakuten, which
/// terminals draw as a character of its own (ratatui-core's
/// `count_halfwidth_sound_marks`).
fn text_width(text: &str) -> usize {
    if text.len() == 1 {
        return 1;
    }
    text.width()
        + text
            .chars()
            .filter(|c| matches!(c, '\u{ff9e}' | '\u{ff9f}'))
            .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_are_four_spaces() {
        assert_eq!(glyph("\t"), Glyph::Tab);
        assert_eq!(glyph("\t").symbol(), "    ");
        assert_eq!(glyph_width("\t"), 4);
        assert_eq!(display("a\tb"), "a    b");
        assert_eq!(display_width("a\tb"), 6);
    }

    #[test]
    fn control_characters_become_pictures() {
        assert_eq!(glyph("\u{1b}"), Glyph::Pictured("␛".into()));
        assert_eq!(glyph("\r"), Glyph::Pictured("␍".into()));
        assert_eq!(glyph("\u{7f}"), Glyph::Pictured("␡".into()));
        assert_eq!(glyph("\u{9b}"), Glyph::Pictured("\u{fffd}".into()));
        assert_eq!(glyph("\r\n").symbol(), "␍␊");
        assert_eq!(glyph_width("\r\n"), 2);
        assert_eq!(display("\u{1b}]0;pwned\u{7}"), "␛]0;pwned␇");
        assert_eq!(display("\u{1b}[31mred"), "␛[31mred");
        assert_eq!(display_width("\u{1b}[31m"), 5);
    }

    #[test]
    fn no_control_character_survives_display() {
        let hostile: String = (0u32..0xa0).filter_map(char::from_u32).collect();
        let shown = display(&hostile);
        assert!(!shown.chars().any(char::is_control), "{shown:?}");
        assert_eq!(display_width(&hostile), crate::text::display_width(&shown));
    }

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(glyph_width("漢"), 2);
        assert_eq!(glyph_width("😀"), 2);
        assert_eq!(display_width("漢字 ok"), 7);
        assert_eq!(glyph_width("👍🏽"), 2);
        assert_eq!(glyph_width("👨‍👩‍👧"), 2);
    }

    #[test]
    fn combining_marks_stay_with_their_base() {
        let graphemes: Vec<_> = glyphs("e\u{301}x").collect();
        assert_eq!(
            graphemes,
            vec![(0, Glyph::Text("e\u{301}")), (3, Glyph::Text("x"))]
        );
        assert_eq!(glyph_width("e\u{301}"), 1);
        assert_eq!(display_width("e\u{301}e\u{301}"), 2);
    }

    #[test]
    fn halfwidth_sound_marks_count_as_ratatui_counts_them() {
        // unicode-width 0.2.3 already gives the mark a column, and ratatui
        // adds one more; the layout must reserve what ratatui draws.
        assert_eq!(glyph_width("ｶﾞ"), "ｶﾞ".width() + 1);
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(display("plain 漢字 😀"), Cow::Borrowed(_)));
    }

    #[test]
    fn glyph_width_agrees_with_glyph() {
        for grapheme in [
            "a", "\t", "\u{1b}", "\r\n", "漢", "e\u{301}", "\u{200b}", "ｶﾞ",
        ] {
            assert_eq!(
                glyph_width(grapheme),
                glyph(grapheme).width(),
                "{grapheme:?}"
            );
        }
    }
}
