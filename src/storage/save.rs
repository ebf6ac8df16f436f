//! Writing a matrix as TOML in one fixed, diff-friendly layout.
//!
//! The layout is written line by line rather than through a serializer so
//! that it is stable across crate versions: top-level keys, then one
//! `[[hypotheses]]` table each, then one `[[evidence]]` table each with its
//! ratings inline (keyed by hypothesis id, in column order) and its passage
//! as `[evidence.source]`; a `[judgement]` before the hypotheses, each
//! hypothesis' indicators as `[[hypotheses.indicators]]` under it. Values
//! are encoded by `toml_edit`, which knows TOML's escaping rules. The same matrix always gives the same bytes.

use std::collections::HashMap;

use chrono::{DateTime, SecondsFormat, Utc};

use super::SCHEMA;
use crate::model::{Evidence, Indicator, Judgement, Matrix, MergeConflict, SetAside};

/// The file text of `matrix`.
pub fn matrix_to_toml(matrix: &Matrix) -> String {
    let mut out = String::with_capacity(256 + 512 * matrix.evidence().len());
    write_head(&mut out, matrix);
    for evidence in matrix.evidence() {
        write_evidence(&mut out, matrix, evidence);
    }
    write_conflicts(&mut out, matrix);
    out
}

/// Writes one matrix again and again as it is edited, formatting only the
/// evidence items that changed since the last write: the workbench saves
/// a large matrix many times, and most of a save was formatting items the
/// analyst had not touched. Gives the same bytes as [`matrix_to_toml`].
#[derive(Debug, Clone, Default)]
pub struct MatrixWriter {
    /// The hypothesis ids, in column order, that the kept items were
    /// written with: an item's ratings are written by these.
    columns: Vec<String>,
    /// Each item as last written, by id.
    items: HashMap<String, Kept>,
    /// Counts the writes, to tell the items met in this one.
    generation: u64,
    /// The size of the last text, to reserve the next one at once.
    last_len: usize,
    /// It has written once.
    primed: bool,
}

impl MatrixWriter {
    /// Writes `matrix` once, if nothing has been written yet, so that the
    /// first real write formats only what changed after this.
    pub fn prime(&mut self, matrix: &Matrix) {
        if !self.primed {
            self.write(matrix);
        }
    }

    /// The file text of `matrix`.
    pub fn write(&mut self, matrix: &Matrix) -> String {
        self.primed = true;
        let columns = matrix.hypotheses().iter().map(|h| &h.id);
        if !columns.clone().eq(self.columns.iter()) {
            self.columns = columns.cloned().collect();
            self.items.clear();
        }
        self.generation = self.generation.wrapping_add(1);
        let generation = self.generation;
        let mut out = String::with_capacity(self.last_len + 1024);
        write_head(&mut out, matrix);
        for evidence in matrix.evidence() {
            match self.items.get_mut(&evidence.id) {
                Some(kept) if kept.evidence == *evidence => kept.seen = generation,
                Some(kept) => {
                    kept.evidence = evidence.clone();
                    kept.text = item_text(matrix, evidence);
                    kept.seen = generation;
                }
                None => {
                    let text = item_text(matrix, evidence);
                    let kept = Kept {
                        evidence: evidence.clone(),
                        text,
                        seen: generation,
                    };
                    self.items.insert(evidence.id.clone(), kept);
                }
            }
            out.push_str(&self.items[&evidence.id].text);
        }
        // Items deleted since are forgotten.
        self.items.retain(|_, kept| kept.seen == generation);
        write_conflicts(&mut out, matrix);
        self.last_len = out.len();
        out
    }
}

/// An item as last written, with its text.
#[derive(Debug, Clone)]
struct Kept {
    evidence: Evidence,
    text: String,
    /// The write that last met the item.
    seen: u64,
}

fn item_text(matrix: &Matrix, evidence: &Evidence) -> String {
    let mut text = String::new();
    write_evidence(&mut text, matrix, evidence);
    text
}

