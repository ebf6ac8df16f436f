//! The workbench's behaviour, message by message, on the bundled samples.

use ach_workbench::model::Rating;
use ach_workbench::scoring::score;
use ach_workbench::storage::load_matrix;
use ach_workbench::tui::msg::Msg;
use ach_workbench::tui::state::{MatrixRow, Pane, Popup};

use super::support::{Bench, read};

const ATTACK: &str = "hypotheses/azerbaijan-armenia-attack.toml";

fn bench_with_matrix() -> Bench {
    let mut bench = Bench::new(100, 30);
    bench.open_matrix(ATTACK);
    bench
}

#[test]
fn opening_a_matrix_focuses_its_first_cell() {
    let bench = bench_with_matrix();
    let open = bench.state.matrix.as_ref().unwrap();
    assert_eq!(bench.state.focus, Pane::Matrix);
    assert_eq!((open.row, open.column), (MatrixRow::Evidence(0), 0));
    assert!(!open.is_dirty());
}

#[test]
fn every_rating_key_sets_its_rating() {
    let mut bench = bench_with_matrix();
    for (key, rating) in [
        ("C", Some(Rating::VeryConsistent)),
        ("c", Some(Rating::Consistent)),
        ("n", Some(Rating::Neutral)),
        ("x", Some(Rating::NotApplicable)),
        ("i", Some(Rating::Inconsistent)),
        ("I", Some(Rating::VeryInconsistent)),
        ("1", Some(Rating::VeryConsistent)),
        ("2", Some(Rating::Consistent)),
        ("3", Some(Rating::Neutral)),
        ("4", Some(Rating::Inconsistent)),
        ("5", Some(Rating::VeryInconsistent)),
        ("<BS>", None),
        ("c", Some(Rating::Consistent)),
        ("<Del>", None),
    ] {
        bench.keys(key);
        assert_eq!(bench.matrix().rating(0, 0), rating, "after {key}");
        // A rating moves on across the row; come back to the cell.
        bench.state.matrix.as_mut().unwrap().column = 0;
    }
}

#[test]
fn rating_rescores_and_undo_redo_walk_the_history() {
    let mut bench = bench_with_matrix();
    let original = bench.matrix().clone();
    let before = score(&original).hypotheses[1].weighted_inconsistency;
    // E1 × H2 is C; make it II: weight high × high = 2, so +4.
    bench.keys("lI");
    let after = score(bench.matrix()).hypotheses[1].weighted_inconsistency;
    assert!((after - before - 4.0).abs() < 1e-9);
    assert!(bench.state.matrix.as_ref().unwrap().is_dirty());
    // Rating moved the cursor on to H3: back to H2 first.
    bench.keys("jjhn");
    bench.keys("uu");
    assert_eq!(bench.matrix(), &original);
    assert!(!bench.state.matrix.as_ref().unwrap().is_dirty());
    bench.keys("<C-r>");
    assert_eq!(bench.matrix().rating(0, 1), Some(Rating::VeryInconsistent));
    bench.keys("<C-r><C-r>");
    assert_eq!(bench.matrix().rating(2, 1), Some(Rating::Neutral));
}

#[test]
fn cycling_the_order_keeps_the_cursor_on_its_item() {
    let mut bench = bench_with_matrix();
    bench.keys("jj");
    assert_eq!(
        bench.state.matrix.as_ref().unwrap().row,
        MatrixRow::Evidence(2)
    );
    bench.keys("s");
    let open = bench.state.matrix.as_ref().unwrap();
    assert_eq!(open.row, MatrixRow::Evidence(2));
    let order = open.display_order(&score(&open.matrix));
    let diagnosticity = score(&open.matrix).diagnosticity;
    assert!(
        order
            .windows(2)
            .all(|w| diagnosticity[w[0]] >= diagnosticity[w[1]])
    );
    // Moving down now follows the displayed order.
    let position = order.iter().position(|&i| i == 2).unwrap();
    bench.keys("j");
    let open = bench.state.matrix.as_ref().unwrap();
    assert_eq!(open.row, MatrixRow::Evidence(order[position + 1]));
    bench.keys("ss");
    assert_eq!(
        bench.state.matrix.as_ref().unwrap().order,
        ach_workbench::tui::state::EvidenceOrder::File
    );
}

