//! The library: the documents and matrices of a workspace, as the Library
//! pane lists them.
//!
//! Documents are the `.txt` and `.md` files under `seeds/`, matrices the
//! `.toml` files under `hypotheses/`, both at any depth. A file that cannot
//! be used (binary, unreadable, a symbolic link out of the workspace) is
//! listed as skipped with the reason; nothing in the scan is fatal.

use std::fmt;
use std::path::Path;

use walkdir::{DirEntry, WalkDir};

use super::Workspace;
use super::read_metadata;
use crate::document::summarize;
use crate::fsio;
use crate::import::{IMPORTABLE, NOT_YET_IMPORTABLE, extension_of};
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
    /// Words separated by ASCII whitespace.
    pub words: usize,
    /// Size in bytes.
    pub bytes: u64,
    /// Not valid UTF-8: readable, but no passage may be taken from it.
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
    /// as `FILE:LINE:COL: message`.
    pub summary: Result<MatrixSummary, String>,
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
    /// A web page, e-mail, Word document or text in another encoding: `ach import` turns
    /// it into a document (the command to run is given).
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
            Kind::Document => extension.as_deref().is_some_and(|extension| {
                IMPORTABLE.contains(&extension) || NOT_YET_IMPORTABLE.contains(&extension)
            }),
            Kind::Matrix => extension.as_deref() == Some("toml"),
        }
    }
}

/// Lists the documents and matrices of `workspace`. Reads each document
/// once, in chunks, for its title and word count; loads each matrix. A
/// missing `seeds/` or `hypotheses/` is an empty list.
pub fn scan_library(workspace: &Workspace) -> Library {
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
        match kind {
            Kind::Document => self.add_document(workspace, path, relative),
            Kind::Matrix => self.matrices.push(LibraryMatrix {
                path: relative,
                summary: load_matrix(path)
                    .map(|matrix| MatrixSummary {
                        title: one_line(&matrix.title).into_owned(),
                        hypotheses: matrix.hypotheses().len(),
                        evidence: matrix.evidence().len(),
                    })
                    .map_err(|error| error.to_string()),
            }),
        }
    }

    fn add_document(&mut self, workspace: &Workspace, path: &Path, relative: String) {
        let extension = extension_of(path);
        if NOT_YET_IMPORTABLE.contains(&extension.as_str()) {
            return self.skip(workspace, path, SkipReason::NotYetImportable);
        }
        if !matches!(extension.as_str(), "txt" | "md") {
            let command = format!("ach import {relative}");
            return self.skip(workspace, path, SkipReason::Importable { command });
        }
        let summary = crate::fsio::open_regular(path).and_then(summarize);
        // A sidecar that does not load is reported by `ach check`; the
        // library still lists the document, titled by its first line.
        let metadata = read_metadata(path).ok().flatten().unwrap_or_default();
        if let Some(original) = &metadata.original {
            let directory = relative
                .rsplit_once('/')
                .map_or("", |(directory, _)| directory);
            self.originals.insert(format!("{directory}/{original}"));
        }
        match summary {
            Ok(Some(summary)) => self.documents.push(LibraryDocument {
                path: relative,
                title: metadata
                    .title
                    .map(|title| one_line(&title).into_owned())
                    .unwrap_or(summary.title),
                words: summary.words,
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

/// `path` relative to the workspace root, `/`-separated; `None` when a
/// part of it is not UTF-8. Paths come from walking the root, so no
/// symbolic link is resolved here (a link is named by its own path).
fn relative_path(workspace: &Workspace, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(workspace.root()).unwrap_or(path);
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
                words: 5,
                bytes: 33,
                lossy: false,
                source: None,
                published: None,
            }
        );
        assert_eq!(library.documents[0].title, "# Alpha");
        assert_eq!(library.documents[2].title, "Deep ␛[31mtitle");
        assert_eq!(library.documents[3].title, "");
        assert_eq!(library.documents[3].words, 0);
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
            Ok(MatrixSummary {
                title: "Who did it?".into(),
                hypotheses: 2,
                evidence: 0,
            })
        );
        assert_eq!(library.matrices[1].path, "hypotheses/old/broken.toml");
        let error = library.matrices[1].summary.as_ref().unwrap_err();
        assert!(error.contains("broken.toml:"), "{error}");
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
