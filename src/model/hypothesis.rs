//! A competing hypothesis: one column of the matrix.

use super::Indicator;
use super::Probability;
use super::SetAside;

/// One of the competing explanations the analyst weighs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hypothesis {
    /// Short unique id (`H1`), used as the ratings key.
    pub id: String,
    /// One line, shown as the column header.
    pub title: String,
    /// Optional longer statement of the hypothesis.
    pub description: Option<String>,
    /// Left out of the ranking while set aside.
    pub set_aside: SetAside,
    /// The prior probability the analyst gives this hypothesis (`prior`),
    /// before any evidence; `None` takes the default 1/n.
    pub prior: Option<Probability>,
    /// The analyst's own judged probability (`probability`), held against
    /// the model's posterior by the coherence checks.
    pub probability: Option<Probability>,
    /// What to watch for that would show this hypothesis right or wrong
    /// (`[[hypotheses.indicators]]`), in the analyst's order.
    pub indicators: Vec<Indicator>,
}

impl Hypothesis {
    /// A hypothesis with an id and a title and no description.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Hypothesis {
            id: id.into(),
            title: title.into(),
            description: None,
            set_aside: SetAside::Counted,
            prior: None,
            probability: None,
            indicators: Vec::new(),
        }
    }
}
