//! Shared generators for property tests.

pub mod session;

use chrono::{DateTime, NaiveDate, Utc};
use proptest::prelude::*;

use crate::model::{
    Confidence, Estimative, Evidence, EvidenceKind, Hypothesis, Indicator, IndicatorStatus,
    Judgement, Level, LikelihoodOverrides, Matrix, Passage, Probability, Rating,
};

/// Text that exercises escaping: quotes, backslashes, newlines, control
/// characters, wide and right-to-left characters.
pub fn awkward_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ]{0,20}",
        "\\PC{0,30}",
        any::<String>(),
        Just("quote \" and ''' and \"\"\" and \\ backslash\nnew line\r\n\ttab".to_owned()),
        Just("العربية עברית 漢字 😀 e\u{301}".to_owned()),
    ]
}

fn rating() -> impl Strategy<Value = Option<Rating>> {
    prop_oneof![
        Just(None),
        proptest::sample::select(Rating::ALL.to_vec()).prop_map(Some)
    ]
}

fn level() -> impl Strategy<Value = Level> {
    proptest::sample::select(Level::ALL.to_vec())
}

fn timestamp() -> impl Strategy<Value = Option<DateTime<Utc>>> {
    proptest::option::of((
        0i64..4_000_000_000,
        prop_oneof![Just(0u32), 0u32..1_000_000_000],
    ))
    .prop_map(|t| t.and_then(|(secs, nanos)| DateTime::from_timestamp(secs, nanos)))
}

fn passage() -> impl Strategy<Value = Passage> {
    (
        "[a-z]{1,8}(/[a-z0-9_]{1,8}){0,2}(\\.txt)?",
        0usize..100_000,
        0usize..5_000,
        awkward_text(),
    )
        .prop_map(|(document, start, length, quote)| Passage {
            document,
            start,
            end: start + length,
            quote,
        })
}

fn evidence(columns: usize) -> impl Strategy<Value = (String, Evidence, Vec<Option<Rating>>)> {
    (
        awkward_text(),
        proptest::sample::select(EvidenceKind::ALL.to_vec()),
        level(),
        level(),
        proptest::option::of((1900i32..2100, 1u32..=12, 1u32..=28)),
        proptest::option::of(awkward_text()),
        proptest::option::of(passage()),
        proptest::collection::vec(rating(), columns),
    )
        .prop_map(
            |(summary, kind, credibility, relevance, date, notes, source, ratings)| {
                let mut evidence = Evidence::new("", summary.clone());
                evidence.kind = kind;
                evidence.credibility = credibility;
                evidence.relevance = relevance;
                evidence.date = date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
                evidence.notes = notes;
                evidence.source = source;
                (summary, evidence, ratings)
            },
        )
}

/// Matrices of up to 6 hypotheses and 12 evidence items with every field
/// exercised, valid as files (non-blank titles and summaries, unique ids).
pub fn arbitrary_matrix() -> impl Strategy<Value = Matrix> {
    (0usize..=6).prop_flat_map(|columns| {
        (
            awkward_text(),
            proptest::option::of(awkward_text()),
            proptest::option::of(awkward_text()),
            timestamp(),
            timestamp(),
            proptest::collection::vec(
                (
                    awkward_text(),
                    proptest::option::of(awkward_text()),
                    probability(),
                    probability(),
                    proptest::collection::vec(indicator(), 0..3),
                ),
                columns,
            ),
            proptest::collection::vec(evidence(columns), 0..12),
            (proptest::option::of(any::<bool>()), likelihood_overrides()),
            proptest::option::of(judgement(columns)),
        )
            .prop_map(
                |(
                    title,
                    question,
                    analyst,
                    created,
                    updated,
                    hypotheses,
                    rows,
                    settings,
                    judgement,
                )| {
                    let mut matrix = Matrix::new(non_blank(title));
                    matrix.question = question;
                    matrix.analyst = analyst;
                    matrix.created = created;
                    matrix.updated = updated;
                    (matrix.exhaustive, matrix.likelihood) = settings;
                    matrix.judgement = judgement.flatten();
                    for (n, (title, description, prior, probability, indicators)) in
                        hypotheses.into_iter().enumerate()
                    {
                        let mut hypothesis =
                            Hypothesis::new(format!("H{}", n + 1), non_blank(title));
                        hypothesis.description = description;
                        hypothesis.prior = prior;
                        hypothesis.probability = probability;
                        hypothesis.indicators = indicators;
                        matrix.push_hypothesis(hypothesis);
                    }
                    for (n, (summary, mut evidence, ratings)) in rows.into_iter().enumerate() {
                        evidence.id = format!("E{}", n + 1);
                        evidence.summary = non_blank(summary);
                        let row = matrix.push_evidence(evidence);
                        for (column, rating) in ratings.into_iter().enumerate() {
                            matrix.set_rating(row, column, rating);
                        }
                    }
                    matrix
                },
            )
    })
}

fn indicator() -> impl Strategy<Value = Indicator> {
    (
        awkward_text(),
        proptest::option::of((1900i32..2100, 1u32..=12, 1u32..=28)),
        proptest::sample::select(IndicatorStatus::ALL.to_vec()),
    )
        .prop_map(|(text, by, status)| Indicator {
            text: non_blank(text),
            expected_by: by.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
            status,
        })
}

/// A judgement on one of `columns` hypotheses (`None` when there are none
/// to judge).
fn judgement(columns: usize) -> impl Strategy<Value = Option<Judgement>> {
    (
        0..columns.max(1),
        proptest::sample::select(Confidence::ALL.to_vec()),
        proptest::option::of(proptest::sample::select(Estimative::ALL.to_vec())),
        proptest::option::of(awkward_text()),
    )
        .prop_map(move |(column, confidence, estimate, rationale)| {
            (columns > 0).then(|| Judgement {
                hypothesis: format!("H{}", column + 1),
                confidence,
                estimate,
                rationale,
            })
        })
}

/// A probability as a file may hold one: awkward decimals, 0 and 1.
fn probability() -> impl Strategy<Value = Option<Probability>> {
    proptest::option::of(prop_oneof![Just(0.0), Just(1.0), 0.0..=1.0f64])
        .prop_map(|p| p.and_then(Probability::new))
}

fn likelihood_overrides() -> impl Strategy<Value = LikelihoodOverrides> {
    proptest::collection::vec(proptest::option::of(1e-6..1e6f64), Rating::ALL.len()).prop_map(
        |ratios| {
            let mut table = LikelihoodOverrides::default();
            for (rating, ratio) in Rating::ALL.into_iter().zip(ratios) {
                table.set(rating, ratio);
            }
            table
        },
    )
}

fn non_blank(text: String) -> String {
    if text.trim().is_empty() {
        format!("x{text}")
    } else {
        text
    }
}
