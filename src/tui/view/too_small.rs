//! The notice drawn instead of a layout that would not fit.

use ratatui::Frame;
use ratatui::layout::Alignment;
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH};

pub fn draw(frame: &mut Frame) {
    let area = frame.area();
    let text = format!(
        "Terminal too small: {}×{}.\nACH Workbench needs at least {MIN_WIDTH}×{MIN_HEIGHT}.\nEnlarge the window (q quits).",
        area.width, area.height
    );
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        area,
    );
}
