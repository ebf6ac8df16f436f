//! The team brief: what a team lead reads before the meeting, in Markdown.
//! Who leads for each analyst and for the consensus, where the whole team
//! rates an item alike, the cells where it splits most (every analyst's
//! rating named), and the splits on which one analyst's rating would change
//! the consensus leader ([`crate::team::splits`]).
//!
//! A pure function of the analysts' copies and the generation date, like
//! every export: every piece of matrix text (titles, ids, analyst names) is
//! escaped with [`inline`], so hostile text cannot break a table.

use std::fmt::Write;

use chrono::NaiveDate;

use super::escape_markdown::inline;
use super::markdown::{Align, table};
use super::probability::worded;
use super::report::{UNRATED, number};
use crate::model::Rating;
use crate::team::{Band, Copy, Split, Team, TeamCell, compare, splits, top};
use crate::text::counted;

/// How many of the biggest splits "Where the team splits" shows (more on a
/// tie at the cut-off, so equally big splits are not dropped arbitrarily).
/// The splits that change the leader are all listed in their own section.
pub const BIGGEST_SPLITS: usize = 10;

/// The team brief of the analysts' `copies`, dated `generated`.
pub fn team_brief(copies: &[Copy], generated: NaiveDate) -> String {
    let team = compare(copies);
    let splits = splits(&team);
    let mut out = String::new();
    front_matter(&mut out, &team, generated);
    bottom_line(&mut out, &team, &splits);
    leaders(&mut out, &team);
    agreement(&mut out, &team);
    biggest_splits(&mut out, &team, &splits);
    leader_changers(&mut out, &team, &splits);
    probabilities(&mut out, &team);
    only_in_some(&mut out, &team);
    out
}

fn front_matter(out: &mut String, team: &Team, generated: NaiveDate) {
    let _ = writeln!(out, "# Team brief: {}\n", inline(&team.consensus.title));
    if let Some(question) = &team.consensus.question {
        let _ = writeln!(out, "- **Question:** {}", inline(question));
    }
    let names: Vec<String> = team.analysts.iter().map(|a| inline(a)).collect();
    let _ = writeln!(
        out,
        "- **Analysts ({}):** {}",
        team.analysts.len(),
        names.join(", ")
    );
    let _ = writeln!(
        out,
        "- **Generated:** {} by ACH Workbench\n",
        generated.format("%Y-%m-%d")
    );
    let _ = writeln!(
        out,
        "The consensus of a cell is the median of the analysts' ratings on the −2…+2 scale \
         (NA when most say NA); the spread is their population standard deviation, in bands: \
         agreement below 0.5, mild below 1.0, large below 1.5, extreme from 1.5.\n"
    );
}

/// `H2 (With help)`, escaped; the bare id if the consensus lacks it.
fn label(team: &Team, id: &str) -> String {
    match team.consensus.hypothesis_index(id) {
        Some(column) => format!(
            "{} ({})",
            inline(id),
            inline(&team.consensus.hypotheses()[column].title)
        ),
        None => inline(id),
    }
}

