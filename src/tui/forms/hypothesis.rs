//! The hypothesis form.

use super::{Field, Form, FormPurpose, Refusal, check_id};
use crate::edit::Edit;
use crate::model::{Hypothesis, Matrix, Probability, next_free_id};

const ID: usize = 0;
const TITLE: usize = 1;
const DESCRIPTION: usize = 2;
const PRIOR: usize = 3;
const JUDGED: usize = 4;

/// A probability as the form shows it: as the file writes it, or blank.
fn shown(probability: Option<Probability>) -> String {
    probability.map_or_else(String::new, |p| p.value().to_string())
}

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
            Field::lines(
                "Description",
                hypothesis.description.as_deref().unwrap_or(""),
                "optional: the hypothesis in full",
            ),
            Field::text_input(
                "Prior",
                &shown(hypothesis.prior),
                "optional: 0 to 1 or a %, e.g. 0.25; blank: 1/n",
            ),
            Field::text_input(
                "Judged probability",
                &shown(hypothesis.probability),
                "optional: your own estimate, 0 to 1 or a %",
            ),
        ],
    );
    form.focused = TITLE;
    form
}

pub(super) fn submit(form: &Form, matrix: &Matrix) -> Result<Edit, Refusal> {
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
    check_id(&id, "hypothesis", ids, own).map_err(|why| Refusal::at(ID, why))?;
    let title = form.text(TITLE);
    if title.is_empty() {
        return Err(Refusal::at(TITLE, "a hypothesis needs a title"));
    }
    let probability = |field: usize, what: &str| -> Result<Option<Probability>, Refusal> {
        form.optional_text(field)
            .map(|text| {
                text.parse()
                    .map_err(|why| Refusal::at(field, format!("{what}: {why}")))
            })
            .transpose()
    };
    let prior = probability(PRIOR, "prior")?;
    let judged = probability(JUDGED, "judged probability")?;
    // Editing keeps what the form does not show (set aside, indicators).
    let mut hypothesis = match own {
        Some(index) => matrix.hypotheses()[index].clone(),
        None => Hypothesis::new("", ""),
    };
    hypothesis.id = id.to_owned();
    hypothesis.title = title.to_owned();
    hypothesis.description = form.optional_text(DESCRIPTION);
    hypothesis.prior = prior;
    hypothesis.probability = judged;
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
