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

/// `text` broken into lines of at most `width` columns at spaces; a word
/// longer than a line is cut between graphemes. Never returns no lines.
pub fn wrap_to_width(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_owned();
        while word.width() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let mut head = String::new();
            let mut rest = String::new();
            for grapheme in word.graphemes(true) {
                if rest.is_empty() && head.width() + grapheme.width() <= width {
                    head.push_str(grapheme);
                } else {
                    rest.push_str(grapheme);
                }
            }
            lines.push(head);
            word = rest;
        }
        let needed = if line.is_empty() {
            word.width()
        } else {
            line.width() + 1 + word.width()
        };
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_and_the_width() {
        let text = "export the matrix (Markdown, HTML, CSV, JSON, brief) beside the file";
        let lines = wrap_to_width(text, 20);
        assert!(
            lines.iter().all(|line| display_width(line) <= 20),
            "{lines:?}"
        );
        assert_eq!(lines.join(" "), text);
        assert_eq!(wrap_to_width("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrap_to_width("", 3), [""]);
    }

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
