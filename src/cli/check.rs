//! `ach check`: validate matrix files and their passages.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{Outcome, report_load_error};
use crate::storage::Location;
use crate::text::{counted, inert};
use crate::workspace::{Workspace, check_passage};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The matrix files to check (`-` reads one from standard input; its
    /// passages are checked against the workspace, `-w` or the current
    /// directory).
    #[arg(required = true)]
    pub matrices: Vec<PathBuf>,
}

pub fn run(
    args: &CheckArgs,
    workspace: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let mut outcome = Outcome::Success;
    for path in &args.matrices {
        if check_one(path, workspace, out, err)? == Outcome::Invalid {
            outcome = Outcome::Invalid;
        }
    }
    Ok(outcome)
}

fn check_one(
    path: &Path,
    workspace: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let (matrix, positions) = match super::input::load(path) {
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
    for (row, evidence) in matrix.evidence().iter().enumerate() {
        let Some(passage) = &evidence.source else {
            continue;
        };
        passages += 1;
        // Only the bytes start..end of the document are read.
        let check = check_passage(&workspace, passage);
        if !check.is_ok() {
            warnings += 1;
            let at = positions.sources[row].unwrap_or(Location::START);
            let message = format!(
                "{}:{at}: warning: evidence `{}`: {} ({})",
                path.display(),
                evidence.id,
                check,
                passage.document
            );
            writeln!(err, "{}", inert(&message))?;
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
    let summary = format!(
        "{}: ok: {}, {}, {} of {passages} passages match their documents",
        path.display(),
        counted(matrix.hypotheses().len(), "hypothesis", "hypotheses"),
        counted(matrix.evidence().len(), "evidence item", "evidence items"),
        passages - warnings,
    );
    writeln!(out, "{}", inert(&summary))?;
    Ok(Outcome::Success)
}
