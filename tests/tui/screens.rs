//! Snapshots of the screens an analyst sees, at 100 × 30.

use insta::assert_snapshot;

use super::support::{Bench, style_mask};

const ATTACK: &str = "hypotheses/azerbaijan-armenia-attack.toml";

#[test]
fn library_on_start() {
    let bench = Bench::new(100, 30);
    assert_snapshot!(bench.terminal().backend());
}

#[test]
fn library_filtered() {
    let mut bench = Bench::new(100, 30);
    bench.keys("/");
    bench.type_text("azer");
    assert_snapshot!(bench.terminal().backend());
}

#[test]
fn matrix_with_scores() {
    let mut bench = Bench::new(100, 30);
    bench.open_matrix(ATTACK);
    bench.keys("jjl");
    assert_snapshot!(bench.terminal().backend());
}

#[test]
fn matrix_zoomed_by_diagnosticity() {
    let mut bench = Bench::new(100, 30);
    bench.open_matrix("hypotheses/us-azerbaijan-partnership.toml");
    bench.keys("zs");
    assert_snapshot!(bench.terminal().backend());
}

#[test]
fn reader_with_selection_and_attached_passage() {
    let mut bench = Bench::new(100, 30);
    bench.open_matrix(ATTACK);
    // E1's passage is the first sentence of seed 003: attached, underlined.
    bench.open_document("seeds/003_ce3d3e394238d710.txt");
    bench.keys("llvl");
    let terminal = bench.terminal();
    assert_snapshot!(terminal.backend());
    // The text area of the reader: the attached passage (E1) underlined,
    // the two selected sentences on a blue background.
    let area = ach_workbench::tui::view::areas(&bench.state)
        .reader
        .unwrap();
    let text = ach_workbench::tui::view::reader_text_area(area);
    assert_snapshot!("reader_highlights", style_mask(&terminal, text));
}

#[test]
fn help() {
    let mut bench = Bench::new(100, 30);
    bench.keys("?");
    assert_snapshot!(bench.terminal().backend());
}

#[test]
fn edit_evidence_form() {
    let mut bench = Bench::new(100, 30);
    bench.open_matrix(ATTACK);
    bench.keys("e");
    assert_snapshot!(bench.terminal().backend());
}

#[test]
fn quit_prompt() {
    let mut bench = Bench::new(100, 30);
    bench.open_matrix(ATTACK);
    bench.keys("Iq");
    assert_snapshot!(bench.terminal().backend());
}

#[test]
fn too_small() {
    let bench = Bench::new(70, 20);
    assert_snapshot!(bench.terminal().backend());
}

#[test]
fn reader_search_matches() {
    let mut bench = Bench::new(100, 30);
    bench.open_document("seeds/002_8f6dbeccd4282902.txt");
    bench.keys("/");
    bench.type_text("baku");
    bench.keys("<Enter>");
    let terminal = bench.terminal();
    assert_snapshot!(terminal.backend());
    let area = ach_workbench::tui::view::areas(&bench.state)
        .reader
        .unwrap();
    let text = ach_workbench::tui::view::reader_text_area(area);
    assert_snapshot!("reader_search_highlights", style_mask(&terminal, text));
}

#[test]
fn export_popup() {
    let mut bench = Bench::new(100, 30);
    bench.open_matrix(ATTACK);
    bench.keys("Xj");
    assert_snapshot!(bench.terminal().backend());
}

#[test]
fn no_leader_until_evidence_bears_then_ties_and_unrated_columns_show() {
    // Issue 8 items 8 and 23.
    let mut bench = Bench::new(120, 30);
    bench.send(ach_workbench::tui::msg::Msg::Action(
        ach_workbench::tui::action::Action::NewMatrix,
    ));
    bench.type_text("Who leads");
    bench.keys("<Enter>");
    bench.state.focus = ach_workbench::tui::state::Pane::Matrix;
    bench.keys("H");
    bench.type_text("First");
    bench.keys("<Enter>H");
    bench.type_text("Second");
    bench.keys("<Enter>H");
    bench.type_text("Brand new");
    bench.keys("<Enter>E");
    bench.type_text("An assumption");
    bench.keys("<Enter>");
    let screen = bench.screen();
    assert!(
        !screen.contains('★'),
        "no leader with no ratings:\n{screen}"
    );
    // H1 and H2 rated alike: a tie, both marked; H3 wholly unrated: never
    // the leader, and its rank says one cell is unrated.
    bench.keys("hhcc");
    assert_snapshot!(bench.terminal().backend());
    let screen = bench.screen();
    assert!(screen.contains("1= ★        1= ★"), "{screen}");
    assert!(screen.contains("1?"), "{screen}");
}
