//! Live sensitivity and set-aside items in the matrix pane (issue 11):
//! critical items marked, the margin under "Evidence", fragile cells in
//! the detail area, the what-if popup, and `a` setting items aside.

use ach_workbench::scoring::{score, sensitivity};
use insta::assert_snapshot;
use ratatui::style::Modifier;

use super::support::Bench;

/// Three hypotheses, three items. H3 leads by 0.50 over H1; without E1
/// (the only item from seeds/a.txt) H2 would lead, so E1 is critical;
/// rating E2 against H3 II instead of I would make H1 lead.
const MATRIX: &str = r#"schema = 1
title = "Who took the ledger"

[[hypotheses]]
id = "H1"
title = "The clerk"

[[hypotheses]]
id = "H2"
title = "The auditor"

[[hypotheses]]
id = "H3"
title = "Nobody"

[[evidence]]
id = "E1"
summary = "The safe was opened with a key"
kind = "report"
credibility = "medium"
relevance = "medium"
ratings = { H1 = "I", H2 = "II", H3 = "C" }

[evidence.source]
document = "seeds/a.txt"
start = 0
end = 30
quote = "The safe was opened with a key"

[[evidence]]
id = "E2"
summary = "The ledger is often misfiled"
kind = "assumption"
credibility = "medium"
relevance = "medium"
ratings = { H1 = "N", H2 = "C", H3 = "I" }

[[evidence]]
id = "E3"
summary = "A cleaner saw the clerk late"
kind = "report"
credibility = "low"
relevance = "low"
ratings = { H1 = "I", H2 = "N", H3 = "N" }

[evidence.source]
document = "seeds/b.txt"
start = 0
end = 28
quote = "A cleaner saw the clerk late"
"#;

/// The workbench on a scratch workspace holding only this matrix and its
/// two documents, with the matrix pane zoomed.
fn bench() -> Bench {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("seeds")).unwrap();
    std::fs::create_dir(dir.path().join("hypotheses")).unwrap();
    std::fs::write(
        dir.path().join("seeds/a.txt"),
        "The safe was opened with a key.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("seeds/b.txt"),
        "A cleaner saw the clerk late.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("hypotheses/ledger.toml"), MATRIX).unwrap();
    let mut bench = Bench::on(dir, 100, 30);
    bench.open_matrix("hypotheses/ledger.toml");
    bench.keys("z");
    bench
}

fn open(bench: &Bench) -> &ach_workbench::tui::state::OpenMatrix {
    bench.state.matrix.as_ref().expect("a matrix is open")
}

/// The cached sensitivity, with the fragile cells the rows give on
/// demand, is the one a fresh computation gives.
fn assert_current(bench: &Bench) {
    let open = open(bench);
    let fresh = sensitivity(&open.matrix, &score(&open.matrix));
    let cached = &open.sensitivity;
    let fragile: Vec<_> = (0..open.matrix.evidence().len())
        .flat_map(|row| open.fragile_in_row(row))
        .collect();
    assert_eq!(
        (&cached.leader, &cached.critical, &fragile, cached.runner_up),
        (
            &fresh.leader,
            &fresh.critical,
            &fresh.fragile,
            fresh.runner_up
        )
    );
    // The cache sums exactly; a fresh score sums floats.
    match (cached.margin, fresh.margin) {
        (Some(a), Some(b)) => assert!((a - b).abs() < 1e-9, "{a} {b}"),
        (a, b) => assert_eq!(a, b),
    }
}

#[test]
fn critical_item_margin_and_fragile_cell_on_screen() {
    let mut bench = bench();
    // E2 against H3.
    bench.keys("jll");
    assert_current(&bench);
    let screen = bench.screen();
    assert!(
        screen.contains("H3 leads by 0.50 over H1 · ! 1 critical"),
        "{screen}"
    );
    assert!(screen.contains("E1!The safe"), "{screen}");
    assert!(
        screen.contains("E2: rating H3 II instead of I would make H1 lead"),
        "{screen}"
    );
    assert_snapshot!(bench.terminal().backend());
}

#[test]
fn the_critical_items_detail_says_who_would_lead_without_it() {
    let mut bench = bench();
    let screen = bench.screen();
    assert!(
        screen.contains("! Critical: without E1, H2 leads"),
        "{screen}"
    );
    // On the header row: the margin in full.
    bench.keys("k");
    assert!(
        bench
            .screen()
            .contains("H3 leads by 0.50 weighted inconsistency over H1 · 1 critical item")
    );
}

#[test]
fn an_edit_updates_the_marks_and_undo_restores_them() {
    let mut bench = bench();
    assert!(open(&bench).sensitivity.is_critical(0));
    // E3 against H3: N → II. H3 now has 1 + 1 (E3 weighs ½ × 2): H1 and
    // H3 tie on 1.5 and H3 wins on consistency; E1 stays critical.
    bench.keys("jjllI");
    assert_current(&bench);
    // E2 against H1: N → II makes H1 trail far behind; H3 leads by more.
    bench.keys("kkhhhI");
    assert_current(&bench);
    let after = open(&bench).sensitivity.clone();
    bench.keys("uu");
    assert_current(&bench);
    assert_ne!(open(&bench).sensitivity, after);
    bench.keys("<C-r><C-r>");
    assert_eq!(open(&bench).sensitivity, after);
}

