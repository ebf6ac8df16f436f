//! The what-if popup: the ranking under a scenario beside the actual one,
//! and whether the lead survives it.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{centered, pane_block::pane_block, theme};
use crate::model::Matrix;
use crate::scoring::{Scores, leader_set, sensitivity::leader_clause};
use crate::text::{capitalised, counted, fit_to_width, one_line};
use crate::tui::keymap::{Context, hints};
use crate::tui::state::{ScenarioView, State};

/// The popup's width; each ranking gets half of what is inside.
const WIDTH: u16 = 84;

pub fn draw(frame: &mut Frame, state: &State, view: &ScenarioView) {
    let Some(open) = &state.matrix else {
        return;
    };
    let matrix = &open.matrix;
    let actual = open.scores.scores();
    let rows = actual.ranking.len().max(view.scores.ranking.len());
    let height = u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(8);
    let area = centered(frame.area(), WIDTH, height);
    let half = usize::from(WIDTH.saturating_sub(2)) / 2;
    let (now, then) = (leader_set(actual), leader_set(&view.scores));
    let verdict = if now == then {
        Span::styled("the lead holds", theme::leader())
    } else {
        Span::styled("the lead changes", theme::critical())
    };
    let mut lines = vec![
        Line::from(vec![
            Span::raw(format!(
                "{} (leaves out {}): ",
                capitalised(&view.scenario.label()),
                counted(view.left_out, "item", "items"),
            )),
            verdict,
        ]),
        Line::raw(format!(
            "Actual: {} · {}: {}",
            leader_clause(matrix, &now),
            view.scenario.label(),
            leader_clause(matrix, &then),
        )),
        Line::raw(""),
        Line::from(vec![
            Span::styled(
                fit_to_width("Actual ranking (weighted inconsistency)", half),
                theme::heading(),
            ),
            Span::styled(
                fit_to_width(&capitalised(&view.scenario.label()), half),
                theme::heading(),
            ),
        ]),
    ];
    let left = ranking_lines(matrix, actual, &now);
    let right = ranking_lines(matrix, &view.scores, &then);
    for place in 0..rows {
        let cell = |column: &[(String, bool)]| match column.get(place) {
            Some((text, leads)) => Span::styled(
                fit_to_width(text, half),
                if *leads {
                    theme::leader()
                } else {
                    ratatui::style::Style::new()
                },
            ),
            None => Span::raw(" ".repeat(half)),
        };
        lines.push(Line::from(vec![cell(&left), cell(&right)]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(hints(Context::Scenario), theme::dim()));
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(pane_block("What if", true)),
        area,
    );
}

/// One line per ranked hypothesis: `1= H3 title  wi 1.41`, and whether it
/// leads. Ties for the lead share `1=`, as in the grid's rank row.
fn ranking_lines(matrix: &Matrix, scores: &Scores, leaders: &[usize]) -> Vec<(String, bool)> {
    scores
        .ranking
        .iter()
        .enumerate()
        .map(|(place, &column)| {
            let leads = leaders.contains(&column);
            let rank = match (leads, leaders.len() > 1) {
                (true, true) => "1=".to_owned(),
                (true, false) => "1".to_owned(),
                (false, _) => (place + 1).to_string(),
            };
            let hypothesis = &matrix.hypotheses()[column];
            let score = &scores.hypotheses[column];
            (
                format!(
                    " {rank:<3}{} {:.2} {}",
                    one_line(&hypothesis.id),
                    score.weighted_inconsistency,
                    one_line(&hypothesis.title)
                ),
                leads,
            )
        })
        .collect()
}
