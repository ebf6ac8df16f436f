//! A team's copies of one matrix side by side: per cell every analyst's
//! rating, the consensus and how far the analysts disagree.
//!
//! Ratings are read on the −2…+2 scale (II = −2, I = −1, N = 0, C = +1,
//! CC = +2). The consensus of a cell is NA when most of the analysts who
//! rated it said NA, else the median of the others (for an even count, the
//! mean of the two middle values rounded toward N, so a split between C
//! and I reads as N). The spread is the population standard deviation of
//! the numeric ratings, named by [`Band`]. Unrated cells are left out.

mod against;
mod files;
mod probability;
mod splits;

pub use against::{Difference, NA_DISTANCE, against_team, distance, matrix_against_team};
pub use files::{TeamError, analyst_name, load_team, team_files};
pub use probability::TeamProbabilities;
pub use splits::{Split, Turn, splits};

use std::collections::HashMap;

use crate::model::{Evidence, Matrix, Rating};
use crate::scoring::{Scores, leader_set, score};

/// One analyst's copy.
#[derive(Debug, Clone)]
pub struct Copy {
    /// The file's `analyst`, else its name.
    pub analyst: String,
    pub matrix: Matrix,
}

/// How far the analysts of a cell disagree, by its spread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    /// Spread below 0.5.
    Agreement,
    /// Below 1.0.
    Mild,
    /// Below 1.5.
    Large,
    /// 1.5 or more.
    Extreme,
}

impl Band {
    /// The band of a spread.
    pub fn of(spread: f64) -> Band {
        if spread < 0.5 {
            Band::Agreement
        } else if spread < 1.0 {
            Band::Mild
        } else if spread < 1.5 {
            Band::Large
        } else {
            Band::Extreme
        }
    }

    /// The band's name, as the README and JSON give it.
    pub fn word(self) -> &'static str {
        match self {
            Band::Agreement => "agreement",
            Band::Mild => "mild",
            Band::Large => "large",
            Band::Extreme => "extreme",
        }
    }
}

/// One cell of the team matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamCell {
    pub evidence: String,
    pub hypothesis: String,
    /// Each analyst's rating, in the order of [`Team::analysts`]; `None`
    /// where the analyst left it unrated or lacks the item or hypothesis.
    pub ratings: Vec<Option<Rating>>,
    pub consensus: Option<Rating>,
    pub spread: f64,
    pub band: Band,
}

/// Something only some copies have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partial {
    pub id: String,
    /// The analysts whose copy has it.
    pub analysts: Vec<String>,
}

/// The team's copies compared.
#[derive(Debug, Clone)]
pub struct Team {
    pub analysts: Vec<String>,
    /// The consensus matrix: every hypothesis and item any copy has (the
    /// first copy's wording), rated by consensus.
    pub consensus: Matrix,
    pub scores: Scores,
    /// Row-major over the consensus matrix's evidence and hypotheses.
    pub cells: Vec<TeamCell>,
    /// Each analyst's own leaders (ids tied at the top), in analyst order.
    pub leaders: Vec<Vec<String>>,
    pub partial_hypotheses: Vec<Partial>,
    pub partial_evidence: Vec<Partial>,
    /// The analysts' coherent probabilities, their average and the
    /// consensus posterior.
    pub probabilities: TeamProbabilities,
}

/// A rating on the −2…+2 scale; `None` for NA.
pub fn scale(rating: Rating) -> Option<f64> {
    match rating {
        Rating::VeryInconsistent => Some(-2.0),
        Rating::Inconsistent => Some(-1.0),
        Rating::Neutral => Some(0.0),
        Rating::Consistent => Some(1.0),
        Rating::VeryConsistent => Some(2.0),
        Rating::NotApplicable => None,
    }
}

fn from_scale(value: f64) -> Rating {
    match value.round() as i64 {
        i64::MIN..=-2 => Rating::VeryInconsistent,
        -1 => Rating::Inconsistent,
        0 => Rating::Neutral,
        1 => Rating::Consistent,
        _ => Rating::VeryConsistent,
    }
}

