//! Indicators to watch (Heuer's step 8): the future events or findings
//! that would show a hypothesis right or wrong, each with the date it
//! should be seen by and whether it has been.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

/// One milestone the analyst watches for a hypothesis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indicator {
    /// What would be seen, in a sentence.
    pub text: String,
    /// When it should have been seen by, if the analyst expects it by a date.
    pub expected_by: Option<NaiveDate>,
    pub status: IndicatorStatus,
}

impl Indicator {
    /// An open indicator with no date.
    pub fn new(text: impl Into<String>) -> Self {
        Indicator {
            text: text.into(),
            expected_by: None,
            status: IndicatorStatus::Open,
        }
    }

    /// Still open after the day it was expected by: the judgement it
    /// supports should be looked at again.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status == IndicatorStatus::Open && self.expected_by.is_some_and(|by| by < today)
    }
}

/// The overdue indicators of `hypotheses`, as (column, index of the
/// indicator) in column order: one list for `ach check`, the workbench and
/// the brief, so the three flag the same ones.
pub fn overdue_indicators(
    hypotheses: &[super::Hypothesis],
    today: NaiveDate,
) -> Vec<(usize, usize)> {
    hypotheses
        .iter()
        .enumerate()
        .flat_map(|(column, hypothesis)| {
            hypothesis
                .indicators
                .iter()
                .enumerate()
                .filter(move |(_, indicator)| indicator.is_overdue(today))
                .map(move |(index, _)| (column, index))
        })
        .collect()
}

/// Whether an indicator has been seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum IndicatorStatus {
    /// Not yet known.
    #[default]
    Open,
    /// It happened.
    Observed,
    /// It was looked for and did not happen.
    NotObserved,
}

impl IndicatorStatus {
    /// Every status, in the order the workbench cycles through them.
    pub const ALL: [IndicatorStatus; 3] = [
        IndicatorStatus::Open,
        IndicatorStatus::Observed,
        IndicatorStatus::NotObserved,
    ];

    /// The word written in matrix files and shown.
    pub fn word(self) -> &'static str {
        match self {
            IndicatorStatus::Open => "open",
            IndicatorStatus::Observed => "observed",
            IndicatorStatus::NotObserved => "not observed",
        }
    }

    /// The next status in [`IndicatorStatus::ALL`], wrapping around.
    pub fn next(self) -> IndicatorStatus {
        let at = IndicatorStatus::ALL
            .iter()
            .position(|s| *s == self)
            .unwrap_or(0);
        IndicatorStatus::ALL[(at + 1) % IndicatorStatus::ALL.len()]
    }
}

impl fmt::Display for IndicatorStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// A word that is not an indicator status.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown indicator status `{0}` (expected open, observed or not observed)")]
pub struct UnknownStatus(pub String);

impl FromStr for IndicatorStatus {
    type Err = UnknownStatus;

    fn from_str(word: &str) -> Result<Self, Self::Err> {
        IndicatorStatus::ALL
            .into_iter()
            .find(|status| status.word() == word)
            .ok_or_else(|| UnknownStatus(word.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn only_an_open_indicator_past_its_date_is_overdue() {
        let today = day("2026-12-03");
        let mut indicator = Indicator::new("troops leave the border");
        assert!(!indicator.is_overdue(today), "no date, never overdue");
        indicator.expected_by = Some(day("2026-12-03"));
        assert!(!indicator.is_overdue(today), "due today is not yet overdue");
        indicator.expected_by = Some(day("2026-12-02"));
        assert!(indicator.is_overdue(today));
        indicator.status = IndicatorStatus::Observed;
        assert!(!indicator.is_overdue(today));
        indicator.status = IndicatorStatus::NotObserved;
        assert!(!indicator.is_overdue(today));
    }

    #[test]
    fn status_words_round_trip_and_cycle() {
        for status in IndicatorStatus::ALL {
            assert_eq!(status.word().parse::<IndicatorStatus>(), Ok(status));
        }
        assert!("seen".parse::<IndicatorStatus>().is_err());
        assert_eq!(IndicatorStatus::Open.next(), IndicatorStatus::Observed);
        assert_eq!(IndicatorStatus::NotObserved.next(), IndicatorStatus::Open);
    }
}
