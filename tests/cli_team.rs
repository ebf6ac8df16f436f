//! `ach team` on the real binary: three analysts' copies in a folder.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn copy(dir: &Path, analyst: &str, e1: [&str; 2], extra: bool) {
    let mut text = format!(
        "schema = 1\ntitle = \"Who\"\nanalyst = \"{analyst}\"\n\n[[hypotheses]]\nid = \"H1\"\ntitle = \"Alone\"\n\n\
         [[hypotheses]]\nid = \"H2\"\ntitle = \"With help\"\n\n[[evidence]]\nid = \"E1\"\nsummary = \"A witness\"\n\
         ratings = {{ H1 = \"{}\", H2 = \"{}\" }}\n\n[[evidence]]\nid = \"E2\"\nsummary = \"A receipt\"\nratings = {{ H1 = \"N\", H2 = \"N\" }}\n",
        e1[0], e1[1]
    );
    if extra {
        text.push_str(
            "\n[[evidence]]\nid = \"E3\"\nsummary = \"A rumour\"\nratings = { H1 = \"I\" }\n",
        );
    }
    std::fs::write(dir.join(format!("{analyst}.toml")), text).unwrap();
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy(dir.path(), "alice", ["II", "C"], true);
    copy(dir.path(), "bob", ["I", "C"], false);
    copy(dir.path(), "carol", ["CC", "C"], false);
    dir
}

#[test]
fn the_json_gives_every_rating_the_consensus_and_each_leader() {
    let dir = folder();
    let output = Command::new(env!("CARGO_BIN_EXE_ach"))
        .arg("team")
        .arg(dir.path())
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        json["analysts"],
        serde_json::json!(["alice", "bob", "carol"])
    );
    let cell = &json["cells"][0];
    assert_eq!(
        (cell["evidence"].as_str(), cell["hypothesis"].as_str()),
        (Some("E1"), Some("H1"))
    );
    assert_eq!(
        cell["ratings"],
        serde_json::json!({"alice": "II", "bob": "I", "carol": "CC"})
    );
    assert_eq!(cell["consensus"], "I");
    // Values −2, −1, +2: mean −1/3, population deviation √(26/9).
    assert!((cell["spread"].as_f64().unwrap() - (26.0f64 / 9.0).sqrt()).abs() < 1e-9);
    assert_eq!(cell["band"], "extreme");
    assert_eq!(json["cells"][1]["band"], "agreement");
    // H1 is inconsistent with E1 by consensus, so H2 leads; carol alone rated
    // E1 CC for H1, so her own leader is H1.
    assert_eq!(json["hypotheses"][0]["id"], "H2");
    assert_eq!(json["consensus_leaders"], serde_json::json!(["H2"]));
    assert_eq!(json["leaders"]["carol"], serde_json::json!(["H1"]));
    assert_eq!(json["leaders"]["alice"], serde_json::json!(["H2"]));
    assert_eq!(
        json["only_in_some"]["evidence"],
        serde_json::json!([{"id": "E3", "analysts": ["alice"]}])
    );
}

#[test]
fn the_text_lists_the_splits_biggest_first_and_partial_items() {
    let dir = folder();
    let output = Command::new(env!("CARGO_BIN_EXE_ach"))
        .arg("team")
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("  E1 / H1: consensus I, spread 1.70 (extreme): alice II, bob I, carol CC\n"),
        "{text}"
    );
    assert!(
        text.contains("Evidence only in some copies\n  E3: only alice\n"),
        "{text}"
    );
    assert!(text.contains("  carol: H1\n"), "{text}");
}

/// Adds `probability = P` to each hypothesis of `analyst`'s copy.
fn judge(dir: &Path, analyst: &str, judged: [&str; 2]) {
    let path = dir.join(format!("{analyst}.toml"));
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace(
            "title = \"Alone\"\n",
            &format!("title = \"Alone\"\nprobability = {}\n", judged[0]),
        )
        .replace(
            "title = \"With help\"\n",
            &format!("title = \"With help\"\nprobability = {}\n", judged[1]),
        );
    std::fs::write(path, text).unwrap();
}

