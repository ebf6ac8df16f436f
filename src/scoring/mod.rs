//! Scores computed from a matrix: Heuer's inconsistency, weighted
//! inconsistency and consistency, the ranking of hypotheses and the
//! diagnosticity of each evidence item. Pure functions; nothing here is
//! stored in the matrix file.

mod diagnosticity;
mod rank;

pub use diagnosticity::diagnosticity;
pub use rank::{approx_eq, rank_order};

use crate::model::Matrix;

/// The scores of one hypothesis.
#[derive(Debug, Clone, PartialEq)]
pub struct HypothesisScore {
    /// Σ inconsistency points: I = 1, II = 2.
    pub inconsistency: u32,
    /// Σ weight × inconsistency points.
    pub weighted_inconsistency: f64,
    /// Σ weight × consistency points (C = 1, CC = 2); breaks ties.
    pub weighted_consistency: f64,
    /// Evidence items with no rating for this hypothesis.
    pub unrated: usize,
    /// 1 for the least inconsistent hypothesis.
    pub rank: usize,
}

/// Every score of a matrix, computed in one pass.
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    /// One per hypothesis, in column order.
    pub hypotheses: Vec<HypothesisScore>,
    /// Hypothesis positions in rank order: `ranking[0]` is the leader.
    pub ranking: Vec<usize>,
    /// One per evidence item, in row order.
    pub diagnosticity: Vec<f64>,
}

impl Scores {
    /// The position of the leading (least inconsistent) hypothesis, if any.
    pub fn leader(&self) -> Option<usize> {
        self.ranking.first().copied()
    }
}

/// Scores every hypothesis and evidence item of `matrix`.
pub fn score(matrix: &Matrix) -> Scores {
    let columns = matrix.hypotheses().len();
    let mut hypotheses = vec![
        HypothesisScore {
            inconsistency: 0,
            weighted_inconsistency: 0.0,
            weighted_consistency: 0.0,
            unrated: 0,
            rank: 0,
        };
        columns
    ];
    let mut diagnosticities = Vec::with_capacity(matrix.evidence().len());
    for evidence in matrix.evidence() {
        let weight = evidence.weight();
        for (column, score) in hypotheses.iter_mut().enumerate() {
            match evidence.rating(column) {
                Some(rating) => {
                    let inconsistency = rating.inconsistency_points();
                    score.inconsistency += inconsistency;
                    score.weighted_inconsistency += weight * f64::from(inconsistency);
                    score.weighted_consistency += weight * f64::from(rating.consistency_points());
                }
                None => score.unrated += 1,
            }
        }
        diagnosticities.push(diagnosticity(evidence.ratings()));
    }
    let ranking = rank_order(&hypotheses);
    for (place, &column) in ranking.iter().enumerate() {
        hypotheses[column].rank = place + 1;
    }
    Scores {
        hypotheses,
        ranking,
        diagnosticity: diagnosticities,
    }
}

#[cfg(test)]
mod tests;
