//! Terminal events to messages: keys through the keymap (or into the
//! focused text field), mouse and resize events as they are.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use tui_input::InputRequest;

use super::keymap::{Context, Key, action_for};
use super::msg::Msg;
use super::state::{Pane, Popup, State};

/// The keys that edit text in fields, for the help popup; `text_request`
/// below is their implementation.
pub const TEXT_EDITING_KEYS: &[(&str, &str)] = &[
    ("← → Home End", "move the cursor"),
    ("Ctrl-← Ctrl-→", "move by word"),
    ("Backspace Delete", "delete a character"),
    ("Ctrl-w", "delete the word before the cursor"),
    ("Ctrl-u", "delete the whole field"),
    ("Ctrl-k", "delete to the end"),
];

/// Where keys go now.
pub fn context(state: &State) -> Context {
    match state.popups.last() {
        Some(Popup::Help { .. }) => Context::Help,
        Some(Popup::Form(_)) => Context::Form,
        Some(Popup::Confirm { .. }) => Context::Confirm,
        Some(Popup::Export { .. }) => Context::Choice,
        None => match state.focus {
            Pane::Library if state.library.filtering => Context::TextField,
            Pane::Reader if state.reader.search_prompt.is_some() => Context::TextField,
            Pane::Library => Context::Library,
            Pane::Reader => Context::Reader,
            Pane::Matrix => Context::Matrix,
        },
    }
}

/// The message for a terminal event, if it means anything.
pub fn msg_for_event(state: &State, event: &Event) -> Option<Msg> {
    match event {
        Event::Key(key) => msg_for_key(state, key),
        Event::Mouse(mouse) => msg_for_mouse(mouse),
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
    let typing = match context {
        Context::TextField => true,
        Context::Form => state.popups.last().is_some_and(
            |popup| matches!(popup, Popup::Form(form) if form.focused_field().is_text()),
        ),
        _ => false,
    };
    if typing && let Some(request) = text_request(key) {
        return Some(Msg::Input(request));
    }
    if let Some(action) = action_for(context, key) {
        return Some(Msg::Action(action));
    }
    // In the library, any other printable key starts the filter with it.
    if context == Context::Library
        && let KeyCode::Char(c) = key.code
        && key.modifiers.is_empty()
    {
        return Some(Msg::Input(InputRequest::InsertChar(c)));
    }
    None
}

/// The text edit a key makes in a field, if any.
fn text_request(key: Key) -> Option<InputRequest> {
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    Some(match key.code {
        KeyCode::Char('w') if control => InputRequest::DeletePrevWord,
        KeyCode::Char('u') if control => InputRequest::DeleteLine,
        KeyCode::Char('k') if control => InputRequest::DeleteTillEnd,
        KeyCode::Char('a') if control => InputRequest::GoToStart,
        KeyCode::Char('e') if control => InputRequest::GoToEnd,
        KeyCode::Char(c) if !control && !alt => InputRequest::InsertChar(c),
        KeyCode::Backspace if control || alt => InputRequest::DeletePrevWord,
        KeyCode::Backspace => InputRequest::DeletePrevChar,
        KeyCode::Delete => InputRequest::DeleteNextChar,
        KeyCode::Left if control => InputRequest::GoToPrevWord,
        KeyCode::Right if control => InputRequest::GoToNextWord,
        KeyCode::Left => InputRequest::GoToPrevChar,
        KeyCode::Right => InputRequest::GoToNextChar,
        KeyCode::Home => InputRequest::GoToStart,
        KeyCode::End => InputRequest::GoToEnd,
        _ => return None,
    })
}

fn msg_for_mouse(mouse: &MouseEvent) -> Option<Msg> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Msg::Click { column, row }),
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
