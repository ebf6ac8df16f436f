//! Actions while a popup is on top: help, forms and questions.

use chrono::{DateTime, Utc};

use crate::edit::Edit;
use crate::text::capitalised;
use crate::tui::action::Action;
use crate::tui::forms::{FieldValue, FormPurpose, new_matrix_from, save_as_form, save_as_path};
use crate::tui::layout::{text_popup_columns, text_popup_rows};
use crate::tui::msg::{AfterSave, Effect, SaveMode};
use crate::tui::questions::Answer;
use crate::tui::state::{MatrixRow, Notice, Popup, Question, State};

/// Lines the help popup scrolls per page.
const HELP_PAGE: u16 = 10;

pub fn act(state: &mut State, action: Action, now: DateTime<Utc>) -> Vec<Effect> {
    match state.popups.last_mut() {
        Some(
            Popup::Help { scroll } | Popup::Messages { scroll } | Popup::Health { scroll, .. },
        ) => {
            match action {
                Action::Down => *scroll = scroll.saturating_add(1),
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::PageDown => *scroll = scroll.saturating_add(HELP_PAGE),
                Action::PageUp => *scroll = scroll.saturating_sub(HELP_PAGE),
                Action::Top => *scroll = 0,
                Action::Bottom => *scroll = u16::MAX,
                Action::CloseTop | Action::ToggleHelp => {
                    state.popups.pop();
                }
                _ => {}
            }
            clamp_scroll(state);
            Vec::new()
        }
        Some(Popup::Form(form)) => match action {
            Action::NextField => {
                form.move_focus(true);
                Vec::new()
            }
            Action::PreviousField => {
                form.move_focus(false);
                Vec::new()
            }
            Action::ChoiceNext => {
                form.focused_field_mut().cycle(true);
                Vec::new()
            }
            Action::ChoicePrevious => {
                form.focused_field_mut().cycle(false);
                Vec::new()
            }
            Action::NewLine => {
                if let FieldValue::Lines(lines) = &mut form.focused_field_mut().value {
                    lines.new_line();
                    form.clear_error();
                }
                Vec::new()
            }
            // Up and down within the lines, and on to the neighbouring
            // field past the first or last.
            Action::RowUp | Action::RowDown => {
                let up = action == Action::RowUp;
                let moved = match &mut form.focused_field_mut().value {
                    FieldValue::Lines(lines) if up => lines.row_up(),
                    FieldValue::Lines(lines) => lines.row_down(),
                    _ => false,
                };
                if !moved {
                    form.move_focus(!up);
                }
                Vec::new()
            }
            Action::Submit => submit_form(state, now),
            Action::CloseTop => {
                if let Some(Popup::Form(form)) = state.popups.pop()
                    && let FormPurpose::ConflictValue(resolving) = form.purpose
                {
                    super::conflicts::back_to_question(state, *resolving);
                }
                Vec::new()
            }
            _ => Vec::new(),
        },
        Some(Popup::Confirm { question, .. }) => match action {
            Action::Answer(choice) => answer(state, choice, now),
            Action::CloseTop => {
                if matches!(question, Question::Restore(_)) {
                    // Editing now would overwrite the recovered changes
                    // with new ones: leave the matrix closed until the
                    // analyst decides.
                    state.matrix = None;
                    state.notify(Notice::info(
                        "Left the matrix closed: its recovered changes are kept for when you open it again",
                    ));
                }
                if let Some(Popup::Confirm {
                    question: Question::ResolveConflict(resolving),
                    ..
                }) = state.popups.pop()
                {
                    super::conflicts::back_out(state, *resolving);
                }
                Vec::new()
            }
            _ => Vec::new(),
        },
        Some(Popup::Scenario(_)) => {
            match action {
                Action::WhatIf(what) => super::scenario::show(state, what),
                Action::CloseTop => {
                    state.popups.pop();
                }
                _ => {}
            }
            Vec::new()
        }
        // The export list is handled by `export::act`.
        Some(Popup::Export { .. }) | None => Vec::new(),
    }
}

