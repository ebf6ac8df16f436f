//! What the matrix file says about probabilities: a hypothesis' prior and
//! the analyst's judged probability, and the matrix' likelihood table.
//! The posteriors computed from them live in [`crate::probability`].

use super::Rating;

/// A probability as written in a matrix file: a finite number from 0 to 1.
///
/// Built only through [`Probability::new`], so NaN never gets in, which is
/// what makes the `Eq` below sound (and keeps [`super::Hypothesis`] `Eq`).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Probability(f64);

impl Eq for Probability {}

impl Probability {
    /// `value` as a probability, or `None` when it is not within 0…1.
    pub fn new(value: f64) -> Option<Self> {
        (0.0..=1.0).contains(&value).then_some(Probability(value))
    }

    /// The number, from 0 to 1.
    pub fn value(self) -> f64 {
        self.0
    }
}

/// A probability as an analyst types it into a form: a number from 0 to 1
/// (`0.25`) or a percentage (`25%`). The file itself holds only numbers.
impl std::str::FromStr for Probability {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let (number, scale) = match text.strip_suffix('%') {
            Some(number) => (number.trim_end(), 100.0),
            None => (text, 1.0),
        };
        number
            .parse::<f64>()
            .ok()
            .and_then(|value| Probability::new(value / scale))
            .ok_or_else(|| {
                format!("`{text}` is not a probability: give a number from 0 to 1 (0.25) or a percentage (25%)")
            })
    }
}

/// The likelihood ratios a matrix sets in place of the defaults
/// (`[probability] likelihood = { CC = 3.0 }`), one slot per rating in
/// [`Rating::ALL`] order; an empty slot keeps the default λ = 2^scale.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct LikelihoodOverrides([Option<f64>; 6]);

impl LikelihoodOverrides {
    /// The ratio this matrix sets for `rating`, if it sets one.
    pub fn get(&self, rating: Rating) -> Option<f64> {
        self.0[slot(rating)]
    }

    /// Sets (or, with `None`, clears) the ratio for `rating`. A ratio must
    /// be finite and greater than 0 (the file loader refuses anything else);
    /// an unusable one is ignored here so a bad value can never reach the
    /// log-space arithmetic.
    pub fn set(&mut self, rating: Rating, ratio: Option<f64>) {
        self.0[slot(rating)] = ratio.filter(|r| r.is_finite() && *r > 0.0);
    }

    /// The ratings this matrix overrides, with their ratios, in
    /// [`Rating::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Rating, f64)> + '_ {
        Rating::ALL
            .into_iter()
            .filter_map(|rating| self.get(rating).map(|ratio| (rating, ratio)))
    }

    /// True when the matrix keeps every default.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }
}

fn slot(rating: Rating) -> usize {
    Rating::ALL
        .iter()
        .position(|&r| r == rating)
        .expect("every rating is in Rating::ALL")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probabilities_outside_zero_to_one_are_refused() {
        assert_eq!(Probability::new(0.6).map(Probability::value), Some(0.6));
        assert!(Probability::new(0.0).is_some());
        assert!(Probability::new(1.0).is_some());
        assert!(Probability::new(1.01).is_none());
        assert!(Probability::new(-0.1).is_none());
        assert!(Probability::new(f64::NAN).is_none());
    }

    #[test]
    fn typed_probabilities_are_numbers_or_percentages() {
        let typed = |text: &str| text.parse::<Probability>().map(Probability::value);
        assert_eq!(typed("0.25"), Ok(0.25));
        assert_eq!(typed(" 25% "), Ok(0.25));
        assert_eq!(typed("100 %"), Ok(1.0));
        assert_eq!(typed("1"), Ok(1.0));
        for bad in ["1.5", "150%", "-0.1", "NaN", "inf", "a lot", "", "%"] {
            let refused = typed(bad).unwrap_err();
            assert!(refused.contains("not a probability"), "{bad}: {refused}");
        }
    }

    #[test]
    fn overrides_keep_only_positive_finite_ratios() {
        let mut table = LikelihoodOverrides::default();
        table.set(Rating::VeryConsistent, Some(3.0));
        table.set(Rating::Consistent, Some(0.0));
        table.set(Rating::Inconsistent, Some(f64::INFINITY));
        assert_eq!(
            table.iter().collect::<Vec<_>>(),
            [(Rating::VeryConsistent, 3.0)]
        );
    }
}
