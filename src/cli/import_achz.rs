//! `ach import FILE.achz`: a PARC ACH 2.0 project converted to a matrix in
//! the workspace's `hypotheses/` (or `--output`), with what did not survive
//! listed as warnings.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::Outcome;
use crate::import::{ProjectError, import_project};
use crate::text::inert;
use crate::workspace::Workspace;

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The PARC ACH 2.0 project (`.achz`) to convert.
    pub file: PathBuf,
    /// Where to write the matrix [default: hypotheses/NAME.toml in the
    /// workspace]. An existing file is never replaced.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,
}

pub fn run(
    args: &ImportArgs,
    workspace: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let file = args.file.display().to_string();
    let root = match workspace {
        Some(root) => root.to_owned(),
        None => std::env::current_dir()?,
    };
    let imported = match import_project(&Workspace::new(root), &args.file, args.output.as_deref()) {
        Ok(imported) => imported,
        Err(error) => {
            let message = match error {
                ProjectError::Exists(path) => format!(
                    "{}: already exists; choose another with --output",
                    path.display()
                ),
                ProjectError::Read(_) | ProjectError::Format(_) => format!("{file}: {error}"),
                other => other.to_string(),
            };
            writeln!(err, "ach: {}", inert(&message))?;
            return Ok(Outcome::Invalid);
        }
    };
    for lost in &imported.lost {
        writeln!(
            err,
            "{}",
            inert(&format!("{file}: warning: not kept: {lost}"))
        )?;
    }
    let summary = format!(
        "{}: imported {} hypotheses and {} evidence items from {file}",
        imported.matrix.display(),
        imported.hypotheses,
        imported.evidence,
    );
    writeln!(out, "{}", inert(&summary))?;
    Ok(Outcome::Success)
}
