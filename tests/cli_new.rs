//! `ach new` on the real binary: it writes a matrix that `ach check`
//! accepts and the library loads, creates missing directories, and never
//! overwrites a file.

use std::fs;
use std::path::Path;

use ach_workbench::storage::load_matrix;
use assert_cmd::Command;

/// `ach` run from `directory`.
fn ach_in(directory: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ach"));
    command.current_dir(directory);
    command
}

#[test]
fn new_writes_a_matrix_that_checks_and_loads() {
    let dir = tempfile::tempdir().unwrap();
    ach_in(dir.path())
        .args([
            "new",
            "harbour.toml",
            "--title",
            "Harbour terminal, night of 3–4 March",
            "--question",
            "Why did an unplated truck enter at 02:10?",
            "--analyst",
            "A. Analyst",
        ])
        .assert()
        .code(0)
        .stdout("created harbour.toml\n")
        .stderr("");

    ach_in(dir.path())
        .args(["check", "harbour.toml"])
        .assert()
        .code(0)
        .stdout(
            "harbour.toml: ok: 0 hypotheses, 0 evidence items, 0 of 0 passages match their documents\n",
        )
        .stderr("");

    let matrix = load_matrix(&dir.path().join("harbour.toml")).unwrap();
    assert_eq!(matrix.title, "Harbour terminal, night of 3–4 March");
    assert_eq!(
        matrix.question.as_deref(),
        Some("Why did an unplated truck enter at 02:10?")
    );
    assert_eq!(matrix.analyst.as_deref(), Some("A. Analyst"));
    assert!(matrix.hypotheses().is_empty() && matrix.evidence().is_empty());
    let created = matrix.created.expect("`created` is set");
    assert_eq!(matrix.updated, Some(created));
    let age = chrono::Utc::now() - created;
    assert!(
        age.num_seconds() >= 0 && age.num_minutes() < 10,
        "{created}"
    );
}

#[test]
fn the_new_file_is_the_documented_header() {
    let dir = tempfile::tempdir().unwrap();
    ach_in(dir.path())
        .args(["new", "m.toml", "--title", "Say \"hi\""])
        .assert()
        .code(0);
    let text = fs::read_to_string(dir.path().join("m.toml")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert_eq!(lines[0], "schema = 1");
    // A title holding double quotes is written as a literal string.
    assert_eq!(lines[1], "title = 'Say \"hi\"'");
    let created = lines[2].strip_prefix("created = ").unwrap();
    assert_eq!(lines[3], format!("updated = {created}"));
    // Whole seconds in UTC: 2026-03-04T08:00:00Z.
    assert_eq!(created.len(), "2026-03-04T08:00:00Z".len(), "{created}");
    assert!(created.ends_with('Z'), "{created}");
}

#[test]
fn new_refuses_to_overwrite_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.toml");
    ach_in(dir.path())
        .args(["new", "m.toml", "--title", "First"])
        .assert()
        .code(0);
    let before = fs::read(&path).unwrap();
    ach_in(dir.path())
        .args(["new", "m.toml", "--title", "Second"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("ach: m.toml: already exists; refusing to overwrite it\n");
    assert_eq!(fs::read(&path).unwrap(), before);

    // Nor any other file that happens to be there.
    fs::write(dir.path().join("notes.txt"), b"not a matrix").unwrap();
    ach_in(dir.path())
        .args(["new", "notes.txt", "--title", "Oops"])
        .assert()
        .code(1)
        .stderr("ach: notes.txt: already exists; refusing to overwrite it\n");
    assert_eq!(
        fs::read(dir.path().join("notes.txt")).unwrap(),
        b"not a matrix"
    );
    // No temporary file is left behind.
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["m.toml", "notes.txt"]);
}

#[test]
fn new_creates_missing_parent_directories() {
    let dir = tempfile::tempdir().unwrap();
    ach_in(dir.path())
        .args(["new", "hypotheses/2026/harbour.toml", "--title", "Harbour"])
        .assert()
        .code(0)
        .stdout("created hypotheses/2026/harbour.toml\n");
    let matrix = load_matrix(&dir.path().join("hypotheses/2026/harbour.toml")).unwrap();
    assert_eq!(matrix.title, "Harbour");
    assert_eq!(matrix.question, None);
}

#[test]
fn new_refuses_a_blank_title() {
    let dir = tempfile::tempdir().unwrap();
    ach_in(dir.path())
        .args(["new", "m.toml", "--title", "  "])
        .assert()
        .code(1)
        .stderr("ach: --title must not be empty\n");
    assert!(!dir.path().join("m.toml").exists());
}
