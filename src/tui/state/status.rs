//! The message line of the status bar, and the log of every message.

use chrono::{DateTime, TimeDelta, Utc};

/// How a message is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// A notification for the analyst: what just happened, or what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub severity: Severity,
    pub text: String,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Self {
        Notice {
            severity: Severity::Info,
            text: text.into(),
        }
    }

    pub fn warning(text: impl Into<String>) -> Self {
        Notice {
            severity: Severity::Warning,
            text: text.into(),
        }
    }

    pub fn error(text: impl Into<String>) -> Self {
        Notice {
            severity: Severity::Error,
            text: text.into(),
        }
    }
}

impl Severity {
    /// How long a message stays in the status bar before the key hints
    /// come back; the message log (`M`) keeps it for good.
    pub fn lifetime(self) -> TimeDelta {
        match self {
            Severity::Info => TimeDelta::seconds(6),
            Severity::Warning => TimeDelta::seconds(10),
            Severity::Error => TimeDelta::seconds(15),
        }
    }
}

/// A message as the log keeps it: when it was first shown (`None` until
/// the next tick stamps it; the clock is a parameter of `update`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedNotice {
    pub notice: Notice,
    pub at: Option<DateTime<Utc>>,
}
