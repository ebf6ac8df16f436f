//! A value's meaning without its formatting, so that two sides that wrote
//! the same value with different spacing, quoting or comments agree.

use toml_edit::{Item, TableLike, Value};

/// The canonical text of an item: keys sorted, no decoration.
pub fn item(item: &Item) -> String {
    let mut out = String::new();
    write_item(&mut out, item);
    out
}

fn write_item(out: &mut String, item: &Item) {
    match item {
        Item::None => {}
        Item::Value(value) => write_value(out, value),
        Item::Table(table) => write_table(out, table),
        Item::ArrayOfTables(tables) => {
            out.push_str("[[");
            for table in tables.iter() {
                write_table(out, table);
                out.push(',');
            }
            out.push_str("]]");
        }
    }
}

fn write_table(out: &mut String, table: &dyn TableLike) {
    let mut entries: Vec<(&str, &Item)> = table.iter().collect();
    entries.sort_unstable_by_key(|(key, _)| *key);
    out.push('{');
    for (key, item) in entries {
        out.push_str(&format!("{key:?}="));
        write_item(out, item);
        out.push(',');
    }
    out.push('}');
}

fn write_value(out: &mut String, value: &Value) {
    match value {
        Value::String(s) => out.push_str(&format!("{:?}", s.value())),
        Value::Integer(i) => out.push_str(&i.value().to_string()),
        Value::Float(f) => out.push_str(&format!("{:?}", f.value())),
        Value::Boolean(b) => out.push_str(&b.value().to_string()),
        Value::Datetime(d) => out.push_str(&d.value().to_string()),
        Value::Array(array) => {
            out.push('[');
            for value in array.iter() {
                write_value(out, value);
                out.push(',');
            }
            out.push(']');
        }
        Value::InlineTable(table) => write_table(out, table),
    }
}

/// Whether two items have the same canonical text ([`item`]), found
/// without writing it: the merge compares every entry of three 5,000-item
/// files, and building those texts cost it most of its time (allocation
/// and page faults for strings of megabytes).
pub fn same_item(a: &Item, b: &Item) -> bool {
    match (a, b) {
        (Item::None, Item::None) => true,
        (Item::ArrayOfTables(a), Item::ArrayOfTables(b)) => {
            a.len() == b.len() && a.iter().zip(b.iter()).all(|(a, b)| same_table(a, b))
        }
        // A table and an inline table with the same entries read the same.
        (Item::Table(a), Item::Table(b)) => same_table(a, b),
        (Item::Table(a), Item::Value(Value::InlineTable(b))) => same_table(a, b),
        (Item::Value(Value::InlineTable(a)), Item::Table(b)) => same_table(a, b),
        (Item::Value(a), Item::Value(b)) => same_value(a, b),
        _ => false,
    }
}

/// Whether two tables have the same canonical text: the same keys, each
/// with the same item (key order and decoration do not count).
pub fn same_table(a: &dyn TableLike, b: &dyn TableLike) -> bool {
    a.len() == b.len()
        && a.iter()
            .all(|(key, item)| b.get(key).is_some_and(|other| same_item(item, other)))
}

fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(a), Value::String(b)) => a.value() == b.value(),
        (Value::Integer(a), Value::Integer(b)) => a.value() == b.value(),
        // As `{:?}` writes them: -0.0 is not 0.0, every NaN is NaN.
        (Value::Float(a), Value::Float(b)) => {
            let (a, b) = (*a.value(), *b.value());
            a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
        }
        (Value::Boolean(a), Value::Boolean(b)) => a.value() == b.value(),
        (Value::Datetime(a), Value::Datetime(b)) => a.value().to_string() == b.value().to_string(),
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b.iter()).all(|(a, b)| same_value(a, b))
        }
        (Value::InlineTable(a), Value::InlineTable(b)) => same_table(a, b),
        _ => false,
    }
}

/// A value as it is written in a file, without its surrounding spaces.
pub fn clean_value(value: &Value) -> Value {
    let mut value = value.clone();
    value.decor_mut().clear();
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml_edit::DocumentMut;

    /// Every pair of top-level items and of list entries of the two
    /// documents (and each with itself).
    fn assert_same_agrees_with_the_text(a: &str, b: &str) {
        let (a, b) = (
            a.parse::<DocumentMut>().unwrap(),
            b.parse::<DocumentMut>().unwrap(),
        );
        let mut items: Vec<Item> = Vec::new();
        for document in [&a, &b] {
            for (_, item) in document.iter() {
                items.push(item.clone());
                if let Some(list) = item.as_array_of_tables() {
                    for table in list.iter() {
                        items.push(Item::Table(table.clone()));
                        for (_, inner) in table.iter() {
                            items.push(inner.clone());
                        }
                    }
                }
            }
        }
        for x in &items {
            for y in &items {
                assert_eq!(
                    same_item(x, y),
                    item(x) == item(y),
                    "{} against {}",
                    item(x),
                    item(y)
                );
            }
        }
    }

    #[test]
    fn same_ignores_order_and_decoration_like_the_canonical_text() {
        assert_same_agrees_with_the_text(
            "a = 1\nb = { x = \"1\", y = 0.0 }\nc = nan\nd = 1979-05-27\n\n[t]\nx = \"1\"\ny = 0.0\n",
            "b = {y=0.0,   x=\"1\"} # note\na = 1\nc = nan\nd = 1979-05-27T00:00:00Z\n\n[t]\ny = -0.0\nx = '1'\n",
        );
        let one: DocumentMut = "b = { x = \"1\", y = 0.0 }\n[t]\nx = \"1\"\ny = 0.0\n"
            .parse()
            .unwrap();
        let two: DocumentMut = "b = {y=0.0,   x='1'} # note\n[t]\ny = -0.0\nx = \"1\"\n"
            .parse()
            .unwrap();
        assert!(
            same_item(&one["b"], &two["b"]),
            "key order, quotes, comments"
        );
        assert!(
            same_item(&one["b"], &one["t"]),
            "an inline table and a table"
        );
        assert!(!same_item(&one["t"], &two["t"]), "-0.0 is not 0.0");
    }

    proptest::proptest! {
        #[test]
        fn same_agrees_with_comparing_canonical_texts(
            a in crate::test_support::arbitrary_matrix(),
            b in crate::test_support::arbitrary_matrix(),
        ) {
            assert_same_agrees_with_the_text(
                &crate::storage::matrix_to_toml(&a),
                &crate::storage::matrix_to_toml(&b),
            );
        }
    }
}
