//! What every format shows, computed once: the matrix, its scores, the
//! order of evidence by diagnosticity and the lines of quoted passages.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

use super::ExportContext;
use super::source::{QuoteLine, citation_of, quote_lines};
use std::fmt::Write;

use crate::model::{Evidence, Hypothesis, Matrix};
use crate::probability::{ProbabilityReading, read};
use crate::scoring::{
    HypothesisScore, Scores, Sensitivity, by_diagnosticity, score, sensitivity, shown_ranks,
};

/// The matrix and everything derived from it that an export prints.
pub(super) struct Report<'a> {
    pub matrix: &'a Matrix,
    pub scores: Scores,
    /// What the leader set rests on.
    pub sensitivity: Sensitivity,
    /// The model's posteriors and the analyst's judged probabilities.
    pub probability: ProbabilityReading,
    pub generated: NaiveDate,
    /// One per evidence item: the line its passage starts on, or `None`
    /// when the item has no passage.
    pub quote_lines: Vec<Option<QuoteLine>>,
    /// One per evidence item: how its passage's document is cited, from
    /// the document's metadata sidecar or else its title.
    pub citations: Vec<Option<String>>,
}

impl<'a> Report<'a> {
    pub fn new(matrix: &'a Matrix, context: &ExportContext<'_>) -> Self {
        let passages: Vec<_> = matrix
            .evidence()
            .iter()
            .map(|evidence| evidence.source.as_ref())
            .collect();
        let quote_lines = quote_lines(context.workspace, &passages);
        let scores = score(matrix);
        // One sidecar read per document, not per passage.
        let mut cited = std::collections::HashMap::new();
        let citations = matrix
            .evidence()
            .iter()
            .map(|evidence| {
                let passage = evidence.source.as_ref()?;
                cited
                    .entry(passage.document.as_str())
                    .or_insert_with(|| citation_of(context.workspace, passage))
                    .clone()
            })
            .collect();
        Report {
            matrix,
            sensitivity: sensitivity(matrix, &scores),
            probability: read(matrix),
            scores,
            generated: context.generated,
            quote_lines,
            citations,
        }
    }

    pub fn hypotheses(&self) -> &'a [Hypothesis] {
        self.matrix.hypotheses()
    }

    pub fn evidence(&self) -> &'a [Evidence] {
        self.matrix.evidence()
    }

    /// The scores of the hypothesis at `column`.
    pub fn score_of(&self, column: usize) -> &HypothesisScore {
        &self.scores.hypotheses[column]
    }

    /// The rank of the hypothesis at `column` as every human-readable
    /// export prints it, by the workbench's rule: each hypothesis in a
    /// leader set of several shares rank 1, written `1=`, and one rated
    /// against no counted item has none ([`crate::scoring::NOT_RANKED`]).
    pub fn rank_label(&self, column: usize) -> String {
        shown_ranks(&self.scores, &self.sensitivity.leader)[column].clone()
    }

    /// The ranked hypotheses in the order the scores tables list them:
    /// rank order, but those with no rank to show
    /// ([`crate::scoring::NOT_RANKED`]: rated against no counted item) after
    /// the ones ranked, so a column just added does not head the table.
    pub fn listed_ranking(&self) -> Vec<usize> {
        let shown = shown_ranks(&self.scores, &self.sensitivity.leader);
        let (ranked, unranked): (Vec<usize>, Vec<usize>) = self
            .scores
            .ranking
            .iter()
            .partition(|&&column| shown[column] != crate::scoring::NOT_RANKED);
        ranked.into_iter().chain(unranked).collect()
    }

    /// Evidence rows, most diagnostic first, in the order `ach score`
    /// lists them.
    pub fn by_diagnosticity(&self) -> Vec<usize> {
        by_diagnosticity(&self.scores)
    }

    /// Whether the matrix is wide enough that a printout should be landscape.
    pub fn is_wide(&self) -> bool {
        self.hypotheses().len() > 3
    }
}

/// A score as every human-readable format prints it: two decimals, as
/// `ach score` does.
pub(super) fn number(value: f64) -> String {
    format!("{value:.2}")
}

/// A timestamp as the matrix file writes it: RFC 3339 in UTC with `Z`.
pub(super) fn timestamp(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// What an unrated cell shows in Markdown and HTML.
pub(super) const UNRATED: &str = "·";

/// Kind, credibility, relevance, weight, date and Admiralty grade of an
/// item, as one phrase: `kind fact, credibility high, relevance medium,
/// weight 1.41, dated 2021-09-20, graded B2 (usually reliable, probably
/// true)`.
pub(super) fn item_facts(evidence: &Evidence) -> String {
    let mut facts = format!(
        "kind {}, credibility {}, relevance {}, weight {}",
        evidence.kind,
        evidence.credibility,
        evidence.relevance,
        number(evidence.weight())
    );
    if let Some(date) = evidence.date {
        let _ = write!(facts, ", dated {}", date.format("%Y-%m-%d"));
    }
    // The Admiralty grade beside the PARC credibility, in words too: the
    // reader of a report may not know the letters by heart.
    if let Some(grade) = evidence.grading.described() {
        let _ = write!(facts, ", graded {grade}");
    }
    facts
}