#[test]
fn adding_a_hypothesis_through_its_form() {
    let mut bench = bench_with_matrix();
    bench.keys("H");
    assert!(matches!(bench.state.popups.last(), Some(Popup::Form(_))));
    bench.type_text("Frozen conflict");
    bench.keys("<Enter>");
    assert!(bench.state.popups.is_empty());
    let matrix = bench.matrix();
    let added = matrix.hypotheses().last().unwrap();
    assert_eq!(
        (added.id.as_str(), added.title.as_str()),
        ("H5", "Frozen conflict")
    );
    // Every item is unrated against it, and the cursor is in its column.
    assert_eq!(score(matrix).hypotheses[4].unrated, matrix.evidence().len());
    assert_eq!(bench.state.matrix.as_ref().unwrap().column, 4);
    bench.keys("u");
    assert_eq!(bench.matrix().hypotheses().len(), 4);
}

#[test]
fn a_form_refuses_bad_input_and_keeps_it() {
    let mut bench = bench_with_matrix();
    bench.keys("E");
    bench.keys("<Enter>");
    let Some(Popup::Form(form)) = bench.state.popups.last() else {
        panic!("the form stays open");
    };
    assert_eq!(form.error.as_deref(), Some("evidence needs a summary"));
    bench.type_text("No mobilisation seen");
    // The kind starts as "assumption"; one step on is "absence".
    bench.keys("<Tab><Space><Enter>");
    let added = bench.matrix().evidence().last().unwrap();
    assert_eq!(added.summary, "No mobilisation seen");
    assert_eq!(added.kind.word(), "absence");
    assert_eq!(added.source, None);
}

#[test]
fn editing_the_title_row_edits_the_matrix_header() {
    let mut bench = bench_with_matrix();
    bench.keys("kk");
    assert_eq!(bench.state.matrix.as_ref().unwrap().row, MatrixRow::Title);
    bench.keys("e<C-u>");
    bench.type_text("Renamed");
    bench.keys("<Enter>");
    assert_eq!(bench.matrix().title, "Renamed");
}

#[test]
fn deleting_asks_first_and_can_be_undone() {
    let mut bench = bench_with_matrix();
    let original = bench.matrix().clone();
    bench.keys("d");
    assert!(matches!(
        bench.state.popups.last(),
        Some(Popup::Confirm { .. })
    ));
    bench.keys("n");
    assert_eq!(bench.matrix(), &original);
    bench.keys("dy");
    assert_eq!(
        bench.matrix().evidence().len(),
        original.evidence().len() - 1
    );
    assert_eq!(bench.matrix().evidence()[0].id, "E2");
    // The header row deletes the hypothesis of the cursor's column.
    bench.keys("kld<Esc>");
    assert_eq!(bench.matrix().hypotheses().len(), 4);
    bench.keys("dy");
    assert_eq!(bench.matrix().hypotheses().len(), 3);
    assert_eq!(bench.matrix().hypotheses()[1].id, "H3");
    bench.keys("uu");
    assert_eq!(bench.matrix(), &original);
}

#[test]
fn saving_writes_the_file_through_the_core_writer() {
    let mut bench = bench_with_matrix();
    bench.keys("I<C-s>");
    let open = bench.state.matrix.as_ref().unwrap();
    assert!(!open.is_dirty());
    let on_disk = load_matrix(&bench.path(ATTACK)).unwrap();
    assert_eq!(on_disk.rating(0, 0), Some(Rating::VeryInconsistent));
    assert_eq!(&on_disk, bench.matrix());
    // The previous version is kept beside it.
    assert!(read(&bench.path(&format!("{ATTACK}.bak"))).contains("schema = 1"));
}

