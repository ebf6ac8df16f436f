//! A matrix that came out of `ach merge` with conflicts, resolved in the
//! workbench: a question per conflict (ours, theirs, a new value), all the
//! answers one edit, unsaved until Ctrl-s, then an ordinary matrix.

use ach_workbench::merge::{Labels, merge};
use ach_workbench::model::Rating;
use ach_workbench::storage::{load_matrix, matrix_from_str, matrix_to_toml};
use ach_workbench::tui::state::{Popup, Question};
use insta::assert_snapshot;

use super::support::Bench;

const FILE: &str = "hypotheses/merged.toml";

/// One side of the merge: the title and E1 / H1 as given.
fn side(title: &str, e1_h1: &str) -> String {
    let text = format!(
        "schema = 1\ntitle = \"{title}\"\nanalyst = \"alice\"\n\n\
         [[hypotheses]]\nid = \"H1\"\ntitle = \"The crew\"\n\n\
         [[hypotheses]]\nid = \"H2\"\ntitle = \"The buyer\"\n\n\
         [[evidence]]\nid = \"E1\"\nsummary = \"A witness saw the crew\"\nratings = {{ H1 = \"{e1_h1}\", H2 = \"N\" }}\n\n\
         [[evidence]]\nid = \"E2\"\nsummary = \"A receipt\"\nratings = {{ H1 = \"C\", H2 = \"I\" }}\n"
    );
    // In the writer's layout, as the workbench saves.
    matrix_to_toml(&matrix_from_str(&text).unwrap())
}

/// A workspace holding the merge of alice's and bob's changes to one
/// matrix: both changed the title and E1 / H1, differently.
fn merged_bench() -> Bench {
    let merged = merge(
        &side("Who took the cargo", "N"),
        &side("Who took the cargo, and when", "I"),
        &side("Who took the cargo first", "II"),
        &Labels {
            ours: "alice".to_owned(),
            theirs: "bob".to_owned(),
        },
    )
    .unwrap();
    assert_eq!(merged.conflicts.len(), 2, "{}", merged.text);
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("hypotheses")).unwrap();
    std::fs::create_dir(dir.path().join("seeds")).unwrap();
    std::fs::write(dir.path().join(FILE), &merged.text).unwrap();
    let mut bench = Bench::on(dir, 100, 30);
    bench.open_matrix(FILE);
    bench
}

/// Which conflict the question on top asks about (`title`, `E1 / H1`).
fn asked(bench: &Bench) -> Option<String> {
    match bench.state.popups.last() {
        Some(Popup::Confirm {
            question: Question::ResolveConflict(resolving),
            ..
        }) => Some(resolving.next.at.clone()),
        _ => None,
    }
}

fn dirty(bench: &Bench) -> bool {
    bench.state.matrix.as_ref().unwrap().is_dirty()
}

#[test]
fn opening_a_merged_matrix_asks_about_its_first_conflict() {
    let bench = merged_bench();
    assert_eq!(asked(&bench).as_deref(), Some("title"));
    assert_snapshot!(bench.terminal().backend());
}

