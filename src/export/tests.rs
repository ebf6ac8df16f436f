//! Properties every export keeps, whatever the matrix holds.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::test_support::arbitrary_matrix;

fn context() -> ExportContext<'static> {
    ExportContext::new(NaiveDate::from_ymd_opt(2026, 2, 20).unwrap())
}

/// The `|` of a line not escaped by a backslash: the cell borders of a
/// GFM table row.
fn unescaped_pipes(line: &str) -> usize {
    let mut pipes = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '|' => pipes += 1,
            _ => {}
        }
    }
    pipes
}

/// Every table of `markdown` has as many cells in each row as in its
/// header; and no line that is not ours starts a table.
pub(super) fn assert_tables_keep_their_columns(markdown: &str) {
    let mut expected: Option<usize> = None;
    for line in markdown.lines() {
        if line.starts_with('|') {
            let cells = unescaped_pipes(line) - 1;
            match expected {
                None => expected = Some(cells),
                Some(count) => assert_eq!(cells, count, "row {line:?}"),
            }
        } else {
            expected = None;
            assert_eq!(unescaped_pipes(line), 0, "a pipe outside a table: {line:?}");
        }
    }
}

#[test]
fn names_and_extensions() {
    for format in Format::ALL {
        assert_eq!(format.name().parse::<Format>(), Ok(format));
        let path = Target::Report(format).path_beside(std::path::Path::new("hypotheses/m.toml"));
        assert_eq!(Format::from_path(&path), Some(format), "{path:?}");
    }
    assert_eq!(
        Target::Report(Format::Brief).path_beside(std::path::Path::new("a/m.toml")),
        std::path::PathBuf::from("a/m.brief.md")
    );
    assert!("pdf".parse::<Format>().is_err());
}

#[test]
fn an_empty_matrix_exports_in_every_format() {
    let matrix = crate::model::Matrix::new("Empty");
    for format in Format::ALL {
        let text = export(&matrix, format, &context());
        // CSV rows are evidence items and scores; it has no title row.
        assert!(
            format == Format::Csv || text.contains("Empty"),
            "{format}: {text}"
        );
    }
    let brief = export(&matrix, Format::Brief, &context());
    assert!(brief.contains("The matrix has no hypotheses"), "{brief}");
}

#[test]
fn the_markdown_matrix_marks_set_aside_items_and_hypotheses() {
    use crate::model::{Evidence, Hypothesis, SetAside};
    let mut matrix = crate::model::Matrix::new("Aside");
    matrix.push_hypothesis(Hypothesis::new("H1", "Kept"));
    let mut doubted = Hypothesis::new("H2", "Doubted");
    doubted.set_aside = SetAside::Aside { reason: None };
    matrix.push_hypothesis(doubted);
    let mut forged = Evidence::new("E1", "A letter");
    forged.set_aside = SetAside::Aside {
        reason: Some("forged".to_owned()),
    };
    matrix.push_evidence(forged);
    matrix.push_evidence(Evidence::new("E2", "A ledger"));
    let text = export(&matrix, Format::Markdown, &context());
    assert!(text.contains("A letter (set aside: forged)"), "{text}");
    // In the matrix, the list by diagnosticity and the sources.
    assert_eq!(
        text.matches("A letter (set aside: forged)").count(),
        3,
        "{text}"
    );
    assert!(
        text.contains("### E1: A letter (set aside: forged)"),
        "{text}"
    );
    assert!(text.contains("H2 (set aside)"), "{text}");
    assert!(!text.contains("A ledger (set aside"), "{text}");
    assert_tables_keep_their_columns(&text);
}

#[test]
fn a_hypothesis_rated_against_nothing_has_no_rank_in_the_scores_and_the_brief() {
    use crate::model::{Evidence, Hypothesis, Rating};
    let mut matrix = crate::model::Matrix::new("Unrated");
    matrix.push_hypothesis(Hypothesis::new("H1", "Brand new"));
    matrix.push_hypothesis(Hypothesis::new("H2", "Rated"));
    matrix.push_evidence(Evidence::new("E1", "An item"));
    matrix.set_rating(0, 1, Some(Rating::Inconsistent));
    // H1 sorts first on zero inconsistency: the premise.
    assert_eq!(crate::scoring::score(&matrix).ranking, [0, 1]);
    let markdown = export(&matrix, Format::Markdown, &context());
    assert!(markdown.contains("| – | H1 | Brand new |"), "{markdown}");
    assert!(markdown.contains("| 1 | H2 | Rated |"), "{markdown}");
    let brief = export(&matrix, Format::Brief, &context());
    assert!(brief.contains("### –. H1: Brand new"), "{brief}");
    assert!(brief.contains("Not ranked (no rating of it"), "{brief}");
    assert!(brief.contains("### 1. H2: Rated"), "{brief}");
    // Listed after the ranked ones, not at the head of the table.
    let at = |text: &str, what: &str| text.find(what).unwrap_or_else(|| panic!("{what}"));
    assert!(
        at(&markdown, "| 1 | H2 |") < at(&markdown, "| – | H1 |"),
        "{markdown}"
    );
    assert!(at(&brief, "### 1. H2") < at(&brief, "### –. H1"), "{brief}");
    let html = export(&matrix, Format::Html, &context());
    let scores = &html[at(&html, "<section id=\"scores\">")..];
    assert!(at(scores, ">H2") < at(scores, ">H1"), "{scores}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn markdown_tables_keep_their_column_count(matrix in arbitrary_matrix()) {
        assert_tables_keep_their_columns(&export(&matrix, Format::Markdown, &context()));
        assert_tables_keep_their_columns(&export(&matrix, Format::Brief, &context()));
    }

    #[test]
    fn csv_has_one_row_per_item_then_scores_and_probabilities(matrix in arbitrary_matrix()) {
        let text = export(&matrix, Format::Csv, &context());
        let mut reader = ::csv::ReaderBuilder::new().from_reader(text.as_bytes());
        let width = CSV_EVIDENCE_COLUMNS.len() + matrix.hypotheses().len();
        prop_assert_eq!(reader.headers().unwrap().len(), width);
        let records: Vec<::csv::StringRecord> =
            reader.records().map(|record| record.unwrap()).collect();
        // Items, a blank row, five score rows, four probability rows and
        // two set-aside rows.
        prop_assert_eq!(records.len(), matrix.evidence().len() + 1 + 5 + 4 + 2);
        for (record, evidence) in records.iter().zip(matrix.evidence()) {
            for (column, cell) in record.iter().skip(CSV_EVIDENCE_COLUMNS.len()).enumerate() {
                prop_assert_eq!(cell, evidence.rating(column).map_or("", |r| r.code()));
            }
        }
    }

    #[test]
    fn json_parses_and_keeps_every_item(matrix in arbitrary_matrix()) {
        let text = export(&matrix, Format::Json, &context());
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(value["evidence"].as_array().unwrap().len(), matrix.evidence().len());
        prop_assert_eq!(value["title"].as_str().unwrap(), matrix.title.as_str());
    }
}
