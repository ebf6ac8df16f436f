//! Holding the analyst's judged probabilities to the rules of probability,
//! and against the model's posteriors.
//!
//! Each judged value is within 0…1 by construction
//! ([`crate::model::Probability`]; the loader and the form refuse others).
//! Judged values of exclusive, exhaustive hypotheses must sum to 1 within
//! [`SUM_TOLERANCE`]; when the matrix says the hypotheses are not
//! exhaustive they need only not exceed 1, the rest going to possibilities
//! not listed. Making estimates coherent this way is what Mandel,
//! Karvetski & Dhami (2018) found cut analysts' error.

use super::{Finding, SUM_TOLERANCE};
use crate::model::Hypothesis;

/// A judged probability further than this from the model's posterior is
/// flagged as a question to ask.
pub const FAR_FROM_POSTERIOR: f64 = 0.25;

/// The coherence of the judged probabilities, as `ach score --json`
/// reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct Coherence {
    /// The sum of the judged values given, or `None` when none is.
    pub judged_sum: Option<f64>,
    /// Whether they are coherent, or `None` when that cannot be told (no
    /// judged values, or some missing while the given ones still fit).
    pub coherent: Option<bool>,
    /// The judged values divided by their sum, when every hypothesis has
    /// one and they are not coherent: the nearest coherent estimate.
    pub normalised: Option<Vec<f64>>,
}

/// Checks `judged` (one per hypothesis, in column order) and returns the
/// coherence and the findings to show, warnings first, then questions.
pub fn coherence(
    hypotheses: &[Hypothesis],
    judged: &[Option<f64>],
    posteriors: &[f64],
    exhaustive: bool,
) -> (Coherence, Vec<Finding>) {
    let mut findings = Vec::new();
    let given: Vec<f64> = judged.iter().flatten().copied().collect();
    if given.is_empty() {
        let none = Coherence {
            judged_sum: None,
            coherent: None,
            normalised: None,
        };
        return (none, findings);
    }
    let sum: f64 = given.iter().sum();
    let complete = given.len() == judged.len();
    let too_much = sum > 1.0 + SUM_TOLERANCE;
    let coherent = if too_much {
        Some(false)
    } else if !complete {
        None
    } else if exhaustive {
        Some((sum - 1.0).abs() <= SUM_TOLERANCE)
    } else {
        Some(true)
    };
    let normalised = (coherent == Some(false) && complete && sum > 0.0)
        .then(|| judged.iter().map(|p| p.unwrap_or(0.0) / sum).collect());
    if !complete {
        let missing = hypotheses
            .iter()
            .zip(judged)
            .filter(|(_, p)| p.is_none())
            .map(|(h, _)| h.id.clone())
            .collect();
        findings.push(Finding::JudgedMissing {
            hypotheses: missing,
        });
    }
    if coherent == Some(false) {
        findings.push(Finding::JudgedIncoherent {
            sum,
            coherent: normalised.clone(),
        });
    }
    for ((hypothesis, judged), &posterior) in hypotheses.iter().zip(judged).zip(posteriors) {
        if let Some(judged) = *judged
            && (judged - posterior).abs() > FAR_FROM_POSTERIOR
        {
            findings.push(Finding::FarFromPosterior {
                hypothesis: hypothesis.id.clone(),
                judged,
                posterior,
            });
        }
    }
    let coherence = Coherence {
        judged_sum: Some(sum),
        coherent,
        normalised,
    };
    (coherence, findings)
}
