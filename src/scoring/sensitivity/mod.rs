//! How sensitive the ranking is: the leader set, the evidence items whose
//! removal alone changes it (critical items), the single one-step rating
//! changes that would change it (fragile cells) and the margin of the lead.
//!
//! Heuer's step 6 asks the analyst to test the conclusion against a few
//! critical items; the workbench recomputes this on every edit, so it must
//! be cheap. Scores are sums of per-cell contributions, so removing an item
//! is a subtraction per hypothesis (O(H) per item), and changing one cell
//! moves one hypothesis' totals only: a cell is checked against the leading
//! tiers and re-ranked exactly only when its hypothesis is, or would come,
//! within reach of them.
//!
//! Invariants (checked by the tests against a full rescoring):
//! - removing a reported critical item changes the leader set; removing any
//!   other item does not;
//! - applying a reported fragile change gives the reported leader set, and
//!   every one-step change that changes the leader set is reported.

mod leaders;
mod scenario;
mod words;

pub use leaders::leader_set_of;
pub use scenario::{Scenario, scenarios};
pub use words::{fragile_sentence, hypothesis_ids, leader_clause, margin_sentence};

use super::cell::CellTable;
use super::rank::TOLERANCE;
use super::{HypothesisScore, Scores};
use crate::model::{Matrix, Rating};

/// What the leader set of a matrix rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Sensitivity {
    /// Hypothesis positions tied for rank 1, in file order; empty while no
    /// evidence bears on any hypothesis.
    pub leader: Vec<usize>,
    /// Items whose removal alone changes the leader set, in row order.
    pub critical: Vec<CriticalItem>,
    /// One-step rating changes that change the leader set, in row then
    /// column order.
    pub fragile: Vec<FragileCell>,
    /// How much more weighted inconsistency the best hypothesis outside the
    /// leader set has than the leaders (0 when only weighted consistency
    /// separates them); `None` without a leader or a runner-up.
    pub margin: Option<f64>,
    /// The best-ranked hypothesis outside the leader set.
    pub runner_up: Option<usize>,
}

/// An evidence item without which the leader set would differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriticalItem {
    /// The item's row.
    pub evidence: usize,
    /// The leader set without it.
    pub leader_without: Vec<usize>,
}

/// A cell whose rating, moved one step, would change the leader set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FragileCell {
    pub evidence: usize,
    pub hypothesis: usize,
    pub from: Rating,
    pub to: Rating,
    /// The leader set after the change.
    pub leader: Vec<usize>,
}

impl Sensitivity {
    /// Whether the item at `row` is critical.
    pub fn is_critical(&self, row: usize) -> bool {
        self.critical
            .binary_search_by_key(&row, |item| item.evidence)
            .is_ok()
    }

    /// The fragile changes of one cell.
    pub fn fragile_at(&self, row: usize, column: usize) -> impl Iterator<Item = &FragileCell> {
        let start = self.fragile.partition_point(|cell| cell.evidence < row);
        self.fragile[start..]
            .iter()
            .take_while(move |cell| cell.evidence == row)
            .filter(move |cell| cell.hypothesis == column)
    }
}

/// The leader set of computed scores: set-aside hypotheses, and those
/// rated against no counted item, never lead ([`Scores::may_lead`]).
pub fn leader_set(scores: &Scores) -> Vec<usize> {
    let (inconsistency, consistency) = columns_of(&scores.hypotheses, &scores.may_lead());
    leader_set_of(&inconsistency, &consistency)
}

/// The weighted sums, column by column. A column that may not lead gets
/// infinite inconsistency and no consistency, so it can neither lead nor
/// link tiers.
fn columns_of(scores: &[HypothesisScore], may_lead: &[bool]) -> (Vec<f64>, Vec<f64>) {
    scores
        .iter()
        .zip(may_lead)
        .map(|(s, &may_lead)| {
            if may_lead {
                (s.weighted_inconsistency, s.weighted_consistency)
            } else {
                (f64::INFINITY, f64::NEG_INFINITY)
            }
        })
        .unzip()
}

/// The ratings one step from `rating` on Heuer's scale CC–C–N–I–II. NA
/// says nothing about the hypothesis, as N does, so it moves as N does.
pub fn one_step(rating: Rating) -> &'static [Rating] {
    use Rating::*;
    match rating {
        VeryConsistent => &[Consistent],
        Consistent => &[VeryConsistent, Neutral],
        Neutral | NotApplicable => &[Consistent, Inconsistent],
        Inconsistent => &[Neutral, VeryInconsistent],
        VeryInconsistent => &[Inconsistent],
    }
}

/// The full sensitivity of `matrix` (whose scores are `scores`): O(cells).
/// For the exports and `ach score --json`; the workbench keeps
/// [`sensitivity_without_fragile`] per edit and asks [`fragile_in_row`] for
/// the rows on screen, which keeps an edit O(items × hypotheses).
pub fn sensitivity(matrix: &Matrix, scores: &Scores) -> Sensitivity {
    let mut sensitivity = sensitivity_without_fragile(matrix, scores);
    let context = Context::new(scores);
    for row in 0..matrix.evidence().len() {
        context.fragile(matrix, scores, row, &mut sensitivity.fragile);
    }
    sensitivity
}

