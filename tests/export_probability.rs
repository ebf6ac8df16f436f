//! Every export carries the probability reading (issue 12): the brief's
//! section after the bottom line (compared with a checked-in file), the
//! Markdown and HTML sections, the CSV rows and the JSON fields, on the
//! README's worked example (priors 0.5, 0.25, 0.25; judged 0.7, 0.2, 0.2).
//! The whole brief is an insta snapshot.

use std::path::Path;

use ach_workbench::export::{ExportContext, Format, export, export_xlsx};
use ach_workbench::model::Matrix;
use ach_workbench::storage::load_matrix;
use chrono::NaiveDate;
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn example() -> Matrix {
    load_matrix(&root().join("tests/fixtures/valid/warning-readme-probability.toml")).unwrap()
}

fn exported(matrix: &Matrix, format: Format) -> String {
    let context = ExportContext::new(NaiveDate::from_ymd_opt(2026, 2, 20).unwrap());
    export(matrix, format, &context)
}

/// The section of a Markdown document from `heading` to the next `## `.
fn section<'a>(text: &'a str, heading: &str) -> &'a str {
    let start = text
        .find(heading)
        .unwrap_or_else(|| panic!("no {heading} in\n{text}"));
    let rest = &text[start + heading.len()..];
    let end = rest.find("\n## ").map_or(rest.len(), |end| end + 1);
    &text[start..start + heading.len() + end]
}

#[test]
fn the_brief_puts_probabilities_right_after_the_bottom_line() {
    let brief = exported(&example(), Format::Brief);
    insta::assert_snapshot!("readme-probability.brief.md", brief);
    let bottom = brief.find("## Bottom line").unwrap();
    let probabilities = brief.find("## Probabilities").unwrap();
    let hypotheses = brief.find("## Competing hypotheses").unwrap();
    assert!(bottom < probabilities && probabilities < hypotheses);
    let section = section(&brief, "## Probabilities");
    for text in [
        // The caveat, the model and its ratios.
        "mutually exclusive and together exhaustive",
        "conditionally independent",
        "CC 4, C 2, N 1, NA 1, I 0.5, II 0.25",
        // 128/257 ≈ 0.498, 1/257 ≈ 0.004; 0.7/1.1, 0.2/1.1.
        "| H1 | First | 0.50 | 0.50 (roughly even chance) | 0.70 (likely) | 0.64 (likely) |",
        "| H2 | Second | 0.25 | 0.00 (almost no chance) | 0.20 (unlikely) | 0.18 (very unlikely) |",
        "| H3 | Third | 0.25 | 0.50 (roughly even chance) | 0.20 (unlikely) | 0.18 (very unlikely) |",
        "sum to 1.10, not 1: not coherent",
        "1 judged value is more than 0.25 from the model's posterior",
        "- **Warning:** the judged probabilities sum to 1.10, not 1; coherent (normalised): 0.64, 0.18, 0.18",
        "- **Question:** H3: you judge 0.20 but the model gives 0.50",
    ] {
        assert!(section.contains(text), "{text:?} missing from\n{section}");
    }
}

#[test]
fn a_matrix_without_judged_values_says_so() {
    let mut matrix = example();
    for hypothesis in matrix.hypotheses_mut() {
        hypothesis.probability = None;
    }
    let brief = exported(&matrix, Format::Brief);
    let section = section(&brief, "## Probabilities");
    assert!(
        section.contains("No hypothesis carries a judged probability"),
        "{section}"
    );
    assert!(section.contains("| H1 | First | 0.50 | 0.50 (roughly even chance) | none | none |"));
    assert!(!section.contains("**Warning:**"), "{section}");
}

#[test]
fn a_matrix_without_hypotheses_has_nothing_to_give() {
    let brief = exported(&Matrix::new("empty"), Format::Brief);
    assert!(
        section(&brief, "## Probabilities")
            .contains("There are no hypotheses to give probabilities for.")
    );
}

