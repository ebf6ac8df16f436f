//! A field of several lines: the analyst's notes on an item, a hypothesis
//! in full. Editing is `ratatui-textarea`'s (line breaks, wrapping,
//! moving by screen row); the keys are still the keymap's, mapped here
//! from the same editing requests every one-line field takes.

use ratatui::style::Style;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};
use tui_input::InputRequest;

use crate::text::{is_unsafe, picture};

/// The text of a field of several lines, being edited.
#[derive(Debug, Clone)]
pub struct Lines {
    area: TextArea<'static>,
    /// The text as loaded, when it held characters that must not reach
    /// the terminal (the editor draws its lines raw, so they are shown as
    /// pictures): an unchanged field gives this back, so opening and
    /// saving a form never rewrites what the analyst did not touch.
    loaded: Option<String>,
}

impl Lines {
    /// A field holding `text`, with the cursor at its end.
    pub fn new(text: &str) -> Self {
        let shown = shown(text);
        let loaded = (shown != text).then(|| text.to_owned());
        let mut area = TextArea::new(shown.split('\n').map(str::to_owned).collect());
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        // The terminal's own cursor marks the place, as in every one-line
        // field, so the editor draws neither a block nor an underline.
        area.set_cursor_style(Style::default());
        area.set_cursor_line_style(Style::default());
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        Lines { area, loaded }
    }

    /// The text, its lines joined by line breaks.
    pub fn text(&self) -> String {
        let text = self.area.lines().join("\n");
        match &self.loaded {
            Some(loaded) if shown(loaded) == text => loaded.clone(),
            _ => text,
        }
    }

    /// The cursor as (line, character in the line).
    pub fn cursor(&self) -> (usize, usize) {
        let cursor = self.area.cursor();
        (cursor.0, cursor.1)
    }

    /// The editor, to draw.
    pub fn editor(&self) -> &TextArea<'static> {
        &self.area
    }

    /// The editor, to style before drawing.
    pub fn editor_mut(&mut self) -> &mut TextArea<'static> {
        &mut self.area
    }

    /// Ends the line at the cursor and starts a new one.
    pub fn new_line(&mut self) {
        self.area.insert_newline();
    }

    /// Moves the cursor up a screen row; `false` when it is on the first
    /// one already (the form then moves to the previous field).
    pub fn row_up(&mut self) -> bool {
        self.moved(CursorMove::Up)
    }

    /// Moves the cursor down a screen row; `false` on the last one.
    pub fn row_down(&mut self) -> bool {
        self.moved(CursorMove::Down)
    }

    fn moved(&mut self, step: CursorMove) -> bool {
        let before = self.area.cursor();
        self.area.move_cursor(step);
        self.area.cursor() != before
    }

    /// Types `text` at the cursor as a paste: line breaks (CRLF, CR or LF)
    /// start new lines, tabs stay, other control characters are dropped.
    pub fn paste(&mut self, text: &str) {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        for c in text.chars() {
            match c {
                '\n' => self.area.insert_newline(),
                '\t' => self.area.insert_char('\t'),
                c if is_unsafe(c) => {}
                c => self.area.insert_char(c),
            }
        }
    }

    /// Carries out an editing request of the keymap's typing rows. The
    /// requests that mean "the field" in a one-line field mean the line
    /// here: Home and End go to its ends, Ctrl-u clears it.
    pub fn edit(&mut self, request: InputRequest) {
        let area = &mut self.area;
        match request {
            InputRequest::InsertChar(c) if !is_unsafe(c) => area.insert_char(c),
            InputRequest::InsertChar(_) => {}
            InputRequest::GoToPrevChar => area.move_cursor(CursorMove::Back),
            InputRequest::GoToNextChar => area.move_cursor(CursorMove::Forward),
            InputRequest::GoToPrevWord => area.move_cursor(CursorMove::WordBack),
            InputRequest::GoToNextWord => area.move_cursor(CursorMove::WordForward),
            InputRequest::GoToStart => area.move_cursor(CursorMove::Head),
            InputRequest::GoToEnd => area.move_cursor(CursorMove::End),
            InputRequest::DeletePrevChar => {
                area.delete_char();
            }
            InputRequest::DeleteNextChar => {
                area.delete_next_char();
            }
            InputRequest::DeletePrevWord => {
                area.delete_word();
            }
            InputRequest::DeleteNextWord => {
                area.delete_next_word();
            }
            InputRequest::DeleteLine => {
                area.move_cursor(CursorMove::End);
                area.delete_line_by_head();
            }
            InputRequest::DeleteTillEnd => {
                area.delete_line_by_end();
            }
            InputRequest::DeleteFromStart => {
                area.delete_line_by_head();
            }
            // Neither is bound in the keymap; a cursor set by column means
            // nothing in a field of several lines.
            InputRequest::SetCursor(_) | InputRequest::Yank => {}
        }
    }
}

