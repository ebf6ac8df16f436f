//! Where a command's matrix comes from: a file, or standard input when the
//! path is `-` (the shell convention), so `ach score - < m.toml` and
//! `curl … | ach check -` work.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::model::Matrix;
use crate::storage::{
    LoadError, Positions, load_matrix_with_positions, matrix_with_positions_from_bytes,
};

/// The name messages give standard input: `<stdin>:3:1: …`.
pub const STDIN_NAME: &str = "<stdin>";

/// Whether `path` means standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads and validates the matrix at `path`, or on standard input for `-`.
pub fn load(path: &Path) -> Result<(Matrix, Positions), LoadError> {
    if !is_stdin(path) {
        return load_matrix_with_positions(path);
    }
    let name = PathBuf::from(STDIN_NAME);
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .map_err(|source| LoadError::Io {
            path: name.clone(),
            source,
        })?;
    matrix_with_positions_from_bytes(&bytes).map_err(|diagnostics| LoadError::Invalid {
        path: name,
        diagnostics,
    })
}
