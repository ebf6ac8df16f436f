//! The bordered frame every pane is drawn in.

use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::theme;
use crate::text::one_line;

/// A pane frame titled `title` (made inert: titles can come from files),
/// highlighted when focused.
pub fn pane_block<'a>(title: &str, focused: bool) -> Block<'a> {
    let style = theme::border(focused);
    Block::bordered()
        .border_style(style)
        .title(Line::from(Span::styled(
            format!(" {} ", one_line(title)),
            style,
        )))
}
