//! The one table of key bindings. The dispatcher, the `?` help popup and
//! the status-bar hints are all generated from it, so help cannot drift
//! from behaviour.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_input::InputRequest;

use super::action::{Action, WhatIf};
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
    /// The what-if popup: a scenario's ranking beside the actual one.
    Scenario,
    /// Help and the message log: scrolled text.
    Help,
    /// The team view (`ach open --team`).
    Team,
    /// Editing keys inside any text field (filter, search, form fields);
    /// consulted before the field's own context.
    Typing,
}

impl Context {
    /// The heading of this context in the help popup.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Library => "Library",
            Context::Reader => "Reader",
            Context::Matrix => "Matrix",
            Context::TextField => "While typing a filter or search",
            Context::Form => "Forms",
            Context::Confirm => "Questions",
            Context::Choice => "Lists",
            Context::Scenario => "What-if scenarios",
            Context::Help => "Help and the message log",
            Context::Team => "Team view (ach open --team)",
            Context::Typing => "Typing in any field (every printable key is text)",
        }
    }

    /// Contexts that fall back to the global bindings.
    fn inherits_global(self) -> bool {
        matches!(
            self,
            Context::Library | Context::Reader | Context::Matrix | Context::Team
        )
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
    /// The word the status bar shows for this key, if it is one of the few
    /// hinted there; keys sharing a word are shown together (`C c n rate`).
    pub hint: Option<&'static str>,
}

impl Binding {
    /// This binding, hinted in the status bar as `word`.
    const fn hint(mut self, word: &'static str) -> Binding {
        self.hint = Some(word);
        self
    }
}

const fn bind(context: Context, key: Key, action: Action, description: &'static str) -> Binding {
    Binding {
        context,
        key,
        action,
        description,
        hint: None,
    }
}

use Action as A;
use Context as X;
use InputRequest as T;
use KeyCode as K;
use WhatIf as W;

const fn alt(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::ALT,
    }
}

const fn ctrl_key(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::CONTROL,
    }
}

