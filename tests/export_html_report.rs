//! The HTML export as a report to hand over (issue 8, item 21): the brief's
//! bottom line first, the leader marked in the matrix and the scores (each
//! tied leader, none while nothing bears), read back with an HTML parser.

use ach_workbench::export::{ExportContext, Format, export};
use ach_workbench::model::{Evidence, Hypothesis, Level, Matrix, Rating};
use chrono::NaiveDate;
use scraper::{Html, Selector};

/// Three hypotheses and two items; `ratings[row][column]`.
fn matrix(ratings: [[Option<Rating>; 3]; 2]) -> Matrix {
    let mut matrix = Matrix::new("Report");
    for (id, title) in [("H1", "First"), ("H2", "Second"), ("H3", "Third")] {
        matrix.push_hypothesis(Hypothesis::new(id, title));
    }
    for (row, cells) in ratings.into_iter().enumerate() {
        let mut evidence = Evidence::new(format!("E{}", row + 1), "An item");
        evidence.credibility = Level::High;
        matrix.push_evidence(evidence);
        for (column, rating) in cells.into_iter().enumerate() {
            matrix.set_rating(row, column, rating);
        }
    }
    matrix
}

fn page(matrix: &Matrix) -> Html {
    let context = ExportContext::new(NaiveDate::from_ymd_opt(2026, 12, 3).unwrap());
    Html::parse_document(&export(matrix, Format::Html, &context))
}

fn texts(page: &Html, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).unwrap();
    page.select(&selector)
        .map(|element| element.text().collect::<String>().trim().to_owned())
        .collect()
}

use Rating::{Consistent as C, Inconsistent as I, Neutral as N};

#[test]
fn the_bottom_line_comes_first_and_says_who_leads() {
    let page = page(&matrix([
        [Some(C), Some(I), Some(I)],
        [Some(N), Some(I), Some(N)],
    ]));
    let sections: Vec<String> = {
        let selector = Selector::parse("main > section").unwrap();
        page.select(&selector)
            .map(|s| s.value().attr("id").unwrap().to_owned())
            .collect()
    };
    assert_eq!(sections[..3], ["bottom-line", "hypotheses", "matrix"]);
    let bottom = texts(&page, "section#bottom-line p");
    assert!(
        bottom[0].starts_with("H1 (First) leads with weighted inconsistency 0.00"),
        "{bottom:?}"
    );
    // The leader is starred in the matrix header and the scores, and only it.
    assert_eq!(texts(&page, "table.matrix th.hypothesis .leader").len(), 1);
    let header = texts(&page, "table.matrix th.hypothesis");
    assert!(header[0].starts_with("H1 ★"), "{header:?}");
    assert!(!header[1].contains('★') && !header[2].contains('★'));
    assert_eq!(texts(&page, "table.scores tbody th"), ["H1 ★", "H3", "H2"]);
}

#[test]
fn a_tie_is_called_a_tie_and_every_tied_leader_is_starred() {
    // H1 and H3 alike on every score.
    let page = page(&matrix([
        [Some(C), Some(I), Some(C)],
        [Some(N), Some(I), Some(N)],
    ]));
    let bottom = texts(&page, "section#bottom-line p");
    assert!(
        bottom[0].starts_with("H1 (First) and H3 (Third) tie for the lead"),
        "{bottom:?}"
    );
    let mut starred = texts(&page, "table.scores tbody th");
    starred.retain(|id| id.ends_with('★'));
    assert_eq!(starred, ["H1 ★", "H3 ★"]);
    // Both share rank 1, as in the workbench's rank row.
    assert_eq!(
        texts(&page, "table.scores tbody td.num:first-child"),
        ["1=", "1=", "3"]
    );
    let context = ExportContext::new(NaiveDate::from_ymd_opt(2026, 12, 3).unwrap());
    let tied = matrix([[Some(C), Some(I), Some(C)], [Some(N), Some(I), Some(N)]]);
    for format in [Format::Markdown, Format::Brief] {
        let text = export(&tied, format, &context);
        let shared = [
            "| 1= | H1 |",
            "| 1= | H3 |",
            "### 1=. H1: First",
            "### 1=. H3: Third",
        ];
        let wanted = if format == Format::Brief {
            &shared[2..]
        } else {
            &shared[..2]
        };
        for line in wanted {
            assert!(text.contains(line), "{line:?} missing from {text}");
        }
    }
}

