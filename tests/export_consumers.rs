//! Exports opened by the programs people open them with: the csv crate
//! for CSV with a byte order mark, pandoc (when installed) for the
//! Markdown tables' column widths.

use std::process::{Command as Process, Stdio};

use assert_cmd::Command;

const SAMPLE: &str = "tests/golden/sample.toml";

fn export(args: &[&str]) -> Vec<u8> {
    let output = Command::new(env!("CARGO_BIN_EXE_ach"))
        .args(["export", SAMPLE, "--date", "2026-02-20"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{args:?}");
    output.stdout
}

#[test]
fn bom_starts_the_csv_and_the_csv_crate_reads_through_it() {
    let plain = export(&["--format", "csv"]);
    let marked = export(&["--format", "csv", "--bom"]);
    assert!(!plain.starts_with(b"\xEF\xBB\xBF"));
    assert_eq!(&marked[..3], b"\xEF\xBB\xBF");
    assert_eq!(&marked[3..], &plain[..], "the BOM is all that changes");
    let mut reader = csv::Reader::from_reader(&marked[..]);
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "id", "the BOM is not part of the first header");
    // Non-ASCII text comes through as text, not mojibake.
    assert!(
        headers.iter().any(|header| header.contains("Israel–Iran")),
        "{headers:?}"
    );
}

#[test]
fn bom_is_refused_for_formats_other_than_csv() {
    Command::new(env!("CARGO_BIN_EXE_ach"))
        .args(["export", SAMPLE, "--format", "markdown", "--bom"])
        .assert()
        .code(1)
        .stderr("ach: --bom applies to CSV only, not markdown\n");
}

/// The widths pandoc gives the columns of the matrix table, in percent.
fn pandoc_column_widths(markdown: &[u8]) -> Option<Vec<u32>> {
    let mut child = Process::new("pandoc")
        .args(["-f", "markdown", "-t", "html"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    use std::io::Write;
    child.stdin.take().unwrap().write_all(markdown).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    let html = String::from_utf8(output.stdout).unwrap();
    // The matrix is the widest table: evidence, then one column per hypothesis.
    let table = html
        .split("<table")
        .skip(1)
        .max_by_key(|table| table.matches("<col ").count())?;
    Some(
        table
            .match_indices("<col style=\"width: ")
            .map(|(at, prefix)| {
                let rest = &table[at + prefix.len()..];
                rest[..rest.find('%').unwrap()].parse().unwrap()
            })
            .collect(),
    )
}

#[test]
fn pandoc_gives_the_evidence_column_the_room_its_text_needs() {
    let markdown = export(&["--format", "markdown"]);
    let Some(widths) = pandoc_column_widths(&markdown) else {
        eprintln!(
            "pandoc is not installed: the separator proportions are checked in the unit tests"
        );
        return;
    };
    assert!(widths.len() >= 5, "{widths:?}");
    let widest = *widths.iter().max().unwrap();
    let rating = *widths.last().unwrap();
    // Equal dashes would give every column the same width.
    assert!(widest >= 5 * rating, "{widths:?}");
}
