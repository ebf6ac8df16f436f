//! Fields of several lines (issue 15): an evidence item's notes and a
//! hypothesis's description take line breaks, keep them through the file,
//! and leave the form's other keys as they were.

use ach_workbench::storage::load_matrix;
use ach_workbench::tui::forms::Form;
use ach_workbench::tui::msg::Msg;
use ach_workbench::tui::state::{Pane, Popup};
use ratatui::backend::Backend;

use super::support::Bench;

const ATTACK: &str = "hypotheses/azerbaijan-armenia-attack.toml";
/// The evidence form's fields, in order.
const DATE: usize = 5;
const NOTES: usize = 6;

fn form(bench: &Bench) -> &Form {
    match bench.state.popups.last() {
        Some(Popup::Form(form)) => form,
        other => panic!("a form is open, not {other:?}"),
    }
}

/// A workbench with a new evidence item's form open, its summary typed
/// and the Notes field focused.
fn in_new_notes() -> Bench {
    let mut bench = Bench::new(120, 40);
    bench.open_matrix(ATTACK);
    bench.state.focus = Pane::Matrix;
    bench.keys("E");
    bench.type_text("Troops massed at the border");
    bench.keys("<Tab><Tab><Tab><Tab><Tab>");
    assert_eq!(form(&bench).focused, NOTES);
    bench
}

#[test]
fn enter_starts_a_new_line_and_the_file_keeps_the_lines() {
    let mut bench = in_new_notes();
    bench.type_text("Seen by two sources.");
    bench.keys("<Enter>");
    bench.type_text("- one a local reporter");
    bench.keys("<Enter>");
    bench.type_text("- one satellite imagery");
    assert_eq!(
        form(&bench).fields[NOTES].value(),
        "Seen by two sources.\n- one a local reporter\n- one satellite imagery",
        "Enter broke the line and did not save the form"
    );
    // Ctrl-s saves the form from a field of several lines.
    bench.keys("<C-s>");
    assert!(
        bench.state.popups.is_empty(),
        "the form is saved and closed"
    );
    let notes = "Seen by two sources.\n- one a local reporter\n- one satellite imagery";
    let added = bench.matrix().evidence().last().unwrap().clone();
    assert_eq!(added.notes.as_deref(), Some(notes));
    // Saved and read back, the line breaks are still there.
    bench.keys("<C-s>");
    let saved = load_matrix(&bench.path(ATTACK)).unwrap();
    let text = super::support::read(&bench.path(ATTACK));
    assert!(
        text.contains("Seen by two sources.\n- one a local reporter\n- one satellite imagery"),
        "one line of the notes per line of the file, as a reviewer reads the diff"
    );
    assert_eq!(
        saved.evidence().last().unwrap().notes.as_deref(),
        Some(notes)
    );
    // Editing the item shows the lines again, not one run-together line.
    bench.keys("Ge");
    assert_eq!(form(&bench).fields[NOTES].value(), notes);
}

#[test]
fn up_and_down_move_by_row_then_on_to_the_next_field() {
    let mut bench = in_new_notes();
    bench.type_text("first");
    bench.keys("<Enter>");
    bench.type_text("second");
    bench.keys("<Up>");
    assert_eq!(form(&bench).focused, NOTES, "up a row, still in the notes");
    bench.keys("<Up>");
    assert_eq!(
        form(&bench).focused,
        DATE,
        "from the first row, the field above"
    );
    bench.keys("<Down>");
    assert_eq!(form(&bench).focused, NOTES);
    bench.keys("<Down>");
    assert_eq!(form(&bench).focused, NOTES, "down to the second row");
    bench.keys("<Down>");
    assert_eq!(form(&bench).focused, 0, "from the last row, the next field");
    assert_eq!(form(&bench).fields[NOTES].value(), "first\nsecond");
}

#[test]
fn a_paste_keeps_its_lines_and_nothing_in_it_is_a_key() {
    let mut bench = in_new_notes();
    let matrix = bench.matrix().clone();
    bench.send(Msg::Paste("one\r\ntwo\rthree\n\u{1b}[2Jq".into()));
    assert_eq!(form(&bench).fields[NOTES].value(), "one\ntwo\nthree\n[2Jq");
    assert_eq!(bench.matrix(), &matrix, "nothing was saved or rated");
}

