//! The export popup: the formats, each with the file it will write.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{centered, pane_block::pane_block, theme};
use crate::export::Target;
use crate::text::one_line;
use crate::tui::state::State;

pub fn draw(frame: &mut Frame, state: &State, selected: usize) {
    let Some(open) = &state.matrix else {
        return;
    };
    let area = centered(frame.area(), 76, Target::ALL.len() as u16 * 2 + 4);
    let mut lines = Vec::new();
    for (index, format) in Target::ALL.into_iter().enumerate() {
        let path = state
            .workspace
            .display_path(&format.path_beside(&open.path));
        let style = if index == selected {
            theme::cursor()
        } else {
            theme::heading()
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {:<9}", format.name()), style),
            Span::raw(format!(" → {}", one_line(&path))),
        ]));
        lines.push(Line::styled(
            format!("            {}", format.description()),
            theme::dim(),
        ));
    }
    lines.push(Line::styled(
        " j/k choose · Enter export · Esc cancel",
        theme::dim(),
    ));
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(pane_block("Export the matrix", true)),
        area,
    );
}
