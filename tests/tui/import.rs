//! Importing from the library (issues 14 and 15): Enter on a file `ach
//! import` converts asks first, then imports it as the command does and
//! lists what it made; `n` leaves it alone.

use super::support::{Bench, repo};
use ach_workbench::tui::state::{Entry, Popup, Question};

/// A workspace whose `seeds/` holds only `name`, copied from `fixture`.
fn workspace_with(name: &str, fixture: &str) -> Bench {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("seeds")).unwrap();
    std::fs::create_dir_all(dir.path().join("hypotheses")).unwrap();
    std::fs::copy(repo().join(fixture), dir.path().join("seeds").join(name)).unwrap();
    Bench::on(dir, 100, 30)
}

fn listed(bench: &Bench) -> Vec<String> {
    let library = &bench.state.library;
    library
        .entries
        .iter()
        .map(|entry| match *entry {
            Entry::Matrix(i) => format!("matrix {}", library.library.matrices[i].path),
            Entry::Document(i) => format!("document {}", library.library.documents[i].path),
            Entry::Skipped(i) => format!("skipped {}", library.library.skipped[i].path),
        })
        .collect()
}

/// Selects the library's only entry and presses Enter on it.
fn enter_on_the_file(bench: &mut Bench) {
    bench.state.library.selected = 0;
    bench.keys("<Enter>");
}

#[test]
fn a_word_document_is_imported_from_the_library_after_asking() {
    let mut bench = workspace_with("harbour.docx", "tests/fixtures/import/harbour-report.docx");
    assert_eq!(listed(&bench), ["skipped seeds/harbour.docx"]);
    enter_on_the_file(&mut bench);
    let Some(Popup::Confirm { question, text }) = bench.state.popups.last() else {
        panic!("Enter asks first");
    };
    assert!(matches!(question, Question::Import(path) if path == "seeds/harbour.docx"));
    assert_eq!(
        text,
        "Import seeds/harbour.docx as a document in seeds/, its original kept beside it?"
    );
    bench.keys("y");
    assert!(bench.state.popups.is_empty());
    assert!(bench.path("seeds/harbour.txt").is_file());
    assert!(bench.path("seeds/harbour.txt.meta.toml").is_file());
    let notice = &bench.state.notice.as_ref().unwrap().text;
    assert_eq!(notice, "Imported seeds/harbour.docx as seeds/harbour.txt");
    // The library lists the new document; the original is its source now.
    assert_eq!(listed(&bench), ["document seeds/harbour.txt"]);
}

#[test]
fn a_parc_project_becomes_a_matrix() {
    let mut bench = workspace_with("old.achz", "tests/fixtures/achz/full-utf16le.achz");
    assert_eq!(listed(&bench), ["skipped seeds/old.achz"]);
    enter_on_the_file(&mut bench);
    bench.keys("y");
    assert!(bench.path("hypotheses/old.toml").is_file());
    let notice = &bench.state.notice.as_ref().unwrap().text;
    assert!(
        notice.starts_with("Imported seeds/old.achz as hypotheses/old.toml"),
        "{notice}"
    );
    assert!(listed(&bench).contains(&"matrix hypotheses/old.toml".to_owned()));
    // What PARC's format cannot carry is in the message log, one line each,
    // as `ach import` prints it, and the status line says how many.
    let lost: Vec<&str> = bench
        .state
        .log
        .iter()
        .map(|logged| logged.notice.text.as_str())
        .filter(|text| text.starts_with("seeds/old.achz: not kept: "))
        .collect();
    assert!(!lost.is_empty(), "{:?}", bench.state.log);
    assert!(notice.ends_with("not kept: M lists them)"), "{notice}");
    // Again: the matrix is never replaced, and the workbench says why.
    enter_on_the_file_named(&mut bench, "skipped seeds/old.achz");
    bench.keys("y");
    let notice = &bench.state.notice.as_ref().unwrap().text;
    assert!(
        notice.starts_with("seeds/old.achz was not imported:") && notice.contains("already exists"),
        "{notice}"
    );
}

fn enter_on_the_file_named(bench: &mut Bench, entry: &str) {
    bench.state.library.selected = listed(bench).iter().position(|e| e == entry).unwrap();
    bench.keys("<Enter>");
}

#[test]
fn n_leaves_the_file_as_it_is() {
    let mut bench = workspace_with("harbour.docx", "tests/fixtures/import/harbour-report.docx");
    enter_on_the_file(&mut bench);
    bench.keys("n");
    assert!(bench.state.popups.is_empty());
    assert!(!bench.path("seeds/harbour.txt").exists());
    assert_eq!(listed(&bench), ["skipped seeds/harbour.docx"]);
}
