//! The Markdown export: the matrix, its scores and its sources as
//! GitHub-flavoured Markdown.

use std::fmt::Write;

use super::escape_markdown::{blockquote, inline, paragraphs};
use super::report::{Report, UNRATED, item_facts, number, timestamp};
use crate::text::capitalised;

/// How a column's cells line up.
#[derive(Debug, Clone, Copy)]
pub(super) enum Align {
    Left,
    Center,
    Right,
}

/// Appends a GFM table. Every cell must already be escaped with
/// [`inline`], so each row has exactly as many cells as there are headers.
pub(super) fn table(out: &mut String, headers: &[(String, Align)], rows: &[Vec<String>]) {
    let row = |out: &mut String, cells: &mut dyn Iterator<Item = &str>| {
        out.push('|');
        for cell in cells {
            out.push(' ');
            out.push_str(cell);
            out.push_str(" |");
        }
        out.push('\n');
    };
    row(out, &mut headers.iter().map(|(header, _)| header.as_str()));
    let separators: Vec<String> = headers
        .iter()
        .zip(column_widths(headers, rows))
        .map(|((_, align), dashes)| separator(*align, dashes))
        .collect();
    row(out, &mut separators.iter().map(String::as_str));
    for cells in rows {
        debug_assert_eq!(cells.len(), headers.len());
        row(out, &mut cells.iter().map(String::as_str));
    }
}

/// The fewest and most dashes a separator cell holds. Pandoc reads the
/// dash counts of a wide pipe table as the columns' relative widths (its
/// manual, "pipe_tables"); without them every column gets the same width
/// and a long evidence column breaks mid-word. The cap keeps the
/// separator line readable; the proportions below it are what pandoc uses.
const MIN_DASHES: usize = 3;
const MAX_DASHES: usize = 60;

/// The dash count of each column: its widest cell (header included), in
/// terminal columns, within [`MIN_DASHES`]..=[`MAX_DASHES`].
fn column_widths(headers: &[(String, Align)], rows: &[Vec<String>]) -> Vec<usize> {
    (0..headers.len())
        .map(|column| {
            std::iter::once(headers[column].0.as_str())
                .chain(rows.iter().map(|cells| cells[column].as_str()))
                .map(unicode_width::UnicodeWidthStr::width)
                .max()
                .unwrap_or(0)
                .clamp(MIN_DASHES, MAX_DASHES)
        })
        .collect()
}

/// One separator cell of `dashes` characters, colons marking the alignment.
fn separator(align: Align, dashes: usize) -> String {
    let inner = "-".repeat(dashes - 2);
    match align {
        Align::Left => format!("-{inner}-"),
        Align::Center => format!(":{inner}:"),
        Align::Right => format!("-{inner}:"),
    }
}

/// The legend of rating codes, shared with the brief.
pub(super) const RATING_LEGEND: &str = "Ratings: CC very consistent, C consistent, N neutral, \
    NA not applicable, I inconsistent, II very inconsistent; · unrated.";

/// The title block: title, question, analyst, dates.
pub(super) fn front_matter(out: &mut String, heading: &str, report: &Report<'_>) {
    let matrix = report.matrix;
    let _ = writeln!(out, "# {heading}{}\n", inline(&matrix.title));
    let mut facts = Vec::new();
    if let Some(question) = &matrix.question {
        facts.push(format!("**Question:** {}", inline(question)));
    }
    if let Some(analyst) = &matrix.analyst {
        facts.push(format!("**Analyst:** {}", inline(analyst)));
    }
    if let Some(created) = matrix.created {
        facts.push(format!("**Created:** {}", timestamp(created)));
    }
    if let Some(updated) = matrix.updated {
        facts.push(format!("**Updated:** {}", timestamp(updated)));
    }
    facts.push(format!(
        "**Generated:** {} by ACH Workbench",
        report.generated.format("%Y-%m-%d")
    ));
    for fact in facts {
        let _ = writeln!(out, "- {fact}");
    }
    out.push('\n');
}

/// Where an item's passage comes from, escaped: `“Title”, Publisher,
/// date, URL, DOC, line N (bytes A–B)` (the citation from the document's
/// metadata sidecar, when it has one), or `None` without a passage.
pub(super) fn source_line(report: &Report<'_>, row: usize) -> Option<String> {
    let passage = report.evidence()[row].source.as_ref()?;
    let line = report.quote_lines[row].as_ref()?;
    let citation = report.citations[row]
        .as_ref()
        .map(|citation| format!("{}, ", inline(citation)))
        .unwrap_or_default();
    Some(format!(
        "{citation}{}, {} (bytes {}–{})",
        inline(&passage.document),
        inline(&line.to_string()),
        passage.start,
        passage.end
    ))
}

