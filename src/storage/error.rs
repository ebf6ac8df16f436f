//! What can go wrong reading or writing a matrix file.

use std::fmt;
use std::path::PathBuf;

use super::Location;

/// One problem in a matrix file, at a position in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub location: Location,
    pub message: String,
}

impl Diagnostic {
    pub fn new(location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            location,
            message: message.into(),
        }
    }
}

/// Why a matrix file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read at all.
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file was read but is not a valid matrix; every problem found is
    /// listed, in file order.
    Invalid {
        path: PathBuf,
        diagnostics: Vec<Diagnostic>,
    },
}

impl LoadError {
    /// The file the error is about.
    pub fn path(&self) -> &PathBuf {
        match self {
            LoadError::Io { path, .. } | LoadError::Invalid { path, .. } => path,
        }
    }
}

/// One line per problem, as `FILE:LINE:COL: message`: the form editors and
/// CI logs turn into links.
impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Io { path, source } => {
                write!(f, "{}: cannot read: {source}", path.display())
            }
            LoadError::Invalid { path, diagnostics } => {
                for (n, diagnostic) in diagnostics.iter().enumerate() {
                    if n > 0 {
                        writeln!(f)?;
                    }
                    write!(
                        f,
                        "{}:{}: {}",
                        path.display(),
                        diagnostic.location,
                        diagnostic.message
                    )?;
                }
                Ok(())
            }
        }
    }
}

/// Why a matrix could not be saved. The file on disk is untouched whenever
/// one of these is returned.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{}: cannot save: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: already exists; refusing to overwrite it", path.display())]
    AlreadyExists { path: PathBuf },
}
