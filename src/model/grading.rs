//! Source grading as analysts use it: the Admiralty (NATO STANAG 2511)
//! system, a letter for the reliability of the source (`A`–`F`) and a digit
//! for the credibility of the information (`1`–`6`), written together as
//! `B2`.
//!
//! The grade is provenance, reported beside an item; it is not the PARC
//! credibility weight ([`Level`](super::Level)) that scores it.

use std::fmt;
use std::str::FromStr;

/// How far the source has proved reliable, `A` (completely reliable) to
/// `F` (cannot be judged).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SourceReliability {
    A,
    B,
    C,
    D,
    E,
    F,
}

impl SourceReliability {
    /// Every grade, best first.
    pub const ALL: [SourceReliability; 6] = [
        SourceReliability::A,
        SourceReliability::B,
        SourceReliability::C,
        SourceReliability::D,
        SourceReliability::E,
        SourceReliability::F,
    ];

    /// The letter written in files.
    pub fn letter(self) -> &'static str {
        match self {
            SourceReliability::A => "A",
            SourceReliability::B => "B",
            SourceReliability::C => "C",
            SourceReliability::D => "D",
            SourceReliability::E => "E",
            SourceReliability::F => "F",
        }
    }

    /// What the letter means, as the standard words it.
    pub fn meaning(self) -> &'static str {
        match self {
            SourceReliability::A => "completely reliable",
            SourceReliability::B => "usually reliable",
            SourceReliability::C => "fairly reliable",
            SourceReliability::D => "not usually reliable",
            SourceReliability::E => "unreliable",
            SourceReliability::F => "reliability cannot be judged",
        }
    }
}

/// A reliability that is not one of the six letters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not one of A, B, C, D, E, F")]
pub struct UnknownReliability(pub String);

impl FromStr for SourceReliability {
    type Err = UnknownReliability;

    fn from_str(letter: &str) -> Result<Self, Self::Err> {
        SourceReliability::ALL
            .into_iter()
            .find(|grade| grade.letter() == letter)
            .ok_or_else(|| UnknownReliability(letter.to_owned()))
    }
}

impl fmt::Display for SourceReliability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.letter())
    }
}

/// How far the information is confirmed, 1 (confirmed by other sources) to
/// 6 (truth cannot be judged).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InformationCredibility(u8);

impl InformationCredibility {
    /// Every grade, best first.
    pub const ALL: [InformationCredibility; 6] = [
        InformationCredibility(1),
        InformationCredibility(2),
        InformationCredibility(3),
        InformationCredibility(4),
        InformationCredibility(5),
        InformationCredibility(6),
    ];

    /// The grade `digit`, when it is 1 to 6.
    pub fn new(digit: i64) -> Result<Self, CredibilityOutOfRange> {
        match u8::try_from(digit) {
            Ok(digit @ 1..=6) => Ok(InformationCredibility(digit)),
            _ => Err(CredibilityOutOfRange(digit)),
        }
    }

    /// The digit written in files.
    pub fn digit(self) -> u8 {
        self.0
    }

    /// What the digit means, as the standard words it.
    pub fn meaning(self) -> &'static str {
        match self.0 {
            1 => "confirmed by other sources",
            2 => "probably true",
            3 => "possibly true",
            4 => "doubtful",
            5 => "improbable",
            _ => "truth cannot be judged",
        }
    }
}

/// A credibility outside 1 to 6.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0} is not between 1 and 6")]
pub struct CredibilityOutOfRange(pub i64);

impl fmt::Display for InformationCredibility {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// An Admiralty grade; either half may be left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Grading {
    pub reliability: Option<SourceReliability>,
    pub credibility: Option<InformationCredibility>,
}

impl Grading {
    /// Whether neither half is given.
    pub fn is_empty(&self) -> bool {
        self.reliability.is_none() && self.credibility.is_none()
    }

    /// `B2`, `B`, `2` or `None`: the grade as analysts write it.
    pub fn code(&self) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let mut code = String::new();
        if let Some(reliability) = self.reliability {
            code.push_str(reliability.letter());
        }
        if let Some(credibility) = self.credibility {
            code.push_str(&credibility.to_string());
        }
        Some(code)
    }

    /// `B2 (usually reliable, probably true)`, for a reader who does not
    /// know the letters by heart; `None` when ungraded.
    pub fn described(&self) -> Option<String> {
        let words: Vec<&str> = self
            .reliability
            .map(SourceReliability::meaning)
            .into_iter()
            .chain(self.credibility.map(InformationCredibility::meaning))
            .collect();
        self.code()
            .map(|code| format!("{code} ({})", words.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_digits_parse_and_print_back() {
        for grade in SourceReliability::ALL {
            assert_eq!(grade.letter().parse::<SourceReliability>(), Ok(grade));
        }
        for grade in InformationCredibility::ALL {
            assert_eq!(InformationCredibility::new(grade.digit().into()), Ok(grade));
        }
        assert_eq!(
            "b".parse::<SourceReliability>().unwrap_err().to_string(),
            "`b` is not one of A, B, C, D, E, F"
        );
        assert_eq!(
            InformationCredibility::new(7).unwrap_err().to_string(),
            "7 is not between 1 and 6"
        );
        assert!(InformationCredibility::new(0).is_err());
        assert!(InformationCredibility::new(-1).is_err());
        assert!(InformationCredibility::new(256 + 2).is_err());
    }

    #[test]
    fn a_grade_is_written_as_analysts_write_it() {
        let b = Some(SourceReliability::B);
        let two = Some(InformationCredibility::new(2).unwrap());
        let grade = |reliability, credibility| Grading {
            reliability,
            credibility,
        };
        assert_eq!(grade(b, two).code().as_deref(), Some("B2"));
        assert_eq!(grade(b, None).code().as_deref(), Some("B"));
        assert_eq!(grade(None, two).code().as_deref(), Some("2"));
        assert_eq!(grade(None, None).code(), None);
        assert_eq!(
            grade(b, two).described().as_deref(),
            Some("B2 (usually reliable, probably true)")
        );
        assert_eq!(
            grade(None, two).described().as_deref(),
            Some("2 (probably true)")
        );
    }
}
