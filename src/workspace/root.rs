//! Finding the workspace root and resolving document paths inside it.

use std::path::{Path, PathBuf};

use crate::model::document_path_problem;

/// The directory that passages' document paths are relative to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workspace {
    root: PathBuf,
}

/// Why a passage's document path cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentPathError {
    /// Absolute, empty or climbing out with `..`.
    #[error("{0}")]
    NotRelative(&'static str),
    /// Resolves, through a symbolic link, to a file outside the workspace.
    #[error("the document path leads outside the workspace through a symbolic link")]
    EscapesWorkspace,
}

impl Workspace {
    /// The workspace rooted at `root`.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Workspace { root: root.into() }
    }

    /// The workspace of a matrix file: the nearest ancestor directory that
    /// holds `seeds/` or `hypotheses/`, else the matrix's own directory.
    pub fn of_matrix(matrix: &Path) -> Self {
        let absolute = std::path::absolute(matrix).unwrap_or_else(|_| matrix.to_owned());
        let directory = absolute.parent().unwrap_or(Path::new("."));
        let root = directory
            .ancestors()
            .find(|dir| dir.join("seeds").is_dir() || dir.join("hypotheses").is_dir())
            .unwrap_or(directory);
        Workspace::new(root)
    }

    /// The root directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The full path of a passage's document, refused when the path is not
    /// relative or leads outside the workspace (also through a symbolic
    /// link, when the file exists).
    pub fn resolve_document(&self, document: &str) -> Result<PathBuf, DocumentPathError> {
        if let Some(problem) = document_path_problem(document) {
            return Err(DocumentPathError::NotRelative(problem));
        }
        let path = self.root.join(document);
        if let (Ok(real), Ok(root)) = (path.canonicalize(), self.root.canonicalize())
            && !real.starts_with(&root)
        {
            return Err(DocumentPathError::EscapesWorkspace);
        }
        Ok(path)
    }

    /// `path` as the analyst should read it: relative to the root when it
    /// is inside the workspace, else as given.
    pub fn display_path(&self, path: &Path) -> String {
        path.strip_prefix(&self.root)
            .unwrap_or(path)
            .display()
            .to_string()
    }

    /// The path of `file` relative to the root, `/`-separated, as passages
    /// store it; `None` when `file` is not inside the workspace.
    pub fn relative_path(&self, file: &Path) -> Option<String> {
        let root = self.root.canonicalize().ok()?;
        let file = file.canonicalize().ok()?;
        let relative = file.strip_prefix(&root).ok()?;
        let parts: Option<Vec<&str>> = relative.iter().map(|part| part.to_str()).collect();
        Some(parts?.join("/"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn root_is_the_nearest_ancestor_with_seeds_or_hypotheses() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("seeds")).unwrap();
        fs::create_dir_all(dir.path().join("hypotheses/deep")).unwrap();
        let matrix = dir.path().join("hypotheses/deep/m.toml");
        assert_eq!(
            Workspace::of_matrix(&matrix).root(),
            dir.path()
                .join("hypotheses/deep")
                .parent()
                .unwrap()
                .parent()
                .unwrap()
        );
    }

    #[test]
    fn root_falls_back_to_the_matrix_directory() {
        let dir = tempfile::tempdir().unwrap();
        let lonely = dir.path().join("lonely");
        fs::create_dir_all(&lonely).unwrap();
        let matrix = lonely.join("m.toml");
        // The temp dir itself might sit under a workspace-looking directory
        // on odd machines; the test only holds where it does not.
        if !dir
            .path()
            .ancestors()
            .any(|d| d.join("seeds").is_dir() || d.join("hypotheses").is_dir())
        {
            assert_eq!(Workspace::of_matrix(&matrix).root(), lonely);
        }
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_out_of_the_workspace_are_refused() {
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.txt"), "secret").unwrap();
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("seeds")).unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("secret.txt"),
            dir.path().join("seeds/link.txt"),
        )
        .unwrap();
        let workspace = Workspace::new(dir.path());
        assert_eq!(
            workspace.resolve_document("seeds/link.txt"),
            Err(DocumentPathError::EscapesWorkspace)
        );
        assert!(matches!(
            workspace.resolve_document("/etc/passwd"),
            Err(DocumentPathError::NotRelative(_))
        ));
    }

    #[test]
    fn relative_paths_use_forward_slashes() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("seeds/sub")).unwrap();
        fs::write(dir.path().join("seeds/sub/a.txt"), "a").unwrap();
        let workspace = Workspace::new(dir.path());
        assert_eq!(
            workspace
                .relative_path(&dir.path().join("seeds/sub/a.txt"))
                .as_deref(),
            Some("seeds/sub/a.txt")
        );
    }
}
