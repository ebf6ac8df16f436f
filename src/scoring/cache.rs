//! Scores kept up to date edit by edit, so an interactive view never
//! rescans the matrix.
//!
//! [`score`](super::score) walks every cell; at 100 × 20,000 that is two
//! million cells, far too many to walk on every frame or keystroke. A
//! [`ScoreCache`] holds the per-hypothesis totals and the per-item
//! diagnosticity and is told about each [`Edit`] as it is applied: a
//! rating change touches one row (its diagnosticity) and one column (that
//! hypothesis's totals); adding, removing or changing an item touches one
//! row. Only edits that reshape every row (a hypothesis inserted, removed
//! or moved, the whole matrix replaced) rescore from scratch.
//!
//! # Invariant
//! After any sequence of edits, [`ScoreCache::scores`] equals `score` of
//! the edited matrix: the same integer totals, the same ranking, the same
//! diagnosticity bits, and weighted totals within the ranking's
//! [`TOLERANCE`](super::rank::TOLERANCE) (checked by a property test).
//!
//! # Why the weighted totals are integers inside
//! A weight is credibility × relevance, each 1/√2, 1 or √2, so every
//! weight is √2 raised to −2..=2: ½, 1/√2, 1, √2 or 2. Each weighted total
//! is therefore exactly `(a + b√2) / 2` for integers `a` and `b`. Adding
//! and later subtracting floats would drift with every edit; adding and
//! subtracting these integers never does, so a long session's totals stay
//! exactly what a fresh count gives.

use std::cell::OnceCell;

use super::{HypothesisScore, Scores, by_diagnosticity, rank_order, row_diagnosticity, score};
use crate::edit::Edit;
use crate::model::{Evidence, Level, Matrix, Rating};

/// A weighted total held exactly: `(halves + root_halves × √2) / 2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Exact {
    halves: i64,
    root_halves: i64,
}

impl Exact {
    fn value(self) -> f64 {
        (self.halves as f64 + self.root_halves as f64 * std::f64::consts::SQRT_2) / 2.0
    }
}

/// The exponent of a level's factor as a power of √2 (see the module doc).
fn root_two_power(level: Level) -> i64 {
    match level {
        Level::Low => -1,
        Level::Medium => 0,
        Level::High => 1,
    }
}

/// `points` × the item's weight, exactly.
fn weighted(evidence: &Evidence, points: u32) -> Exact {
    let points = i64::from(points);
    let power = root_two_power(evidence.credibility) + root_two_power(evidence.relevance);
    // √2^power × points, in halves: ½·p = 1 half, 1/√2·p = 1 root-half, …
    match power {
        -2 => Exact {
            halves: points,
            root_halves: 0,
        },
        -1 => Exact {
            halves: 0,
            root_halves: points,
        },
        0 => Exact {
            halves: 2 * points,
            root_halves: 0,
        },
        1 => Exact {
            halves: 0,
            root_halves: 2 * points,
        },
        _ => Exact {
            halves: 4 * points,
            root_halves: 0,
        },
    }
}

/// One hypothesis's running totals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Totals {
    inconsistency: i64,
    weighted_inconsistency: Exact,
    weighted_consistency: Exact,
    unrated: i64,
}

impl Totals {
    /// Adds (`sign` 1) or takes away (`sign` −1) one cell of `evidence`.
    fn count(&mut self, evidence: &Evidence, cell: Option<Rating>, sign: i64) {
        match cell {
            None => self.unrated += sign,
            Some(rating) => {
                let inconsistency = rating.inconsistency_points();
                self.inconsistency += sign * i64::from(inconsistency);
                let wi = weighted(evidence, inconsistency);
                let wc = weighted(evidence, rating.consistency_points());
                self.weighted_inconsistency.halves += sign * wi.halves;
                self.weighted_inconsistency.root_halves += sign * wi.root_halves;
                self.weighted_consistency.halves += sign * wc.halves;
                self.weighted_consistency.root_halves += sign * wc.root_halves;
            }
        }
    }
}

/// Scores of one matrix, kept current by [`ScoreCache::apply`].
///
/// ```
/// use ach_workbench::edit::Edit;
/// use ach_workbench::model::{Evidence, Hypothesis, Matrix, Rating};
/// use ach_workbench::scoring::{ScoreCache, score};
///
/// let mut matrix = Matrix::new("t");
/// matrix.push_hypothesis(Hypothesis::new("H1", "one"));
/// matrix.push_evidence(Evidence::new("E1", "item"));
/// let mut cache = ScoreCache::new(&matrix);
/// let edit = Edit::Rate { evidence: 0, hypothesis: 0, before: None,
///                         after: Some(Rating::Inconsistent) };
/// edit.apply(&mut matrix);
/// cache.apply(&matrix, &edit);
/// assert_eq!(cache.scores().hypotheses[0].inconsistency, 1);
/// assert_eq!(cache.scores().ranking, score(&matrix).ranking);
/// ```
#[derive(Debug, Clone)]
pub struct ScoreCache {
    totals: Vec<Totals>,
    scores: Scores,
    /// Evidence positions most diagnostic first, worked out when first
    /// asked for after an edit (sorting 20,000 rows on every edit would be
    /// wasted while the view is in file order).
    diagnostic_order: OnceCell<Vec<usize>>,
}

