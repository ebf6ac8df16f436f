//! Random analyst sessions for the property tests of the incremental
//! caches (scores, probabilities): each step is an edit, an undo or a
//! redo, applied to a matrix and its history as the workbench applies
//! them, so a cache can be checked against a fresh computation after each.

use proptest::prelude::*;

use crate::edit::{Edit, History};
use crate::model::{Evidence, Hypothesis, Level, Matrix, Probability, Rating, SetAside};

/// One step of a session, with positions taken modulo the matrix's size
/// when it is applied.
#[derive(Debug, Clone)]
pub enum Step {
    Rate(usize, usize, Option<Rating>),
    Reweigh(usize, Level, Level),
    AddItem(usize),
    RemoveItem(usize),
    AddHypothesis(usize),
    RemoveHypothesis(usize),
    Swap(usize, usize),
    /// Sets an item (`true`) or a hypothesis aside, or back.
    ToggleAside(usize, bool),
    /// Gives a hypothesis a judged probability of this many hundredths.
    Judge(usize, u8),
    Undo,
    Redo,
}

pub fn step() -> impl Strategy<Value = Step> {
    let rating = || proptest::option::of(proptest::sample::select(Rating::ALL.to_vec()));
    let level = || proptest::sample::select(Level::ALL.to_vec());
    prop_oneof![
        6 => (any::<usize>(), any::<usize>(), rating()).prop_map(|(e, h, r)| Step::Rate(e, h, r)),
        2 => (any::<usize>(), level(), level()).prop_map(|(e, c, r)| Step::Reweigh(e, c, r)),
        1 => any::<usize>().prop_map(Step::AddItem),
        1 => any::<usize>().prop_map(Step::RemoveItem),
        1 => any::<usize>().prop_map(Step::AddHypothesis),
        1 => any::<usize>().prop_map(Step::RemoveHypothesis),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Step::Swap(a, b)),
        2 => (any::<usize>(), any::<bool>()).prop_map(|(at, item)| Step::ToggleAside(at, item)),
        2 => (any::<usize>(), 0..=100u8).prop_map(|(h, p)| Step::Judge(h, p)),
        2 => Just(Step::Undo),
        1 => Just(Step::Redo),
    ]
}

/// Carries out `step` on `matrix` and `history` (the `serial`-th step of
/// the session names what it adds), and returns the edit that was applied
/// to the matrix (for an undo, the inverse of the edit undone), or `None`
/// when the step did not apply.
pub fn replay(
    matrix: &mut Matrix,
    history: &mut History,
    step: &Step,
    serial: usize,
) -> Option<Edit> {
    match step {
        Step::Undo => history.undo(matrix).map(Edit::inverse),
        Step::Redo => history.redo(matrix).cloned(),
        step => {
            let edit = edit_for(matrix, step, serial)?;
            history.apply(matrix, edit.clone());
            Some(edit)
        }
    }
}

/// The edit a step makes on `matrix`, if it makes sense there.
fn edit_for(matrix: &Matrix, step: &Step, serial: usize) -> Option<Edit> {
    let rows = matrix.evidence().len();
    let columns = matrix.hypotheses().len();
    let replace_evidence = |index: usize, change: &dyn Fn(&mut Evidence)| {
        let before = matrix.evidence()[index].clone();
        let mut after = before.clone();
        change(&mut after);
        Edit::ReplaceEvidence {
            index,
            before,
            after,
        }
    };
    let replace_hypothesis = |index: usize, change: &dyn Fn(&mut Hypothesis)| {
        let before = matrix.hypotheses()[index].clone();
        let mut after = before.clone();
        change(&mut after);
        Edit::ReplaceHypothesis {
            index,
            before,
            after,
        }
    };
    match *step {
        Step::Rate(e, h, after) if rows > 0 && columns > 0 => {
            let (evidence, hypothesis) = (e % rows, h % columns);
            Some(Edit::Rate {
                evidence,
                hypothesis,
                before: matrix.rating(evidence, hypothesis),
                after,
            })
        }
        Step::Reweigh(e, credibility, relevance) if rows > 0 => {
            Some(replace_evidence(e % rows, &|item| {
                item.credibility = credibility;
                item.relevance = relevance;
            }))
        }
        Step::AddItem(at) => Some(Edit::InsertEvidence {
            index: at % (rows + 1),
            evidence: Evidence::new(format!("N{serial}"), "new"),
        }),
        Step::RemoveItem(at) if rows > 0 => Some(Edit::RemoveEvidence {
            index: at % rows,
            evidence: matrix.evidence()[at % rows].clone(),
        }),
        Step::AddHypothesis(at) => Some(Edit::InsertHypothesis {
            index: at % (columns + 1),
            hypothesis: Hypothesis::new(format!("X{serial}"), "new"),
            column: vec![None; rows],
        }),
        Step::RemoveHypothesis(at) if columns > 0 => {
            let index = at % columns;
            Some(Edit::RemoveHypothesis {
                index,
                hypothesis: matrix.hypotheses()[index].clone(),
                column: (0..rows).map(|row| matrix.rating(row, index)).collect(),
            })
        }
        Step::Swap(a, b) if columns > 0 => Some(Edit::SwapHypotheses {
            a: a % columns,
            b: b % columns,
        }),
        Step::ToggleAside(at, true) if rows > 0 => Some(replace_evidence(at % rows, &|item| {
            item.set_aside = toggled(&item.set_aside);
        })),
        Step::ToggleAside(at, false) if columns > 0 => {
            Some(replace_hypothesis(at % columns, &|hypothesis| {
                hypothesis.set_aside = toggled(&hypothesis.set_aside);
            }))
        }
        Step::Judge(h, p) if columns > 0 => Some(replace_hypothesis(h % columns, &|hypothesis| {
            hypothesis.probability = Probability::new(f64::from(p) / 100.0);
        })),
        _ => None,
    }
}

fn toggled(set_aside: &SetAside) -> SetAside {
    match set_aside {
        SetAside::Counted => SetAside::Aside {
            reason: Some("doubtful".to_owned()),
        },
        SetAside::Aside { .. } => SetAside::Counted,
    }
}
