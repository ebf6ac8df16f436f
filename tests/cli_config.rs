//! `ach config` and the start-up checks around the settings file, in the
//! real binary.

use std::path::Path;

use assert_cmd::Command;

/// `ach ARGS` with only the settings environment given here.
fn ach(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut command = Command::cargo_bin("ach").unwrap();
    command
        .args(args)
        .current_dir(dir)
        .env_remove("ACH_CONFIG")
        .env_remove("NO_COLOR")
        .env("XDG_CONFIG_HOME", dir.join("xdg"))
        .env("TERM", "xterm-256color");
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn the_default_file_is_found_where_xdg_says_and_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let output = ach(dir.path(), &["config", "--path"], &[]);
    assert!(output.status.success());
    assert_eq!(
        text(&output.stdout).trim(),
        dir.path().join("xdg/ach/config.toml").display().to_string()
    );
    let output = ach(dir.path(), &["config"], &[]);
    assert!(output.status.success());
    assert!(text(&output.stdout).contains("not there; the defaults are in force"));

    // The printed defaults, uncommented line by line, are a valid file.
    let defaults = text(&ach(dir.path(), &["config", "--default"], &[]).stdout);
    let uncommented: String = defaults
        .lines()
        .filter_map(|line| line.strip_prefix("# "))
        .filter(|line| line.starts_with("[keys.") || line.contains(" = "))
        .map(|line| format!("{line}\n"))
        .collect();
    std::fs::create_dir_all(dir.path().join("xdg/ach")).unwrap();
    std::fs::write(dir.path().join("xdg/ach/config.toml"), uncommented).unwrap();
    let output = ach(dir.path(), &["config"], &[]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).ends_with("config.toml: valid\n"));
}

#[test]
fn mistakes_are_listed_with_their_lines() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.toml");
    std::fs::write(&file, "theme = \"dark\"\n[keys]\nundoo = \"U\"\n").unwrap();
    let file = file.display().to_string();
    let output = ach(dir.path(), &["config"], &[("ACH_CONFIG", &file)]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("mine.toml:1:9: `theme` must be one of"),
        "{stderr}"
    );
    // The second problem waits for the first: the file is parsed, then
    // the keys are checked against the keymap.
    std::fs::write(dir.path().join("mine.toml"), "[keys]\nundoo = \"U\"\n").unwrap();
    let output = ach(dir.path(), &["config"], &[("ACH_CONFIG", &file)]);
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("mine.toml:2:1: `undoo` is not an action"),
        "{stderr}"
    );
}

#[test]
fn a_named_file_that_is_missing_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let output = ach(
        dir.path(),
        &["config"],
        &[("ACH_CONFIG", "/nonexistent/ach.toml")],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("/nonexistent/ach.toml: cannot read"));
}

#[test]
fn a_dumb_terminal_is_refused_with_what_works_there() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("hypotheses")).unwrap();
    let output = ach(dir.path(), &[], &[("TERM", "dumb")]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("TERM=dumb"), "{stderr}");
    assert!(stderr.contains("`ach score`"), "{stderr}");
}
