//! Information gaps: what the matrix lacks or leans on, as far as the
//! matrix itself can show it.

use std::fmt::Write;

use super::{LITTLE_EVIDENCE, bears_on, evidence_id, id, label};
use crate::export::LeadChange;
use crate::export::escape_markdown::inline;
use crate::export::report::Report;
use crate::model::{EvidenceKind, Level};
use crate::text::counted;

pub(super) fn gaps(out: &mut String, report: &Report<'_>, changes: &[LeadChange]) {
    out.push_str("## Information gaps\n\n");
    if report.hypotheses().is_empty() || report.evidence().is_empty() {
        out.push_str(
            "The matrix needs hypotheses and evidence before its gaps can be assessed.\n\n",
        );
        return;
    }
    unrated_cells(out, report);
    little_evidence(out, report);
    weighty_low_credibility(out, report, changes);
    assumptions(out, report);
    health(out, report);
    passages(out, report);
}

/// The matrix health warnings (`crate::health`) that no other heading of
/// this section already shows: unrated cells, thin hypotheses and missing
/// assumptions have their own.
fn health(out: &mut String, report: &Report<'_>) {
    use crate::health::Rule;
    out.push_str(
        "### Matrix health

",
    );
    let warnings: Vec<_> =
        crate::health::health(report.matrix, &report.scores, &report.sensitivity)
            .into_iter()
            .filter(|w| !matches!(w.rule, Rule::Unrated | Rule::FewItems | Rule::NoAssumptions))
            .collect();
    if warnings.is_empty() {
        out.push_str(
            "No item rates alike against every hypothesis, no absence of evidence is rated \
             as support, the evidence is of more than one kind, and the lead rests on no \
             single item or source document.\n\n",
        );
        return;
    }
    for warning in warnings {
        let _ = writeln!(
            out,
            "- {}.",
            inline(&crate::text::capitalised(&warning.message))
        );
    }
    out.push('\n');
}

fn unrated_cells(out: &mut String, report: &Report<'_>) {
    out.push_str("### Unrated cells\n\n");
    let cells = report.hypotheses().len() * report.evidence().len();
    let unrated: usize = report.scores.hypotheses.iter().map(|s| s.unrated).sum();
    if unrated == 0 {
        let _ = writeln!(out, "All {cells} cells are rated.\n");
        return;
    }
    let _ = writeln!(out, "{unrated} of {cells} cells are unrated:\n");
    for column in 0..report.hypotheses().len() {
        let rows: Vec<String> = (0..report.evidence().len())
            .filter(|&row| report.evidence()[row].rating(column).is_none())
            .map(|row| evidence_id(report, row))
            .collect();
        if !rows.is_empty() {
            let _ = writeln!(out, "- {}: {}.", label(report, column), rows.join(", "));
        }
    }
    out.push('\n');
}

fn little_evidence(out: &mut String, report: &Report<'_>) {
    out.push_str("### Hypotheses with little evidence\n\n");
    let thin: Vec<(usize, Vec<String>)> = (0..report.hypotheses().len())
        .map(|column| {
            let rows = (0..report.evidence().len())
                .filter(|&row| report.evidence()[row].rating(column).is_some_and(bears_on))
                .map(|row| evidence_id(report, row))
                .collect::<Vec<_>>();
            (column, rows)
        })
        .filter(|(_, rows)| rows.len() < LITTLE_EVIDENCE)
        .collect();
    if thin.is_empty() {
        let _ = writeln!(
            out,
            "Every hypothesis has at least {LITTLE_EVIDENCE} items bearing on it (rated CC, \
             C, I or II).\n"
        );
        return;
    }
    let _ = writeln!(
        out,
        "Fewer than {LITTLE_EVIDENCE} items bear on these (rated CC, C, I or II against them):\n"
    );
    for (column, rows) in thin {
        let which = if rows.is_empty() {
            String::new()
        } else {
            format!(" ({})", rows.join(", "))
        };
        let _ = writeln!(
            out,
            "- {}: {}{which}.",
            label(report, column),
            counted(rows.len(), "item", "items")
        );
    }
    out.push('\n');
}

fn weighty_low_credibility(out: &mut String, report: &Report<'_>, changes: &[LeadChange]) {
    out.push_str("### Low-credibility evidence that carries weight\n\n");
    let Some(leader) = report.scores.leader() else {
        return;
    };
    let mut lines = Vec::new();
    for (row, evidence) in report.evidence().iter().enumerate() {
        if evidence.credibility != Level::Low {
            continue;
        }
        let mut reasons = Vec::new();
        if let Some(rating) = evidence.rating(leader).filter(|&r| bears_on(r)) {
            reasons.push(format!(
                "rated {} against {}",
                rating.code(),
                id(report, leader)
            ));
        }
        // `changes` is in row order: a search, not a scan per item, as
        // every item may be low-credibility and critical at once.
        if changes
            .binary_search_by_key(&row, |change| change.evidence)
            .is_ok()
        {
            reasons.push("alone would change the lead".to_owned());
        }
        if !reasons.is_empty() {
            lines.push(format!(
                "- {}: {} — {}.",
                inline(&evidence.id),
                inline(&evidence.summary),
                reasons.join("; ")
            ));
        }
    }
    if lines.is_empty() {
        let _ = writeln!(
            out,
            "No low-credibility item bears on {} or decides the lead.\n",
            id(report, leader)
        );
        return;
    }
    let _ = writeln!(
        out,
        "Items of low credibility that bear on the leading hypothesis, {}, or decide the lead:\n",
        id(report, leader)
    );
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    out.push('\n');
}

fn assumptions(out: &mut String, report: &Report<'_>) {
    let rows: Vec<String> = report
        .evidence()
        .iter()
        .filter(|evidence| evidence.kind == EvidenceKind::Assumption)
        .map(|evidence| inline(&evidence.id))
        .collect();
    out.push_str("### Assumptions\n\n");
    if rows.is_empty() {
        out.push_str("No item is recorded as an assumption.\n\n");
    } else {
        let _ = writeln!(
            out,
            "Recorded as assumptions rather than reported facts: {}.\n",
            rows.join(", ")
        );
    }
}

fn passages(out: &mut String, report: &Report<'_>) {
    out.push_str("### Source passages\n\n");
    let without: Vec<String> = (0..report.evidence().len())
        .filter(|&row| report.evidence()[row].source.is_none())
        .map(|row| evidence_id(report, row))
        .collect();
    let unlocated: Vec<String> = report
        .quote_lines
        .iter()
        .enumerate()
        .filter_map(|(row, line)| {
            let line = line.as_ref()?;
            line.number().is_none().then(|| {
                format!(
                    "{} ({})",
                    evidence_id(report, row),
                    inline(&line.to_string())
                )
            })
        })
        .collect();
    if without.is_empty() && unlocated.is_empty() {
        out.push_str("Every item quotes a passage that its document still holds.\n\n");
        return;
    }
    if !without.is_empty() {
        let _ = writeln!(out, "- Without a source passage: {}.", without.join(", "));
    }
    if !unlocated.is_empty() {
        let _ = writeln!(
            out,
            "- Passages not found in their documents: {}.",
            unlocated.join("; ")
        );
    }
    out.push('\n');
}
