//! Every export format of the sample matrix `tests/golden/sample.toml`,
//! held as insta snapshots, and the CSV and HTML read back by real parsers.
//!
//! After an intended change, `cargo insta review` (or `cargo insta test
//! --accept --test export_golden`) and review the diff.

use std::path::Path;

use ach_workbench::export::{CSV_EVIDENCE_COLUMNS, ExportContext, Format, export};
use ach_workbench::model::{Matrix, Rating};
use ach_workbench::storage::load_matrix;
use ach_workbench::workspace::Workspace;
use chrono::NaiveDate;
use scraper::{Html, Selector};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The sample matrix (a copy of a matrix in `hypotheses/`, so editing the
/// samples does not move the snapshots) and its export.
fn sample() -> Matrix {
    load_matrix(&root().join("tests/golden/sample.toml")).unwrap()
}

fn exported(format: Format) -> String {
    // The repository is the workspace: the passages quote `seeds/`.
    let workspace = Workspace::new(root());
    let context = ExportContext::new(NaiveDate::from_ymd_opt(2026, 2, 20).unwrap())
        .with_workspace(&workspace);
    export(&sample(), format, &context)
}

/// The export of the sample in `format`, as an insta snapshot
/// (`tests/snapshots/export_golden__sample.EXT.snap`).
fn assert_golden(format: Format) {
    insta::assert_snapshot!(format!("sample.{}", format.extension()), exported(format));
}

#[test]
fn markdown_matches_its_snapshot() {
    assert_golden(Format::Markdown);
}

#[test]
fn html_matches_its_snapshot() {
    assert_golden(Format::Html);
}

#[test]
fn csv_matches_its_snapshot() {
    assert_golden(Format::Csv);
}

#[test]
fn json_matches_its_snapshot() {
    assert_golden(Format::Json);
}

#[test]
fn brief_matches_its_snapshot() {
    assert_golden(Format::Brief);
}

#[test]
fn csv_reads_back_with_one_row_per_item_and_the_matrix_ratings() {
    let matrix = sample();
    let text = exported(Format::Csv);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let first_rating = CSV_EVIDENCE_COLUMNS.len();
    assert_eq!(headers.len(), first_rating + matrix.hypotheses().len());
    for (column, hypothesis) in matrix.hypotheses().iter().enumerate() {
        assert_eq!(
            &headers[first_rating + column],
            format!("{}: {}", hypothesis.id, hypothesis.title)
        );
    }
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let (items, rest) = records.split_at(matrix.evidence().len());
    for (record, evidence) in items.iter().zip(matrix.evidence()) {
        assert_eq!(&record[0], evidence.id);
        assert_eq!(&record[1], evidence.summary);
        for (column, cell) in record.iter().skip(first_rating).enumerate() {
            let rating = (!cell.is_empty()).then(|| cell.parse::<Rating>().unwrap());
            assert_eq!(rating, evidence.rating(column), "{} {column}", evidence.id);
        }
    }
    // A blank row, then the scores and the probability reading under each
    // hypothesis.
    assert!(rest[0].iter().all(str::is_empty));
    let labels: Vec<&str> = rest[1..].iter().map(|record| &record[0]).collect();
    assert_eq!(
        labels,
        [
            "rank",
            "inconsistency",
            "weighted inconsistency",
            "weighted consistency",
            "unrated",
            "prior",
            "model posterior",
            "judged",
            "coherent",
            "set aside",
            "set aside reason"
        ]
    );
    let ranks: Vec<&str> = rest[1].iter().skip(first_rating).collect();
    assert_eq!(ranks, ["4", "1", "3", "2"]);
}

#[test]
fn html_has_one_row_per_item_and_one_column_per_hypothesis() {
    let matrix = sample();
    let html = Html::parse_document(&exported(Format::Html));
    assert!(html.errors.is_empty(), "{:?}", html.errors);
    let select = |css: &str| Selector::parse(css).unwrap();
    let rows: Vec<_> = html.select(&select("table.matrix > tbody > tr")).collect();
    assert_eq!(rows.len(), matrix.evidence().len());
    let columns = html
        .select(&select("table.matrix > thead th.hypothesis"))
        .count();
    assert_eq!(columns, matrix.hypotheses().len());
    for (row, evidence) in rows.iter().zip(matrix.evidence()) {
        let cells: Vec<String> = row
            .select(&select("td.rating"))
            .map(|cell| cell.text().collect())
            .collect();
        let expected: Vec<&str> = (0..matrix.hypotheses().len())
            .map(|column| evidence.rating(column).map_or("·", Rating::code))
            .collect();
        assert_eq!(cells, expected);
    }
    // Self-contained: no scripts, no external resources.
    assert_eq!(html.select(&select("script, link, img, iframe")).count(), 0);
    assert!(!exported(Format::Html).contains("http"));
    // Four hypotheses print in landscape.
    assert!(exported(Format::Html).contains("@page { size: landscape; }"));
}

#[test]
fn json_holds_scores_in_file_order_and_the_ranking() {
    let value: serde_json::Value = serde_json::from_str(&exported(Format::Json)).unwrap();
    assert_eq!(value["export_schema"], 1);
    assert_eq!(value["generated"], "2026-02-20");
    let ids: Vec<&str> = value["hypotheses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["H1", "H2", "H3", "H4"]);
    assert_eq!(
        value["ranking"],
        serde_json::json!(["H2", "H4", "H3", "H1"])
    );
    let first = &value["evidence"][0];
    assert_eq!(first["source"]["line"], 4);
    assert_eq!(first["ratings"]["H3"], "I");
}
