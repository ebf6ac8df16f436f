//! The Library pane: the filter line, then matrices, documents and skipped
//! files, one per line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::pane_block::pane_block;
use super::theme;
use crate::text::{counted, display_width, fit_to_width, one_line};
use crate::tui::state::{Entry, LibraryState, Pane, State};

pub fn draw(frame: &mut Frame, area: Rect, state: &State) {
    let library = &state.library;
    let focused = state.focus == Pane::Library;
    let title = format!(
        "Library: {}, {}",
        counted(library.library.matrices.len(), "matrix", "matrices"),
        counted(library.library.documents.len(), "document", "documents")
    );
    let block = pane_block(&title, focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines = vec![filter_line(library, focused)];
    if library.entries.is_empty() {
        let text = if library.filter.value().is_empty() {
            "No documents in seeds/ and no matrices in hypotheses/"
        } else {
            "Nothing matches the filter (Esc clears it)"
        };
        lines.push(Line::styled(text, theme::dim()));
    }
    let rows = usize::from(inner.height.saturating_sub(1));
    for (index, entry) in library
        .entries
        .iter()
        .enumerate()
        .skip(library.offset)
        .take(rows)
    {
        let selected = index == library.selected;
        lines.push(entry_line(
            library,
            *entry,
            selected && focused,
            selected,
            width,
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if focused && library.filtering {
        let x = inner.x + 8 + library.filter.visual_cursor() as u16;
        if x < inner.x + inner.width {
            frame.set_cursor_position((x, inner.y));
        }
    }
}

/// The filter line says which mode the list is in: keys as commands
/// (`/` starts a filter), typing a filter (`Filter:`, keys are text, as the
/// status bar also says), or filtered by a kept filter (Esc clears it).
fn filter_line(library: &LibraryState, focused: bool) -> Line<'static> {
    let value = library.filter.value();
    let found = Span::styled(format!("  {} found", library.entries.len()), theme::dim());
    if library.filtering {
        return Line::from(vec![
            Span::styled("Filter: ", theme::leader()),
            Span::raw(one_line(value).into_owned()),
            found,
        ]);
    }
    if value.is_empty() {
        let hint = if focused { "/ to filter" } else { "" };
        return Line::styled(hint, theme::dim());
    }
    Line::from(vec![
        Span::styled("Filtered by: ", theme::leader()),
        Span::raw(one_line(value).into_owned()),
        found,
        Span::styled(" · Esc clears", theme::dim()),
    ])
}

fn entry_line(
    library: &LibraryState,
    entry: Entry,
    cursor: bool,
    selected: bool,
    width: usize,
) -> Line<'static> {
    let lib = &library.library;
    let (marker, title, detail, style) = match entry {
        Entry::Matrix(i) => {
            let matrix = &lib.matrices[i];
            match &matrix.summary {
                // Listed, not read yet: the background scan fills it in.
                None => (
                    "▦ ",
                    file_name(&matrix.path),
                    format!("reading… · {}", matrix.path),
                    Style::new().fg(Color::Cyan),
                ),
                Some(Ok(summary)) => (
                    "▦ ",
                    summary.title.clone(),
                    format!(
                        "{}×{} · {}",
                        summary.hypotheses, summary.evidence, matrix.path
                    ),
                    Style::new().fg(Color::Cyan),
                ),
                Some(Err(_)) => (
                    "✗ ",
                    file_name(&matrix.path),
                    "does not load".to_owned(),
                    Style::new().fg(Color::LightRed),
                ),
            }
        }
        Entry::Document(i) => {
            let document = &lib.documents[i];
            let title = if document.title.is_empty() {
                "(empty document)".to_owned()
            } else {
                document.title.clone()
            };
            let lossy = if document.lossy { " · not UTF-8" } else { "" };
            // A long document's words are counted in the background.
            let words = document
                .words
                .map_or_else(|| "counting words…".to_owned(), |n| format!("{n} words"));
            // Provenance from the metadata sidecar first: who and when.
            let provenance: String = [&document.source, &document.published]
                .into_iter()
                .flatten()
                .map(|part| format!("{part} · "))
                .collect();
            (
                "¶ ",
                title,
                format!("{provenance}{words} · {}{lossy}", file_name(&document.path)),
                Style::new(),
            )
        }
        Entry::Skipped(i) => {
            let skipped = &lib.skipped[i];
            (
                "⊘ ",
                file_name(&skipped.path),
                format!("skipped: {}", skipped.reason),
                theme::dim(),
            )
        }
    };
    let detail = one_line(&detail).into_owned();
    let detail_width = display_width(&detail).min(width / 2);
    let title_width = width.saturating_sub(2 + 1 + detail_width);
    let mut line = Line::from(vec![
        Span::styled(marker, style),
        Span::styled(fit_to_width(&one_line(&title), title_width), style),
        Span::raw(" "),
        Span::styled(fit_to_width(&detail, detail_width), theme::dim()),
    ]);
    if cursor {
        line = line.style(theme::cursor());
    } else if selected {
        line = line.style(theme::heading());
    }
    line
}

fn file_name(path: &str) -> String {
    path.rsplit('/').next().unwrap_or(path).to_owned()
}
