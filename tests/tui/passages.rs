//! Passages finer than sentences (issue 8, item 10): the selection trimmed
//! by word with `w` `b` `W` `B`, and a mouse drag in the reader; what is
//! attached keeps the exact bytes and quote.

use ach_workbench::tui::forms::FormPurpose;
use ach_workbench::tui::msg::Msg;
use ach_workbench::tui::state::{Pane, Popup};

use super::support::Bench;

const ATTACK: &str = "hypotheses/azerbaijan-armenia-attack.toml";
const SEED: &str = "seeds/003_ce3d3e394238d710.txt";

fn selected(bench: &Bench) -> String {
    let open = bench.state.reader.document.as_ref().unwrap();
    open.document.text()[open.selection().unwrap()].to_owned()
}

fn reader_on(text: &str) -> Bench {
    let mut bench = Bench::new(100, 30);
    std::fs::write(bench.path("seeds/trim.txt"), text).unwrap();
    bench.open_document("seeds/trim.txt");
    bench.state.focus = Pane::Reader;
    bench
}

#[test]
fn a_sentence_is_trimmed_to_a_clause_by_word_and_attached_exactly() {
    let mut bench = Bench::new(100, 30);
    bench.open_matrix(ATTACK);
    bench.open_document(SEED);
    bench.state.focus = Pane::Reader;
    bench.keys("l");
    let sentence = selected(&bench);
    assert!(sentence.starts_with("Armenia’s Foreign Intelligence Service (FIS)"));
    // `b` drops the last word (and the full stop after it) ...
    bench.keys("b");
    assert!(
        selected(&bench).ends_with("initiated by Azerbaijan"),
        "{}",
        selected(&bench)
    );
    // ... and word by word back to the clause: "large-scale" is two words,
    // "Armenia’s" one.
    bench.keys(&"b".repeat(30));
    assert_eq!(
        selected(&bench),
        "Armenia’s Foreign Intelligence Service (FIS) released its first annual report"
    );
    // `w` takes a word back, with the comma before it.
    bench.keys("w");
    assert!(selected(&bench).ends_with("annual report, qualifying"));
    bench.keys("b");
    // `W` drops the first word, `B` takes it back.
    bench.keys("W");
    assert!(selected(&bench).starts_with("Foreign Intelligence"));
    bench.keys("B");
    assert!(selected(&bench).starts_with("Armenia’s Foreign"));
    // The reader says it is selecting, and the selection is drawn.
    assert!(bench.screen().contains("SELECTING"));
    bench.keys("a");
    let Some(Popup::Form(form)) = bench.state.popups.last() else {
        panic!("no attach form");
    };
    let FormPurpose::Attach(passage) = &form.purpose else {
        panic!("not the attach form");
    };
    let text = std::fs::read_to_string(bench.path(SEED)).unwrap();
    assert_eq!(passage.quote, &text[passage.start..passage.end]);
    assert_eq!(
        passage.quote,
        "Armenia’s Foreign Intelligence Service (FIS) released its first annual report"
    );
}

#[test]
fn word_keys_cross_punctuation_and_stay_whole_in_multibyte_text() {
    let mut bench = reader_on("Ərdoğan və Əliyev görüşdü, 漢字 razılaşdılar.\n");
    // The full stop goes with the first `b`, the last word with the next.
    bench.keys("bb");
    assert_eq!(selected(&bench), "Ərdoğan və Əliyev görüşdü, 漢字");
    // Each ideograph is a word of its own; the comma goes with them.
    bench.keys("b");
    assert_eq!(selected(&bench), "Ərdoğan və Əliyev görüşdü, 漢");
    bench.keys("b");
    assert_eq!(selected(&bench), "Ərdoğan və Əliyev görüşdü");
    bench.keys("WW");
    assert_eq!(selected(&bench), "Əliyev görüşdü");
    // Never shorter than one word.
    bench.keys("WWWW");
    assert_eq!(selected(&bench), "görüşdü");
    bench.keys("bbb");
    assert_eq!(selected(&bench), "görüşdü");
}

#[test]
fn extending_by_word_crosses_a_paragraph_end_and_h_l_go_back_to_sentences() {
    let mut bench = reader_on("First paragraph ends here.\nSecond one starts.\n");
    bench.keys("w");
    assert_eq!(selected(&bench), "First paragraph ends here.\nSecond");
    // At the text's end a word key does nothing.
    bench.keys(&"w".repeat(5));
    assert_eq!(
        selected(&bench),
        "First paragraph ends here.\nSecond one starts"
    );
    // A sentence key returns to whole sentences, anchor to cursor.
    bench.keys("l");
    assert_eq!(
        selected(&bench),
        "First paragraph ends here.\nSecond one starts."
    );
    bench.keys("h");
    assert_eq!(selected(&bench), "First paragraph ends here.");
    // Esc clears it all.
    bench.keys("<Esc>");
    let open = bench.state.reader.document.as_ref().unwrap();
    assert!(open.anchor.is_none() && open.trimmed.is_none());
}

#[test]
fn a_mouse_drag_selects_the_words_it_crosses() {
    let mut bench = reader_on("Baku will strike, not invade, this year.\nNext line.\n");
    let area = ach_workbench::tui::view::areas(&bench.state)
        .reader
        .unwrap();
    let text = ach_workbench::tui::view::reader_text_area(area);
    // The text area starts with the document's first line.
    let row = text.y;
    // From inside "will" (column 6) to inside "not" (column 19).
    bench.send(Msg::Click {
        column: text.x + 6,
        row,
    });
    bench.send(Msg::Drag {
        column: text.x + 12,
        row,
    });
    assert_eq!(selected(&bench), "will strike");
    bench.send(Msg::Drag {
        column: text.x + 19,
        row,
    });
    assert_eq!(selected(&bench), "will strike, not");
    // Dragging back past the start selects backwards.
    bench.send(Msg::Drag {
        column: text.x,
        row,
    });
    assert_eq!(selected(&bench), "Baku will");
    // Down to the next line crosses the paragraph end.
    bench.send(Msg::Drag {
        column: text.x + 2,
        row: row + 2,
    });
    assert_eq!(
        selected(&bench),
        "will strike, not invade, this year.\nNext"
    );
    assert!(bench.screen().contains("SELECTING"));
    // A new click starts afresh: a drag from there, not from before.
    bench.send(Msg::Click {
        column: text.x + 23,
        row,
    });
    bench.send(Msg::Drag {
        column: text.x + 25,
        row,
    });
    assert_eq!(selected(&bench), "invade");
}

/// The trimmed selection is what the reader highlights: the clause, not
/// its sentence.
#[test]
fn the_reader_highlights_the_trimmed_words() {
    let mut bench = reader_on("Baku will strike, not invade, this year.\nNext line.\n");
    bench.keys("bbbb");
    assert_eq!(selected(&bench), "Baku will strike, not");
    let terminal = bench.terminal();
    let area = ach_workbench::tui::view::areas(&bench.state)
        .reader
        .unwrap();
    let text = ach_workbench::tui::view::reader_text_area(area);
    insta::assert_snapshot!(super::support::style_mask(&terminal, text));
}
