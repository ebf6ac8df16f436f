//! The three-way merge of matrix files, by ids rather than by lines.
//!
//! It knows nothing of the matrix's fields, so a key added by a later build
//! merges as well as `title` does. The rules, applied at every level:
//! - a value the two sides agree on is kept; a value only one side changed
//!   takes that side's change (deleting included);
//! - tables, inline tables (a `ratings` line) and arrays of tables whose
//!   tables all have an `id` (hypotheses, evidence, and any later list) are
//!   merged entry by entry, so two analysts rating different cells of one
//!   item, or editing different items, never conflict;
//! - `updated` takes the later time;
//! - anything else changed differently on both sides, or edited on one side
//!   and deleted on the other, is a [`Conflict`]: the file keeps our value
//!   (or the edited one, so nothing is lost) and records both.
//!
//! Formatting and comments come from our side, then from theirs for what
//! only they added.

use std::collections::{HashMap, HashSet};

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, TableLike, Value};

use super::canonical;
use super::conflict::{Conflict, SideValue, record_conflicts};
use super::path::{FieldPath, Step};

/// Who wrote each side, as the conflicts name them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels {
    pub ours: String,
    pub theirs: String,
}

impl Default for Labels {
    fn default() -> Self {
        Labels {
            ours: "ours".to_owned(),
            theirs: "theirs".to_owned(),
        }
    }
}

/// The merged file and the conflicts recorded in it.
#[derive(Debug, Clone)]
pub struct Merged {
    pub text: String,
    pub conflicts: Vec<Conflict>,
}

/// One of the three inputs is not TOML.
#[derive(Debug, thiserror::Error)]
#[error("{side}: not a TOML file: {message}")]
pub struct MergeError {
    /// `base`, `ours` or `theirs`.
    pub side: &'static str,
    pub message: String,
}

/// Merges `ours` and `theirs`, both descended from `base`.
pub fn merge(base: &str, ours: &str, theirs: &str, labels: &Labels) -> Result<Merged, MergeError> {
    let parse = |side: &'static str, text: &str| {
        text.parse::<DocumentMut>().map_err(|error| MergeError {
            side,
            message: error.to_string().trim_end().to_owned(),
        })
    };
    let base = parse("base", base)?;
    let ours = parse("ours", ours)?;
    let theirs = parse("theirs", theirs)?;
    let mut merger = Merger {
        conflicts: Vec::new(),
    };
    let mut result = merger.table(
        &FieldPath::default(),
        Some(base.as_table()),
        ours.as_table(),
        theirs.as_table(),
    );
    merger.keep_rated_hypotheses(
        &mut result,
        base.as_table(),
        ours.as_table(),
        theirs.as_table(),
    );
    let mut conflicts = merger.conflicts;
    for conflict in &mut conflicts {
        conflict.ours_by = labels.ours.clone();
        conflict.theirs_by = labels.theirs.clone();
    }
    let mut document = DocumentMut::from(result);
    record_conflicts(&mut document, &conflicts);
    renumber(document.as_table_mut(), &mut 0);
    Ok(Merged {
        text: document.to_string(),
        conflicts,
    })
}

struct Merger {
    conflicts: Vec<Conflict>,
}

/// Which of the three an entry is taken from.
enum Pick {
    Ours,
    Theirs,
    Both,
}

/// Which side to take, comparing the three by their canonical text
/// ([`canonical::same_item`]; a missing entry equals only a missing one).
fn pick<T: ?Sized>(
    base: Option<&T>,
    ours: Option<&T>,
    theirs: Option<&T>,
    same: fn(&T, &T) -> bool,
) -> Pick {
    let eq = |a: Option<&T>, b: Option<&T>| match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => same(a, b),
        _ => false,
    };
    if eq(ours, theirs) || eq(theirs, base) {
        Pick::Ours
    } else if eq(ours, base) {
        Pick::Theirs
    } else {
        Pick::Both
    }
}