#[test]
fn judged_probabilities_are_made_coherent_then_averaged() {
    let dir = folder();
    // Alice's sum to 1.25 (coherent 0.6, 0.4), Bob's to 1; Carol gives none.
    judge(dir.path(), "alice", ["0.75", "0.5"]);
    judge(dir.path(), "bob", ["0.2", "0.8"]);
    let run = |json: bool| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_ach"));
        command.arg("team").arg(dir.path());
        if json {
            command.arg("--json");
        }
        let output = command.output().unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    let json: Value = serde_json::from_str(&run(true)).unwrap();
    let p = &json["probabilities"];
    let close = |value: &Value, expected: f64| (value.as_f64().unwrap() - expected).abs() < 1e-12;
    assert!(close(&p["coherent"]["alice"]["H1"], 0.6));
    assert!(close(&p["coherent"]["bob"]["H2"], 0.8));
    assert_eq!(p["coherent"]["carol"], Value::Null);
    assert!(close(&p["average"]["H1"], 0.4));
    assert!(close(&p["average"]["H2"], 0.6));
    assert_eq!(p["averaged"], 2);
    let posterior: f64 = ["H1", "H2"]
        .iter()
        .map(|h| p["posterior"][h].as_f64().unwrap())
        .sum();
    assert!((posterior - 1.0).abs() < 1e-12);
    let text = run(false);
    assert!(
        text.contains("(2 of 3 analysts give one for every hypothesis)"),
        "{text}"
    );
    assert!(
        text.contains("  H1 Alone: team 0.40 (unlikely), model "),
        "{text}"
    );
}

/// `ach team FOLDER --brief` with a fixed date, as bytes of text.
fn brief(dir: &Path, extra: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ach"))
        .arg("team")
        .arg(dir)
        .args(["--brief", "--date", "2026-12-03"])
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn the_brief_names_each_split_cell_with_its_analysts_and_ratings() {
    let dir = folder();
    // Without alice's E3 (I for H1), carol's CC on E1 / H1 turns the leader.
    copy(dir.path(), "alice", ["II", "C"], false);
    let output = brief(dir.path(), &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("# Team brief: Who\n"), "{text}");
    assert!(
        text.contains("- **Generated:** 2026-12-03 by ACH Workbench\n"),
        "{text}"
    );
    // The split cell, named with every analyst and their rating.
    assert!(
        text.contains("| E1 | A witness | H1 | I | 1.70 | extreme | alice II, bob I, carol CC |"),
        "{text}"
    );
    // Carol's CC there would make H1 the consensus leader.
    assert!(
        text.contains("| E1 | A witness | H1 | I | 1.70 | extreme | CC (carol) | H1 (Alone) |"),
        "{text}"
    );
    assert!(text.contains("| carol | H1 (Alone) | no |"), "{text}");
    assert!(text.contains("| bob | H2 (With help) | yes |"), "{text}");
    assert!(text.contains("| E2 | A receipt | H1 N, H2 N |"), "{text}");
}

#[test]
fn the_brief_goes_to_a_file_and_never_over_an_analysts_matrix() {
    let dir = folder();
    let out = dir.path().join("brief.md");
    let output = brief(dir.path(), &["-o", out.to_str().unwrap()]);
    assert!(output.status.success());
    assert!(output.stdout.is_empty());
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains("alice II, bob I, carol CC"), "{written}");
    // Alice's E3 keeps H1 behind whatever carol rates E1 / H1.
    assert!(
        written.contains("## Splits that change the leader\n\nNone: "),
        "{written}"
    );
    assert!(
        written.contains("## Evidence only in some copies\n\n- E3: only alice\n"),
        "{written}"
    );
    // E3, in alice's copy alone, is not something the team agrees on.
    assert!(
        written.contains("| E2 | A receipt | H1 N, H2 N |"),
        "{written}"
    );
    assert!(!written.contains("| E3 | A rumour |"), "{written}");
    let matrix = dir.path().join("bob.toml");
    let before = std::fs::read(&matrix).unwrap();
    let output = brief(dir.path(), &["-o", matrix.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("refusing to overwrite an analyst's matrix"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(std::fs::read(&matrix).unwrap(), before);
}

#[test]
fn brief_and_json_cannot_be_asked_together() {
    let dir = folder();
    let output = brief(dir.path(), &["--json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot be used with"));
    // -o without --brief is refused too, rather than ignored.
    let output = Command::new(env!("CARGO_BIN_EXE_ach"))
        .arg("team")
        .arg(dir.path())
        .args(["-o", "x.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}
