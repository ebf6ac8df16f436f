//! Opening workspace files for reading: regular files only, checked on the
//! opened handle, and never blocking on a FIFO.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

use super::{Refusal, kind_of};

/// Opens `path` for reading if it is a regular file. Symbolic links are
/// followed here (confinement to the workspace is the caller's check, on
/// the resolved path); the type is checked on the opened handle, so a file
/// swapped after a check cannot slip through. `O_NONBLOCK` makes opening a
/// FIFO return at once instead of waiting for a writer; it has no effect
/// on reading a regular file. `O_NOCTTY` keeps a terminal device from
/// becoming the process's controlling terminal.
pub fn open_regular(path: &Path) -> io::Result<File> {
    let file = open_nonblocking(path)?;
    let metadata = file.metadata()?; // fstat on the handle
    if !metadata.is_file() {
        return Err(Refusal::NotRegular(kind_of(metadata.file_type())).into());
    }
    Ok(file)
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// The whole of the regular file at `path`.
pub fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    let mut file = open_regular(path)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The whole of the regular file at `path`, as UTF-8.
pub fn read_regular_to_string(path: &Path) -> io::Result<String> {
    let bytes = read_regular(path)?;
    String::from_utf8(bytes).map_err(|error| io::Error::new(io::ErrorKind::InvalidData, error))
}

/// What a bounded read found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RangeRead {
    /// The bytes at `start..end`.
    Bytes(Vec<u8>),
    /// The file is shorter than `end` (its length).
    TooShort(u64),
}

/// Reads only the bytes `start..end` of the regular file at `path`: a
/// passage into a sparse 4 GiB document costs its own length, not the
/// document's.
pub fn read_range(path: &Path, start: usize, end: usize) -> io::Result<RangeRead> {
    let mut file = open_regular(path)?;
    let length = file.metadata()?.len();
    if start > end || end as u64 > length {
        return Ok(RangeRead::TooShort(length));
    }
    file.seek(SeekFrom::Start(start as u64))?;
    let mut bytes = Vec::with_capacity(end - start);
    file.take((end - start) as u64).read_to_end(&mut bytes)?;
    if bytes.len() < end - start {
        // The file shrank between fstat and read.
        return Ok(RangeRead::TooShort(start as u64 + bytes.len() as u64));
    }
    Ok(RangeRead::Bytes(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_regular_file_and_refuses_a_directory() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "hello").unwrap();
        assert_eq!(read_regular(&file).unwrap(), b"hello");
        let error = read_regular(dir.path()).unwrap_err();
        assert!(error.to_string().contains("a directory"), "{error}");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_at_once_not_waited_on() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        // Without O_NONBLOCK this open waits for a writer forever.
        let error = read_regular(&fifo).unwrap_err();
        assert!(error.to_string().contains("a named pipe"), "{error}");
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink("pipe.txt", &link).unwrap();
        assert!(read_range(&link, 0, 1).is_err());
    }

    #[test]
    fn a_range_read_takes_only_its_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "one two three").unwrap();
        assert_eq!(
            read_range(&file, 4, 7).unwrap(),
            RangeRead::Bytes(b"two".to_vec())
        );
        assert_eq!(read_range(&file, 4, 99).unwrap(), RangeRead::TooShort(13));
    }

    #[test]
    fn a_range_read_of_a_sparse_4_gib_file_reads_only_the_range() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("huge.txt");
        let handle = File::create(&file).unwrap();
        handle.set_len(4 << 30).unwrap(); // sparse: no blocks on disk
        drop(handle);
        let start = (4usize << 30) - 10;
        // Reading the whole file would need 4 GiB of memory; the range
        // read allocates 5 bytes.
        assert_eq!(
            read_range(&file, start, start + 5).unwrap(),
            RangeRead::Bytes(vec![0; 5])
        );
    }
}
