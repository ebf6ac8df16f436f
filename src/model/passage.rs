//! A passage of a source document, quoted as evidence.

/// Where an evidence item came from: a byte range of a document in the
/// workspace, and the exact text of that range when it was attached.
///
/// The quote is kept beside the offsets so the evidence survives a document
/// that is later edited or lost, and so `ach check` can tell when the two
/// have drifted apart.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Passage {
    /// Path of the document relative to the workspace root, `/`-separated.
    pub document: String,
    /// Byte offset of the passage's first byte.
    pub start: usize,
    /// Byte offset one past the passage's last byte.
    pub end: usize,
    /// Exactly the text of `document[start..end]`.
    pub quote: String,
}

/// Why `document` cannot name a document of a passage, if it cannot.
///
/// A passage names its document relative to the workspace root and may not
/// leave it: an absolute path or a `..` component would let a matrix
/// received from someone else make the workbench read any file on the
/// machine. (Symbolic links that lead out are caught when the document is
/// opened, by [`crate::workspace`].)
pub fn document_path_problem(document: &str) -> Option<&'static str> {
    if document.is_empty() {
        return Some("the document path is empty");
    }
    if document.contains('\0') {
        return Some("the document path contains a NUL character");
    }
    let bytes = document.as_bytes();
    let has_drive = bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':';
    if document.starts_with('/') || document.starts_with('\\') || has_drive {
        return Some("the document path is absolute; it must be relative to the workspace root");
    }
    if document.split(['/', '\\']).any(|part| part == "..") {
        return Some("the document path climbs out of the workspace with `..`");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_inside_the_workspace_are_accepted() {
        assert_eq!(document_path_problem("seeds/a.txt"), None);
        assert_eq!(document_path_problem("./seeds/a..b.txt"), None);
    }

    #[test]
    fn absolute_and_climbing_paths_are_refused() {
        for path in [
            "/etc/passwd",
            "\\\\server\\share",
            "C:\\x.txt",
            "seeds/../../x",
            "..\\x",
            "",
        ] {
            assert!(document_path_problem(path).is_some(), "{path}");
        }
    }
}
