//! The bottom line: who leads, by how much, on what evidence, and whether
//! single items decide it. Written as plain paragraphs with matrix text
//! escaped for the format at hand, so the brief (Markdown) and the HTML
//! report say exactly the same thing.

use super::{and_list, bears_on};
use crate::export::report::{Report, number};
use crate::export::{Lead, LeadChange};
use crate::model::Level;
use crate::scoring::Scores;
use crate::text::counted;

/// How a format makes matrix text safe: Markdown's `inline`, HTML's
/// `escape`.
pub(in crate::export) type Escape = fn(&str) -> String;

/// Ids and titles of the matrix, escaped for one format.
struct Names<'r, 'a> {
    report: &'r Report<'a>,
    escape: Escape,
}

impl Names<'_, '_> {
    /// `H2`.
    fn id(&self, column: usize) -> String {
        (self.escape)(&self.report.hypotheses()[column].id)
    }

    /// `H2 (Escalation without confrontation)`.
    fn label(&self, column: usize) -> String {
        let hypothesis = &self.report.hypotheses()[column];
        format!(
            "{} ({})",
            (self.escape)(&hypothesis.id),
            (self.escape)(&hypothesis.title)
        )
    }

    /// `E4`.
    fn evidence_id(&self, row: usize) -> String {
        (self.escape)(&self.report.evidence()[row].id)
    }
}

fn has_any_rating(report: &Report<'_>) -> bool {
    report
        .evidence()
        .iter()
        .any(|evidence| evidence.ratings().iter().any(Option::is_some))
}

/// The brief's "Bottom line" section.
pub(super) fn bottom_line(out: &mut String, report: &Report<'_>, changes: &[LeadChange]) {
    out.push_str("## Bottom line\n\n");
    let inline = crate::export::escape_markdown::inline;
    for paragraph in paragraphs(report, changes, inline, " (see below)") {
        out.push_str(&paragraph);
        out.push_str("\n\n");
    }
}

/// How many deciding items the bottom line names before it counts the rest.
const NAMED_DECIDERS: usize = 10;

/// The bottom line's paragraphs, matrix text escaped by `escape`;
/// `see_below` follows the mention of the items that decide the lead, for
/// a format that lists them further on (the brief), or is empty.
pub(in crate::export) fn paragraphs(
    report: &Report<'_>,
    changes: &[LeadChange],
    escape: Escape,
    see_below: &str,
) -> Vec<String> {
    let mut out = computed(report, changes, escape, see_below);
    // The analyst's own judgement last, held against what came before.
    out.extend(super::judgement::judgement_paragraph(report, escape));
    out
}

/// What the matrix itself says: the paragraphs before the judgement.
fn computed(
    report: &Report<'_>,
    changes: &[LeadChange],
    escape: Escape,
    see_below: &str,
) -> Vec<String> {
    let names = Names { report, escape };
    let hypotheses = report.hypotheses().len();
    let scores = &report.scores;
    let Some(lead) = Lead::of(scores) else {
        return vec![
            "The matrix has no hypotheses, so nothing can be ranked. ACH needs at least \
             two competing hypotheses rated against the evidence."
                .to_owned(),
        ];
    };
    if report.evidence().is_empty() {
        return vec![format!(
            "The matrix has {} but no evidence items, so every hypothesis scores 0 and \
             none leads.",
            counted(hypotheses, "hypothesis", "hypotheses")
        )];
    }
    if !has_any_rating(report) {
        return vec![
            "No cell of the matrix is rated yet, so every hypothesis scores 0 and none \
             leads."
                .to_owned(),
        ];
    }
    // The leader set is empty exactly when no rating bears (all N, NA or
    // unrated): the workbench marks no leader then, and neither do we.
    if report.sensitivity.leader.is_empty() {
        return vec![
            "No rating bears on any hypothesis yet: every rated cell is N or NA, so every \
             hypothesis scores 0 and none leads."
                .to_owned(),
        ];
    }
    let mut out = Vec::new();
    if hypotheses == 1 {
        out.push(format!(
            "The matrix has only one hypothesis, {}, so there is nothing to weigh it \
             against: ACH ranks competing hypotheses. Its weighted inconsistency is {}.",
            names.label(lead.leader),
            number(scores.hypotheses[lead.leader].weighted_inconsistency)
        ));
    } else {
        out.push(lead_sentence(&names, scores, &lead));
    }
    out.push(support_sentence(&names, lead.leader));
    if hypotheses == 1 {
        return out;
    }
    let mut ids: Vec<String> = changes
        .iter()
        .take(NAMED_DECIDERS)
        .map(|change| names.evidence_id(change.evidence))
        .collect();
    if changes.len() > NAMED_DECIDERS {
        ids.push(format!("{} more", changes.len() - NAMED_DECIDERS));
    }
    out.push(match ids.as_slice() {
        [] => format!(
            "No single evidence item decides the lead: without any one of them, {} still \
             ranks first.",
            names.id(lead.leader)
        ),
        [one] => format!(
            "The lead rests on one item: removing {one} alone would put another hypothesis \
             first{see_below}."
        ),
        many => format!(
            "The lead rests on single items: removing any one of {} alone would put another \
             hypothesis first{see_below}.",
            and_list(many)
        ),
    });
    out
}

