//! The Library pane: the workspace's documents and matrices, filtered by
//! fuzzy matching as the analyst types.

use tui_input::Input;

use std::path::Path;

use crate::document::Finder;
use crate::model::Matrix;
use crate::workspace::{Library, MatrixSummary, Workspace, listed_path};

/// One row of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Matrix(usize),
    Document(usize),
    Skipped(usize),
}

/// The library, the filter, and the selection.
#[derive(Debug, Clone, Default)]
pub struct LibraryState {
    pub library: Library,
    pub filter: Input,
    /// Keys are going into the filter.
    pub filtering: bool,
    /// Position in `entries` of the selected row.
    pub selected: usize,
    /// First row shown.
    pub offset: usize,
    /// The rows that match the filter, best first; recomputed whenever the
    /// filter or the library changes (a cache of a pure function of both).
    pub entries: Vec<Entry>,
    /// The matrix file the workbench itself last read or wrote, summed up
    /// from memory: a listing made in the background may have read the
    /// file before that save, so it is applied over each new listing.
    written: Option<(String, MatrixSummary)>,
}

impl From<Library> for LibraryState {
    fn from(library: Library) -> Self {
        let mut state = LibraryState {
            library,
            ..LibraryState::default()
        };
        state.refilter();
        state
    }
}

impl LibraryState {
    /// The selected entry, if any row matches.
    pub fn selected_entry(&self) -> Option<Entry> {
        self.entries.get(self.selected).copied()
    }

    /// Replaces the library (after a rescan), keeping the filter.
    pub fn replace(&mut self, library: Library) {
        self.library = library;
        if let Some((listed, summary)) = &self.written {
            self.library.set_matrix_summary(listed, summary.clone());
        }
        self.refilter();
    }

    /// The matrix file at `path` was just read or written as `matrix`: its
    /// entry is summed up from memory, the file is not read again, and
    /// nothing else in the library is touched.
    pub fn matrix_written(&mut self, workspace: &Workspace, path: &Path, matrix: &Matrix) {
        let Some(listed) = listed_path(workspace, path) else {
            return;
        };
        let summary = MatrixSummary::of(matrix);
        self.library.set_matrix_summary(&listed, summary.clone());
        self.written = Some((listed, summary));
        self.refilter();
    }

    /// Recomputes `entries` for the current filter: everything in library
    /// order when it is empty, else the entries whose title or path holds
    /// it, in library order. The filter matches as the reader's `/` search
    /// does (one matcher for every search in the workbench): the text
    /// literally, smart case, any run of whitespace as a space.
    pub fn refilter(&mut self) {
        let all = (0..self.library.matrices.len())
            .map(Entry::Matrix)
            .chain((0..self.library.documents.len()).map(Entry::Document))
            .chain((0..self.library.skipped.len()).map(Entry::Skipped));
        let query = self.filter.value().trim();
        // A query too long for the matcher matches nothing.
        match Finder::new(query) {
            _ if query.is_empty() => self.entries = all.collect(),
            Ok(finder) => {
                self.entries = all
                    .filter(|&entry| finder.is_in(&self.haystack(entry)))
                    .collect();
            }
            Err(_) => self.entries.clear(),
        }
        self.selected = self.selected.min(self.entries.len().saturating_sub(1));
    }

    /// What the filter matches an entry against: its title, its path, and
    /// the words of its path (`azerbaijan-armenia-attack.toml` also as
    /// `azerbaijan armenia attack toml`, so "armenia attack" finds it).
    fn haystack(&self, entry: Entry) -> String {
        let (title, path) = match entry {
            Entry::Matrix(i) => {
                let matrix = &self.library.matrices[i];
                let title = match &matrix.summary {
                    Some(Ok(summary)) => summary.title.as_str(),
                    _ => "",
                };
                (title, &matrix.path)
            }
            Entry::Document(i) => {
                let document = &self.library.documents[i];
                (document.title.as_str(), &document.path)
            }
            Entry::Skipped(i) => ("", &self.library.skipped[i].path),
        };
        let words = path.replace(['-', '_', '.', '/'], " ");
        // A line break between the parts: a query never runs from one into
        // the next.
        format!("{title}\n\n{path}\n\n{words}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::{LibraryDocument, LibraryMatrix};

    fn library() -> Library {
        let document = |path: &str, title: &str| LibraryDocument {
            path: path.into(),
            title: title.into(),
            words: Some(10),
            bytes: 100,
            lossy: false,
            source: None,
            published: None,
        };
        Library {
            documents: vec![
                document("seeds/a.txt", "US and Azerbaijan partnership"),
                document("seeds/b.txt", "Iran escalation scenarios"),
            ],
            matrices: vec![LibraryMatrix {
                path: "hypotheses/m.toml".into(),
                summary: Some(Ok(MatrixSummary {
                    title: "Will Azerbaijan attack?".into(),
                    hypotheses: 3,
                    evidence: 9,
                })),
            }],
            skipped: vec![],
            ..Library::default()
        }
    }

    #[test]
    fn empty_filter_lists_matrices_then_documents() {
        let state = LibraryState::from(library());
        assert_eq!(
            state.entries,
            [Entry::Matrix(0), Entry::Document(0), Entry::Document(1)]
        );
    }

    #[test]
    fn the_filter_keeps_the_entries_holding_its_text_in_library_order() {
        let mut state = LibraryState::from(library());
        let filtered = |state: &mut LibraryState, query: &str| {
            state.filter = Input::new(query.into());
            state.refilter();
            state.entries.clone()
        };
        assert_eq!(filtered(&mut state, "iran esc"), [Entry::Document(1)]);
        assert_eq!(
            filtered(&mut state, "azerbaijan"),
            [Entry::Matrix(0), Entry::Document(0)]
        );
        // Literal, as the reader's search: letters in order are not enough.
        assert_eq!(filtered(&mut state, "azrbjn"), []);
        // Smart case: a capital letter makes case matter.
        assert_eq!(filtered(&mut state, "Iran"), [Entry::Document(1)]);
        assert_eq!(filtered(&mut state, "IRAN"), []);
        // Any run of whitespace matches a space, in the query or the title.
        assert_eq!(
            filtered(&mut state, "us  and\u{a0}azerbaijan"),
            [Entry::Document(0)]
        );
        // The path counts too, and its words.
        assert_eq!(filtered(&mut state, "seeds/b"), [Entry::Document(1)]);
        assert_eq!(filtered(&mut state, "seeds b txt"), [Entry::Document(1)]);
        // But a query never runs from the title into the path.
        assert_eq!(filtered(&mut state, "attack? hypotheses"), []);
    }
}
