//! Matrix files on disk: the TOML schema, validation with file positions,
//! the deterministic writer and atomic saves.

mod atomic;
mod error;
mod load;
mod location;
mod raw;
mod save;

pub use atomic::{backup_path, create_new, write_atomically};
pub use error::{Diagnostic, LoadError, SaveError};
pub use load::{
    Positions, load_matrix, load_matrix_with_positions, matrix_from_bytes, matrix_from_str,
};
pub use location::Location;
pub use save::matrix_to_toml;

/// The newest matrix file schema this build reads and the one it writes.
pub const SCHEMA: i64 = 1;

#[cfg(test)]
mod tests;
