//! The Reader pane: the document wrapped to the pane, with the sentence
//! cursor, the selection, search matches and passages already used as
//! evidence highlighted. Only the lines on screen are drawn; they were
//! wrapped by `update`.

use std::ops::Range;

use ratatui::Frame;

use crate::tui::layout::reader_text_area;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::pane_block::pane_block;
use super::theme;
use crate::document::glyphs;
use crate::text::{fit_to_width, one_line};
use crate::tui::state::{OpenDocument, Pane, State};

/// Where the text goes inside the reader pane: under its one-line header.
pub fn draw(frame: &mut Frame, area: Rect, state: &State) {
    let focused = state.focus == Pane::Reader;
    let Some(open) = &state.reader.document else {
        let block = pane_block("Reader", focused);
        let text = vec![
            Line::from("No document is open."),
            Line::styled("Choose one in the Library and press Enter.", theme::dim()),
        ];
        frame.render_widget(Paragraph::new(text).block(block), area);
        return;
    };
    let block = pane_block(&format!("Reader: {}", open.document.title()), focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let header = Rect { height: 1, ..inner };
    frame.render_widget(
        Paragraph::new(header_line(state, open, usize::from(inner.width))),
        header,
    );
    let highlights = Highlights::new(state, open);
    let lines: Vec<Line> = open
        .visible
        .iter()
        .map(|line| highlights.line(open, line.shown.clone()))
        .collect();
    frame.render_widget(Paragraph::new(lines), reader_text_area(area));
    if let Some(prompt) = &state.reader.search_prompt {
        let x = header.x + 1 + prompt.visual_cursor() as u16;
        if x < header.x + header.width {
            frame.set_cursor_position((x, header.y));
        }
    }
}

fn header_line(state: &State, open: &OpenDocument, width: usize) -> Line<'static> {
    if let Some(prompt) = &state.reader.search_prompt {
        return Line::from(vec![
            Span::styled("/", theme::leader()),
            Span::raw(one_line(prompt.value()).into_owned()),
        ]);
    }
    let document = &open.document;
    let top = open.visible.first().map_or(0, |line| line.bytes.start);
    let percent = if document.is_empty() {
        100
    } else {
        top * 100 / document.len()
    };
    let mut facts = Vec::new();
    // The mode first: it is what the analyst must not miss.
    if open.anchor.is_some() {
        facts.push("SELECTING: a attaches, Esc cancels".to_owned());
    }
    match document.still_reading() {
        // Until the whole file is here the position is within the part
        // read, and the word count is not known: say so.
        // First, as a mode is: a narrow pane still shows it.
        Some(size) => facts.extend([
            format!(
                "still reading: {} of {} MB",
                megabytes(document.len() as u64),
                megabytes(size)
            ),
            format!("{percent}% of the part read"),
            document.path().to_owned(),
        ]),
        None => facts.extend([
            document.path().to_owned(),
            format!("{} words", document.word_count()),
            format!("{percent}%"),
        ]),
    }
    if let Some(search) = &open.search {
        let so_far = if document.still_reading().is_some() {
            " so far"
        } else {
            ""
        };
        facts.push(format!(
            "“{}”: {} matches{so_far}",
            search.query(),
            search.count()
        ));
    }
    let mut spans = vec![Span::styled(
        fit_to_width(&one_line(&facts.join(" · ")), width),
        theme::dim(),
    )];
    if document.is_lossy() {
        spans = vec![Span::styled(
            fit_to_width(
                "not UTF-8: shown with �, passages cannot be attached",
                width,
            ),
            Style::new().fg(ratatui::style::Color::Yellow),
        )];
    }
    Line::from(spans)
}

/// Bytes in megabytes, one decimal.
fn megabytes(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1_000_000.0)
}

/// The byte ranges drawn specially on screen, weakest first: passages
/// already used as evidence, search matches, the selection, the cursor.
struct Highlights {
    attached: Vec<Range<usize>>,
    matches: Vec<Range<usize>>,
    current_match: Option<Range<usize>>,
    selection: Option<Range<usize>>,
    cursor: Option<Range<usize>>,
}

impl Highlights {
    fn new(state: &State, open: &OpenDocument) -> Self {
        let shown = match (open.visible.first(), open.visible.last()) {
            (Some(first), Some(last)) => first.bytes.start..last.bytes.end,
            _ => 0..0,
        };
        let attached = state
            .matrix
            .iter()
            .flat_map(|m| m.matrix.evidence())
            .filter_map(|e| e.source.as_ref())
            .filter(|s| s.document == open.document.path())
            .map(|s| s.start..s.end)
            .filter(|r| r.start < shown.end && r.end > shown.start)
            .collect();
        let matches = open
            .search
            .as_ref()
            .map(|search| search.within(shown).to_vec())
            .unwrap_or_default();
        let selection = open.anchor.as_ref().and(open.selection());
        Highlights {
            attached,
            matches,
            current_match: open.current_match.clone(),
            selection,
            cursor: open.cursor.clone(),
        }
    }

    fn style_at(&self, offset: usize) -> Style {
        let inside = |range: &Range<usize>| range.contains(&offset);
        let mut style = Style::new();
        if self.attached.iter().any(inside) {
            style = style.patch(theme::attached());
        }
        if self.selection.as_ref().is_some_and(inside) {
            style = style.patch(theme::selection());
        } else if self.cursor.as_ref().is_some_and(inside) {
            style = style.patch(theme::sentence_cursor());
        }
        if self.current_match.as_ref().is_some_and(inside) {
            style = style.patch(theme::current_match());
        } else if self.matches.iter().any(inside) {
            style = style.patch(theme::search_match());
        }
        style
    }

    /// One visual line as spans, each run of equally styled glyphs one span;
    /// every glyph is drawn inert (control characters as pictures).
    fn line(&self, open: &OpenDocument, shown: Range<usize>) -> Line<'static> {
        let text = &open.document.text()[shown.clone()];
        let mut spans: Vec<Span<'static>> = Vec::new();
        let mut run = String::new();
        let mut run_style = None;
        for (at, glyph) in glyphs(text) {
            let style = self.style_at(shown.start + at);
            if run_style != Some(style) {
                if let Some(previous) = run_style {
                    spans.push(Span::styled(std::mem::take(&mut run), previous));
                }
                run_style = Some(style);
            }
            run.push_str(glyph.symbol());
        }
        if let Some(style) = run_style {
            spans.push(Span::styled(run, style));
        }
        Line::from(spans)
    }
}

/// The first and last screen rows on which the reader in `area` shows any
/// of `bytes` of the document at `path`, if it shows that document and
/// some of them are on screen.
pub fn rows_showing(
    area: Rect,
    state: &State,
    path: &str,
    bytes: std::ops::Range<usize>,
) -> Option<(u16, u16)> {
    let open = state.reader.document.as_ref()?;
    if open.document.path() != path {
        return None;
    }
    let text = reader_text_area(area);
    let (first, last) = open.visible_lines_holding(&bytes)?;
    let on_screen = |n: usize| (n < usize::from(text.height)).then(|| text.y + n as u16);
    Some((
        on_screen(first)?,
        on_screen(last).unwrap_or(text.y + text.height - 1),
    ))
}
