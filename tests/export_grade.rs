//! The Admiralty grade (`source_reliability`, `information_credibility`)
//! in every export, read back by the programs that read each format: the
//! csv crate, the `jsonschema` validator with docs/export.schema.json,
//! an HTML parser (scraper), calamine for the workbook. An ungraded item
//! has empty cells and `null`s, as the other optional fields do.

use std::io::Cursor;
use std::path::Path;

use assert_cmd::Command;
use calamine::{Data, Reader, Xlsx};
use scraper::{Html, Selector};
use serde_json::{Value, json};

/// E1 fully graded, E2 only its information, E3 ungraded.
const GRADED: &str = r#"schema = 1
title = "Graded"

[[hypotheses]]
id = "H1"
title = "Storm"

[[hypotheses]]
id = "H2"
title = "Strike"

[[evidence]]
id = "E1"
summary = "Harbour master's log"
source_reliability = "B"
information_credibility = 2
ratings = { H1 = "C", H2 = "I" }

[[evidence]]
id = "E2"
summary = "Rumour on the quay"
information_credibility = 4
ratings = { H1 = "I", H2 = "C" }

[[evidence]]
id = "E3"
summary = "Tide table"
ratings = { H1 = "N", H2 = "N" }
"#;

fn exported(format: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let matrix = dir.path().join("graded.toml");
    std::fs::write(&matrix, GRADED).unwrap();
    let out = dir.path().join(format!("graded.{format}"));
    Command::new(env!("CARGO_BIN_EXE_ach"))
        .arg("export")
        .arg(&matrix)
        .args(["--date", "2026-12-03", "-o"])
        .arg(&out)
        .assert()
        .code(0);
    std::fs::read(out).unwrap()
}

fn text(format: &str) -> String {
    String::from_utf8(exported(format)).unwrap()
}

#[test]
fn csv_has_a_column_for_each_half_of_the_grade() {
    let bytes = exported("csv");
    let mut reader = csv::Reader::from_reader(&bytes[..]);
    let headers = reader.headers().unwrap().clone();
    let at = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (reliability, credibility) = (at("source_reliability"), at("information_credibility"));
    let grades: Vec<(String, String)> = reader
        .records()
        .map(Result::unwrap)
        .take(3)
        .map(|record| {
            (
                record[reliability].to_owned(),
                record[credibility].to_owned(),
            )
        })
        .collect();
    let grade = |r: &str, c: &str| (r.to_owned(), c.to_owned());
    assert_eq!(
        grades,
        [grade("B", "2"), grade("", "4"), grade("", "")],
        "{headers:?}"
    );
}

#[test]
fn json_gives_the_letter_and_the_digit_or_null_and_matches_its_schema() {
    let document: Value = serde_json::from_slice(&exported("json")).unwrap();
    let grades: Vec<(Value, Value)> = document["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            (
                item["source_reliability"].clone(),
                item["information_credibility"].clone(),
            )
        })
        .collect();
    assert_eq!(
        grades,
        [
            (json!("B"), json!(2)),
            (json!(null), json!(4)),
            (json!(null), json!(null))
        ]
    );
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(Path::new("docs/export.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&document)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    // The schema says what a grade is: no other letter, no other digit, no
    // missing key.
    let breakages: [fn(&mut Value); 3] = [
        |d| d["evidence"][0]["source_reliability"] = json!("G"),
        |d| d["evidence"][0]["information_credibility"] = json!(7),
        |d| {
            d["evidence"][2]
                .as_object_mut()
                .unwrap()
                .remove("source_reliability");
        },
    ];
    for breakage in breakages {
        let mut broken = document.clone();
        breakage(&mut broken);
        assert!(!validator.is_valid(&broken), "{broken:#}");
    }
}

/// The facts line of each item's article in the HTML export.
fn html_facts() -> Vec<String> {
    let page = Html::parse_document(&text("html"));
    let facts = Selector::parse("article.evidence > p:first-of-type").unwrap();
    page.select(&facts)
        .map(|element| element.text().collect())
        .collect()
}

#[test]
fn html_and_markdown_give_the_grade_in_words() {
    let facts = html_facts();
    assert_eq!(facts.len(), 3, "{facts:?}");
    assert!(
        facts[0].ends_with(", graded B2 (usually reliable, probably true)."),
        "{facts:?}"
    );
    assert!(facts[1].ends_with(", graded 4 (doubtful)."), "{facts:?}");
    assert!(!facts[2].contains("graded"), "{facts:?}");

    let markdown = text("md");
    let e1 = markdown.split("### E1: ").nth(1).unwrap();
    let e1 = e1.split("### E2").next().unwrap();
    assert!(
        e1.contains(", graded B2 (usually reliable, probably true).\n"),
        "{e1}"
    );
    let e3 = markdown.split("### E3: ").nth(1).unwrap();
    assert!(!e3.contains("graded"), "{e3}");
}

#[test]
fn the_brief_lists_the_grade_with_the_items_facts() {
    let brief = text("brief.md");
    assert!(
        brief.contains("graded B2 (usually reliable, probably true)"),
        "{brief}"
    );
}

#[test]
fn the_workbook_has_the_letter_as_text_and_the_digit_as_a_number() {
    let bytes = exported("xlsx");
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let sheet = workbook.worksheet_range("Matrix").unwrap();
    let header: Vec<&Data> = (0..sheet.width() as u32)
        .map(|column| sheet.get_value((0, column)).unwrap())
        .collect();
    let at = |name: &str| {
        header
            .iter()
            .position(|cell| **cell == Data::String(name.into()))
            .unwrap() as u32
    };
    let (reliability, credibility) = (at("source_reliability"), at("information_credibility"));
    assert_eq!(
        sheet.get_value((1, reliability)),
        Some(&Data::String("B".into()))
    );
    assert_eq!(sheet.get_value((1, credibility)), Some(&Data::Float(2.0)));
    assert_eq!(sheet.get_value((2, reliability)), Some(&Data::Empty));
    assert_eq!(sheet.get_value((2, credibility)), Some(&Data::Float(4.0)));
    assert_eq!(sheet.get_value((3, reliability)), Some(&Data::Empty));
    assert_eq!(sheet.get_value((3, credibility)), Some(&Data::Empty));
}
