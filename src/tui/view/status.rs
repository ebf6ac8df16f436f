//! The status bar: matrix file, unsaved marker, last save, the latest
//! notification, and key hints for the focused pane.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme;
use crate::text::{display_width, one_line, truncate_to_width};
use crate::tui::input;
use crate::tui::keymap::{self, Context};
use crate::tui::state::{Severity, State};

pub fn draw(frame: &mut Frame, area: Rect, state: &State) {
    let mut spans = Vec::new();
    match &state.matrix {
        Some(open) => {
            spans.push(Span::styled(
                one_line(&open.file_name()).into_owned(),
                theme::heading(),
            ));
            if open.is_dirty() {
                spans.push(Span::styled(" [+]", Style::new().fg(Color::Yellow)));
            }
            if let Some(saved) = open.last_saved {
                let local = saved.with_timezone(&chrono::Local);
                spans.push(Span::styled(
                    format!(" saved {}", local.format("%H:%M:%S")),
                    theme::dim(),
                ));
            }
        }
        None => spans.push(Span::styled("no matrix", theme::dim())),
    }
    spans.push(Span::raw("  "));
    let used: usize = spans.iter().map(|s| display_width(&s.content)).sum();
    let room = usize::from(area.width).saturating_sub(used);
    match &state.notice {
        Some(notice) => {
            let style = match notice.severity {
                Severity::Info => Style::new(),
                Severity::Warning => Style::new().fg(Color::Yellow),
                Severity::Error => Style::new().fg(Color::White).bg(Color::Red),
            };
            let text = truncate_to_width(&one_line(&notice.text), room).into_owned();
            spans.push(Span::styled(text, style));
        }
        None => {
            let hints = hints(input::context(state));
            spans.push(Span::styled(
                truncate_to_width(&hints, room).into_owned(),
                theme::dim(),
            ));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A short reminder of the most useful keys where the keyboard is, from
/// the keymap's hinted rows (so hints cannot drift from behaviour).
fn hints(context: Context) -> String {
    let hints = keymap::hints(context);
    match context {
        Context::TextField | Context::Form | Context::Lines => {
            format!("typing: printable keys are text · {hints}")
        }
        _ => hints,
    }
}
