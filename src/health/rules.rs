//! The health rules, one function each. Each walks only the items and
//! hypotheses that count (not set aside), as the scores do.

use super::{FEW_ITEMS, Rule, Subject, Warning};
use crate::model::{EvidenceKind, Matrix, Rating};
use crate::scoring::sensitivity::{hypothesis_ids, leader_clause};
use crate::scoring::{Scenario, Scores, Sensitivity, leader_set};
use crate::text::counted;

/// Whether a rating moves a hypothesis' scores (CC, C, I or II).
fn bears_on(rating: Rating) -> bool {
    rating.inconsistency_points() > 0 || rating.consistency_points() > 0
}

/// The columns that are ranked (not set aside).
fn ranked(matrix: &Matrix, scores: &Scores) -> Vec<usize> {
    (0..matrix.hypotheses().len())
        .filter(|&column| scores.ranks(column))
        .collect()
}

/// The rows that count (not set aside).
fn counted_rows<'a>(matrix: &'a Matrix, scores: &'a Scores) -> impl Iterator<Item = usize> + 'a {
    (0..matrix.evidence().len()).filter(move |&row| scores.counts(row))
}

fn push(warnings: &mut Vec<Warning>, rule: Rule, subject: Subject, message: String) {
    warnings.push(Warning {
        rule,
        subject,
        message,
    });
}

/// Heuer: evidence consistent with every hypothesis has no diagnostic
/// value, however vivid. Only rows rated against every ranked hypothesis
/// (unrated cells are the next rule's business), and only with two or more
/// hypotheses to tell apart.
pub(super) fn same_rating(matrix: &Matrix, scores: &Scores, warnings: &mut Vec<Warning>) {
    let columns = ranked(matrix, scores);
    if columns.len() < 2 {
        return;
    }
    for row in counted_rows(matrix, scores) {
        let evidence = &matrix.evidence()[row];
        let first = evidence.rating(columns[0]);
        let Some(rating) = first else { continue };
        if columns.iter().all(|&c| evidence.rating(c) == first) {
            push(
                warnings,
                Rule::SameRating,
                Subject::Evidence(row),
                format!(
                    "{} is rated {} against every hypothesis, so it cannot tell them apart: \
                     challenge the item, or add a hypothesis it would rate differently",
                    evidence.id,
                    rating.code()
                ),
            );
        }
    }
}

pub(super) fn unrated(matrix: &Matrix, scores: &Scores, warnings: &mut Vec<Warning>) {
    let columns = ranked(matrix, scores);
    for row in counted_rows(matrix, scores) {
        let evidence = &matrix.evidence()[row];
        let missing: Vec<usize> = columns
            .iter()
            .copied()
            .filter(|&c| evidence.rating(c).is_none())
            .collect();
        if !missing.is_empty() {
            push(
                warnings,
                Rule::Unrated,
                Subject::Evidence(row),
                format!(
                    "{} is unrated against {} (N or NA if it says nothing about them)",
                    evidence.id,
                    hypothesis_ids(matrix, &missing)
                ),
            );
        }
    }
}

pub(super) fn few_items(matrix: &Matrix, scores: &Scores, warnings: &mut Vec<Warning>) {
    for column in ranked(matrix, scores) {
        let bearing: Vec<&str> = counted_rows(matrix, scores)
            .filter(|&row| matrix.evidence()[row].rating(column).is_some_and(bears_on))
            .map(|row| matrix.evidence()[row].id.as_str())
            .collect();
        if bearing.len() < FEW_ITEMS {
            let which = if bearing.is_empty() {
                String::new()
            } else {
                format!(" ({})", bearing.join(", "))
            };
            push(
                warnings,
                Rule::FewItems,
                Subject::Hypothesis(column),
                format!(
                    "{}: only {}{which} bear on it (rated CC, C, I or II), fewer than \
                     {FEW_ITEMS}: look for evidence that would test it",
                    matrix.hypotheses()[column].id,
                    counted(bearing.len(), "item", "items")
                ),
            );
        }
    }
}

