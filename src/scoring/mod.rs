//! Scores computed from a matrix: Heuer's inconsistency, weighted
//! inconsistency and consistency, the ranking of hypotheses and the
//! diagnosticity of each evidence item. Pure functions; nothing here is
//! stored in the matrix file.

mod cache;
mod cell;
mod diagnosticity;
mod rank;
pub mod sensitivity;

pub use cache::ScoreCache;
pub use diagnosticity::diagnosticity;
pub use rank::{NOT_RANKED, approx_eq, rank_order, shown_ranks};
pub use sensitivity::{
    CriticalItem, FragileCell, Scenario, Sensitivity, fragile_in_row, leader_set, scenarios,
    sensitivity, sensitivity_without_fragile,
};

use crate::model::{Evidence, Matrix, Rating};
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
    /// One per evidence item: whether it counted. Set-aside items, and
    /// items a scenario leaves out, add nothing and score 0 diagnosticity.
    pub counted: Vec<bool>,
    /// One per hypothesis: whether it is ranked. A set-aside hypothesis is
    /// scored (so the analyst still sees its sums) but has rank 0 and is
    /// not in [`Scores::ranking`].
    pub ranked: Vec<bool>,
}

impl Scores {
    /// The position of the leading hypothesis: the first-ranked one that
    /// [may lead](Scores::may_lead), or the first-ranked one when none may
    /// (nothing is rated yet); `None` without hypotheses.
    pub fn leader(&self) -> Option<usize> {
        let may_lead = self.may_lead();
        self.ranking
            .iter()
            .copied()
            .find(|&column| may_lead[column])
            .or_else(|| self.ranking.first().copied())
    }

    /// Whether the evidence item at `row` counted in these scores.
    pub fn counts(&self, row: usize) -> bool {
        self.counted.get(row).copied().unwrap_or(false)
    }

    /// Whether the hypothesis at `column` is ranked (not set aside).
    pub fn ranks(&self, column: usize) -> bool {
        self.ranked.get(column).copied().unwrap_or(false)
    }

    /// How many evidence items count (not set aside, not left out).
    pub fn counted_items(&self) -> usize {
        self.counted.iter().filter(|&&counts| counts).count()
    }

    /// One per hypothesis: whether it may lead. The one rule for every
    /// leader the product names (grid ★, sensitivity, brief, team): a
    /// hypothesis must be ranked (not set aside) and rated against at least
    /// one counted item. A column whose every counted item is unrated has
    /// weighed nothing, so it would otherwise lead with nothing against it
    /// (a column just added, say).
    pub fn may_lead(&self) -> Vec<bool> {
        let counted = self.counted_items();
        self.hypotheses
            .iter()
            .enumerate()
            .map(|(column, score)| self.ranks(column) && score.unrated < counted)
            .collect()
    }
}

/// Scores every hypothesis and evidence item of `matrix`, leaving out the
/// items and hypotheses the analyst set aside.
pub fn score(matrix: &Matrix) -> Scores {
    score_where(matrix, |_| true)
}

/// Scores `matrix` counting only the evidence items `keep` accepts (and
/// never a set-aside one): the scenarios of [`sensitivity`] use it.
pub fn score_where(matrix: &Matrix, keep: impl Fn(&Evidence) -> bool) -> Scores {
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
    let mut counted_items = Vec::with_capacity(matrix.evidence().len());
    let cells = CellTable::new();
    for evidence in matrix.evidence() {
        let counts = !evidence.set_aside.is_set() && keep(evidence);
        counted_items.push(counts);
        if !counts {
            diagnosticities.push(0.0);
            continue;
        }
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
    let ranked: Vec<bool> = matrix
        .hypotheses()
        .iter()
        .map(|hypothesis| !hypothesis.set_aside.is_set())
        .collect();
    let ranking = rank_ranked(&mut hypotheses, &ranked);
    Scores {
        hypotheses,
        ranking,
        diagnosticity: diagnosticities,
        counted: counted_items,
        ranked,
    }
}

/// The ranking of the hypotheses that are `ranked`, written into their
/// `rank` (set-aside ones keep rank 0). Only what is ranked is ranked, so
/// a set-aside hypothesis cannot link two tiers of the others.
fn rank_ranked(hypotheses: &mut [HypothesisScore], ranked: &[bool]) -> Vec<usize> {
    let columns_ranked: Vec<usize> = (0..hypotheses.len())
        .filter(|&column| ranked[column])
        .collect();
    let ranked_scores: Vec<HypothesisScore> = columns_ranked
        .iter()
        .map(|&column| hypotheses[column].clone())
        .collect();
    let ranking: Vec<usize> = rank_order(&ranked_scores)
        .into_iter()
        .map(|place| columns_ranked[place])
        .collect();
    for score in hypotheses.iter_mut() {
        score.rank = 0;
    }
    for (place, &column) in ranking.iter().enumerate() {
        hypotheses[column].rank = place + 1;
    }
    ranking
}

/// The hypotheses' scores and ranking without one evidence item.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoresWithout {
    /// One per hypothesis, in column order, with its rank without the item.
    pub hypotheses: Vec<HypothesisScore>,
    /// Hypothesis positions in rank order without the item.
    pub ranking: Vec<usize>,
}

/// The scores of `matrix` (whose scores are `scores`) as if the evidence
/// item at `row` were not there: its share is subtracted from each
/// hypothesis and the hypotheses ranked again, O(H log H) instead of a
/// rescoring of every cell, so the brief can say what the ranking would
/// be without each of thousands of critical items. The weighted sums can
/// differ from a fresh [`score`] in their last bits, well inside
/// [`rank::TOLERANCE`]; this is the arithmetic [`sensitivity`] decides
/// criticality with.
pub fn scores_without(matrix: &Matrix, scores: &Scores, row: usize) -> ScoresWithout {
    let mut hypotheses = scores.hypotheses.clone();
    let evidence = &matrix.evidence()[row];
    if scores.counts(row) {
        let cells = CellTable::new();
        let weight = evidence.weight();
        for (column, score) in hypotheses.iter_mut().enumerate() {
            let points = cells.get(evidence.rating(column));
            score.inconsistency -= points.inconsistency;
            score.weighted_inconsistency -= weight * points.inconsistency_factor;
            score.weighted_consistency -= weight * points.consistency_factor;
            score.unrated -= points.unrated;
        }
    }
    let ranking = rank_ranked(&mut hypotheses, &scores.ranked);
    ScoresWithout {
        hypotheses,
        ranking,
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
