//! An advisory lock per matrix, so a second workbench opening the same
//! file is warned instead of silently racing the first one's saves.
//!
//! The lock is `MATRIX.toml.lock`, held with the operating system's file
//! lock for as long as the matrix is open; the system drops it when the
//! process ends, however it ends, so a crash never leaves a stale lock.
//! The file holds who took it, for the warning.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::atomic::sibling;

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
    let path = lock_path(matrix);
    let io = |source| LockError::Io {
        path: path.clone(),
        source,
    };
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(io)?;
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
}
