//! One reversible change to a matrix.

use crate::model::{Evidence, Hypothesis, Judgement, Matrix, Rating};

/// The matrix-level fields an analyst edits together in one form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub title: String,
    pub question: Option<String>,
    pub analyst: Option<String>,
}

impl Header {
    /// The header fields of `matrix`.
    pub fn of(matrix: &Matrix) -> Self {
        Header {
            title: matrix.title.clone(),
            question: matrix.question.clone(),
            analyst: matrix.analyst.clone(),
        }
    }
}

/// A change that carries what it replaced, so it can be reversed exactly.
/// Positions are those of the matrix the edit is applied to; a [`History`]
/// applies and reverses edits strictly in order, so they stay valid.
///
/// [`History`]: super::History
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// One cell's rating changes (`None` is unrated).
    Rate {
        evidence: usize,
        hypothesis: usize,
        before: Option<Rating>,
        after: Option<Rating>,
    },
    /// A hypothesis is inserted at `index` with the given ratings (one per
    /// evidence item, in row order; all `None` for a new hypothesis).
    InsertHypothesis {
        index: usize,
        hypothesis: Hypothesis,
        column: Vec<Option<Rating>>,
    },
    /// The hypothesis at `index` is removed with its ratings.
    RemoveHypothesis {
        index: usize,
        hypothesis: Hypothesis,
        column: Vec<Option<Rating>>,
    },
    /// The hypothesis at `index` changes id, title or description.
    ReplaceHypothesis {
        index: usize,
        before: Hypothesis,
        after: Hypothesis,
    },
    /// Two hypothesis columns trade places (its own inverse).
    SwapHypotheses { a: usize, b: usize },
    /// An evidence item is inserted at `index`.
    InsertEvidence { index: usize, evidence: Evidence },
    /// The evidence item at `index` is removed.
    RemoveEvidence { index: usize, evidence: Evidence },
    /// The evidence item at `index` changes (anything but its ratings).
    ReplaceEvidence {
        index: usize,
        before: Evidence,
        after: Evidence,
    },
    /// The title, question or analyst changes.
    ReplaceHeader { before: Header, after: Header },
    /// The analyst's judgement is recorded, changed or removed (`None`).
    ReplaceJudgement {
        before: Option<Judgement>,
        after: Option<Judgement>,
    },
    /// The whole matrix is replaced (restoring recovered changes).
    ReplaceMatrix {
        before: Box<Matrix>,
        after: Box<Matrix>,
    },
}

impl Edit {
    /// The edit that undoes this one.
    pub fn inverse(&self) -> Edit {
        match self.clone() {
            Edit::Rate {
                evidence,
                hypothesis,
                before,
                after,
            } => Edit::Rate {
                evidence,
                hypothesis,
                before: after,
                after: before,
            },
            Edit::InsertHypothesis {
                index,
                hypothesis,
                column,
            } => Edit::RemoveHypothesis {
                index,
                hypothesis,
                column,
            },
            Edit::RemoveHypothesis {
                index,
                hypothesis,
                column,
            } => Edit::InsertHypothesis {
                index,
                hypothesis,
                column,
            },
            Edit::ReplaceHypothesis {
                index,
                before,
                after,
            } => Edit::ReplaceHypothesis {
                index,
                before: after,
                after: before,
            },
            Edit::SwapHypotheses { a, b } => Edit::SwapHypotheses { a, b },
            Edit::InsertEvidence { index, evidence } => Edit::RemoveEvidence { index, evidence },
            Edit::RemoveEvidence { index, evidence } => Edit::InsertEvidence { index, evidence },
            Edit::ReplaceEvidence {
                index,
                before,
                after,
            } => Edit::ReplaceEvidence {
                index,
                before: after,
                after: before,
            },
            Edit::ReplaceHeader { before, after } => Edit::ReplaceHeader {
                before: after,
                after: before,
            },
            Edit::ReplaceJudgement { before, after } => Edit::ReplaceJudgement {
                before: after,
                after: before,
            },
            Edit::ReplaceMatrix { before, after } => Edit::ReplaceMatrix {
                before: after,
                after: before,
            },
        }
    }

