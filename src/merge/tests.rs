//! The merge, diff and resolution on small matrix texts.

use super::*;
use crate::storage::matrix_from_str;

const BASE: &str = r#"schema = 1
title = "Who did it"
updated = 2026-01-01T10:00:00Z

[[hypotheses]]
id = "H1"
title = "Alone"

[[hypotheses]]
id = "H2"
title = "With help"

[[evidence]]
id = "E1"
summary = "A witness"
kind = "report"
credibility = "medium"
relevance = "medium"
ratings = { H1 = "C", H2 = "N" }

[[evidence]]
id = "E2"
summary = "A receipt"
kind = "fact"
credibility = "medium"
relevance = "medium"
ratings = { H1 = "N" }
"#;

fn merged(ours: &str, theirs: &str) -> Merged {
    let merged = merge(BASE, ours, theirs, &Labels::default()).unwrap();
    matrix_from_str(&merged.text).unwrap_or_else(|e| panic!("{e:?}\n{}", merged.text));
    merged
}

#[test]
fn different_cells_of_one_item_both_survive() {
    let ours = BASE.replace(r#"{ H1 = "C", H2 = "N" }"#, r#"{ H1 = "I", H2 = "N" }"#);
    let theirs = BASE.replace(r#"{ H1 = "C", H2 = "N" }"#, r#"{ H1 = "C", H2 = "II" }"#);
    let out = merged(&ours, &theirs);
    assert!(out.conflicts.is_empty());
    assert!(
        out.text.contains(r#"ratings = { H1 = "I", H2 = "II" }"#),
        "{}",
        out.text
    );
}

#[test]
fn updated_takes_the_later_time() {
    let ours = BASE.replace("2026-01-01T10:00:00Z", "2026-01-02T09:00:00Z");
    let theirs = BASE.replace("2026-01-01T10:00:00Z", "2026-01-03T08:00:00Z");
    let out = merged(&ours, &theirs);
    assert!(out.conflicts.is_empty());
    assert!(out.text.contains("updated = 2026-01-03T08:00:00Z"));
}

#[test]
fn a_key_never_heard_of_merges_field_by_field() {
    let ours = BASE.replace("title = \"Alone\"", "title = \"Alone\"\nprior = 0.3");
    let theirs = BASE.replace(
        "title = \"Alone\"",
        "title = \"Alone\"\nindicators = [\"x\"]",
    );
    let out = merge(BASE, &ours, &theirs, &Labels::default()).unwrap();
    assert!(out.conflicts.is_empty());
    assert!(
        out.text.contains("prior = 0.3") && out.text.contains("indicators = [\"x\"]"),
        "{}",
        out.text
    );
}

#[test]
fn items_added_on_both_sides_keep_their_places() {
    let item = |id: &str| {
        format!("\n[[evidence]]\nid = \"{id}\"\nsummary = \"new {id}\"\nratings = {{}}\n")
    };
    let ours = format!("{BASE}{}", item("E3"));
    let theirs = format!("{BASE}{}", item("E4"));
    let out = merged(&ours, &theirs);
    assert!(out.conflicts.is_empty());
    let e3 = out.text.find("\"E3\"").unwrap();
    let e4 = out.text.find("\"E4\"").unwrap();
    assert!(out.text.find("\"E2\"").unwrap() < e3.min(e4));
}

#[test]
fn the_same_cell_changed_differently_is_a_recorded_conflict() {
    let ours = BASE.replace(r#"H1 = "C", H2"#, r#"H1 = "I", H2"#);
    let theirs = BASE.replace(r#"H1 = "C", H2"#, r#"H1 = "CC", H2"#);
    let labels = Labels {
        ours: "alice".into(),
        theirs: "bob".into(),
    };
    let out = merge(BASE, &ours, &theirs, &labels).unwrap();
    assert_eq!(out.conflicts.len(), 1);
    assert_eq!(
        out.conflicts[0].describe(),
        "E1 / H1: I (alice) or CC (bob)"
    );
    let matrix = matrix_from_str(&out.text).unwrap();
    assert_eq!(matrix.conflicts.len(), 1);
    // Resolving with theirs gives an ordinary matrix with their value.
    let resolved = resolve(&out.text, 0, &Resolution::Theirs).unwrap();
    assert!(!resolved.contains("conflicts"), "{resolved}");
    assert!(resolved.contains(r#"H1 = "CC""#));
    let ours_kept = resolve(&out.text, 0, &Resolution::Ours).unwrap();
    assert!(ours_kept.contains(r#"H1 = "I""#));
    let new = resolve(&out.text, 0, &Resolution::Value("N".into())).unwrap();
    assert!(new.contains(r#"H1 = "N", H2"#), "{new}");
    assert!(matrix_from_str(&new).unwrap().conflicts.is_empty());
}

#[test]
fn editing_what_the_other_deleted_keeps_the_edit_and_conflicts() {
    let without_e2 = &BASE[..BASE.find("\n[[evidence]]\nid = \"E2\"").unwrap() + 1];
    let ours = BASE.replace("A receipt", "A forged receipt");
    let out = merged(&ours, without_e2);
    assert_eq!(out.conflicts.len(), 1);
    assert_eq!(
        out.conflicts[0].describe(),
        "E2: edited (ours) or deleted (theirs)"
    );
    assert!(out.text.contains("A forged receipt"));
    let gone = resolve(&out.text, 0, &Resolution::Theirs).unwrap();
    assert!(!gone.contains("receipt"), "{gone}");
    matrix_from_str(&gone).unwrap();
}

#[test]
fn rating_a_hypothesis_the_other_side_deleted_keeps_it() {
    let theirs = BASE
        .replace("\n[[hypotheses]]\nid = \"H2\"\ntitle = \"With help\"\n", "")
        .replace(r#"{ H1 = "C", H2 = "N" }"#, r#"{ H1 = "C" }"#);
    let ours = BASE.replace(
        r#"ratings = { H1 = "N" }"#,
        r#"ratings = { H1 = "N", H2 = "I" }"#,
    );
    let out = merged(&ours, &theirs);
    assert_eq!(out.conflicts.len(), 1, "{}", out.text);
    assert_eq!(out.conflicts[0].at.to_string(), "hypotheses[H2]");
    let gone = resolve(&out.text, 0, &Resolution::Theirs).unwrap();
    let matrix = matrix_from_str(&gone).unwrap();
    assert_eq!(matrix.hypotheses().len(), 1);
    // Nobody rated it: the deletion simply wins.
    let out = merged(&BASE.replace("A witness", "Two witnesses"), &theirs);
    assert!(out.conflicts.is_empty());
    assert!(!out.text.contains("H2"), "{}", out.text);
}

#[test]
fn a_move_on_one_side_and_an_edit_on_the_other_both_apply() {
    let e1 = BASE.find("\n[[evidence]]\nid = \"E1\"").unwrap();
    let e2 = BASE.find("\n[[evidence]]\nid = \"E2\"").unwrap();
    let moved = format!("{}{}{}", &BASE[..e1], &BASE[e2..], &BASE[e1..e2]);
    let edited = BASE.replace("A witness", "Two witnesses");
    let out = merged(&moved, &edited);
    assert!(out.conflicts.is_empty());
    assert!(out.text.find("\"E2\"").unwrap() < out.text.find("\"E1\"").unwrap());
    assert!(out.text.contains("Two witnesses"));
}

#[test]
fn the_diff_names_cells_by_id() {
    let after = BASE
        .replace(r#"H1 = "C", H2"#, r#"H1 = "I", H2"#)
        .replace("A receipt", "Two receipts");
    let changes: Vec<String> = diff(BASE, &after)
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        changes,
        ["E1 / H1: C -> I", "E2 summary: A receipt -> Two receipts"]
    );
    let added = format!("{BASE}\n[[hypotheses]]\nid = \"H3\"\ntitle = \"Nobody\"\n");
    let changes: Vec<String> = diff(BASE, &added)
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(changes, ["H3: added"]);
    assert!(facts(BASE).unwrap().contains(&"E1 / H2 = N".to_owned()));
}

mod independent_edits {
    //! Merging two independent edit sequences equals applying both.

    use proptest::prelude::*;

    use super::super::{Labels, merge};
    use crate::model::{Evidence, Hypothesis, Matrix, Rating};
    use crate::storage::{matrix_from_str, matrix_to_toml};

    const HYPOTHESES: usize = 3;
    const ITEMS: usize = 4;

    fn base() -> Matrix {
        let mut matrix = Matrix::new("Question");
        for h in 0..HYPOTHESES {
            matrix.push_hypothesis(Hypothesis {
                id: format!("H{h}"),
                title: format!("Hypothesis {h}"),
                description: None,
            });
        }
        for e in 0..ITEMS {
            let row = matrix.push_evidence(Evidence::new(format!("E{e}"), format!("Item {e}")));
            for h in 0..HYPOTHESES {
                matrix.set_rating(row, h, Some(Rating::Neutral));
            }
        }
        matrix
    }

    /// Who changes one thing: nobody, our side or theirs.
    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Owner {
        Nobody,
        Ours,
        Theirs,
    }

    fn owner() -> impl Strategy<Value = Owner> {
        prop_oneof![Just(Owner::Nobody), Just(Owner::Ours), Just(Owner::Theirs)]
    }

    fn rating() -> impl Strategy<Value = Option<Rating>> {
        prop_oneof![
            Just(None),
            proptest::sample::select(Rating::ALL.to_vec()).prop_map(Some)
        ]
    }

    #[derive(Debug, Clone)]
    struct Plan {
        cells: Vec<(Owner, Option<Rating>)>,
        summaries: Vec<Owner>,
        added: (usize, usize),
    }

    fn plan() -> impl Strategy<Value = Plan> {
        (
            proptest::collection::vec((owner(), rating()), HYPOTHESES * ITEMS),
            proptest::collection::vec(owner(), ITEMS),
            (0..3usize, 0..3usize),
        )
            .prop_map(|(cells, summaries, added)| Plan {
                cells,
                summaries,
                added,
            })
    }

    /// Applies the edits `plan` gives to `side` (both sides for `None`).
    fn apply(plan: &Plan, side: Option<Owner>) -> Matrix {
        let mut matrix = base();
        let mine = |owner: Owner| owner != Owner::Nobody && side.is_none_or(|s| s == owner);
        for (cell, &(owner, rating)) in plan.cells.iter().enumerate() {
            if mine(owner) {
                matrix.set_rating(cell / HYPOTHESES, cell % HYPOTHESES, rating);
            }
        }
        for (row, &owner) in plan.summaries.iter().enumerate() {
            if mine(owner) {
                matrix.evidence_mut()[row].summary = format!("Item {row}, revised by {owner:?}");
            }
        }
        for (owner, count) in [(Owner::Ours, plan.added.0), (Owner::Theirs, plan.added.1)] {
            if mine(owner) {
                for n in 0..count {
                    matrix.push_evidence(Evidence::new(format!("{owner:?}{n}"), "Added"));
                }
            }
        }
        matrix
    }

    fn by_id(mut matrix: Matrix) -> Matrix {
        matrix.evidence_mut().sort_by(|a, b| a.id.cmp(&b.id));
        matrix
    }

    proptest! {
        #[test]
        fn merging_independent_edits_applies_both(plan in plan()) {
            let text = |m: &Matrix| matrix_to_toml(m);
            let merged = merge(
                &text(&base()),
                &text(&apply(&plan, Some(Owner::Ours))),
                &text(&apply(&plan, Some(Owner::Theirs))),
                &Labels::default(),
            )
            .unwrap();
            prop_assert!(merged.conflicts.is_empty());
            let loaded = matrix_from_str(&merged.text).unwrap();
            prop_assert_eq!(by_id(loaded), by_id(apply(&plan, None)));
        }
    }
}