/// Every binding of the workbench, in the order help lists them. One line
/// per binding, so the table reads as a table.
#[rustfmt::skip]
pub const KEYMAP: &[Binding] = &[
    // Everywhere
    bind(X::Global, ch('?'), A::ToggleHelp, "show or hide this help").hint("help"),
    bind(X::Global, plain(K::F(1)), A::ToggleHelp, "show or hide this help"),
    bind(X::Global, plain(K::Tab), A::NextPane, "next pane").hint("pane"),
    bind(X::Global, plain(K::BackTab), A::PreviousPane, "previous pane"),
    bind(X::Global, ctrl('s'), A::Save, "save the matrix").hint("save"),
    bind(X::Global, ch('u'), A::Undo, "undo").hint("undo"),
    bind(X::Global, ctrl('z'), A::Undo, "undo"),
    bind(X::Global, ctrl('r'), A::Redo, "redo"),
    bind(X::Global, ctrl('y'), A::Redo, "redo"),
    bind(X::Global, ctrl('n'), A::NewMatrix, "create a new matrix"),
    bind(X::Global, ch('X'), A::Export, "export the matrix (Markdown, HTML, CSV, JSON, brief), beside the matrix file"),
    bind(X::Global, ch('z'), A::ToggleZoom, "zoom the pane to the whole window, or back"),
    bind(X::Global, ch('M'), A::ShowMessages, "show every message since the workbench started").hint("messages"),
    bind(X::Global, ch('q'), A::Quit, "quit (asks first if there are unsaved changes)").hint("quit"),
    bind(X::Global, ctrl('c'), A::Quit, "quit (asks first if there are unsaved changes)"),
    bind(X::Global, ctrl('q'), A::Quit, "quit (asks first if there are unsaved changes)"),
    bind(X::Global, ch('T'), A::ToggleTeam, "show the team view (ach open --team), or hide it"),
    bind(X::Global, plain(K::Esc), A::CloseTop, "close the popup, clear the selection or filter"),
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
    bind(X::Library, ch('/'), A::StartFilter, "filter the list: keys are then text until Enter or Esc").hint("filter"),
    bind(X::Library, plain(K::Enter), A::Open, "open the document or matrix").hint("open"),
    // Reader
    bind(X::Reader, ch('/'), A::StartSearch, "search the document (spaces match any whitespace)").hint("search"),
    bind(X::Reader, ch('n'), A::NextMatch, "next match"),
    bind(X::Reader, ch('N'), A::PreviousMatch, "previous match"),
    bind(X::Reader, ch('l'), A::NextSentence, "next sentence").hint("sentence"),
    bind(X::Reader, plain(K::Right), A::NextSentence, "next sentence"),
    bind(X::Reader, ch(')'), A::NextSentence, "next sentence"),
    bind(X::Reader, ch('h'), A::PreviousSentence, "previous sentence").hint("sentence"),
    bind(X::Reader, plain(K::Left), A::PreviousSentence, "previous sentence"),
    bind(X::Reader, ch('('), A::PreviousSentence, "previous sentence"),
    bind(X::Reader, ch('v'), A::ToggleSelection, "start or cancel a selection of sentences").hint("select"),
    bind(X::Reader, ch('w'), A::ExtendByWord, "select one more word at the end").hint("word"),
    bind(X::Reader, ch('b'), A::ShrinkByWord, "select one word less at the end"),
    bind(X::Reader, ch('B'), A::ExtendStartByWord, "select one more word at the start"),
    bind(X::Reader, ch('W'), A::ShrinkStartByWord, "select one word less at the start"),
    bind(X::Reader, ch('a'), A::Attach, "attach the selection (or sentence) as evidence").hint("attach"),
    // Matrix
    bind(X::Matrix, ch('C'), A::Rate(Some(Rating::VeryConsistent)), "rate CC (very consistent), then go to the next hypothesis in the row").hint("rate"),
    bind(X::Matrix, ch('1'), A::Rate(Some(Rating::VeryConsistent)), "rate CC (very consistent), then go to the next hypothesis in the row"),
    bind(X::Matrix, ch('c'), A::Rate(Some(Rating::Consistent)), "rate C (consistent), then go to the next hypothesis in the row").hint("rate"),
    bind(X::Matrix, ch('2'), A::Rate(Some(Rating::Consistent)), "rate C (consistent), then go to the next hypothesis in the row"),
    bind(X::Matrix, ch('n'), A::Rate(Some(Rating::Neutral)), "rate N (neutral), then go to the next hypothesis in the row").hint("rate"),
    bind(X::Matrix, ch('3'), A::Rate(Some(Rating::Neutral)), "rate N (neutral), then go to the next hypothesis in the row"),
    bind(X::Matrix, ch('i'), A::Rate(Some(Rating::Inconsistent)), "rate I (inconsistent), then go to the next hypothesis in the row").hint("rate"),
    bind(X::Matrix, ch('4'), A::Rate(Some(Rating::Inconsistent)), "rate I (inconsistent), then go to the next hypothesis in the row"),
    bind(X::Matrix, ch('I'), A::Rate(Some(Rating::VeryInconsistent)), "rate II (very inconsistent), then go to the next hypothesis in the row").hint("rate"),
    bind(X::Matrix, ch('5'), A::Rate(Some(Rating::VeryInconsistent)), "rate II (very inconsistent), then go to the next hypothesis in the row"),
    bind(X::Matrix, ch('x'), A::Rate(Some(Rating::NotApplicable)), "rate NA (not applicable), then go to the next hypothesis in the row").hint("rate"),
    bind(X::Matrix, plain(K::Backspace), A::Rate(None), "make the cell unrated"),
    bind(X::Matrix, plain(K::Delete), A::Rate(None), "make the cell unrated"),
    bind(X::Matrix, ch('H'), A::AddHypothesis, "add a hypothesis").hint("add"),
    bind(X::Matrix, ch('E'), A::AddEvidence, "add evidence with no passage (assumption, absence)").hint("add"),
    bind(X::Matrix, ch('e'), A::EditSelected, "edit the hypothesis, evidence item or title").hint("edit"),
    bind(X::Matrix, ch('d'), A::DeleteSelected, "delete the hypothesis or evidence item").hint("delete"),
    bind(X::Matrix, ch('s'), A::CycleOrder, "order evidence: file, diagnosticity, credibility").hint("order"),
    bind(X::Matrix, ch('<'), A::MoveColumnLeft, "move the hypothesis column left"),
    bind(X::Matrix, ch('>'), A::MoveColumnRight, "move the hypothesis column right"),
    bind(X::Matrix, plain(K::Enter), A::Open, "jump to the evidence's passage in the reader"),
    bind(X::Matrix, ch('a'), A::ToggleSetAside, "set the evidence item or hypothesis aside (struck through, left out of every score), or count it again").hint("aside"),
    bind(X::Matrix, ch('L'), A::WhatIf(W::LowCredibility), "what if: the ranking without the low-credibility items, beside the actual one").hint("what if"),
    bind(X::Matrix, ch('A'), A::WhatIf(W::Assumptions), "what if: the ranking without the assumptions, beside the actual one").hint("what if"),
    bind(X::Matrix, ch('D'), A::WhatIf(W::CurrentDocument), "what if: the ranking without the items of this item's source document").hint("what if"),
    bind(X::Matrix, ch('R'), A::ResolveConflicts, "resolve the merge conflicts git left in the matrix: ours, theirs or a new value, one by one"),
    bind(X::Matrix, ch('W'), A::ShowHealth, "matrix health: the warnings a reviewer would raise (unrated, non-diagnostic, a lead on one item…)"),
    // Team view (ach open --team); the global movement keys move its cursor.
    bind(X::Team, ch('a'), A::NextAnalyst, "me against the team: the next analyst").hint("analyst"),
    bind(X::Team, ch('n'), A::NextDifference, "go to my next difference from the consensus, biggest first").hint("difference"),
    bind(X::Team, ch('T'), A::ToggleTeam, "hide the team view (T shows it again)").hint("hide"),
    bind(X::Team, plain(K::Esc), A::ToggleTeam, "hide the team view (T shows it again)"),
    bind(X::Matrix, ch('p'), A::ToggleProbability, "show or hide the probability rows: model posterior, judged, coherent, ICD 203 words").hint("probability"),
    bind(X::Matrix, ch('J'), A::EditJudgement, "your judgement: the hypothesis you judge most likely, your confidence, the ICD 203 words and why").hint("judgement"),
    // Text fields (the filter and the search)
    bind(X::TextField, plain(K::Enter), A::Submit, "keep what was typed and leave the field").hint("keep"),
    bind(X::TextField, plain(K::Esc), A::CloseTop, "clear the field and leave it").hint("clear"),
    bind(X::TextField, plain(K::Up), A::Up, "move up"),
    bind(X::TextField, plain(K::Down), A::Down, "move down"),
    // Keys that must work while typing a filter or a search, too.
    bind(X::TextField, plain(K::Tab), A::NextPane, "next pane").hint("pane"),
    bind(X::TextField, plain(K::BackTab), A::PreviousPane, "previous pane"),
    bind(X::TextField, ctrl('s'), A::Save, "save the matrix"),
    bind(X::TextField, ctrl('c'), A::Quit, "quit (asks first if there are unsaved changes)"),
    bind(X::TextField, ctrl('q'), A::Quit, "quit (asks first if there are unsaved changes)"),
    // Forms
    bind(X::Form, plain(K::Tab), A::NextField, "next field").hint("field"),
    bind(X::Form, plain(K::Down), A::NextField, "next field"),
    bind(X::Form, plain(K::BackTab), A::PreviousField, "previous field"),
    bind(X::Form, plain(K::Up), A::PreviousField, "previous field"),
    bind(X::Form, plain(K::Enter), A::Submit, "save the form").hint("save"),
    bind(X::Form, ctrl('s'), A::Submit, "save the form"),
    bind(X::Form, plain(K::Esc), A::CloseTop, "cancel").hint("cancel"),
    bind(X::Form, ch(' '), A::ChoiceNext, "next choice (on a choice field)"),
    bind(X::Form, plain(K::Right), A::ChoiceNext, "next choice (on a choice field)"),
    bind(X::Form, plain(K::Left), A::ChoicePrevious, "previous choice (on a choice field)"),
    // Questions: the answer keys are each question's own choices (see
    // `questions.rs`); Esc backs out of every one.
    bind(X::Confirm, plain(K::Esc), A::CloseTop, "back out: nothing happens").hint("back out"),
    // Lists
    bind(X::Choice, ch('j'), A::Down, "next").hint("move"),
    bind(X::Choice, plain(K::Down), A::Down, "next"),
    bind(X::Choice, ch('k'), A::Up, "previous").hint("move"),
    bind(X::Choice, plain(K::Up), A::Up, "previous"),
    bind(X::Choice, ch('g'), A::Top, "first"),
    bind(X::Choice, plain(K::Home), A::Top, "first"),
    bind(X::Choice, ch('G'), A::Bottom, "last"),
    bind(X::Choice, plain(K::End), A::Bottom, "last"),
    bind(X::Choice, plain(K::Enter), A::Submit, "choose").hint("choose"),
    bind(X::Choice, plain(K::Esc), A::CloseTop, "cancel").hint("cancel"),
    // What-if scenarios
    bind(X::Scenario, ch('L'), A::WhatIf(W::LowCredibility), "without the low-credibility items").hint("low credibility"),
    bind(X::Scenario, ch('A'), A::WhatIf(W::Assumptions), "without the assumptions").hint("assumptions"),
    bind(X::Scenario, ch('D'), A::WhatIf(W::CurrentDocument), "without the items of the current item's document").hint("its document"),
    bind(X::Scenario, plain(K::Esc), A::CloseTop, "close").hint("close"),
    bind(X::Scenario, ch('q'), A::CloseTop, "close"),
    // Help and the message log
    bind(X::Help, ch('?'), A::CloseTop, "close"),
    bind(X::Help, plain(K::F(1)), A::CloseTop, "close"),
    bind(X::Help, plain(K::Esc), A::CloseTop, "close").hint("close"),
    bind(X::Help, ch('q'), A::CloseTop, "close"),
    bind(X::Help, ch('j'), A::Down, "scroll down").hint("scroll"),
    bind(X::Help, plain(K::Down), A::Down, "scroll down"),
    bind(X::Help, ch('k'), A::Up, "scroll up").hint("scroll"),
    bind(X::Help, plain(K::Up), A::Up, "scroll up"),
    bind(X::Help, plain(K::PageDown), A::PageDown, "page down"),
    bind(X::Help, plain(K::PageUp), A::PageUp, "page up"),
    bind(X::Help, ch('g'), A::Top, "go to the top").hint("top"),
    bind(X::Help, plain(K::Home), A::Top, "go to the top"),
    bind(X::Help, ch('G'), A::Bottom, "go to the bottom").hint("bottom"),
    bind(X::Help, plain(K::End), A::Bottom, "go to the bottom"),
    // Typing in any text field; every other printable key is itself.
    bind(X::Typing, plain(K::Left), A::Type(T::GoToPrevChar), "move the cursor"),
    bind(X::Typing, plain(K::Right), A::Type(T::GoToNextChar), "move the cursor"),
    bind(X::Typing, plain(K::Home), A::Type(T::GoToStart), "move the cursor"),
    bind(X::Typing, plain(K::End), A::Type(T::GoToEnd), "move the cursor"),
    bind(X::Typing, ctrl('a'), A::Type(T::GoToStart), "move the cursor"),
    bind(X::Typing, ctrl('e'), A::Type(T::GoToEnd), "move the cursor"),
    bind(X::Typing, ctrl_key(K::Left), A::Type(T::GoToPrevWord), "move by word"),
    bind(X::Typing, ctrl_key(K::Right), A::Type(T::GoToNextWord), "move by word"),
    bind(X::Typing, plain(K::Backspace), A::Type(T::DeletePrevChar), "delete a character"),
    bind(X::Typing, plain(K::Delete), A::Type(T::DeleteNextChar), "delete a character"),
    bind(X::Typing, ctrl('w'), A::Type(T::DeletePrevWord), "delete the word before the cursor"),
    bind(X::Typing, ctrl_key(K::Backspace), A::Type(T::DeletePrevWord), "delete the word before the cursor"),
    bind(X::Typing, alt(K::Backspace), A::Type(T::DeletePrevWord), "delete the word before the cursor"),
    bind(X::Typing, ctrl('u'), A::Type(T::DeleteLine), "delete the whole field"),
    bind(X::Typing, ctrl('k'), A::Type(T::DeleteTillEnd), "delete to the end"),
];