#[test]
fn tab_and_esc_keep_their_meaning_in_a_field_of_several_lines() {
    let mut bench = in_new_notes();
    bench.type_text("a note");
    bench.keys("<Tab>");
    assert_eq!(
        form(&bench).focused,
        0,
        "Tab leaves the notes for the next field"
    );
    bench.keys("<S-Tab>");
    assert_eq!(form(&bench).focused, NOTES);
    let matrix = bench.matrix().clone();
    bench.keys("<Esc>");
    assert!(bench.state.popups.is_empty(), "Esc cancels the form");
    assert_eq!(bench.matrix(), &matrix);
}

#[test]
fn the_description_of_a_hypothesis_takes_lines_too() {
    let mut bench = Bench::new(120, 40);
    bench.open_matrix(ATTACK);
    bench.state.focus = Pane::Matrix;
    bench.keys("H");
    bench.type_text("Proxy attack");
    bench.keys("<Tab>");
    bench.type_text("Through a militia.");
    bench.keys("<Enter>");
    bench.type_text("Deniable.");
    bench.keys("<C-s>");
    let added = bench.matrix().hypotheses().last().unwrap();
    assert_eq!(
        added.description.as_deref(),
        Some("Through a militia.\nDeniable.")
    );
}

#[test]
fn evidence_form_with_notes_of_several_lines() {
    let mut bench = in_new_notes();
    bench.type_text("Seen by two sources, one of them a reporter who has been right before about troop movements on this border.");
    bench.keys("<Enter>");
    bench.type_text("Unconfirmed.");
    let screen = bench.screen();
    assert!(
        screen.contains("· Enter new line · Ctrl-s save · Tab next field · Esc cancel"),
        "the footer gives the keys of a field of several lines: {screen}"
    );
    // The terminal's cursor is right after what was typed last.
    let mut terminal = bench.terminal();
    let cursor = terminal.backend_mut().get_cursor_position().unwrap();
    let row: Vec<char> = screen
        .lines()
        .nth(usize::from(cursor.y))
        .unwrap()
        .chars()
        .collect();
    let before: String = row[..usize::from(cursor.x)].iter().collect();
    assert!(before.ends_with("Unconfirmed."), "{before:?}");
    insta::assert_snapshot!(screen);
}

#[test]
fn a_long_note_scrolls_to_keep_the_cursor_in_sight() {
    let mut bench = in_new_notes();
    let words = ["one", "two", "three", "four", "five", "six"];
    for (n, word) in words.iter().enumerate() {
        if n > 0 {
            bench.keys("<Enter>");
        }
        bench.type_text(&format!("line {word}"));
    }
    let cursor_row = |bench: &Bench| {
        let mut terminal = bench.terminal();
        let cursor = terminal.backend_mut().get_cursor_position().unwrap();
        let screen = bench.screen();
        screen
            .lines()
            .nth(usize::from(cursor.y))
            .unwrap()
            .to_owned()
    };
    let screen = bench.screen();
    assert!(screen.contains("line six") && screen.contains("line three"));
    assert!(!screen.contains("line two"), "four rows show: {screen}");
    assert!(cursor_row(&bench).contains("line six"));
    bench.keys("<Up><Up><Up><Up><Up>");
    assert_eq!(form(&bench).focused, NOTES);
    let screen = bench.screen();
    assert!(screen.contains("line one"), "scrolled back up: {screen}");
    assert!(cursor_row(&bench).contains("line one"));
}

#[test]
fn the_detail_pane_shows_the_notes_line_by_line() {
    let mut bench = in_new_notes();
    bench.type_text("Seen by two sources.");
    bench.keys("<Enter>");
    bench.type_text("- satellite imagery");
    bench.keys("<C-s>");
    bench.keys("Gz");
    let screen = bench.screen();
    let rows: Vec<&str> = screen.lines().collect();
    let at = rows
        .iter()
        .position(|row| row.contains("Notes: Seen by two sources."))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(rows[at + 1].contains("- satellite imagery"), "{screen}");
}
