//! The matrix title, question and analyst form.

use super::{Field, Form, FormPurpose, Refusal};
use crate::edit::{Edit, Header};
use crate::model::Matrix;

const TITLE: usize = 0;
const QUESTION: usize = 1;
const ANALYST: usize = 2;

/// A form to edit the matrix's title, question and analyst.
pub fn header_form(matrix: &Matrix) -> Form {
    Form::new(
        "Edit matrix",
        FormPurpose::EditHeader,
        vec![
            Field::text_input("Title", &matrix.title, "the analysis in a few words"),
            Field::text_input(
                "Question",
                matrix.question.as_deref().unwrap_or(""),
                "optional: the question the hypotheses answer",
            ),
            Field::text_input(
                "Analyst",
                matrix.analyst.as_deref().unwrap_or(""),
                "optional: who made the analysis",
            ),
        ],
    )
}

pub(super) fn submit(form: &Form, matrix: &Matrix) -> Result<Edit, Refusal> {
    let title = form.text(TITLE);
    if title.is_empty() {
        return Err(Refusal::at(TITLE, "the matrix needs a title"));
    }
    Ok(Edit::ReplaceHeader {
        before: Header::of(matrix),
        after: Header {
            title: title.to_owned(),
            question: form.optional_text(QUESTION),
            analyst: form.optional_text(ANALYST),
        },
    })
}
