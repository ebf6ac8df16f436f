//! Messages into `update` and effects out of it.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use tui_input::InputRequest;

use super::action::Action;
use crate::document::Document;
use crate::export::Target;
use crate::fsio::FileStamp;
use crate::model::{Matrix, Passage};
use crate::storage::{LoadError, MatrixLock, Recovery, RecoveryCopy};
use crate::workspace::Library;

/// Something that happened: a key's action, typing, the mouse, the
/// terminal, or the result of an effect.
#[derive(Debug)]
pub enum Msg {
    Action(Action),
    /// Editing the text field that has focus.
    Input(InputRequest),
    /// Text pasted into the terminal (bracketed paste): text in the focused
    /// field, and nothing anywhere else.
    Paste(String),
    Resize {
        width: u16,
        height: u16,
    },
    Click {
        column: u16,
        row: u16,
    },
    Scroll {
        column: u16,
        row: u16,
        down: bool,
    },
    /// The mouse moved with the left button down (after a `Click`).
    Drag {
        column: u16,
        row: u16,
    },
    Saved {
        path: PathBuf,
        result: Result<SavedFile, SaveFailure>,
        then: AfterSave,
    },
    DocumentLoaded {
        path: String,
        result: Result<Document, String>,
    },
    MatrixLoaded {
        path: PathBuf,
        result: Result<Box<LoadedMatrix>, LoadError>,
    },
    /// A new matrix file was created (or could not be).
    MatrixCreated {
        path: PathBuf,
        result: Result<(), ExportFailure>,
    },
    /// The library was listed again.
    LibraryScanned(Library),
    /// A library file was imported (`source`, a workspace path): into the
    /// file named, or not, and why.
    Imported {
        source: String,
        result: Result<Imported, String>,
    },
    /// The recovery file was removed (or could not be).
    RecoveryWritten(Result<(), String>),
    /// The recovery file of the matrix at `path` was written with the
    /// changes up to `revision` (or could not be: it is tried again).
    RecoveryKept {
        path: PathBuf,
        revision: u64,
        result: Result<(), String>,
    },
    /// Time passed: the loop sends this after every event and whenever it
    /// has waited a quarter of a second for one.
    Tick,
    Exported {
        format: Target,
        path: PathBuf,
        /// What the format could not hold (an `.achz` project: relevance,
        /// descriptions), when it was written.
        result: Result<Vec<String>, ExportFailure>,
    },
    /// The line a passage starts on, found in its document.
    PassageLocated {
        passage: Passage,
        line: crate::export::QuoteLine,
    },
}

/// Why an export was not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportFailure {
    /// A file is already there and replacing it was not confirmed.
    Exists,
    Io(String),
}

/// What an import made: a document in `seeds/` or a matrix in
/// `hypotheses/` (workspace paths), and what the format could not carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub made: String,
    pub lost: Vec<String>,
}

/// Work for the event loop: the file system is touched only here, so
/// `update` stays pure and testable without a disk.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write `contents` to `path` atomically, then report `Msg::Saved`.
    Save {
        path: PathBuf,
        contents: String,
        mode: SaveMode,
        then: AfterSave,
    },
    /// Read a document (relative to the workspace), then report
    /// `Msg::DocumentLoaded`.
    LoadDocument(String),
    /// Read a matrix file, lock it and look for a recovery file, then
    /// report `Msg::MatrixLoaded`.
    LoadMatrix(PathBuf),
    /// Create a matrix file that must not exist yet.
    CreateMatrix { path: PathBuf, contents: String },
    /// List the workspace's documents and matrices again, then report
    /// `Msg::LibraryScanned`. The event loop hands this (and
    /// `CompleteLibrary`) to a background scanner: it reads every document
    /// and parses every matrix.
    ScanLibrary,
    /// Import the library file at this workspace path, as `ach import`
    /// does, then report `Msg::Imported`.
    Import(String),
    /// Count the words and sum up the matrices that a quick listing left
    /// pending (see `crate::workspace::list_library`), then report
    /// `Msg::LibraryScanned`.
    CompleteLibrary(Box<Library>),
    /// Keep unsaved changes beside the matrix at `path`, then report
    /// `Msg::RecoveryKept`. The event loop hands this (and
    /// `RemoveRecovery`, to keep their order) to a background writer, so
    /// serialising a big matrix never delays a keystroke.
    WriteRecovery {
        path: PathBuf,
        /// The open matrix's revision the copy holds.
        revision: u64,
        recovery: Box<RecoveryCopy>,
    },
    /// Remove the recovery file of the matrix at `path`.
    RemoveRecovery(PathBuf),
    /// Export `matrix` to `path` (replacing a file there only when
    /// `overwrite`), then report `Msg::Exported`. The export reads the
    /// passages' documents for their line numbers, so it runs here.
    Export {
        matrix: Box<Matrix>,
        format: Target,
        path: PathBuf,
        generated: NaiveDate,
        overwrite: bool,
    },
    /// Find the line `passage` starts on in its document, as the exports
    /// do, then report `Msg::PassageLocated`.
    LocatePassage(Passage),
}

/// What to do once a save has succeeded (nothing happens if it fails, so
/// no work is ever dropped after a failed save).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AfterSave {
    Stay,
    Quit,
    /// Open another matrix in place of the saved one.
    Open(PathBuf),
}

/// How a save treats what is already on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveMode {
    /// Refuse when the file changed since it was loaded or last saved
    /// (`expected` is its fingerprint then; `None` when it did not exist).
    /// A file that has disappeared is simply written again. When `known`
    /// says how the file looked then and it still looks so, it is not read
    /// back.
    Checked {
        expected: Option<u64>,
        known: Option<KnownOnDisk>,
    },
    /// Replace whatever is there: the analyst said so.
    Overwrite,
    /// A new file: refuse when one exists; lock it once written.
    SaveAs,
}

/// The matrix file as the workbench last loaded or saved it, so that a
/// save finds it untouched from its metadata alone instead of reading the
/// whole file back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownOnDisk {
    pub stamp: FileStamp,
    /// The file held comments then (the save keeps it as `PATH.orig`).
    pub has_comments: bool,
}

/// A save that succeeded.
#[derive(Debug)]
pub struct SavedFile {
    /// The fingerprint of the bytes now on disk.
    pub fingerprint: u64,
    /// The stamp of the file just written (`None` if it cannot be told).
    pub stamp: Option<FileStamp>,
    /// For a save-as, the lock on the new file (or why it was not taken).
    pub lock: Option<Result<Arc<MatrixLock>, String>>,
}

/// Why a save did not happen. The file on disk is untouched in every case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveFailure {
    /// The file changed on disk since it was loaded.
    ChangedOnDisk,
    /// Save-as found a file at the new path.
    Exists,
    Io(String),
}

/// A matrix read for editing, with what was found around it.
#[derive(Debug)]
pub struct LoadedMatrix {
    pub matrix: Matrix,
    /// The fingerprint of the file's bytes, to notice later changes.
    pub fingerprint: u64,
    /// The file holds comments, which a save would not keep.
    pub has_comments: bool,
    /// The file's stamp, taken before its bytes were read.
    pub stamp: Option<FileStamp>,
    /// The advisory lock, or who holds it.
    pub lock: Result<Arc<MatrixLock>, String>,
    /// Unsaved changes left by a workbench that did not exit cleanly.
    pub recovery: Option<Recovery>,
    /// A recovery file that could not be read.
    pub recovery_error: Option<String>,
}