/// The keymap in force: the table above with the analyst's overrides from
/// the config file, installed once at start-up.
static ACTIVE: std::sync::OnceLock<Vec<Binding>> = std::sync::OnceLock::new();

/// Puts the analyst's keymap in force for the rest of the process; a
/// second call changes nothing (the keys do not change under a running
/// workbench).
pub fn install(bindings: Vec<Binding>) {
    let _ = ACTIVE.set(bindings);
}

/// The keymap the dispatcher, help and hints read.
pub fn active() -> &'static [Binding] {
    ACTIVE.get().map_or(KEYMAP, Vec::as_slice)
}

/// The action bound to `key` in `context`: the context's own binding
/// first, then (for panes) the global one.
pub fn action_for(context: Context, key: Key) -> Option<Action> {
    let find = |context| {
        active()
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
    for binding in active().iter().filter(|b| b.context == context) {
        match groups.iter_mut().find(|(_, d)| *d == binding.description) {
            Some((keys, _)) => keys.push(binding.key.label()),
            None => groups.push((vec![binding.key.label()], binding.description)),
        }
    }
    groups
}

/// The status-bar hints of `context`, from the table's hinted rows (and,
/// for panes, the hinted global ones): `"C c n i I x rate · H E add"`.
pub fn hints(context: Context) -> String {
    let mut groups: Vec<(Vec<String>, &'static str)> = Vec::new();
    let global = context
        .inherits_global()
        .then_some(Context::Global)
        .into_iter();
    for wanted in std::iter::once(context).chain(global) {
        for binding in active().iter().filter(|b| b.context == wanted) {
            let Some(word) = binding.hint else { continue };
            // A pane's own key hides the global one on the same key.
            if wanted == Context::Global && action_for(context, binding.key) != Some(binding.action)
            {
                continue;
            }
            match groups.iter_mut().find(|(_, w)| *w == word) {
                Some((keys, _)) => keys.push(binding.key.label()),
                None => groups.push((vec![binding.key.label()], word)),
            }
        }
    }
    groups
        .iter()
        .map(|(keys, word)| format!("{} {word}", keys.join(" ")))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The first key bound to `action` in `context`, for hints such as
/// "press ? for help".
pub fn key_for(context: Context, action: Action) -> Option<Key> {
    active()
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
            (Context::Reader, 'w', Action::ExtendByWord),
            (Context::Reader, 'b', Action::ShrinkByWord),
            (Context::Reader, 'B', Action::ExtendStartByWord),
            (Context::Reader, 'W', Action::ShrinkStartByWord),
            (Context::Matrix, 'W', Action::ShowHealth),
            (Context::Matrix, 'u', Action::Undo),
            (Context::Matrix, '?', Action::ToggleHelp),
        ] {
            assert_eq!(action_for(context, ch(c)), Some(action), "{c}");
        }
        assert_eq!(action_for(Context::Reader, ctrl('r')), Some(Action::Redo));
        assert_eq!(action_for(Context::Matrix, ctrl('s')), Some(Action::Save));
    }
}
