//! An advisory lock per matrix, so a second workbench opening the same
//! file is warned instead of silently racing the first one's saves.
//!
//! The lock is `MATRIX.toml.lock`, held with the operating system's file
//! lock for as long as the matrix is open; the system drops it when the
//! process ends, however it ends, so a crash never leaves a stale lock.
//! The file holds who took it, for the warning.

use std::fs::{File, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::atomic::sibling;
use crate::fsio;

/// The lock file of the matrix at `matrix`.
pub fn lock_path(matrix: &Path) -> PathBuf {
    sibling(matrix, ".lock")
}

/// A held lock; released when dropped.
#[derive(Debug)]
pub struct MatrixLock {
    file: File,
    path: PathBuf,
}

/// Why a lock was not taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another process holds it; the text says who, as it wrote it.
    #[error("already open in another workbench ({holder})")]
    Held { holder: String },
    #[error("cannot lock {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Takes the lock of the matrix at `matrix`, noting `holder` (who and
/// since when) in it.
pub fn lock_matrix(matrix: &Path, holder: &str) -> Result<MatrixLock, LockError> {
    // Lock the file, not the name: `alias.toml -> m.toml` opened in a
    // second workbench must meet the first one's lock.
    let canonical = matrix.canonicalize();
    let path = lock_path(canonical.as_deref().unwrap_or(matrix));
    let io = |source| LockError::Io {
        path: path.clone(),
        source,
    };
    // Never through a link: a `m.toml.lock -> ~/.bashrc` would otherwise
    // be truncated and overwritten with the holder line.
    let mut file = fsio::open_lock_file(&path).map_err(io)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            let holder = holder.trim();
            return Err(LockError::Held {
                holder: if holder.is_empty() {
                    "unknown".to_owned()
                } else {
                    holder.to_owned()
                },
            });
        }
        Err(TryLockError::Error(error)) => return Err(io(error)),
    }
    file.set_len(0).map_err(io)?;
    file.rewind().map_err(io)?;
    file.write_all(holder.as_bytes()).map_err(io)?;
    Ok(MatrixLock { file, path })
}

impl Drop for MatrixLock {
    fn drop(&mut self) {
        // Remove the file first, then unlock: a workbench waiting on the
        // old file then finds it gone and creates a fresh one.
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_second_locker_is_told_who_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let matrix = dir.path().join("m.toml");
        let first = lock_matrix(&matrix, "pid 1 since 09:00").unwrap();
        match lock_matrix(&matrix, "pid 2") {
            Err(LockError::Held { holder }) => assert_eq!(holder, "pid 1 since 09:00"),
            other => panic!("expected Held, got {other:?}"),
        }
        drop(first);
        assert!(!lock_path(&matrix).exists());
        let _again = lock_matrix(&matrix, "pid 2").unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_second_name_for_the_same_file_meets_the_same_lock() {
        let dir = tempfile::tempdir().unwrap();
        let matrix = dir.path().join("m.toml");
        std::fs::write(&matrix, "").unwrap();
        let alias = dir.path().join("alias.toml");
        std::os::unix::fs::symlink("m.toml", &alias).unwrap();
        let _first = lock_matrix(&matrix, "pid 1").unwrap();
        assert!(matches!(
            lock_matrix(&alias, "pid 2"),
            Err(LockError::Held { .. })
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_symlink_never_truncates_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("bashrc");
        std::fs::write(&victim, "export PATH").unwrap();
        let matrix = dir.path().join("m.toml");
        std::fs::write(&matrix, "").unwrap();
        std::os::unix::fs::symlink(&victim, lock_path(&matrix)).unwrap();
        let error = lock_matrix(&matrix, "pid 1").unwrap_err();
        assert!(error.to_string().contains("symbolic link"), "{error}");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "export PATH");
    }
}