    /// Applies the edit to `matrix`.
    ///
    /// # Panics
    /// When a position does not exist in `matrix`: edits are only ever
    /// applied to the matrix they were made for.
    pub fn apply(&self, matrix: &mut Matrix) {
        match self {
            Edit::Rate {
                evidence,
                hypothesis,
                after,
                ..
            } => {
                matrix.set_rating(*evidence, *hypothesis, *after);
            }
            Edit::InsertHypothesis {
                index,
                hypothesis,
                column,
            } => {
                matrix.insert_hypothesis(*index, hypothesis.clone());
                for (row, rating) in column.iter().enumerate() {
                    if rating.is_some() {
                        matrix.set_rating(row, *index, *rating);
                    }
                }
            }
            Edit::RemoveHypothesis { index, .. } => {
                matrix.remove_hypothesis(*index);
            }
            Edit::ReplaceHypothesis {
                index,
                before,
                after,
            } => {
                // The judgement names its hypothesis by id: it follows a
                // renamed one (and the inverse renames it back).
                if let Some(judgement) = &mut matrix.judgement
                    && judgement.hypothesis == before.id
                {
                    judgement.hypothesis = after.id.clone();
                }
                matrix.hypotheses_mut()[*index] = after.clone();
            }
            Edit::SwapHypotheses { a, b } => matrix.swap_hypotheses(*a, *b),
            Edit::InsertEvidence { index, evidence } => {
                matrix.insert_evidence(*index, evidence.clone());
            }
            Edit::RemoveEvidence { index, .. } => {
                matrix.remove_evidence(*index);
            }
            Edit::ReplaceEvidence { index, after, .. } => {
                matrix.evidence_mut()[*index] = after.clone();
            }
            Edit::ReplaceHeader { after, .. } => {
                matrix.title = after.title.clone();
                matrix.question = after.question.clone();
                matrix.analyst = after.analyst.clone();
            }
            Edit::ReplaceJudgement { after, .. } => matrix.judgement = after.clone(),
            Edit::ReplaceMatrix { after, .. } => *matrix = (**after).clone(),
        }
    }

    /// A few words for the status bar, about `matrix` after the edit:
    /// "rated E3 against H2: II".
    pub fn describe(&self, matrix: &Matrix) -> String {
        let hypothesis_id = |index: usize| {
            matrix
                .hypotheses()
                .get(index)
                .map_or("?", |h| h.id.as_str())
                .to_owned()
        };
        match self {
            Edit::Rate {
                evidence,
                hypothesis,
                after,
                ..
            } => {
                let evidence = matrix
                    .evidence()
                    .get(*evidence)
                    .map_or("?", |e| e.id.as_str());
                let hypothesis = hypothesis_id(*hypothesis);
                match after {
                    Some(rating) => format!("rated {evidence} against {hypothesis}: {rating}"),
                    None => format!("cleared the rating of {evidence} against {hypothesis}"),
                }
            }
            Edit::InsertHypothesis { hypothesis, .. } => {
                format!("added hypothesis {}", hypothesis.id)
            }
            Edit::RemoveHypothesis { hypothesis, .. } => {
                format!("deleted hypothesis {}", hypothesis.id)
            }
            Edit::ReplaceHypothesis { before, after, .. } => {
                let only_aside = aside_only(before, after, |h| &mut h.set_aside);
                replaced("hypothesis", &after.id, only_aside)
            }
            Edit::SwapHypotheses { a, b } => {
                format!(
                    "swapped hypotheses {} and {}",
                    hypothesis_id(*a),
                    hypothesis_id(*b)
                )
            }
            Edit::InsertEvidence { evidence, .. } => format!("added evidence {}", evidence.id),
            Edit::RemoveEvidence { evidence, .. } => format!("deleted evidence {}", evidence.id),
            Edit::ReplaceEvidence { before, after, .. } => {
                let only_aside = aside_only(before, after, |e| &mut e.set_aside);
                replaced("evidence", &after.id, only_aside)
            }
            Edit::ReplaceHeader { before, after } => {
                let mut changed = Vec::new();
                if before.title != after.title {
                    changed.push("title");
                }
                if before.question != after.question {
                    changed.push("question");
                }
                if before.analyst != after.analyst {
                    changed.push("analyst");
                }
                match changed.as_slice() {
                    [] => "left the matrix header as it was".to_owned(),
                    [one] => format!("edited the matrix {one}"),
                    [init @ .., last] => {
                        format!("edited the matrix {} and {last}", init.join(", "))
                    }
                }
            }
            Edit::ReplaceJudgement { after: None, .. } => "removed the judgement".to_owned(),
            Edit::ReplaceJudgement {
                after: Some(judgement),
                ..
            } => {
                let estimate = judgement
                    .estimate
                    .map(|words| format!(", {words}"))
                    .unwrap_or_default();
                format!(
                    "judged {} most likely{estimate}, {} confidence",
                    judgement.hypothesis, judgement.confidence
                )
            }
            Edit::ReplaceMatrix { before, after }
                if before.conflicts.len() > after.conflicts.len() =>
            {
                let resolved = before.conflicts.len() - after.conflicts.len();
                let plural = if resolved == 1 { "" } else { "s" };
                format!("resolved {resolved} merge conflict{plural}")
            }
            Edit::ReplaceMatrix { .. } => "restored the recovered changes".to_owned(),
        }
    }
}