#[test]
fn an_edit_moves_the_critical_mark() {
    let mut bench = bench();
    assert!(bench.screen().contains("E1!"));
    // E1 against H2: II → N. H2 now leads (0 against it) with or without
    // E1; without E2 (C for H2) H3 would lead on consistency, so E2 is
    // the critical item now.
    bench.keys("ln");
    assert_current(&bench);
    let screen = bench.screen();
    assert!(!screen.contains("E1!"), "{screen}");
    assert!(screen.contains("E2!"), "{screen}");
    assert_eq!(open(&bench).sensitivity.leader, vec![1]);
    bench.keys("u");
    assert_current(&bench);
    let screen = bench.screen();
    assert!(
        screen.contains("E1!") && !screen.contains("E2!"),
        "{screen}"
    );
}

#[test]
fn what_if_without_the_documents_items_shows_both_rankings() {
    let mut bench = bench();
    // The cursor is on E1, taken from seeds/a.txt.
    bench.keys("D");
    let screen = bench.screen();
    assert!(
        screen.contains("Without seeds/a.txt (leaves out 1 item): the lead changes")
            && screen.contains("Actual: H3 leads · without seeds/a.txt: H2 leads"),
        "{screen}"
    );
    assert_snapshot!(bench.terminal().backend());
    // The other scenarios are one key away inside the popup too.
    bench.keys("A");
    assert!(
        bench
            .screen()
            .contains("Without assumptions (leaves out 1 item): the lead holds")
    );
    bench.keys("L");
    assert!(
        bench
            .screen()
            .contains("Without low-credibility items (leaves out 1 item): the lead holds")
    );
    bench.keys("<Esc>");
    assert!(bench.state.popups.is_empty());
    // E2 has no document: D says so and opens nothing.
    bench.keys("jD");
    assert!(bench.state.popups.is_empty());
    assert!(
        bench
            .state
            .notice
            .as_ref()
            .unwrap()
            .text
            .contains("D leaves out that document's items")
    );
}

#[test]
fn a_sets_an_item_aside_struck_through_and_out_of_every_score() {
    let mut bench = bench();
    bench.keys("a");
    let open_matrix = open(&bench);
    assert!(open_matrix.matrix.evidence()[0].set_aside.is_set());
    assert!(!open_matrix.scores.scores().counts(0));
    assert_current(&bench);
    // Without E1, H2 leads.
    assert_eq!(open(&bench).sensitivity.leader, vec![1]);
    let terminal = bench.terminal();
    let screen = bench.screen();
    assert!(screen.contains("E1 (set aside) The safe"), "{screen}");
    assert!(
        screen.contains("Set aside · left out of every score"),
        "{screen}"
    );
    // The row and its cells are struck through.
    let buffer = terminal.backend().buffer();
    let row = (0..buffer.area.height)
        .find(|&y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .contains("E1 (set aside)")
        })
        .unwrap();
    let struck = (0..buffer.area.width)
        .filter(|&x| buffer[(x, row)].modifier.contains(Modifier::CROSSED_OUT))
        .count();
    assert!(struck > 40, "{struck} struck cells");
    assert_snapshot!(terminal.backend());
    // Undoable like every edit; saved as a file key.
    bench.keys("u");
    assert!(!bench.matrix().evidence()[0].set_aside.is_set());
    assert_current(&bench);
    bench.keys("<C-r><C-s>");
    let saved = std::fs::read_to_string(bench.path("hypotheses/ledger.toml")).unwrap();
    assert!(
        saved.contains("id = \"E1\"\nsummary = \"The safe was opened with a key\"\nkind = \"report\"\ncredibility = \"medium\"\nrelevance = \"medium\"\nset_aside = true\n"),
        "{saved}"
    );
}

#[test]
fn a_on_the_header_sets_a_hypothesis_aside() {
    let mut bench = bench();
    bench.keys("klla");
    let open_matrix = open(&bench);
    assert!(open_matrix.matrix.hypotheses()[2].set_aside.is_set());
    assert!(!open_matrix.scores.scores().ranks(2));
    assert_current(&bench);
    // H3 set aside: H1 leads.
    assert_eq!(open(&bench).sensitivity.leader, vec![0]);
    let screen = bench.screen();
    assert!(screen.contains(" aside"), "{screen}");
    assert!(
        bench
            .state
            .notice
            .as_ref()
            .unwrap()
            .text
            .starts_with("Set hypothesis H3 aside")
    );
    bench.keys("a");
    assert!(!bench.matrix().hypotheses()[2].set_aside.is_set());
    assert!(
        bench
            .state
            .notice
            .as_ref()
            .unwrap()
            .text
            .starts_with("Counted hypothesis H3 again")
    );
}
