//! Checking a passage's quote against the bytes of its document.

use std::fmt;

use super::Workspace;
use crate::fsio::{self, RangeRead};
use crate::model::Passage;

/// What became of a passage's document since the passage was attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PassageCheck {
    /// The document's bytes at `start..end` are exactly the quote.
    Matches,
    /// The path is refused (absolute, `..`, or a link out of the workspace).
    Refused(String),
    /// No document at that path.
    DocumentMissing,
    /// The document exists but could not be read.
    Unreadable(String),
    /// The document is shorter than `end`.
    OutOfRange { length: usize },
    /// The bytes at `start..end` are not the quote any more.
    QuoteChanged,
}

impl PassageCheck {
    /// Whether the passage still points at its quote.
    pub fn is_ok(&self) -> bool {
        *self == PassageCheck::Matches
    }
}

impl fmt::Display for PassageCheck {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PassageCheck::Matches => f.write_str("the quote matches the document"),
            PassageCheck::Refused(why) => f.write_str(why),
            PassageCheck::DocumentMissing => f.write_str("the document does not exist"),
            PassageCheck::Unreadable(why) => write!(f, "the document cannot be read: {why}"),
            PassageCheck::OutOfRange { length } => {
                write!(f, "the document is only {length} bytes long")
            }
            PassageCheck::QuoteChanged => {
                f.write_str("the quote no longer matches the document bytes at start..end")
            }
        }
    }
}

/// Compares `passage` with its document in `workspace`, reading only the
/// bytes `start..end` (a passage into a sparse 4 GiB document costs the
/// quote's length, not the document's).
pub fn check_passage(workspace: &Workspace, passage: &Passage) -> PassageCheck {
    let path = match workspace.resolve_document(&passage.document) {
        Ok(path) => path,
        Err(refused) => return PassageCheck::Refused(refused.to_string()),
    };
    match fsio::read_range(&path, passage.start, passage.end) {
        Ok(RangeRead::Bytes(slice)) => verdict(Ok(&slice), passage),
        Ok(RangeRead::TooShort(length)) => {
            verdict(Err(usize::try_from(length).unwrap_or(usize::MAX)), passage)
        }
        Err(error) => unreadable(error),
    }
}

/// The one comparison every reader of passages makes (`ach check`, the
/// exports and the workbench's reader), so they cannot disagree: the
/// document's bytes at `start..end` (or its length, when it is shorter)
/// against the quote's bytes. Bytes, not decoded text: a document that is
/// not valid UTF-8 shows U+FFFD for its invalid bytes, and offsets into
/// that text are not offsets into the file.
fn verdict(found: Result<&[u8], usize>, passage: &Passage) -> PassageCheck {
    match found {
        Ok(slice) if slice == passage.quote.as_bytes() => PassageCheck::Matches,
        Ok(_) => PassageCheck::QuoteChanged,
        Err(length) => PassageCheck::OutOfRange { length },
    }
}

fn unreadable(error: std::io::Error) -> PassageCheck {
    match error.kind() {
        std::io::ErrorKind::NotFound => PassageCheck::DocumentMissing,
        _ => PassageCheck::Unreadable(error.to_string()),
    }
}

/// The bytes of a passage's document, or why they cannot be had (the path
/// is refused, the file is missing or unreadable). Lets a caller checking
/// many passages read each document once.
pub fn read_passage_document(
    workspace: &Workspace,
    document: &str,
) -> Result<Vec<u8>, PassageCheck> {
    let path = workspace
        .resolve_document(document)
        .map_err(|refused| PassageCheck::Refused(refused.to_string()))?;
    fsio::read_regular(&path).map_err(unreadable)
}

/// Compares `passage` with the bytes of its document (the file's bytes,
/// as [`crate::document::Document::file_bytes`] gives them for a document
/// in the reader).
pub fn check_passage_in(document: &[u8], passage: &Passage) -> PassageCheck {
    verdict(
        document
            .get(passage.start..passage.end)
            .ok_or(document.len()),
        passage,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace_with(text: &str) -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("seeds")).unwrap();
        std::fs::write(dir.path().join("seeds/doc.txt"), text).unwrap();
        let workspace = Workspace::new(dir.path());
        (dir, workspace)
    }

    fn passage(start: usize, end: usize, quote: &str) -> Passage {
        Passage {
            document: "seeds/doc.txt".into(),
            start,
            end,
            quote: quote.into(),
        }
    }

    #[test]
    fn matching_quote() {
        let (_dir, workspace) = workspace_with("Hello, wörld.");
        assert_eq!(
            check_passage(&workspace, &passage(7, 13, "wörld")),
            PassageCheck::Matches
        );
    }

    #[test]
    fn drifted_quote_missing_document_and_short_document() {
        let (_dir, workspace) = workspace_with("Hello, world.");
        assert_eq!(
            check_passage(&workspace, &passage(0, 5, "Howdy")),
            PassageCheck::QuoteChanged
        );
        assert_eq!(
            check_passage(&workspace, &passage(0, 99, "x")),
            PassageCheck::OutOfRange { length: 13 }
        );
        let mut gone = passage(0, 5, "Hello");
        gone.document = "seeds/gone.txt".into();
        assert_eq!(
            check_passage(&workspace, &gone),
            PassageCheck::DocumentMissing
        );
    }
}
