//! Round trips and validation messages of matrix files.

use proptest::prelude::*;

use super::*;
use crate::test_support::arbitrary_matrix;

fn errors(text: &str) -> Vec<String> {
    match matrix_from_str(text) {
        Ok(_) => panic!("expected errors for:\n{text}"),
        Err(diagnostics) => diagnostics
            .into_iter()
            .map(|d| format!("{}: {}", d.location, d.message))
            .collect(),
    }
}

const HEADER: &str = "schema = 1\ntitle = \"t\"\n";

#[test]
fn minimal_file_loads_with_defaults() {
    let text = format!(
        "{HEADER}\n[[hypotheses]]\nid = \"H1\"\ntitle = \"one\"\n\n[[evidence]]\nid = \"E1\"\nsummary = \"s\"\n"
    );
    let matrix = matrix_from_str(&text).unwrap();
    let evidence = &matrix.evidence()[0];
    assert_eq!(evidence.kind, crate::model::EvidenceKind::Report);
    assert_eq!(evidence.credibility, crate::model::Level::Medium);
    assert_eq!(evidence.rating(0), None);
}

#[test]
fn unknown_key_is_reported_where_it_stands() {
    let text =
        format!("{HEADER}\n[[evidence]]\nid = \"E1\"\nsummary = \"s\"\ncredibilty = \"high\"\n");
    let errors = errors(&text);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with("7:1: unknown field `credibilty`"),
        "{errors:?}"
    );
}

#[test]
fn unknown_words_name_the_choices() {
    let text = format!(
        "{HEADER}\n[[hypotheses]]\nid = \"H1\"\ntitle = \"one\"\n\n[[evidence]]\nid = \"E1\"\nsummary = \"s\"\nratings = {{ H1 = \"X\" }}\n"
    );
    assert_eq!(
        errors(&text),
        ["11:18: unknown rating `X` (expected CC, C, N, NA, I or II)"]
    );
}

#[test]
fn validation_problems_are_all_listed_in_file_order() {
    let text = "schema = 1\ntitle = \"\"\n\n[[hypotheses]]\nid = \"H 1\"\ntitle = \"a\"\n\n[[hypotheses]]\nid = \"H2\"\ntitle = \"b\"\n\n[[hypotheses]]\nid = \"H2\"\ntitle = \"c\"\n\n[[evidence]]\nid = \"E1\"\nsummary = \"s\"\nratings = { H9 = \"C\" }\n";
    assert_eq!(
        errors(text),
        [
            "2:9: `title` is empty",
            "5:6: hypothesis id `H 1` may only use letters, digits, `_` and `-`",
            "13:6: duplicate hypothesis id `H2` (first used at line 9)",
            "19:13: rating for `H9`, which is not a hypothesis in this matrix",
        ]
    );
}

#[test]
fn missing_schema_and_title() {
    assert_eq!(
        errors("question = \"q\"\n"),
        [
            "1:1: missing `schema = 1` at the top of the file",
            "1:1: missing `title` at the top of the file",
        ]
    );
}

#[test]
fn newer_schema_is_reported_before_unknown_keys() {
    assert_eq!(
        errors("schema = 2\ntitle = \"t\"\nfuture_key = 1\n"),
        ["1:10: schema 2 is newer than this build of ach supports (1); upgrade ach to open it"]
    );
}

#[test]
fn empty_and_non_utf8_files() {
    assert_eq!(
        errors("  \n"),
        ["1:1: the file is empty; a matrix needs at least `schema = 1` and a `title`"]
    );
    let diagnostics = matrix_from_bytes(b"schema = 1\ntitle = \"a\xffb\"\n").unwrap_err();
    assert_eq!(
        diagnostics[0].location,
        Location {
            line: 2,
            column: 11
        }
    );
    assert!(diagnostics[0].message.contains("0xFF"));
}

#[test]
fn passages_may_not_leave_the_workspace() {
    let text = format!(
        "{HEADER}\n[[evidence]]\nid = \"E1\"\nsummary = \"s\"\n\n[evidence.source]\ndocument = \"../secrets.txt\"\nstart = 0\nend = 1\nquote = \"x\"\n"
    );
    assert_eq!(
        errors(&text),
        ["9:12: the document path climbs out of the workspace with `..`: `../secrets.txt`"]
    );
}

#[test]
fn dates_must_be_plain_dates_and_timestamps_need_offsets() {
    let text = "schema = 1\ntitle = \"t\"\ncreated = 2026-01-01T10:00:00\n\n[[evidence]]\nid = \"E1\"\nsummary = \"s\"\ndate = 2026-01-01T10:00:00Z\n";
    assert_eq!(
        errors(text),
        [
            "3:11: `created` must be a date and time with an offset, such as 2026-02-10T09:00:00Z",
            "8:8: `date` must be a plain date, such as 2024-09-06",
        ]
    );
}

