//! Every export of a 50 × 20,000 matrix (issue 10, case 9: the brief was
//! quadratic in the evidence count, about 90 s at this size, and `X` →
//! brief froze the workbench as long).
//!
//! Two matrices:
//! - the generated one the other benches use, every cell rated, a passage
//!   on every second item, into a document in a real workspace that holds
//!   every quote (so each export finds each passage's line);
//! - a lead on a knife edge: H1 and H2 tied, each item counting against
//!   one of them, so every one of the 20,000 items is critical and the
//!   brief says for each what the ranking would be without it (the worst
//!   case for the brief's counterfactual section).
//!
//! Run short on a shared machine:
//! `cargo bench --bench export -- --warm-up-time 1 --measurement-time 5`

use std::hint::black_box;
use std::time::Duration;

use ach_workbench::export::{ExportContext, Format, export, export_xlsx};
use ach_workbench::model::{Evidence, Hypothesis, Matrix, Rating};
use ach_workbench::scoring::{score, sensitivity};
use ach_workbench::workspace::Workspace;
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use generated_matrix::{Random, Shape};

#[path = "support/generated_matrix.rs"]
mod generated_matrix;

const HYPOTHESES: usize = 50;
const EVIDENCE: usize = 20_000;
const DOCUMENT: &str = "seeds/report.txt";
const DOCUMENT_BYTES: usize = 50_000;

/// Lines of ~80 bytes of words, `DOCUMENT_BYTES` long.
fn document() -> String {
    let mut random = Random(7);
    let mut text = String::with_capacity(DOCUMENT_BYTES + 100);
    while text.len() < DOCUMENT_BYTES {
        text.push_str(&random.text(80));
        text.push('\n');
    }
    text.truncate(DOCUMENT_BYTES);
    while !text.is_char_boundary(text.len()) {
        text.pop();
    }
    text
}

/// The generated matrix, each passage quoting what `document` holds at
/// its offsets.
fn generated(document: &str) -> Matrix {
    let mut matrix = generated_matrix::generated_matrix(&Shape {
        hypotheses: HYPOTHESES,
        evidence: EVIDENCE,
        title_bytes: 40,
        document: DOCUMENT,
        document_bytes: document.len(),
        analyst: "benches/export.rs",
    });
    let boundary = |mut offset: usize| {
        while !document.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    };
    for evidence in matrix.evidence_mut() {
        if let Some(passage) = evidence.source.as_mut() {
            passage.start = boundary(passage.start);
            passage.end = boundary(passage.end).max(passage.start);
            passage.quote = document[passage.start..passage.end].to_owned();
        }
    }
    matrix
}

/// H1 and H2 tied for the lead, every item against one of them (and II
/// against all the others): removing any one item breaks the tie.
fn knife_edge() -> Matrix {
    let mut matrix = Matrix::new("A lead on a knife edge");
    for n in 1..=HYPOTHESES {
        matrix.push_hypothesis(Hypothesis::new(format!("H{n}"), format!("hypothesis {n}")));
    }
    for n in 0..EVIDENCE {
        let row = matrix.push_evidence(Evidence::new(format!("E{n}"), "an item"));
        for column in 0..HYPOTHESES {
            let rating = match column {
                0 | 1 if column == n % 2 => Rating::Inconsistent,
                0 | 1 => Rating::Neutral,
                _ => Rating::VeryInconsistent,
            };
            matrix.set_rating(row, column, Some(rating));
        }
    }
    matrix
}

fn benchmarks(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("seeds")).unwrap();
    let text = document();
    std::fs::write(dir.path().join(DOCUMENT), &text).unwrap();
    let workspace = Workspace::new(dir.path());
    let context =
        ExportContext::new(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()).with_workspace(&workspace);

    let matrix = generated(&text);
    let brief = export(&matrix, Format::Brief, &context);
    // Half the items have no passage; every passage there is must be found.
    assert!(
        brief.contains("### Source passages") && !brief.contains("Passages not found"),
        "every passage is found, so each export locates its line"
    );
    let mut group = c.benchmark_group("export 50x20000");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    for format in Format::ALL {
        group.bench_function(format.name(), |b| {
            b.iter(|| export(black_box(&matrix), format, &context))
        });
    }
    group.bench_function("xlsx", |b| {
        b.iter(|| export_xlsx(black_box(&matrix), &context).unwrap())
    });
    // The floor: what every export computes before it writes a byte.
    group.bench_function("floor: score + sensitivity", |b| {
        b.iter(|| {
            let scores = score(black_box(&matrix));
            sensitivity(&matrix, &scores)
        })
    });
    group.finish();

    let edge = knife_edge();
    let brief = export(&edge, Format::Brief, &context);
    assert!(
        brief.contains("removing any one of E0, E1, E2, E3, E4, E5, E6, E7, E8, E9 and 19990 more"),
        "every item decides the lead"
    );
    let mut group = c.benchmark_group("knife edge 50x20000 (every item critical)");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    group.bench_function("brief", |b| {
        b.iter(|| export(black_box(&edge), Format::Brief, &context))
    });
    // The report's bottom line rescores without each item, as the brief does.
    group.bench_function("html", |b| {
        b.iter(|| export(black_box(&edge), Format::Html, &context))
    });
    group.finish();
}

criterion_group!(benches, benchmarks);
criterion_main!(benches);