/// The consensus and spread of one cell's ratings.
pub fn consensus(ratings: &[Option<Rating>]) -> (Option<Rating>, f64) {
    let rated: Vec<Rating> = ratings.iter().flatten().copied().collect();
    let mut values: Vec<f64> = rated.iter().filter_map(|r| scale(*r)).collect();
    let spread = if values.is_empty() {
        0.0
    } else {
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / values.len() as f64).sqrt()
    };
    if rated.is_empty() {
        return (None, spread);
    }
    if (rated.len() - values.len()) * 2 > rated.len() || values.is_empty() {
        return (Some(Rating::NotApplicable), spread);
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    let median = if n % 2 == 1 {
        values[n / 2]
    } else {
        // Halves round toward N: −0.5 and 0.5 are N, 1.5 is C.
        let mid = (values[n / 2 - 1] + values[n / 2]) / 2.0;
        mid.signum() * mid.abs().floor()
    };
    (Some(from_scale(median)), spread)
}

/// Where each consensus column (or row) is in one copy, if there.
type Positions = Vec<Option<usize>>;

/// Compares the copies. Ids match items and hypotheses across copies.
pub fn compare(copies: &[Copy]) -> Team {
    let analysts: Vec<String> = copies.iter().map(|c| c.analyst.clone()).collect();
    let mut consensus = Matrix::new(
        copies
            .first()
            .map_or_else(String::new, |c| c.matrix.title.clone()),
    );
    if let Some(first) = copies.first() {
        consensus.question = first.matrix.question.clone();
    }
    for copy in copies {
        for hypothesis in copy.matrix.hypotheses() {
            if consensus.hypothesis_index(&hypothesis.id).is_none() {
                consensus.push_hypothesis(hypothesis.clone());
            }
        }
    }
    probability::set_team_priors(&mut consensus, copies);
    let mut rows: HashMap<String, usize> = HashMap::new();
    for copy in copies {
        for evidence in copy.matrix.evidence() {
            if !rows.contains_key(&evidence.id) {
                let mut item = Evidence::new(evidence.id.clone(), evidence.summary.clone());
                item.kind = evidence.kind;
                item.credibility = evidence.credibility;
                item.relevance = evidence.relevance;
                item.date = evidence.date;
                let row = consensus.push_evidence(item);
                rows.insert(evidence.id.clone(), row);
            }
        }
    }
    // Each copy's column and row for each consensus column and row.
    let maps: Vec<(Positions, Positions)> = copies
        .iter()
        .map(|copy| {
            let columns = consensus
                .hypotheses()
                .iter()
                .map(|h| copy.matrix.hypothesis_index(&h.id))
                .collect();
            let index: HashMap<&str, usize> = copy
                .matrix
                .evidence()
                .iter()
                .enumerate()
                .map(|(n, e)| (e.id.as_str(), n))
                .collect();
            let rows = consensus
                .evidence()
                .iter()
                .map(|e| index.get(e.id.as_str()).copied())
                .collect();
            (columns, rows)
        })
        .collect();
    let mut cells = Vec::with_capacity(consensus.evidence().len() * consensus.hypotheses().len());
    for row in 0..consensus.evidence().len() {
        for column in 0..consensus.hypotheses().len() {
            let ratings: Vec<Option<Rating>> = copies
                .iter()
                .zip(&maps)
                .map(
                    |(copy, (columns, rows))| match (rows[row], columns[column]) {
                        (Some(r), Some(c)) => copy.matrix.rating(r, c),
                        _ => None,
                    },
                )
                .collect();
            let (agreed, spread) = self::consensus(&ratings);
            cells.push(TeamCell {
                evidence: consensus.evidence()[row].id.clone(),
                hypothesis: consensus.hypotheses()[column].id.clone(),
                ratings,
                consensus: agreed,
                spread,
                band: Band::of(spread),
            });
        }
    }
    for (n, cell) in cells.iter().enumerate() {
        let columns = consensus.hypotheses().len();
        consensus.set_rating(n / columns, n % columns, cell.consensus);
    }
    let scores = score(&consensus);
    let probabilities = probability::team_probabilities(&consensus, copies);
    let leaders = copies
        .iter()
        .map(|c| top(&c.matrix, &score(&c.matrix)))
        .collect();
    let partial = |ids: Vec<String>, has: &dyn Fn(&Matrix, &str) -> bool| -> Vec<Partial> {
        ids.into_iter()
            .filter_map(|id| {
                let holders: Vec<String> = copies
                    .iter()
                    .filter(|c| has(&c.matrix, &id))
                    .map(|c| c.analyst.clone())
                    .collect();
                (holders.len() < copies.len()).then_some(Partial {
                    id,
                    analysts: holders,
                })
            })
            .collect()
    };
    let partial_hypotheses = partial(
        consensus
            .hypotheses()
            .iter()
            .map(|h| h.id.clone())
            .collect(),
        &|m, id| m.hypothesis_index(id).is_some(),
    );
    let partial_evidence = partial(
        consensus.evidence().iter().map(|e| e.id.clone()).collect(),
        &|m, id| m.evidence_index(id).is_some(),
    );
    Team {
        analysts,
        consensus,
        scores,
        cells,
        leaders,
        partial_hypotheses,
        partial_evidence,
        probabilities,
    }
}

