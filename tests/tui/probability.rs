//! The probability rows under the scores (`p`): shown and hidden, live on
//! every edit, and drawn from the reading the open matrix keeps current.

use insta::assert_snapshot;

use super::support::Bench;
use ach_workbench::probability::read;

/// The README's worked example (priors 0.5, 0.25, 0.25; judged 0.7, 0.2,
/// 0.2) in a scratch workspace of its own.
fn example() -> Bench {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("hypotheses")).unwrap();
    std::fs::copy(
        super::support::repo().join("tests/fixtures/valid/warning-readme-probability.toml"),
        dir.path().join("hypotheses/example.toml"),
    )
    .unwrap();
    let mut bench = Bench::on(dir, 100, 30);
    bench.open_matrix("hypotheses/example.toml");
    bench
}

fn open(bench: &Bench) -> &ach_workbench::tui::state::OpenMatrix {
    bench.state.matrix.as_ref().expect("a matrix is open")
}

#[test]
fn probability_rows_hidden() {
    let bench = example();
    assert!(!open(&bench).show_probability);
    let screen = bench.screen();
    assert!(!screen.contains("Model posterior"), "{screen}");
    assert_snapshot!(bench.terminal().backend());
}

#[test]
fn probability_rows_shown() {
    let mut bench = example();
    bench.keys("p");
    assert!(open(&bench).show_probability);
    let screen = bench.screen();
    // 128/257, 1/257, 128/257; the judged values; their coherent version.
    for text in [
        "Model posterior",
        " 0.50",
        " 0.00",
        " 0.70",
        " 0.20?",
        " 0.64",
        " 0.18",
        "Coherent (judged sum 1.10)",
        "H1: model roughly even chance · judged likely · coherent likely",
        "⚠ the judged probabilities sum to 1.10, not 1",
        "A model: exclusive, exhaustive hypotheses; independent evidence.",
    ] {
        assert!(screen.contains(text), "{text:?} missing from\n{screen}");
    }
    assert_snapshot!(bench.terminal().backend());
    bench.keys("p");
    assert!(!bench.screen().contains("Model posterior"));
}

#[test]
fn the_words_follow_the_selected_hypothesis() {
    let mut bench = example();
    bench.keys("pll");
    let screen = bench.screen();
    assert!(
        screen.contains("H3: model roughly even chance · judged unlikely"),
        "{screen}"
    );
}

#[test]
fn an_edit_changes_the_posteriors_at_once() {
    let mut bench = example();
    bench.keys("p");
    let before = open(&bench).probability.reading().posteriors.clone();
    // E1 × H1 from C (λ 2) to II (λ ¼): H1's product 0.5 × 2 = 1 becomes
    // 0.5 × ¼ = 1/8, against H2's 1/128 and H3's 1.
    bench.keys("I");
    let matrix = open(&bench);
    let after = matrix.probability.reading();
    assert_ne!(after.posteriors, before);
    assert_eq!(
        after,
        &read(&matrix.matrix),
        "the cache is the fresh reading"
    );
    let h1 = 0.125 / (0.125 + 1.0 / 128.0 + 1.0);
    assert!((after.posteriors[0] - h1).abs() < 1e-12);
    assert!(
        bench.screen().contains(&format!(" {h1:.2}")),
        "{}",
        bench.screen()
    );
    // Undo brings the first reading back.
    bench.keys("u");
    assert_eq!(open(&bench).probability.reading().posteriors, before);
}

#[test]
fn a_cursor_move_leaves_the_reading_alone() {
    let mut bench = example();
    bench.keys("p");
    let before = open(&bench).probability.reading().clone();
    bench.keys("jlk");
    assert_eq!(open(&bench).probability.reading(), &before);
}

#[test]
fn help_and_hints_name_the_key() {
    let help: String =
        ach_workbench::tui::keymap::grouped(ach_workbench::tui::keymap::Context::Matrix)
            .into_iter()
            .map(|(keys, description)| format!("{} {description}\n", keys.join(" ")))
            .collect();
    assert!(
        help.contains("p show or hide the probability rows"),
        "{help}"
    );
    let hints = ach_workbench::tui::keymap::hints(ach_workbench::tui::keymap::Context::Matrix);
    assert!(hints.contains("p probability"), "{hints}");
}

