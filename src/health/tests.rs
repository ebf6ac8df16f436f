//! One test per rule: a matrix that trips it, and the same matrix fixed,
//! which does not.

use super::*;
use crate::storage::matrix_from_str;

fn matrix(text: &str) -> Matrix {
    matrix_from_str(text).unwrap_or_else(|errors| panic!("{errors:?}"))
}

/// Three hypotheses and the given evidence tables.
fn with_evidence(evidence: &str) -> Matrix {
    matrix(&format!(
        "schema = 1\ntitle = \"t\"\n\
         [[hypotheses]]\nid = \"H1\"\ntitle = \"one\"\n\
         [[hypotheses]]\nid = \"H2\"\ntitle = \"two\"\n\
         [[hypotheses]]\nid = \"H3\"\ntitle = \"three\"\n{evidence}"
    ))
}

fn item(id: &str, kind: &str, ratings: &str) -> String {
    format!(
        "[[evidence]]\nid = \"{id}\"\nsummary = \"s\"\nkind = \"{kind}\"\nratings = {{ {ratings} }}\n"
    )
}

fn sourced(id: &str, document: &str, ratings: &str) -> String {
    format!(
        "{}[evidence.source]\ndocument = \"{document}\"\nstart = 0\nend = 1\nquote = \"q\"\n",
        item(id, "report", ratings)
    )
}

fn of_rule(matrix: &Matrix, rule: Rule) -> Vec<Warning> {
    health_of(matrix)
        .into_iter()
        .filter(|w| w.rule == rule)
        .collect()
}

/// A healthy base: an assumption, a fact and reports; every hypothesis
/// has three items bearing on it; the lead does not rest on one item.
fn healthy_items() -> String {
    [
        item("E1", "fact", "H1 = \"C\", H2 = \"I\", H3 = \"I\""),
        item("E2", "assumption", "H1 = \"C\", H2 = \"I\", H3 = \"II\""),
        item("E3", "report", "H1 = \"N\", H2 = \"II\", H3 = \"I\""),
        item("E4", "report", "H1 = \"C\", H2 = \"C\", H3 = \"I\""),
    ]
    .concat()
}

#[test]
fn a_healthy_matrix_has_no_warnings() {
    assert_eq!(health_of(&with_evidence(&healthy_items())), vec![]);
}

#[test]
fn a_row_rated_alike_everywhere_has_no_diagnostic_value() {
    let m = with_evidence(&format!(
        "{}{}",
        healthy_items(),
        item("E5", "report", "H1 = \"C\", H2 = \"C\", H3 = \"C\"")
    ));
    let warnings = of_rule(&m, Rule::SameRating);
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].subject, Subject::Evidence(4));
    assert!(
        warnings[0]
            .message
            .starts_with("E5 is rated C against every hypothesis"),
        "{}",
        warnings[0].message
    );
    // One hypothesis differing is enough to make the row diagnostic.
    let m = with_evidence(&format!(
        "{}{}",
        healthy_items(),
        item("E5", "report", "H1 = \"C\", H2 = \"C\", H3 = \"N\"")
    ));
    assert_eq!(of_rule(&m, Rule::SameRating), vec![]);
}

#[test]
fn unrated_cells_are_named_per_item() {
    let m = with_evidence(&format!(
        "{}{}",
        healthy_items(),
        item("E5", "report", "H2 = \"C\"")
    ));
    let warnings = of_rule(&m, Rule::Unrated);
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].subject, Subject::Evidence(4));
    assert!(
        warnings[0]
            .message
            .starts_with("E5 is unrated against H1 and H3"),
        "{}",
        warnings[0].message
    );
}

#[test]
fn a_hypothesis_with_fewer_than_three_items_bearing_on_it_is_thin() {
    let m = with_evidence(
        &[
            item("E1", "fact", "H1 = \"C\", H2 = \"I\", H3 = \"N\""),
            item("E2", "assumption", "H1 = \"C\", H2 = \"I\", H3 = \"N\""),
            item("E3", "report", "H1 = \"C\", H2 = \"II\", H3 = \"II\""),
        ]
        .concat(),
    );
    let warnings = of_rule(&m, Rule::FewItems);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].subject, Subject::Hypothesis(2));
    assert!(
        warnings[0].message.starts_with("H3: only 1 item (E3) bear"),
        "{}",
        warnings[0].message
    );
}

