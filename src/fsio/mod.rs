//! The one way the product touches a workspace's files. A workspace is
//! often someone else's (a cloned repository, an unpacked archive), so it
//! is treated as hostile:
//!
//! - Reading opens the path without blocking and checks the type on the
//!   opened handle (`fstat`), never the path before it: only regular files
//!   are read, so a FIFO, a device or a directory is refused, not waited on.
//! - Writing the product's own files (matrices, `.bak`, `.orig`,
//!   `.recovery`, the lock, exports) never follows a symbolic link: new
//!   bytes go to a freshly created temporary file that is renamed into
//!   place, and an existing link where one of those files belongs is
//!   refused with a message naming it.
//! - A passage check reads only the bytes it compares (`start..end`).
//! - A file's stamp (its `lstat` metadata) tells a save that the matrix
//!   file is untouched since the workbench last read or wrote it.

mod read;
mod stamp;
mod write;

pub use read::{RangeRead, open_regular, read_range, read_regular, read_regular_to_string};
pub use stamp::{FileStamp, stamp, untouched_since};
pub use write::{not_a_link, open_lock_file};

/// Why a file was refused before anything was read from or written to it.
/// Carried inside an [`std::io::Error`] so every caller's existing error
/// path reports it with the file's name.
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    /// Not a regular file: a FIFO, a device, a socket or a directory.
    #[error("not a regular file ({0}); only regular files are read")]
    NotRegular(&'static str),
    /// A symbolic link where the workbench writes one of its own files.
    #[error("{} is a symbolic link; the workbench never writes through one (remove it or save elsewhere)", .0.display())]
    Link(std::path::PathBuf),
}

impl From<Refusal> for std::io::Error {
    fn from(refusal: Refusal) -> Self {
        std::io::Error::new(std::io::ErrorKind::InvalidInput, refusal)
    }
}

/// What kind of non-regular file `file_type` is, in the analyst's words.
pub(crate) fn kind_of(file_type: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return "a device";
        }
    }
    if file_type.is_dir() {
        "a directory"
    } else if file_type.is_symlink() {
        "a symbolic link"
    } else {
        "not a file"
    }
}