impl Merger {
    fn table(
        &mut self,
        path: &FieldPath,
        base: Option<&dyn TableLike>,
        ours: &Table,
        theirs: &Table,
    ) -> Table {
        let mut result = ours.clone();
        self.entries(path, base, &mut result, ours, theirs);
        result
    }

    /// Merges every key of the three tables into `result`, a copy of ours.
    fn entries(
        &mut self,
        path: &FieldPath,
        base: Option<&dyn TableLike>,
        result: &mut dyn TableLike,
        ours: &dyn TableLike,
        theirs: &dyn TableLike,
    ) {
        let mut keys: Vec<String> = ours.iter().map(|(k, _)| k.to_owned()).collect();
        let mut seen: HashSet<String> = keys.iter().cloned().collect();
        for (key, _) in theirs.iter().chain(base.into_iter().flat_map(|b| b.iter())) {
            if seen.insert(key.to_owned()) {
                keys.push(key.to_owned());
            }
        }
        for key in keys {
            let merged = self.item(
                &path.key(&key),
                base.and_then(|b| b.get(&key)),
                ours.get(&key),
                theirs.get(&key),
            );
            match merged {
                Some(item) => {
                    result.insert(&key, item);
                }
                None => {
                    result.remove(&key);
                }
            }
        }
    }

    fn item(
        &mut self,
        path: &FieldPath,
        base: Option<&Item>,
        ours: Option<&Item>,
        theirs: Option<&Item>,
    ) -> Option<Item> {
        match pick(base, ours, theirs, canonical::same_item) {
            Pick::Ours => ours.cloned(),
            Pick::Theirs => theirs.cloned(),
            Pick::Both => self.both_changed(path, base, ours, theirs),
        }
    }

    fn both_changed(
        &mut self,
        path: &FieldPath,
        base: Option<&Item>,
        ours: Option<&Item>,
        theirs: Option<&Item>,
    ) -> Option<Item> {
        let (Some(ours), Some(theirs)) = (ours, theirs) else {
            // Edited on one side, deleted on the other: keep the edit.
            self.conflict(path, base, ours, theirs);
            return ours.or(theirs).cloned();
        };
        let base_table = base.and_then(Item::as_table_like);
        if let (Item::Table(o), Item::Table(t)) = (ours, theirs) {
            return Some(Item::Table(self.table(path, base_table, o, t)));
        }
        if let (Some(Value::InlineTable(o)), Some(t)) = (ours.as_value(), theirs.as_table_like()) {
            let mut result = o.clone();
            self.entries(path, base_table, &mut result, o, t);
            return Some(Item::Value(Value::InlineTable(result)));
        }
        if let (Item::ArrayOfTables(o), Item::ArrayOfTables(t)) = (ours, theirs) {
            let b = base.and_then(Item::as_array_of_tables);
            if has_ids(o) && has_ids(t) && b.is_none_or(has_ids) {
                return Some(Item::ArrayOfTables(self.by_id(path, b, o, t)));
            }
        }
        if path.0 == [Step::Key("updated".to_owned())]
            && let (Some(o), Some(t)) = (datetime(ours), datetime(theirs))
        {
            return Some(if t > o { theirs.clone() } else { ours.clone() });
        }
        self.conflict(path, base, Some(ours), Some(theirs));
        Some(ours.clone())
    }

