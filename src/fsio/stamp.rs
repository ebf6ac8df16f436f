//! A file's metadata as the workbench last saw it, so a save can tell that
//! the matrix file is untouched without reading it back.

use std::fs::Metadata;
use std::path::Path;

/// What `lstat` says of a regular file: its length, when its contents and
/// its inode last changed (to the nanosecond), and which file it is. Any
/// write to the file changes its ctime, even one that keeps its length and
/// puts its mtime back (`touch -m -d`); a file replaced by a rename is
/// another inode. Unix only: elsewhere there is no stamp, and a save always
/// reads the file back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    len: u64,
    modified: (i64, i64),
    changed: (i64, i64),
    inode: u64,
    device: u64,
}

impl FileStamp {
    /// The stamp of `metadata`, or `None` unless it is a regular file's
    /// (a symbolic link's own metadata says nothing of its target).
    #[cfg(unix)]
    pub fn of(metadata: &Metadata) -> Option<Self> {
        use std::os::unix::fs::MetadataExt;
        metadata.is_file().then(|| FileStamp {
            len: metadata.size(),
            modified: (metadata.mtime(), metadata.mtime_nsec()),
            changed: (metadata.ctime(), metadata.ctime_nsec()),
            inode: metadata.ino(),
            device: metadata.dev(),
        })
    }

    #[cfg(not(unix))]
    pub fn of(_metadata: &Metadata) -> Option<Self> {
        None
    }
}

/// The stamp of whatever is at `path` itself, never following a symbolic
/// link; `None` when there is no regular file there or it cannot be told.
pub fn stamp(path: &Path) -> Option<FileStamp> {
    std::fs::symlink_metadata(path)
        .ok()
        .and_then(|metadata| FileStamp::of(&metadata))
}

/// Whether the file is exactly as it was when `recorded` was taken, as far
/// as its metadata can tell: both stamps known and equal in every part. An
/// unknown stamp on either side is "maybe changed", so the caller does the
/// full check.
pub fn untouched_since(recorded: Option<FileStamp>, current: Option<FileStamp>) -> bool {
    matches!((recorded, current), (Some(recorded), Some(current)) if recorded == current)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> FileStamp {
        FileStamp {
            len: 5_200_000,
            modified: (1_796_000_000, 123),
            changed: (1_796_000_000, 456),
            inode: 42,
            device: 7,
        }
    }

    #[test]
    fn the_same_stamp_is_untouched() {
        assert!(untouched_since(Some(sample()), Some(sample())));
    }

    #[test]
    fn any_part_that_differs_means_maybe_changed() {
        let changes: [fn(&mut FileStamp); 6] = [
            |s| s.len += 1,
            |s| s.modified.1 += 1,
            |s| s.modified.0 += 1,
            |s| s.changed.1 += 1,
            |s| s.inode += 1,
            |s| s.device += 1,
        ];
        for change in changes {
            let mut current = sample();
            change(&mut current);
            assert!(
                !untouched_since(Some(sample()), Some(current)),
                "{current:?}"
            );
        }
    }

    #[test]
    fn an_unknown_stamp_means_maybe_changed() {
        assert!(!untouched_since(None, Some(sample())));
        assert!(!untouched_since(Some(sample()), None));
        assert!(!untouched_since(None, None));
    }

    #[cfg(unix)]
    #[test]
    fn a_rewrite_of_the_same_length_changes_the_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("m.toml");
        std::fs::write(&file, "title = \"No attack\"").unwrap();
        let before = stamp(&file);
        assert!(before.is_some());
        assert!(untouched_since(before, stamp(&file)));
        std::fs::write(&file, "title = \"No Attack\"").unwrap();
        assert!(!untouched_since(before, stamp(&file)));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_or_a_missing_file_has_no_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("m.toml");
        std::fs::write(&file, "x").unwrap();
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        assert_eq!(stamp(&link), None);
        assert_eq!(stamp(&dir.path().join("missing.toml")), None);
        assert_eq!(stamp(dir.path()), None);
    }
}
