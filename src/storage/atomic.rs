//! Writing files so that a crash or a full disk never leaves half a file.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use super::SaveError;

/// Replaces `path` with `contents` atomically: the bytes go to a temporary
/// file in the same directory, which is flushed to disk and renamed over
/// `path`; the directory is then flushed so the rename itself survives a
/// power cut. The previous file, if any, is kept as `PATH.bak`. On any
/// error the file at `path` is left exactly as it was.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<(), SaveError> {
    let io = |source| SaveError::Io {
        path: path.to_owned(),
        source,
    };
    let temporary = write_temporary(path, contents).map_err(io)?;
    if let Ok(previous) = fs::metadata(path) {
        // Keep the user's permissions, not the temporary file's 0600.
        fs::set_permissions(temporary.path(), previous.permissions()).map_err(io)?;
        fs::copy(path, backup_path(path)).map_err(io)?;
    }
    temporary.persist(path).map_err(|error| io(error.error))?;
    sync_directory(path);
    Ok(())
}

/// Writes `contents` to `path` only if nothing is there yet, atomically:
/// a second writer, or an existing file, makes this fail with
/// [`SaveError::AlreadyExists`] and changes nothing.
pub fn create_new(path: &Path, contents: &[u8]) -> Result<(), SaveError> {
    let io = |source| SaveError::Io {
        path: path.to_owned(),
        source,
    };
    if path.exists() {
        return Err(SaveError::AlreadyExists {
            path: path.to_owned(),
        });
    }
    let temporary = write_temporary(path, contents).map_err(io)?;
    make_readable(temporary.path()).map_err(io)?;
    temporary.persist_noclobber(path).map_err(|error| {
        if error.error.kind() == std::io::ErrorKind::AlreadyExists {
            SaveError::AlreadyExists {
                path: path.to_owned(),
            }
        } else {
            io(error.error)
        }
    })?;
    sync_directory(path);
    Ok(())
}

/// Where the previous version of `path` is kept: `PATH.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

fn write_temporary(path: &Path, contents: &[u8]) -> std::io::Result<NamedTempFile> {
    let directory = parent_directory(path);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut temporary = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(directory)?;
    temporary.write_all(contents)?;
    temporary.as_file().sync_all()?;
    Ok(temporary)
}

fn parent_directory(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

#[cfg(unix)]
fn make_readable(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn make_readable(_path: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Flushes the directory entry of `path`. Best effort: some platforms and
/// file systems cannot open a directory for syncing, and the data itself is
/// already on disk by then.
fn sync_directory(path: &Path) {
    if let Ok(directory) = File::open(parent_directory(path)) {
        let _ = directory.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_keeps_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.toml");
        fs::write(&path, "old").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), "old");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .filter(|name| name.to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn create_new_refuses_to_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.toml");
        create_new(&path, b"first").unwrap();
        let error = create_new(&path, b"second").unwrap_err();
        assert!(matches!(error, SaveError::AlreadyExists { .. }));
        assert_eq!(fs::read_to_string(&path).unwrap(), "first");
    }

    #[test]
    fn a_failed_save_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-dir").join("m.toml");
        assert!(write_atomically(&path, b"new").is_err());
        assert!(!path.exists());
    }
}
