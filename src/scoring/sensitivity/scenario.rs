//! Scenarios: the matrix rescored without a class of evidence, to show the
//! analyst how much the ranking owes to it.

use crate::model::{Evidence, EvidenceKind, Level, Matrix};
use crate::scoring::{Scores, score_where};

/// A class of evidence left out of the scores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scenario {
    /// Without the items of low credibility.
    WithoutLowCredibility,
    /// Without the assumption items.
    WithoutAssumptions,
    /// Without the items taken from one source document (its path).
    WithoutDocument(String),
}

impl Scenario {
    /// Whether the scenario leaves `evidence` out.
    pub fn leaves_out(&self, evidence: &Evidence) -> bool {
        match self {
            Scenario::WithoutLowCredibility => evidence.credibility == Level::Low,
            Scenario::WithoutAssumptions => evidence.kind == EvidenceKind::Assumption,
            Scenario::WithoutDocument(document) => evidence
                .source
                .as_ref()
                .is_some_and(|passage| &passage.document == document),
        }
    }

    /// A short heading in the analyst's words.
    pub fn label(&self) -> String {
        match self {
            Scenario::WithoutLowCredibility => "without low-credibility items".to_owned(),
            Scenario::WithoutAssumptions => "without assumptions".to_owned(),
            Scenario::WithoutDocument(document) => format!("without {document}"),
        }
    }

    /// The scores of `matrix` under this scenario.
    pub fn score(&self, matrix: &Matrix) -> Scores {
        score_where(matrix, |evidence| !self.leaves_out(evidence))
    }
}

/// The scenarios that apply to `matrix`: the two fixed ones, then one per
/// source document its counted items cite, in order of first citation.
pub fn scenarios(matrix: &Matrix) -> Vec<Scenario> {
    let mut all = vec![
        Scenario::WithoutLowCredibility,
        Scenario::WithoutAssumptions,
    ];
    for evidence in matrix.evidence() {
        if let Some(passage) = &evidence.source {
            let scenario = Scenario::WithoutDocument(passage.document.clone());
            if !all.contains(&scenario) {
                all.push(scenario);
            }
        }
    }
    all
}
