//! Colours and styles, in one place so the panes agree (and the HTML
//! export can match the rating colours).

use ratatui::style::{Color, Modifier, Style};

use crate::model::Rating;

/// The style of a rating cell: consistent greens, inconsistent reds,
/// neutral and not-applicable dim.
pub fn rating(rating: Option<Rating>) -> Style {
    match rating {
        Some(Rating::VeryConsistent) => Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
        Some(Rating::Consistent) => Style::new().fg(Color::Green),
        Some(Rating::Neutral) => Style::new().fg(Color::Gray),
        Some(Rating::NotApplicable) => Style::new()
            .fg(Color::DarkGray)
            .add_modifier(Modifier::ITALIC),
        Some(Rating::Inconsistent) => Style::new().fg(Color::LightRed),
        Some(Rating::VeryInconsistent) => Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        None => Style::new().fg(Color::DarkGray),
    }
}

/// What an unrated cell shows: visibly empty, not blank.
pub const UNRATED: &str = "·";

/// The cursor's cell or row.
pub fn cursor() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// The border of the focused pane, and of the others.
pub fn border(focused: bool) -> Style {
    if focused {
        Style::new().fg(Color::Cyan)
    } else {
        Style::new().fg(Color::DarkGray)
    }
}

/// The leading hypothesis.
pub fn leader() -> Style {
    Style::new().fg(Color::Green).add_modifier(Modifier::BOLD)
}

/// Headings and labels.
pub fn heading() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

/// Secondary text.
pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

/// Search matches in the reader.
pub fn search_match() -> Style {
    Style::new().bg(Color::Yellow).fg(Color::Black)
}

/// The match `n` and `N` step from.
pub fn current_match() -> Style {
    Style::new()
        .bg(Color::LightYellow)
        .fg(Color::Black)
        .add_modifier(Modifier::BOLD)
}

/// Passages already attached as evidence.
pub fn attached() -> Style {
    Style::new()
        .fg(Color::Cyan)
        .add_modifier(Modifier::UNDERLINED)
}

/// The current selection of sentences.
pub fn selection() -> Style {
    Style::new().bg(Color::Blue).fg(Color::White)
}

/// The sentence under the reader's cursor.
pub fn sentence_cursor() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// A count that says the work is not finished (unrated cells).
pub fn warning() -> Style {
    Style::new().fg(Color::Yellow)
}
