//! The CSV export (RFC 4180, UTF-8, CRLF line ends), for spreadsheets.
//!
//! One row per evidence item: its fields, then one column per hypothesis
//! holding the rating code (empty when unrated). Then a blank row, and one
//! row per score with the value under each hypothesis' column, then the
//! probability rows (prior, model posterior, judged, coherent) the same way,
//! then the set-aside rows (`yes` under a hypothesis set aside, and its
//! reason). Every cell
//! is neutralised against formula injection (see [`super::escape_csv`]).

use super::escape_csv::{neutralise_formula, visible_controls};
use super::report::{Report, number};
use crate::scoring::HypothesisScore;

/// The columns before the hypotheses, in order.
pub const EVIDENCE_COLUMNS: [&str; 15] = [
    "id",
    "summary",
    "kind",
    "credibility",
    "relevance",
    "date",
    "document",
    "line",
    "quote",
    "notes",
    "diagnosticity",
    "set_aside",
    "set_aside_reason",
    // The Admiralty grade, one column per half so a spreadsheet can sort
    // and filter on either; empty when ungraded.
    "source_reliability",
    "information_credibility",
];

/// What a set-aside column or row holds for an item or hypothesis set
/// aside; empty for one that counts.
pub(super) const SET_ASIDE: &str = "yes";

/// The CSV export of `report`.
pub(super) fn render(report: &Report<'_>) -> String {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let width = EVIDENCE_COLUMNS.len() + report.hypotheses().len();
    let rows = std::iter::once(header(report))
        .chain((0..report.evidence().len()).map(|row| evidence_row(report, row)))
        .chain(std::iter::once(vec![String::new(); width]))
        .chain(score_rows(report));
    for cells in rows {
        let cells = cells
            .iter()
            .map(|cell| neutralise_formula(&visible_controls(cell)).into_owned());
        writer
            .write_record(cells)
            .expect("writing CSV to memory cannot fail");
    }
    let bytes = writer
        .into_inner()
        .expect("flushing CSV to memory cannot fail");
    String::from_utf8(bytes).expect("the CSV writer copies UTF-8 text unchanged")
}

/// The column names, then `ID: TITLE` for each hypothesis.
fn header(report: &Report<'_>) -> Vec<String> {
    let mut header: Vec<String> = EVIDENCE_COLUMNS.iter().map(|&c| c.to_owned()).collect();
    header.extend(
        report
            .hypotheses()
            .iter()
            .map(|hypothesis| format!("{}: {}", hypothesis.id, hypothesis.title)),
    );
    header
}

fn evidence_row(report: &Report<'_>, row: usize) -> Vec<String> {
    let evidence = &report.evidence()[row];
    let passage = evidence.source.as_ref();
    let mut cells = vec![
        evidence.id.clone(),
        evidence.summary.clone(),
        evidence.kind.word().to_owned(),
        evidence.credibility.word().to_owned(),
        evidence.relevance.word().to_owned(),
        evidence
            .date
            .map(|date| date.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        passage.map(|p| p.document.clone()).unwrap_or_default(),
        report.quote_lines[row]
            .as_ref()
            .and_then(|line| line.number())
            .map(|line| line.to_string())
            .unwrap_or_default(),
        passage.map(|p| p.quote.clone()).unwrap_or_default(),
        evidence.notes.clone().unwrap_or_default(),
        number(report.scores.diagnosticity[row]),
        set_aside_mark(&evidence.set_aside).to_owned(),
        evidence.set_aside.reason().unwrap_or_default().to_owned(),
        evidence
            .grading
            .reliability
            .map(|grade| grade.letter().to_owned())
            .unwrap_or_default(),
        evidence
            .grading
            .credibility
            .map(|grade| grade.digit().to_string())
            .unwrap_or_default(),
    ];
    cells.extend(
        (0..report.hypotheses().len())
            .map(|column| evidence.rating(column).map_or("", |r| r.code()).to_owned()),
    );
    cells
}

/// One row per score: its name in the first column, its value for each
/// hypothesis under that hypothesis' column.
fn score_rows(report: &Report<'_>) -> Vec<Vec<String>> {
    let row = |label: &str, value: &dyn Fn(&HypothesisScore) -> String| {
        let mut cells = vec![label.to_owned()];
        cells.resize(EVIDENCE_COLUMNS.len(), String::new());
        cells.extend(report.scores.hypotheses.iter().map(value));
        cells
    };
    vec![
        row("rank", &|s| s.rank.to_string()),
        row("inconsistency", &|s| s.inconsistency.to_string()),
        row("weighted inconsistency", &|s| {
            number(s.weighted_inconsistency)
        }),
        row("weighted consistency", &|s| number(s.weighted_consistency)),
        row("unrated", &|s| s.unrated.to_string()),
    ]
    .into_iter()
    .chain(probability_rows(report))
    .chain(set_aside_rows(report))
    .collect()
}

/// [`SET_ASIDE`] when set aside, else empty.
pub(super) fn set_aside_mark(set_aside: &crate::model::SetAside) -> &'static str {
    if set_aside.is_set() { SET_ASIDE } else { "" }
}

/// Which hypotheses the analyst set aside, and why: their scores are
/// shown but count in no ranking (their rank is 0).
fn set_aside_rows(report: &Report<'_>) -> Vec<Vec<String>> {
    let row = |label: &str, value: &dyn Fn(&crate::model::SetAside) -> String| {
        let mut cells = vec![label.to_owned()];
        cells.resize(EVIDENCE_COLUMNS.len(), String::new());
        cells.extend(report.hypotheses().iter().map(|h| value(&h.set_aside)));
        cells
    };
    vec![
        row("set aside", &|s| set_aside_mark(s).to_owned()),
        row("set aside reason", &|s| {
            s.reason().unwrap_or_default().to_owned()
        }),
    ]
}

/// The probability reading, one row each like the scores: the prior and
/// posterior the model used and gave, the analyst's judged value and its
/// coherent version (empty where there is none).
fn probability_rows(report: &Report<'_>) -> Vec<Vec<String>> {
    let reading = &report.probability;
    let row = |label: &str, value: &dyn Fn(usize) -> Option<f64>| {
        let mut cells = vec![label.to_owned()];
        cells.resize(EVIDENCE_COLUMNS.len(), String::new());
        cells.extend(
            (0..report.hypotheses().len())
                .map(|column| value(column).map(number).unwrap_or_default()),
        );
        cells
    };
    let coherent = reading.coherent();
    vec![
        row("prior", &|c| Some(reading.priors[c])),
        row("model posterior", &|c| Some(reading.posteriors[c])),
        row("judged", &|c| reading.judged[c]),
        row("coherent", &|c| coherent.as_ref().map(|v| v[c])),
    ]
}
