//! The matrix being edited: the data, its undo history, the cursor and
//! how its evidence is ordered on screen.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::edit::{Edit, History};
use crate::model::Matrix;
use crate::probability::ProbabilityCache;
use crate::scoring::{
    ScoreCache, Scores, Sensitivity, by_diagnosticity, sensitivity_without_fragile,
};
use crate::storage::{MatrixLock, MatrixWriter};
use crate::tui::msg::KnownOnDisk;

/// How the evidence rows are ordered on screen (the file keeps its order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EvidenceOrder {
    #[default]
    File,
    Diagnosticity,
    Credibility,
}

impl EvidenceOrder {
    /// The next order in the `s` cycle.
    pub fn next(self) -> Self {
        match self {
            EvidenceOrder::File => EvidenceOrder::Diagnosticity,
            EvidenceOrder::Diagnosticity => EvidenceOrder::Credibility,
            EvidenceOrder::Credibility => EvidenceOrder::File,
        }
    }

    /// How the order is named on screen.
    pub fn label(self) -> &'static str {
        match self {
            EvidenceOrder::File => "file order",
            EvidenceOrder::Diagnosticity => "most diagnostic first",
            EvidenceOrder::Credibility => "most credible first",
        }
    }
}

/// Which row of the matrix pane the cursor is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatrixRow {
    /// The matrix title and question.
    Title,
    /// The hypotheses' header row.
    Hypotheses,
    /// An evidence item, by its position in the file (so the cursor stays
    /// on the item when a re-sort moves it).
    Evidence(usize),
}

/// An open matrix file and everything the workbench tracks about it.
#[derive(Debug, Clone)]
pub struct OpenMatrix {
    pub path: PathBuf,
    pub matrix: Matrix,
    /// The matrix's scores, updated with each edit so that drawing a frame
    /// or moving the cursor never rescans the cells. Change the matrix
    /// only through [`OpenMatrix::apply`] and [`OpenMatrix::undo`], which
    /// keep it current.
    pub scores: ScoreCache,
    /// What the lead rests on (critical items, fragile cells, margin),
    /// recomputed after each edit, undo and redo from the cached scores,
    /// so frames and cursor moves only read it.
    pub sensitivity: Sensitivity,
    /// The probability reading (posteriors, judged values, coherence),
    /// kept current by the same edits as `scores`.
    pub probability: ProbabilityCache,
    /// Whether the probability rows show under the scores (`p`).
    pub show_probability: bool,
    pub history: History,
    pub row: MatrixRow,
    /// The hypothesis column the cursor is in.
    pub column: usize,
    pub order: EvidenceOrder,
    /// First evidence row (in display order) shown, kept so the cursor
    /// stays visible; maintained by `update`, read by the view.
    pub row_offset: usize,
    /// First hypothesis column shown when the matrix is wider than the pane.
    pub column_offset: usize,
    pub last_saved: Option<DateTime<Utc>>,
    /// The fingerprint of the file as last loaded or saved, to notice
    /// another program changing it; `None` when there was no file.
    pub disk_fingerprint: Option<u64>,
    /// How the file looked then, so an untouched file is not read back
    /// before a save (`None`: the save reads it and compares fingerprints).
    pub disk_known: Option<KnownOnDisk>,
    /// The advisory lock on the file, held while it is open here.
    pub lock: Option<Arc<MatrixLock>>,
    /// Opened while another workbench held the lock: edits are refused.
    pub read_only: bool,
    /// The file on disk has comments the writer will not keep; the first
    /// save asks before dropping them.
    pub unsaved_comments: bool,
    /// Counts every change, undo and redo, so the recovery file is
    /// rewritten only when something changed.
    pub revision: u64,
    /// The revision the recovery file (or the saved file) holds.
    pub recovery_revision: u64,
    /// When the recovery file was last written (or tried).
    pub recovery_written_at: Option<DateTime<Utc>>,
    /// The revision of a recovery copy being written in the background;
    /// no second copy is started until it reports.
    pub recovery_in_flight: Option<u64>,
    /// The last recovery write failed (said once, not on every retry).
    pub recovery_failing: bool,
    /// Keeps each item as the last save wrote it, so that the next save
    /// formats only what changed since; it first writes on the tick after
    /// the matrix is shown, so opening does not wait for it.
    pub writer: MatrixWriter,
}

