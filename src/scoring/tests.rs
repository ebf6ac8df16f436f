//! Hand-computed scores and scoring invariants.

use proptest::prelude::*;

use super::*;
use crate::model::{Evidence, Hypothesis, Level, Rating};
use crate::test_support::arbitrary_matrix;
use Rating::*;

const SQRT_2: f64 = std::f64::consts::SQRT_2;

/// Three hypotheses, three items; weights 2 (high × high), 1 and 0.5.
fn sample() -> Matrix {
    let mut matrix = Matrix::new("sample");
    for id in ["H1", "H2", "H3"] {
        matrix.push_hypothesis(Hypothesis::new(id, id));
    }
    let rows = [
        (
            Level::High,
            Level::High,
            [Some(Consistent), Some(VeryInconsistent), Some(Inconsistent)],
        ),
        (
            Level::Medium,
            Level::Medium,
            [Some(Inconsistent), Some(VeryConsistent), None],
        ),
        (
            Level::Low,
            Level::Low,
            [Some(Inconsistent), Some(NotApplicable), Some(Neutral)],
        ),
    ];
    for (n, (credibility, relevance, ratings)) in rows.into_iter().enumerate() {
        let mut evidence = Evidence::new(format!("E{n}"), "item");
        evidence.credibility = credibility;
        evidence.relevance = relevance;
        let row = matrix.push_evidence(evidence);
        for (column, rating) in ratings.into_iter().enumerate() {
            matrix.set_rating(row, column, rating);
        }
    }
    matrix
}

#[test]
fn hand_computed_scores() {
    let scores = score(&sample());
    let [h1, h2, h3] = &scores.hypotheses[..] else {
        panic!("three hypotheses")
    };
    // H1: I (w 1) + I (w 0.5) → 2 points, weighted 1.5; C (w 2) → 2.
    assert_eq!(h1.inconsistency, 2);
    assert!((h1.weighted_inconsistency - 1.5).abs() < 1e-12);
    assert!((h1.weighted_consistency - 2.0).abs() < 1e-12);
    // H2: II (w 2) → 2 points, weighted 4; CC (w 1) → 2.
    assert_eq!(h2.inconsistency, 2);
    assert!((h2.weighted_inconsistency - 4.0).abs() < 1e-12);
    assert!((h2.weighted_consistency - 2.0).abs() < 1e-12);
    // H3: I (w 2) → 1 point, weighted 2; one unrated cell.
    assert_eq!(h3.inconsistency, 1);
    assert!((h3.weighted_inconsistency - 2.0).abs() < 1e-12);
    assert_eq!(h3.unrated, 1);
    assert_eq!(scores.ranking, vec![0, 2, 1]);
    assert_eq!((h1.rank, h2.rank, h3.rank), (1, 3, 2));
    assert_eq!(scores.leader(), Some(0));
}

#[test]
fn hand_computed_diagnosticity() {
    let scores = score(&sample());
    // E0: values 1, −2, −1 → mean −2/3, variance 14/9.
    assert!((scores.diagnosticity[0] - (14.0f64 / 9.0).sqrt()).abs() < 1e-12);
    // E1: values −1, 2 → sd 1.5 (the unrated cell is left out).
    assert!((scores.diagnosticity[1] - 1.5).abs() < 1e-12);
    // E2: values −1, 0 (NA left out) → sd 0.5.
    assert!((scores.diagnosticity[2] - 0.5).abs() < 1e-12);
}

#[test]
fn weights_with_root_two_tie_exactly_despite_float_noise() {
    // H1 is hit by one high × low item (√2 · 1/√2, which is not exactly 1 in
    // floating point); H2 by one medium × medium item (exactly 1). Equal
    // inconsistency and consistency: the file order must decide.
    let mut matrix = Matrix::new("tie");
    matrix.push_hypothesis(Hypothesis::new("H1", "a"));
    matrix.push_hypothesis(Hypothesis::new("H2", "b"));
    let mut skewed = Evidence::new("E1", "skewed");
    skewed.credibility = Level::High;
    skewed.relevance = Level::Low;
    matrix.push_evidence(skewed);
    matrix.push_evidence(Evidence::new("E2", "plain"));
    matrix.set_rating(0, 0, Some(Inconsistent));
    matrix.set_rating(1, 1, Some(Inconsistent));
    let scores = score(&matrix);
    assert_eq!(scores.ranking, vec![0, 1]);
    assert!((SQRT_2 * std::f64::consts::FRAC_1_SQRT_2 - 1.0).abs() < 1e-9);
}

#[test]
fn empty_matrix_scores_nothing() {
    let scores = score(&Matrix::new("empty"));
    assert!(scores.hypotheses.is_empty());
    assert_eq!(scores.leader(), None);
}

