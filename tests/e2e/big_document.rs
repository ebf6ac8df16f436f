//! A document of 100 MB on one line (issue 10, case 15b): the workbench
//! shows its start while the rest is still being read, and `q` quits at
//! once instead of after the whole file.

use std::time::Duration;

use super::session::Session;

#[test]
fn a_huge_one_line_document_shows_its_start_while_reading_and_q_quits() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("seeds")).unwrap();
    let mut text = String::from("Opening words of the report ");
    text.push_str(&"word ".repeat(20_000_000));
    std::fs::write(dir.path().join("seeds/line.txt"), &text).unwrap();
    drop(text);
    let mut ach = Session::start(dir.path(), &[]);
    ach.wait_for("Library");
    ach.send("\r");
    // The first screen comes from the first chunk, and says the rest is
    // still coming: without the background reader neither would be seen
    // until the whole file was read and indexed.
    ach.wait_for("Opening words of the report");
    ach.wait_for("still reading");
    ach.send("q");
    ach.wait_for_exit(Duration::from_secs(10));
}
