//! The one-field form for a new value that settles a merge conflict, when
//! neither side's value is right.

use super::{Field, Form, FormPurpose};
use crate::tui::state::Resolving;

/// A form for the value of the conflict `resolving` asks about next,
/// started from our value.
pub fn conflict_value_form(resolving: Resolving) -> Form {
    let title = format!("A new value for {}", resolving.next.at);
    let ours = resolving.next.ours_typed.clone();
    Form::new(
        title,
        FormPurpose::ConflictValue(Box::new(resolving)),
        vec![Field::text_input(
            "Value",
            &ours,
            "a rating such as II or N, a text, a number or a date",
        )],
    )
}

/// What was typed, trimmed.
pub fn conflict_value(form: &Form) -> String {
    form.text(0)
}
