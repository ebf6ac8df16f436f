//! The one table of key bindings. The dispatcher, the `?` help popup and
//! the status-bar hints are all generated from it, so help cannot drift
//! from behaviour.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use crate::model::Rating;

/// Where the keyboard is, which decides what a key means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Keys that work in every pane (not inside popups or text fields).
    Global,
    Library,
    Reader,
    Matrix,
    /// A single-line text field is being typed into (library filter, reader
    /// search): printable keys are text.
    TextField,
    Form,
    Confirm,
    /// A list to choose from (the export formats).
    Choice,
    Help,
}

impl Context {
    /// The heading of this context in the help popup.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Library => "Library",
            Context::Reader => "Reader",
            Context::Matrix => "Matrix",
            Context::TextField => "Filter and search fields",
            Context::Form => "Forms",
            Context::Confirm => "Questions",
            Context::Choice => "Lists",
            Context::Help => "Help",
        }
    }

    /// Contexts that fall back to the global bindings.
    fn inherits_global(self) -> bool {
        matches!(self, Context::Library | Context::Reader | Context::Matrix)
    }
}

/// A key with its modifiers, as the table spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn plain(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

impl Key {
    /// The key of a terminal event, normalised: Shift is dropped from
    /// characters (the character already says `C`, not `c`), and Shift-Tab
    /// is always `BackTab`.
    pub fn of_event(event: &KeyEvent) -> Key {
        let mut modifiers =
            event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match event.code {
            KeyCode::Tab if modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        if matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
            modifiers.remove(KeyModifiers::SHIFT);
        }
        Key { code, modifiers }
    }

    /// How the key is written in help and hints: `Ctrl-s`, `Shift-Tab`, `↑`.
    pub fn label(self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".to_owned(),
            KeyCode::Esc => "Esc".to_owned(),
            KeyCode::Tab => "Tab".to_owned(),
            KeyCode::BackTab => "Shift-Tab".to_owned(),
            KeyCode::Backspace => "Backspace".to_owned(),
            KeyCode::Delete => "Delete".to_owned(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::Home => "Home".to_owned(),
            KeyCode::End => "End".to_owned(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{name}")
        } else if self.modifiers.contains(KeyModifiers::ALT) {
            format!("Alt-{name}")
        } else {
            name
        }
    }
}

/// One row of the keymap.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub context: Context,
    pub key: Key,
    pub action: Action,
    /// What the key does, for the help popup; bindings that repeat another
    /// (an arrow beside `j`) share its description and are grouped with it.
    pub description: &'static str,
}

const fn bind(context: Context, key: Key, action: Action, description: &'static str) -> Binding {
    Binding {
        context,
        key,
        action,
        description,
    }
}

use Action as A;
use Context as X;
use KeyCode as K;

