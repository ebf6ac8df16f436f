//! The `?` help popup and the `M` message log: scrolled text whose lines
//! come from `help_text` (generated from the keymap and the questions'
//! choices, so help cannot drift from what the keys do).

use ratatui::Frame;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{pane_block::pane_block, theme};
use crate::tui::help_text::{KEY_COLUMN, LineKind, TextLine, help_lines, message_lines};
use crate::tui::layout::{text_popup_area, text_popup_columns};
use crate::tui::state::LoggedNotice;

fn styled(line: TextLine) -> Line<'static> {
    match line.kind {
        LineKind::Heading => Line::styled(line.text, theme::heading()),
        LineKind::Note => Line::styled(line.text, theme::dim()),
        LineKind::Keys => {
            let split = line
                .text
                .char_indices()
                .nth(KEY_COLUMN)
                .map_or(line.text.len(), |(i, _)| i);
            let (keys, description) = line.text.split_at(split);
            Line::from(vec![
                Span::styled(keys.to_owned(), theme::leader()),
                Span::raw(description.to_owned()),
            ])
        }
        LineKind::Plain => Line::raw(line.text),
        LineKind::Warning => Line::styled(line.text, Style::new().fg(Color::Yellow)),
        LineKind::Error => Line::styled(line.text, Style::new().fg(Color::Red)),
    }
}

fn draw_text(frame: &mut Frame, title: &str, lines: Vec<TextLine>, scroll: u16) {
    let size = frame.area();
    let area = text_popup_area(size.width, size.height);
    let lines: Vec<Line> = lines.into_iter().map(styled).collect();
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .block(pane_block(title, true))
            .scroll((scroll, 0)),
        area,
    );
}

/// The help popup, scrolled `scroll` lines (kept in range by `update`).
pub fn draw(frame: &mut Frame, scroll: u16) {
    let size = frame.area();
    let lines = help_lines(text_popup_columns(size.width, size.height));
    draw_text(
        frame,
        "Help: keys (j/k g/G scroll, Esc close)",
        lines,
        scroll,
    );
}

/// The matrix health popup.
pub fn draw_health(
    frame: &mut Frame,
    entries: &[crate::tui::health_text::HealthEntry],
    scroll: u16,
) {
    let size = frame.area();
    let lines =
        crate::tui::health_text::health_lines(entries, text_popup_columns(size.width, size.height));
    draw_text(
        frame,
        "Matrix health (j/k g/G scroll, Esc close)",
        lines,
        scroll,
    );
}

/// The message log popup.
pub fn draw_messages(frame: &mut Frame, log: &[LoggedNotice], scroll: u16) {
    let size = frame.area();
    let lines = message_lines(log, text_popup_columns(size.width, size.height));
    draw_text(
        frame,
        "Messages since the workbench started (j/k g/G scroll, Esc close)",
        lines,
        scroll,
    );
}
