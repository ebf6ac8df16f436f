//! Writing the product's own files without ever following a symbolic link.

use std::fs::File;
use std::io;
use std::path::Path;

use super::{Refusal, kind_of};

/// Checks that nothing at `path` is a symbolic link or anything but a
/// regular file, before the workbench replaces it or keeps a copy of it
/// there. A missing file is fine. (The replacement itself is a rename of a
/// new file, which replaces a link swapped in meanwhile instead of writing
/// through it, so this check is the clear message, not the only guard.)
pub fn not_a_link(path: &Path) -> io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(metadata) if metadata.file_type().is_symlink() => {
            Err(Refusal::Link(path.to_owned()).into())
        }
        Ok(metadata) if !metadata.is_file() => {
            Err(Refusal::NotRegular(kind_of(metadata.file_type())).into())
        }
        Ok(_) => Ok(()),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(error),
    }
}

/// Opens (creating it if needed) the lock file at `path` for reading and
/// writing, without following a symbolic link (`O_NOFOLLOW`: a link there
/// fails instead of truncating whatever it points to) and without blocking
/// on a FIFO; only a regular file is accepted, checked on the handle.
pub fn open_lock_file(path: &Path) -> io::Result<File> {
    let file = open_no_follow(path).map_err(|error| {
        if is_link_error(&error) {
            Refusal::Link(path.to_owned()).into()
        } else {
            error
        }
    })?;
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(Refusal::NotRegular(kind_of(metadata.file_type())).into());
    }
    Ok(file)
}

#[cfg(unix)]
fn open_no_follow(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o644)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_no_follow(path: &Path) -> io::Result<File> {
    not_a_link(path)?;
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
}

/// `O_NOFOLLOW` on a link fails with `ELOOP` (Linux, BSD) or `EMLINK`
/// (FreeBSD's older kernels).
fn is_link_error(error: &io::Error) -> bool {
    #[cfg(unix)]
    {
        matches!(error.raw_os_error(), Some(libc::ELOOP | libc::EMLINK))
    }
    #[cfg(not(unix))]
    {
        let _ = error;
        false
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_lock_symlink_is_refused_and_its_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "precious").unwrap();
        let lock = dir.path().join("m.toml.lock");
        std::os::unix::fs::symlink(&victim, &lock).unwrap();
        let error = open_lock_file(&lock).unwrap_err();
        assert!(error.to_string().contains("symbolic link"), "{error}");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        assert!(not_a_link(&lock).is_err());
        assert!(not_a_link(&dir.path().join("missing")).is_ok());
    }
}
