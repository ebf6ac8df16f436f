//! A form popup: labelled fields, the focused one with a cursor.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::{centered, pane_block::pane_block, theme};
use crate::text::{display_width, one_line};
use crate::tui::forms::{FieldValue, Form, FormPurpose, Lines, NEW_MATRIX_FILE, planned_file};
use crate::tui::input::form_context;
use crate::tui::keymap;
use crate::tui::layout::{LINES_FIELD_ROWS, fields_rows};

/// The narrowest label column; a form with a longer label widens it.
const LABEL_WIDTH: usize = 13;

/// Draws `form`; an attach form is placed above or below `passage_rows`
/// (the screen rows where the reader shows its passage) when it fits
/// there, leaving out its own quote of the passage if that is what makes
/// it fit, since the reader shows it.
pub fn draw(frame: &mut Frame, form: &Form, passage_rows: Option<(u16, u16)>) {
    let label_width = form
        .fields
        .iter()
        .map(|field| display_width(field.label))
        .fold(LABEL_WIDTH, usize::max);
    // A refusal about one field is shown on its own row under that field.
    let inline_error = form.error_field.is_some() && form.error.is_some();
    let mut passage = passage_lines(
        form,
        usize::from(frame.area().width.min(90)).saturating_sub(3),
    );
    let fields = fields_rows(form) + u16::from(inline_error);
    // Borders, a blank row, the hint and room for an error under it.
    let height = fields + 6 + passage.len() as u16;
    // Beside a passage, without the quote or the room for an error that
    // is not there, and if need be with one row for each field of several
    // lines (it scrolls), as the form was before such fields.
    let footer_error = form.error.is_some() && !inline_error;
    let compact = fields + 4 + u16::from(footer_error);
    let lines_fields = form.fields.iter().filter(|f| f.is_lines()).count() as u16;
    let fits = [
        Fit::new(height, true, LINES_FIELD_ROWS),
        Fit::new(compact, false, LINES_FIELD_ROWS),
        Fit::new(compact - lines_fields * (LINES_FIELD_ROWS - 1), false, 1),
    ];
    let (area, lines_rows) = match passage_rows {
        Some(rows) => {
            let (area, fit) = beside(frame.area(), rows, &fits);
            if !fit.quoted {
                passage.clear();
            }
            (area, fit.lines_rows)
        }
        None => (centered(frame.area(), 90, height), LINES_FIELD_ROWS),
    };
    let rows_of = |field: &crate::tui::forms::Field| {
        if field.is_lines() { lines_rows } else { 1 }
    };
    let block = pane_block(&form.title, true);
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let value_width = usize::from(inner.width).saturating_sub(label_width + 1);
    let mut cursor = None;
    // The passage being attached stays in sight above the fields.
    for (n, line) in passage.iter().enumerate() {
        let row = Rect {
            y: inner.y + n as u16,
            height: 1,
            ..inner
        };
        frame.render_widget(Paragraph::new(line.clone()), row);
    }
    // The next free row.
    let mut y = inner.y + passage.len() as u16;
    let bottom = inner.y + inner.height;
    for (index, field) in form.fields.iter().enumerate() {
        let focused = index == form.focused;
        if y >= bottom {
            break;
        }
        let refused = inline_error && form.error_field == Some(index);
        let label_style = if refused {
            Style::new().fg(Color::LightRed)
        } else if focused {
            theme::leader()
        } else {
            theme::heading()
        };
        let label = Span::styled(
            format!("{:>w$} ", field.label, w = label_width),
            label_style,
        );
        let value = match &field.value {
            FieldValue::Text(input) => {
                let scroll = input.visual_scroll(value_width.saturating_sub(1));
                let shown: String = visible_slice(input.value(), scroll, value_width);
                if focused {
                    let x =
                        inner.x + label_width as u16 + 1 + (input.visual_cursor() - scroll) as u16;
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
            FieldValue::Lines(lines) => {
                let area = Rect {
                    x: inner.x + label_width as u16 + 1,
                    y,
                    width: value_width as u16,
                    height: rows_of(field).min(bottom - y),
                };
                cursor = draw_lines(frame, lines, area, focused).or(cursor);
                Span::raw("")
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
        let mut spans = vec![label, value];
        if let Some(planned) = placeholder(form, index) {
            // What an empty File field will write, so the analyst sees it.
            spans.push(Span::styled(planned, theme::dim()));
        }
        // A field of several lines has drawn its value itself.
        let row = if field.is_lines() {
            Rect {
                width: label_width as u16 + 1,
                ..row
            }
        } else {
            row
        };
        frame.render_widget(Paragraph::new(Line::from(spans)), row);
        y += rows_of(field);
        if refused
            && let Some(error) = &form.error
            && y < bottom
        {
            let text = format!("{:>w$} {}", "", one_line(error), w = label_width);
            let row = Rect {
                y,
                height: 1,
                ..inner
            };
            frame.render_widget(
                Paragraph::new(Line::styled(text, Style::new().fg(Color::LightRed))),
                row,
            );
            y += 1;
        }
    }
    let footer_y = y + 1;
    // The field's own hint, then the keys from the keymap where the
    // keyboard is (Enter saves, or in a field of several lines breaks it).
    let hint = form.focused_field().hint;
    let keys = keymap::hints(form_context(form));
    let mut footer = vec![Line::styled(format!("{hint} · {keys}"), theme::dim())];
    if let Some(error) = form.error.as_ref().filter(|_| !inline_error) {
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

/// Draws a field of several lines into `area`, returning where the
/// terminal's cursor goes when it has focus. The editor draws only the
/// text; the cursor is the terminal's own, as in every one-line field.
fn draw_lines(frame: &mut Frame, lines: &Lines, area: Rect, focused: bool) -> Option<Position> {
    let editor = lines.editor();
    frame.render_widget(editor, area);
    if !focused {
        return None;
    }
    frame
        .buffer_mut()
        .set_style(area, Style::new().bg(Color::DarkGray));
    // Where the cursor is in the wrapped text, less the rows and columns
    // scrolled out of the area (both known once drawn).
    let at = editor.screen_cursor();
    let (top, left) = editor.scroll_offset();
    let row = u16::try_from(at.row).ok()?.checked_sub(top)?;
    let column = u16::try_from(at.col).ok()?.checked_sub(left)?;
    (row < area.height && column < area.width.max(1))
        .then(|| Position::new(area.x + column, area.y + row))
}

/// One way to lay a form out beside a passage: its height, whether it
/// quotes the passage, and the rows of its fields of several lines.
#[derive(Debug, Clone, Copy)]
struct Fit {
    rows: u16,
    quoted: bool,
    lines_rows: u16,
}

impl Fit {
    const fn new(rows: u16, quoted: bool, lines_rows: u16) -> Self {
        Fit {
            rows,
            quoted,
            lines_rows,
        }
    }
}

/// Where a form goes so as not to hide the screen rows `first..=last`: in
/// the larger space above or below them, next to them, laid out the first
/// of `fits` (most to least roomy) that fits there. A passage taller than
/// the space left keeps the rows farthest from the form in sight: the
/// smallest form is then put at that side's edge of the screen. The status
/// line at the bottom is left alone.
fn beside(screen: Rect, (first, last): (u16, u16), fits: &[Fit]) -> (Rect, Fit) {
    let bottom = screen.y + screen.height.saturating_sub(1);
    let above = first.saturating_sub(screen.y);
    let below = bottom.saturating_sub(last + 1);
    let on_top = above >= below;
    let room = above.max(below);
    let smallest = fits[fits.len() - 1];
    let fit = fits
        .iter()
        .copied()
        .find(|fit| fit.rows <= room)
        .unwrap_or(Fit {
            rows: smallest.rows.min(bottom.saturating_sub(screen.y)),
            ..smallest
        });
    let rows = fit.rows;
    let width = screen.width.min(90);
    let x = screen.x + (screen.width - width) / 2;
    let y = match (on_top, room >= rows) {
        (true, true) => first - rows,
        (false, true) => last + 1,
        (true, false) => screen.y,
        (false, false) => bottom - rows,
    };
    let area = Rect {
        x,
        y,
        width,
        height: rows,
    };
    (area, fit)
}

/// Rows quoting the passage an attach form is for: up to three, the last
/// ending in … when the quote is longer, then a blank row.
fn passage_lines(form: &Form, width: usize) -> Vec<Line<'static>> {
    let FormPurpose::Attach(passage) = &form.purpose else {
        return Vec::new();
    };
    let quote = crate::document::spaces_as_one(&passage.quote);
    let quote = one_line(quote.trim()).into_owned();
    let mut rows: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in quote.split(' ') {
        if !current.is_empty() && display_width(&current) + 1 + display_width(word) > width {
            rows.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    rows.push(current);
    let longer = rows.len() > 3;
    rows.truncate(3);
    if longer && let Some(last) = rows.last_mut() {
        last.push_str(" …");
    }
    let mut lines: Vec<Line<'static>> = rows
        .into_iter()
        .enumerate()
        .map(|(n, row)| {
            let lead = if n == 0 { "“" } else { " " };
            Line::styled(format!("{lead}{row}"), theme::dim())
        })
        .collect();
    lines.push(Line::raw(""));
    lines
}

/// The dim text an empty field shows in place of a value: the file the
/// new-matrix form will write.
fn placeholder(form: &Form, index: usize) -> Option<String> {
    (form.purpose == FormPurpose::NewMatrix
        && index == NEW_MATRIX_FILE
        && form.fields[index].value().trim().is_empty())
    .then(|| planned_file(form))
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
