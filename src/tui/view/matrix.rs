//! The matrix pane: hypotheses as columns, evidence as rows, live scores,
//! and the detail of the selected item.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::pane_block::pane_block;
use super::{matrix_detail, probability, theme};
use crate::model::{EvidenceKind, Level};
use crate::scoring::leader_set;
use crate::scoring::sensitivity::leader_clause;
use crate::scoring::{Scores, shown_ranks};
use crate::text::{display_width, fit_to_width, one_line, truncate_to_width};
use crate::tui::layout::{EVIDENCE_META_WIDTH, MatrixGeometry, title_rows_in};
use crate::tui::state::{MatrixRow, OpenMatrix, Pane, State};

pub fn draw(frame: &mut Frame, area: Rect, state: &State) {
    let focused = state.focus == Pane::Matrix;
    let Some(open) = &state.matrix else {
        let block = pane_block("Matrix", focused);
        let text = vec![
            Line::from("No matrix is open."),
            Line::from(""),
            Line::styled(
                "Open one from the Library (Tab, then Enter on a matrix),",
                theme::dim(),
            ),
            Line::styled("or create one with Ctrl-n.", theme::dim()),
        ];
        frame.render_widget(Paragraph::new(text).block(block), area);
        return;
    };
    let dirty = if open.is_dirty() { " [+]" } else { "" };
    let read_only = if open.read_only { " [read-only]" } else { "" };
    let block = pane_block(
        &format!("Matrix: {}{dirty}{read_only}", open.file_name()),
        focused,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // Kept current edit by edit: drawing never rescans the cells.
    let scores = open.scores.scores();
    let geometry =
        MatrixGeometry::with_probability(inner, open.matrix.hypotheses(), open.show_probability);
    let view = MatrixView {
        open,
        scores,
        geometry,
        columns: visible_columns(open, &geometry),
    };
    view.title(frame);
    view.header(frame);
    view.rows(frame);
    view.score_rows(frame);
    probability::draw(frame, &geometry, open, view.columns.clone());
    matrix_detail::draw(frame, geometry.detail, state, open, scores);
}

/// The hypothesis columns on screen, by position.
fn visible_columns(open: &OpenMatrix, geometry: &MatrixGeometry) -> std::ops::Range<usize> {
    let count = open.matrix.hypotheses().len();
    let start = open.column_offset.min(count);
    start..(start + geometry.visible_columns).min(count)
}

struct MatrixView<'a> {
    open: &'a OpenMatrix,
    scores: &'a Scores,
    geometry: MatrixGeometry,
    columns: std::ops::Range<usize>,
}

/// Marks a critical item in the grid, after its id.
const CRITICAL_MARK: &str = "!";

