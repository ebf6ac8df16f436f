//! The line of its document a quoted passage starts on.

use std::collections::HashMap;
use std::fmt;

use crate::model::Passage;
use crate::storage::Location;
use crate::workspace::{
    PassageCheck, Workspace, check_passage_in, read_metadata, read_passage_document,
};

/// Where a passage's quote starts in its document, as far as the export can
/// tell without inventing anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteLine {
    /// The document holds the quote at the passage's offsets, and its first
    /// byte is on this 1-based line.
    Line(usize),
    /// The line cannot be given; the text says why.
    Unknown(String),
}

impl QuoteLine {
    /// The line number, when known.
    pub fn number(&self) -> Option<usize> {
        match self {
            QuoteLine::Line(line) => Some(*line),
            QuoteLine::Unknown(_) => None,
        }
    }
}

/// `line 12`, or `line unknown (why)`.
impl fmt::Display for QuoteLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QuoteLine::Line(line) => write!(f, "line {line}"),
            QuoteLine::Unknown(why) => write!(f, "line unknown ({why})"),
        }
    }
}

/// The line `passage` starts on, as the exports give it (the workbench's
/// detail pane asks for one passage at a time).
pub fn quote_line(workspace: &Workspace, passage: &Passage) -> QuoteLine {
    LineFinder::new(Some(workspace)).line_of(passage)
}

/// How a passage's document is cited: its metadata sidecar's citation
/// (`“Title”, Publisher, 2024-05-01, https://…`), or `None` when the
/// document has no sidecar, a sidecar that does not load, or nothing in it
/// but the file's own facts.
pub(super) fn citation_of(workspace: Option<&Workspace>, passage: &Passage) -> Option<String> {
    let file = workspace?.resolve_document(&passage.document).ok()?;
    read_metadata(&file).ok().flatten()?.citation()
}

/// Finds the lines of passages, reading each document at most once.
pub(super) struct LineFinder<'a> {
    workspace: Option<&'a Workspace>,
    documents: HashMap<String, Result<Vec<u8>, PassageCheck>>,
}

impl<'a> LineFinder<'a> {
    pub(super) fn new(workspace: Option<&'a Workspace>) -> Self {
        LineFinder {
            workspace,
            documents: HashMap::new(),
        }
    }

    /// The line `passage` starts on. A line is only given when the document
    /// still holds the quote at `start..end`: the line of an offset into a
    /// document that has since changed would point at the wrong text.
    pub(super) fn line_of(&mut self, passage: &Passage) -> QuoteLine {
        let Some(workspace) = self.workspace else {
            return QuoteLine::Unknown("no workspace to read the document from".to_owned());
        };
        // Reading through the passage check confines the path to the
        // workspace; the quote must still match before a line is given.
        let bytes = self
            .documents
            .entry(passage.document.clone())
            .or_insert_with(|| read_passage_document(workspace, &passage.document));
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(problem) => return QuoteLine::Unknown(problem.to_string()),
        };
        match check_passage_in(bytes, passage) {
            PassageCheck::Matches => {
                QuoteLine::Line(Location::of_byte_offset(bytes, passage.start).line)
            }
            problem => QuoteLine::Unknown(problem.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passage(start: usize, end: usize, quote: &str) -> Passage {
        Passage {
            document: "seeds/doc.txt".into(),
            start,
            end,
            quote: quote.into(),
        }
    }

    #[test]
    fn counts_lines_when_the_quote_matches() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("seeds")).unwrap();
        std::fs::write(dir.path().join("seeds/doc.txt"), "one\ntwo\nthree wörds\n").unwrap();
        let workspace = Workspace::new(dir.path());
        let mut finder = LineFinder::new(Some(&workspace));
        assert_eq!(finder.line_of(&passage(0, 3, "one")), QuoteLine::Line(1));
        assert_eq!(
            finder.line_of(&passage(14, 20, "wörds")),
            QuoteLine::Line(3)
        );
        assert!(matches!(
            finder.line_of(&passage(0, 3, "two")),
            QuoteLine::Unknown(why) if why.contains("no longer matches")
        ));
    }

    #[test]
    fn without_a_workspace_the_line_is_unknown() {
        let line = LineFinder::new(None).line_of(&passage(0, 1, "x"));
        assert_eq!(
            line.to_string(),
            "line unknown (no workspace to read the document from)"
        );
    }

    #[test]
    fn paths_out_of_the_workspace_are_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let workspace = Workspace::new(dir.path());
        let mut outside = passage(0, 4, "root");
        outside.document = "/etc/passwd".into();
        assert!(matches!(
            LineFinder::new(Some(&workspace)).line_of(&outside),
            QuoteLine::Unknown(why) if why.contains("absolute")
        ));
    }
}
