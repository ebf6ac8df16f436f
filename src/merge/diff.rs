//! What changed between two matrix files, by id: `E4 / H2: I -> II`.
//!
//! Like the merge, it walks the TOML structure, so a key it has never heard
//! of is listed as well as a rating.

use std::collections::{HashMap, HashSet};
use std::fmt;

use toml_edit::{DocumentMut, Item, Table, TableLike, Value};

use super::path::{FieldPath, Step};

/// One change from the first file to the second.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// An item (a table with an `id`) only in the second file.
    Added(FieldPath),
    /// An item only in the first file.
    Removed(FieldPath),
    /// A field or rating cell that differs; `None` where it is absent.
    Changed {
        at: FieldPath,
        before: Option<String>,
        after: Option<String>,
    },
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Added(at) => write!(f, "{}: added", at.readable()),
            Change::Removed(at) => write!(f, "{}: removed", at.readable()),
            Change::Changed { at, before, after } => {
                let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".to_owned());
                write!(f, "{}: {} -> {}", at.readable(), show(before), show(after))
            }
        }
    }
}

/// The changes from `before` to `after`, in the order of `after`, then
/// what only `before` had. Errors are TOML parse errors.
pub fn diff(before: &str, after: &str) -> Result<Vec<Change>, toml_edit::TomlError> {
    let before = Flat::of(&before.parse::<DocumentMut>()?);
    let after = Flat::of(&after.parse::<DocumentMut>()?);
    let mut changes = Vec::new();
    let old_items: HashSet<&String> = before.items.iter().map(|(k, _)| k).collect();
    let new_items: HashSet<&String> = after.items.iter().map(|(k, _)| k).collect();
    for (key, path) in &after.items {
        if !old_items.contains(key) {
            changes.push(Change::Added(path.clone()));
        }
    }
    for (key, path) in &before.items {
        if !new_items.contains(key) {
            changes.push(Change::Removed(path.clone()));
        }
    }
    let inside_changed_item = |path: &FieldPath, items: &HashSet<&String>| {
        (1..=path.0.len()).any(|n| {
            matches!(path.0[n - 1], Step::Id(_))
                && !items.contains(&FieldPath(path.0[..n].to_vec()).to_string())
        })
    };
    let old: HashMap<String, &String> = before
        .leaves
        .iter()
        .map(|(p, v)| (p.to_string(), v))
        .collect();
    let new: HashMap<String, &String> = after
        .leaves
        .iter()
        .map(|(p, v)| (p.to_string(), v))
        .collect();
    for (path, value) in &after.leaves {
        if inside_changed_item(path, &old_items) {
            continue;
        }
        let old_value = old.get(&path.to_string());
        if old_value != Some(&value) {
            changes.push(Change::Changed {
                at: path.clone(),
                before: old_value.map(|v| (*v).clone()),
                after: Some(value.clone()),
            });
        }
    }
    for (path, value) in &before.leaves {
        if inside_changed_item(path, &new_items) || new.contains_key(&path.to_string()) {
            continue;
        }
        changes.push(Change::Changed {
            at: path.clone(),
            before: Some(value.clone()),
            after: None,
        });
    }
    Ok(changes)
}

/// Every value of a file on a line of its own, `E4 / H2 = I`: what
/// `git diff` compares when `ach diff --list` is its textconv, so a
/// changed rating shows as one changed line naming its cell.
pub fn facts(text: &str) -> Result<Vec<String>, toml_edit::TomlError> {
    let flat = Flat::of(&text.parse::<DocumentMut>()?);
    Ok(flat
        .leaves
        .iter()
        .map(|(path, value)| format!("{} = {value}", path.readable()))
        .collect())
}

/// A file's values in file order, keyed by path, and its id'd items.
struct Flat {
    leaves: Vec<(FieldPath, String)>,
    items: Vec<(String, FieldPath)>,
}

impl Flat {
    fn of(document: &DocumentMut) -> Flat {
        let mut flat = Flat {
            leaves: Vec::new(),
            items: Vec::new(),
        };
        flat.table(&FieldPath::default(), document.as_table());
        flat
    }

    fn table(&mut self, path: &FieldPath, table: &dyn TableLike) {
        for (key, item) in table.iter() {
            self.item(&path.key(key), item);
        }
    }

    fn item(&mut self, path: &FieldPath, item: &Item) {
        match item {
            Item::None => {}
            Item::Value(Value::InlineTable(table)) => self.table(path, table),
            Item::Value(value) => self.leaves.push((path.clone(), shown(value))),
            Item::Table(table) => self.table(path, table),
            Item::ArrayOfTables(tables) => {
                for (n, table) in tables.iter().enumerate() {
                    let id = table
                        .get("id")
                        .and_then(Item::as_str)
                        .map_or_else(|| (n + 1).to_string(), str::to_owned);
                    let inner = path.id(&id);
                    self.items.push((inner.to_string(), inner.clone()));
                    self.entries_without_id(&inner, table);
                }
            }
        }
    }

    fn entries_without_id(&mut self, path: &FieldPath, table: &Table) {
        for (key, item) in table.iter() {
            if key != "id" {
                self.item(&path.key(key), item);
            }
        }
    }
}

/// A value on one line: a string as its text (line breaks escaped), any
/// other value as TOML writes it.
fn shown(value: &Value) -> String {
    match value.as_str() {
        Some(s) => s.replace('\\', "\\\\").replace('\n', "\\n"),
        None => {
            let mut value = value.clone();
            value.decor_mut().clear();
            value.to_string()
        }
    }
}