/// Keeps a scrolled popup's offset within its text, so `G` then `k` moves
/// at once and the view never has to correct it.
pub fn clamp_scroll(state: &mut State) {
    let (width, height) = (state.width, state.height);
    let rows = text_popup_rows(width, height);
    let columns = text_popup_columns(width, height);
    let total = match state.popups.last() {
        Some(Popup::Help { .. }) => crate::tui::help_text::help_lines(columns).len(),
        Some(Popup::Messages { .. }) => {
            crate::tui::help_text::message_lines(&state.log, columns).len()
        }
        Some(Popup::Health { entries, .. }) => {
            crate::tui::health_text::health_lines(entries, columns).len()
        }
        _ => return,
    };
    let max = u16::try_from(total)
        .unwrap_or(u16::MAX)
        .saturating_sub(rows);
    if let Some(
        Popup::Help { scroll } | Popup::Messages { scroll } | Popup::Health { scroll, .. },
    ) = state.popups.last_mut()
    {
        *scroll = (*scroll).min(max);
    }
}

fn submit_form(state: &mut State, now: DateTime<Utc>) -> Vec<Effect> {
    let Some(Popup::Form(form)) = state.popups.last_mut() else {
        return Vec::new();
    };
    if form.purpose == FormPurpose::NewMatrix {
        let library = &state.library.library;
        let taken = |file: &str| {
            library.matrices.iter().any(|m| m.path == file)
                || library.skipped.iter().any(|s| s.path == file)
        };
        return match new_matrix_from(form, &state.workspace, taken) {
            None => Vec::new(),
            Some((path, mut matrix)) => {
                // The form stays until the file is made: a name taken
                // meanwhile is refused at its field, nothing typed lost.
                let stamp = super::global::whole_seconds(now);
                matrix.created = Some(stamp);
                matrix.updated = Some(stamp);
                let contents = crate::storage::matrix_to_toml(&matrix);
                vec![Effect::CreateMatrix { path, contents }]
            }
        };
    }
    if let FormPurpose::ConflictValue(_) = &form.purpose {
        super::conflicts::submit_value(state);
        return Vec::new();
    }
    if let FormPurpose::SaveAs(then) = &form.purpose {
        let then = then.clone();
        return match save_as_path(form, &state.workspace) {
            Err(why) => {
                form.error = Some(why);
                Vec::new()
            }
            Ok(path) => {
                state.popups.pop();
                super::global::save_to(state, path, SaveMode::SaveAs, then, now)
            }
        };
    }
    let Some(open) = state.matrix.as_mut() else {
        return Vec::new();
    };
    match form.submit(&open.matrix) {
        Err(refusal) => refusal.show_on(form),
        Ok(edit) => {
            let attached = matches!(form.purpose, FormPurpose::Attach(_));
            let new_row = match &edit {
                Edit::InsertEvidence { index, .. } => Some(*index),
                _ => None,
            };
            let new_column = match &edit {
                Edit::InsertHypothesis { index, .. } => Some(*index),
                _ => None,
            };
            open.apply(edit.clone());
            if let Some(row) = new_row {
                open.row = MatrixRow::Evidence(row);
            }
            if let Some(column) = new_column {
                open.column = column;
            }
            let described = edit.describe(&open.matrix);
            state.popups.pop();
            let text = if attached {
                format!("{described}: rate it in the matrix (Tab)")
            } else {
                described
            };
            state.notify(Notice::info(capitalised(&text)));
        }
    }
    Vec::new()
}

/// The answer to the question on top, chosen from its own choices (the
/// dispatcher offers no others). Each question has its own small handler.
fn answer(state: &mut State, answer: Answer, now: DateTime<Utc>) -> Vec<Effect> {
    let Some(Popup::Confirm { question, .. }) = state.popups.pop() else {
        return Vec::new();
    };
    match question {
        Question::QuitUnsaved => quit_unsaved(state, answer, now),
        Question::DeleteHypothesis(index) => delete_hypothesis(state, answer, index),
        Question::DeleteEvidence(index) => delete_evidence(state, answer, index),
        Question::SwitchMatrixUnsaved(path) => switch_matrix(state, answer, path, now),
        Question::OverwriteExport { format, .. } => match answer {
            Answer::Yes => super::export::write(state, format, now, true),
            _ => Vec::new(),
        },
        Question::OpenReadOnly { path, loaded } => {
            super::files::open_loaded(state, path, *loaded, true);
            Vec::new()
        }
        Question::Restore(recovery) => restore(state, answer, *recovery),
        Question::ChangedOnDisk { then } => changed_on_disk(state, answer, then, now),
        Question::SaveFailed { then } => save_as(state, then),
        Question::Import(path) => match answer {
            Answer::Yes => vec![Effect::Import(path)],
            _ => Vec::new(),
        },
        Question::ResolveConflict(resolving) => {
            super::conflicts::answer(state, answer, *resolving);
            Vec::new()
        }
        Question::DropComments { then } => match answer {
            Answer::Yes => {
                if let Some(open) = state.matrix.as_mut() {
                    open.unsaved_comments = false;
                }
                super::global::save(state, now, then)
            }
            _ => save_as(state, then),
        },
    }
}

