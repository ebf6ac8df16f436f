//! Writing files so that a crash, a full disk or a refused permission never
//! leaves half a file: the old file stays whole until the new one is
//! complete on disk.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use super::SaveError;
use crate::fsio;

/// Replaces `path` with `contents` atomically and keeps the previous file
/// as `PATH.bak`. The bytes go to a temporary file in the same directory,
/// which is flushed to disk and renamed over `path`; the directory is then
/// flushed so the rename itself survives a power cut. On any error the file
/// at `path` is left exactly as it was and the temporary file is removed.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<(), SaveError> {
    replace(path, contents, Backup::Keep)
}

/// Like [`write_atomically`], without a `.bak` (for files the workbench
/// owns, such as recovery files).
pub fn write_atomically_without_backup(path: &Path, contents: &[u8]) -> Result<(), SaveError> {
    replace(path, contents, Backup::Skip)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Backup {
    Keep,
    Skip,
}

fn replace(path: &Path, contents: &[u8], backup: Backup) -> Result<(), SaveError> {
    let io = |source| SaveError::Io {
        path: path.to_owned(),
        source,
    };
    // A link where the output goes would have its target copied into the
    // .bak (and the analyst would think they wrote the target): refuse.
    fsio::not_a_link(path).map_err(io)?;
    if backup == Backup::Keep {
        fsio::not_a_link(&backup_path(path)).map_err(io)?;
    }
    let temporary = write_temporary(path, contents).map_err(io)?;
    if let Ok(previous) = fs::symlink_metadata(path) {
        // Keep the user's permissions, not the temporary file's 0600.
        fs::set_permissions(temporary.path(), previous.permissions()).map_err(io)?;
        if backup == Backup::Keep {
            keep_backup(path).map_err(io)?;
        }
    } else {
        make_readable(temporary.path()).map_err(io)?;
    }
    step(Step::Rename).map_err(io)?;
    temporary.persist(path).map_err(|error| io(error.error))?;
    sync_directory(path);
    Ok(())
}

/// Makes the file at `path` the new `PATH.bak`. The old backup stays
/// whole until the new one is complete, and the final rename replaces a
/// link at `PATH.bak` rather than writing through it.
fn keep_backup(path: &Path) -> io::Result<()> {
    let backup = backup_path(path);
    step(Step::Backup)?;
    // The file about to be replaced is the backup: a second name for it
    // costs nothing, where a copy of a large matrix took as long as the
    // save itself. Nothing ever writes into it again, because a save
    // renames a new file over `path`.
    link_as_backup(path, &backup).or_else(|_| {
        // File systems without hard links (FAT, some network mounts).
        copy_as_backup(path, &backup)
    })
}

/// A hard link to `path` under a temporary name beside `backup`, renamed
/// over it.
fn link_as_backup(path: &Path, backup: &Path) -> io::Result<()> {
    if !fs::symlink_metadata(path)?.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    step(Step::Link)?;
    let name = backup.file_name().unwrap_or_default().to_string_lossy();
    let link = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .make_in(parent_directory(backup), |candidate| {
            fs::hard_link(path, candidate)
        })?;
    link.persist(backup).map_err(|error| error.error)?;
    Ok(())
}

/// Copies the file at `path` to a new temporary file beside `backup`,
/// flushed to disk, and renames it over the old backup, so a full disk
/// mid-copy keeps the old backup.
fn copy_as_backup(path: &Path, backup: &Path) -> io::Result<()> {
    let mut previous = fsio::open_regular(path)?;
    let mut temporary = new_temporary(backup)?;
    let mut chunk = [0u8; 64 * 1024];
    loop {
        let read = previous.read(&mut chunk)?;
        if read == 0 {
            break;
        }
        temporary.write_all(&chunk[..read])?;
        step(Step::BackupWrite)?;
    }
    temporary.as_file().sync_all()?;
    fs::set_permissions(temporary.path(), previous.metadata()?.permissions())?;
    temporary.persist(backup).map_err(|error| error.error)?;
    Ok(())
}

/// Keeps the file at `path` as `PATH.orig` if nothing is there yet: the
/// analyst's commented original, which a save in the workbench's own
/// layout drops. Kept until the analyst removes it, whatever later saves do
/// to `PATH.bak`.
pub fn keep_original(path: &Path) -> Result<(), SaveError> {
    let original = original_path(path);
    let io = |source| SaveError::Io {
        path: original.clone(),
        source,
    };
    if fs::symlink_metadata(&original).is_ok() {
        fsio::not_a_link(&original).map_err(io)?;
        return Ok(());
    }
    let bytes = fsio::read_regular(path).map_err(io)?;
    match create_new(&original, &bytes) {
        Err(SaveError::AlreadyExists { .. }) => Ok(()),
        other => other,
    }
}

/// Where the commented original of `path` is kept: `PATH.orig`.
pub fn original_path(path: &Path) -> PathBuf {
    sibling(path, ".orig")
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
        if error.error.kind() == io::ErrorKind::AlreadyExists {
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
    sibling(path, ".bak")
}

/// `path` with `suffix` added to its file name.
pub(super) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn write_temporary(path: &Path, contents: &[u8]) -> io::Result<NamedTempFile> {
    step(Step::Create)?;
    let mut temporary = new_temporary(path)?;
    step(Step::Write)?;
    temporary.write_all(contents)?;
    step(Step::Sync)?;
    temporary.as_file().sync_all()?;
    Ok(temporary)
}

/// A new file beside `path`, created with `O_EXCL` (never an existing
/// file or link) and removed again if it is dropped before being renamed.
fn new_temporary(path: &Path) -> io::Result<NamedTempFile> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(parent_directory(path))
}

fn parent_directory(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

#[cfg(unix)]
fn make_readable(path: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn make_readable(_path: &Path) -> io::Result<()> {
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

/// The steps of a save where the disk can refuse. Tests make each one fail
/// in turn (a full disk, a refused permission) to prove the old file
/// survives every one of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Create,
    Write,
    Sync,
    Backup,
    /// The hard link that makes the old file the new `.bak`.
    Link,
    /// After each chunk of the copy into the new `.bak`, where no hard
    /// link can be made.
    BackupWrite,
    Rename,
}

#[cfg(not(test))]
fn step(_step: Step) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
fn step(step: Step) -> io::Result<()> {
    tests::injected(step)
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;

    thread_local! {
        /// The steps that fail, and how.
        static FAIL: RefCell<Vec<(Step, io::ErrorKind)>> = const { RefCell::new(Vec::new()) };
    }

    pub(super) fn injected(step: Step) -> io::Result<()> {
        FAIL.with_borrow(|failing| match failing.iter().find(|(at, _)| *at == step) {
            Some(&(_, kind)) => Err(io::Error::new(kind, "injected")),
            None => Ok(()),
        })
    }

    fn fail_at(steps: &[(Step, io::ErrorKind)]) {
        FAIL.set(steps.to_vec());
    }

    fn temporary_files(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".tmp"))
            .collect()
    }

    #[test]
    fn replaces_the_file_and_keeps_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.toml");
        fs::write(&path, "old").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), "old");
        assert!(temporary_files(dir.path()).is_empty());
    }

    #[test]
    fn every_failing_step_leaves_the_old_file_whole() {
        for step in [
            Step::Create,
            Step::Write,
            Step::Sync,
            Step::Backup,
            Step::BackupWrite,
            Step::Rename,
        ] {
            for kind in [io::ErrorKind::StorageFull, io::ErrorKind::PermissionDenied] {
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("m.toml");
                fs::write(&path, "days of work").unwrap();
                // The copy is only made where no hard link can be.
                if step == Step::BackupWrite {
                    fail_at(&[(Step::Link, kind), (step, kind)]);
                } else {
                    fail_at(&[(step, kind)]);
                }
                let result = write_atomically(&path, b"new");
                fail_at(&[]);
                let error = result.expect_err("the injected failure is reported");
                assert!(error.to_string().contains("cannot save"), "{error}");
                assert_eq!(
                    fs::read_to_string(&path).unwrap(),
                    "days of work",
                    "{step:?}"
                );
                assert!(
                    temporary_files(dir.path()).is_empty(),
                    "{step:?} left a temp file"
                );
            }
        }
    }

    #[cfg(unix)]
    #[test]
    fn the_backup_is_the_replaced_file_itself_not_a_copy() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.toml");
        fs::write(&path, "old").unwrap();
        let old = fs::metadata(&path).unwrap().ino();
        write_atomically(&path, b"new").unwrap();
        let backup = fs::metadata(backup_path(&path)).unwrap();
        assert_eq!(backup.ino(), old);
        assert_eq!(backup.nlink(), 1, "the file is no longer also the matrix");
        assert_ne!(fs::metadata(&path).unwrap().ino(), old);
        assert!(temporary_files(dir.path()).is_empty());
    }

    #[test]
    fn without_hard_links_the_backup_is_a_copy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.toml");
        fs::write(&path, "old").unwrap();
        fs::write(backup_path(&path), "older").unwrap();
        fail_at(&[(Step::Link, io::ErrorKind::Unsupported)]);
        let result = write_atomically(&path, b"new");
        fail_at(&[]);
        result.unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), "old");
        assert!(temporary_files(dir.path()).is_empty());
    }

    #[test]
    fn recovery_style_writes_keep_no_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r");
        fs::write(&path, "old").unwrap();
        write_atomically_without_backup(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert!(!backup_path(&path).exists());
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
    fn a_missing_directory_fails_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-dir").join("m.toml");
        assert!(write_atomically(&path, b"new").is_err());
        assert!(!path.exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_readable_by_others_and_an_old_one_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.toml");
        write_atomically(&path, b"first").unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o644
        );
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        write_atomically(&path, b"second").unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    #[test]
    fn a_full_disk_while_copying_the_backup_keeps_the_old_backup_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.toml");
        fs::write(&path, "version two").unwrap();
        fs::write(backup_path(&path), "version one, the last good copy").unwrap();
        fail_at(&[
            (Step::Link, io::ErrorKind::Unsupported),
            (Step::BackupWrite, io::ErrorKind::StorageFull),
        ]);
        let result = write_atomically(&path, b"version three");
        fail_at(&[]);
        assert!(result.is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "version two");
        assert_eq!(
            fs::read_to_string(backup_path(&path)).unwrap(),
            "version one, the last good copy"
        );
        assert!(temporary_files(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_backup_or_output_is_refused_and_its_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "precious").unwrap();
        let path = dir.path().join("m.toml");
        fs::write(&path, "old").unwrap();
        std::os::unix::fs::symlink(&victim, backup_path(&path)).unwrap();
        let error = write_atomically(&path, b"new").unwrap_err();
        assert!(error.to_string().contains("symbolic link"), "{error}");
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");

        let output = dir.path().join("m.html");
        std::os::unix::fs::symlink(&victim, &output).unwrap();
        let error = write_atomically(&output, b"<html>").unwrap_err();
        assert!(error.to_string().contains("symbolic link"), "{error}");
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        assert!(!backup_path(&output).exists());
    }

    #[test]
    fn the_original_is_kept_once_and_survives_later_saves() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.toml");
        fs::write(&path, "# commented original").unwrap();
        keep_original(&path).unwrap();
        write_atomically(&path, b"second").unwrap();
        keep_original(&path).unwrap();
        write_atomically(&path, b"third").unwrap();
        assert_eq!(
            fs::read_to_string(original_path(&path)).unwrap(),
            "# commented original"
        );
        assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), "second");
    }
}
