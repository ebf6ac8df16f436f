//! The analyst's own judgement beside what the matrix computed (Heuer's
//! step 7), and the indicators that would change it (step 8). A judgement
//! the matrix does not support is said to disagree, in so many words: the
//! reader should know the conclusion rests on more than the matrix shows.

use std::fmt::Write;

use super::and_list;
use super::bottom_line::Escape;
use crate::export::report::Report;
use crate::model::{IndicatorStatus, Judgement};

/// The bottom line's paragraph about the analyst's judgement, or `None`
/// when the file records none.
pub(in crate::export) fn judgement_paragraph(
    report: &Report<'_>,
    escape: Escape,
) -> Option<String> {
    let judgement = report.matrix.judgement.as_ref()?;
    let column = report.matrix.hypothesis_index(&judgement.hypothesis)?;
    let hypothesis = &report.hypotheses()[column];
    let label = format!("{} ({})", escape(&hypothesis.id), escape(&hypothesis.title));
    let mut out = format!(
        "The analyst's judgement: {label} {}, with {} confidence.",
        likelihood(judgement),
        judgement.confidence.word()
    );
    if let Some(rationale) = &judgement.rationale {
        let _ = write!(out, " Rationale: {}", escape(rationale.trim()));
        if !rationale.trim_end().ends_with(['.', '!', '?']) {
            out.push('.');
        }
    }
    out.push(' ');
    out.push_str(&comparison(report, column, escape));
    Some(out)
}

/// "is likely" in the ICD 203 words, or "is the most likely" when the
/// analyst gave no words.
fn likelihood(judgement: &Judgement) -> String {
    judgement.estimate.map_or_else(
        || "is the most likely".to_owned(),
        |estimate| format!("is {}", estimate.word()),
    )
}

/// Whether the matrix's leader set agrees with the judged hypothesis.
fn comparison(report: &Report<'_>, column: usize, escape: Escape) -> String {
    let id = |c: usize| escape(&report.hypotheses()[c].id);
    let leaders = &report.sensitivity.leader;
    if report.hypotheses()[column].set_aside.is_set() {
        return format!(
            "This disagrees with the matrix: {} is set aside there, so the matrix does not \
             rank it at all.",
            id(column)
        );
    }
    if leaders.is_empty() {
        return "The matrix cannot check it yet: no rating bears on any hypothesis.".to_owned();
    }
    if leaders == &[column] {
        return format!("This agrees with the matrix, where {} leads.", id(column));
    }
    let others: Vec<String> = leaders
        .iter()
        .filter(|&&c| c != column)
        .map(|&c| id(c))
        .collect();
    if leaders.contains(&column) {
        return format!(
            "The matrix agrees only in part: it ties {} with {} for the lead.",
            id(column),
            and_list(&others)
        );
    }
    format!(
        "This disagrees with the matrix, which ranks {} first, not {}: the judgement rests \
         on something the matrix does not show; say what, or look at the ratings again.",
        and_list(&others),
        id(column)
    )
}

/// The brief's "What would change this judgement" section: each
/// hypothesis' indicators with their status, overdue ones flagged. Only
/// there when some hypothesis has indicators.
pub(super) fn indicators(out: &mut String, report: &Report<'_>) {
    let inline = crate::export::escape_markdown::inline;
    if report.hypotheses().iter().all(|h| h.indicators.is_empty()) {
        return;
    }
    out.push_str(
        "## What would change this judgement\n\nIndicators to watch, per hypothesis: \
         what would be seen if it were true, or false.\n\n",
    );
    let today = report.generated;
    let overdue = crate::model::overdue_indicators(report.hypotheses(), today);
    for (column, hypothesis) in report.hypotheses().iter().enumerate() {
        if hypothesis.indicators.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "{} ({}):\n",
            inline(&hypothesis.id),
            inline(&hypothesis.title)
        );
        for (index, indicator) in hypothesis.indicators.iter().enumerate() {
            let by = indicator.expected_by.map_or_else(String::new, |by| {
                format!(", expected by {}", by.format("%Y-%m-%d"))
            });
            let flag = if overdue.contains(&(column, index)) {
                " **overdue**: still open after the date it was expected by"
            } else {
                ""
            };
            let mark = match indicator.status {
                IndicatorStatus::Open => "[ ]",
                IndicatorStatus::Observed => "[x]",
                IndicatorStatus::NotObserved => "[-]",
            };
            let _ = writeln!(
                out,
                "- {mark} {} ({}{by}){flag}",
                inline(&indicator.text),
                indicator.status.word()
            );
        }
        out.push('\n');
    }
}
