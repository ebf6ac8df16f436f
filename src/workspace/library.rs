//! The library: the documents and matrices of a workspace, as the Library
//! pane lists them.
//!
//! Documents are the `.txt` and `.md` files under `seeds/`, matrices the
//! `.toml` files under `hypotheses/`, both at any depth. A file that cannot
//! be used (binary, unreadable, a symbolic link out of the workspace) is
//! listed as skipped with the reason; nothing in the scan is fatal.
//!
//! Listing is split in two so the workbench can draw its first frame at
//! once whatever the files' sizes: [`list_library`] walks the folders and
//! reads only the head of each document (enough to tell text from binary
//! and find the title), leaving word counts and matrix summaries pending;
//! [`Library::complete`] fills them in, on a background thread in the
//! workbench. [`scan_library`] does both.

use std::fmt;
use std::path::Path;

use walkdir::{DirEntry, WalkDir};

use super::Workspace;
use super::read_metadata;
use crate::document::summarize;
use crate::fsio;
use crate::import::{IMPORTABLE, NOT_YET_IMPORTABLE, extension_of};
use crate::model::Matrix;
use crate::storage::load_matrix;
use crate::text::one_line;

/// Everything the Library pane lists, each list sorted by path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Library {
    /// The documents under `seeds/`.
    pub documents: Vec<LibraryDocument>,
    /// The matrices under `hypotheses/`, valid or not.
    pub matrices: Vec<LibraryMatrix>,
    /// Files that looked like documents or matrices but cannot be used.
    pub skipped: Vec<SkippedFile>,
    /// While scanning: the originals named by metadata sidecars (empty
    /// once the scan is done).
    pub(crate) originals: std::collections::HashSet<String>,
}

/// A source document, summed up without being loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryDocument {
    /// Relative to the workspace root, `/`-separated, as passages name it.
    pub path: String,
    /// The first non-blank line, inert; empty for a blank document.
    pub title: String,
    /// Words separated by ASCII whitespace; `None` until counted (the
    /// listing reads only the head of a long document).
    pub words: Option<usize>,
    /// Size in bytes.
    pub bytes: u64,
    /// Not valid UTF-8: readable, but no passage may be taken from it.
    /// Known once the words are counted (the whole file is read then).
    pub lossy: bool,
    /// Who published it, from its metadata sidecar.
    pub source: Option<String>,
    /// When it was published, from its metadata sidecar.
    pub published: Option<String>,
}

/// A matrix file and what it holds, or why it cannot be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryMatrix {
    /// Relative to the workspace root, `/`-separated.
    pub path: String,
    /// The matrix's title and size, or the load error, one problem a line
    /// as `FILE:LINE:COL: message`; `None` until the file has been read.
    pub summary: Option<Result<MatrixSummary, String>>,
}

/// The size of a valid matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixSummary {
    /// The matrix title, on one line and inert.
    pub title: String,
    /// How many hypotheses (columns).
    pub hypotheses: usize,
    /// How many evidence items (rows).
    pub evidence: usize,
}

impl MatrixSummary {
    /// The summary of `matrix`, as the library lists it.
    pub fn of(matrix: &Matrix) -> Self {
        MatrixSummary {
            title: one_line(&matrix.title).into_owned(),
            hypotheses: matrix.hypotheses().len(),
            evidence: matrix.evidence().len(),
        }
    }
}

/// A file left out of the library, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedFile {
    /// Relative to the workspace root, `/`-separated (non-UTF-8 parts of
    /// the name shown as U+FFFD).
    pub path: String,
    /// Why it was left out.
    pub reason: SkipReason,
}

