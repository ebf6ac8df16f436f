//! The analyst's own judgement, recorded beside the matrix that informs it
//! (Heuer's step 7: report the conclusion with how confident you are).

use std::fmt;
use std::str::FromStr;

/// Which hypothesis the analyst judges most likely, how likely, how
/// confident they are, and why: the `[judgement]` table of the file. The
/// brief holds it against what the matrix computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    /// The id of the judged hypothesis (the file's loader checks that it
    /// names one; the workbench keeps it current when the id is edited).
    pub hypothesis: String,
    pub confidence: Confidence,
    /// How likely, in the ICD 203 words; `None` when not said.
    pub estimate: Option<Estimative>,
    /// Why, in a sentence or two.
    pub rationale: Option<String>,
}

/// Analytic confidence, the three levels ICD 203 and most agencies use:
/// how good the evidence and reasoning behind a judgement are, which is
/// not the same as how likely it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Confidence {
    #[default]
    Low,
    Moderate,
    High,
}

impl Confidence {
    /// Every level, lowest first.
    pub const ALL: [Confidence; 3] = [Confidence::Low, Confidence::Moderate, Confidence::High];

    /// The word written in matrix files.
    pub fn word(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Moderate => "moderate",
            Confidence::High => "high",
        }
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// A word that is not a confidence level.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown confidence `{0}` (expected low, moderate or high)")]
pub struct UnknownConfidence(pub String);

impl FromStr for Confidence {
    type Err = UnknownConfidence;

    fn from_str(word: &str) -> Result<Self, Self::Err> {
        Confidence::ALL
            .into_iter()
            .find(|level| level.word() == word)
            .ok_or_else(|| UnknownConfidence(word.to_owned()))
    }
}

/// The ICD 203 estimative words (US Intelligence Community Directive 203,
/// Analytic Standards), from least to most likely: the analyst's words
/// for the judgement, the same scale
/// [`crate::probability::estimative_word`] puts on a probability.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Estimative {
    AlmostNoChance,
    VeryUnlikely,
    Unlikely,
    RoughlyEvenChance,
    Likely,
    VeryLikely,
    AlmostCertain,
}

impl Estimative {
    /// Every word, least likely first.
    pub const ALL: [Estimative; 7] = [
        Estimative::AlmostNoChance,
        Estimative::VeryUnlikely,
        Estimative::Unlikely,
        Estimative::RoughlyEvenChance,
        Estimative::Likely,
        Estimative::VeryLikely,
        Estimative::AlmostCertain,
    ];

    /// The words, as written in files and shown.
    pub fn word(self) -> &'static str {
        match self {
            Estimative::AlmostNoChance => "almost no chance",
            Estimative::VeryUnlikely => "very unlikely",
            Estimative::Unlikely => "unlikely",
            Estimative::RoughlyEvenChance => "roughly even chance",
            Estimative::Likely => "likely",
            Estimative::VeryLikely => "very likely",
            Estimative::AlmostCertain => "almost certain",
        }
    }

    /// The word for probability `p`: almost no chance 1–5%, very unlikely
    /// 5–20%, unlikely 20–45%, roughly even chance 45–55%, likely 55–80%,
    /// very likely 80–95%, almost certain 95–99%.
    ///
    /// The directive's bands share their end points; here the roughly-even
    /// band keeps both of its ends and every other band keeps the end
    /// nearer 50%, so the words are symmetric (p and 1 − p get mirrored
    /// words). Values below 1% or above 99% take the outermost words.
    pub fn of_probability(p: f64) -> Estimative {
        if p < 0.05 {
            Estimative::AlmostNoChance
        } else if p < 0.20 {
            Estimative::VeryUnlikely
        } else if p < 0.45 {
            Estimative::Unlikely
        } else if p <= 0.55 {
            Estimative::RoughlyEvenChance
        } else if p <= 0.80 {
            Estimative::Likely
        } else if p <= 0.95 {
            Estimative::VeryLikely
        } else {
            Estimative::AlmostCertain
        }
    }
}

impl fmt::Display for Estimative {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// Words that are not on the ICD 203 scale.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown estimative words `{0}` (expected almost no chance, very unlikely, unlikely, roughly even chance, likely, very likely or almost certain)"
)]
pub struct UnknownEstimative(pub String);

impl FromStr for Estimative {
    type Err = UnknownEstimative;

    fn from_str(words: &str) -> Result<Self, Self::Err> {
        Estimative::ALL
            .into_iter()
            .find(|estimative| estimative.word() == words)
            .ok_or_else(|| UnknownEstimative(words.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip() {
        for level in Confidence::ALL {
            assert_eq!(level.word().parse::<Confidence>(), Ok(level));
        }
        for estimative in Estimative::ALL {
            assert_eq!(estimative.word().parse::<Estimative>(), Ok(estimative));
        }
        assert!("probable".parse::<Estimative>().is_err());
        assert!("medium".parse::<Confidence>().is_err());
    }

    #[test]
    fn bands_run_in_scale_order() {
        let mut last = Estimative::AlmostNoChance;
        for hundredths in 0..=100u32 {
            let word = Estimative::of_probability(f64::from(hundredths) / 100.0);
            assert!(word >= last, "{hundredths}");
            last = word;
        }
        assert_eq!(last, Estimative::AlmostCertain);
    }
}
