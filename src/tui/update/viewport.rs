//! Keeping every cursor on screen after an update: the view draws from the
//! offsets kept here and never adjusts them itself.

use crate::tui::layout::{MatrixGeometry, areas, inner};
use crate::tui::state::{MatrixRow, State};

pub fn keep_cursors_visible(state: &mut State) {
    // Any change of size, zoom or focus may change the reader's width.
    super::reader::reflow(state);
    let areas = areas(state);
    if let (Some(area), Some(open)) = (areas.matrix, state.matrix.as_mut()) {
        let geometry = MatrixGeometry::with_probability(
            inner(area),
            open.matrix.hypotheses(),
            open.show_probability,
        );
        if let MatrixRow::Evidence(index) = open.row {
            let order = open.current_display_order();
            let position = order.iter().position(|&i| i == index).unwrap_or(0);
            open.row_offset = scrolled_to(open.row_offset, position, geometry.visible_rows());
        }
        let rows = open.matrix.evidence().len();
        open.row_offset = open
            .row_offset
            .min(rows.saturating_sub(geometry.visible_rows().max(1)));
        open.column_offset = scrolled_to(open.column_offset, open.column, geometry.visible_columns);
    }
    super::library::keep_selection_visible(state, areas.library);
    super::reader::keep_cursor_visible(state);
}

/// The smallest change to `offset` that shows `position` in a window of
/// `visible` items.
pub fn scrolled_to(offset: usize, position: usize, visible: usize) -> usize {
    if visible == 0 {
        return position;
    }
    if position < offset {
        position
    } else if position >= offset + visible {
        position + 1 - visible
    } else {
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::scrolled_to;

    #[test]
    fn scrolls_only_as_far_as_needed() {
        assert_eq!(scrolled_to(0, 3, 10), 0);
        assert_eq!(scrolled_to(0, 12, 10), 3);
        assert_eq!(scrolled_to(5, 2, 10), 2);
        assert_eq!(scrolled_to(0, 0, 0), 0);
    }
}