/// Why a file was left out of the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// A NUL byte in the first 8 KiB: not a text document.
    Binary,
    /// It could not be read (or its directory could not be listed).
    Unreadable(String),
    /// A symbolic link that leads outside the workspace.
    LinkOutsideWorkspace,
    /// A symbolic link to a directory, which is not followed.
    LinkToDirectory,
    /// The name is not valid UTF-8, so a passage could not name it.
    NameNotUtf8,
    /// A web page, e-mail, Word document or text in another encoding:
    /// `ach import` turns it into a document; a PARC ACH project
    /// (`.achz`): into a matrix (the command to run is given; Enter on it
    /// in the workbench does the same).
    Importable {
        /// `ach import PATH`.
        command: String,
    },
    /// A format analysts' sources come in that `ach import` does not
    /// convert yet.
    NotYetImportable,
    /// Named like a document or matrix but not a regular file (a named
    /// pipe, a device, a directory): never opened, so it cannot hang the
    /// workbench.
    NotRegular(&'static str),
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Binary => f.write_str("a binary file, not a text document"),
            SkipReason::Unreadable(why) => write!(f, "cannot be read: {why}"),
            SkipReason::LinkOutsideWorkspace => {
                f.write_str("a symbolic link that leads outside the workspace")
            }
            SkipReason::LinkToDirectory => {
                f.write_str("a symbolic link to a directory, not followed")
            }
            SkipReason::NameNotUtf8 => f.write_str("the file name is not valid UTF-8"),
            SkipReason::Importable { command } => {
                write!(f, "not a text document yet: import it with `{command}`")
            }
            SkipReason::NotYetImportable => {
                f.write_str("a format ach import does not convert yet: save it as text")
            }
            SkipReason::NotRegular(kind) => write!(f, "{kind}, not a regular file"),
        }
    }
}

/// The kinds of file the library lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Document,
    Matrix,
}

impl Kind {
    fn wants(self, path: &Path) -> bool {
        let extension = path
            .extension()
            .and_then(|extension| extension.to_str())
            .map(str::to_ascii_lowercase);
        match self {
            // A PARC ACH project may sit beside the documents or the
            // matrices: either way it is listed, to import.
            Kind::Document => {
                extension.as_deref().is_some_and(|extension| {
                    IMPORTABLE.contains(&extension) || NOT_YET_IMPORTABLE.contains(&extension)
                }) || crate::import::is_parc_project(path)
            }
            Kind::Matrix => {
                extension.as_deref() == Some("toml") || crate::import::is_parc_project(path)
            }
        }
    }
}

/// Lists the documents and matrices of `workspace`, complete: reads each
/// document once, in chunks, for its title and word count; loads each
/// matrix. A missing `seeds/` or `hypotheses/` is an empty list.
pub fn scan_library(workspace: &Workspace) -> Library {
    let mut library = list_library(workspace);
    library.complete(workspace);
    library
}

/// Lists the documents and matrices of `workspace` without reading them
/// through: each document's head only (its title, and whether it is
/// text), no matrix parsed. Word counts and matrix summaries are left
/// pending for [`Library::complete`], except for documents short enough
/// to have been read whole.
pub fn list_library(workspace: &Workspace) -> Library {
    let mut library = Library::default();
    let real_root = workspace.root().canonicalize().ok();
    for (folder, kind) in [("seeds", Kind::Document), ("hypotheses", Kind::Matrix)] {
        let top = workspace.root().join(folder);
        if std::fs::symlink_metadata(&top).is_err() {
            continue;
        }
        let walk = WalkDir::new(&top)
            .follow_links(false)
            .follow_root_links(false);
        for entry in walk {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    let path = error.path().unwrap_or(&top);
                    let reason = SkipReason::Unreadable(walk_error_message(&error));
                    library.skip(workspace, path, reason);
                    continue;
                }
            };
            library.add(workspace, real_root.as_deref(), &entry, kind);
        }
    }
    library.leave_out_originals();
    library.documents.sort_by(|a, b| a.path.cmp(&b.path));
    library.matrices.sort_by(|a, b| a.path.cmp(&b.path));
    library.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    library
}