#[test]
fn quitting_with_unsaved_changes_asks() {
    let mut bench = bench_with_matrix();
    bench.keys("q");
    assert!(bench.state.quitting, "nothing to save: quits at once");

    let mut bench = bench_with_matrix();
    bench.keys("Iq");
    assert!(!bench.state.quitting);
    bench.keys("<Esc>");
    assert!(!bench.state.quitting && bench.state.popups.is_empty());
    bench.keys("qn");
    assert!(bench.state.quitting);
    assert_ne!(
        load_matrix(&bench.path(ATTACK)).unwrap().rating(0, 0),
        Some(Rating::VeryInconsistent),
        "n quits without saving"
    );

    let mut bench = bench_with_matrix();
    bench.keys("Iqy");
    assert!(bench.state.quitting);
    assert_eq!(
        load_matrix(&bench.path(ATTACK)).unwrap().rating(0, 0),
        Some(Rating::VeryInconsistent),
        "y saves, then quits"
    );
}

#[test]
fn a_failed_save_keeps_the_work_and_says_why() {
    let mut bench = bench_with_matrix();
    bench.keys("I");
    // Replace the matrix's directory by a file: the save cannot succeed.
    let dir = bench.path("hypotheses");
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::write(&dir, "not a directory").unwrap();
    bench.keys("qy");
    assert!(!bench.state.quitting, "a failed save must not quit");
    let open = bench.state.matrix.as_ref().unwrap();
    assert!(open.is_dirty());
    assert_eq!(open.matrix.rating(0, 0), Some(Rating::VeryInconsistent));
    let notice = bench.state.notice.as_ref().unwrap();
    assert!(notice.text.starts_with("Could not save"), "{}", notice.text);
}

#[test]
fn attaching_two_sentences_stores_the_exact_quote() {
    let mut bench = bench_with_matrix();
    bench.open_document("seeds/003_ce3d3e394238d710.txt");
    assert_eq!(bench.state.focus, Pane::Reader);
    // Skip the title, select two sentences, attach.
    bench.keys("lvla");
    let Some(Popup::Form(form)) = bench.state.popups.last() else {
        panic!("the attach form opens");
    };
    assert!(
        form.fields[1]
            .value()
            .starts_with("Armenia’s Foreign Intelligence Service")
    );
    bench.keys("<Enter>");
    let evidence = bench.matrix().evidence().last().unwrap().clone();
    assert_eq!(evidence.id, "E15");
    let passage = evidence.source.unwrap();
    let document = std::fs::read(bench.path(&passage.document)).unwrap();
    assert_eq!(
        &document[passage.start..passage.end],
        passage.quote.as_bytes()
    );
    assert!(
        passage.quote.contains(". "),
        "two sentences: {}",
        passage.quote
    );
    // The new row is selected, ready to rate.
    assert_eq!(
        bench.state.matrix.as_ref().unwrap().row,
        MatrixRow::Evidence(14)
    );
}

#[test]
fn attaching_without_a_matrix_says_what_to_do() {
    let mut bench = Bench::new(100, 30);
    bench.open_document("seeds/000_4aac1b7b0c3c3412.txt");
    bench.keys("a");
    assert!(bench.state.popups.is_empty());
    assert!(
        bench
            .state
            .notice
            .as_ref()
            .unwrap()
            .text
            .contains("Open a matrix first")
    );
}

#[test]
fn enter_on_a_sourced_item_shows_its_passage_selected() {
    let mut bench = bench_with_matrix();
    bench.keys("<Enter>");
    assert_eq!(bench.state.focus, Pane::Reader);
    let reader = bench
        .state
        .reader
        .document
        .as_ref()
        .expect("the document opened");
    let passage = bench.matrix().evidence()[0].source.clone().unwrap();
    assert_eq!(reader.document.path(), passage.document);
    // Exactly the passage: not the sentences around it.
    assert_eq!(reader.selection(), Some(passage.start..passage.end));
    let first = reader.visible.first().unwrap().bytes.start;
    let last = reader.visible.last().unwrap().bytes.end;
    assert!(
        first <= passage.start && passage.start < last,
        "the passage is on screen"
    );
}

