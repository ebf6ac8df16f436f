//! A hypothesis' indicators in the detail area: what to watch for, by
//! when, whether it was seen, and which are overdue (still open after
//! their date), by the rule `ach check` and the brief use.

use chrono::NaiveDate;
use ratatui::text::{Line, Span};

use super::theme;
use crate::model::Hypothesis;
use crate::text::one_line;

/// One line per indicator of `hypothesis`; overdue ones end in a warning.
/// `today` is the day the workbench last heard the clock (none yet: nothing
/// is flagged).
pub fn lines(hypothesis: &Hypothesis, today: Option<NaiveDate>) -> Vec<Line<'static>> {
    hypothesis
        .indicators
        .iter()
        .map(|indicator| {
            let by = indicator
                .expected_by
                .map(|date| format!(" · by {}", date.format("%Y-%m-%d")))
                .unwrap_or_default();
            let mut spans = vec![
                Span::styled("Watch: ", theme::heading()),
                Span::raw(one_line(&indicator.text).into_owned()),
                Span::styled(format!("{by} · {}", indicator.status), theme::dim()),
            ];
            if today.is_some_and(|today| indicator.is_overdue(today)) {
                spans.push(Span::styled(" · overdue", theme::warning()));
            }
            Line::from(spans)
        })
        .collect()
}
