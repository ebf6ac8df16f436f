//! The consistency of one evidence item with one hypothesis.

use std::fmt;
use std::str::FromStr;

/// How consistent an evidence item is with a hypothesis, in Heuer's six
/// words. A cell with no `Rating` is *unrated*, which is different from `N`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rating {
    /// `CC`: very consistent.
    VeryConsistent,
    /// `C`: consistent.
    Consistent,
    /// `N`: neutral, neither supports nor undermines.
    Neutral,
    /// `NA`: not applicable to this hypothesis.
    NotApplicable,
    /// `I`: inconsistent.
    Inconsistent,
    /// `II`: very inconsistent.
    VeryInconsistent,
}

impl Rating {
    /// Every rating, in the order the workbench offers them.
    pub const ALL: [Rating; 6] = [
        Rating::VeryConsistent,
        Rating::Consistent,
        Rating::Neutral,
        Rating::NotApplicable,
        Rating::Inconsistent,
        Rating::VeryInconsistent,
    ];

    /// The code written in matrix files and shown in cells.
    pub fn code(self) -> &'static str {
        match self {
            Rating::VeryConsistent => "CC",
            Rating::Consistent => "C",
            Rating::Neutral => "N",
            Rating::NotApplicable => "NA",
            Rating::Inconsistent => "I",
            Rating::VeryInconsistent => "II",
        }
    }

    /// Heuer's inconsistency points: I = 1, II = 2, anything else 0.
    pub fn inconsistency_points(self) -> u32 {
        match self {
            Rating::Inconsistent => 1,
            Rating::VeryInconsistent => 2,
            _ => 0,
        }
    }

    /// Consistency points used to break ties: C = 1, CC = 2, anything else 0.
    pub fn consistency_points(self) -> u32 {
        match self {
            Rating::Consistent => 1,
            Rating::VeryConsistent => 2,
            _ => 0,
        }
    }

    /// The value on the −2..2 scale used for diagnosticity, or `None` for
    /// `NA`, which says nothing about the hypothesis and is left out.
    pub fn scale_value(self) -> Option<f64> {
        match self {
            Rating::VeryConsistent => Some(2.0),
            Rating::Consistent => Some(1.0),
            Rating::Neutral => Some(0.0),
            Rating::NotApplicable => None,
            Rating::Inconsistent => Some(-1.0),
            Rating::VeryInconsistent => Some(-2.0),
        }
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A word that is not one of the six rating codes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown rating `{0}` (expected CC, C, N, NA, I or II)")]
pub struct UnknownRating(pub String);

impl FromStr for Rating {
    type Err = UnknownRating;

    fn from_str(word: &str) -> Result<Self, Self::Err> {
        Rating::ALL
            .into_iter()
            .find(|rating| rating.code() == word)
            .ok_or_else(|| UnknownRating(word.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for rating in Rating::ALL {
            assert_eq!(rating.code().parse::<Rating>(), Ok(rating));
        }
    }

    #[test]
    fn codes_are_case_sensitive() {
        assert_eq!("cc".parse::<Rating>(), Err(UnknownRating("cc".to_owned())));
    }

    #[test]
    fn points_follow_heuer() {
        assert_eq!(Rating::Inconsistent.inconsistency_points(), 1);
        assert_eq!(Rating::VeryInconsistent.inconsistency_points(), 2);
        assert_eq!(Rating::Neutral.inconsistency_points(), 0);
        assert_eq!(Rating::VeryConsistent.consistency_points(), 2);
        assert_eq!(Rating::NotApplicable.scale_value(), None);
    }
}
