//! Keys in the team view, and keeping "me against the team" current.

use crate::tui::action::Action;
use crate::tui::msg::Effect;
use crate::tui::state::{Notice, State};

/// Whether the team view is on screen over the panes.
pub fn covers(state: &State) -> bool {
    state.team.as_ref().is_some_and(|team| team.shown)
}

/// Handles `action` when it is the team view's; `None` leaves it to the
/// global keys (quit, help, save). Pane keys never reach the panes under
/// the view.
pub fn act(state: &mut State, action: Action) -> Option<Vec<Effect>> {
    if action == Action::ToggleTeam {
        match state.team.as_mut() {
            Some(team) => team.shown = !team.shown,
            None => state.notify(Notice::warning(
                "No team is open: start the workbench with `ach open --team FILES...`",
            )),
        }
        return Some(Vec::new());
    }
    let team = state.team.as_mut().filter(|team| team.shown)?;
    match action {
        Action::NextAnalyst => team.next_analyst(),
        Action::NextDifference => team.next_difference(),
        other if team.navigate(other) => {}
        Action::Quit
        | Action::Save
        | Action::Undo
        | Action::Redo
        | Action::ToggleHelp
        | Action::ShowMessages
        | Action::NewMatrix
        | Action::Export => return None,
        // Tab and the panes' own keys would act on what the view hides.
        _ => {}
    }
    Some(Vec::new())
}

/// After every update: "me against the team" follows the chosen analyst
/// and, when their matrix is open, its unsaved edits.
pub fn refresh(state: &mut State) {
    if let Some(team) = state.team.as_mut() {
        team.refresh(state.matrix.as_ref());
    }
}
