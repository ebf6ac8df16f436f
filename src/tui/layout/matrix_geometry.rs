//! The parts of the matrix pane: title, header, evidence rows, score rows
//! and the detail area, and how many hypothesis columns fit.

use ratatui::layout::Rect;

/// Narrowest and widest hypothesis column: a rating always fits; wider
/// columns show more of each hypothesis title when there is room.
pub const MIN_COLUMN_WIDTH: u16 = 8;
pub const MAX_COLUMN_WIDTH: u16 = 12;
/// The evidence block never gets narrower than this (id, some summary and
/// the credibility, relevance and diagnosticity columns).
pub const EVIDENCE_MIN_WIDTH: u16 = 30;
/// Kind, credibility, relevance and diagnosticity columns with their gaps.
pub const EVIDENCE_META_WIDTH: u16 = 14;
/// Score rows under the evidence: inconsistency, weighted inconsistency,
/// weighted consistency, unrated cells, rank.
pub const SCORE_ROWS: u16 = 5;
/// Probability rows under the scores when shown: posterior, judged,
/// coherent, the words for the selected hypothesis, the findings and the
/// model's caveat.
pub const PROBABILITY_ROWS: u16 = 6;

/// Where each part of the matrix pane goes inside its border.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatrixGeometry {
    pub title: Rect,
    pub header: Rect,
    pub rows: Rect,
    pub scores: Rect,
    /// The probability rows; zero height while they are hidden.
    pub probability: Rect,
    pub detail: Rect,
    /// Width of the fixed evidence column block.
    pub evidence_width: u16,
    /// Width of each hypothesis column.
    pub column_width: u16,
    /// How many hypothesis columns fit beside the evidence block.
    pub visible_columns: usize,
}

impl MatrixGeometry {
    /// The geometry for the pane's inner area and a number of hypotheses.
    pub fn new(inner: Rect, hypotheses: usize) -> Self {
        Self::with_probability(inner, hypotheses, false)
    }

    /// The geometry with the probability rows shown under the scores, or
    /// not; shown, they take two lines from the detail area and the rest
    /// from the evidence rows.
    pub fn with_probability(inner: Rect, hypotheses: usize, probability: bool) -> Self {
        // The detail area gets a third of the height, within reason; the
        // evidence rows get what is left after title, header and scores.
        let mut detail_height = (inner.height / 3)
            .clamp(5, 12)
            .min(inner.height.saturating_sub(8));
        let probability_height = if probability {
            detail_height = detail_height.saturating_sub(2).max(3);
            PROBABILITY_ROWS.min(
                inner
                    .height
                    .saturating_sub(1 + 2 + SCORE_ROWS + detail_height),
            )
        } else {
            0
        };
        let fixed = 1 + 2 + SCORE_ROWS + probability_height + detail_height;
        let rows_height = inner.height.saturating_sub(fixed);
        let title = Rect {
            height: 1.min(inner.height),
            ..inner
        };
        let header = Rect {
            y: inner.y + 1,
            height: 2.min(inner.height.saturating_sub(1)),
            ..inner
        };
        let rows = Rect {
            y: header.y + header.height,
            height: rows_height,
            ..inner
        };
        let scores = Rect {
            y: rows.y + rows.height,
            height: SCORE_ROWS.min(inner.height.saturating_sub(3 + rows_height)),
            ..inner
        };
        let probability = Rect {
            y: scores.y + scores.height,
            height: probability_height,
            ..inner
        };
        let detail = Rect {
            y: probability.y + probability.height,
            height: detail_height
                .min((inner.y + inner.height).saturating_sub(probability.y + probability.height)),
            ..inner
        };
        // Summaries are what the analyst reads: keep at least 45% of the
        // width for them when the pane is wide.
        let evidence_target = EVIDENCE_MIN_WIDTH.max(inner.width * 45 / 100);
        let room = inner.width.saturating_sub(evidence_target + 1);
        let count = u16::try_from(hypotheses).unwrap_or(u16::MAX).max(1);
        let column_width = (room / count).clamp(MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH);
        let visible_columns = usize::from(room / column_width).min(hypotheses);
        // The evidence block takes whatever the columns leave.
        let evidence_width = inner
            .width
            .saturating_sub(1 + visible_columns as u16 * column_width);
        MatrixGeometry {
            title,
            header,
            rows,
            scores,
            probability,
            detail,
            evidence_width,
            column_width,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_widen_when_there_is_room_and_scroll_when_not() {
        let wide = MatrixGeometry::new(Rect::new(0, 0, 200, 40), 5);
        assert_eq!(wide.column_width, MAX_COLUMN_WIDTH);
        assert_eq!(wide.visible_columns, 5);
        assert_eq!(wide.evidence_width + 1 + 5 * MAX_COLUMN_WIDTH, 200);
        let narrow = MatrixGeometry::new(Rect::new(0, 0, 50, 20), 50);
        assert_eq!(narrow.column_width, MIN_COLUMN_WIDTH);
        assert_eq!(narrow.visible_columns, 2);
    }

    #[test]
    fn parts_stack_without_overlap() {
        let g = MatrixGeometry::new(Rect::new(1, 1, 80, 27), 4);
        assert_eq!(g.header.y, g.title.y + 1);
        assert_eq!(g.rows.y, g.header.y + 2);
        assert_eq!(g.scores.y, g.rows.y + g.rows.height);
        assert_eq!(g.detail.y + g.detail.height, 1 + 27);
        assert_eq!(g.probability.height, 0);
    }

    #[test]
    fn probability_rows_sit_between_scores_and_detail() {
        let hidden = MatrixGeometry::new(Rect::new(1, 1, 80, 27), 4);
        let shown = MatrixGeometry::with_probability(Rect::new(1, 1, 80, 27), 4, true);
        assert_eq!(shown.probability.height, PROBABILITY_ROWS);
        assert_eq!(shown.probability.y, shown.scores.y + shown.scores.height);
        assert_eq!(shown.detail.y, shown.probability.y + PROBABILITY_ROWS);
        assert_eq!(shown.detail.y + shown.detail.height, 1 + 27);
        assert_eq!(shown.detail.height + 2, hidden.detail.height);
        assert_eq!(shown.rows.height + PROBABILITY_ROWS - 2, hidden.rows.height);
        // Even in the smallest window every part keeps its place.
        let small = MatrixGeometry::with_probability(Rect::new(0, 0, 52, 21), 4, true);
        assert!(small.rows.height >= 1);
        assert_eq!(small.detail.y + small.detail.height, 21);
    }
}
