//! Spreadsheet cells that cannot run as formulas.
//!
//! A spreadsheet treats a cell that begins with `=`, `+`, `-` or `@` as a
//! formula (and tab or carriage return can hide such a start), so a CSV
//! opened in Excel or LibreOffice could run `=HYPERLINK(…)` from a hostile
//! matrix. As OWASP recommends ("CSV Injection"), such cells are prefixed
//! with a single quote, which makes them text. The prefix is also added
//! when the cell already begins with quotes before such a character, so
//! [`restore_formula`] can undo it exactly.

use std::borrow::Cow;

/// Whether a cell starting with `c` could be read as a formula. The OWASP
/// list, plus line feed and the full-width forms of the four signs.
fn starts_formula(c: char) -> bool {
    matches!(
        c,
        '=' | '+' | '-' | '@' | '\t' | '\r' | '\n' | '＝' | '＋' | '－' | '＠'
    )
}

fn needs_prefix(cell: &str) -> bool {
    cell.trim_start_matches('\'')
        .chars()
        .next()
        .is_some_and(starts_formula)
}

/// `cell` with a `'` in front when a spreadsheet could take it for a
/// formula.
pub fn neutralise_formula(cell: &str) -> Cow<'_, str> {
    if needs_prefix(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The text of a cell written by [`neutralise_formula`]: the inverse, for
/// programs that read the CSV back.
pub fn restore_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_prefix(rest) => rest,
        _ => cell,
    }
}

/// `text` with control characters other than tab, line feed and carriage
/// return shown as their Unicode pictures: CSV files are also read in
/// terminals and by tools that stop at a NUL.
pub fn visible_controls(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| crate::text::is_unsafe(c) && !matches!(c, '\t' | '\n' | '\r'))
    {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\t' | '\n' | '\r' => c,
                c if crate::text::is_unsafe(c) => crate::text::inert(&c.to_string())
                    .chars()
                    .next()
                    .unwrap_or('\u{fffd}'),
                c => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_prefixed() {
        for cell in [
            "=HYPERLINK(\"x\")",
            "+1",
            "-1",
            "@SUM(1)",
            "\t=1",
            "\r=1",
            "＝1",
        ] {
            assert_eq!(neutralise_formula(cell), format!("'{cell}"));
            assert_eq!(restore_formula(&neutralise_formula(cell)), cell);
        }
    }

    #[test]
    fn other_cells_are_untouched() {
        for cell in ["", "a=1", "2021-09-20", "'quoted", "1.50"] {
            assert_eq!(neutralise_formula(cell), cell);
            assert_eq!(restore_formula(cell), cell);
        }
    }

    #[test]
    fn quotes_before_a_formula_round_trip() {
        let cell = "'=1";
        assert_eq!(neutralise_formula(cell), "''=1");
        assert_eq!(restore_formula("''=1"), cell);
    }

    #[test]
    fn controls_become_pictures_but_line_breaks_stay() {
        assert_eq!(visible_controls("a\u{1b}b\r\n\tc\u{0}"), "a␛b\r\n\tc␀");
    }

    #[test]
    fn bidirectional_controls_cannot_reverse_a_cell() {
        assert_eq!(
            visible_controls("a\u{202e}b\u{2066}c"),
            "a\u{fffd}b\u{fffd}c"
        );
        assert_eq!(visible_controls("עברית"), "עברית");
    }
}
