//! The ACH matrix: hypotheses as columns, evidence as rows.

use chrono::{DateTime, Utc};

use super::{Evidence, Hypothesis, Judgement, LikelihoodOverrides, MergeConflict, Rating};

/// A whole analysis: the question, the competing hypotheses and the
/// evidence rated against each of them.
///
/// Scores are not stored here: they are computed from the ratings by
/// [`crate::scoring`] whenever they are needed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Matrix {
    /// The analysis' title, e.g. the question in a few words.
    pub title: String,
    /// The question the hypotheses answer.
    pub question: Option<String>,
    /// Who made the analysis.
    pub analyst: Option<String>,
    /// When the matrix was first saved.
    pub created: Option<DateTime<Utc>>,
    /// When the matrix was last saved.
    pub updated: Option<DateTime<Utc>>,
    /// `exhaustive`: whether the hypotheses cover every possibility. `None`
    /// (the key left out) means they do; see [`Matrix::is_exhaustive`].
    pub exhaustive: Option<bool>,
    /// `[probability] likelihood`: the likelihood ratios this matrix sets
    /// in place of the defaults.
    pub likelihood: LikelihoodOverrides,
    /// Fields a git merge left with two values, until resolved (the
    /// `[[conflicts]]` tables of the file).
    pub conflicts: Vec<MergeConflict>,
    /// The analyst's own judgement (`[judgement]`), if recorded.
    pub judgement: Option<Judgement>,
    hypotheses: Vec<Hypothesis>,
    evidence: Vec<Evidence>,
}

impl Matrix {
    /// An empty matrix with a title.
    pub fn new(title: impl Into<String>) -> Self {
        Matrix {
            title: title.into(),
            ..Matrix::default()
        }
    }

    /// Whether the hypotheses are taken to cover every possibility, as the
    /// probability model assumes: true unless the file says
    /// `exhaustive = false`.
    pub fn is_exhaustive(&self) -> bool {
        self.exhaustive.unwrap_or(true)
    }

    /// The hypotheses, in column order.
    pub fn hypotheses(&self) -> &[Hypothesis] {
        &self.hypotheses
    }

    /// The hypotheses, editable in place (but not added or removed, which
    /// would misalign the ratings: use the methods below for that).
    pub fn hypotheses_mut(&mut self) -> &mut [Hypothesis] {
        &mut self.hypotheses
    }

    /// The evidence items, in row (file) order.
    pub fn evidence(&self) -> &[Evidence] {
        &self.evidence
    }

    /// The evidence items, editable in place and reorderable.
    pub fn evidence_mut(&mut self) -> &mut [Evidence] {
        &mut self.evidence
    }

    /// The position of the hypothesis with this id.
    pub fn hypothesis_index(&self, id: &str) -> Option<usize> {
        self.hypotheses.iter().position(|h| h.id == id)
    }

    /// The position of the evidence item with this id.
    pub fn evidence_index(&self, id: &str) -> Option<usize> {
        self.evidence.iter().position(|e| e.id == id)
    }

    /// Adds a hypothesis as the last column, unrated by every item.
    pub fn push_hypothesis(&mut self, hypothesis: Hypothesis) -> usize {
        self.hypotheses.push(hypothesis);
        self.hypotheses.len() - 1
    }

    /// Inserts a hypothesis at `index` with an unrated column.
    ///
    /// # Panics
    /// When `index` is past the last column.
    pub fn insert_hypothesis(&mut self, index: usize, hypothesis: Hypothesis) {
        self.hypotheses.insert(index, hypothesis);
        for evidence in &mut self.evidence {
            evidence.insert_hypothesis(index);
        }
    }

    /// Removes the hypothesis at `index` and its column of ratings, which
    /// are returned (one per evidence item) so the removal can be undone.
    ///
    /// # Panics
    /// When there is no hypothesis at `index`.
    pub fn remove_hypothesis(&mut self, index: usize) -> (Hypothesis, Vec<Option<Rating>>) {
        let hypothesis = self.hypotheses.remove(index);
        let column = self
            .evidence
            .iter_mut()
            .map(|evidence| {
                let rating = evidence.rating(index);
                evidence.remove_hypothesis(index);
                rating
            })
            .collect();
        (hypothesis, column)
    }

