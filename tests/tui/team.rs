//! The team view (`ach open --team`): the consensus grid coloured by band,
//! the cell under the cursor by analyst, and "me against the team".

use std::path::PathBuf;

use ach_workbench::model::Rating;
use ach_workbench::team::{Band, load_team};
use ach_workbench::tui::state::TeamView;
use insta::assert_snapshot;
use ratatui::style::Color;

use super::support::Bench;

/// One analyst's copy: two hypotheses, E1 rated as given, E2 agreed.
fn copy(analyst: &str, e1: [&str; 2]) -> String {
    format!(
        "schema = 1\ntitle = \"Who took the cargo\"\nanalyst = \"{analyst}\"\n\n\
         [[hypotheses]]\nid = \"H1\"\ntitle = \"The crew\"\n\n\
         [[hypotheses]]\nid = \"H2\"\ntitle = \"The buyer\"\n\n\
         [[evidence]]\nid = \"E1\"\nsummary = \"A witness saw the crew\"\nratings = {{ H1 = \"{}\", H2 = \"{}\" }}\n\n\
         [[evidence]]\nid = \"E2\"\nsummary = \"A receipt\"\nratings = {{ H1 = \"C\", H2 = \"I\" }}\n",
        e1[0], e1[1]
    )
}

/// A workspace whose hypotheses/team/ holds alice's, bob's and carol's
/// copies, with the team view open on them.
fn team_bench() -> (Bench, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("hypotheses/team");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::create_dir(dir.path().join("seeds")).unwrap();
    for (analyst, e1) in [
        ("alice", ["CC", "N"]),
        ("bob", ["II", "N"]),
        ("carol", ["I", "CC"]),
    ] {
        std::fs::write(folder.join(format!("{analyst}.toml")), copy(analyst, e1)).unwrap();
    }
    let mut bench = Bench::on(dir, 100, 30);
    let files = ach_workbench::team::team_files(&[folder]).unwrap();
    let copies = load_team(&files).unwrap();
    bench.state.team = Some(TeamView::new(files.clone(), &copies));
    (bench, files)
}

fn view(bench: &Bench) -> &TeamView {
    bench.state.team.as_ref().unwrap()
}

#[test]
fn the_team_view_moves_over_the_consensus_and_follows_the_open_analyst() {
    let (mut bench, files) = team_bench();
    // Alice's matrix is open: "me" is alice, compared as it is now.
    bench.open_matrix_file(files[0].clone());
    assert!(view(&bench).shown, "ach open --team starts on the view");
    assert_eq!(view(&bench).me, 0);
    assert!(view(&bench).mine_is_live());
    // E1/H1: CC, II, I → consensus I, alice 3 steps away.
    let cell = view(&bench).cell().unwrap();
    assert_eq!(cell.consensus, Some(Rating::Inconsistent));
    assert_eq!(cell.band, Band::Extreme);
    let mine: Vec<(&str, &str, f64)> = view(&bench)
        .mine
        .iter()
        .map(|d| (d.evidence.as_str(), d.hypothesis.as_str(), d.distance))
        .collect();
    assert_eq!(mine, [("E1", "H1", 3.0)]);
    // Keys move the team cursor, not the matrix's.
    bench.keys("jl");
    assert_eq!((view(&bench).row, view(&bench).column), (1, 1));
    assert_eq!(
        bench.state.matrix.as_ref().unwrap().column,
        0,
        "the matrix under the view did not move"
    );
    // Hide the view, rate E1/H2 II in alice's matrix (unsaved), show it:
    // the new difference is there, biggest first.
    bench.keys("<Esc>");
    assert!(!view(&bench).shown);
    bench.keys("lI");
    bench.keys("T");
    let mine: Vec<(&str, &str, f64)> = view(&bench)
        .mine
        .iter()
        .map(|d| (d.evidence.as_str(), d.hypothesis.as_str(), d.distance))
        .collect();
    assert_eq!(mine, [("E1", "H1", 3.0), ("E1", "H2", 2.0)]);
    // n walks my differences; a moves to the next analyst's.
    bench.keys("n");
    assert_eq!((view(&bench).row, view(&bench).column), (0, 0));
    bench.keys("n");
    assert_eq!((view(&bench).row, view(&bench).column), (0, 1));
    bench.keys("a");
    assert_eq!(view(&bench).me, 1);
    assert!(!view(&bench).mine_is_live());
    assert_eq!(view(&bench).mine.len(), 1, "bob: E1/H1 II against I");
}

#[test]
fn without_a_team_t_says_how_to_open_one() {
    let mut bench = Bench::new(100, 30);
    bench.keys("T");
    assert!(bench.state.team.is_none());
    assert!(bench.screen().contains("ach open --team"));
}

#[test]
fn team_view() {
    let (mut bench, files) = team_bench();
    bench.open_matrix_file(files[0].clone());
    assert_snapshot!(bench.terminal().backend());
}

#[test]
fn team_view_colours_cells_by_band() {
    let (mut bench, _) = team_bench();
    // Off the cursor: E1/H2 (N, N, CC) is mild, E2/H1 (C, C, C) agreed.
    bench.keys("jj");
    let terminal = bench.terminal();
    let buffer = terminal.backend().buffer();
    let find = |text: &str| {
        let screen = bench.screen();
        let (y, line) = screen
            .lines()
            .enumerate()
            .find(|(_, l)| l.starts_with(&format!("│{text}")))
            .unwrap();
        (y as u16, line.to_owned())
    };
    let (e1, line) = find("E1 ");
    let x = line.chars().position(|c| c == '~').unwrap() as u16;
    assert_eq!(buffer[(x, e1)].bg, Color::Yellow, "mild is yellow");
    let x = line.find("I!!").unwrap() as u16;
    let x = line[..x as usize].chars().count() as u16;
    assert_eq!(buffer[(x, e1)].bg, Color::Red, "extreme is red");
    let (e2, line) = find("E2 ");
    let x = line[..line.find("C ").unwrap()].chars().count() as u16;
    assert_eq!(
        buffer[(x, e2)].bg,
        Color::Reset,
        "agreement keeps the rating's colour"
    );
}
