//! The `?` popup, generated from the keymap table so it cannot drift from
//! what the keys do.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{centered, pane_block::pane_block, theme};
use crate::tui::input::TEXT_EDITING_KEYS;
use crate::tui::keymap::{Context, grouped};

/// Every help line, in order; also used to bound scrolling.
pub fn help_lines() -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for context in [
        Context::Global,
        Context::Library,
        Context::Reader,
        Context::Matrix,
        Context::TextField,
        Context::Form,
        Context::Confirm,
        Context::Choice,
    ] {
        lines.push(Line::styled(context.title().to_owned(), theme::heading()));
        for (keys, description) in grouped(context) {
            lines.push(key_line(&keys.join(" "), description));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled("Typing in fields", theme::heading()));
    for (key, description) in TEXT_EDITING_KEYS {
        lines.push(key_line(key, description));
    }
    lines
}

fn key_line(keys: &str, description: &str) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("  {keys:<22}"), theme::leader()),
        Span::raw(description.to_owned()),
    ])
}

pub fn draw(frame: &mut Frame, scroll: u16) {
    let area = centered(frame.area(), 76, frame.area().height.saturating_sub(4));
    let block = pane_block("Help: keys (j/k scroll, Esc close)", true);
    let inner: Rect = block.inner(area);
    let lines = help_lines();
    let max_scroll = (lines.len() as u16).saturating_sub(inner.height);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll.min(max_scroll), 0)),
        area,
    );
}
