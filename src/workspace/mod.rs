//! The workspace: a directory holding source documents (`seeds/`) and
//! matrices (`hypotheses/`). Passages name documents relative to its root,
//! and may never reach outside it.

mod library;
mod metadata;
mod passage_check;
mod relocate;
mod root;

pub use library::{
    Library, LibraryDocument, LibraryMatrix, MatrixSummary, SkipReason, SkippedFile, list_library,
    listed_path, scan_library,
};
pub use metadata::{
    METADATA_SUFFIX, MetadataError, SourceMetadata, metadata_path, parse_metadata, read_metadata,
};
pub use passage_check::{PassageCheck, check_passage, check_passage_in, read_passage_document};
pub use relocate::{FUZZY_MAX_BYTES, FUZZY_THRESHOLD, Relocation, Relocator, relocate};
pub use root::{DocumentPathError, Workspace};