/// The leader set, the critical items and the margin, with no fragile
/// cells: one leave-one-out sum per item.
pub fn sensitivity_without_fragile(matrix: &Matrix, scores: &Scores) -> Sensitivity {
    let context = Context::new(scores);
    let mut scratch = (context.inconsistency.clone(), context.consistency.clone());
    let critical = (0..matrix.evidence().len())
        .filter_map(|row| context.critical(matrix, scores, row, &mut scratch))
        .collect();
    let leader = context.leader;
    let runner_up = (!leader.is_empty())
        .then(|| {
            scores
                .ranking
                .iter()
                .copied()
                .find(|&h| !leader.contains(&h) && context.may_lead[h])
        })
        .flatten();
    let margin = runner_up.map(|h| context.inconsistency[h] - context.inconsistency[leader[0]]);
    Sensitivity {
        leader,
        critical,
        fragile: Vec::new(),
        margin,
        runner_up,
    }
}

/// The least weighted inconsistency an item must hold against some
/// hypothesis for its removal to be able to change the leader set, when one
/// hypothesis leads alone on inconsistency by more than the tier tolerance;
/// `None` when the lead is shared or nothing leads (then every item is
/// asked).
///
/// Removing an item lowers each sum by that item's points, never raises
/// it. If the leader ℓ is lowest by a gap G and no sum falls by as much as
/// G less twice the reach of a tier, every other hypothesis stays more than
/// a tier's reach above ℓ, so ℓ alone is still the first tier, and (having
/// another finite sum above zero) something still bears.
fn lone_lead_room(inconsistency: &[f64], leader: &[usize]) -> Option<f64> {
    let &[lead] = leader else {
        return None;
    };
    let reach = TOLERANCE * inconsistency.len() as f64;
    let least = inconsistency[lead];
    let gap = inconsistency
        .iter()
        .enumerate()
        .filter(|&(column, _)| column != lead)
        .map(|(_, &value)| value - least)
        .fold(f64::INFINITY, f64::min);
    // Rounding in the subtractions is allowed for with room to spare.
    let slack = 2.0 * reach + 16.0 * f64::EPSILON * (least.abs() + gap.abs());
    (gap.is_finite() && gap > slack).then_some(gap - slack)
}

/// The fragile cells of the item at `row`, in column order: O(hypotheses)
/// for the sums, then only the cells within reach of the lead re-ranked.
pub fn fragile_in_row(matrix: &Matrix, scores: &Scores, row: usize) -> Vec<FragileCell> {
    let mut cells = Vec::new();
    Context::new(scores).fragile(matrix, scores, row, &mut cells);
    cells
}

/// What every question about one item needs: the column sums, the leader
/// set and the anchors of the leading tiers.
struct Context {
    inconsistency: Vec<f64>,
    consistency: Vec<f64>,
    leader: Vec<usize>,
    /// Per column, [`Scores::may_lead`].
    may_lead: Vec<bool>,
    /// Per column, the counted items it is unrated against.
    unrated: Vec<usize>,
    /// How many items count.
    counted: usize,
    anchors: Anchors,
    cells: CellTable,
    /// How much an item's weighted inconsistency may be, at most, for its
    /// removal to leave a lone leader leading: see [`lone_lead_room`].
    lone_lead_room: Option<f64>,
}

impl Context {
    fn new(scores: &Scores) -> Self {
        let may_lead = scores.may_lead();
        let (inconsistency, consistency) = columns_of(&scores.hypotheses, &may_lead);
        let leader = leader_set_of(&inconsistency, &consistency);
        let anchors = Anchors::new(&inconsistency, &consistency, &leader, &may_lead);
        Context {
            lone_lead_room: lone_lead_room(&inconsistency, &leader),
            inconsistency,
            consistency,
            leader,
            unrated: scores.hypotheses.iter().map(|s| s.unrated).collect(),
            counted: scores.counted_items(),
            may_lead,
            anchors,
            cells: CellTable::new(),
        }
    }