/// The ids of the leaders, in column order, by the product's one leader
/// rule ([`leader_set`]: the least weighted inconsistency, then the most
/// weighted consistency, each within the scoring tolerance), so `ach team`,
/// the team view and the team brief name the leaders the grid and the
/// brief of one matrix would.
pub fn top(matrix: &Matrix, scores: &Scores) -> Vec<String> {
    leader_set(scores)
        .into_iter()
        .map(|h| matrix.hypotheses()[h].id.clone())
        .collect()
}

/// For tests: `analyst`'s copy of a two-hypothesis, two-item matrix with
/// E1 and E2 rated as given (H1 first).
#[cfg(test)]
pub(crate) fn test_copy(analyst: &str, e1: [&str; 2], e2: [&str; 2]) -> Copy {
    let text = format!(
        "schema = 1\ntitle = \"Who\"\n\n[[hypotheses]]\nid = \"H1\"\ntitle = \"Alone\"\n\n\
         [[hypotheses]]\nid = \"H2\"\ntitle = \"With help\"\n\n\
         [[evidence]]\nid = \"E1\"\nsummary = \"A witness\"\nratings = {{ H1 = \"{}\", H2 = \"{}\" }}\n\n\
         [[evidence]]\nid = \"E2\"\nsummary = \"A receipt\"\nratings = {{ H1 = \"{}\", H2 = \"{}\" }}\n",
        e1[0], e1[1], e2[0], e2[1]
    );
    Copy {
        analyst: analyst.to_owned(),
        matrix: crate::storage::matrix_from_str(&text).unwrap(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Rating::*;

    #[test]
    fn the_consensus_is_the_median_and_na_needs_a_majority() {
        assert_eq!(
            consensus(&[Some(Inconsistent), Some(VeryInconsistent), Some(Consistent)]).0,
            Some(Inconsistent)
        );
        assert_eq!(
            consensus(&[Some(NotApplicable), Some(NotApplicable), Some(Consistent)]).0,
            Some(NotApplicable)
        );
        assert_eq!(
            consensus(&[Some(NotApplicable), Some(Consistent), None]).0,
            Some(Consistent)
        );
        // An even split between C and I reads as N.
        assert_eq!(
            consensus(&[Some(Consistent), Some(Inconsistent)]).0,
            Some(Neutral)
        );
        assert_eq!(
            consensus(&[Some(Consistent), Some(VeryConsistent)]).0,
            Some(Consistent)
        );
        assert_eq!(consensus(&[None, None]), (None, 0.0));
    }

    #[test]
    fn the_spread_is_the_population_deviation_with_named_bands() {
        let (_, spread) = consensus(&[Some(VeryConsistent), Some(VeryInconsistent)]);
        assert!((spread - 2.0).abs() < 1e-9);
        assert_eq!(Band::of(spread), Band::Extreme);
        let (_, spread) = consensus(&[Some(Consistent), Some(Neutral)]);
        assert_eq!((spread, Band::of(spread)), (0.5, Band::Mild));
        assert_eq!(Band::of(0.49), Band::Agreement);
        assert_eq!(Band::of(1.2), Band::Large);
    }
}