    /// Merges two lists of tables entry by entry, matched by `id`.
    fn by_id(
        &mut self,
        path: &FieldPath,
        base: Option<&ArrayOfTables>,
        ours: &ArrayOfTables,
        theirs: &ArrayOfTables,
    ) -> ArrayOfTables {
        // By reference: cloning every entry of three long lists cost more
        // than the merge itself.
        fn index(tables: Option<&ArrayOfTables>) -> HashMap<&str, &Table> {
            tables
                .into_iter()
                .flat_map(|t| t.iter())
                .map(|t| (id_of(t), t))
                .collect()
        }
        let (b, o, t) = (index(base), index(Some(ours)), index(Some(theirs)));
        let ids = |tables: Option<&ArrayOfTables>| -> Vec<String> {
            tables
                .into_iter()
                .flat_map(|t| t.iter())
                .map(|t| id_of(t).to_owned())
                .collect()
        };
        let (base_order, our_order, their_order) = (ids(base), ids(Some(ours)), ids(Some(theirs)));
        let order = merged_order(&base_order, &our_order, &their_order);
        let mut result = ArrayOfTables::new();
        for id in order {
            let path = path.id(&id);
            let (bt, ot, tt) = (
                b.get(id.as_str()).copied(),
                o.get(id.as_str()).copied(),
                t.get(id.as_str()).copied(),
            );
            let same: fn(&Table, &Table) -> bool = |a, b| canonical::same_table(a, b);
            let merged = match pick(bt, ot, tt, same) {
                Pick::Ours => ot.cloned(),
                Pick::Theirs => tt.cloned(),
                Pick::Both => match (ot, tt) {
                    (Some(ot), Some(tt)) => {
                        Some(self.table(&path, bt.map(|t| t as &dyn TableLike), ot, tt))
                    }
                    _ => {
                        let item = |t: Option<&Table>| t.cloned().map(Item::Table);
                        self.conflict(
                            &path,
                            item(bt).as_ref(),
                            item(ot).as_ref(),
                            item(tt).as_ref(),
                        );
                        ot.or(tt).cloned()
                    }
                },
            };
            if let Some(table) = merged {
                result.push(table);
            }
        }
        result
    }

    fn conflict(
        &mut self,
        path: &FieldPath,
        base: Option<&Item>,
        ours: Option<&Item>,
        theirs: Option<&Item>,
    ) {
        self.conflicts.push(Conflict {
            at: path.clone(),
            base: SideValue::of(base),
            ours: SideValue::of(ours),
            theirs: SideValue::of(theirs),
            ours_by: String::new(),
            theirs_by: String::new(),
        });
    }

    /// A hypothesis one side deleted while the other rated it is an edit
    /// against a deletion: keep the hypothesis (the ratings need it to load)
    /// and record the conflict. Ratings of a deleted hypothesis nobody
    /// touched go with it.
    fn keep_rated_hypotheses(
        &mut self,
        result: &mut Table,
        base: &Table,
        ours: &Table,
        theirs: &Table,
    ) {
        let hypothesis_ids: HashSet<String> = list(result, "hypotheses")
            .map(|t| id_of(t).to_owned())
            .collect();
        let mut dangling: Vec<String> = Vec::new();
        for evidence in list(result, "evidence") {
            if let Some(ratings) = evidence.get("ratings").and_then(Item::as_table_like) {
                for (hypothesis, _) in ratings.iter() {
                    if !hypothesis_ids.contains(hypothesis)
                        && !dangling.iter().any(|d| d == hypothesis)
                    {
                        dangling.push(hypothesis.to_owned());
                    }
                }
            }
        }
        for hypothesis in dangling {
            let rated = |side: &Table| ratings_of(side, &hypothesis);
            let base_ratings = rated(base);
            let restore = [(ours, "ours"), (theirs, "theirs")]
                .into_iter()
                .find(|(side, _)| {
                    find_by_id(side, "hypotheses", &hypothesis).is_some()
                        && rated(side) != base_ratings
                });
            match restore {
                Some((side, _)) => {
                    let table = find_by_id(side, "hypotheses", &hypothesis).cloned();
                    if let (Some(table), Some(list)) = (
                        table,
                        result
                            .get_mut("hypotheses")
                            .and_then(Item::as_array_of_tables_mut),
                    ) {
                        list.push(table.clone());
                        let path = FieldPath::default().key("hypotheses").id(&hypothesis);
                        let item = |side: &Table| {
                            find_by_id(side, "hypotheses", &hypothesis)
                                .cloned()
                                .map(Item::Table)
                        };
                        self.conflict(
                            &path,
                            item(base).as_ref(),
                            item(ours).as_ref(),
                            item(theirs).as_ref(),
                        );
                    }
                }
                None => remove_ratings_of(result, &hypothesis),
            }
        }
    }
}