/// How much of a document the listing reads: its title is on its first
/// non-blank line, and a binary file shows itself in the first 8 KiB.
const LISTING_HEAD_BYTES: u64 = 64 * 1024;

impl Library {
    fn add(
        &mut self,
        workspace: &Workspace,
        real_root: Option<&Path>,
        entry: &DirEntry,
        kind: Kind,
    ) {
        let path = entry.path();
        if entry.path_is_symlink() {
            let target = path.canonicalize();
            let inside = match (&target, real_root) {
                (Ok(target), Some(root)) => target.starts_with(root),
                _ => false,
            };
            match target {
                Err(error) if kind.wants(path) => {
                    return self.skip(workspace, path, SkipReason::Unreadable(error.to_string()));
                }
                Err(_) => return,
                Ok(_) if !inside && (kind.wants(path) || path.is_dir()) => {
                    return self.skip(workspace, path, SkipReason::LinkOutsideWorkspace);
                }
                Ok(target) if target.is_dir() => {
                    return self.skip(workspace, path, SkipReason::LinkToDirectory);
                }
                Ok(target) if kind.wants(path) && !target.is_file() => {
                    let kind = std::fs::metadata(&target)
                        .map_or("not a file", |metadata| fsio::kind_of(metadata.file_type()));
                    return self.skip(workspace, path, SkipReason::NotRegular(kind));
                }
                Ok(_) => {} // a link to a file inside the workspace: listed
            }
        } else if !entry.file_type().is_file() {
            if kind.wants(path) && entry.depth() > 0 {
                let kind = fsio::kind_of(entry.file_type());
                self.skip(workspace, path, SkipReason::NotRegular(kind));
            }
            return;
        }
        if !kind.wants(path) {
            return;
        }
        let Some(relative) = relative_path(workspace, path) else {
            return self.skip(workspace, path, SkipReason::NameNotUtf8);
        };
        // A PARC ACH project, beside the documents or the matrices, is
        // listed as one to import into a matrix.
        if crate::import::is_parc_project(path) {
            let command = format!("ach import {relative}");
            return self.skip(workspace, path, SkipReason::Importable { command });
        }
        match kind {
            Kind::Document => self.add_document(workspace, path, relative),
            Kind::Matrix => self.matrices.push(LibraryMatrix {
                path: relative,
                summary: None,
            }),
        }
    }

    /// Whether every word count and matrix summary is known.
    pub fn is_complete(&self) -> bool {
        self.documents.iter().all(|d| d.words.is_some())
            && self.matrices.iter().all(|m| m.summary.is_some())
    }

    /// Fills in what [`list_library`] left pending: reads each long
    /// document through for its word count (and its encoding, and its
    /// title should the head not have held it), and loads each matrix not
    /// summed up yet.
    pub fn complete(&mut self, workspace: &Workspace) {
        let mut unreadable = Vec::new();
        for document in &mut self.documents {
            if document.words.is_some() {
                continue;
            }
            let path = workspace.root().join(&document.path);
            match crate::fsio::open_regular(&path).and_then(summarize) {
                Ok(Some(summary)) => {
                    let sidecar_title = document_metadata(&path).title.is_some();
                    if !sidecar_title {
                        document.title = summary.title;
                    }
                    document.words = Some(summary.words);
                    document.bytes = summary.bytes;
                    document.lossy = summary.lossy;
                }
                // The file changed since it was listed.
                Ok(None) => unreadable.push((document.path.clone(), SkipReason::Binary)),
                Err(error) => unreadable.push((
                    document.path.clone(),
                    SkipReason::Unreadable(error.to_string()),
                )),
            }
        }
        if !unreadable.is_empty() {
            self.documents
                .retain(|d| !unreadable.iter().any(|(path, _)| *path == d.path));
            for (path, reason) in unreadable {
                self.skipped.push(SkippedFile { path, reason });
            }
            self.skipped.sort_by(|a, b| a.path.cmp(&b.path));
        }
        for matrix in &mut self.matrices {
            if matrix.summary.is_none() {
                let path = workspace.root().join(&matrix.path);
                matrix.summary = Some(
                    load_matrix(&path)
                        .map(|matrix| MatrixSummary::of(&matrix))
                        .map_err(|error| error.to_string()),
                );
            }
        }
    }

