//! Mouse clicks and the wheel: a click focuses the pane under it and puts
//! the cursor on the row, cell or sentence clicked; the wheel scrolls.

use ratatui::layout::{Position, Rect};

use crate::document::{glyphs, words_between};
use crate::tui::action::Action;
use crate::tui::layout::{MatrixGeometry, areas, inner, reader_text_area};
use crate::tui::msg::Effect;
use crate::tui::state::{MatrixRow, Pane, State};

/// Rows one notch of the wheel moves.
const WHEEL_ROWS: usize = 3;

pub fn click(state: &mut State, column: u16, row: u16) -> Vec<Effect> {
    if !state.popups.is_empty() {
        return Vec::new();
    }
    let areas = areas(state);
    let Some(pane) = areas.pane_at(column, row) else {
        return Vec::new();
    };
    state.focus = pane;
    let Some(area) = areas.of(pane) else {
        return Vec::new();
    };
    match pane {
        Pane::Library => click_library(state, area, row),
        Pane::Reader => click_reader(state, area, column, row),
        Pane::Matrix => click_matrix(state, area, column, row),
    }
    Vec::new()
}

pub fn scroll(state: &mut State, column: u16, row: u16, down: bool) -> Vec<Effect> {
    if !state.popups.is_empty() {
        return Vec::new();
    }
    let Some(pane) = areas(state).pane_at(column, row) else {
        return Vec::new();
    };
    let focus = std::mem::replace(&mut state.focus, pane);
    let action = if down { Action::Down } else { Action::Up };
    let mut effects = Vec::new();
    for _ in 0..WHEEL_ROWS {
        effects.extend(match pane {
            Pane::Library => super::library::act(state, action),
            Pane::Reader => super::reader::act(state, action),
            Pane::Matrix => super::matrix::act(state, action),
        });
    }
    // The wheel scrolls what is under the mouse without taking the focus.
    state.focus = focus;
    effects
}

fn click_library(state: &mut State, area: Rect, row: u16) {
    let list = inner(area);
    // The first inner line is the filter line.
    if row > list.y && row < list.y + list.height {
        let index = state.library.offset + usize::from(row - list.y - 1);
        if index < state.library.entries.len() {
            state.library.selected = index;
        }
    }
}

fn click_reader(state: &mut State, area: Rect, column: u16, row: u16) {
    let Some(offset) = reader_offset(state, area, column, row) else {
        if let Some(open) = state.reader.document.as_mut() {
            open.drag_from = None;
        }
        return;
    };
    let Some(open) = state.reader.document.as_mut() else {
        return;
    };
    open.cursor = open.sentences.at(&open.document, offset);
    open.drag_from = Some(offset);
}

/// A drag in the reader from where the button went down selects the words
/// between, finer than sentences (the passage `a` attaches).
pub fn drag(state: &mut State, column: u16, row: u16) -> Vec<Effect> {
    if !state.popups.is_empty() {
        return Vec::new();
    }
    let Some(area) = areas(state).reader else {
        return Vec::new();
    };
    let Some(offset) = reader_offset(state, area, column, row) else {
        return Vec::new();
    };
    let Some(open) = state.reader.document.as_mut() else {
        return Vec::new();
    };
    let Some(from) = open.drag_from else {
        return Vec::new();
    };
    let Some(words) = words_between(open.document.text(), from, offset) else {
        return Vec::new();
    };
    open.anchor = open.sentences.at(&open.document, words.start);
    open.cursor = open
        .sentences
        .at(&open.document, words.end.saturating_sub(1));
    open.trimmed = Some(words);
    Vec::new()
}

/// The byte of the document under the mouse in the reader's text area.
fn reader_offset(state: &State, area: Rect, column: u16, row: u16) -> Option<usize> {
    let text = reader_text_area(area);
    if !text.contains(Position::new(column, row)) {
        return None;
    }
    let open = state.reader.document.as_ref()?;
    let line = open.visible.get(usize::from(row - text.y))?;
    // Walk the line's glyphs to the clicked column.
    let target = usize::from(column - text.x);
    let shown = &open.document.text()[line.shown.clone()];
    let mut used = 0;
    let mut offset = line.shown.start;
    for (at, glyph) in glyphs(shown) {
        offset = line.shown.start + at;
        used += glyph.width();
        if used > target {
            break;
        }
    }
    Some(offset)
}

fn click_matrix(state: &mut State, area: Rect, column: u16, row: u16) {
    let Some(open) = state.matrix.as_mut() else {
        return;
    };
    let geometry = MatrixGeometry::with_probability(
        inner(area),
        open.matrix.hypotheses(),
        open.show_probability,
    );
    let first_column_x = geometry.column_x(0);
    if column >= first_column_x {
        let index =
            open.column_offset + usize::from((column - first_column_x) / geometry.column_width);
        if index < open.matrix.hypotheses().len() {
            open.column = index;
        }
    }
    let at = Position::new(column, row);
    if geometry.title.contains(at) {
        open.row = MatrixRow::Title;
    } else if geometry.header.contains(at) {
        open.row = MatrixRow::Hypotheses;
    } else if geometry.rows.contains(at) {
        let order = open.current_display_order();
        if let Some(&index) = order.get(open.row_offset + usize::from(row - geometry.rows.y)) {
            open.row = MatrixRow::Evidence(index);
        }
    }
}
