//! The probability reading kept current edit by edit, so the workbench
//! shows it live without rescanning the cells on a frame or a cursor move.
//!
//! The posterior needs, per hypothesis, Σ weight(e) × ln λ(e, h). A weight
//! is one of nine credibility × relevance pairs and a cell one of seven
//! values (six ratings or unrated), so that sum is fixed by how many cells
//! of each (value, pair) a hypothesis has. [`Tally`] keeps those counts as
//! integers: an edit adds and takes away whole cells, so a long session
//! never drifts from a fresh count, and turning the counts into posteriors
//! costs O(hypotheses × 63) whatever the number of items. [`super::read`]
//! goes through the same counts, so the cache and a fresh reading agree to
//! the last bit.

use super::{ProbabilityReading, counts, reading_from_tally};
use crate::edit::Edit;
use crate::model::{Evidence, Level, Matrix, Rating};

/// Cell values: unrated, then [`Rating::ALL`] in order.
const CELL_VALUES: usize = 1 + Rating::ALL.len();
/// Weight classes: every credibility × relevance pair.
const WEIGHT_CLASSES: usize = Level::ALL.len() * Level::ALL.len();

/// The cell value's slot in a [`Tally`] column.
fn value_slot(cell: Option<Rating>) -> usize {
    cell.map_or(0, |rating| {
        1 + Rating::ALL
            .iter()
            .position(|&r| r == rating)
            .unwrap_or_default()
    })
}

fn level_slot(level: Level) -> usize {
    Level::ALL
        .iter()
        .position(|&l| l == level)
        .unwrap_or_default()
}

fn weight_slot(evidence: &Evidence) -> usize {
    level_slot(evidence.credibility) * Level::ALL.len() + level_slot(evidence.relevance)
}

/// The cell value of a slot (the inverse of [`value_slot`]).
pub(super) fn slot_value(slot: usize) -> Option<Rating> {
    slot.checked_sub(1).map(|i| Rating::ALL[i])
}

/// The weight of a weight class, computed exactly as
/// [`Evidence::weight`] computes it.
pub(super) fn slot_weight(slot: usize) -> f64 {
    let credibility = Level::ALL[slot / Level::ALL.len()];
    let relevance = Level::ALL[slot % Level::ALL.len()];
    credibility.factor() * relevance.factor()
}

/// How many counted cells of each value and weight class each hypothesis
/// has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Tally {
    columns: Vec<[[i64; WEIGHT_CLASSES]; CELL_VALUES]>,
}

impl Tally {
    pub(super) fn new(matrix: &Matrix) -> Self {
        let mut tally = Tally {
            columns: vec![[[0; WEIGHT_CLASSES]; CELL_VALUES]; matrix.hypotheses().len()],
        };
        for evidence in matrix.evidence() {
            tally.add_row(evidence, 1);
        }
        tally
    }

    /// Adds (`sign` 1) or takes away (`sign` −1) every cell of one item;
    /// cells past the end of its stored row are unrated. An item set aside
    /// counts for nothing.
    fn add_row(&mut self, evidence: &Evidence, sign: i64) {
        if !counts(evidence) {
            return;
        }
        let weight = weight_slot(evidence);
        for (column, counts) in self.columns.iter_mut().enumerate() {
            counts[value_slot(evidence.rating(column))][weight] += sign;
        }
    }

    /// The counts of one hypothesis: `[value slot][weight slot]`.
    pub(super) fn column(&self, column: usize) -> &[[i64; WEIGHT_CLASSES]; CELL_VALUES] {
        &self.columns[column]
    }

    pub(super) fn len(&self) -> usize {
        self.columns.len()
    }
}

/// The probability reading of one matrix, kept current by
/// [`ProbabilityCache::apply`].
///
/// ```
/// use ach_workbench::edit::Edit;
/// use ach_workbench::model::{Evidence, Hypothesis, Matrix, Rating};
/// use ach_workbench::probability::{ProbabilityCache, read};
///
/// let mut matrix = Matrix::new("t");
/// matrix.push_hypothesis(Hypothesis::new("H1", "one"));
/// matrix.push_hypothesis(Hypothesis::new("H2", "two"));
/// matrix.push_evidence(Evidence::new("E1", "item"));
/// let mut cache = ProbabilityCache::new(&matrix);
/// let edit = Edit::Rate { evidence: 0, hypothesis: 0, before: None,
///                         after: Some(Rating::VeryInconsistent) };
/// edit.apply(&mut matrix);
/// cache.apply(&matrix, &edit);
/// assert_eq!(cache.reading(), &read(&matrix));
/// assert!((cache.reading().posteriors[0] - 0.2).abs() < 1e-12);
/// ```
#[derive(Debug, Clone)]
pub struct ProbabilityCache {
    tally: Tally,
    reading: ProbabilityReading,
}

