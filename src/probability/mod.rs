//! A Bayesian reading of the matrix beside the scores, and the analyst's
//! own probabilities held against it. Pure functions; nothing here is
//! stored in the matrix file.
//!
//! The model, exactly as computed (the README's "Probabilities" section
//! documents it and `tests::the_readme_example_reproduces` computes its
//! worked example):
//!
//! - prior(h): the hypothesis' `prior`, or 1/n when it has none; priors
//!   that do not sum to 1 (within [`SUM_TOLERANCE`]) are a warning and are
//!   divided by their sum.
//! - λ(e, h): the likelihood ratio of the cell ([`likelihood`]).
//! - weight(e): credibility × relevance, as the scores use
//!   ([`crate::model::Evidence::weight`]).
//! - posterior(h) ∝ prior(h) × Π_e λ(e, h)^weight(e), normalised over the
//!   hypotheses. Computed as ln prior + Σ weight × ln λ and normalised with
//!   log-sum-exp, so 20,000 items neither underflow nor overflow.
//!
//! The model assumes exclusive, exhaustive hypotheses and conditionally
//! independent evidence; [`CAVEAT`] says so wherever it is shown.

mod cache;
mod coherence;
mod estimative;
mod likelihood;

pub use cache::ProbabilityCache;
pub use coherence::{Coherence, FAR_FROM_POSTERIOR, coherence};
pub use estimative::estimative_word;
pub use likelihood::{default_likelihood, likelihood};

use std::fmt;

use crate::model::{Evidence, Matrix};

/// How far from 1 a sum of probabilities may be and still count as 1.
pub const SUM_TOLERANCE: f64 = 0.01;

/// What the model assumes, said wherever its numbers are shown.
pub const CAVEAT: &str = "A model, not a measurement: it assumes the hypotheses are mutually \
exclusive and together exhaustive, and that the evidence items are conditionally independent \
given each hypothesis.";

/// [`CAVEAT`] in one line, for the workbench's probability rows.
pub const SHORT_CAVEAT: &str = "A model: exclusive, exhaustive hypotheses; independent evidence.";

/// The probability reading of a whole matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct ProbabilityReading {
    /// The prior of each hypothesis in column order, as used: defaults
    /// filled in and normalised to sum to 1.
    pub priors: Vec<f64>,
    /// The model's posterior of each hypothesis in column order; sums to 1.
    pub posteriors: Vec<f64>,
    /// The analyst's judged probability of each hypothesis, if given.
    pub judged: Vec<Option<f64>>,
    /// How the judged probabilities hold together.
    pub coherence: Coherence,
    /// Warnings about the model and questions for the analyst, in the
    /// order they should be read.
    pub findings: Vec<Finding>,
}

impl ProbabilityReading {
    /// The coherent version of the judged values, in column order: the
    /// values themselves when they already sum to 1, divided by their sum
    /// when every hypothesis has one and they do not; `None` when that
    /// cannot be told (some hypothesis has no judged value).
    pub fn coherent(&self) -> Option<Vec<f64>> {
        if let Some(normalised) = &self.coherence.normalised {
            return Some(normalised.clone());
        }
        let all: Option<Vec<f64>> = self.judged.iter().copied().collect();
        all.filter(|_| self.coherence.coherent == Some(true))
    }
}

/// Something the analyst should know about the reading.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// The priors (given and defaulted) sum to `sum`, not 1; they were
    /// normalised.
    PriorsNotOne { sum: f64 },
    /// Every prior is 0, so there is nothing to normalise; uniform priors
    /// were used instead.
    PriorsAllZero,
    /// The matrix says `exhaustive = false`: the posteriors are still
    /// normalised over the listed hypotheses, which the model assumes are
    /// all there is.
    NotExhaustive,
    /// The judged probabilities sum to `sum`, which is not coherent; their
    /// normalised (coherent) version is `coherent`, in column order, when
    /// every hypothesis has a judged value.
    JudgedIncoherent {
        sum: f64,
        coherent: Option<Vec<f64>>,
    },
    /// Some hypotheses have a judged probability and these do not, so the
    /// judged values cannot be checked to sum to 1.
    JudgedMissing { hypotheses: Vec<String> },
    /// A question, not an error: the analyst's judged probability of this
    /// hypothesis is more than [`FAR_FROM_POSTERIOR`] from the model's.
    FarFromPosterior {
        hypothesis: String,
        judged: f64,
        posterior: f64,
    },
}

