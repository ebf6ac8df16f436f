//! Popup forms: adding and editing hypotheses, evidence and the matrix
//! header, and attaching a passage. A form is plain state; submitting it
//! validates the fields against the matrix and yields an [`Edit`].
//!
//! [`Edit`]: crate::edit::Edit

mod conflict_value;
mod evidence;
mod field;
mod header;
mod hypothesis;
mod judgement;
mod new_matrix;
mod save_as;

pub use conflict_value::{conflict_value, conflict_value_form};
pub use evidence::{attach_form, evidence_form};
pub use field::{Field, FieldValue};
pub use header::header_form;
pub use hypothesis::hypothesis_form;
pub use judgement::judgement_form;
pub use new_matrix::{
    FILE as NEW_MATRIX_FILE, new_matrix_form, new_matrix_from, planned_file, propose_free_name,
};
pub use save_as::{save_as_form, save_as_path};

use crate::edit::Edit;
use crate::model::{Matrix, Passage};
use crate::tui::msg::AfterSave;

/// What submitting a form does.
#[derive(Debug, Clone, PartialEq)]
pub enum FormPurpose {
    AddHypothesis,
    EditHypothesis(usize),
    AddEvidence,
    EditEvidence(usize),
    EditHeader,
    /// A new evidence item from a passage of the open document.
    Attach(Passage),
    /// Saving the matrix under another name, then doing what was planned.
    SaveAs(AfterSave),
    /// Creating a new, empty matrix file.
    NewMatrix,
    /// A new value settling a merge conflict (the answers so far ride
    /// along, so backing out of the form returns to the question).
    ConflictValue(Box<crate::tui::state::Resolving>),
    /// Recording, changing or removing the analyst's judgement.
    EditJudgement,
}

/// A form on screen.
#[derive(Debug, Clone)]
pub struct Form {
    pub title: String,
    pub purpose: FormPurpose,
    pub fields: Vec<Field>,
    pub focused: usize,
    /// Why the last submit was refused, shown under the fields.
    pub error: Option<String>,
    /// The field the refusal is about, when it is about one: the error is
    /// shown right under it.
    pub error_field: Option<usize>,
}

impl Form {
    fn new(title: impl Into<String>, purpose: FormPurpose, fields: Vec<Field>) -> Self {
        Form {
            title: title.into(),
            purpose,
            fields,
            focused: 0,
            error: None,
            error_field: None,
        }
    }

    /// Refuses the form because of field `index`: the error is shown at
    /// that field, which gets the focus.
    pub fn refuse(&mut self, index: usize, why: impl Into<String>) {
        self.error = Some(why.into());
        self.error_field = Some(index);
        self.focused = index;
    }

    /// Clears a refusal once the analyst types again.
    pub fn clear_error(&mut self) {
        self.error = None;
        self.error_field = None;
    }

    /// The focused field.
    pub fn focused_field(&self) -> &Field {
        &self.fields[self.focused]
    }

    /// The focused field, to type into.
    pub fn focused_field_mut(&mut self) -> &mut Field {
        &mut self.fields[self.focused]
    }

    /// Moves focus to the next or previous field, wrapping.
    pub fn move_focus(&mut self, forward: bool) {
        let count = self.fields.len();
        self.focused = if forward {
            (self.focused + 1) % count
        } else {
            (self.focused + count - 1) % count
        };
    }

    /// The trimmed text of field `index`.
    fn text(&self, index: usize) -> &str {
        self.fields[index].value().trim()
    }

    /// The text of field `index`, `None` when blank.
    fn optional_text(&self, index: usize) -> Option<String> {
        Some(self.text(index).to_owned()).filter(|text| !text.is_empty())
    }

    /// Validates the form against `matrix` and returns the edit it makes.
    /// A refusal says why, and which field it is about when it is about one.
    pub fn submit(&self, matrix: &Matrix) -> Result<Edit, Refusal> {
        match &self.purpose {
            FormPurpose::AddHypothesis | FormPurpose::EditHypothesis(_) => {
                hypothesis::submit(self, matrix)
            }
            FormPurpose::AddEvidence | FormPurpose::EditEvidence(_) | FormPurpose::Attach(_) => {
                evidence::submit(self, matrix)
            }
            FormPurpose::EditHeader => header::submit(self, matrix),
            FormPurpose::EditJudgement => judgement::submit(self, matrix),
            FormPurpose::SaveAs(_) | FormPurpose::NewMatrix | FormPurpose::ConflictValue(_) => Err(
                Refusal::general("this form makes no edit to the open matrix"),
            ),
        }
    }
}

/// Why a form was refused: shown at `field` (which gets the focus) when
/// the refusal is about one field, under the fields otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub field: Option<usize>,
    pub why: String,
}

impl Refusal {
    /// A refusal about field `field`.
    fn at(field: usize, why: impl Into<String>) -> Self {
        Refusal {
            field: Some(field),
            why: why.into(),
        }
    }

    /// A refusal about the form as a whole.
    fn general(why: impl Into<String>) -> Self {
        Refusal {
            field: None,
            why: why.into(),
        }
    }

    /// Shows the refusal on `form`.
    pub fn show_on(self, form: &mut Form) {
        match self.field {
            Some(field) => form.refuse(field, self.why),
            None => {
                form.error = Some(self.why);
                form.error_field = None;
            }
        }
    }
}

/// Checks a new or changed id: valid characters, and not taken by another
/// item (`own` is the item's current position, which may keep its id).
fn check_id<'a>(
    id: &str,
    what: &str,
    mut taken: impl Iterator<Item = (usize, &'a str)>,
    own: Option<usize>,
) -> Result<(), String> {
    if !crate::model::is_valid_id(id) {
        return Err(format!("{what} id must be letters, digits, `_` or `-`"));
    }
    if taken.any(|(index, other)| other == id && Some(index) != own) {
        return Err(format!("{what} id `{id}` is already used"));
    }
    Ok(())
}