    /// The entry of the matrix file at `path` (under the workspace), if
    /// the library lists it.
    pub fn matrix_entry(&self, workspace: &Workspace, path: &Path) -> Option<&LibraryMatrix> {
        let listed = listed_path(workspace, path)?;
        self.matrices.iter().find(|m| m.path == listed)
    }

    /// Sets the summary of the matrix the library calls `listed` (see
    /// [`listed_path`]), as the workbench just loaded it or saved it,
    /// without reading the file again; a new file under `hypotheses/` is
    /// added to the list. Other entries are untouched.
    pub fn set_matrix_summary(&mut self, listed: &str, summary: MatrixSummary) {
        if let Some(entry) = self.matrices.iter_mut().find(|m| m.path == listed) {
            entry.summary = Some(Ok(summary));
            return;
        }
        if listed.starts_with("hypotheses/") && Kind::Matrix.wants(Path::new(listed)) {
            let at = self.matrices.partition_point(|m| m.path.as_str() < listed);
            self.matrices.insert(
                at,
                LibraryMatrix {
                    path: listed.to_owned(),
                    summary: Some(Ok(summary)),
                },
            );
        }
    }
}

impl Library {
    fn add_document(&mut self, workspace: &Workspace, path: &Path, relative: String) {
        let extension = extension_of(path);
        if NOT_YET_IMPORTABLE.contains(&extension.as_str()) {
            return self.skip(workspace, path, SkipReason::NotYetImportable);
        }
        if !matches!(extension.as_str(), "txt" | "md") {
            let command = format!("ach import {relative}");
            return self.skip(workspace, path, SkipReason::Importable { command });
        }
        // The head only: a document read whole here needs no second pass.
        let head = crate::fsio::open_regular(path)
            .and_then(|file| summarize(std::io::Read::take(file, LISTING_HEAD_BYTES)));
        let metadata = document_metadata(path);
        if let Some(original) = &metadata.original {
            let directory = relative
                .rsplit_once('/')
                .map_or("", |(directory, _)| directory);
            self.originals.insert(format!("{directory}/{original}"));
        }
        match head {
            Ok(Some(summary)) => self.documents.push(LibraryDocument {
                path: relative,
                title: metadata
                    .title
                    .map(|title| one_line(&title).into_owned())
                    .unwrap_or(summary.title),
                words: (summary.bytes < LISTING_HEAD_BYTES).then_some(summary.words),
                bytes: summary.bytes,
                lossy: summary.lossy,
                source: metadata.publisher.map(|p| one_line(&p).into_owned()),
                published: metadata.published,
            }),
            Ok(None) => self.skip(workspace, path, SkipReason::Binary),
            Err(error) => self.skip(workspace, path, SkipReason::Unreadable(error.to_string())),
        }
    }

    /// The originals that imported documents were made from are part of
    /// those documents, not documents or skipped files of their own.
    fn leave_out_originals(&mut self) {
        let originals = std::mem::take(&mut self.originals);
        self.documents
            .retain(|document| !originals.contains(&document.path));
        self.skipped.retain(|file| !originals.contains(&file.path));
    }

    fn skip(&mut self, workspace: &Workspace, path: &Path, reason: SkipReason) {
        let path =
            relative_path(workspace, path).unwrap_or_else(|| lossy_relative_path(workspace, path));
        self.skipped.push(SkippedFile { path, reason });
    }
}

/// The metadata sidecar of the document at `path`. One that does not load
/// is reported by `ach check`; the library still lists the document,
/// titled by its first line.
fn document_metadata(path: &Path) -> super::SourceMetadata {
    read_metadata(path).ok().flatten().unwrap_or_default()
}

