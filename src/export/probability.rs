//! The probability section every human-readable export carries (the brief
//! after its bottom line, the Markdown and HTML exports after the scores):
//! the model's caveat, its likelihood ratios, one row per hypothesis with
//! prior, posterior, judged and coherent values and their ICD 203 words,
//! the coherence of the judged values and every finding.

use std::fmt::Write;

use super::escape_html::escape;
use super::escape_markdown::inline;
use super::markdown::{Align, table};
use super::report::{Report, number};
use crate::model::Rating;
use crate::probability::{CAVEAT, FAR_FROM_POSTERIOR, Finding, estimative_word, likelihood};

/// `0.50 (roughly even chance)`.
pub(super) fn worded(p: f64) -> String {
    format!("{} ({})", number(p), estimative_word(p))
}

/// What a hypothesis without a value shows.
const NONE: &str = "none";

/// How the posterior is computed, with this matrix's ratios.
fn method(report: &Report<'_>) -> String {
    let ratios: Vec<String> = Rating::ALL
        .into_iter()
        .map(|rating| {
            format!(
                "{} {}",
                rating.code(),
                likelihood(Some(rating), &report.matrix.likelihood)
            )
        })
        .collect();
    let own = if report.matrix.likelihood.iter().next().is_some() {
        " (this matrix sets its own for some)"
    } else {
        ""
    };
    format!(
        "The model's posterior multiplies each hypothesis' prior by every counted evidence \
         item's likelihood ratio raised to the item's weight (credibility × relevance), and \
         divides by the sum over the hypotheses. Likelihood ratios{own}: {}; an unrated \
         cell is 1.",
        ratios.join(", ")
    )
}

/// One sentence on how the judged values hold together.
fn coherence_sentence(report: &Report<'_>) -> String {
    let reading = &report.probability;
    let Some(sum) = reading.coherence.judged_sum else {
        return "No hypothesis carries a judged probability (the hypothesis form's Judged \
                probability, or probability = 0.6 in the matrix file), so there is nothing \
                to hold against the model."
            .to_owned();
    };
    let sum = number(sum);
    match reading.coherence.coherent {
        Some(true) => format!("The judged probabilities sum to {sum}: coherent."),
        Some(false) if reading.coherence.normalised.is_some() => format!(
            "The judged probabilities sum to {sum}, not 1: not coherent. The Coherent \
             column divides each by their sum."
        ),
        Some(false) => format!(
            "The judged probabilities given sum to {sum}: not coherent, whatever the \
             missing ones are."
        ),
        None => format!(
            "The judged probabilities given sum to {sum}; not every hypothesis has one, \
             so whether they are coherent cannot be told."
        ),
    }
}

/// One sentence on the judged values far from the posteriors.
fn flags_sentence(report: &Report<'_>) -> Option<String> {
    let reading = &report.probability;
    reading.coherence.judged_sum?;
    let far = reading
        .findings
        .iter()
        .filter(|f| matches!(f, Finding::FarFromPosterior { .. }))
        .count();
    Some(if far == 0 {
        format!("Every judged value is within {FAR_FROM_POSTERIOR} of the model's posterior.")
    } else {
        let (values, what) = if far == 1 {
            ("judged value is", "a question to ask, not an error")
        } else {
            ("judged values are", "questions to ask, not errors")
        };
        format!("{far} {values} more than {FAR_FROM_POSTERIOR} from the model's posterior: {what}.")
    })
}

/// The cells of one hypothesis: prior, posterior, judged, coherent.
fn values(report: &Report<'_>, column: usize, coherent: Option<&[f64]>) -> [String; 4] {
    let reading = &report.probability;
    [
        number(reading.priors[column]),
        worded(reading.posteriors[column]),
        reading.judged[column].map_or_else(|| NONE.to_owned(), worded),
        coherent.map_or_else(|| NONE.to_owned(), |values| worded(values[column])),
    ]
}