/// The order of a merged list: the side that reordered it gives the order
/// (ours when both did), and what only the other side added goes after the
/// entry it followed there.
fn merged_order(base: &[String], ours: &[String], theirs: &[String]) -> Vec<String> {
    let kept = |order: &[String]| -> Vec<String> {
        let b: HashSet<&String> = base.iter().collect();
        order.iter().filter(|id| b.contains(id)).cloned().collect()
    };
    let base_kept_ours: Vec<String> = {
        let o: HashSet<&String> = ours.iter().collect();
        base.iter().filter(|id| o.contains(id)).cloned().collect()
    };
    let (lead, other) = if kept(ours) == base_kept_ours && kept(theirs) != kept(ours) {
        (theirs, ours)
    } else {
        (ours, theirs)
    };
    let mut order: Vec<String> = lead.to_vec();
    // Entries deleted by the leading side but still in the other (edited
    // there, perhaps) are placed like additions; the merge decides.
    let mut present: HashSet<String> = order.iter().cloned().collect();
    for (at, id) in other.iter().enumerate() {
        if present.contains(id) {
            continue;
        }
        let after = other[..at]
            .iter()
            .rev()
            .find_map(|prev| order.iter().position(|x| x == prev));
        let position = after.map_or(0, |p| p + 1);
        order.insert(position, id.clone());
        present.insert(id.clone());
    }
    for id in base {
        if !present.contains(id) {
            order.push(id.clone());
            present.insert(id.clone());
        }
    }
    order
}

fn has_ids(tables: &ArrayOfTables) -> bool {
    let mut seen = HashSet::new();
    tables.iter().all(|t| {
        t.get("id")
            .and_then(Item::as_str)
            .is_some_and(|id| seen.insert(id.to_owned()))
    })
}

fn id_of(table: &Table) -> &str {
    table.get("id").and_then(Item::as_str).unwrap_or_default()
}

fn datetime(item: &Item) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    let text = item.as_value()?.as_datetime()?.to_string();
    chrono::DateTime::parse_from_rfc3339(&text).ok()
}

fn list<'a>(table: &'a Table, key: &str) -> impl Iterator<Item = &'a Table> {
    table
        .get(key)
        .and_then(Item::as_array_of_tables)
        .into_iter()
        .flat_map(|t| t.iter())
}

fn find_by_id<'a>(table: &'a Table, key: &str, id: &str) -> Option<&'a Table> {
    list(table, key).find(|t| id_of(t) == id)
}

fn ratings_of(table: &Table, hypothesis: &str) -> Vec<(String, String)> {
    list(table, "evidence")
        .filter_map(|e| {
            let cell = e.get("ratings")?.as_table_like()?.get(hypothesis)?;
            Some((id_of(e).to_owned(), canonical::item(cell)))
        })
        .collect()
}

/// Removes every rating cell of `hypothesis` from the evidence of `table`.
pub(crate) fn remove_ratings_of(table: &mut Table, hypothesis: &str) {
    if let Some(evidence) = table
        .get_mut("evidence")
        .and_then(Item::as_array_of_tables_mut)
    {
        for item in evidence.iter_mut() {
            if let Some(ratings) = item.get_mut("ratings").and_then(Item::as_table_like_mut) {
                ratings.remove(hypothesis);
            }
        }
    }
}

/// Gives every table its place in file order, so tables taken from both
/// sides are written where the merged structure puts them.
fn renumber(table: &mut Table, next: &mut isize) {
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(inner) => {
                inner.set_position(Some(*next));
                *next += 1;
                renumber(inner, next);
            }
            Item::ArrayOfTables(tables) => {
                for inner in tables.iter_mut() {
                    inner.set_position(Some(*next));
                    *next += 1;
                    renumber(inner, next);
                }
            }
            _ => {}
        }
    }
}