impl OpenMatrix {
    /// A freshly loaded matrix with the cursor on its first cell; `disk`
    /// is the fingerprint of the file it was read from.
    pub fn new(path: PathBuf, matrix: Matrix, disk: Option<u64>) -> Self {
        let row = if matrix.evidence().is_empty() {
            MatrixRow::Hypotheses
        } else {
            MatrixRow::Evidence(0)
        };
        let scores = ScoreCache::new(&matrix);
        OpenMatrix {
            path,
            sensitivity: sensitivity_without_fragile(&matrix, scores.scores()),
            probability: ProbabilityCache::new(&matrix),
            show_probability: false,
            scores,
            matrix,
            history: History::new(),
            row,
            column: 0,
            order: EvidenceOrder::File,
            row_offset: 0,
            column_offset: 0,
            last_saved: None,
            disk_fingerprint: disk,
            disk_known: None,
            lock: None,
            read_only: false,
            unsaved_comments: false,
            revision: 0,
            recovery_revision: 0,
            recovery_written_at: None,
            recovery_in_flight: None,
            recovery_failing: false,
            writer: MatrixWriter::default(),
        }
    }

    /// Evidence positions in the order they are shown (the diagnosticity
    /// order comes from the score cache, sorted once per edit).
    pub fn current_display_order(&self) -> Vec<usize> {
        match self.order {
            EvidenceOrder::Diagnosticity => self.scores.by_diagnosticity().to_vec(),
            _ => self.display_order_unscored(),
        }
    }

    /// Evidence positions in the order they are shown.
    pub fn display_order(&self, scores: &Scores) -> Vec<usize> {
        match self.order {
            EvidenceOrder::Diagnosticity => by_diagnosticity(scores),
            _ => self.display_order_unscored(),
        }
    }

    /// The orders that need no scores.
    fn display_order_unscored(&self) -> Vec<usize> {
        let evidence = self.matrix.evidence();
        let mut order: Vec<usize> = (0..evidence.len()).collect();
        if self.order == EvidenceOrder::Credibility {
            // Stable: equally credible items keep their file order;
            // relevance breaks ties between equal credibility.
            order.sort_by_key(|&i| {
                (
                    std::cmp::Reverse(evidence[i].credibility),
                    std::cmp::Reverse(evidence[i].relevance),
                )
            });
        }
        order
    }

    /// Applies an edit through the history.
    pub fn apply(&mut self, edit: Edit) {
        // A replaced matrix is rescored whole, so it needs no copy kept.
        let applied = match &edit {
            Edit::ReplaceMatrix { .. } => None,
            other => Some(other.clone()),
        };
        self.history.apply(&mut self.matrix, edit);
        match applied {
            Some(edit) => {
                self.scores.apply(&self.matrix, &edit);
                self.probability.apply(&self.matrix, &edit);
            }
            None => {
                self.scores = ScoreCache::new(&self.matrix);
                self.probability = ProbabilityCache::new(&self.matrix);
            }
        }
        self.refresh_sensitivity();
        self.revision += 1;
        self.clamp_cursor();
    }

    /// Recomputes the leader set, critical items and margin after the
    /// matrix changed: O(items × hypotheses), once per edit. Fragile cells
    /// are asked for row by row, for the rows on screen
    /// ([`OpenMatrix::fragile_in_row`]): all of them would cost O(cells).
    fn refresh_sensitivity(&mut self) {
        self.sensitivity = sensitivity_without_fragile(&self.matrix, self.scores.scores());
    }

    /// The fragile cells of the item at `row` (file position).
    pub fn fragile_in_row(&self, row: usize) -> Vec<crate::scoring::FragileCell> {
        crate::scoring::fragile_in_row(&self.matrix, self.scores.scores(), row)
    }

    /// Undoes (or, `backwards` false, redoes) one edit; returns it.
    pub fn undo(&mut self, backwards: bool) -> Option<Edit> {
        let done = if backwards {
            self.history.undo(&mut self.matrix).cloned()
        } else {
            self.history.redo(&mut self.matrix).cloned()
        };
        if let Some(edit) = &done {
            self.revision += 1;
            match (backwards, edit) {
                (_, Edit::ReplaceMatrix { .. }) => {
                    self.probability = ProbabilityCache::new(&self.matrix);
                }
                (true, edit) => self.probability.apply(&self.matrix, &edit.inverse()),
                (false, edit) => self.probability.apply(&self.matrix, edit),
            }
            match (backwards, edit) {
                (_, Edit::ReplaceMatrix { .. }) => self.scores = ScoreCache::new(&self.matrix),
                (true, edit) => self.scores.apply(&self.matrix, &edit.inverse()),
                (false, edit) => self.scores.apply(&self.matrix, edit),
            }
            self.refresh_sensitivity();
        }
        self.clamp_cursor();
        done
    }

    /// Whether there are unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Keeps the cursor on an existing row and column after the matrix
    /// shrank (a deletion, an undo).
    pub fn clamp_cursor(&mut self) {
        let columns = self.matrix.hypotheses().len();
        self.column = self.column.min(columns.saturating_sub(1));
        let rows = self.matrix.evidence().len();
        if let MatrixRow::Evidence(row) = self.row {
            self.row = if rows == 0 {
                MatrixRow::Hypotheses
            } else {
                MatrixRow::Evidence(row.min(rows - 1))
            };
        }
    }

    /// The file name, for titles and the status bar.
    pub fn file_name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }
}
