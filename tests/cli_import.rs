//! `ach import` on the real binary: a saved web page and an e-mail become
//! documents with their metadata, the library's sources are untouched, and
//! a refused file leaves nothing behind.

use std::fs;

use assert_cmd::Command;

fn ach(workspace: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ach"));
    command.arg("--workspace").arg(workspace);
    command
}

const PAGE: &str = r#"<html><head><title>Storm | Harbour News</title>
<meta property="og:site_name" content="Harbour News">
<meta property="og:title" content="Storm closes the port">
<link rel="canonical" href="https://harbour.example/storm">
</head><body><nav>Home · World · Follow us on social</nav>
<article><p>The harbour authority closed the port on Monday after the storm damaged two
cranes and the northern breakwater, officials said in a statement to reporters.</p>
<p>Repairs are expected to take several weeks while engineers assess the damage done.</p></article>
<footer>Subscribe to our newsletter</footer></body></html>"#;

const MAIL: &str = "From: Desk <desk@wire.example>\r\nSubject: Port update\r\n\
Date: Thu, 2 May 2024 10:00:00 +0000\r\n\r\nThe port reopens on Friday.\r\n";

#[test]
fn a_page_and_an_email_are_imported() {
    let dir = tempfile::tempdir().unwrap();
    let downloads = dir.path().join("downloads");
    fs::create_dir(&downloads).unwrap();
    fs::write(downloads.join("storm.html"), PAGE).unwrap();
    fs::write(downloads.join("update.eml"), MAIL).unwrap();
    let workspace = dir.path().join("ws");
    fs::create_dir(&workspace).unwrap();

    let output = ach(&workspace)
        .arg("import")
        .arg(downloads.join("storm.html"))
        .arg(downloads.join("update.eml"))
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].ends_with(
            "storm.html: imported as seeds/storm.txt (“Storm closes the port”, Harbour News, https://harbour.example/storm)"
        ),
        "{stdout}"
    );
    assert!(
        lines[1].ends_with(
            "update.eml: imported as seeds/update.txt (“Port update”, Desk <desk@wire.example>, wire.example, 2024-05-02)"
        ),
        "{stdout}"
    );
    let seeds = workspace.join("seeds");
    assert_eq!(fs::read_to_string(seeds.join("storm.html")).unwrap(), PAGE);
    assert_eq!(
        fs::read_to_string(seeds.join("update.txt")).unwrap(),
        "The port reopens on Friday.\n"
    );
    let sidecar = fs::read_to_string(seeds.join("storm.txt.meta.toml")).unwrap();
    let table: toml::Table = sidecar.parse().unwrap();
    assert_eq!(table["publisher"].as_str(), Some("Harbour News"));
    assert_eq!(table["original"].as_str(), Some("storm.html"));
    assert_eq!(table["sha256"].as_str().map(str::len), Some(64));
}

#[test]
fn an_unsupported_file_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("scan.png");
    fs::write(&file, b"\x89PNG").unwrap();
    let workspace = dir.path().join("ws");
    fs::create_dir(&workspace).unwrap();
    let output = ach(&workspace).arg("import").arg(&file).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.ends_with(
            "scan.png: not imported: cannot import `.png` files (import takes .html, .htm, .eml, .docx, .txt and .md)\n"
        ),
        "{stderr}"
    );
    assert_eq!(fs::read_dir(&workspace).unwrap().count(), 0);
}

/// A `.docx` saved by LibreOffice (tests/fixtures/import/harbour-report.docx,
/// rebuilt by scripts/make-import-fixtures.py).
fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

#[test]
fn a_word_document_is_imported_with_its_core_properties() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = dir.path().join("ws");
    fs::create_dir(&workspace).unwrap();
    let output = ach(&workspace)
        .arg("import")
        .arg(fixture("harbour-report.docx"))
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.ends_with(
            "harbour-report.docx: imported as seeds/harbour-report.txt (“Harbour damage assessment”, Ann Writer, Harbour Authority, 2024-05-03)\n"
        ),
        "{stdout}"
    );
    let seeds = workspace.join("seeds");
    assert_eq!(
        fs::read_to_string(seeds.join("harbour-report.txt")).unwrap(),
        "Harbour damage assessment\n\n\
         The harbour authority closed the port on Monday after the storm damaged two cranes and the northern breakwater.\n\n\
         Officials expect to conclude the assessment by June.\tRepairs will follow.\n\n\
         Crane 4 lost its boom.\n"
    );
    assert_eq!(
        fs::read(seeds.join("harbour-report.docx")).unwrap(),
        fs::read(fixture("harbour-report.docx")).unwrap()
    );
}

#[test]
fn a_corrupt_word_document_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = fs::read(fixture("harbour-report.docx")).unwrap();
    bytes.truncate(bytes.len() / 2);
    let file = dir.path().join("cut.docx");
    fs::write(&file, bytes).unwrap();
    let workspace = dir.path().join("ws");
    fs::create_dir(&workspace).unwrap();
    let output = ach(&workspace).arg("import").arg(&file).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(
            "cut.docx: not imported: not a Word document: the file is not a valid zip archive ("
        ),
        "{stderr}"
    );
    let left: Vec<_> = walkdir::WalkDir::new(&workspace)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| entry.path().to_owned())
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
