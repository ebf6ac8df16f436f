//! An evidence item: one row of the matrix.

use chrono::NaiveDate;

use super::{EvidenceKind, Grading, Level, Passage, Rating, SetAside};

/// One piece of evidence (or assumption, or absence of evidence) with its
/// rating against each hypothesis.
///
/// Ratings are stored by hypothesis *position* so that scoring a large
/// matrix is a walk over plain vectors; the [`Matrix`](super::Matrix) keeps
/// the positions aligned when hypotheses are added, removed or moved, which
/// is why the vector itself is private.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// Short unique id (`E1`).
    pub id: String,
    /// One line describing the evidence.
    pub summary: String,
    pub kind: EvidenceKind,
    pub credibility: Level,
    pub relevance: Level,
    /// The Admiralty grade of the source and the information: reported
    /// beside the item, never part of its weight.
    pub grading: Grading,
    /// When the event or report happened.
    pub date: Option<NaiveDate>,
    /// The analyst's free-form notes.
    pub notes: Option<String>,
    /// The passage of a document this item was taken from.
    pub source: Option<Passage>,
    /// Left out of every score while set aside.
    pub set_aside: SetAside,
    ratings: Vec<Option<Rating>>,
}

impl Evidence {
    /// An unrated report of medium credibility and relevance.
    pub fn new(id: impl Into<String>, summary: impl Into<String>) -> Self {
        Evidence {
            id: id.into(),
            summary: summary.into(),
            kind: EvidenceKind::default(),
            credibility: Level::default(),
            relevance: Level::default(),
            grading: Grading::default(),
            date: None,
            notes: None,
            source: None,
            set_aside: SetAside::Counted,
            ratings: Vec::new(),
        }
    }

    /// The weight of this item: credibility × relevance.
    pub fn weight(&self) -> f64 {
        self.credibility.factor() * self.relevance.factor()
    }

    /// The rating for the hypothesis at `hypothesis` (its position in the
    /// matrix), or `None` when that cell is unrated.
    pub fn rating(&self, hypothesis: usize) -> Option<Rating> {
        self.ratings.get(hypothesis).copied().flatten()
    }

    /// All cells of this row, one per hypothesis position; positions past
    /// the end of the slice are unrated.
    pub fn ratings(&self) -> &[Option<Rating>] {
        &self.ratings
    }

    pub(super) fn set_rating(&mut self, hypothesis: usize, rating: Option<Rating>) {
        if hypothesis >= self.ratings.len() {
            if rating.is_none() {
                return;
            }
            self.ratings.resize(hypothesis + 1, None);
        }
        self.ratings[hypothesis] = rating;
        self.drop_trailing_unrated();
    }

    /// Trailing unrated cells are not stored, so equal rows compare equal
    /// however they were built.
    fn drop_trailing_unrated(&mut self) {
        while self.ratings.last() == Some(&None) {
            self.ratings.pop();
        }
    }

    pub(super) fn remove_hypothesis(&mut self, hypothesis: usize) {
        if hypothesis < self.ratings.len() {
            self.ratings.remove(hypothesis);
            // Removing the last rated cell's column can leave unrated ones
            // at the end: [unrated, CC] without its second column.
            self.drop_trailing_unrated();
        }
    }

    pub(super) fn insert_hypothesis(&mut self, hypothesis: usize) {
        if hypothesis < self.ratings.len() {
            self.ratings.insert(hypothesis, None);
        }
    }

    pub(super) fn swap_hypotheses(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.rating(a), self.rating(b));
        self.set_rating(a, rb);
        self.set_rating(b, ra);
    }
}