/// When `before` and `after` differ only in whether they are set aside
/// (`aside` reaches that field): `Some(true)` if `after` is set aside,
/// `Some(false)` if it is counted again; `None` for any other change.
fn aside_only<T: Clone + PartialEq>(
    before: &T,
    after: &T,
    aside: fn(&mut T) -> &mut crate::model::SetAside,
) -> Option<bool> {
    let now = aside(&mut after.clone()).clone();
    // `before` with `after`'s set-aside state: equal to `after` when
    // nothing else changed.
    let mut same = before.clone();
    let was = std::mem::replace(aside(&mut same), now.clone());
    (was.is_set() != now.is_set() && same == *after).then_some(now.is_set())
}

/// What replacing a hypothesis or evidence item (`what`) did, in words:
/// "set … aside" or "counted … again" when only that changed, so the
/// status bar does not just say "edited".
fn replaced(what: &str, id: &str, only_aside: Option<bool>) -> String {
    match only_aside {
        Some(true) => format!("set {what} {id} aside"),
        Some(false) => format!("counted {what} {id} again"),
        None => format!("edited {what} {id}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, Hypothesis, SetAside};

    fn aside() -> SetAside {
        SetAside::Aside { reason: None }
    }

    #[test]
    fn setting_aside_is_said_as_such_and_any_other_change_is_an_edit() {
        let mut matrix = Matrix::new("m");
        matrix.push_hypothesis(Hypothesis::new("H1", "h"));
        let item = Evidence::new("E1", "e");
        matrix.push_evidence(item.clone());
        let mut set = item.clone();
        set.set_aside = aside();
        let evidence = |before: &Evidence, after: &Evidence| {
            Edit::ReplaceEvidence {
                index: 0,
                before: before.clone(),
                after: after.clone(),
            }
            .describe(&matrix)
        };
        assert_eq!(evidence(&item, &set), "set evidence E1 aside");
        assert_eq!(evidence(&set, &item), "counted evidence E1 again");
        let mut set_and_renamed = set.clone();
        set_and_renamed.summary = "other".to_owned();
        assert_eq!(evidence(&item, &set_and_renamed), "edited evidence E1");
        let hypothesis = Hypothesis::new("H1", "h");
        let mut set = hypothesis.clone();
        set.set_aside = aside();
        let replaced = Edit::ReplaceHypothesis {
            index: 0,
            before: hypothesis,
            after: set,
        };
        assert_eq!(replaced.describe(&matrix), "set hypothesis H1 aside");
    }

    #[test]
    fn a_judgement_is_recorded_changed_and_removed_and_each_undone() {
        use crate::model::{Confidence, Estimative, Judgement};
        let mut matrix = Matrix::new("m");
        matrix.push_hypothesis(Hypothesis::new("H1", "h"));
        let judged = Judgement {
            hypothesis: "H1".to_owned(),
            confidence: Confidence::Moderate,
            estimate: Some(Estimative::Likely),
            rationale: Some("only H1 explains it".to_owned()),
        };
        let record = Edit::ReplaceJudgement {
            before: None,
            after: Some(judged.clone()),
        };
        record.apply(&mut matrix);
        assert_eq!(matrix.judgement.as_ref(), Some(&judged));
        assert_eq!(
            record.describe(&matrix),
            "judged H1 most likely, likely, moderate confidence"
        );
        let remove = Edit::ReplaceJudgement {
            before: Some(judged.clone()),
            after: None,
        };
        remove.apply(&mut matrix);
        assert_eq!(matrix.judgement, None);
        assert_eq!(remove.describe(&matrix), "removed the judgement");
        remove.inverse().apply(&mut matrix);
        assert_eq!(matrix.judgement.as_ref(), Some(&judged));
        record.inverse().apply(&mut matrix);
        assert_eq!(matrix.judgement, None);
    }

    #[test]
    fn the_judgement_follows_a_renamed_hypothesis_and_back_on_undo() {
        use crate::model::{Confidence, Judgement};
        let mut matrix = Matrix::new("m");
        let h1 = Hypothesis::new("H1", "h");
        matrix.push_hypothesis(h1.clone());
        matrix.judgement = Some(Judgement {
            hypothesis: "H1".to_owned(),
            confidence: Confidence::High,
            estimate: None,
            rationale: None,
        });
        let mut renamed = h1.clone();
        renamed.id = "H9".to_owned();
        let edit = Edit::ReplaceHypothesis {
            index: 0,
            before: h1,
            after: renamed,
        };
        edit.apply(&mut matrix);
        assert_eq!(matrix.judgement.as_ref().unwrap().hypothesis, "H9");
        edit.inverse().apply(&mut matrix);
        assert_eq!(matrix.judgement.as_ref().unwrap().hypothesis, "H1");
    }
}
