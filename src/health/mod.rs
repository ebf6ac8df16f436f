//! Matrix health: what a reviewer of an ACH matrix looks for before
//! trusting its ranking. Rows that rate the same against every hypothesis,
//! unrated cells, hypotheses little evidence bears on, a lead resting on a
//! single item or source document, absences of evidence rated as support,
//! evidence all of one kind, no assumptions written down.
//!
//! Every finding is a [`Warning`], never an error: the matrix is valid, the
//! analyst decides. Pure functions of the matrix and its scores, shared by
//! `ach check`, the workbench's health popup and the brief's gaps, so the
//! three say the same thing. Set-aside items and hypotheses count in no
//! score, so they are left out here too.

mod rules;
#[cfg(test)]
mod tests;

use crate::model::Matrix;
use crate::scoring::{Scores, Sensitivity};

/// A hypothesis that fewer items than this bear on (rated CC, C, I or II
/// against it) has little evidence: Heuer's matrix needs several items per
/// hypothesis before its inconsistency count means anything.
pub const FEW_ITEMS: usize = 3;

/// Which check a warning comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// An item rated the same against every hypothesis: no diagnostic value.
    SameRating,
    /// Cells of an item left unrated.
    Unrated,
    /// A hypothesis with fewer than [`FEW_ITEMS`] items bearing on it.
    FewItems,
    /// The leader set changes without this one item (a critical item).
    LeadOnOneItem,
    /// The leader set changes without the items of this one document.
    LeadOnOneDocument,
    /// An absence of evidence rated C or CC.
    AbsenceAsSupport,
    /// Every item is of one kind (all reports, say).
    OneKind,
    /// No item is recorded as an assumption.
    NoAssumptions,
}

impl Rule {
    /// Every rule, in the order warnings are listed.
    pub const ALL: [Rule; 8] = [
        Rule::SameRating,
        Rule::Unrated,
        Rule::FewItems,
        Rule::LeadOnOneItem,
        Rule::LeadOnOneDocument,
        Rule::AbsenceAsSupport,
        Rule::OneKind,
        Rule::NoAssumptions,
    ];

    /// The rule's short name, printed after each warning of `ach check`
    /// (`[health: same-rating]`) so scripts can pick them out.
    pub fn code(self) -> &'static str {
        match self {
            Rule::SameRating => "same-rating",
            Rule::Unrated => "unrated",
            Rule::FewItems => "few-items",
            Rule::LeadOnOneItem => "lead-on-one-item",
            Rule::LeadOnOneDocument => "lead-on-one-document",
            Rule::AbsenceAsSupport => "absence-as-support",
            Rule::OneKind => "one-kind",
            Rule::NoAssumptions => "no-assumptions",
        }
    }
}

/// What a warning is about, so each front end can say where it is: `ach
/// check` turns it into the line of the file, the workbench into a row or
/// column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// The matrix as a whole (located at its first evidence item, or its
    /// top, by `ach check`).
    Matrix,
    /// The hypothesis at this column.
    Hypothesis(usize),
    /// The evidence item at this row.
    Evidence(usize),
}

/// One finding: the rule, where it applies and a sentence that names the
/// ids involved and says what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub rule: Rule,
    pub subject: Subject,
    pub message: String,
}

/// Every health warning of `matrix`, whose scores and sensitivity are
/// given (as [`crate::scoring::score`] and [`crate::scoring::sensitivity`]
/// compute them), in rule order and then row or column order.
pub fn health(matrix: &Matrix, scores: &Scores, sensitivity: &Sensitivity) -> Vec<Warning> {
    let mut warnings = Vec::new();
    rules::same_rating(matrix, scores, &mut warnings);
    rules::unrated(matrix, scores, &mut warnings);
    rules::few_items(matrix, scores, &mut warnings);
    rules::lead_on_one_item(matrix, sensitivity, &mut warnings);
    rules::lead_on_one_document(matrix, scores, sensitivity, &mut warnings);
    rules::absence_as_support(matrix, scores, &mut warnings);
    rules::one_kind(matrix, scores, &mut warnings);
    rules::no_assumptions(matrix, scores, &mut warnings);
    warnings
}

/// [`health`] computing the scores and sensitivity itself.
pub fn health_of(matrix: &Matrix) -> Vec<Warning> {
    let scores = crate::scoring::score(matrix);
    let sensitivity = crate::scoring::sensitivity(matrix, &scores);
    health(matrix, &scores, &sensitivity)
}
