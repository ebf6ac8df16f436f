//! A yes/no question popup.

use ratatui::Frame;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::{centered, pane_block::pane_block};
use crate::text::inert;

pub fn draw(frame: &mut Frame, text: &str) {
    let lines = text.lines().count() as u16;
    let area = centered(frame.area(), 70, lines + 4);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(inert(text).into_owned())
            .block(pane_block("Confirm", true))
            .wrap(Wrap { trim: false }),
        area,
    );
}
