//! The library kept current without rescanning on the event loop: a save
//! sums up only the saved matrix, from memory; start-up lists the files
//! from their heads and the word counts and summaries arrive later.

use ach_workbench::tui::action::Action;
use ach_workbench::tui::effects::perform;
use ach_workbench::tui::msg::{Effect, Msg};
use ach_workbench::tui::state::State;
use ach_workbench::tui::update::update;
use ach_workbench::workspace::{MatrixSummary, Workspace, list_library, scan_library};

use super::support::{Bench, now};

const ATTACK: &str = "hypotheses/azerbaijan-armenia-attack.toml";

/// Whether `effect` would list or read the library again.
fn rescans(effect: &Effect) -> bool {
    matches!(effect, Effect::ScanLibrary | Effect::CompleteLibrary(_))
}

/// Applies `msg` as the event loop does, returning every effect it led to.
fn send_counting_effects(bench: &mut Bench, msg: Msg) -> Vec<Effect> {
    let mut all = Vec::new();
    let mut queue = std::collections::VecDeque::from([msg]);
    while let Some(msg) = queue.pop_front() {
        for effect in update(&mut bench.state, msg, bench.clock) {
            all.push(effect.clone());
            queue.push_back(perform(effect, &bench.state.workspace));
        }
    }
    all
}

fn summary_of<'a>(bench: &'a Bench, listed: &str) -> Option<&'a MatrixSummary> {
    let entry = bench
        .state
        .library
        .library
        .matrices
        .iter()
        .find(|m| m.path == listed)?;
    entry.summary.as_ref()?.as_ref().ok()
}

#[test]
fn a_save_sums_up_only_the_saved_matrix_without_a_rescan() {
    let mut bench = Bench::new(120, 30);
    bench.open_matrix(ATTACK);
    let others: Vec<_> = bench
        .state
        .library
        .library
        .matrices
        .iter()
        .filter(|m| m.path != ATTACK)
        .cloned()
        .collect();
    assert!(!others.is_empty());
    let stale_listing = bench.state.library.library.clone();
    // Changes a rescan would pick up: another matrix broken on disk, a
    // new document.
    std::fs::write(bench.path(&others[0].path), "schema = 1\ntitle = [\n").unwrap();
    std::fs::write(bench.path("seeds/new.txt"), "A new report.\n").unwrap();
    let documents = bench.state.library.library.documents.clone();
    // Add a hypothesis, then save.
    bench.keys("H");
    bench.type_text("Frozen conflict");
    bench.keys("<Enter>");
    let hypotheses = bench.matrix().hypotheses().len();
    let effects = send_counting_effects(&mut bench, Msg::Action(Action::Save));
    assert!(
        effects.iter().any(|e| matches!(e, Effect::Save { .. })),
        "{effects:?}"
    );
    assert!(!effects.iter().any(rescans), "{effects:?}");
    assert!(!bench.state.matrix.as_ref().unwrap().is_dirty());
    // The saved matrix's entry has its new size; nothing else changed.
    assert_eq!(summary_of(&bench, ATTACK).unwrap().hypotheses, hypotheses);
    let library = &bench.state.library.library;
    for other in &others {
        assert!(library.matrices.contains(other), "{other:?} untouched");
    }
    assert_eq!(library.documents, documents, "no document was read again");
    // A listing made before the save arrives late: the saved entry keeps
    // what was written.
    bench.send(Msg::LibraryScanned(stale_listing));
    assert_eq!(summary_of(&bench, ATTACK).unwrap().hypotheses, hypotheses);
}

#[test]
fn save_as_lists_the_new_file_without_a_rescan() {
    let mut bench = Bench::new(120, 30);
    bench.open_matrix(ATTACK);
    let before = bench.state.library.library.matrices.len();
    bench.keys("I");
    let path = bench.path("hypotheses/copy.toml");
    let contents = ach_workbench::storage::matrix_to_toml(bench.matrix());
    let effect = Effect::Save {
        path,
        contents,
        mode: ach_workbench::tui::msg::SaveMode::SaveAs,
        then: ach_workbench::tui::msg::AfterSave::Stay,
    };
    let msg = perform(effect, &bench.state.workspace);
    let effects = send_counting_effects(&mut bench, msg);
    assert!(!effects.iter().any(rescans), "{effects:?}");
    let library = &bench.state.library.library;
    assert_eq!(library.matrices.len(), before + 1);
    let paths: Vec<&str> = library.matrices.iter().map(|m| m.path.as_str()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "kept in path order");
    assert!(summary_of(&bench, "hypotheses/copy.toml").is_some());
}

/// A workspace with a document too long to count at start-up, a short
/// one, and a matrix.
fn workspace_with_a_long_document() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("seeds")).unwrap();
    std::fs::create_dir(dir.path().join("hypotheses")).unwrap();
    let long = format!("Long report\n{}", "word ".repeat(40_000));
    std::fs::write(dir.path().join("seeds/long.txt"), long).unwrap();
    std::fs::write(
        dir.path().join("seeds/short.txt"),
        "Short note\nthree words here\n",
    )
    .unwrap();
    std::fs::copy(super::support::repo().join(ATTACK), dir.path().join(ATTACK)).unwrap();
    let workspace = Workspace::new(dir.path());
    (dir, workspace)
}

#[test]
fn start_up_shows_placeholders_then_the_counts() {
    let (dir, workspace) = workspace_with_a_long_document();
    let listed = list_library(&workspace);
    let state = State::new(workspace.clone(), listed.clone().into(), 120, 30);
    let mut bench = Bench {
        state,
        dir,
        clock: now(),
    };
    let screen = bench.screen();
    assert!(screen.contains("Long report"), "{screen}");
    assert!(screen.contains("counting words…"), "{screen}");
    assert!(
        screen.contains("5 words"),
        "short ones are counted at once\n{screen}"
    );
    assert!(screen.contains("reading… · hypotheses/"), "{screen}");
    assert!(!screen.contains("40002 words"), "{screen}");
    // The background scanner's listing arrives.
    let msg = perform(Effect::CompleteLibrary(Box::new(listed)), &workspace);
    bench.send(msg);
    let screen = bench.screen();
    assert!(screen.contains("40002 words"), "{screen}");
    assert!(!screen.contains("counting words…"), "{screen}");
    assert!(!screen.contains("reading…"), "{screen}");
    assert_eq!(bench.state.library.library, scan_library(&workspace));
}

#[test]
fn opening_a_matrix_sums_it_up_so_the_listing_need_not_parse_it() {
    let (dir, workspace) = workspace_with_a_long_document();
    let state = State::new(workspace.clone(), list_library(&workspace).into(), 120, 30);
    let mut bench = Bench {
        state,
        dir,
        clock: now(),
    };
    bench.open_matrix(ATTACK);
    let summary = summary_of(&bench, ATTACK).expect("summed up from the load");
    assert_eq!(summary.hypotheses, bench.matrix().hypotheses().len());
    assert_eq!(summary.evidence, bench.matrix().evidence().len());
    // What is left for the background: only the long document.
    let library = &bench.state.library.library;
    assert!(!library.is_complete());
    assert!(library.matrices.iter().all(|m| m.summary.is_some()));
}
