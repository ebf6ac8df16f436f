//! Actions in the Reader pane: scrolling, the sentence cursor, selecting,
//! searching, attaching a passage, and showing an evidence's passage.

use tui_input::Input;

use crate::document::{
    Document, Position, extend_end, extend_start, search, shrink_end, shrink_start,
};
use crate::model::Passage;
use crate::tui::action::Action;
use crate::tui::forms::attach_form;
use crate::tui::layout::{areas, reader_text_area};
use crate::tui::msg::Effect;
use crate::tui::state::{Notice, OpenDocument, Pane, Popup, State};
use crate::workspace::check_passage_in;

pub fn act(state: &mut State, action: Action) -> Vec<Effect> {
    if state.reader.search_prompt.is_some() {
        prompt_action(state, action);
        return Vec::new();
    }
    let rows = text_rows(state);
    let Some(open) = state.reader.document.as_mut() else {
        if !matches!(action, Action::CloseTop) {
            state.notify(Notice::info(
                "No document is open: choose one in the Library",
            ));
        }
        return Vec::new();
    };
    let page = rows.saturating_sub(1).max(1) as isize;
    if moves(action) {
        // The analyst moved on: a `G` waiting for the rest is dropped.
        open.end_when_read = false;
    }
    let reading = open.document.still_reading();
    match action {
        Action::Up => scroll(open, -1, rows),
        Action::Down => scroll(open, 1, rows),
        Action::PageUp => scroll(open, -page, rows),
        Action::PageDown => scroll(open, page, rows),
        Action::Top => {
            open.top = Position::TOP;
            open.cursor = open.sentences.at(&open.document, 0);
        }
        Action::Bottom if reading.is_some() => {
            open.end_when_read = true;
            let read = open.document.len();
            state.notify(Notice::info(format!(
                "Going to the end once the document is read ({} of {} so far)",
                size(read as u64),
                size(reading.unwrap_or_default())
            )));
        }
        Action::Bottom => go_to_end(open, rows),
        Action::NextSentence | Action::PreviousSentence => {
            let from = open.cursor.as_ref().map_or(0, |c| c.start);
            let next = if action == Action::NextSentence {
                open.sentences.next(&open.document, from)
            } else {
                open.sentences.previous(&open.document, from)
            };
            if let Some(sentence) = next {
                open.cursor = Some(sentence);
                // Back to whole sentences, from the anchor to here.
                open.trimmed = None;
                show_cursor(open, rows);
            } else if reading.is_some() && action == Action::NextSentence {
                state.notify(Notice::info(
                    "The rest of the document is still being read: its sentences come when it is",
                ));
            }
        }
        Action::ToggleSelection => {
            open.trimmed = None;
            open.anchor = match open.anchor {
                Some(_) => None,
                None => open.cursor.clone(),
            };
        }
        Action::ExtendByWord
        | Action::ShrinkByWord
        | Action::ExtendStartByWord
        | Action::ShrinkStartByWord => trim_by_word(open, action, rows),
        Action::StartSearch => state.reader.search_prompt = Some(Input::default()),
        Action::NextMatch | Action::PreviousMatch => {
            jump_to_match(state, action == Action::NextMatch)
        }
        Action::Attach => attach(state),
        Action::CloseTop => {
            if open.anchor.is_some() {
                open.anchor = None;
                open.trimmed = None;
            } else if open.search.is_some() {
                open.search = None;
                open.current_match = None;
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Whether `action` moves through the document.
fn moves(action: Action) -> bool {
    matches!(
        action,
        Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::NextSentence
            | Action::PreviousSentence
            | Action::NextMatch
            | Action::PreviousMatch
    )
}

/// `G`: the screen that ends with the document's last line, the cursor
/// on its last sentence.
fn go_to_end(open: &mut OpenDocument, rows: usize) {
    open.top = open.layout.last_screen(&open.document, rows);
    let end = open.document.len();
    open.cursor = open.sentences.at(&open.document, end);
}

/// A size in the analyst's units.
fn size(bytes: u64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KiB", bytes.div_ceil(1024))
    } else {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    }
}

/// `w` `b` `B` `W`: the selection (starting one at the cursor's sentence
/// if none) one word longer or shorter at its end or start.
fn trim_by_word(open: &mut OpenDocument, action: Action, rows: usize) {
    let Some(selection) = open.selection() else {
        return;
    };
    if open.anchor.is_none() {
        open.anchor = open.cursor.clone();
    }
    let text = open.document.text();
    let trimmed = match action {
        Action::ExtendByWord => extend_end(text, &selection),
        Action::ShrinkByWord => shrink_end(text, &selection),
        Action::ExtendStartByWord => extend_start(text, &selection),
        _ => shrink_start(text, &selection),
    };
    // The end that moved stays on screen.
    let moved = if matches!(action, Action::ExtendByWord | Action::ShrinkByWord) {
        trimmed.end.saturating_sub(1).max(trimmed.start)
    } else {
        trimmed.start
    };
    open.trimmed = Some(trimmed);
    let position = open.layout.position_of(&open.document, moved);
    ensure_visible(open, position, rows);
}

/// Keys while the `/` prompt is open: Enter searches, Esc cancels.
fn prompt_action(state: &mut State, action: Action) {
    match action {
        Action::Submit => {
            let query = state
                .reader
                .search_prompt
                .take()
                .map(|input| input.value().to_owned())
                .unwrap_or_default();
            run_search(state, &query);
        }
        Action::CloseTop => state.reader.search_prompt = None,
        _ => {}
    }
}

fn run_search(state: &mut State, query: &str) {
    let Some(open) = state.reader.document.as_mut() else {
        return;
    };
    open.current_match = None;
    if query.is_empty() {
        open.search = None;
        return;
    }
    let reading = open.document.still_reading().is_some();
    match search(open.document.text(), query) {
        Ok(found) if found.count() == 0 && reading => {
            // Kept, to be run again over the whole text when it arrives.
            open.search = Some(found);
            state.notify(Notice::info(format!(
                "No match for “{query}” in the part read so far; the rest is still being read"
            )));
        }
        Ok(found) if found.count() == 0 => {
            open.search = None;
            state.notify(Notice::warning(format!("No match for “{query}”")));
        }
        Ok(found) => {
            open.search = Some(found);
            // Start from the top of the screen, so the first match shown is
            // the next one the analyst would read.
            let top_byte = open.layout.line(&open.document, open.top).bytes.start;
            jump_from(state, top_byte.saturating_sub(1), true);
        }
        Err(error) => state.notify(Notice::error(format!("Cannot search: {error}"))),
    }
}

fn jump_to_match(state: &mut State, forward: bool) {
    let Some(open) = state.reader.document.as_ref() else {
        return;
    };
    if open.search.is_none() {
        state.notify(Notice::info("No search yet: press / to search"));
        return;
    }
    let from = match &open.current_match {
        Some(current) => current.start,
        None => open.cursor.as_ref().map_or(0, |c| c.start),
    };
    jump_from(state, from, forward);
}

/// Moves the cursor to the next (or previous) match after byte `from`.
fn jump_from(state: &mut State, from: usize, forward: bool) {
    let rows = text_rows(state);
    let Some(open) = state.reader.document.as_mut() else {
        return;
    };
    let Some(found) = &open.search else {
        return;
    };
    let hit = if forward {
        found.next_after(from)
    } else {
        found.previous_before(from)
    };
    let Some(hit) = hit else {
        return;
    };
    let count = found.count();
    open.cursor = open.sentences.at(&open.document, hit.range.start);
    open.current_match = Some(hit.range.clone());
    let position = open.layout.position_of(&open.document, hit.range.start);
    ensure_visible(open, position, rows);
    let wrapped = if hit.wrapped { " (wrapped around)" } else { "" };
    let so_far = if open.document.still_reading().is_some() {
        " in the part read so far (the rest is still being read)"
    } else {
        ""
    };
    state.notify(Notice::info(format!(
        "Match {} of {count}{so_far}{wrapped}",
        hit.index + 1
    )));
}

/// `a`: the selection (or the cursor's sentence) becomes a new evidence
/// item of the open matrix, through the attach form.
fn attach(state: &mut State) {
    let Some(open) = state.reader.document.as_ref() else {
        return;
    };
    if open.document.is_lossy() {
        state.notify(Notice::error(
            "This document is not valid UTF-8: passages cannot be attached from it",
        ));
        return;
    }
    let Some(range) = open.selection() else {
        state.notify(Notice::info(
            "Nothing to attach: this document has no sentences",
        ));
        return;
    };
    let Some(matrix) = state.matrix.as_ref() else {
        state.notify(Notice::warning(
            "Open a matrix first (Library, Enter on a matrix) to attach evidence to it",
        ));
        return;
    };
    if matrix.read_only {
        state.notify(Notice::warning(
            "The matrix is open read-only (another workbench has it): evidence cannot be attached",
        ));
        return;
    }
    let passage = Passage {
        document: open.document.path().to_owned(),
        start: range.start,
        end: range.end,
        quote: open.document.text()[range.clone()].to_owned(),
    };
    let form = attach_form(&matrix.matrix, passage);
    // The form's rows with its quote of the passage, borders and footer.
    let form_rows = usize::from(crate::tui::layout::fields_rows(&form)) + 10;
    state.popups.push(Popup::Form(form));
    make_room_beside(state, range, form_rows);
    if let Some(open) = state.reader.document.as_mut() {
        open.anchor = None;
        open.trimmed = None;
    }
}

/// Scrolls the reader, if the attach form (`form_rows` high) would not fit
/// above or below the passage at `bytes` as it is, so that the passage sits
/// at the reader's bottom edge (or its top, where more screen is below the
/// reader than above it): the form is then drawn beside it, not over it.
fn make_room_beside(state: &mut State, bytes: std::ops::Range<usize>, form_rows: usize) {
    let Some(area) = areas(state).reader else {
        return;
    };
    let text = reader_text_area(area);
    let rows = usize::from(text.height).max(1);
    let screen = usize::from(state.height.saturating_sub(1));
    let Some(open) = state.reader.document.as_mut() else {
        return;
    };
    let shown = open
        .visible_lines_holding(&bytes)
        .map(|(first, last)| (usize::from(text.y) + first, usize::from(text.y) + last));
    // Room enough above or below the passage as it is: no scrolling.
    let fits = |(first, last): (usize, usize)| {
        first >= form_rows || screen.saturating_sub(last + 1) >= form_rows
    };
    if shown.is_some_and(fits) {
        return;
    }
    let last = open
        .layout
        .position_of(&open.document, bytes.end.saturating_sub(1).max(bytes.start));
    let first = open.layout.position_of(&open.document, bytes.start);
    let above_reader = usize::from(text.y);
    let below_reader = screen.saturating_sub(usize::from(text.y) + rows);
    open.top = if above_reader >= below_reader {
        // The passage's last line on the reader's last row.
        open.layout
            .scroll(&open.document, last, -(rows.saturating_sub(1) as isize))
    } else {
        first
    };
}

/// Shows `passage` in the reader, selected, loading its document first
/// when another one is open.
pub fn show_passage(state: &mut State, passage: Passage) -> Vec<Effect> {
    state.focus = Pane::Reader;
    let open = state.reader.document.as_ref();
    let loaded = open.is_some_and(|open| open.document.path() == passage.document);
    if loaded && open.is_some_and(|open| open.document.still_reading().is_some()) {
        // Selected when the whole document is here, as after a load.
        state.reader.pending_passage = Some(passage);
        state.notify(Notice::info(
            "The document is still being read: the passage is shown when it is",
        ));
        return Vec::new();
    }
    if !loaded {
        let path = passage.document.clone();
        state.reader.pending_passage = Some(passage);
        return vec![Effect::LoadDocument(path)];
    }
    select_passage(state, &passage);
    Vec::new()
}

fn select_passage(state: &mut State, passage: &Passage) {
    let rows = text_rows(state);
    let Some(open) = state.reader.document.as_mut() else {
        return;
    };
    // The same check as `ach check`: the file's bytes, not the decoded
    // text, whose offsets differ when the file is not valid UTF-8.
    let check = check_passage_in(open.document.file_bytes(), passage);
    if !check.is_ok() {
        state.notify(Notice::warning(format!(
            "The document has changed since this passage was attached: {check}"
        )));
        return;
    }
    let Some(range) = open.document.text_range_of_file(passage.start..passage.end) else {
        state.notify(Notice::warning(
            "The passage is empty and falls inside bytes that are not UTF-8: nothing to show",
        ));
        return;
    };
    open.anchor = open.sentences.at(&open.document, range.start);
    open.cursor = open
        .sentences
        .at(&open.document, range.end.saturating_sub(1).max(range.start));
    // Exactly the passage, which may be finer than its sentences.
    open.trimmed = Some(range.clone());
    let position = open.layout.position_of(&open.document, range.start);
    // Two lines of context above the passage.
    open.top = open.layout.scroll(&open.document, position, -2);
    ensure_visible(open, position, rows);
    state.notify(Notice::info(format!(
        "Passage of {} bytes {}–{} (Esc clears the selection)",
        passage.document, passage.start, passage.end
    )));
}

/// A document was read: show it from the top, or the pending passage. The
/// start of a long document comes first, marked as still reading; the
/// whole document then takes its place.
pub fn loaded(state: &mut State, path: String, result: Result<Document, String>) -> Vec<Effect> {
    let reading_it = state.reader.document.as_ref().is_some_and(|open| {
        open.document.still_reading().is_some() && open.document.path() == path
    });
    match result {
        Ok(document) if reading_it => read_on(state, document),
        Ok(document) => {
            let width = text_width(state);
            let lossy = document.is_lossy();
            let title = document.title().to_owned();
            let reading = document.still_reading();
            state.reader.document = Some(OpenDocument::new(document, width));
            state.reader.search_prompt = None;
            state.focus = Pane::Reader;
            if lossy {
                state.notify(Notice::warning(format!(
                    "{path} is not valid UTF-8: shown with replacement characters (�); passages cannot be attached from it"
                )));
            } else {
                state.notify(Notice::info(format!("Reading {path}: {title}")));
            }
            if state
                .reader
                .pending_passage
                .as_ref()
                .is_some_and(|p| p.document != path)
            {
                state.reader.pending_passage = None;
            }
            if reading.is_none() {
                show_pending_passage(state);
            }
        }
        Err(why) if reading_it => {
            // What was shown is only the start: it goes, with the reason.
            state.reader.document = None;
            state.reader.pending_passage = None;
            state.notify(Notice::error(format!(
                "Could not read the rest of the document: {why}"
            )));
        }
        Err(why) => {
            state.reader.pending_passage = None;
            state.notify(Notice::error(format!("Could not open the document: {why}")));
        }
    }
    Vec::new()
}

/// The passage waiting for its document, selected now that it is here.
fn show_pending_passage(state: &mut State) {
    if let Some(passage) = state.reader.pending_passage.take() {
        select_passage(state, &passage);
    }
}

/// More of the document shown (the whole of it, unless still reading):
/// it replaces what was shown, keeping the top line, the cursor, the
/// selection and the search, which is run again over the new text; a `G`
/// pressed meanwhile goes to the end now.
fn read_on(state: &mut State, document: Document) {
    let rows = text_rows(state);
    let Some(open) = state.reader.document.as_mut() else {
        return;
    };
    // The text shown so far is a prefix of the new one, at the same
    // offsets; the layout and sentences cached for it may end early (the
    // last paragraph was cut), so they start again.
    let top_byte = open.layout.line(&open.document, open.top).bytes.start;
    let cut_paragraph = open.document.paragraph_count().saturating_sub(1);
    let width = open.layout.width();
    let old = std::mem::replace(open, OpenDocument::new(document, width));
    // Paragraphs before the last one read are whole and wrap the same, so
    // the top stays where it was (a gap row too, which has no byte of its
    // own); in the last one, the row holding the same byte.
    open.top = if old.top.paragraph < cut_paragraph {
        old.top
    } else {
        open.layout.position_of(&open.document, top_byte)
    };
    open.cursor = (old.cursor.as_ref()).and_then(|c| open.sentences.at(&open.document, c.start));
    open.anchor = (old.anchor.as_ref()).and_then(|a| open.sentences.at(&open.document, a.start));
    open.trimmed = old.trimmed;
    open.drag_from = old.drag_from;
    open.current_match = old.current_match;
    open.search = (old.search.as_ref()).and_then(|s| search(open.document.text(), s.query()).ok());
    let whole = open.document.still_reading().is_none();
    open.end_when_read = old.end_when_read && !whole;
    if old.end_when_read && whole {
        go_to_end(open, rows);
    }
    let path = open.document.path().to_owned();
    let notice = if open.document.is_lossy() {
        Notice::warning(format!(
            "{path} is not valid UTF-8: shown with replacement characters (�); passages cannot be attached from it"
        ))
    } else if let Some(found) = open.search.as_ref().filter(|_| whole) {
        Notice::info(format!(
            "Read all of {path}: “{}” has {} matches",
            found.query(),
            found.count()
        ))
    } else if old.end_when_read && whole {
        Notice::info(format!("Read all of {path}: at its end"))
    } else {
        Notice::info(format!(
            "Read all of {path}: {} words",
            open.document.word_count()
        ))
    };
    if whole {
        state.notify(notice);
        show_pending_passage(state);
    }
}

/// Re-wraps the document for the pane's current width, keeping the same
/// text at the top of the screen.
pub fn reflow(state: &mut State) {
    let width = text_width(state);
    let Some(open) = state.reader.document.as_mut() else {
        return;
    };
    if open.layout.width() == width.max(1) {
        return;
    }
    let top_byte = open.layout.line(&open.document, open.top).bytes.start;
    open.layout.set_width(width);
    open.top = open.layout.position_of(&open.document, top_byte);
}

/// Refreshes the lines on screen for the view (after every update).
pub fn keep_cursor_visible(state: &mut State) {
    let rows = text_rows(state);
    if let Some(open) = state.reader.document.as_mut() {
        open.top = open.layout.clamp(&open.document, open.top);
        open.visible = open.layout.lines(&open.document, open.top, rows);
    }
}

/// Scrolls by `delta` lines and pulls the cursor along if it left the
/// screen, so `v` and `a` always act on something visible.
fn scroll(open: &mut OpenDocument, delta: isize, rows: usize) {
    let last_top = open.layout.last_screen(&open.document, rows);
    let target = open.layout.scroll(&open.document, open.top, delta);
    // Do not scroll past the screen that ends with the last line.
    open.top = if delta > 0 {
        target.min(last_top.max(open.top))
    } else {
        target
    };
    let visible = open.layout.lines(&open.document, open.top, rows);
    let (Some(first), Some(last)) = (visible.first(), visible.last()) else {
        return;
    };
    let (first_byte, end_byte) = (first.bytes.start, last.bytes.end);
    let cursor = open.cursor.as_ref().map_or(0, |c| c.start);
    if cursor < first_byte {
        open.cursor = open.sentences.at(&open.document, first_byte);
    } else if cursor >= end_byte && end_byte > first_byte {
        open.cursor = open
            .sentences
            .containing(&open.document, end_byte - 1)
            .or_else(|| open.sentences.at(&open.document, end_byte - 1));
    }
}

/// Scrolls just enough to show the cursor's whole sentence, or at least
/// its first line when it is taller than the screen.
fn show_cursor(open: &mut OpenDocument, rows: usize) {
    if let Some(cursor) = open.cursor.clone() {
        let last = open.layout.position_of(
            &open.document,
            cursor.end.saturating_sub(1).max(cursor.start),
        );
        ensure_visible(open, last, rows);
        let first = open.layout.position_of(&open.document, cursor.start);
        ensure_visible(open, first, rows);
    }
}

fn ensure_visible(open: &mut OpenDocument, position: Position, rows: usize) {
    if position < open.top {
        open.top = position;
        return;
    }
    let bottom = open
        .layout
        .scroll(&open.document, open.top, rows.saturating_sub(1) as isize);
    if position > bottom {
        open.top = open
            .layout
            .scroll(&open.document, position, -(rows.saturating_sub(1) as isize));
    }
}

/// Rows of text the reader shows.
fn text_rows(state: &State) -> usize {
    areas(state)
        .reader
        .map_or(1, |area| usize::from(reader_text_area(area).height).max(1))
}

/// Columns of text the reader wraps to.
fn text_width(state: &State) -> usize {
    areas(state)
        .reader
        .map_or(80, |area| usize::from(reader_text_area(area).width).max(1))
}
