//! A value's meaning without its formatting, so that two sides that wrote
//! the same value with different spacing, quoting or comments agree.

use toml_edit::{Item, Table, TableLike, Value};

/// The canonical text of an item: keys sorted, no decoration.
pub fn item(item: &Item) -> String {
    let mut out = String::new();
    write_item(&mut out, item);
    out
}

/// The canonical text of a table.
pub fn table(table: &Table) -> String {
    let mut out = String::new();
    write_table(&mut out, table);
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

/// A value as it is written in a file, without its surrounding spaces.
pub fn clean_value(value: &Value) -> Value {
    let mut value = value.clone();
    value.decor_mut().clear();
    value
}
