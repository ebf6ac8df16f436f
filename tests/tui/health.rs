//! Matrix health in the workbench (`W`): the warnings `ach check` gives,
//! listed with where each is, refreshed every time the popup opens.

use insta::assert_snapshot;

use super::support::Bench;

const ATTACK: &str = "hypotheses/azerbaijan-armenia-attack.toml";

#[test]
fn health_popup_lists_the_sample_matrix_warnings() {
    let mut bench = Bench::new(100, 30);
    bench.open_matrix(ATTACK);
    bench.keys("W");
    assert_snapshot!(bench.terminal().backend());
    bench.keys("<Esc>");
    assert!(bench.state.popups.is_empty());
}

#[test]
fn health_follows_the_edits() {
    let mut bench = Bench::new(100, 30);
    bench.open_matrix(ATTACK);
    // Rate the first item alike against every hypothesis: it loses its
    // diagnostic value, and the popup says so at its id.
    let hypotheses = bench.matrix().hypotheses().len();
    bench.keys("g");
    bench.keys(&"n".repeat(hypotheses));
    bench.keys("W");
    let first = bench.matrix().evidence()[0].id.clone();
    let screen = bench.screen();
    assert!(
        screen.contains(&format!("{first} is rated N against every")),
        "{screen}"
    );
    // Undone, the warning goes.
    bench.keys("<Esc>");
    bench.keys(&"u".repeat(hypotheses));
    bench.keys("W");
    assert!(
        !bench
            .screen()
            .contains(&format!("{first} is rated N against every"))
    );
}
