//! A hostile workspace against the real binary on a real file system:
//! symbolic links where the product writes its own files, FIFOs where it
//! reads, and a sparse 4 GiB document. Nothing may be written through a
//! link, nothing may hang (every run has a timeout), and a passage check
//! reads only what it compares.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use predicates::str::contains;

const MATRIX: &str = "hypotheses/m.toml";

/// A workspace holding the passages fixture as `hypotheses/m.toml` and its
/// document.
fn workspace() -> tempfile::TempDir {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("seeds")).unwrap();
    fs::create_dir(dir.path().join("hypotheses")).unwrap();
    fs::copy(
        fixtures.join("seeds/field-report.txt"),
        dir.path().join("seeds/field-report.txt"),
    )
    .unwrap();
    fs::copy(fixtures.join("passages.toml"), dir.path().join(MATRIX)).unwrap();
    dir
}

/// `ach ARGS` in `dir`, killed after 20 s so a hang fails the test.
fn ach(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    Command::new(env!("CARGO_BIN_EXE_ach"))
        .args(args)
        .current_dir(dir)
        .timeout(Duration::from_secs(20))
        .assert()
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status();
    assert!(status.unwrap().success());
}

/// A matrix with one passage into `document` at `start..end`.
fn matrix_quoting(document: &str, start: u64, end: u64, quote: &str) -> String {
    format!(
        "schema = 1\ntitle = \"t\"\n\n[[hypotheses]]\nid = \"H1\"\ntitle = \"h\"\n\n\
         [[evidence]]\nid = \"E1\"\nsummary = \"s\"\nratings = {{ H1 = \"C\" }}\n\n\
         [evidence.source]\ndocument = \"{document}\"\nstart = {start}\nend = {end}\nquote = \"{quote}\"\n"
    )
}

#[test]
fn export_refuses_a_symlinked_backup_and_leaves_its_target_alone() {
    let dir = workspace();
    let victim = dir.path().join("victim");
    fs::write(&victim, "precious").unwrap();
    fs::write(dir.path().join("report.html"), "old report").unwrap();
    symlink(&victim, dir.path().join("report.html.bak")).unwrap();
    ach(dir.path(), &["export", MATRIX, "-o", "report.html"])
        .failure()
        .stderr(contains("report.html.bak is a symbolic link"));
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    assert_eq!(
        fs::read_to_string(dir.path().join("report.html")).unwrap(),
        "old report"
    );
}

#[test]
fn export_over_a_symlinked_output_copies_nothing_into_the_workspace() {
    let dir = workspace();
    let secret = tempfile::tempdir().unwrap();
    let key = secret.path().join("id_rsa");
    fs::write(&key, "PRIVATE KEY").unwrap();
    symlink(&key, dir.path().join("hypotheses/m.html")).unwrap();
    ach(dir.path(), &["export", MATRIX, "-o", "hypotheses/m.html"])
        .failure()
        .stderr(contains("hypotheses/m.html is a symbolic link"));
    assert!(!dir.path().join("hypotheses/m.html.bak").exists());
    assert_eq!(fs::read_to_string(&key).unwrap(), "PRIVATE KEY");
}

#[test]
fn a_fifo_document_is_reported_not_waited_on_by_check_and_export() {
    let dir = workspace();
    mkfifo(&dir.path().join("seeds/pipe"));
    symlink("pipe", dir.path().join("seeds/link.txt")).unwrap();
    fs::write(
        dir.path().join("hypotheses/f.toml"),
        matrix_quoting("seeds/link.txt", 0, 5, "Hello"),
    )
    .unwrap();
    ach(dir.path(), &["check", "hypotheses/f.toml"])
        .success()
        .stderr(contains("not a regular file (a named pipe)"))
        .stdout(contains("0 of 1 passages match"));
    for format in ["markdown", "html", "csv", "json", "brief"] {
        ach(
            dir.path(),
            &["export", "hypotheses/f.toml", "-f", format, "-o", "-"],
        )
        .success();
    }
}

