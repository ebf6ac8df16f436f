//! How well one evidence item tells the hypotheses apart.

use super::cell::CellTable;
use crate::model::Rating;

/// The population standard deviation of the item's ratings on the scale
/// CC = 2, C = 1, N = 0, I = −1, II = −2, over the hypotheses that rated it
/// (NA and unrated cells are left out); 0 with fewer than two ratings.
///
/// An item rated the same against every hypothesis scores 0: it cannot
/// help choose between them, however strongly it is believed.
pub fn diagnosticity(ratings: &[Option<Rating>]) -> f64 {
    let cells = CellTable::new();
    let (mut count, mut sum) = (0u32, 0i32);
    for &cell in ratings {
        let points = cells.get(cell);
        count += points.counted;
        sum += points.scale_value;
    }
    spread(&cells, ratings, count, sum)
}

/// The standard deviation of a row whose counted values number `count` and
/// add up to `sum` (which [`super::score`] gathers in its own walk over the
/// row, so it walks each row once less).
///
/// Branch-free: a left-out cell adds an exact 0.0 to the squared
/// deviations, which gives the same bits as skipping it.
pub(super) fn spread(cells: &CellTable, ratings: &[Option<Rating>], count: u32, sum: i32) -> f64 {
    if count < 2 {
        return 0.0;
    }
    let n = f64::from(count);
    let mean = f64::from(sum) / n;
    let variance = ratings
        .iter()
        .map(|&cell| {
            let points = cells.get(cell);
            let deviation = f64::from(points.scale_value) - mean;
            points.counted_mask * (deviation * deviation)
        })
        .sum::<f64>()
        / n;
    variance.sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Rating::*;

    #[test]
    fn fewer_than_two_ratings_score_zero() {
        assert_eq!(diagnosticity(&[]), 0.0);
        assert_eq!(diagnosticity(&[Some(VeryInconsistent), None]), 0.0);
        assert_eq!(
            diagnosticity(&[Some(VeryInconsistent), Some(NotApplicable)]),
            0.0
        );
    }

    #[test]
    fn identical_ratings_score_zero() {
        assert_eq!(diagnosticity(&[Some(Consistent); 4]), 0.0);
    }

    #[test]
    fn cc_against_ii_is_two() {
        // values 2 and −2: mean 0, variance (4 + 4) / 2 = 4, sd 2.
        assert_eq!(
            diagnosticity(&[Some(VeryConsistent), Some(VeryInconsistent)]),
            2.0
        );
    }

    #[test]
    fn hand_computed_three_values_ignoring_na_and_unrated() {
        // values 1, 0, −1: mean 0, variance 2/3.
        let ratings = [
            Some(Consistent),
            Some(NotApplicable),
            Some(Neutral),
            None,
            Some(Inconsistent),
        ];
        assert!((diagnosticity(&ratings) - (2.0f64 / 3.0).sqrt()).abs() < 1e-12);
    }
}
