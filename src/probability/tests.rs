//! The model pinned: hand-computed readings and its invariants.

use proptest::prelude::*;

use super::*;
use crate::model::{Evidence, Hypothesis, Level, Probability, Rating};
use crate::test_support::arbitrary_matrix;
use Rating::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

/// `n` hypotheses and one item per row of `rows`, medium × medium
/// (weight 1) unless the row says otherwise.
fn matrix(n: usize, rows: &[(Level, Level, &[Option<Rating>])]) -> Matrix {
    let mut matrix = Matrix::new("m");
    for column in 0..n {
        matrix.push_hypothesis(Hypothesis::new(format!("H{}", column + 1), "h"));
    }
    for (n, (credibility, relevance, ratings)) in rows.iter().enumerate() {
        let mut evidence = Evidence::new(format!("E{}", n + 1), "e");
        evidence.credibility = *credibility;
        evidence.relevance = *relevance;
        let row = matrix.push_evidence(evidence);
        for (column, &rating) in ratings.iter().enumerate() {
            matrix.set_rating(row, column, rating);
        }
    }
    matrix
}

const MEDIUM: Level = Level::Medium;

#[test]
fn with_no_evidence_the_posteriors_are_the_priors() {
    let reading = read(&matrix(4, &[]));
    assert_eq!(reading.priors, [0.25; 4]);
    assert_eq!(reading.posteriors, [0.25; 4]);
    assert!(reading.findings.is_empty());
}

#[test]
fn one_ii_against_h1_with_weight_one_halves_its_odds_twice() {
    let reading = read(&matrix(
        2,
        &[(MEDIUM, MEDIUM, &[Some(VeryInconsistent), None])],
    ));
    let [h1, h2] = reading.posteriors[..] else {
        panic!("two hypotheses")
    };
    // Prior odds 1 : 1; λ = 1/4 against 1 gives odds 1/4 = (1/2)².
    assert!(close(h1 / h2, 0.25), "{h1} / {h2}");
    assert!(close(h1, 0.2));
}

#[test]
fn weight_tempers_the_ratio() {
    // high × high = weight 2: the II counts as (1/4)² = 1/16.
    let reading = read(&matrix(
        2,
        &[(
            Level::High,
            Level::High,
            &[Some(VeryInconsistent), Some(Neutral)],
        )],
    ));
    let odds = reading.posteriors[0] / reading.posteriors[1];
    assert!((odds - 1.0 / 16.0).abs() < 1e-9, "{odds}");
}

#[test]
fn an_override_changes_the_ratio() {
    let mut m = matrix(
        2,
        &[(MEDIUM, MEDIUM, &[Some(VeryConsistent), Some(Neutral)])],
    );
    m.likelihood.set(VeryConsistent, Some(3.0));
    let reading = read(&m);
    assert!(close(reading.posteriors[0], 0.75));
}

#[test]
fn priors_not_summing_to_one_are_a_warning_and_normalised() {
    let mut m = matrix(2, &[]);
    m.hypotheses_mut()[0].prior = Probability::new(0.6);
    m.hypotheses_mut()[1].prior = Probability::new(0.6);
    let reading = read(&m);
    assert_eq!(reading.priors, [0.5, 0.5]);
    assert_eq!(reading.findings, [Finding::PriorsNotOne { sum: 1.2 }]);
}

#[test]
fn a_missing_prior_takes_one_over_n() {
    let mut m = matrix(2, &[]);
    m.hypotheses_mut()[0].prior = Probability::new(0.5);
    assert_eq!(read(&m).priors, [0.5, 0.5]);
    assert!(read(&m).findings.is_empty());
}

#[test]
fn all_zero_priors_fall_back_to_uniform() {
    let mut m = matrix(2, &[]);
    for h in m.hypotheses_mut() {
        h.prior = Probability::new(0.0);
    }
    let reading = read(&m);
    assert_eq!(reading.posteriors, [0.5, 0.5]);
    assert_eq!(reading.findings, [Finding::PriorsAllZero]);
}

#[test]
fn a_zero_prior_stays_zero_whatever_the_evidence() {
    let mut m = matrix(
        2,
        &[(
            MEDIUM,
            MEDIUM,
            &[Some(VeryConsistent), Some(VeryInconsistent)],
        )],
    );
    m.hypotheses_mut()[0].prior = Probability::new(0.0);
    m.hypotheses_mut()[1].prior = Probability::new(1.0);
    assert_eq!(read(&m).posteriors, [0.0, 1.0]);
}

