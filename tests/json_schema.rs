//! The JSON Schemas in `docs/` against what the program really prints: the
//! sample's export, `ach score --json` and `ach export --format json` of every
//! valid fixture, and the README's example, checked by a JSON Schema
//! validator (the `jsonschema` crate, draft 2020-12). Broken documents must
//! be refused, so the schemas are known to say something.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::{Value, json};

fn schema(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(Path::new("docs").join(name)).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    // The schema itself must be a valid draft 2020-12 schema.
    jsonschema::meta::validate(&schema).unwrap_or_else(|error| panic!("{name}: {error}"));
    jsonschema::validator_for(&schema).unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, document: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(document)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}:\n{}", errors.join("\n"));
}

/// Every matrix the tests hold that loads: the valid fixtures and the golden sample.
fn matrices() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir("tests/fixtures/valid")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.push(PathBuf::from("tests/golden/sample.toml"));
    paths.sort();
    assert!(paths.len() >= 5, "{paths:?}");
    paths
}

fn json_from(args: &[&str], matrix: &Path) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_ach"))
        .args(args)
        .arg(matrix)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?} {}",
        matrix.display()
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn every_generated_json_export_matches_its_schema() {
    let validator = schema("export.schema.json");
    for matrix in matrices() {
        let document = json_from(
            &["export", "--format", "json", "--date", "2026-02-20"],
            &matrix,
        );
        assert_valid(&validator, &document, &matrix.display().to_string());
    }
}

#[test]
fn every_score_report_matches_its_schema() {
    let validator = schema("score.schema.json");
    for matrix in matrices() {
        let document = json_from(&["score", "--json"], &matrix);
        assert_valid(&validator, &document, &matrix.display().to_string());
    }
}

#[test]
fn the_readme_example_of_score_json_matches_its_schema() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let section = readme
        .split("### `ach score --json`")
        .nth(1)
        .expect("the README documents ach score --json");
    let example = section
        .split("```json\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("with a JSON example");
    let document: Value = serde_json::from_str(example).unwrap();
    assert_valid(&schema("score.schema.json"), &document, "README example");
}

/// A matrix with a hypothesis and items set aside, with and without a
/// reason.
const SET_ASIDE: &str = r#"schema = 1
title = "Set aside, not deleted"

[[hypotheses]]
id = "H1"
title = "Kept"

[[hypotheses]]
id = "H2"
title = "Doubted"
set_aside = true
set_aside_reason = "merged into H1"

[[hypotheses]]
id = "H3"
title = "Also kept"

[[evidence]]
id = "E1"
summary = "A ledger"
ratings = { H1 = "C", H2 = "I", H3 = "I" }

[[evidence]]
id = "E2"
summary = "A letter"
set_aside = true
set_aside_reason = "forged"
ratings = { H1 = "II", H3 = "C" }

[[evidence]]
id = "E3"
summary = "A rumour"
set_aside = true
ratings = { H1 = "I" }
"#;

fn export_of(toml: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let matrix = dir.path().join("m.toml");
    std::fs::write(&matrix, toml).unwrap();
    json_from(
        &["export", "--format", "json", "--date", "2026-02-20"],
        &matrix,
    )
}

#[test]
fn set_aside_hypotheses_and_items_are_marked_and_match_the_schema() {
    let document = export_of(SET_ASIDE);
    assert_valid(&schema("export.schema.json"), &document, "set-aside matrix");
    let marks = |list: &str| -> Vec<(bool, Value)> {
        document[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|entry| {
                (
                    entry["set_aside"].as_bool().unwrap(),
                    entry["set_aside_reason"].clone(),
                )
            })
            .collect()
    };
    assert_eq!(
        marks("hypotheses"),
        [
            (false, Value::Null),
            (true, json!("merged into H1")),
            (false, Value::Null)
        ]
    );
    assert_eq!(
        marks("evidence"),
        [
            (false, Value::Null),
            (true, json!("forged")),
            (true, Value::Null)
        ]
    );
    // Set aside, H2 is not ranked; without E2 and E3, H1 leads.
    assert_eq!(document["hypotheses"][1]["rank"], 0);
    assert_eq!(document["ranking"], json!(["H1", "H3"]));
}

