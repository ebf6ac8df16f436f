//! `ach check`: validate matrix files and their passages; with `--fix`,
//! re-anchor the passages whose quote moved to one certain place.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{Outcome, report_load_error};
use crate::model::Passage;
use crate::storage::{Location, has_comments, keep_original, matrix_to_toml, write_atomically};
use crate::text::{counted, inert};
use crate::workspace::{
    PassageCheck, Relocation, Relocator, Workspace, check_passage, read_metadata,
    read_passage_document,
};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The matrix files to check (`-` reads one from standard input; its
    /// passages are checked against the workspace, `-w` or the current
    /// directory).
    #[arg(required = true)]
    pub matrices: Vec<PathBuf>,
    /// Re-anchor each passage whose quote is now in exactly one place of its
    /// document (exactly, or once whitespace and quote marks are
    /// normalised), and save the matrix. Fuzzy matches and lost quotes are
    /// only reported.
    #[arg(long)]
    pub fix: bool,
}

pub fn run(
    args: &CheckArgs,
    workspace: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let mut outcome = Outcome::Success;
    // Read once, at the edge: indicators expected before today are overdue.
    let today = chrono::Local::now().date_naive();
    for path in &args.matrices {
        if check_one(path, workspace, args.fix, today, out, err)? == Outcome::Invalid {
            outcome = Outcome::Invalid;
        }
    }
    Ok(outcome)
}

fn check_one(
    path: &Path,
    workspace: Option<&Path>,
    fix: bool,
    today: chrono::NaiveDate,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let (mut matrix, positions) = match super::input::load(path) {
        Ok(loaded) => loaded,
        Err(error) => {
            report_load_error(err, &error)?;
            return Ok(Outcome::Invalid);
        }
    };
    let workspace = match workspace {
        Some(root) => Workspace::new(root),
        None if super::input::is_stdin(path) => Workspace::new(std::env::current_dir()?),
        None => Workspace::of_matrix(path),
    };
    let path = if super::input::is_stdin(path) {
        Path::new(super::input::STDIN_NAME)
    } else {
        path
    };
    let mut passages = 0;
    let mut warnings = 0;
    let mut fixed = 0;
    // The whole document is read only for a passage that no longer
    // matches, to find where its quote went; once per document.
    let mut documents = HashMap::new();
    let mut quoted = std::collections::BTreeSet::new();
    for (row, evidence) in matrix.evidence_mut().iter_mut().enumerate() {
        let Some(passage) = &mut evidence.source else {
            continue;
        };
        passages += 1;
        quoted.insert(passage.document.clone());
        // Only the bytes start..end of the document are read.
        let check = check_passage(&workspace, passage);
        if check.is_ok() {
            continue;
        }
        let at = positions.sources[row].unwrap_or(Location::START);
        let moved = match check {
            PassageCheck::QuoteChanged | PassageCheck::OutOfRange { .. } => {
                let document = documents
                    .entry(passage.document.clone())
                    .or_insert_with(|| {
                        let bytes = read_passage_document(&workspace, &passage.document).ok()?;
                        String::from_utf8(bytes).ok().map(Relocator::new)
                    });
                document
                    .as_ref()
                    .map(|document| (document.text(), document.find(&passage.quote)))
            }
            _ => None,
        };
        let whereabouts = moved
            .as_ref()
            .map(|(text, found)| format!("; {}", describe(text, found, fix)))
            .unwrap_or_default();
        if fix
            && !super::input::is_stdin(path)
            && let Some((text, found)) = &moved
            && found.is_certain()
            && let Some(range) = found.range()
        {
            let before = format!("bytes {}–{}", passage.start, passage.end);
            reanchor(passage, text, range);
            fixed += 1;
            let message = format!(
                "{}:{at}: fixed: evidence `{}`: re-anchored from {before} to bytes {}–{} ({})",
                path.display(),
                evidence.id,
                passage.start,
                passage.end,
                passage.document
            );
            writeln!(err, "{}", inert(&message))?;
            continue;
        }
        warnings += 1;
        let message = format!(
            "{}:{at}: warning: evidence `{}`: {check}{whereabouts} ({})",
            path.display(),
            evidence.id,
            passage.document
        );
        writeln!(err, "{}", inert(&message))?;
    }
    check_sources(&workspace, quoted.iter(), err)?;
    if fixed > 0 {
        let current = crate::fsio::read_regular(path)?;
        // The writer's own layout drops comments: keep the commented
        // original as PATH.orig, as a save in the workbench does.
        let kept = if has_comments(&String::from_utf8_lossy(&current)) {
            keep_original(path)
        } else {
            Ok(())
        };
        if let Err(error) =
            kept.and_then(|()| write_atomically(path, matrix_to_toml(&matrix).as_bytes()))
        {
            writeln!(err, "{}", inert(&format!("ach: {error}")))?;
            return Ok(Outcome::Invalid);
        }
    }
    // A merged file that still holds two values for a field is not done.
    for (conflict, at) in matrix.conflicts.iter().zip(&positions.conflicts) {
        let readable = crate::merge::FieldPath::parse(&conflict.at)
            .map_or_else(|| conflict.at.clone(), |p| p.readable());
        let side = |value: &Option<String>, by: &Option<String>, default: &str| {
            format!(
                "{} ({})",
                value.as_deref().map_or("deleted", |v| v.trim_matches('"')),
                by.as_deref().unwrap_or(default)
            )
        };
        let message = format!(
            "{}:{at}: error: merge conflict at {readable}: {} or {}; resolve it with `ach resolve`",
            path.display(),
            side(&conflict.ours, &conflict.ours_by, "ours"),
            side(&conflict.theirs, &conflict.theirs_by, "theirs"),
        );
        writeln!(err, "{}", inert(&message))?;
    }
    if !matrix.conflicts.is_empty() {
        return Ok(Outcome::Invalid);
    }
    // The probability reading's warnings and questions: the file is valid,
    // but the analyst should see them (issue 12).
    for finding in crate::probability::read(&matrix).findings {
        let kind = if finding.is_question() {
            "question"
        } else {
            "warning"
        };
        let message = format!("{}: {kind}: {finding}", path.display());
        writeln!(err, "{}", inert(&message))?;
    }
    report_health(path, &matrix, &positions, err)?;
    report_overdue(path, &matrix, &positions, today, err)?;
    let summary = format!(
        "{}: ok: {}, {}, {} of {passages} passages match their documents{}",
        path.display(),
        counted(matrix.hypotheses().len(), "hypothesis", "hypotheses"),
        counted(matrix.evidence().len(), "evidence item", "evidence items"),
        passages - warnings,
        if fixed > 0 {
            format!(" ({} re-anchored)", fixed)
        } else {
            String::new()
        },
    );
    writeln!(out, "{}", inert(&summary))?;
    Ok(Outcome::Success)
}