#[test]
fn timestamps_must_stay_writable_in_utc() {
    let text = "schema = 1\ntitle = \"t\"\ncreated = 0000-01-01T00:00:00+01:00\n";
    assert_eq!(
        errors(text),
        ["3:11: `created` falls outside the years 0000 to 9999 once converted to UTC"]
    );
}

#[test]
fn a_leap_second_is_named_as_such() {
    let text = "schema = 1\ntitle = \"t\"\nupdated = 2016-12-31T23:59:60Z\n";
    assert_eq!(
        errors(text),
        [
            "3:11: `updated` is a leap second (:60), which cannot be stored; use :59 or the next minute's :00"
        ]
    );
}

#[test]
fn a_table_header_of_50_000_parts_is_located_at_its_line() {
    // The TOML reader says only "recursion limit", with no position.
    let header = vec!["a"; 50_000].join(".");
    let text = format!("{HEADER}[{header}]\nx = 1\n");
    assert_eq!(
        errors(&text),
        ["3:2: a key of 50000 dotted parts nests deeper than a matrix file can (recursion limit)"]
    );
    let dotted = format!("{HEADER}\n{} = 1\n", vec!["'k.k'"; 200].join(" . "));
    assert_eq!(
        errors(&dotted),
        ["4:1: a key of 200 dotted parts nests deeper than a matrix file can (recursion limit)"]
    );
}

#[test]
fn offsets_are_converted_to_utc() {
    let text = "schema = 1\ntitle = \"t\"\ncreated = 2026-01-01T10:00:00+02:00\n";
    let matrix = matrix_from_str(text).unwrap();
    assert_eq!(
        matrix.created.unwrap().to_rfc3339(),
        "2026-01-01T08:00:00+00:00"
    );
}

#[test]
fn the_written_layout() {
    let text = "schema = 1\ntitle = \"t\"\n\n[[hypotheses]]\nid = \"H1\"\ntitle = \"one\"\n\n[[hypotheses]]\nid = \"H2\"\ntitle = \"two\"\n\n[[evidence]]\nid = \"E1\"\nsummary = \"say \\\"hi\\\"\"\nkind = \"fact\"\ncredibility = \"high\"\nrelevance = \"low\"\ndate = 2024-09-06\nratings = { H2 = \"II\", H1 = \"C\" }\n\n[evidence.source]\ndocument = \"seeds/a.txt\"\nstart = 3\nend = 5\nquote = \"hi\"\n";
    let written = matrix_to_toml(&matrix_from_str(text).unwrap());
    // Ratings come out in column order, whatever order they were written in,
    // and a string holding double quotes is written as a literal string.
    assert_eq!(
        written,
        text.replace("{ H2 = \"II\", H1 = \"C\" }", "{ H1 = \"C\", H2 = \"II\" }")
            .replace("\"say \\\"hi\\\"\"", "'say \"hi\"'")
    );
}

#[test]
fn set_aside_items_keep_their_reason_through_a_save() {
    let text = "schema = 1\ntitle = \"t\"\n\n[[hypotheses]]\nid = \"H1\"\ntitle = \"one\"\nset_aside = true\n\n[[evidence]]\nid = \"E1\"\nsummary = \"s\"\nkind = \"report\"\ncredibility = \"medium\"\nrelevance = \"medium\"\nset_aside = true\nset_aside_reason = \"single-source rumour\"\nratings = { H1 = \"I\" }\n\n[[evidence]]\nid = \"E2\"\nsummary = \"s\"\nkind = \"report\"\ncredibility = \"medium\"\nrelevance = \"medium\"\nratings = {}\n";
    let matrix = matrix_from_str(text).unwrap();
    assert_eq!(
        matrix.hypotheses()[0].set_aside,
        crate::model::SetAside::Aside { reason: None }
    );
    assert_eq!(
        matrix.evidence()[0].set_aside.reason(),
        Some("single-source rumour")
    );
    assert!(!matrix.evidence()[1].set_aside.is_set());
    assert_eq!(matrix_to_toml(&matrix), text);
}

#[test]
fn set_aside_false_is_counted_and_a_reason_needs_the_flag() {
    let counted =
        format!("{HEADER}\n[[evidence]]\nid = \"E1\"\nsummary = \"s\"\nset_aside = false\n");
    assert!(
        !matrix_from_str(&counted).unwrap().evidence()[0]
            .set_aside
            .is_set()
    );
    let text = format!(
        "{HEADER}\n[[hypotheses]]\nid = \"H1\"\ntitle = \"one\"\nset_aside_reason = \"why\"\n"
    );
    assert_eq!(
        errors(&text),
        ["7:20: `set_aside_reason` needs `set_aside = true` beside it (or remove the reason)"]
    );
    let text =
        format!("{HEADER}\n[[evidence]]\nid = \"E1\"\nsummary = \"s\"\nset_aside = \"yes\"\n");
    assert_eq!(
        errors(&text),
        ["7:13: invalid type: string \"yes\", expected a boolean"]
    );
}