/// `a`, `a and b`, `a, b and c`; `none` for nothing.
fn and_list(items: &[String]) -> String {
    match items {
        [] => "none".to_owned(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn leaders_label(team: &Team, ids: &[String]) -> String {
    let labels: Vec<String> = ids.iter().map(|id| label(team, id)).collect();
    and_list(&labels)
}

fn bottom_line(out: &mut String, team: &Team, splits: &[Split]) {
    out.push_str("## Bottom line\n\n");
    let leaders = top(&team.consensus, &team.scores);
    let lead = match leaders.len() {
        0 => "The consensus has no hypotheses, so nothing leads.".to_owned(),
        1 => format!("By consensus {} leads.", leaders_label(team, &leaders)),
        _ => format!(
            "By consensus {} are tied in the lead.",
            leaders_label(team, &leaders)
        ),
    };
    let same = team.leaders.iter().filter(|own| **own == leaders).count();
    let rated = team.cells.iter().filter(|c| c.consensus.is_some()).count();
    let agreed = team
        .cells
        .iter()
        .filter(|c| c.consensus.is_some() && c.band == Band::Agreement)
        .count();
    let turning = splits.iter().filter(|s| !s.turns.is_empty()).count();
    let _ = writeln!(
        out,
        "{lead} {same} of {} see the same leader in their own matrix. The team agrees on \
         {agreed} of {} and splits on {}; {} would change the consensus leader if one \
         analyst's rating were the consensus.\n",
        counted(team.analysts.len(), "analyst", "analysts"),
        counted(rated, "rated cell", "rated cells"),
        counted(splits.len(), "cell", "cells"),
        counted(turning, "split", "splits"),
    );
    let bands: Vec<String> = [Band::Extreme, Band::Large, Band::Mild]
        .into_iter()
        .map(|band| {
            let n = splits
                .iter()
                .filter(|s| team.cells[s.cell].band == band)
                .count();
            format!("{} {n}", band.word())
        })
        .collect();
    let _ = writeln!(out, "Splits by band: {}.\n", bands.join(", "));
}

fn leaders(out: &mut String, team: &Team) {
    out.push_str("## Who leads for each analyst\n\n");
    if team.analysts.is_empty() {
        out.push_str("No analysts.\n\n");
        return;
    }
    let consensus = top(&team.consensus, &team.scores);
    let rows: Vec<Vec<String>> = team
        .analysts
        .iter()
        .zip(&team.leaders)
        .map(|(analyst, own)| {
            vec![
                inline(analyst),
                leaders_label(team, own),
                if *own == consensus { "yes" } else { "no" }.to_owned(),
            ]
        })
        .collect();
    let headers = [
        ("Analyst".to_owned(), Align::Left),
        ("Own leader".to_owned(), Align::Left),
        ("Same as the consensus".to_owned(), Align::Center),
    ];
    table(out, &headers, &rows);
    out.push('\n');
}

/// A rating code, or the unrated mark.
fn code(rating: Option<Rating>) -> &'static str {
    rating.map_or(UNRATED, Rating::code)
}

/// The items every copy has, every rated cell of which is in the
/// agreement band and rated by two analysts or more (one rating has no
/// spread, which is not agreement).
fn agreement(out: &mut String, team: &Team) {
    out.push_str("## Where the team agrees\n\n");
    let columns = team.consensus.hypotheses().len();
    let enough = team.analysts.len().min(2);
    let rows: Vec<Vec<String>> = team
        .consensus
        .evidence()
        .iter()
        .enumerate()
        .filter_map(|(row, evidence)| {
            if team.partial_evidence.iter().any(|p| p.id == evidence.id) {
                return None;
            }
            let cells = &team.cells[row * columns..(row + 1) * columns];
            let rated: Vec<&TeamCell> = cells.iter().filter(|c| c.consensus.is_some()).collect();
            let agreed = |c: &&TeamCell| {
                c.band == Band::Agreement && c.ratings.iter().flatten().count() >= enough
            };
            if rated.is_empty() || !rated.iter().all(agreed) {
                return None;
            }
            let ratings: Vec<String> = rated
                .iter()
                .map(|c| format!("{} {}", inline(&c.hypothesis), code(c.consensus)))
                .collect();
            Some(vec![
                inline(&evidence.id),
                inline(&evidence.summary),
                ratings.join(", "),
            ])
        })
        .collect();
    if rows.is_empty() {
        out.push_str("No item is rated alike by the whole team.\n\n");
        return;
    }
    let _ = writeln!(
        out,
        "{} the whole team rates alike (in every copy, every rated cell in the agreement \
         band and rated by more than one analyst):\n",
        counted(rows.len(), "item", "items")
    );
    let headers = [
        ("Id".to_owned(), Align::Left),
        ("Evidence".to_owned(), Align::Left),
        ("Consensus".to_owned(), Align::Left),
    ];
    table(out, &headers, &rows);
    out.push('\n');
}

/// `alice II, bob I, carol CC`: every analyst's rating of a cell.
fn ratings(team: &Team, cell: &TeamCell) -> String {
    let named: Vec<String> = team
        .analysts
        .iter()
        .zip(&cell.ratings)
        .map(|(analyst, rating)| format!("{} {}", inline(analyst), code(*rating)))
        .collect();
    named.join(", ")
}

/// Item, hypothesis, consensus, spread and band of a split cell.
fn cell_columns(team: &Team, cell: &TeamCell) -> Vec<String> {
    let summary = team
        .consensus
        .evidence_index(&cell.evidence)
        .map(|row| inline(&team.consensus.evidence()[row].summary))
        .unwrap_or_default();
    vec![
        inline(&cell.evidence),
        summary,
        inline(&cell.hypothesis),
        code(cell.consensus).to_owned(),
        number(cell.spread),
        cell.band.word().to_owned(),
    ]
}

fn cell_headers() -> Vec<(String, Align)> {
    vec![
        ("Item".to_owned(), Align::Left),
        ("Evidence".to_owned(), Align::Left),
        ("Hypothesis".to_owned(), Align::Left),
        ("Consensus".to_owned(), Align::Center),
        ("Spread".to_owned(), Align::Right),
        ("Band".to_owned(), Align::Left),
    ]
}

fn biggest_splits(out: &mut String, team: &Team, splits: &[Split]) {
    out.push_str("## Where the team splits\n\n");
    if splits.is_empty() {
        out.push_str("Nowhere: every rated cell is in the agreement band.\n\n");
        return;
    }
    // Splits come biggest first: keep those as big as the last one shown.
    let shown = match splits.get(BIGGEST_SPLITS.saturating_sub(1)) {
        Some(last) if BIGGEST_SPLITS > 0 => {
            let cut = team.cells[last.cell].spread;
            splits
                .iter()
                .take_while(|s| team.cells[s.cell].spread >= cut)
                .count()
        }
        _ => splits.len(),
    };
    let _ = writeln!(
        out,
        "The {} of {} with the biggest spread, with every analyst's rating ({UNRATED} unrated):\n",
        counted(shown, "cell", "cells"),
        splits.len()
    );
    let mut headers = cell_headers();
    headers.push(("Ratings".to_owned(), Align::Left));
    let rows: Vec<Vec<String>> = splits[..shown]
        .iter()
        .map(|split| {
            let cell = &team.cells[split.cell];
            let mut row = cell_columns(team, cell);
            row.push(ratings(team, cell));
            row
        })
        .collect();
    table(out, &headers, &rows);
    out.push('\n');
}

fn leader_changers(out: &mut String, team: &Team, splits: &[Split]) {
    out.push_str("## Splits that change the leader\n\n");
    let leaders = top(&team.consensus, &team.scores);
    let rows: Vec<Vec<String>> = splits
        .iter()
        .flat_map(|split| {
            let cell = &team.cells[split.cell];
            split.turns.iter().map(move |turn| {
                let who: Vec<String> = turn.analysts.iter().map(|a| inline(a)).collect();
                let mut row = cell_columns(team, cell);
                row.extend([
                    format!("{} ({})", turn.rating.code(), and_list(&who)),
                    leaders_label(team, &turn.leaders),
                ]);
                row
            })
        })
        .collect();
    if rows.is_empty() {
        out.push_str(
            "None: no analyst's rating of a split cell, made the consensus of that cell alone, \
             would change the consensus leader.\n\n",
        );
        return;
    }
    let _ = writeln!(
        out,
        "Each row is one analyst's rating (and who holds it) that, as the consensus of that \
         cell alone, would make the consensus leader other than {}:\n",
        leaders_label(team, &leaders)
    );
    let mut headers = cell_headers();
    headers.extend([
        ("If rated (by)".to_owned(), Align::Left),
        ("Leader then".to_owned(), Align::Left),
    ]);
    table(out, &headers, &rows);
    out.push('\n');
}

fn probabilities(out: &mut String, team: &Team) {
    out.push_str("## Probabilities\n\n");
    let p = &team.probabilities;
    if team.consensus.hypotheses().is_empty() {
        out.push_str("No hypotheses.\n\n");
        return;
    }
    let _ = writeln!(
        out,
        "Each analyst's judged probabilities made coherent (divided by their sum), then \
         averaged ({} of {} give one for every hypothesis), beside the consensus model's \
         posterior.\n",
        p.averaged(),
        team.analysts.len()
    );
    let rows: Vec<Vec<String>> = team
        .scores
        .ranking
        .iter()
        .map(|&h| {
            let hypothesis = &team.consensus.hypotheses()[h];
            vec![
                inline(&hypothesis.id),
                inline(&hypothesis.title),
                p.average
                    .as_ref()
                    .map_or_else(|| "none".to_owned(), |values| worded(values[h])),
                worded(p.posterior[h]),
            ]
        })
        .collect();
    let headers = [
        ("Id".to_owned(), Align::Left),
        ("Hypothesis".to_owned(), Align::Left),
        ("Team average".to_owned(), Align::Left),
        ("Model posterior".to_owned(), Align::Left),
    ];
    table(out, &headers, &rows);
    out.push('\n');
}

fn only_in_some(out: &mut String, team: &Team) {
    for (what, list) in [
        ("Hypotheses", &team.partial_hypotheses),
        ("Evidence", &team.partial_evidence),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {what} only in some copies\n");
        for partial in list {
            let who: Vec<String> = partial.analysts.iter().map(|a| inline(a)).collect();
            let _ = writeln!(out, "- {}: only {}", inline(&partial.id), and_list(&who));
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::assert_tables_keep_their_columns;
    use crate::team::test_copy as copy;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
    }

    fn three() -> Vec<Copy> {
        vec![
            copy("alice", ["II", "C"], ["N", "N"]),
            copy("bob", ["I", "C"], ["N", "N"]),
            copy("carol", ["CC", "C"], ["N", "II"]),
        ]
    }

    #[test]
    fn the_brief_names_who_leads_the_splits_and_the_split_that_turns_the_leader() {
        let brief = team_brief(&three(), day());
        assert!(brief.starts_with("# Team brief: Who\n"), "{brief}");
        assert!(
            brief.contains("- **Analysts (3):** alice, bob, carol\n"),
            "{brief}"
        );
        assert!(
            brief.contains("By consensus H2 (With help) leads. 2 of 3 analysts see the same"),
            "{brief}"
        );
        // The team agrees on E1/H2 and E2/H1 and splits on E1/H1 and E2/H2.
        assert!(
            brief.contains("The team agrees on 2 of 4 rated cells and splits on 2 cells; 2 splits"),
            "{brief}"
        );
        assert!(brief.contains("| carol | H1 (Alone) | no |"), "{brief}");
        assert!(
            brief.contains("| alice | H2 (With help) | yes |"),
            "{brief}"
        );
        // No item has every cell in the agreement band.
        assert!(brief.contains("No item is rated alike by the whole team."));
        // E1/H1 (−2, −1, +2: spread 1.70) comes before E2/H2 (0, 0, −2: 0.94).
        let e1 = brief
            .find("| E1 | A witness | H1 | I | 1.70 | extreme | alice II, bob I, carol CC |")
            .expect(&brief);
        let e2 = brief
            .find("| E2 | A receipt | H2 | N | 0.94 | mild | alice N, bob N, carol II |")
            .expect(&brief);
        assert!(e1 < e2);
        let turns = &brief[brief.find("## Splits that change the leader").unwrap()..];
        assert!(
            turns
                .contains("| E1 | A witness | H1 | I | 1.70 | extreme | CC (carol) | H1 (Alone) |"),
            "{turns}"
        );
        // Carol's II on E2 / H2 would leave H2 more inconsistent than H1.
        assert!(
            turns.contains("| E2 | A receipt | H2 | N | 0.94 | mild | II (carol) | H1 (Alone) |"),
            "{turns}"
        );
        assert_tables_keep_their_columns(&brief);
    }

    #[test]
    fn items_rated_alike_are_where_the_team_agrees() {
        let brief = team_brief(
            &[
                copy("alice", ["C", "I"], ["N", "N"]),
                copy("bob", ["C", "I"], ["N", "N"]),
            ],
            day(),
        );
        assert!(
            brief.contains("2 items the whole team rates alike"),
            "{brief}"
        );
        assert!(brief.contains("| E1 | A witness | H1 C, H2 I |"), "{brief}");
        assert!(brief.contains("Nowhere: every rated cell is in the agreement band."));
        assert!(brief.contains("Splits by band: extreme 0, large 0, mild 0."));
        // A cell only one analyst rated has no spread, but it is not agreement.
        let mut copies = vec![
            copy("alice", ["C", "I"], ["N", "N"]),
            copy("bob", ["C", "I"], ["N", "N"]),
        ];
        copies[1].matrix.set_rating(0, 0, None);
        let brief = team_brief(&copies, day());
        assert!(
            brief.contains("1 item the whole team rates alike"),
            "{brief}"
        );
        assert!(!brief.contains("| E1 | A witness |"), "{brief}");
        assert!(brief.contains("| E2 | A receipt | H1 N, H2 N |"), "{brief}");
    }

    #[test]
    fn the_biggest_splits_stop_at_the_cut_off_unless_tied() {
        // Eleven items split alike, one more split less: the eleven tie at
        // the cut-off, so all are shown and the smaller one is not.
        let text = String::from(
            "schema = 1\ntitle = \"Q\"\n\n[[hypotheses]]\nid = \"H1\"\ntitle = \"One\"\n",
        );
        let items = BIGGEST_SPLITS + 2;
        let mut copies = Vec::new();
        for (analyst, far) in [("a", "CC"), ("b", "II")] {
            let mut matrix = text.clone();
            for n in 1..=items {
                let rating = if n == items && analyst == "b" {
                    "N"
                } else {
                    far
                };
                matrix += &format!(
                    "\n[[evidence]]\nid = \"E{n}\"\nsummary = \"s\"\nratings = {{ H1 = \"{rating}\" }}\n"
                );
            }
            copies.push(Copy {
                analyst: analyst.to_owned(),
                matrix: crate::storage::matrix_from_str(&matrix).unwrap(),
            });
        }
        let brief = team_brief(&copies, day());
        assert!(
            brief.contains(&format!(
                "The {} cells of {items} with the biggest spread",
                items - 1
            )),
            "{brief}"
        );
        let section = &brief[brief.find("## Where the team splits").unwrap()
            ..brief.find("## Splits that change").unwrap()];
        assert!(section.contains("| E11 |"), "{section}");
        assert!(!section.contains(&format!("| E{items} |")), "{section}");
    }

    #[test]
    fn hostile_names_and_titles_stay_inside_their_cells() {
        let mut copies = three();
        copies[0].analyst = "al|ice\n# not a heading".to_owned();
        copies[0].matrix.title = "<script>|".to_owned();
        let brief = team_brief(&copies, day());
        assert!(!brief.contains("<script>"));
        assert!(!brief.contains("\n# not a heading"));
        assert_tables_keep_their_columns(&brief);
    }

    proptest::proptest! {
        /// Whatever the copies hold, every table keeps its column count.
        #[test]
        fn team_brief_tables_keep_their_columns(
            a in crate::test_support::arbitrary_matrix(),
            b in crate::test_support::arbitrary_matrix(),
        ) {
            let copies = [
                Copy { analyst: "a|b".to_owned(), matrix: a },
                Copy { analyst: "c".to_owned(), matrix: b },
            ];
            assert_tables_keep_their_columns(&team_brief(&copies, day()));
        }
    }
}
