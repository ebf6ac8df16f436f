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
    row(
        out,
        &mut headers.iter().map(|(_, align)| match align {
            Align::Left => "---",
            Align::Center => ":-:",
            Align::Right => "--:",
        }),
    );
    for cells in rows {
        debug_assert_eq!(cells.len(), headers.len());
        row(out, &mut cells.iter().map(String::as_str));
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
    headers.extend(
        report
            .hypotheses()
            .iter()
            .map(|hypothesis| (inline(&hypothesis.id), Align::Center)),
    );
    let rows: Vec<Vec<String>> = report
        .evidence()
        .iter()
        .map(|evidence| {
            let mut cells = vec![
                inline(&evidence.id),
                inline(&evidence.summary),
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
        .scores
        .ranking
        .iter()
        .map(|&column| {
            let hypothesis = &report.hypotheses()[column];
            let score = report.score_of(column);
            vec![
                score.rank.to_string(),
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
                inline(&evidence.summary),
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
            inline(&evidence.summary)
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