/// The matrix health warnings (issue 11), each at the line of the item or
/// hypothesis it is about, tagged with its rule so scripts can pick them
/// out. Warnings only: the exit status does not change.
fn report_health(
    path: &Path,
    matrix: &crate::model::Matrix,
    positions: &crate::storage::Positions,
    err: &mut dyn Write,
) -> io::Result<()> {
    use crate::health::Subject;
    let mut located: Vec<_> = crate::health::health_of(matrix)
        .into_iter()
        .map(|warning| {
            let at = match warning.subject {
                Subject::Evidence(row) => positions.evidence.get(row).copied(),
                Subject::Hypothesis(column) => positions.hypotheses.get(column).copied(),
                Subject::Matrix => positions.evidence.first().copied(),
            };
            (at.unwrap_or(Location::START), warning)
        })
        .collect();
    // In file order, as an editor walks them; stable, so one line's
    // warnings keep the rules' order.
    located.sort_by_key(|(at, _)| *at);
    for (at, warning) in located {
        let message = format!(
            "{}:{at}: warning: {} [health: {}]",
            path.display(),
            warning.message,
            warning.rule.code()
        );
        writeln!(err, "{}", inert(&message))?;
    }
    Ok(())
}

/// Indicators still open after the date they were expected by (Heuer's
/// step 8: the judgement they bear on needs another look). Warnings only.
fn report_overdue(
    path: &Path,
    matrix: &crate::model::Matrix,
    positions: &crate::storage::Positions,
    today: chrono::NaiveDate,
    err: &mut dyn Write,
) -> io::Result<()> {
    for (column, index) in crate::model::overdue_indicators(matrix.hypotheses(), today) {
        let hypothesis = &matrix.hypotheses()[column];
        let indicator = &hypothesis.indicators[index];
        let at = positions
            .indicators
            .get(column)
            .and_then(|tables| tables.get(index))
            .copied()
            .unwrap_or(Location::START);
        let by = indicator
            .expected_by
            .map_or_else(String::new, |by| by.format("%Y-%m-%d").to_string());
        let message = format!(
            "{}:{at}: warning: {}: indicator \"{}\" was expected by {by} and is still open: mark it observed or not observed, or look at the judgement again [indicator: overdue]",
            path.display(),
            hypothesis.id,
            indicator.text,
        );
        writeln!(err, "{}", inert(&message))?;
    }
    Ok(())
}

