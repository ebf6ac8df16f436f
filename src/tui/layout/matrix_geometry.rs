//! The parts of the matrix pane: title, header, evidence rows, score rows
//! and the detail area, and how many hypothesis columns fit.

use ratatui::layout::Rect;

use crate::model::Hypothesis;
use crate::text::{one_line, wrap_to_width};

/// Narrowest and widest hypothesis column: a rating always fits; wider
/// columns show more of each hypothesis title when there is room.
pub const MIN_COLUMN_WIDTH: u16 = 8;
pub const MAX_COLUMN_WIDTH: u16 = 24;
/// The evidence block's share of a wide pane stops here, so that a zoomed
/// matrix gives the extra width to the hypotheses, whose titles need it.
pub const EVIDENCE_MAX_TARGET: u16 = 60;
/// A hypothesis title wraps to at most this many header lines.
pub const MAX_TITLE_LINES: u16 = 3;
/// The evidence block never gets narrower than this (id, some summary and
/// the credibility, relevance and diagnosticity columns).
pub const EVIDENCE_MIN_WIDTH: u16 = 30;
/// Kind, credibility, relevance and diagnosticity columns with their gaps.
pub const EVIDENCE_META_WIDTH: u16 = 14;
/// Score rows under the evidence: inconsistency, weighted inconsistency,
/// weighted consistency, unrated cells, rank.
pub const SCORE_ROWS: u16 = 5;

/// Where each part of the matrix pane goes inside its border.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatrixGeometry {
    pub title: Rect,
    pub header: Rect,
    pub rows: Rect,
    pub scores: Rect,
    pub detail: Rect,
    /// Width of the fixed evidence column block.
    pub evidence_width: u16,
    /// Width of each hypothesis column.
    pub column_width: u16,
    /// Header lines under the ids that hold the hypotheses' titles.
    pub title_lines: u16,
    /// How many hypothesis columns fit beside the evidence block.
    pub visible_columns: usize,
}

impl MatrixGeometry {
    /// The geometry for the pane's inner area and the matrix's hypotheses.
    pub fn new(inner: Rect, hypotheses: &[Hypothesis]) -> Self {
        let count = hypotheses.len();
        // Summaries are what the analyst reads: keep about 40% of the width
        // for them, but no more than they can use, so the hypotheses get
        // the rest of a wide (zoomed) pane.
        let evidence_target = (inner.width * 40 / 100).clamp(EVIDENCE_MIN_WIDTH, EVIDENCE_MAX_TARGET);
        let room = inner.width.saturating_sub(evidence_target + 1);
        let divisor = u16::try_from(count).unwrap_or(u16::MAX).max(1);
        let column_width = (room / divisor).clamp(MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH);
        let visible_columns = usize::from(room / column_width).min(count);
        // The evidence block takes whatever the columns leave.
        let evidence_width = inner
            .width
            .saturating_sub(1 + visible_columns as u16 * column_width);
        // Titles wrap to as many lines as the longest needs, up to three
        // (two on a short pane, where evidence rows are scarce).
        let most = if inner.height >= 30 { MAX_TITLE_LINES } else { 2 };
        let title_lines = hypotheses
            .iter()
            .map(|h| title_rows(&h.title, column_width).len())
            .max()
            .map_or(1, |n| u16::try_from(n).unwrap_or(u16::MAX))
            .clamp(1, most);
        let header_height = 1 + title_lines;
        // The detail area gets a third of the height, within reason; the
        // evidence rows get what is left after title, header and scores.
        let detail_height = (inner.height / 3)
            .clamp(5, 12)
            .min(inner.height.saturating_sub(8 + title_lines));
        let fixed = 1 + header_height + SCORE_ROWS + detail_height;
        let rows_height = inner.height.saturating_sub(fixed);
        let title = Rect {
            height: 1.min(inner.height),
            ..inner
        };
        let header = Rect {
            y: inner.y + 1,
            height: header_height.min(inner.height.saturating_sub(1)),
            ..inner
        };
        let rows = Rect {
            y: header.y + header.height,
            height: rows_height,
            ..inner
        };
        let scores = Rect {
            y: rows.y + rows.height,
            height: SCORE_ROWS.min(inner.height.saturating_sub(1 + header.height + rows_height)),
            ..inner
        };
        let detail = Rect {
            y: scores.y + scores.height,
            height: detail_height,
            ..inner
        };
        MatrixGeometry {
            title,
            header,
            rows,
            scores,
            detail,
            evidence_width,
            column_width,
            title_lines,
            visible_columns,
        }
    }

    /// How many evidence rows are visible at once.
    pub fn visible_rows(&self) -> usize {
        usize::from(self.rows.height)
    }

    /// The x position where visible hypothesis column `n` (from 0) starts.
    pub fn column_x(&self, n: usize) -> u16 {
        self.rows.x + self.evidence_width + 1 + n as u16 * self.column_width
    }
}

/// A hypothesis title wrapped to a column of `width` (a space before each
/// line, as before the ratings under it).
pub fn title_rows(title: &str, width: u16) -> Vec<String> {
    wrap_to_width(&one_line(title), usize::from(width.saturating_sub(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hypotheses(count: usize, title: &str) -> Vec<Hypothesis> {
        (0..count)
            .map(|n| Hypothesis::new(format!("H{n}"), title))
            .collect()
    }

    #[test]
    fn columns_widen_when_there_is_room_and_scroll_when_not() {
        let wide = MatrixGeometry::new(Rect::new(0, 0, 200, 40), &hypotheses(5, "A"));
        assert_eq!(wide.column_width, MAX_COLUMN_WIDTH);
        assert_eq!(wide.visible_columns, 5);
        assert_eq!(wide.evidence_width + 1 + 5 * MAX_COLUMN_WIDTH, 200);
        let narrow = MatrixGeometry::new(Rect::new(0, 0, 50, 20), &hypotheses(50, "A"));
        assert_eq!(narrow.column_width, MIN_COLUMN_WIDTH);
        assert_eq!(narrow.visible_columns, 2);
    }

    #[test]
    fn parts_stack_without_overlap() {
        let g = MatrixGeometry::new(Rect::new(1, 1, 80, 27), &hypotheses(4, "A title to wrap"));
        assert_eq!(g.header.y, g.title.y + 1);
        assert_eq!(g.rows.y, g.header.y + 1 + g.title_lines);
        assert_eq!(g.scores.y, g.rows.y + g.rows.height);
        assert_eq!(g.detail.y + g.detail.height, 1 + 27);
    }

    #[test]
    fn a_zoomed_matrix_gives_the_hypotheses_room_and_wraps_their_titles() {
        // Issue 8 item 9: 11-column hypotheses beside an 80-column
        // evidence block, at 140 columns zoomed.
        let titles = hypotheses(4, "Limited strikes on Armenian rearmament");
        let zoomed = MatrixGeometry::new(Rect::new(1, 1, 138, 40), &titles);
        assert!(zoomed.column_width >= 18, "{zoomed:?}");
        assert!(zoomed.evidence_width <= 62, "{zoomed:?}");
        assert_eq!(zoomed.title_lines, 2, "{zoomed:?}");
        let narrow = MatrixGeometry::new(Rect::new(1, 1, 66, 40), &titles);
        assert_eq!(narrow.title_lines, MAX_TITLE_LINES);
        let short = MatrixGeometry::new(Rect::new(1, 1, 66, 24), &titles);
        assert_eq!(short.title_lines, 2, "a short pane keeps its rows");
    }
}
