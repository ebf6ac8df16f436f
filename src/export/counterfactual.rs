//! Evidence whose removal alone would change who leads.
//!
//! Which items are critical is decided once, by
//! [`crate::scoring::sensitivity`] (the workbench shows the same answer);
//! this module only rescores the matrix without each of those few items so
//! the brief can say what the ranking would then be.

use super::Lead;
use crate::model::Matrix;
use crate::scoring::{Scores, score, sensitivity};

/// An evidence item without which the leader set would differ.
#[derive(Debug, Clone, PartialEq)]
pub struct LeadChange {
    /// The item's row in the matrix.
    pub evidence: usize,
    /// The scores of the matrix without the item. Hypotheses keep their
    /// positions; `diagnosticity` has one entry fewer.
    pub scores_without: Scores,
    /// The lead of those scores.
    pub lead_without: Lead,
    /// The hypotheses tied for first without the item (never the same as
    /// with it).
    pub leader_set_without: Vec<usize>,
}

/// Every evidence item whose removal alone changes the leader set of
/// `matrix` (the hypotheses tied for first), in row order. Empty when the
/// matrix has no hypotheses.
pub fn lead_changes(matrix: &Matrix) -> Vec<LeadChange> {
    let scores = score(matrix);
    let mut without = matrix.clone();
    let mut changes = Vec::new();
    for item in sensitivity(matrix, &scores).critical {
        let removed = without.remove_evidence(item.evidence);
        let scores_without = score(&without);
        without.insert_evidence(item.evidence, removed);
        let Some(lead_without) = Lead::of(&scores_without) else {
            continue;
        };
        changes.push(LeadChange {
            evidence: item.evidence,
            scores_without,
            lead_without,
            leader_set_without: item.leader_without,
        });
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, Hypothesis, Level, Rating};
    use Rating::*;

    /// H1 leads only because of E2 (weight 2) counting against H2; E1 and E3
    /// count equally against both, so removing them changes nothing.
    fn one_critical_item() -> Matrix {
        let mut matrix = Matrix::new("t");
        matrix.push_hypothesis(Hypothesis::new("H1", "one"));
        matrix.push_hypothesis(Hypothesis::new("H2", "two"));
        let rows = [
            (Level::Medium, [Some(Inconsistent), Some(Consistent)]),
            (Level::High, [Some(Neutral), Some(VeryInconsistent)]),
            (Level::Medium, [Some(Inconsistent), Some(Inconsistent)]),
        ];
        for (n, (credibility, ratings)) in rows.into_iter().enumerate() {
            let mut evidence = Evidence::new(format!("E{}", n + 1), "e");
            evidence.credibility = credibility;
            evidence.relevance = credibility;
            let row = matrix.push_evidence(evidence);
            for (column, rating) in ratings.into_iter().enumerate() {
                matrix.set_rating(row, column, rating);
            }
        }
        matrix
    }

    #[test]
    fn finds_the_single_item_that_decides_the_lead() {
        let matrix = one_critical_item();
        assert_eq!(score(&matrix).leader(), Some(0));
        let changes = lead_changes(&matrix);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].evidence, 1);
        assert_eq!(changes[0].lead_without.leader, 1);
    }

    #[test]
    fn the_matrix_is_scored_as_if_the_item_never_existed() {
        let matrix = one_critical_item();
        let change = &lead_changes(&matrix)[0];
        let mut reduced = matrix.clone();
        reduced.remove_evidence(change.evidence);
        assert_eq!(change.scores_without, score(&reduced));
    }

    #[test]
    fn no_hypotheses_or_no_evidence_change_nothing() {
        assert!(lead_changes(&Matrix::new("t")).is_empty());
        let mut matrix = Matrix::new("t");
        matrix.push_hypothesis(Hypothesis::new("H1", "one"));
        assert!(lead_changes(&matrix).is_empty());
    }
}
