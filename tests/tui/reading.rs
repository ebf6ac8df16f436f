//! A long document is shown from its first chunk while the rest is read in
//! the background (issue 9): the partial document, marked as still
//! reading, is replaced by the whole one with the top line kept; `G`,
//! search and sentence moves stay correct meanwhile.

use ach_workbench::document::{Document, FIRST_CHUNK, PartlyRead};
use ach_workbench::tui::msg::Msg;
use ach_workbench::tui::state::Pane;

use super::support::Bench;

const PATH: &str = "seeds/long.txt";

/// About 300 KiB of short paragraphs, "zebra" in the fourth and the last.
fn long_text() -> String {
    let mut text = String::new();
    for i in 0..7000 {
        let animal = if i == 3 || i == 6999 {
            "zebra"
        } else {
            "horse"
        };
        text.push_str(&format!(
            "Paragraph {i} opens here. A {animal} closes it.\n"
        ));
    }
    text
}

/// The start and the whole of `text`, as the background reader sends them.
fn read_in_two(text: &str) -> (Document, Document) {
    let bytes = text.as_bytes();
    let mut reading = PartlyRead::new(PATH, bytes.len());
    reading.push(&bytes[..FIRST_CHUNK]).unwrap();
    let partial = reading.partial(bytes.len() as u64);
    reading.push(&bytes[FIRST_CHUNK..]).unwrap();
    (partial, reading.finish())
}

fn loaded(document: Document) -> Msg {
    Msg::DocumentLoaded {
        path: PATH.to_owned(),
        result: Ok(document),
    }
}

/// A workbench wide enough for the reader's whole header line.
fn reader(text: &str) -> Bench {
    let bench = Bench::new(300, 30);
    std::fs::write(bench.path(PATH), text).unwrap();
    bench
}

fn notice(bench: &Bench) -> String {
    bench
        .state
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

fn top_byte(bench: &Bench) -> usize {
    bench.state.reader.document.as_ref().unwrap().visible[0]
        .bytes
        .start
}

#[test]
fn the_start_is_shown_then_the_whole_document_keeps_the_top_line() {
    let text = long_text();
    let mut bench = reader(&text);
    let (partial, whole) = read_in_two(&text);
    bench.send(loaded(partial));
    assert_eq!(bench.state.focus, Pane::Reader);
    let screen = bench.screen();
    assert!(screen.contains("Paragraph 0 opens here."), "{screen}");
    assert!(
        screen.contains("still reading: 0.1 of 0.3 MB"),
        "the position indicator says the rest is coming:\n{screen}"
    );
    bench.keys("<PgDn><PgDn><PgDn>");
    let top = top_byte(&bench);
    assert!(top > 0);
    let first_line = bench.screen().lines().nth(2).unwrap().to_owned();

    bench.send(loaded(whole));
    assert_eq!(top_byte(&bench), top, "the top line is kept");
    let screen = bench.screen();
    assert_eq!(screen.lines().nth(2).unwrap(), first_line);
    assert!(!screen.contains("still reading"), "{screen}");
    assert!(screen.contains("56000 words"), "{screen}");
    assert!(notice(&bench).starts_with("Read all of seeds/long.txt"));
}

#[test]
fn g_while_reading_waits_for_the_end_and_goes_there_when_it_comes() {
    let text = long_text();
    let mut bench = reader(&text);
    let (partial, whole) = read_in_two(&text);
    bench.send(loaded(partial.clone()));
    bench.keys("G");
    assert_eq!(top_byte(&bench), 0, "nothing to go to yet");
    assert!(notice(&bench).starts_with("Going to the end once the document is read"));
    assert!(bench.state.reader.document.as_ref().unwrap().end_when_read);

    bench.send(loaded(whole));
    let open = bench.state.reader.document.as_ref().unwrap();
    assert!(!open.end_when_read);
    assert_eq!(open.visible.last().unwrap().bytes.end, text.len() - 1);
    assert!(open.cursor.as_ref().unwrap().end >= text.len() - 1);
    assert!(bench.screen().contains("Paragraph 6999 opens here."));
    assert_eq!(notice(&bench), "Read all of seeds/long.txt: at its end");

    // Moving on after `G` drops it: the whole document then keeps the
    // screen the analyst moved to.
    let (_, whole) = read_in_two(&text);
    bench.send(loaded(partial));
    bench.keys("Gj");
    bench.send(loaded(whole));
    assert!(top_byte(&bench) < FIRST_CHUNK);
}

#[test]
fn search_and_sentences_cover_the_part_read_until_the_rest_comes() {
    let text = long_text();
    let mut bench = reader(&text);
    let (partial, whole) = read_in_two(&text);
    let read = partial.len();
    bench.send(loaded(partial));
    bench.keys("/zebra<Enter>");
    assert_eq!(
        notice(&bench),
        "Match 1 of 1 in the part read so far (the rest is still being read)"
    );
    let screen = bench.screen();
    assert!(screen.contains("“zebra”: 1 matches so far"), "{screen}");

    // Sentence by sentence to the end of what is read, and no further.
    let mut stopped = false;
    for _ in 0..FIRST_CHUNK / 10 {
        bench.keys("l");
        let cursor = bench.state.reader.document.as_ref().unwrap().cursor.clone();
        assert!(cursor.unwrap().end <= read);
        if notice(&bench).starts_with("The rest of the document is still being read") {
            stopped = true;
            break;
        }
    }
    assert!(stopped, "sentence moves stop at the end of the part read");

    bench.send(loaded(whole));
    assert!(bench.screen().contains("“zebra”: 2 matches"));
    assert_eq!(
        notice(&bench),
        "Read all of seeds/long.txt: “zebra” has 2 matches"
    );
    bench.keys("l");
    let cursor = bench.state.reader.document.as_ref().unwrap().cursor.clone();
    assert!(cursor.unwrap().start >= read - 60, "sentences go on");
}

#[test]
fn a_start_of_only_blank_lines_is_shown_then_the_whole_document() {
    // The first chunk may hold no paragraph at all.
    let mut text = "\n".repeat(FIRST_CHUNK + 10);
    text.push_str(&long_text());
    let mut bench = reader(&text);
    let (partial, whole) = read_in_two(&text);
    bench.send(loaded(partial));
    bench.send(loaded(whole));
    let screen = bench.screen();
    assert!(screen.contains("Paragraph 0 opens here."), "{screen}");
    assert!(!screen.contains("still reading"), "{screen}");
}
