//! The parts of the matrix pane: title, header, evidence rows, score rows
//! and the detail area, and how many hypothesis columns fit.

use ratatui::layout::Rect;

use crate::model::Hypothesis;
use crate::text::{one_line, truncate_to_width, wrap_to_width};

/// Narrowest and widest hypothesis column: a rating always fits; wider
/// columns show more of each hypothesis title when there is room.
pub const MIN_COLUMN_WIDTH: u16 = 8;
pub const MAX_COLUMN_WIDTH: u16 = 24;
/// The evidence block's share of a wide pane stops here, so that a zoomed
/// matrix gives the extra width to the hypotheses, whose titles need it.
pub const EVIDENCE_MAX_TARGET: u16 = 60;
/// A hypothesis title wraps to at most this many header lines.
pub const MAX_TITLE_LINES: u16 = 3;
/// Columns widen up to this even for titles that fit narrower: a rating,
/// its star and an unrated count read better with room around them.
const SHORT_TITLE_WIDTH: u16 = 12;
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
    /// Header lines under the ids that hold the hypotheses' titles.
    pub title_lines: u16,
    /// How many hypothesis columns fit beside the evidence block.
    pub visible_columns: usize,
}

impl MatrixGeometry {
    /// The geometry for the pane's inner area and the matrix's hypotheses.
    pub fn new(inner: Rect, hypotheses: &[Hypothesis]) -> Self {
        Self::with_probability(inner, hypotheses, false)
    }

    /// The geometry with the probability rows shown under the scores, or
    /// not; shown, they take two lines from the detail area and the rest
    /// from the evidence rows.
    pub fn with_probability(inner: Rect, hypotheses: &[Hypothesis], probability: bool) -> Self {
        // Worked out once per pane size and set of titles: the search for
        // the column width wraps every title several times, which at 100
        // hypotheses was most of a cursor move's frame, and a frame asks
        // for the geometry more than once.
        let key = (inner, probability, titles_fingerprint(hypotheses));
        if let Some((last, geometry)) = LAST.get()
            && last == key
        {
            return geometry;
        }
        let geometry = Self::work_out(inner, hypotheses, probability);
        LAST.set(Some((key, geometry)));
        geometry
    }

