//! Actions in the matrix pane: moving, rating, adding, editing, deleting,
//! reordering, and following an item to its passage.

use crate::config::AfterRating;
use crate::edit::Edit;
use crate::model::Rating;
use crate::tui::action::Action;
use crate::tui::forms::{evidence_form, header_form, hypothesis_form, judgement_form};
use crate::tui::layout::{MatrixGeometry, areas, inner};
use crate::tui::msg::Effect;
use crate::tui::state::{MatrixRow, Notice, OpenMatrix, Popup, Question, State};

pub fn act(state: &mut State, action: Action) -> Vec<Effect> {
    let page = page_rows(state);
    let Some(open) = state.matrix.as_mut() else {
        if !matches!(action, Action::CloseTop) {
            state.notify(Notice::info(
                "No matrix is open: choose one in the Library (Tab), or create one with Ctrl-n",
            ));
        }
        return Vec::new();
    };
    let edits = matches!(
        action,
        Action::Rate(_)
            | Action::AddHypothesis
            | Action::AddEvidence
            | Action::EditSelected
            | Action::DeleteSelected
            | Action::MoveColumnLeft
            | Action::MoveColumnRight
            | Action::ToggleSetAside
            | Action::ResolveConflicts
            | Action::EditJudgement
    );
    if edits && open.read_only {
        state.notify(Notice::warning(
            "This matrix is open read-only (another workbench has it): Ctrl-s saves a copy",
        ));
        return Vec::new();
    }
    match action {
        Action::Up => move_rows(open, RowMove::By(-1)),
        Action::Down => move_rows(open, RowMove::By(1)),
        Action::PageUp => move_rows(open, RowMove::By(-(page as isize))),
        Action::PageDown => move_rows(open, RowMove::By(page as isize)),
        Action::Top => move_rows(open, RowMove::FirstEvidence),
        Action::Bottom => move_rows(open, RowMove::LastEvidence),
        Action::Left => open.column = open.column.saturating_sub(1),
        Action::Right => {
            open.column = (open.column + 1).min(open.matrix.hypotheses().len().saturating_sub(1));
        }
        Action::Rate(rating) => rate(state, rating),
        Action::AddHypothesis => {
            let form = hypothesis_form(&open.matrix, None);
            state.popups.push(Popup::Form(form));
        }
        Action::AddEvidence => {
            let form = evidence_form(&open.matrix, None);
            state.popups.push(Popup::Form(form));
        }
        Action::EditSelected => edit_selected(state),
        Action::EditJudgement => {
            let form = judgement_form(&open.matrix, open.column);
            state.popups.push(Popup::Form(form));
        }
        Action::DeleteSelected => delete_selected(state),
        Action::ToggleProbability => {
            open.show_probability = !open.show_probability;
            let said = if open.show_probability {
                "Probability rows shown: model posterior, your judged values, coherent version"
            } else {
                "Probability rows hidden"
            };
            state.notify(Notice::info(said));
        }
        Action::CycleOrder => {
            open.order = open.order.next();
            let label = open.order.label();
            state.notify(Notice::info(format!("Evidence in {label}")));
        }
        Action::MoveColumnLeft | Action::MoveColumnRight => move_column(state, action),
        Action::Open => return open_selected(state),
        Action::ToggleSetAside => super::set_aside::toggle(state),
        Action::WhatIf(what) => super::scenario::show(state, what),
        Action::ShowHealth => show_health(state),
        Action::ResolveConflicts => super::conflicts::start(state),
        _ => {}
    }
    Vec::new()
}

/// Rows a page key moves: the visible evidence rows, less one for context.
fn page_rows(state: &State) -> usize {
    let (hypotheses, probability) = state.matrix.as_ref().map_or((&[][..], false), |m| {
        (m.matrix.hypotheses(), m.show_probability)
    });
    areas(state)
        .matrix
        .map_or(1, |area| {
            MatrixGeometry::with_probability(inner(area), hypotheses, probability).visible_rows()
        })
        .saturating_sub(1)
        .max(1)
}

