//! Ordering hypotheses from least to most inconsistent.

use super::{HypothesisScore, Scores};

/// Two scores closer than this count as equal. Weights involve √2, so sums
/// that are equal on paper can differ in the last bits, and float noise
/// must not decide a ranking.
pub const TOLERANCE: f64 = 1e-9;

/// Whether two scores are equal within [`TOLERANCE`].
pub fn approx_eq(a: f64, b: f64) -> bool {
    (a - b).abs() < TOLERANCE
}

/// What the rank row shows for a hypothesis that has no rank to show: one
/// rated against no counted item (or set aside), whose place in the
/// ranking is only its place in the file among zero scores, and every
/// hypothesis while no rating bears on any (no leader, so no first place).
pub const NOT_RANKED: &str = "–";

/// The rank shown for each hypothesis, in column order, given the
/// `leaders` tied at the top ([`super::leader_set`]): each of several tied
/// leaders shares rank 1, written `1=`, so a tie reads as a tie in the
/// workbench and in every export alike. A hypothesis that may not lead
/// ([`Scores::may_lead`]) shows [`NOT_RANKED`], never a bare `1` that
/// reads as first place, and the places after the leaders count only
/// the hypotheses that may lead, so no place is skipped for it. With no
/// leader (nothing bears yet) no hypothesis shows a rank.
pub fn shown_ranks(scores: &Scores, leaders: &[usize]) -> Vec<String> {
    let mut shown = vec![NOT_RANKED.to_owned(); scores.hypotheses.len()];
    if leaders.is_empty() {
        return shown;
    }
    let may_lead = scores.may_lead();
    let mut place = 0;
    for &column in &scores.ranking {
        if !may_lead[column] {
            continue;
        }
        place += 1;
        shown[column] = match (leaders.contains(&column), leaders.len()) {
            (true, 1) => "1".to_owned(),
            (true, _) => "1=".to_owned(),
            (false, _) => place.to_string(),
        };
    }
    shown
}

/// Hypothesis positions in rank order: ascending weighted inconsistency,
/// then descending weighted consistency, then position in the file.
pub fn rank_order(scores: &[HypothesisScore]) -> Vec<usize> {
    let inconsistency = tiers(scores.iter().map(|s| s.weighted_inconsistency));
    let consistency = tiers(scores.iter().map(|s| s.weighted_consistency));
    let mut order: Vec<usize> = (0..scores.len()).collect();
    // Integer tiers make a total order, which `sort` requires; comparing
    // floats with a tolerance directly would not be transitive.
    order.sort_by(|&a, &b| {
        inconsistency[a]
            .cmp(&inconsistency[b])
            .then(consistency[b].cmp(&consistency[a]))
            .then(a.cmp(&b))
    });
    order
}

/// Replaces each value by the number of its tier, counting from the
/// smallest: sorted values that follow each other within the tolerance
/// share a tier.
pub(super) fn tiers(values: impl Iterator<Item = f64>) -> Vec<usize> {
    let values: Vec<f64> = values.collect();
    let mut sorted: Vec<usize> = (0..values.len()).collect();
    sorted.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut tier_of = vec![0; values.len()];
    let mut tier = 0;
    for pair in sorted.windows(2) {
        if !approx_eq(values[pair[1]], values[pair[0]]) {
            tier += 1;
        }
        tier_of[pair[1]] = tier;
    }
    tier_of
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(weighted_inconsistency: f64, weighted_consistency: f64) -> HypothesisScore {
        HypothesisScore {
            inconsistency: 0,
            weighted_inconsistency,
            weighted_consistency,
            unrated: 0,
            rank: 0,
        }
    }

    #[test]
    fn least_inconsistent_first() {
        let scores = [score(2.0, 0.0), score(0.5, 0.0), score(1.0, 0.0)];
        assert_eq!(rank_order(&scores), vec![1, 2, 0]);
    }

    #[test]
    fn consistency_breaks_ties_then_file_order() {
        let scores = [score(1.0, 1.0), score(1.0, 3.0), score(1.0, 1.0)];
        assert_eq!(rank_order(&scores), vec![1, 0, 2]);
    }

    #[test]
    fn float_noise_below_tolerance_is_a_tie() {
        // 0.1 + 0.2 != 0.3 in binary floating point; the file order decides.
        let scores = [score(0.1 + 0.2, 0.0), score(0.3, 0.0)];
        assert_eq!(rank_order(&scores), vec![0, 1]);
        let scores = [score(0.3, 0.0), score(0.1 + 0.2, 0.0)];
        assert_eq!(rank_order(&scores), vec![0, 1]);
    }

    #[test]
    fn differences_above_tolerance_count() {
        let scores = [score(1.0 + 1e-6, 0.0), score(1.0, 0.0)];
        assert_eq!(rank_order(&scores), vec![1, 0]);
    }
}
