//! `update(&mut State, Msg, now) -> Vec<Effect>`: every change to the
//! workbench's state happens here, and nothing here touches the terminal
//! or the disk (file work goes out as effects). The clock is a parameter.

mod conflicts;
mod export;
mod files;
mod global;
mod library;
mod matrix;
mod mouse;
mod popup;
mod reader;
mod recovery;
mod scenario;
mod set_aside;
mod team;
mod text_input;
mod viewport;

use chrono::{DateTime, Utc};

use super::action::Action;
use super::msg::{Effect, Msg};
use super::state::{Pane, Popup, State};

pub use files::open_matrix_now;
pub use recovery::flush as flush_recovery;
pub use text_input::has_text_focus;

/// Carries out one message.
pub fn update(state: &mut State, msg: Msg, now: DateTime<Utc>) -> Vec<Effect> {
    state.today = Some(now.date_naive());
    let effects = match msg {
        Msg::Action(action) => act(state, action, now),
        Msg::Input(request) => text_input::input(state, request),
        Msg::Paste(text) => text_input::paste(state, &text),
        Msg::Resize { width, height } => {
            state.width = width;
            state.height = height;
            reader::reflow(state);
            Vec::new()
        }
        // The team view covers the panes: the mouse does not reach them.
        Msg::Click { .. } | Msg::Scroll { .. } | Msg::Drag { .. } if team::covers(state) => {
            Vec::new()
        }
        Msg::Click { column, row } => mouse::click(state, column, row),
        Msg::Scroll { column, row, down } => mouse::scroll(state, column, row, down),
        Msg::Drag { column, row } => mouse::drag(state, column, row),
        Msg::Saved { path, result, then } => files::saved(state, path, result, then, now),
        Msg::DocumentLoaded { path, result } => reader::loaded(state, path, result),
        Msg::MatrixLoaded { path, result } => files::matrix_loaded(state, path, result),
        Msg::RecoveryWritten(result) => recovery::written(state, result),
        Msg::RecoveryKept {
            path,
            revision,
            result,
        } => recovery::kept(state, &path, revision, result),
        Msg::MatrixCreated { path, result } => files::matrix_created(state, path, result),
        Msg::LibraryScanned(library) => {
            state.library.replace(library);
            Vec::new()
        }
        Msg::Imported { source, result } => library::imported(state, &source, result),
        Msg::Tick => {
            state.expire_notice(now);
            if let Some(open) = state.matrix.as_mut() {
                // After the first frame, not before it: the first save
                // then formats only what was edited.
                open.writer.prime(&open.matrix);
            }
            recovery::tick(state, now)
        }
        Msg::Exported {
            format,
            path,
            result,
        } => export::exported(state, format, path, result),
        Msg::PassageLocated { passage, line } => {
            state.passage_lines.found(passage, line);
            Vec::new()
        }
    };
    viewport::keep_cursors_visible(state);
    team::refresh(state);
    let mut effects = effects;
    effects.extend(locate_selected_passage(state));
    effects
}

/// The detail pane gives the selected item's passage by line, as the
/// exports do: look the line up the first time the item is selected.
fn locate_selected_passage(state: &mut State) -> Option<Effect> {
    let open = state.matrix.as_ref()?;
    let super::state::MatrixRow::Evidence(index) = open.row else {
        return None;
    };
    let passage = open.matrix.evidence().get(index)?.source.as_ref()?;
    state
        .passage_lines
        .needs_lookup(passage)
        .then(|| Effect::LocatePassage(passage.clone()))
}

fn act(state: &mut State, action: Action, now: DateTime<Utc>) -> Vec<Effect> {
    if let Some(Popup::Export { .. }) = state.popups.last() {
        return export::act(state, action, now);
    }
    if !state.popups.is_empty() {
        return popup::act(state, action, now);
    }
    if let Some(effects) = team::act(state, action) {
        return effects;
    }
    if let Some(effects) = global::act(state, action, now) {
        return effects;
    }
    match state.focus {
        Pane::Library => library::act(state, action),
        Pane::Reader => reader::act(state, action),
        Pane::Matrix => matrix::act(state, action),
    }
}
