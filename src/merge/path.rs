//! Where a value sits in a matrix file, named by ids rather than by line.
//!
//! A path is the chain of keys from the top of the file, with an array of
//! tables entered by the `id` of one of its tables: `evidence[E4].ratings.H2`.
//! Ids are bare-key characters, so the text form needs no quoting.

use std::fmt;

/// One step of a [`FieldPath`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A key of a table: `title`, `ratings`, `H2`.
    Key(String),
    /// The table with this `id` in an array of tables: `[E4]`.
    Id(String),
}

/// The address of one field, table or rating cell in a matrix file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FieldPath(pub Vec<Step>);

impl FieldPath {
    /// This path with one more key.
    pub fn key(&self, key: &str) -> FieldPath {
        let mut steps = self.0.clone();
        steps.push(Step::Key(key.to_owned()));
        FieldPath(steps)
    }

    /// This path entering the table with `id`.
    pub fn id(&self, id: &str) -> FieldPath {
        let mut steps = self.0.clone();
        steps.push(Step::Id(id.to_owned()));
        FieldPath(steps)
    }

    /// Reads the text form written by [`fmt::Display`].
    pub fn parse(text: &str) -> Option<FieldPath> {
        let mut steps = Vec::new();
        for part in text.split('.') {
            let (key, ids) = match part.find('[') {
                Some(at) => (&part[..at], &part[at..]),
                None => (part, ""),
            };
            if key.is_empty() {
                return None;
            }
            steps.push(Step::Key(key.to_owned()));
            let mut rest = ids;
            while let Some(inner) = rest.strip_prefix('[') {
                let end = inner.find(']')?;
                steps.push(Step::Id(inner[..end].to_owned()));
                rest = &inner[end + 1..];
            }
            if !rest.is_empty() {
                return None;
            }
        }
        Some(FieldPath(steps))
    }

    /// How an analyst reads the path: `E4 / H2` for a rating cell,
    /// `E4 summary` for a field of an item, `title` for a top-level key.
    pub fn readable(&self) -> String {
        let ids: Vec<&str> = self
            .0
            .iter()
            .filter_map(|step| match step {
                Step::Id(id) => Some(id.as_str()),
                Step::Key(_) => None,
            })
            .collect();
        let last_id = self.0.iter().rposition(|s| matches!(s, Step::Id(_)));
        let tail: Vec<&str> = match last_id {
            Some(at) => self.0[at + 1..]
                .iter()
                .filter_map(|step| match step {
                    Step::Key(key) => Some(key.as_str()),
                    Step::Id(_) => None,
                })
                .collect(),
            None => self
                .0
                .iter()
                .filter_map(|step| match step {
                    Step::Key(key) => Some(key.as_str()),
                    Step::Id(_) => None,
                })
                .collect(),
        };
        // A rating cell is the crossing of an item and a hypothesis.
        if tail.len() == 2 && tail[0] == "ratings" {
            let mut cell: Vec<&str> = ids;
            cell.push(tail[1]);
            return cell.join(" / ");
        }
        let mut out = ids.join(" / ");
        if !tail.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&tail.join("."));
        }
        out
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for step in &self.0 {
            match step {
                Step::Key(key) => {
                    if !first {
                        f.write_str(".")?;
                    }
                    f.write_str(key)?;
                }
                Step::Id(id) => write!(f, "[{id}]")?,
            }
            first = false;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rating_cell_reads_as_item_and_hypothesis() {
        let path = FieldPath::default()
            .key("evidence")
            .id("E4")
            .key("ratings")
            .key("H2");
        assert_eq!(path.to_string(), "evidence[E4].ratings.H2");
        assert_eq!(path.readable(), "E4 / H2");
        assert_eq!(FieldPath::parse("evidence[E4].ratings.H2"), Some(path));
    }

    #[test]
    fn fields_read_with_their_owner() {
        let path = FieldPath::default()
            .key("evidence")
            .id("E1")
            .key("source")
            .key("quote");
        assert_eq!(path.readable(), "E1 source.quote");
        assert_eq!(FieldPath::parse(&path.to_string()), Some(path));
        assert_eq!(FieldPath::default().key("title").readable(), "title");
        assert_eq!(FieldPath::parse("a[x"), None);
    }
}
