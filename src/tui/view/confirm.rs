//! A yes/no question popup.
//!
//! The popup is sized by the lines its text takes once wrapped, counted by
//! the same wrapper that draws it, so the choices on its last line are
//! never cut off (a long path or error used to push them out of a popup
//! sized by line breaks). When the text does not fit at the usual width,
//! the popup grows wider, up to the whole screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::{centered, pane_block::pane_block};
use crate::text::inert;

/// The usual width of a question popup.
const WIDTH: u16 = 70;

pub fn draw(frame: &mut Frame, text: &str) {
    let paragraph = question(text);
    let area = popup_area(frame.area(), &paragraph);
    frame.render_widget(Clear, area);
    frame.render_widget(paragraph, area);
}

fn question(text: &str) -> Paragraph<'static> {
    Paragraph::new(inert(text).into_owned())
        .block(pane_block("Confirm", true))
        .wrap(Wrap { trim: false })
}

/// Where the popup holding `paragraph` goes in `screen`: centred, as wide
/// as [`WIDTH`] or wider if that is what it takes to show every wrapped
/// line, and exactly as tall as those lines plus its border.
fn popup_area(screen: Rect, paragraph: &Paragraph) -> Rect {
    // The border takes one column on each side.
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

    /// Every question the workbench asks, with `path` and `why` standing in
    /// for the parts that vary; each ends with its line of choices.
    fn questions(path: &str, why: &str) -> Vec<String> {
        vec![
            format!(
                "{path} is already open in another workbench ({why}).\nEditing it in both would lose one side's changes.\n\nr  open it read-only    Esc  do not open it"
            ),
            format!(
                "Unsaved changes to {path} were recovered: 3 edits, last kept at 2026-12-03 05:40:00.\nThe matrix file has changed since then: restoring replaces it in the workbench.\n\nr  restore them    d  discard them    Esc  decide later (the matrix stays closed)"
            ),
            format!(
                "{path} has changed on disk since you opened it (another editor, or git).\nSaving now would overwrite those changes.\n\nr  reload it from disk (your unsaved changes are lost)\no  overwrite it with your version\ns  save your version as another file\nEsc  cancel"
            ),
            format!(
                "Could not save: {path}: cannot save: {why}\nThe file on disk is untouched and your changes are still here, unsaved.\n\ns  save them as another file    Esc  keep working"
            ),
            format!(
                "{path} has unsaved changes.\n\ns  save and switch    d  discard and switch    Esc  stay"
            ),
            format!("{path} already exists.\n\no  overwrite it    Esc  choose another name"),
            format!(
                "{path} has unsaved changes.\n\ns  save and quit    q  quit without saving    Esc  keep working"
            ),
            format!(
                "{path} has comments. The workbench writes the file in its own layout and does not keep them\n(the version with comments stays in {path}.orig until you remove it).\n\ny  save without the comments    s  save as another file    Esc  do not save"
            ),
            format!("Delete evidence {why}?\n\ny  delete it    Esc  keep it"),
        ]
    }

    fn screen_text(width: u16, height: u16, text: &str) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|frame| draw(frame, text)).unwrap();
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

    #[test]
    fn the_save_failed_popup_keeps_its_choices() {
        // The case from the issue: a long error wrapped onto three lines
        // pushed "s save them as another file / Esc keep working" out.
        let text = &questions(
            "hypotheses/azerbaijan-armenia-attack.toml",
            "hypotheses/azerbaijan-armenia-attack.toml.bak is a symbolic link; the workbench never writes through one (remove it or save elsewhere)",
        )[3];
        assert!(screen_text(100, 30, text).contains("Esc  keep working"));
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
            for text in questions(&path, &why) {
                let screen = screen_text(width, height, &text);
                let choices = text.lines().last().unwrap();
                // Every choice key and word of the last line is on screen,
                // and the popup's bottom border is drawn.
                for word in choices.split_whitespace() {
                    prop_assert!(screen.contains(word), "{word:?} hidden:\n{screen}");
                }
                let paragraph = question(&text);
                let area = popup_area(Rect::new(0, 0, width, height), &paragraph);
                prop_assert!(
                    paragraph.line_count(area.width - 2) as u16 <= area.height,
                    "{text}"
                );
            }
        }
    }
}
