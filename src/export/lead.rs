//! Who leads the ranking, over whom, and whether the lead is a tie.

use crate::scoring::{HypothesisScore, Scores, approx_eq};

/// The top of a ranking, read from [`Scores`]: the leader, the runner-up
/// and the hypotheses that share first place with the leader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lead {
    /// The first-ranked (least inconsistent) hypothesis, by position.
    pub leader: usize,
    /// The second-ranked hypothesis, if there are two or more.
    pub runner_up: Option<usize>,
    /// The other hypotheses whose weighted inconsistency equals the
    /// leader's, in rank order; the ranking set them apart by weighted
    /// consistency or, failing that, by their order in the matrix.
    pub tied_on_inconsistency: Vec<usize>,
    /// Those of [`Lead::tied_on_inconsistency`] whose weighted consistency
    /// equals the leader's as well: only the matrix order puts the leader
    /// first, so the matrix does not choose between them.
    pub tied_outright: Vec<usize>,
}

impl Lead {
    /// The lead of `scores`, or `None` when there are no hypotheses. Only
    /// hypotheses that [may lead](Scores::may_lead) are weighed (all of
    /// them while none may), so the brief names the grid's leader.
    pub fn of(scores: &Scores) -> Option<Lead> {
        let may_lead = scores.may_lead();
        let ranking: Vec<usize> = scores
            .ranking
            .iter()
            .copied()
            .filter(|&column| may_lead[column])
            .collect();
        if ranking.is_empty() {
            Lead::of_ranking(&scores.hypotheses, &scores.ranking)
        } else {
            Lead::of_ranking(&scores.hypotheses, &ranking)
        }
    }

    /// The lead of hypotheses scored `hypotheses` and ranked `ranking`
    /// (as [`Scores`] holds them, or [`crate::scoring::ScoresWithout`]).
    pub fn of_ranking(hypotheses: &[HypothesisScore], ranking: &[usize]) -> Option<Lead> {
        let leader = *ranking.first()?;
        let top = &hypotheses[leader];
        let tied_on_inconsistency: Vec<usize> = ranking[1..]
            .iter()
            .copied()
            .filter(|&other| {
                approx_eq(
                    hypotheses[other].weighted_inconsistency,
                    top.weighted_inconsistency,
                )
            })
            .collect();
        let tied_outright = tied_on_inconsistency
            .iter()
            .copied()
            .filter(|&other| {
                approx_eq(
                    hypotheses[other].weighted_consistency,
                    top.weighted_consistency,
                )
            })
            .collect();
        Some(Lead {
            leader,
            runner_up: ranking.get(1).copied(),
            tied_on_inconsistency,
            tied_outright,
        })
    }

    /// How much more weighted inconsistency the runner-up has than the
    /// leader (0 on a tie), when there is a runner-up.
    pub fn margin(&self, scores: &Scores) -> Option<f64> {
        let runner_up = self.runner_up?;
        Some(
            scores.hypotheses[runner_up].weighted_inconsistency
                - scores.hypotheses[self.leader].weighted_inconsistency,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, Hypothesis, Matrix, Rating};
    use crate::scoring::score;

    fn matrix(rows: &[[Option<Rating>; 3]]) -> Matrix {
        let mut matrix = Matrix::new("t");
        for id in ["H1", "H2", "H3"] {
            matrix.push_hypothesis(Hypothesis::new(id, id));
        }
        for (n, ratings) in rows.iter().enumerate() {
            let row = matrix.push_evidence(Evidence::new(format!("E{n}"), "e"));
            for (column, rating) in ratings.iter().enumerate() {
                matrix.set_rating(row, column, *rating);
            }
        }
        matrix
    }

    #[test]
    fn a_clear_lead_has_a_margin_and_no_ties() {
        use Rating::*;
        let scores = score(&matrix(&[[
            Some(Consistent),
            Some(Inconsistent),
            Some(VeryInconsistent),
        ]]));
        let lead = Lead::of(&scores).unwrap();
        assert_eq!((lead.leader, lead.runner_up), (0, Some(1)));
        assert!(lead.tied_on_inconsistency.is_empty());
        assert_eq!(lead.margin(&scores), Some(1.0));
    }

    #[test]
    fn ties_on_inconsistency_and_outright() {
        use Rating::*;
        // H1 and H2 both 0 inconsistent; H1 more consistent. H3 ties H2
        // outright but not the leader.
        let scores = score(&matrix(&[[Some(Consistent), Some(Neutral), Some(Neutral)]]));
        let lead = Lead::of(&scores).unwrap();
        assert_eq!(lead.leader, 0);
        assert_eq!(lead.tied_on_inconsistency, vec![1, 2]);
        assert!(lead.tied_outright.is_empty());
        let scores = score(&matrix(&[[
            Some(Neutral),
            Some(Neutral),
            Some(Inconsistent),
        ]]));
        let lead = Lead::of(&scores).unwrap();
        assert_eq!(lead.tied_outright, vec![1]);
        assert_eq!(lead.margin(&scores), Some(0.0));
    }

    #[test]
    fn a_hypothesis_rated_against_nothing_is_not_weighed() {
        use Rating::*;
        // H1 wholly unrated ranks first on file order; H2 leads, tied with
        // nobody, and H3 is the runner-up.
        let scores = score(&matrix(&[[None, Some(Neutral), Some(Inconsistent)]]));
        assert_eq!(scores.ranking[0], 0);
        let lead = Lead::of(&scores).unwrap();
        assert_eq!((lead.leader, lead.runner_up), (1, Some(2)));
        assert!(lead.tied_outright.is_empty());
    }

    #[test]
    fn no_hypotheses_no_lead() {
        assert_eq!(Lead::of(&score(&Matrix::new("t"))), None);
    }
}