/// Where a vertical move goes.
enum RowMove {
    By(isize),
    FirstEvidence,
    LastEvidence,
}

/// Moves the cursor through title, header and the evidence in display
/// order, stopping at either end.
fn move_rows(open: &mut OpenMatrix, movement: RowMove) {
    let order = open.current_display_order();
    // Row numbers: 0 title, 1 header, 2.. evidence in display order.
    let current = match open.row {
        MatrixRow::Title => 0,
        MatrixRow::Hypotheses => 1,
        MatrixRow::Evidence(index) => 2 + order.iter().position(|&i| i == index).unwrap_or(0),
    };
    let last = 1 + order.len();
    let target = match movement {
        RowMove::By(by) => current.saturating_add_signed(by).min(last),
        // `g` goes to the first evidence row, not the title above it.
        RowMove::FirstEvidence => 2.min(last),
        RowMove::LastEvidence => last,
    };
    open.row = match target {
        0 => MatrixRow::Title,
        1 => MatrixRow::Hypotheses,
        n => MatrixRow::Evidence(order[n - 2]),
    };
}

fn rate(state: &mut State, rating: Option<Rating>) {
    let Some(open) = state.matrix.as_mut() else {
        return;
    };
    let MatrixRow::Evidence(evidence) = open.row else {
        state.notify(Notice::info("Move to an evidence row to rate it (j or ↓)"));
        return;
    };
    if open.matrix.hypotheses().is_empty() {
        state.notify(Notice::info("Add a hypothesis first (H)"));
        return;
    }
    let hypothesis = open.column;
    let before = open.matrix.rating(evidence, hypothesis);
    let edit = Edit::Rate {
        evidence,
        hypothesis,
        before,
        after: rating,
    };
    let described = crate::text::capitalised(&edit.describe(&open.matrix));
    if before != rating {
        open.apply(edit);
    }
    if rating.is_none() {
        state.notify(Notice::info(described));
        return;
    }
    let next = match crate::tui::settings::after_rating() {
        AfterRating::NextHypothesis => across_the_row(open, evidence, hypothesis),
        AfterRating::NextEvidence => down_the_column(open, evidence, hypothesis),
        AfterRating::Stay => "the cursor stays (after-rating = \"stay\")".to_owned(),
    };
    state.notify(Notice::info(format!("{described} · {next}")));
}

/// Across the row, as Heuer advises: one item against every hypothesis in
/// turn; after the last hypothesis, the next item's first.
fn across_the_row(open: &mut OpenMatrix, evidence: usize, hypothesis: usize) -> String {
    let last_column = open.matrix.hypotheses().len() - 1;
    if hypothesis < last_column {
        open.column = hypothesis + 1;
        format!("next: {}", open.matrix.hypotheses()[hypothesis + 1].id)
    } else {
        let order = open.current_display_order();
        let position = order.iter().position(|&i| i == evidence);
        match position.and_then(|p| order.get(p + 1)) {
            Some(&next_row) => {
                open.row = MatrixRow::Evidence(next_row);
                open.column = 0;
                format!(
                    "row done; next: {} against {}",
                    open.matrix.evidence()[next_row].id,
                    open.matrix.hypotheses()[0].id
                )
            }
            None => "that was the last cell".to_owned(),
        }
    }
}

/// Down the column: one hypothesis against every item in turn.
fn down_the_column(open: &mut OpenMatrix, evidence: usize, hypothesis: usize) -> String {
    let order = open.current_display_order();
    let position = order.iter().position(|&i| i == evidence);
    match position.and_then(|p| order.get(p + 1)) {
        Some(&next_row) => {
            open.row = MatrixRow::Evidence(next_row);
            format!(
                "next: {} against {}",
                open.matrix.evidence()[next_row].id,
                open.matrix.hypotheses()[hypothesis].id
            )
        }
        None => "that was the last item of the column".to_owned(),
    }
}

