//! Actions that mean the same in every pane: quit, save, undo, panes, help.

use chrono::{DateTime, Utc};

use crate::tui::action::Action;
use std::path::PathBuf;

use crate::tui::forms::{new_matrix_form, save_as_form};
use crate::tui::msg::{AfterSave, Effect, SaveMode};
use crate::tui::state::{Notice, Popup, Question, State};

/// Handles `action` if it is global; `None` leaves it to the focused pane.
pub fn act(state: &mut State, action: Action, now: DateTime<Utc>) -> Option<Vec<Effect>> {
    let effects = match action {
        Action::Quit => quit(state),
        Action::Save => save(state, now, AfterSave::Stay),
        Action::Undo => {
            undo(state, true);
            Vec::new()
        }
        Action::Redo => {
            undo(state, false);
            Vec::new()
        }
        Action::NextPane | Action::PreviousPane => {
            state.focus = state.focus.cycle(action == Action::NextPane);
            Vec::new()
        }
        Action::ToggleHelp => {
            state.popups.push(Popup::Help { scroll: 0 });
            Vec::new()
        }
        Action::ShowMessages => {
            // Scrolled to the newest message.
            state.popups.push(Popup::Messages { scroll: u16::MAX });
            super::popup::clamp_scroll(state);
            Vec::new()
        }
        Action::NewMatrix => {
            state.popups.push(Popup::Form(new_matrix_form()));
            Vec::new()
        }
        Action::Export => {
            super::export::open_menu(state);
            Vec::new()
        }
        Action::ToggleZoom => {
            state.zoomed = !state.zoomed;
            super::reader::reflow(state);
            Vec::new()
        }
        _ => return None,
    };
    Some(effects)
}

/// `q`: quits, asking first when the matrix has unsaved changes.
pub fn quit(state: &mut State) -> Vec<Effect> {
    match &state.matrix {
        Some(open) if open.is_dirty() => {
            let text = format!(
                "{} has unsaved changes. Save before quitting?",
                open.file_name()
            );
            state.popups.push(Popup::ask(Question::QuitUnsaved, text));
        }
        _ => state.quitting = true,
    }
    Vec::new()
}

/// `Ctrl-s`: writes the matrix through the core's writer, refusing to
/// overwrite a file another program changed meanwhile. A read-only matrix
/// is offered a save-as instead.
pub fn save(state: &mut State, now: DateTime<Utc>, then: AfterSave) -> Vec<Effect> {
    let Some(open) = &state.matrix else {
        state.notify(Notice::warning("No matrix is open: nothing to save"));
        return Vec::new();
    };
    if open.read_only {
        let form = save_as_form(&state.workspace, &open.path, then);
        state.popups.push(Popup::Form(form));
        state.notify(Notice::warning(
            "This matrix is open read-only: save your version under another name",
        ));
        return Vec::new();
    }
    if open.unsaved_comments {
        let shown = state.workspace.display_path(&open.path);
        let text = format!(
            "{shown} has comments. The workbench writes the file in its own layout and does not keep them\n(the version with comments stays in {shown}.orig until you remove it)."
        );
        state
            .popups
            .push(Popup::ask(Question::DropComments { then }, text));
        return Vec::new();
    }
    let path = open.path.clone();
    let mode = SaveMode::Checked {
        expected: open.disk_fingerprint,
        known: open.disk_known,
    };
    save_to(state, path, mode, then, now)
}

/// The effect that writes the open matrix to `path`. The file is written
/// by the event loop, which reports back with `Msg::Saved`.
pub fn save_to(
    state: &mut State,
    path: PathBuf,
    mode: SaveMode,
    then: AfterSave,
    now: DateTime<Utc>,
) -> Vec<Effect> {
    let Some(open) = &mut state.matrix else {
        return Vec::new();
    };
    let stamp = whole_seconds(now);
    open.matrix.created.get_or_insert(stamp);
    open.matrix.updated = Some(stamp);
    vec![Effect::Save {
        path,
        contents: open.writer.write(&open.matrix),
        mode,
        then,
    }]
}

fn undo(state: &mut State, backwards: bool) {
    let Some(open) = &mut state.matrix else {
        state.notify(Notice::info("No matrix is open: nothing to undo"));
        return;
    };
    if open.read_only {
        state.notify(Notice::warning("This matrix is open read-only"));
        return;
    }
    let done = open.undo(backwards);
    let notice = match (done, backwards) {
        (Some(edit), true) => Notice::info(format!("Undid: {}", edit.describe(&open.matrix))),
        (Some(edit), false) => Notice::info(format!("Redid: {}", edit.describe(&open.matrix))),
        (None, true) => Notice::info("Nothing to undo"),
        (None, false) => Notice::info("Nothing to redo"),
    };
    state.notify(notice);
}

/// `now` to the second: the file stays short and the time reloads exactly.
pub fn whole_seconds(now: DateTime<Utc>) -> DateTime<Utc> {
    chrono::DurationRound::duration_trunc(now, chrono::TimeDelta::seconds(1)).unwrap_or(now)
}
