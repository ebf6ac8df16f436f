//! Exports of a matrix for reports: Markdown, HTML, CSV, JSON and an
//! analytic brief.
//!
//! Every export is a pure function of the matrix, the scores
//! [`crate::scoring`] computes from it, the generation date and (for the
//! line numbers of quoted passages) the documents of the workspace. Nothing
//! is invented and nothing is left out; every piece of matrix text is
//! escaped for the format it lands in, so hostile text cannot break the
//! output or the program that opens it. The clock is never read here: the
//! caller passes the date.

mod brief;
mod counterfactual;
mod csv;
mod escape_csv;
mod escape_html;
mod escape_markdown;
mod html;
mod json;
mod lead;
mod markdown;
mod probability;
mod report;
mod sensitivity_json;
mod source;
mod target;
mod team_brief;
mod xlsx;

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use chrono::NaiveDate;

use crate::model::Matrix;
use crate::workspace::Workspace;

pub use counterfactual::{LeadChange, lead_changes, lead_changes_with};
pub use csv::EVIDENCE_COLUMNS as CSV_EVIDENCE_COLUMNS;
pub use escape_csv::{neutralise_formula, restore_formula};
pub use json::EXPORT_SCHEMA;
pub use lead::Lead;
pub use sensitivity_json::{FragileEntry, SensitivityEntry};
pub use source::{QuoteLine, quote_line};
pub use target::{Rendered, Target};
pub use team_brief::{BIGGEST_SPLITS, team_brief};

/// One of the export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// GitHub-flavoured Markdown: the matrix, scores and sources as tables.
    Markdown,
    /// One self-contained, printable HTML page.
    Html,
    /// RFC 4180 CSV for spreadsheets: one row per evidence item, then scores.
    Csv,
    /// The matrix with its scores, for programs (`docs/export-json.md`).
    Json,
    /// An analytic brief in Markdown: bottom line, hypotheses, key evidence,
    /// information gaps and sources.
    Brief,
}

impl Format {
    /// Every format, in the order the workbench offers them.
    pub const ALL: [Format; 5] = [
        Format::Markdown,
        Format::Html,
        Format::Csv,
        Format::Json,
        Format::Brief,
    ];

    /// The name used on the command line (`--format markdown`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Brief => "brief",
        }
    }

    /// What the file name of an export ends with, after the matrix's name
    /// and a dot: `md`, `html`, `csv`, `json`, and `brief.md` (so a brief
    /// and a Markdown export of the same matrix do not overwrite each other).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Brief => "brief.md",
        }
    }

    /// One line saying what the format is for, for menus and help.
    pub fn description(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown tables: matrix, scores, diagnosticity, sources",
            Format::Html => "HTML page: colour-coded matrix, printable, self-contained",
            Format::Csv => "CSV for spreadsheets: one row per evidence item, then scores",
            Format::Json => "JSON: the matrix with its scores and diagnosticity",
            Format::Brief => "Analytic brief (Markdown): bottom line, key evidence, gaps",
        }
    }

    /// The format whose [`Format::extension`] ends `path`, if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        // `brief.md` before `md`: the longer extension wins.
        [
            Format::Brief,
            Format::Markdown,
            Format::Html,
            Format::Csv,
            Format::Json,
        ]
        .into_iter()
        .find(|format| name.ends_with(&format!(".{}", format.extension())))
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A word that is not the name of an export format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown export format `{0}` (expected markdown, html, csv, json or brief)")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(word: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|format| format.name() == word)
            .ok_or_else(|| UnknownFormat(word.to_owned()))
    }
}

/// What an export needs besides the matrix.
#[derive(Debug, Clone, Copy)]
pub struct ExportContext<'a> {
    /// The date printed as the generation date. A parameter, so the same
    /// matrix always exports to the same bytes.
    pub generated: NaiveDate,
    /// Where the passages' documents are, to give the line each quote
    /// starts on; without it every line is reported unknown.
    pub workspace: Option<&'a Workspace>,
}

impl<'a> ExportContext<'a> {
    /// A context with no workspace.
    pub fn new(generated: NaiveDate) -> Self {
        ExportContext {
            generated,
            workspace: None,
        }
    }

    /// The same context, reading documents from `workspace`.
    pub fn with_workspace(self, workspace: &'a Workspace) -> Self {
        ExportContext {
            workspace: Some(workspace),
            ..self
        }
    }
}

/// The text of `matrix` exported as `format`.
///
/// Reads the passages' documents from the context's workspace (to number
/// their lines) and nothing else; a document that cannot be read makes its
/// line "unknown", never an error.
pub fn export(matrix: &Matrix, format: Format, context: &ExportContext<'_>) -> String {
    let report = report::Report::new(matrix, context);
    match format {
        Format::Markdown => markdown::render(&report),
        Format::Html => html::render(&report),
        Format::Csv => csv::render(&report),
        Format::Json => json::render(&report),
        Format::Brief => brief::render(&report),
    }
}

/// The spreadsheet (`.xlsx`) export of `matrix`: bytes, not text, so not
/// one of the [`Format`]s. Fails only on what Excel cannot hold (a text of
/// more than 32,767 characters, say).
pub fn export_xlsx(
    matrix: &Matrix,
    context: &ExportContext<'_>,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    xlsx::render(&report::Report::new(matrix, context))
}

#[cfg(test)]
mod tests;