impl MatrixView<'_> {
    /// Whether the hypothesis in `column` is set aside.
    fn set_aside_column(&self, column: usize) -> bool {
        self.open.matrix.hypotheses()[column].set_aside.is_set()
    }

    /// Under "Evidence" in the header: the margin of the lead and how many
    /// items it rests on, from the sensitivity kept since the last edit.
    fn lead_summary(&self, width: usize) -> Span<'static> {
        let sensitivity = &self.open.sensitivity;
        let matrix = &self.open.matrix;
        if sensitivity.leader.is_empty() {
            return Span::raw(" ".repeat(width));
        }
        let mut text = leader_clause(matrix, &sensitivity.leader);
        if let (Some(margin), Some(runner_up)) = (sensitivity.margin, sensitivity.runner_up) {
            let runner_up = one_line(&matrix.hypotheses()[runner_up].id);
            // Within the ranking's tolerance only consistency separates them.
            if margin.abs() < 1e-9 {
                text.push_str(&format!(" over {runner_up} on consistency only"));
            } else {
                text.push_str(&format!(" by {margin:.2} over {runner_up}"));
            }
        }
        let critical = sensitivity.critical.len();
        if critical > 0 {
            text.push_str(&format!(" · {CRITICAL_MARK} {critical} critical"));
        }
        Span::styled(fit_to_width(&text, width), theme::dim())
    }

    /// A hypothesis cell, cut or padded to the column width.
    fn cell(&self, text: &str) -> String {
        fit_to_width(text, usize::from(self.geometry.column_width))
    }

    fn title(&self, frame: &mut Frame) {
        let area = self.geometry.title;
        let matrix = &self.open.matrix;
        let selected = self.open.row == MatrixRow::Title;
        let hidden_left = self.columns.start;
        let hidden_right = matrix.hypotheses().len() - self.columns.end;
        let mut right = format!("[{}]", self.open.order.label());
        if hidden_left + hidden_right > 0 {
            right = format!("◀{hidden_left} {hidden_right}▶ {right}");
        }
        let room = usize::from(area.width).saturating_sub(display_width(&right) + 1);
        let mut title = one_line(&matrix.title).into_owned();
        if let Some(question) = &matrix.question {
            title = format!("{title} — {}", one_line(question));
        }
        let title_style = if selected {
            theme::cursor()
        } else {
            theme::heading()
        };
        let line = Line::from(vec![
            Span::styled(fit_to_width(&title, room), title_style),
            Span::raw(" "),
            Span::styled(right, theme::dim()),
        ]);
        frame.render_widget(Paragraph::new(line), area);
    }

    /// The fixed evidence block followed by one cell per visible column.
    fn line<'s>(&self, evidence: Vec<Span<'s>>, cells: impl Iterator<Item = Span<'s>>) -> Line<'s> {
        let mut spans = evidence;
        spans.push(Span::styled("│", theme::dim()));
        spans.extend(cells);
        Line::from(spans)
    }

    fn header(&self, frame: &mut Frame) {
        let area = self.geometry.header;
        let width = usize::from(self.geometry.evidence_width);
        let leaders = leader_set(self.scores);
        let is_leader = |column: usize| leaders.contains(&column);
        let on_header = self.open.row == MatrixRow::Hypotheses;
        let label = format!(
            "{}{}",
            fit_to_width("Evidence", width - meta_width()),
            meta_header()
        );
        let cell_style = |column: usize| {
            let style = if on_header && column == self.open.column {
                theme::cursor()
            } else if is_leader(column) {
                theme::leader()
            } else {
                theme::heading()
            };
            if self.set_aside_column(column) {
                style.patch(theme::set_aside())
            } else {
                style
            }
        };
        let ids = self.columns.clone().map(|column| {
            let hypothesis = &self.open.matrix.hypotheses()[column];
            let star = if is_leader(column) { "★" } else { "" };
            Span::styled(
                self.cell(&format!(" {}{star}", one_line(&hypothesis.id))),
                cell_style(column),
            )
        });
        // Each title wrapped to its column, over the header's title lines;
        // the last line ends in … when the title needs more.
        let lines_shown = self.geometry.title_lines;
        let wrapped: Vec<Vec<String>> = self
            .columns
            .clone()
            .map(|column| {
                let hypothesis = &self.open.matrix.hypotheses()[column];
                title_rows_in(&hypothesis.title, self.geometry.column_width, lines_shown)
            })
            .collect();
        let mut lines = vec![self.line(vec![Span::styled(label, theme::heading())], ids)];
        for line in 0..usize::from(lines_shown) {
            let titles = self.columns.clone().zip(&wrapped).map(|(column, rows)| {
                let text = rows.get(line).map_or("", String::as_str);
                Span::styled(self.cell(&format!(" {text}")), cell_style(column))
            });
            // The lead and its margin beside the first line of titles.
            let left = if line == 0 {
                self.lead_summary(width)
            } else {
                Span::raw(" ".repeat(width))
            };
            lines.push(self.line(vec![left], titles));
        }
        render_lines(frame, lines, area);
    }

    /// The evidence rows. Drawn straight into the buffer: a 50 × 500
    /// matrix redraws every cell on every keystroke, and building a padded
    /// string and a span per cell cost a third of the frame.
    fn rows(&self, frame: &mut Frame) {
        let area = self.geometry.rows;
        let order = self.open.current_display_order();
        let id_width = self
            .open
            .matrix
            .evidence()
            .iter()
            .map(|e| display_width(&e.id))
            .max()
            .unwrap_or(0)
            .min(8);
        let width = usize::from(self.geometry.evidence_width);
        let summary_width = width.saturating_sub(meta_width() + id_width + 1);
        let column_width = self.geometry.column_width;
        let buffer = frame.buffer_mut();
        let visible = order.iter().skip(self.open.row_offset);
        for (y, &row) in (area.top()..area.bottom()).zip(visible) {
            let evidence = &self.open.matrix.evidence()[row];
            let selected_row = self.open.row == MatrixRow::Evidence(row);
            let aside = evidence.set_aside.is_set();
            let summary = if aside {
                format!("(set aside) {}", one_line(&evidence.summary))
            } else {
                one_line(&evidence.summary).into_owned()
            };
            let text = format!(
                "{} {}{}",
                fit_to_width(&one_line(&evidence.id), id_width),
                fit_to_width(&summary, summary_width),
                meta(
                    evidence.kind,
                    evidence.credibility,
                    evidence.relevance,
                    self.scores.diagnosticity[row]
                ),
            );
            let mut row_style = if selected_row {
                theme::heading()
            } else {
                Style::new()
            };
            if aside {
                row_style = row_style.patch(theme::set_aside());
            }
            buffer.set_stringn(area.x, y, &text, width, row_style);
            // `!` after the id: the lead changes without this item.
            if self.open.sensitivity.is_critical(row) && id_width < width {
                let x = area.x + id_width as u16;
                buffer.set_stringn(x, y, CRITICAL_MARK, 1, theme::critical());
            }
            let rule_x = area.x + self.geometry.evidence_width;
            if rule_x >= area.right() {
                continue;
            }
            buffer.set_stringn(rule_x, y, "│", 1, theme::dim());
            // This row's fragile cells, found for the rows drawn only.
            let fragile = self.open.fragile_in_row(row);
            for (n, column) in self.columns.clone().enumerate() {
                let x = self.geometry.column_x(n);
                if x >= area.right() {
                    break;
                }
                let cell_width = column_width.min(area.right() - x);
                let rating = evidence.rating(column);
                let mut style = theme::rating(rating);
                if aside || self.set_aside_column(column) {
                    style = style.patch(theme::set_aside());
                } else if fragile.iter().any(|cell| cell.hypothesis == column) {
                    // One step away from changing the lead.
                    style = style.add_modifier(Modifier::UNDERLINED);
                }
                if selected_row && column == self.open.column {
                    style = style.patch(theme::cursor());
                }
                buffer.set_style(Rect::new(x, y, cell_width, 1), style);
                let code = rating.map_or(theme::UNRATED, |r| r.code());
                // One column of space before the code, as in the header.
                buffer.set_stringn(
                    x + 1,
                    y,
                    code,
                    usize::from(cell_width.saturating_sub(1)),
                    style,
                );
            }
        }
    }

    fn score_rows(&self, frame: &mut Frame) {
        let area = self.geometry.scores;
        let width = usize::from(self.geometry.evidence_width);
        let leaders = leader_set(self.scores);
        let is_leader = |column: usize| leaders.contains(&column);
        let ranks = shown_ranks(self.scores, &leaders);
        let label = |text: &str| {
            let text = truncate_to_width(text, width);
            let pad = width - display_width(&text);
            Span::styled(format!("{}{text}", " ".repeat(pad)), theme::heading())
        };
        let style = |column: usize| {
            if is_leader(column) {
                theme::leader()
            } else {
                Style::new()
            }
        };
        let inconsistency = self.columns.clone().map(|column| {
            let value = self.scores.hypotheses[column].inconsistency;
            Span::styled(self.cell(&format!(" {value}")), style(column))
        });
        let weighted = self.columns.clone().map(|column| {
            let value = self.scores.hypotheses[column].weighted_inconsistency;
            Span::styled(self.cell(&format!(" {value:.2}")), style(column))
        });
        let consistency = self.columns.clone().map(|column| {
            let value = self.scores.hypotheses[column].weighted_consistency;
            Span::styled(self.cell(&format!(" {value:.2}")), style(column))
        });
        let unrated = self.columns.clone().map(|column| {
            let value = self.scores.hypotheses[column].unrated;
            let style = if value > 0 {
                theme::warning()
            } else {
                style(column)
            };
            Span::styled(self.cell(&format!(" {value}")), style)
        });
        let rank = self.columns.clone().map(|column| {
            let score = &self.scores.hypotheses[column];
            // Ties share a rank (the leader's tier), a column rated
            // against nothing shows none, and a column with unrated cells
            // says how many, so an incomplete column is never read as a
            // finished score.
            let value = &ranks[column];
            let star = if is_leader(column) { " ★" } else { "" };
            let unrated = if score.unrated > 0 {
                format!(" {}?", score.unrated)
            } else {
                String::new()
            };
            if self.set_aside_column(column) {
                return Span::styled(self.cell(" aside"), theme::set_aside());
            }
            Span::styled(
                self.cell(&format!(" {value}{star}{unrated}")),
                style(column),
            )
        });
        let lines = vec![
            self.line(vec![label("Inconsistency ")], inconsistency),
            self.line(vec![label("Weighted inconsistency ")], weighted),
            self.line(vec![label("Weighted consistency ")], consistency),
            self.line(vec![label("Unrated cells ")], unrated),
            self.line(vec![label(rank_label(width))], rank),
        ];
        render_lines(frame, lines, area);
    }
}