impl ScoreCache {
    /// Scores `matrix` from scratch.
    pub fn new(matrix: &Matrix) -> Self {
        let scores = score(matrix);
        let mut totals = vec![Totals::default(); matrix.hypotheses().len()];
        for evidence in matrix.evidence() {
            add_row(&mut totals, evidence, 1);
        }
        let mut cache = ScoreCache {
            totals,
            scores,
            diagnostic_order: OnceCell::new(),
        };
        cache.publish();
        cache
    }

    /// The current scores (the same as `score(matrix)`, see the module doc).
    pub fn scores(&self) -> &Scores {
        &self.scores
    }

    /// Per-hypothesis totals, in column order (a shortcut for
    /// `scores().hypotheses`).
    pub fn hypotheses(&self) -> &[HypothesisScore] {
        &self.scores.hypotheses
    }

    /// Evidence positions from most to least diagnostic, as
    /// [`by_diagnosticity`] orders them; sorted once per edit, on demand.
    pub fn by_diagnosticity(&self) -> &[usize] {
        self.diagnostic_order
            .get_or_init(|| by_diagnosticity(&self.scores))
    }

    /// Brings the scores up to date after `edit` was applied to `matrix`
    /// (`matrix` is the matrix *after* the edit). For an undo, pass the
    /// edit that was actually applied: the inverse of the one undone.
    pub fn apply(&mut self, matrix: &Matrix, edit: &Edit) {
        self.diagnostic_order = OnceCell::new();
        match edit {
            Edit::Rate {
                evidence,
                hypothesis,
                before,
                after,
            } => {
                let (Some(item), Some(column)) = (
                    matrix.evidence().get(*evidence),
                    self.totals.get_mut(*hypothesis),
                ) else {
                    return self.rebuild(matrix);
                };
                if !item.set_aside.is_set() {
                    column.count(item, *before, -1);
                    column.count(item, *after, 1);
                }
                self.scores.diagnosticity[*evidence] = item_diagnosticity(matrix, item);
            }
            Edit::InsertEvidence { index, evidence } => {
                let Some(item) = matrix.evidence().get(*index) else {
                    return self.rebuild(matrix);
                };
                // Counted from the matrix: it pads or trims the row to the
                // hypotheses there are.
                debug_assert_eq!(item.id, evidence.id);
                add_row(&mut self.totals, item, 1);
                self.scores
                    .diagnosticity
                    .insert(*index, item_diagnosticity(matrix, item));
                self.scores.counted.insert(*index, !item.set_aside.is_set());
            }
            Edit::RemoveEvidence { index, evidence } => {
                if *index >= self.scores.diagnosticity.len() {
                    return self.rebuild(matrix);
                }
                add_row(&mut self.totals, evidence, -1);
                self.scores.diagnosticity.remove(*index);
                self.scores.counted.remove(*index);
            }
            Edit::ReplaceEvidence {
                index,
                before,
                after: _,
            } => {
                let Some(item) = matrix.evidence().get(*index) else {
                    return self.rebuild(matrix);
                };
                add_row(&mut self.totals, before, -1);
                add_row(&mut self.totals, item, 1);
                self.scores.diagnosticity[*index] = item_diagnosticity(matrix, item);
                self.scores.counted[*index] = !item.set_aside.is_set();
            }
            Edit::ReplaceHeader { .. } | Edit::ReplaceJudgement { .. } => return,
            // Setting a hypothesis aside or back changes the ranking only.
            Edit::ReplaceHypothesis { index, .. } => {
                let Some(hypothesis) = matrix.hypotheses().get(*index) else {
                    return self.rebuild(matrix);
                };
                let ranked = !hypothesis.set_aside.is_set();
                if self.scores.ranked.get(*index) == Some(&ranked) {
                    return;
                }
                self.scores.ranked[*index] = ranked;
            }
            // A swap reorders every row, which changes the order the
            // diagnosticity sums run in and so their last bits.
            Edit::InsertHypothesis { .. }
            | Edit::RemoveHypothesis { .. }
            | Edit::SwapHypotheses { .. }
            | Edit::ReplaceMatrix { .. } => return self.rebuild(matrix),
        }
        self.publish();
    }

    /// Starts again from the matrix (edits that reshape every row).
    fn rebuild(&mut self, matrix: &Matrix) {
        *self = ScoreCache::new(matrix);
    }

