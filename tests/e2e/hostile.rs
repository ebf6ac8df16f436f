//! The workbench in a hostile workspace, on a real file system: symbolic
//! links where it writes its own files, FIFOs where it reads.

use std::fs;
use std::os::unix::fs::symlink;
use std::time::Duration;

use super::session::Session;
use super::{MATRIX, workspace};

fn mkfifo(path: &std::path::Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status();
    assert!(status.unwrap().success());
}

#[test]
fn a_fifo_behind_a_document_name_is_skipped_and_q_still_quits() {
    let dir = workspace();
    mkfifo(&dir.path().join("seeds/pipe"));
    symlink("pipe", dir.path().join("seeds/link.txt")).unwrap();
    mkfifo(&dir.path().join("seeds/fifo.txt"));
    // Before, the library scan opened link.txt and waited for a writer.
    let mut ach = Session::start(dir.path(), &[]);
    ach.wait_for("⊘ fifo.txt          skipped: a named pi");
    ach.send("q");
    ach.wait_for_exit(Duration::from_secs(10));
}

#[test]
fn a_lock_symlink_is_refused_and_its_target_kept() {
    let dir = workspace();
    let victim = dir.path().join("bashrc");
    fs::write(&victim, "export PATH=...").unwrap();
    symlink(&victim, dir.path().join(format!("{MATRIX}.lock"))).unwrap();
    let mut ach = Session::start(dir.path(), &["open", MATRIX]);
    ach.wait_for("symbolic");
    ach.send("\x1b");
    ach.send("q");
    ach.wait_for_exit(Duration::from_secs(10));
    assert_eq!(fs::read_to_string(&victim).unwrap(), "export PATH=...");
}

#[test]
fn a_backup_symlink_is_refused_on_save_and_its_target_kept() {
    let dir = workspace();
    let victim = dir.path().join("victim");
    fs::write(&victim, "precious").unwrap();
    symlink(&victim, dir.path().join(format!("{MATRIX}.bak"))).unwrap();
    let before = fs::read(dir.path().join(MATRIX)).unwrap();
    let mut ach = Session::start(dir.path(), &["open", MATRIX]);
    ach.wait_for("E1");
    ach.send("I");
    ach.wait_for("[+]");
    ach.send("\x13");
    ach.wait_for(".bak is a symbolic");
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    assert_eq!(fs::read(dir.path().join(MATRIX)).unwrap(), before);
}

#[test]
fn a_second_name_for_an_open_matrix_meets_its_lock() {
    let dir = workspace();
    symlink(
        MATRIX.rsplit('/').next().unwrap(),
        dir.path().join("hypotheses/alias.toml"),
    )
    .unwrap();
    let first = Session::start(dir.path(), &["open", MATRIX]);
    first.wait_for("E1");
    let second = Session::start(dir.path(), &["open", "hypotheses/alias.toml"]);
    second.wait_for("already open in another workbench");
    drop(first);
}

#[test]
fn an_export_over_a_symlinked_output_copies_nothing_into_the_workspace() {
    let dir = workspace();
    let secret = tempfile::tempdir().unwrap();
    let key = secret.path().join("id_rsa");
    fs::write(&key, "PRIVATE KEY").unwrap();
    let output = MATRIX.replace(".toml", ".md");
    symlink(&key, dir.path().join(&output)).unwrap();
    let mut ach = Session::start(dir.path(), &["open", MATRIX]);
    ach.wait_for("E1");
    // X, Enter on Markdown: the link is a file in the way, so it asks
    // first; y replaces, which refuses the link (the status line is too
    // narrow for the whole reason; the files below are the proof).
    ach.send("X");
    ach.wait_for("Export the matrix");
    ach.send("\r");
    ach.wait_for("already exists");
    ach.send("y");
    ach.wait_for("Could not export");
    assert_eq!(fs::read_to_string(&key).unwrap(), "PRIVATE KEY");
    assert!(!dir.path().join(format!("{output}.bak")).exists());
    assert!(
        fs::symlink_metadata(dir.path().join(&output))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    ach.send("q");
    ach.wait_for_exit(Duration::from_secs(10));
}

#[test]
fn enter_on_a_passage_into_a_fifo_reports_it_and_q_still_quits() {
    let dir = workspace();
    mkfifo(&dir.path().join("seeds/pipe"));
    symlink("pipe", dir.path().join("seeds/link.txt")).unwrap();
    fs::write(
        dir.path().join("hypotheses/f.toml"),
        "schema = 1\ntitle = \"t\"\n\n[[hypotheses]]\nid = \"H1\"\ntitle = \"h\"\n\n\
         [[evidence]]\nid = \"E1\"\nsummary = \"s\"\n\n[evidence.source]\n\
         document = \"seeds/link.txt\"\nstart = 0\nend = 5\nquote = \"Hello\"\n",
    )
    .unwrap();
    let mut ach = Session::start(dir.path(), &["open", "hypotheses/f.toml"]);
    ach.wait_for("E1");
    // Before, opening the document waited for a writer to the FIFO.
    ach.send("\r");
    ach.wait_for("Could not open the document");
    ach.send("q");
    ach.wait_for_exit(Duration::from_secs(10));
}