proptest! {
    #[test]
    fn save_then_load_is_the_identity(matrix in arbitrary_matrix()) {
        let text = matrix_to_toml(&matrix);
        let reloaded = matrix_from_str(&text).map_err(|d| TestCaseError::fail(format!("{d:?}\n{text}")))?;
        prop_assert_eq!(&reloaded, &matrix);
        // And the layout is a fixed point: the same matrix, the same bytes.
        prop_assert_eq!(matrix_to_toml(&reloaded), text);
    }
}

#[test]
fn indicators_and_the_judgement_keep_their_layout_through_a_save() {
    let text = "schema = 1\ntitle = \"t\"\n\n[judgement]\nhypothesis = \"H2\"\nconfidence = \"moderate\"\nestimate = \"likely\"\nrationale = \"the convoy moved\"\n\n[[hypotheses]]\nid = \"H1\"\ntitle = \"one\"\n\n[[hypotheses.indicators]]\ntext = \"troops leave the border\"\nexpected_by = 2027-01-15\nstatus = \"open\"\n\n[[hypotheses.indicators]]\ntext = \"talks resume\"\nstatus = \"not observed\"\n\n[[hypotheses]]\nid = \"H2\"\ntitle = \"two\"\n";
    let matrix = matrix_from_str(text).unwrap();
    let indicators = &matrix.hypotheses()[0].indicators;
    assert_eq!(indicators.len(), 2);
    assert_eq!(indicators[0].expected_by, "2027-01-15".parse().ok());
    assert_eq!(
        indicators[1].status,
        crate::model::IndicatorStatus::NotObserved
    );
    let judgement = matrix.judgement.as_ref().unwrap();
    assert_eq!(judgement.hypothesis, "H2");
    assert_eq!(judgement.confidence, crate::model::Confidence::Moderate);
    assert_eq!(judgement.estimate, Some(crate::model::Estimative::Likely));
    assert_eq!(matrix_to_toml(&matrix), text);
    // A file without either loads as before: no judgement, no indicators.
    let plain = matrix_from_str(&format!(
        "{HEADER}\n[[hypotheses]]\nid = \"H1\"\ntitle = \"one\"\n"
    ))
    .unwrap();
    assert!(plain.judgement.is_none() && plain.hypotheses()[0].indicators.is_empty());
}

#[test]
fn bad_indicators_and_judgements_are_refused_where_they_stand() {
    let text = format!(
        "{HEADER}\n[judgement]\nhypothesis = \"H9\"\nconfidence = \"moderate\"\n\n[[hypotheses]]\nid = \"H1\"\ntitle = \"one\"\n\n[[hypotheses.indicators]]\ntext = \"x\"\nexpected_by = 2027-01-15T10:00:00Z\n"
    );
    assert_eq!(
        errors(&text),
        [
            "5:14: `[judgement]` names `H9`, which is not a hypothesis in this matrix",
            "14:15: `expected_by` must be a plain date, such as 2024-09-06"
        ]
    );
    let text = format!(
        "{HEADER}\n[[hypotheses]]\nid = \"H1\"\ntitle = \"one\"\n\n[[hypotheses.indicators]]\ntext = \"x\"\nstatus = \"seen\"\n"
    );
    assert_eq!(
        errors(&text),
        ["10:10: unknown indicator status `seen` (expected open, observed or not observed)"]
    );
    let text = format!(
        "{HEADER}\n[[hypotheses]]\nid = \"H1\"\ntitle = \"one\"\n\n[[hypotheses.indicators]]\ntext = \"x\"\nwhen = 2027-01-01\n"
    );
    let found = errors(&text);
    assert!(
        found.len() == 1 && found[0].starts_with("10:1: unknown field `when`"),
        "{found:?}"
    );
    let text = format!(
        "{HEADER}\n[judgement]\nhypothesis = \"H1\"\n\n[[hypotheses]]\nid = \"H1\"\ntitle = \"one\"\n"
    );
    assert_eq!(
        errors(&text),
        ["4:1: `[judgement]` needs `confidence` (low, moderate or high)"]
    );
}

#[test]
fn a_judgement_on_a_deleted_hypothesis_is_not_saved_so_the_file_still_loads() {
    let text = "schema = 1\ntitle = \"t\"\n\n[judgement]\nhypothesis = \"H2\"\nconfidence = \"low\"\n\n[[hypotheses]]\nid = \"H1\"\ntitle = \"one\"\n\n[[hypotheses]]\nid = \"H2\"\ntitle = \"two\"\n";
    let mut matrix = matrix_from_str(text).unwrap();
    matrix.remove_hypothesis(1);
    let saved = matrix_to_toml(&matrix);
    assert!(!saved.contains("[judgement]"), "{saved}");
    assert!(matrix_from_str(&saved).unwrap().judgement.is_none());
}
