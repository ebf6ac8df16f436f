use proptest::prelude::*;

use super::*;
use crate::model::{Evidence, Hypothesis, Level, Rating, SetAside};
use crate::scoring::rank::tiers;
use crate::scoring::{rank_order, score};
use Rating::*;

fn matrix(rows: &[(Level, Vec<Option<Rating>>)], columns: usize) -> Matrix {
    let mut matrix = Matrix::new("t");
    for n in 1..=columns {
        matrix.push_hypothesis(Hypothesis::new(format!("H{n}"), "h"));
    }
    for (n, (level, ratings)) in rows.iter().enumerate() {
        let mut evidence = Evidence::new(format!("E{}", n + 1), "e");
        evidence.credibility = *level;
        evidence.relevance = *level;
        let row = matrix.push_evidence(evidence);
        for (column, rating) in ratings.iter().enumerate() {
            matrix.set_rating(row, column, *rating);
        }
    }
    matrix
}

/// The leader set read off a full ranking: the hypotheses in the same
/// inconsistency and consistency tier as the first-ranked one.
fn leaders_by_ranking(matrix: &Matrix) -> Vec<usize> {
    let scores = score(matrix);
    // Read off the matrix, not `Scores::may_lead`: a hypothesis not set
    // aside and rated against some item that is not set aside.
    let rated = |h: usize| {
        matrix
            .evidence()
            .iter()
            .any(|e| !e.set_aside.is_set() && e.rating(h).is_some())
    };
    let ranked: Vec<usize> = (0..matrix.hypotheses().len())
        .filter(|&h| !matrix.hypotheses()[h].set_aside.is_set() && rated(h))
        .collect();
    let bears = ranked.iter().any(|&h| {
        scores.hypotheses[h].weighted_inconsistency != 0.0
            || scores.hypotheses[h].weighted_consistency != 0.0
    });
    if !bears {
        return Vec::new();
    }
    let subset: Vec<_> = ranked
        .iter()
        .map(|&h| scores.hypotheses[h].clone())
        .collect();
    let order = rank_order(&subset);
    let inconsistency = tiers(subset.iter().map(|s| s.weighted_inconsistency));
    let consistency = tiers(subset.iter().map(|s| s.weighted_consistency));
    let first = order[0];
    let mut leaders: Vec<usize> = (0..subset.len())
        .filter(|&p| {
            inconsistency[p] == inconsistency[first] && consistency[p] == consistency[first]
        })
        .map(|place| ranked[place])
        .collect();
    leaders.sort_unstable();
    leaders
}

fn without(matrix: &Matrix, row: usize) -> Matrix {
    let mut reduced = matrix.clone();
    reduced.remove_evidence(row);
    reduced
}

#[test]
fn nothing_bears_nothing_leads() {
    let m = matrix(
        &[(
            Level::Medium,
            vec![Some(Neutral), Some(NotApplicable), None],
        )],
        3,
    );
    let s = sensitivity(&m, &score(&m));
    assert!(s.leader.is_empty());
    assert!(s.critical.is_empty());
    assert_eq!(s.margin, None);
    assert!(
        sensitivity(&Matrix::new("t"), &score(&Matrix::new("t")))
            .leader
            .is_empty()
    );
}

#[test]
fn a_hypothesis_rated_against_nothing_never_leads() {
    // H1 is N throughout, H2 is wholly unrated, H3 is hit once: H2 would
    // tie H1 on both sums, but it has weighed nothing.
    let m = matrix(
        &[
            (Level::Medium, vec![Some(Neutral), None, Some(Inconsistent)]),
            (Level::Medium, vec![Some(Neutral), None, Some(Neutral)]),
        ],
        3,
    );
    let scores = score(&m);
    assert_eq!(scores.may_lead(), vec![true, false, true]);
    let s = sensitivity(&m, &scores);
    assert_eq!(s.leader, vec![0]);
    assert_eq!(leader_set(&scores), vec![0]);
    assert_eq!(scores.leader(), Some(0));
    assert_eq!(s.runner_up, Some(2));
    // Without E1 nothing bears on anything, so nothing leads.
    assert_eq!(
        s.critical,
        vec![CriticalItem {
            evidence: 0,
            leader_without: vec![]
        }]
    );
    // Without E1, H1 is rated against nothing, so H2 leads alone; without
    // E2 only an N is left and nothing leads.
    let lone = matrix(
        &[
            (Level::Medium, vec![Some(Neutral), None]),
            (Level::Medium, vec![None, Some(Inconsistent)]),
        ],
        2,
    );
    let s = sensitivity(&lone, &score(&lone));
    assert_eq!(s.leader, vec![0]);
    assert_eq!(
        s.critical,
        vec![
            CriticalItem {
                evidence: 0,
                leader_without: vec![1]
            },
            CriticalItem {
                evidence: 1,
                leader_without: vec![]
            }
        ]
    );
}

