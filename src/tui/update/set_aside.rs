//! `a` in the matrix: set the item or hypothesis under the cursor aside
//! (kept, struck through, left out of every score), or count it again.
//! An edit like any other, so `u` undoes it.

use crate::edit::Edit;
use crate::model::SetAside;
use crate::tui::state::{MatrixRow, Notice, State};

pub fn toggle(state: &mut State) {
    let Some(open) = state.matrix.as_mut() else {
        return;
    };
    let edit = match open.row {
        MatrixRow::Title => {
            state.notify(Notice::info(
                "Move to an evidence row or a hypothesis (header row) to set it aside",
            ));
            return;
        }
        MatrixRow::Hypotheses => {
            let Some(before) = open.matrix.hypotheses().get(open.column).cloned() else {
                state.notify(Notice::info("No hypotheses yet: add one with H"));
                return;
            };
            let mut after = before.clone();
            after.set_aside = toggled(&before.set_aside);
            Edit::ReplaceHypothesis {
                index: open.column,
                before,
                after,
            }
        }
        MatrixRow::Evidence(index) => {
            let before = open.matrix.evidence()[index].clone();
            let mut after = before.clone();
            after.set_aside = toggled(&before.set_aside);
            Edit::ReplaceEvidence {
                index,
                before,
                after,
            }
        }
    };
    let described = crate::text::capitalised(&edit.describe(&open.matrix));
    open.apply(edit);
    state.notify(Notice::info(format!("{described} (u to undo)")));
}

/// Set aside without a reason (one can be written in the file), or back.
fn toggled(set_aside: &SetAside) -> SetAside {
    match set_aside {
        SetAside::Counted => SetAside::Aside { reason: None },
        SetAside::Aside { .. } => SetAside::Counted,
    }
}