#[test]
fn library_filter_narrows_and_opens() {
    let mut bench = Bench::new(100, 30);
    bench.keys("/");
    bench.type_text("escalation");
    assert!(bench.state.library.filtering);
    // The escalation matrix and document, in library order.
    let titles = entry_paths(&bench);
    assert_eq!(
        titles[..2],
        [
            "hypotheses/iran-azerbaijan-escalation.toml",
            "seeds/004_2be94a85530b984a.txt"
        ]
    );
    bench.keys("<Down><Enter>");
    assert_eq!(
        bench
            .state
            .reader
            .document
            .as_ref()
            .unwrap()
            .document
            .path(),
        "seeds/004_2be94a85530b984a.txt"
    );
    // Esc clears the filter.
    bench.keys("<S-Tab>");
    assert_eq!(bench.state.focus, Pane::Library);
    bench.keys("/x<Esc>");
    assert_eq!(bench.state.library.filter.value(), "");
    assert_eq!(bench.state.library.entries.len(), 8);
    // Tab leaves a filter being typed; q typed in it is text, Ctrl-c quits.
    bench.keys("/q<Tab>");
    assert_eq!(bench.state.focus, Pane::Reader);
    assert_eq!(bench.state.library.filter.value(), "q");
    bench.keys("<S-Tab><C-c>");
    assert!(bench.state.quitting);
}

/// The paths of the library rows, in order.
fn entry_paths(bench: &Bench) -> Vec<String> {
    use ach_workbench::tui::state::Entry;
    let library = &bench.state.library;
    library
        .entries
        .iter()
        .map(|entry| match *entry {
            Entry::Matrix(i) => library.library.matrices[i].path.clone(),
            Entry::Document(i) => library.library.documents[i].path.clone(),
            Entry::Skipped(i) => library.library.skipped[i].path.clone(),
        })
        .collect()
}

#[test]
fn words_typed_into_the_filter_never_run_commands() {
    // Issue 8 item 1: `qatar` quit, `us` undid an edit, `kazakh` became
    // "azakh". The rule now is less's: `/` starts the filter, and from then
    // on until Enter or Esc every printable key is text.
    let mut bench = Bench::new(100, 30);
    bench.open_matrix(ATTACK);
    bench.state.focus = Pane::Matrix;
    bench.keys("jI");
    bench.state.focus = Pane::Library;
    let before = bench.matrix().clone();
    let screen = bench.screen();
    assert!(screen.contains("/ to filter"), "{screen}");
    bench.keys("/");
    bench.type_text("kazakh qatar us jgGzX?M");
    assert_eq!(
        bench.state.library.filter.value(),
        "kazakh qatar us jgGzX?M"
    );
    assert!(!bench.state.quitting);
    assert_eq!(bench.matrix(), &before, "nothing was undone");
    assert!(bench.state.popups.is_empty());
    assert!(!bench.state.zoomed);
    let screen = bench.screen();
    assert!(screen.contains("Filter: kazakh qatar"), "{screen}");
    // Once the rating's message has been read, the hints say the mode.
    bench.wait(1);
    bench.wait(10);
    let screen = bench.screen();
    assert!(
        screen.contains("typing: printable keys are text"),
        "{screen}"
    );
}

#[test]
fn a_new_filter_starts_empty_and_a_kept_one_is_shown() {
    // Issue 8 item 18: the old filter text made a new search find 0.
    let mut bench = Bench::new(100, 30);
    // Enter opens the best match and keeps the filter.
    bench.keys("/iran<Enter>");
    bench.state.focus = Pane::Library;
    assert!(!bench.state.library.filtering);
    assert_eq!(bench.state.library.filter.value(), "iran");
    let screen = bench.screen();
    assert!(screen.contains("Filtered by: iran"), "{screen}");
    bench.keys("/");
    assert_eq!(bench.state.library.filter.value(), "");
    bench.type_text("armenia");
    assert_eq!(
        entry_paths(&bench)[0],
        "hypotheses/azerbaijan-armenia-attack.toml"
    );
}

