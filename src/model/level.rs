//! The words that qualify an evidence item: its kind, credibility and relevance.

use std::fmt;
use std::str::FromStr;

/// A three-step judgement used for both credibility and relevance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Level {
    Low,
    #[default]
    Medium,
    High,
}

impl Level {
    /// Every level, lowest first.
    pub const ALL: [Level; 3] = [Level::Low, Level::Medium, Level::High];

    /// The word written in matrix files.
    pub fn word(self) -> &'static str {
        match self {
            Level::Low => "low",
            Level::Medium => "medium",
            Level::High => "high",
        }
    }

    /// The level's initial, `L`, `M` or `H`, for narrow columns.
    pub fn initial(self) -> char {
        match self {
            Level::Low => 'L',
            Level::Medium => 'M',
            Level::High => 'H',
        }
    }

    /// The factor this level contributes to an evidence item's weight:
    /// low = 1/√2, medium = 1, high = √2, as in the PARC ACH technical
    /// description, so that credibility × relevance spans 0.5 to 2.
    pub fn factor(self) -> f64 {
        match self {
            Level::Low => std::f64::consts::FRAC_1_SQRT_2,
            Level::Medium => 1.0,
            Level::High => std::f64::consts::SQRT_2,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// A word that is not `low`, `medium` or `high`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown level `{0}` (expected low, medium or high)")]
pub struct UnknownLevel(pub String);

impl FromStr for Level {
    type Err = UnknownLevel;

    fn from_str(word: &str) -> Result<Self, Self::Err> {
        Level::ALL
            .into_iter()
            .find(|level| level.word() == word)
            .ok_or_else(|| UnknownLevel(word.to_owned()))
    }
}

/// What sort of information an evidence item is. Heuer asks analysts to
/// list assumptions and the absence of evidence beside reports and facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum EvidenceKind {
    Fact,
    #[default]
    Report,
    Assumption,
    Absence,
    Other,
}

impl EvidenceKind {
    /// Every kind, in the order the workbench offers them.
    pub const ALL: [EvidenceKind; 5] = [
        EvidenceKind::Fact,
        EvidenceKind::Report,
        EvidenceKind::Assumption,
        EvidenceKind::Absence,
        EvidenceKind::Other,
    ];

    /// The word written in matrix files.
    pub fn word(self) -> &'static str {
        match self {
            EvidenceKind::Fact => "fact",
            EvidenceKind::Report => "report",
            EvidenceKind::Assumption => "assumption",
            EvidenceKind::Absence => "absence",
            EvidenceKind::Other => "other",
        }
    }
}

impl fmt::Display for EvidenceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// A word that is not one of the evidence kinds.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown kind `{0}` (expected fact, report, assumption, absence or other)")]
pub struct UnknownKind(pub String);

impl FromStr for EvidenceKind {
    type Err = UnknownKind;

    fn from_str(word: &str) -> Result<Self, Self::Err> {
        EvidenceKind::ALL
            .into_iter()
            .find(|kind| kind.word() == word)
            .ok_or_else(|| UnknownKind(word.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip() {
        for level in Level::ALL {
            assert_eq!(level.word().parse::<Level>(), Ok(level));
        }
        for kind in EvidenceKind::ALL {
            assert_eq!(kind.word().parse::<EvidenceKind>(), Ok(kind));
        }
    }

    #[test]
    fn factors_multiply_to_the_parc_range() {
        let lowest = Level::Low.factor() * Level::Low.factor();
        let highest = Level::High.factor() * Level::High.factor();
        assert!((lowest - 0.5).abs() < 1e-12);
        assert!((highest - 2.0).abs() < 1e-12);
    }
}
