//! Popups, stacked over the panes; `Esc` closes the top one.

use std::path::PathBuf;

use crate::export::Target;
use crate::scoring::{Scenario, Scores};
use crate::storage::Recovery;
use crate::tui::forms::Form;
use crate::tui::msg::{AfterSave, LoadedMatrix};

/// A question that needs an answer before anything happens. Each lists
/// its keys in its text; `Esc` always backs out.
#[derive(Debug)]
pub enum Question {
    /// Quitting with unsaved changes: y saves and quits, n quits.
    QuitUnsaved,
    /// Deleting the hypothesis at this column.
    DeleteHypothesis(usize),
    /// Deleting the evidence item at this row (file position).
    DeleteEvidence(usize),
    /// Opening another matrix while this one has unsaved changes: y saves
    /// it first, n discards the changes.
    SwitchMatrixUnsaved(PathBuf),
    /// Replacing an existing export file.
    OverwriteExport { format: Target, path: PathBuf },
    /// Another workbench holds the matrix's lock: r opens it read-only.
    OpenReadOnly {
        path: PathBuf,
        loaded: Box<LoadedMatrix>,
    },
    /// Unsaved changes were found beside the matrix: r restores them, d
    /// discards them.
    Restore(Box<Recovery>),
    /// The file changed on disk since it was loaded: r reloads it, o
    /// overwrites it, s saves as another file.
    ChangedOnDisk { then: AfterSave },
    /// The save failed: s saves as another file.
    SaveFailed { then: AfterSave },
    /// The file has comments a save would drop: y saves anyway.
    DropComments { then: AfterSave },
    /// A library file `ach import` converts (a web page, an e-mail, a Word
    /// document, a PARC ACH project), by its workspace path: y imports it.
    Import(String),
    /// A git merge left fields with two values: o keeps ours, t takes
    /// theirs, v asks for a new value (see `update::conflicts`).
    ResolveConflict(Box<crate::tui::state::Resolving>),
}

/// One layer over the panes.
#[derive(Debug)]
pub enum Popup {
    Help {
        scroll: u16,
    },
    /// Every message since the workbench started, newest last.
    Messages {
        scroll: u16,
    },
    Form(Form),
    Confirm {
        question: Question,
        text: String,
    },
    /// The matrix health warnings (`W`), as found when it was opened (no
    /// edit can happen while it is on top).
    Health {
        entries: Vec<crate::tui::health_text::HealthEntry>,
        scroll: u16,
    },
    /// Choosing an export format; `selected` indexes `Target::ALL`.
    Export {
        selected: usize,
    },
    /// A what-if scenario: the matrix scored without a class of evidence,
    /// shown beside the actual ranking. Scored when opened (a popup takes
    /// the keys, so the matrix cannot change under it).
    Scenario(Box<ScenarioView>),
}

/// A scenario and the scores it gives.
#[derive(Debug)]
pub struct ScenarioView {
    pub scenario: Scenario,
    pub scores: Scores,
    /// How many counted items the scenario leaves out.
    pub left_out: usize,
}

impl Popup {
    /// A question popup.
    pub fn ask(question: Question, text: impl Into<String>) -> Self {
        Popup::Confirm {
            question,
            text: text.into(),
        }
    }
}
