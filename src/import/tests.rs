use std::fs;

use super::*;
use crate::workspace::read_metadata;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
}

const PAGE: &str = r#"<html><head><title>Storm | Harbour News</title>
<meta property="og:site_name" content="Harbour News">
<meta property="og:title" content="Storm closes the port">
</head><body><nav>Home · World · Follow us on social</nav>
<article><p>The harbour authority closed the port on Monday after the storm damaged two
cranes and the northern breakwater, officials said in a statement to reporters.</p>
<p>Repairs are expected to take several weeks while engineers assess the damage done.</p></article>
<footer>Subscribe to our newsletter</footer></body></html>"#;

#[test]
fn a_web_page_is_imported_with_its_original_and_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = Workspace::new(dir.path().join("ws"));
    fs::create_dir_all(workspace.root()).unwrap();
    let source = dir.path().join("storm.html");
    fs::write(&source, PAGE).unwrap();

    let imported = import_file(&workspace, &source, today()).unwrap();
    assert_eq!(imported.document, "seeds/storm.txt");
    assert_eq!(imported.original, "seeds/storm.html");
    let root = workspace.root();
    assert_eq!(
        fs::read_to_string(root.join("seeds/storm.html")).unwrap(),
        PAGE
    );
    let text = fs::read_to_string(root.join("seeds/storm.txt")).unwrap();
    assert!(text.contains("closed the port on Monday"), "{text}");
    assert!(!text.contains("Follow us"), "{text}");
    let metadata = read_metadata(&root.join("seeds/storm.txt"))
        .unwrap()
        .unwrap();
    assert_eq!(metadata, imported.metadata);
    assert_eq!(metadata.title.as_deref(), Some("Storm closes the port"));
    assert_eq!(metadata.publisher.as_deref(), Some("Harbour News"));
    assert_eq!(metadata.retrieved.as_deref(), Some("2026-12-03"));
    assert_eq!(metadata.original.as_deref(), Some("storm.html"));
    assert_eq!(metadata.sha256, Some(sha256_hex(PAGE.as_bytes())));
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

#[test]
fn imported_text_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = Workspace::new(dir.path());
    let source = dir.path().join("storm.html");
    fs::write(&source, PAGE).unwrap();
    import_file(&workspace, &source, today()).unwrap();
    let before = fs::read(dir.path().join("seeds/storm.txt")).unwrap();
    let error = import_file(&workspace, &source, today()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "seeds/storm.txt already exists; imported text is never replaced (rename the file to import it again)"
    );
    assert_eq!(
        fs::read(dir.path().join("seeds/storm.txt")).unwrap(),
        before
    );
}

#[test]
fn a_latin1_text_in_the_library_is_imported_beside_itself() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = Workspace::new(dir.path());
    fs::create_dir(dir.path().join("seeds")).unwrap();
    let source = dir.path().join("seeds/notes.txt");
    fs::write(&source, b"Le caf\xe9 est ferm\xe9.\n").unwrap();
    let imported = import_file(&workspace, &source, today()).unwrap();
    assert_eq!(imported.document, "seeds/notes.utf8.txt");
    assert_eq!(imported.original, "seeds/notes.txt");
    assert_eq!(
        fs::read_to_string(dir.path().join("seeds/notes.utf8.txt")).unwrap(),
        "Le café est fermé.\n"
    );
    assert_eq!(fs::read(&source).unwrap(), b"Le caf\xe9 est ferm\xe9.\n");
    assert_eq!(imported.metadata.encoding.as_deref(), Some("windows-1252"));
}

#[test]
fn a_file_that_cannot_be_converted_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = Workspace::new(dir.path().join("ws"));
    let empty_page = dir.path().join("empty.html");
    fs::write(&empty_page, "<html><body></body></html>").unwrap();
    let binary = dir.path().join("image.txt");
    fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    let pdf = dir.path().join("report.pdf");
    fs::write(&pdf, b"%PDF-1.7").unwrap();
    assert!(matches!(
        import_file(&workspace, &empty_page, today()),
        Err(ImportError::Unconvertible(_))
    ));
    assert_eq!(
        import_file(&workspace, &binary, today())
            .unwrap_err()
            .to_string(),
        "a binary file, not a text document"
    );
    assert_eq!(
        import_file(&workspace, &pdf, today())
            .unwrap_err()
            .to_string(),
        "cannot import `.pdf` files (import takes .html, .htm, .eml, .docx, .txt and .md)"
    );
    let left: Vec<_> = walkdir::WalkDir::new(workspace.root())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| entry.path().to_owned())
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_is_not_imported() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = Workspace::new(dir.path());
    fs::write(dir.path().join("real.txt"), "text").unwrap();
    std::os::unix::fs::symlink(dir.path().join("real.txt"), dir.path().join("link.txt")).unwrap();
    let error = import_file(&workspace, &dir.path().join("link.txt"), today()).unwrap_err();
    assert_eq!(error.to_string(), "not a regular file");
}

#[test]
fn converter_text_is_tidied_into_paragraphs() {
    assert_eq!(tidy_paragraphs("\n\n a  \n b\n\n\n\nc \n\n"), " a\n b\n\nc");
    assert_eq!(
        date_prefix("2024-05-01T08:00:00Z").as_deref(),
        Some("2024-05-01")
    );
    assert_eq!(date_prefix("May 1"), None);
}
