//! Issue 8's newcomer path, end to end in a pty: a new matrix with Ctrl-n,
//! its hypotheses, a document, three passages (one trimmed to a clause by
//! word), a row rated, saved, quit, reopened and exported; the screen read
//! at every step and the files checked on disk.

use std::time::Duration;

use ach_workbench::model::Rating;
use ach_workbench::storage::load_matrix;

use super::session::Session;
use super::workspace;

const NEW: &str = "hypotheses/who-will-attack-first.toml";
const SEED: &str = "seeds/003_ce3d3e394238d710.txt";

#[test]
fn a_newcomer_builds_saves_reopens_and_exports_a_matrix() {
    let dir = workspace();
    let mut ach = Session::start(dir.path(), &[]);
    ach.wait_for("Library");
    // Ctrl-n with a title: the form shows the file it will write.
    ach.send("\x0e");
    ach.wait_for("New matrix");
    ach.send("Who will attack first?");
    ach.wait_for("who-will-attack-first.toml");
    ach.send("\r");
    ach.wait_for("Matrix: who-will-attack-first.toml");
    assert!(dir.path().join(NEW).exists(), "created on disk");
    // Three hypotheses through their form.
    for title in [
        "Baku strikes first",
        "Yerevan strikes first",
        "Nobody strikes",
    ] {
        ach.send("H");
        ach.wait_for("Title");
        ach.send(title);
        ach.send("\r");
        ach.wait_for(title);
    }
    // The document, from the library's filter.
    ach.send("\t");
    ach.send("/003\r");
    ach.wait_for("Reader: Why Aliyev");
    // Two whole sentences, then a third trimmed by word to a clause.
    for id in ["E1", "E2"] {
        ach.send("la");
        ach.wait_for("Attach passage as evidence");
        ach.send("\r");
        ach.wait_for(&format!("Added evidence {id}"));
    }
    ach.send("l");
    ach.send("bbbbb");
    ach.wait_for("SELECTING");
    ach.send("a");
    ach.wait_for("Attach passage as evidence");
    ach.send("\r");
    ach.wait_for("Added evidence E3");
    // To the matrix: rate the row across the hypotheses, save, quit.
    ach.send("\t");
    ach.wait_for("Rank");
    // The cursor is in the last hypothesis added: back to H1 first.
    ach.send("hhcin");
    ach.wait_for("[+]");
    ach.send("\x13");
    ach.wait_for("Saved hypotheses/who-will-attack-first.toml");
    ach.send("q");
    ach.wait_for_exit(Duration::from_secs(10));

    let matrix = load_matrix(&dir.path().join(NEW)).unwrap();
    assert_eq!(matrix.title, "Who will attack first?");
    let titles: Vec<&str> = matrix
        .hypotheses()
        .iter()
        .map(|h| h.title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Baku strikes first",
            "Yerevan strikes first",
            "Nobody strikes"
        ]
    );
    assert_eq!(matrix.evidence().len(), 3);
    let text = std::fs::read_to_string(dir.path().join(SEED)).unwrap();
    for evidence in matrix.evidence() {
        let passage = evidence.source.as_ref().expect("a passage");
        assert_eq!(passage.document, SEED);
        assert_eq!(passage.quote, &text[passage.start..passage.end]);
    }
    // The third is a clause: it stops at a word, before its sentence's end.
    let trimmed = matrix.evidence()[2].source.as_ref().unwrap();
    assert!(
        trimmed.quote.ends_with(char::is_alphanumeric),
        "{}",
        trimmed.quote
    );
    let rated: Vec<Vec<Option<Rating>>> = (0..3)
        .map(|e| (0..3).map(|h| matrix.rating(e, h)).collect())
        .collect();
    assert!(
        rated.contains(&vec![
            Some(Rating::Consistent),
            Some(Rating::Inconsistent),
            Some(Rating::Neutral)
        ]),
        "one row rated across: {rated:?}"
    );

    // Reopen it and export Markdown beside it.
    let mut ach = Session::start(dir.path(), &["open", NEW]);
    ach.wait_for("Rank");
    ach.wait_for("Baku strikes");
    ach.send("X");
    ach.wait_for("markdown");
    ach.send("\r");
    ach.wait_for("Exported");
    ach.send("q");
    ach.wait_for_exit(Duration::from_secs(10));
    let markdown =
        std::fs::read_to_string(dir.path().join("hypotheses/who-will-attack-first.md")).unwrap();
    assert!(markdown.contains("Who will attack first?"));
    assert!(markdown.contains("Yerevan strikes first"));
    assert!(
        markdown.contains(&trimmed.quote),
        "the trimmed quote is cited"
    );
}
