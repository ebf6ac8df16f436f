//! Display widths: CJK and emoji take two columns, combining marks none.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Columns `text` takes in a terminal.
pub fn display_width(text: &str) -> usize {
    text.width()
}

/// The longest prefix of `text` that fits in `width` columns, cut between
/// grapheme clusters (so an accent is never separated from its letter) and
/// ending with `…` when anything was cut.
pub fn truncate_to_width(text: &str, width: usize) -> Cow<'_, str> {
    if text.width() <= width {
        return Cow::Borrowed(text);
    }
    if width == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let w = grapheme.width();
        if used + w > width - 1 {
            break;
        }
        out.push_str(grapheme);
        used += w;
    }
    out.push('…');
    Cow::Owned(out)
}

/// `text` truncated to `width` columns and padded with spaces to exactly
/// `width` columns, for table cells.
pub fn fit_to_width(text: &str, width: usize) -> String {
    let cut = truncate_to_width(text, width);
    let pad = width.saturating_sub(cut.width());
    let mut out = cut.into_owned();
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_and_combining_characters() {
        assert_eq!(display_width("漢字"), 4);
        assert_eq!(display_width("e\u{301}"), 1);
        assert_eq!(display_width("😀"), 2);
    }

    #[test]
    fn truncation_respects_columns_and_graphemes() {
        assert_eq!(truncate_to_width("hello world", 6), "hello…");
        assert_eq!(truncate_to_width("漢字漢字", 5), "漢字…");
        assert_eq!(
            truncate_to_width("e\u{301}e\u{301}e\u{301}", 2),
            "e\u{301}…"
        );
        assert_eq!(truncate_to_width("short", 10), "short");
    }

    #[test]
    fn fitting_pads_to_the_exact_width() {
        assert_eq!(fit_to_width("漢", 4), "漢  ");
        assert_eq!(display_width(&fit_to_width("漢字漢字", 5)), 5);
    }
}