/// `path` relative to the workspace root, `/`-separated; `None` when a
/// part of it is not UTF-8. Paths come from walking the root, so no
/// symbolic link is resolved here (a link is named by its own path).
fn relative_path(workspace: &Workspace, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(workspace.root()).unwrap_or(path);
    let parts: Option<Vec<&str>> = relative.iter().map(|part| part.to_str()).collect();
    Some(parts?.join("/"))
}

/// The library's name for the file at `path`: relative to the root,
/// `/`-separated, whether `path` is given relative to the current
/// directory or in full (`ach open hypotheses/x.toml` gives the first);
/// `None` outside the workspace. Lexical: no link is resolved, as in the
/// walk.
pub fn listed_path(workspace: &Workspace, path: &Path) -> Option<String> {
    let root = std::path::absolute(workspace.root()).ok()?;
    let path = std::path::absolute(path).ok()?;
    let relative = path.strip_prefix(&root).ok()?;
    let parts: Option<Vec<&str>> = relative.iter().map(|part| part.to_str()).collect();
    Some(parts?.join("/"))
}

fn lossy_relative_path(workspace: &Workspace, path: &Path) -> String {
    let relative = path.strip_prefix(workspace.root()).unwrap_or(path);
    let parts: Vec<String> = relative
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    one_line(&parts.join("/")).into_owned()
}

