//! The detail area under the matrix: the selected item in full.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::theme;
use crate::model::Rating;
use crate::scoring::{NOT_RANKED, Scores, shown_ranks};
use crate::text::one_line;
use crate::tui::state::{MatrixRow, OpenMatrix, State};

pub fn draw(frame: &mut Frame, area: Rect, state: &State, open: &OpenMatrix, scores: &Scores) {
    if area.height == 0 {
        return;
    }
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme::dim());
    let lines = match open.row {
        MatrixRow::Title => title_detail(open, &state.workspace.display_path(&open.path)),
        MatrixRow::Hypotheses => hypothesis_detail(open, scores, state.today),
        MatrixRow::Evidence(index) => evidence_detail(state, open, scores, index),
    };
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

fn label(text: &str) -> Span<'static> {
    Span::styled(text.to_owned(), theme::heading())
}

fn title_detail(open: &OpenMatrix, path: &str) -> Vec<Line<'static>> {
    let matrix = &open.matrix;
    let mut lines = vec![Line::from(vec![
        label("Title: "),
        Span::raw(one_line(&matrix.title).into_owned()),
    ])];
    if let Some(question) = &matrix.question {
        lines.push(Line::from(vec![
            label("Question: "),
            Span::raw(one_line(question).into_owned()),
        ]));
    }
    if let Some(analyst) = &matrix.analyst {
        lines.push(Line::from(vec![
            label("Analyst: "),
            Span::raw(one_line(analyst).into_owned()),
        ]));
    }
    let stamp = |time: Option<chrono::DateTime<chrono::Utc>>| {
        time.map_or_else(
            || "—".to_owned(),
            |t| t.format("%Y-%m-%d %H:%M UTC").to_string(),
        )
    };
    lines.push(Line::styled(
        format!(
            "{} · created {} · updated {} · e to edit",
            one_line(path),
            stamp(matrix.created),
            stamp(matrix.updated)
        ),
        theme::dim(),
    ));
    lines
}

fn hypothesis_detail(
    open: &OpenMatrix,
    scores: &Scores,
    today: Option<chrono::NaiveDate>,
) -> Vec<Line<'static>> {
    let Some(hypothesis) = open.matrix.hypotheses().get(open.column) else {
        return vec![Line::styled(
            "No hypotheses yet: press H to add one.",
            theme::dim(),
        )];
    };
    let score = &scores.hypotheses[open.column];
    // The grid's rule: each of several tied leaders is 1=, and a
    // hypothesis set aside or rated against nothing has no rank.
    let leaders = crate::scoring::leader_set(scores);
    let of = scores.hypotheses.len();
    let shown = &shown_ranks(scores, &leaders)[open.column];
    let rank = if !scores.ranks(open.column) {
        "set aside, not ranked".to_owned()
    } else if !scores.may_lead()[open.column] {
        "not ranked: rated against no item that counts".to_owned()
    } else if shown == NOT_RANKED {
        "not ranked: no rating bears on any hypothesis yet".to_owned()
    } else {
        format!("rank {shown} of {of}")
    };
    let mut lines = vec![
        Line::from(vec![
            label(&format!("{} ", one_line(&hypothesis.id))),
            Span::raw(one_line(&hypothesis.title).into_owned()),
        ]),
        Line::styled(
            format!(
                "{rank} · inconsistency {} · weighted {:.2} · consistency {:.2} · unrated {}",
                score.inconsistency,
                score.weighted_inconsistency,
                score.weighted_consistency,
                score.unrated
            ),
            theme::dim(),
        ),
    ];
    lines.extend(super::sensitivity_detail::hypothesis_lines(
        open,
        open.column,
    ));
    if let Some(description) = &hypothesis.description {
        lines.extend(
            description
                .lines()
                .map(|line| Line::raw(one_line(line).into_owned())),
        );
    }
    lines.extend(super::indicator_detail::lines(hypothesis, today));
    lines
}

/// A rating in the analyst's words, before the hypothesis it is about:
/// "consistent with H1".
fn rating_phrase(rating: Option<Rating>) -> &'static str {
    match rating {
        None => "not yet rated against",
        Some(Rating::VeryConsistent) => "very consistent with",
        Some(Rating::Consistent) => "consistent with",
        Some(Rating::Neutral) => "neutral towards",
        Some(Rating::NotApplicable) => "does not bear on",
        Some(Rating::Inconsistent) => "inconsistent with",
        Some(Rating::VeryInconsistent) => "very inconsistent with",
    }
}

fn evidence_detail(
    state: &State,
    open: &OpenMatrix,
    scores: &Scores,
    index: usize,
) -> Vec<Line<'static>> {
    let evidence = &open.matrix.evidence()[index];
    let mut facts = vec![
        evidence.kind.word().to_owned(),
        format!("credibility {}", evidence.credibility),
        format!("relevance {}", evidence.relevance),
        format!("weight {:.2}", evidence.weight()),
        format!("diagnosticity {:.2}", scores.diagnosticity[index]),
    ];
    if let Some(date) = evidence.date {
        facts.push(date.format("%Y-%m-%d").to_string());
    }
    // The Admiralty grade in words too, as the reports give it: not every
    // reader knows the letters by heart.
    if let Some(grade) = evidence.grading.described() {
        facts.push(format!("graded {grade}"));
    }
    let mut lines = vec![
        Line::from(vec![
            label(&format!("{} ", one_line(&evidence.id))),
            Span::raw(one_line(&evidence.summary).into_owned()),
        ]),
        Line::styled(facts.join(" · "), theme::dim()),
    ];
    if let Some(hypothesis) = open.matrix.hypotheses().get(open.column) {
        let rating = evidence.rating(open.column);
        lines.push(Line::from(vec![
            Span::styled(
                rating.map_or("unrated", |r| r.code()).to_owned(),
                theme::rating(rating),
            ),
            Span::raw(format!(
                " · {} {} {}",
                rating_phrase(rating),
                one_line(&hypothesis.id),
                one_line(&hypothesis.title)
            )),
        ]));
    }
    lines.extend(super::sensitivity_detail::evidence_lines(open, index));
    if let Some(source) = &evidence.source {
        let line = state
            .passage_lines
            .get(source)
            .map_or_else(|| "line …".to_owned(), ToString::to_string);
        lines.push(Line::from(vec![
            label("Source: "),
            Span::raw(format!(
                "{}, {line} (Enter to read it)",
                one_line(&source.document),
            )),
        ]));
        lines.push(Line::raw(format!("“{}”", one_line(&source.quote))));
    }
    if let Some(notes) = &evidence.notes {
        // The notes' own line breaks are kept: they are the analyst's
        // paragraphs and lists.
        let mut rows = notes.lines();
        lines.push(Line::from(vec![
            label("Notes: "),
            Span::raw(one_line(rows.next().unwrap_or_default()).into_owned()),
        ]));
        lines.extend(rows.map(|row| Line::raw(one_line(row).into_owned())));
    }
    lines
}