#[test]
fn not_exhaustive_turns_normalisation_into_a_warning() {
    let mut m = matrix(2, &[]);
    m.exhaustive = Some(false);
    assert_eq!(read(&m).findings, [Finding::NotExhaustive]);
}

#[test]
fn twenty_thousand_ii_items_stay_finite() {
    let rows: Vec<(Level, Level, &[Option<Rating>])> = (0..20_000)
        .map(|_| {
            (
                Level::High,
                Level::High,
                &[Some(VeryInconsistent), Some(Neutral), None][..],
            )
        })
        .collect();
    let reading = read(&matrix(3, &rows));
    // Direct products would be 4^-40000 = 0 for H1 and exactly 1 for the
    // others; the logs keep H1 at 0 and split the rest evenly.
    assert!(reading.posteriors.iter().all(|p| p.is_finite()));
    assert_eq!(reading.posteriors, [0.0, 0.5, 0.5]);
    let rows: Vec<(Level, Level, &[Option<Rating>])> = (0..20_000)
        .map(|_| {
            (
                Level::High,
                Level::High,
                &[Some(VeryConsistent), Some(Consistent)][..],
            )
        })
        .collect();
    // 4^40000 overflows f64 on its own; normalised it is a certainty.
    assert_eq!(read(&matrix(2, &rows)).posteriors, [1.0, 0.0]);
}

#[test]
fn judged_values_summing_to_one_are_coherent() {
    let mut m = matrix(2, &[]);
    m.hypotheses_mut()[0].probability = Probability::new(0.6);
    m.hypotheses_mut()[1].probability = Probability::new(0.395);
    let reading = read(&m);
    assert_eq!(reading.coherence.coherent, Some(true));
    assert!(close(reading.coherence.judged_sum.unwrap(), 0.995));
    assert_eq!(reading.coherence.normalised, None);
}

#[test]
fn incoherent_judged_values_show_their_sum_and_normalised_version() {
    let mut m = matrix(2, &[]);
    m.hypotheses_mut()[0].probability = Probability::new(0.6);
    m.hypotheses_mut()[1].probability = Probability::new(0.6);
    let reading = read(&m);
    assert_eq!(reading.coherence.coherent, Some(false));
    assert_eq!(reading.coherence.normalised, Some(vec![0.5, 0.5]));
    assert_eq!(
        reading.findings[0].to_string(),
        "the judged probabilities sum to 1.20, not 1; coherent (normalised): 0.50, 0.50"
    );
}

#[test]
fn with_hypotheses_not_exhaustive_judged_values_may_sum_below_one() {
    let mut m = matrix(2, &[]);
    m.exhaustive = Some(false);
    m.hypotheses_mut()[0].probability = Probability::new(0.3);
    m.hypotheses_mut()[1].probability = Probability::new(0.3);
    assert_eq!(read(&m).coherence.coherent, Some(true));
}

#[test]
fn missing_judged_values_leave_coherence_unknown() {
    let mut m = matrix(3, &[]);
    m.hypotheses_mut()[0].probability = Probability::new(0.3);
    let reading = read(&m);
    assert_eq!(reading.coherence.coherent, None);
    assert_eq!(
        reading.findings,
        [Finding::JudgedMissing {
            hypotheses: vec!["H2".into(), "H3".into()]
        }]
    );
    // ... unless the given ones already exceed 1.
    m.hypotheses_mut()[1].probability = Probability::new(0.9);
    assert_eq!(read(&m).coherence.coherent, Some(false));
}

#[test]
fn a_judged_value_far_from_the_posterior_is_a_question() {
    let mut m = matrix(2, &[(MEDIUM, MEDIUM, &[Some(VeryInconsistent), None])]);
    // The model gives H1 0.2; 0.5 is 0.3 away, 0.4 only 0.2.
    m.hypotheses_mut()[0].probability = Probability::new(0.5);
    m.hypotheses_mut()[1].probability = Probability::new(0.5);
    let reading = read(&m);
    let questions: Vec<&Finding> = reading
        .findings
        .iter()
        .filter(|f| f.is_question())
        .collect();
    assert_eq!(questions.len(), 2, "{:?}", reading.findings);
    m.hypotheses_mut()[0].probability = Probability::new(0.4);
    m.hypotheses_mut()[1].probability = Probability::new(0.6);
    assert!(read(&m).findings.is_empty());
}

