//! Typing into whichever text field has focus: a form field, the library
//! filter or the reader's search prompt.

use tui_input::InputRequest;

use crate::tui::forms::FieldValue;
use crate::tui::msg::Effect;
use crate::tui::state::{Pane, Popup, State};

pub fn input(state: &mut State, request: InputRequest) -> Vec<Effect> {
    if let Some(Popup::Form(form)) = state.popups.last_mut() {
        if let FieldValue::Text(input) = &mut form.focused_field_mut().value {
            input.handle(request);
            form.error = None;
        }
        return Vec::new();
    }
    if !state.popups.is_empty() {
        return Vec::new();
    }
    match state.focus {
        Pane::Library => {
            // Typing in the library starts the filter.
            let library = &mut state.library;
            library.filtering = true;
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
