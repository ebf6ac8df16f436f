//! Never losing work: recovery files, files changed on disk, a second
//! workbench, failed saves, and hostile input.

use ach_workbench::model::Rating;
use ach_workbench::storage::{
    load_matrix, lock_path, matrix_to_toml, read_recovery, recovery_path,
};
use ach_workbench::tui::state::{Pane, Popup, Question};

use super::support::{Bench, read};

const ATTACK: &str = "hypotheses/azerbaijan-armenia-attack.toml";

fn bench_with_matrix() -> Bench {
    let mut bench = Bench::new(100, 30);
    bench.open_matrix(ATTACK);
    bench
}

fn question(bench: &Bench) -> Option<&Question> {
    match bench.state.popups.last() {
        Some(Popup::Confirm { question, .. }) => Some(question),
        _ => None,
    }
}

#[test]
fn unsaved_changes_reach_the_recovery_file_within_two_seconds() {
    let mut bench = bench_with_matrix();
    let matrix = bench.path(ATTACK);
    bench.wait(5);
    assert!(!recovery_path(&matrix).exists(), "nothing to recover yet");
    bench.keys("I");
    bench.wait(1);
    let recovery = read_recovery(&matrix)
        .unwrap()
        .expect("written within a second");
    assert_eq!(recovery.edits, 1);
    assert_eq!(recovery.matrix.rating(0, 0), Some(Rating::VeryInconsistent));
    // Further edits are kept as they come, at most a second apart.
    bench.keys("jI");
    bench.wait(1);
    assert_eq!(read_recovery(&matrix).unwrap().unwrap().edits, 2);
    // Saving makes the recovery file unnecessary.
    bench.keys("<C-s>");
    assert!(!recovery_path(&matrix).exists());
}

/// Issue 10 item 6: a change counts as kept only once its copy is written.
#[test]
fn a_failed_recovery_write_is_tried_again_on_a_later_tick() {
    let mut bench = bench_with_matrix();
    let matrix = bench.path(ATTACK);
    // A directory where the recovery file goes: the write cannot succeed.
    let in_the_way = recovery_path(&matrix);
    std::fs::create_dir(&in_the_way).unwrap();
    std::fs::write(in_the_way.join("keep"), "x").unwrap();
    bench.keys("I");
    bench.wait(1);
    let notice = bench.state.notice.as_ref().unwrap();
    assert!(
        notice.text.starts_with("Could not keep a recovery copy"),
        "{}",
        notice.text
    );
    bench.wait(1);
    bench.wait(1);
    std::fs::remove_dir_all(&in_the_way).unwrap();
    bench.wait(1);
    let recovery = read_recovery(&matrix)
        .unwrap()
        .expect("written again once it can be");
    assert_eq!(recovery.edits, 1);
    assert_eq!(recovery.matrix.rating(0, 0), Some(Rating::VeryInconsistent));
    let notice = bench.state.notice.as_ref().unwrap();
    assert!(
        notice.text.contains("kept in a recovery copy again"),
        "{}",
        notice.text
    );
}

#[test]
fn undoing_back_to_the_saved_state_removes_the_recovery_file() {
    let mut bench = bench_with_matrix();
    let matrix = bench.path(ATTACK);
    bench.keys("I");
    bench.wait(1);
    assert!(recovery_path(&matrix).exists());
    bench.keys("u");
    bench.wait(1);
    assert!(!recovery_path(&matrix).exists());
}

#[test]
fn reopening_offers_the_recovered_changes() {
    let dir = {
        let mut crashed = bench_with_matrix();
        // Rating moves across the row: `h` goes back to H1.
        crashed.keys("IjjhC");
        crashed.wait(2);
        // The workbench "crashes": its state is dropped without saving.
        crashed.dir
    };
    let mut bench = Bench::on(dir, 100, 30);
    bench.open_matrix(ATTACK);
    assert!(matches!(question(&bench), Some(Question::Restore(_))));
    let screen = bench.screen();
    assert!(screen.contains("2 edits"), "{screen}");
    assert!(screen.contains("unchanged since then"), "{screen}");
    bench.keys("r");
    assert_eq!(bench.matrix().rating(0, 0), Some(Rating::VeryInconsistent));
    assert_eq!(bench.matrix().rating(2, 0), Some(Rating::VeryConsistent));
    let open = bench.state.matrix.as_ref().unwrap();
    assert!(open.is_dirty(), "restored changes are unsaved until Ctrl-s");
    bench.keys("u");
    assert_eq!(bench.matrix(), &load_matrix(&bench.path(ATTACK)).unwrap());
}