    /// The item at `row` as a critical item, if the leader set changes
    /// without it. `scratch` holds the column sums and is left as it was.
    fn critical(
        &self,
        matrix: &Matrix,
        scores: &Scores,
        row: usize,
        scratch: &mut (Vec<f64>, Vec<f64>),
    ) -> Option<CriticalItem> {
        if !scores.counts(row) {
            return None;
        }
        let evidence = &matrix.evidence()[row];
        let weight = evidence.weight();
        let ratings = evidence.ratings();
        let columns = self.inconsistency.len();
        // Leave-one-out: subtract this item's contributions.
        let mut bears = false;
        let mut most = 0.0f64;
        // A column rated against this item alone may not lead without it.
        let mut drops_a_column = false;
        for (column, &cell) in ratings.iter().enumerate().take(columns) {
            if cell.is_some() && self.may_lead[column] && self.unrated[column] + 1 == self.counted {
                drops_a_column = true;
                scratch.0[column] = f64::INFINITY;
                scratch.1[column] = f64::NEG_INFINITY;
                continue;
            }
            let points = self.cells.get(cell);
            let (di, dc) = (
                weight * points.inconsistency_factor,
                weight * points.consistency_factor,
            );
            bears |= di != 0.0 || dc != 0.0;
            most = most.max(di);
            scratch.0[column] = self.inconsistency[column] - di;
            scratch.1[column] = self.consistency[column] - dc;
        }
        // Most items cannot unseat a lone leader far ahead: the leader set
        // is then asked for only where it could change.
        let could_change = drops_a_column || self.lone_lead_room.is_none_or(|room| most >= room);
        let without = ((bears || drops_a_column) && could_change)
            .then(|| leader_set_of(&scratch.0, &scratch.1))
            .filter(|without| *without != self.leader);
        let touched = ratings.len().min(columns);
        scratch.0[..touched].copy_from_slice(&self.inconsistency[..touched]);
        scratch.1[..touched].copy_from_slice(&self.consistency[..touched]);
        without.map(|leader_without| CriticalItem {
            evidence: row,
            leader_without,
        })
    }

    /// Appends the fragile cells of the item at `row` to `out`.
    fn fragile(&self, matrix: &Matrix, scores: &Scores, row: usize, out: &mut Vec<FragileCell>) {
        if !scores.counts(row) {
            return;
        }
        let evidence = &matrix.evidence()[row];
        let weight = evidence.weight();
        let columns = self.inconsistency.len();
        let mut scratch: Option<(Vec<f64>, Vec<f64>)> = None;
        // One-step changes: only this cell's hypothesis moves.
        for (column, &cell) in evidence.ratings().iter().enumerate().take(columns) {
            let Some(from) = cell.filter(|_| scores.ranks(column)) else {
                continue;
            };
            let old = self.cells.get(cell);
            for &to in one_step(from) {
                let new = self.cells.get(Some(to));
                let moved_i = self.inconsistency[column]
                    + weight * (new.inconsistency_factor - old.inconsistency_factor);
                let moved_c = self.consistency[column]
                    + weight * (new.consistency_factor - old.consistency_factor);
                let after = if self.leader.is_empty() {
                    // Every score is zero: the change alone decides.
                    self.anchors.leaders_after_first_rating(column, to)
                } else if self.anchors.far(column, moved_i, moved_c) {
                    continue;
                } else {
                    let scratch = scratch.get_or_insert_with(|| {
                        (self.inconsistency.clone(), self.consistency.clone())
                    });
                    scratch.0[column] = moved_i;
                    scratch.1[column] = moved_c;
                    let after = leader_set_of(&scratch.0, &scratch.1);
                    scratch.0[column] = self.inconsistency[column];
                    scratch.1[column] = self.consistency[column];
                    after
                };
                if after != self.leader {
                    out.push(FragileCell {
                        evidence: row,
                        hypothesis: column,
                        from,
                        to,
                        leader: after,
                    });
                }
            }
        }
    }
}

struct Anchors {
    least_inconsistency: f64,
    most_consistency: f64,
    reach: f64,
    /// Hypotheses whose current scores are within reach of a leading tier
    /// (they may be a link of its chain) or lead.
    near: Vec<bool>,
    may_lead: Vec<bool>,
}

impl Anchors {
    fn new(
        inconsistency: &[f64],
        consistency: &[f64],
        leader: &[usize],
        may_lead: &[bool],
    ) -> Self {
        let reach = TOLERANCE * inconsistency.len() as f64;
        let least_inconsistency = inconsistency.iter().copied().fold(f64::INFINITY, f64::min);
        let most_consistency = leader
            .iter()
            .map(|&h| consistency[h])
            .fold(f64::NEG_INFINITY, f64::max);
        let mut anchors = Anchors {
            least_inconsistency,
            most_consistency,
            reach,
            near: Vec::new(),
            may_lead: may_lead.to_vec(),
        };
        anchors.near = (0..inconsistency.len())
            .map(|h| leader.contains(&h) || anchors.within_reach(inconsistency[h], consistency[h]))
            .collect();
        anchors
    }

    fn within_reach(&self, inconsistency: f64, consistency: f64) -> bool {
        inconsistency - self.least_inconsistency < self.reach
            || (consistency - self.most_consistency).abs() < self.reach
    }

    /// Whether moving `column` to these scores certainly leaves the leader
    /// set alone: it neither was nor becomes part of a leading tier's chain.
    fn far(&self, column: usize, inconsistency: f64, consistency: f64) -> bool {
        !self.near[column] && !self.within_reach(inconsistency, consistency)
    }

    /// The leader set when every score is zero and `column` is rated `to`.
    fn leaders_after_first_rating(&self, column: usize, to: Rating) -> Vec<usize> {
        let others: Vec<usize> = (0..self.may_lead.len())
            .filter(|&h| h != column && self.may_lead[h])
            .collect();
        if to.inconsistency_points() > 0 && !others.is_empty() {
            others
        } else if to.inconsistency_points() > 0 || to.consistency_points() > 0 {
            vec![column]
        } else {
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests;
