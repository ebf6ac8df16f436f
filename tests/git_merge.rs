//! The merge driver with real git: a bare origin, two analysts' clones set
//! up with `ach git install`, edits saved through the product's own loader
//! and writer (as the workbench saves, `updated` rewritten each time), and
//! `git pull` between them.

use std::path::{Path, PathBuf};
use std::process::Command;

use ach_workbench::model::Rating;
use ach_workbench::storage::{load_matrix, matrix_to_toml};
use chrono::{TimeZone, Utc};

const ACH: &str = env!("CARGO_BIN_EXE_ach");
const MATRIX: &str = "hypotheses/question.toml";

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@t",
            "-c",
            "init.defaultBranch=main",
        ])
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
    Command::new(ACH)
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

/// Origin holding one matrix (three hypotheses, three items) and two clones.
struct Team {
    _root: tempfile::TempDir,
    alice: PathBuf,
    bob: PathBuf,
}

fn team() -> Team {
    let root = tempfile::tempdir().unwrap();
    let seed = root.path().join("seed");
    std::fs::create_dir_all(seed.join("hypotheses")).unwrap();
    let mut text = String::from("schema = 1\ntitle = \"Who\"\nupdated = 2026-01-01T00:00:00Z\n");
    for h in 1..=3 {
        text.push_str(&format!(
            "\n[[hypotheses]]\nid = \"H{h}\"\ntitle = \"Hypothesis {h}\"\n"
        ));
    }
    for e in 1..=3 {
        text.push_str(&format!(
            "\n[[evidence]]\nid = \"E{e}\"\nsummary = \"Item {e}\"\nratings = {{ H1 = \"N\", H2 = \"N\", H3 = \"N\" }}\n"
        ));
    }
    std::fs::write(seed.join(MATRIX), text).unwrap();
    // In the writer's own layout, so each later save changes only what changed.
    let matrix = load_matrix(&seed.join(MATRIX)).unwrap();
    std::fs::write(seed.join(MATRIX), matrix_to_toml(&matrix)).unwrap();
    ok(&seed, &["init", "-q"]);
    assert!(ach(&seed, &["git", "install"]).status.success());
    ok(&seed, &["add", "."]);
    ok(&seed, &["commit", "-qm", "start"]);
    let origin = root.path().join("origin.git");
    ok(
        root.path(),
        &["clone", "-q", "--bare", "seed", "origin.git"],
    );
    let clone = |name: &str| {
        ok(
            root.path(),
            &["clone", "-q", origin.to_str().unwrap(), name],
        );
        let dir = root.path().join(name);
        let install = ach(&dir, &["git", "install"]);
        assert!(
            install.status.success(),
            "{}",
            String::from_utf8_lossy(&install.stderr)
        );
        dir
    };
    Team {
        alice: clone("alice"),
        bob: clone("bob"),
        _root: root,
    }
}

/// Rates one cell and saves as the workbench does, `updated` included.
fn rate(clone: &Path, evidence: usize, hypothesis: usize, rating: Rating, hour: u32) {
    let path = clone.join(MATRIX);
    let mut matrix = load_matrix(&path).unwrap();
    matrix.set_rating(evidence, hypothesis, Some(rating));
    matrix.updated = Some(Utc.with_ymd_and_hms(2026, 1, 2, hour, 0, 0).unwrap());
    std::fs::write(&path, matrix_to_toml(&matrix)).unwrap();
    ok(clone, &["commit", "-qam", "rate"]);
}

fn pull(clone: &Path) -> std::process::Output {
    git(clone, &["pull", "-q", "--no-rebase", "origin", "main"])
}

#[test]
fn two_analysts_rating_one_item_pull_without_a_conflict() {
    let team = team();
    rate(&team.alice, 0, 0, Rating::Inconsistent, 9);
    ok(&team.alice, &["push", "-q", "origin", "main"]);
    rate(&team.bob, 0, 1, Rating::VeryConsistent, 10);
    let pulled = pull(&team.bob);
    assert!(
        pulled.status.success(),
        "{}",
        String::from_utf8_lossy(&pulled.stderr)
    );
    assert_eq!(ok(&team.bob, &["status", "--porcelain"]), "");
    let matrix = load_matrix(&team.bob.join(MATRIX)).unwrap();
    assert_eq!(matrix.rating(0, 0), Some(Rating::Inconsistent));
    assert_eq!(matrix.rating(0, 1), Some(Rating::VeryConsistent));
    assert_eq!(
        matrix.updated,
        Some(Utc.with_ymd_and_hms(2026, 1, 2, 10, 0, 0).unwrap())
    );
    assert!(matrix.conflicts.is_empty());
}

#[test]
fn the_same_cell_rated_differently_is_unmerged_checked_and_resolvable() {
    let team = team();
    rate(&team.alice, 1, 2, Rating::Inconsistent, 9);
    ok(&team.alice, &["push", "-q", "origin", "main"]);
    rate(&team.bob, 1, 2, Rating::Consistent, 10);
    assert!(!pull(&team.bob).status.success());
    assert_eq!(
        ok(&team.bob, &["status", "--porcelain"]),
        format!("UU {MATRIX}\n")
    );
    // Not a broken file: it loads, and check names the conflict's line.
    let text = std::fs::read_to_string(team.bob.join(MATRIX)).unwrap();
    assert!(!text.contains("<<<<<<<"), "{text}");
    let line = text.lines().position(|l| l == "[[conflicts]]").unwrap() + 1;
    let check = ach(&team.bob, &["check", MATRIX]);
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&check.stderr),
        format!(
            "{MATRIX}:{line}:1: error: merge conflict at E2 / H3: C (ours) or I (theirs); \
             resolve it with `ach resolve`\n"
        )
    );
    let resolved = ach(&team.bob, &["resolve", MATRIX, "--theirs"]);
    assert!(
        resolved.status.success(),
        "{}",
        String::from_utf8_lossy(&resolved.stderr)
    );
    let matrix = load_matrix(&team.bob.join(MATRIX)).unwrap();
    assert_eq!(matrix.rating(1, 2), Some(Rating::Inconsistent));
    assert!(matrix.conflicts.is_empty());
    assert!(ach(&team.bob, &["check", MATRIX]).status.success());
    ok(&team.bob, &["commit", "-qam", "resolved"]);
}

#[test]
fn git_diff_and_ach_diff_name_the_changed_cell() {
    let team = team();
    let before = std::fs::read_to_string(team.alice.join(MATRIX)).unwrap();
    rate(&team.alice, 2, 0, Rating::VeryInconsistent, 9);
    let diff = ok(&team.alice, &["diff", "HEAD~1", "HEAD"]);
    assert!(diff.contains("\n-E3 / H1 = N\n+E3 / H1 = II\n"), "{diff}");
    let old = team.alice.join("old.toml");
    std::fs::write(&old, before).unwrap();
    let listed = ach(&team.alice, &["diff", "old.toml", MATRIX]);
    assert_eq!(
        String::from_utf8_lossy(&listed.stdout),
        "updated: 2026-01-01T00:00:00Z -> 2026-01-02T09:00:00Z\nE3 / H1: N -> II\n"
    );
}