#[test]
fn search_highlights_and_steps_through_matches() {
    let mut bench = Bench::new(100, 30);
    bench.open_document("seeds/004_2be94a85530b984a.txt");
    bench.keys("/");
    bench.type_text("nakhchivan");
    bench.keys("<Enter>");
    let reader = bench.state.reader.document.as_ref().unwrap();
    let search = reader.search.as_ref().expect("a search ran");
    assert!(search.count() >= 2, "{} matches", search.count());
    let first = reader
        .current_match
        .clone()
        .expect("the first match is current");
    assert_eq!(
        reader.document.text()[first.clone()].to_lowercase(),
        "nakhchivan"
    );
    let cursor = reader.cursor.clone().unwrap();
    assert!(
        cursor.start <= first.start && first.end <= cursor.end,
        "the cursor holds it"
    );
    bench.keys("n");
    let second = bench
        .state
        .reader
        .document
        .as_ref()
        .unwrap()
        .current_match
        .clone()
        .unwrap();
    assert!(second.start > first.start);
    bench.keys("N");
    let back = bench
        .state
        .reader
        .document
        .as_ref()
        .unwrap()
        .current_match
        .clone()
        .unwrap();
    assert_eq!(back, first);
}

#[test]
fn clicking_a_cell_selects_it_and_the_pane() {
    let mut bench = bench_with_matrix();
    bench.keys("<Tab>");
    assert_eq!(bench.state.focus, Pane::Library);
    // Click the third evidence row in the third hypothesis column, where
    // they are on screen now (the library has the focus).
    let area = ach_workbench::tui::view::areas(&bench.state)
        .matrix
        .unwrap();
    let inner = ach_workbench::tui::view::inner(area);
    let hypotheses = bench.state.matrix.as_ref().unwrap().matrix.hypotheses();
    let geometry = ach_workbench::tui::view::MatrixGeometry::new(inner, hypotheses);
    let column = geometry.column_x(2) + 1;
    let row = geometry.rows.y + 2;
    bench.send(Msg::Click { column, row });
    let open = bench.state.matrix.as_ref().unwrap();
    assert_eq!(bench.state.focus, Pane::Matrix);
    assert_eq!(open.row, MatrixRow::Evidence(2));
    assert_eq!(open.column, 2);
}

#[test]
fn resizing_reflows_and_tiny_terminals_get_a_notice() {
    let mut bench = bench_with_matrix();
    bench.open_document("seeds/003_ce3d3e394238d710.txt");
    bench.keys("jjjj");
    let top_before = bench.state.reader.document.as_ref().unwrap().visible[0]
        .bytes
        .start;
    bench.send(Msg::Resize {
        width: 160,
        height: 40,
    });
    let reader = bench.state.reader.document.as_ref().unwrap();
    let area = ach_workbench::tui::view::areas(&bench.state)
        .reader
        .unwrap();
    let width = ach_workbench::tui::view::reader_text_area(area).width;
    assert_eq!(reader.layout.width(), usize::from(width));
    assert!(width > 50);
    // The same text stays at the top: the line holding the old top byte.
    let top = &reader.visible[0].bytes;
    assert!(top.start <= top_before && top_before < top.end.max(top.start + 1));
    bench.send(Msg::Resize {
        width: 60,
        height: 20,
    });
    assert!(bench.screen().contains("Terminal too small"));
}

#[test]
fn hostile_documents_reach_the_screen_inert() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("seeds")).unwrap();
    std::fs::write(
        dir.path().join("seeds/evil.txt"),
        "Title\u{1b}]0;pwned\u{7}\nText \u{1b}[2J\u{1b}[31mred\u{9b}1m and 漢字 e\u{301} 😀 here.\r\n",
    )
    .unwrap();
    let mut bench = Bench::on(dir, 100, 30);
    bench.open_document("seeds/evil.txt");
    let screen = bench.screen();
    assert!(
        !screen.chars().any(|c| c.is_control() && c != '\n'),
        "{screen:?}"
    );
    assert!(screen.contains("␛[2J␛[31mred"));
    assert!(screen.contains("Title␛]0;pwned␇"));
}

