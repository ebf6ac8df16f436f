//! The analyst's work as data: hypotheses, evidence, ratings and passages.
//! No scoring, no files, no terminal.

mod conflict;
mod evidence;
mod hypothesis;
mod id;
mod indicator;
mod judgement;
mod level;
mod matrix;
mod passage;
mod probability;
mod rating;
mod set_aside;

pub use conflict::MergeConflict;
pub use evidence::Evidence;
pub use hypothesis::Hypothesis;
pub use id::{is_valid_id, next_free_id};
pub use indicator::{Indicator, IndicatorStatus, UnknownStatus, overdue_indicators};
pub use judgement::{Confidence, Estimative, Judgement, UnknownConfidence, UnknownEstimative};
pub use level::{EvidenceKind, Level, UnknownKind, UnknownLevel};
pub use matrix::Matrix;
pub use passage::{Passage, document_path_problem};
pub use probability::{LikelihoodOverrides, Probability};
pub use rating::{Rating, UnknownRating};
pub use set_aside::SetAside;