#[test]
fn a_lead_resting_on_one_item_is_flagged_with_the_critical_item() {
    // Without E2, H1 and H2 tie: E2 is critical.
    let m = with_evidence(
        &[
            item("E1", "fact", "H1 = \"C\", H2 = \"C\", H3 = \"I\""),
            item("E2", "assumption", "H1 = \"C\", H2 = \"I\", H3 = \"I\""),
        ]
        .concat(),
    );
    let warnings = of_rule(&m, Rule::LeadOnOneItem);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].subject, Subject::Evidence(1));
    assert!(
        warnings[0]
            .message
            .starts_with("the lead rests on E2 alone: H1 leads now, and without it H1 and H2 tie"),
        "{}",
        warnings[0].message
    );
    assert_eq!(
        of_rule(&with_evidence(&healthy_items()), Rule::LeadOnOneItem),
        vec![]
    );
}

#[test]
fn a_lead_resting_on_one_document_is_flagged_at_its_first_item() {
    // E2 and E3 come from one document; without either alone H1 still
    // leads (by one I), without both H1 and H2 tie.
    let m = with_evidence(
        &[
            item("E1", "assumption", "H1 = \"C\", H2 = \"C\", H3 = \"II\""),
            sourced("E2", "seeds/a.txt", "H1 = \"C\", H2 = \"I\", H3 = \"II\""),
            sourced("E3", "seeds/a.txt", "H1 = \"C\", H2 = \"I\", H3 = \"II\""),
            sourced("E4", "seeds/b.txt", "H1 = \"N\", H2 = \"N\", H3 = \"II\""),
        ]
        .concat(),
    );
    assert_eq!(of_rule(&m, Rule::LeadOnOneItem), vec![]);
    let warnings = of_rule(&m, Rule::LeadOnOneDocument);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].subject, Subject::Evidence(1));
    assert!(
        warnings[0]
            .message
            .starts_with("the lead rests on one source document, seeds/a.txt (E2, E3): H1 leads now, and without its items H1 and H2 tie"),
        "{}",
        warnings[0].message
    );
}

#[test]
fn an_absence_rated_as_support_is_questioned() {
    let m = with_evidence(&format!(
        "{}{}",
        healthy_items(),
        item("E5", "absence", "H1 = \"CC\", H2 = \"N\", H3 = \"C\"")
    ));
    let warnings = of_rule(&m, Rule::AbsenceAsSupport);
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].subject, Subject::Evidence(4));
    assert!(
        warnings[0]
            .message
            .starts_with("E5 is an absence of evidence rated as support for H1 and H3"),
        "{}",
        warnings[0].message
    );
    // Rated against, an absence is what Heuer asks for.
    let m = with_evidence(&format!(
        "{}{}",
        healthy_items(),
        item("E5", "absence", "H1 = \"N\", H2 = \"I\", H3 = \"N\"")
    ));
    assert_eq!(of_rule(&m, Rule::AbsenceAsSupport), vec![]);
}

#[test]
fn evidence_all_of_one_kind_and_no_assumptions_are_matrix_wide() {
    let m = with_evidence(
        &[
            item("E1", "report", "H1 = \"C\", H2 = \"I\", H3 = \"I\""),
            item("E2", "report", "H1 = \"C\", H2 = \"II\", H3 = \"I\""),
        ]
        .concat(),
    );
    let kinds = of_rule(&m, Rule::OneKind);
    assert_eq!(kinds.len(), 1);
    assert_eq!(kinds[0].subject, Subject::Matrix);
    assert!(
        kinds[0]
            .message
            .starts_with("all 2 items are of one kind, report"),
        "{}",
        kinds[0].message
    );
    assert_eq!(of_rule(&m, Rule::NoAssumptions).len(), 1);
    // An empty matrix has nothing to be of one kind.
    let empty = with_evidence("");
    assert_eq!(of_rule(&empty, Rule::OneKind), vec![]);
    assert_eq!(of_rule(&empty, Rule::NoAssumptions), vec![]);
}

#[test]
fn set_aside_items_and_hypotheses_are_left_out() {
    let mut m = with_evidence(&format!(
        "{}{}",
        healthy_items(),
        item("E5", "report", "H1 = \"C\", H2 = \"C\", H3 = \"C\"")
    ));
    m.evidence_mut()[4].set_aside = crate::model::SetAside::Aside { reason: None };
    assert_eq!(health_of(&m), vec![]);
    // Without E4 only two items bear on H1; set aside, H1 is not thin.
    let mut m = with_evidence(&healthy_items());
    m.evidence_mut()[3].set_aside = crate::model::SetAside::Aside { reason: None };
    let thin = of_rule(&m, Rule::FewItems);
    assert_eq!(thin.len(), 1);
    assert_eq!(thin[0].subject, Subject::Hypothesis(0));
    m.hypotheses_mut()[0].set_aside = crate::model::SetAside::Aside { reason: None };
    assert_eq!(of_rule(&m, Rule::FewItems), vec![]);
}

#[test]
fn every_rule_has_its_own_code() {
    let codes: std::collections::HashSet<&str> = Rule::ALL.iter().map(|r| r.code()).collect();
    assert_eq!(codes.len(), Rule::ALL.len());
}