#[test]
fn nothing_is_starred_while_no_rating_bears() {
    let neutral = matrix([[None, None, None], [Some(N), Some(N), Some(N)]]);
    let context = ExportContext::new(NaiveDate::from_ymd_opt(2026, 12, 3).unwrap());
    let brief = export(&neutral, Format::Brief, &context);
    assert!(
        brief.contains("## Bottom line\n\nNo rating bears on any hypothesis yet"),
        "the brief says the same: {brief}"
    );
    let page = page(&neutral);
    assert!(texts(&page, ".leader").iter().all(|mark| mark == "★"));
    assert_eq!(texts(&page, "table.matrix .leader").len(), 0);
    assert_eq!(texts(&page, "table.scores .leader").len(), 0);
    let bottom = texts(&page, "section#bottom-line p");
    assert_eq!(
        bottom,
        [
            "No rating bears on any hypothesis yet: every rated cell is N or NA, so every \
          hypothesis scores 0 and none leads."
        ]
    );
}

#[test]
fn credibility_and_relevance_take_a_letter_and_the_legend_says_so() {
    let page = page(&matrix([
        [Some(C), Some(I), Some(I)],
        [Some(N), Some(I), Some(N)],
    ]));
    let first_row = texts(&page, "table.matrix tbody tr:first-child td.narrow");
    assert_eq!(first_row, ["report", "H", "M"]);
    let legend = texts(&page, "p.legend").concat();
    assert!(legend.contains("H high, M medium, L low"), "{legend}");
}

#[test]
fn twelve_deciding_items_are_named_to_ten_and_counted_and_only_the_brief_points_below() {
    // H1 and H2 tied, each item against one of them: any one removed
    // breaks the tie, so every item decides the lead.
    let mut matrix = Matrix::new("Knife edge");
    matrix.push_hypothesis(Hypothesis::new("H1", "First"));
    matrix.push_hypothesis(Hypothesis::new("H2", "Second"));
    for n in 0..12 {
        let row = matrix.push_evidence(Evidence::new(format!("E{}", n + 1), "An item"));
        matrix.set_rating(row, n % 2, Some(I));
        matrix.set_rating(row, 1 - n % 2, Some(N));
    }
    let named = "removing any one of E1, E2, E3, E4, E5, E6, E7, E8, E9, E10 and 2 more \
                 alone would put another hypothesis first";
    let bottom = texts(&page(&matrix), "section#bottom-line p");
    assert_eq!(
        bottom.last().unwrap(),
        &format!("The lead rests on single items: {named}.")
    );
    let context = ExportContext::new(NaiveDate::from_ymd_opt(2026, 12, 3).unwrap());
    let brief = export(&matrix, Format::Brief, &context);
    assert!(brief.contains(&format!("{named} (see below).")), "{brief}");
}

#[test]
fn the_brief_lists_what_was_set_aside_under_its_own_heading() {
    let mut matrix = matrix([[Some(C), Some(I), Some(I)], [Some(N), Some(I), Some(N)]]);
    matrix.evidence_mut()[1].set_aside = ach_workbench::model::SetAside::Aside {
        reason: Some("a single unnamed source".to_owned()),
    };
    matrix.hypotheses_mut()[2].set_aside = ach_workbench::model::SetAside::Aside { reason: None };
    let context = ExportContext::new(NaiveDate::from_ymd_opt(2026, 12, 3).unwrap());
    let brief = export(&matrix, Format::Brief, &context);
    assert!(
        brief.contains(
            "## Set aside\n\nKept in the matrix but left out of every score, ranking and \
             probability above, by the analyst's choice.\n\nHypotheses:\n\n- H3 (Third)\n\n\
             Evidence:\n\n- E2 (An item): a single unnamed source\n"
        ),
        "{brief}"
    );
    // Without anything set aside, no such heading.
    let plain = export(&plain_matrix(), Format::Brief, &context);
    assert!(!plain.contains("## Set aside"), "{plain}");
}

fn plain_matrix() -> Matrix {
    matrix([[Some(C), Some(I), Some(I)], [Some(N), Some(I), Some(N)]])
}
