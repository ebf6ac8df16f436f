//! The probability rows under the scores (`p`): the model's posterior, the
//! analyst's judged values and their coherent version per hypothesis, the
//! ICD 203 words for the selected hypothesis, the first finding and the
//! model's caveat. Everything comes from the reading the open matrix keeps
//! current edit by edit, so a frame formats the visible cells and nothing
//! more.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};

use super::theme;
use crate::probability::{Finding, ProbabilityReading, SHORT_CAVEAT, estimative_word};
use crate::text::{display_width, fit_to_width, one_line, truncate_to_width};
use crate::tui::layout::MatrixGeometry;
use crate::tui::state::OpenMatrix;

/// What a hypothesis' cell shows when it has no value in a row.
const NONE: &str = "·";

/// A judged value far from the model's posterior: a question to ask.
fn question() -> Style {
    Style::new().fg(Color::Yellow)
}

/// Draws the probability rows into `geometry.probability` (nothing when
/// they are hidden: the area has no height).
pub fn draw(
    frame: &mut Frame,
    geometry: &MatrixGeometry,
    open: &OpenMatrix,
    columns: Range<usize>,
) {
    let area = geometry.probability;
    if area.height == 0 {
        return;
    }
    let reading = open.probability.reading();
    let rows = Rows {
        geometry,
        columns,
        reading,
    };
    let far: Vec<usize> = reading
        .findings
        .iter()
        .filter_map(|finding| match finding {
            Finding::FarFromPosterior { hypothesis, .. } => open
                .matrix
                .hypotheses()
                .iter()
                .position(|h| &h.id == hypothesis),
            _ => None,
        })
        .collect();
    let coherent = reading.coherent();
    let posterior = rows.line(
        "Model posterior ",
        |column| Some(reading.posteriors[column]),
        |_| false,
    );
    let judged = rows.line(
        "Judged (? far from model) ",
        |column| reading.judged[column],
        |column| far.contains(&column),
    );
    let coherent_label = match reading.coherence.judged_sum {
        Some(sum) => format!("Coherent (judged sum {sum:.2}) "),
        None => "Coherent ".to_owned(),
    };
    let coherent_line = rows.line(
        &coherent_label,
        |column| coherent.as_ref().map(|values| values[column]),
        |_| false,
    );
    let lines = vec![
        posterior,
        judged,
        coherent_line,
        Line::from(words(open, reading, coherent.as_deref())),
        findings_line(reading),
        Line::styled(SHORT_CAVEAT, theme::dim()),
    ];
    for (y, line) in (area.top()..area.bottom()).zip(lines) {
        frame.render_widget(
            line,
            Rect {
                y,
                height: 1,
                ..area
            },
        );
    }
}

struct Rows<'a> {
    geometry: &'a MatrixGeometry,
    columns: Range<usize>,
    reading: &'a ProbabilityReading,
}

impl Rows<'_> {
    /// A label right-aligned in the evidence block, then one value per
    /// visible hypothesis column; a `flagged` value is marked `?`.
    fn line<'s>(
        &self,
        label: &str,
        value: impl Fn(usize) -> Option<f64>,
        flagged: impl Fn(usize) -> bool,
    ) -> Line<'s> {
        let width = usize::from(self.geometry.evidence_width);
        let label = truncate_to_width(label, width);
        let pad = width - display_width(&label);
        let mut spans = vec![
            Span::styled(format!("{}{label}", " ".repeat(pad)), theme::heading()),
            Span::styled("│", theme::dim()),
        ];
        let cell = usize::from(self.geometry.column_width);
        for column in self.columns.clone() {
            debug_assert!(column < self.reading.posteriors.len());
            let flag = flagged(column);
            let text = match value(column) {
                Some(p) if flag => format!(" {p:.2}?"),
                Some(p) => format!(" {p:.2}"),
                None => format!(" {NONE}"),
            };
            let style = if flag { question() } else { Style::new() };
            spans.push(Span::styled(fit_to_width(&text, cell), style));
        }
        Line::from(spans)
    }
}

/// The words for the selected hypothesis: `H1: model roughly even chance
/// · judged likely · coherent likely`.
fn words(
    open: &OpenMatrix,
    reading: &ProbabilityReading,
    coherent: Option<&[f64]>,
) -> Vec<Span<'static>> {
    let Some(hypothesis) = open.matrix.hypotheses().get(open.column) else {
        return vec![Span::styled("No hypotheses yet.", theme::dim())];
    };
    let column = open.column;
    // The numbers are in the rows above; here the words.
    let said = |p: f64| estimative_word(p);
    let mut parts = vec![format!("model {}", said(reading.posteriors[column]))];
    match reading.judged[column] {
        Some(p) => parts.push(format!("judged {}", said(p))),
        None => parts.push("no judged value (e on the hypothesis)".to_owned()),
    }
    if let Some(values) = coherent {
        parts.push(format!("coherent {}", said(values[column])));
    }
    vec![
        Span::styled(format!("{}: ", one_line(&hypothesis.id)), theme::heading()),
        Span::raw(parts.join(" · ")),
    ]
}

/// The first warning, else the first question, with how many more there
/// are; or that there is nothing to say.
fn findings_line(reading: &ProbabilityReading) -> Line<'static> {
    let warnings: Vec<&Finding> = reading
        .findings
        .iter()
        .filter(|f| !f.is_question())
        .collect();
    let questions: Vec<&Finding> = reading
        .findings
        .iter()
        .filter(|f| f.is_question())
        .collect();
    let more = |n: usize| {
        if n > 1 {
            format!(" (+{} more; ach check lists all)", n - 1)
        } else {
            String::new()
        }
    };
    let total = reading.findings.len();
    if let Some(first) = warnings.first() {
        return Line::styled(format!("⚠ {first}{}", more(total)), question());
    }
    if let Some(first) = questions.first() {
        return Line::styled(format!("? {first}{}", more(total)), question());
    }
    let text = match reading.coherence.coherent {
        Some(true) => "Judged values coherent: they sum to 1.",
        _ => "No judged probabilities yet: add yours with e on a hypothesis.",
    };
    Line::styled(text, theme::dim())
}