fn edit_selected(state: &mut State) {
    let Some(open) = state.matrix.as_ref() else {
        return;
    };
    let form = match open.row {
        MatrixRow::Title => header_form(&open.matrix),
        MatrixRow::Hypotheses if open.matrix.hypotheses().is_empty() => {
            state.notify(Notice::info("No hypotheses yet: add one with H"));
            return;
        }
        MatrixRow::Hypotheses => hypothesis_form(&open.matrix, Some(open.column)),
        MatrixRow::Evidence(index) => evidence_form(&open.matrix, Some(index)),
    };
    state.popups.push(Popup::Form(form));
}

fn delete_selected(state: &mut State) {
    let Some(open) = state.matrix.as_ref() else {
        return;
    };
    let (question, text) = match open.row {
        MatrixRow::Title => {
            state.notify(Notice::info(
                "Select a hypothesis (header row) or an evidence row to delete it",
            ));
            return;
        }
        MatrixRow::Hypotheses => {
            let Some(hypothesis) = open.matrix.hypotheses().get(open.column) else {
                return;
            };
            (
                Question::DeleteHypothesis(open.column),
                format!(
                    "Delete hypothesis {} “{}” and its {} ratings?",
                    hypothesis.id,
                    hypothesis.title,
                    (0..open.matrix.evidence().len())
                        .filter(|&row| open.matrix.rating(row, open.column).is_some())
                        .count()
                ),
            )
        }
        MatrixRow::Evidence(index) => {
            let evidence = &open.matrix.evidence()[index];
            (
                Question::DeleteEvidence(index),
                format!("Delete evidence {} “{}”?", evidence.id, evidence.summary),
            )
        }
    };
    state.popups.push(Popup::ask(question, text));
}

fn move_column(state: &mut State, action: Action) {
    let Some(open) = state.matrix.as_mut() else {
        return;
    };
    let from = open.column;
    let to = match action {
        Action::MoveColumnLeft => from.checked_sub(1),
        _ => Some(from + 1).filter(|&to| to < open.matrix.hypotheses().len()),
    };
    match to {
        Some(to) => {
            let id = open.matrix.hypotheses()[from].id.clone();
            open.apply(Edit::SwapHypotheses { a: from, b: to });
            open.column = to;
            let side = if to < from { "left" } else { "right" };
            let text = format!(
                "Moved hypothesis {id} {side}: now column {} of {} (u to undo)",
                to + 1,
                open.matrix.hypotheses().len()
            );
            state.notify(Notice::info(text));
        }
        None => {
            let end = if action == Action::MoveColumnLeft {
                "first"
            } else {
                "last"
            };
            state.notify(Notice::info(format!(
                "This hypothesis is already the {end} column"
            )));
        }
    }
}

/// `W`: the matrix health warnings, found now (from the cached scores).
fn show_health(state: &mut State) {
    let Some(open) = state.matrix.as_ref() else {
        return;
    };
    let scores = open.scores.scores();
    let sensitivity = crate::scoring::sensitivity(&open.matrix, scores);
    let warnings = crate::health::health(&open.matrix, scores, &sensitivity);
    let entries = crate::tui::health_text::health_entries(&open.matrix, warnings);
    state.popups.push(Popup::Health { entries, scroll: 0 });
    super::popup::clamp_scroll(state);
}

/// `Enter`: on a sourced item, show its passage in the reader; on the
/// header rows, edit.
fn open_selected(state: &mut State) -> Vec<Effect> {
    let Some(open) = state.matrix.as_ref() else {
        return Vec::new();
    };
    match open.row {
        MatrixRow::Title | MatrixRow::Hypotheses => {
            edit_selected(state);
            Vec::new()
        }
        MatrixRow::Evidence(index) => match open.matrix.evidence()[index].source.clone() {
            Some(passage) => super::reader::show_passage(state, passage),
            None => {
                state.notify(Notice::info(
                    "This item has no passage (press e to edit it)",
                ));
                Vec::new()
            }
        },
    }
}
