//! The team view: the consensus grid coloured by how far the analysts
//! disagree, the cell under the cursor broken down by analyst, and "me
//! against the team". Only reads the state.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::pane_block::pane_block;
use super::theme;
use crate::team::{Band, top};
use crate::text::{fit_to_width, one_line, truncate_to_width};
use crate::tui::state::TeamView;

/// Width of one hypothesis column: a rating code and the band's mark.
const COLUMN: usize = 6;
/// The widest the evidence label column gets.
const LABEL: usize = 28;

/// The mark beside a consensus rating, so the band reads without colour.
pub fn mark(band: Band) -> &'static str {
    match band {
        Band::Agreement => "",
        Band::Mild => "~",
        Band::Large => "!",
        Band::Extreme => "!!",
    }
}

/// The background of a consensus cell by band: the warmer, the wider the
/// split; cells the team agrees on keep the rating's own colour.
pub fn band_style(band: Band) -> Option<Style> {
    match band {
        Band::Agreement => None,
        Band::Mild => Some(Style::new().bg(Color::Yellow).fg(Color::Black)),
        Band::Large => Some(Style::new().bg(Color::LightRed).fg(Color::Black)),
        Band::Extreme => Some(
            Style::new()
                .bg(Color::Red)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
        ),
    }
}

/// Draws the team view over `area` (everything above the status bar).
pub fn draw(frame: &mut Frame, area: Rect, view: &TeamView) {
    let bottom = 12.min(area.height / 2);
    let [grid, lower] =
        Layout::vertical([Constraint::Min(4), Constraint::Length(bottom)]).areas(area);
    let [cell, mine] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(lower);
    draw_grid(frame, grid, view);
    draw_cell(frame, cell, view);
    draw_mine(frame, mine, view);
}

/// The first of `count` items to show in `room` so that `cursor` is seen.
fn first_shown(cursor: usize, room: usize) -> usize {
    (cursor + 1).saturating_sub(room.max(1))
}