/// `text` as the editor may draw it: every character that must not reach
/// a terminal raw, tabs and line breaks aside, as its picture (one for
/// one, so the cursor counts the same characters).
fn shown(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c != '\n' && c != '\t' && is_unsafe(c) {
                picture(c)
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(lines: &mut Lines, text: &str) {
        for c in text.chars() {
            lines.edit(InputRequest::InsertChar(c));
        }
    }

    #[test]
    fn loads_lines_with_the_cursor_at_the_end_and_gives_them_back() {
        let lines = Lines::new("first\nsecond");
        assert_eq!(lines.cursor(), (1, 6));
        assert_eq!(lines.text(), "first\nsecond");
        assert_eq!(Lines::new("").text(), "");
    }

    #[test]
    fn enter_breaks_the_line_at_the_cursor() {
        let mut lines = Lines::new("ab");
        lines.edit(InputRequest::GoToPrevChar);
        lines.new_line();
        typed(&mut lines, "x");
        assert_eq!(lines.text(), "a\nxb");
        assert_eq!(lines.cursor(), (1, 1));
    }

    #[test]
    fn rows_up_and_down_stop_at_the_ends() {
        let mut lines = Lines::new("one\ntwo\nthree");
        assert!(!lines.row_down(), "already on the last line");
        assert!(lines.row_up());
        assert!(lines.row_up());
        assert_eq!(lines.cursor().0, 0);
        assert!(!lines.row_up(), "already on the first line");
        assert!(lines.row_down());
        assert_eq!(lines.cursor().0, 1);
    }

    #[test]
    fn the_field_wide_requests_act_on_the_line() {
        let mut lines = Lines::new("keep\nclear me");
        lines.edit(InputRequest::GoToStart);
        assert_eq!(lines.cursor(), (1, 0));
        lines.edit(InputRequest::DeleteTillEnd);
        assert_eq!(lines.text(), "keep\n");
        typed(&mut lines, "again");
        lines.edit(InputRequest::GoToPrevWord);
        lines.edit(InputRequest::DeleteLine);
        assert_eq!(lines.text(), "keep\n");
        typed(&mut lines, "a b");
        lines.edit(InputRequest::DeletePrevWord);
        assert_eq!(lines.text(), "keep\na ");
        lines.edit(InputRequest::GoToStart);
        lines.edit(InputRequest::DeletePrevChar);
        assert_eq!(
            lines.text(),
            "keepa ",
            "Backspace at a line's start joins it"
        );
    }

    #[test]
    fn a_paste_keeps_its_line_breaks_and_drops_controls() {
        let mut lines = Lines::new("");
        lines.paste("one\r\ntwo\rthree\nfour\u{1b}[31m\tend");
        assert_eq!(lines.text(), "one\ntwo\nthree\nfour[31m\tend");
    }

    #[test]
    fn controls_from_the_file_are_pictured_but_kept_unless_edited() {
        let raw = "bad\u{1b}]0;title\u{7}\nline";
        let mut lines = Lines::new(raw);
        assert!(
            !lines.editor().lines().concat().chars().any(is_unsafe),
            "nothing raw reaches the terminal"
        );
        assert_eq!(lines.text(), raw, "untouched: the file's text comes back");
        typed(&mut lines, "!");
        assert_eq!(lines.text(), "bad␛]0;title␇\nline!");
        lines.edit(InputRequest::DeletePrevChar);
        assert_eq!(lines.text(), raw, "back as loaded: the file's text again");
    }

    #[test]
    fn typed_controls_are_not_text() {
        let mut lines = Lines::new("");
        typed(&mut lines, "a\u{1b}b\u{202e}");
        assert_eq!(lines.text(), "ab");
    }
}