    /// Turns the exact totals into the published scores and ranks them:
    /// O(hypotheses × log hypotheses).
    fn publish(&mut self) {
        let hypotheses: Vec<HypothesisScore> = self
            .totals
            .iter()
            .map(|totals| HypothesisScore {
                inconsistency: u32::try_from(totals.inconsistency).unwrap_or(u32::MAX),
                weighted_inconsistency: totals.weighted_inconsistency.value(),
                weighted_consistency: totals.weighted_consistency.value(),
                unrated: usize::try_from(totals.unrated).unwrap_or(0),
                rank: 0,
            })
            .collect();
        // Rank only what is ranked, as `score` does.
        let columns: Vec<usize> = (0..hypotheses.len())
            .filter(|&column| self.scores.ranks(column))
            .collect();
        let ranked: Vec<HypothesisScore> = columns.iter().map(|&c| hypotheses[c].clone()).collect();
        self.scores.ranking = rank_order(&ranked)
            .into_iter()
            .map(|place| columns[place])
            .collect();
        self.scores.hypotheses = hypotheses;
        for (place, &column) in self.scores.ranking.iter().enumerate() {
            self.scores.hypotheses[column].rank = place + 1;
        }
    }
}

/// An item's diagnosticity as `score` gives it: 0 while set aside.
fn item_diagnosticity(matrix: &Matrix, item: &Evidence) -> f64 {
    if item.set_aside.is_set() {
        0.0
    } else {
        row_diagnosticity(item.ratings(), matrix.hypotheses().len())
    }
}

/// Adds (`sign` 1) or takes away (`sign` −1) every cell of one row; cells
/// past the end of the stored row are unrated.
/// A set-aside item counts for nothing.
fn add_row(totals: &mut [Totals], evidence: &Evidence, sign: i64) {
    if evidence.set_aside.is_set() {
        return;
    }
    let ratings = evidence.ratings();
    for (column, totals) in totals.iter_mut().enumerate() {
        totals.count(evidence, ratings.get(column).copied().flatten(), sign);
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::edit::History;
    use crate::scoring::approx_eq;
    use crate::test_support::arbitrary_matrix;
    use crate::test_support::session::{replay, step};

    #[test]
    fn exact_weights_are_the_levels_factors() {
        for credibility in Level::ALL {
            for relevance in Level::ALL {
                let mut evidence = Evidence::new("E1", "e");
                evidence.credibility = credibility;
                evidence.relevance = relevance;
                for points in 0..=2 {
                    let exact = weighted(&evidence, points).value();
                    let float = evidence.weight() * f64::from(points);
                    assert!(approx_eq(exact, float), "{credibility:?} {relevance:?}");
                }
            }
        }
    }

    /// The cache and `score` must not drift apart on what one cell is worth.
    #[test]
    fn cells_count_as_the_table_says() {
        let table = crate::scoring::cell::CellTable::new();
        let evidence = Evidence::new("E1", "e");
        for cell in Rating::ALL.map(Some).into_iter().chain([None]) {
            let mut totals = Totals::default();
            totals.count(&evidence, cell, 1);
            let points = table.get(cell);
            assert_eq!(totals.inconsistency, i64::from(points.inconsistency));
            assert_eq!(totals.unrated, points.unrated as i64);
        }
    }

    fn assert_same(cached: &Scores, fresh: &Scores) -> Result<(), TestCaseError> {
        prop_assert_eq!(&cached.ranking, &fresh.ranking);
        prop_assert_eq!(&cached.counted, &fresh.counted);
        prop_assert_eq!(&cached.ranked, &fresh.ranked);
        prop_assert_eq!(&cached.diagnosticity, &fresh.diagnosticity);
        prop_assert_eq!(cached.hypotheses.len(), fresh.hypotheses.len());
        for (c, f) in cached.hypotheses.iter().zip(&fresh.hypotheses) {
            prop_assert_eq!(
                (c.inconsistency, c.unrated, c.rank),
                (f.inconsistency, f.unrated, f.rank)
            );
            prop_assert!(approx_eq(
                c.weighted_inconsistency,
                f.weighted_inconsistency
            ));
            prop_assert!(approx_eq(c.weighted_consistency, f.weighted_consistency));
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn incremental_scores_equal_scores_from_scratch(
            start in arbitrary_matrix(),
            steps in proptest::collection::vec(step(), 0..40),
        ) {
            let mut matrix = start;
            let mut history = History::new();
            let mut cache = ScoreCache::new(&matrix);
            for (serial, step) in steps.iter().enumerate() {
                if let Some(applied) = replay(&mut matrix, &mut history, step, serial) {
                    cache.apply(&matrix, &applied);
                }
                let fresh = score(&matrix);
                assert_same(cache.scores(), &fresh)?;
                let order = by_diagnosticity(&fresh);
                prop_assert_eq!(cache.by_diagnosticity(), &order[..]);
            }
        }
    }
}
