//! Colours and styles, in one place so the panes agree (and the HTML
//! export can match the rating colours).
//!
//! Three themes: the default greens and reds; a colour-blind safe one
//! (blue and orange, after Okabe and Ito); and mono, with no colour at
//! all, for `NO_COLOR` and monochrome terminals. In every theme each
//! rating also differs without hue: the strong ones are bold, the
//! inconsistent ones underlined, neutral dim and not-applicable italic.

use std::sync::OnceLock;

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

use crate::config::Theme;
use crate::model::Rating;

static THEME: OnceLock<Theme> = OnceLock::new();

/// Puts a theme in force for the rest of the process.
pub fn install(theme: Theme) {
    let _ = THEME.set(theme);
}

fn current() -> Styles {
    Styles(THEME.get().copied().unwrap_or_default())
}

/// The styles of one theme.
#[derive(Debug, Clone, Copy)]
pub struct Styles(pub Theme);

impl Styles {
    fn mono(self) -> bool {
        self.0 == Theme::Mono
    }

    /// A colour, or none in the mono theme.
    fn fg(self, style: Style, colour: Color) -> Style {
        if self.mono() { style } else { style.fg(colour) }
    }

    /// The style of a rating cell.
    pub fn rating(self, rating: Option<Rating>) -> Style {
        let (consistent, very_consistent, inconsistent, very_inconsistent) = match self.0 {
            // 256-colour indexes close to Okabe-Ito blue and vermillion.
            Theme::ColourBlind => (
                Color::Indexed(75),
                Color::Indexed(33),
                Color::Indexed(214),
                Color::Indexed(202),
            ),
            _ => (Color::Green, Color::Green, Color::LightRed, Color::Red),
        };
        let bold = Modifier::BOLD;
        let underlined = Modifier::UNDERLINED;
        match rating {
            Some(Rating::VeryConsistent) => {
                self.fg(Style::new().add_modifier(bold), very_consistent)
            }
            Some(Rating::Consistent) => self.fg(Style::new(), consistent),
            Some(Rating::Neutral) => {
                if self.mono() {
                    Style::new().add_modifier(Modifier::DIM)
                } else {
                    Style::new().fg(Color::Gray)
                }
            }
            Some(Rating::NotApplicable) => self.dim().add_modifier(Modifier::ITALIC),
            Some(Rating::Inconsistent) => {
                self.fg(Style::new().add_modifier(underlined), inconsistent)
            }
            Some(Rating::VeryInconsistent) => self.fg(
                Style::new().add_modifier(bold | underlined),
                very_inconsistent,
            ),
            None => self.dim(),
        }
    }

    pub fn border(self, focused: bool) -> Style {
        match (self.mono(), focused) {
            (true, true) => Style::new().add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::DIM),
            (false, true) => Style::new().fg(Color::Cyan),
            (false, false) => Style::new().fg(Color::DarkGray),
        }
    }

    pub fn leader(self) -> Style {
        let colour = match self.0 {
            Theme::ColourBlind => Color::Indexed(33),
            _ => Color::Green,
        };
        self.fg(Style::new().add_modifier(Modifier::BOLD), colour)
    }

    pub fn dim(self) -> Style {
        if self.mono() {
            Style::new().add_modifier(Modifier::DIM)
        } else {
            Style::new().fg(Color::DarkGray)
        }
    }

    pub fn search_match(self) -> Style {
        if self.mono() {
            Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
        } else {
            Style::new().bg(Color::Yellow).fg(Color::Black)
        }
    }

    pub fn current_match(self) -> Style {
        if self.mono() {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new()
                .bg(Color::LightYellow)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD)
        }
    }

    pub fn attached(self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::UNDERLINED), Color::Cyan)
    }

    pub fn selection(self) -> Style {
        if self.mono() {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            Style::new().bg(Color::Blue).fg(Color::White)
        }
    }
}

/// The style of a rating cell in the theme in force.
pub fn rating(rating: Option<Rating>) -> Style {
    current().rating(rating)
}

/// What an unrated cell shows: visibly empty, not blank.
pub const UNRATED: &str = "·";

/// The cursor's cell or row: reverse video, visible in every theme.
pub fn cursor() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// The border of the focused pane, and of the others.
pub fn border(focused: bool) -> Style {
    current().border(focused)
}

