//! Resolving a merged matrix's conflicts in the workbench, one question
//! per conflict.
//!
//! The answers are settled on the matrix's TOML text by the same
//! `merge::resolve` that `ach resolve` uses, so the workbench and the CLI
//! cannot settle a conflict differently; the matrix is read back from the
//! text once, at the end, and replaces the open one as one edit.

use crate::merge::{Conflict, SideValue, conflicts_in};

/// The matrix as TOML text with the conflicts answered so far settled,
/// and the next one to ask about.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolving {
    /// The open matrix's text (`matrix_to_toml`) with `resolved`
    /// conflicts settled and their `[[conflicts]]` tables removed.
    pub text: String,
    /// How many have been answered.
    pub resolved: usize,
    /// The conflicts still in `text`.
    pub left: usize,
    /// The next conflict in a line: `E4 / H2: I (alice) or II (bob)`.
    pub next: NextConflict,
}

/// The conflict the question is about, as the question shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct NextConflict {
    /// Where: `E4 / H2`, `E4 summary`, `title`.
    pub at: String,
    pub ours: String,
    pub ours_by: String,
    pub theirs: String,
    pub theirs_by: String,
    /// Our value as TOML would read it back, to start the new-value form
    /// from; empty when ours deleted the field.
    pub ours_typed: String,
    /// A whole hypothesis or evidence item: it takes ours or theirs, never
    /// a typed value.
    pub whole_item: bool,
}

impl Resolving {
    /// Starts on `text` (a matrix written by `matrix_to_toml`), or `None`
    /// when it records no conflicts.
    pub fn start(text: String) -> Option<Resolving> {
        Resolving::after(text, 0)
    }

    /// The state after `resolved` answers left `text`; `None` when no
    /// conflicts remain in it.
    pub fn after(text: String, resolved: usize) -> Option<Resolving> {
        let document = text.parse().ok()?;
        let conflicts = conflicts_in(&document);
        let next = NextConflict::of(conflicts.first()?);
        Some(Resolving {
            left: conflicts.len(),
            text,
            resolved,
            next,
        })
    }

    /// The question's text for the next conflict.
    pub fn question_text(&self, file: &str) -> String {
        let total = self.resolved + self.left;
        let next = &self.next;
        format!(
            "{file} came out of a git merge with {total} conflict{}: fields two analysts changed differently.\n\
             Conflict {} of {total}: {}\n  ours:   {} ({})\n  theirs: {} ({})\n\
             All your answers become one edit (u undoes it), unsaved until Ctrl-s.",
            if total == 1 { "" } else { "s" },
            self.resolved + 1,
            next.at,
            next.ours,
            next.ours_by,
            next.theirs,
            next.theirs_by,
        )
    }
}

impl NextConflict {
    fn of(conflict: &Conflict) -> NextConflict {
        NextConflict {
            at: conflict.at.readable(),
            ours: conflict.ours.describe(),
            ours_by: conflict.ours_by.clone(),
            theirs: conflict.theirs.describe(),
            theirs_by: conflict.theirs_by.clone(),
            ours_typed: match &conflict.ours {
                SideValue::Value(value) => value
                    .as_str()
                    .map_or_else(|| value.to_string().trim().to_owned(), str::to_owned),
                SideValue::Absent | SideValue::Table => String::new(),
            },
            whole_item: matches!(conflict.ours, SideValue::Table)
                || matches!(conflict.theirs, SideValue::Table),
        }
    }
}