    /// Swaps two columns, hypotheses and ratings together.
    ///
    /// # Panics
    /// When either index has no hypothesis.
    pub fn swap_hypotheses(&mut self, a: usize, b: usize) {
        self.hypotheses.swap(a, b);
        for evidence in &mut self.evidence {
            evidence.swap_hypotheses(a, b);
        }
    }

    /// Adds an evidence item as the last row.
    pub fn push_evidence(&mut self, evidence: Evidence) -> usize {
        self.insert_evidence(self.evidence.len(), evidence);
        self.evidence.len() - 1
    }

    /// Inserts an evidence item at `index`. Ratings it carries for
    /// hypotheses that do not exist are dropped.
    ///
    /// # Panics
    /// When `index` is past the last row.
    pub fn insert_evidence(&mut self, index: usize, mut evidence: Evidence) {
        for extra in (self.hypotheses.len()..evidence.ratings().len()).rev() {
            evidence.set_rating(extra, None);
        }
        self.evidence.insert(index, evidence);
    }

    /// Removes and returns the evidence item at `index`.
    ///
    /// # Panics
    /// When there is no evidence item at `index`.
    pub fn remove_evidence(&mut self, index: usize) -> Evidence {
        self.evidence.remove(index)
    }

    /// Rates evidence item `evidence` against hypothesis `hypothesis`
    /// (`None` makes the cell unrated) and returns the previous rating.
    ///
    /// # Panics
    /// When either index is out of range.
    pub fn set_rating(
        &mut self,
        evidence: usize,
        hypothesis: usize,
        rating: Option<Rating>,
    ) -> Option<Rating> {
        assert!(
            hypothesis < self.hypotheses.len(),
            "no hypothesis at column {hypothesis}"
        );
        let row = &mut self.evidence[evidence];
        let previous = row.rating(hypothesis);
        row.set_rating(hypothesis, rating);
        previous
    }

    /// The rating of one cell.
    pub fn rating(&self, evidence: usize, hypothesis: usize) -> Option<Rating> {
        self.evidence.get(evidence)?.rating(hypothesis)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_by_two() -> Matrix {
        let mut matrix = Matrix::new("t");
        matrix.push_hypothesis(Hypothesis::new("H1", "one"));
        matrix.push_hypothesis(Hypothesis::new("H2", "two"));
        matrix.push_evidence(Evidence::new("E1", "first"));
        matrix.push_evidence(Evidence::new("E2", "second"));
        matrix.set_rating(0, 0, Some(Rating::Consistent));
        matrix.set_rating(0, 1, Some(Rating::Inconsistent));
        matrix.set_rating(1, 1, Some(Rating::VeryInconsistent));
        matrix
    }

    #[test]
    fn removing_a_hypothesis_removes_its_column() {
        let mut matrix = two_by_two();
        let (removed, column) = matrix.remove_hypothesis(0);
        assert_eq!(removed.id, "H1");
        assert_eq!(column, vec![Some(Rating::Consistent), None]);
        assert_eq!(matrix.rating(0, 0), Some(Rating::Inconsistent));
        assert_eq!(matrix.rating(1, 0), Some(Rating::VeryInconsistent));
    }

    #[test]
    fn inserting_a_hypothesis_shifts_ratings_right() {
        let mut matrix = two_by_two();
        matrix.insert_hypothesis(0, Hypothesis::new("H0", "zero"));
        assert_eq!(matrix.rating(0, 0), None);
        assert_eq!(matrix.rating(0, 1), Some(Rating::Consistent));
        assert_eq!(matrix.rating(0, 2), Some(Rating::Inconsistent));
    }

    #[test]
    fn swapping_hypotheses_moves_their_ratings() {
        let mut matrix = two_by_two();
        matrix.swap_hypotheses(0, 1);
        assert_eq!(matrix.hypotheses()[0].id, "H2");
        assert_eq!(matrix.rating(0, 0), Some(Rating::Inconsistent));
        assert_eq!(matrix.rating(1, 1), None);
    }

    #[test]
    fn unrating_the_last_cell_equals_never_rating_it() {
        let mut matrix = two_by_two();
        matrix.set_rating(1, 1, None);
        let mut fresh = Evidence::new("E2", "second");
        fresh.set_rating(3, None);
        assert_eq!(matrix.evidence()[1], fresh);
    }

    #[test]
    fn set_rating_returns_the_previous_rating() {
        let mut matrix = two_by_two();
        let previous = matrix.set_rating(0, 1, Some(Rating::Neutral));
        assert_eq!(previous, Some(Rating::Inconsistent));
    }
}
