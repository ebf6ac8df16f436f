//! Drawing: reads the state, never changes it. One file per pane and per
//! popup.

mod confirm;
mod export;
mod form;
mod help;
mod layout;
mod library;
mod matrix;
mod matrix_detail;
mod matrix_geometry;
mod pane_block;
mod reader;
mod status;
pub mod theme;
mod too_small;

pub use help::help_lines;
pub use layout::{Areas, MIN_HEIGHT, MIN_WIDTH, areas, areas_for, inner, too_small};
pub use matrix_geometry::MatrixGeometry;
pub use reader::reader_text_area;

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};

use super::state::{Pane, Popup, State};

/// Draws one frame of the workbench.
pub fn draw(frame: &mut Frame, state: &State) {
    let area = frame.area();
    if layout::too_small(area.width, area.height) {
        too_small::draw(frame);
        return;
    }
    let areas = layout::areas_for(area, state.focus, state.zoomed);
    for pane in Pane::ALL {
        if let Some(rect) = areas.of(pane) {
            match pane {
                Pane::Library => library::draw(frame, rect, state),
                Pane::Reader => reader::draw(frame, rect, state),
                Pane::Matrix => matrix::draw(frame, rect, state),
            }
        }
    }
    status::draw(frame, areas.status, state);
    for popup in &state.popups {
        match popup {
            Popup::Help { scroll } => help::draw(frame, *scroll),
            Popup::Form(form) => form::draw(frame, form),
            Popup::Confirm { text, .. } => confirm::draw(frame, text),
            Popup::Export { selected } => export::draw(frame, state, *selected),
        }
    }
}

/// A rectangle of at most `width` × `height` centred in `area`.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}
