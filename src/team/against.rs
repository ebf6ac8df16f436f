//! "Me against the team": where one analyst's ratings differ from the
//! consensus, biggest difference first.
//!
//! The difference of two numeric ratings is their distance on the −2…+2
//! scale; NA against a numeric rating counts as [`NA_DISTANCE`] (the
//! analyst says the item does not bear on the hypothesis at all while the
//! team says it does, or the other way round). Cells I left unrated, or
//! that nobody rated, are not differences.

use std::collections::HashMap;

use super::{Team, scale};
use crate::model::{Matrix, Rating};

/// How far NA is from any numeric rating, in steps of the scale.
pub const NA_DISTANCE: f64 = 2.0;

/// One cell where an analyst and the consensus part.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    pub evidence: String,
    pub hypothesis: String,
    /// The analyst's rating.
    pub mine: Rating,
    pub consensus: Rating,
    /// Steps apart on the −2…+2 scale (see the module doc).
    pub distance: f64,
    /// The cell's position in [`Team::cells`].
    pub cell: usize,
}

/// How far apart two ratings are; 0 when they agree.
pub fn distance(a: Rating, b: Rating) -> f64 {
    match (scale(a), scale(b)) {
        (Some(x), Some(y)) => (x - y).abs(),
        (None, None) => 0.0,
        _ => NA_DISTANCE,
    }
}

/// Where `mine` (a rating per team cell) differs from the consensus,
/// biggest first; equal differences keep the matrix's order.
fn differences(team: &Team, mine: impl Fn(usize) -> Option<Rating>) -> Vec<Difference> {
    let mut found: Vec<Difference> = team
        .cells
        .iter()
        .enumerate()
        .filter_map(|(n, cell)| {
            let (mine, consensus) = (mine(n)?, cell.consensus?);
            let distance = distance(mine, consensus);
            (distance > 0.0).then(|| Difference {
                evidence: cell.evidence.clone(),
                hypothesis: cell.hypothesis.clone(),
                mine,
                consensus,
                distance,
                cell: n,
            })
        })
        .collect();
    // Stable, so equal distances stay in matrix order.
    found.sort_by(|a, b| b.distance.total_cmp(&a.distance));
    found
}

/// Where the analyst at `analyst` (an index into [`Team::analysts`])
/// differs from the consensus, from the ratings their copy had.
pub fn against_team(team: &Team, analyst: usize) -> Vec<Difference> {
    differences(team, |n| {
        team.cells[n].ratings.get(analyst).copied().flatten()
    })
}

/// Where `matrix` (an analyst's copy as it is now, perhaps with unsaved
/// edits) differs from the consensus; items and hypotheses are matched by
/// id, and those the team does not have are left out.
pub fn matrix_against_team(team: &Team, matrix: &Matrix) -> Vec<Difference> {
    let rows: HashMap<&str, usize> = matrix
        .evidence()
        .iter()
        .enumerate()
        .map(|(n, e)| (e.id.as_str(), n))
        .collect();
    let columns: Vec<Option<usize>> = team
        .consensus
        .hypotheses()
        .iter()
        .map(|h| matrix.hypothesis_index(&h.id))
        .collect();
    let width = columns.len().max(1);
    let row_of: Vec<Option<usize>> = team
        .consensus
        .evidence()
        .iter()
        .map(|e| rows.get(e.id.as_str()).copied())
        .collect();
    differences(team, |n| {
        let (row, column) = (row_of[n / width]?, columns[n % width]?);
        matrix.rating(row, column)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, Hypothesis};
    use crate::team::{Copy, compare};
    use Rating::*;

    fn copy(analyst: &str, ratings: [[Rating; 2]; 2]) -> Copy {
        let mut matrix = Matrix::new("Who");
        matrix.push_hypothesis(Hypothesis::new("H1", "Alone"));
        matrix.push_hypothesis(Hypothesis::new("H2", "With help"));
        for (row, id) in ["E1", "E2"].into_iter().enumerate() {
            matrix.push_evidence(Evidence::new(id, id));
            for (column, rating) in ratings[row].into_iter().enumerate() {
                matrix.set_rating(row, column, Some(rating));
            }
        }
        Copy {
            analyst: analyst.to_owned(),
            matrix,
        }
    }

    #[test]
    fn my_differences_come_biggest_first_and_na_counts_two_steps() {
        let copies = [
            copy(
                "alice",
                [[VeryConsistent, Neutral], [NotApplicable, Inconsistent]],
            ),
            copy("bob", [[Inconsistent, Neutral], [Consistent, Inconsistent]]),
            copy(
                "carol",
                [[Inconsistent, Consistent], [Consistent, Inconsistent]],
            ),
        ];
        let team = compare(&copies);
        let mine = against_team(&team, 0);
        let found: Vec<(&str, &str, Rating, Rating, f64)> = mine
            .iter()
            .map(|d| {
                (
                    d.evidence.as_str(),
                    d.hypothesis.as_str(),
                    d.mine,
                    d.consensus,
                    d.distance,
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("E1", "H1", VeryConsistent, Inconsistent, 3.0),
                ("E2", "H1", NotApplicable, Consistent, 2.0),
            ]
        );
        // Carol differs on one cell by one step.
        assert_eq!(against_team(&team, 2).len(), 1);
        assert_eq!(against_team(&team, 2)[0].distance, 1.0);
    }

    #[test]
    fn an_open_copy_is_compared_as_it_is_now_by_id() {
        let copies = [
            copy("alice", [[Neutral, Neutral], [Neutral, Neutral]]),
            copy("bob", [[Neutral, Neutral], [Neutral, Neutral]]),
        ];
        let team = compare(&copies);
        // Alice's unsaved edit, in a copy with its columns swapped and an
        // item the team does not have.
        let mut mine = copies[0].matrix.clone();
        mine.swap_hypotheses(0, 1);
        mine.set_rating(1, 0, Some(VeryInconsistent));
        mine.push_evidence(Evidence::new("E9", "Mine alone"));
        let found = matrix_against_team(&team, &mine);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (
                found[0].evidence.as_str(),
                found[0].hypothesis.as_str(),
                found[0].distance
            ),
            ("E2", "H2", 2.0)
        );
        assert_eq!(distance(Consistent, Consistent), 0.0);
        assert_eq!(distance(NotApplicable, NotApplicable), 0.0);
    }
}
