//! Items and hypotheses the analyst set aside are marked in every export
//! that lists them, read back by the consumers a reader would use: the
//! `csv` crate for CSV and an HTML parser for HTML (the JSON and xlsx
//! marks are read back in tests/json_schema.rs and tests/export_xlsx.rs).

use ach_workbench::export::{ExportContext, Format, export};
use ach_workbench::model::{Evidence, Hypothesis, Matrix, Rating, SetAside};
use chrono::NaiveDate;
use scraper::{Html, Selector};

/// H2 set aside with a reason, E2 with one and E3 without.
fn matrix() -> Matrix {
    let mut matrix = Matrix::new("Set aside, not deleted");
    matrix.push_hypothesis(Hypothesis::new("H1", "Kept"));
    let mut doubted = Hypothesis::new("H2", "Doubted");
    doubted.set_aside = SetAside::Aside {
        reason: Some("merged into H1".to_owned()),
    };
    matrix.push_hypothesis(doubted);
    matrix.push_evidence(Evidence::new("E1", "A ledger"));
    let mut letter = Evidence::new("E2", "A letter");
    letter.set_aside = SetAside::Aside {
        reason: Some("forged, <says the lab>".to_owned()),
    };
    matrix.push_evidence(letter);
    let mut rumour = Evidence::new("E3", "A rumour");
    rumour.set_aside = SetAside::Aside { reason: None };
    matrix.push_evidence(rumour);
    for row in 0..3 {
        matrix.set_rating(row, 0, Some(Rating::Consistent));
        matrix.set_rating(row, 1, Some(Rating::Inconsistent));
    }
    matrix
}

fn exported(format: Format) -> String {
    let context = ExportContext::new(NaiveDate::from_ymd_opt(2026, 12, 3).unwrap());
    export(&matrix(), format, &context)
}

#[test]
fn csv_has_set_aside_columns_for_items_and_rows_for_hypotheses() {
    let text = exported(Format::Csv);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|header| header == name)
            .unwrap_or_else(|| panic!("no column {name} in {headers:?}"))
    };
    let (mark, reason) = (column("set_aside"), column("set_aside_reason"));
    let h1 = column("H1: Kept");
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let items: Vec<(&str, &str, &str)> = records[..3]
        .iter()
        .map(|record| (&record[0], &record[mark], &record[reason]))
        .collect();
    assert_eq!(
        items,
        [
            ("E1", "", ""),
            ("E2", "yes", "forged, <says the lab>"),
            ("E3", "yes", "")
        ]
    );
    let row = |label: &str| {
        records
            .iter()
            .find(|record| &record[0] == label)
            .unwrap_or_else(|| panic!("no row {label}"))
    };
    let marks: Vec<&str> = row("set aside").iter().skip(h1).collect();
    assert_eq!(marks, ["", "yes"]);
    let reasons: Vec<&str> = row("set aside reason").iter().skip(h1).collect();
    assert_eq!(reasons, ["", "merged into H1"]);
    // Set aside, H2 is not ranked.
    let ranks: Vec<&str> = row("rank").iter().skip(h1).collect();
    assert_eq!(ranks, ["1", "0"]);
}

fn texts(page: &Html, css: &str) -> Vec<String> {
    let selector = Selector::parse(css).unwrap();
    page.select(&selector)
        .map(|element| element.text().collect::<String>().trim().to_owned())
        .collect()
}

#[test]
fn html_strikes_through_and_marks_what_was_set_aside_with_its_reason() {
    let page = Html::parse_document(&exported(Format::Html));
    assert!(page.errors.is_empty(), "{:?}", page.errors);
    // The matrix: the rows and the column set aside, struck and marked.
    assert_eq!(
        texts(&page, "table.matrix > tbody > tr.set-aside > th"),
        ["E2", "E3"]
    );
    assert_eq!(
        texts(&page, "table.matrix > tbody > tr.set-aside s"),
        ["A letter", "A rumour"]
    );
    assert_eq!(
        texts(&page, "table.matrix > tbody .set-aside-mark"),
        ["(set aside: forged, <says the lab>)", "(set aside)"]
    );
    assert_eq!(
        texts(
            &page,
            "table.matrix th.hypothesis.set-aside .set-aside-mark"
        ),
        ["(set aside: merged into H1)"]
    );
    assert_eq!(
        texts(&page, "table.matrix th.hypothesis:not(.set-aside) s"),
        Vec::<String>::new()
    );
    // The legend says what the mark means.
    let legend = texts(&page, "p.legend").concat();
    assert!(legend.contains("left out of every score"), "{legend}");
    // The hypotheses table, the list by diagnosticity and the sources.
    assert_eq!(texts(&page, "table.hypotheses tr.set-aside > th"), ["H2"]);
    assert_eq!(
        texts(&page, "table.diagnosticity tr.set-aside > th"),
        ["E2", "E3"]
    );
    assert_eq!(
        texts(&page, "article.evidence.set-aside h3"),
        [
            "E2: A letter (set aside: forged, <says the lab>)",
            "E3: A rumour (set aside)"
        ]
    );
    // Nothing that counts is marked.
    let counted = texts(&page, "table.matrix > tbody > tr:not(.set-aside)").concat();
    assert!(!counted.contains("set aside"), "{counted}");
}

#[test]
fn without_anything_set_aside_no_mark_and_no_legend_for_it() {
    let mut matrix = matrix();
    matrix.hypotheses_mut()[1].set_aside = SetAside::Counted;
    for evidence in matrix.evidence_mut() {
        evidence.set_aside = SetAside::Counted;
    }
    let context = ExportContext::new(NaiveDate::from_ymd_opt(2026, 12, 3).unwrap());
    let html = export(&matrix, Format::Html, &context);
    assert!(!html.contains("set aside"), "{html}");
    assert!(!html.contains("<s>"), "{html}");
}
