//! The analyst's judgement form: which hypothesis they judge most likely,
//! their confidence, the ICD 203 words and why (the file's `[judgement]`).
//! Confidence and the words are choices taken from the domain's own lists
//! ([`Confidence::ALL`], [`Estimative::ALL`]), so the form offers exactly
//! what the file accepts.

use super::{Field, Form, FormPurpose, Refusal};
use crate::edit::Edit;
use crate::model::{Confidence, Estimative, Judgement, Matrix};

const HYPOTHESIS: usize = 0;
const CONFIDENCE: usize = 1;
const ESTIMATE: usize = 2;
const RATIONALE: usize = 3;

/// What the estimate field offers: not said, then the ICD 203 words from
/// least to most likely.
fn estimates() -> Vec<Option<Estimative>> {
    std::iter::once(None)
        .chain(Estimative::ALL.into_iter().map(Some))
        .collect()
}

/// The word shown for an estimate choice.
fn estimate_word(estimate: Option<Estimative>) -> &'static str {
    estimate.map_or("not said", Estimative::word)
}

/// A form for the matrix's judgement, filled with the one recorded, or
/// else naming the hypothesis in `column` (the one under the cursor).
pub fn judgement_form(matrix: &Matrix, column: usize) -> Form {
    let judgement = matrix.judgement.as_ref();
    let hypothesis = judgement.map_or_else(
        || {
            matrix
                .hypotheses()
                .get(column)
                .map_or("", |h| h.id.as_str())
        },
        |j| j.hypothesis.as_str(),
    );
    Form::new(
        "Your judgement",
        FormPurpose::EditJudgement,
        vec![
            Field::text_input(
                "Hypothesis",
                hypothesis,
                "the id of the hypothesis you judge most likely; blank removes the judgement",
            ),
            Field::choice(
                "Confidence",
                &Confidence::ALL,
                Confidence::word,
                judgement.map_or(Confidence::default(), |j| j.confidence),
                "how good the evidence and reasoning are (not how likely)",
            ),
            Field::choice(
                "Likelihood",
                &estimates(),
                estimate_word,
                judgement.and_then(|j| j.estimate),
                "how likely, in the ICD 203 words",
            ),
            Field::text_input(
                "Rationale",
                judgement.and_then(|j| j.rationale.as_deref()).unwrap_or(""),
                "optional: why, in a sentence or two",
            ),
        ],
    )
}

pub(super) fn submit(form: &Form, matrix: &Matrix) -> Result<Edit, Refusal> {
    let before = matrix.judgement.clone();
    let id = form.text(HYPOTHESIS);
    if id.is_empty() {
        return Ok(Edit::ReplaceJudgement {
            before,
            after: None,
        });
    }
    if !matrix.hypotheses().iter().any(|h| h.id == id) {
        let ids: Vec<&str> = matrix.hypotheses().iter().map(|h| h.id.as_str()).collect();
        let why = if ids.is_empty() {
            "the matrix has no hypotheses to judge yet: add one with H".to_owned()
        } else {
            format!("no hypothesis `{id}`: name one of {}", ids.join(", "))
        };
        return Err(Refusal::at(HYPOTHESIS, why));
    }
    let confidence = form.fields[CONFIDENCE]
        .chosen(&Confidence::ALL)
        .unwrap_or_default();
    let estimate = form.fields[ESTIMATE].chosen(&estimates()).flatten();
    Ok(Edit::ReplaceJudgement {
        before,
        after: Some(Judgement {
            hypothesis: id.to_owned(),
            confidence,
            estimate,
            rationale: form.optional_text(RATIONALE),
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Hypothesis;

    fn matrix() -> Matrix {
        let mut matrix = Matrix::new("m");
        matrix.push_hypothesis(Hypothesis::new("H1", "Exercise"));
        matrix.push_hypothesis(Hypothesis::new("H2", "Invasion"));
        matrix
    }

    #[test]
    fn the_choices_are_the_domains_own_lists() {
        let form = judgement_form(&matrix(), 1);
        assert_eq!(
            form.fields[HYPOTHESIS].value(),
            "H2",
            "the column under the cursor"
        );
        let options = |index: usize| match &form.fields[index].value {
            super::super::FieldValue::Choice { options, .. } => options.clone(),
            super::super::FieldValue::Text(_) => panic!("a choice"),
        };
        let levels: Vec<&str> = Confidence::ALL.iter().map(|c| c.word()).collect();
        assert_eq!(options(CONFIDENCE), levels);
        let mut words = vec!["not said"];
        words.extend(Estimative::ALL.iter().map(|e| e.word()));
        assert_eq!(options(ESTIMATE), words);
    }

    #[test]
    fn submitting_records_what_was_chosen_and_blank_removes_it() {
        let matrix = matrix();
        let mut form = judgement_form(&matrix, 0);
        form.fields[CONFIDENCE].cycle(true);
        form.fields[ESTIMATE].cycle(false);
        let Ok(Edit::ReplaceJudgement { before, after }) = form.submit(&matrix) else {
            panic!("an edit");
        };
        assert_eq!(before, None);
        assert_eq!(
            after,
            Some(Judgement {
                hypothesis: "H1".to_owned(),
                confidence: Confidence::Moderate,
                estimate: Some(Estimative::AlmostCertain),
                rationale: None,
            })
        );
        form.fields[HYPOTHESIS] = Field::text_input("Hypothesis", "  ", "");
        let Ok(Edit::ReplaceJudgement { after, .. }) = form.submit(&matrix) else {
            panic!("an edit");
        };
        assert_eq!(after, None);
    }

    #[test]
    fn a_hypothesis_that_is_not_there_is_refused_at_its_field() {
        let matrix = matrix();
        let mut form = judgement_form(&matrix, 0);
        form.fields[HYPOTHESIS] = Field::text_input("Hypothesis", "H7", "");
        let refusal = form.submit(&matrix).unwrap_err();
        assert_eq!(refusal.field, Some(HYPOTHESIS));
        assert_eq!(refusal.why, "no hypothesis `H7`: name one of H1, H2");
    }

    #[test]
    fn the_recorded_judgement_fills_the_form() {
        let mut matrix = matrix();
        matrix.judgement = Some(Judgement {
            hypothesis: "H2".to_owned(),
            confidence: Confidence::High,
            estimate: Some(Estimative::Unlikely),
            rationale: Some("troops massed".to_owned()),
        });
        let form = judgement_form(&matrix, 0);
        let values: Vec<&str> = form.fields.iter().map(Field::value).collect();
        assert_eq!(values, ["H2", "high", "unlikely", "troops massed"]);
    }
}