/// Every binding of the workbench, in the order help lists them.
pub const KEYMAP: &[Binding] = &[
    // Everywhere
    bind(X::Global, ch('?'), A::ToggleHelp, "show or hide this help"),
    bind(
        X::Global,
        plain(K::F(1)),
        A::ToggleHelp,
        "show or hide this help",
    ),
    bind(X::Global, plain(K::Tab), A::NextPane, "next pane"),
    bind(
        X::Global,
        plain(K::BackTab),
        A::PreviousPane,
        "previous pane",
    ),
    bind(X::Global, ctrl('s'), A::Save, "save the matrix"),
    bind(X::Global, ch('u'), A::Undo, "undo"),
    bind(X::Global, ctrl('z'), A::Undo, "undo"),
    bind(X::Global, ctrl('r'), A::Redo, "redo"),
    bind(X::Global, ctrl('y'), A::Redo, "redo"),
    bind(X::Global, ctrl('n'), A::NewMatrix, "create a new matrix"),
    bind(
        X::Global,
        ch('X'),
        A::Export,
        "export the matrix (Markdown, HTML, CSV, JSON, brief)",
    ),
    bind(
        X::Global,
        ch('z'),
        A::ToggleZoom,
        "zoom the pane to the whole window, or back",
    ),
    bind(
        X::Global,
        ch('q'),
        A::Quit,
        "quit (asks first if there are unsaved changes)",
    ),
    bind(
        X::Global,
        ctrl('c'),
        A::Quit,
        "quit (asks first if there are unsaved changes)",
    ),
    bind(
        X::Global,
        ctrl('q'),
        A::Quit,
        "quit (asks first if there are unsaved changes)",
    ),
    bind(
        X::Global,
        plain(K::Esc),
        A::CloseTop,
        "close the popup, clear the selection or filter",
    ),
    bind(X::Global, ch('k'), A::Up, "move up"),
    bind(X::Global, plain(K::Up), A::Up, "move up"),
    bind(X::Global, ch('j'), A::Down, "move down"),
    bind(X::Global, plain(K::Down), A::Down, "move down"),
    bind(X::Global, ch('h'), A::Left, "move left"),
    bind(X::Global, plain(K::Left), A::Left, "move left"),
    bind(X::Global, ch('l'), A::Right, "move right"),
    bind(X::Global, plain(K::Right), A::Right, "move right"),
    bind(X::Global, plain(K::PageUp), A::PageUp, "page up"),
    bind(X::Global, ctrl('b'), A::PageUp, "page up"),
    bind(X::Global, plain(K::PageDown), A::PageDown, "page down"),
    bind(X::Global, ctrl('f'), A::PageDown, "page down"),
    bind(X::Global, ch('g'), A::Top, "go to the top"),
    bind(X::Global, plain(K::Home), A::Top, "go to the top"),
    bind(X::Global, ch('G'), A::Bottom, "go to the bottom"),
    bind(X::Global, plain(K::End), A::Bottom, "go to the bottom"),
    bind(X::Global, plain(K::Enter), A::Open, "open"),
    // Library
    bind(
        X::Library,
        ch('/'),
        A::StartFilter,
        "filter (or just start typing)",
    ),
    bind(
        X::Library,
        plain(K::Enter),
        A::Open,
        "open the document or matrix",
    ),
    // Reader
    bind(X::Reader, ch('/'), A::StartSearch, "search the document"),
    bind(X::Reader, ch('n'), A::NextMatch, "next match"),
    bind(X::Reader, ch('N'), A::PreviousMatch, "previous match"),
    bind(X::Reader, ch('l'), A::NextSentence, "next sentence"),
    bind(X::Reader, plain(K::Right), A::NextSentence, "next sentence"),
    bind(X::Reader, ch(')'), A::NextSentence, "next sentence"),
    bind(X::Reader, ch('h'), A::PreviousSentence, "previous sentence"),
    bind(
        X::Reader,
        plain(K::Left),
        A::PreviousSentence,
        "previous sentence",
    ),
    bind(X::Reader, ch('('), A::PreviousSentence, "previous sentence"),
    bind(
        X::Reader,
        ch('v'),
        A::ToggleSelection,
        "start or cancel a selection of sentences",
    ),
    bind(
        X::Reader,
        ch('a'),
        A::Attach,
        "attach the selection (or sentence) as evidence",
    ),
    // Matrix
    bind(
        X::Matrix,
        ch('C'),
        A::Rate(Some(Rating::VeryConsistent)),
        "rate CC (very consistent)",
    ),
    bind(
        X::Matrix,
        ch('1'),
        A::Rate(Some(Rating::VeryConsistent)),
        "rate CC (very consistent)",
    ),
    bind(
        X::Matrix,
        ch('c'),
        A::Rate(Some(Rating::Consistent)),
        "rate C (consistent)",
    ),
    bind(
        X::Matrix,
        ch('2'),
        A::Rate(Some(Rating::Consistent)),
        "rate C (consistent)",
    ),
    bind(
        X::Matrix,
        ch('n'),
        A::Rate(Some(Rating::Neutral)),
        "rate N (neutral)",
    ),
    bind(
        X::Matrix,
        ch('3'),
        A::Rate(Some(Rating::Neutral)),
        "rate N (neutral)",
    ),
    bind(
        X::Matrix,
        ch('i'),
        A::Rate(Some(Rating::Inconsistent)),
        "rate I (inconsistent)",
    ),
    bind(
        X::Matrix,
        ch('4'),
        A::Rate(Some(Rating::Inconsistent)),
        "rate I (inconsistent)",
    ),
    bind(
        X::Matrix,
        ch('I'),
        A::Rate(Some(Rating::VeryInconsistent)),
        "rate II (very inconsistent)",
    ),
    bind(
        X::Matrix,
        ch('5'),
        A::Rate(Some(Rating::VeryInconsistent)),
        "rate II (very inconsistent)",
    ),
    bind(
        X::Matrix,
        ch('x'),
        A::Rate(Some(Rating::NotApplicable)),
        "rate NA (not applicable)",
    ),
    bind(
        X::Matrix,
        plain(K::Backspace),
        A::Rate(None),
        "make the cell unrated",
    ),
    bind(
        X::Matrix,
        plain(K::Delete),
        A::Rate(None),
        "make the cell unrated",
    ),
    bind(X::Matrix, ch('H'), A::AddHypothesis, "add a hypothesis"),
    bind(
        X::Matrix,
        ch('E'),
        A::AddEvidence,
        "add evidence with no passage (assumption, absence)",
    ),
    bind(
        X::Matrix,
        ch('e'),
        A::EditSelected,
        "edit the hypothesis, evidence item or title",
    ),
    bind(
        X::Matrix,
        ch('d'),
        A::DeleteSelected,
        "delete the hypothesis or evidence item",
    ),
    bind(
        X::Matrix,
        ch('s'),
        A::CycleOrder,
        "order evidence: file, diagnosticity, credibility",
    ),
    bind(
        X::Matrix,
        ch('<'),
        A::MoveColumnLeft,
        "move the hypothesis column left",
    ),
    bind(
        X::Matrix,
        ch('>'),
        A::MoveColumnRight,
        "move the hypothesis column right",
    ),
    bind(
        X::Matrix,
        plain(K::Enter),
        A::Open,
        "jump to the evidence's passage in the reader",
    ),
    // Text fields
    bind(X::TextField, plain(K::Enter), A::Submit, "accept"),
    bind(X::TextField, plain(K::Esc), A::CloseTop, "cancel"),
    bind(X::TextField, plain(K::Up), A::Up, "move up"),
    bind(X::TextField, plain(K::Down), A::Down, "move down"),
    // Keys that must work while typing a filter or a search, too.
    bind(X::TextField, plain(K::Tab), A::NextPane, "next pane"),
    bind(
        X::TextField,
        plain(K::BackTab),
        A::PreviousPane,
        "previous pane",
    ),
    bind(X::TextField, ctrl('s'), A::Save, "save the matrix"),
    bind(
        X::TextField,
        ctrl('c'),
        A::Quit,
        "quit (asks first if there are unsaved changes)",
    ),
    bind(
        X::TextField,
        ctrl('q'),
        A::Quit,
        "quit (asks first if there are unsaved changes)",
    ),
    // Forms
    bind(X::Form, plain(K::Tab), A::NextField, "next field"),
    bind(X::Form, plain(K::Down), A::NextField, "next field"),
    bind(
        X::Form,
        plain(K::BackTab),
        A::PreviousField,
        "previous field",
    ),
    bind(X::Form, plain(K::Up), A::PreviousField, "previous field"),
    bind(X::Form, plain(K::Enter), A::Submit, "save the form"),
    bind(X::Form, ctrl('s'), A::Submit, "save the form"),
    bind(X::Form, plain(K::Esc), A::CloseTop, "cancel"),
    bind(
        X::Form,
        ch(' '),
        A::ChoiceNext,
        "next choice (on a choice field)",
    ),
    bind(
        X::Form,
        plain(K::Right),
        A::ChoiceNext,
        "next choice (on a choice field)",
    ),
    bind(
        X::Form,
        plain(K::Left),
        A::ChoicePrevious,
        "previous choice (on a choice field)",
    ),
    // Questions
    bind(X::Confirm, ch('y'), A::Answer('y'), "yes"),
    bind(X::Confirm, ch('n'), A::Answer('n'), "no"),
    bind(
        X::Confirm,
        ch('r'),
        A::Answer('r'),
        "reload, restore or read-only, as the question says",
    ),
    bind(
        X::Confirm,
        ch('o'),
        A::Answer('o'),
        "overwrite, as the question says",
    ),
    bind(
        X::Confirm,
        ch('s'),
        A::Answer('s'),
        "save as another file, as the question says",
    ),
    bind(
        X::Confirm,
        ch('d'),
        A::Answer('d'),
        "discard, as the question says",
    ),
    bind(X::Confirm, plain(K::Esc), A::CloseTop, "cancel"),
    // Lists
    bind(X::Choice, ch('j'), A::Down, "next"),
    bind(X::Choice, plain(K::Down), A::Down, "next"),
    bind(X::Choice, ch('k'), A::Up, "previous"),
    bind(X::Choice, plain(K::Up), A::Up, "previous"),
    bind(X::Choice, ch('g'), A::Top, "first"),
    bind(X::Choice, plain(K::Home), A::Top, "first"),
    bind(X::Choice, ch('G'), A::Bottom, "last"),
    bind(X::Choice, plain(K::End), A::Bottom, "last"),
    bind(X::Choice, plain(K::Enter), A::Submit, "choose"),
    bind(X::Choice, plain(K::Esc), A::CloseTop, "cancel"),
    // Help
    bind(X::Help, ch('?'), A::CloseTop, "close help"),
    bind(X::Help, plain(K::F(1)), A::CloseTop, "close help"),
    bind(X::Help, plain(K::Esc), A::CloseTop, "close help"),
    bind(X::Help, ch('q'), A::CloseTop, "close help"),
    bind(X::Help, ch('j'), A::Down, "scroll down"),
    bind(X::Help, plain(K::Down), A::Down, "scroll down"),
    bind(X::Help, ch('k'), A::Up, "scroll up"),
    bind(X::Help, plain(K::Up), A::Up, "scroll up"),
    bind(X::Help, plain(K::PageDown), A::PageDown, "page down"),
    bind(X::Help, plain(K::PageUp), A::PageUp, "page up"),
];

