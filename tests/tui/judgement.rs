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
