//! Load, score and save a large matrix: 50 hypotheses × 5,000 evidence
//! items, every cell rated, with text of realistic lengths.
//!
//! Targets: load + score under 50 ms, score alone under 1 ms, save under
//! 50 ms. `toml::from_str::<toml::Table>` of the same text is measured as
//! the floor: the toml crate's own parse, below which loading cannot go
//! without a different parser.
//!
//! Run with `cargo bench --bench core`.

use std::hint::black_box;
use std::time::Duration;

use ach_workbench::model::Matrix;
use ach_workbench::scoring::score;
use ach_workbench::storage::{load_matrix, matrix_from_str, matrix_to_toml};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use generated_matrix::Shape;

#[path = "support/generated_matrix.rs"]
mod generated_matrix;

const HYPOTHESES: usize = 50;
const EVIDENCE: usize = 5_000;

fn generated_matrix() -> Matrix {
    generated_matrix::generated_matrix(&Shape {
        hypotheses: HYPOTHESES,
        evidence: EVIDENCE,
        title_bytes: 40,
        document: "seeds/report.txt",
        document_bytes: 50_000,
        analyst: "benches/core.rs",
    })
}

fn benchmarks(c: &mut Criterion) {
    let matrix = generated_matrix();
    let text = matrix_to_toml(&matrix);
    assert_eq!(
        matrix_from_str(&text).expect("the generated file is valid"),
        matrix,
        "the generated matrix round-trips"
    );
    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join("generated.toml");
    std::fs::write(&path, &text).unwrap();
    eprintln!(
        "generated matrix: {} hypotheses × {} evidence items, {:.1} MiB of TOML",
        matrix.hypotheses().len(),
        matrix.evidence().len(),
        text.len() as f64 / (1024.0 * 1024.0)
    );

    let mut group = c.benchmark_group("50x5000");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(6))
        .throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("floor: toml::from_str::<toml::Table>", |b| {
        b.iter(|| toml::from_str::<toml::Table>(black_box(&text)).unwrap())
    });
    group.bench_function("parse: matrix_from_str", |b| {
        b.iter(|| matrix_from_str(black_box(&text)).unwrap())
    });
    group.bench_function("parse + score", |b| {
        b.iter(|| score(&matrix_from_str(black_box(&text)).unwrap()))
    });
    group.bench_function("load + score: load_matrix from disk", |b| {
        b.iter(|| score(&load_matrix(black_box(&path)).unwrap()))
    });
    group.bench_function("save: matrix_to_toml", |b| {
        b.iter(|| matrix_to_toml(black_box(&matrix)))
    });
    group
        .sample_size(100)
        .throughput(Throughput::Elements((HYPOTHESES * EVIDENCE) as u64));
    group.bench_function("score", |b| b.iter(|| score(black_box(&matrix))));
    group.finish();
}

criterion_group!(benches, benchmarks);
criterion_main!(benches);
