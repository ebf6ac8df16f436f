//! The detail area's sensitivity lines: whether the selected item or
//! hypothesis is set aside, whether the lead rests on the item, and which
//! one-step rating changes of the selected cell would change the lead.
//! Read from the sensitivity kept since the last edit.

use ratatui::text::{Line, Span};

use super::theme;
use crate::model::SetAside;
use crate::scoring::sensitivity::{fragile_sentence, leader_clause, margin_sentence};
use crate::text::one_line;
use crate::tui::state::OpenMatrix;

/// `Set aside: reason (a counts it again)`, for an item or hypothesis.
fn set_aside_line(set_aside: &SetAside) -> Option<Line<'static>> {
    if !set_aside.is_set() {
        return None;
    }
    let reason = set_aside
        .reason()
        .map(|reason| format!(": {}", one_line(reason)))
        .unwrap_or_default();
    Some(Line::styled(
        format!("Set aside{reason} · left out of every score (a counts it again)"),
        theme::dim(),
    ))
}

/// Lines about the evidence item at `row` and the cell under the cursor.
pub fn evidence_lines(open: &OpenMatrix, row: usize) -> Vec<Line<'static>> {
    let matrix = &open.matrix;
    let sensitivity = &open.sensitivity;
    let mut lines: Vec<Line<'static>> = set_aside_line(&matrix.evidence()[row].set_aside)
        .into_iter()
        .collect();
    if let Some(item) = sensitivity
        .critical
        .iter()
        .find(|critical| critical.evidence == row)
    {
        lines.push(Line::from(vec![
            Span::styled("! Critical: ", theme::critical()),
            Span::raw(format!(
                "without {}, {}",
                one_line(&matrix.evidence()[row].id),
                leader_clause(matrix, &item.leader_without)
            )),
        ]));
    }
    let fragile = open.fragile_in_row(row);
    for cell in fragile.iter().filter(|cell| cell.hypothesis == open.column) {
        lines.push(Line::styled(
            one_line(&fragile_sentence(matrix, cell)).into_owned(),
            theme::critical(),
        ));
    }
    lines
}

/// Lines about the hypothesis under the cursor: set aside, and the lead's
/// margin.
pub fn hypothesis_lines(open: &OpenMatrix, column: usize) -> Vec<Line<'static>> {
    let matrix = &open.matrix;
    let mut lines: Vec<Line<'static>> = set_aside_line(&matrix.hypotheses()[column].set_aside)
        .into_iter()
        .collect();
    if !open.sensitivity.leader.is_empty() {
        let critical = open.sensitivity.critical.len();
        lines.push(Line::styled(
            format!(
                "{} · {critical} critical item{}",
                one_line(&margin_sentence(matrix, &open.sensitivity)),
                if critical == 1 { "" } else { "s" }
            ),
            theme::dim(),
        ));
    }
    lines
}
