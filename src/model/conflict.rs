//! A merge conflict recorded in a matrix file, kept by the model so that a
//! save of a conflicted matrix keeps it until the analyst resolves it.

/// One field a merge left with two values (see [`crate::merge`]): the
/// matrix holds ours; this holds both, as TOML value text (`"II"`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MergeConflict {
    /// The field's path: `evidence[E4].ratings.H2`.
    pub at: String,
    pub base: Option<String>,
    /// Our value; `None` when our side deleted the field.
    pub ours: Option<String>,
    /// Who had our value.
    pub ours_by: Option<String>,
    /// Their value; `None` when their side deleted the field.
    pub theirs: Option<String>,
    /// Who had their value.
    pub theirs_by: Option<String>,
}