#[test]
fn exporting_writes_beside_the_matrix_and_asks_before_replacing() {
    let mut bench = bench_with_matrix();
    let html = bench.path("hypotheses/azerbaijan-armenia-attack.html");
    bench.keys("Xj<Enter>");
    assert!(bench.state.popups.is_empty());
    let first = read(&html);
    assert!(first.contains("<table"), "an HTML export");
    assert!(
        bench
            .state
            .notice
            .as_ref()
            .unwrap()
            .text
            .contains("Exported html")
    );
    // Change the matrix; exporting again asks; n keeps the old file.
    bench.keys("I");
    bench.keys("Xj<Enter>");
    assert!(matches!(
        bench.state.popups.last(),
        Some(Popup::Confirm { .. })
    ));
    bench.keys("n");
    assert_eq!(read(&html), first);
    bench.keys("Xj<Enter>y");
    assert_ne!(read(&html), first, "y replaces it");
    // The other formats land beside it under their own names.
    // Markdown is first, the brief fifth.
    bench.keys("X<Enter>Xjjjj<Enter>");
    assert!(
        bench
            .path("hypotheses/azerbaijan-armenia-attack.md")
            .exists()
    );
    assert!(
        bench
            .path("hypotheses/azerbaijan-armenia-attack.brief.md")
            .exists()
    );
}

#[test]
fn a_new_matrix_is_created_listed_and_opened() {
    let mut bench = Bench::new(100, 30);
    bench.keys("<C-n>");
    bench.type_text("Who leaked the memo?");
    bench.keys("<Tab>");
    bench.type_text("Which office is the source?");
    bench.keys("<Enter>");
    let path = bench.path("hypotheses/who-leaked-the-memo.toml");
    let created = load_matrix(&path).unwrap();
    assert_eq!(created.title, "Who leaked the memo?");
    assert_eq!(
        created.question.as_deref(),
        Some("Which office is the source?")
    );
    assert_eq!(bench.matrix(), &created);
    assert_eq!(bench.state.focus, Pane::Matrix);
    assert_eq!(
        bench.state.library.library.matrices.len(),
        4,
        "listed in the library"
    );
    // Creating it again refuses to overwrite it, in the form.
    bench.keys("<C-n>");
    bench.type_text("Who leaked the memo?");
    bench.keys("<Enter>");
    let Some(Popup::Form(form)) = bench.state.popups.last() else {
        panic!("the form stays");
    };
    assert_eq!(
        form.error.as_deref(),
        Some(
            "hypotheses/who-leaked-the-memo.toml already exists: Enter creates hypotheses/who-leaked-the-memo-2.toml instead, or type another name"
        )
    );
    assert_eq!(
        load_matrix(&path).unwrap(),
        created,
        "the first one untouched"
    );
}

#[test]
fn messages_expire_the_hints_return_and_the_log_keeps_them_whole() {
    // Issue 8 item 5.
    let mut bench = Bench::new(100, 30);
    bench.open_matrix(ATTACK);
    bench.state.focus = Pane::Matrix;
    bench.keys("jI");
    let rated = bench.state.notice.clone().expect("the rating is reported");
    bench.wait(1);
    assert_eq!(bench.state.notice.as_ref(), Some(&rated), "still shown");
    bench.wait(6);
    assert_eq!(bench.state.notice, None, "gone after a while");
    let status = bench.screen().lines().last().unwrap().to_owned();
    assert!(status.contains("C c n i I x rate"), "{status}");
    // The log holds every message, each in full.
    bench.keys("M");
    assert!(matches!(
        bench.state.popups.last(),
        Some(Popup::Messages { .. })
    ));
    let screen = bench.screen();
    assert!(
        screen.contains("Opened hypotheses/azerbaijan-armenia-attack.toml"),
        "{screen}"
    );
    let start: String = rated.text.chars().take(30).collect();
    assert!(screen.contains(&start), "{screen}");
    bench.keys("<Esc>");
    assert!(bench.state.popups.is_empty());
}