/// The Markdown export of `report`.
pub(super) fn render(report: &Report<'_>) -> String {
    let mut out = String::new();
    front_matter(&mut out, "", report);
    hypotheses(&mut out, report);
    matrix_table(&mut out, report);
    scores(&mut out, report);
    super::probability::markdown(&mut out, report);
    diagnosticity(&mut out, report);
    sources(&mut out, report);
    out
}

fn hypotheses(out: &mut String, report: &Report<'_>) {
    out.push_str("## Hypotheses\n\n");
    if report.hypotheses().is_empty() {
        out.push_str("The matrix has no hypotheses.\n\n");
        return;
    }
    let rows: Vec<Vec<String>> = report
        .hypotheses()
        .iter()
        .map(|hypothesis| {
            vec![
                inline(&hypothesis.id),
                inline(&hypothesis.title),
                hypothesis
                    .description
                    .as_deref()
                    .map(inline)
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let headers = [
        ("Id".to_owned(), Align::Left),
        ("Hypothesis".to_owned(), Align::Left),
        ("Description".to_owned(), Align::Left),
    ];
    table(out, &headers, &rows);
    out.push('\n');
}

fn matrix_table(out: &mut String, report: &Report<'_>) {
    out.push_str("## Matrix\n\n");
    if report.evidence().is_empty() {
        out.push_str("The matrix has no evidence items.\n\n");
        return;
    }
    let _ = writeln!(out, "{RATING_LEGEND}\n");
    let mut headers = vec![
        ("Id".to_owned(), Align::Left),
        ("Evidence".to_owned(), Align::Left),
        ("Kind".to_owned(), Align::Left),
        ("Credibility".to_owned(), Align::Left),
        ("Relevance".to_owned(), Align::Left),
    ];
    headers.extend(report.hypotheses().iter().map(|hypothesis| {
        (
            set_aside_label(&hypothesis.id, &hypothesis.set_aside),
            Align::Center,
        )
    }));
    let rows: Vec<Vec<String>> = report
        .evidence()
        .iter()
        .map(|evidence| {
            let mut cells = vec![
                inline(&evidence.id),
                set_aside_label(&evidence.summary, &evidence.set_aside),
                evidence.kind.word().to_owned(),
                evidence.credibility.word().to_owned(),
                evidence.relevance.word().to_owned(),
            ];
            cells.extend((0..report.hypotheses().len()).map(|column| {
                evidence
                    .rating(column)
                    .map_or(UNRATED, |rating| rating.code())
                    .to_owned()
            }));
            cells
        })
        .collect();
    table(out, &headers, &rows);
    out.push('\n');
}

/// `text` as a cell, marked when the analyst set its item aside: the
/// reader of the table must not take it for a counted item.
fn set_aside_label(text: &str, set_aside: &crate::model::SetAside) -> String {
    match (set_aside.is_set(), set_aside.reason()) {
        (false, _) => inline(text),
        (true, None) => format!("{} (set aside)", inline(text)),
        (true, Some(reason)) => format!("{} (set aside: {})", inline(text), inline(reason)),
    }
}

fn scores(out: &mut String, report: &Report<'_>) {
    out.push_str("## Scores\n\n");
    if report.hypotheses().is_empty() {
        out.push_str("There are no hypotheses to score.\n\n");
        return;
    }
    out.push_str(
        "Hypotheses in rank order, least inconsistent first. Inconsistency counts \
         I as 1 and II as 2; the weighted scores multiply each rating by the item's \
         weight (credibility × relevance); weighted consistency (C 1, CC 2) breaks ties.\n\n",
    );
    let headers = [
        ("Rank".to_owned(), Align::Right),
        ("Id".to_owned(), Align::Left),
        ("Hypothesis".to_owned(), Align::Left),
        ("Inconsistency".to_owned(), Align::Right),
        ("Weighted inconsistency".to_owned(), Align::Right),
        ("Weighted consistency".to_owned(), Align::Right),
        ("Unrated".to_owned(), Align::Right),
    ];
    let rows: Vec<Vec<String>> = report
        .listed_ranking()
        .into_iter()
        .map(|column| {
            let hypothesis = &report.hypotheses()[column];
            let score = report.score_of(column);
            vec![
                report.rank_label(column),
                inline(&hypothesis.id),
                inline(&hypothesis.title),
                score.inconsistency.to_string(),
                number(score.weighted_inconsistency),
                number(score.weighted_consistency),
                score.unrated.to_string(),
            ]
        })
        .collect();
    table(out, &headers, &rows);
    out.push('\n');
}

fn diagnosticity(out: &mut String, report: &Report<'_>) {
    out.push_str("## Evidence by diagnosticity\n\n");
    if report.evidence().is_empty() {
        out.push_str("The matrix has no evidence items.\n\n");
        return;
    }
    out.push_str(
        "Most diagnostic first: the spread (standard deviation) of an item's ratings \
         across the hypotheses, on the scale CC 2, C 1, N 0, I −1, II −2 (NA and unrated \
         cells left out). An item rated alike for every hypothesis scores 0.\n\n",
    );
    let headers = [
        ("Diagnosticity".to_owned(), Align::Right),
        ("Id".to_owned(), Align::Left),
        ("Evidence".to_owned(), Align::Left),
    ];
    let rows: Vec<Vec<String>> = report
        .by_diagnosticity()
        .into_iter()
        .map(|row| {
            let evidence = &report.evidence()[row];
            vec![
                number(report.scores.diagnosticity[row]),
                inline(&evidence.id),
                set_aside_label(&evidence.summary, &evidence.set_aside),
            ]
        })
        .collect();
    table(out, &headers, &rows);
    out.push('\n');
}

fn sources(out: &mut String, report: &Report<'_>) {
    out.push_str("## Evidence and sources\n\n");
    if report.evidence().is_empty() {
        out.push_str("The matrix has no evidence items.\n");
        return;
    }
    for (row, evidence) in report.evidence().iter().enumerate() {
        let _ = writeln!(
            out,
            "### {}: {}\n",
            inline(&evidence.id),
            set_aside_label(&evidence.summary, &evidence.set_aside)
        );
        let _ = writeln!(out, "{}.\n", capitalised(&item_facts(evidence)));
        if let Some(notes) = evidence.notes.as_deref().map(paragraphs)
            && !notes.is_empty()
        {
            let _ = writeln!(out, "Notes:\n\n{notes}\n");
        }
        match (source_line(report, row), &evidence.source) {
            (Some(source), Some(passage)) => {
                let _ = writeln!(out, "Source: {source}.\n\n{}\n", blockquote(&passage.quote));
            }
            _ => out.push_str("No source passage.\n\n"),
        }
    }
}

#[cfg(test)]
mod separator_tests {
    use super::*;

    fn separator_line(headers: &[(String, Align)], rows: &[Vec<String>]) -> Vec<String> {
        let mut out = String::new();
        table(&mut out, headers, rows);
        let line = out.lines().nth(1).unwrap().to_owned();
        line.trim_matches('|')
            .split('|')
            .map(|cell| cell.trim().to_owned())
            .collect()
    }

    #[test]
    fn dash_counts_follow_the_widest_cell_of_each_column() {
        let headers = vec![
            ("Evidence".to_owned(), Align::Left),
            ("H1".to_owned(), Align::Center),
            ("Score".to_owned(), Align::Right),
        ];
        let rows = vec![
            vec![
                "A long evidence summary of forty chars.".to_owned(),
                "C".to_owned(),
                "1.00".to_owned(),
            ],
            vec!["Short".to_owned(), "II".to_owned(), "12.50".to_owned()],
        ];
        let cells = separator_line(&headers, &rows);
        assert_eq!(
            cells,
            ["-".repeat(39), ":-:".to_owned(), "----:".to_owned()]
        );
    }

    #[test]
    fn dash_counts_are_capped_and_measured_in_terminal_columns() {
        let headers = vec![
            ("E".to_owned(), Align::Left),
            ("名前".to_owned(), Align::Left),
        ];
        let rows = vec![vec!["x".repeat(500), "名前名前名前".to_owned()]];
        let cells = separator_line(&headers, &rows);
        assert_eq!(cells[0].len(), MAX_DASHES);
        // Six wide characters take twelve columns.
        assert_eq!(cells[1].len(), 12);
    }
}