#[test]
fn a_fifo_named_like_a_matrix_is_an_error_not_a_hang() {
    let dir = workspace();
    mkfifo(&dir.path().join("hypotheses/b.toml"));
    ach(dir.path(), &["check", MATRIX, "hypotheses/b.toml"])
        .failure()
        .stderr(contains(
            "hypotheses/b.toml: cannot read: not a regular file (a named pipe)",
        ));
}

#[test]
fn a_passage_into_a_sparse_4_gib_document_reads_only_the_quote() {
    let dir = workspace();
    let huge = dir.path().join("seeds/huge.txt");
    let file = fs::File::create(&huge).unwrap();
    let length: u64 = 4 << 30;
    file.set_len(length).unwrap(); // sparse: no blocks on disk
    drop(file);
    {
        use std::io::{Seek, SeekFrom, Write};
        let mut file = fs::OpenOptions::new().write(true).open(&huge).unwrap();
        file.seek(SeekFrom::Start(length - 5)).unwrap();
        file.write_all(b"tail!").unwrap();
    }
    fs::write(
        dir.path().join("hypotheses/h.toml"),
        matrix_quoting("seeds/huge.txt", length - 5, length, "tail!"),
    )
    .unwrap();
    // 1 GiB of address space: reading the whole document (as before)
    // cannot fit, reading the quote does.
    let binary = env!("CARGO_BIN_EXE_ach");
    Command::new("bash")
        .args([
            "-c",
            &format!("ulimit -v 1048576 && exec '{binary}' check hypotheses/h.toml"),
        ])
        .current_dir(dir.path())
        .timeout(Duration::from_secs(20))
        .assert()
        .success()
        .stdout(contains("1 of 1 passages match"));
}

#[test]
fn an_export_quoting_a_sparse_4_gib_document_reads_only_up_to_its_passages() {
    let dir = workspace();
    let huge = dir.path().join("seeds/huge.txt");
    {
        use std::io::Write;
        let mut file = fs::File::create(&huge).unwrap();
        file.write_all(b"line one\nhead!").unwrap();
        file.set_len(4 << 30).unwrap(); // sparse: no blocks on disk
    }
    fs::write(
        dir.path().join("hypotheses/h.toml"),
        matrix_quoting("seeds/huge.txt", 9, 14, "head!"),
    )
    .unwrap();
    // 1 GiB of address space: reading the whole document to count lines
    // (as before) cannot fit; checking start..end and counting lines up
    // to the passage does.
    let binary = env!("CARGO_BIN_EXE_ach");
    Command::new("bash")
        .args([
            "-c",
            &format!("ulimit -v 1048576 && exec '{binary}' export hypotheses/h.toml -f brief"),
        ])
        .current_dir(dir.path())
        .timeout(Duration::from_secs(20))
        .assert()
        .success()
        .stdout(contains("seeds/huge.txt, line 2 (bytes 9–14)"));
}

#[test]
fn cli_messages_print_escapes_and_bidi_controls_inert() {
    let dir = tempfile::tempdir().unwrap();
    ach(dir.path(), &["--workspace", "x\u{1b}]2;PWNED\u{7}"])
        .failure()
        .stderr("ach: x␛]2;PWNED␇: the workspace is not a directory\n");
    ach(
        dir.path(),
        &["new", "x\u{1b}]2;P\u{7}.toml", "--title", "t"],
    )
    .success()
    .stdout("created x␛]2;P␇.toml\n");
    ach(
        dir.path(),
        &["new", "x\u{1b}]2;P\u{7}.toml", "--title", "t"],
    )
    .failure()
    .stderr("ach: x␛]2;P␇.toml: already exists; refusing to overwrite it\n");
    ach(dir.path(), &["new", "r\u{202e}lmth.toml", "--title", "t"])
        .success()
        .stdout("created r\u{fffd}lmth.toml\n");
    // A usage error quotes the argument as typed, without its escapes.
    let output = Command::new(env!("CARGO_BIN_EXE_ach"))
        .args(["--x\u{1b}]2;P\u{7}"])
        .current_dir(dir.path())
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    assert!(!stderr.contains('\u{7}'), "{stderr:?}");
}
