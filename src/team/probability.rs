//! The team's probabilities: each analyst's judged probabilities made
//! coherent, then averaged, as Mandel, Karvetski & Dhami (2018) did (the
//! step that cut their analysts' mean absolute error by 61%), beside the
//! consensus matrix's model posterior.

use super::Copy;
use crate::model::{Matrix, Probability};
use crate::probability::read;

/// The probabilities of the consensus hypotheses, in the consensus
/// matrix's column order.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamProbabilities {
    /// The model's posterior of the consensus matrix (its priors are the
    /// mean of the priors the analysts give).
    pub posterior: Vec<f64>,
    /// Each analyst's judged probabilities made coherent (divided by their
    /// sum), in analyst order; `None` for an analyst who does not give one
    /// for every consensus hypothesis, whose values cannot be made
    /// coherent over the team's hypotheses.
    pub coherent: Vec<Option<Vec<f64>>>,
    /// The mean of the coherent estimates; `None` when no analyst's can be
    /// made coherent.
    pub average: Option<Vec<f64>>,
}

impl TeamProbabilities {
    /// How many analysts' estimates the average is made of.
    pub fn averaged(&self) -> usize {
        self.coherent.iter().flatten().count()
    }
}

/// Gives each consensus hypothesis the mean of the priors the analysts'
/// copies give it, and no judged probability (the team's judgement is the
/// average below, not any one analyst's).
pub(super) fn set_team_priors(consensus: &mut Matrix, copies: &[Copy]) {
    for hypothesis in consensus.hypotheses_mut() {
        let given: Vec<f64> = copies
            .iter()
            .filter_map(|copy| {
                let column = copy.matrix.hypothesis_index(&hypothesis.id)?;
                copy.matrix.hypotheses()[column].prior.map(|p| p.value())
            })
            .collect();
        hypothesis.prior = (!given.is_empty())
            .then(|| Probability::new(given.iter().sum::<f64>() / given.len() as f64))
            .flatten();
        hypothesis.probability = None;
    }
}

/// The team's probabilities over `consensus` (rated, with team priors).
pub(super) fn team_probabilities(consensus: &Matrix, copies: &[Copy]) -> TeamProbabilities {
    let coherent: Vec<Option<Vec<f64>>> = copies
        .iter()
        .map(|copy| {
            let judged: Option<Vec<f64>> = consensus
                .hypotheses()
                .iter()
                .map(|h| {
                    let column = copy.matrix.hypothesis_index(&h.id)?;
                    copy.matrix.hypotheses()[column]
                        .probability
                        .map(|p| p.value())
                })
                .collect();
            let judged = judged?;
            let sum: f64 = judged.iter().sum();
            (sum > 0.0).then(|| judged.iter().map(|p| p / sum).collect())
        })
        .collect();
    let given: Vec<&Vec<f64>> = coherent.iter().flatten().collect();
    let average = (!given.is_empty()).then(|| {
        (0..consensus.hypotheses().len())
            .map(|h| given.iter().map(|v| v[h]).sum::<f64>() / given.len() as f64)
            .collect()
    });
    TeamProbabilities {
        posterior: read(consensus).posteriors,
        coherent,
        average,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, Hypothesis, Rating};
    use crate::team::compare;

    /// A copy of H1, H2 (and H3 when `third`) with one item, judged `judged`.
    fn copy(analyst: &str, judged: &[Option<f64>], priors: &[Option<f64>]) -> Copy {
        let mut matrix = Matrix::new("Q");
        for (n, (judged, prior)) in judged.iter().zip(priors).enumerate() {
            let mut hypothesis = Hypothesis::new(format!("H{}", n + 1), "h");
            hypothesis.probability = judged.and_then(Probability::new);
            hypothesis.prior = prior.and_then(Probability::new);
            matrix.push_hypothesis(hypothesis);
        }
        let row = matrix.push_evidence(Evidence::new("E1", "e"));
        matrix.set_rating(row, 0, Some(Rating::Inconsistent));
        Copy {
            analyst: analyst.to_owned(),
            matrix,
        }
    }

    fn close(a: &[f64], b: &[f64]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-12)
    }

    #[test]
    fn each_estimate_is_made_coherent_then_averaged() {
        // Alice's sum to 1.25 (coherent 0.6, 0.4); Bob's to 1 already.
        let team = compare(&[
            copy("alice", &[Some(0.75), Some(0.5)], &[None, None]),
            copy("bob", &[Some(0.2), Some(0.8)], &[None, None]),
        ]);
        let p = &team.probabilities;
        assert!(close(p.coherent[0].as_deref().unwrap(), &[0.6, 0.4]));
        assert!(close(p.coherent[1].as_deref().unwrap(), &[0.2, 0.8]));
        assert!(close(p.average.as_deref().unwrap(), &[0.4, 0.6]));
        assert_eq!(p.averaged(), 2);
        // The consensus carries no one's judged value.
        assert!(
            team.consensus
                .hypotheses()
                .iter()
                .all(|h| h.probability.is_none())
        );
    }

    #[test]
    fn an_analyst_without_a_value_for_every_hypothesis_is_left_out_of_the_average() {
        let team = compare(&[
            copy("alice", &[Some(0.5), Some(0.5)], &[None, None]),
            copy("bob", &[Some(0.9), None], &[None, None]),
            copy("carol", &[None, None], &[None, None]),
        ]);
        let p = &team.probabilities;
        assert_eq!(p.coherent[1], None);
        assert_eq!(p.coherent[2], None);
        assert!(close(p.average.as_deref().unwrap(), &[0.5, 0.5]));
        assert_eq!(p.averaged(), 1);
        let none = compare(&[copy("carol", &[None, None], &[None, None])]);
        assert_eq!(none.probabilities.average, None);
    }

    #[test]
    fn the_consensus_posterior_uses_the_analysts_mean_priors() {
        // Priors 0.8/0.2 and 0.6/0.4 average to 0.7/0.3; the item is I
        // (λ ½) against H1: 0.35 against 0.3.
        let team = compare(&[
            copy("alice", &[None, None], &[Some(0.8), Some(0.2)]),
            copy("bob", &[None, None], &[Some(0.6), Some(0.4)]),
        ]);
        let h1 = team.consensus.hypotheses()[0].prior.unwrap().value();
        assert!((h1 - 0.7).abs() < 1e-12);
        let expected = [0.35 / 0.65, 0.3 / 0.65];
        assert!(close(&team.probabilities.posterior, &expected));
    }
}
