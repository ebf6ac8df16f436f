//! Everything the workbench shows, as plain data. `update` changes it;
//! the view only reads it.

mod conflicts;
mod open_matrix;
mod passage_lines;
mod popup;
mod status;
mod team;

pub use conflicts::{NextConflict, Resolving};
pub use open_matrix::{EvidenceOrder, MatrixRow, OpenMatrix};
pub use passage_lines::PassageLines;
pub use popup::{Popup, Question, ScenarioView};
pub use status::{LoggedNotice, Notice, Severity};
pub use team::{MineFrom, PAGE as TEAM_PAGE, TeamView};

use crate::workspace::Workspace;

/// The three panes, in `Tab` order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    Library,
    Reader,
    Matrix,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Library, Pane::Reader, Pane::Matrix];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Library => "Library",
            Pane::Reader => "Reader",
            Pane::Matrix => "Matrix",
        }
    }

    /// The pane `Tab` (forward) or `Shift-Tab` moves to.
    pub fn cycle(self, forward: bool) -> Pane {
        let index = Pane::ALL.iter().position(|p| *p == self).unwrap_or(0);
        let count = Pane::ALL.len();
        Pane::ALL[if forward {
            (index + 1) % count
        } else {
            (index + count - 1) % count
        }]
    }
}

/// The whole state of the workbench.
#[derive(Debug)]
pub struct State {
    pub workspace: Workspace,
    pub library: LibraryState,
    pub reader: ReaderState,
    pub matrix: Option<OpenMatrix>,
    /// A team's copies compared (`ach open --team`), when one was opened.
    pub team: Option<TeamView>,
    pub focus: Pane,
    /// The focused pane fills the window.
    pub zoomed: bool,
    pub popups: Vec<Popup>,
    pub notice: Option<Notice>,
    /// Every message since the workbench started, oldest first; the last
    /// one is `notice` while it is shown.
    pub log: Vec<LoggedNotice>,
    /// The terminal size, from resize events.
    pub width: u16,
    pub height: u16,
    /// Set when the workbench should exit after this update.
    pub quitting: bool,
    /// The lines passages start on, found as the detail pane shows them.
    pub passage_lines: PassageLines,
    /// The day of the clock the last message came with (`None` before the
    /// first): overdue indicators are flagged against it.
    pub today: Option<chrono::NaiveDate>,
}

impl State {
    /// A workbench on `workspace` with nothing open, sized `width` × `height`.
    pub fn new(workspace: Workspace, library: LibraryState, width: u16, height: u16) -> Self {
        State {
            workspace,
            library,
            reader: ReaderState::default(),
            matrix: None,
            team: None,
            focus: Pane::Library,
            zoomed: false,
            popups: Vec::new(),
            notice: None,
            log: Vec::new(),
            width,
            height,
            quitting: false,
            passage_lines: PassageLines::default(),
            today: None,
        }
    }

    /// Shows a notification in the status bar.
    pub fn notify(&mut self, notice: Notice) {
        self.log.push(LoggedNotice {
            notice: notice.clone(),
            at: None,
        });
        self.notice = Some(notice);
    }

    /// Time passed: stamps new messages, and takes the shown one away once
    /// it has been read long enough, so the key hints come back.
    pub fn expire_notice(&mut self, now: chrono::DateTime<chrono::Utc>) {
        let Some(last) = self.log.last_mut() else {
            return;
        };
        let shown_since = *last.at.get_or_insert(now);
        if let Some(notice) = &self.notice
            && now - shown_since >= notice.severity.lifetime()
        {
            self.notice = None;
        }
    }
}

pub use library::{Entry, LibraryState};
pub use reader::{OpenDocument, ReaderState};

mod library;
mod reader;
