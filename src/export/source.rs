//! The line of its document a quoted passage starts on.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Read};

use crate::document::summarize;
use crate::fsio;
use crate::model::Passage;
use crate::workspace::{PassageCheck, Workspace, check_passage, read_metadata};

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
    quote_lines(Some(workspace), &[Some(passage)])
        .pop()
        .flatten()
        .unwrap_or_else(|| QuoteLine::Unknown("no passage".to_owned()))
}

/// How much of a document is read for its title: the first non-blank
/// line, as the library lists it, is well inside this.
const TITLE_HEAD_BYTES: u64 = 8 * 1024;

/// How a passage's document is cited: its metadata sidecar's citation
/// (`“Title”, Publisher, 2024-05-01, https://…`), else the document's own
/// title as the library shows it (`“Title”`), so that a reader of the
/// export sees what the source is and not only a file name; `None` when
/// the document cannot be read or has no title.
pub(super) fn citation_of(workspace: Option<&Workspace>, passage: &Passage) -> Option<String> {
    let file = workspace?.resolve_document(&passage.document).ok()?;
    if let Some(citation) = read_metadata(&file)
        .ok()
        .flatten()
        .and_then(|m| m.citation())
    {
        return Some(citation);
    }
    let head = fsio::open_regular(&file)
        .and_then(|document| summarize(document.take(TITLE_HEAD_BYTES)))
        .ok()??;
    (!head.title.is_empty()).then(|| format!("“{}”", head.title))
}

/// The line each passage starts on, one per item of `passages` (`None`
/// for an item without a passage).
///
/// A line is only given when the document still holds the quote at
/// `start..end` (checked by reading only those bytes, as `ach check`
/// does): the line of an offset into a document that has since changed
/// would point at the wrong text. The lines are then counted in one pass
/// over each document, in chunks, up to its last passage: memory stays a
/// chunk however large the document (a sparse 4 GiB one, say), and time
/// is one read of the document, not one per passage.
pub(super) fn quote_lines(
    workspace: Option<&Workspace>,
    passages: &[Option<&Passage>],
) -> Vec<Option<QuoteLine>> {
    let Some(workspace) = workspace else {
        let unknown = || QuoteLine::Unknown("no workspace to read the document from".to_owned());
        return passages.iter().map(|p| p.map(|_| unknown())).collect();
    };
    let mut lines: Vec<Option<QuoteLine>> = vec![None; passages.len()];
    // Per document: (start, row) of each passage whose quote matches.
    let mut matching: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    for (row, passage) in passages.iter().enumerate() {
        let Some(passage) = passage else {
            continue;
        };
        // Through the passage check, which confines the path to the
        // workspace and reads only start..end.
        match check_passage(workspace, passage) {
            PassageCheck::Matches => matching
                .entry(passage.document.as_str())
                .or_default()
                .push((passage.start, row)),
            problem => lines[row] = Some(QuoteLine::Unknown(problem.to_string())),
        }
    }
    for (document, mut offsets) in matching {
        offsets.sort_unstable();
        let counted = workspace
            .resolve_document(document)
            .map_err(|refused| refused.to_string())
            .and_then(|path| {
                let file = fsio::open_regular(&path).map_err(|error| error.to_string())?;
                lines_at(file, &offsets).map_err(|error| error.to_string())
            });
        for (n, &(_, row)) in offsets.iter().enumerate() {
            lines[row] = Some(match &counted {
                Ok(numbers) => QuoteLine::Line(numbers[n]),
                Err(why) => QuoteLine::Unknown(why.clone()),
            });
        }
    }
    lines
}

/// The 1-based line of each of `offsets` (sorted, with their rows) in
/// what `reader` reads, counted as [`crate::storage::Location`] counts
/// them, reading only up to the last offset.
fn lines_at(mut reader: impl Read, offsets: &[(usize, usize)]) -> io::Result<Vec<usize>> {
    let mut chunk = vec![0u8; 64 * 1024];
    let mut numbers = Vec::with_capacity(offsets.len());
    let (mut position, mut line) = (0usize, 1usize);
    while numbers.len() < offsets.len() {
        let read = reader.read(&mut chunk)?;
        if read == 0 {
            break;
        }
        let mut counted = 0;
        while let Some(&(offset, _)) = offsets.get(numbers.len())
            && offset < position + read
        {
            let upto = offset - position;
            line += memchr::memchr_iter(b'\n', &chunk[counted..upto]).count();
            counted = upto;
            numbers.push(line);
        }
        line += memchr::memchr_iter(b'\n', &chunk[counted..read]).count();
        position += read;
    }
    // Offsets at the very end of the document (an empty passage there).
    while let Some(&(offset, _)) = offsets.get(numbers.len())
        && offset == position
    {
        numbers.push(line);
    }
    if numbers.len() < offsets.len() {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "the document became shorter while it was read",
        ));
    }
    Ok(numbers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::Location;

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
        let (one, words, two) = (
            passage(0, 3, "one"),
            passage(14, 20, "wörds"),
            passage(0, 3, "two"),
        );
        let lines = quote_lines(
            Some(&workspace),
            &[Some(&words), None, Some(&one), Some(&two)],
        );
        assert_eq!(lines[0], Some(QuoteLine::Line(3)));
        assert_eq!(lines[1], None);
        assert_eq!(lines[2], Some(QuoteLine::Line(1)));
        assert!(matches!(
            &lines[3],
            Some(QuoteLine::Unknown(why)) if why.contains("no longer matches")
        ));
    }

    #[test]
    fn lines_count_as_location_does_across_chunks() {
        let mut bytes = b"one\n\ntwo\xff\nthree\n".to_vec();
        bytes.extend(b"x\n".repeat(70_000)); // more than one 64 KiB chunk
        let offsets: Vec<(usize, usize)> = (0..=bytes.len())
            .step_by(997)
            .chain([65_535, 65_536, 65_537, bytes.len()])
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .map(|offset| (offset, 0))
            .collect();
        let numbers = lines_at(&bytes[..], &offsets).unwrap();
        for (&(offset, _), line) in offsets.iter().zip(numbers) {
            assert_eq!(
                line,
                Location::of_byte_offset(&bytes, offset).line,
                "offset {offset}"
            );
        }
        assert!(lines_at(&b"ab"[..], &[(3, 0)]).is_err());
    }

    #[test]
    fn without_a_workspace_the_line_is_unknown() {
        let line = quote_lines(None, &[Some(&passage(0, 1, "x"))]);
        assert_eq!(
            line[0].as_ref().unwrap().to_string(),
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
            &quote_lines(Some(&workspace), &[Some(&outside)])[0],
            Some(QuoteLine::Unknown(why)) if why.contains("absolute")
        ));
    }
}
