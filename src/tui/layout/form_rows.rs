//! The rows a form's fields take: for the form's view, and for the reader,
//! which scrolls its passage out of the attach form's way.

use crate::tui::forms::{Field, Form};

/// Rows a field of several lines shows at once; its text scrolls inside.
pub const LINES_FIELD_ROWS: u16 = 4;

/// The screen rows of `field`: one, or [`LINES_FIELD_ROWS`] for a field
/// of several lines.
pub fn field_rows(field: &Field) -> u16 {
    if field.is_lines() {
        LINES_FIELD_ROWS
    } else {
        1
    }
}

/// The screen rows of all of `form`'s fields.
pub fn fields_rows(form: &Form) -> u16 {
    form.fields.iter().map(field_rows).sum()
}