#[test]
fn recovered_changes_can_be_discarded_or_left_for_later() {
    let dir = {
        let mut crashed = bench_with_matrix();
        crashed.keys("I");
        crashed.wait(2);
        crashed.dir
    };
    let mut bench = Bench::on(dir, 100, 30);
    bench.open_matrix(ATTACK);
    bench.keys("<Esc>");
    assert!(
        recovery_path(&bench.path(ATTACK)).exists(),
        "Esc keeps it for later"
    );
    assert!(
        bench.state.matrix.is_none(),
        "and leaves the matrix closed, so no edit can overwrite it"
    );
    bench.open_matrix(ATTACK);
    bench.keys("d");
    assert!(!recovery_path(&bench.path(ATTACK)).exists());
    assert_ne!(bench.matrix().rating(0, 0), Some(Rating::VeryInconsistent));
}

#[test]
fn a_matrix_changed_on_disk_is_not_overwritten_silently() {
    let mut bench = bench_with_matrix();
    let path = bench.path(ATTACK);
    let theirs = read(&path).replace("title = \"No attack", "title = \"Their edit");
    std::fs::write(&path, &theirs).unwrap();
    bench.keys("I<C-s>");
    assert!(matches!(
        question(&bench),
        Some(Question::ChangedOnDisk { .. })
    ));
    assert_eq!(read(&path), theirs, "untouched until the analyst decides");
    // Esc cancels; a second try asks again; o overwrites.
    bench.keys("<Esc><C-s>o");
    assert_eq!(
        load_matrix(&path).unwrap().rating(0, 0),
        Some(Rating::VeryInconsistent)
    );
    assert!(!bench.state.matrix.as_ref().unwrap().is_dirty());
    // Saving again needs no question: the file is what we wrote.
    bench.keys("n<C-s>");
    assert!(bench.state.popups.is_empty());
}

#[test]
fn a_change_on_disk_of_the_same_length_is_caught() {
    let mut bench = bench_with_matrix();
    let path = bench.path(ATTACK);
    // Saved once, so the workbench knows the file's stamp from its own
    // write and would skip reading it back if the stamp were unchanged.
    bench.keys("I<C-s>");
    assert!(bench.state.popups.is_empty());
    let theirs = read(&path).replace("title = \"No attack", "title = \"No Attack");
    assert!(theirs != read(&path) && theirs.len() == read(&path).len());
    std::fs::write(&path, &theirs).unwrap();
    bench.keys("jI<C-s>");
    assert!(matches!(
        question(&bench),
        Some(Question::ChangedOnDisk { .. })
    ));
    assert_eq!(read(&path), theirs, "untouched until the analyst decides");
}

#[test]
fn reloading_takes_the_version_on_disk() {
    let mut bench = bench_with_matrix();
    let path = bench.path(ATTACK);
    let theirs = read(&path).replace("title = \"No attack", "title = \"Their edit");
    std::fs::write(&path, &theirs).unwrap();
    bench.keys("I<C-s>r");
    assert!(
        bench.matrix().hypotheses()[0]
            .title
            .starts_with("Their edit")
    );
    assert_ne!(bench.matrix().rating(0, 0), Some(Rating::VeryInconsistent));
    assert!(!bench.state.matrix.as_ref().unwrap().is_dirty());
}

#[test]
fn save_as_keeps_both_versions() {
    let mut bench = bench_with_matrix();
    let path = bench.path(ATTACK);
    let theirs = read(&path).replace("title = \"No attack", "title = \"Their edit");
    std::fs::write(&path, &theirs).unwrap();
    bench.keys("I<C-s>s");
    let Some(Popup::Form(form)) = bench.state.popups.last() else {
        panic!("save-as form");
    };
    assert_eq!(
        form.fields[0].value(),
        "hypotheses/azerbaijan-armenia-attack-copy.toml"
    );
    bench.keys("<Enter>");
    let copy = bench.path("hypotheses/azerbaijan-armenia-attack-copy.toml");
    assert_eq!(
        load_matrix(&copy).unwrap().rating(0, 0),
        Some(Rating::VeryInconsistent)
    );
    assert_eq!(read(&path), theirs);
    let open = bench.state.matrix.as_ref().unwrap();
    assert_eq!(open.path, copy, "the workbench now edits the copy");
    assert!(lock_path(&copy).exists() && !lock_path(&path).exists());
}

