//! The analytic brief on matrices built so that the right answer is known:
//! which items alone decide the lead, ties, and matrices too thin to rank.

use Rating::*;
use ach_workbench::export::{ExportContext, Format, export, lead_changes};
use ach_workbench::model::{Evidence, Hypothesis, Level, Matrix, Rating};
use chrono::NaiveDate;

fn matrix(hypotheses: &[&str], rows: &[(Level, &[Option<Rating>])]) -> Matrix {
    let mut matrix = Matrix::new("Known answers");
    for id in hypotheses {
        matrix.push_hypothesis(Hypothesis::new(*id, format!("Hypothesis {id}")));
    }
    for (n, (credibility, ratings)) in rows.iter().enumerate() {
        let mut evidence = Evidence::new(format!("E{}", n + 1), format!("Item {}", n + 1));
        evidence.credibility = *credibility;
        let row = matrix.push_evidence(evidence);
        for (column, rating) in ratings.iter().enumerate() {
            matrix.set_rating(row, column, *rating);
        }
    }
    matrix
}

fn brief(matrix: &Matrix) -> String {
    let context = ExportContext::new(NaiveDate::from_ymd_opt(2026, 2, 20).unwrap());
    export(matrix, Format::Brief, &context)
}

/// The text of the section under `heading`, up to the next `## `.
fn section<'a>(brief: &'a str, heading: &str) -> &'a str {
    let start = brief
        .find(&format!("## {heading}\n"))
        .unwrap_or_else(|| panic!("no section {heading:?} in\n{brief}"));
    let body = &brief[start + heading.len() + 4..];
    &body[..body.find("\n## ").unwrap_or(body.len())]
}

/// The evidence ids listed (as `- **E2** ...`) in the lead-change section.
fn listed_lead_changers(brief: &str) -> Vec<String> {
    section(brief, "Evidence whose removal alone would change the lead")
        .lines()
        .filter_map(|line| line.strip_prefix("- **"))
        .map(|rest| rest[..rest.find("**").unwrap()].to_owned())
        .collect()
}

/// H1 leads with weighted inconsistency 1 (medium × medium weights); E2
/// alone puts H2 behind it and E3 alone puts H3 behind it, so removing
/// either hands the lead over. E1 counts against the leader, and E4 is
/// consistent with all three: removing them changes nothing.
fn two_critical_items() -> Matrix {
    matrix(
        &["H1", "H2", "H3"],
        &[
            (
                Level::Medium,
                &[Some(Inconsistent), Some(Neutral), Some(Neutral)],
            ),
            (
                Level::Medium,
                &[Some(Neutral), Some(VeryInconsistent), Some(Neutral)],
            ),
            (
                Level::Low,
                &[Some(Neutral), Some(Neutral), Some(VeryInconsistent)],
            ),
            (
                Level::High,
                &[Some(Consistent), Some(Consistent), Some(Consistent)],
            ),
        ],
    )
}

#[test]
fn the_items_that_decide_the_lead_are_listed_and_no_others() {
    let matrix = two_critical_items();
    let changes: Vec<usize> = lead_changes(&matrix).iter().map(|c| c.evidence).collect();
    assert_eq!(changes, [1, 2]);
    let brief = brief(&matrix);
    assert_eq!(listed_lead_changers(&brief), ["E2", "E3"]);
    let section = section(&brief, "Evidence whose removal alone would change the lead");
    assert!(
        section.contains(
            "Without it, H2 (Hypothesis H2) would rank first, with weighted inconsistency \
             0.00 against 1.00 for H1."
        ),
        "{section}"
    );
    let bottom = section_text(&brief, "Bottom line");
    assert!(
        bottom.contains("removing any one of E2 and E3 alone would put another hypothesis first"),
        "{bottom}"
    );
}

fn section_text(brief: &str, heading: &str) -> String {
    section(brief, heading).replace('\n', " ")
}

