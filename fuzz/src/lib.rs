//! The fuzz targets' checks, as a library the targets share.
//!
//! The checks live in `checks.rs`, which `tests/fuzz_regressions.rs` in
//! the main package includes too (with `#[path]`), so each property is
//! written once and every crash replays under `cargo test` through the
//! same code that found it.

mod checks;

pub use checks::{check_document, check_document_input, check_matrix_loader};