/// Who leads, by how much, or who ties.
fn lead_sentence(names: &Names<'_, '_>, scores: &Scores, lead: &Lead) -> String {
    let top = &scores.hypotheses[lead.leader];
    if !lead.tied_outright.is_empty() {
        let mut tied = vec![names.label(lead.leader)];
        tied.extend(lead.tied_outright.iter().map(|&c| names.label(c)));
        return format!(
            "{} tie for the lead, with weighted inconsistency {} and weighted consistency \
             {} each: the matrix does not choose between them ({} is listed first only \
             because it comes first in the matrix).",
            and_list(&tied),
            number(top.weighted_inconsistency),
            number(top.weighted_consistency),
            names.id(lead.leader)
        );
    }
    if !lead.tied_on_inconsistency.is_empty() {
        let mut tied = vec![names.label(lead.leader)];
        tied.extend(lead.tied_on_inconsistency.iter().map(|&c| names.label(c)));
        let others: Vec<String> = lead
            .tied_on_inconsistency
            .iter()
            .map(|&c| {
                format!(
                    "{} for {}",
                    number(scores.hypotheses[c].weighted_consistency),
                    names.id(c)
                )
            })
            .collect();
        return format!(
            "{} tie on weighted inconsistency ({}); {} ranks first on weighted \
             consistency, {} against {}.",
            and_list(&tied),
            number(top.weighted_inconsistency),
            names.id(lead.leader),
            number(top.weighted_consistency),
            and_list(&others)
        );
    }
    match (lead.runner_up, lead.margin(scores)) {
        (Some(runner_up), Some(margin)) => format!(
            "{} leads with weighted inconsistency {}, {} below {}, the runner-up.",
            names.label(lead.leader),
            number(top.weighted_inconsistency),
            number(margin),
            names.label(runner_up)
        ),
        _ => format!(
            "{} ranks first with weighted inconsistency {}.",
            names.label(lead.leader),
            number(top.weighted_inconsistency)
        ),
    }
}

/// How many items bear on the hypothesis, of what credibility, and how
/// many count against it.
fn support_sentence(names: &Names<'_, '_>, column: usize) -> String {
    let report = names.report;
    let total = report.evidence().len();
    let bearing: Vec<usize> = (0..total)
        .filter(|&row| report.evidence()[row].rating(column).is_some_and(bears_on))
        .collect();
    let name = names.id(column);
    let unrated = report.score_of(column).unrated;
    let unrated = if unrated > 0 {
        format!(
            " {} unrated for it.",
            counted(unrated, "item is", "items are")
        )
    } else {
        String::new()
    };
    if bearing.is_empty() {
        return format!(
            "None of the {} bears on {name} (none is rated CC, C, I or II against it).{unrated}",
            counted(total, "evidence item", "evidence items")
        );
    }
    let of_credibility = |level: Level| {
        bearing
            .iter()
            .filter(|&&row| report.evidence()[row].credibility == level)
            .count()
    };
    let against = bearing
        .iter()
        .filter(|&&row| {
            report.evidence()[row]
                .rating(column)
                .is_some_and(|r| r.inconsistency_points() > 0)
        })
        .count();
    format!(
        "{} of the {} bear on {name} (rated CC, C, I or II against it): {} of high \
         credibility, {} medium and {} low; {} inconsistent with it (I or II).{unrated}",
        bearing.len(),
        counted(total, "evidence item", "evidence items"),
        of_credibility(Level::High),
        of_credibility(Level::Medium),
        of_credibility(Level::Low),
        if against == 1 {
            "1 of them is".to_owned()
        } else {
            format!("{against} of them are")
        },
    )
}