fn walk_error_message(error: &walkdir::Error) -> String {
    match error.io_error() {
        Some(io) => io.to_string(),
        None => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    const MATRIX: &str = r#"schema = 1
title = "Who did it?"

[[hypotheses]]
id = "H1"
title = "The butler"

[[hypotheses]]
id = "H2"
title = "The gardener"
"#;

    /// A workspace with nested documents, a binary file, a non-UTF-8 file,
    /// files that are not documents, a valid and an invalid matrix.
    fn workspace() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("seeds/region/deep")).unwrap();
        fs::create_dir_all(root.join("hypotheses/old")).unwrap();
        fs::write(
            root.join("seeds/b.txt"),
            "\n\nSecond report\nthree more words\n",
        )
        .unwrap();
        fs::write(root.join("seeds/a.md"), "# Alpha\n\nBody.").unwrap();
        fs::write(
            root.join("seeds/region/deep/c.TXT"),
            "Deep \u{1b}[31mtitle\n",
        )
        .unwrap();
        fs::write(
            root.join("seeds/region/image.txt"),
            b"\x89PNG\r\n\x1a\n\0\0\0",
        )
        .unwrap();
        fs::write(root.join("seeds/region/latin1.txt"), b"Caf\xe9 cr\xe8me\n").unwrap();
        fs::write(root.join("seeds/region/empty.txt"), b"").unwrap();
        fs::write(root.join("seeds/notes.pdf"), b"%PDF\0").unwrap();
        fs::write(root.join("hypotheses/case.toml"), MATRIX).unwrap();
        fs::write(
            root.join("hypotheses/old/broken.toml"),
            "schema = 1\ntitle = [\n",
        )
        .unwrap();
        fs::write(root.join("hypotheses/readme.txt"), "not a matrix").unwrap();
        let workspace = Workspace::new(root);
        (dir, workspace)
    }

    #[test]
    fn documents_are_listed_by_path_with_title_and_words() {
        let (_dir, workspace) = workspace();
        let library = scan_library(&workspace);
        let paths: Vec<&str> = library.documents.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "seeds/a.md",
                "seeds/b.txt",
                "seeds/region/deep/c.TXT",
                "seeds/region/empty.txt",
                "seeds/region/latin1.txt",
            ]
        );
        assert_eq!(
            library.documents[1],
            LibraryDocument {
                path: "seeds/b.txt".into(),
                title: "Second report".into(),
                words: Some(5),
                bytes: 33,
                lossy: false,
                source: None,
                published: None,
            }
        );
        assert_eq!(library.documents[0].title, "# Alpha");
        assert_eq!(library.documents[2].title, "Deep ␛[31mtitle");
        assert_eq!(library.documents[3].title, "");
        assert_eq!(library.documents[3].words, Some(0));
        let latin1 = &library.documents[4];
        assert!(latin1.lossy);
        assert_eq!(latin1.title, "Caf\u{fffd} cr\u{fffd}me");
    }

    #[test]
    fn binary_files_are_skipped_with_the_reason() {
        let (_dir, workspace) = workspace();
        let library = scan_library(&workspace);
        assert_eq!(
            library.skipped,
            [
                SkippedFile {
                    path: "seeds/notes.pdf".into(),
                    reason: SkipReason::NotYetImportable,
                },
                SkippedFile {
                    path: "seeds/region/image.txt".into(),
                    reason: SkipReason::Binary,
                }
            ]
        );
        assert_eq!(
            library.skipped[1].reason.to_string(),
            "a binary file, not a text document"
        );
    }

    #[test]
    fn web_pages_mail_and_word_files_are_skipped_with_the_import_command() {
        let (dir, workspace) = workspace();
        fs::write(dir.path().join("seeds/page.html"), "<p>x</p>").unwrap();
        fs::write(dir.path().join("seeds/memo.docx"), "PK").unwrap();
        fs::write(dir.path().join("seeds/region/mail.EML"), "Subject: x").unwrap();
        let library = scan_library(&workspace);
        let reasons: Vec<String> = library
            .skipped
            .iter()
            .map(|s| format!("{}: {}", s.path, s.reason))
            .collect();
        assert_eq!(
            reasons,
            [
                "seeds/memo.docx: not a text document yet: import it with `ach import seeds/memo.docx`",
                "seeds/notes.pdf: a format ach import does not convert yet: save it as text",
                "seeds/page.html: not a text document yet: import it with `ach import seeds/page.html`",
                "seeds/region/image.txt: a binary file, not a text document",
                "seeds/region/mail.EML: not a text document yet: import it with `ach import seeds/region/mail.EML`",
            ]
        );
    }

    #[test]
    fn parc_projects_beside_documents_or_matrices_are_listed_to_import() {
        let (dir, workspace) = workspace();
        fs::write(dir.path().join("seeds/old.achz"), "\x1f\u{8b}").unwrap();
        fs::create_dir_all(dir.path().join("hypotheses")).unwrap();
        fs::write(dir.path().join("hypotheses/older.ACHZ"), "\x1f\u{8b}").unwrap();
        let library = scan_library(&workspace);
        let importable: Vec<&str> = library
            .skipped
            .iter()
            .filter(|s| matches!(s.reason, SkipReason::Importable { .. }))
            .map(|s| s.path.as_str())
            .collect();
        assert_eq!(importable, ["hypotheses/older.ACHZ", "seeds/old.achz"]);
        assert!(library.matrices.iter().all(|m| !m.path.ends_with(".ACHZ")));
    }

    #[test]
    fn a_sidecar_titles_the_document_and_hides_its_original() {
        let (dir, workspace) = workspace();
        let seeds = dir.path().join("seeds");
        fs::write(seeds.join("page.html"), "<p>Follow us on social</p>").unwrap();
        fs::write(
            seeds.join("page.txt"),
            "Follow us on social\nThe port closed.\n",
        )
        .unwrap();
        fs::write(
            seeds.join("page.txt.meta.toml"),
            "title = \"Port closed\"\npublisher = \"Harbour News\"\npublished = \"2024-05-01\"\noriginal = \"page.html\"\n",
        )
        .unwrap();
        // The Latin-1 original of an imported text is not listed either.
        fs::write(
            seeds.join("region/latin1.utf8.txt.meta.toml"),
            "original = \"latin1.txt\"\n",
        )
        .unwrap();
        fs::write(seeds.join("region/latin1.utf8.txt"), "Café crème\n").unwrap();
        let library = scan_library(&workspace);
        let page = library
            .documents
            .iter()
            .find(|d| d.path == "seeds/page.txt")
            .unwrap();
        assert_eq!(page.title, "Port closed");
        assert_eq!(page.source.as_deref(), Some("Harbour News"));
        assert_eq!(page.published.as_deref(), Some("2024-05-01"));
        let paths: Vec<&str> = library.documents.iter().map(|d| d.path.as_str()).collect();
        assert!(!paths.contains(&"seeds/region/latin1.txt"), "{paths:?}");
        assert!(paths.contains(&"seeds/region/latin1.utf8.txt"), "{paths:?}");
        assert!(library.skipped.iter().all(|s| s.path != "seeds/page.html"));
    }

    #[test]
    fn matrices_with_counts_or_errors() {
        let (_dir, workspace) = workspace();
        let library = scan_library(&workspace);
        assert_eq!(library.matrices.len(), 2);
        assert_eq!(library.matrices[0].path, "hypotheses/case.toml");
        assert_eq!(
            library.matrices[0].summary,
            Some(Ok(MatrixSummary {
                title: "Who did it?".into(),
                hypotheses: 2,
                evidence: 0,
            }))
        );
        assert_eq!(library.matrices[1].path, "hypotheses/old/broken.toml");
        let error = library.matrices[1]
            .summary
            .as_ref()
            .unwrap()
            .as_ref()
            .unwrap_err();
        assert!(error.contains("broken.toml:"), "{error}");
    }

    #[test]
    fn a_listing_reads_only_heads_and_completing_it_is_a_scan() {
        let (dir, workspace) = workspace();
        // Longer than the head the listing reads, and not UTF-8 past it.
        let mut long = b"Long report\n".to_vec();
        long.extend(b"word ".repeat(20_000));
        long.extend(b"caf\xe9\n");
        fs::write(dir.path().join("seeds/long.txt"), &long).unwrap();
        let mut listed = list_library(&workspace);
        let long_entry = listed
            .documents
            .iter()
            .find(|d| d.path == "seeds/long.txt")
            .unwrap();
        assert_eq!(long_entry.title, "Long report");
        assert_eq!(long_entry.words, None);
        // Short documents are read whole, so counted already; no matrix
        // is parsed.
        assert!(
            listed
                .documents
                .iter()
                .filter(|d| d.path != "seeds/long.txt")
                .all(|d| d.words.is_some())
        );
        assert!(listed.matrices.iter().all(|m| m.summary.is_none()));
        assert_eq!(listed.skipped, scan_library(&workspace).skipped);
        assert!(!listed.is_complete());
        listed.complete(&workspace);
        assert!(listed.is_complete());
        assert_eq!(listed, scan_library(&workspace));
        let long_entry = listed
            .documents
            .iter()
            .find(|d| d.path == "seeds/long.txt")
            .unwrap();
        assert_eq!(long_entry.words, Some(20_003));
        assert!(long_entry.lossy);
    }

    #[test]
    fn a_matrix_summed_up_from_memory_touches_only_its_entry() {
        let (dir, workspace) = workspace();
        let mut library = scan_library(&workspace);
        let mut matrix = crate::storage::matrix_from_str(MATRIX).unwrap();
        matrix.title = "Renamed".into();
        let before = library.clone();
        let listed = listed_path(&workspace, &dir.path().join("hypotheses/case.toml")).unwrap();
        assert_eq!(listed, "hypotheses/case.toml");
        library.set_matrix_summary(&listed, MatrixSummary::of(&matrix));
        assert_eq!(
            library.matrices[0].summary,
            Some(Ok(MatrixSummary {
                title: "Renamed".into(),
                hypotheses: 2,
                evidence: 0,
            }))
        );
        assert_eq!(library.matrices[1], before.matrices[1]);
        assert_eq!(library.documents, before.documents);
        // A new file under hypotheses/ is added in path order; one
        // elsewhere is not listed.
        library.set_matrix_summary("hypotheses/new.toml", MatrixSummary::of(&matrix));
        library.set_matrix_summary("seeds/x.toml", MatrixSummary::of(&matrix));
        let paths: Vec<&str> = library.matrices.iter().map(|m| m.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "hypotheses/case.toml",
                "hypotheses/new.toml",
                "hypotheses/old/broken.toml"
            ]
        );
        assert_eq!(
            listed_path(&workspace, Path::new("/elsewhere/x.toml")),
            None
        );
    }

    #[test]
    fn a_workspace_without_folders_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            scan_library(&Workspace::new(dir.path())),
            Library::default()
        );
    }

    #[cfg(unix)]
    #[test]
    fn fifos_and_directories_named_like_documents_are_listed_as_skipped() {
        let (dir, workspace) = workspace();
        let seeds = dir.path().join("seeds");
        let mkfifo = |path: &Path| {
            let status = std::process::Command::new("mkfifo").arg(path).status();
            assert!(status.unwrap().success());
        };
        mkfifo(&seeds.join("pipe"));
        std::os::unix::fs::symlink("pipe", seeds.join("link.txt")).unwrap();
        mkfifo(&seeds.join("fifo.txt"));
        fs::create_dir(seeds.join("folder.txt")).unwrap();
        mkfifo(&dir.path().join("hypotheses/b.toml"));
        // Before, opening link.txt waited for a writer forever.
        let library = scan_library(&workspace);
        let skipped: Vec<(&str, String)> = library
            .skipped
            .iter()
            .filter(|s| !matches!(s.reason, SkipReason::Binary | SkipReason::NotYetImportable))
            .map(|s| (s.path.as_str(), s.reason.to_string()))
            .collect();
        assert_eq!(
            skipped,
            [
                (
                    "hypotheses/b.toml",
                    "a named pipe, not a regular file".into()
                ),
                ("seeds/fifo.txt", "a named pipe, not a regular file".into()),
                ("seeds/folder.txt", "a directory, not a regular file".into()),
                ("seeds/link.txt", "a named pipe, not a regular file".into()),
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_out_of_the_workspace_are_skipped() {
        use std::os::unix::fs::symlink;
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.txt"), "secret").unwrap();
        let (dir, workspace) = workspace();
        let seeds = dir.path().join("seeds");
        symlink(outside.path().join("secret.txt"), seeds.join("secret.txt")).unwrap();
        symlink(outside.path(), seeds.join("elsewhere")).unwrap();
        symlink(seeds.join("region"), seeds.join("again")).unwrap();
        symlink(seeds.join("b.txt"), seeds.join("alias.txt")).unwrap();
        symlink(seeds.join("gone.txt"), seeds.join("dangling.txt")).unwrap();
        let library = scan_library(&workspace);
        let skipped: Vec<(&str, &SkipReason)> = library
            .skipped
            .iter()
            .map(|s| (s.path.as_str(), &s.reason))
            .collect();
        assert_eq!(skipped.len(), 6, "{skipped:?}");
        assert_eq!(skipped[0], ("seeds/again", &SkipReason::LinkToDirectory));
        assert!(matches!(
            skipped[1],
            ("seeds/dangling.txt", SkipReason::Unreadable(_))
        ));
        assert_eq!(
            skipped[2],
            ("seeds/elsewhere", &SkipReason::LinkOutsideWorkspace)
        );
        assert_eq!(
            skipped[3],
            ("seeds/notes.pdf", &SkipReason::NotYetImportable)
        );
        assert_eq!(skipped[4], ("seeds/region/image.txt", &SkipReason::Binary));
        assert_eq!(
            skipped[5],
            ("seeds/secret.txt", &SkipReason::LinkOutsideWorkspace)
        );
        // A link to a document inside the workspace is listed by its own name.
        assert!(
            library
                .documents
                .iter()
                .any(|d| d.path == "seeds/alias.txt")
        );
    }
}
