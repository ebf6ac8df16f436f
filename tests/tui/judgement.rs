//! The analyst's judgement recorded in the workbench: `J` opens a form
//! whose confidence and ICD 203 words are choices from the domain's lists;
//! saving it is one edit, undone and redone like any other.

use insta::assert_snapshot;

use ach_workbench::model::{Confidence, Estimative, Judgement};
use ach_workbench::tui::state::Popup;

use super::support::Bench;

const ATTACK: &str = "hypotheses/azerbaijan-armenia-attack.toml";

fn bench() -> Bench {
    let mut bench = Bench::new(100, 30);
    bench.open_matrix(ATTACK);
    assert_eq!(bench.matrix().judgement, None, "the sample has none");
    bench
}

#[test]
fn j_records_the_judgement_from_choices_and_u_undoes_it() {
    let mut bench = bench();
    // On H3's column, the form names H3.
    bench.keys("llJ");
    assert_snapshot!(bench.terminal().backend());
    // Confidence: low → moderate → high; likelihood: not said → … → likely.
    bench.keys("<Tab><Right><Right><Tab><Right><Right><Right><Right><Right><Tab>");
    bench.type_text("Only H3 explains the convoy");
    bench.keys("<Enter>");
    assert!(bench.state.popups.is_empty(), "the form closed");
    let judged = Judgement {
        hypothesis: "H3".to_owned(),
        confidence: Confidence::High,
        estimate: Some(Estimative::Likely),
        rationale: Some("Only H3 explains the convoy".to_owned()),
    };
    assert_eq!(bench.matrix().judgement.as_ref(), Some(&judged));
    let screen = bench.screen();
    assert!(
        screen.contains("Judged H3 most likely, likely, high confidence"),
        "{screen}"
    );
    bench.keys("u");
    assert_eq!(bench.matrix().judgement, None);
    bench.keys("<C-r>");
    assert_eq!(bench.matrix().judgement.as_ref(), Some(&judged));
    // Opened again, the form holds what was recorded; a blank hypothesis
    // removes the judgement, and undo brings it back.
    bench.keys("hJ");
    let Some(Popup::Form(form)) = bench.state.popups.last() else {
        panic!("the judgement form");
    };
    let values: Vec<&str> = form.fields.iter().map(|field| field.value()).collect();
    assert_eq!(
        values,
        ["H3", "high", "likely", "Only H3 explains the convoy"]
    );
    bench.keys("<BS><BS><Enter>");
    assert_eq!(bench.matrix().judgement, None);
    bench.keys("u");
    assert_eq!(bench.matrix().judgement.as_ref(), Some(&judged));
}

#[test]
fn a_hypothesis_that_is_not_in_the_matrix_is_refused_in_the_form() {
    let mut bench = bench();
    bench.keys("J<BS><BS>");
    bench.type_text("H9");
    bench.keys("<Enter>");
    assert!(
        matches!(bench.state.popups.last(), Some(Popup::Form(_))),
        "the form stays open"
    );
    let screen = bench.screen();
    assert!(screen.contains("no hypothesis `H9`"), "{screen}");
    assert_eq!(bench.matrix().judgement, None);
}

#[test]
fn the_hypothesis_detail_lists_its_indicators_and_flags_the_overdue_one() {
    let mut bench = Bench::new(100, 30);
    let fixture = std::fs::read_to_string(
        super::support::repo().join("tests/fixtures/valid/warning-indicator-overdue.toml"),
    )
    .unwrap();
    std::fs::write(bench.path("hypotheses/indicators.toml"), fixture).unwrap();
    bench.open_matrix("hypotheses/indicators.toml");
    // The header row, on H1 (the tests' clock is 2026-03-01).
    bench.keys("k");
    assert_snapshot!(bench.terminal().backend());
    let screen = bench.screen();
    assert!(
        screen.contains("Watch: Units return to barracks · by 2020-01-15 · open · overdue"),
        "{screen}"
    );
    // The observed one is listed, and only the open one is flagged.
    assert!(
        screen.contains("Watch: Exercise announced in the gazette"),
        "{screen}"
    );
    assert_eq!(screen.matches("· overdue").count(), 1, "{screen}");
    // H2's indicator is due in 2999: listed, not flagged.
    bench.keys("l");
    let screen = bench.screen();
    assert!(
        screen.contains("Watch: Bridging equipment moves forward · by 2999-12-31 · open"),
        "{screen}"
    );
    assert!(!screen.contains("· overdue"), "{screen}");
}