/// The top-level keys and the hypotheses.
fn write_head(out: &mut String, matrix: &Matrix) {
    line(out, "schema", &SCHEMA.to_string());
    string(out, "title", &matrix.title);
    optional_string(out, "question", matrix.question.as_deref());
    optional_string(out, "analyst", matrix.analyst.as_deref());
    if let Some(created) = matrix.created {
        line(out, "created", &timestamp(created));
    }
    if let Some(updated) = matrix.updated {
        line(out, "updated", &timestamp(updated));
    }
    if let Some(exhaustive) = matrix.exhaustive {
        line(out, "exhaustive", &exhaustive.to_string());
    }
    if !matrix.likelihood.is_empty() {
        // A top-level table must come before the arrays of tables.
        out.push_str("\n[probability]\nlikelihood = {");
        for (n, (rating, ratio)) in matrix.likelihood.iter().enumerate() {
            out.push_str(if n == 0 { " " } else { ", " });
            out.push_str(rating.code());
            out.push_str(" = ");
            out.push_str(&number(ratio));
        }
        out.push_str(" }\n");
    }
    // A judgement whose hypothesis was deleted is not written: the file
    // would no longer load (undoing the deletion before saving keeps it).
    if let Some(judgement) = &matrix.judgement
        && matrix.hypothesis_index(&judgement.hypothesis).is_some()
    {
        write_judgement(out, judgement);
    }
    for hypothesis in matrix.hypotheses() {
        out.push_str("\n[[hypotheses]]\n");
        string(out, "id", &hypothesis.id);
        string(out, "title", &hypothesis.title);
        optional_string(out, "description", hypothesis.description.as_deref());
        if let Some(prior) = hypothesis.prior {
            line(out, "prior", &number(prior.value()));
        }
        if let Some(probability) = hypothesis.probability {
            line(out, "probability", &number(probability.value()));
        }
        set_aside(out, &hypothesis.set_aside);
        for indicator in &hypothesis.indicators {
            write_indicator(out, indicator);
        }
    }
}

fn write_conflicts(out: &mut String, matrix: &Matrix) {
    for conflict in &matrix.conflicts {
        write_conflict(out, conflict);
    }
}

fn write_evidence(out: &mut String, matrix: &Matrix, evidence: &Evidence) {
    out.push_str("\n[[evidence]]\n");
    string(out, "id", &evidence.id);
    string(out, "summary", &evidence.summary);
    string(out, "kind", evidence.kind.word());
    string(out, "credibility", evidence.credibility.word());
    string(out, "relevance", evidence.relevance.word());
    if let Some(date) = evidence.date {
        line(out, "date", &date.format("%Y-%m-%d").to_string());
    }
    optional_string(out, "notes", evidence.notes.as_deref());
    set_aside(out, &evidence.set_aside);
    out.push_str("ratings = {");
    let mut first = true;
    for (column, hypothesis) in matrix.hypotheses().iter().enumerate() {
        if let Some(rating) = evidence.rating(column) {
            // Ids are restricted to bare-key characters, so need no quoting.
            // Pieces pushed one by one: `write!` on each of a large matrix's
            // cells was a fifth of the time a save took.
            out.push_str(if first { " " } else { ", " });
            out.push_str(&hypothesis.id);
            out.push_str(" = \"");
            out.push_str(rating.code());
            out.push('"');
            first = false;
        }
    }
    out.push_str(if first { "}\n" } else { " }\n" });
    if let Some(source) = &evidence.source {
        out.push_str("\n[evidence.source]\n");
        string(out, "document", &source.document);
        line(out, "start", &source.start.to_string());
        line(out, "end", &source.end.to_string());
        string(out, "quote", &source.quote);
    }
}

/// `[judgement]`, a top-level table, so written before the arrays of tables.
fn write_judgement(out: &mut String, judgement: &Judgement) {
    out.push_str("\n[judgement]\n");
    string(out, "hypothesis", &judgement.hypothesis);
    string(out, "confidence", judgement.confidence.word());
    if let Some(estimate) = judgement.estimate {
        string(out, "estimate", estimate.word());
    }
    optional_string(out, "rationale", judgement.rationale.as_deref());
}

/// One `[[hypotheses.indicators]]` table, under the hypothesis just written.
fn write_indicator(out: &mut String, indicator: &Indicator) {
    out.push_str("\n[[hypotheses.indicators]]\n");
    string(out, "text", &indicator.text);
    if let Some(by) = indicator.expected_by {
        line(out, "expected_by", &by.format("%Y-%m-%d").to_string());
    }
    string(out, "status", indicator.status.word());
}