#[test]
fn indicators_and_the_judgement_are_exported_and_match_the_schema() {
    let validator = schema("export.schema.json");
    let fixture = Path::new("tests/fixtures/valid/warning-indicator-overdue.toml");
    let document = json_from(
        &["export", "--format", "json", "--date", "2026-02-20"],
        fixture,
    );
    assert_valid(&validator, &document, "indicators");
    assert_eq!(
        document["hypotheses"][0]["indicators"],
        json!([
            { "text": "Units return to barracks", "expected_by": "2020-01-15",
              "status": "open", "overdue": true },
            { "text": "Exercise announced in the gazette", "expected_by": "2020-01-10",
              "status": "observed", "overdue": false }
        ])
    );
    assert_eq!(
        document["hypotheses"][1]["indicators"],
        json!([{ "text": "Bridging equipment moves forward", "expected_by": "2999-12-31",
                 "status": "open", "overdue": false }])
    );
    assert_eq!(
        document["judgement"],
        json!({ "hypothesis": "H1", "confidence": "moderate", "estimate": "likely",
                "rationale": "Only H1 explains the convoy." })
    );
    // Overdue is counted from the export's date, as the brief counts it.
    let early = json_from(
        &["export", "--format", "json", "--date", "2020-01-01"],
        fixture,
    );
    assert_eq!(early["hypotheses"][0]["indicators"][0]["overdue"], false);
    // Without indicators or a judgement: empty lists and null.
    let golden = json_from(
        &["export", "--format", "json", "--date", "2026-02-20"],
        Path::new("tests/golden/sample.toml"),
    );
    assert_eq!(golden["hypotheses"][0]["indicators"], json!([]));
    assert_eq!(golden["judgement"], Value::Null);

    let breakages: [(&str, Breakage); 5] = [
        ("an unknown status", |d| {
            d["hypotheses"][0]["indicators"][0]["status"] = json!("seen")
        }),
        ("an observed indicator overdue", |d| {
            d["hypotheses"][0]["indicators"][1]["overdue"] = json!(true)
        }),
        ("no indicators", |d| {
            d["hypotheses"][1]
                .as_object_mut()
                .unwrap()
                .remove("indicators");
        }),
        ("a confidence that is no level", |d| {
            d["judgement"]["confidence"] = json!("medium")
        }),
        ("estimative words off the scale", |d| {
            d["judgement"]["estimate"] = json!("probable")
        }),
    ];
    for (what, breakage) in breakages {
        let mut broken = document.clone();
        breakage(&mut broken);
        assert!(!validator.is_valid(&broken), "{what} was accepted");
    }
}

/// A change that makes an export invalid.
type Breakage = fn(&mut Value);

#[test]
fn broken_documents_are_refused() {
    let export = schema("export.schema.json");
    let golden = json_from(
        &["export", "--format", "json", "--date", "2026-02-20"],
        Path::new("tests/golden/sample.toml"),
    );
    let breakages: [(&str, Breakage); 9] = [
        ("no ranking", |d| {
            d.as_object_mut().unwrap().remove("ranking");
        }),
        ("export_schema 2", |d| d["export_schema"] = json!(2)),
        ("a rating that is no code", |d| {
            d["evidence"][0]["ratings"]["H1"] = json!("X")
        }),
        ("a rank of zero", |d| d["hypotheses"][0]["rank"] = json!(0)),
        ("a credibility word", |d| {
            d["evidence"][0]["credibility"] = json!("certain")
        }),
        ("a date that is no date", |d| {
            d["generated"] = json!("20 Feb 2026")
        }),
        ("no set-aside mark", |d| {
            d["evidence"][0]
                .as_object_mut()
                .unwrap()
                .remove("set_aside");
        }),
        ("a set-aside hypothesis with a rank", |d| {
            d["hypotheses"][0]["set_aside"] = json!(true)
        }),
        ("a reason for an item not set aside", |d| {
            d["evidence"][0]["set_aside_reason"] = json!("why not")
        }),
    ];
    for (what, breakage) in breakages {
        let mut document = golden.clone();
        breakage(&mut document);
        assert!(!export.is_valid(&document), "{what} was accepted");
    }

    let score = schema("score.schema.json");
    let mut report = json_from(&["score", "--json"], Path::new("tests/golden/sample.toml"));
    assert!(score.is_valid(&report));
    // Keys added later are allowed (the README promises additive keys)…
    report["hypotheses"][0]["leader"] = json!(true);
    assert!(score.is_valid(&report));
    // …but the documented ones must stay.
    report["hypotheses"][0]
        .as_object_mut()
        .unwrap()
        .remove("weighted_inconsistency");
    assert!(!score.is_valid(&report));
}
