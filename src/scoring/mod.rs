//! Scores computed from a matrix: Heuer's inconsistency, weighted
//! inconsistency and consistency, the ranking of hypotheses and the
//! diagnosticity of each evidence item. Pure functions; nothing here is
//! stored in the matrix file.

mod cache;
mod cell;
mod diagnosticity;
mod rank;

pub use cache::ScoreCache;
pub use diagnosticity::diagnosticity;
pub use rank::{approx_eq, rank_order};

use crate::model::{Matrix, Rating};
use cell::CellTable;

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
    let cells = CellTable::new();
    for evidence in matrix.evidence() {
        let weight = evidence.weight();
        let ratings = evidence.ratings();
        // Branch-free (see `cell`); an unrated or zero-point cell adds an
        // exact 0.0, so the sums are the same as skipping it.
        let (mut counted, mut sum) = (0u32, 0i32);
        for (score, &cell) in hypotheses.iter_mut().zip(ratings) {
            let points = cells.get(cell);
            counted += points.counted;
            sum += points.scale_value;
            score.inconsistency += points.inconsistency;
            score.weighted_inconsistency += weight * points.inconsistency_factor;
            score.weighted_consistency += weight * points.consistency_factor;
            score.unrated += points.unrated;
        }
        // Trailing unrated cells are not stored in the row.
        for score in hypotheses.iter_mut().skip(ratings.len()) {
            score.unrated += 1;
        }
        diagnosticities.push(diagnosticity::spread(&cells, ratings, counted, sum));
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

/// The diagnosticity of one row exactly as [`score`] computes it: the
/// counted ratings are those of the matrix's `columns` hypotheses. The
/// [`ScoreCache`] calls this for the one row an edit touches, so its bits
/// match a fresh score's.
pub(crate) fn row_diagnosticity(ratings: &[Option<Rating>], columns: usize) -> f64 {
    let cells = CellTable::new();
    let (mut counted, mut sum) = (0u32, 0i32);
    for &cell in ratings.iter().take(columns) {
        let points = cells.get(cell);
        counted += points.counted;
        sum += points.scale_value;
    }
    diagnosticity::spread(&cells, ratings, counted, sum)
}

/// Evidence positions from most to least diagnostic; equally diagnostic
/// items keep their file order.
pub fn by_diagnosticity(scores: &Scores) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.diagnosticity.len()).collect();
    order.sort_by(|&a, &b| scores.diagnosticity[b].total_cmp(&scores.diagnosticity[a]));
    order
}

#[cfg(test)]
mod tests;
