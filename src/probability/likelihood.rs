//! The likelihood ratio each rating stands for.

use crate::model::{LikelihoodOverrides, Rating};

/// The likelihood ratio λ of a cell: how much more likely the evidence is
/// if the hypothesis is true than on average. By default λ = 2^scale on the
/// −2…+2 scale diagnosticity uses (CC = 4, C = 2, N = 1, I = 1/2, II = 1/4);
/// NA and unrated cells say nothing about the hypothesis, λ = 1. A matrix
/// may set its own ratio for any of the six ratings.
pub fn likelihood(rating: Option<Rating>, overrides: &LikelihoodOverrides) -> f64 {
    let Some(rating) = rating else {
        return 1.0;
    };
    overrides
        .get(rating)
        .unwrap_or_else(|| default_likelihood(rating))
}

/// The default ratio of a rating, 2^scale (NA = 1).
pub fn default_likelihood(rating: Rating) -> f64 {
    rating.scale_value().map_or(1.0, f64::exp2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Rating::*;

    #[test]
    fn defaults_are_two_to_the_scale() {
        let none = LikelihoodOverrides::default();
        let table: Vec<f64> = Rating::ALL
            .into_iter()
            .map(|r| likelihood(Some(r), &none))
            .collect();
        // CC, C, N, NA, I, II
        assert_eq!(table, [4.0, 2.0, 1.0, 1.0, 0.5, 0.25]);
        assert_eq!(likelihood(None, &none), 1.0);
    }

    #[test]
    fn an_override_replaces_only_its_rating() {
        let mut table = LikelihoodOverrides::default();
        table.set(VeryConsistent, Some(3.0));
        assert_eq!(likelihood(Some(VeryConsistent), &table), 3.0);
        assert_eq!(likelihood(Some(Consistent), &table), 2.0);
    }
}
