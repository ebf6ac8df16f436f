//! The Reader pane: one document, wrapped to the pane, with a sentence
//! cursor, a selection of sentences, and search.

use std::ops::Range;

use tui_input::Input;

use crate::document::{Document, Layout, Position, Search, Sentences, VisualLine};
use crate::model::Passage;

/// The reader: the open document, if any, and the search prompt.
#[derive(Debug, Clone, Default)]
pub struct ReaderState {
    pub document: Option<OpenDocument>,
    /// The `/` prompt while the query is being typed.
    pub search_prompt: Option<Input>,
    /// A passage to show once its document has loaded (from the matrix's
    /// `Enter`).
    pub pending_passage: Option<Passage>,
}

/// A document being read.
#[derive(Debug, Clone)]
pub struct OpenDocument {
    pub document: Document,
    /// The wrap of the document at the pane's width (a cache, built as the
    /// analyst scrolls; reset when the width changes).
    pub layout: Layout,
    /// Sentence boundaries found so far (a cache).
    pub sentences: Sentences,
    /// The first visual line shown.
    pub top: Position,
    /// The sentence under the cursor, as bytes of the text.
    pub cursor: Option<Range<usize>>,
    /// The sentence where a selection started (`v`).
    pub anchor: Option<Range<usize>>,
    /// The selection trimmed by word (`w` `b` `W` `B`, or a mouse drag):
    /// while set it is the selection, finer than the sentences.
    pub trimmed: Option<Range<usize>>,
    /// Where the left button went down in the text, for a drag.
    pub drag_from: Option<usize>,
    /// The last search, with its matches.
    pub search: Option<Search>,
    /// The match `n` and `N` step from, drawn brighter than the others.
    pub current_match: Option<Range<usize>>,
    /// The lines on screen, refreshed by `update` after every change so the
    /// view can draw without wrapping anything itself.
    pub visible: Vec<VisualLine>,
    /// `G` was pressed while only the start of the document was read: the
    /// reader goes to the end when the rest arrives (unless the analyst
    /// has moved on meanwhile).
    pub end_when_read: bool,
}

impl OpenDocument {
    /// A document shown from the top at `width` columns, the cursor on its
    /// first sentence.
    pub fn new(document: Document, width: usize) -> Self {
        let mut sentences = Sentences::new();
        let cursor = sentences.at(&document, 0);
        OpenDocument {
            document,
            layout: Layout::new(width).with_paragraph_gaps(),
            sentences,
            top: Position::TOP,
            cursor,
            anchor: None,
            trimmed: None,
            drag_from: None,
            search: None,
            current_match: None,
            visible: Vec::new(),
            end_when_read: false,
        }
    }

    /// The first and last of the lines on screen (as indexes of
    /// `visible`) that show any of `bytes`, if one does.
    pub fn visible_lines_holding(&self, bytes: &Range<usize>) -> Option<(usize, usize)> {
        let mut holding = self
            .visible
            .iter()
            .enumerate()
            .filter(|(_, line)| line.bytes.start < bytes.end && bytes.start < line.bytes.end)
            .map(|(n, _)| n);
        let first = holding.next()?;
        Some((first, holding.next_back().unwrap_or(first)))
    }

    /// The bytes selected: the trimmed words if trimmed, else whole
    /// sentences from the anchor's to the cursor's, in either direction, or
    /// the cursor's sentence when nothing is being selected. `text[range]`
    /// is the exact quote.
    pub fn selection(&self) -> Option<Range<usize>> {
        if let Some(trimmed) = &self.trimmed {
            return Some(trimmed.clone());
        }
        let cursor = self.cursor.clone()?;
        Some(match &self.anchor {
            Some(anchor) => anchor.start.min(cursor.start)..anchor.end.max(cursor.end),
            None => cursor,
        })
    }
}