#[test]
fn the_single_item_that_decides_the_lead_is_critical() {
    // H1 leads only because E2 (weight 2) counts against H2.
    let m = matrix(
        &[
            (Level::Medium, vec![Some(Inconsistent), Some(Consistent)]),
            (Level::High, vec![Some(Neutral), Some(VeryInconsistent)]),
            (Level::Medium, vec![Some(Inconsistent), Some(Inconsistent)]),
        ],
        2,
    );
    let s = sensitivity(&m, &score(&m));
    assert_eq!(s.leader, vec![0]);
    assert_eq!(
        s.critical,
        vec![CriticalItem {
            evidence: 1,
            leader_without: vec![1]
        }]
    );
    // H1: 1 + 1 = 2; H2: 4 + 1 = 5.
    assert!((s.margin.unwrap() - 3.0).abs() < 1e-12);
    assert_eq!(s.runner_up, Some(1));
    assert!(s.is_critical(1) && !s.is_critical(0));
}

#[test]
fn a_tie_is_a_leader_set_of_two() {
    let m = matrix(
        &[(
            Level::Medium,
            vec![Some(Consistent), Some(Consistent), Some(Inconsistent)],
        )],
        3,
    );
    let s = sensitivity(&m, &score(&m));
    assert_eq!(s.leader, vec![0, 1]);
    assert_eq!(s.margin, Some(1.0));
    assert_eq!(s.runner_up, Some(2));
    // Moving H1's cell to CC breaks the tie in H1's favour.
    let cell = s.fragile_at(0, 0).find(|c| c.to == VeryConsistent).unwrap();
    assert_eq!(cell.leader, vec![0]);
    // Moving H3's II... H3 is I; one step to N makes all three tie on 0,
    // and H1 and H2 still lead on consistency: not fragile.
    assert!(s.fragile_at(0, 2).all(|c| c.to != Neutral));
}

#[test]
fn a_one_step_change_that_hands_over_the_lead_is_fragile() {
    // H1: I (1), H2: II (2). E1: rating H2 I instead of II would tie.
    let m = matrix(
        &[(
            Level::Medium,
            vec![Some(Inconsistent), Some(VeryInconsistent)],
        )],
        2,
    );
    let s = sensitivity(&m, &score(&m));
    assert_eq!(s.leader, vec![0]);
    let cells: Vec<_> = s
        .fragile
        .iter()
        .map(|c| (c.evidence, c.hypothesis, c.from, c.to, c.leader.clone()))
        .collect();
    assert_eq!(
        cells,
        vec![
            (0, 0, Inconsistent, VeryInconsistent, vec![0, 1]),
            (0, 1, VeryInconsistent, Inconsistent, vec![0, 1]),
        ]
    );
}

#[test]
fn set_aside_items_and_hypotheses_count_for_nothing() {
    let mut m = matrix(
        &[
            (Level::Medium, vec![Some(Inconsistent), Some(Consistent)]),
            (Level::High, vec![Some(Neutral), Some(VeryInconsistent)]),
        ],
        2,
    );
    m.evidence_mut()[1].set_aside = SetAside::Aside { reason: None };
    let s = sensitivity(&m, &score(&m));
    assert_eq!(s.leader, vec![1]);
    assert!(!s.is_critical(1));
    assert!(s.fragile.iter().all(|c| c.evidence != 1));
    m.hypotheses_mut()[1].set_aside = SetAside::Aside { reason: None };
    let scores = score(&m);
    assert_eq!(scores.ranking, vec![0]);
    assert_eq!(scores.hypotheses[1].rank, 0);
    assert_eq!(sensitivity(&m, &scores).leader, vec![0]);
}