/// The form of the hypothesis in the selected column, opened from the
/// hypotheses' header row, with the focus on its prior.
fn prior_field_of_h1(bench: &mut Bench) {
    bench.keys("k");
    assert_eq!(
        open(bench).row,
        ach_workbench::tui::state::MatrixRow::Hypotheses
    );
    // The form opens on the title; the prior is two fields on.
    bench.keys("e<Tab><Tab>");
    let Some(ach_workbench::tui::state::Popup::Form(form)) = bench.state.popups.last() else {
        panic!("the hypothesis form is open");
    };
    assert_eq!(form.focused_field().label, "Prior");
    assert_eq!(form.focused_field().value(), "0.5");
}

#[test]
fn the_hypothesis_form_sets_the_prior_and_the_judged_probability() {
    let mut bench = example();
    bench.keys("p");
    prior_field_of_h1(&mut bench);
    // A percentage is a probability too; the judged value is the next field.
    bench.keys("<C-u>");
    bench.type_text("80%");
    bench.keys("<Tab><C-u>");
    bench.type_text("0.6");
    bench.keys("<Enter>");
    assert!(bench.state.popups.is_empty(), "the form closes");
    let h1 = &bench.matrix().hypotheses()[0];
    assert_eq!(h1.prior.map(|p| p.value()), Some(0.8));
    assert_eq!(h1.probability.map(|p| p.value()), Some(0.6));
    // The rows follow at once: priors 0.8, 0.25, 0.25 sum to 1.3 and are
    // normalised: H1 0.8/1.3 × 2, H2 0.25/1.3 × ½ × (¼)², H3 0.25/1.3 × 4.
    let reading = open(&bench).probability.reading();
    assert_eq!(reading, &read(&open(&bench).matrix));
    let h1_posterior = 1.6 / (1.6 + 1.0 / 128.0 + 1.0);
    assert!((reading.posteriors[0] - h1_posterior).abs() < 1e-12);
    let screen = bench.screen();
    assert!(screen.contains(" 0.60"), "{screen}");
    assert!(screen.contains("the priors sum to 1.300"), "{screen}");
    // One undo puts both values back.
    bench.keys("u");
    let h1 = &bench.matrix().hypotheses()[0];
    assert_eq!(h1.prior.map(|p| p.value()), Some(0.5));
    assert_eq!(h1.probability.map(|p| p.value()), Some(0.7));
}

#[test]
fn the_hypothesis_form_refuses_a_probability_above_one_at_its_field() {
    let mut bench = example();
    prior_field_of_h1(&mut bench);
    bench.keys("<Tab><C-u>");
    bench.type_text("1.2");
    bench.keys("<Enter>");
    let Some(ach_workbench::tui::state::Popup::Form(form)) = bench.state.popups.last() else {
        panic!("the form stays open");
    };
    assert_eq!(form.focused_field().label, "Judged probability");
    assert_eq!(
        form.focused_field().value(),
        "1.2",
        "what was typed is kept"
    );
    let error = form.error.as_deref().unwrap_or_default();
    assert!(
        error.starts_with("judged probability: `1.2` is not a probability"),
        "{error}"
    );
    assert_eq!(
        bench.matrix().hypotheses()[0]
            .probability
            .map(|p| p.value()),
        Some(0.7)
    );
    // A blank field removes the value: the file then has no `probability`.
    bench.keys("<C-u><Enter>");
    assert!(bench.state.popups.is_empty());
    assert_eq!(bench.matrix().hypotheses()[0].probability, None);
}

#[test]
fn hypothesis_form_with_its_probabilities() {
    let mut bench = example();
    prior_field_of_h1(&mut bench);
    let screen = bench.screen();
    // The longest label sets the label column: every value starts in it.
    for line in [
        "             Prior 0.5",
        "Judged probability 0.7",
        "                Id H1",
    ] {
        assert!(screen.contains(line), "{line:?} missing from\n{screen}");
    }
    assert_snapshot!(bench.terminal().backend());
}
