//! Terminal events to messages: keys through the keymap (or into the
//! focused text field), mouse and resize events as they are.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use tui_input::InputRequest;

use super::action::Action;
use super::forms::Form;
use super::keymap::{Context, Key, action_for};
use super::msg::Msg;
use super::state::{Pane, Popup, State};
use super::update::has_text_focus;

/// Where keys go now.
pub fn context(state: &State) -> Context {
    match state.popups.last() {
        Some(Popup::Help { .. } | Popup::Messages { .. } | Popup::Health { .. }) => Context::Help,
        Some(Popup::Form(form)) => form_context(form),
        Some(Popup::Confirm { .. }) => Context::Confirm,
        Some(Popup::Export { .. }) => Context::Choice,
        Some(Popup::Scenario(_)) => Context::Scenario,
        None if state.team.as_ref().is_some_and(|t| t.shown) => Context::Team,
        None => match state.focus {
            Pane::Library if state.library.filtering => Context::TextField,
            Pane::Reader if state.reader.search_prompt.is_some() => Context::TextField,
            Pane::Library => Context::Library,
            Pane::Reader => Context::Reader,
            Pane::Matrix => Context::Matrix,
        },
    }
}

/// Where keys go in `form`: a field of several lines takes Enter and the
/// arrows up and down for itself.
pub fn form_context(form: &Form) -> Context {
    if form.focused_field().is_lines() {
        Context::Lines
    } else {
        Context::Form
    }
}

/// The message for a terminal event, if it means anything.
pub fn msg_for_event(state: &State, event: &Event) -> Option<Msg> {
    match event {
        Event::Key(key) => msg_for_key(state, key),
        Event::Mouse(mouse) => msg_for_mouse(mouse),
        Event::Paste(text) => Some(Msg::Paste(text.clone())),
        Event::Resize(width, height) => Some(Msg::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

/// The message for a key press.
pub fn msg_for_key(state: &State, event: &KeyEvent) -> Option<Msg> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let key = Key::of_event(event);
    let context = context(state);
    // The one rule for every field: while a text field has the keyboard,
    // every printable key (and the editing keys) is text in it.
    if has_text_focus(state)
        && let Some(request) = text_request(key)
    {
        return Some(Msg::Input(request));
    }
    // A question takes only its own choices' keys.
    if let Some(Popup::Confirm { question, .. }) = state.popups.last()
        && let KeyCode::Char(c) = key.code
        && key.modifiers.is_empty()
        && let Some(answer) = question.answer_for(c)
    {
        return Some(Msg::Action(Action::Answer(answer)));
    }
    if let Some(action) = action_for(context, key) {
        return Some(Msg::Action(action));
    }
    // Outside a field a printable key is a command or nothing: filtering
    // starts with `/`, as in less and vim, so a word typed at the list
    // never runs as keys.
    None
}

/// The text edit a key makes in a field, if any: the `Typing` rows of the
/// keymap, and every other printable key as itself.
fn text_request(key: Key) -> Option<InputRequest> {
    if let Some(Action::Type(request)) = action_for(Context::Typing, key) {
        return Some(request);
    }
    match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(InputRequest::InsertChar(c))
        }
        _ => None,
    }
}

fn msg_for_mouse(mouse: &MouseEvent) -> Option<Msg> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Msg::Click { column, row }),
        MouseEventKind::Drag(MouseButton::Left) => Some(Msg::Drag { column, row }),
        MouseEventKind::ScrollDown => Some(Msg::Scroll {
            column,
            row,
            down: true,
        }),
        MouseEventKind::ScrollUp => Some(Msg::Scroll {
            column,
            row,
            down: false,
        }),
        _ => None,
    }
}
