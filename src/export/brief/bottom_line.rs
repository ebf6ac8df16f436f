//! The bottom line: who leads, by how much, on what evidence, and whether
//! single items decide it.

use std::fmt::Write;

use super::{and_list, bears_on, evidence_id, id, label};
use crate::export::report::{Report, number};
use crate::export::{Lead, LeadChange};
use crate::model::Level;
use crate::scoring::Scores;
use crate::text::counted;

fn has_any_rating(report: &Report<'_>) -> bool {
    report
        .evidence()
        .iter()
        .any(|evidence| evidence.ratings().iter().any(Option::is_some))
}

pub(super) fn bottom_line(out: &mut String, report: &Report<'_>, changes: &[LeadChange]) {
    out.push_str("## Bottom line\n\n");
    let hypotheses = report.hypotheses().len();
    let scores = &report.scores;
    let Some(lead) = Lead::of(scores) else {
        out.push_str(
            "The matrix has no hypotheses, so nothing can be ranked. ACH needs at least \
             two competing hypotheses rated against the evidence.\n\n",
        );
        return;
    };
    if report.evidence().is_empty() {
        let _ = writeln!(
            out,
            "The matrix has {} but no evidence items, so every hypothesis scores 0 and \
             none leads.\n",
            counted(hypotheses, "hypothesis", "hypotheses")
        );
        return;
    }
    if !has_any_rating(report) {
        let _ = writeln!(
            out,
            "No cell of the matrix is rated yet, so every hypothesis scores 0 and none \
             leads.\n"
        );
        return;
    }
    if hypotheses == 1 {
        let _ = writeln!(
            out,
            "The matrix has only one hypothesis, {}, so there is nothing to weigh it \
             against: ACH ranks competing hypotheses. Its weighted inconsistency is {}.\n",
            label(report, lead.leader),
            number(scores.hypotheses[lead.leader].weighted_inconsistency)
        );
    } else {
        let _ = writeln!(out, "{}\n", lead_sentence(report, scores, &lead));
    }
    let _ = writeln!(out, "{}\n", support_sentence(report, lead.leader));
    if hypotheses == 1 {
        return;
    }
    let ids: Vec<String> = changes
        .iter()
        .map(|change| evidence_id(report, change.evidence))
        .collect();
    let _ = match ids.as_slice() {
        [] => writeln!(
            out,
            "No single evidence item decides the lead: without any one of them, {} still \
             ranks first.\n",
            id(report, lead.leader)
        ),
        [one] => writeln!(
            out,
            "The lead rests on one item: removing {one} alone would put another hypothesis \
             first (see below).\n"
        ),
        many => writeln!(
            out,
            "The lead rests on single items: removing any one of {} alone would put another \
             hypothesis first (see below).\n",
            and_list(many)
        ),
    };
}

/// Who leads, by how much, or who ties.
fn lead_sentence(report: &Report<'_>, scores: &Scores, lead: &Lead) -> String {
    let top = &scores.hypotheses[lead.leader];
    if !lead.tied_outright.is_empty() {
        let mut names = vec![label(report, lead.leader)];
        names.extend(lead.tied_outright.iter().map(|&c| label(report, c)));
        return format!(
            "{} tie for the lead, with weighted inconsistency {} and weighted consistency \
             {} each: the matrix does not choose between them ({} is listed first only \
             because it comes first in the matrix).",
            and_list(&names),
            number(top.weighted_inconsistency),
            number(top.weighted_consistency),
            id(report, lead.leader)
        );
    }
    if !lead.tied_on_inconsistency.is_empty() {
        let mut names = vec![label(report, lead.leader)];
        names.extend(lead.tied_on_inconsistency.iter().map(|&c| label(report, c)));
        let others: Vec<String> = lead
            .tied_on_inconsistency
            .iter()
            .map(|&c| {
                format!(
                    "{} for {}",
                    number(scores.hypotheses[c].weighted_consistency),
                    id(report, c)
                )
            })
            .collect();
        return format!(
            "{} tie on weighted inconsistency ({}); {} ranks first on weighted \
             consistency, {} against {}.",
            and_list(&names),
            number(top.weighted_inconsistency),
            id(report, lead.leader),
            number(top.weighted_consistency),
            and_list(&others)
        );
    }
    match (lead.runner_up, lead.margin(scores)) {
        (Some(runner_up), Some(margin)) => format!(
            "{} leads with weighted inconsistency {}, {} below {}, the runner-up.",
            label(report, lead.leader),
            number(top.weighted_inconsistency),
            number(margin),
            label(report, runner_up)
        ),
        _ => format!(
            "{} ranks first with weighted inconsistency {}.",
            label(report, lead.leader),
            number(top.weighted_inconsistency)
        ),
    }
}

/// How many items bear on the hypothesis, of what credibility, and how
/// many count against it.
fn support_sentence(report: &Report<'_>, column: usize) -> String {
    let total = report.evidence().len();
    let bearing: Vec<usize> = (0..total)
        .filter(|&row| report.evidence()[row].rating(column).is_some_and(bears_on))
        .collect();
    let name = id(report, column);
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
