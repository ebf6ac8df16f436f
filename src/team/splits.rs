//! Where a team splits, and on which cells the split decides the leader.
//!
//! A cell's split changes the leader when putting one analyst's rating in
//! the consensus matrix in place of the consensus (that cell alone) gives
//! the consensus a different leader set by the product's one leader rule
//! ([`crate::scoring::leader_set`], through [`super::top`]). Each distinct
//! rating of a cell is tried once, on a score cache that moves one cell's
//! column and puts it back, so a team of 50 on 50 x 500 costs one small
//! update per split rating, not a rescoring.

use crate::edit::Edit;
use crate::model::Rating;
use crate::scoring::ScoreCache;

use super::{Band, Team, top};

/// One rating, held by some analysts, that would change the consensus
/// leader if it were the consensus of its cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    pub rating: Rating,
    /// Who rated the cell so, in analyst order.
    pub analysts: Vec<String>,
    /// The consensus leaders with it (ids, column order).
    pub leaders: Vec<String>,
}

/// A cell the team does not agree on.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    /// Its position in [`Team::cells`].
    pub cell: usize,
    /// The analysts' ratings that would change the leader; empty when
    /// none would.
    pub turns: Vec<Turn>,
}

/// Every cell outside the agreement band, biggest spread first (ties in
/// row then column order), each with the ratings that would change the
/// consensus leader.
pub fn splits(team: &Team) -> Vec<Split> {
    let leaders = top(&team.consensus, &team.scores);
    let columns = team.consensus.hypotheses().len();
    let mut matrix = team.consensus.clone();
    let mut cache = ScoreCache::new(&matrix);
    let mut splits: Vec<Split> = team
        .cells
        .iter()
        .enumerate()
        .filter(|(_, cell)| cell.band != Band::Agreement)
        .map(|(at, cell)| {
            let (row, column) = (at / columns, at % columns);
            let mut tried: Vec<Rating> = Vec::new();
            let mut turns = Vec::new();
            for rating in cell.ratings.iter().flatten().copied() {
                if Some(rating) == cell.consensus || tried.contains(&rating) {
                    continue;
                }
                tried.push(rating);
                let with = rate(&mut matrix, &mut cache, row, column, Some(rating));
                let changed = top(&matrix, cache.scores());
                rate(&mut matrix, &mut cache, row, column, with);
                if changed != leaders {
                    let analysts = team
                        .analysts
                        .iter()
                        .zip(&cell.ratings)
                        .filter(|(_, r)| **r == Some(rating))
                        .map(|(a, _)| a.clone())
                        .collect();
                    turns.push(Turn {
                        rating,
                        analysts,
                        leaders: changed,
                    });
                }
            }
            Split { cell: at, turns }
        })
        .collect();
    splits.sort_by(|a, b| {
        team.cells[b.cell]
            .spread
            .total_cmp(&team.cells[a.cell].spread)
    });
    splits
}

