//! Matrices under git: the three-way merge driver, conflicts recorded in
//! the file, and a diff that names changes by id (`E4 / H2: I -> II`).
//!
//! Everything works on the TOML structure (through `toml_edit`, which
//! keeps formatting and comments), not on the matrix model, so keys added
//! to the file format later merge and diff field by field unchanged.

mod canonical;
mod conflict;
mod diff;
mod path;
mod three_way;

pub use conflict::{Conflict, NOTE, Resolution, ResolveError, SideValue, conflicts_in, resolve};
pub use diff::{Change, diff, facts};
pub use path::{FieldPath, Step};
pub use three_way::{Labels, MergeError, Merged, merge};

#[cfg(test)]
mod tests;
