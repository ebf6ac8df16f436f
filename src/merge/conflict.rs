//! Conflicts a merge could not settle, recorded in the matrix file itself.
//!
//! A conflicted file is never broken: the field keeps our value (or, when
//! one side deleted what the other edited, the edited one), so the file
//! loads, and a `[[conflicts]]` table at the end names the field and both
//! values:
//!
//! ```toml
//! [[conflicts]]
//! at = "evidence[E4].ratings.H2"
//! base = "N"
//! ours = "I"
//! ours_by = "alice"
//! theirs = "II"
//! theirs_by = "bob"
//! ```
//!
//! A side without a value deleted the field; `"edited"` stands for a whole
//! item (a hypothesis or an evidence item) that side edited. Resolving
//! picks ours, theirs or a new value and removes the table; with no tables
//! left the file is an ordinary matrix again.

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, TableLike, Value, value};

use super::canonical;
use super::path::{FieldPath, Step};

/// One side's value in a conflict.
#[derive(Debug, Clone)]
pub enum SideValue {
    /// The side deleted it (or never had it).
    Absent,
    /// A value, as written in the file.
    Value(Value),
    /// A whole table (an item) the side edited.
    Table,
}

impl SideValue {
    /// What a side held at a path.
    pub fn of(item: Option<&Item>) -> SideValue {
        match item {
            None | Some(Item::None) => SideValue::Absent,
            Some(Item::Value(v)) => SideValue::Value(canonical::clean_value(v)),
            Some(Item::Table(_) | Item::ArrayOfTables(_)) => SideValue::Table,
        }
    }

    fn from_item(item: Option<&Item>) -> SideValue {
        match item.and_then(Item::as_value) {
            None => SideValue::Absent,
            Some(v) if v.as_str() == Some(EDITED) => SideValue::Table,
            Some(v) => SideValue::Value(canonical::clean_value(v)),
        }
    }

    /// How the value reads in a message: its TOML text, or a word.
    pub fn describe(&self) -> String {
        match self {
            SideValue::Absent => "deleted".to_owned(),
            SideValue::Value(v) => match v.as_str() {
                Some(s) => s.to_owned(),
                None => v.to_string(),
            },
            SideValue::Table => EDITED.to_owned(),
        }
    }

    fn to_item(&self) -> Option<Item> {
        match self {
            SideValue::Absent => None,
            SideValue::Value(v) => Some(Item::Value(v.clone())),
            SideValue::Table => Some(value(EDITED)),
        }
    }
}

const EDITED: &str = "edited";

/// The comment the merge writes above the first `[[conflicts]]` table. It
/// is the product's own, not the analyst's: a save that drops it (the
/// writer does not keep comments) need not ask first.
pub const NOTE: [&str; 3] = [
    "# A merge left these fields with two values: the field above holds",
    "# ours. Resolve each with `ach resolve`, or by hand",
    "# (set the field, delete its [[conflicts]] table).",
];

/// A field or cell changed differently on both sides of a merge.
#[derive(Debug, Clone)]
pub struct Conflict {
    /// Which field: `evidence[E4].ratings.H2`.
    pub at: FieldPath,
    pub base: SideValue,
    pub ours: SideValue,
    pub theirs: SideValue,
    /// Who had our value (the merge's label for our side).
    pub ours_by: String,
    /// Who had their value.
    pub theirs_by: String,
}

impl Conflict {
    /// One line for an analyst: `E4 / H2: I (alice) or II (bob)`.
    pub fn describe(&self) -> String {
        format!(
            "{}: {} ({}) or {} ({})",
            self.at.readable(),
            self.ours.describe(),
            self.ours_by,
            self.theirs.describe(),
            self.theirs_by
        )
    }
}

/// Appends `conflicts` to the file's `[[conflicts]]` tables.
pub fn record_conflicts(document: &mut DocumentMut, conflicts: &[Conflict]) {
    if conflicts.is_empty() {
        return;
    }
    let root = document.as_table_mut();
    if !root.contains_key("conflicts") {
        root.insert("conflicts", Item::ArrayOfTables(ArrayOfTables::new()));
    }
    let Some(list) = root
        .get_mut("conflicts")
        .and_then(Item::as_array_of_tables_mut)
    else {
        return;
    };
    for conflict in conflicts {
        let mut table = Table::new();
        if list.is_empty() {
            table
                .decor_mut()
                .set_prefix(format!("\n{}\n", NOTE.join("\n")));
        } else {
            table.decor_mut().set_prefix("\n");
        }
        table.insert("at", value(conflict.at.to_string()));
        for (key, side) in [
            ("base", &conflict.base),
            ("ours", &conflict.ours),
            ("theirs", &conflict.theirs),
        ] {
            if let Some(item) = side.to_item() {
                table.insert(key, item);
            }
            if key != "base" {
                let by = if key == "ours" {
                    &conflict.ours_by
                } else {
                    &conflict.theirs_by
                };
                table.insert(&format!("{key}_by"), value(by.as_str()));
            }
        }
        list.push(table);
    }
}

