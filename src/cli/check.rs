//! `ach check`: validate matrix files and their passages.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{Outcome, report_load_error};
use crate::storage::{Location, load_matrix_with_positions};
use crate::text::{counted, inert};
use crate::workspace::{Workspace, check_passage_in, read_passage_document};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The matrix files to check.
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
    let (matrix, positions) = match load_matrix_with_positions(path) {
        Ok(loaded) => loaded,
        Err(error) => {
            report_load_error(err, &error)?;
            return Ok(Outcome::Invalid);
        }
    };
    let workspace = workspace.map_or_else(|| Workspace::of_matrix(path), Workspace::new);
    let mut passages = 0;
    let mut warnings = 0;
    // Many passages quote the same document: read each one once.
    let mut documents = HashMap::new();
    for (row, evidence) in matrix.evidence().iter().enumerate() {
        let Some(passage) = &evidence.source else {
            continue;
        };
        passages += 1;
        let document = documents
            .entry(passage.document.as_str())
            .or_insert_with(|| read_passage_document(&workspace, &passage.document));
        let check = match document {
            Ok(bytes) => check_passage_in(bytes, passage),
            Err(problem) => problem.clone(),
        };
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
