//! The analyst's work as data: hypotheses, evidence, ratings and passages.
//! No scoring, no files, no terminal.

mod conflict;
mod evidence;
mod hypothesis;
mod id;
mod level;
mod matrix;
mod passage;
mod rating;

pub use conflict::MergeConflict;
pub use evidence::Evidence;
pub use hypothesis::Hypothesis;
pub use id::{is_valid_id, next_free_id};
pub use level::{EvidenceKind, Level, UnknownKind, UnknownLevel};
pub use matrix::Matrix;
pub use passage::{Passage, document_path_problem};
pub use rating::{Rating, UnknownRating};
