//! Where each pane goes: the panes' areas, the matrix geometry, the
//! reader's text area and the help popup. Belongs to neither `update` nor
//! `view`: the view draws into these areas and `update` keeps cursors
//! visible and hit-tests the mouse with the same ones, so both agree.

mod form_rows;
mod matrix_geometry;

pub use form_rows::{LINES_FIELD_ROWS, field_rows, fields_rows};

pub use matrix_geometry::{
    EVIDENCE_MAX_TARGET, EVIDENCE_META_WIDTH, EVIDENCE_MIN_WIDTH, MAX_COLUMN_WIDTH,
    MAX_TITLE_LINES, MIN_COLUMN_WIDTH, MatrixGeometry, PROBABILITY_ROWS, SCORE_ROWS, title_rows,
    title_rows_in,
};

use ratatui::layout::{Constraint, Layout, Rect};

use crate::tui::state::{Pane, State};

/// The smallest terminal the workbench lays out; below it a notice asks for
/// a larger window rather than drawing a broken layout.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// The screen areas of one frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub library: Option<Rect>,
    pub reader: Option<Rect>,
    pub matrix: Option<Rect>,
    pub status: Rect,
}

impl Areas {
    /// The area of `pane`, if it is on screen.
    pub fn of(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Library => self.library,
            Pane::Reader => self.reader,
            Pane::Matrix => self.matrix,
        }
    }

    /// The pane at a screen position.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        Pane::ALL.into_iter().find(|&pane| {
            self.of(pane)
                .is_some_and(|area| area.contains(ratatui::layout::Position::new(column, row)))
        })
    }
}

/// Whether the terminal is too small to lay out.
pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// The areas for a terminal of the state's size.
pub fn areas(state: &State) -> Areas {
    areas_for(
        Rect::new(0, 0, state.width, state.height),
        state.focus,
        state.zoomed,
    )
}

/// Library above the reader on the left, the matrix on the right, the
/// status bar at the bottom; a zoomed pane takes it all.
pub fn areas_for(area: Rect, focus: Pane, zoomed: bool) -> Areas {
    let [main, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    if zoomed {
        let mut areas = Areas {
            library: None,
            reader: None,
            matrix: None,
            status,
        };
        match focus {
            Pane::Library => areas.library = Some(main),
            Pane::Reader => areas.reader = Some(main),
            Pane::Matrix => areas.matrix = Some(main),
        }
        return areas;
    }
    // The focused side gets more room: the matrix needs width for columns,
    // the reader for lines worth reading.
    let left_share = match focus {
        Pane::Matrix => 32,
        Pane::Library | Pane::Reader => 42,
    };
    let [left, matrix] = Layout::horizontal([
        Constraint::Percentage(left_share),
        Constraint::Percentage(100 - left_share),
    ])
    .areas(main);
    let [library, reader] =
        Layout::vertical([Constraint::Percentage(35), Constraint::Percentage(65)]).areas(left);
    Areas {
        library: Some(library),
        reader: Some(reader),
        matrix: Some(matrix),
        status,
    }
}

/// The inside of a bordered pane.
pub fn inner(area: Rect) -> Rect {
    ratatui::widgets::Block::bordered().inner(area)
}

/// The longest line the reader sets: past about 100 columns the eye loses
/// its way back to the next line (a zoomed reader ran 138-column lines).
pub const READER_MEASURE: u16 = 100;

/// The reader's text, under its one-line header, at most
/// [`READER_MEASURE`] columns wide and centred in a wider pane.
pub fn reader_text_area(area: Rect) -> Rect {
    let inner = inner(area);
    let width = inner.width.min(READER_MEASURE);
    Rect {
        x: inner.x + (inner.width - width) / 2,
        y: inner.y + 1,
        width,
        height: inner.height.saturating_sub(1),
    }
}

/// A rectangle of at most `width` × `height` centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    use ratatui::layout::Flex;
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

/// Where a scrolled text popup (help, the message log) goes: wide enough
/// to read, nearly the window's height.
pub fn text_popup_area(width: u16, height: u16) -> Rect {
    centered(Rect::new(0, 0, width, height), 86, height.saturating_sub(4))
}

/// The lines of text a scrolled popup shows at once (inside its border).
pub fn text_popup_rows(width: u16, height: u16) -> u16 {
    inner(text_popup_area(width, height)).height
}

/// The width of text inside a scrolled popup.
pub fn text_popup_columns(width: u16, height: u16) -> u16 {
    inner(text_popup_area(width, height)).width
}
