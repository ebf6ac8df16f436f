//! Matrix files on disk: the TOML schema, validation with file positions,
//! the deterministic writer, atomic saves, recovery files and the advisory
//! lock.

mod atomic;
mod comments;
mod deep_key;
mod error;
mod load;
mod location;
mod lock;
mod raw;
mod recovery;
mod save;

pub use atomic::{
    backup_path, create_new, keep_original, original_path, write_atomically,
    write_atomically_without_backup,
};
pub use comments::has_comments;
pub use error::{Diagnostic, LoadError, SaveError};
pub use load::{
    Positions, load_matrix, load_matrix_with_positions, matrix_from_bytes, matrix_from_str,
    matrix_with_positions_from_bytes,
};
pub use location::Location;
pub use lock::{LockError, MatrixLock, lock_matrix, lock_path};
pub use recovery::{
    Recovery, RecoveryCopy, fingerprint, read_recovery, recovery_contents, recovery_path,
    remove_recovery, write_recovery,
};
pub use save::{MatrixWriter, matrix_to_toml};

/// The newest matrix file schema this build reads and the one it writes.
pub const SCHEMA: i64 = 1;

#[cfg(test)]
mod tests;