/// Sets one cell and brings the scores along; returns what it was.
fn rate(
    matrix: &mut crate::model::Matrix,
    cache: &mut ScoreCache,
    row: usize,
    column: usize,
    rating: Option<Rating>,
) -> Option<Rating> {
    let before = matrix.rating(row, column);
    matrix.set_rating(row, column, rating);
    cache.apply(
        matrix,
        &Edit::Rate {
            evidence: row,
            hypothesis: column,
            before,
            after: rating,
        },
    );
    before
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Matrix;
    use crate::scoring::score;
    use crate::team::test_copy as copy;
    use crate::team::{Copy, compare};

    /// The leaders of the consensus with one cell set, scored from scratch.
    fn leaders_with(consensus: &Matrix, row: usize, column: usize, rating: Rating) -> Vec<String> {
        let mut matrix = consensus.clone();
        matrix.set_rating(row, column, Some(rating));
        top(&matrix, &score(&matrix))
    }

    #[test]
    fn a_split_changes_the_leader_when_one_analysts_rating_would() {
        // E1 / H1: II, I, CC → consensus I, H2 leads. Carol's CC there
        // would leave no inconsistency on H1: H1 leads with more consistency.
        // E2 / H2: N, N, CC is a mild split whose CC changes nothing.
        let team = compare(&[
            copy("alice", ["II", "C"], ["N", "N"]),
            copy("bob", ["I", "C"], ["N", "N"]),
            copy("carol", ["CC", "C"], ["N", "CC"]),
        ]);
        assert_eq!(top(&team.consensus, &team.scores), ["H2"]);
        let splits = splits(&team);
        let at = |cell: usize| (&team.cells[cell].evidence, &team.cells[cell].hypothesis);
        let found: Vec<_> = splits.iter().map(|s| at(s.cell)).collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            at(splits[0].cell),
            (&"E1".to_owned(), &"H1".to_owned()),
            "biggest first"
        );
        assert_eq!(
            splits[0].turns,
            [Turn {
                rating: Rating::VeryConsistent,
                analysts: vec!["carol".to_owned()],
                leaders: vec!["H1".to_owned()],
            }]
        );
        // Alice's II leaves H2 leading: no turn for it.
        assert_eq!(
            leaders_with(&team.consensus, 0, 0, Rating::VeryInconsistent),
            ["H2"]
        );
        assert!(splits[1].turns.is_empty());
        // The cache agrees with a rescoring from scratch for every turn.
        for split in &splits {
            for turn in &split.turns {
                let cell = split.cell;
                let (row, column) = (cell / 2, cell % 2);
                assert_eq!(
                    leaders_with(&team.consensus, row, column, turn.rating),
                    turn.leaders
                );
            }
        }
    }

    /// Builds a copy with hypotheses H1..H3 and items E1..E4 from codes.
    fn grid(analyst: &str, codes: &[Rating]) -> Copy {
        let mut text = String::from("schema = 1\ntitle = \"Q\"\n");
        for h in 1..=3 {
            text += &format!("\n[[hypotheses]]\nid = \"H{h}\"\ntitle = \"H{h}\"\n");
        }
        for (e, row) in codes.chunks(3).enumerate() {
            let cells: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(h, r)| format!("H{} = \"{}\"", h + 1, r.code()))
                .collect();
            text += &format!(
                "\n[[evidence]]\nid = \"E{}\"\nsummary = \"e\"\nratings = {{ {} }}\n",
                e + 1,
                cells.join(", ")
            );
        }
        Copy {
            analyst: analyst.to_owned(),
            matrix: crate::storage::matrix_from_str(&text).unwrap(),
        }
    }

    proptest::proptest! {
        /// `splits` equals trying every analyst's rating of every split cell
        /// on a fresh copy of the consensus, scored from scratch: so the
        /// cache is put back after each try, agreement cells are left out
        /// and the order is spread first, then row-major.
        #[test]
        fn splits_match_rescoring_every_rating_from_scratch(
            codes in proptest::collection::vec(
                proptest::collection::vec(proptest::sample::select(Rating::ALL.to_vec()), 12),
                3,
            )
        ) {
            let copies: Vec<Copy> = codes
                .iter()
                .enumerate()
                .map(|(n, c)| grid(&format!("a{n}"), c))
                .collect();
            let team = compare(&copies);
            let leaders = top(&team.consensus, &team.scores);
            let mut expected: Vec<(usize, Vec<Turn>)> = Vec::new();
            for (at, cell) in team.cells.iter().enumerate() {
                if cell.band == Band::Agreement {
                    continue;
                }
                let mut turns = Vec::new();
                let mut tried = Vec::new();
                for rating in cell.ratings.iter().flatten().copied() {
                    if Some(rating) == cell.consensus || tried.contains(&rating) {
                        continue;
                    }
                    tried.push(rating);
                    let with = leaders_with(&team.consensus, at / 3, at % 3, rating);
                    if with != leaders {
                        let analysts = team
                            .analysts
                            .iter()
                            .zip(&cell.ratings)
                            .filter(|(_, r)| **r == Some(rating))
                            .map(|(a, _)| a.clone())
                            .collect();
                        turns.push(Turn { rating, analysts, leaders: with });
                    }
                }
                expected.push((at, turns));
            }
            expected.sort_by(|a, b| {
                team.cells[b.0].spread.total_cmp(&team.cells[a.0].spread).then(a.0.cmp(&b.0))
            });
            let found: Vec<(usize, Vec<Turn>)> =
                splits(&team).into_iter().map(|s| (s.cell, s.turns)).collect();
            proptest::prop_assert_eq!(found, expected);
        }
    }

    #[test]
    fn top_names_every_hypothesis_tied_at_the_top() {
        // Ranks are places (1, 2, ...), so a true tie shows only through
        // the one leader rule: both hypotheses lead, in column order.
        let team = compare(&[copy("alice", ["C", "C"], ["N", "N"])]);
        assert_eq!(top(&team.consensus, &team.scores), ["H1", "H2"]);
        assert_eq!(team.leaders, [vec!["H1".to_owned(), "H2".to_owned()]]);
        // More consistency breaks the tie in inconsistency.
        let team = compare(&[copy("alice", ["CC", "C"], ["N", "N"])]);
        assert_eq!(top(&team.consensus, &team.scores), ["H1"]);
    }
}
