//! The analytic brief: the shape analysts write a finished ACH up in
//! (bottom line first, then the probabilities, the competing hypotheses, the evidence that
//! decides between them, its sensitivity and the gaps), in Markdown.
//!
//! Every sentence states something that follows from the matrix and its
//! scores; where the matrix cannot support a conclusion (no hypotheses, no
//! evidence, a tie) the brief says what is missing instead.

pub(super) mod bottom_line;
mod gaps;
pub(super) mod judgement;

use std::fmt::Write;

use super::escape_markdown::{blockquote, inline, paragraphs};
use super::markdown::{front_matter, source_line};
use super::report::{Report, item_facts, number};
use super::{LeadChange, lead_changes_with};
use crate::model::Rating;
use crate::scoring::approx_eq;
use crate::text::counted;
use bottom_line::bottom_line;
use gaps::gaps;

/// How many items "Most diagnostic evidence" shows (more on a tie at the
/// cut-off, so equally diagnostic items are not dropped arbitrarily).
const MOST_DIAGNOSTIC: usize = 5;

/// A hypothesis that fewer items than this bear on has "little evidence".
const LITTLE_EVIDENCE: usize = 3;

/// Whether a rating moves a hypothesis' scores: CC, C, I or II (not N or
/// NA). Read from the rating's own points, not restated here.
fn bears_on(rating: Rating) -> bool {
    rating.inconsistency_points() > 0 || rating.consistency_points() > 0
}

/// The brief of `report`.
pub(super) fn render(report: &Report<'_>) -> String {
    let mut out = String::new();
    front_matter(&mut out, "Analytic brief: ", report);
    let changes = lead_changes_with(report.matrix, &report.scores, &report.sensitivity);
    bottom_line(&mut out, report, &changes);
    super::probability::markdown(&mut out, report);
    hypotheses(&mut out, report);
    most_diagnostic(&mut out, report);
    lead_changers(&mut out, report, &changes);
    judgement::indicators(&mut out, report);
    set_aside(&mut out, report);
    gaps(&mut out, report, &changes);
    sources(&mut out, report);
    out
}

/// `H2`, escaped.
fn id(report: &Report<'_>, column: usize) -> String {
    inline(&report.hypotheses()[column].id)
}

/// `H2 (Escalation without confrontation)`, escaped.
fn label(report: &Report<'_>, column: usize) -> String {
    let hypothesis = &report.hypotheses()[column];
    format!("{} ({})", inline(&hypothesis.id), inline(&hypothesis.title))
}

