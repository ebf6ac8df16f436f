//! Carrying out effects: the only place the workbench touches files (and
//! reads the clock for what it writes into them).

use std::path::Path;
use std::sync::Arc;

use super::msg::{
    Effect, ExportFailure, Imported, LoadedMatrix, Msg, SaveFailure, SaveMode, SavedFile,
};
use crate::document::load_document;
use crate::export::ExportContext;
use crate::storage::{
    LoadError, LockError, SaveError, create_new, fingerprint, has_comments, keep_original,
    lock_matrix, matrix_from_bytes, read_recovery, remove_recovery, write_atomically,
    write_recovery,
};
use crate::workspace::{Workspace, scan_library};

/// Imports the library file at `source` (a workspace path) as `ach import`
/// does: a PARC ACH project into `hypotheses/`, anything else into `seeds/`.
fn import(workspace: &Workspace, source: &str) -> Result<Imported, String> {
    let file = workspace.root().join(source);
    if crate::import::is_parc_project(&file) {
        let project =
            crate::import::import_project(workspace, &file, None).map_err(|e| e.to_string())?;
        // Named as the library lists it.
        let made = crate::workspace::listed_path(workspace, &project.matrix)
            .unwrap_or_else(|| project.matrix.display().to_string());
        return Ok(Imported {
            made,
            lost: project.lost,
        });
    }
    let today = chrono::Local::now().date_naive();
    let document =
        crate::import::import_file(workspace, &file, today).map_err(|e| e.to_string())?;
    Ok(Imported {
        made: document.document,
        lost: Vec::new(),
    })
}

/// Performs `effect` and returns the message reporting its result.
pub fn perform(effect: Effect, workspace: &Workspace) -> Msg {
    match effect {
        Effect::Save {
            path,
            contents,
            mode,
            then,
        } => {
            let result = save(&path, contents.as_bytes(), mode);
            Msg::Saved { path, result, then }
        }
        Effect::LoadDocument(path) => {
            let result = load_document(workspace, &path).map_err(|e| e.to_string());
            Msg::DocumentLoaded { path, result }
        }
        Effect::LoadMatrix(path) => {
            let result = load_for_editing(&path).map(Box::new);
            Msg::MatrixLoaded { path, result }
        }
        Effect::CreateMatrix { path, contents } => {
            let result = path
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .map_err(|e| ExportFailure::Io(e.to_string()))
                .and_then(|()| {
                    create_new(&path, contents.as_bytes()).map_err(|error| match error {
                        SaveError::AlreadyExists { .. } => ExportFailure::Exists,
                        other => ExportFailure::Io(other.to_string()),
                    })
                });
            Msg::MatrixCreated { path, result }
        }
        Effect::ScanLibrary => Msg::LibraryScanned(scan_library(workspace)),
        Effect::Import(source) => Msg::Imported {
            result: import(workspace, &source),
            source,
        },
        Effect::CompleteLibrary(mut library) => {
            library.complete(workspace);
            Msg::LibraryScanned(*library)
        }
        Effect::WriteRecovery { .. } | Effect::RemoveRecovery(_) => {
            perform_recovery(effect).expect("a recovery effect")
        }
        Effect::Export {
            matrix,
            format,
            path,
            generated,
            overwrite,
        } => {
            let context = ExportContext::new(generated).with_workspace(workspace);
            let result = format
                .render(&matrix, &context)
                .map_err(ExportFailure::Io)
                .and_then(|rendered| {
                    let written = if overwrite {
                        write_atomically(&path, &rendered.bytes)
                            .map_err(|e| ExportFailure::Io(e.to_string()))
                    } else {
                        create_new(&path, &rendered.bytes).map_err(|error| match error {
                            SaveError::AlreadyExists { .. } => ExportFailure::Exists,
                            other => ExportFailure::Io(other.to_string()),
                        })
                    };
                    written.map(|()| rendered.lost)
                });
            Msg::Exported {
                format,
                path,
                result,
            }
        }
        Effect::LocatePassage(passage) => {
            let line = crate::export::quote_line(workspace, &passage);
            Msg::PassageLocated { passage, line }
        }
    }
}

/// Carries out a recovery-file effect (`None` for any other effect): the
/// part of [`perform`] the event loop's background writer runs.
pub fn perform_recovery(effect: Effect) -> Option<Msg> {
    match effect {
        Effect::WriteRecovery {
            path,
            revision,
            recovery,
        } => {
            let result = write_recovery(&path, &recovery).map_err(|e| e.to_string());
            Some(Msg::RecoveryKept {
                path,
                revision,
                result,
            })
        }
        Effect::RemoveRecovery(path) => Some(Msg::RecoveryWritten(
            remove_recovery(&path).map_err(|e| e.to_string()),
        )),
        _ => None,
    }
}

