//! Typing into whichever text field has focus: a form field, the library
//! filter or the reader's search prompt.

use tui_input::InputRequest;

use crate::tui::forms::FieldValue;
use crate::tui::msg::Effect;
use crate::tui::state::{Notice, Pane, Popup, State};

/// A bracketed paste: its text goes into the focused field, with each run
/// of line breaks and tabs as one space in a one-line field, its lines kept
/// in a field of several lines. With no field focused the paste does
/// nothing but say so: none of its characters is ever a key.
pub fn paste(state: &mut State, text: &str) -> Vec<Effect> {
    if !has_text_focus(state) {
        state.notify(Notice::info(
            "Nothing to paste into: paste in a form field, the filter (/) or the search (/)",
        ));
        return Vec::new();
    }
    if let Some(Popup::Form(form)) = state.popups.last_mut()
        && let FieldValue::Lines(lines) = &mut form.focused_field_mut().value
    {
        lines.paste(text);
        form.clear_error();
        return Vec::new();
    }
    let mut last_was_break = false;
    for c in text.chars() {
        let is_break = matches!(c, '\n' | '\r' | '\t');
        if is_break {
            if !last_was_break {
                input(state, InputRequest::InsertChar(' '));
            }
        } else if !c.is_control() {
            input(state, InputRequest::InsertChar(c));
        }
        last_was_break = is_break;
    }
    Vec::new()
}

/// Whether a text field has the keyboard: a form's text field, the library
/// filter being typed, or the reader's search prompt.
pub fn has_text_focus(state: &State) -> bool {
    match state.popups.last() {
        Some(Popup::Form(form)) => form.focused_field().is_text(),
        Some(_) => false,
        None => match state.focus {
            Pane::Library => state.library.filtering,
            Pane::Reader => state.reader.search_prompt.is_some(),
            Pane::Matrix => false,
        },
    }
}

pub fn input(state: &mut State, request: InputRequest) -> Vec<Effect> {
    if let Some(Popup::Form(form)) = state.popups.last_mut() {
        match &mut form.focused_field_mut().value {
            FieldValue::Text(input) => {
                input.handle(request);
            }
            FieldValue::Lines(lines) => lines.edit(request),
            FieldValue::Choice { .. } => return Vec::new(),
        }
        form.clear_error();
        return Vec::new();
    }
    if !state.popups.is_empty() {
        return Vec::new();
    }
    match state.focus {
        Pane::Library => {
            let library = &mut state.library;
            if !library.filtering {
                return Vec::new();
            }
            if library
                .filter
                .handle(request)
                .is_some_and(|changed| changed.value)
            {
                library.refilter();
                library.selected = 0;
            }
        }
        Pane::Reader => {
            if let Some(prompt) = state.reader.search_prompt.as_mut() {
                prompt.handle(request);
            }
        }
        Pane::Matrix => {}
    }
    Vec::new()
}