/// The README's worked example ("Probabilities"), computed: if this fails,
/// the README must change with the code.
#[test]
fn the_readme_example_reproduces() {
    let mut m = matrix(
        3,
        &[
            (
                MEDIUM,
                MEDIUM,
                &[Some(Consistent), Some(Inconsistent), Some(Neutral)],
            ),
            (
                Level::High,
                Level::High,
                &[Some(Neutral), Some(VeryInconsistent), Some(Consistent)],
            ),
        ],
    );
    m.hypotheses_mut()[0].prior = Probability::new(0.5);
    m.hypotheses_mut()[1].prior = Probability::new(0.25);
    m.hypotheses_mut()[2].prior = Probability::new(0.25);
    m.hypotheses_mut()[0].probability = Probability::new(0.7);
    m.hypotheses_mut()[1].probability = Probability::new(0.2);
    m.hypotheses_mut()[2].probability = Probability::new(0.2);
    let reading = read(&m);
    // H1: 0.5 × 2 × 1² = 1; H2: 0.25 × ½ × (¼)² = 1/128; H3: 0.25 × 1 × 2² = 1.
    // Sum 257/128, so H1 = H3 = 128/257 and H2 = 1/257.
    let expected = [128.0 / 257.0, 1.0 / 257.0, 128.0 / 257.0];
    for (got, want) in reading.posteriors.iter().zip(expected) {
        assert!(close(*got, want), "{got} vs {want}");
    }
    let rounded: Vec<String> = reading
        .posteriors
        .iter()
        .map(|p| format!("{p:.3}"))
        .collect();
    assert_eq!(rounded, ["0.498", "0.004", "0.498"]);
    let words: Vec<&str> = reading
        .posteriors
        .iter()
        .map(|&p| estimative_word(p))
        .collect();
    assert_eq!(
        words,
        [
            "roughly even chance",
            "almost no chance",
            "roughly even chance"
        ]
    );
    assert!(close(reading.coherence.judged_sum.unwrap(), 1.1));
    assert_eq!(reading.coherence.coherent, Some(false));
    let coherent: Vec<String> = reading
        .coherence
        .normalised
        .unwrap()
        .iter()
        .map(|p| format!("{p:.2}"))
        .collect();
    assert_eq!(coherent, ["0.64", "0.18", "0.18"]);
    let questions: Vec<String> = reading
        .findings
        .iter()
        .filter(|f| f.is_question())
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        questions,
        [
            "H3: you judge 0.20 but the model gives 0.50; what do you know that the matrix does not say?"
        ]
    );
}

proptest! {
    #[test]
    fn posteriors_sum_to_one(matrix in arbitrary_matrix()) {
        let reading = read(&matrix);
        if !matrix.hypotheses().is_empty() {
            let sum: f64 = reading.posteriors.iter().sum();
            prop_assert!((sum - 1.0).abs() < 1e-9, "{sum}");
            prop_assert!(reading.posteriors.iter().all(|p| (0.0..=1.0).contains(p)));
        }
    }

    #[test]
    fn a_row_rated_the_same_everywhere_changes_nothing(
        n in 1usize..6,
        rating in proptest::option::of(proptest::sample::select(Rating::ALL.to_vec())),
        credibility in proptest::sample::select(Level::ALL.to_vec()),
        relevance in proptest::sample::select(Level::ALL.to_vec()),
    ) {
        let row = vec![rating; n];
        let reading = read(&matrix(n, &[(credibility, relevance, &row)]));
        for p in &reading.posteriors {
            prop_assert!((p - 1.0 / n as f64).abs() < 1e-12);
        }
    }

    #[test]
    fn a_uniform_row_leaves_any_reading_unchanged(
        matrix in arbitrary_matrix(),
        rating in proptest::sample::select(Rating::ALL.to_vec()),
    ) {
        let before = read(&matrix).posteriors;
        let mut more = matrix.clone();
        let row = more.push_evidence(Evidence::new("uniform", "same everywhere"));
        for column in 0..more.hypotheses().len() {
            more.set_rating(row, column, Some(rating));
        }
        let after = read(&more).posteriors;
        for (a, b) in before.iter().zip(&after) {
            prop_assert!((a - b).abs() < 1e-9, "{a} vs {b}");
        }
    }

    #[test]
    fn coherent_versions_sum_to_one(matrix in arbitrary_matrix()) {
        if let Some(normalised) = read(&matrix).coherence.normalised {
            let sum: f64 = normalised.iter().sum();
            prop_assert!((sum - 1.0).abs() < 1e-9);
        }
    }
}

#[test]
fn an_item_set_aside_contributes_nothing() {
    let mut m = matrix(2, &[(MEDIUM, MEDIUM, &[Some(VeryInconsistent), None])]);
    m.evidence_mut()[0].set_aside = crate::model::SetAside::Aside { reason: None };
    assert_eq!(read(&m).posteriors, [0.5, 0.5]);
}
