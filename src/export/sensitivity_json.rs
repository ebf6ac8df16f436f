//! The sensitivity keys that `ach score --json` and the JSON export share:
//! `leader`, `critical`, `fragile` and `margin`, so the two can never
//! describe the same matrix differently.

use serde::Serialize;

use crate::model::Matrix;
use crate::scoring::Sensitivity;

/// What the leader set rests on, by id.
#[derive(Debug, Serialize)]
pub struct SensitivityEntry<'a> {
    /// Ids of the hypotheses tied for rank 1, in matrix order; empty while
    /// no evidence bears on any hypothesis.
    pub leader: Vec<&'a str>,
    /// Ids of the evidence items whose removal alone changes `leader`.
    pub critical: Vec<&'a str>,
    /// One-step rating changes that would change `leader`.
    pub fragile: Vec<FragileEntry<'a>>,
    /// Weighted inconsistency of the best hypothesis outside `leader`
    /// minus the leaders'; `null` without one.
    pub margin: Option<f64>,
}

/// One fragile cell.
#[derive(Debug, Serialize)]
pub struct FragileEntry<'a> {
    pub evidence: &'a str,
    pub hypothesis: &'a str,
    pub from: &'static str,
    pub to: &'static str,
    /// The leader set after the change.
    pub leader: Vec<&'a str>,
}

impl<'a> SensitivityEntry<'a> {
    /// The entry for `sensitivity`, a sensitivity of `matrix`.
    pub fn new(matrix: &'a Matrix, sensitivity: &Sensitivity) -> Self {
        let hypothesis = |column: usize| matrix.hypotheses()[column].id.as_str();
        let ids = |columns: &[usize]| columns.iter().map(|&c| hypothesis(c)).collect();
        SensitivityEntry {
            leader: ids(&sensitivity.leader),
            critical: sensitivity
                .critical
                .iter()
                .map(|item| matrix.evidence()[item.evidence].id.as_str())
                .collect(),
            fragile: sensitivity
                .fragile
                .iter()
                .map(|cell| FragileEntry {
                    evidence: &matrix.evidence()[cell.evidence].id,
                    hypothesis: hypothesis(cell.hypothesis),
                    from: cell.from.code(),
                    to: cell.to.code(),
                    leader: ids(&cell.leader),
                })
                .collect(),
            margin: sensitivity.margin,
        }
    }
}
