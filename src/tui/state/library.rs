//! The Library pane: the workspace's documents and matrices, filtered by
//! fuzzy matching as the analyst types.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use tui_input::Input;

use std::path::Path;

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
    /// order when it is empty, else the fuzzy matches, best first.
    pub fn refilter(&mut self) {
        let all = (0..self.library.matrices.len())
            .map(Entry::Matrix)
            .chain((0..self.library.documents.len()).map(Entry::Document))
            .chain((0..self.library.skipped.len()).map(Entry::Skipped));
        // Whitespace as the reader's search treats it: any run is a space.
        let query = crate::document::spaces_as_one(self.filter.value().trim()).into_owned();
        let query = query.as_str();
        if query.is_empty() {
            self.entries = all.collect();
        } else {
            let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
            let mut matcher = Matcher::new(Config::DEFAULT.match_paths());
            let mut buffer = Vec::new();
            let mut scored: Vec<(u32, Entry)> = all
                .filter_map(|entry| {
                    let haystack = self.haystack(entry);
                    let haystack = crate::document::spaces_as_one(&haystack);
                    let text = Utf32Str::new(&haystack, &mut buffer);
                    pattern
                        .score(text, &mut matcher)
                        .map(|score| (score, entry))
                })
                .collect();
            // Stable: equal scores keep library order.
            scored.sort_by_key(|&(score, _)| std::cmp::Reverse(score));
            self.entries = scored.into_iter().map(|(_, entry)| entry).collect();
        }
        self.selected = self.selected.min(self.entries.len().saturating_sub(1));
    }

    /// What the filter matches an entry against: its title and path.
    fn haystack(&self, entry: Entry) -> String {
        match entry {
            Entry::Matrix(i) => {
                let matrix = &self.library.matrices[i];
                let title = match &matrix.summary {
                    Some(Ok(summary)) => summary.title.as_str(),
                    _ => "",
                };
                format!("{title} {}", matrix.path)
            }
            Entry::Document(i) => {
                let document = &self.library.documents[i];
                format!("{} {}", document.title, document.path)
            }
            Entry::Skipped(i) => self.library.skipped[i].path.clone(),
        }
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
    fn fuzzy_filter_keeps_only_matches() {
        let mut state = LibraryState::from(library());
        state.filter = Input::new("iran esc".into());
        state.refilter();
        assert_eq!(state.entries, [Entry::Document(1)]);
        state.filter = Input::new("azrbjn".into());
        state.refilter();
        assert!(state.entries.contains(&Entry::Document(0)));
        assert!(state.entries.contains(&Entry::Matrix(0)));
        assert!(!state.entries.contains(&Entry::Document(1)));
    }
}
