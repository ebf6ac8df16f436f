//! The Admiralty grade of an evidence item in the matrix's detail pane
//! (issue 14): the code and its words, as the reports give them.

use ach_workbench::tui::state::Pane;

use super::support::Bench;

const ATTACK: &str = "hypotheses/azerbaijan-armenia-attack.toml";

#[test]
fn the_detail_pane_gives_the_grade_in_words() {
    let mut bench = Bench::new(160, 40);
    let path = bench.path(ATTACK);
    let text = std::fs::read_to_string(&path).unwrap();
    let graded = text.replacen(
        "id = \"E1\"\n",
        "id = \"E1\"\nsource_reliability = \"B\"\ninformation_credibility = 2\n",
        1,
    );
    assert_ne!(graded, text, "the fixture has an item E1");
    std::fs::write(&path, graded).unwrap();
    bench.open_matrix(ATTACK);
    bench.state.focus = Pane::Matrix;
    bench.keys("z");
    let screen = bench.screen();
    assert!(
        screen.contains("graded B2 (usually reliable, probably true)"),
        "{screen}"
    );
    // An ungraded item says nothing of a grade.
    bench.keys("j");
    assert!(!bench.screen().contains("graded"), "{}", bench.screen());
}
