//! A real `git merge` leaves a conflict; the workbench resolves it; after
//! the save, `ach check` passes and `git add` settles the merge.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use ach_workbench::model::Rating;
use ach_workbench::storage::{load_matrix, matrix_from_str, matrix_to_toml};

use super::session::Session;

const MATRIX: &str = "hypotheses/question.toml";

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@t"])
        .args(args)
        .output()
        .unwrap()
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let output = git(dir, args);
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn ach(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ach"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

/// Rates E1 / H1 and commits, saved by the product's own writer.
fn rate_and_commit(dir: &Path, rating: Rating, analyst: &str) {
    let path = dir.join(MATRIX);
    let mut matrix = load_matrix(&path).unwrap();
    matrix.set_rating(0, 0, Some(rating));
    std::fs::write(&path, matrix_to_toml(&matrix)).unwrap();
    ok(dir, &["commit", "-qam", analyst]);
}

#[test]
fn a_git_conflict_resolved_in_the_workbench_checks_clean_and_commits() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("hypotheses")).unwrap();
    let text = "schema = 1\ntitle = \"Who took the cargo\"\n\n\
                [[hypotheses]]\nid = \"H1\"\ntitle = \"The crew\"\n\n\
                [[hypotheses]]\nid = \"H2\"\ntitle = \"The buyer\"\n\n\
                [[evidence]]\nid = \"E1\"\nsummary = \"A witness\"\nratings = { H1 = \"N\", H2 = \"N\" }\n";
    std::fs::write(
        root.join(MATRIX),
        matrix_to_toml(&matrix_from_str(text).unwrap()),
    )
    .unwrap();
    ok(root, &["init", "-q", "-b", "main"]);
    let install = ach(root, &["git", "install"]);
    assert!(
        install.status.success(),
        "{}",
        String::from_utf8_lossy(&install.stderr)
    );
    ok(root, &["add", "."]);
    ok(root, &["commit", "-qm", "start"]);
    ok(root, &["checkout", "-qb", "bob"]);
    rate_and_commit(root, Rating::VeryInconsistent, "bob");
    ok(root, &["checkout", "-q", "main"]);
    rate_and_commit(root, Rating::Inconsistent, "alice");
    assert!(!git(root, &["merge", "-q", "bob"]).status.success());
    assert_eq!(
        ok(root, &["status", "--porcelain"]),
        format!("UU {MATRIX}\n")
    );
    assert_eq!(ach(root, &["check", MATRIX]).status.code(), Some(1));

    let mut workbench = Session::start(root, &["open", MATRIX]);
    workbench.wait_for("Conflict 1 of 1: E1 / H1");
    workbench.send("t");
    workbench.wait_for("Resolved 1 merge conflict");
    workbench.send("\x13");
    workbench.wait_for("Saved hypotheses/question.toml");
    workbench.send("q");
    workbench.wait_for_exit(Duration::from_secs(10));

    let check = ach(root, &["check", MATRIX]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let matrix = load_matrix(&root.join(MATRIX)).unwrap();
    assert_eq!(matrix.rating(0, 0), Some(Rating::VeryInconsistent));
    assert!(matrix.conflicts.is_empty());
    ok(root, &["add", MATRIX]);
    // The save kept the merged file as question.toml.bak, untracked.
    let status = ok(root, &["status", "--porcelain", "--", MATRIX]);
    assert_eq!(status, format!("M  {MATRIX}\n"));
    ok(root, &["commit", "-qm", "resolved in the workbench"]);
}
