//! The evidence form: adding, editing, and attaching a passage.

use chrono::NaiveDate;

use super::{Field, FieldValue, Form, FormPurpose, Refusal, check_id};
use crate::edit::Edit;
use crate::model::{Evidence, EvidenceKind, Level, Matrix, Passage, next_free_id};
use crate::text::{one_line, truncate_to_width};

const ID: usize = 0;
const SUMMARY: usize = 1;
const KIND: usize = 2;
const CREDIBILITY: usize = 3;
const RELEVANCE: usize = 4;
const DATE: usize = 5;
const NOTES: usize = 6;

/// Longest summary prefilled from a passage, in columns.
const PREFILL_WIDTH: usize = 100;

/// A form to add evidence with no passage (`index` = None) or edit the
/// item at `index`.
pub fn evidence_form(matrix: &Matrix, index: Option<usize>) -> Form {
    match index {
        Some(index) => {
            let evidence = &matrix.evidence()[index];
            build(
                "Edit evidence",
                FormPurpose::EditEvidence(index),
                evidence,
                SUMMARY,
            )
        }
        None => {
            // `E` adds an item with no passage: an assumption or an absence
            // of evidence, never a report (which would have a passage).
            let mut evidence = Evidence::new(new_id(matrix), "");
            evidence.kind = crate::model::EvidenceKind::Assumption;
            build("New evidence", FormPurpose::AddEvidence, &evidence, SUMMARY)
        }
    }
}

/// A form to attach `passage` as a new evidence item, its summary
/// prefilled from the quote.
pub fn attach_form(matrix: &Matrix, passage: Passage) -> Form {
    // One space for every run of whitespace: a quote's double spaces and
    // line breaks are the document's layout, not the analyst's summary.
    let quote = crate::document::spaces_as_one(&passage.quote);
    let summary = truncate_to_width(one_line(&quote).trim(), PREFILL_WIDTH).into_owned();
    let evidence = Evidence::new(new_id(matrix), summary);
    let mut form = build(
        "Attach passage as evidence",
        FormPurpose::Attach(passage),
        &evidence,
        SUMMARY,
    );
    // Show the start of the prefilled summary, where it is read from.
    if let FieldValue::Text(input) = &mut form.fields[SUMMARY].value {
        input.handle(tui_input::InputRequest::GoToStart);
    }
    form
}

fn new_id(matrix: &Matrix) -> String {
    next_free_id("E", matrix.evidence().iter().map(|e| e.id.as_str()))
}

fn build(title: &str, purpose: FormPurpose, evidence: &Evidence, focus: usize) -> Form {
    let date = evidence
        .date
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    let mut form = Form::new(
        title,
        purpose,
        vec![
            Field::text_input(
                "Id",
                &evidence.id,
                "letters, digits, _ and -; used in the file",
            ),
            Field::text_input(
                "Summary",
                &evidence.summary,
                "one line describing the evidence",
            ),
            Field::choice(
                "Kind",
                &EvidenceKind::ALL,
                EvidenceKind::word,
                evidence.kind,
                "Space or ←/→ to change",
            ),
            Field::choice(
                "Credibility",
                &Level::ALL,
                Level::word,
                evidence.credibility,
                "Space or ←/→ to change",
            ),
            Field::choice(
                "Relevance",
                &Level::ALL,
                Level::word,
                evidence.relevance,
                "Space or ←/→ to change",
            ),
            Field::text_input("Date", &date, "optional: YYYY-MM-DD, when it happened"),
            Field::lines(
                "Notes",
                evidence.notes.as_deref().unwrap_or(""),
                "optional: your reasoning",
            ),
        ],
    );
    form.focused = focus;
    form
}

