//! The command line's contract: `--help` on every command, and exit
//! status 2 for usage errors (0 success and 1 invalid input are covered
//! by the other `cli_*` tests).

use ach_workbench::cli::Cli;
use assert_cmd::Command;
use clap::CommandFactory;

/// `ach` run in an empty scratch directory, so a usage test can never
/// create or read a real file.
fn ach(scratch: &tempfile::TempDir) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ach"));
    command.current_dir(scratch.path());
    command
}

/// Every subcommand the binary has, read from the parser itself so a new
/// command is covered without editing this file.
fn subcommands() -> Vec<String> {
    Cli::command()
        .get_subcommands()
        .map(|command| command.get_name().to_owned())
        .collect()
}

#[test]
fn the_documented_commands_exist() {
    let names = subcommands();
    for expected in ["score", "check", "new"] {
        assert!(names.iter().any(|name| name == expected), "{names:?}");
    }
}

#[test]
fn help_on_the_binary_and_every_command_exits_zero() {
    let scratch = tempfile::tempdir().unwrap();
    let output = ach(&scratch).arg("--help").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("Usage: ach"), "{text}");
    for name in subcommands() {
        assert!(text.contains(&name), "`ach --help` does not list {name}");
        for args in [vec![name.as_str(), "--help"], vec!["help", name.as_str()]] {
            let output = ach(&scratch).args(&args).output().unwrap();
            assert_eq!(output.status.code(), Some(0), "ach {args:?}");
            let text = String::from_utf8(output.stdout).unwrap();
            assert!(
                text.contains(&format!("Usage: ach {name}")),
                "ach {args:?}:\n{text}"
            );
        }
        let short = ach(&scratch).args([name.as_str(), "-h"]).output().unwrap();
        assert_eq!(short.status.code(), Some(0), "ach {name} -h");
    }
}

#[test]
fn version_exits_zero() {
    let scratch = tempfile::tempdir().unwrap();
    ach(&scratch)
        .arg("--version")
        .assert()
        .code(0)
        .stdout(format!("ach {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn usage_errors_exit_two_and_say_why() {
    let scratch = tempfile::tempdir().unwrap();
    let cases: &[&[&str]] = &[
        &["score"],
        &["check"],
        &["new"],
        &["new", "m.toml"],
        &["new", "m.toml", "--title"],
        &["score", "--bogus", "m.toml"],
        &["score", "m.toml", "--json=yes"],
        &["check", "--json", "m.toml"],
        &["frobnicate"],
        &["--no-such-flag"],
    ];
    for args in cases {
        let output = ach(&scratch).args(*args).output().unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(2), "ach {args:?}: {stderr}");
        assert!(stderr.starts_with("error: "), "ach {args:?}: {stderr}");
        assert!(stderr.contains("--help"), "ach {args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "ach {args:?}");
    }
    assert!(
        std::fs::read_dir(scratch.path()).unwrap().next().is_none(),
        "a usage error wrote a file"
    );
}
