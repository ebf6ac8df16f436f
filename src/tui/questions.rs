//! The answers each question takes, as data: a key, the words shown beside
//! it, and the answer it gives. The question popup renders these rows, the
//! help popup lists them, and the dispatcher accepts only these keys, so the
//! three cannot drift apart (yazi's confirm layer and gitui's `commands()`
//! are the models).

use super::state::Question;

/// What the analyst answered; each question's handler says what it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    Yes,
    No,
    Reload,
    Restore,
    ReadOnly,
    Overwrite,
    SaveAs,
    Discard,
    Ours,
    Theirs,
    NewValue,
}

/// One answer a question offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub key: char,
    pub label: &'static str,
    pub answer: Answer,
}

const fn choice(key: char, label: &'static str, answer: Answer) -> Choice {
    Choice { key, label, answer }
}

/// The choices of one kind of question, and what `Esc` means there.
#[derive(Debug, Clone, Copy)]
pub struct Choices {
    /// The question in a few words, for the help popup.
    pub name: &'static str,
    pub choices: &'static [Choice],
    /// What backing out with `Esc` leaves things as.
    pub escape: &'static str,
}

use Answer as A;

pub const QUIT_UNSAVED: Choices = Choices {
    name: "Quit with unsaved changes",
    choices: &[
        choice('y', "save and quit", A::Yes),
        choice('n', "quit without saving", A::No),
    ],
    escape: "stay",
};
pub const DELETE: Choices = Choices {
    name: "Delete a hypothesis or evidence item",
    choices: &[choice('y', "delete", A::Yes), choice('n', "keep it", A::No)],
    escape: "keep it",
};
pub const SWITCH_MATRIX_UNSAVED: Choices = Choices {
    name: "Open another matrix with unsaved changes",
    choices: &[
        choice('y', "save, then open", A::Yes),
        choice('n', "discard them and open", A::No),
    ],
    escape: "stay",
};
pub const OVERWRITE_EXPORT: Choices = Choices {
    name: "Replace an existing export",
    choices: &[
        choice('y', "replace it", A::Yes),
        choice('n', "keep it", A::No),
    ],
    escape: "keep it",
};
pub const IMPORT: Choices = Choices {
    name: "Import a web page, e-mail, Word document or PARC ACH project",
    choices: &[
        choice('y', "import it", A::Yes),
        choice('n', "not now", A::No),
    ],
    escape: "leave it",
};
pub const OPEN_READ_ONLY: Choices = Choices {
    name: "The matrix is open in another workbench",
    choices: &[choice('r', "open it read-only", A::ReadOnly)],
    escape: "do not open it",
};
pub const RESTORE: Choices = Choices {
    name: "Unsaved changes were recovered",
    choices: &[
        choice('r', "restore them", A::Restore),
        choice('d', "discard them", A::Discard),
    ],
    escape: "decide later (the matrix stays closed)",
};
pub const CHANGED_ON_DISK: Choices = Choices {
    name: "The file changed on disk",
    choices: &[
        choice(
            'r',
            "reload it from disk (your unsaved changes are lost)",
            A::Reload,
        ),
        choice('o', "overwrite it with your version", A::Overwrite),
        choice('s', "save your version as another file", A::SaveAs),
    ],
    escape: "cancel",
};
pub const SAVE_FAILED: Choices = Choices {
    name: "The save failed",
    choices: &[choice('s', "save them as another file", A::SaveAs)],
    escape: "keep working",
};
pub const DROP_COMMENTS: Choices = Choices {
    name: "Saving drops the file's comments",
    choices: &[
        choice('y', "save without the comments", A::Yes),
        choice('s', "save as another file", A::SaveAs),
    ],
    escape: "do not save",
};

pub const RESOLVE_CONFLICT: Choices = Choices {
    name: "A git merge left a field with two values",
    choices: &[
        choice('o', "keep ours", A::Ours),
        choice('t', "take theirs", A::Theirs),
        choice('v', "type a new value", A::NewValue),
    ],
    escape: "decide later (answers so far are kept; R in the matrix asks again)",
};
/// A whole hypothesis or evidence item one side edited and the other
/// deleted: kept or deleted, never typed.
pub const RESOLVE_ITEM_CONFLICT: Choices = Choices {
    name: "A git merge left an item edited on one side, deleted on the other",
    choices: &[
        choice('o', "keep ours", A::Ours),
        choice('t', "take theirs", A::Theirs),
    ],
    escape: RESOLVE_CONFLICT.escape,
};

/// Every kind of question, in the order help lists them.
pub const ALL: &[Choices] = &[
    QUIT_UNSAVED,
    DELETE,
    SWITCH_MATRIX_UNSAVED,
    OVERWRITE_EXPORT,
    OPEN_READ_ONLY,
    RESTORE,
    CHANGED_ON_DISK,
    SAVE_FAILED,
    DROP_COMMENTS,
    IMPORT,
    RESOLVE_CONFLICT,
    RESOLVE_ITEM_CONFLICT,
];

impl Question {
    /// The answers this question takes.
    pub fn choices(&self) -> &'static Choices {
        match self {
            Question::QuitUnsaved => &QUIT_UNSAVED,
            Question::DeleteHypothesis(_) | Question::DeleteEvidence(_) => &DELETE,
            Question::SwitchMatrixUnsaved(_) => &SWITCH_MATRIX_UNSAVED,
            Question::OverwriteExport { .. } => &OVERWRITE_EXPORT,
            Question::OpenReadOnly { .. } => &OPEN_READ_ONLY,
            Question::Restore(_) => &RESTORE,
            Question::ChangedOnDisk { .. } => &CHANGED_ON_DISK,
            Question::SaveFailed { .. } => &SAVE_FAILED,
            Question::DropComments { .. } => &DROP_COMMENTS,
            Question::Import(_) => &IMPORT,
            Question::ResolveConflict(resolving) if resolving.next.whole_item => {
                &RESOLVE_ITEM_CONFLICT
            }
            Question::ResolveConflict(_) => &RESOLVE_CONFLICT,
        }
    }

    /// The answer `key` gives, if the question takes it.
    pub fn answer_for(&self, key: char) -> Option<Answer> {
        self.choices()
            .choices
            .iter()
            .find(|choice| choice.key == key)
            .map(|choice| choice.answer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn no_question_takes_a_key_twice_or_esc() {
        for choices in ALL {
            let mut keys = HashSet::new();
            for choice in choices.choices {
                assert!(keys.insert(choice.key), "{}: {}", choices.name, choice.key);
            }
            assert!(!choices.choices.is_empty(), "{}", choices.name);
        }
    }
}