/// The passage now points at `range` of `text`, and quotes exactly its
/// bytes there (which differ from the old quote only in spacing and quote
/// marks when the match was normalised).
fn reanchor(passage: &mut Passage, text: &str, range: std::ops::Range<usize>) {
    passage.quote = text[range.clone()].to_owned();
    passage.start = range.start;
    passage.end = range.end;
}

/// Where the quote is now, for the warning.
fn describe(text: &str, found: &Relocation, fix: bool) -> String {
    let line = |start: usize| Location::of_offset(text, start).line;
    let fixable = if fix {
        ""
    } else {
        ": `ach check --fix` re-anchors it"
    };
    match found {
        Relocation::Exact { range, count: 1 } => format!(
            "the quote is now at bytes {}–{} (line {}){fixable}",
            range.start,
            range.end,
            line(range.start)
        ),
        Relocation::Exact { range, count } => format!(
            "the quote is in {count} places, first at bytes {}–{} (line {}): re-anchor it in the workbench",
            range.start,
            range.end,
            line(range.start)
        ),
        Relocation::Normalised { range, count: 1 } => format!(
            "the quote is at bytes {}–{} (line {}) once whitespace and quote marks are normalised{fixable}",
            range.start,
            range.end,
            line(range.start)
        ),
        Relocation::Normalised { range, count } => format!(
            "once whitespace and quote marks are normalised the quote is in {count} places, first at bytes {}–{} (line {})",
            range.start,
            range.end,
            line(range.start)
        ),
        Relocation::Fuzzy { range, similarity } => format!(
            "the most similar text is at bytes {}–{} (line {}), {:.0}% similar: not re-anchored",
            range.start,
            range.end,
            line(range.start),
            similarity * 100.0
        ),
        Relocation::Lost => {
            "the quote is nowhere in the document; it stays as the evidence's text".to_owned()
        }
    }
}

/// Warnings about the metadata sidecars of the documents passages quote: a
/// sidecar that does not load, an original whose SHA-256 is not the one
/// recorded at import.
fn check_sources<'a>(
    workspace: &Workspace,
    documents: impl Iterator<Item = &'a String>,
    err: &mut dyn Write,
) -> io::Result<usize> {
    let mut documents: Vec<&String> = documents.collect();
    documents.sort();
    let mut warnings = 0;
    for document in documents {
        let Ok(file) = workspace.resolve_document(document) else {
            continue;
        };
        let metadata = match read_metadata(&file) {
            Ok(Some(metadata)) => metadata,
            Ok(None) => continue,
            Err(error) => {
                warnings += 1;
                let shown = format!("{}{}", document, crate::workspace::METADATA_SUFFIX);
                let message = format!("{shown}:{}: warning: {}", error.at, error.message);
                writeln!(err, "{}", inert(&message))?;
                continue;
            }
        };
        let (Some(original), Some(recorded)) = (&metadata.original, &metadata.sha256) else {
            continue;
        };
        let original_path = file.with_file_name(original);
        let problem = match crate::fsio::read_regular(&original_path) {
            Ok(bytes) if crate::import::sha256_hex(&bytes) == *recorded => continue,
            Ok(_) => "has changed since import (its SHA-256 is not the one recorded)".to_owned(),
            Err(error) => format!("cannot be read: {error}"),
        };
        warnings += 1;
        let message = format!(
            "{document}{}: warning: the original `{original}` {problem}",
            crate::workspace::METADATA_SUFFIX
        );
        writeln!(err, "{}", inert(&message))?;
    }
    Ok(warnings)
}
