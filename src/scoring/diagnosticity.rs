//! How well one evidence item tells the hypotheses apart.

use crate::model::Rating;

/// The population standard deviation of the item's ratings on the scale
/// CC = 2, C = 1, N = 0, I = −1, II = −2, over the hypotheses that rated it
/// (NA and unrated cells are left out); 0 with fewer than two ratings.
///
/// An item rated the same against every hypothesis scores 0: it cannot
/// help choose between them, however strongly it is believed.
pub fn diagnosticity(ratings: &[Option<Rating>]) -> f64 {
    let values = || {
        ratings
            .iter()
            .filter_map(|r| r.and_then(Rating::scale_value))
    };
    let count = values().count();
    if count < 2 {
        return 0.0;
    }
    let n = count as f64;
    let mean = values().sum::<f64>() / n;
    let variance = values().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n;
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
