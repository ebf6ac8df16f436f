//! `ach export` on the real binary: every format to standard output, to a
//! file, reproducible dates, and the errors a user can make.

use std::fs;
use std::path::Path;

use ach_workbench::export::{ExportContext, Format, export};
use ach_workbench::storage::load_matrix;
use ach_workbench::workspace::Workspace;
use assert_cmd::Command;
use chrono::NaiveDate;
use predicates::prelude::*;

/// The golden sample: a matrix under the repository, whose passages quote
/// the repository's `seeds/`.
const SAMPLE: &str = "tests/golden/sample.toml";

/// `ach` run from the repository root, with no date in the environment.
fn ach() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ach"));
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("SOURCE_DATE_EPOCH");
    command
}

/// What the library exports for the sample, dated 2026-02-20, with the
/// repository as its workspace (the one `ach` finds above the sample).
fn golden(format: Format) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let workspace = Workspace::new(root);
    let context = ExportContext::new(NaiveDate::from_ymd_opt(2026, 2, 20).unwrap())
        .with_workspace(&workspace);
    export(&load_matrix(&root.join(SAMPLE)).unwrap(), format, &context)
}

#[test]
fn every_format_goes_to_stdout_as_the_library_makes_it() {
    for format in Format::ALL {
        ach()
            .args([
                "export",
                SAMPLE,
                "--format",
                format.name(),
                "--date",
                "2026-02-20",
            ])
            .assert()
            .code(0)
            .stdout(golden(format))
            .stderr("");
    }
}

#[test]
fn markdown_is_the_default_format() {
    ach()
        .args(["export", SAMPLE, "--date", "2026-02-20"])
        .assert()
        .code(0)
        .stdout(golden(Format::Markdown));
}

#[test]
fn output_writes_the_file_and_takes_the_format_from_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("report.html");
    ach()
        .args(["export", SAMPLE, "--date", "2026-02-20", "--output"])
        .arg(&output)
        .assert()
        .code(0)
        .stdout("")
        .stderr("");
    assert_eq!(fs::read_to_string(&output).unwrap(), golden(Format::Html));

    // An explicit format wins over the file name.
    ach()
        .args(["export", SAMPLE, "--date", "2026-02-20", "-f", "json", "-o"])
        .arg(&output)
        .assert()
        .code(0);
    assert_eq!(fs::read_to_string(&output).unwrap(), golden(Format::Json));
}

#[test]
fn source_date_epoch_fixes_the_date() {
    // 2026-02-20T12:00:00Z
    let run = || {
        ach()
            .env("SOURCE_DATE_EPOCH", "1771588800")
            .args(["export", SAMPLE, "--format", "json"])
            .output()
            .unwrap()
    };
    let first = run();
    assert!(first.status.success());
    assert_eq!(
        String::from_utf8(first.stdout.clone()).unwrap(),
        golden(Format::Json)
    );
    assert_eq!(run().stdout, first.stdout);
}

#[test]
fn the_date_flag_wins_over_source_date_epoch() {
    ach()
        .env("SOURCE_DATE_EPOCH", "0")
        .args(["export", SAMPLE, "-f", "brief", "--date", "2026-02-20"])
        .assert()
        .code(0)
        .stdout(golden(Format::Brief));
}

#[test]
fn without_a_date_the_export_says_today() {
    let today = || {
        chrono::Local::now()
            .date_naive()
            .format("%Y-%m-%d")
            .to_string()
    };
    let before = today();
    let output = ach()
        .args(["export", SAMPLE, "-f", "json"])
        .output()
        .unwrap();
    let after = today();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    // Either side of midnight, the run's date is one of the two.
    assert!(
        text.contains(&format!("\"generated\": \"{before}\""))
            || text.contains(&format!("\"generated\": \"{after}\"")),
        "{text}"
    );
}

#[test]
fn a_bad_format_or_date_is_a_usage_error() {
    ach()
        .args(["export", SAMPLE, "--format", "pdf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value 'pdf'"))
        .stderr(predicate::str::contains("markdown"));
    ach()
        .args(["export", SAMPLE, "--date", "20/02/2026"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD"));
}

#[test]
fn a_malformed_source_date_epoch_is_refused() {
    ach()
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .args(["export", SAMPLE])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "ach: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, \
             not `yesterday`\n",
        );
}

#[test]
fn an_invalid_matrix_is_reported_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let matrix = dir.path().join("broken.toml");
    fs::write(
        &matrix,
        "schema = 1\ntitle = \"x\"\n[[hypotheses]]\nid = \"H 1\"\ntitle = \"t\"\n",
    )
    .unwrap();
    ach()
        .arg("export")
        .arg(&matrix)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("broken.toml:4:"));
    ach()
        .args(["export", "no/such/matrix.toml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no/such/matrix.toml: cannot read"));
}

#[test]
fn the_matrix_is_never_overwritten_by_its_export() {
    let dir = tempfile::tempdir().unwrap();
    let matrix = dir.path().join("m.toml");
    fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE), &matrix).unwrap();
    let before = fs::read(&matrix).unwrap();
    // With a format named, `.toml` is no obstacle: the same-file check is.
    ach()
        .arg("export")
        .arg(&matrix)
        .args(["--format", "markdown", "--output"])
        .arg(&matrix)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("refusing to overwrite the matrix"));
    // Without one, `.toml` names no export format and is refused first.
    ach()
        .arg("export")
        .arg(&matrix)
        .arg("--output")
        .arg(&matrix)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot tell the format"));
    assert_eq!(fs::read(&matrix).unwrap(), before);
}

#[test]
fn an_unwritable_output_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("missing-dir").join("out.md");
    ach()
        .args(["export", SAMPLE, "--output"])
        .arg(&output)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot save"));
    assert!(!output.exists());
}
