//! Snapshots of the screens an analyst sees, at 100 × 30.

use insta::assert_snapshot;

use ach_workbench::tui::forms::FormPurpose;
use ach_workbench::tui::state::Popup;

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

#[test]
fn a_column_rated_against_nothing_shows_no_rank_not_a_bare_one() {
    // H1 is new and wholly unrated, H2 rated I: on zero inconsistency H1
    // sorts first and used to show a bare "1" beside the leader's "1 ★".
    let mut bench = Bench::new(120, 30);
    bench.send(ach_workbench::tui::msg::Msg::Action(
        ach_workbench::tui::action::Action::NewMatrix,
    ));
    bench.type_text("No rank yet");
    bench.keys("<Enter>");
    bench.state.focus = ach_workbench::tui::state::Pane::Matrix;
    bench.keys("H");
    bench.type_text("Brand new");
    bench.keys("<Enter>H");
    bench.type_text("Rated");
    bench.keys("<Enter>E");
    bench.type_text("An item");
    bench.keys("<Enter>");
    let scores = ach_workbench::scoring::score(&bench.state.matrix.as_ref().unwrap().matrix);
    assert_eq!(scores.hypotheses[0].rank, 1, "the premise: H1 sorts first");
    bench.keys("hli");
    let scores = ach_workbench::scoring::score(&bench.state.matrix.as_ref().unwrap().matrix);
    assert_eq!(
        scores.hypotheses[0].rank, 1,
        "the premise: H1 still sorts first"
    );
    assert_snapshot!(bench.terminal().backend());
    let screen = bench.screen();
    let rank_row = screen
        .lines()
        .find(|line| line.contains("Rank ("))
        .expect("the rank row");
    assert!(rank_row.contains("– 1?"), "{rank_row}");
    assert!(rank_row.contains("1 ★"), "{rank_row}");
    assert!(!rank_row.contains(" 1 1?"), "the old bare 1: {rank_row}");
    // On the unrated column's header, the detail says why it has no rank.
    bench.keys("hk");
    let screen = bench.screen();
    assert!(
        screen.contains("not ranked: rated against no item that counts"),
        "{screen}"
    );
}

#[test]
fn the_attach_form_leaves_the_passage_in_sight_at_80x24() {
    // Issue 8 item 11: the form covered the passage being attached. A
    // sentence near the top of the reader or lower down stays wholly in
    // sight beside the form; of a passage too tall for the space the form
    // leaves, its last lines do.
    for (keys, whole) in [("jjjjvl", false), ("", true), ("jjjjjjjjjjjjjj", true)] {
        let mut bench = Bench::new(80, 24);
        bench.open_matrix(ATTACK);
        bench.open_document("seeds/003_ce3d3e394238d710.txt");
        bench.keys(keys);
        bench.keys("a");
        let screen = bench.screen();
        assert!(screen.contains("Attach passage as evidence"), "{screen}");
        let Some(Popup::Form(form)) = bench.state.popups.last() else {
            panic!("the attach form");
        };
        let FormPurpose::Attach(passage) = &form.purpose else {
            panic!("an attach form");
        };
        let open = bench.state.reader.document.as_ref().unwrap();
        let area = ach_workbench::tui::view::areas(&bench.state)
            .reader
            .unwrap();
        let text = ach_workbench::tui::view::reader_text_area(area);
        let rows: Vec<&str> = screen.lines().collect();
        // For each of the passage's lines in the reader: is its text on
        // its row, or is the form over it?
        let seen: Vec<bool> = open
            .visible
            .iter()
            .enumerate()
            .filter(|(_, line)| line.bytes.start < passage.end && passage.start < line.bytes.end)
            .map(|(n, line)| {
                let words: String = open.document.text()[line.shown.clone()]
                    .chars()
                    .take(12)
                    .collect();
                rows[usize::from(text.y) + n].contains(words.trim())
            })
            .collect();
        assert!(!seen.is_empty(), "the passage is in the reader:\n{screen}");
        if whole {
            assert!(seen.iter().all(|&s| s), "{keys}: covered:\n{screen}");
        } else {
            assert!(
                seen.last() == Some(&true),
                "{keys}: its end covered:\n{screen}"
            );
        }
        if keys == "jjjjvl" {
            assert_snapshot!(bench.terminal().backend());
        }
    }
}
