//! The text of the scrolled popups — help and the message log — as plain
//! lines already wrapped to a width. The view styles them; `update` counts
//! them to keep scrolling in range; neither lays them out again.

use crate::text::{display_width, inert, wrap_to_width};
use crate::tui::keymap::{Context, grouped};
use crate::tui::questions;
use crate::tui::state::{LoggedNotice, Severity};

/// How a line of a text popup is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Heading,
    Note,
    /// A key line: the first `key_width` columns are keys.
    Keys,
    Plain,
    Warning,
    Error,
}

/// One screen line of a text popup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextLine {
    pub kind: LineKind,
    pub text: String,
}

/// Width of the key column in help.
pub const KEY_COLUMN: usize = 24;

fn line(kind: LineKind, text: impl Into<String>) -> TextLine {
    TextLine {
        kind,
        text: text.into(),
    }
}

/// Every help line for text `columns` wide, from the keymap and the
/// questions' choices.
pub fn help_lines(columns: u16) -> Vec<TextLine> {
    let columns = usize::from(columns);
    let mut lines = Vec::new();
    for context in [
        Context::Global,
        Context::Library,
        Context::Reader,
        Context::Matrix,
        Context::Team,
        Context::TextField,
        Context::Typing,
        Context::Form,
        Context::Lines,
        Context::Confirm,
        Context::Choice,
        Context::Scenario,
        Context::Help,
    ] {
        lines.push(line(LineKind::Heading, context.title()));
        for (keys, description) in grouped(context) {
            key_lines(&mut lines, &keys.join(" "), description, columns);
        }
        if context == Context::Confirm {
            for question in questions::ALL {
                lines.push(line(LineKind::Note, format!("  {}", question.name)));
                for choice in question.choices {
                    key_lines(
                        &mut lines,
                        &format!("    {}", choice.key),
                        choice.label,
                        columns,
                    );
                }
            }
        }
        lines.push(line(LineKind::Plain, ""));
    }
    lines
}

/// A key and its description, the description wrapped beside the key.
fn key_lines(lines: &mut Vec<TextLine>, keys: &str, description: &str, columns: usize) {
    let room = columns.saturating_sub(KEY_COLUMN).max(12);
    let key_text = format!("  {keys}");
    let mut wrapped = wrap_to_width(description, room).into_iter();
    let first = wrapped.next().unwrap_or_default();
    if display_width(&key_text) >= KEY_COLUMN {
        // Keys wider than their column get a line of their own.
        lines.push(line(LineKind::Keys, key_text));
        lines.push(line(LineKind::Plain, format!("{:KEY_COLUMN$}{first}", "")));
    } else {
        let pad = KEY_COLUMN - display_width(&key_text);
        lines.push(line(
            LineKind::Keys,
            format!("{key_text}{:pad$}{first}", ""),
        ));
    }
    for rest in wrapped {
        lines.push(line(LineKind::Plain, format!("{:KEY_COLUMN$}{rest}", "")));
    }
}

/// The message log, wrapped to `columns`, oldest first.
pub fn message_lines(log: &[LoggedNotice], columns: u16) -> Vec<TextLine> {
    if log.is_empty() {
        return vec![line(LineKind::Note, "No messages yet.")];
    }
    let mut lines = Vec::new();
    for entry in log {
        let kind = match entry.notice.severity {
            Severity::Info => LineKind::Plain,
            Severity::Warning => LineKind::Warning,
            Severity::Error => LineKind::Error,
        };
        let stamp = entry.at.map_or_else(
            || "now     ".to_owned(),
            |at| {
                at.with_timezone(&chrono::Local)
                    .format("%H:%M:%S")
                    .to_string()
            },
        );
        let text = inert(&entry.notice.text).into_owned();
        let room = usize::from(columns).saturating_sub(10).max(12);
        for (index, part) in text
            .lines()
            .flat_map(|l| wrap_to_width(l, room))
            .enumerate()
        {
            let lead = if index == 0 { stamp.as_str() } else { "" };
            lines.push(line(kind, format!("{lead:<10}{part}")));
        }
    }
    lines
}
