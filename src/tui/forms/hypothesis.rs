//! The hypothesis form.

use super::{Field, Form, FormPurpose, check_id};
use crate::edit::Edit;
use crate::model::{Hypothesis, Matrix, next_free_id};

const ID: usize = 0;
const TITLE: usize = 1;
const DESCRIPTION: usize = 2;

/// A form to add a hypothesis (`index` = None) or edit the one at `index`.
pub fn hypothesis_form(matrix: &Matrix, index: Option<usize>) -> Form {
    let (purpose, title, hypothesis) = match index {
        Some(index) => (
            FormPurpose::EditHypothesis(index),
            "Edit hypothesis",
            matrix.hypotheses()[index].clone(),
        ),
        None => {
            let id = next_free_id("H", matrix.hypotheses().iter().map(|h| h.id.as_str()));
            (
                FormPurpose::AddHypothesis,
                "New hypothesis",
                Hypothesis::new(id, ""),
            )
        }
    };
    let mut form = Form::new(
        title,
        purpose,
        vec![
            Field::text_input(
                "Id",
                &hypothesis.id,
                "letters, digits, _ and -; used in the file",
            ),
            Field::text_input("Title", &hypothesis.title, "one line: the column header"),
            Field::text_input(
                "Description",
                hypothesis.description.as_deref().unwrap_or(""),
                "optional: the hypothesis in full",
            ),
        ],
    );
    form.focused = TITLE;
    form
}

pub(super) fn submit(form: &Form, matrix: &Matrix) -> Result<Edit, String> {
    let own = match form.purpose {
        FormPurpose::EditHypothesis(index) => Some(index),
        _ => None,
    };
    let id = form.text(ID);
    let ids = matrix
        .hypotheses()
        .iter()
        .map(|h| h.id.as_str())
        .enumerate();
    check_id(id, "hypothesis", ids, own)?;
    let title = form.text(TITLE);
    if title.is_empty() {
        return Err("a hypothesis needs a title".to_owned());
    }
    // The form does not show the probabilities yet: an edit keeps them.
    let kept = own.map(|index| &matrix.hypotheses()[index]);
    let hypothesis = Hypothesis {
        id: id.to_owned(),
        title: title.to_owned(),
        description: form.optional_text(DESCRIPTION),
        prior: kept.and_then(|h| h.prior),
        probability: kept.and_then(|h| h.probability),
    };
    Ok(match own {
        Some(index) => Edit::ReplaceHypothesis {
            index,
            before: matrix.hypotheses()[index].clone(),
            after: hypothesis,
        },
        None => Edit::InsertHypothesis {
            index: matrix.hypotheses().len(),
            hypothesis,
            column: vec![None; matrix.evidence().len()],
        },
    })
}
