//! A competing hypothesis: one column of the matrix.

/// One of the competing explanations the analyst weighs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hypothesis {
    /// Short unique id (`H1`), used as the ratings key.
    pub id: String,
    /// One line, shown as the column header.
    pub title: String,
    /// Optional longer statement of the hypothesis.
    pub description: Option<String>,
}

impl Hypothesis {
    /// A hypothesis with an id and a title and no description.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Hypothesis {
            id: id.into(),
            title: title.into(),
            description: None,
        }
    }
}
