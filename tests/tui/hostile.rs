//! A passage into a document that is not valid UTF-8 (issue 10, case 13):
//! the workbench's reader and `ach check` give the same verdict, because
//! both compare the file's bytes through the same check.

use ach_workbench::model::Passage;
use ach_workbench::tui::state::Pane;
use ach_workbench::workspace::{PassageCheck, Workspace, check_passage};

use super::support::Bench;

/// "Café" in Latin-1: the é is one invalid byte, shown as U+FFFD (three
/// bytes), so offsets after it differ by two between file and text.
const LATIN1: &[u8] = b"Caf\xe9 au lait. Second sentence.\nA third line.\n";

fn passage(start: usize, end: usize) -> Passage {
    Passage {
        document: "seeds/latin1.txt".into(),
        start,
        end,
        quote: "Second sentence.".into(),
    }
}

#[test]
fn a_passage_into_a_non_utf8_document_gets_the_verdict_of_ach_check() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("seeds")).unwrap();
    std::fs::create_dir(dir.path().join("hypotheses")).unwrap();
    std::fs::write(dir.path().join("seeds/latin1.txt"), LATIN1).unwrap();
    // E1 at the file's offsets; E2 at the offsets of the decoded text.
    let item = |id: &str, start: usize, end: usize| {
        format!(
            "[[evidence]]\nid = \"{id}\"\nsummary = \"s\"\n\n[evidence.source]\n\
             document = \"seeds/latin1.txt\"\nstart = {start}\nend = {end}\n\
             quote = \"Second sentence.\"\n\n"
        )
    };
    std::fs::write(
        dir.path().join("hypotheses/m.toml"),
        format!(
            "schema = 1\ntitle = \"t\"\n\n[[hypotheses]]\nid = \"H1\"\ntitle = \"h\"\n\n{}{}",
            item("E1", 14, 30),
            item("E2", 16, 32)
        ),
    )
    .unwrap();
    let workspace = Workspace::new(dir.path());
    assert_eq!(
        check_passage(&workspace, &passage(14, 30)),
        PassageCheck::Matches
    );
    assert_eq!(
        check_passage(&workspace, &passage(16, 32)),
        PassageCheck::QuoteChanged
    );

    let mut bench = Bench::on(dir, 100, 30);
    bench.open_matrix("hypotheses/m.toml");
    bench.keys("<Enter>");
    let notice = bench.state.notice.as_ref().unwrap().text.clone();
    assert!(
        notice.starts_with("Passage of seeds/latin1.txt"),
        "{notice}"
    );
    let open = bench.state.reader.document.as_ref().unwrap();
    let selected = open.anchor.clone().unwrap().start..open.cursor.clone().unwrap().end;
    assert_eq!(&open.document.text()[selected], "Second sentence.");

    bench.state.focus = Pane::Matrix;
    bench.keys("j<Enter>");
    let notice = bench.state.notice.as_ref().unwrap().text.clone();
    assert!(
        notice.contains("has changed since this passage was attached"),
        "{notice}"
    );
}

/// Case 10: the save prompt says the commented original is kept; it must
/// survive the second save, which rotates `.bak`.
#[test]
fn the_commented_original_survives_the_second_save_as_orig() {
    const ATTACK: &str = "hypotheses/azerbaijan-armenia-attack.toml";
    let mut bench = Bench::new(100, 30);
    let path = bench.path(ATTACK);
    let commented = format!(
        "# Reviewed by the team on Monday.\n{}",
        std::fs::read_to_string(&path).unwrap()
    );
    std::fs::write(&path, &commented).unwrap();
    bench.open_matrix(ATTACK);
    bench.keys("I<C-s>y");
    bench.keys("jI<C-s>");
    assert!(!bench.state.matrix.as_ref().unwrap().is_dirty());
    let read = |suffix: &str| std::fs::read_to_string(bench.path(&format!("{ATTACK}{suffix}")));
    assert!(!read(".bak").unwrap().contains("Reviewed by the team"));
    assert_eq!(read(".orig").unwrap(), commented);
}
