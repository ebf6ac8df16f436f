//! Which hypotheses the grid marks as leading (★), by the same tier rule
//! as the brief (`export::Lead`): every hypothesis tied outright with the
//! first-ranked one is marked, none is marked while no evidence bears on
//! any hypothesis, and a hypothesis with no rating at all never is (a
//! brand-new column would otherwise lead with nothing against it).

use crate::export::Lead;
use crate::model::{Matrix, Rating};
use crate::scoring::Scores;

/// The positions of the leading hypotheses, in rank order.
pub fn leaders(matrix: &Matrix, scores: &Scores) -> Vec<usize> {
    let bears = matrix.evidence().iter().any(|evidence| {
        evidence
            .ratings()
            .iter()
            .any(|rating| matches!(rating, Some(r) if *r != Rating::NotApplicable))
    });
    if !bears {
        return Vec::new();
    }
    let Some(lead) = Lead::of(scores) else {
        return Vec::new();
    };
    let evidence = matrix.evidence().len();
    std::iter::once(lead.leader)
        .chain(lead.tied_outright)
        .filter(|&column| scores.hypotheses[column].unrated < evidence)
        .collect()
}
