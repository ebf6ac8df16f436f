//! The leader set: every hypothesis that shares first place.
//!
//! [`super::super::rank_order`] groups scores into tiers by chaining values
//! that follow each other within [`TOLERANCE`]. Sensitivity asks "who leads"
//! thousands of times per edit, so this module answers it in O(H) without
//! sorting every score: a chain of at most H − 1 steps, each shorter than
//! the tolerance, stays within H × tolerance of where it starts, so only the
//! few scores that close to the anchor need sorting. The answer is the same
//! as reading the first tier off `rank_order` (a property test checks it).

use crate::scoring::rank::TOLERANCE;

/// The hypotheses tied with rank 1, in file order, given each hypothesis'
/// weighted inconsistency and weighted consistency (same length).
///
/// Empty when no evidence bears on any hypothesis (every weighted score is
/// zero): nothing has been weighed, so nothing leads. A column whose
/// scores are infinite (a set-aside hypothesis) never leads.
pub fn leader_set_of(inconsistency: &[f64], consistency: &[f64]) -> Vec<usize> {
    debug_assert_eq!(inconsistency.len(), consistency.len());
    if inconsistency
        .iter()
        .chain(consistency)
        .all(|&v| v == 0.0 || v.is_infinite())
    {
        return Vec::new();
    }
    let reach = TOLERANCE * inconsistency.len() as f64;
    let least = inconsistency.iter().copied().fold(f64::INFINITY, f64::min);
    let lowest_tier = tier_around(inconsistency, least, reach);
    let most = lowest_tier
        .iter()
        .map(|&h| consistency[h])
        .fold(f64::NEG_INFINITY, f64::max);
    let top_tier = tier_around(consistency, most, reach);
    let mut leaders: Vec<usize> = lowest_tier
        .into_iter()
        .filter(|h| top_tier.contains(h))
        .collect();
    leaders.sort_unstable();
    leaders
}

/// The positions of every value in the same tier as `anchor` (which is one
/// of `values`), where a tier is a run of sorted values whose neighbours
/// differ by less than the tolerance.
fn tier_around(values: &[f64], anchor: f64, reach: f64) -> Vec<usize> {
    let mut near: Vec<usize> = (0..values.len())
        .filter(|&h| (values[h] - anchor).abs() < reach)
        .collect();
    if near.len() == 1 {
        return near;
    }
    near.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let at = near
        .iter()
        .position(|&h| values[h] == anchor)
        .expect("the anchor is one of the values");
    let close = |a: usize, b: usize| (values[near[a]] - values[near[b]]).abs() < TOLERANCE;
    let mut first = at;
    while first > 0 && close(first - 1, first) {
        first -= 1;
    }
    let mut last = at;
    while last + 1 < near.len() && close(last, last + 1) {
        last += 1;
    }
    near[first..=last].to_vec()
}
