//! Changing a matrix one reversible step at a time, with unlimited undo
//! and redo. Pure: the workbench's keys become [`Edit`]s applied through a
//! [`History`]; nothing here knows about terminals or files.

mod history;
mod operation;

pub use history::History;
pub use operation::{Edit, Header};
