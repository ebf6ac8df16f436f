//! Loading a source document: its bytes, decoded, indexed by paragraph.

use std::ops::Range;
use std::path::Path;

use super::paragraphs::Paragraphs;
use super::summary::{count_words, looks_binary, title_of};
use crate::workspace::{DocumentPathError, Workspace};

/// Why a document could not be opened. Each names the document's path.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// The path is absolute, climbs out with `..`, or leads out of the
    /// workspace through a symbolic link.
    #[error("{path}: {source}")]
    Refused {
        path: String,
        #[source]
        source: DocumentPathError,
    },
    /// The file could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The file has a NUL byte in its first 8 KiB: not text.
    #[error("{path}: a binary file, not a text document")]
    Binary { path: String },
}

impl DocumentError {
    /// The document's path, as it was asked for.
    pub fn path(&self) -> &str {
        match self {
            DocumentError::Refused { path, .. }
            | DocumentError::Io { path, .. }
            | DocumentError::Binary { path } => path,
        }
    }
}

/// A source document in memory: its text, indexed by paragraph (one line
/// of the file each), with the title and word count the library shows.
///
/// Byte offsets everywhere in [`crate::document`] are offsets into
/// [`Document::text`]. They are offsets into the file too, unless the
/// document is [lossy](Document::is_lossy).
#[derive(Debug, Clone)]
pub struct Document {
    pub(super) path: String,
    pub(super) text: String,
    /// The file's bytes when they are not valid UTF-8 (the document is
    /// lossy): passages are offsets into these, not into the text.
    pub(super) file_bytes: Option<Vec<u8>>,
    pub(super) title: String,
    pub(super) words: usize,
    pub(super) paragraphs: Paragraphs,
    /// While only the start of the file has been read (see
    /// [`super::read_in_steps`]): the size of the whole file.
    pub(super) still_reading: Option<u64>,
}

/// Opens the document at `path`, relative to the workspace root and
/// `/`-separated as passages name it.
pub fn load_document(workspace: &Workspace, path: &str) -> Result<Document, DocumentError> {
    read_document(&resolved(workspace, path)?, path)
}

/// The file of the document at `path`, if the workspace lets it be read.
pub(super) fn resolved(
    workspace: &Workspace,
    path: &str,
) -> Result<std::path::PathBuf, DocumentError> {
    workspace
        .resolve_document(path)
        .map_err(|source| DocumentError::Refused {
            path: path.to_owned(),
            source,
        })
}

/// Reads the document in `file`, to be known by `path` (its path relative
/// to the workspace root). Does no workspace check: see [`load_document`].
pub fn read_document(file: &Path, path: impl Into<String>) -> Result<Document, DocumentError> {
    let path = path.into();
    match crate::fsio::read_regular(file) {
        Ok(bytes) => Document::from_bytes(path, bytes),
        Err(source) => Err(DocumentError::Io { path, source }),
    }
}

impl Document {
    /// The document made of `bytes`: UTF-8 as it is, anything else decoded
    /// lossily (invalid bytes become U+FFFD and the document is marked
    /// lossy); refused as binary when a NUL is in the first 8 KiB.
    pub fn from_bytes(path: impl Into<String>, bytes: Vec<u8>) -> Result<Self, DocumentError> {
        let path = path.into();
        if looks_binary(&bytes) {
            return Err(DocumentError::Binary { path });
        }
        let title = title_of(&bytes);
        let words = count_words(&bytes);
        let (text, file_bytes) = match String::from_utf8(bytes) {
            Ok(text) => (text, None),
            Err(error) => (
                String::from_utf8_lossy(error.as_bytes()).into_owned(),
                Some(error.into_bytes()),
            ),
        };
        let paragraphs = Paragraphs::index(&text);
        Ok(Document {
            path,
            text,
            file_bytes,
            title,
            words,
            paragraphs,
            still_reading: None,
        })
    }

    /// The document made of `text`, without the binary check: for text
    /// that is already in memory.
    pub fn from_text(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        Document {
            path: path.into(),
            title: title_of(text.as_bytes()),
            words: count_words(text.as_bytes()),
            paragraphs: Paragraphs::index(&text),
            file_bytes: None,
            still_reading: None,
            text,
        }
    }

    /// Only the start of the file is here (the rest is being read): the
    /// size of the whole file, in bytes. The text is then a prefix of the
    /// whole document's text, at the same offsets, and the word count
    /// counts that prefix only.
    pub fn still_reading(&self) -> Option<u64> {
        self.still_reading
    }

    /// The path relative to the workspace root, `/`-separated.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The whole text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Length of the text in bytes.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The file was not valid UTF-8 and was decoded lossily: offsets into
    /// the text are not offsets into the file, so no passage may be taken
    /// from it.
    pub fn is_lossy(&self) -> bool {
        self.file_bytes.is_some()
    }

