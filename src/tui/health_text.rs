//! The lines of the matrix health popup (`W`): each warning with where it
//! is (an evidence or hypothesis id), wrapped to the popup. Shared by the
//! view and by `update`, which keeps the scroll within them.

use super::help_text::{LineKind, TextLine};
use crate::health::{Subject, Warning};
use crate::model::Matrix;
use crate::text::{inert, wrap_to_width};

/// A warning as the popup lists it: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HealthEntry {
    /// `E4`, `H2` or `matrix`.
    pub at: String,
    pub warning: Warning,
}

/// Width of the column naming where each warning is.
const AT_COLUMN: usize = 8;

/// The entries of `warnings` about `matrix`.
pub fn health_entries(matrix: &Matrix, warnings: Vec<Warning>) -> Vec<HealthEntry> {
    warnings
        .into_iter()
        .map(|warning| {
            let at = match warning.subject {
                Subject::Evidence(row) => matrix.evidence()[row].id.clone(),
                Subject::Hypothesis(column) => matrix.hypotheses()[column].id.clone(),
                Subject::Matrix => "matrix".to_owned(),
            };
            HealthEntry { at, warning }
        })
        .collect()
}

/// The popup's lines, `columns` wide.
pub fn health_lines(entries: &[HealthEntry], columns: u16) -> Vec<TextLine> {
    let line = |kind, text: String| TextLine { kind, text };
    if entries.is_empty() {
        return vec![line(
            LineKind::Note,
            "No warnings: every item is rated and diagnostic, and the lead rests on no single item or document."
                .to_owned(),
        )];
    }
    let mut lines = vec![
        line(
            LineKind::Note,
            format!(
                "{} a reviewer would raise; none is an error, the matrix is valid.",
                crate::text::counted(entries.len(), "warning", "warnings")
            ),
        ),
        line(LineKind::Plain, String::new()),
    ];
    let room = usize::from(columns).saturating_sub(AT_COLUMN).max(12);
    for entry in entries {
        let at = inert(&entry.at).into_owned();
        let text = inert(&entry.warning.message).into_owned();
        for (index, part) in wrap_to_width(&text, room).into_iter().enumerate() {
            let lead = if index == 0 { at.as_str() } else { "" };
            lines.push(line(LineKind::Warning, format!("{lead:<AT_COLUMN$}{part}")));
        }
    }
    lines
}