#[test]
fn the_bottom_line_gives_leader_margin_and_support() {
    let brief = brief(&two_critical_items());
    let bottom = section_text(&brief, "Bottom line");
    // H1: I on E1 (weight 1) → 1.00. H2: II on E2 (weight 1) → 2.00. H3: II
    // on E3 (low × medium, weight 1/√2) → 1.41; H3 is the runner-up.
    assert!(
        bottom.contains(
            "H1 (Hypothesis H1) leads with weighted inconsistency 1.00, 0.41 below \
             H3 (Hypothesis H3), the runner-up."
        ),
        "{bottom}"
    );
    assert!(
        bottom.contains(
            "2 of the 4 evidence items bear on H1 (rated CC, C, I or II against it): 1 of \
             high credibility, 1 medium and 0 low; 1 of them is inconsistent with it"
        ),
        "{bottom}"
    );
    // E3 is of low credibility and alone decides the lead.
    let gaps = section_text(&brief, "Information gaps");
    assert!(
        gaps.contains("- E3: Item 3 — alone would change the lead."),
        "{gaps}"
    );
}

#[test]
fn a_single_critical_item_is_named_in_the_bottom_line() {
    let matrix = matrix(
        &["H1", "H2"],
        &[
            (Level::Medium, &[Some(Inconsistent), Some(Consistent)]),
            (Level::High, &[Some(Neutral), Some(VeryInconsistent)]),
        ],
    );
    let brief = brief(&matrix);
    assert_eq!(listed_lead_changers(&brief), ["E2"]);
    assert!(
        section_text(&brief, "Bottom line")
            .contains("removing E2 alone would put another hypothesis first"),
        "{brief}"
    );
}

#[test]
fn a_robust_lead_says_no_single_item_decides_it() {
    let matrix = matrix(
        &["H1", "H2"],
        &[
            (Level::Medium, &[Some(Consistent), Some(Inconsistent)]),
            (Level::Medium, &[Some(Consistent), Some(Inconsistent)]),
        ],
    );
    let brief = brief(&matrix);
    assert!(listed_lead_changers(&brief).is_empty());
    assert!(
        section_text(&brief, "Bottom line").contains(
            "No single evidence item decides the lead: without any one of them, H1 still \
             ranks first."
        ),
        "{brief}"
    );
}

#[test]
fn an_outright_tie_is_called_a_tie() {
    let matrix = matrix(
        &["H1", "H2", "H3"],
        &[(
            Level::Medium,
            &[Some(Consistent), Some(Consistent), Some(Inconsistent)],
        )],
    );
    let bottom = section_text(&brief(&matrix), "Bottom line");
    assert!(
        bottom.contains(
            "H1 (Hypothesis H1) and H2 (Hypothesis H2) tie for the lead, with weighted \
             inconsistency 0.00 and weighted consistency 1.00 each: the matrix does not \
             choose between them"
        ),
        "{bottom}"
    );
}

#[test]
fn a_tie_on_inconsistency_says_what_broke_it() {
    let matrix = matrix(
        &["H1", "H2"],
        &[(Level::Medium, &[Some(Neutral), Some(Consistent)])],
    );
    let bottom = section_text(&brief(&matrix), "Bottom line");
    assert!(
        bottom.contains(
            "H2 (Hypothesis H2) and H1 (Hypothesis H1) tie on weighted inconsistency \
             (0.00); H2 ranks first on weighted consistency, 1.00 against 0.00 for H1."
        ),
        "{bottom}"
    );
}

#[test]
fn thin_matrices_say_what_is_missing() {
    let none = brief(&Matrix::new("Empty"));
    assert!(section_text(&none, "Bottom line").contains("The matrix has no hypotheses"));

    let unrated = matrix(&["H1", "H2"], &[(Level::Medium, &[])]);
    assert!(
        section_text(&brief(&unrated), "Bottom line")
            .contains("No cell of the matrix is rated yet")
    );

    let no_evidence = matrix(&["H1", "H2"], &[]);
    assert!(
        section_text(&brief(&no_evidence), "Bottom line")
            .contains("The matrix has 2 hypotheses but no evidence items")
    );

    let alone = matrix(&["H1"], &[(Level::Medium, &[Some(Inconsistent)])]);
    assert!(
        section_text(&brief(&alone), "Bottom line")
            .contains("The matrix has only one hypothesis, H1 (Hypothesis H1)")
    );
}