#[test]
fn help_wraps_long_descriptions_and_g_and_capital_g_scroll_it() {
    // Issue 8 item 7: "JSON, brie" was cut off, and g/G did nothing.
    let mut bench = Bench::new(100, 30);
    bench.keys("?");
    bench.keys("G");
    let Some(Popup::Help { scroll }) = bench.state.popups.last() else {
        panic!("help is open");
    };
    let bottom = *scroll;
    assert!(bottom > 0);
    // At the bottom, one line up moves at once.
    bench.keys("k");
    assert!(
        matches!(bench.state.popups.last(), Some(Popup::Help { scroll }) if *scroll == bottom - 1)
    );
    bench.keys("g");
    assert!(matches!(
        bench.state.popups.last(),
        Some(Popup::Help { scroll: 0 })
    ));
    let screen = bench.screen();
    assert!(screen.contains("JSON, brief)"), "{screen}");
}

#[test]
fn rating_moves_across_the_row_and_says_so() {
    // Issue 8 item 15 (and issue 11): one item against every hypothesis.
    let mut bench = Bench::new(100, 30);
    bench.open_matrix(ATTACK);
    bench.state.focus = Pane::Matrix;
    bench.keys("I");
    let open = bench.state.matrix.as_ref().unwrap();
    assert_eq!((open.row, open.column), (MatrixRow::Evidence(0), 1));
    assert_eq!(
        bench.state.notice.as_ref().unwrap().text,
        "Rated E1 against H1: II · next: H2"
    );
    bench.keys("ccc");
    let open = bench.state.matrix.as_ref().unwrap();
    assert_eq!((open.row, open.column), (MatrixRow::Evidence(1), 0));
    assert_eq!(
        bench.state.notice.as_ref().unwrap().text,
        "Rated E1 against H4: C · row done; next: E2 against H1"
    );
    assert_eq!(bench.matrix().rating(0, 3), Some(Rating::Consistent));
}

#[test]
fn moving_a_column_says_where_it_went() {
    let mut bench = Bench::new(100, 30);
    bench.open_matrix(ATTACK);
    bench.state.focus = Pane::Matrix;
    bench.keys(">");
    assert_eq!(
        bench.state.notice.as_ref().unwrap().text,
        "Moved hypothesis H1 right: now column 2 of 4 (u to undo)"
    );
    bench.keys("<lt><lt>");
    assert_eq!(
        bench.state.notice.as_ref().unwrap().text,
        "This hypothesis is already the first column"
    );
}

#[test]
fn editing_only_the_analyst_says_so() {
    // Issue 8 item 6.
    let mut bench = Bench::new(100, 30);
    bench.open_matrix(ATTACK);
    bench.state.focus = Pane::Matrix;
    bench.keys("kke");
    let Some(Popup::Form(form)) = bench.state.popups.last_mut() else {
        panic!("the header form");
    };
    form.focused = form
        .fields
        .iter()
        .position(|f| f.label == "Analyst")
        .unwrap();
    bench.keys(" (reviewed)<Enter>");
    assert_eq!(
        bench.state.notice.as_ref().unwrap().text,
        "Edited the matrix analyst"
    );
}

#[test]
fn an_item_with_no_passage_starts_as_an_assumption() {
    // Issue 8 item 12.
    let mut bench = Bench::new(100, 30);
    bench.open_matrix(ATTACK);
    bench.state.focus = Pane::Matrix;
    bench.keys("E");
    let Some(Popup::Form(form)) = bench.state.popups.last() else {
        panic!("the evidence form");
    };
    let kind = form.fields.iter().find(|f| f.label == "Kind").unwrap();
    assert_eq!(kind.value(), "assumption");
}

#[test]
fn exporting_unsaved_changes_says_so() {
    // Issue 8 item 14.
    let mut bench = Bench::new(100, 30);
    bench.open_matrix(ATTACK);
    bench.state.focus = Pane::Matrix;
    bench.keys("X<Enter>");
    let saved = bench.state.notice.as_ref().unwrap().text.clone();
    assert!(saved.starts_with("Exported"), "{saved}");
    assert!(!saved.contains("unsaved"), "{saved}");
    bench.keys("I");
    bench.keys("X<Enter>y");
    let text = bench.state.notice.as_ref().unwrap().text.clone();
    assert!(text.contains("including your unsaved changes"), "{text}");
}