/// The critical items of the sensitivity analysis: each alone decides the
/// leader set.
pub(super) fn lead_on_one_item(
    matrix: &Matrix,
    sensitivity: &Sensitivity,
    warnings: &mut Vec<Warning>,
) {
    for item in &sensitivity.critical {
        push(
            warnings,
            Rule::LeadOnOneItem,
            Subject::Evidence(item.evidence),
            format!(
                "the lead rests on {} alone: {} now, and without it {}; check it before \
                 relying on the ranking",
                matrix.evidence()[item.evidence].id,
                leader_clause(matrix, &sensitivity.leader),
                leader_clause(matrix, &item.leader_without)
            ),
        );
    }
}

/// A document whose items, taken out together, change the leader set.
/// Documents cited by a single counted item are left to the item rule,
/// which then says the same thing.
pub(super) fn lead_on_one_document(
    matrix: &Matrix,
    scores: &Scores,
    sensitivity: &Sensitivity,
    warnings: &mut Vec<Warning>,
) {
    if sensitivity.leader.is_empty() {
        return;
    }
    for scenario in crate::scoring::scenarios(matrix) {
        let Scenario::WithoutDocument(document) = &scenario else {
            continue;
        };
        let rows: Vec<usize> = counted_rows(matrix, scores)
            .filter(|&row| scenario.leaves_out(&matrix.evidence()[row]))
            .collect();
        if rows.len() < 2 {
            continue;
        }
        let without = leader_set(&scenario.score(matrix));
        if without != sensitivity.leader {
            let ids: Vec<&str> = rows
                .iter()
                .map(|&row| matrix.evidence()[row].id.as_str())
                .collect();
            push(
                warnings,
                Rule::LeadOnOneDocument,
                Subject::Evidence(rows[0]),
                format!(
                    "the lead rests on one source document, {document} ({}): {} now, and \
                     without its items {}; look for a second, independent source",
                    ids.join(", "),
                    leader_clause(matrix, &sensitivity.leader),
                    leader_clause(matrix, &without)
                ),
            );
        }
    }
}

/// Something expected but not seen is weak support at best: Heuer lists
/// absences so that they are weighed, and they more often count against a
/// hypothesis (the dog that did not bark) than for it.
pub(super) fn absence_as_support(matrix: &Matrix, scores: &Scores, warnings: &mut Vec<Warning>) {
    let columns = ranked(matrix, scores);
    for row in counted_rows(matrix, scores) {
        let evidence = &matrix.evidence()[row];
        if evidence.kind != EvidenceKind::Absence {
            continue;
        }
        let supported: Vec<usize> = columns
            .iter()
            .copied()
            .filter(|&c| {
                evidence
                    .rating(c)
                    .is_some_and(|r| r.consistency_points() > 0)
            })
            .collect();
        if !supported.is_empty() {
            push(
                warnings,
                Rule::AbsenceAsSupport,
                Subject::Evidence(row),
                format!(
                    "{} is an absence of evidence rated as support for {}: that something \
                     was not seen rarely supports a hypothesis; N, or I for the \
                     hypotheses that predicted it, may be fairer",
                    evidence.id,
                    hypothesis_ids(matrix, &supported)
                ),
            );
        }
    }
}

pub(super) fn one_kind(matrix: &Matrix, scores: &Scores, warnings: &mut Vec<Warning>) {
    let rows: Vec<usize> = counted_rows(matrix, scores).collect();
    let Some(&first) = rows.first() else {
        return;
    };
    let kind = matrix.evidence()[first].kind;
    if rows.len() >= 2 && rows.iter().all(|&row| matrix.evidence()[row].kind == kind) {
        push(
            warnings,
            Rule::OneKind,
            Subject::Matrix,
            format!(
                "all {} items are of one kind, {kind}: list the facts, reports, \
                 assumptions and absences of evidence the analysis rests on",
                rows.len()
            ),
        );
    }
}

pub(super) fn no_assumptions(matrix: &Matrix, scores: &Scores, warnings: &mut Vec<Warning>) {
    let mut rows = counted_rows(matrix, scores).peekable();
    if rows.peek().is_none() {
        return;
    }
    if !rows.any(|row| matrix.evidence()[row].kind == EvidenceKind::Assumption) {
        push(
            warnings,
            Rule::NoAssumptions,
            Subject::Matrix,
            "no item is recorded as an assumption: write down what the analysis takes \
             for granted (kind = \"assumption\") so it is rated like the evidence"
                .to_owned(),
        );
    }
}
