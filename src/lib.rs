//! ACH Workbench: Heuer's Analysis of Competing Hypotheses in a terminal.
//!
//! Module map (domain first, terminal last):
//! - [`model`]: hypotheses, evidence, ratings, passages — the analyst's work
//!   as plain data.
//! - [`edit`]: reversible edits of a matrix, undo and redo.
//! - [`scoring`]: inconsistency, weighted scores, ranking, diagnosticity;
//!   pure functions of a matrix, never stored.
//! - [`probability`]: a Bayesian reading of the matrix (priors, likelihood
//!   ratios, posteriors), the analyst's judged probabilities and their
//!   coherence; pure functions of a matrix, never stored.
//! - [`health`]: matrix health, the warnings a reviewer of an ACH matrix
//!   would raise (non-diagnostic rows, unrated cells, a lead on one item…).
//! - [`fsio`]: the one way workspace files are opened and written: regular
//!   files only, never through a symbolic link, bounded reads.
//! - [`storage`]: the TOML matrix file: validation with line and column,
//!   the deterministic writer, atomic saves.
//! - [`document`]: source documents for the Reader and Library: loading,
//!   display cells, lazy soft wrap, sentences, search.
//! - [`import`]: `ach import`: web pages, e-mail and text in any common
//!   encoding turned into documents, with their provenance sidecar.
//! - [`text`]: untrusted text made inert for terminals, display widths.
//! - [`workspace`]: where documents and matrices live, and passage checks
//!   against the documents.
//! - [`export`]: the matrix as Markdown, HTML, CSV, JSON or an analytic
//!   brief, for reports; pure functions of the matrix and its scores.
//! - [`merge`]: matrices under git: the three-way merge driver by ids,
//!   conflicts recorded in the file, a diff by id.
//! - [`parc`]: PARC ACH 2.0 `.achz` projects, read and written.
//! - [`team`]: analysts' copies of one matrix side by side: consensus,
//!   spread, each analyst's leader.
//! - [`tui`]: the interactive workbench (ratatui): state, update, view.
//! - [`cli`]: the `ach` commands; the only module that prints.

pub mod cli;
pub mod config;
pub mod document;
pub mod edit;
pub mod export;
pub mod fsio;
pub mod health;
pub mod import;
pub mod merge;
pub mod model;
pub mod parc;
pub mod probability;
pub mod scoring;
pub mod storage;
pub mod team;
pub mod text;
pub mod tui;
pub mod workspace;

#[cfg(test)]
mod test_support;