#[test]
fn ours_then_theirs_make_an_ordinary_matrix_in_one_undoable_edit() {
    let mut bench = merged_bench();
    assert_eq!(bench.matrix().conflicts.len(), 2);
    bench.keys("o");
    assert_eq!(asked(&bench).as_deref(), Some("E1 / H1"));
    // Nothing changes in the matrix until the last answer.
    assert_eq!(bench.matrix().conflicts.len(), 2);
    assert!(!dirty(&bench));
    bench.keys("t");
    assert!(bench.state.popups.is_empty(), "{:?}", bench.state.popups);
    assert!(bench.matrix().conflicts.is_empty());
    assert_eq!(bench.matrix().title, "Who took the cargo, and when");
    assert_eq!(bench.matrix().rating(0, 0), Some(Rating::VeryInconsistent));
    assert!(dirty(&bench), "unsaved until Ctrl-s");
    let said = bench.state.notice.as_ref().unwrap().text.clone();
    assert!(said.contains("Resolved 2 merge conflicts"), "{said}");
    assert!(said.contains(&format!("git add {FILE}")), "{said}");
    // One u brings both conflicts back; Ctrl-r settles them again.
    bench.keys("u");
    assert_eq!(bench.matrix().conflicts.len(), 2);
    assert_eq!(bench.matrix().rating(0, 0), Some(Rating::Inconsistent));
    bench.keys("<C-r>");
    assert!(bench.matrix().conflicts.is_empty());
    // Saved, the file is an ordinary matrix.
    bench.keys("<C-s>");
    assert!(!dirty(&bench));
    let saved = load_matrix(&bench.path(FILE)).unwrap();
    assert!(saved.conflicts.is_empty());
    assert_eq!(saved.rating(0, 0), Some(Rating::VeryInconsistent));
    assert!(
        !std::fs::read_to_string(bench.path(FILE))
            .unwrap()
            .contains("[[conflicts]]")
    );
}

#[test]
fn a_new_value_is_typed_in_a_one_field_form_and_checked() {
    let mut bench = merged_bench();
    bench.keys("v");
    let Some(Popup::Form(form)) = bench.state.popups.last() else {
        panic!("v opens the new-value form: {:?}", bench.state.popups);
    };
    assert_eq!(form.title, "A new value for title");
    assert_eq!(form.fields.len(), 1);
    assert_eq!(
        form.fields[0].value(),
        "Who took the cargo, and when",
        "starts from ours"
    );
    // Esc goes back to the same question, not out of the resolving.
    bench.keys("<Esc>");
    assert_eq!(asked(&bench).as_deref(), Some("title"));
    bench.keys("v<C-u>");
    bench.type_text("Who took the cargo, and where");
    bench.keys("<Enter>");
    assert_eq!(asked(&bench).as_deref(), Some("E1 / H1"));
    // A value the field cannot hold is refused at the field.
    bench.keys("v<C-u>");
    bench.type_text("XX");
    bench.keys("<Enter>");
    let Some(Popup::Form(form)) = bench.state.popups.last() else {
        panic!("the form stays: {:?}", bench.state.popups);
    };
    let why = form.error.clone().unwrap();
    assert!(why.contains("XX"), "{why}");
    bench.keys("<C-u>");
    bench.type_text("C");
    bench.keys("<Enter>");
    assert!(bench.state.popups.is_empty(), "{:?}", bench.state.popups);
    assert!(bench.matrix().conflicts.is_empty());
    assert_eq!(bench.matrix().title, "Who took the cargo, and where");
    assert_eq!(bench.matrix().rating(0, 0), Some(Rating::Consistent));
}

#[test]
fn backing_out_keeps_the_answers_so_far_and_r_asks_about_the_rest() {
    let mut bench = merged_bench();
    bench.keys("t<Esc>");
    assert!(bench.state.popups.is_empty());
    assert_eq!(bench.matrix().title, "Who took the cargo first");
    assert_eq!(bench.matrix().conflicts.len(), 1);
    assert!(dirty(&bench));
    bench.keys("R");
    assert_eq!(asked(&bench).as_deref(), Some("E1 / H1"));
    let Some(Popup::Confirm { text, .. }) = bench.state.popups.last() else {
        unreachable!()
    };
    assert!(text.contains("Conflict 1 of 1: E1 / H1"), "{text}");
    assert!(text.contains("ours:   I (alice)"), "{text}");
    assert!(text.contains("theirs: II (bob)"), "{text}");
    bench.keys("o");
    assert!(bench.matrix().conflicts.is_empty());
    assert_eq!(bench.matrix().rating(0, 0), Some(Rating::Inconsistent));
    bench.keys("R");
    assert!(bench.state.popups.is_empty());
    let said = bench.state.notice.as_ref().unwrap().text.clone();
    assert_eq!(said, "This matrix has no merge conflicts");
}
