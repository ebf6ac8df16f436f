//! A PARC ACH 2.0 project (`.achz`) converted to a matrix file in the
//! workspace: what `ach import FILE.achz` and the workbench's library both
//! do, so the two cannot differ.

use std::path::{Path, PathBuf};

use crate::storage::{SaveError, create_new, matrix_to_toml};
use crate::workspace::Workspace;

/// A project that became a matrix file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedProject {
    /// The matrix file written.
    pub matrix: PathBuf,
    pub hypotheses: usize,
    pub evidence: usize,
    /// One sentence per thing the format could not carry over.
    pub lost: Vec<String>,
}

/// Why a project was not imported.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    #[error("cannot read: {0}")]
    Read(std::io::Error),
    #[error("{0}")]
    Format(#[from] crate::parc::ImportError),
    #[error("{}: cannot create: {source}", .path.display())]
    Directory {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The matrix file exists; it is never replaced.
    #[error("{}: already exists", .0.display())]
    Exists(PathBuf),
    #[error("{0}")]
    Write(SaveError),
}

/// Converts the project at `source` to a matrix at `output`, or at
/// `hypotheses/NAME.toml` in `workspace` without one. An existing file is
/// never replaced; only regular files are read.
pub fn import_project(
    workspace: &Workspace,
    source: &Path,
    output: Option<&Path>,
) -> Result<ImportedProject, ProjectError> {
    let bytes = crate::fsio::read_regular(source).map_err(ProjectError::Read)?;
    let imported = crate::parc::read(&bytes)?;
    let output = match output {
        Some(path) => path.to_owned(),
        None => {
            let stem = source.file_stem().unwrap_or_default();
            workspace
                .root()
                .join("hypotheses")
                .join(stem)
                .with_extension("toml")
        }
    };
    if let Some(parent) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|source| ProjectError::Directory {
            path: parent.to_owned(),
            source,
        })?;
    }
    create_new(&output, matrix_to_toml(&imported.matrix).as_bytes()).map_err(
        |error| match error {
            SaveError::AlreadyExists { .. } => ProjectError::Exists(output.clone()),
            other => ProjectError::Write(other),
        },
    )?;
    Ok(ImportedProject {
        matrix: output,
        hypotheses: imported.matrix.hypotheses().len(),
        evidence: imported.matrix.evidence().len(),
        lost: imported.lost,
    })
}