fn evidence_id(report: &Report<'_>, row: usize) -> String {
    inline(&report.evidence()[row].id)
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn hypotheses(out: &mut String, report: &Report<'_>) {
    out.push_str("## Competing hypotheses\n\n");
    if report.hypotheses().is_empty() {
        out.push_str("None yet.\n\n");
        return;
    }
    out.push_str(
        "Least inconsistent first. Weighted scores multiply each rating by the item's \
         weight (credibility × relevance).\n\n",
    );
    let count = report.hypotheses().len();
    for column in report.listed_ranking() {
        let hypothesis = &report.hypotheses()[column];
        let score = report.score_of(column);
        let _ = writeln!(
            out,
            "### {}. {}: {}\n",
            report.rank_label(column),
            inline(&hypothesis.id),
            inline(&hypothesis.title)
        );
        let rank = report.rank_label(column);
        let rank = if rank == crate::scoring::NOT_RANKED {
            "Not ranked (no rating of it, or of any hypothesis, bears)".to_owned()
        } else {
            format!("Rank {rank} of {count}")
        };
        let _ = writeln!(
            out,
            "{rank}: weighted inconsistency {}, inconsistency {}, weighted \
             consistency {}, {} unrated.\n",
            number(score.weighted_inconsistency),
            score.inconsistency,
            number(score.weighted_consistency),
            score.unrated
        );
        if let Some(description) = hypothesis.description.as_deref().map(paragraphs)
            && !description.is_empty()
        {
            let _ = writeln!(out, "{description}\n");
        }
        let rated = |keep: fn(Rating) -> bool| -> Vec<String> {
            report
                .evidence()
                .iter()
                .filter_map(|evidence| {
                    let rating = evidence.rating(column).filter(|&r| keep(r))?;
                    Some(format!("{} ({})", inline(&evidence.id), rating.code()))
                })
                .collect()
        };
        let against = rated(|r| r.inconsistency_points() > 0);
        let for_it = rated(|r| r.consistency_points() > 0);
        let or_none = |items: Vec<String>| {
            if items.is_empty() {
                "none".to_owned()
            } else {
                items.join(", ")
            }
        };
        let _ = writeln!(out, "- Inconsistent with it: {}.", or_none(against));
        let _ = writeln!(out, "- Consistent with it: {}.\n", or_none(for_it));
    }
}

/// `H1 I, H2 C, H3 unrated`.
fn ratings_line(report: &Report<'_>, row: usize) -> String {
    let evidence = &report.evidence()[row];
    (0..report.hypotheses().len())
        .map(|column| {
            let code = evidence.rating(column).map_or("unrated", |r| r.code());
            format!("{} {code}", id(report, column))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn most_diagnostic(out: &mut String, report: &Report<'_>) {
    out.push_str("## Most diagnostic evidence\n\n");
    let diagnosticity = &report.scores.diagnosticity;
    let ranked: Vec<usize> = report
        .by_diagnosticity()
        .into_iter()
        .filter(|&row| diagnosticity[row] > 0.0)
        .collect();
    if ranked.is_empty() {
        out.push_str(
            "No evidence item tells the hypotheses apart: each is rated alike for every \
             hypothesis, or against fewer than two.\n\n",
        );
        return;
    }
    let cut_off = diagnosticity[ranked[ranked.len().min(MOST_DIAGNOSTIC) - 1]];
    let shown: Vec<usize> = ranked
        .iter()
        .copied()
        .enumerate()
        .take_while(|&(n, row)| n < MOST_DIAGNOSTIC || approx_eq(diagnosticity[row], cut_off))
        .map(|(_, row)| row)
        .collect();
    let _ = writeln!(
        out,
        "The {} whose ratings differ most across the hypotheses (diagnosticity: the \
         standard deviation of its ratings on the scale CC 2 to II −2).\n",
        counted(shown.len(), "item", "items")
    );
    for row in shown {
        let evidence = &report.evidence()[row];
        let _ = writeln!(
            out,
            "### {}: {}\n",
            inline(&evidence.id),
            inline(&evidence.summary)
        );
        let _ = writeln!(
            out,
            "Diagnosticity {}; {}.\\\nRatings: {}.\n",
            number(diagnosticity[row]),
            item_facts(evidence),
            ratings_line(report, row)
        );
        match (&evidence.source, source_line(report, row)) {
            (Some(passage), Some(source)) => {
                let _ = writeln!(out, "{}\n\nSource: {source}.\n", blockquote(&passage.quote));
            }
            _ => out.push_str("No source passage.\n\n"),
        }
    }
}

/// The hypotheses and items the analyst set aside: kept in the matrix,
/// left out of everything above. Only there when something is.
fn set_aside(out: &mut String, report: &Report<'_>) {
    let line = |id: &str, title: &str, aside: &crate::model::SetAside| {
        let reason = aside
            .reason()
            .map_or_else(String::new, |why| format!(": {}", inline(why)));
        format!("- {} ({}){reason}", inline(id), inline(title))
    };
    let hypotheses: Vec<String> = report
        .hypotheses()
        .iter()
        .filter(|h| h.set_aside.is_set())
        .map(|h| line(&h.id, &h.title, &h.set_aside))
        .collect();
    let evidence: Vec<String> = report
        .evidence()
        .iter()
        .filter(|e| e.set_aside.is_set())
        .map(|e| line(&e.id, &e.summary, &e.set_aside))
        .collect();
    if hypotheses.is_empty() && evidence.is_empty() {
        return;
    }
    out.push_str(
        "## Set aside\n\nKept in the matrix but left out of every score, ranking and \
         probability above, by the analyst's choice.\n\n",
    );
    for (what, lines) in [("Hypotheses", hypotheses), ("Evidence", evidence)] {
        if !lines.is_empty() {
            let _ = writeln!(out, "{what}:\n\n{}\n", lines.join("\n"));
        }
    }
}

fn lead_changers(out: &mut String, report: &Report<'_>, changes: &[LeadChange]) {
    out.push_str("## Evidence whose removal alone would change the lead\n\n");
    let Some(leader) = report.scores.leader() else {
        out.push_str("There is no lead to change: the matrix has no hypotheses.\n\n");
        return;
    };
    if report.evidence().is_empty() {
        out.push_str("There is no evidence to remove.\n\n");
        return;
    }
    let _ = writeln!(
        out,
        "Each item was removed in turn and the matrix rescored; these are the items \
         without which {} would no longer rank first.\n",
        id(report, leader)
    );
    if changes.is_empty() {
        let _ = writeln!(
            out,
            "None: without any single item, {} still ranks first.\n",
            id(report, leader)
        );
        return;
    }
    for change in changes {
        let evidence = &report.evidence()[change.evidence];
        let without = &change.scores_without;
        let new = change.lead_without.leader;
        let joined: Vec<String> = change
            .leader_set_without
            .iter()
            .filter(|&&h| h != leader)
            .map(|&h| label(report, h))
            .collect();
        let consequence = if change.leader_set_without.is_empty() {
            "no evidence would bear on any hypothesis, so none would lead".to_owned()
        } else if change.leader_set_without.contains(&leader) {
            format!(
                "{} would tie with {} for first, on both weighted scores",
                and_list(&joined),
                id(report, leader)
            )
        } else {
            format!(
                "{} would rank first, with weighted inconsistency {} against {} for {}",
                label(report, new),
                number(without.hypotheses[new].weighted_inconsistency),
                number(without.hypotheses[leader].weighted_inconsistency),
                id(report, leader)
            )
        };
        let _ = writeln!(
            out,
            "- **{}** ({}): {}. Without it, {consequence}.",
            inline(&evidence.id),
            item_facts(evidence),
            inline(&evidence.summary)
        );
    }
    out.push('\n');
}

fn sources(out: &mut String, report: &Report<'_>) {
    out.push_str("## Sources\n\n");
    if report.evidence().is_empty() {
        out.push_str("No evidence items.\n");
        return;
    }
    for row in 0..report.evidence().len() {
        let source = source_line(report, row).unwrap_or_else(|| "no source passage".to_owned());
        let _ = writeln!(out, "- {}: {source}.", evidence_id(report, row));
    }
}
