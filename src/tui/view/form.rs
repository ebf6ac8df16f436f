//! A form popup: labelled fields, the focused one with a cursor.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::{centered, pane_block::pane_block, theme};
use crate::text::{display_width, one_line};
use crate::tui::forms::{FieldValue, Form};

const LABEL_WIDTH: usize = 13;

pub fn draw(frame: &mut Frame, form: &Form) {
    let height = form.fields.len() as u16 + 6;
    let area = centered(frame.area(), 90, height);
    let block = pane_block(&form.title, true);
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let value_width = usize::from(inner.width).saturating_sub(LABEL_WIDTH + 1);
    let mut cursor = None;
    for (index, field) in form.fields.iter().enumerate() {
        let focused = index == form.focused;
        let y = inner.y + index as u16;
        if y >= inner.y + inner.height {
            break;
        }
        let label_style = if focused {
            theme::leader()
        } else {
            theme::heading()
        };
        let label = Span::styled(
            format!("{:>w$} ", field.label, w = LABEL_WIDTH),
            label_style,
        );
        let value = match &field.value {
            FieldValue::Text(input) => {
                let scroll = input.visual_scroll(value_width.saturating_sub(1));
                let shown: String = visible_slice(input.value(), scroll, value_width);
                if focused {
                    let x =
                        inner.x + LABEL_WIDTH as u16 + 1 + (input.visual_cursor() - scroll) as u16;
                    cursor = Some(Position::new(x, y));
                }
                Span::styled(
                    shown,
                    if focused {
                        Style::new().bg(Color::DarkGray)
                    } else {
                        Style::new()
                    },
                )
            }
            FieldValue::Choice { options, selected } => {
                let text = options
                    .iter()
                    .enumerate()
                    .map(|(n, o)| {
                        if n == *selected {
                            format!("[{o}]")
                        } else {
                            format!(" {o} ")
                        }
                    })
                    .collect::<String>();
                Span::styled(
                    text,
                    if focused {
                        theme::cursor()
                    } else {
                        Style::new()
                    },
                )
            }
        };
        let row = Rect {
            y,
            height: 1,
            ..inner
        };
        frame.render_widget(Paragraph::new(Line::from(vec![label, value])), row);
    }
    let footer_y = inner.y + form.fields.len() as u16 + 1;
    let hint = form.focused_field().hint;
    let mut footer = vec![Line::styled(
        format!("{hint} · Tab next field · Enter save · Esc cancel"),
        theme::dim(),
    )];
    if let Some(error) = &form.error {
        footer.push(Line::styled(
            one_line(error).into_owned(),
            Style::new().fg(Color::LightRed),
        ));
    }
    let footer_area = Rect {
        y: footer_y,
        height: (inner.y + inner.height).saturating_sub(footer_y),
        ..inner
    };
    frame.render_widget(
        Paragraph::new(footer).wrap(Wrap { trim: true }),
        footer_area,
    );
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

/// The part of `text` from display column `scroll`, `width` columns wide,
/// made one line and inert.
fn visible_slice(text: &str, scroll: usize, width: usize) -> String {
    let clean = one_line(text);
    let mut used = 0;
    let mut out = String::new();
    for c in clean.chars() {
        let w = display_width(c.encode_utf8(&mut [0; 4]));
        if used >= scroll && used + w <= scroll + width {
            out.push(c);
        }
        used += w;
    }
    out
}
