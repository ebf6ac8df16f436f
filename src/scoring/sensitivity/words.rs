//! Sensitivity in the analyst's words, the same in the workbench, the
//! score table and the brief.

use super::{FragileCell, Sensitivity};
use crate::model::Matrix;

/// `H3`, `H1 and H2`, `H1, H2 and H4`: the ids of `columns`.
pub fn hypothesis_ids(matrix: &Matrix, columns: &[usize]) -> String {
    let ids: Vec<&str> = columns
        .iter()
        .map(|&column| matrix.hypotheses()[column].id.as_str())
        .collect();
    match ids.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// What a leader set means: `H3 leads`, `H1 and H2 tie for the lead`, or
/// that nothing leads yet.
pub fn leader_clause(matrix: &Matrix, leader: &[usize]) -> String {
    match leader {
        [] => "no hypothesis leads".to_owned(),
        [_] => format!("{} leads", hypothesis_ids(matrix, leader)),
        _ => format!("{} tie for the lead", hypothesis_ids(matrix, leader)),
    }
}

/// `E4: rating H2 II instead of I would make H3 lead`.
pub fn fragile_sentence(matrix: &Matrix, cell: &FragileCell) -> String {
    let outcome = match cell.leader.as_slice() {
        [] => "leave no hypothesis leading".to_owned(),
        [_] => format!("make {} lead", hypothesis_ids(matrix, &cell.leader)),
        _ => format!(
            "make {} tie for the lead",
            hypothesis_ids(matrix, &cell.leader)
        ),
    };
    format!(
        "{}: rating {} {} instead of {} would {outcome}",
        matrix.evidence()[cell.evidence].id,
        matrix.hypotheses()[cell.hypothesis].id,
        cell.to.code(),
        cell.from.code(),
    )
}

/// `H3 leads by 1.41 weighted inconsistency over H2`, or the leader
/// clause alone when nothing trails it.
pub fn margin_sentence(matrix: &Matrix, sensitivity: &Sensitivity) -> String {
    let lead = leader_clause(matrix, &sensitivity.leader);
    match (sensitivity.margin, sensitivity.runner_up) {
        (Some(margin), Some(runner_up)) => format!(
            "{lead} by {margin:.2} weighted inconsistency over {}",
            matrix.hypotheses()[runner_up].id
        ),
        _ => lead,
    }
}
