//! `ach open --team` in a terminal: the team view starts and shows the
//! consensus, the cell by analyst and the open matrix's analyst.

use std::time::Duration;

use super::session::Session;

fn copy(analyst: &str, rating: &str) -> String {
    format!(
        "schema = 1\ntitle = \"Who took the cargo\"\nanalyst = \"{analyst}\"\n\n\
         [[hypotheses]]\nid = \"H1\"\ntitle = \"The crew\"\n\n\
         [[hypotheses]]\nid = \"H2\"\ntitle = \"The buyer\"\n\n\
         [[evidence]]\nid = \"E1\"\nsummary = \"A witness\"\nratings = {{ H1 = \"{rating}\", H2 = \"N\" }}\n"
    )
}

#[test]
fn ach_open_team_shows_the_team_view_and_me_against_the_team() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("hypotheses/cargo");
    std::fs::create_dir_all(&folder).unwrap();
    for (analyst, rating) in [("alice", "CC"), ("bob", "II"), ("carol", "I")] {
        std::fs::write(
            folder.join(format!("{analyst}.toml")),
            copy(analyst, rating),
        )
        .unwrap();
    }
    let mut ach = Session::start(
        dir.path(),
        &[
            "open",
            "hypotheses/cargo/alice.toml",
            "--team",
            "hypotheses/cargo",
        ],
    );
    ach.wait_for("Team: Who took the cargo · 3 analysts");
    ach.wait_for("I!!");
    ach.wait_for("consensus I · spread 1.70 (extreme)");
    ach.wait_for("Me against the team: alice (live)");
    ach.wait_for("E1 / H1: mine CC, team I (3 steps)");
    // T hides the view: alice's matrix is under it.
    ach.send("T");
    ach.wait_for("Rank");
    ach.send("q");
    ach.wait_for_exit(Duration::from_secs(10));
}

#[test]
fn ach_open_team_names_a_bad_file_before_starting() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.toml"), "schema = 1\ntitle = \n").unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_ach"))
        .args(["open", "--team", "bad.toml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("bad.toml"), "{stderr}");
    assert!(stderr.contains(":2"), "names the line: {stderr}");
}