/// The conflicts recorded in a file's text, in file order.
pub fn conflicts_in(document: &DocumentMut) -> Vec<Conflict> {
    let Some(list) = document.get("conflicts").and_then(Item::as_array_of_tables) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|table| {
            let at = FieldPath::parse(table.get("at")?.as_str()?)?;
            let by = |key| {
                table
                    .get(key)
                    .and_then(Item::as_str)
                    .unwrap_or(key)
                    .to_owned()
            };
            Some(Conflict {
                at,
                base: SideValue::from_item(table.get("base")),
                ours: SideValue::from_item(table.get("ours")),
                theirs: SideValue::from_item(table.get("theirs")),
                ours_by: by("ours_by"),
                theirs_by: by("theirs_by"),
            })
        })
        .collect()
}

/// How an analyst settles a conflict.
#[derive(Debug, Clone)]
pub enum Resolution {
    Ours,
    Theirs,
    /// A new value for the field.
    Value(Value),
}

impl Resolution {
    /// A new value as an analyst types it, in `ach resolve --value` or the
    /// workbench: a bare word (`II`) is a string; anything TOML reads
    /// (`3`, `true`, `"quoted"`) is kept as it is.
    pub fn typed(text: &str) -> Resolution {
        Resolution::Value(text.parse().unwrap_or_else(|_| text.into()))
    }
}

/// Why a conflict could not be resolved.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ResolveError {
    #[error("not a TOML file: {0}")]
    NotToml(String),
    #[error("there is no conflict number {0} (the file has {1})")]
    NoSuchConflict(usize, usize),
    #[error("`{0}` is not in the file any more")]
    NoSuchField(String),
    #[error("a whole item takes ours or theirs, not a new value")]
    ValueForItem,
}

/// Settles the conflict at `index` (0-based, file order) of the file's
/// text and removes its record; returns the new text.
pub fn resolve(text: &str, index: usize, resolution: &Resolution) -> Result<String, ResolveError> {
    let mut document: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| ResolveError::NotToml(e.to_string()))?;
    let conflicts = conflicts_in(&document);
    let conflict = conflicts
        .get(index)
        .ok_or(ResolveError::NoSuchConflict(index + 1, conflicts.len()))?;
    let chosen = match resolution {
        Resolution::Ours => conflict.ours.clone(),
        Resolution::Theirs => conflict.theirs.clone(),
        Resolution::Value(v) => SideValue::Value(v.clone()),
    };
    set_at(document.as_table_mut(), &conflict.at.0, &chosen)
        .ok_or_else(|| ResolveError::NoSuchField(conflict.at.to_string()))??;
    if let Some(list) = document
        .get_mut("conflicts")
        .and_then(Item::as_array_of_tables_mut)
    {
        list.remove(index);
        if list.is_empty() {
            document.as_table_mut().remove("conflicts");
        }
    }
    Ok(document.to_string())
}

/// Puts `chosen` at `steps` below `table`; `None` when the path is gone.
fn set_at(
    table: &mut Table,
    steps: &[Step],
    chosen: &SideValue,
) -> Option<Result<(), ResolveError>> {
    match steps {
        [Step::Key(list), Step::Id(id)] => {
            // A whole item: keep it (it holds the edited side) or delete it.
            match chosen {
                SideValue::Table => Some(Ok(())),
                SideValue::Value(_) => Some(Err(ResolveError::ValueForItem)),
                SideValue::Absent => {
                    let tables = table.get_mut(list)?.as_array_of_tables_mut()?;
                    let at = tables
                        .iter()
                        .position(|t| t.get("id").and_then(Item::as_str) == Some(id))?;
                    tables.remove(at);
                    if list == "hypotheses" {
                        super::three_way::remove_ratings_of(table, id);
                    }
                    Some(Ok(()))
                }
            }
        }
        [Step::Key(list), Step::Id(id), rest @ ..] => {
            let tables = table.get_mut(list)?.as_array_of_tables_mut()?;
            let inner = tables
                .iter_mut()
                .find(|t| t.get("id").and_then(Item::as_str) == Some(id))?;
            set_at(inner, rest, chosen)
        }
        _ => set_in(table, steps, chosen),
    }
}

fn set_in(
    table: &mut dyn TableLike,
    steps: &[Step],
    chosen: &SideValue,
) -> Option<Result<(), ResolveError>> {
    match steps {
        [Step::Key(key)] => {
            match chosen {
                SideValue::Absent => {
                    table.remove(key);
                }
                SideValue::Table => {}
                SideValue::Value(v) => {
                    table.insert(key, Item::Value(v.clone()));
                }
            }
            Some(Ok(()))
        }
        [Step::Key(key), Step::Id(_), ..] => {
            let inner = table.get_mut(key)?;
            let Item::ArrayOfTables(_) = inner else {
                return None;
            };
            // Lists of tables below the top level: walk them the same way.
            let mut wrapper = Table::new();
            wrapper.insert(key, inner.clone());
            let result = set_at(&mut wrapper, steps, chosen);
            if let Some(item) = wrapper.remove(key) {
                *table.get_mut(key)? = item;
            }
            result
        }
        [Step::Key(key), rest @ ..] => {
            set_in(table.get_mut(key)?.as_table_like_mut()?, rest, chosen)
        }
        _ => None,
    }
}