/// Merge conflicts stay in the file until resolved; their values are kept
/// as the TOML text they were read as.
fn write_conflict(out: &mut String, conflict: &MergeConflict) {
    out.push_str("\n[[conflicts]]\n");
    string(out, "at", &conflict.at);
    if let Some(base) = &conflict.base {
        line(out, "base", base);
    }
    if let Some(ours) = &conflict.ours {
        line(out, "ours", ours);
    }
    optional_string(out, "ours_by", conflict.ours_by.as_deref());
    if let Some(theirs) = &conflict.theirs {
        line(out, "theirs", theirs);
    }
    optional_string(out, "theirs_by", conflict.theirs_by.as_deref());
}

/// `set_aside = true` and its reason; nothing for an item that counts,
/// so files that never set anything aside are written as before.
fn set_aside(out: &mut String, set_aside: &SetAside) {
    if set_aside.is_set() {
        line(out, "set_aside", "true");
        optional_string(out, "set_aside_reason", set_aside.reason());
    }
}

fn line(out: &mut String, key: &str, value: &str) {
    out.push_str(key);
    out.push_str(" = ");
    out.push_str(value);
    out.push('\n');
}

fn string(out: &mut String, key: &str, value: &str) {
    out.push_str(key);
    out.push_str(" = ");
    quoted(out, value);
    out.push('\n');
}

/// `value` as a TOML string, exactly as `toml_edit` writes it. Most text
/// needs no escape and is written as is between double quotes: formatting
/// each of a large matrix's strings through `toml_edit` was most of the
/// time a save took.
fn quoted(out: &mut String, value: &str) {
    if value
        .chars()
        .all(|c| !c.is_control() && c != '"' && c != '\\')
    {
        out.push('"');
        out.push_str(value);
        out.push('"');
    } else {
        out.push_str(&toml_edit::Value::from(value).to_string());
    }
}

/// A finite number as TOML writes floats (`0.25`, `1.0`), read back as
/// the same f64.
fn number(value: f64) -> String {
    toml_edit::Value::from(value).to_string()
}

fn optional_string(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        string(out, key, value);
    }
}

/// RFC 3339 in UTC with `Z`, with fractional seconds only when present, so
/// a timestamp read from a file is written back unchanged.
fn timestamp(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    use crate::edit::History;
    use crate::test_support::{arbitrary_matrix, session};

    proptest! {
        /// After every step of a random session (ratings, new and removed
        /// items and hypotheses, moved columns, undo, redo), the writer
        /// that keeps what it wrote gives the same bytes as a fresh write.
        #[test]
        fn the_writer_that_keeps_items_writes_what_a_fresh_write_writes(
            mut matrix in arbitrary_matrix(),
            steps in proptest::collection::vec(session::step(), 1..30),
        ) {
            let mut writer = MatrixWriter::default();
            let mut history = History::default();
            writer.prime(&matrix);
            writer.prime(&matrix);
            for (serial, step) in steps.iter().enumerate() {
                session::replay(&mut matrix, &mut history, step, serial);
                prop_assert_eq!(writer.write(&matrix), matrix_to_toml(&matrix), "after {:?}", step);
            }
        }
    }

    fn through_toml_edit(value: &str) -> String {
        toml_edit::Value::from(value).to_string()
    }

    proptest! {
        /// The short cut for plain text writes what `toml_edit` writes, for
        /// any text at all, including quotes, apostrophes, backslashes,
        /// control characters and any Unicode.
        #[test]
        fn strings_are_written_as_toml_edit_writes_them(value in any::<String>()) {
            let mut out = String::new();
            quoted(&mut out, &value);
            prop_assert_eq!(out, through_toml_edit(&value));
        }

        #[test]
        fn prose_is_written_as_toml_edit_writes_it(value in "[a-zA-Z0-9 ’'\"\\\t\n\r.,;:é€😀\u{7f}\u{85}\u{2028}\u{feff}]{0,40}") {
            let mut out = String::new();
            quoted(&mut out, &value);
            prop_assert_eq!(out, through_toml_edit(&value));
        }
    }
}
