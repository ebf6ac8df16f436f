//! The export popup: choose a format, write `NAME.EXT` beside the matrix,
//! and confirm before replacing a file that is already there.

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use crate::export::Target;
use crate::tui::action::Action;
use crate::tui::msg::{Effect, ExportFailure};
use crate::tui::state::{Notice, Popup, Question, State};

/// `X`: opens the format list.
pub fn open_menu(state: &mut State) {
    if state.matrix.is_none() {
        state.notify(Notice::info("No matrix is open: nothing to export"));
        return;
    }
    state.popups.push(Popup::Export { selected: 0 });
}

/// Keys in the format list.
pub fn act(state: &mut State, action: Action, now: DateTime<Utc>) -> Vec<Effect> {
    let Some(Popup::Export { selected }) = state.popups.last_mut() else {
        return Vec::new();
    };
    let last = Target::ALL.len() - 1;
    match action {
        Action::Up => *selected = selected.saturating_sub(1),
        Action::Down => *selected = (*selected + 1).min(last),
        Action::Top => *selected = 0,
        Action::Bottom => *selected = last,
        Action::CloseTop => {
            state.popups.pop();
        }
        Action::Submit => {
            let format = Target::ALL[*selected];
            state.popups.pop();
            return write(state, format, now, false);
        }
        _ => {}
    }
    Vec::new()
}

/// The effect that writes the export of the open matrix in `format`.
pub fn write(
    state: &mut State,
    format: Target,
    now: DateTime<Utc>,
    overwrite: bool,
) -> Vec<Effect> {
    let Some(open) = &state.matrix else {
        return Vec::new();
    };
    vec![Effect::Export {
        matrix: Box::new(open.matrix.clone()),
        format,
        path: format.path_beside(&open.path),
        generated: now.date_naive(),
        overwrite,
    }]
}

/// An export finished, or found a file in its way.
pub fn exported(
    state: &mut State,
    format: Target,
    path: PathBuf,
    result: Result<Vec<String>, ExportFailure>,
) -> Vec<Effect> {
    let shown = state.workspace.display_path(&path);
    match result {
        Ok(lost) => {
            // The export is of the matrix on screen; say so when that is
            // not what is on disk, so the file is never a silent surprise.
            let unsaved = state.matrix.as_ref().is_some_and(|open| open.is_dirty());
            let text = if unsaved {
                format!(
                    "Exported {} to {shown}, including your unsaved changes (Ctrl-s saves them to the matrix)",
                    format.name()
                )
            } else {
                format!("Exported {} to {shown}", format.name())
            };
            state.notify(Notice::info(text));
            // What the format could not carry, a line each in the message
            // log, as an import lists what it could not bring in.
            for what in lost {
                state.notify(Notice::warning(format!(
                    "Not in the {} export: {what}",
                    format.name()
                )));
            }
        }
        Err(ExportFailure::Exists) => {
            let text = format!(
                "{shown} already exists. Replace it with a new {} export?",
                format.name()
            );
            state
                .popups
                .push(Popup::ask(Question::OverwriteExport { format, path }, text));
        }
        Err(ExportFailure::Io(why)) => {
            state.notify(Notice::error(format!("Could not export: {why}")));
        }
    }
    Vec::new()
}