#[test]
fn scenarios_leave_out_their_items() {
    let mut m = matrix(
        &[
            (Level::Low, vec![Some(VeryInconsistent), Some(Neutral)]),
            (Level::Medium, vec![Some(Neutral), Some(Inconsistent)]),
        ],
        2,
    );
    m.evidence_mut()[1].kind = crate::model::EvidenceKind::Assumption;
    let low = Scenario::WithoutLowCredibility.score(&m);
    assert_eq!(leader_set(&low), vec![0]);
    let assumptions = Scenario::WithoutAssumptions.score(&m);
    assert_eq!(leader_set(&assumptions), vec![1]);
    assert_eq!(
        scenarios(&m),
        vec![
            Scenario::WithoutLowCredibility,
            Scenario::WithoutAssumptions
        ]
    );
}

fn rating() -> impl Strategy<Value = Option<Rating>> {
    prop_oneof![
        Just(None),
        Just(Some(VeryConsistent)),
        Just(Some(Consistent)),
        Just(Some(Neutral)),
        Just(Some(NotApplicable)),
        Just(Some(Inconsistent)),
        Just(Some(VeryInconsistent)),
    ]
}

fn level() -> impl Strategy<Value = Level> {
    prop_oneof![Just(Level::Low), Just(Level::Medium), Just(Level::High)]
}

prop_compose! {
    fn small_matrix()(columns in 1usize..5)(
        rows in prop::collection::vec(
            (level(), prop::collection::vec(rating(), columns), any::<bool>()),
            0..7,
        ),
        aside_column in prop::option::of(0..columns),
        columns in Just(columns),
    ) -> Matrix {
        let plain: Vec<_> = rows.iter().map(|(l, r, _)| (*l, r.clone())).collect();
        let mut m = matrix(&plain, columns);
        for (row, (_, _, aside)) in rows.iter().enumerate() {
            if *aside && row % 3 == 0 {
                m.evidence_mut()[row].set_aside = SetAside::Aside { reason: None };
            }
        }
        if let Some(column) = aside_column.filter(|_| columns > 2) {
            m.hypotheses_mut()[column].set_aside = SetAside::Aside { reason: None };
        }
        m
    }
}

proptest! {
    #[test]
    fn the_leader_set_is_the_first_tier_of_the_ranking(m in small_matrix()) {
        prop_assert_eq!(leader_set(&score(&m)), leaders_by_ranking(&m));
    }

    #[test]
    fn critical_items_are_exactly_those_whose_removal_changes_the_leaders(m in small_matrix()) {
        let s = sensitivity(&m, &score(&m));
        for row in 0..m.evidence().len() {
            let after = leaders_by_ranking(&without(&m, row));
            let reported = s.critical.iter().find(|c| c.evidence == row);
            match reported {
                Some(item) => {
                    prop_assert_ne!(&after, &s.leader);
                    prop_assert_eq!(&item.leader_without, &after);
                }
                None => prop_assert_eq!(&after, &s.leader),
            }
        }
    }

    #[test]
    fn fragile_cells_match_brute_force(m in small_matrix()) {
        let s = sensitivity(&m, &score(&m));
        let mut expected = Vec::new();
        for row in 0..m.evidence().len() {
            if m.evidence()[row].set_aside.is_set() {
                continue;
            }
            for column in 0..m.hypotheses().len() {
                if m.hypotheses()[column].set_aside.is_set() {
                    continue;
                }
                let Some(from) = m.rating(row, column) else { continue };
                for &to in one_step(from) {
                    let mut changed = m.clone();
                    changed.set_rating(row, column, Some(to));
                    let after = leaders_by_ranking(&changed);
                    if after != s.leader {
                        expected.push(FragileCell { evidence: row, hypothesis: column, from, to, leader: after });
                    }
                }
            }
        }
        prop_assert_eq!(s.fragile, expected);
    }
}

proptest! {
    /// The workbench's split (critical items per edit, fragile cells per
    /// row on screen) gives exactly the full sensitivity.
    #[test]
    fn rows_on_demand_add_up_to_the_whole(matrix in crate::test_support::arbitrary_matrix()) {
        let scores = score(&matrix);
        let whole = sensitivity(&matrix, &scores);
        let mut split = sensitivity_without_fragile(&matrix, &scores);
        prop_assert!(split.fragile.is_empty());
        for row in 0..matrix.evidence().len() {
            split.fragile.extend(fragile_in_row(&matrix, &scores, row));
        }
        prop_assert_eq!(split, whole);
    }
}