/// The action bound to `key` in `context`: the context's own binding
/// first, then (for panes) the global one.
pub fn action_for(context: Context, key: Key) -> Option<Action> {
    let find = |context| {
        KEYMAP
            .iter()
            .find(|binding| binding.context == context && binding.key == key)
            .map(|binding| binding.action)
    };
    find(context).or_else(|| {
        if context.inherits_global() {
            find(Context::Global)
        } else {
            None
        }
    })
}

/// The keymap rows of `context` grouped by description, in table order:
/// `(["j", "↓"], "move down")`. Help and hints are built from this.
pub fn grouped(context: Context) -> Vec<(Vec<String>, &'static str)> {
    let mut groups: Vec<(Vec<String>, &'static str)> = Vec::new();
    for binding in KEYMAP.iter().filter(|b| b.context == context) {
        match groups.iter_mut().find(|(_, d)| *d == binding.description) {
            Some((keys, _)) => keys.push(binding.key.label()),
            None => groups.push((vec![binding.key.label()], binding.description)),
        }
    }
    groups
}

/// The first key bound to `action` in `context`, for hints such as
/// "press ? for help".
pub fn key_for(context: Context, action: Action) -> Option<Key> {
    KEYMAP
        .iter()
        .find(|binding| binding.context == context && binding.action == action)
        .map(|binding| binding.key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        let mut seen = HashSet::new();
        for binding in KEYMAP {
            assert!(
                seen.insert((binding.context, binding.key)),
                "{} bound twice in {:?}",
                binding.key.label(),
                binding.context
            );
        }
    }

    #[test]
    fn pane_bindings_override_global_ones() {
        assert_eq!(
            action_for(Context::Matrix, ch('n')),
            Some(Action::Rate(Some(Rating::Neutral)))
        );
        assert_eq!(
            action_for(Context::Reader, ch('n')),
            Some(Action::NextMatch)
        );
        assert_eq!(action_for(Context::Library, ch('q')), Some(Action::Quit));
        assert_eq!(action_for(Context::Form, ch('q')), None);
        assert_eq!(action_for(Context::TextField, ch('q')), None);
        assert_eq!(
            action_for(Context::TextField, ctrl('c')),
            Some(Action::Quit)
        );
    }

    #[test]
    fn shift_is_folded_into_characters() {
        let event = KeyEvent::new(KeyCode::Char('C'), KeyModifiers::SHIFT);
        assert_eq!(Key::of_event(&event), ch('C'));
        let event = KeyEvent::new(KeyCode::Tab, KeyModifiers::SHIFT);
        assert_eq!(Key::of_event(&event), plain(KeyCode::BackTab));
        let event = KeyEvent::new(
            KeyCode::Char('S'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
        assert_eq!(Key::of_event(&event), ctrl('s'));
    }

    #[test]
    fn the_issue_keys_are_bound() {
        for (context, c, action) in [
            (
                Context::Matrix,
                'C',
                Action::Rate(Some(Rating::VeryConsistent)),
            ),
            (Context::Matrix, 'c', Action::Rate(Some(Rating::Consistent))),
            (
                Context::Matrix,
                'x',
                Action::Rate(Some(Rating::NotApplicable)),
            ),
            (
                Context::Matrix,
                'I',
                Action::Rate(Some(Rating::VeryInconsistent)),
            ),
            (
                Context::Matrix,
                '4',
                Action::Rate(Some(Rating::Inconsistent)),
            ),
            (Context::Matrix, 'H', Action::AddHypothesis),
            (Context::Matrix, 'E', Action::AddEvidence),
            (Context::Matrix, 's', Action::CycleOrder),
            (Context::Reader, 'v', Action::ToggleSelection),
            (Context::Reader, 'a', Action::Attach),
            (Context::Matrix, 'u', Action::Undo),
            (Context::Matrix, '?', Action::ToggleHelp),
        ] {
            assert_eq!(action_for(context, ch(c)), Some(action), "{c}");
        }
        assert_eq!(action_for(Context::Reader, ctrl('r')), Some(Action::Redo));
        assert_eq!(action_for(Context::Matrix, ctrl('s')), Some(Action::Save));
    }
}