/// `Warning` or `Question`.
fn kind(finding: &Finding) -> &'static str {
    if finding.is_question() {
        "Question"
    } else {
        "Warning"
    }
}

/// The section in Markdown (the brief and the Markdown export).
pub(super) fn markdown(out: &mut String, report: &Report<'_>) {
    out.push_str("## Probabilities\n\n");
    if report.hypotheses().is_empty() {
        out.push_str("There are no hypotheses to give probabilities for.\n\n");
        return;
    }
    let _ = writeln!(out, "*{CAVEAT}*\n");
    let _ = writeln!(out, "{}\n", inline(&method(report)));
    let headers = [
        ("Id".to_owned(), Align::Left),
        ("Hypothesis".to_owned(), Align::Left),
        ("Prior".to_owned(), Align::Right),
        ("Model posterior".to_owned(), Align::Left),
        ("Judged".to_owned(), Align::Left),
        ("Coherent".to_owned(), Align::Left),
    ];
    let coherent = report.probability.coherent();
    let rows: Vec<Vec<String>> = report
        .hypotheses()
        .iter()
        .enumerate()
        .map(|(column, hypothesis)| {
            let mut cells = vec![inline(&hypothesis.id), inline(&hypothesis.title)];
            cells.extend(values(report, column, coherent.as_deref()));
            cells
        })
        .collect();
    table(out, &headers, &rows);
    out.push('\n');
    let _ = writeln!(out, "{}\n", inline(&coherence_sentence(report)));
    if let Some(flags) = flags_sentence(report) {
        let _ = writeln!(out, "{}\n", inline(&flags));
    }
    if !report.probability.findings.is_empty() {
        for finding in &report.probability.findings {
            let _ = writeln!(
                out,
                "- **{}:** {}",
                kind(finding),
                inline(&finding.to_string())
            );
        }
        out.push('\n');
    }
}

/// The section in HTML.
pub(super) fn html(out: &mut String, report: &Report<'_>) {
    out.push_str("<section id=\"probabilities\">\n<h2>Probabilities</h2>\n");
    if report.hypotheses().is_empty() {
        out.push_str("<p>There are no hypotheses to give probabilities for.</p>\n</section>\n");
        return;
    }
    let _ = writeln!(out, "<p><em>{}</em></p>", escape(CAVEAT));
    let _ = writeln!(out, "<p>{}</p>", escape(&method(report)));
    out.push_str(
        "<table class=\"probabilities\">\n<thead><tr><th scope=\"col\">Id</th>\
         <th scope=\"col\">Hypothesis</th><th scope=\"col\">Prior</th>\
         <th scope=\"col\">Model posterior</th><th scope=\"col\">Judged</th>\
         <th scope=\"col\">Coherent</th></tr></thead>\n<tbody>\n",
    );
    let coherent = report.probability.coherent();
    for (column, hypothesis) in report.hypotheses().iter().enumerate() {
        let [prior, posterior, judged, coherent] = values(report, column, coherent.as_deref());
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"text\" dir=\"auto\">{}</td>\
             <td class=\"num\">{prior}</td><td>{posterior}</td><td>{judged}</td>\
             <td>{coherent}</td></tr>",
            escape(&hypothesis.id),
            escape(&hypothesis.title),
        );
    }
    out.push_str("</tbody>\n</table>\n");
    let _ = writeln!(out, "<p>{}</p>", escape(&coherence_sentence(report)));
    if let Some(flags) = flags_sentence(report) {
        let _ = writeln!(out, "<p>{}</p>", escape(&flags));
    }
    if !report.probability.findings.is_empty() {
        out.push_str("<ul class=\"findings\">\n");
        for finding in &report.probability.findings {
            let _ = writeln!(
                out,
                "<li><strong>{}:</strong> <span class=\"text\" dir=\"auto\">{}</span></li>",
                kind(finding),
                escape(&finding.to_string())
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}