proptest! {
    #[test]
    fn scores_do_not_depend_on_evidence_order(matrix in arbitrary_matrix(), seed in any::<u64>()) {
        let mut shuffled = matrix.clone();
        let rows = shuffled.evidence_mut();
        // A deterministic permutation: rotate, then reverse.
        if !rows.is_empty() {
            let by = (seed as usize) % rows.len();
            rows.rotate_left(by);
            rows.reverse();
        }
        let (before, after) = (score(&matrix), score(&shuffled));
        prop_assert_eq!(&before.ranking, &after.ranking);
        for (a, b) in before.hypotheses.iter().zip(&after.hypotheses) {
            prop_assert_eq!(a.inconsistency, b.inconsistency);
            prop_assert_eq!(a.unrated, b.unrated);
            prop_assert!((a.weighted_inconsistency - b.weighted_inconsistency).abs() < 1e-9);
            prop_assert!((a.weighted_consistency - b.weighted_consistency).abs() < 1e-9);
        }
    }

    #[test]
    fn an_all_neutral_row_changes_no_hypothesis_score(matrix in arbitrary_matrix()) {
        let mut extended = matrix.clone();
        let row = extended.push_evidence(Evidence::new("NEUTRAL", "neutral"));
        for column in 0..extended.hypotheses().len() {
            extended.set_rating(row, column, Some(Neutral));
        }
        let (before, after) = (score(&matrix), score(&extended));
        prop_assert_eq!(before.hypotheses, after.hypotheses);
        prop_assert_eq!(after.diagnosticity[row], 0.0);
    }

    #[test]
    fn ranks_are_a_permutation(matrix in arbitrary_matrix()) {
        let scores = score(&matrix);
        let mut ranks: Vec<usize> = scores.hypotheses.iter().map(|s| s.rank).collect();
        ranks.sort_unstable();
        prop_assert_eq!(ranks, (1..=matrix.hypotheses().len()).collect::<Vec<_>>());
    }

    #[test]
    fn diagnosticity_is_between_zero_and_two(matrix in arbitrary_matrix()) {
        for value in score(&matrix).diagnosticity {
            prop_assert!((0.0..=2.0 + 1e-12).contains(&value));
        }
    }
}

/// Inconsistency, weighted inconsistency, weighted consistency, unrated.
type ReferenceTotals = (u32, f64, f64, usize);

/// Scoring as first written: a `match` per cell and the two-pass standard
/// deviation over the filtered values. The branch-free `score` must give
/// the same bits.
fn reference_score(matrix: &Matrix) -> (Vec<ReferenceTotals>, Vec<f64>) {
    let columns = matrix.hypotheses().len();
    let mut totals: Vec<ReferenceTotals> = vec![(0, 0.0, 0.0, 0); columns];
    let mut diagnosticities = Vec::new();
    for evidence in matrix.evidence() {
        let weight = evidence.weight();
        for (column, total) in totals.iter_mut().enumerate() {
            match evidence.rating(column) {
                Some(rating) => {
                    let points = rating.inconsistency_points();
                    total.0 += points;
                    total.1 += weight * f64::from(points);
                    total.2 += weight * f64::from(rating.consistency_points());
                }
                None => total.3 += 1,
            }
        }
        let values: Vec<f64> = evidence
            .ratings()
            .iter()
            .filter_map(|r| r.and_then(Rating::scale_value))
            .collect();
        diagnosticities.push(if values.len() < 2 {
            0.0
        } else {
            let n = values.len() as f64;
            let mean = values.iter().sum::<f64>() / n;
            (values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n).sqrt()
        });
    }
    (totals, diagnosticities)
}

proptest! {
    #[test]
    fn branch_free_scoring_gives_the_same_bits_as_the_reference(matrix in arbitrary_matrix()) {
        let scores = score(&matrix);
        let (totals, diagnosticities) = reference_score(&matrix);
        for (score, total) in scores.hypotheses.iter().zip(&totals) {
            prop_assert_eq!(score.inconsistency, total.0);
            prop_assert_eq!(score.weighted_inconsistency.to_bits(), total.1.to_bits());
            prop_assert_eq!(score.weighted_consistency.to_bits(), total.2.to_bits());
            prop_assert_eq!(score.unrated, total.3);
        }
        let bits = |values: &[f64]| values.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        prop_assert_eq!(bits(&scores.diagnosticity), bits(&diagnosticities));
    }
}

#[test]
fn tied_leaders_share_rank_one_and_the_rest_keep_their_place() {
    use crate::model::Matrix;
    let matrix_of = |rows: &[&[Option<Rating>]]| {
        let mut matrix = Matrix::new("Ranks");
        for column in 0..rows[0].len() {
            matrix.push_hypothesis(Hypothesis::new(format!("H{}", column + 1), "h"));
        }
        for (row, cells) in rows.iter().enumerate() {
            matrix.push_evidence(Evidence::new(format!("E{}", row + 1), "e"));
            for (column, &rating) in cells.iter().enumerate() {
                matrix.set_rating(row, column, rating);
            }
        }
        matrix
    };
    let ranks = |matrix: &Matrix| {
        let scores = score(matrix);
        shown_ranks(&scores, &leader_set(&scores))
    };
    let (cc, c) = (Some(VeryConsistent), Some(Consistent));
    let (i, ii) = (Some(Inconsistent), Some(VeryInconsistent));
    // One leader; the rest keep their places.
    assert_eq!(ranks(&matrix_of(&[&[ii, c, i, cc]])), ["4", "2", "3", "1"]);
    // H1 and H3 tied: both 1=, H2 third.
    assert_eq!(ranks(&matrix_of(&[&[c, i, c]])), ["1=", "3", "1="]);
    // H2 wholly unrated sorts first on zero inconsistency, but it has no
    // rank: no bare 1 beside the real leader's, and no place skipped.
    let unrated = matrix_of(&[&[i, None, c], &[i, None, i]]);
    assert_eq!(score(&unrated).hypotheses[1].rank, 1, "the premise");
    assert_eq!(ranks(&unrated), ["2", NOT_RANKED, "1"]);
    // Nothing rated, or nothing that bears (N): no leader, no ranks.
    assert_eq!(
        ranks(&matrix_of(&[&[None, None]])),
        [NOT_RANKED, NOT_RANKED]
    );
    let n = Some(Neutral);
    assert_eq!(ranks(&matrix_of(&[&[n, n]])), [NOT_RANKED, NOT_RANKED]);
}