impl ProbabilityCache {
    /// Reads `matrix` from scratch: O(cells).
    pub fn new(matrix: &Matrix) -> Self {
        let tally = Tally::new(matrix);
        let reading = reading_from_tally(matrix, &tally);
        ProbabilityCache { tally, reading }
    }

    /// The current reading (the same as [`super::read`] of the matrix).
    pub fn reading(&self) -> &ProbabilityReading {
        &self.reading
    }

    /// Brings the reading up to date after `edit` was applied to `matrix`
    /// (`matrix` is the matrix *after* the edit; for an undo, pass the
    /// edit actually applied, the inverse of the one undone).
    pub fn apply(&mut self, matrix: &Matrix, edit: &Edit) {
        let rebuilt = match edit {
            Edit::Rate {
                evidence,
                hypothesis,
                before,
                after,
            } => match (
                matrix.evidence().get(*evidence),
                self.tally.columns.get_mut(*hypothesis),
            ) {
                (Some(item), Some(column)) => {
                    if counts(item) {
                        let weight = weight_slot(item);
                        column[value_slot(*before)][weight] -= 1;
                        column[value_slot(*after)][weight] += 1;
                    }
                    false
                }
                _ => true,
            },
            Edit::InsertEvidence { index, .. } => match matrix.evidence().get(*index) {
                // Counted from the matrix: it pads or trims the row to the
                // hypotheses there are.
                Some(item) => {
                    self.tally.add_row(item, 1);
                    false
                }
                None => true,
            },
            Edit::RemoveEvidence { evidence, .. } => {
                self.tally.add_row(evidence, -1);
                false
            }
            Edit::ReplaceEvidence { index, before, .. } => match matrix.evidence().get(*index) {
                Some(item) => {
                    self.tally.add_row(before, -1);
                    self.tally.add_row(item, 1);
                    false
                }
                None => true,
            },
            // A prior or a judged probability changed: the counts stand.
            // The analyst's judgement is words, not a judged probability.
            Edit::ReplaceHeader { .. }
            | Edit::ReplaceHypothesis { .. }
            | Edit::ReplaceJudgement { .. } => false,
            Edit::InsertHypothesis { .. }
            | Edit::RemoveHypothesis { .. }
            | Edit::SwapHypotheses { .. }
            | Edit::ReplaceMatrix { .. } => true,
        };
        if rebuilt || self.tally.len() != matrix.hypotheses().len() {
            self.tally = Tally::new(matrix);
        }
        self.reading = reading_from_tally(matrix, &self.tally);
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::test_support::arbitrary_matrix;
    use crate::test_support::session::{replay, step};

    #[test]
    fn slots_round_trip() {
        for cell in Rating::ALL.map(Some).into_iter().chain([None]) {
            assert_eq!(slot_value(value_slot(cell)), cell);
        }
        for credibility in Level::ALL {
            for relevance in Level::ALL {
                let mut evidence = Evidence::new("E1", "e");
                evidence.credibility = credibility;
                evidence.relevance = relevance;
                assert_eq!(slot_weight(weight_slot(&evidence)), evidence.weight());
            }
        }
    }

    proptest! {
        /// However a session goes, the cache reads exactly what a fresh
        /// reading of the edited matrix gives.
        #[test]
        fn the_cache_never_drifts_from_a_fresh_reading(
            start in arbitrary_matrix(),
            steps in proptest::collection::vec(step(), 0..40),
        ) {
            let mut matrix = start;
            let mut cache = ProbabilityCache::new(&matrix);
            let mut history = crate::edit::History::new();
            for (serial, step) in steps.iter().enumerate() {
                if let Some(applied) = replay(&mut matrix, &mut history, step, serial) {
                    cache.apply(&matrix, &applied);
                }
                prop_assert_eq!(cache.reading(), &super::super::read(&matrix));
            }
        }
    }
}