/// Reads the matrix at `path` for editing: its bytes (and their
/// fingerprint), the advisory lock, and any recovery file beside it.
pub fn load_for_editing(path: &Path) -> Result<LoadedMatrix, LoadError> {
    // Taken before the bytes are read: a change made while reading then
    // shows as a different stamp, so the next save reads the file back.
    let stamp = crate::fsio::stamp(path);
    let bytes = crate::fsio::read_regular(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    let matrix = matrix_from_bytes(&bytes).map_err(|diagnostics| LoadError::Invalid {
        path: path.to_owned(),
        diagnostics,
    })?;
    let lock = match lock_matrix(path, &holder()) {
        Ok(lock) => Ok(Arc::new(lock)),
        Err(LockError::Held { holder }) => Err(holder),
        // A lock that cannot be taken at all (a read-only directory, say)
        // must not keep the analyst from their matrix.
        // A symbolic link there is refused, and said so.
        Err(LockError::Io { source, .. }) => {
            Err(format!("the lock file cannot be written: {source}"))
        }
    };
    let (recovery, recovery_error) = match read_recovery(path) {
        Ok(recovery) => (recovery, None),
        Err(error) => (None, Some(error.to_string())),
    };
    Ok(LoadedMatrix {
        matrix,
        fingerprint: fingerprint(&bytes),
        has_comments: has_comments(&String::from_utf8_lossy(&bytes)),
        stamp,
        lock,
        recovery,
        recovery_error,
    })
}

/// Keeps the analyst's commented original as `PATH.orig` before the first
/// save that drops its comments, as the save prompt promises; later saves
/// rotate `PATH.bak` but never touch it.
fn keep_commented_original(path: &Path, current: Option<&[u8]>) -> Result<(), SaveError> {
    match current {
        // Checked as text without the lossy copy when it is UTF-8, which it
        // almost always is: the copy cost a large matrix's save 7 ms.
        Some(bytes) if comments_in(bytes) => keep_original(path),
        _ => Ok(()),
    }
}

/// Whether the bytes of a matrix file hold a TOML comment.
fn comments_in(bytes: &[u8]) -> bool {
    // No `#` at all, no comment: most files, found without checking the
    // bytes as text first.
    if memchr::memchr(b'#', bytes).is_none() {
        return false;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => has_comments(text),
        Err(_) => has_comments(&String::from_utf8_lossy(bytes)),
    }
}

/// Who holds a lock, as the other workbench will be told.
fn holder() -> String {
    format!(
        "pid {} since {}",
        std::process::id(),
        chrono::Local::now().format("%Y-%m-%d %H:%M")
    )
}

fn save(path: &Path, contents: &[u8], mode: SaveMode) -> Result<SavedFile, SaveFailure> {
    let io = |error: SaveError| SaveFailure::Io(error.to_string());
    let mut lock = None;
    match mode {
        SaveMode::Checked { expected, known } => {
            match known {
                // Untouched since the last load or save: reading it back
                // (most of a big matrix's save) would only confirm it.
                Some(known)
                    if crate::fsio::untouched_since(
                        Some(known.stamp),
                        crate::fsio::stamp(path),
                    ) =>
                {
                    if known.has_comments {
                        keep_original(path).map_err(io)?;
                    }
                }
                _ => {
                    let current = crate::fsio::read_regular(path).ok();
                    // A file that disappeared is written again; one that
                    // changed is not overwritten without asking.
                    if current.is_some() && current.as_deref().map(fingerprint) != expected {
                        return Err(SaveFailure::ChangedOnDisk);
                    }
                    keep_commented_original(path, current.as_deref()).map_err(io)?;
                }
            }
            write_atomically(path, contents).map_err(io)?;
        }
        SaveMode::Overwrite => {
            let current = crate::fsio::read_regular(path).ok();
            keep_commented_original(path, current.as_deref()).map_err(io)?;
            write_atomically(path, contents).map_err(io)?;
        }
        SaveMode::SaveAs => {
            create_new(path, contents).map_err(|error| match error {
                SaveError::AlreadyExists { .. } => SaveFailure::Exists,
                other => io(other),
            })?;
            lock = Some(
                lock_matrix(path, &holder())
                    .map(Arc::new)
                    .map_err(|e| e.to_string()),
            );
        }
    }
    Ok(SavedFile {
        fingerprint: fingerprint(contents),
        // Taken at once: a change after it is a different stamp.
        stamp: crate::fsio::stamp(path),
        lock,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::msg::KnownOnDisk;

    fn checked(expected: &[u8], path: &Path, has_comments: bool) -> SaveMode {
        SaveMode::Checked {
            expected: Some(fingerprint(expected)),
            known: crate::fsio::stamp(path).map(|stamp| KnownOnDisk {
                stamp,
                has_comments,
            }),
        }
    }

    #[test]
    fn an_untouched_file_is_not_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.toml");
        std::fs::write(&path, "schema = 1\n").unwrap();
        // The fingerprint given is not the file's: only a save that trusts
        // the unchanged stamp and skips the read-back goes through.
        let saved = save(
            &path,
            b"schema = 1\n# new\n",
            checked(b"other", &path, false),
        )
        .expect("saved without reading the file back");
        assert_eq!(std::fs::read(&path).unwrap(), b"schema = 1\n# new\n");
        assert_eq!(saved.stamp, crate::fsio::stamp(&path));
        assert!(!original_path_exists(&path), "no comments known: no .orig");
    }

    #[test]
    fn an_untouched_commented_file_is_still_kept_as_orig() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.toml");
        std::fs::write(&path, "# ours\nschema = 1\n").unwrap();
        save(&path, b"schema = 1\n", checked(b"other", &path, true)).unwrap();
        let original = crate::storage::original_path(&path);
        assert_eq!(std::fs::read(original).unwrap(), b"# ours\nschema = 1\n");
    }

    #[test]
    fn a_rewrite_of_the_same_length_is_read_back_and_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.toml");
        std::fs::write(&path, "title = \"No attack\"\n").unwrap();
        let mode = checked(b"title = \"No attack\"\n", &path, false);
        // Same length, same inode: only the ctime/mtime tell it changed.
        std::fs::write(&path, "title = \"No Attack\"\n").unwrap();
        assert!(matches!(
            save(&path, b"title = \"Ours\"\n", mode),
            Err(SaveFailure::ChangedOnDisk)
        ));
        assert_eq!(std::fs::read(&path).unwrap(), b"title = \"No Attack\"\n");
    }

    fn original_path_exists(path: &Path) -> bool {
        crate::storage::original_path(path).exists()
    }
}
