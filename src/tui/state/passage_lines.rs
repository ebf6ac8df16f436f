//! The lines passages start on, as the exports give them: found in the
//! passage's document (an effect) the first time the detail pane shows
//! the item, then kept.

use std::collections::HashMap;

use crate::export::QuoteLine;
use crate::model::Passage;

/// Each passage's line, or `None` while it is being looked up.
#[derive(Debug, Clone, Default)]
pub struct PassageLines {
    lines: HashMap<Passage, Option<QuoteLine>>,
}

impl PassageLines {
    /// The line of `passage`, when found.
    pub fn get(&self, passage: &Passage) -> Option<&QuoteLine> {
        self.lines.get(passage)?.as_ref()
    }

    /// Whether `passage` should be looked up: it was never asked for. Marks
    /// it asked for, so it is looked up once.
    pub fn needs_lookup(&mut self, passage: &Passage) -> bool {
        if self.lines.contains_key(passage) {
            return false;
        }
        self.lines.insert(passage.clone(), None);
        true
    }

    /// Keeps the line found for `passage`.
    pub fn found(&mut self, passage: Passage, line: QuoteLine) {
        self.lines.insert(passage, Some(line));
    }
}