fn quit_unsaved(state: &mut State, answer: Answer, now: DateTime<Utc>) -> Vec<Effect> {
    if answer == Answer::Yes {
        return super::global::save(state, now, AfterSave::Quit);
    }
    state.quitting = true;
    // The analyst chose to drop the changes: drop their copy too.
    state
        .matrix
        .as_ref()
        .map(|open| vec![Effect::RemoveRecovery(open.path.clone())])
        .unwrap_or_default()
}

fn delete_hypothesis(state: &mut State, answer: Answer, index: usize) -> Vec<Effect> {
    if answer == Answer::Yes {
        delete(state, |matrix| {
            let hypothesis = matrix.hypotheses().get(index)?.clone();
            let column = (0..matrix.evidence().len())
                .map(|row| matrix.rating(row, index))
                .collect();
            Some(Edit::RemoveHypothesis {
                index,
                hypothesis,
                column,
            })
        });
    }
    Vec::new()
}

fn delete_evidence(state: &mut State, answer: Answer, index: usize) -> Vec<Effect> {
    if answer == Answer::Yes {
        delete(state, |matrix| {
            Some(Edit::RemoveEvidence {
                index,
                evidence: matrix.evidence().get(index)?.clone(),
            })
        });
    }
    Vec::new()
}

fn switch_matrix(
    state: &mut State,
    answer: Answer,
    path: std::path::PathBuf,
    now: DateTime<Utc>,
) -> Vec<Effect> {
    match answer {
        Answer::Yes => super::global::save(state, now, AfterSave::Open(path)),
        _ => vec![Effect::LoadMatrix(path)],
    }
}

fn restore(state: &mut State, answer: Answer, recovery: crate::storage::Recovery) -> Vec<Effect> {
    if answer == Answer::Discard {
        state.notify(Notice::info("Discarded the recovered changes"));
        super::conflicts::offer(state);
        return state
            .matrix
            .as_ref()
            .map(|open| vec![Effect::RemoveRecovery(open.path.clone())])
            .unwrap_or_default();
    }
    if let Some(open) = state.matrix.as_mut() {
        let before = Box::new(open.matrix.clone());
        open.apply(Edit::ReplaceMatrix {
            before,
            after: Box::new(recovery.matrix),
        });
        state.notify(Notice::info(
            "Restored the recovered changes: they are unsaved until Ctrl-s (u undoes the restore)",
        ));
    }
    super::conflicts::offer(state);
    Vec::new()
}

fn changed_on_disk(
    state: &mut State,
    answer: Answer,
    then: AfterSave,
    now: DateTime<Utc>,
) -> Vec<Effect> {
    match answer {
        Answer::Reload => reload(state),
        Answer::Overwrite => {
            let Some(path) = state.matrix.as_ref().map(|open| open.path.clone()) else {
                return Vec::new();
            };
            super::global::save_to(state, path, SaveMode::Overwrite, then, now)
        }
        _ => save_as(state, then),
    }
}

/// Offers the save-as form, then does what was planned.
fn save_as(state: &mut State, then: AfterSave) -> Vec<Effect> {
    if let Some(open) = &state.matrix {
        let form = save_as_form(&state.workspace, &open.path, then);
        state.popups.push(Popup::Form(form));
    }
    Vec::new()
}

/// Drops the open matrix's changes and reads it again from disk.
fn reload(state: &mut State) -> Vec<Effect> {
    let Some(open) = state.matrix.take() else {
        return Vec::new();
    };
    // Release the lock before taking it again.
    let path = open.path.clone();
    drop(open);
    vec![
        Effect::RemoveRecovery(path.clone()),
        Effect::LoadMatrix(path),
    ]
}

fn delete(state: &mut State, make: impl FnOnce(&crate::model::Matrix) -> Option<Edit>) {
    let Some(open) = state.matrix.as_mut() else {
        return;
    };
    if let Some(edit) = make(&open.matrix) {
        open.apply(edit.clone());
        let text = capitalised(&edit.describe(&open.matrix));
        state.notify(Notice::info(format!("{text} (u to undo)")));
    }
}