    fn work_out(inner: Rect, hypotheses: &[Hypothesis], probability: bool) -> Self {
        let count = hypotheses.len();
        // Summaries are what the analyst reads: keep about 40% of the width
        // for them, but no more than they can use, so the hypotheses get
        // the rest of a wide (zoomed) pane.
        let evidence_target =
            (inner.width * 40 / 100).clamp(EVIDENCE_MIN_WIDTH, EVIDENCE_MAX_TARGET);
        let room = inner.width.saturating_sub(evidence_target + 1);
        let divisor = u16::try_from(count).unwrap_or(u16::MAX).max(1);
        // Titles wrap to as many lines as the longest needs, up to three
        // (two on a short pane, where evidence rows are scarce).
        let most = if inner.height >= 30 {
            MAX_TITLE_LINES
        } else {
            2
        };
        // A column is no wider than its titles need to fit those lines, so
        // short titles leave the width to the summaries.
        let needed = (SHORT_TITLE_WIDTH..MAX_COLUMN_WIDTH)
            .find(|&width| {
                hypotheses
                    .iter()
                    .all(|h| title_rows(&h.title, width).len() <= usize::from(most))
            })
            .unwrap_or(MAX_COLUMN_WIDTH);
        let column_width = (room / divisor)
            .min(needed)
            .clamp(MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH);
        let visible_columns = usize::from(room / column_width).min(count);
        // The evidence block takes whatever the columns leave.
        let evidence_width = inner
            .width
            .saturating_sub(1 + visible_columns as u16 * column_width);
        let title_lines = hypotheses
            .iter()
            .map(|h| title_rows(&h.title, column_width).len())
            .max()
            .map_or(1, |n| u16::try_from(n).unwrap_or(u16::MAX))
            .clamp(1, most);
        let header_height = 1 + title_lines;
        // The detail area gets a third of the height, within reason; the
        // evidence rows get what is left after title, header and scores.
        let mut detail_height = (inner.height / 3)
            .clamp(5, 12)
            .min(inner.height.saturating_sub(8 + title_lines));
        let probability_height = if probability {
            detail_height = detail_height.saturating_sub(2).max(3);
            PROBABILITY_ROWS.min(
                inner
                    .height
                    .saturating_sub(1 + header_height + SCORE_ROWS + detail_height),
            )
        } else {
            0
        };
        let fixed = 1 + header_height + SCORE_ROWS + probability_height + detail_height;
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
        MatrixGeometry {
            title,
            header,
            rows,
            scores,
            probability,
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

thread_local! {
    /// The last geometry worked out, with what it was worked out from.
    static LAST: std::cell::Cell<Option<(GeometryKey, MatrixGeometry)>> =
        const { std::cell::Cell::new(None) };
}

/// The pane's inner area, whether probabilities are shown, and the
/// hypotheses' titles (their count and a hash of them).
type GeometryKey = (Rect, bool, (usize, u64));

fn titles_fingerprint(hypotheses: &[Hypothesis]) -> (usize, u64) {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for hypothesis in hypotheses {
        hasher.update(&hypothesis.title.len().to_le_bytes());
        hasher.update(hypothesis.title.as_bytes());
    }
    (hypotheses.len(), hasher.digest())
}

/// A hypothesis title wrapped to a column of `width` (a space before each
/// line, as before the ratings under it). A word longer than the column is
/// cut with … rather than broken, so no line starts mid-word; the detail
/// area gives the whole title.
pub fn title_rows(title: &str, width: u16) -> Vec<String> {
    let room = usize::from(width.saturating_sub(1)).max(1);
    let words: Vec<String> = one_line(title)
        .split_whitespace()
        .map(|word| truncate_to_width(word, room).into_owned())
        .collect();
    wrap_to_width(&words.join(" "), room)
}

/// `title_rows` fitted to `lines` lines: when the title needs more, the
/// last line shown takes the rest and ends in ….
pub fn title_rows_in(title: &str, width: u16, lines: u16) -> Vec<String> {
    let mut rows = title_rows(title, width);
    let lines = usize::from(lines).max(1);
    if rows.len() > lines {
        let rest = rows.split_off(lines - 1).join(" ");
        let room = usize::from(width.saturating_sub(1)).max(1);
        rows.push(truncate_to_width(&rest, room).into_owned());
    }
    rows
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
    fn the_kept_geometry_follows_a_changed_title() {
        let area = Rect::new(0, 0, 200, 40);
        let short = hypotheses(5, "A");
        let long = hypotheses(5, "A title long enough to want the widest column there is");
        for titles in [&short, &long, &short] {
            assert_eq!(
                MatrixGeometry::with_probability(area, titles, false),
                MatrixGeometry::work_out(area, titles, false)
            );
        }
        assert_ne!(
            MatrixGeometry::new(area, &short),
            MatrixGeometry::new(area, &long)
        );
    }

    #[test]
    fn columns_widen_when_there_is_room_and_scroll_when_not() {
        let long =
            "A title long enough to want the widest column there is, and then some more words";
        let wide = MatrixGeometry::new(Rect::new(0, 0, 200, 40), &hypotheses(5, long));
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
        assert_eq!(g.probability.height, 0);
    }

    #[test]
    fn probability_rows_sit_between_scores_and_detail() {
        let four = hypotheses(4, "A");
        let hidden = MatrixGeometry::new(Rect::new(1, 1, 80, 27), &four);
        let shown = MatrixGeometry::with_probability(Rect::new(1, 1, 80, 27), &four, true);
        assert_eq!(shown.probability.height, PROBABILITY_ROWS);
        assert_eq!(shown.probability.y, shown.scores.y + shown.scores.height);
        assert_eq!(shown.detail.y, shown.probability.y + PROBABILITY_ROWS);
        assert_eq!(shown.detail.y + shown.detail.height, 1 + 27);
        assert_eq!(shown.detail.height + 2, hidden.detail.height);
        assert_eq!(shown.rows.height + PROBABILITY_ROWS - 2, hidden.rows.height);
        // Even in the smallest window every part keeps its place.
        let small = MatrixGeometry::with_probability(Rect::new(0, 0, 52, 21), &four, true);
        assert!(small.rows.height >= 1);
        assert_eq!(small.detail.y + small.detail.height, 21);
    }

    #[test]
    fn a_zoomed_matrix_gives_the_hypotheses_room_and_wraps_their_titles() {
        // Issue 8 item 9: 11-column hypotheses beside an 80-column
        // evidence block, at 140 columns zoomed.
        let titles = hypotheses(4, "Limited strikes on Armenian rearmament");
        let zoomed = MatrixGeometry::new(Rect::new(1, 1, 138, 40), &titles);
        assert!(zoomed.column_width >= 16, "{zoomed:?}");
        // The whole title shows, on no more lines than the header has.
        let rows = title_rows(&titles[0].title, zoomed.column_width);
        assert_eq!(rows.join(" "), titles[0].title, "{zoomed:?}");
        assert!(rows.len() <= usize::from(zoomed.title_lines), "{zoomed:?}");
        let narrow = MatrixGeometry::new(Rect::new(1, 1, 66, 40), &titles);
        assert_eq!(narrow.title_lines, MAX_TITLE_LINES);
        let short = MatrixGeometry::new(Rect::new(1, 1, 66, 24), &titles);
        assert_eq!(short.title_lines, 2, "a short pane keeps its rows");
    }

    #[test]
    fn titles_wrap_at_words_and_cut_what_does_not_fit() {
        assert_eq!(
            title_rows("Operation on to Baku", 8),
            ["Operat…", "on to", "Baku"]
        );
        let rows = title_rows_in("No attack on anyone at all", 8, 2);
        assert_eq!(rows, ["No", "attack…"]);
        assert_eq!(title_rows_in("Short one", 12, 3), ["Short one"]);
        // Short titles leave the width to the summaries.
        let short = MatrixGeometry::new(Rect::new(0, 0, 200, 40), &hypotheses(3, "First"));
        assert_eq!(short.column_width, SHORT_TITLE_WIDTH);
    }
}
