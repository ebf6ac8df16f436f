//! What a key means, independent of which key it is.

use tui_input::InputRequest;

use super::questions::Answer;
use crate::model::Rating;

/// Everything a key (or a mouse gesture translated to a key) can ask for.
/// The keymap maps keys to actions per context; `update` carries them out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    // Everywhere
    Quit,
    Save,
    Undo,
    Redo,
    NextPane,
    PreviousPane,
    ToggleHelp,
    ToggleZoom,
    CloseTop,
    /// Open the export popup.
    Export,
    /// Create a new matrix.
    NewMatrix,
    // Movement, interpreted by the focused pane
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    // Library
    StartFilter,
    // Reader
    StartSearch,
    NextMatch,
    PreviousMatch,
    NextSentence,
    PreviousSentence,
    ToggleSelection,
    /// Trim the selection by word: its end one word on or back, its start
    /// one word back or on (a passage finer than a sentence).
    ExtendByWord,
    ShrinkByWord,
    ExtendStartByWord,
    ShrinkStartByWord,
    Attach,
    // Matrix
    Rate(Option<Rating>),
    AddHypothesis,
    AddEvidence,
    EditSelected,
    DeleteSelected,
    CycleOrder,
    MoveColumnLeft,
    MoveColumnRight,
    /// Set the evidence item or hypothesis under the cursor aside, or
    /// count it again.
    ToggleSetAside,
    /// Show the ranking without a class of evidence beside the actual one.
    WhatIf(WhatIf),
    /// Show the matrix health warnings.
    ShowHealth,
    /// Show or hide the probability rows under the scores.
    ToggleProbability,
    /// Resolve the merge conflicts a git merge left in the matrix.
    ResolveConflicts,
    /// Record or edit the analyst's own judgement.
    EditJudgement,
    // Forms and prompts
    NextField,
    PreviousField,
    Submit,
    ChoiceNext,
    ChoicePrevious,
    /// Answering the question on screen with one of its choices.
    Answer(Answer),
    /// Editing the focused text field.
    Type(InputRequest),
    /// Open the log of every message since the workbench started.
    ShowMessages,
    // Team view
    /// Show the team view (`ach open --team`), or hide it.
    ToggleTeam,
    /// "Me against the team" about the next analyst.
    NextAnalyst,
    /// The cursor to my next difference from the consensus.
    NextDifference,
}

/// The scenarios one key away: the ranking without a class of evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WhatIf {
    LowCredibility,
    Assumptions,
    /// The items taken from the document of the item under the cursor.
    CurrentDocument,
}