fn draw_grid(frame: &mut Frame, area: Rect, view: &TeamView) {
    let team = &view.team;
    let leaders = top(&team.consensus, &team.scores);
    let title = format!(
        "Team: {} · {} analysts · consensus leader {}",
        one_line(&team.consensus.title),
        team.analysts.len(),
        if leaders.is_empty() {
            "—".to_owned()
        } else {
            leaders.join(", ")
        }
    );
    let block = pane_block(&title, true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let label = LABEL.min(width / 3);
    let room_columns = (width.saturating_sub(label) / COLUMN).max(1);
    let hypotheses = team.consensus.hypotheses();
    let first_column = first_shown(view.column, room_columns);
    let columns = first_column..hypotheses.len().min(first_column + room_columns);
    let mut lines = vec![
        Line::from(Span::styled(
            "consensus (median of −2…+2) · spread: agreement, ~ mild, ! large, !! extreme",
            theme::dim(),
        )),
        Line::from(
            std::iter::once(Span::styled(
                fit_to_width("Evidence", label),
                theme::heading(),
            ))
            .chain(columns.clone().map(|c| {
                let style = if leaders.contains(&hypotheses[c].id) {
                    theme::leader()
                } else {
                    theme::heading()
                };
                Span::styled(fit_to_width(&one_line(&hypotheses[c].id), COLUMN), style)
            }))
            .collect::<Vec<_>>(),
        ),
    ];
    // The consensus scores and the team's probabilities stay under the
    // rows, however far they scroll.
    let row_of = |heading: &str, value: &dyn Fn(usize) -> String| {
        Line::from(
            std::iter::once(Span::styled(fit_to_width(heading, label), theme::heading()))
                .chain(
                    columns
                        .clone()
                        .map(|c| Span::raw(fit_to_width(&value(c), COLUMN))),
                )
                .collect::<Vec<_>>(),
        )
    };
    let probabilities = &team.probabilities;
    let footer = [
        row_of("Weighted inconsistency", &|c| {
            format!("{:.1}", team.scores.hypotheses[c].weighted_inconsistency)
        }),
        row_of("Model posterior", &|c| {
            format!("{:.2}", probabilities.posterior[c])
        }),
        // The mean of the analysts' coherent judged values, and of how
        // many analysts.
        row_of(
            &format!(
                "Judged, team avg ({}/{})",
                probabilities.averaged(),
                team.analysts.len()
            ),
            &|c| {
                probabilities
                    .average
                    .as_ref()
                    .map_or_else(|| "—".to_owned(), |values| format!("{:.2}", values[c]))
            },
        ),
    ];
    let room_rows = usize::from(inner.height).saturating_sub(lines.len() + footer.len());
    let evidence = team.consensus.evidence();
    let first_row = first_shown(view.row, room_rows);
    for (row, item) in evidence.iter().enumerate().skip(first_row).take(room_rows) {
        let text = format!("{} {}", item.id, item.summary);
        let mut spans = vec![Span::raw(fit_to_width(&one_line(&text), label))];
        for column in columns.clone() {
            let cell = &team.cells[row * hypotheses.len() + column];
            let code = cell.consensus.map_or(theme::UNRATED, |r| r.code());
            let text = fit_to_width(&format!("{code}{}", mark(cell.band)), COLUMN - 1);
            let mut style = band_style(cell.band).unwrap_or_else(|| theme::rating(cell.consensus));
            if (row, column) == (view.row, view.column) {
                style = style.patch(theme::cursor());
            }
            spans.push(Span::styled(text, style));
            spans.push(Span::raw(" "));
        }
        lines.push(Line::from(spans));
    }
    lines.extend(footer);
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_cell(frame: &mut Frame, area: Rect, view: &TeamView) {
    let team = &view.team;
    let Some(cell) = view.cell() else {
        frame.render_widget(pane_block("No cell", false), area);
        return;
    };
    let title = format!("{} / {}", cell.evidence, cell.hypothesis);
    let block = pane_block(&title, false);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = vec![Line::from(vec![
        Span::styled("consensus ", theme::heading()),
        Span::styled(
            cell.consensus.map_or("—", |r| r.code()).to_owned(),
            theme::rating(cell.consensus),
        ),
        Span::raw(format!(
            " · spread {:.2} ({})",
            cell.spread,
            cell.band.word()
        )),
    ])];
    let room = usize::from(inner.height).saturating_sub(1);
    let name_width = team
        .analysts
        .iter()
        .map(|a| crate::text::display_width(a))
        .max()
        .unwrap_or(0)
        .min(18);
    let shown = if team.analysts.len() > room {
        room.saturating_sub(1)
    } else {
        room
    };
    for (n, (analyst, rating)) in team
        .analysts
        .iter()
        .zip(&cell.ratings)
        .enumerate()
        .take(shown)
    {
        let name_style = if n == view.me {
            theme::heading()
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(fit_to_width(&one_line(analyst), name_width + 1), name_style),
            Span::styled(
                fit_to_width(rating.map_or(theme::UNRATED, |r| r.code()), 3),
                theme::rating(*rating),
            ),
            Span::styled(
                format!(" leads {}", team.leaders[n].join(", ")),
                theme::dim(),
            ),
        ]));
    }
    if shown < team.analysts.len() {
        lines.push(Line::from(Span::styled(
            format!("… and {} more analysts", team.analysts.len() - shown),
            theme::dim(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_mine(frame: &mut Frame, area: Rect, view: &TeamView) {
    let team = &view.team;
    let me = team.analysts.get(view.me).map_or("", String::as_str);
    let title = format!(
        "Me against the team: {}{}",
        one_line(me),
        if view.mine_is_live() { " (live)" } else { "" }
    );
    let block = pane_block(&title, false);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines = vec![Line::from(Span::styled(
        if view.mine.is_empty() {
            "no differences from the consensus".to_owned()
        } else {
            format!(
                "{} apart, biggest first",
                crate::text::counted(view.mine.len(), "cell", "cells")
            )
        },
        theme::dim(),
    ))];
    let room = usize::from(inner.height).saturating_sub(1);
    let columns = team.consensus.hypotheses().len();
    let here = view.row * columns + view.column;
    for difference in view.mine.iter().take(room) {
        let text = format!(
            "{} / {}: mine {}, team {} ({:.0} step{})",
            difference.evidence,
            difference.hypothesis,
            difference.mine.code(),
            difference.consensus.code(),
            difference.distance,
            if difference.distance == 1.0 { "" } else { "s" }
        );
        let style = if difference.cell == here {
            theme::cursor()
        } else {
            Style::new()
        };
        lines.push(Line::from(Span::styled(
            truncate_to_width(&one_line(&text), width).into_owned(),
            style,
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
