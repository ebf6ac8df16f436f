//! Shell conventions, tried with the real consumers: bash loads the
//! completion script, `man` (or groff) renders the page, and `-` reads a
//! matrix from standard input.

use std::process::Command as Process;

use assert_cmd::Command;

const SAMPLE: &str = "tests/golden/sample.toml";

fn ach() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ach"))
}

fn stdout_of(args: &[&str]) -> String {
    let output = ach().args(args).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "ach {args:?}");
    String::from_utf8(output.stdout).unwrap()
}

fn have(program: &str) -> bool {
    Process::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|output| output.status.success())
}

#[test]
fn bash_completes_the_subcommands_and_their_options() {
    let scratch = tempfile::tempdir().unwrap();
    let script = scratch.path().join("ach.bash");
    std::fs::write(&script, stdout_of(&["completions", "bash"])).unwrap();
    let probe = format!(
        r#"source '{}'
complete -p ach
complete_words() {{ COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${{#COMP_LINE}}; COMPREPLY=(); _ach ach "${{COMP_WORDS[-1]}}" "${{COMP_WORDS[-2]}}"; echo "${{COMPREPLY[@]}}"; }}
echo "top: $(complete_words ach '')"
echo "export: $(complete_words ach export --f)"
"#,
        script.display()
    );
    let output = Process::new("bash").args(["-c", &probe]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        output.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(text.contains("-F _ach ach"), "{text}");
    let top = text.lines().find(|line| line.starts_with("top:")).unwrap();
    for command in [
        "score",
        "check",
        "new",
        "open",
        "export",
        "completions",
        "man",
    ] {
        assert!(top.split_whitespace().any(|word| word == command), "{top}");
    }
    let export = text
        .lines()
        .find(|line| line.starts_with("export:"))
        .unwrap();
    assert!(export.contains("--format"), "{export}");
}

#[test]
fn every_shell_gets_a_script_naming_the_commands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout_of(&["completions", shell]);
        assert!(script.contains("export"), "{shell}");
        assert!(script.contains("completions"), "{shell}");
    }
    ach().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn the_man_page_renders_with_every_command() {
    let scratch = tempfile::tempdir().unwrap();
    let page = scratch.path().join("ach.1");
    std::fs::write(&page, stdout_of(&["man"])).unwrap();
    let page = page.to_str().unwrap();
    // `man -l` is the consumer users have; groff is what man runs.
    let render = if have("man") {
        format!("MANWIDTH=100 man -l '{page}'")
    } else if have("groff") {
        format!("groff -man -Tutf8 '{page}'")
    } else {
        eprintln!("neither man nor groff is installed: checking the roff text only");
        format!("cat '{page}'")
    };
    let output = Process::new("sh")
        .args(["-c", &render])
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("NAME"), "{text}");
    for command in [
        "SCORE",
        "CHECK",
        "NEW",
        "OPEN",
        "EXPORT",
        "COMPLETIONS",
        "MAN",
    ] {
        assert!(
            text.contains(&format!("ACH {command}")),
            "{command}:\n{text}"
        );
    }
    assert!(text.contains("--format"), "{text}");
    assert!(
        !text.contains("ach-score(1)"),
        "points at a page that is not installed"
    );
}

#[test]
fn a_dash_reads_the_matrix_from_standard_input() {
    let matrix = std::fs::read(SAMPLE).unwrap();
    let from_file = stdout_of(&["score", "--json", SAMPLE]);
    let from_stdin = ach()
        .args(["score", "--json", "-"])
        .write_stdin(matrix.clone())
        .output()
        .unwrap();
    assert_eq!(from_stdin.status.code(), Some(0));
    assert_eq!(String::from_utf8(from_stdin.stdout).unwrap(), from_file);

    let exported = ach()
        .args(["export", "-", "--format", "csv", "--date", "2026-02-20"])
        .write_stdin(matrix.clone())
        .output()
        .unwrap();
    assert_eq!(exported.status.code(), Some(0));
    assert_eq!(
        exported.stdout,
        stdout_of(&["export", SAMPLE, "--format", "csv", "--date", "2026-02-20"]).into_bytes()
    );

    ach()
        .args(["-w", "tests/golden", "check", "-"])
        .write_stdin(matrix)
        .assert()
        .code(0)
        .stdout(predicates::str::starts_with("<stdin>: ok: "));
}

#[test]
fn a_bad_matrix_on_standard_input_is_named_stdin_with_its_position() {
    ach()
        .args(["check", "-"])
        .write_stdin("schema = 1\ntitle = \n")
        .assert()
        .code(1)
        .stderr(predicates::str::starts_with("<stdin>:2:"));
}

#[test]
fn an_export_to_an_unknown_extension_is_refused() {
    let scratch = tempfile::tempdir().unwrap();
    let pdf = scratch.path().join("x.pdf");
    ach()
        .args(["export", SAMPLE, "-o"])
        .arg(&pdf)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("x.pdf: cannot tell the format"));
    assert!(!pdf.exists(), "nothing is written");
    // Naming the format says what the file is.
    ach()
        .args(["export", SAMPLE, "--format", "html", "-o"])
        .arg(&pdf)
        .assert()
        .code(0);
    assert!(
        std::fs::read_to_string(&pdf)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
}

#[test]
fn a_workspace_that_does_not_exist_is_refused() {
    for args in [vec!["score", SAMPLE], vec!["check", SAMPLE], vec![]] {
        ach()
            .args(["-w", "/nonexistent/ach-workspace"])
            .args(&args)
            .assert()
            .code(1)
            .stderr("ach: /nonexistent/ach-workspace: the workspace is not a directory\n");
    }
}

#[test]
fn opening_a_missing_matrix_exits_one_with_its_path() {
    let scratch = tempfile::tempdir().unwrap();
    let missing = scratch.path().join("missing.toml");
    ach()
        .arg("open")
        .arg(&missing)
        .assert()
        .code(1)
        .stderr(predicates::str::contains(format!(
            "{}: no such matrix file",
            missing.display()
        )));
    assert!(!missing.exists());
}
