//! A question popup: its text, then its choices as the question's data
//! gives them (the same rows the dispatcher accepts and help lists).

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::{centered, pane_block::pane_block, theme};
use crate::text::inert;
use crate::tui::questions::Choices;

/// The lines of a question: its text, a blank line, one line per choice.
pub fn question_lines(text: &str, choices: &Choices) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = inert(text)
        .lines()
        .map(|line| Line::raw(line.to_owned()))
        .collect();
    lines.push(Line::raw(""));
    for choice in choices.choices {
        lines.push(choice_line(&choice.key.to_string(), choice.label));
    }
    lines.push(choice_line("Esc", choices.escape));
    lines
}

fn choice_line(key: &str, label: &str) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{key:<5}"), theme::leader()),
        Span::raw(label.to_owned()),
    ])
}

pub fn draw(frame: &mut Frame, text: &str, choices: &Choices) {
    let lines = question_lines(text, choices);
    // Room for wrapped lines: a long line takes more than one row.
    let width: u16 = 70;
    let rows: u16 = lines
        .iter()
        .map(|line| {
            (line.width() as u16)
                .div_ceil(width.saturating_sub(2))
                .max(1)
        })
        .sum();
    let area = centered(frame.area(), width, rows + 2);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .block(pane_block("Question", true))
            .wrap(Wrap { trim: false }),
        area,
    );
}
