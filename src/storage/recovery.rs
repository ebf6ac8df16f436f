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

/// A recovery file as read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RecoveryFile {
    written: DateTime<Utc>,
    edits: usize,
    base: Option<String>,
    matrix: String,
}

/// Unsaved changes as they are written: the matrix already as its file
/// text, so that the event loop hands the background writer a string made
/// by the open matrix's [`MatrixWriter`](super::MatrixWriter) (which
/// formats only the items edited since) instead of a copy of the matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryCopy {
    pub written: DateTime<Utc>,
    pub edits: usize,
    pub base: Option<u64>,
    /// The matrix's file text.
    pub matrix: String,
}

impl Recovery {
    /// The copy to write of these changes.
    pub fn copy(&self) -> RecoveryCopy {
        RecoveryCopy {
            written: self.written,
            edits: self.edits,
            base: self.base,
            matrix: matrix_to_toml(&self.matrix),
        }
    }
}

/// The keys of a recovery file before its matrix.
#[derive(Serialize)]
struct RecoveryHeader {
    written: DateTime<Utc>,
    edits: usize,
    base: Option<String>,
}

/// The text of the recovery file for `copy`.
pub fn recovery_contents(copy: &RecoveryCopy) -> String {
    let base = copy.base.map(|base| format!("{base:016x}"));
    let preamble = "# ACH Workbench: unsaved changes to the matrix beside this file.\n\
         # Open that matrix in the workbench to restore or discard them.\n";
    let header = RecoveryHeader {
        written: copy.written,
        edits: copy.edits,
        base,
    };
    let header = toml::to_string(&header).unwrap_or_default();
    // The matrix as a literal string, which needs no escapes, when it can
    // be one: letting the toml crate choose and escape took 55 ms for a
    // 5 MB matrix, on every tick after an edit. (The newline right after
    // the opening quotes is not part of the string.)
    let matrix = if can_be_literal(&copy.matrix) {
        format!("'''\n{}'''", copy.matrix)
    } else {
        toml_edit::Value::from(copy.matrix.as_str()).to_string()
    };
    format!("{preamble}{header}matrix = {matrix}\n")
}

/// Whether `text` can be a TOML multi-line literal string as it is: no
/// three single quotes in a row, none at the very end (they would run into
/// the closing quotes), and no control characters but tabs and newlines.
fn can_be_literal(text: &str) -> bool {
    !text.contains("'''")
        && !text.ends_with('\'')
        && text
            .chars()
            .all(|c| c == '\n' || c == '\t' || !c.is_control())
}

pub fn write_recovery(matrix: &Path, copy: &RecoveryCopy) -> Result<(), SaveError> {
    write_atomically_without_backup(&recovery_path(matrix), recovery_contents(copy).as_bytes())
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
        write_recovery(&matrix, &recovery().copy()).unwrap();
        assert_eq!(read_recovery(&matrix).unwrap(), Some(recovery()));
        remove_recovery(&matrix).unwrap();
        remove_recovery(&matrix).unwrap();
        assert_eq!(read_recovery(&matrix).unwrap(), None);
    }

    proptest::proptest! {
        /// Any matrix comes back from its recovery file as it was, and any
        /// text at all, whether written as a literal string or escaped.
        #[test]
        fn any_matrix_comes_back_from_its_recovery_file(
            matrix in crate::test_support::arbitrary_matrix(),
            ending in proptest::sample::select(vec!["", "'", "''", "'''", "\r", "\u{7f}", "\\"]),
        ) {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("m.toml");
            let recovery = Recovery {
                written: DateTime::from_timestamp(1_770_000_000, 0).unwrap(),
                edits: 2,
                base: None,
                matrix,
            };
            let copy = recovery.copy();
            write_recovery(&path, &copy).unwrap();
            proptest::prop_assert_eq!(read_recovery(&path).unwrap(), Some(recovery));
            let odd = RecoveryCopy { matrix: format!("{}# {ending}", copy.matrix), ..copy };
            let file: RecoveryFile = toml::from_str(&recovery_contents(&odd)).unwrap();
            proptest::prop_assert_eq!(file.matrix, odd.matrix);
        }
    }

    #[test]
    fn a_plain_matrix_is_written_as_a_literal_string_and_an_odd_one_escaped() {
        let plain = Recovery {
            matrix: Matrix::new("Plain title"),
            ..recovery()
        };
        let text = recovery_contents(&plain.copy());
        assert!(text.contains("matrix = '''\nschema = 1\n"), "{text}");
        // This title holds three single quotes in a row.
        let text = recovery_contents(&recovery().copy());
        assert!(text.contains("matrix = \"\"\""), "{text}");
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
