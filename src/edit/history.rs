//! Undo and redo over a sequence of [`Edit`]s, and whether the matrix
//! differs from what was last saved.

use super::Edit;
use crate::model::Matrix;

/// The edits made to one matrix in this session.
///
/// Undo walks back through `done`; redo walks forward through `undone`; a
/// new edit after an undo discards what was undone, as editors do.
#[derive(Debug, Clone, Default)]
pub struct History {
    done: Vec<Edit>,
    undone: Vec<Edit>,
    /// How many edits of `done` the saved file holds; `None` when the saved
    /// state is no longer reachable by undo or redo.
    saved_at: Option<usize>,
}

impl History {
    /// A history whose starting point is what is on disk.
    pub fn new() -> Self {
        History {
            saved_at: Some(0),
            ..History::default()
        }
    }

    /// Applies `edit` to `matrix` and records it.
    pub fn apply(&mut self, matrix: &mut Matrix, edit: Edit) {
        edit.apply(matrix);
        if let Some(saved) = self.saved_at
            && saved > self.done.len()
        {
            // The saved state was among the undone edits being discarded.
            self.saved_at = None;
        }
        self.undone.clear();
        self.done.push(edit);
    }

    /// Reverses the last edit; returns it, or `None` with nothing to undo.
    pub fn undo(&mut self, matrix: &mut Matrix) -> Option<&Edit> {
        let edit = self.done.pop()?;
        edit.inverse().apply(matrix);
        self.undone.push(edit);
        self.undone.last()
    }

    /// Re-applies the last undone edit; returns it, or `None`.
    pub fn redo(&mut self, matrix: &mut Matrix) -> Option<&Edit> {
        let edit = self.undone.pop()?;
        edit.apply(matrix);
        self.done.push(edit);
        self.done.last()
    }

    /// Records that the matrix as it stands now has been saved.
    pub fn mark_saved(&mut self) {
        self.saved_at = Some(self.done.len());
    }

    /// Records that the file on disk no longer matches any state of this
    /// history (it was deleted, or replaced by another program).
    pub fn mark_unsaved(&mut self) {
        self.saved_at = None;
    }

    /// Whether the matrix differs from the saved file.
    pub fn is_dirty(&self) -> bool {
        self.saved_at != Some(self.done.len())
    }

    /// How many edits can be undone.
    pub fn undo_depth(&self) -> usize {
        self.done.len()
    }

    /// How many edits since the last save (for the recovery prompt); all
    /// of them when the saved state is unreachable.
    pub fn edits_since_save(&self) -> usize {
        match self.saved_at {
            Some(saved) => self.done.len().abs_diff(saved),
            None => self.done.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, Hypothesis, Rating};
    use crate::test_support::arbitrary_matrix;
    use proptest::prelude::*;

    fn matrix() -> Matrix {
        let mut matrix = Matrix::new("m");
        matrix.push_hypothesis(Hypothesis::new("H1", "one"));
        matrix.push_hypothesis(Hypothesis::new("H2", "two"));
        matrix.push_evidence(Evidence::new("E1", "e"));
        matrix
    }

    fn rate(after: Option<Rating>) -> Edit {
        Edit::Rate {
            evidence: 0,
            hypothesis: 1,
            before: None,
            after,
        }
    }

    #[test]
    fn undo_and_redo_restore_each_state() {
        let mut m = matrix();
        let original = m.clone();
        let mut history = History::new();
        history.apply(&mut m, rate(Some(Rating::Inconsistent)));
        let rated = m.clone();
        history.undo(&mut m);
        assert_eq!(m, original);
        history.redo(&mut m);
        assert_eq!(m, rated);
        assert!(history.redo(&mut m).is_none());
    }

    #[test]
    fn dirty_follows_the_saved_state_through_undo() {
        let mut m = matrix();
        let mut history = History::new();
        assert!(!history.is_dirty());
        history.apply(&mut m, rate(Some(Rating::Consistent)));
        assert!(history.is_dirty());
        history.mark_saved();
        assert!(!history.is_dirty());
        history.undo(&mut m);
        assert!(history.is_dirty());
        history.redo(&mut m);
        assert!(!history.is_dirty());
    }

    #[test]
    fn a_new_edit_after_undo_makes_the_saved_state_unreachable() {
        let mut m = matrix();
        let mut history = History::new();
        history.apply(&mut m, rate(Some(Rating::Consistent)));
        history.mark_saved();
        history.undo(&mut m);
        history.apply(&mut m, rate(Some(Rating::Neutral)));
        history.undo(&mut m);
        // Back at the start, which is not what the file holds.
        assert!(history.is_dirty());
    }

    #[test]
    fn removing_a_hypothesis_is_undone_with_its_ratings() {
        let mut m = matrix();
        m.set_rating(0, 0, Some(Rating::VeryConsistent));
        let original = m.clone();
        let mut history = History::new();
        let (hypothesis, column) = (m.hypotheses()[0].clone(), vec![m.rating(0, 0)]);
        history.apply(
            &mut m,
            Edit::RemoveHypothesis {
                index: 0,
                hypothesis,
                column,
            },
        );
        assert_eq!(m.hypotheses().len(), 1);
        history.undo(&mut m);
        assert_eq!(m, original);
    }

    proptest! {
        #[test]
        fn undoing_everything_restores_the_original(
            original in arbitrary_matrix(),
            steps in proptest::collection::vec((any::<u8>(), any::<u8>(), any::<u8>()), 0..20),
        ) {
            let mut m = original.clone();
            let mut history = History::new();
            for (a, b, c) in steps {
                if let Some(edit) = some_edit(&m, a, b, c) {
                    history.apply(&mut m, edit);
                }
            }
            let edited = m.clone();
            while history.undo(&mut m).is_some() {}
            prop_assert_eq!(&m, &original);
            while history.redo(&mut m).is_some() {}
            prop_assert_eq!(&m, &edited);
        }
    }

    /// An arbitrary valid edit of `m`, chosen by three bytes.
    fn some_edit(m: &Matrix, a: u8, b: u8, c: u8) -> Option<Edit> {
        let rows = m.evidence().len();
        let columns = m.hypotheses().len();
        match a % 5 {
            0 if rows > 0 && columns > 0 => {
                let (evidence, hypothesis) = (b as usize % rows, c as usize % columns);
                Some(Edit::Rate {
                    evidence,
                    hypothesis,
                    before: m.rating(evidence, hypothesis),
                    after: Rating::ALL.get(c as usize % 7).copied(),
                })
            }
            1 => Some(Edit::InsertHypothesis {
                index: b as usize % (columns + 1),
                hypothesis: Hypothesis::new(format!("N{c}"), "new"),
                column: vec![None; rows],
            }),
            2 if columns > 0 => {
                let index = b as usize % columns;
                Some(Edit::RemoveHypothesis {
                    index,
                    hypothesis: m.hypotheses()[index].clone(),
                    column: (0..rows).map(|row| m.rating(row, index)).collect(),
                })
            }
            3 => Some(Edit::InsertEvidence {
                index: b as usize % (rows + 1),
                evidence: Evidence::new(format!("N{c}"), "new"),
            }),
            4 if rows > 0 => {
                let index = b as usize % rows;
                Some(Edit::RemoveEvidence {
                    index,
                    evidence: m.evidence()[index].clone(),
                })
            }
            _ => None,
        }
    }
}