#[test]
fn a_matrix_deleted_while_open_can_be_saved_again() {
    let mut bench = bench_with_matrix();
    let path = bench.path(ATTACK);
    std::fs::remove_file(&path).unwrap();
    bench.keys("I<C-s>");
    assert!(bench.state.popups.is_empty());
    assert_eq!(
        load_matrix(&path).unwrap().rating(0, 0),
        Some(Rating::VeryInconsistent)
    );
}

#[test]
fn a_failed_save_offers_save_as_and_keeps_the_work() {
    let mut bench = bench_with_matrix();
    bench.keys("I");
    let dir = bench.path("hypotheses");
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::write(&dir, "not a directory").unwrap();
    bench.keys("<C-s>");
    assert!(matches!(
        question(&bench),
        Some(Question::SaveFailed { .. })
    ));
    assert!(bench.screen().contains("Could not save"));
    bench.keys("s<C-u>");
    bench.type_text("rescued");
    bench.keys("<Enter>");
    let rescued = bench.path("rescued.toml");
    assert_eq!(
        load_matrix(&rescued).unwrap().rating(0, 0),
        Some(Rating::VeryInconsistent)
    );
    assert!(!bench.state.matrix.as_ref().unwrap().is_dirty());
}

#[test]
fn a_second_workbench_is_warned_and_may_open_read_only() {
    let first = bench_with_matrix();
    let mut second = Bench::on(tempfile::tempdir().unwrap(), 100, 30);
    let shared = first.path(ATTACK);
    second.open_matrix_file(shared.clone());
    assert!(matches!(
        question(&second),
        Some(Question::OpenReadOnly { .. })
    ));
    let screen = second.screen();
    assert!(
        screen.contains("open in another workbench (pid"),
        "{screen}"
    );
    second.keys("<Esc>");
    assert!(second.state.matrix.is_none(), "Esc does not open it");
    second.open_matrix_file(shared);
    second.keys("r");
    let open = second.state.matrix.as_ref().unwrap();
    assert!(open.read_only);
    let original = matrix_to_toml(&open.matrix);
    second.keys("IHdE");
    assert!(second.state.popups.is_empty());
    assert_eq!(
        matrix_to_toml(second.matrix()),
        original,
        "edits are refused"
    );
    assert!(
        second
            .state
            .notice
            .as_ref()
            .unwrap()
            .text
            .contains("read-only")
    );
    second.keys("<C-s>");
    assert!(
        matches!(second.state.popups.last(), Some(Popup::Form(_))),
        "save-as offered"
    );
    drop(first);
}

#[test]
fn hostile_matrix_text_reaches_the_screen_inert() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("hypotheses")).unwrap();
    std::fs::create_dir_all(dir.path().join("seeds")).unwrap();
    let evil = "\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\t\\r\\nX";
    let text = format!(
        "schema = 1\ntitle = \"T{evil}\"\nquestion = \"Q{evil}\"\n\n[[hypotheses]]\nid = \"H1\"\ntitle = \"H{evil}\"\ndescription = \"D{evil}\"\n\n[[evidence]]\nid = \"E1\"\nsummary = \"S{evil}\"\nnotes = \"N{evil}\"\nratings = {{ H1 = \"I\" }}\n\n[evidence.source]\ndocument = \"seeds/doc{evil}.txt\"\nstart = 0\nend = 1\nquote = \"Q{evil}\"\n"
    );
    std::fs::write(dir.path().join("hypotheses/evil.toml"), text).unwrap();
    std::fs::write(
        dir.path().join("seeds/\u{1b}[31mname.txt"),
        "Doc \u{1b}[5m title\n",
    )
    .unwrap();
    let mut bench = Bench::on(dir, 100, 30);
    bench.open_matrix("hypotheses/evil.toml");
    let clean = |bench: &Bench| {
        let screen = bench.screen();
        assert!(
            !screen.chars().any(|c| c.is_control() && c != '\n'),
            "a control character reached the screen:\n{screen:?}"
        );
    };
    // Every pane, row and popup that shows matrix text.
    for keys in [
        "",
        "k",
        "kk",
        "<Enter>",
        "<Tab><Tab>e",
        "<Esc>d",
        "<Esc>q",
        "<Esc>X",
        "<Esc>?",
    ] {
        bench.keys(keys);
        clean(&bench);
    }
    bench.keys("<Esc>");
    bench.state.focus = Pane::Library;
    clean(&bench);
    bench.keys("j<Enter>");
    clean(&bench);
}