pub(super) fn submit(form: &Form, matrix: &Matrix) -> Result<Edit, Refusal> {
    let own = match form.purpose {
        FormPurpose::EditEvidence(index) => Some(index),
        _ => None,
    };
    let id = form.text(ID);
    let ids = matrix.evidence().iter().map(|e| e.id.as_str()).enumerate();
    check_id(&id, "evidence", ids, own).map_err(|why| Refusal::at(ID, why))?;
    let summary = form.text(SUMMARY);
    if summary.is_empty() {
        return Err(Refusal::at(SUMMARY, "evidence needs a summary"));
    }
    let date = match form.optional_text(DATE) {
        None => None,
        Some(text) => Some(NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
            Refusal::at(
                DATE,
                format!("date `{text}` is not a date such as 2024-09-06"),
            )
        })?),
    };
    let mut evidence = match own {
        // Editing keeps the ratings and the passage.
        Some(index) => matrix.evidence()[index].clone(),
        None => Evidence::new("", ""),
    };
    evidence.id = id.to_owned();
    evidence.summary = summary.to_owned();
    // Choices hold the domain values themselves: nothing to parse back.
    let choice = |field: usize| &form.fields[field];
    evidence.kind = choice(KIND).chosen(&EvidenceKind::ALL).unwrap_or_default();
    evidence.credibility = choice(CREDIBILITY).chosen(&Level::ALL).unwrap_or_default();
    evidence.relevance = choice(RELEVANCE).chosen(&Level::ALL).unwrap_or_default();
    evidence.date = date;
    evidence.notes = form.optional_text(NOTES);
    if let FormPurpose::Attach(passage) = &form.purpose {
        evidence.source = Some(passage.clone());
    }
    Ok(match own {
        Some(index) => Edit::ReplaceEvidence {
            index,
            before: matrix.evidence()[index].clone(),
            after: evidence,
        },
        None => Edit::InsertEvidence {
            index: matrix.evidence().len(),
            evidence,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tui_input::InputRequest;

    fn type_into(form: &mut Form, field: usize, text: &str) {
        if let FieldValue::Text(input) = &mut form.fields[field].value {
            input.handle(InputRequest::DeleteLine);
            for c in text.chars() {
                input.handle(InputRequest::InsertChar(c));
            }
        }
    }

    #[test]
    fn attaching_prefills_a_one_line_summary_and_keeps_the_passage() {
        let matrix = Matrix::new("m");
        let passage = Passage {
            document: "seeds/a.txt".into(),
            start: 0,
            end: 12,
            quote: "Line one.\nTwo".into(),
        };
        let form = attach_form(&matrix, passage.clone());
        assert_eq!(form.fields[SUMMARY].value(), "Line one. Two");
        let Ok(Edit::InsertEvidence { evidence, .. }) = form.submit(&matrix) else {
            panic!("attach should insert evidence");
        };
        assert_eq!(evidence.source, Some(passage));
        assert_eq!(evidence.id, "E1");
    }

    #[test]
    fn bad_dates_and_duplicate_ids_are_refused() {
        let mut matrix = Matrix::new("m");
        matrix.push_evidence(Evidence::new("E1", "one"));
        let mut form = evidence_form(&matrix, None);
        type_into(&mut form, SUMMARY, "two");
        type_into(&mut form, DATE, "2024-13-01");
        let refusal = form.submit(&matrix).unwrap_err();
        assert!(refusal.why.contains("not a date"), "{refusal:?}");
        assert_eq!(refusal.field, Some(DATE));
        type_into(&mut form, DATE, "2024-12-01");
        type_into(&mut form, ID, "E1");
        assert_eq!(
            form.submit(&matrix).unwrap_err(),
            Refusal::at(ID, "evidence id `E1` is already used")
        );
    }

    #[test]
    fn every_kind_and_level_comes_back_from_the_form_as_itself() {
        for kind in EvidenceKind::ALL {
            for level in Level::ALL {
                let mut matrix = Matrix::new("m");
                let mut evidence = Evidence::new("E1", "one");
                evidence.kind = kind;
                evidence.credibility = level;
                evidence.relevance = level;
                matrix.push_evidence(evidence.clone());
                let form = evidence_form(&matrix, Some(0));
                assert_eq!(form.fields[KIND].value(), kind.word());
                let Ok(Edit::ReplaceEvidence { after, .. }) = form.submit(&matrix) else {
                    panic!("edit should replace evidence");
                };
                assert_eq!(
                    (after.kind, after.credibility, after.relevance),
                    (kind, level, level)
                );
            }
        }
    }

    #[test]
    fn editing_keeps_ratings() {
        let mut matrix = Matrix::new("m");
        matrix.push_hypothesis(crate::model::Hypothesis::new("H1", "h"));
        matrix.push_evidence(Evidence::new("E1", "one"));
        matrix.set_rating(0, 0, Some(crate::model::Rating::Inconsistent));
        let mut form = evidence_form(&matrix, Some(0));
        form.fields[CREDIBILITY].cycle(true);
        let Ok(Edit::ReplaceEvidence { after, .. }) = form.submit(&matrix) else {
            panic!("edit should replace evidence");
        };
        assert_eq!(after.rating(0), Some(crate::model::Rating::Inconsistent));
        assert_eq!(after.credibility, Level::High);
    }
}