    /// The bytes of the file, which passages' offsets point into: the
    /// text's own bytes unless the document is lossy.
    pub fn file_bytes(&self) -> &[u8] {
        self.file_bytes.as_deref().unwrap_or(self.text.as_bytes())
    }

    /// The range of the text that shows the file's bytes `range` (the same
    /// range unless the document is lossy); `None` when an end falls
    /// inside bytes that were replaced by U+FFFD or past the end.
    pub fn text_range_of_file(&self, range: Range<usize>) -> Option<Range<usize>> {
        match &self.file_bytes {
            None => (range.end <= self.text.len()).then_some(range),
            Some(bytes) => {
                let start = super::file_offsets::text_offset(bytes, range.start)?;
                let end = super::file_offsets::text_offset(bytes, range.end)?;
                (start <= end).then_some(start..end)
            }
        }
    }

    /// The first non-blank line, trimmed, on one line and inert; a longer
    /// line is cut after [`super::TITLE_MAX_CHARS`] characters and ends with
    /// `…`. Empty for a blank document.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Words separated by ASCII whitespace.
    pub fn word_count(&self) -> usize {
        self.words
    }

    /// How many paragraphs (source lines) there are; at least one.
    pub fn paragraph_count(&self) -> usize {
        self.paragraphs.count()
    }

    /// The bytes of paragraph `index`, without its line ending. Panics
    /// when `index >= paragraph_count()`.
    pub fn paragraph_range(&self, index: usize) -> Range<usize> {
        self.paragraphs.range(&self.text, index)
    }

    /// The text of paragraph `index`, without its line ending.
    pub fn paragraph(&self, index: usize) -> &str {
        &self.text[self.paragraph_range(index)]
    }

    /// The paragraph holding byte `offset` (a line ending belongs to the
    /// paragraph it ends; offsets past the end, to the last paragraph).
    pub fn paragraph_of(&self, offset: usize) -> usize {
        self.paragraphs.of(offset)
    }

    /// The exact text of `range`, as a passage would quote it; `None` when
    /// the range is out of bounds or not on character boundaries.
    pub fn quote(&self, range: Range<usize>) -> Option<&str> {
        self.text.get(range)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn utf8_text_is_kept_as_it_is() {
        let doc =
            Document::from_bytes("seeds/a.txt", b"\n  Title line \r\nBody text.\r\n".to_vec())
                .unwrap();
        assert_eq!(doc.path(), "seeds/a.txt");
        assert_eq!(doc.text(), "\n  Title line \r\nBody text.\r\n");
        assert!(!doc.is_lossy());
        assert_eq!(doc.title(), "Title line");
        assert_eq!(doc.word_count(), 4);
        assert_eq!(doc.paragraph_count(), 3);
        assert_eq!(doc.paragraph(1), "  Title line ");
        assert_eq!(doc.paragraph(2), "Body text.");
        assert_eq!(doc.paragraph_of(16), 2);
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily_and_flagged() {
        let doc = Document::from_bytes("x", b"caf\xe9 au lait".to_vec()).unwrap();
        assert!(doc.is_lossy());
        assert_eq!(doc.text(), "caf\u{fffd} au lait");
        assert_eq!(doc.word_count(), 3);
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let error = Document::from_bytes("seeds/img.txt", b"GIF89a\0\0".to_vec()).unwrap_err();
        assert!(matches!(error, DocumentError::Binary { .. }));
        assert_eq!(
            error.to_string(),
            "seeds/img.txt: a binary file, not a text document"
        );
    }

    #[test]
    fn an_empty_file_is_an_empty_document() {
        let doc = Document::from_bytes("e", Vec::new()).unwrap();
        assert!(doc.is_empty());
        assert_eq!(doc.title(), "");
        assert_eq!(doc.word_count(), 0);
        assert_eq!(doc.paragraph_count(), 1);
        assert_eq!(doc.paragraph(0), "");
    }

    #[test]
    fn titles_are_inert() {
        let doc = Document::from_text("x", "\u{1b}]0;pwned\u{7}Title\tend\nbody");
        assert_eq!(doc.title(), "␛]0;pwned␇Title end");
    }

    #[test]
    fn loading_goes_through_the_workspace() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("seeds")).unwrap();
        fs::write(dir.path().join("seeds/a.txt"), "Hello world").unwrap();
        let workspace = Workspace::new(dir.path());
        let doc = load_document(&workspace, "seeds/a.txt").unwrap();
        assert_eq!(doc.title(), "Hello world");
        assert_eq!(doc.quote(6..11), Some("world"));

        let missing = load_document(&workspace, "seeds/none.txt").unwrap_err();
        assert!(matches!(missing, DocumentError::Io { .. }));
        assert!(
            missing
                .to_string()
                .starts_with("seeds/none.txt: cannot read: ")
        );
        let refused = load_document(&workspace, "../etc/passwd").unwrap_err();
        assert!(matches!(refused, DocumentError::Refused { .. }));
        assert_eq!(refused.path(), "../etc/passwd");
    }
}
