//! Drawing: reads the state, never changes it. One file per pane and per
//! popup.

mod confirm;
mod export;
mod form;
mod help;
mod indicator_detail;
mod library;
mod matrix;
mod matrix_detail;
mod pane_block;
mod probability;
mod reader;
mod scenario;
mod sensitivity_detail;
mod status;
pub mod team;
pub mod theme;
mod too_small;

// Kept so callers written before the layout module moved still read well.
pub use crate::tui::layout::{
    Areas, MIN_HEIGHT, MIN_WIDTH, MatrixGeometry, areas, areas_for, inner, reader_text_area,
    too_small,
};

use ratatui::Frame;

use super::forms::FormPurpose;
use super::state::{Pane, Popup, State};

/// Draws one frame of the workbench.
pub fn draw(frame: &mut Frame, state: &State) {
    let area = frame.area();
    if crate::tui::layout::too_small(area.width, area.height) {
        too_small::draw(frame);
        theme::finish(frame.buffer_mut());
        return;
    }
    let areas = crate::tui::layout::areas_for(area, state.focus, state.zoomed);
    let team = state.team.as_ref().filter(|t| t.shown);
    for pane in Pane::ALL.into_iter().filter(|_| team.is_none()) {
        if let Some(rect) = areas.of(pane) {
            match pane {
                Pane::Library => library::draw(frame, rect, state),
                Pane::Reader => reader::draw(frame, rect, state),
                Pane::Matrix => matrix::draw(frame, rect, state),
            }
        }
    }
    if let Some(view) = team {
        // The team view takes the panes' place, under any popup.
        let main = ratatui::layout::Rect {
            height: areas.status.y.saturating_sub(area.y),
            ..area
        };
        team::draw(frame, main, view);
    }
    status::draw(frame, areas.status, state);
    for popup in &state.popups {
        match popup {
            Popup::Help { scroll } => help::draw(frame, *scroll),
            Popup::Messages { scroll } => help::draw_messages(frame, &state.log, *scroll),
            Popup::Health { entries, scroll } => help::draw_health(frame, entries, *scroll),
            Popup::Form(form) => {
                // An attach form keeps the passage it is for in sight in the
                // reader, beside it rather than over it.
                let passage_rows = match &form.purpose {
                    FormPurpose::Attach(passage) => areas.of(Pane::Reader).and_then(|area| {
                        reader::rows_showing(
                            area,
                            state,
                            &passage.document,
                            passage.start..passage.end,
                        )
                    }),
                    _ => None,
                };
                form::draw(frame, form, passage_rows)
            }
            Popup::Confirm { text, question } => confirm::draw(frame, text, question.choices()),
            Popup::Export { selected } => export::draw(frame, state, *selected),
            Popup::Scenario(view) => scenario::draw(frame, state, view),
        }
    }
    theme::finish(frame.buffer_mut());
}

use crate::tui::layout::centered;