/// The leading hypothesis.
pub fn leader() -> Style {
    current().leader()
}

/// Headings and labels.
pub fn heading() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

/// Secondary text.
pub fn dim() -> Style {
    current().dim()
}

/// Search matches in the reader.
pub fn search_match() -> Style {
    current().search_match()
}

/// The match `n` and `N` step from.
pub fn current_match() -> Style {
    current().current_match()
}

/// Passages already attached as evidence.
pub fn attached() -> Style {
    current().attached()
}

/// The current selection of sentences.
pub fn selection() -> Style {
    current().selection()
}

/// The sentence under the reader's cursor.
pub fn sentence_cursor() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// An evidence item or hypothesis set aside: still shown, struck through.
pub fn set_aside() -> Style {
    Style::new()
        .fg(Color::DarkGray)
        .add_modifier(Modifier::CROSSED_OUT)
}

/// A critical item: the lead changes without it.
pub fn critical() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

/// A count that says the work is not finished (unrated cells).
pub fn warning() -> Style {
    current().fg(Style::new().add_modifier(Modifier::BOLD), Color::Yellow)
}

/// The last step of every frame. In the mono theme, no cell keeps a
/// colour, whoever set it: a colour escape would also be written as a bare
/// `CSI m` under `NO_COLOR` (crossterm 0.29), which resets the reverse
/// video and bold that carry the cursor and emphasis there.
pub fn finish(buffer: &mut Buffer) {
    if current().mono() {
        strip_colour(buffer);
    }
}

/// Removes every colour from `buffer`, keeping the modifiers.
pub fn strip_colour(buffer: &mut Buffer) {
    for cell in &mut buffer.content {
        cell.set_fg(Color::Reset).set_bg(Color::Reset);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    /// Each rating's style with its colours taken away.
    fn cue(style: Style) -> Modifier {
        style.add_modifier
    }

    #[test]
    fn every_rating_differs_from_every_other_without_colour() {
        // Neutral is plain grey beside plain green C in the colour themes:
        // its letter tells it apart, and it carries no weight either way.
        // The pairs that print alike in grey (C and I, CC and II) differ.
        for theme in [Theme::Default, Theme::ColourBlind, Theme::Mono] {
            let styles = Styles(theme);
            let cues: Vec<Modifier> = Rating::ALL
                .iter()
                .filter(|&&r| theme == Theme::Mono || r != Rating::Neutral)
                .map(|&r| cue(styles.rating(Some(r))))
                .collect();
            for (i, a) in cues.iter().enumerate() {
                for b in &cues[i + 1..] {
                    assert_ne!(a, b, "{theme:?}: two ratings share {a:?}");
                }
            }
        }
    }

    #[test]
    fn mono_has_no_colour_and_colour_blind_no_red_or_green() {
        let all = |styles: Styles| {
            let mut all: Vec<Style> = Rating::ALL
                .iter()
                .map(|&r| styles.rating(Some(r)))
                .collect();
            all.extend([
                styles.border(true),
                styles.border(false),
                styles.leader(),
                styles.dim(),
                styles.search_match(),
                styles.current_match(),
                styles.attached(),
                styles.selection(),
            ]);
            all
        };
        for style in all(Styles(Theme::Mono)) {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
        let red_green = [Color::Red, Color::LightRed, Color::Green, Color::LightGreen];
        for style in all(Styles(Theme::ColourBlind)) {
            assert!(
                !style.fg.is_some_and(|c| red_green.contains(&c)),
                "{style:?}"
            );
        }
    }

    #[test]
    fn mono_keeps_the_cursor_and_the_selection_apart() {
        let styles = Styles(Theme::Mono);
        assert_ne!(cue(cursor()), cue(styles.selection()));
        assert_ne!(cue(styles.search_match()), cue(styles.current_match()));
        assert_ne!(cue(styles.selection()), cue(styles.attached()));
    }

    #[test]
    fn stripping_colour_keeps_the_modifiers() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 2, 1));
        buffer[(0, 0)].set_style(
            Style::new()
                .fg(Color::Red)
                .bg(Color::Blue)
                .add_modifier(Modifier::REVERSED),
        );
        strip_colour(&mut buffer);
        let cell = &buffer[(0, 0)];
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
        assert!(cell.modifier.contains(Modifier::REVERSED));
    }
}
