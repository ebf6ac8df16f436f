//! The team view: everyone's copies of one matrix compared (see
//! [`crate::team`]), the cursor on the consensus grid, and which analyst
//! "me against the team" is about. The consensus is read-only here.

use std::path::PathBuf;

use crate::team::{
    Copy, Difference, Team, TeamCell, against_team, analyst_name, compare, matrix_against_team,
};
use crate::tui::action::Action;
use crate::tui::state::OpenMatrix;

/// Rows `PgUp` and `PgDn` move in the consensus grid.
pub const PAGE: usize = 10;

/// What "me against the team" was last worked out from, so it is redone
/// only when that changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MineFrom {
    /// The analyst's file as the team was read.
    Copy { analyst: usize },
    /// The analyst's matrix open in the workbench, at this revision (so
    /// unsaved edits count).
    Open { analyst: usize, revision: u64 },
}

/// A team opened with `ach open --team`.
#[derive(Debug, Clone)]
pub struct TeamView {
    /// The analysts' files, in analyst order.
    pub files: Vec<PathBuf>,
    pub team: Team,
    /// The cursor: a consensus evidence row and hypothesis column.
    pub row: usize,
    pub column: usize,
    /// Whose ratings "me against the team" compares (an analyst index).
    pub me: usize,
    /// The analyst picked "me" with `a`; until then "me" is whoever's
    /// matrix is open.
    pub me_chosen: bool,
    /// The view covers the panes; `T` or `Esc` hides it, `T` shows it.
    pub shown: bool,
    /// Where `me` differs from the consensus, biggest first.
    pub mine: Vec<Difference>,
    pub mine_from: Option<MineFrom>,
}

impl TeamView {
    /// The team of `copies` read from `files`, shown, with the cursor on
    /// the first cell and "me" the first analyst until a matrix is open.
    pub fn new(files: Vec<PathBuf>, copies: &[Copy]) -> Self {
        TeamView {
            files,
            team: compare(copies),
            row: 0,
            column: 0,
            me: 0,
            me_chosen: false,
            shown: true,
            mine: Vec::new(),
            mine_from: None,
        }
    }

    /// The analyst whose file is open in the workbench, if on the team.
    pub fn analyst_of(&self, open: &OpenMatrix) -> Option<usize> {
        let name = analyst_name(&open.path, open.matrix.analyst.as_deref());
        self.team.analysts.iter().position(|a| *a == name)
    }

    /// The team cell under the cursor.
    pub fn cell(&self) -> Option<&TeamCell> {
        let columns = self.team.consensus.hypotheses().len();
        self.team.cells.get(self.row * columns + self.column)
    }

    /// Moves the cursor; `true` when the action was a movement.
    pub fn navigate(&mut self, action: Action) -> bool {
        let rows = self.team.consensus.evidence().len();
        let columns = self.team.consensus.hypotheses().len();
        let last_row = rows.saturating_sub(1);
        match action {
            Action::Up => self.row = self.row.saturating_sub(1),
            Action::Down => self.row = (self.row + 1).min(last_row),
            Action::Left => self.column = self.column.saturating_sub(1),
            Action::Right => self.column = (self.column + 1).min(columns.saturating_sub(1)),
            Action::PageUp => self.row = self.row.saturating_sub(PAGE),
            Action::PageDown => self.row = (self.row + PAGE).min(last_row),
            Action::Top => self.row = 0,
            Action::Bottom => self.row = last_row,
            _ => return false,
        }
        true
    }

    /// "Me" becomes the next analyst of the team.
    pub fn next_analyst(&mut self) {
        if !self.team.analysts.is_empty() {
            self.me = (self.me + 1) % self.team.analysts.len();
            self.me_chosen = true;
        }
    }

    /// Puts the cursor on the cell of "me against the team"'s `n`th
    /// difference.
    pub fn go_to_difference(&mut self, n: usize) {
        let columns = self.team.consensus.hypotheses().len().max(1);
        if let Some(difference) = self.mine.get(n) {
            self.row = difference.cell / columns;
            self.column = difference.cell % columns;
        }
    }

    /// Moves the cursor to the difference after the one under it (the
    /// biggest when the cursor is on none), round to the first again.
    pub fn next_difference(&mut self) {
        let columns = self.team.consensus.hypotheses().len();
        let here = self.row * columns + self.column;
        let next = self
            .mine
            .iter()
            .position(|d| d.cell == here)
            .map_or(0, |n| (n + 1) % self.mine.len().max(1));
        self.go_to_difference(next);
    }

    /// Works "me against the team" out again if what it depends on
    /// changed: the analyst chosen, or the open matrix when it is theirs.
    pub fn refresh(&mut self, open: Option<&OpenMatrix>) {
        if !self.me_chosen
            && let Some(analyst) = open.and_then(|open| self.analyst_of(open))
        {
            self.me = analyst;
        }
        let live = open.filter(|open| self.analyst_of(open) == Some(self.me));
        let from = match live {
            Some(open) => MineFrom::Open {
                analyst: self.me,
                revision: open.revision,
            },
            None => MineFrom::Copy { analyst: self.me },
        };
        if self.mine_from == Some(from) {
            return;
        }
        self.mine = match live {
            Some(open) => matrix_against_team(&self.team, &open.matrix),
            None => against_team(&self.team, self.me),
        };
        self.mine_from = Some(from);
    }

    /// Whether "me against the team" reads the open matrix's unsaved state.
    pub fn mine_is_live(&self) -> bool {
        matches!(self.mine_from, Some(MineFrom::Open { .. }))
    }
}
