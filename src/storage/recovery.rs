//! Recovery files: unsaved changes kept beside the matrix while the
//! workbench runs, so a crash or a killed terminal loses at most the last
//! moments of work.
//!
//! `MATRIX.toml.recovery` is a small TOML file holding when it was
//! written, how many edits it holds, a fingerprint of the matrix file the
//! edits were made on (to tell the analyst when that file has changed
//! since), and the whole edited matrix in the usual layout.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::atomic::sibling;
use super::{
    LoadError, SaveError, matrix_from_str, matrix_to_toml, write_atomically_without_backup,
};
use crate::model::Matrix;

/// The recovery file of the matrix at `matrix`.
pub fn recovery_path(matrix: &Path) -> PathBuf {
    sibling(matrix, ".recovery")
}

/// Unsaved changes found on disk.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovery {
    /// When the changes were last written.
    pub written: DateTime<Utc>,
    /// How many edits had been made since the last save.
    pub edits: usize,
    /// The fingerprint of the matrix file the edits started from (`None`
    /// when it did not exist).
    pub base: Option<u64>,
    /// The matrix with the changes.
    pub matrix: Matrix,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecoveryFile {
    written: DateTime<Utc>,
    edits: usize,
    base: Option<String>,
    matrix: String,
}

/// The text of a recovery file.
pub fn recovery_contents(recovery: &Recovery) -> String {
    let file = RecoveryFile {
        written: recovery.written,
        edits: recovery.edits,
        base: recovery.base.map(|base| format!("{base:016x}")),
        matrix: matrix_to_toml(&recovery.matrix),
    };
    let body = toml::to_string(&file).unwrap_or_default();
    format!(
        "# ACH Workbench: unsaved changes to the matrix beside this file.\n\
         # Open that matrix in the workbench to restore or discard them.\n{body}"
    )
}

/// Writes the recovery file of the matrix at `matrix`.
pub fn write_recovery(matrix: &Path, recovery: &Recovery) -> Result<(), SaveError> {
    write_atomically_without_backup(
        &recovery_path(matrix),
        recovery_contents(recovery).as_bytes(),
    )
}

/// Reads the recovery file of the matrix at `matrix`, if there is one.
pub fn read_recovery(matrix: &Path) -> Result<Option<Recovery>, LoadError> {
    let path = recovery_path(matrix);
    let text = match crate::fsio::read_regular_to_string(&path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(LoadError::Io { path, source }),
    };
    let invalid = |message: String| LoadError::Invalid {
        path: path.clone(),
        diagnostics: vec![super::Diagnostic::new(super::Location::START, message)],
    };
    let file: RecoveryFile =
        toml::from_str(&text).map_err(|error| invalid(error.message().to_owned()))?;
    let matrix = matrix_from_str(&file.matrix).map_err(|diagnostics| LoadError::Invalid {
        path: path.clone(),
        diagnostics,
    })?;
    let base = match file.base {
        None => None,
        Some(hex) => Some(
            u64::from_str_radix(&hex, 16)
                .map_err(|_| invalid(format!("`base` is not a fingerprint: {hex}")))?,
        ),
    };
    Ok(Some(Recovery {
        written: file.written,
        edits: file.edits,
        base,
        matrix,
    }))
}

/// Removes the recovery file of the matrix at `matrix`; a missing file is
/// not an error.
pub fn remove_recovery(matrix: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(recovery_path(matrix)) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

/// A fingerprint of a file's bytes, to notice that it changed. XXH3: stable
/// across builds and platforms, unlike `std`'s hasher, and fast enough to
/// take twice on every save (FNV-1a, a byte at a time, took 7 ms for a
/// 5 MB matrix; XXH3 takes a fraction of a millisecond).
pub fn fingerprint(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, Hypothesis};

    fn recovery() -> Recovery {
        let mut matrix = Matrix::new("t \"quoted\"\nand ''' odd");
        matrix.push_hypothesis(Hypothesis::new("H1", "h"));
        matrix.push_evidence(Evidence::new("E1", "e"));
        Recovery {
            written: DateTime::from_timestamp(1_770_000_000, 0).unwrap(),
            edits: 3,
            base: Some(fingerprint(b"on disk")),
            matrix,
        }
    }

    #[test]
    fn writes_reads_and_removes() {
        let dir = tempfile::tempdir().unwrap();
        let matrix = dir.path().join("m.toml");
        assert_eq!(read_recovery(&matrix).unwrap(), None);
        write_recovery(&matrix, &recovery()).unwrap();
        assert_eq!(read_recovery(&matrix).unwrap(), Some(recovery()));
        remove_recovery(&matrix).unwrap();
        remove_recovery(&matrix).unwrap();
        assert_eq!(read_recovery(&matrix).unwrap(), None);
    }

    #[test]
    fn a_damaged_recovery_file_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let matrix = dir.path().join("m.toml");
        std::fs::write(recovery_path(&matrix), "edits = \"many\"").unwrap();
        let error = read_recovery(&matrix).unwrap_err();
        assert!(error.to_string().contains("m.toml.recovery"), "{error}");
    }

    #[test]
    fn fingerprints_differ_for_different_bytes() {
        assert_ne!(fingerprint(b"a"), fingerprint(b"b"));
        // The fingerprint is written into recovery files, so it must not
        // change between builds: XXH3-64 of nothing, from its reference.
        assert_eq!(fingerprint(b""), 0x2d06_8005_38d3_94c2);
    }
}