#[test]
fn the_markdown_and_html_exports_carry_the_same_table() {
    let markdown = exported(&example(), Format::Markdown);
    let table = section(&markdown, "## Probabilities");
    assert!(
        table.contains(
            "| H1 | First | 0.50 | 0.50 (roughly even chance) | 0.70 (likely) | 0.64 (likely) |"
        ),
        "{table}"
    );
    let html = exported(&example(), Format::Html);
    let document = scraper::Html::parse_document(&html);
    let rows = scraper::Selector::parse("section#probabilities tbody tr").unwrap();
    let cells: Vec<Vec<String>> = document
        .select(&rows)
        .map(|row| {
            row.children()
                .filter_map(scraper::ElementRef::wrap)
                .map(|c| c.text().collect())
                .collect()
        })
        .collect();
    assert_eq!(
        cells[0],
        [
            "H1",
            "First",
            "0.50",
            "0.50 (roughly even chance)",
            "0.70 (likely)",
            "0.64 (likely)"
        ]
    );
    assert_eq!(cells.len(), 3);
    let findings = scraper::Selector::parse("section#probabilities ul.findings li").unwrap();
    assert_eq!(document.select(&findings).count(), 2);
}

#[test]
fn the_csv_has_a_row_per_probability() {
    let csv = exported(&example(), Format::Csv);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(csv.as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let row = |label: &str| -> Vec<String> {
        let row = rows
            .iter()
            .find(|r| r[0] == label)
            .unwrap_or_else(|| panic!("no {label} row"));
        row[row.len() - 3..].to_vec()
    };
    assert_eq!(row("prior"), ["0.50", "0.25", "0.25"]);
    assert_eq!(row("model posterior"), ["0.50", "0.00", "0.50"]);
    assert_eq!(row("judged"), ["0.70", "0.20", "0.20"]);
    assert_eq!(row("coherent"), ["0.64", "0.18", "0.18"]);
}

#[test]
fn the_json_export_carries_full_precision() {
    let json: Value = serde_json::from_str(&exported(&example(), Format::Json)).unwrap();
    let h = &json["hypotheses"];
    let close = |value: &Value, expected: f64| (value.as_f64().unwrap() - expected).abs() < 1e-12;
    assert!(close(&h[0]["posterior"], 128.0 / 257.0));
    assert!(close(&h[1]["posterior"], 1.0 / 257.0));
    assert!(close(&h[2]["posterior"], 128.0 / 257.0));
    assert!(close(&h[0]["coherent"], 0.7 / 1.1));
    assert_eq!(h[0]["posterior_words"], "roughly even chance");
    assert_eq!(h[1]["judged_words"], "unlikely");
    assert!(close(&json["coherence"]["judged_sum"], 1.1));
    assert_eq!(json["coherence"]["coherent"], false);
    let kinds: Vec<&str> = json["probability_findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["warning", "question"]);
    assert!(
        json["probability_caveat"]
            .as_str()
            .unwrap()
            .contains("conditionally independent")
    );
}

#[test]
fn the_spreadsheet_carries_the_probability_rows() {
    use calamine::{Reader, Xlsx};
    let context = ExportContext::new(NaiveDate::from_ymd_opt(2026, 2, 20).unwrap());
    let bytes = export_xlsx(&example(), &context).unwrap();
    let mut workbook: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let name = workbook.sheet_names()[0].clone();
    let range = workbook.worksheet_range(&name).unwrap();
    let row = |label: &str| -> Vec<String> {
        let row = range
            .rows()
            .find(|r| r[0] == label)
            .unwrap_or_else(|| panic!("no {label} row"));
        row[row.len() - 3..].iter().map(|c| c.to_string()).collect()
    };
    let posterior = row("model posterior");
    assert!((posterior[0].parse::<f64>().unwrap() - 128.0 / 257.0).abs() < 1e-12);
    assert_eq!(row("judged"), ["0.7", "0.2", "0.2"]);
}
