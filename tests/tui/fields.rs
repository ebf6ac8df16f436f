//! Every text field takes every printable key as text (issue 8 items 1 and
//! 22): random words typed or pasted into each field change that field and
//! nothing else in the workbench.

use ach_workbench::tui::forms::FieldValue;
use ach_workbench::tui::msg::Msg;
use ach_workbench::tui::state::{Pane, Popup, State};
use proptest::prelude::*;
use tui_input::Input;

use super::support::Bench;

const ATTACK: &str = "hypotheses/azerbaijan-armenia-attack.toml";

/// The ways a text field is reached, each from a fresh workbench.
#[derive(Debug, Clone, Copy)]
enum Field {
    LibraryFilter,
    ReaderSearch,
    /// Field `index` of the form opened by `keys` (from the matrix pane,
    /// or the reader for the attach form).
    Form {
        keys: &'static str,
        index: usize,
    },
}

/// Every text field of every form and pane.
fn every_field() -> Vec<Field> {
    let mut fields = vec![Field::LibraryFilter, Field::ReaderSearch];
    for keys in ["<C-n>", "H", "E", "jje", "ke", "READER a"] {
        let bench = reach(Field::Form { keys, index: 0 });
        let Some(Popup::Form(form)) = bench.state.popups.last() else {
            panic!("{keys} opens a form");
        };
        for index in 0..form.fields.len() {
            if form.fields[index].is_text() {
                fields.push(Field::Form { keys, index });
            }
        }
    }
    fields
}

/// A workbench with `field` focused.
fn reach(field: Field) -> Bench {
    let mut bench = Bench::new(120, 40);
    bench.open_matrix(ATTACK);
    bench.open_document("seeds/004_2be94a85530b984a.txt");
    match field {
        Field::LibraryFilter => {
            bench.state.focus = Pane::Library;
            bench.keys("/");
        }
        Field::ReaderSearch => {
            bench.state.focus = Pane::Reader;
            bench.keys("/");
        }
        Field::Form { keys, index } => {
            match keys.strip_prefix("READER ") {
                Some(keys) => {
                    bench.state.focus = Pane::Reader;
                    bench.keys(keys);
                }
                None => {
                    bench.state.focus = Pane::Matrix;
                    bench.keys(keys);
                }
            }
            if let Some(Popup::Form(form)) = bench.state.popups.last_mut() {
                form.focused = index;
            }
        }
    }
    bench
}

/// The focused field as it was, to put back before comparing: a one-line
/// filter or search, or a form field of one line or several.
#[derive(Clone)]
enum Saved {
    Input(Input),
    Form(FieldValue),
}

/// The focused one-line input outside a form.
fn pane_input(state: &mut State) -> &mut Input {
    match state.focus {
        Pane::Library => &mut state.library.filter,
        Pane::Reader => state.reader.search_prompt.as_mut().expect("search prompt"),
        Pane::Matrix => panic!("no field in the matrix"),
    }
}

fn save_field(state: &mut State) -> Saved {
    match state.popups.last() {
        Some(Popup::Form(form)) => Saved::Form(form.focused_field().value.clone()),
        _ => Saved::Input(pane_input(state).clone()),
    }
}

fn restore_field(state: &mut State, saved: &Saved) {
    match (state.popups.last_mut(), saved) {
        (Some(Popup::Form(form)), Saved::Form(value)) => {
            form.focused_field_mut().value = value.clone()
        }
        (_, Saved::Input(input)) => *pane_input(state) = input.clone(),
        _ => panic!("the field is gone"),
    }
}

/// A field's text and its cursor, in characters from the start (a line
/// break counts as one).
fn text_and_cursor(saved: &Saved) -> (String, usize) {
    match saved {
        Saved::Input(input) | Saved::Form(FieldValue::Text(input)) => {
            (input.value().to_owned(), input.cursor())
        }
        Saved::Form(FieldValue::Lines(lines)) => {
            let rows = lines.editor().lines();
            let (row, column) = lines.cursor();
            let before: usize = rows[..row].iter().map(|r| r.chars().count() + 1).sum();
            (rows.join("\n"), before + column)
        }
        Saved::Form(FieldValue::Choice { .. }) => panic!("a choice field"),
    }
}

/// Everything in the workbench but the focused field's text (the field is
/// put back as it was, and the library list it filters recomputed).
fn everything_but_the_field(bench: &mut Bench, original: &Saved, selected: usize) -> String {
    restore_field(&mut bench.state, original);
    let library = &mut bench.state.library;
    library.refilter();
    library.selected = selected;
    format!("{:?}", bench.state)
}

fn word() -> impl Strategy<Value = String> {
    // Every key the panes bind, plus spaces, punctuation and wide letters.
    proptest::string::string_regex("[qatruskzhjgGXx?/CcnNiIHEedsvalMpP<>()0-9 é漢.,;:'\"-]{1,16}")
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn typing_a_word_changes_only_the_field(word in word(), paste in any::<bool>()) {
        for field in every_field() {
            let mut bench = reach(field);
            let original = save_field(&mut bench.state);
            let selected = bench.state.library.selected;
            let before = format!("{:?}", bench.state);
            if paste {
                bench.send(Msg::Paste(word.clone()));
            } else {
                bench.type_text(&word);
            }
            let (typed, _) = text_and_cursor(&save_field(&mut bench.state));
            // The word goes in at the cursor.
            let (head, tail): (String, String) = {
                let (text, at) = text_and_cursor(&original);
                let chars: Vec<char> = text.chars().collect();
                (chars[..at].iter().collect(), chars[at..].iter().collect())
            };
            prop_assert_eq!(typed, format!("{head}{word}{tail}"), "{:?}", field);
            let after = everything_but_the_field(&mut bench, &original, selected);
            prop_assert_eq!(before, after, "{:?}", field);
        }
    }
}

#[test]
fn a_pasted_newline_is_a_space_and_never_submits() {
    // Issue 8 item 22: a two-line paste submitted the form at the newline
    // and the rest ran as keys (`2` re-rated a cell, `s` re-sorted).
    let mut bench = Bench::new(120, 40);
    bench.open_matrix(ATTACK);
    bench.state.focus = Pane::Matrix;
    bench.keys("E");
    let matrix = bench.matrix().clone();
    bench.send(Msg::Paste("Troops moved\n2se\r\n\tnorth".into()));
    let Some(Popup::Form(form)) = bench.state.popups.last() else {
        panic!("the form stays open");
    };
    assert_eq!(form.focused_field().value(), "Troops moved 2se north");
    assert_eq!(bench.matrix(), &matrix);
}

#[test]
fn a_paste_outside_a_field_does_nothing_but_say_so() {
    let mut bench = Bench::new(120, 40);
    bench.open_matrix(ATTACK);
    bench.state.focus = Pane::Matrix;
    let matrix = bench.matrix().clone();
    let order = format!("{:?}", bench.state.matrix.as_ref().unwrap().order);
    bench.send(Msg::Paste("2sexqd".into()));
    assert_eq!(bench.matrix(), &matrix);
    assert_eq!(
        format!("{:?}", bench.state.matrix.as_ref().unwrap().order),
        order
    );
    assert!(bench.state.popups.is_empty());
    assert!(!bench.state.quitting);
    assert!(
        bench
            .state
            .notice
            .as_ref()
            .unwrap()
            .text
            .starts_with("Nothing to paste into")
    );
}