/// The rank row's label, shorter when the evidence block is narrow (a
/// zoomed matrix gives its width to the hypotheses).
fn rank_label(width: usize) -> &'static str {
    const FULL: &str = "Rank (1 least inconsistent; = tie; – none rated; n? unrated) ";
    if display_width(FULL) <= width {
        FULL
    } else {
        "Rank (= tie; n? unrated) "
    }
}

fn meta_width() -> usize {
    usize::from(EVIDENCE_META_WIDTH)
}

/// The kind in three letters (an assumption must not look like a fact),
/// credibility and relevance as one letter each (L, M, H), then
/// diagnosticity; the detail area spells them out.
fn meta_header() -> String {
    fit_to_width(" Knd C R  Diag", meta_width())
}

fn meta(kind: EvidenceKind, credibility: Level, relevance: Level, diagnosticity: f64) -> String {
    let letter = |level: Level| match level {
        Level::Low => 'L',
        Level::Medium => 'M',
        Level::High => 'H',
    };
    let kind = match kind {
        EvidenceKind::Fact => "fct",
        EvidenceKind::Report => "rep",
        EvidenceKind::Assumption => "asm",
        EvidenceKind::Absence => "abs",
        EvidenceKind::Other => "oth",
    };
    fit_to_width(
        &format!(
            " {kind} {} {} {diagnosticity:>4.2} ",
            letter(credibility),
            letter(relevance)
        ),
        meta_width(),
    )
}

/// Draws one line per row of `area`: cheaper than a `Paragraph`, which
/// would measure every line again to wrap or truncate it.
fn render_lines(frame: &mut Frame, lines: Vec<Line<'_>>, area: Rect) {
    for (y, line) in (area.top()..area.bottom()).zip(lines) {
        frame.render_widget(
            line,
            Rect {
                y,
                height: 1,
                ..area
            },
        );
    }
}