impl Finding {
    /// True for a question to ask rather than a warning about the numbers.
    pub fn is_question(&self) -> bool {
        matches!(self, Finding::FarFromPosterior { .. })
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Finding::PriorsNotOne { sum } => write!(
                f,
                "the priors sum to {sum:.3}, not 1; they were divided by their sum"
            ),
            Finding::PriorsAllZero => {
                f.write_str("every prior is 0; uniform priors (1/n) were used instead")
            }
            Finding::NotExhaustive => f.write_str(
                "the matrix says the hypotheses are not exhaustive (`exhaustive = false`), \
                 yet the posteriors are normalised over them: read them as relative to each \
                 other, not as probabilities of the world",
            ),
            Finding::JudgedIncoherent { sum, coherent } => {
                write!(f, "the judged probabilities sum to {sum:.2}, not 1")?;
                if let Some(coherent) = coherent {
                    let values: Vec<String> = coherent.iter().map(|p| format!("{p:.2}")).collect();
                    write!(f, "; coherent (normalised): {}", values.join(", "))?;
                }
                Ok(())
            }
            Finding::JudgedMissing { hypotheses } => write!(
                f,
                "no judged probability for {}, so the judged values cannot be checked to sum to 1",
                hypotheses.join(", ")
            ),
            Finding::FarFromPosterior {
                hypothesis,
                judged,
                posterior,
            } => write!(
                f,
                "{hypothesis}: you judge {judged:.2} but the model gives {posterior:.2}; \
                 what do you know that the matrix does not say?"
            ),
        }
    }
}

/// Whether an evidence item takes part in the reading. The one place this
/// is decided, so that items the analyst sets aside contribute nothing.
pub fn counts(evidence: &Evidence) -> bool {
    !evidence.set_aside.is_set()
}

/// The probability reading of `matrix`: O(cells). The workbench keeps a
/// [`ProbabilityCache`] instead, which gives the same reading edit by edit.
pub fn read(matrix: &Matrix) -> ProbabilityReading {
    ProbabilityCache::new(matrix).reading().clone()
}

/// The reading from the matrix' hypotheses and header and the counts of
/// its cells: O(hypotheses).
fn reading_from_tally(matrix: &Matrix, tally: &cache::Tally) -> ProbabilityReading {
    let n = matrix.hypotheses().len();
    let mut findings = Vec::new();
    let priors = priors(matrix, &mut findings);
    if !matrix.is_exhaustive() && n > 0 {
        findings.push(Finding::NotExhaustive);
    }
    let posteriors = posteriors(matrix, tally, &priors);
    let judged: Vec<Option<f64>> = matrix
        .hypotheses()
        .iter()
        .map(|h| h.probability.map(|p| p.value()))
        .collect();
    let (coherence, judged_findings) = coherence(
        matrix.hypotheses(),
        &judged,
        &posteriors,
        matrix.is_exhaustive(),
    );
    findings.extend(judged_findings);
    ProbabilityReading {
        priors,
        posteriors,
        judged,
        coherence,
        findings,
    }
}

fn priors(matrix: &Matrix, findings: &mut Vec<Finding>) -> Vec<f64> {
    let n = matrix.hypotheses().len();
    if n == 0 {
        return Vec::new();
    }
    let uniform = 1.0 / n as f64;
    let given: Vec<f64> = matrix
        .hypotheses()
        .iter()
        .map(|h| h.prior.map_or(uniform, |p| p.value()))
        .collect();
    let sum: f64 = given.iter().sum();
    if sum <= 0.0 {
        findings.push(Finding::PriorsAllZero);
        return vec![uniform; n];
    }
    if (sum - 1.0).abs() > SUM_TOLERANCE {
        findings.push(Finding::PriorsNotOne { sum });
    }
    given.into_iter().map(|p| p / sum).collect()
}

/// prior × Π λ^weight, normalised, in log space: ln prior + Σ weight ×
/// ln λ, the sum taken over the tally's (cell value, weight class) counts
/// rather than item by item (the same sum, grouped).
fn posteriors(matrix: &Matrix, tally: &cache::Tally, priors: &[f64]) -> Vec<f64> {
    let overrides = &matrix.likelihood;
    let mut logs: Vec<f64> = priors.iter().map(|p| p.ln()).collect();
    for (column, log) in logs.iter_mut().enumerate() {
        for (value, by_weight) in tally.column(column).iter().enumerate() {
            let ln_ratio = likelihood(cache::slot_value(value), overrides).ln();
            if ln_ratio == 0.0 {
                continue;
            }
            for (weight, &count) in by_weight.iter().enumerate() {
                if count != 0 {
                    *log += count as f64 * cache::slot_weight(weight) * ln_ratio;
                }
            }
        }
    }
    normalise_logs(&logs)
}

/// exp(x) / Σ exp(x), shifted by the largest x so that neither very large
/// nor very small sums leave f64's range. A hypothesis with a zero prior
/// (ln 0 = −∞) gets exactly 0.
fn normalise_logs(logs: &[f64]) -> Vec<f64> {
    let largest = logs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !largest.is_finite() {
        // Only reachable with no hypotheses (priors are never all 0 here).
        return vec![0.0; logs.len()];
    }
    let shifted: Vec<f64> = logs.iter().map(|x| (x - largest).exp()).collect();
    let total: f64 = shifted.iter().sum();
    shifted.into_iter().map(|x| x / total).collect()
}

#[cfg(test)]
mod tests;
