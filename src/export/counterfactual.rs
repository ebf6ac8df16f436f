//! Evidence whose removal alone would change who leads.
//!
//! Which items are critical is decided once, by
//! [`crate::scoring::sensitivity`] (the workbench shows the same answer);
//! this module only rescores the matrix without each of those few items so
//! the brief can say what the ranking would then be.

use super::Lead;
use crate::model::Matrix;
use crate::scoring::{Scores, ScoresWithout, Sensitivity, score, scores_without, sensitivity};

/// An evidence item without which the leader set would differ.
#[derive(Debug, Clone, PartialEq)]
pub struct LeadChange {
    /// The item's row in the matrix.
    pub evidence: usize,
    /// The hypotheses' scores and ranking without the item (hypotheses
    /// keep their positions).
    pub scores_without: ScoresWithout,
    /// The lead of those scores.
    pub lead_without: Lead,
    /// The hypotheses tied for first without the item (never the same as
    /// with it).
    pub leader_set_without: Vec<usize>,
}

/// Every evidence item whose removal alone changes the leader set of
/// `matrix` (the hypotheses tied for first), in row order. Empty when the
/// matrix has no hypotheses.
///
/// Every item can be critical (two hypotheses tied, each item against one
/// of them), so each is rescored by subtracting its share, O(H log H),
/// not by scoring the matrix again without it, which made the brief
/// quadratic in the evidence count (issue 10, case 9).
pub fn lead_changes(matrix: &Matrix) -> Vec<LeadChange> {
    let scores = score(matrix);
    let sensitivity = sensitivity(matrix, &scores);
    lead_changes_with(matrix, &scores, &sensitivity)
}

/// [`lead_changes`] from scores and a sensitivity already computed (an
/// export has both: computing the sensitivity again would double the
/// cost of a matrix whose every cell is fragile).
pub fn lead_changes_with(
    matrix: &Matrix,
    scores: &Scores,
    sensitivity: &Sensitivity,
) -> Vec<LeadChange> {
    let mut changes = Vec::new();
    let counted = scores.counted_items();
    for item in &sensitivity.critical {
        let scores_without = scores_without(matrix, scores, item.evidence);
        // The leader rule of `Scores::may_lead`, without the item: a
        // hypothesis rated against it alone weighs nothing without it.
        let counted_without = counted - usize::from(scores.counts(item.evidence));
        let may_lead: Vec<usize> = scores_without
            .ranking
            .iter()
            .copied()
            .filter(|&h| scores_without.hypotheses[h].unrated < counted_without)
            .collect();
        let ranking = if may_lead.is_empty() {
            &scores_without.ranking
        } else {
            &may_lead
        };
        let Some(lead_without) = Lead::of_ranking(&scores_without.hypotheses, ranking) else {
            continue;
        };
        changes.push(LeadChange {
            evidence: item.evidence,
            scores_without,
            lead_without,
            leader_set_without: item.leader_without.clone(),
        });
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, Hypothesis, Level, Rating};
    use crate::scoring::approx_eq;
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
        let rescored = score(&reduced);
        assert_eq!(change.scores_without.ranking, rescored.ranking);
        for (without, fresh) in change
            .scores_without
            .hypotheses
            .iter()
            .zip(&rescored.hypotheses)
        {
            assert_eq!(
                (without.inconsistency, without.unrated, without.rank),
                (fresh.inconsistency, fresh.unrated, fresh.rank)
            );
            assert!(approx_eq(
                without.weighted_inconsistency,
                fresh.weighted_inconsistency
            ));
            assert!(approx_eq(
                without.weighted_consistency,
                fresh.weighted_consistency
            ));
        }
    }

    #[test]
    fn no_hypotheses_or_no_evidence_change_nothing() {
        assert!(lead_changes(&Matrix::new("t")).is_empty());
        let mut matrix = Matrix::new("t");
        matrix.push_hypothesis(Hypothesis::new("H1", "one"));
        assert!(lead_changes(&matrix).is_empty());
    }
}
