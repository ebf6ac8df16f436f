//! Setting an item aside instead of deleting it.

/// Whether the analyst has set an evidence item or a hypothesis aside: it
/// stays in the file and on screen (struck through) but counts in no score.
/// Undoing it is an edit like any other.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SetAside {
    /// The item counts (the default, and what files without the key mean).
    #[default]
    Counted,
    /// Left out of every score, with the analyst's reason if given.
    Aside {
        /// Why, in the analyst's words (`set_aside_reason` in the file).
        reason: Option<String>,
    },
}

impl SetAside {
    /// Whether the item is set aside.
    pub fn is_set(&self) -> bool {
        matches!(self, SetAside::Aside { .. })
    }

    /// The reason given, if set aside with one.
    pub fn reason(&self) -> Option<&str> {
        match self {
            SetAside::Aside { reason } => reason.as_deref(),
            SetAside::Counted => None,
        }
    }
}
