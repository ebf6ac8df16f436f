//! Actions in the Library pane: moving, filtering, opening.

use ratatui::layout::Rect;

use super::viewport::scrolled_to;
use crate::text::counted;
use crate::tui::action::Action;
use crate::tui::layout::inner;
use crate::tui::msg::Effect;
use crate::tui::state::{Entry, Notice, Popup, Question, State};
use crate::workspace::SkipReason;

pub fn act(state: &mut State, action: Action) -> Vec<Effect> {
    let library = &mut state.library;
    let count = library.entries.len();
    let last = count.saturating_sub(1);
    match action {
        Action::Up => library.selected = library.selected.saturating_sub(1),
        Action::Down => library.selected = (library.selected + 1).min(last),
        Action::PageUp => library.selected = library.selected.saturating_sub(10),
        Action::PageDown => library.selected = (library.selected + 10).min(last),
        Action::Top => library.selected = 0,
        Action::Bottom => library.selected = last,
        Action::StartFilter => {
            // A new filter starts empty, as `/` does in less: an old one
            // left in place would make the new search find nothing.
            library.filtering = true;
            if !library.filter.value().is_empty() {
                library.filter.reset();
                library.refilter();
            }
        }
        Action::Submit => {
            library.filtering = false;
            return open_selected(state);
        }
        Action::CloseTop => {
            library.filtering = false;
            if !library.filter.value().is_empty() {
                library.filter.reset();
                library.refilter();
            }
        }
        Action::Open => return open_selected(state),
        _ => {}
    }
    Vec::new()
}

/// `Enter`: reads the document into the reader, or opens the matrix
/// (asking first when the open one has unsaved changes).
fn open_selected(state: &mut State) -> Vec<Effect> {
    let Some(entry) = state.library.selected_entry() else {
        state.notify(Notice::info("Nothing matches the filter (Esc clears it)"));
        return Vec::new();
    };
    let library = &state.library.library;
    match entry {
        Entry::Document(index) => vec![Effect::LoadDocument(library.documents[index].path.clone())],
        Entry::Matrix(index) => {
            let matrix = &library.matrices[index];
            if let Some(Err(error)) = &matrix.summary {
                let first = error.lines().next().unwrap_or_default().to_owned();
                state.notify(Notice::error(format!("This matrix does not load: {first}")));
                return Vec::new();
            }
            let path = state.workspace.root().join(&matrix.path);
            match &state.matrix {
                Some(open) if same_path(&open.path, &path) => {
                    state.focus = crate::tui::state::Pane::Matrix;
                    Vec::new()
                }
                Some(open) if open.is_dirty() => {
                    let text = format!(
                        "{} has unsaved changes. Save them before opening {}?",
                        open.file_name(),
                        matrix.path
                    );
                    state
                        .popups
                        .push(Popup::ask(Question::SwitchMatrixUnsaved(path), text));
                    Vec::new()
                }
                _ => vec![Effect::LoadMatrix(path)],
            }
        }
        Entry::Skipped(index) => {
            let skipped = &library.skipped[index];
            if let SkipReason::Importable { .. } = skipped.reason {
                let into = if crate::import::is_parc_project(std::path::Path::new(&skipped.path)) {
                    "a matrix in hypotheses/"
                } else {
                    "a document in seeds/, its original kept beside it"
                };
                let text = format!("Import {} as {into}?", skipped.path);
                let path = skipped.path.clone();
                state.popups.push(Popup::ask(Question::Import(path), text));
                return Vec::new();
            }
            state.notify(Notice::warning(format!(
                "{} is skipped: {}",
                skipped.path, skipped.reason
            )));
            Vec::new()
        }
    }
}

/// Whether two paths name the same file as written: `ach open
/// hypotheses/m.toml` keeps a relative path, the library an absolute one.
fn same_path(a: &std::path::Path, b: &std::path::Path) -> bool {
    a == b || matches!((std::path::absolute(a), std::path::absolute(b)), (Ok(a), Ok(b)) if a == b)
}

/// Keeps the selected row inside the pane.
pub fn keep_selection_visible(state: &mut State, area: Option<Rect>) {
    let library = &mut state.library;
    library.selected = library
        .selected
        .min(library.entries.len().saturating_sub(1));
    if let Some(area) = area {
        let rows = usize::from(inner(area).height.saturating_sub(1));
        library.offset = scrolled_to(library.offset, library.selected, rows);
    }
}

/// An import from the library finished: say what it made (and what the
/// format could not carry), and list it.
pub fn imported(
    state: &mut State,
    source: &str,
    result: Result<crate::tui::msg::Imported, String>,
) -> Vec<Effect> {
    match result {
        Ok(imported) => {
            // What the format could not carry, each in the message log (M).
            for lost in &imported.lost {
                state.notify(Notice::warning(format!("{source}: not kept: {lost}")));
            }
            let lost = match imported.lost.len() {
                0 => String::new(),
                n => format!(
                    " ({} not kept: M lists them)",
                    counted(n, "thing", "things")
                ),
            };
            state.notify(Notice::info(format!(
                "Imported {source} as {}{lost}",
                imported.made
            )));
            vec![Effect::ScanLibrary]
        }
        Err(why) => {
            state.notify(Notice::error(format!("{source} was not imported: {why}")));
            Vec::new()
        }
    }
}