#[test]
fn gaps_list_unrated_cells_and_thin_hypotheses() {
    let matrix = matrix(
        &["H1", "H2"],
        &[
            (Level::Medium, &[Some(Consistent), None]),
            (Level::Medium, &[Some(Inconsistent), Some(Neutral)]),
            (Level::Medium, &[Some(VeryConsistent)]),
        ],
    );
    let gaps = section_text(&brief(&matrix), "Information gaps");
    assert!(gaps.contains("2 of 6 cells are unrated"), "{gaps}");
    assert!(gaps.contains("- H2 (Hypothesis H2): E1, E3."), "{gaps}");
    assert!(gaps.contains("- H2 (Hypothesis H2): 0 items."), "{gaps}");
    assert!(!gaps.contains("- H1 (Hypothesis H1): 3 items"), "{gaps}");
}

fn judged(mut matrix: Matrix, hypothesis: &str) -> Matrix {
    use ach_workbench::model::{Confidence, Estimative, Judgement};
    matrix.judgement = Some(Judgement {
        hypothesis: hypothesis.to_owned(),
        confidence: Confidence::Moderate,
        estimate: Some(Estimative::Likely),
        rationale: Some("the convoy turned back".to_owned()),
    });
    matrix
}

#[test]
fn the_bottom_line_shows_a_judgement_that_agrees_with_the_matrix() {
    // H1 leads two_critical_items outright.
    let brief = brief(&judged(two_critical_items(), "H1"));
    let bottom = section_text(&brief, "Bottom line");
    assert!(
        bottom.contains(
            "The analyst's judgement: H1 (Hypothesis H1) is likely, with moderate confidence. \
             Rationale: the convoy turned back. This agrees with the matrix, where H1 leads."
        ),
        "{bottom}"
    );
    assert!(!bottom.contains("disagrees"), "{bottom}");
}

#[test]
fn the_bottom_line_says_plainly_when_the_judgement_disagrees() {
    let brief = brief(&judged(two_critical_items(), "H3"));
    let bottom = section_text(&brief, "Bottom line");
    assert!(
        bottom.contains(
            "H3 (Hypothesis H3) is likely, with moderate confidence. Rationale: the convoy \
             turned back. This disagrees with the matrix, which ranks H1 first, not H3"
        ),
        "{bottom}"
    );
    // The matrix's own reading still comes first, unchanged.
    assert!(
        bottom.trim_start().starts_with("H1 (Hypothesis H1) leads"),
        "{bottom}"
    );
    // And without a judgement there is no such paragraph.
    let plain = section_text(&brief_of_plain(), "Bottom line");
    assert!(!plain.contains("judgement"), "{plain}");
}

fn brief_of_plain() -> String {
    brief(&two_critical_items())
}

#[test]
fn indicators_are_listed_with_overdue_ones_flagged() {
    use ach_workbench::model::{Indicator, IndicatorStatus};
    let mut matrix = two_critical_items();
    let day = |text: &str| text.parse::<NaiveDate>().ok();
    let hypotheses = matrix.hypotheses_mut();
    let mut late = Indicator::new("units return to barracks");
    late.expected_by = day("2026-02-01"); // the brief is dated 2026-02-20
    let mut seen = Indicator::new("exercise announced");
    seen.expected_by = day("2026-01-01");
    seen.status = IndicatorStatus::Observed;
    let mut later = Indicator::new("bridging equipment moves");
    later.expected_by = day("2026-03-01");
    hypotheses[0].indicators = vec![late, seen];
    hypotheses[2].indicators = vec![later];
    let brief = brief(&matrix);
    let section = section(&brief, "What would change this judgement");
    assert!(
        section.contains(
            "H1 (Hypothesis H1):\n\n\
             - [ ] units return to barracks (open, expected by 2026-02-01) **overdue**: still open after the date it was expected by\n\
             - [x] exercise announced (observed, expected by 2026-01-01)\n"
        ),
        "{section}"
    );
    assert!(
        section.contains(
            "H3 (Hypothesis H3):\n\n- [ ] bridging equipment moves (open, expected by 2026-03-01)\n"
        ),
        "{section}"
    );
    assert!(!section.contains("H2 ("), "{section}");
    assert!(!brief_of_plain().contains("What would change this judgement"));
}