#[cfg(unix)]
#[test]
fn a_passage_may_not_lead_out_of_the_workspace_through_a_link() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "secret").unwrap();
    let mut bench = Bench::new(100, 30);
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        bench.path("seeds/link.txt"),
    )
    .unwrap();
    let path = bench.path(ATTACK);
    let text = read(&path).replacen(
        "document = \"seeds/003_ce3d3e394238d710.txt\"",
        "document = \"seeds/link.txt\"",
        1,
    );
    std::fs::write(&path, text).unwrap();
    bench.open_matrix(ATTACK);
    bench.keys("<Enter>");
    assert!(
        bench.state.reader.document.is_none(),
        "the linked file is not read"
    );
    let notice = &bench.state.notice.as_ref().unwrap().text;
    assert!(notice.contains("outside the workspace"), "{notice}");
}

#[test]
fn broken_documents_open_with_a_warning_or_a_clear_refusal() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = dir.path().join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    std::fs::write(
        seeds.join("latin1.txt"),
        b"Caf\xe9 au lait. Second sentence.\n",
    )
    .unwrap();
    std::fs::write(seeds.join("empty.txt"), b"").unwrap();
    std::fs::write(seeds.join("binary.txt"), b"\x00\x01\x02ELF").unwrap();
    std::fs::write(seeds.join("long.txt"), "word ".repeat(4_000_000)).unwrap();
    let mut bench = Bench::on(dir, 100, 30);
    let skipped = &bench.state.library.library.skipped;
    assert_eq!(skipped.len(), 1, "the binary file is listed as skipped");

    bench.open_document("seeds/latin1.txt");
    assert!(
        bench
            .state
            .notice
            .as_ref()
            .unwrap()
            .text
            .contains("not valid UTF-8")
    );
    assert!(bench.screen().contains("Caf\u{fffd} au lait"));
    bench.keys("a");
    assert!(
        bench.state.popups.is_empty(),
        "no passage from a lossy document"
    );

    bench.open_document("seeds/empty.txt");
    bench.keys("jjGgvlla");
    let _ = bench.screen();

    // A single 20 MB line: the first screen comes without wrapping it all.
    bench.open_document("seeds/long.txt");
    bench.keys("jjjj<PgDn>G");
    assert!(bench.screen().contains("word word"));

    bench.open_document("seeds/binary.txt");
    assert!(bench.state.notice.as_ref().unwrap().text.contains("binary"));

    // A document that disappears while open stays readable from memory.
    bench.open_document("seeds/latin1.txt");
    std::fs::remove_file(bench.path("seeds/latin1.txt")).unwrap();
    bench.keys("jkG");
    assert!(bench.screen().contains("Caf\u{fffd} au lait"));
}

#[test]
fn thousands_of_documents_are_listed_filtered_and_opened() {
    let dir = tempfile::tempdir().unwrap();
    for folder in 0..30 {
        let path = dir.path().join(format!("seeds/batch{folder:02}"));
        std::fs::create_dir_all(&path).unwrap();
        for n in 0..100 {
            let text =
                format!("Report {folder}-{n}\n\nBody of report {n}. It has two sentences.\n");
            std::fs::write(path.join(format!("r{n:03}.txt")), text).unwrap();
        }
    }
    let mut bench = Bench::on(dir, 100, 30);
    assert_eq!(bench.state.library.library.documents.len(), 3000);
    bench.keys("<End>");
    let _ = bench.screen();
    bench.keys("/");
    bench.type_text("batch17/r042");
    let entries = &bench.state.library.entries;
    assert!(!entries.is_empty() && entries.len() < 3000);
    bench.keys("<Enter>");
    let reader = bench.state.reader.document.as_ref().expect("opened");
    assert_eq!(reader.document.path(), "seeds/batch17/r042.txt");
}

#[test]
fn saving_asks_before_dropping_comments_and_keeps_them_in_the_backup() {
    let mut bench = Bench::new(100, 30);
    let path = bench.path(ATTACK);
    let commented = format!("# Reviewed by the team on Monday.\n{}", read(&path));
    std::fs::write(&path, &commented).unwrap();
    bench.open_matrix(ATTACK);
    bench.keys("I<C-s>");
    assert!(matches!(
        question(&bench),
        Some(Question::DropComments { .. })
    ));
    bench.keys("<Esc>");
    assert_eq!(read(&path), commented, "Esc does not save");
    bench.keys("<C-s>y");
    assert!(!read(&path).contains("Reviewed by the team"));
    assert_eq!(read(&bench.path(&format!("{ATTACK}.bak"))), commented);
    // Asked once: the next save goes straight through.
    bench.keys("jI<C-s>");
    assert!(bench.state.popups.is_empty());
    assert!(!bench.state.matrix.as_ref().unwrap().is_dirty());
}
