//! A question popup: its text, then its choices as the question's data
//! gives them (the same rows the dispatcher accepts and help lists).
//!
//! The popup is sized by the rows its lines take once wrapped, counted by
//! the same wrapper that draws them (ratatui's `Paragraph::line_count`), so
//! the choices at its bottom are never cut off: a long path or error used
//! to push them out of a popup sized by line breaks, and a per-line
//! `width / columns` estimate still undercounts word wrapping. When the
//! text does not fit at the usual width, the popup grows wider, up to the
//! whole screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::{centered, pane_block::pane_block, theme};
use crate::text::inert;
use crate::tui::questions::Choices;

/// The usual width of a question popup.
const WIDTH: u16 = 70;

/// The lines of a question: its text, a blank line, one line per choice.
pub fn question_lines(text: &str, choices: &Choices) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = inert(text)
        .lines()
        .map(|line| Line::raw(line.to_owned()))
        .collect();
    lines.push(Line::raw(""));
    for choice in choices.choices {
        lines.push(choice_line(&choice.key.to_string(), choice.label));
    }
    lines.push(choice_line("Esc", choices.escape));
    lines
}

fn choice_line(key: &str, label: &str) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{key:<5}"), theme::leader()),
        Span::raw(label.to_owned()),
    ])
}

pub fn draw(frame: &mut Frame, text: &str, choices: &Choices) {
    let paragraph = question(text, choices);
    let area = popup_area(frame.area(), &paragraph);
    frame.render_widget(Clear, area);
    frame.render_widget(paragraph, area);
}

fn question(text: &str, choices: &Choices) -> Paragraph<'static> {
    Paragraph::new(question_lines(text, choices))
        .block(pane_block("Question", true))
        .wrap(Wrap { trim: false })
}

/// Where the popup holding `paragraph` goes in `screen`: centred, as wide
/// as [`WIDTH`] or wider if that is what it takes to show every wrapped
/// line, and exactly as tall as those lines plus its border.
fn popup_area(screen: Rect, paragraph: &Paragraph) -> Rect {
    // The border takes one column on each side; line_count adds its rows.
    let height_at = |width: u16| paragraph.line_count(width.saturating_sub(2)) as u16;
    let mut width = WIDTH.min(screen.width);
    while height_at(width) > screen.height && width < screen.width {
        width += 1;
    }
    centered(screen, width, height_at(width))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;
    use crate::tui::questions::{ALL, SAVE_FAILED};

    fn screen_text(width: u16, height: u16, text: &str, choices: &Choices) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|frame| draw(frame, text, choices)).unwrap();
        let buffer = terminal.backend().buffer();
        let mut lines = String::new();
        for y in 0..height {
            for x in 0..width {
                lines.push_str(buffer[(x, y)].symbol());
            }
            lines.push('\n');
        }
        lines
    }

    /// Every choice line of `choices` is on `screen`, whole.
    fn every_choice_shown(screen: &str, choices: &Choices) -> Result<(), String> {
        let rows = choices
            .choices
            .iter()
            .map(|choice| format!("{:<5}{}", choice.key, choice.label))
            .chain([format!("{:<5}{}", "Esc", choices.escape)]);
        for row in rows {
            // A label may wrap; its first 30 columns are on one row.
            let start: String = row.chars().take(30).collect();
            if !screen.contains(&start) {
                return Err(format!("{row:?} hidden:\n{screen}"));
            }
        }
        Ok(())
    }

    #[test]
    fn the_save_failed_popup_keeps_its_choices() {
        // The case from the issue: a long error wrapped onto three lines
        // pushed "s save them as another file / Esc keep working" out.
        let text = "Could not save: hypotheses/azerbaijan-armenia-attack.toml: cannot save: hypotheses/azerbaijan-armenia-attack.toml.bak is a symbolic link; the workbench never writes through one (remove it or save elsewhere)\nThe file on disk is untouched and your changes are still here, unsaved.";
        let screen = screen_text(100, 30, text, &SAVE_FAILED);
        every_choice_shown(&screen, &SAVE_FAILED).unwrap();
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn no_question_hides_a_choice(
            width in 80u16..=200,
            height in 24u16..=60,
            path in "[a-z/._-]{1,120}",
            why in "[a-z .;:()-]{0,300}",
        ) {
            let text = format!("{path} could not be written: {why}\nThe file on disk is untouched.");
            for choices in ALL {
                let screen = screen_text(width, height, &text, choices);
                prop_assert!(every_choice_shown(&screen, choices).is_ok(), "{}", choices.name);
                let paragraph = question(&text, choices);
                let area = popup_area(Rect::new(0, 0, width, height), &paragraph);
                prop_assert!(
                    paragraph.line_count(area.width - 2) as u16 <= area.height,
                    "{}", choices.name
                );
            }
        }
    }
}
