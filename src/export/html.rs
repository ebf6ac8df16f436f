//! The HTML export: one self-contained page (inline CSS, no scripts, no
//! external resources) that reads well in a browser and prints.
//!
//! Matrix text only ever lands in text content, escaped by
//! [`escape`]; every element, attribute and class name comes from this
//! file, and rating colours from the fixed rating codes.

use std::fmt::Write;

use super::brief::bottom_line::paragraphs;
use super::escape_html::escape;
use super::lead_changes_with;
use super::report::{Report, UNRATED, item_facts, number, timestamp};
use crate::model::{Evidence, Rating, SetAside};
use crate::text::capitalised;

/// Screen and print styles. Rating colours follow the usual ACH reading:
/// greens for consistent, reds for inconsistent, greys for neutral and
/// not applicable; the codes are printed too. Printed in grey or read by
/// someone who cannot tell red from green, the ratings still differ: each
/// fill has its own lightness (C 225, I 184, CC 100, II 47 of 255), the
/// inconsistent ones are hatched and underlined, the strong ones heavier.
const STYLE: &str = "\
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif; color: #1f2328; margin: 2rem auto; max-width: 80rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.5rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 1rem; margin-bottom: 0.25rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #f6f8fa; }
th.hypothesis { text-align: center; min-width: 4rem; }
th.hypothesis .title { display: block; font-weight: normal; font-size: 0.85em; }
.text { white-space: pre-line; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.rating { text-align: center; font-weight: 600; }
.r-cc { background: #1a7f37; color: #ffffff; font-weight: 800; }
.r-c { background: #b4f1c3; color: #0f3d1e; }
.r-n { background: #eaeef2; color: #1f2328; }
.r-na { background: #ffffff; color: #6e7781; font-style: italic; }
.r-i { background: #f5a89f; color: #4a0a04; }
.r-ii { background: #a40e26; color: #ffffff; font-weight: 800; }
.r-i, .r-ii { text-decoration: underline 2px; background-image: repeating-linear-gradient(135deg, rgba(0, 0, 0, 0.16) 0 2px, transparent 2px 6px); }
.unrated { color: #8c959f; }
.leader { color: #9a6700; }
.set-aside-mark { font-style: italic; color: #59636e; }
th.narrow, td.narrow { width: 1%; white-space: nowrap; }
table.matrix th.evidence { min-width: 18rem; }
.legend span.rating { display: inline-block; min-width: 1.8em; text-align: center; font-weight: 600; padding: 0 0.2em; }
article.evidence { margin-bottom: 1.25rem; }
blockquote { margin: 0.5rem 0; padding: 0.25rem 0.75rem; border-left: 0.25rem solid #d0d7de; color: #3b434b; white-space: pre-line; }
figure { margin: 0; }
figcaption { font-size: 0.9em; color: #59636e; }
@media print {
  body { margin: 0; max-width: none; font-size: 9.5pt; }
  .scroll { overflow: visible; }
  thead { display: table-header-group; }
  tr, article.evidence { break-inside: avoid; }
  h2, p.legend { break-after: avoid; }
  section#matrix { break-before: page; }
  table.matrix { width: 100%; }
  table.matrix th.evidence { width: 38%; }
  td.rating, .legend span.rating { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
";

/// Added for matrices with many hypothesis columns.
const LANDSCAPE: &str = "@media print { @page { size: landscape; } }\n";

/// The CSS class of a rating's cell, from its code alone.
fn rating_class(rating: Rating) -> &'static str {
    match rating {
        Rating::VeryConsistent => "r-cc",
        Rating::Consistent => "r-c",
        Rating::Neutral => "r-n",
        Rating::NotApplicable => "r-na",
        Rating::Inconsistent => "r-i",
        Rating::VeryInconsistent => "r-ii",
    }
}

/// What each rating code means, for the legend.
fn rating_meaning(rating: Rating) -> &'static str {
    match rating {
        Rating::VeryConsistent => "very consistent",
        Rating::Consistent => "consistent",
        Rating::Neutral => "neutral",
        Rating::NotApplicable => "not applicable",
        Rating::Inconsistent => "inconsistent",
        Rating::VeryInconsistent => "very inconsistent",
    }
}

/// The HTML export of `report`.
pub(super) fn render(report: &Report<'_>) -> String {
    let matrix = report.matrix;
    let mut out = String::with_capacity(16 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(&matrix.title));
    out.push_str("<style>\n");
    out.push_str(STYLE);
    if report.is_wide() {
        out.push_str(LANDSCAPE);
    }
    out.push_str("</style>\n</head>\n<body>\n");
    header(&mut out, report);
    out.push_str("<main>\n");
    bottom_line(&mut out, report);
    hypotheses(&mut out, report);
    matrix_table(&mut out, report);
    scores(&mut out, report);
    super::probability::html(&mut out, report);
    diagnosticity(&mut out, report);
    sources(&mut out, report);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn header(out: &mut String, report: &Report<'_>) {
    let matrix = report.matrix;
    let _ = writeln!(
        out,
        "<header>\n<h1 class=\"text\" dir=\"auto\">{}</h1>\n<dl class=\"facts\">",
        escape(&matrix.title)
    );
    let mut fact = |term: &str, value: &str| {
        let _ = writeln!(
            out,
            "<dt>{term}</dt><dd class=\"text\" dir=\"auto\">{}</dd>",
            escape(value)
        );
    };
    if let Some(question) = &matrix.question {
        fact("Question", question);
    }
    if let Some(analyst) = &matrix.analyst {
        fact("Analyst", analyst);
    }
    if let Some(created) = matrix.created {
        fact("Created", &timestamp(created));
    }
    if let Some(updated) = matrix.updated {
        fact("Updated", &timestamp(updated));
    }
    fact(
        "Generated",
        &format!("{} by ACH Workbench", report.generated.format("%Y-%m-%d")),
    );
    out.push_str("</dl>\n</header>\n");
}

/// The brief's bottom line, first, as a reader of a report expects: who
/// leads (ties called ties), on what, and whether single items decide it.
fn bottom_line(out: &mut String, report: &Report<'_>) {
    section_start(out, "bottom-line", "Bottom line");
    let changes = lead_changes_with(report.matrix, &report.scores, &report.sensitivity);
    // The report has no section of deciding items to point down to.
    for paragraph in paragraphs(report, &changes, escape, "") {
        let _ = writeln!(out, "<p>{paragraph}</p>");
    }
    out.push_str("</section>\n");
}

/// `★` after a hypothesis in the leader set (every hypothesis tied for
/// rank 1; none while no evidence bears on any), as the workbench marks it.
fn leader_mark(report: &Report<'_>, column: usize) -> &'static str {
    if report.sensitivity.leader.contains(&column) {
        " <span class=\"leader\">★</span>"
    } else {
        ""
    }
}

fn section_start(out: &mut String, id: &str, heading: &str) {
    let _ = writeln!(out, "<section id=\"{id}\">\n<h2>{heading}</h2>");
}

fn empty(out: &mut String, message: &str) {
    let _ = writeln!(out, "<p>{message}</p>\n</section>");
}

fn hypotheses(out: &mut String, report: &Report<'_>) {
    section_start(out, "hypotheses", "Hypotheses");
    if report.hypotheses().is_empty() {
        return empty(out, "The matrix has no hypotheses.");
    }
    out.push_str(
        "<table class=\"hypotheses\">\n<thead><tr><th scope=\"col\">Id</th>\
         <th scope=\"col\">Hypothesis</th><th scope=\"col\">Description</th></tr></thead>\n<tbody>\n",
    );
    for hypothesis in report.hypotheses() {
        let _ = writeln!(
            out,
            "<tr{}><th scope=\"row\">{}</th><td class=\"text\" dir=\"auto\">{}</td>\
             <td class=\"text\" dir=\"auto\">{}</td></tr>",
            set_aside_class(&hypothesis.set_aside),
            escape(&hypothesis.id),
            set_aside_text(&hypothesis.title, &hypothesis.set_aside),
            escape(hypothesis.description.as_deref().unwrap_or_default())
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn legend(out: &mut String, any_set_aside: bool) {
    out.push_str("<p class=\"legend\">Ratings:");
    for rating in Rating::ALL {
        let _ = write!(
            out,
            " <span class=\"rating {}\">{}</span> {},",
            rating_class(rating),
            rating.code(),
            rating_meaning(rating)
        );
    }
    let _ = writeln!(
        out,
        " <span class=\"rating unrated\">{UNRATED}</span> unrated. Credibility and \
         relevance: H high, M medium, L low. <span class=\"leader\">★</span> leads (each \
         hypothesis tied for the lead is marked).{}</p>",
        if any_set_aside {
            " <s>Struck through</s> and marked <span class=\"set-aside-mark\">(set aside)</span>: \
             kept by the analyst but left out of every score."
        } else {
            ""
        }
    );
}

/// `text`, escaped; struck through and followed by a mark (with the
/// reason) when the analyst set its item or hypothesis aside, so that no
/// reader takes it for one that counts.
fn set_aside_text(text: &str, set_aside: &SetAside) -> String {
    match set_aside {
        SetAside::Counted => escape(text),
        SetAside::Aside { reason } => format!(
            "<s>{}</s> <span class=\"set-aside-mark\">({})</span>",
            escape(text),
            match reason {
                Some(reason) => format!("set aside: {}", escape(reason)),
                None => "set aside".to_owned(),
            }
        ),
    }
}

/// ` class="set-aside"` for an element of something set aside.
fn set_aside_class(set_aside: &SetAside) -> &'static str {
    if set_aside.is_set() {
        " class=\"set-aside\""
    } else {
        ""
    }
}

fn matrix_table(out: &mut String, report: &Report<'_>) {
    section_start(out, "matrix", "Matrix");
    if report.evidence().is_empty() {
        return empty(out, "The matrix has no evidence items.");
    }
    let any_set_aside = report.evidence().iter().any(|e| e.set_aside.is_set())
        || report.hypotheses().iter().any(|h| h.set_aside.is_set());
    legend(out, any_set_aside);
    out.push_str(
        "<div class=\"scroll\">\n<table class=\"matrix\">\n<thead><tr>\
         <th scope=\"col\">Id</th><th scope=\"col\" class=\"evidence\">Evidence</th>\
         <th scope=\"col\" class=\"narrow\">Kind</th><th scope=\"col\" class=\"narrow\">Cred.</th>\
         <th scope=\"col\" class=\"narrow\">Rel.</th>",
    );
    for (column, hypothesis) in report.hypotheses().iter().enumerate() {
        let _ = write!(
            out,
            "<th scope=\"col\" class=\"hypothesis{}\">{}{}<span class=\"title text\" dir=\"auto\">{}</span></th>",
            if hypothesis.set_aside.is_set() {
                " set-aside"
            } else {
                ""
            },
            escape(&hypothesis.id),
            leader_mark(report, column),
            set_aside_text(&hypothesis.title, &hypothesis.set_aside)
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for evidence in report.evidence() {
        matrix_row(out, report, evidence);
    }
    out.push_str("</tbody>\n</table>\n</div>\n</section>\n");
}

fn matrix_row(out: &mut String, report: &Report<'_>, evidence: &Evidence) {
    let _ = write!(
        out,
        "<tr{}><th scope=\"row\">{}</th><td class=\"text\" dir=\"auto\">{}</td>\
         <td class=\"narrow\">{}</td><td class=\"narrow\">{}</td><td class=\"narrow\">{}</td>",
        set_aside_class(&evidence.set_aside),
        escape(&evidence.id),
        set_aside_text(&evidence.summary, &evidence.set_aside),
        evidence.kind.word(),
        evidence.credibility.initial(),
        evidence.relevance.initial()
    );
    for column in 0..report.hypotheses().len() {
        match evidence.rating(column) {
            Some(rating) => {
                let _ = write!(
                    out,
                    "<td class=\"rating {}\">{}</td>",
                    rating_class(rating),
                    rating.code()
                );
            }
            None => {
                let _ = write!(out, "<td class=\"rating unrated\">{UNRATED}</td>");
            }
        }
    }
    out.push_str("</tr>\n");
}

fn scores(out: &mut String, report: &Report<'_>) {
    section_start(out, "scores", "Scores");
    if report.hypotheses().is_empty() {
        return empty(out, "There are no hypotheses to score.");
    }
    out.push_str(
        "<p>Hypotheses in rank order, least inconsistent first. Inconsistency counts I as 1 \
         and II as 2; the weighted scores multiply each rating by the item&#39;s weight \
         (credibility × relevance); weighted consistency (C 1, CC 2) breaks ties.</p>\n",
    );
    out.push_str(
        "<table class=\"scores\">\n<thead><tr><th scope=\"col\">Rank</th><th scope=\"col\">Id</th>\
         <th scope=\"col\">Hypothesis</th><th scope=\"col\">Inconsistency</th>\
         <th scope=\"col\">Weighted inconsistency</th><th scope=\"col\">Weighted consistency</th>\
         <th scope=\"col\">Unrated</th></tr></thead>\n<tbody>\n",
    );
    for column in report.listed_ranking() {
        let hypothesis = &report.hypotheses()[column];
        let score = report.score_of(column);
        let _ = writeln!(
            out,
            "<tr><td class=\"num\">{}</td><th scope=\"row\">{}{}</th><td class=\"text\" dir=\"auto\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            report.rank_label(column),
            escape(&hypothesis.id),
            leader_mark(report, column),
            escape(&hypothesis.title),
            score.inconsistency,
            number(score.weighted_inconsistency),
            number(score.weighted_consistency),
            score.unrated
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn diagnosticity(out: &mut String, report: &Report<'_>) {
    section_start(out, "diagnosticity", "Evidence by diagnosticity");
    if report.evidence().is_empty() {
        return empty(out, "The matrix has no evidence items.");
    }
    out.push_str(
        "<p>Most diagnostic first: the spread (standard deviation) of an item&#39;s ratings \
         across the hypotheses, on the scale CC 2, C 1, N 0, I −1, II −2 (NA and unrated \
         cells left out). An item rated alike for every hypothesis scores 0.</p>\n",
    );
    out.push_str(
        "<table class=\"diagnosticity\">\n<thead><tr><th scope=\"col\">Diagnosticity</th>\
         <th scope=\"col\">Id</th><th scope=\"col\">Evidence</th></tr></thead>\n<tbody>\n",
    );
    for row in report.by_diagnosticity() {
        let evidence = &report.evidence()[row];
        let _ = writeln!(
            out,
            "<tr{}><td class=\"num\">{}</td><th scope=\"row\">{}</th><td class=\"text\" dir=\"auto\">{}</td></tr>",
            set_aside_class(&evidence.set_aside),
            number(report.scores.diagnosticity[row]),
            escape(&evidence.id),
            set_aside_text(&evidence.summary, &evidence.set_aside)
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn sources(out: &mut String, report: &Report<'_>) {
    section_start(out, "sources", "Evidence and sources");
    if report.evidence().is_empty() {
        return empty(out, "The matrix has no evidence items.");
    }
    for (row, evidence) in report.evidence().iter().enumerate() {
        let _ = writeln!(
            out,
            "<article class=\"evidence{}\">\n<h3 class=\"text\" dir=\"auto\">{}: {}</h3>\n<p>{}.</p>",
            if evidence.set_aside.is_set() {
                " set-aside"
            } else {
                ""
            },
            escape(&evidence.id),
            set_aside_text(&evidence.summary, &evidence.set_aside),
            escape(&capitalised(&item_facts(evidence)))
        );
        if let Some(notes) = &evidence.notes {
            let _ = writeln!(
                out,
                "<p class=\"notes text\" dir=\"auto\"><strong>Notes:</strong> {}</p>",
                escape(notes)
            );
        }
        match (&evidence.source, &report.quote_lines[row]) {
            (Some(passage), Some(line)) => {
                let citation = report.citations[row]
                    .as_ref()
                    .map(|citation| format!("{}, ", escape(citation)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "<figure>\n<blockquote dir=\"auto\">{}</blockquote>\n\
                     <figcaption>{citation}{}, {} (bytes {}–{})</figcaption>\n</figure>",
                    escape(&passage.quote),
                    escape(&passage.document),
                    escape(&line.to_string()),
                    passage.start,
                    passage.end
                );
            }
            _ => out.push_str("<p>No source passage.</p>\n"),
        }
        out.push_str("</article>\n");
    }
    out.push_str("</section>\n");
}

#[cfg(test)]
mod print_cues {
    use super::STYLE;

    /// The fill of `.r-CODE`, as 0-255 luminance (Rec. 709 weights).
    fn lightness(code: &str) -> f64 {
        let rule = STYLE
            .lines()
            .find(|line| line.starts_with(&format!(".r-{code} {{")))
            .unwrap_or_else(|| panic!("no rule for {code}"));
        let hex = rule.split("background: #").nth(1).unwrap();
        let channel = |i: usize| f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap());
        0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }

    #[test]
    fn ratings_printed_in_grey_keep_apart() {
        // The pairs a greyscale printer made alike (C 218 vs I 219).
        for (a, b) in [("c", "i"), ("cc", "ii"), ("c", "cc"), ("i", "ii")] {
            let (la, lb) = (lightness(a), lightness(b));
            assert!((la - lb).abs() >= 30.0, "{a} {la:.0} vs {b} {lb:.0}");
        }
    }

    /// The print rules checked by eye in headless Chromium with 3, 5 and 8
    /// hypotheses (scripts/print-check.sh): the matrix starts a page of its
    /// own, its legend stays with it, and the evidence column keeps a share.
    #[test]
    fn printed_the_matrix_starts_a_page_with_its_legend_and_room_for_the_evidence() {
        let print = &STYLE[STYLE.find("@media print").expect("print rules")..];
        for rule in [
            "section#matrix { break-before: page; }",
            "h2, p.legend { break-after: avoid; }",
            "table.matrix th.evidence { width: 38%; }",
        ] {
            assert!(print.contains(rule), "{rule} missing from {print}");
        }
    }

    #[test]
    fn inconsistent_ratings_carry_a_pattern_and_an_underline() {
        let rule = STYLE
            .lines()
            .find(|line| line.starts_with(".r-i, .r-ii {"))
            .expect("a rule for the inconsistent ratings");
        assert!(rule.contains("text-decoration: underline"), "{rule}");
        assert!(rule.contains("repeating-linear-gradient"), "{rule}");
    }
}
