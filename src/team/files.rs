//! Finding and reading a team's copies: the one place `ach team` and the
//! workbench's team view turn paths into [`Copy`]s. The rest of the team
//! module is pure.

use std::path::{Path, PathBuf};

use super::Copy;
use crate::storage::{LoadError, load_matrix};

/// Why a team could not be read.
#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    #[error("no matrix files found")]
    NoFiles,
    #[error("{}: cannot list the folder: {source}", path.display())]
    Folder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Load(#[from] LoadError),
}

/// The matrix files `paths` name: files as given, folders as their
/// `*.toml` files (regular files only) in name order.
pub fn team_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, TeamError> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let listing = std::fs::read_dir(path).map_err(|source| TeamError::Folder {
                path: path.clone(),
                source,
            })?;
            let mut found: Vec<PathBuf> = listing
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    if files.is_empty() {
        return Err(TeamError::NoFiles);
    }
    Ok(files)
}

/// Reads every file as one analyst's copy; the first invalid file stops it.
pub fn load_team(files: &[PathBuf]) -> Result<Vec<Copy>, TeamError> {
    files
        .iter()
        .map(|file| {
            let matrix = load_matrix(file)?;
            Ok(Copy {
                analyst: analyst_name(file, matrix.analyst.as_deref()),
                matrix,
            })
        })
        .collect()
}

/// The copy's `analyst`, else the file's name without `.toml`.
pub fn analyst_name(file: &Path, analyst: Option<&str>) -> String {
    analyst.map(str::to_owned).unwrap_or_else(|| {
        file.file_stem().map_or_else(
            || file.display().to_string(),
            |s| s.to_string_lossy().into_owned(),
        )
    })
}
